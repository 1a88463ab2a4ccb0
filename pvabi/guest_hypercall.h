/* Making hypercalls, for guests: the calling convention in C.
 *
 * hypercallN(nr, ...) calls stub nr of the hypercall page the hypervisor
 * filled (the guest names the page in its HYPERCALL_PAGE note and defines
 * the symbol hypercall_page), arguments in %ebx, %ecx, %edx, %esi, %edi. Every
 * argument register is treated as clobbered (the ABI lets the hypervisor
 * change them). raw_hypercall() does "int $0x82" itself, for numbers beyond
 * the page and for checking the trap gate directly.
 *
 * The typed wrappers take the x86_32 forms of the arguments; 64-bit values
 * (a PTE, a machine address) are split into low and high words by the
 * wrapper. Results are the hypervisor's: 0 or a positive value, or
 * -XEN_E*. */
#ifndef PVABI_GUEST_HYPERCALL_H
#define PVABI_GUEST_HYPERCALL_H

#include <stdint.h>

#include "arch_x86_32.h"
#include "types.h"
#include "hypercall.h"

extern char hypercall_page[4096];

/* nr must be a constant expression that the assembler can use. */
#define hypercall0(nr) ({                                                  \
	long res_;                                                         \
	asm volatile("call hypercall_page + %c[n] * 32"                    \
		     : "=a"(res_)                                          \
		     : [n] "i"(nr)                                         \
		     : "memory");                                          \
	res_; })

#define hypercall1(nr, a1) ({                                              \
	long res_; uint32_t b_ = (uint32_t)(a1);                           \
	asm volatile("call hypercall_page + %c[n] * 32"                    \
		     : "=a"(res_), "+b"(b_)                                \
		     : [n] "i"(nr)                                         \
		     : "memory");                                          \
	res_; })

#define hypercall2(nr, a1, a2) ({                                          \
	long res_; uint32_t b_ = (uint32_t)(a1), c_ = (uint32_t)(a2);      \
	asm volatile("call hypercall_page + %c[n] * 32"                    \
		     : "=a"(res_), "+b"(b_), "+c"(c_)                      \
		     : [n] "i"(nr)                                         \
		     : "memory");                                          \
	res_; })

#define hypercall3(nr, a1, a2, a3) ({                                      \
	long res_; uint32_t b_ = (uint32_t)(a1), c_ = (uint32_t)(a2),      \
		d_ = (uint32_t)(a3);                                       \
	asm volatile("call hypercall_page + %c[n] * 32"                    \
		     : "=a"(res_), "+b"(b_), "+c"(c_), "+d"(d_)            \
		     : [n] "i"(nr)                                         \
		     : "memory");                                          \
	res_; })

#define hypercall4(nr, a1, a2, a3, a4) ({                                  \
	long res_; uint32_t b_ = (uint32_t)(a1), c_ = (uint32_t)(a2),      \
		d_ = (uint32_t)(a3), s_ = (uint32_t)(a4);                  \
	asm volatile("call hypercall_page + %c[n] * 32"                    \
		     : "=a"(res_), "+b"(b_), "+c"(c_), "+d"(d_), "+S"(s_)  \
		     : [n] "i"(nr)                                         \
		     : "memory");                                          \
	res_; })

#define hypercall5(nr, a1, a2, a3, a4, a5) ({                              \
	long res_; uint32_t b_ = (uint32_t)(a1), c_ = (uint32_t)(a2),      \
		d_ = (uint32_t)(a3), s_ = (uint32_t)(a4),                  \
		D_ = (uint32_t)(a5);                                       \
	asm volatile("call hypercall_page + %c[n] * 32"                    \
		     : "=a"(res_), "+b"(b_), "+c"(c_), "+d"(d_), "+S"(s_), \
		       "+D"(D_)                                            \
		     : [n] "i"(nr)                                         \
		     : "memory");                                          \
	res_; })

/* Hypercall nr (any 32-bit value, need not be a constant) through
 * "int $0x82" directly, with five arguments. */
static inline long raw_hypercall(uint32_t nr, uint32_t a1, uint32_t a2, uint32_t a3,
				 uint32_t a4, uint32_t a5)
{
	long res = (long)nr;

	asm volatile("int $0x82"
		     : "+a"(res), "+b"(a1), "+c"(a2), "+d"(a3), "+S"(a4), "+D"(a5)
		     :
		     : "memory");
	return res;
}

/* Hypercall nr through its stub of the hypercall page, nr not a constant;
 * nr must be below 128 (the page holds 128 stubs). */
static inline long page_hypercall(uint32_t nr, uint32_t a1, uint32_t a2, uint32_t a3,
				  uint32_t a4, uint32_t a5)
{
	long res;
	void *stub = hypercall_page + (nr & 127) * 32;

	asm volatile("call *%[stub]"
		     : "=a"(res), "+b"(a1), "+c"(a2), "+d"(a3), "+S"(a4), "+D"(a5)
		     : [stub] "m"(stub)
		     : "memory");
	return res;
}

