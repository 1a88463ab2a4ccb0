/* HYPERVISOR_sched_op(cmd, arg): a vCPU's dealings with the scheduler --
 * yielding, blocking, polling and shutting its domain down.
 *
 * arg is the guest address of the command's struct, or 0 where a command
 * takes none. (__HYPERVISOR_sched_op_compat takes the SHUTDOWN_* reason
 * itself as arg instead of a struct; new guests SHOULD use sched_op.) */
#ifndef PVABI_SCHED_H
#define PVABI_SCHED_H

/* Give up the CPU; the vCPU stays runnable. arg: 0. */
#define SCHEDOP_yield            0
/* Sleep until an event is pending for this vCPU. Clears evtchn_upcall_mask
 * and checks for pending events atomically with going to sleep, so an event
 * that arrives in between is not lost. arg: 0. */
#define SCHEDOP_block            1
/* Stop every vCPU of the domain and report the reason. Does not return,
 * except for SHUTDOWN_suspend, which returns 1 if the suspend was cancelled
 * and 0 in the resumed domain; with SHUTDOWN_suspend, %edx (the third
 * argument) MUST hold the machine frame of start_info.
 * arg: struct sched_shutdown. */
#define SCHEDOP_shutdown         2
/* Sleep until one of the listed ports is pending or the timeout (system
 * time, ns; 0: none) passes. The caller MUST have evtchn_upcall_mask set
 * (else -XEN_EINVAL).
 * arg: struct sched_poll. */
#define SCHEDOP_poll             3
/* Shut another domain down (privileged). arg: struct sched_remote_shutdown. */
#define SCHEDOP_remote_shutdown  4
/* Record the reason a later shutdown will report.
 * arg: struct sched_shutdown. */
#define SCHEDOP_shutdown_code    5
/* Create (id 0), kick (timeout != 0) or remove (timeout 0) a watchdog that
 * shuts the domain down with SHUTDOWN_watchdog when it expires. Returns the
 * new id on creation. arg: struct sched_watchdog. */
#define SCHEDOP_watchdog         6
/* Pin this vCPU to one physical CPU, or undo (pcpu < 0); hardware domain
 * only. arg: struct sched_pin_override. */
#define SCHEDOP_pin_override     7

/* ringlet extension, unknown to Xen (whose commands end at 7): shut the
 * domain down as SCHEDOP_shutdown does, for the same reasons and with the
 * same refusals, and report the program's exit status with it (a C
 * program's _exit(status)); the hypervisor logs it, and a nonzero one makes
 * the machine's end a failure. Xen, like any hypervisor without it, answers
 * -XEN_ENOSYS: a guest that gets that falls back to SCHEDOP_shutdown, which
 * carries the reason alone. Far from Xen's numbers so that Xen is unlikely
 * to take it for a command of its own. arg: struct sched_exit. */
#define SCHEDOP_ringlet_exit     0x100
/* ringlet extension: the caller (a backend) is from now on working for
 * the domain named (its CPU time is counted as spent serving it, see
 * RINGLET_DOMCTL_getaccount), or for nobody (DOMID_SELF). Only a domain it
 * holds an interdomain event channel with: -XEN_EPERM otherwise, so that
 * no domain charges its time to a stranger; -XEN_EINVAL for its own id or
 * another reserved one. arg: struct sched_serving. Xen: -XEN_ENOSYS. */
#define SCHEDOP_ringlet_serving  0x101

/* Shutdown reasons. The hypervisor only reports them to the control domain. */
#define SHUTDOWN_poweroff    0   /* finished; destroy the domain */
#define SHUTDOWN_reboot      1   /* destroy and start it again */
#define SHUTDOWN_suspend     2   /* state saved; may resume elsewhere */
#define SHUTDOWN_crash       3   /* the guest crashed */
#define SHUTDOWN_watchdog    4   /* its watchdog expired */
#define SHUTDOWN_soft_reset  5   /* reset hypervisor state, keep memory */
#define SHUTDOWN_MAX         5

#ifndef __ASSEMBLER__

#include "types.h"

struct sched_shutdown {
	uint32_t reason;           /* SHUTDOWN_* */
};
typedef struct sched_shutdown sched_shutdown_t;
PV_CHECK_SIZE(struct sched_shutdown, 4);

/* SCHEDOP_ringlet_exit's argument (a ringlet extension). */
struct sched_exit {
	uint32_t reason;           /* SHUTDOWN_* */
	int32_t status;            /* the exit status */
};
typedef struct sched_exit sched_exit_t;
PV_CHECK_SIZE(struct sched_exit, 8);

/* SCHEDOP_ringlet_serving's argument. */
struct sched_serving {
	domid_t domid;             /* DOMID_SELF: nobody */
	uint16_t _pad;             /* MUST be 0 */
};
PV_CHECK_SIZE(struct sched_serving, 4);
PV_CHECK_OFFSET(struct sched_exit, status, 4);

struct sched_poll {
	guest_ptr_t ports;         /* evtchn_port_t[nr_ports] */
	uint32_t nr_ports;
	pv_u64 timeout;            /* absolute system time, ns; 0: none */
};
typedef struct sched_poll sched_poll_t;
PV_CHECK_SIZE(struct sched_poll, 16);
PV_CHECK_OFFSET(struct sched_poll, nr_ports, 4);
PV_CHECK_OFFSET(struct sched_poll, timeout, 8);

struct sched_remote_shutdown {
	domid_t domain_id;
	uint32_t reason;           /* SHUTDOWN_* */
};
typedef struct sched_remote_shutdown sched_remote_shutdown_t;
PV_CHECK_SIZE(struct sched_remote_shutdown, 8);
PV_CHECK_OFFSET(struct sched_remote_shutdown, reason, 4);

struct sched_watchdog {
	uint32_t id;
	uint32_t timeout;          /* seconds */
};
typedef struct sched_watchdog sched_watchdog_t;
PV_CHECK_SIZE(struct sched_watchdog, 8);

struct sched_pin_override {
	int32_t pcpu;
};
typedef struct sched_pin_override sched_pin_override_t;
PV_CHECK_SIZE(struct sched_pin_override, 4);

#endif /* !__ASSEMBLER__ */

#endif
