/* The shared_info page: the one page the hypervisor and a guest both write.
 * It carries per-vCPU event state and time, the event-channel bitmaps and the
 * wall clock. The guest finds its machine address in start_info.shared_info
 * and maps it itself (update_va_mapping with that frame).
 *
 * Versioned reads. vcpu_time_info.version and wc_version work like a
 * seqlock: the hypervisor increments the counter before and after each
 * update, so it is odd while an update is in progress. A reader MUST read the
 * counter, then the fields, then the counter again, and retry if the two
 * reads differ or the first was odd (with read barriers between the steps).
 *
 * Events. For each port, a pending bit in evtchn_pending and a mask bit in
 * evtchn_mask. When the hypervisor sets a pending bit whose mask bit is clear,
 * it also sets bit (port / 32) of the notified vCPU's evtchn_pending_sel and
 * that vCPU's evtchn_upcall_pending, and, unless evtchn_upcall_mask is set,
 * enters the guest's event callback. The guest MUST clear
 * evtchn_upcall_pending before it scans, and MUST clear pending and selector
 * bits with atomic (locked) instructions: the hypervisor sets them
 * concurrently. Mask bits are the guest's; the hypervisor only reads them
 * (EVTCHNOP_unmask aside). A pending bit set while masked gives no upcall: a
 * guest that unmasks a port MUST check its pending bit itself (or use
 * EVTCHNOP_unmask, which does). */
#ifndef PVABI_SHARED_INFO_H
#define PVABI_SHARED_INFO_H

#include "arch_x86_32.h"

/* vcpu_time_info.flags */
#define XEN_PVCLOCK_TSC_STABLE_BIT  (1 << 0) /* TSC is in step on all CPUs */
#define XEN_PVCLOCK_GUEST_STOPPED   (1 << 1) /* vCPU was paused */

#ifndef __ASSEMBLER__

#include "types.h"

/* System time: nanoseconds since the hypervisor started, never decreasing.
 * From the TSC value tsc read on this vCPU's current CPU:
 *     delta = tsc - tsc_timestamp
 *     delta = tsc_shift >= 0 ? delta << tsc_shift : delta >> -tsc_shift
 *     now   = system_time + ((delta * tsc_to_system_mul) >> 32)
 * with the product taken to 96 bits (a 64 x 32 multiply). */
struct vcpu_time_info {
	uint32_t version;
	uint32_t pad0;
	pv_u64 tsc_timestamp;      /* TSC at the last update */
	pv_u64 system_time;        /* system time at the last update, ns */
	uint32_t tsc_to_system_mul; /* ns per shifted TSC tick, times 2^32 */
	int8_t tsc_shift;
	uint8_t flags;             /* XEN_PVCLOCK_* */
	uint8_t pad1[2];
};
typedef struct vcpu_time_info vcpu_time_info_t;

PV_CHECK_SIZE(struct vcpu_time_info, 32);
PV_CHECK_OFFSET(struct vcpu_time_info, tsc_timestamp, 8);
PV_CHECK_OFFSET(struct vcpu_time_info, system_time, 16);
PV_CHECK_OFFSET(struct vcpu_time_info, tsc_to_system_mul, 24);
PV_CHECK_OFFSET(struct vcpu_time_info, tsc_shift, 28);
PV_CHECK_OFFSET(struct vcpu_time_info, flags, 29);

struct vcpu_info {
	/* Set by the hypervisor when an event is pending for this vCPU; the
	 * guest clears it. */
	uint8_t evtchn_upcall_pending;
	/* Set by the guest to hold off upcalls (its "interrupts disabled"). The
	 * hypervisor sets it when it enters the event callback, and when it
	 * delivers a trap whose trap_info flags ask for it. A vCPU that blocks
	 * (SCHEDOP_block) has it cleared. */
	uint8_t evtchn_upcall_mask;
	/* Bit i: word i of evtchn_pending may have new bits for this vCPU. */
	xen_ulong_t evtchn_pending_sel;
	struct arch_vcpu_info arch;
	struct vcpu_time_info time;
};
typedef struct vcpu_info vcpu_info_t;

PV_CHECK_SIZE(struct vcpu_info, 64);
PV_CHECK_OFFSET(struct vcpu_info, evtchn_upcall_mask, 1);
PV_CHECK_OFFSET(struct vcpu_info, evtchn_pending_sel, 4);
PV_CHECK_OFFSET(struct vcpu_info, arch, 8);
PV_CHECK_OFFSET(struct vcpu_info, arch.cr2, 8);
PV_CHECK_OFFSET(struct vcpu_info, time, 32);

/* Words of the 2-level event bitmaps: 32 words of 32 bits, 1024 ports. */
#define EVTCHN_2L_WORDS  32

struct shared_info {
	struct vcpu_info vcpu_info[XEN_LEGACY_MAX_VCPUS];
	xen_ulong_t evtchn_pending[EVTCHN_2L_WORDS];
	xen_ulong_t evtchn_mask[EVTCHN_2L_WORDS];
	/* Wall clock (UTC) at system time 0: now = wc + system time. Written
	 * by the hypervisor; wc_sec's high half is arch.wc_sec_hi. */
	uint32_t wc_version;
	uint32_t wc_sec;
	uint32_t wc_nsec;
	struct arch_shared_info arch;
};
typedef struct shared_info shared_info_t;

/* Xen's portable name for the high half of wc_sec (x86_32 keeps it in arch). */
#define xen_wc_sec_hi arch.wc_sec_hi

PV_CHECK_SIZE(struct shared_info, 2344);
PV_CHECK_OFFSET(struct shared_info, vcpu_info[1], 64);
PV_CHECK_OFFSET(struct shared_info, evtchn_pending, 2048);
PV_CHECK_OFFSET(struct shared_info, evtchn_mask, 2176);
PV_CHECK_OFFSET(struct shared_info, wc_version, 2304);
PV_CHECK_OFFSET(struct shared_info, wc_sec, 2308);
PV_CHECK_OFFSET(struct shared_info, wc_nsec, 2312);
PV_CHECK_OFFSET(struct shared_info, arch, 2316);
PV_CHECK_OFFSET(struct shared_info, arch.max_pfn, 2316);
PV_CHECK_OFFSET(struct shared_info, arch.wc_sec_hi, 2340);
_Static_assert(sizeof(struct shared_info) <= 4096, "shared_info fits its page");

#endif /* !__ASSEMBLER__ */

#endif
