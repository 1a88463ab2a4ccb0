/* The commands of __HYPERVISOR_domctl (domctl.c dispatches them). Each
 * returns 0 or a negated XEN_E* value. */
#ifndef HYPERCALL_DOMCTL_H
#define HYPERCALL_DOMCTL_H

#include <stdint.h>
#include "pvabi/domctl.h"
#include "pvabi/errno.h"

struct domain;

/* XEN_DOMCTL_getdomaininfo: fills dc for the domain dc->domain names, or
 * the next one up; 0 or -XEN_ESRCH. */
int domctl_getdomaininfo(struct xen_domctl *dc);
int domctl_scheduler_op(struct domain *d, struct xen_domctl_scheduler_op *op);
int domctl_destroydomain(struct domain *d);
int domctl_pausedomain(struct domain *d);
int domctl_max_mem(struct domain *d, const struct xen_domctl_max_mem *m);
int domctl_getaccount(struct domain *d, struct ringlet_domctl_getaccount *g);

/* RINGLET_DOMCTL_load_image: one chunk of the image createdomain builds
 * from (domctl_image.c). */
int domctl_load_image(struct xen_domctl *dc);
/* The staged image when it is loaded whole (*len its size), else NULL;
 * domctl_image_drop frees it. */
const uint8_t *domctl_image(uint32_t *len);
void domctl_image_drop(void);

int domctl_createdomain(struct xen_domctl *dc);

/* The nr frames of the next domain, zeroed across calls
 * (domctl_frames.c): 0 once they are, -XEN_ERESTART to be called again,
 * -XEN_ENOMEM when the machine has not that many free. domctl_frames_give
 * makes them d's (d->max_pages allowing) and returns their list, the
 * caller's to free; domctl_frames_drop frees them. */
int domctl_frames_prepare(uint32_t nr);
uint32_t *domctl_frames_give(struct domain *d);
void domctl_frames_drop(void);

#endif
