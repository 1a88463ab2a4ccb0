/* The hypercalls miniguest makes beyond pvabi/guest_hypercall.h's typed
 * wrappers, and the shared_info page once it is mapped. */
#ifndef MG_HYPERVISOR_H
#define MG_HYPERVISOR_H

#include <stdint.h>

#include "pvabi/errno.h"
#include "pvabi/guest_hypercall.h"
#include "pvabi/event_channel.h"
#include "pvabi/sched.h"
#include "pvabi/shared_info.h"
#include "pvabi/start_info.h"

extern const struct start_info *start_info;
extern volatile struct shared_info *shared_info;   /* NULL until mapped */

static inline volatile struct vcpu_info *vcpu0(void)
{
	return &shared_info->vcpu_info[0];
}

static inline long hypercall_evtchn_op(uint32_t cmd, void *arg)
{
	return hypercall2(__HYPERVISOR_event_channel_op, cmd, ptr_arg(arg));
}

/* Absolute system time in ns; 0 cancels the timer. */
static inline long hypercall_set_timer_op(uint64_t deadline)
{
	return hypercall2(__HYPERVISOR_set_timer_op, (uint32_t)deadline,
			  (uint32_t)(deadline >> 32));
}

static inline long hypercall_set_callbacks(uint32_t event_eip, uint32_t failsafe_eip)
{
	return hypercall4(__HYPERVISOR_set_callbacks, FLAT_RING1_CS, event_eip,
			  FLAT_RING1_CS, failsafe_eip);
}

#endif
