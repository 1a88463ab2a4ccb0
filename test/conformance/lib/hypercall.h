/* Hypercalls from a conformance guest: the guest half of the ABI's calling
 * convention, shared with miniguest. */
#ifndef CONFORMANCE_HYPERCALL_H
#define CONFORMANCE_HYPERCALL_H

#include "pvabi/guest_hypercall.h"

#endif
