/* The hypercalls (pvabi/guest_hypercall.h's typed wrappers), start_info
 * and the shared_info page once it is mapped. */
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

#endif
