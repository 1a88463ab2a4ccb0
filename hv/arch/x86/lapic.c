/* The local APIC: its timer drives the hypervisor's clock interrupts. */
#include "arch/x86/cpu.h"
#include "arch/x86/paging.h"
#include "arch/x86/time_hw.h"
#include "time/clock.h"

#define APIC_BASE_ENABLE  (1u << 11)
#define REG_ID            0x020
#define REG_TPR           0x080
#define REG_EOI           0x0b0
#define REG_SVR           0x0f0
#define REG_LVT_TIMER     0x320
#define REG_LVT_LINT0     0x350
#define REG_LVT_LINT1     0x360
#define REG_LVT_ERROR     0x370
#define REG_TIMER_INIT    0x380
#define REG_TIMER_CUR     0x390
#define REG_TIMER_DIV     0x3e0
#define LVT_MASKED        (1u << 16)
#define SVR_ENABLE        (1u << 8)
#define TIMER_DIV_16      0x3

static volatile uint32_t *lapic;

static uint32_t lapic_read(uint32_t reg) { return lapic[reg / 4]; }
static void lapic_write(uint32_t reg, uint32_t v) { lapic[reg / 4] = v; }

bool lapic_init(void)
{
	if (!cpu_has.apic)
		return false;
	uint64_t base = rdmsr(MSR_APIC_BASE);
	wrmsr(MSR_APIC_BASE, base | APIC_BASE_ENABLE);
	lapic = fixmap_map(FIX_LAPIC, base & 0xfffff000u, true);

	lapic_write(REG_SVR, SVR_ENABLE | VEC_SPURIOUS);
	lapic_write(REG_TPR, 0);
	lapic_write(REG_LVT_LINT0, LVT_MASKED);
	lapic_write(REG_LVT_LINT1, LVT_MASKED);
	lapic_write(REG_LVT_ERROR, LVT_MASKED);
	lapic_write(REG_LVT_TIMER, LVT_MASKED);
	lapic_write(REG_TIMER_DIV, TIMER_DIV_16);
	return true;
}

/* Count the timer down, masked, for one millisecond of TSC time. */
uint32_t lapic_calibrate(void)
{
	uint64_t tsc_per_ms = clock_tsc_hz() / 1000;

	lapic_write(REG_LVT_TIMER, LVT_MASKED);
	lapic_write(REG_TIMER_INIT, 0xffffffffu);
	uint64_t start = rdtsc();
	while (rdtsc() - start < tsc_per_ms)
		;
	uint32_t ticks = 0xffffffffu - lapic_read(REG_TIMER_CUR);
	lapic_write(REG_TIMER_INIT, 0);
	return ticks ? ticks : 1;
}

void lapic_timer_oneshot(uint32_t ticks)
{
	lapic_write(REG_LVT_TIMER, VEC_LAPIC_TIMER);
	lapic_write(REG_TIMER_INIT, ticks);
}

void lapic_eoi(void)
{
	lapic_write(REG_EOI, 0);
}

/* Whether the local APIC is on: the IOAPIC's interrupts arrive through it. */
bool lapic_on(void)
{
	return lapic != 0;
}

uint32_t lapic_id(void)
{
	return lapic_read(REG_ID) >> 24;
}
