#include "hole.h"
#include "ring3.h"
#include "test.h"
#include "lib/format.h"

static bool hole_fault(const struct exinfo *ex, uint32_t addr)
{
	return (ex->vector == X86_EXC_PF && ex->cr2 == addr) ||
	       (ex->vector == X86_EXC_GP && ex->error == 0);
}

void hole_sweep(bool write, struct hole_sweep *s)
{
	*s = (struct hole_sweep){ .first_wrong.vector = EXINFO_NONE };
	for (uint64_t a = HOLE_START; a < 0x100000000ull; a += 0x1000) {
		uint32_t addr = (uint32_t)a, val = 0;
		struct exinfo ex;
		bool done = write ? probe_write32(addr, 0x5a5a5a5a, &ex) : probe_read32(addr, &val, &ex);

		s->pages++;
		if (done && !write && addr < HOLE_M2P_END) {
			s->m2p_reads++;
		} else if (done) {
			if (!s->reached++)
				s->first_reached = addr;
		} else if (hole_fault(&ex, addr)) {
			s->faulted++;
		} else if (!s->wrong++) {
			s->first_wrong = ex;
		}
	}
}

static bool ring3_write;
static struct hole_sweep *ring3_result;

static void sweep_in_ring3(void)
{
	hole_sweep(ring3_write, ring3_result);
}

void hole_sweep_ring3(bool write, struct hole_sweep *s)
{
	ring3_write = write;
	ring3_result = s;
	ring3_run(sweep_in_ring3, RING3_BY_IRET);
}

void hole_report(const char *rule, const char *what, const struct hole_sweep *s, bool m2p_ok)
{
	char wrong[96];

	exinfo_format(wrong, sizeof(wrong), &s->first_wrong);
	check(rule, s->pages == (0x100000000ull - HOLE_START) >> 12,
	      "%s: %u pages swept", what, s->pages);
	check(rule, s->reached == 0, "%s: %u accesses went through (the first at %#x)",
	      what, s->reached, s->first_reached);
	check(rule, s->wrong == 0, "%s: %u faults of the wrong kind (the first: %s)",
	      what, s->wrong, wrong);
	check(rule, m2p_ok || s->m2p_reads == 0, "%s: %u reads of the M2P window went through",
	      what, s->m2p_reads);
	check(rule, s->faulted + s->m2p_reads == s->pages, "%s: %u faulted, %u M2P reads",
	      what, s->faulted, s->m2p_reads);
}

void hole_test(const char *rule, bool write)
{
	const char *kind = write ? "writes" : "reads";
	char what[32];
	struct hole_sweep s;

	hole_sweep(write, &s);
	format(what, sizeof(what), "ring-1 %s", kind);
	hole_report(rule, what, &s, !write);
	long rc = ring3_init();
	if (rc != 0) {
		test_error("ring3_init: %ld", rc);
		return;
	}
	hole_sweep_ring3(write, &s);
	format(what, sizeof(what), "ring-3 %s", kind);
	hole_report(rule, what, &s, !write);
	test_success();
}
