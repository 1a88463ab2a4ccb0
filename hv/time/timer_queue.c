#include <stddef.h>
#include "time/timer.h"

void timer_queue_insert(struct timer_queue *q, struct timer *t, uint64_t expires)
{
	struct timer **link = &q->head;

	if (t->queued)
		timer_queue_remove(q, t);
	/* Equal deadlines keep their insertion order. */
	while (*link && (*link)->expires <= expires)
		link = &(*link)->next;
	t->expires = expires;
	t->next = *link;
	t->queued = true;
	*link = t;
}

bool timer_queue_remove(struct timer_queue *q, struct timer *t)
{
	for (struct timer **link = &q->head; *link; link = &(*link)->next) {
		if (*link == t) {
			*link = t->next;
			t->next = NULL;
			t->queued = false;
			return true;
		}
	}
	return false;
}

struct timer *timer_queue_pop_expired(struct timer_queue *q, uint64_t now)
{
	struct timer *t = q->head;

	if (!t || t->expires > now)
		return NULL;
	q->head = t->next;
	t->next = NULL;
	t->queued = false;
	return t;
}

bool timer_queue_next(const struct timer_queue *q, uint64_t *deadline)
{
	if (!q->head)
		return false;
	*deadline = q->head->expires;
	return true;
}
