/* domctl_account: ringlet's per-domain accounting (RINGLET_DOMCTL_getaccount)
 * and SCHEDOP_ringlet_serving. Run as two domains: domain 0 checks, and
 * domain 1 (partner=1) is the peer it serves and signals, which waits for
 * an event on its store port (offered to domain 0 as a boot domain's is),
 * answers it, waits for a second and ends.
 *
 * Rules checked (pvabi/ABI.md):
 *   DOMCTL-10 getaccount: a domain that does not exist: -ESRCH; padding
 *             not 0, room for more than RINGLET_ACCOUNT_PEERS entries, an
 *             array above 4 GiB: -EINVAL; an array it cannot write:
 *             -EFAULT. Hypercalls count one each; events sent and
 *             received count per peer
 *   SCHED-13  serving: a domain it has no interdomain channel with (or
 *             none at all): -EPERM; its own id, a reserved id, padding:
 *             -EINVAL; DOMID_SELF: nobody; time run while serving a peer
 *             is charged to it, and stops being once it serves nobody */
#include "guest.h"

#include "cmdline.h"
#include "domctl.h"
#include "evtchn.h"
#include "systime.h"
#include "pvabi/vcpu.h"

const char test_title[] = "domctl_account: per-domain accounting read by domctl, and the "
			  "time a backend spends serving a peer";

#define SPIN_NS 20000000ull   /* 20 ms of guest time */

static struct ringlet_account_peer peers[RINGLET_ACCOUNT_PEERS];

static long account(domid_t dom, struct ringlet_domctl_getaccount *a)
{
	struct xen_domctl dc = domctl_request(RINGLET_DOMCTL_getaccount, dom);

	dc.u.getaccount = *a;
	long rc = hypercall_domctl(&dc);
	*a = dc.u.getaccount;
	return rc;
}

static struct ringlet_domctl_getaccount read_account(domid_t dom)
{
	struct ringlet_domctl_getaccount a = {
		.peers = (uintptr_t)peers, .nr_peers = RINGLET_ACCOUNT_PEERS,
	};

	memset(peers, 0, sizeof(peers));
	check_rc("DOMCTL-10", "getaccount", account(dom, &a), 0);
	return a;
}

static const struct ringlet_account_peer *peer(const struct ringlet_domctl_getaccount *a,
					       domid_t dom)
{
	for (uint32_t i = 0; i < a->nr_peers; i++)
		if (peers[i].domid == dom)
			return &peers[i];
	return NULL;
}

static long serve(domid_t dom, uint16_t pad)
{
	struct sched_serving s = { .domid = dom, ._pad = pad };

	return hypercall_sched_op(SCHEDOP_ringlet_serving, &s);
}

static void bad_input(void)
{
	struct ringlet_domctl_getaccount a = { 0 };

	check_rc("DOMCTL-10", "domain 999", account(999, &a), -XEN_ESRCH);
	a._pad = 1;
	check_rc("DOMCTL-10", "padding not 0", account(0, &a), -XEN_EINVAL);
	a = (struct ringlet_domctl_getaccount){ .nr_peers = RINGLET_ACCOUNT_PEERS + 1,
						.peers = (uintptr_t)peers };
	check_rc("DOMCTL-10", "room for one entry too many", account(0, &a), -XEN_EINVAL);
	a = (struct ringlet_domctl_getaccount){ .nr_peers = 1, .peers = 1ull << 32 };
	check_rc("DOMCTL-10", "an array above 4 GiB", account(0, &a), -XEN_EINVAL);
	check_rc("SCHED-13", "serving domain 1 (no channel yet)", serve(1, 0), -XEN_EPERM);
	check_rc("SCHED-13", "serving domain 999 (none)", serve(999, 0), -XEN_EPERM);
	check_rc("SCHED-13", "serving itself", serve(0, 0), -XEN_EINVAL);
	check_rc("SCHED-13", "serving DOMID_IO", serve(DOMID_IO, 0), -XEN_EINVAL);
	check_rc("SCHED-13", "padding not 0", serve(DOMID_SELF, 1), -XEN_EINVAL);
}

static void hypercalls(void)
{
	struct ringlet_domctl_getaccount a = { 0 }, b = { 0 };

	/* No check in between: a passing one prints, with a hypercall. */
	long rc = account(0, &a);
	for (int i = 0; i < 10; i++)
		hypercall_xen_version(XENVER_version, NULL);
	rc = rc ? rc : account(0, &b);
	check_rc("DOMCTL-10", "getaccount twice", rc, 0);
	/* Ten, and the getaccount that read the second count. */
	check_eq("DOMCTL-10", "hypercalls counted", (long long)(b.hypercalls - a.hypercalls), 11);
	check("DOMCTL-10", b.runstate_ns[RUNSTATE_running] > 0, "running time %llu ns",
	      (unsigned long long)b.runstate_ns[RUNSTATE_running]);
}

