/* q35's PCI interrupt routing (q35.c). */
#ifndef MG_VIRTIO_Q35_H
#define MG_VIRTIO_Q35_H

#include <stdint.h>

/* The GSI that a q35 machine routes INTx pin (1 = A .. 4 = D) of a device
 * in bus-0 slot to (ICH9's default PIRQ routing, GSIs 16-23 through the
 * IOAPIC); 0 when not known. */
uint32_t q35_intx_gsi(unsigned slot, unsigned pin);

#endif
