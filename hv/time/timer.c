#include "time/timer.h"
#include "time/clock.h"
#include "arch/arch.h"

static struct timer_queue queue;
static bool armed;                       /* the hardware will interrupt ... */
static uint64_t programmed;              /* ... for this deadline */
uint64_t timer_interrupts;

/* Touch the hardware only when the earliest deadline changed. */
static void reprogram(void)
{
	uint64_t next;

	if (!timer_queue_next(&queue, &next)) {
		if (armed)
			arch_timer_stop();
		armed = false;
	} else if (!armed || next != programmed) {
		armed = true;
		programmed = next;
		arch_timer_program(next);
	}
}

void timer_set(struct timer *t, uint64_t expires)
{
	uint32_t flags = irq_save();
	timer_queue_insert(&queue, t, expires);
	reprogram();
	irq_restore(flags);
}

void timer_cancel(struct timer *t)
{
	uint32_t flags = irq_save();
	timer_queue_remove(&queue, t);
	reprogram();
	irq_restore(flags);
}

/* Called by the arch code, interrupts off. A handler may re-arm its timer. */
void timer_interrupt(void)
{
	struct timer *t;

	timer_interrupts++;
	armed = false;                   /* it fired: whatever comes next is new */
	while ((t = timer_queue_pop_expired(&queue, clock_ns())))
		t->fn(t);
	reprogram();
}
