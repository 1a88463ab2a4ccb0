/* Software timers on the hypervisor's clock. The hardware timer is always
 * programmed for the earliest one; its interrupt runs every timer that has
 * expired, in deadline order, with interrupts off. Later subsystems (the
 * scheduler, guests' one-shot timers) hang their work here. */
#ifndef TIME_TIMER_H
#define TIME_TIMER_H

#include <stdbool.h>
#include <stdint.h>

struct timer {
	struct timer *next;
	uint64_t expires;                 /* ns on clock_ns() */
	void (*fn)(struct timer *t);
	bool queued;
};

struct timer_queue {
	struct timer *head;
};

/* The queue itself: pure list handling, tested on the host. */
void timer_queue_insert(struct timer_queue *q, struct timer *t, uint64_t expires);
bool timer_queue_remove(struct timer_queue *q, struct timer *t);
/* Unlink and return the earliest timer that expired at or before now, or NULL. */
struct timer *timer_queue_pop_expired(struct timer_queue *q, uint64_t now);
/* The earliest deadline in *deadline; false when the queue is empty. Every
 * deadline value, 0 included, is a deadline: none means "nothing". */
bool timer_queue_next(const struct timer_queue *q, uint64_t *deadline);

/* The hypervisor's queue. */
void timer_set(struct timer *t, uint64_t expires);
void timer_cancel(struct timer *t);
void timer_interrupt(void);
extern uint64_t timer_interrupts;

#endif
