/* The commands of __HYPERVISOR_domctl beyond the scheduler's (domctl.c). */
#ifndef HYPERCALL_DOMCTL_H
#define HYPERCALL_DOMCTL_H

#include "pvabi/domctl.h"
#include "pvabi/errno.h"

/* XEN_DOMCTL_getdomaininfo: fills dc for the domain dc->domain names, or
 * the next one up; 0 or -XEN_ESRCH. */
int domctl_getdomaininfo(struct xen_domctl *dc);

#endif
