/* Segment descriptors a guest installs (set_gdt, update_descriptor). The
 * hole is protected by segment limits alone, so no guest descriptor may
 * reach it, run at ring 0, or be a gate, TSS or LDT. */
#ifndef ARCH_X86_PV_DESCRIPTOR_H
#define ARCH_X86_PV_DESCRIPTOR_H

#include <stdbool.h>
#include <stdint.h>

/* lo, hi: the descriptor's two words. Returns false for a descriptor the
 * guest may not have. A DPL of 0 is raised to 1 in *hi, as Xen does. Not
 * present descriptors are always fine: loading one faults. */
bool check_descriptor(uint32_t lo, uint32_t *hi);

/* Check (and fix up) all 512 descriptors of a frame; 0 or -XEN_EINVAL. */
int check_descriptor_page(uint32_t mfn);

#endif
