#include "pciconf.h"

void outl(uint16_t port, uint32_t v)
{
	asm volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}

uint32_t inl(uint16_t port)
{
	uint32_t v;
	asm volatile("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static uint32_t conf_addr(uint16_t bdf, uint32_t reg)
{
	return 0x80000000u | (uint32_t)bdf << 8 | (reg & 0xfc);
}

uint32_t conf_read(uint16_t bdf, uint32_t reg)
{
	outl(CONF_ADDR, conf_addr(bdf, reg));
	return inl(CONF_DATA);
}

void conf_write(uint16_t bdf, uint32_t reg, uint32_t v)
{
	outl(CONF_ADDR, conf_addr(bdf, reg));
	outl(CONF_DATA, v);
}

uint16_t pci_find_vendor(uint16_t vendor, unsigned *seen)
{
	uint16_t found = 0xffff;

	*seen = 0;
	for (unsigned fn = 0; fn < 256; fn++) {
		uint32_t id = conf_read((uint16_t)fn, 0);
		if ((id & 0xffff) == 0xffff)
			continue;
		(*seen)++;
		if ((id & 0xffff) == vendor && found == 0xffff)
			found = (uint16_t)fn;
	}
	return found;
}

uint64_t bar_base(uint16_t bdf, unsigned i)
{
	uint32_t lo = conf_read(bdf, 0x10 + 4 * i);
	uint64_t hi = (lo & 6) == 4 ? conf_read(bdf, 0x14 + 4 * i) : 0;
	return hi << 32 | (lo & ~15u);
}

bool virtio_cap(uint16_t bdf, uint8_t cfg_type, unsigned *bar, uint32_t *off, uint32_t *extra)
{
	uint32_t at = conf_read(bdf, 0x34) & 0xfc;

	for (unsigned n = 0; at && n < 48; n++) {
		uint32_t head = conf_read(bdf, at);
		if ((head & 0xff) == 0x09 && ((head >> 24) & 0xff) == cfg_type) {
			*bar = conf_read(bdf, at + 4) & 0xff;
			*off = conf_read(bdf, at + 8);
			*extra = conf_read(bdf, at + 16);
			return *bar < 6;
		}
		at = (head >> 8) & 0xfc;
	}
	return false;
}
