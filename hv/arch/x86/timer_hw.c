/* The hardware behind time/timer.c: the local APIC timer in one-shot mode,
 * or PIT channel 0 through the 8259 where there is no APIC (or timer=pit). */
#include "arch/arch.h"
#include "arch/x86/time_hw.h"
#include "arch/x86/traps.h"
#include "time/clock.h"
#include "time/timer.h"
#include "console/log.h"

static bool use_lapic;
static uint32_t lapic_ticks_per_ms;

static void lapic_timer_irq(struct cpu_regs *regs)
{
	(void)regs;
	lapic_eoi();
	timer_interrupt();
}

static void pit_timer_irq(struct cpu_regs *regs)
{
	(void)regs;
	pic_eoi(0);
	timer_interrupt();
}

static void spurious_irq(struct cpu_regs *regs)
{
	(void)regs;             /* a spurious APIC interrupt takes no EOI */
}

void arch_timer_init(bool force_pit)
{
	pic_init(VEC_PIC_BASE);
	irq_set_handler(VEC_SPURIOUS, spurious_irq);
	if (!force_pit && lapic_init()) {
		use_lapic = true;
		lapic_ticks_per_ms = lapic_calibrate();
		irq_set_handler(VEC_LAPIC_TIMER, lapic_timer_irq);
		log_info("timer: local APIC, %u ticks/ms", lapic_ticks_per_ms);
		return;
	}
	irq_set_handler(VEC_PIC_BASE + 0, pit_timer_irq);
	pic_unmask(0);
	log_info("timer: PIT channel 0 (%s)", force_pit ? "timer=pit" : "no local APIC");
}

const char *arch_timer_name(void)
{
	return use_lapic ? "lapic" : "pit";
}

void arch_timer_program(uint64_t deadline)
{
	uint64_t now = clock_ns();
	uint64_t delta = deadline > now ? deadline - now : 1000;

	if (delta > 1000000000000ull)          /* beyond 1000 s: wake early, re-program */
		delta = 1000000000000ull;

	if (use_lapic) {
		uint64_t ticks = delta * lapic_ticks_per_ms / 1000000u;
		/* Too far ahead: fire early; the interrupt re-programs. */
		lapic_timer_oneshot(ticks == 0 ? 1 : ticks > 0xffffffffu ? 0xffffffffu : (uint32_t)ticks);
		return;
	}
	pit_oneshot(pit_ns_to_ticks(delta));
}

void arch_timer_stop(void)
{
	/* The PIT cannot be stopped in mode 0; a stray interrupt finds nothing to run. */
	if (use_lapic)
		lapic_timer_oneshot(0);
}
