/* PCI configuration space through ports 0xCF8/0xCFC (mechanism 1), which
 * the hypervisor emulates for the devices the domain holds (ABI.md
 * PCI-1..3). A device is its bus/device/function, bdf = bus << 8 |
 * device << 3 | function. */
#ifndef MG_VIRTIO_PCI_H
#define MG_VIRTIO_PCI_H

#include <stdbool.h>
#include <stdint.h>

#define PCI_NONE 0xffffu

#define PCI_VENDOR      0x00
#define PCI_COMMAND     0x04
#define PCI_STATUS      0x06
#define PCI_CAP_PTR     0x34
#define PCI_INT_PIN     0x3d
#define PCI_CMD_MEMORY  (1u << 1)
#define PCI_CMD_MASTER  (1u << 2)
#define PCI_CMD_INTX_OFF (1u << 10)
#define PCI_STATUS_CAPS (1u << 4)

/* Asks for I/O privilege (virtual IOPL 1); false when refused. */
bool pci_init(void);

uint32_t pci_read32(uint16_t bdf, uint32_t reg);
uint16_t pci_read16(uint16_t bdf, uint32_t reg);
uint8_t pci_read8(uint16_t bdf, uint32_t reg);
void pci_write16(uint16_t bdf, uint32_t reg, uint16_t v);

/* The first function on bus 0 at or after from with this vendor and one
 * of the n device ids, or PCI_NONE. */
uint16_t pci_find(uint16_t from, uint16_t vendor, const uint16_t *devices, unsigned n);

/* The offset of the next capability with this id after the one at prev (0:
 * from the start), or 0; the walk is bounded against loops. */
uint8_t pci_next_cap(uint16_t bdf, uint8_t id, uint8_t prev);

/* A memory BAR's machine address (64-bit BARs too) and size; false for an
 * I/O BAR, one the firmware left at 0, or the upper half of a 64-bit one. */
bool pci_mem_bar(uint16_t bdf, unsigned bar, uint64_t *base, uint64_t *size);

/* "BB:DD.F" into buf (8 bytes). */
void pci_name(uint16_t bdf, char buf[8]);

#endif
