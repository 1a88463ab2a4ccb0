/* HYPERVISOR_vcpu_op(cmd, vcpuid, arg): per-vCPU timers, run-state
 * accounting, and bringing further vCPUs up and down.
 *
 * vcpuid names a vCPU of the calling domain; an id the domain does not have
 * gets -XEN_ENOENT (or -XEN_EINVAL). arg is the guest address of the
 * command's struct, or 0 where a command takes none. The timer and
 * registration commands MAY be limited to the calling vCPU (-XEN_EINVAL for
 * another one). */
#ifndef PVABI_VCPU_H
#define PVABI_VCPU_H

#define VCPUOP_initialise                     0  /* arg: Xen's vcpu_guest_context
						  * (not defined here) */
/* sizeof(vcpu_guest_context) of x86_32: what VCPUOP_initialise reads. */
#define VCPU_GUEST_CONTEXT_SIZE            2800
#define VCPUOP_up                             1
#define VCPUOP_down                           2
#define VCPUOP_is_up                          3  /* returns 1 or 0 */
#define VCPUOP_get_runstate_info              4  /* arg: vcpu_runstate_info */
#define VCPUOP_register_runstate_memory_area  5  /* arg: ..._memory_area */
#define VCPUOP_set_periodic_timer             6  /* arg: vcpu_set_periodic_timer */
#define VCPUOP_stop_periodic_timer            7
#define VCPUOP_set_singleshot_timer           8  /* arg: vcpu_set_singleshot_timer */
#define VCPUOP_stop_singleshot_timer          9
#define VCPUOP_register_vcpu_info            10  /* arg: vcpu_register_vcpu_info */
#define VCPUOP_send_nmi                      11
#define VCPUOP_get_physid                    12  /* arg: vcpu_get_physid */
#define VCPUOP_register_vcpu_time_memory_area 13 /* arg: ..._time_memory_area */
#define VCPUOP_register_runstate_phys_area   14
#define VCPUOP_register_vcpu_time_phys_area  15

/* vcpu_runstate_info.state */
#define RUNSTATE_running   0  /* on a physical CPU */
#define RUNSTATE_runnable  1  /* ready, waiting for a CPU */
#define RUNSTATE_blocked   2  /* waiting for an event */
#define RUNSTATE_offline   3  /* neither: paused, down, ... */

/* vcpu_set_singleshot_timer.flags: fail with -XEN_ETIME if the deadline has
 * already passed (the hypervisor MAY ignore the flag). */
#define _VCPU_SSHOTTMR_future  0
#define VCPU_SSHOTTMR_future   (1 << _VCPU_SSHOTTMR_future)

#ifndef __ASSEMBLER__

#include "types.h"

/* Set in state_entry_time while the hypervisor updates a registered copy,
 * if the guest enabled VMASST_TYPE_runstate_update_flag. */
#define XEN_RUNSTATE_UPDATE  (1ull << 63)

/* Where a vCPU's time went. Times are ns of system time; their sum keeps
 * pace with system time. */
struct vcpu_runstate_info {
	int32_t state;             /* RUNSTATE_* */
	pv_u64 state_entry_time;   /* when the current state began */
	pv_u64 time[4];            /* time spent in each state */
};
typedef struct vcpu_runstate_info vcpu_runstate_info_t;
PV_CHECK_SIZE(struct vcpu_runstate_info, 44);
PV_CHECK_OFFSET(struct vcpu_runstate_info, state_entry_time, 4);
PV_CHECK_OFFSET(struct vcpu_runstate_info, time, 12);

/* Have the hypervisor keep a copy of vcpu_runstate_info at a guest virtual
 * address, refreshed whenever the vCPU is scheduled. One area per vCPU. */
struct vcpu_register_runstate_memory_area {
	union {
		guest_ptr_t h;     /* vcpu_runstate_info_t * */
		pv_u64 p;          /* 8 bytes wide; only the low 32 bits are
				    * the address on x86_32 */
	} addr;
};
typedef struct vcpu_register_runstate_memory_area
	vcpu_register_runstate_memory_area_t;
PV_CHECK_SIZE(struct vcpu_register_runstate_memory_area, 8);

/* Raise VIRQ_TIMER every period_ns (periods under 1 ms MAY be refused). */
struct vcpu_set_periodic_timer {
	pv_u64 period_ns;
};
typedef struct vcpu_set_periodic_timer vcpu_set_periodic_timer_t;
PV_CHECK_SIZE(struct vcpu_set_periodic_timer, 8);

/* Raise VIRQ_TIMER once, at an absolute system time. */
struct vcpu_set_singleshot_timer {
	pv_u64 timeout_abs_ns;
	uint32_t flags;            /* VCPU_SSHOTTMR_* */
};
typedef struct vcpu_set_singleshot_timer vcpu_set_singleshot_timer_t;
PV_CHECK_SIZE(struct vcpu_set_singleshot_timer, 12);
PV_CHECK_OFFSET(struct vcpu_set_singleshot_timer, flags, 8);

/* Move the vCPU's vcpu_info out of shared_info into a frame of the guest's
 * choosing; it MUST NOT cross a page boundary. Once per vCPU. */
struct vcpu_register_vcpu_info {
	pv_u64 mfn;                /* machine frame */
	uint32_t offset;           /* byte offset of vcpu_info in it */
	uint32_t rsvd;             /* MUST be 0 */
};
typedef struct vcpu_register_vcpu_info vcpu_register_vcpu_info_t;
PV_CHECK_SIZE(struct vcpu_register_vcpu_info, 16);
PV_CHECK_OFFSET(struct vcpu_register_vcpu_info, offset, 8);

/* x86: bits 0-31 APIC id, bits 32-63 ACPI id of the physical CPU. */
struct vcpu_get_physid {
	pv_u64 phys_id;
};
typedef struct vcpu_get_physid vcpu_get_physid_t;
PV_CHECK_SIZE(struct vcpu_get_physid, 8);

/* A second copy of vcpu_time_info at a guest virtual address. */
struct vcpu_register_time_memory_area {
	union {
		guest_ptr_t h;     /* vcpu_time_info_t * */
		pv_u64 p;
	} addr;
};
typedef struct vcpu_register_time_memory_area vcpu_register_time_memory_area_t;
PV_CHECK_SIZE(struct vcpu_register_time_memory_area, 8);

#endif /* !__ASSEMBLER__ */

#endif