static inline uint32_t ptr_arg(const volatile void *p)
{
	return (uint32_t)(uintptr_t)p;
}

/* ---- typed wrappers ------------------------------------------------------ */

struct trap_info;
struct mmu_update;
struct mmuext_op;
struct multicall_entry;
struct xen_domctl;

static inline long hypercall_set_trap_table(const struct trap_info *table)
{
	return hypercall1(__HYPERVISOR_set_trap_table, ptr_arg(table));
}

static inline long hypercall_mmu_update(const struct mmu_update *reqs, uint32_t count,
					uint32_t *done, domid_t foreigndom)
{
	return hypercall4(__HYPERVISOR_mmu_update, ptr_arg(reqs), count, ptr_arg(done),
			  foreigndom);
}

static inline long hypercall_set_gdt(const xen_pfn_t *frames, uint32_t entries)
{
	return hypercall2(__HYPERVISOR_set_gdt, ptr_arg(frames), entries);
}

static inline long hypercall_stack_switch(uint32_t ss, uint32_t esp)
{
	return hypercall2(__HYPERVISOR_stack_switch, ss, esp);
}

static inline long hypercall_fpu_taskswitch(int set)
{
	return hypercall1(__HYPERVISOR_fpu_taskswitch, set);
}

static inline long hypercall_set_debugreg(int reg, uint32_t value)
{
	return hypercall2(__HYPERVISOR_set_debugreg, reg, value);
}

/* The register's value, or -XEN_ENODEV: a value is told from an error by
 * the register asked for. */
static inline long hypercall_get_debugreg(int reg)
{
	return hypercall1(__HYPERVISOR_get_debugreg, reg);
}

static inline long hypercall_update_descriptor(uint64_t maddr, uint64_t desc)
{
	return hypercall4(__HYPERVISOR_update_descriptor, (uint32_t)maddr,
			  (uint32_t)(maddr >> 32), (uint32_t)desc, (uint32_t)(desc >> 32));
}

static inline long hypercall_memory_op(uint32_t cmd, void *arg)
{
	return hypercall2(__HYPERVISOR_memory_op, cmd, ptr_arg(arg));
}

static inline long hypercall_multicall(struct multicall_entry *calls, uint32_t nr)
{
	return hypercall2(__HYPERVISOR_multicall, ptr_arg(calls), nr);
}

static inline long hypercall_update_va_mapping(uint32_t va, uint64_t pte, uint32_t flags)
{
	return hypercall4(__HYPERVISOR_update_va_mapping, va, (uint32_t)pte,
			  (uint32_t)(pte >> 32), flags);
}

static inline long hypercall_xen_version(uint32_t cmd, void *arg)
{
	return hypercall2(__HYPERVISOR_xen_version, cmd, ptr_arg(arg));
}

static inline long hypercall_console_io(uint32_t cmd, uint32_t count, const void *buf)
{
	return hypercall3(__HYPERVISOR_console_io, cmd, count, ptr_arg(buf));
}

static inline long hypercall_vm_assist(uint32_t cmd, uint32_t type)
{
	return hypercall2(__HYPERVISOR_vm_assist, cmd, type);
}

static inline long hypercall_mmuext_op(const struct mmuext_op *ops, uint32_t count,
				       uint32_t *done, domid_t foreigndom)
{
	return hypercall4(__HYPERVISOR_mmuext_op, ptr_arg(ops), count, ptr_arg(done),
			  foreigndom);
}

static inline long hypercall_event_channel_op(uint32_t cmd, void *arg)
{
	return hypercall2(__HYPERVISOR_event_channel_op, cmd, ptr_arg(arg));
}

/* deadline: absolute system time in ns; 0 cancels the timer. */
static inline long hypercall_set_timer_op(uint64_t deadline)
{
	return hypercall2(__HYPERVISOR_set_timer_op, (uint32_t)deadline,
			  (uint32_t)(deadline >> 32));
}

/* Both entry points in the flat ring-1 code segment. */
static inline long hypercall_set_callbacks(uint32_t event_eip, uint32_t failsafe_eip)
{
	return hypercall4(__HYPERVISOR_set_callbacks, FLAT_RING1_CS, event_eip, FLAT_RING1_CS,
			  failsafe_eip);
}

static inline long hypercall_domctl(struct xen_domctl *dc)
{
	return hypercall1(__HYPERVISOR_domctl, ptr_arg(dc));
}

static inline long hypercall_sched_op(uint32_t cmd, void *arg)
{
	return hypercall2(__HYPERVISOR_sched_op, cmd, ptr_arg(arg));
}

/* uops: an array of count structs of cmd's type (pvabi/grant_table.h). */
static inline long hypercall_grant_table_op(uint32_t cmd, void *uops, uint32_t count)
{
	return hypercall3(__HYPERVISOR_grant_table_op, cmd, ptr_arg(uops), count);
}

#endif
