/* domctl requests for the tests of the control interface. */
#ifndef CONFORMANCE_DOMCTL_H
#define CONFORMANCE_DOMCTL_H

#include "pvabi/domctl.h"

/* A zeroed request for cmd about dom, with the interface version set. */
struct xen_domctl domctl_request(uint32_t cmd, domid_t dom);

#endif
