/* Pages of the initial region: their frames and their mappings.
 *
 * The builder maps pseudo-physical frame N at VIRT_BASE + N * 4096 (the
 * image starts at VIRT_BASE), start_info.mfn_list turns N into its machine
 * frame, and the bootstrap page tables are readable (read-only) in the
 * region. These helpers read them to change one page's mapping with
 * update_va_mapping, keeping its frame and its other bits. They only know
 * the bootstrap tables: a test that switched to other tables is on its own. */
#ifndef CONFORMANCE_REGION_H
#define CONFORMANCE_REGION_H

#include <stdbool.h>
#include <stdint.h>

/* The L1 entry that maps va, read through the tables' own mappings; NULL
 * when the walk leaves the region or meets a missing entry. */
const volatile uint64_t *region_l1e(uint32_t va);

/* The machine frame of the region page at va (from mfn_list); ~0 if va is
 * not in the region. */
uint32_t region_mfn(uint32_t va);

/* Maps va's page again with the R/W bit set or cleared (update_va_mapping,
 * UVMF_INVLPG). Returns its result, or -1 when no L1 entry maps va. */
long region_set_writable(uint32_t va, bool writable);

#endif
