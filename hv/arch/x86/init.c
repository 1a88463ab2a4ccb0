/* What start of day asks of the x86 side, in one place. */
#include "arch/arch.h"
#include "arch/x86/serial.h"
#include "arch/x86/time_hw.h"
#include "arch/x86/traps.h"

#define CALIBRATION_MS 5

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

uint64_t arch_measure_tsc_hz(void)
{
	return pit_measure_tsc_hz(CALIBRATION_MS);
}

void arch_paging_init(void)
{
	paging_init();
	gdt_set_df_cr3(idle_cr3());
}

int64_t arch_read_rtc(void)
{
	return rtc_read_unix();
}
