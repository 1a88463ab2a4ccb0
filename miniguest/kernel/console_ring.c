#include "kernel/console_ring.h"

#include "console/ring_copy.h"
#include "kernel/events.h"
#include "kernel/frames.h"
#include "kernel/hypervisor.h"
#include "kernel/time.h"
#include "pvabi/console.h"

/* How long a write waits for the backend at a time, and at the end, in all. */
#define WAIT_NS   10000000u
#define CLOSE_NS  2000000000u

static volatile struct xencons_interface *ring;
static evtchn_port_t port;
static void (*on_input)(void);

static void event(evtchn_port_t p, void *data)
{
	(void)p;
	(void)data;
	if (on_input)
		on_input();
}

bool console_ring_open(void (*input)(void))
{
	/* BOOT-3: the console page comes right after the store page. */
	uint32_t pfn = virt_to_pfn(start_info) + 2;

	if ((start_info->flags & SIF_INITDOMAIN) || !start_info->console.domU.mfn ||
	    pfn_to_mfn(pfn) != start_info->console.domU.mfn)
		return false;
	port = start_info->console.domU.evtchn;
	on_input = input;
	ring = pfn_to_virt(pfn);
	evtchn_set_handler(port, event, 0);
	return true;
}

bool console_ring_active(void)
{
	return ring != 0;
}

/* Sleep until the backend's event (or a short while): the port is polled,
 * not delivered, so this works with events masked and in trap handlers.
 * The event may have brought input too: it is taken as the upcall would. */
static void wait_backend(void)
{
	evtchn_port_t ports[1] = { port };
	struct sched_poll p = { .ports = guest_ptr_from(ports), .nr_ports = 1,
				.timeout = time_now_ns() + WAIT_NS };

	__atomic_fetch_and(&shared_info->evtchn_pending[port / 32], ~(1u << (port % 32)),
			   __ATOMIC_SEQ_CST);
	hypercall_sched_op(SCHEDOP_poll, &p);
	if (on_input)
		on_input();
}

unsigned long console_ring_write(const char *buf, unsigned long len)
{
	unsigned long done = 0;

	while (done < len && ring) {
		uint32_t cons = ring->out_cons, prod = ring->out_prod;
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		unsigned long left = len - done;
		int n = ring_put(ring->out, sizeof(ring->out), cons, prod, buf + done,
				 left > sizeof(ring->out) ? sizeof(ring->out) : (uint32_t)left);
		if (n < 0) {
			ring = 0;      /* the backend broke it: console_io it is */
			break;
		}
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		ring->out_prod = prod + (uint32_t)n;
		done += (unsigned long)n;
		evtchn_notify(port);
		if (done < len && ring && ring->out_prod - ring->out_cons >= sizeof(ring->out))
			wait_backend();
	}
	return done;
}

unsigned long console_ring_read(char *buf, unsigned long len)
{
	if (!ring)
		return 0;
	uint32_t cons = ring->in_cons, prod = ring->in_prod;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	int n = ring_take(ring->in, sizeof(ring->in), cons, prod, buf,
			  len > sizeof(ring->in) ? sizeof(ring->in) : (uint32_t)len);
	if (n <= 0)
		return 0;          /* garbage indices: no input */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	ring->in_cons = cons + (uint32_t)n;
	evtchn_notify(port);
	return (unsigned long)n;
}

void console_ring_close(void)
{
	uint64_t end = time_now_ns() + CLOSE_NS;

	while (ring && ring->out_prod != ring->out_cons && time_now_ns() < end)
		wait_backend();
	ring = 0;
}
