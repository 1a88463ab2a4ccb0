/* Scenario guest: an event channel between two domains, used both ways.
 * Run as "server" (domain 0, started first) and "client" (domain 1).
 *
 *   EVT-8  the server offers a port to domain 1 (alloc_unbound), the client
 *          binds to it, and ROUNDS events go back and forth, each side
 *          waiting with SCHEDOP_poll on its masked port
 *
 * The client times the round trips and prints a BENCH line beside the null
 * hypercall measured in the same run. */
#include "guest.h"
#include "systime.h"
#include "evtchn.h"

#define ROUNDS  2000

const char test_title[] = "pingpong: an interdomain event channel, both ways";

static void mask(uint32_t port)
{
	shared_info->evtchn_mask[port / 32] |= 1u << (port % 32);
}

/* Wait for the port, then clear it. */
static void wait_on(uint32_t port)
{
	uint32_t w = port / 32, bit = 1u << (port % 32);
	uint32_t ports[1] = { port };
	struct sched_poll p = { .nr_ports = 1, .timeout = 0 };

	set_xen_guest_handle(p.ports, ports);
	while (!(shared_info->evtchn_pending[w] & bit))
		hypercall_sched_op(SCHEDOP_poll, &p);
	shared_info->evtchn_pending[w] &= ~bit;
}

static unsigned refused_sends;

static void notify(uint32_t port)
{
	struct evtchn_send s = { .port = port };
	if (evtchn_op(EVTCHNOP_send, &s) != 0)
		refused_sends++;
}

static void server(void)
{
	struct evtchn_alloc_unbound a = { .dom = DOMID_SELF, .remote_dom = 1 };
	if (!check_rc("EVT-8", "alloc_unbound for domain 1", evtchn_op(EVTCHNOP_alloc_unbound, &a), 0))
		return;
	mask(a.port);
	printk("offering port %u to domain 1\n", a.port);
	for (unsigned i = 0; i < ROUNDS; i++) {
		wait_on(a.port);
		notify(a.port);
	}
	check("EVT-8", refused_sends == 0, "answered %u events from domain 1 (%u sends refused)",
	      ROUNDS, refused_sends);
	test_success();
}

static uint32_t null_hypercall_cycles(void)
{
	uint64_t t0 = rdtsc();
	for (unsigned i = 0; i < ROUNDS; i++)
		hypercall_xen_version(XENVER_version, NULL);
	return (uint32_t)((rdtsc() - t0) / ROUNDS);
}

static void client(void)
{
	uint32_t port;

	/* The server offers port 1, its first. */
	if (!check_rc("EVT-8", "bind_interdomain to domain 0, port 1", bind_offered_port(0, 1, &port), 0))
		return;
	mask(port);
	/* Binding marks the binder's end pending, as on Xen: not a reply. */
	shared_info->evtchn_pending[port / 32] &= ~(1u << (port % 32));
	uint64_t t0 = rdtsc();
	for (unsigned i = 0; i < ROUNDS; i++) {
		notify(port);
		wait_on(port);
	}
	uint32_t round_trip = (uint32_t)((rdtsc() - t0) / ROUNDS);
	check("EVT-8", refused_sends == 0, "%u events went to domain 0 and came back (%u sends refused)",
	      ROUNDS, refused_sends);
	uint32_t floor = null_hypercall_cycles();
	printk("round trip %u cycles, null hypercall %u cycles\n", round_trip, floor);
	printk("BENCH {\"metric\": \"evtchn_pingpong\", \"value\": %u, \"unit\": \"cycles\", "
	       "\"floor\": %u}\n", round_trip, floor);
	test_success();
}

void test_main(void)
{
	if (!shared_info) {
		test_error("shared_info is not mapped");
		return;
	}
	if (strcmp(start_info->cmd_line, "server") == 0)
		server();
	else if (strcmp(start_info->cmd_line, "client") == 0)
		client();
	else
		test_error("say server or client on the command line");
}
