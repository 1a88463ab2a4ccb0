/* Configuration mechanism 1: the address goes to 0xcf8, the data is at
 * 0xcfc-0xcff. Only the hypervisor writes 0xcf8 (owned_ports.c), so the
 * latch it sets is still there when it reads the data. */
#include "arch/arch.h"
#include "arch/x86/io.h"

#define CONF_ADDR 0xcf8
#define CONF_DATA 0xcfc

static uint16_t latch(uint16_t bdf, uint32_t reg)
{
	outl(CONF_ADDR, 0x80000000u | (uint32_t)bdf << 8 | (reg & 0xfc));
	return (uint16_t)(CONF_DATA + (reg & 3));
}

uint32_t arch_pci_read(uint16_t bdf, uint32_t reg, unsigned size)
{
	uint16_t port = latch(bdf, reg);

	switch (size) {
	case 1: return inb(port);
	case 2: return inw(port);
	default: return inl(port);
	}
}

void arch_pci_write(uint16_t bdf, uint32_t reg, unsigned size, uint32_t val)
{
	uint16_t port = latch(bdf, reg);

	switch (size) {
	case 1: outb(port, (uint8_t)val); break;
	case 2: outw(port, (uint16_t)val); break;
	default: outl(port, val); break;
	}
}
