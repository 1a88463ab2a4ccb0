/* FIFO event channels (pvabi/event_channel.h): a domain that asks with
 * EVTCHNOP_init_control leaves the two-level ABI for good (until
 * EVTCHNOP_reset). Its events are words in guest frames, queued by
 * priority onto lists whose heads sit in the vCPU's control block.
 *
 * The guest can write every word it gave us at any time, LINK fields
 * included, so the hypervisor never follows a chain: it touches only the
 * word of the port it raises and the word of the last port it linked onto
 * that queue (the tail it remembers), a bounded amount of work per event.
 * The frames given hold a reference and a writable type until the domain
 * dies or resets its event channels, so they cannot become page tables or
 * be freed under us. */
#ifndef EVENT_FIFO_H
#define EVENT_FIFO_H

#include <stdbool.h>
#include <stdint.h>
#include "pvabi/event_channel.h"

struct domain;

#define EVTCHN_FIFO_WORDS_PER_PAGE 1024u
#define EVTCHN_FIFO_MAX_PAGES      (EVTCHN_FIFO_NR_CHANNELS / EVTCHN_FIFO_WORDS_PER_PAGE)

struct evtchn_fifo {
	uint32_t control_mfn;
	uint32_t control_offset;
	uint32_t tail[EVTCHN_FIFO_MAX_QUEUES];      /* last port linked there, 0: none */
	uint32_t nr_pages;
	uint32_t array_mfn[EVTCHN_FIFO_MAX_PAGES];
};

/* The commands: 0 or a negative Xen errno, Xen's for each refusal. */
int evtchn_fifo_init_control(struct domain *d, struct evtchn_init_control *a);
int evtchn_fifo_expand_array(struct domain *d, uint64_t array_gfn);
int evtchn_fifo_set_priority(struct domain *d, uint32_t port, uint32_t priority);

/* Delivery, for evtchn.c once the domain uses FIFO. */
void evtchn_fifo_set_pending(struct domain *d, uint32_t port);
void evtchn_fifo_unmask(struct domain *d, uint32_t port);
void evtchn_fifo_clear_pending(struct domain *d, uint32_t port);
bool evtchn_fifo_is_pending(struct domain *d, uint32_t port);
/* Still on a queue of the guest's: not to be handed out again yet. */
bool evtchn_fifo_busy(struct domain *d, uint32_t port);

/* The event word of port, NULL when no array page holds it yet. */
event_word_t *evtchn_fifo_word(struct domain *d, uint32_t port);

/* A frame of d's to keep: 0 with its reference and writable type taken,
 * or -XEN_EINVAL when it is not d's to give (Xen's answer); and letting
 * go of one. */
int evtchn_fifo_get_frame(struct domain *d, uint64_t gfn);
void evtchn_fifo_put_frame(uint32_t mfn);

/* Back to the two-level ABI: every frame let go of. */
void evtchn_fifo_destroy(struct domain *d);

#endif
