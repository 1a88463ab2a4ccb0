/* Device registers (a PCI device's memory BARs) mapped uncached in the
 * window layout.h keeps for them. Mappings are never taken back: a driver
 * maps its device once. */
#ifndef MG_MMIO_H
#define MG_MMIO_H

#include <stdint.h>

/* len bytes of device memory at machine address maddr, mapped through
 * DOMID_IO (or as the domain's own where DOMID_IO is refused) with
 * caching off; NULL when the window is full or the
 * hypervisor refuses a page (the domain does not hold the device). */
volatile void *mmio_map(uint64_t maddr, uint32_t len);

#endif
