/* Sweeps over the hypervisor's hole (0xF5800000 up to 4 GiB): one access at
 * the start of every page, each expected to fault or, for reads of the
 * read-only machine-to-physical window, allowed to complete.
 *
 * A fault counts as the hole's when it is a #PF whose cr2 is the page, or a
 * #GP with error code 0 (a CPU that enforces the flat segments' limit,
 * which ends where the hole begins, stops the access before paging does).
 * Anything else is a wrong fault. The sweep runs in the ring it is called
 * from: call it inside ring3_run() for ring 3 (hole_sweep_ring3). */
#ifndef CONFORMANCE_HOLE_H
#define CONFORMANCE_HOLE_H

#include <stdbool.h>
#include <stdint.h>
#include "traps.h"

#define HOLE_START      0xF5800000u
#define HOLE_M2P_END    0xF6800000u     /* the read-only M2P window's end */

struct hole_sweep {
	uint32_t pages;             /* accesses made */
	uint32_t faulted;           /* ... that faulted as the hole's */
	uint32_t m2p_reads;         /* reads of the M2P window that completed */
	uint32_t reached;           /* other accesses that completed */
	uint32_t wrong;             /* faults of another kind */
	uint32_t first_reached;     /* the first such address (0: none) */
	struct exinfo first_wrong;
};

void hole_sweep(bool write, struct hole_sweep *s);
/* The same sweep in ring 3 (ring3_init() must have succeeded). */
void hole_sweep_ring3(bool write, struct hole_sweep *s);

/* Report one sweep under rule: every access faulted as the hole's, but for
 * M2P reads when m2p_ok. */
void hole_report(const char *rule, const char *what, const struct hole_sweep *s, bool m2p_ok);

/* The whole test: the sweep in ring 1, then in ring 3, each reported. */
void hole_test(const char *rule, bool write);

#endif
