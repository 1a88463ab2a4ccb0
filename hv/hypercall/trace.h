/* Seeing hypercalls: at loglvl=debug every one that fails is logged, and
 * hvtrace=<name or id> logs every one a domain makes, each line with the
 * number, its name, the sub-operation where the first argument is one,
 * the five arguments and the result. Rate-limited (trace_limit.h). */
#ifndef HYPERCALL_TRACE_H
#define HYPERCALL_TRACE_H

#include <stddef.h>
#include <stdint.h>

struct domain;

/* hvtrace=: the domain to trace, by name or by decimal id. */
void hypercall_trace_select(const char *val, size_t len);

/* After a call of d ended with rc (not for a continuation). */
void hypercall_trace(const struct domain *d, uint32_t nr, const uint32_t a[5], int32_t rc);

#endif
