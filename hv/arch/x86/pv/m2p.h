/* The machine-to-physical table: for each machine frame, the guest
 * pseudo-physical frame it holds. Guests read it at MACH2PHYS_VIRT_START
 * (read-only); the hypervisor writes it through its own alias. */
#ifndef ARCH_X86_PV_M2P_H
#define ARCH_X86_PV_M2P_H

#include <stdint.h>

#define INVALID_M2P_ENTRY 0xffffffffu

void m2p_init(uint32_t nr_frames);
void m2p_set(uint32_t mfn, uint32_t pfn);
uint32_t m2p_get(uint32_t mfn);
uint32_t m2p_entries(void);

#endif
