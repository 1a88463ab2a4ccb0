/* A virtio device's completions: its INTx line as an event channel when
 * the hypervisor gives it (PHYSDEVOP_map_pirq of the line's GSI,
 * EVTCHNOP_bind_pirq, the ISR read, PHYSDEVOP_eoi), otherwise a thread
 * that polls the used rings, with a short sleep between looks while
 * anything is in flight and asleep while nothing is. Either way service
 * runs with events masked and must not block. */
#ifndef MG_VIRTIO_IRQ_H
#define MG_VIRTIO_IRQ_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/thread.h"

struct virtio_dev;

struct virtio_irq {
	bool polling;
	bool needs_eoi;
	int pirq;
	uint32_t port;
	uint32_t gsi;
	void (*service)(void *arg);
	bool (*busy)(void *arg);        /* anything in flight (the poller's cue) */
	void *arg;
	struct thread *poller;
	struct waitqueue idle;
	uint64_t events;                /* interrupts taken */
};

/* Starts completion handling; 0 or -ENOMEM (no poller thread). */
int virtio_irq_start(struct virtio_dev *d, void (*service)(void *), bool (*busy)(void *),
		     void *arg);

/* After posting work: the poller looks again. */
void virtio_irq_posted(struct virtio_irq *irq);

/* "interrupts (GSI n, event channel p)" or "polling (why)". */
const char *virtio_irq_mode(const struct virtio_irq *irq);

#endif
