/* The CPUID a PV guest sees (pv/cpuid.c) and how it asks for it. */
#ifndef ARCH_X86_PV_CPUID_H
#define ARCH_X86_PV_CPUID_H

#include <stdbool.h>
#include <stdint.h>
#include "arch/x86/cpu.h"

/* Xen 4.17, as XENVER_version says. */
#define XEN_CPUID_VERSION ((4u << 16) | 17u)

void pv_cpuid(uint32_t leaf, uint32_t subleaf, struct cpuid *r);

struct vcpu;
struct cpu_regs;
/* At a #UD: the forced-emulation prefix and cpuid, emulated; at a #GP: a
 * plain cpuid that faulted (CPUID faulting). true when it was one. */
bool pv_emulate_cpuid(struct vcpu *v, struct cpu_regs *frame, bool forced);

/* Make cpuid fault in rings 1-3 where the CPU can; whether it does. */
bool cpuid_faulting_init(void);

#endif
