/* The machine's PCI devices and which domain holds each. The hypervisor
 * finds them once at boot (pci_scan.c); a module's pci= option gives some
 * to its domain, and the privileged domain holds every device given to no
 * other. A domain reaches only what it holds: the device's configuration
 * space (pci_conf.c), its I/O-port and MMIO BARs, its interrupt. */
#ifndef PHYSDEV_PCI_H
#define PHYSDEV_PCI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PCI_DEVS_MAX   64
#define PCI_BARS       6
#define PCI_GIVE_MAX   8              /* devices one pci= option names */

/* Who holds a device: a domain id, or one of these. */
#define PCI_OWNER_DEFAULT 0xffffu    /* the privileged domain */
#define PCI_OWNER_NONE    0xfffeu    /* nobody: its domain died */

struct pci_bar {
	uint64_t base, size;         /* size 0: no BAR here */
	bool io;                     /* I/O ports rather than memory */
	bool upper;                  /* the upper half of the 64-bit BAR before it */
};

struct pci_dev {
	uint16_t bdf;                /* bus << 8 | device << 3 | function */
	uint16_t vendor, device;
	uint32_t class_rev;          /* class, subclass, interface, revision */
	uint8_t header;              /* header type, without the multifunction bit */
	uint8_t pin, line;           /* interrupt pin (1-4, 0: none) and line */
	uint16_t owner;
	uint8_t sizing;              /* BAR i is being sized (bit i) */
	struct pci_bar bar[PCI_BARS];
};

extern struct pci_dev pci_devs[PCI_DEVS_MAX];
extern uint32_t pci_nr_devs;

/* Find and log every device on bus 0 and behind its bridges. */
void pci_scan(void);

/* "BB:DD.F[,BB:DD.F...]" (hex) into bdfs: how many, or -1 with err. */
int pci_parse(const char *s, size_t len, uint16_t *bdfs, char *err, size_t errlen);

struct domain;
struct pci_dev *pci_find(uint16_t bdf);
/* Give d the nr devices of bdfs: 0, or -1 with err (no such device, or one
 * already given to another domain). Their I/O-port BARs join its ports. */
int pci_give(struct domain *d, const uint16_t *bdfs, uint32_t nr, char *err, size_t errlen);
bool pci_holds(const struct domain *d, const struct pci_dev *p);
/* Whether d holds a device with a memory BAR (it may name DOMID_IO). */
bool pci_holds_mmio(const struct domain *d);
/* Whether port..port+len-1 touches an I/O BAR of a device d does not hold. */
bool pci_ports_foreign(const struct domain *d, uint32_t port, uint32_t len);
/* Whether frame mfn lies inside a memory BAR of a device d holds. */
bool pci_mmio_held(const struct domain *d, uint64_t mfn);
/* Whether d holds a device whose interrupt pin drives IOAPIC line gsi. */
bool pci_gsi_held(const struct domain *d, uint32_t gsi);
/* A dying domain's devices go to nobody, bus mastering off (its DMA
 * stops), and its pirqs are let go. */
void pci_release(struct domain *d);

/* A domain's in/out on 0xcf8-0xcff (configuration mechanism 1): its own
 * address latch, and the data ports reaching only devices it holds. */
bool pci_port(uint32_t port);
uint32_t pci_port_read(struct domain *d, uint32_t port, unsigned size);
void pci_port_write(struct domain *d, uint32_t port, unsigned size, uint32_t val);

#endif