static void spin(void)
{
	uint64_t end = system_time_ns(NULL) + SPIN_NS;

	while (system_time_ns(NULL) < end)
		;
}

static uint64_t served(domid_t dom)
{
	struct ringlet_domctl_getaccount a = read_account(0);
	const struct ringlet_account_peer *p = peer(&a, dom);

	return p ? p->served_ns : 0;
}

static void serving(void)
{
	check_rc("SCHED-13", "serving domain 1", serve(1, 0), 0);
	struct ringlet_domctl_getaccount a = read_account(0);
	check_eq("SCHED-13", "getaccount says whom it serves", a.serving, 1);
	uint64_t before = served(1);
	spin();
	uint64_t during = served(1);
	/* Domain 1 waits and nothing else runs, so almost all of the spin is
	 * ours; half of it is a bound a loaded host keeps. */
	check("SCHED-13", during - before >= SPIN_NS / 2, "served %llu ns of a %llu ns spin",
	      (unsigned long long)(during - before), SPIN_NS);
	check_rc("SCHED-13", "serving nobody", serve(DOMID_SELF, 0), 0);
	uint64_t after = served(1);
	spin();
	check_eq("SCHED-13", "no time charged while serving nobody", (long long)(served(1) - after), 0);
	a = read_account(0);
	check_eq("SCHED-13", "getaccount says it serves nobody", a.serving, DOMID_SELF);
}

/* Wait (up to 30 s) for port to be pending, and clear it: whether it was. */
static bool wait_event(uint32_t port)
{
	uint32_t w = port / 32, bit = 1u << (port % 32), ports[1] = { port };
	uint64_t give_up = system_time_ns(NULL) + 30 * 1000000000ull;

	while (!(shared_info->evtchn_pending[w] & bit) && system_time_ns(NULL) < give_up) {
		struct sched_poll p = { .nr_ports = 1, .timeout = give_up };
		set_xen_guest_handle(p.ports, ports);
		hypercall_sched_op(SCHEDOP_poll, &p);
	}
	bool seen = shared_info->evtchn_pending[w] & bit;
	shared_info->evtchn_pending[w] &= ~bit;
	return seen;
}

static void events(uint32_t port)
{
	struct ringlet_domctl_getaccount a = read_account(0), pa = read_account(1);
	struct evtchn_send snd = { .port = port };

	shared_info->evtchn_pending[port / 32] &= ~(1u << (port % 32));
	check_rc("DOMCTL-10", "send to domain 1", evtchn_op(EVTCHNOP_send, &snd), 0);
	struct ringlet_domctl_getaccount b = read_account(0);
	const struct ringlet_account_peer *p = peer(&b, 1);
	check_eq("DOMCTL-10", "events sent", (long long)(b.events_sent - a.events_sent), 1);
	check_eq("DOMCTL-10", "events sent to domain 1", p ? (long long)p->events_sent : -1, 1);
	struct ringlet_domctl_getaccount pb = read_account(1);
	check_eq("DOMCTL-10", "events domain 1 received",
		 (long long)(pb.events_received - pa.events_received), 1);
	struct ringlet_domctl_getaccount bad = { .nr_peers = 1, .peers = initial_region_end() };
	check_rc("DOMCTL-10", "an array it cannot write", account(0, &bad), -XEN_EFAULT);
	/* Domain 1 answers, and the second event lets it end. */
	check("DOMCTL-10", wait_event(port), "domain 1 answered");
	b = read_account(0);
	check_eq("DOMCTL-10", "events received", (long long)(b.events_received - a.events_received), 1);
	check_rc("DOMCTL-10", "send to domain 1 again", evtchn_op(EVTCHNOP_send, &snd), 0);
}

/* Domain 1: an event on its store port, answered, and a second one. */
static void partner(void)
{
	uint32_t port = start_info->store_evtchn;
	struct evtchn_send snd = { .port = port };

	check("DOMCTL-10", wait_event(port), "the first event came");
	check_rc("DOMCTL-10", "answer it", evtchn_op(EVTCHNOP_send, &snd), 0);
	check("DOMCTL-10", wait_event(port), "the second event came");
	test_success();
}

void test_main(void)
{
	if (cmdline_number("partner", 0)) {
		partner();
		return;
	}
	bad_input();
	hypercalls();
	uint32_t port = 0;
	/* A boot domain's store port is its first: 1. */
	if (!check_rc("SCHED-13", "binding domain 1's store port", bind_offered_port(1, 1, &port), 0))
		return;
	serving();
	events(port);
	/* Domain 1 ends on its own: wait for it (its verdict is its own). */
	uint64_t give_up = system_time_ns(NULL) + 30 * 1000000000ull;
	struct ringlet_domctl_getaccount a = { 0 };
	while (account(1, &a) == 0 && system_time_ns(NULL) < give_up)
		hypercall_sched_op(SCHEDOP_yield, NULL);
	check_rc("DOMCTL-10", "domain 1 ended: getaccount", account(1, &a), -XEN_ESRCH);
	test_success();
}
