/* xsa317: running out of event channels leaves nothing behind (XSA-317).
 *
 * XSA-317: when Xen failed to allocate a port's bucket, its error path
 * left the domain's port count wrong, and the next allocations went past
 * what had been set up. Allocating ports until the hypervisor refuses,
 * then giving them all back, must leave the domain exactly where it was:
 * the same number of ports can be had again, each one works, and the
 * lowest free port is always the one handed out.
 *
 * Rules checked:
 *   XSA317-1  alloc_unbound until refused ends with -ENOSPC, after a
 *             number of ports the domain may hold (at least 63), each new
 *             port the lowest free one
 *   XSA317-2  after closing every port, the same number can be allocated
 *             again, and the refusal is again -ENOSPC
 *   XSA317-3  a port closed in the middle is the next one handed out, and
 *             a port allocated after the refusal can be sent to and closed
 */
#include "guest.h"
#include "evtchn.h"

const char test_title[] = "xsa317: event channels exhausted and given back";

#define LIMIT 4096      /* beyond any 2-level domain's ports */

static evtchn_port_t ports[LIMIT];

static long alloc(evtchn_port_t *port)
{
	struct evtchn_alloc_unbound a = { .dom = DOMID_SELF, .remote_dom = DOMID_SELF };
	long rc = evtchn_op(EVTCHNOP_alloc_unbound, &a);

	*port = a.port;
	return rc;
}

static long close(evtchn_port_t port)
{
	struct evtchn_close c = { .port = port };

	return evtchn_op(EVTCHNOP_close, &c);
}

/* Allocates until refused: how many, and the refusal in *last. */
static unsigned fill(long *last, unsigned *not_lowest)
{
	unsigned n = 0;

	*not_lowest = 0;
	while (n < LIMIT && (*last = alloc(&ports[n])) == 0) {
		*not_lowest += n > 0 && ports[n] < ports[n - 1];
		n++;
	}
	return n;
}

static unsigned close_all(unsigned n)
{
	unsigned failed = 0;

	for (unsigned i = 0; i < n; i++)
		failed += close(ports[i]) != 0;
	return failed;
}

void test_main(void)
{
	long last;
	unsigned out_of_order;
	unsigned first = fill(&last, &out_of_order);

	printk("%u ports allocated before the refusal\n", first);
	check_rc("XSA317-1", "the refusal", last, -XEN_ENOSPC);
	check("XSA317-1", first >= 63 && first < LIMIT, "ports had: %u", first);
	check_eq("XSA317-1", "ports not handed out in rising order", out_of_order, 0);

	/* A port closed in the middle comes back first. */
	evtchn_port_t middle = ports[first / 2], again;
	check_rc("XSA317-3", "close a port in the middle", close(middle), 0);
	check_rc("XSA317-3", "allocate one more", alloc(&again), 0);
	check_eq("XSA317-3", "it is the one closed", again, middle);
	check_rc("XSA317-3", "send to it", hypercall_event_channel_op(EVTCHNOP_send,
		 &(struct evtchn_send){ .port = again }), 0);
	check_eq("XSA317-2", "ports that would not close", close_all(first), 0);

	unsigned second = fill(&last, &out_of_order);
	check_rc("XSA317-2", "the refusal the second time", last, -XEN_ENOSPC);
	check_eq("XSA317-2", "ports had the second time", second, first);
	check_eq("XSA317-2", "ports not in rising order the second time", out_of_order, 0);
	check_eq("XSA317-2", "ports that would not close the second time", close_all(second), 0);
	check_rc("XSA317-3", "a port after all that", alloc(&again), 0);
	check_rc("XSA317-3", "which closes", close(again), 0);
	test_success();
}
