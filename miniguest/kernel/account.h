/* A backend says whose requests it is working on, so that the hypervisor
 * charges the time to that domain (SCHEDOP_ringlet_serving). */
#ifndef MINIGUEST_KERNEL_ACCOUNT_H
#define MINIGUEST_KERNEL_ACCOUNT_H

#include <stdint.h>

/* From now on serving domid (DOMID_SELF: nobody). 0, -XEN_EPERM for a
 * domain it has no event channel with, -XEN_ENOSYS on a hypervisor
 * without the extension (Xen): harmless to ignore. */
int account_serving(uint16_t domid);

#endif
