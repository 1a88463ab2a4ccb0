/* Frames given back to the hypervisor and taken again (the balloon; a
 * netif that receives by page flipping). */
#ifndef MG_RESERVATION_H
#define MG_RESERVATION_H

#include <stdint.h>

#include "pvabi/memory.h"

/* XENMEM_decrease_reservation (list: machine frames) or
 * XENMEM_populate_physmap (list: pfns in, their new frames out) on n
 * frames of this domain: how many were done, from the first. */
uint32_t reservation(uint32_t cmd, xen_pfn_t *list, uint32_t n);

#endif
