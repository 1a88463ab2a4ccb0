/* PCI configuration space from a test guest (mechanism 1, 0xcf8/0xcfc;
 * the guest needs I/O privilege, set_iopl), and a virtio device's
 * capabilities. */
#ifndef CONFORMANCE_PCICONF_H
#define CONFORMANCE_PCICONF_H

#include <stdbool.h>
#include <stdint.h>

#define CONF_ADDR 0xcf8
#define CONF_DATA 0xcfc
#define VIRTIO_VENDOR 0x1af4

void outl(uint16_t port, uint32_t v);
uint32_t inl(uint16_t port);

uint32_t conf_read(uint16_t bdf, uint32_t reg);
void conf_write(uint16_t bdf, uint32_t reg, uint32_t v);

/* The first function with this vendor on bus 0, or 0xffff; *seen counts
 * the functions that answer at all. */
uint16_t pci_find_vendor(uint16_t vendor, unsigned *seen);

/* BAR i's address (both halves of a 64-bit one). */
uint64_t bar_base(uint16_t bdf, unsigned i);

/* The virtio capability of type cfg_type: its BAR and offset, and its
 * register at +16 (the notify capability's offset multiplier). */
bool virtio_cap(uint16_t bdf, uint8_t cfg_type, unsigned *bar, uint32_t *off, uint32_t *extra);

#endif
