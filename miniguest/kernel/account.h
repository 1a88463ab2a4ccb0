/* A backend says whose requests it is working on, so that the hypervisor
 * charges the time to that domain (SCHEDOP_ringlet_serving). */
#ifndef MINIGUEST_KERNEL_ACCOUNT_H
#define MINIGUEST_KERNEL_ACCOUNT_H

#include <stdint.h>

#include "pvabi/domctl.h"

/* From now on serving domid (DOMID_SELF: nobody). 0, -XEN_EPERM for a
 * domain it has no event channel with, -XEN_ENOSYS on a hypervisor
 * without the extension (Xen): harmless to ignore. */
int account_serving(uint16_t domid);

/* What the hypervisor counted for domain dom (DOMCTL-10), its first
 * RINGLET_ACCOUNT_PEERS peers into peers: 0, or the domctl's error. */
int account_read(uint16_t dom, struct ringlet_domctl_getaccount *a,
		 struct ringlet_account_peer *peers);

/* A peer's operations, as the monitoring paper counts them: events sent
 * it, its grants mapped, copies and page flips. */
uint64_t account_ops(const struct ringlet_account_peer *p);

#endif
