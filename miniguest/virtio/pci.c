/* PCI configuration space (pci.h). */
#include "virtio/pci.h"

#include <stdio.h>

#include "kernel/hypervisor.h"
#include "hv/arch/x86/io.h"
#include "pvabi/physdev.h"

#define CONF_ADDR 0xcf8
#define CONF_DATA 0xcfc
#define CAPS_MAX  48            /* a list longer than the space holds loops */

bool pci_init(void)
{
	struct physdev_set_iopl s = { 1 };

	return hypercall2(__HYPERVISOR_physdev_op, PHYSDEVOP_set_iopl, ptr_arg(&s)) == 0;
}

static void latch(uint16_t bdf, uint32_t reg)
{
	outl(CONF_ADDR, 0x80000000u | (uint32_t)bdf << 8 | (reg & 0xfc));
}

uint32_t pci_read32(uint16_t bdf, uint32_t reg)
{
	latch(bdf, reg);
	return inl(CONF_DATA);
}

uint16_t pci_read16(uint16_t bdf, uint32_t reg)
{
	latch(bdf, reg);
	return inw((uint16_t)(CONF_DATA + (reg & 2)));
}

uint8_t pci_read8(uint16_t bdf, uint32_t reg)
{
	return (uint8_t)(pci_read32(bdf, reg) >> (8 * (reg & 3)));
}

void pci_write16(uint16_t bdf, uint32_t reg, uint16_t v)
{
	latch(bdf, reg);
	outw((uint16_t)(CONF_DATA + (reg & 2)), v);
}

uint16_t pci_find(uint16_t from, uint16_t vendor, const uint16_t *devices, unsigned n)
{
	for (uint32_t bdf = from; bdf < 256; bdf++) {
		uint32_t id = pci_read32((uint16_t)bdf, PCI_VENDOR);
		if ((id & 0xffff) != vendor)
			continue;
		for (unsigned i = 0; i < n; i++)
			if (id >> 16 == devices[i])
				return (uint16_t)bdf;
	}
	return PCI_NONE;
}

uint8_t pci_next_cap(uint16_t bdf, uint8_t id, uint8_t prev)
{
	if (!(pci_read16(bdf, PCI_STATUS) & PCI_STATUS_CAPS))
		return 0;
	uint8_t at = prev ? pci_read8(bdf, prev + 1u) : pci_read8(bdf, PCI_CAP_PTR);
	for (unsigned n = 0; n < CAPS_MAX && (at &= 0xfc) >= 0x40; n++) {
		if (pci_read8(bdf, at) == id)
			return at;
		at = pci_read8(bdf, at + 1u);
	}
	return 0;
}

bool pci_mem_bar(uint16_t bdf, unsigned bar, uint64_t *base, uint64_t *size)
{
	if (bar > 5)
		return false;
	uint32_t reg = 0x10 + 4 * bar, lo = pci_read32(bdf, reg);
	bool wide = (lo & 7) == 4;
	if ((lo & 1) || (wide && bar == 5))
		return false;
	uint32_t hi = wide ? pci_read32(bdf, reg + 4) : 0;
	/* Sizing (PCI-3): all ones, read the mask, write the BAR back. */
	latch(bdf, reg);
	outl(CONF_DATA, 0xffffffffu);
	uint32_t mask_lo = inl(CONF_DATA);
	outl(CONF_DATA, lo);
	uint32_t mask_hi = 0xffffffffu;
	if (wide) {
		latch(bdf, reg + 4);
		outl(CONF_DATA, 0xffffffffu);
		mask_hi = inl(CONF_DATA);
		outl(CONF_DATA, hi);
	}
	uint64_t mask = (uint64_t)mask_hi << 32 | (mask_lo & ~15u);
	*base = (uint64_t)hi << 32 | (lo & ~15u);
	*size = ~mask + 1;
	return *base != 0 && (mask_lo & ~15u) != 0;
}

void pci_name(uint16_t bdf, char buf[8])
{
	snprintf(buf, 8, "%02x:%02x.%x", bdf >> 8, (bdf >> 3) & 31, bdf & 7);
}
