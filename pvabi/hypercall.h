/* Hypercall numbers and the x86_32 calling convention.
 *
 * Convention. A guest puts the hypercall number in %eax and up to five
 * arguments in %ebx, %ecx, %edx, %esi, %edi (first to fifth), then executes
 * "int $0x82" from ring 1. The result comes back in %eax: 0 or a positive
 * value on success, -XEN_E* (errno.h) on failure. The hypervisor MAY clobber
 * the argument registers a hypercall takes; the guest MUST assume they are
 * lost. Every other register is preserved. "int $0x82" from ring 3 MUST NOT
 * reach the hypervisor: the guest kernel gets a #GP instead. A number without
 * a hypercall behind it returns -XEN_ENOSYS.
 *
 * A 64-bit argument takes two registers, low half first. Pointers are 32-bit
 * guest virtual addresses, in the guest's current address space.
 *
 * The hypercall page. A guest names one page of its image with the
 * XEN_ELFNOTE_HYPERCALL_PAGE note; before the guest starts, the hypervisor
 * fills it with HYPERCALL_PAGE_STUBS stubs of HYPERCALL_STUB_SIZE bytes, stub
 * N at offset N * 32. A guest SHOULD make hypercall N with
 * "call hypercall_page + N * 32" (arguments already in registers) rather
 * than with its own "int $0x82". Each stub is
 *     b8 <N, 32-bit LE>   mov  $N, %eax
 *     cd 82               int  $0x82
 *     c3                  ret
 * and the rest of the 32 bytes is unspecified (a guest MUST NOT execute it).
 * The stub of __HYPERVISOR_iret is different: "push %eax; mov $23, %eax;
 * int $0x82" (50 b8 17 00 00 00 cd 82). A guest jumps to it, never calls it.
 *
 * iret. HYPERVISOR_iret returns from an event or exception frame. On entry
 * to the stub the guest's stack holds (from %esp up) eip, cs, eflags, and,
 * when returning to ring 3, esp and ss; the stub pushes %eax on top. The
 * hypervisor restores eax, eip, cs, eflags (and esp, ss) from that frame and
 * sets the vCPU's evtchn_upcall_mask to the inverse of the frame's IF.
 *
 * Arguments of the calls the ABI defines (x86_32 forms):
 *   set_trap_table(trap_info[])           set_gdt(frames[], entries)
 *   mmu_update(reqs[], count, done*, foreigndom)        (mmu.h)
 *   mmuext_op(ops[], count, done*, foreigndom)          (mmu.h)
 *   stack_switch(ss, esp)                 fpu_taskswitch(set)
 *   set_callbacks(event_cs, event_eip, failsafe_cs, failsafe_eip)
 *   set_debugreg(reg, value)              get_debugreg(reg)
 *   update_descriptor(ma_lo, ma_hi, desc_lo, desc_hi)
 *   update_va_mapping(va, pte_lo, pte_hi, flags)        (mmu.h)
 *   update_va_mapping_otherdomain(va, pte_lo, pte_hi, flags, domid)
 *   set_timer_op(deadline_lo, deadline_hi)  system time in ns; 0 cancels
 *   multicall(entries[], nr)              (multicall.h)
 *   memory_op(cmd, arg*)                  (memory.h)
 *   xen_version(cmd, arg*)                (version.h)
 *   console_io(cmd, count, buf*)          (console.h)
 *   vm_assist(cmd, type)                  (mmu.h)
 *   vcpu_op(cmd, vcpuid, arg*)            (vcpu.h)
 *   sched_op(cmd, arg*)                   (sched.h)
 *   callback_op(cmd, arg*)                (callback.h)
 *   event_channel_op(cmd, arg*)           (event_channel.h)
 *   grant_table_op(cmd, uops*, count)
 *
 * Numbers with no hypercall behind them: 11, 43-47. */
#ifndef PVABI_HYPERCALL_H
#define PVABI_HYPERCALL_H

#define HYPERCALL_VECTOR       0x82
#define HYPERCALL_STUB_SIZE    32
#define HYPERCALL_PAGE_STUBS   (4096 / HYPERCALL_STUB_SIZE)

#define __HYPERVISOR_set_trap_table                 0
#define __HYPERVISOR_mmu_update                     1
#define __HYPERVISOR_set_gdt                        2
#define __HYPERVISOR_stack_switch                   3
#define __HYPERVISOR_set_callbacks                  4
#define __HYPERVISOR_fpu_taskswitch                 5
#define __HYPERVISOR_sched_op_compat                6   /* old form of 29 */
#define __HYPERVISOR_platform_op                    7   /* was dom0_op */
#define __HYPERVISOR_set_debugreg                   8
#define __HYPERVISOR_get_debugreg                   9
#define __HYPERVISOR_update_descriptor             10
#define __HYPERVISOR_memory_op                     12
#define __HYPERVISOR_multicall                     13
#define __HYPERVISOR_update_va_mapping             14
#define __HYPERVISOR_set_timer_op                  15
#define __HYPERVISOR_event_channel_op_compat       16   /* old form of 32 */
#define __HYPERVISOR_xen_version                   17
#define __HYPERVISOR_console_io                    18
#define __HYPERVISOR_physdev_op_compat             19   /* old form of 33 */
#define __HYPERVISOR_grant_table_op                20
#define __HYPERVISOR_vm_assist                     21
#define __HYPERVISOR_update_va_mapping_otherdomain 22
#define __HYPERVISOR_iret                          23
#define __HYPERVISOR_vcpu_op                       24
#define __HYPERVISOR_set_segment_base              25   /* 64-bit guests only */
#define __HYPERVISOR_mmuext_op                     26
#define __HYPERVISOR_xsm_op                        27
#define __HYPERVISOR_nmi_op                        28
#define __HYPERVISOR_sched_op                      29
#define __HYPERVISOR_callback_op                   30
#define __HYPERVISOR_xenoprof_op                   31
#define __HYPERVISOR_event_channel_op              32
#define __HYPERVISOR_physdev_op                    33
#define __HYPERVISOR_hvm_op                        34
#define __HYPERVISOR_sysctl                        35
#define __HYPERVISOR_domctl                        36
#define __HYPERVISOR_kexec_op                      37
#define __HYPERVISOR_tmem_op                       38
#define __HYPERVISOR_argo_op                       39
#define __HYPERVISOR_xenpmu_op                     40
#define __HYPERVISOR_dm_op                         41
#define __HYPERVISOR_hypfs_op                      42

/* Reserved for the architecture. */
#define __HYPERVISOR_arch_0                        48
#define __HYPERVISOR_arch_1                        49
#define __HYPERVISOR_arch_2                        50
#define __HYPERVISOR_arch_3                        51
#define __HYPERVISOR_arch_4                        52
#define __HYPERVISOR_arch_5                        53
#define __HYPERVISOR_arch_6                        54
#define __HYPERVISOR_arch_7                        55
#define __HYPERVISOR_mca                           __HYPERVISOR_arch_0

#ifdef __ASSEMBLER__
/* The guest's hypercall page, named by its HYPERCALL_PAGE note: a whole,
 * page-aligned page of int3s in an executable section, which the builder
 * fills with the stubs above before the guest starts. Its section is
 * .hypercall_page, which a guest's linker script places on its own. */
.macro define_hypercall_page
	.pushsection .hypercall_page, "ax"
	.balign 4096
	.globl hypercall_page
hypercall_page:
	.fill 4096, 1, 0xcc
	.popsection
.endm
#endif /* __ASSEMBLER__ */

#endif
