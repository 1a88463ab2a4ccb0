/* Event channels (2-level): the upcall scans evtchn_pending_sel, then the
 * pending-and-unmasked words it names, clears each pending bit before
 * calling the port's handler (a new event during the handler is then seen
 * again, not lost). */
#include "kernel/events.h"

#include "kernel/console.h"
#include "kernel/hypervisor.h"

#define NR_PORTS (EVTCHN_2L_WORDS * 32)

struct port_handler {
	evtchn_handler_t fn;
	void *data;
};

static struct port_handler handlers[NR_PORTS];
static uint32_t unhandled;

extern char event_callback_entry[], failsafe_callback_entry[];

void events_init(void)
{
	long rc = hypercall_set_callbacks((uint32_t)(uintptr_t)event_callback_entry,
					  (uint32_t)(uintptr_t)failsafe_callback_entry);
	if (rc)
		printk("miniguest: set_callbacks failed (%ld): no events will arrive\n", rc);
}

void evtchn_set_handler(evtchn_port_t port, evtchn_handler_t h, void *data)
{
	if (port >= NR_PORTS)
		return;
	handlers[port].data = data;
	handlers[port].fn = h;
	evtchn_unmask(port);
}

long evtchn_bind_virq(uint32_t virq, evtchn_handler_t h, void *data)
{
	struct evtchn_bind_virq op = { .virq = virq, .vcpu = 0 };
	long rc = hypercall_event_channel_op(EVTCHNOP_bind_virq, &op);

	if (rc < 0)
		return rc;
	evtchn_set_handler(op.port, h, data);
	return op.port;
}

long evtchn_notify(evtchn_port_t port)
{
	struct evtchn_send op = { .port = port };

	return hypercall_event_channel_op(EVTCHNOP_send, &op);
}

void evtchn_mask(evtchn_port_t port)
{
	__atomic_fetch_or(&shared_info->evtchn_mask[port / 32], 1u << (port % 32),
			  __ATOMIC_SEQ_CST);
}

/* The hypervisor re-raises an event that became pending while masked. */
void evtchn_unmask(evtchn_port_t port)
{
	struct evtchn_unmask op = { .port = port };

	hypercall_event_channel_op(EVTCHNOP_unmask, &op);
}

unsigned events_mask_save(void)
{
	unsigned old = vcpu0()->evtchn_upcall_mask;

	vcpu0()->evtchn_upcall_mask = 1;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	return old;
}

void events_restore(unsigned mask)
{
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	vcpu0()->evtchn_upcall_mask = (uint8_t)mask;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	/* An event that came while masked: any hypercall delivers it on the
	 * way back. */
	if (!mask && vcpu0()->evtchn_upcall_pending)
		hypercall_xen_version(0, 0);
}

void do_upcall(void)
{
	volatile struct vcpu_info *v = vcpu0();

	while (v->evtchn_upcall_pending) {
		v->evtchn_upcall_pending = 0;
		uint32_t sel = __atomic_exchange_n(&v->evtchn_pending_sel, 0, __ATOMIC_SEQ_CST);
		while (sel) {
			unsigned w = (unsigned)__builtin_ctz(sel);
			sel &= sel - 1;
			uint32_t bits;
			while ((bits = shared_info->evtchn_pending[w] & ~shared_info->evtchn_mask[w])) {
				unsigned b = (unsigned)__builtin_ctz(bits);
				evtchn_port_t port = w * 32 + b;
				__atomic_fetch_and(&shared_info->evtchn_pending[w], ~(1u << b),
						   __ATOMIC_SEQ_CST);
				if (handlers[port].fn)
					handlers[port].fn(port, handlers[port].data);
				else if (unhandled++ < 4)
					printk("miniguest: event on port %u, which has no handler\n",
					       port);
			}
		}
	}
}
