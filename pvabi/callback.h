/* HYPERVISOR_callback_op(cmd, arg): where the hypervisor enters the guest
 * kernel for events and when it cannot restore the guest's own state.
 * (HYPERVISOR_set_callbacks(event_cs, event_eip, failsafe_cs, failsafe_eip)
 * sets the first two in one call.)
 *
 * Every entry into the guest kernel -- event callback, failsafe callback,
 * or an exception or software interrupt routed through the trap table --
 * builds a frame like the CPU's on the guest kernel's stack (the current
 * one if the guest was in ring 1, else the one set by stack_switch). From
 * the new %esp up:
 *     [error code]     exceptions that have one
 *     eip
 *     cs               bits 0-15: cs; bits 16-23: evtchn_upcall_mask as it
 *                      was before this entry
 *     eflags           IF = !(that mask); IOPL 0 unless
 *                      VMASST_TYPE_architectural_iopl
 *     [esp, ss]        when the guest was in ring 3
 * The failsafe callback's frame additionally holds ds, es, fs, gs (from
 * %esp up) below eip: it is entered when the hypervisor cannot reload those
 * segment registers on the way back to the guest. The event callback is
 * entered with evtchn_upcall_mask set; the guest returns from any of these
 * frames with HYPERVISOR_iret. A guest MUST register both callbacks before
 * it unmasks events. */
#ifndef PVABI_CALLBACK_H
#define PVABI_CALLBACK_H

#include "arch_x86_32.h"

#define CALLBACKOP_register     0  /* arg: struct callback_register */
#define CALLBACKOP_unregister   1  /* arg: struct callback_unregister */

/* callback_register.type */
#define CALLBACKTYPE_event                 0
#define CALLBACKTYPE_failsafe              1
#define CALLBACKTYPE_syscall               2  /* 64-bit guests */
#define CALLBACKTYPE_sysenter_deprecated   3
#define CALLBACKTYPE_nmi                   4
#define CALLBACKTYPE_sysenter              5
#define CALLBACKTYPE_syscall32             7

/* callback_register.flags: mask events on entry (always so for event and
 * NMI callbacks). */
#define _CALLBACKF_mask_events  0
#define CALLBACKF_mask_events   (1 << _CALLBACKF_mask_events)

#ifndef __ASSEMBLER__

#include "types.h"

struct callback_register {
	uint16_t type;             /* CALLBACKTYPE_* */
	uint16_t flags;            /* CALLBACKF_* */
	xen_callback_t address;
};
typedef struct callback_register callback_register_t;
PV_CHECK_SIZE(struct callback_register, 12);
PV_CHECK_OFFSET(struct callback_register, address, 4);

/* Some callbacks cannot be unregistered (-XEN_EINVAL). */
struct callback_unregister {
	uint16_t type;
	uint16_t _unused;
};
typedef struct callback_unregister callback_unregister_t;
PV_CHECK_SIZE(struct callback_unregister, 4);

#endif /* !__ASSEMBLER__ */

#endif
