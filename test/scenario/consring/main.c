/* Scenario guest: a domain that writes its console ring by hand (CONS-10,
 * CONS-12). The backend is the hypervisor, or dom0's consoled when dom0.elf
 * runs beside it. Its own verdicts go through console_io.
 *
 *   garbage  CONSOLEIO_ringlet_write_as is refused (CONS-11); one honest line through the ring; then out_prod far beyond
 *            out_cons (a huge producer): the backend drops the ring, says
 *            so once, and prints nothing after it, even once the indices
 *            are honest again
 *   flood N  N lines through the ring as fast as it takes them
 *   quiet N  N lines, yielding between them
 * With "bound " before the mode it first waits (bounded) for a backend
 * in dom0 to bind its console port, so that backend is the one tested.
 * Every mode waits (bounded) for the backend to take what it wrote before
 * it ends, so its lines come out before its end is logged. */
#include "guest.h"
#include "evtchn.h"
#include "console/ring_copy.h"

const char test_title[] = "consring: a console ring written by hand";

/* Yields a backend gets to take a ring's worth before we give up. */
#define PATIENCE 200000

static volatile struct xencons_interface *ring;
static uint32_t port;

static void notify(void)
{
	struct evtchn_send s = { .port = port };
	evtchn_op(EVTCHNOP_send, &s);
}

/* Waits until the backend has taken all: false if it never does. */
static bool drained(void)
{
	for (unsigned i = 0; i < PATIENCE; i++) {
		if (ring->out_cons == ring->out_prod)
			return true;
		hypercall_sched_op(SCHEDOP_yield, NULL);
	}
	return false;
}

static bool put(const char *s)
{
	uint32_t n = (uint32_t)strlen(s);

	while (n) {
		uint32_t cons = ring->out_cons, prod = ring->out_prod;
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		int k = ring_put(ring->out, sizeof(ring->out), cons, prod, s, n);
		if (k < 0)
			return false;
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		ring->out_prod = prod + (uint32_t)k;
		notify();
		s += k;
		n -= (uint32_t)k;
		if (n && !drained())
			return false;
	}
	return true;
}

static void garbage(void)
{
	static const char forged[] = "FORGED in domain 0's name\n";
	check_eq("CONS-11", "an unprivileged domain writing as domain 0",
		 hypercall4(__HYPERVISOR_console_io, CONSOLEIO_ringlet_write_as,
			    sizeof(forged) - 1, (uint32_t)forged, 0), -XEN_EPERM);
	check("CONS-10", put("ring: an honest line\n") && drained(), "an honest line is taken");
	ring->out_prod = ring->out_cons + 0x10000u;
	notify();
	/* The backend must not move out_cons on garbage. */
	for (unsigned i = 0; i < 1000; i++)
		hypercall_sched_op(SCHEDOP_yield, NULL);
	uint32_t cons = ring->out_cons;
	check("CONS-10", ring->out_prod - cons == 0x10000u, "garbage indices are left alone");
	ring->out_prod = cons;
	put("ring: NOT SERVED after the garbage\n");
	for (unsigned i = 0; i < 1000; i++)
		hypercall_sched_op(SCHEDOP_yield, NULL);
	check("CONS-10", ring->out_cons == cons, "a dropped ring is not served again");
}

static void lines(const char *what, unsigned n, bool yield)
{
	char line[64];
	unsigned ok = 0;

	for (unsigned i = 0; i < n; i++) {
		format(line, sizeof(line), "ring: %s line %u of %u\n", what, i + 1, n);
		ok += put(line);
		if (yield)
			hypercall_sched_op(SCHEDOP_yield, NULL);
	}
	check("CONS-12", ok == n && drained(), "%u line(s) through the ring", ok);
}

static bool bound(void)
{
	struct evtchn_status st = { .dom = DOMID_SELF, .port = port };

	for (unsigned i = 0; i < PATIENCE; i++) {
		if (evtchn_op(EVTCHNOP_status, &st) == 0 && st.status == EVTCHNSTAT_interdomain)
			return true;
		hypercall_sched_op(SCHEDOP_yield, NULL);
	}
	return false;
}

void test_main(void)
{
	const char *cmd = start_info->cmd_line;
	unsigned n = 0;

	if (!start_info->console.domU.mfn) {
		test_error("no console ring (run as a domain other than 0)");
		return;
	}
	ring = (volatile struct xencons_interface *)((uint32_t)start_info + 2 * PAGE_SIZE);
	port = start_info->console.domU.evtchn;
	if (strncmp(cmd, "bound ", 6) == 0) {
		cmd += 6;
		if (!check("CONS-12", bound(), "dom0's backend bound the port"))
			return;
	}
	for (const char *p = cmd; *p; p++)
		if (*p >= '0' && *p <= '9')
			n = n * 10 + (unsigned)(*p - '0');
	if (strncmp(cmd, "garbage", 7) == 0)
		garbage();
	else if (strncmp(cmd, "flood", 5) == 0)
		lines("flood", n, false);
	else if (strncmp(cmd, "quiet", 5) == 0)
		lines("quiet", n, true);
	else
		test_error("say garbage, flood N or quiet N");
	test_success();
}
