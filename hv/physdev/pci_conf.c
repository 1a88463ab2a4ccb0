/* Configuration mechanism 1 for a domain: 0xcf8 is its own latch (the
 * real one is the hypervisor's), 0xcfc-0xcff reach the register the latch
 * names when the domain holds that device, and otherwise read all ones and
 * drop writes. BARs stay where the firmware put them, since a BAR moved
 * over RAM or the APICs would hand the domain memory it may not have: a
 * write of all ones starts sizing (reads then give the size mask, as the
 * hardware would), any other write ends it and changes nothing. A bridge's
 * bus numbers and windows, and expansion ROM BARs, keep their values too
 * (the ROM BAR reads 0: no ROM). Everything else goes to the device. */
#include "physdev/pci.h"
#include "arch/arch.h"
#include "domain/domain.h"

#define CONF_ADDR   0xcf8
#define CONF_DATA   0xcfc
#define LATCH_ON    0x80000000u
#define REG_BAR0    0x10

static uint32_t ones(unsigned size)
{
	return size == 4 ? 0xffffffffu : (1u << (8 * size)) - 1;
}

bool pci_port(uint32_t port)
{
	return port >= CONF_ADDR && port <= CONF_DATA + 3;
}

/* The register the domain's latch and port name on a device it holds. */
static struct pci_dev *target(const struct domain *d, uint32_t port, unsigned size,
			      uint32_t *reg)
{
	if (!(d->pci_latch & LATCH_ON) || port < CONF_DATA || (port & 3) + size > 4)
		return 0;
	struct pci_dev *p = pci_find((uint16_t)(d->pci_latch >> 8));
	if (!p || !pci_holds(d, p))
		return 0;
	*reg = (d->pci_latch & 0xfc) + (port & 3);
	return p;
}

/* The BAR dword reg is, or -1; rom says the ROM BAR. */
static int bar_index(const struct pci_dev *p, uint32_t dword, bool *rom)
{
	unsigned nr = p->header == 0 ? 6 : p->header == 1 ? 2 : 0;

	*rom = dword == (p->header == 1 ? 0x38u : 0x30u);
	if (dword >= REG_BAR0 && dword < REG_BAR0 + 4 * nr)
		return (int)(dword - REG_BAR0) / 4;
	return -1;
}

/* Registers the domain reads but never writes through: BARs, the ROM BAR,
 * a bridge's bus numbers and windows. */
static bool kept(const struct pci_dev *p, uint32_t dword)
{
	bool rom;

	return bar_index(p, dword, &rom) >= 0 || rom ||
	       (p->header == 1 && dword >= 0x18 && dword < 0x30);
}

/* BAR i's dword while it is being sized: its size mask and type bits. */
static uint32_t sizing_value(const struct pci_dev *p, unsigned i, uint32_t real)
{
	const struct pci_bar *b = &p->bar[i];

	if (b->upper)
		return (uint32_t)(~(p->bar[i - 1].size - 1) >> 32);
	if (!b->size)
		return real;
	return ((uint32_t)~(b->size - 1) & (b->io ? ~3u : ~15u)) | (real & (b->io ? 3u : 15u));
}

static uint32_t read_dword(const struct pci_dev *p, uint32_t dword)
{
	bool rom;
	int i = bar_index(p, dword, &rom);
	uint32_t real = arch_pci_read(p->bdf, dword, 4);

	if (rom)
		return 0;
	if (i >= 0 && (p->sizing & (1u << i)))
		return sizing_value(p, (unsigned)i, real);
	return real;
}

uint32_t pci_port_read(struct domain *d, uint32_t port, unsigned size)
{
	uint32_t reg;

	if (port == CONF_ADDR && size == 4)
		return d->pci_latch;
	struct pci_dev *p = target(d, port, size, &reg);
	if (!p)
		return ones(size);
	if (!kept(p, reg & ~3u))
		return arch_pci_read(p->bdf, reg, size);
	return (read_dword(p, reg & ~3u) >> (8 * (reg & 3))) & ones(size);
}

void pci_port_write(struct domain *d, uint32_t port, unsigned size, uint32_t val)
{
	uint32_t reg;
	bool rom;

	if (port == CONF_ADDR && size == 4) {
		d->pci_latch = val & 0x80fffffcu;
		return;
	}
	struct pci_dev *p = target(d, port, size, &reg);
	if (!p)
		return;
	if (!kept(p, reg & ~3u)) {
		arch_pci_write(p->bdf, reg, size, val);
		return;
	}
	int i = bar_index(p, reg & ~3u, &rom);
	if (i < 0 || size != 4)
		return;
	if (val == 0xffffffffu)
		p->sizing |= (uint8_t)(1u << i);
	else
		p->sizing &= (uint8_t)~(1u << i);
}
