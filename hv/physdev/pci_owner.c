/* Which domain holds which device, and what that lets it reach. */
#include "physdev/pci.h"
#include "physdev/physdev.h"
#include "domain/domain.h"
#include "physdev/pirq.h"
#include "arch/arch.h"
#include "console/log.h"
#include "lib/format.h"

#define REG_COMMAND     0x04
#define CMD_BUS_MASTER  0x4u

struct pci_dev *pci_find(uint16_t bdf)
{
	for (uint32_t i = 0; i < pci_nr_devs; i++)
		if (pci_devs[i].bdf == bdf)
			return &pci_devs[i];
	return 0;
}

bool pci_holds(const struct domain *d, const struct pci_dev *p)
{
	if (p->owner == PCI_OWNER_DEFAULT)
		return d->privileged;
	return p->owner == d->domid;
}

bool pci_holds_mmio(const struct domain *d)
{
	for (uint32_t i = 0; i < pci_nr_devs; i++)
		for (unsigned j = 0; j < PCI_BARS; j++)
			if (pci_holds(d, &pci_devs[i]) && !pci_devs[i].bar[j].io &&
			    pci_devs[i].bar[j].size >= 4096 && pci_devs[i].bar[j].base)
				return true;
	return false;
}

int pci_give(struct domain *d, const uint16_t *bdfs, uint32_t nr, char *err, size_t errlen)
{
	for (uint32_t i = 0; i < nr; i++) {
		struct pci_dev *p = pci_find(bdfs[i]);
		unsigned b = bdfs[i] >> 8, dv = (bdfs[i] >> 3) & 31, f = bdfs[i] & 7;
		if (!p) {
			format(err, errlen, "pci=: there is no device %02x:%02x.%x", b, dv, f);
			return -1;
		}
		if (p->owner != PCI_OWNER_DEFAULT) {
			format(err, errlen, "pci=: %02x:%02x.%x is already domain %u's", b, dv, f,
			       p->owner);
			return -1;
		}
		for (unsigned j = 0; j < PCI_BARS; j++) {
			const struct pci_bar *r = &p->bar[j];
			if (r->io && r->size && (r->base + r->size - 1 > 0xffff ||
			    ioports_add(&d->ioports, (uint16_t)r->base,
					(uint16_t)(r->base + r->size - 1)) < 0)) {
				format(err, errlen, "pci=: %02x:%02x.%x: no room for its ports "
				       "0x%llx+%llu", b, dv, f, (unsigned long long)r->base,
				       (unsigned long long)r->size);
				return -1;
			}
		}
		p->owner = d->domid;
	}
	return 0;
}

/* Whether [a, a + alen) and [b, b + blen) meet (64-bit: no wrap). */
static bool overlap(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
	return a < b + blen && b < a + alen;
}

bool pci_ports_foreign(const struct domain *d, uint32_t port, uint32_t len)
{
	for (uint32_t i = 0; i < pci_nr_devs; i++) {
		const struct pci_dev *p = &pci_devs[i];
		if (pci_holds(d, p))
			continue;
		for (unsigned j = 0; j < PCI_BARS; j++)
			if (p->bar[j].io && overlap(port, len, p->bar[j].base, p->bar[j].size))
				return true;
	}
	return false;
}

bool pci_mmio_held(const struct domain *d, uint64_t mfn)
{
	uint64_t addr = mfn << 12;

	if (mfn >= (1ull << 40))
		return false;
	for (uint32_t i = 0; i < pci_nr_devs; i++) {
		const struct pci_dev *p = &pci_devs[i];
		if (!pci_holds(d, p))
			continue;
		for (unsigned j = 0; j < PCI_BARS; j++) {
			const struct pci_bar *b = &p->bar[j];
			/* A BAR smaller than a page shares its page with others;
			 * one at 0 was never placed by the firmware. */
			if (!b->io && b->base && b->size >= 4096 &&
			    overlap(addr, 4096, b->base, b->size))
				return true;
		}
	}
	return false;
}

bool pci_gsi_held(const struct domain *d, uint32_t gsi)
{
	for (uint32_t i = 0; i < pci_nr_devs; i++) {
		const struct pci_dev *p = &pci_devs[i];
		if (pci_holds(d, p) && p->pin && arch_pci_gsi(p->bdf, p->pin) == (int64_t)gsi)
			return true;
	}
	return false;
}

void pci_release(struct domain *d)
{
	pirq_release_all(d);
	for (uint32_t i = 0; i < pci_nr_devs; i++) {
		struct pci_dev *p = &pci_devs[i];
		if (p->owner != d->domid && !(d->privileged && p->owner == PCI_OWNER_DEFAULT))
			continue;
		p->owner = PCI_OWNER_NONE;
		if (p->header != 0)
			continue;             /* a bridge forwards others' DMA */
		uint32_t cmd = arch_pci_read(p->bdf, REG_COMMAND, 2);
		if (!(cmd & CMD_BUS_MASTER))
			continue;
		arch_pci_write(p->bdf, REG_COMMAND, 2, cmd & ~CMD_BUS_MASTER);
		log_info("pci %02x:%02x.%x: domain %u's no more; bus mastering off", p->bdf >> 8,
			 (p->bdf >> 3) & 31, p->bdf & 7, d->domid);
	}
}
