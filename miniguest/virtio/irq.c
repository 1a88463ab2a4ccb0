/* Completions by interrupt or by polling (virtio_irq.h). */
#include "virtio/virtio_irq.h"

#include <errno.h>
#include <stdio.h>

#include "kernel/events.h"
#include "kernel/hypervisor.h"
#include "kernel/time.h"
#include "pvabi/physdev.h"
#include "virtio/pci.h"
#include "virtio/q35.h"
#include "virtio/virtio.h"

#define POLL_SLEEP_NS 20000u
#define POLLER_STACK  (16 * 1024)

static long physdev_op(uint32_t cmd, void *arg)
{
	return hypercall2(__HYPERVISOR_physdev_op, cmd, ptr_arg(arg));
}

static void serve(struct virtio_irq *irq)
{
	unsigned mask = events_mask_save();
	irq->service(irq->arg);
	events_restore(mask);
}

/* The line is level-triggered and shared: reading the ISR lowers it, and
 * the hypervisor keeps it masked until the EOI. */
static void interrupt(evtchn_port_t port, void *data)
{
	struct virtio_dev *d = data;
	(void)port;

	uint8_t isr = *d->isr;
	d->irq.events++;
	if (isr & 1)
		d->irq.service(d->irq.arg);
	if (d->irq.needs_eoi) {
		struct physdev_eoi eoi = { (uint32_t)d->irq.pirq };
		physdev_op(PHYSDEVOP_eoi, &eoi);
	}
}

static void poll_loop(void *arg)
{
	struct virtio_irq *irq = arg;

	for (;;) {
		serve(irq);
		unsigned mask = events_mask_save();
		bool busy = irq->busy(irq->arg);
		if (!busy)
			waitq_block(&irq->idle);
		events_restore(mask);
		if (busy)
			thread_sleep_ns(POLL_SLEEP_NS);
	}
}

/* 0, or the failing call's error (the caller then polls). */
static long bind(struct virtio_dev *d, const char **why)
{
	unsigned pin = pci_read8(d->bdf, PCI_INT_PIN);
	d->irq.gsi = q35_intx_gsi((d->bdf >> 3) & 31, pin);
	if (!d->irq.gsi || d->bdf >> 8) {
		*why = "no known INTx route";
		return -EINVAL;
	}
	struct physdev_map_pirq map = { .domid = DOMID_SELF, .type = MAP_PIRQ_TYPE_GSI,
					.index = (int32_t)d->irq.gsi, .pirq = -1 };
	long rc = physdev_op(PHYSDEVOP_map_pirq, &map);
	if (rc < 0) {
		*why = "PHYSDEVOP_map_pirq";
		return rc;
	}
	d->irq.pirq = map.pirq;
	struct physdev_irq_status_query q = { .irq = (uint32_t)map.pirq };
	d->irq.needs_eoi = physdev_op(PHYSDEVOP_irq_status_query, &q) < 0 ||
			   (q.flags & XENIRQSTAT_needs_eoi);
	struct evtchn_bind_pirq b = { .pirq = (uint32_t)map.pirq, .flags = BIND_PIRQ__WILL_SHARE };
	rc = hypercall_event_channel_op(EVTCHNOP_bind_pirq, &b);
	if (rc < 0) {
		*why = "EVTCHNOP_bind_pirq";
		struct physdev_unmap_pirq un = { .domid = DOMID_SELF, .pirq = map.pirq };
		physdev_op(PHYSDEVOP_unmap_pirq, &un);
		return rc;
	}
	d->irq.port = b.port;
	evtchn_set_handler(b.port, interrupt, d);
	return 0;
}

int virtio_irq_start(struct virtio_dev *d, void (*service)(void *), bool (*busy)(void *),
		     void *arg)
{
	struct virtio_irq *irq = &d->irq;
	const char *why = "";

	irq->service = service;
	irq->busy = busy;
	irq->arg = arg;
	long rc = bind(d, &why);
	if (rc == 0) {
		printf("virtio %s: interrupts: GSI %u as pirq %d on event channel %u\n", d->name,
		       irq->gsi, irq->pirq, irq->port);
		return 0;
	}
	irq->polling = true;
	printf("virtio %s: polling the used ring (%s: %ld)\n", d->name, why, rc);
	irq->poller = thread_create("virtio-poll", poll_loop, irq, POLLER_STACK);
	return irq->poller ? 0 : -ENOMEM;
}

void virtio_irq_posted(struct virtio_irq *irq)
{
	if (irq->polling)
		waitq_wake_all(&irq->idle);
}

const char *virtio_irq_mode(const struct virtio_irq *irq)
{
	return irq->polling ? "polling" : "interrupts";
}
