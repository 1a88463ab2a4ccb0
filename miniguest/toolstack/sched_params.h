/* Scheduling parameters under the running policy (sched_params.c). */
#ifndef TOOLSTACK_SCHED_PARAMS_H
#define TOOLSTACK_SCHED_PARAMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "pvabi/domctl.h"

/* dom's parameters (op->sched_id the running policy's): 0 or -errno. */
int sched_get(uint16_t dom, struct xen_domctl_scheduler_op *op);
int sched_put(uint16_t dom, const struct xen_domctl_scheduler_op *op);
const char *sched_policy_name(uint32_t id);
/* "bvt weight=1 warp=0 ..." or its JSON object, in out. */
int sched_format(const struct xen_domctl_scheduler_op *op, bool json, char *out, size_t max);
/* Set the parameter name of op's policy: 0, or -1 when it has none. */
int sched_set_key(struct xen_domctl_scheduler_op *op, const char *name, uint32_t value);

#endif
