/* What start of day asks of the x86 side, in one place. */
#include "arch/arch.h"
#include "boot/bootinfo.h"
#include "arch/x86/serial.h"
#include "arch/x86/time_hw.h"
#include "arch/x86/traps.h"
#include "console/log.h"
#include "time/calib.h"

#define WINDOWS     5               /* of 1 ms each: boot stays fast */
#define WINDOW_MS   1

void arch_console_init(void)
{
	serial_init();
}

void arch_cpu_init(void)
{
	cpu_detect();
	gdt_init();
	idt_init();
}

/* One window against the PM timer; 0 when it did not move. */
static uint64_t pm_window(void)
{
	uint64_t t0, t1, want = PM_TIMER_HZ / 1000 * WINDOW_MS;
	uint64_t p0 = arch_platform_read(&t0), p1 = p0;

	for (uint32_t spins = 0; p1 - p0 < want; spins++) {
		if (spins > 1000000)
			return 0;
		p1 = arch_platform_read(&t1);
	}
	return (t1 - t0) * PM_TIMER_HZ / (p1 - p0);
}

/* Several short windows against the PM timer (or, without one, the PIT),
 * the median of them: a host that takes the CPU away during one window
 * does not set the rate of every clock for the whole run. */
uint64_t arch_measure_tsc_hz(void)
{
	uint64_t hz[WINDOWS];
	bool pm = pm_timer_init();
	unsigned agree;

	for (unsigned i = 0; i < WINDOWS; i++)
		hz[i] = pm ? pm_window() : pit_measure_tsc_hz(WINDOW_MS);
	uint64_t pick = calib_pick(hz, WINDOWS, &agree);
	log_info("TSC calibrated against the %s: %llu kHz (%u of %u windows within 1%%, "
		 "%llu-%llu kHz)", pm ? "ACPI PM timer" : "PIT", (unsigned long long)(pick / 1000),
		 agree, WINDOWS, (unsigned long long)(hz[0] / 1000),
		 (unsigned long long)(hz[WINDOWS - 1] / 1000));
	return pick;
}

void arch_paging_init(const struct bootinfo *bi)
{
	paging_init(bi->ranges, bi->nr_ranges);
}

int64_t arch_read_rtc(void)
{
	return rtc_read_unix();
}
