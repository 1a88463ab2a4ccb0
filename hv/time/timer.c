#include "time/timer.h"
#include "time/clock.h"
#include "arch/arch.h"

static struct timer_queue queue;
uint64_t timer_interrupts;

void timer_set(struct timer *t, uint64_t expires)
{
	uint32_t flags = irq_save();
	timer_queue_insert(&queue, t, expires);
	arch_timer_program(timer_queue_next(&queue));
	irq_restore(flags);
}

void timer_cancel(struct timer *t)
{
	uint32_t flags = irq_save();
	timer_queue_remove(&queue, t);
	arch_timer_program(timer_queue_next(&queue));
	irq_restore(flags);
}

/* Called by the arch code, interrupts off. A handler may re-arm its timer. */
void timer_interrupt(void)
{
	struct timer *t;

	timer_interrupts++;
	while ((t = timer_queue_pop_expired(&queue, clock_ns())))
		t->fn(t);
	arch_timer_program(timer_queue_next(&queue));
}
