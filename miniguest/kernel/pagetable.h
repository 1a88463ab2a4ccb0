/* miniguest's own page-table management, through mmu_update. Every page
 * table frame is mapped read-only in the linear map (the hypervisor insists)
 * and found there through the machine-to-phys table. */
#ifndef MG_PAGETABLE_H
#define MG_PAGETABLE_H

#include <stdint.h>

#include "pvabi/mmu.h"

/* Flags of a writable data mapping. */
#define MG_PTE_DATA (PV_PTE_PRESENT | PV_PTE_RW | PV_PTE_ACCESSED | PV_PTE_DIRTY)

/* Finds the builder's page tables; extends the linear map over the whole
 * domain. Returns 0 or a negative Xen error. */
long pagetable_init(void);

/* Maps machine frame mfn at va (below 1 GiB) with flags, making the L1 it
 * needs; 0 or a negative Xen error. */
long map_mfn(uint32_t va, uint32_t mfn, uint32_t flags);
/* The same, the frame named as foreigndom's (DOMID_IO for device memory);
 * an entry already present is replaced as the domain's own. */
long map_mfn_as(uint32_t va, uint32_t mfn, uint32_t flags, uint16_t foreigndom);
long map_frame(uint32_t va, uint32_t pfn, uint32_t flags);
long unmap_page(uint32_t va);

/* Unmaps va and frees the frame mapped there (one from frame_alloc). */
void unmap_and_free(uint32_t va);

/* The entry that maps va, 0 if none. */
uint64_t pte_of(uint32_t va);

/* The machine address behind va (what a device's DMA needs), 0 when va is
 * not mapped. */
uint64_t virt_to_maddr(const void *va);

#endif
