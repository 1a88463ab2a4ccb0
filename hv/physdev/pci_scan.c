/* Finding the PCI devices: bus 0, then the bus behind each bridge found,
 * each bus at most once, so a loop of bridges ends. Every device is logged
 * with its BARs (sized by writing all ones, decoding off meanwhile). */
#include "physdev/pci.h"
#include "arch/arch.h"
#include "console/log.h"

#define REG_ID       0x00
#define REG_COMMAND  0x04
#define REG_CLASS    0x08
#define REG_HEADER   0x0e
#define REG_BAR0     0x10
#define REG_BUSES    0x18
#define REG_INTR     0x3c
#define CMD_DECODE   0x3u        /* I/O and memory space enable */

struct pci_dev pci_devs[PCI_DEVS_MAX];
uint32_t pci_nr_devs;

/* BAR i's size; a 64-bit memory BAR also fills i + 1. */
static unsigned size_bar(struct pci_dev *p, unsigned i, unsigned nr)
{
	uint32_t reg = REG_BAR0 + 4 * i;
	uint32_t lo = arch_pci_read(p->bdf, reg, 4), hi = 0, lo_mask, hi_mask = 0xffffffffu;
	bool is64 = !(lo & 1) && (lo & 6) == 4 && i + 1 < nr;

	arch_pci_write(p->bdf, reg, 4, 0xffffffffu);
	lo_mask = arch_pci_read(p->bdf, reg, 4);
	arch_pci_write(p->bdf, reg, 4, lo);
	if (is64) {
		hi = arch_pci_read(p->bdf, reg + 4, 4);
		arch_pci_write(p->bdf, reg + 4, 4, 0xffffffffu);
		hi_mask = arch_pci_read(p->bdf, reg + 4, 4);
		arch_pci_write(p->bdf, reg + 4, 4, hi);
	}
	struct pci_bar *b = &p->bar[i];
	b->io = lo & 1;
	uint64_t mask = (uint64_t)hi_mask << 32 | (lo_mask & (b->io ? ~3u : ~15u));
	if (b->io)
		mask |= 0xffffffffffff0000ull;   /* ports are 16 bits */
	else if (!is64)
		mask |= 0xffffffff00000000ull;
	b->base = ((uint64_t)hi << 32 | lo) & (b->io ? ~3ull : ~15ull);
	b->size = (lo_mask == 0 || lo_mask == 0xffffffffu) ? 0 : ~mask + 1;
	if (!is64)
		return 1;
	p->bar[i + 1].upper = true;
	return 2;
}

static void log_dev(const struct pci_dev *p)
{
	log_info("pci %02x:%02x.%x %04x:%04x class %06x%s, interrupt pin %c line %u",
		 p->bdf >> 8, (p->bdf >> 3) & 31, p->bdf & 7, p->vendor, p->device,
		 p->class_rev >> 8, p->header == 1 ? " (bridge)" : "",
		 p->pin ? 'A' + p->pin - 1 : '-', p->line);
	for (unsigned i = 0; i < PCI_BARS; i++)
		if (p->bar[i].size)
			log_info("  BAR%u %s 0x%llx, %llu bytes", i, p->bar[i].io ? "ports" : "memory",
				 (unsigned long long)p->bar[i].base,
				 (unsigned long long)p->bar[i].size);
}

/* Record function bdf; the secondary bus of a bridge, or 0. */
static uint8_t add_dev(uint16_t bdf, uint32_t id)
{
	if (pci_nr_devs == PCI_DEVS_MAX) {
		log_warn("pci: more than %u devices; %02x:%02x.%x and later are left alone",
			 PCI_DEVS_MAX, bdf >> 8, (bdf >> 3) & 31, bdf & 7);
		return 0;
	}
	struct pci_dev *p = &pci_devs[pci_nr_devs++];
	*p = (struct pci_dev){ .bdf = bdf, .vendor = id & 0xffff, .device = id >> 16,
			       .owner = PCI_OWNER_DEFAULT };
	p->class_rev = arch_pci_read(bdf, REG_CLASS, 4);
	p->header = arch_pci_read(bdf, REG_HEADER, 1) & 0x7f;
	p->line = arch_pci_read(bdf, REG_INTR, 1);
	p->pin = arch_pci_read(bdf, REG_INTR + 1, 1);
	if (p->pin > 4)
		p->pin = 0;
	unsigned nr = p->header == 0 ? 6 : p->header == 1 ? 2 : 0;
	uint32_t cmd = arch_pci_read(bdf, REG_COMMAND, 2);
	arch_pci_write(bdf, REG_COMMAND, 2, cmd & ~CMD_DECODE);
	for (unsigned i = 0; i < nr; )
		i += size_bar(p, i, nr);
	arch_pci_write(bdf, REG_COMMAND, 2, cmd);
	log_dev(p);
	return p->header == 1 ? arch_pci_read(bdf, REG_BUSES + 1, 1) : 0;
}

void pci_scan(void)
{
	uint8_t queue[256];
	bool seen[256] = { [0] = true };
	unsigned head = 0, tail = 0;

	queue[tail++] = 0;
	while (head < tail) {
		uint8_t bus = queue[head++];
		for (unsigned dev = 0; dev < 32; dev++) {
			for (unsigned fn = 0; fn < 8; fn++) {
				uint16_t bdf = (uint16_t)(bus << 8 | dev << 3 | fn);
				uint32_t id = arch_pci_read(bdf, REG_ID, 4);
				if ((id & 0xffff) == 0xffff) {
					if (fn == 0)
						break;
					continue;
				}
				uint8_t sec = add_dev(bdf, id);
				if (sec && !seen[sec] && tail < 256) {
					seen[sec] = true;
					queue[tail++] = sec;
				}
				if (fn == 0 && !(arch_pci_read(bdf, REG_HEADER, 1) & 0x80))
					break;
			}
		}
	}
	log_info("pci: %u device(s) on %u bus(es)", pci_nr_devs, tail);
}
