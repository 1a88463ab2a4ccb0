/* The 8254 PIT: the reference for TSC calibration, and the timer of last
 * resort when there is no local APIC. */
#include "arch/x86/io.h"
#include "arch/x86/cpu.h"
#include "arch/x86/time_hw.h"

#define PIT_HZ      1193182u
#define PIT_CH0     0x40
#define PIT_CH2     0x42
#define PIT_CMD     0x43
#define PORT_B      0x61        /* bit 0: channel 2 gate, bit 5: channel 2 output */

uint64_t pit_measure_tsc_hz(unsigned ms)
{
	uint32_t ticks = PIT_HZ * ms / 1000;
	uint8_t b = inb(PORT_B);

	outb(PORT_B, (b & ~0x02) | 0x01);         /* gate on, speaker off */
	outb(PIT_CMD, 0xb0);                      /* channel 2, lo/hi byte, mode 0 */
	outb(PIT_CH2, ticks & 0xff);
	outb(PIT_CH2, ticks >> 8);

	uint64_t start = rdtsc();
	/* Bounded by iterations, since there is no clock yet to bound it by. */
	for (uint32_t spins = 0; !(inb(PORT_B) & 0x20); spins++)
		if (spins > 50000000)
			return 0;
	uint64_t end = rdtsc();
	outb(PORT_B, b);
	return (end - start) * 1000 / ms;
}

void pit_oneshot(uint32_t ticks)
{
	if (ticks == 0)
		ticks = 1;
	if (ticks > 0xffff)
		ticks = 0xffff;
	outb(PIT_CMD, 0x30);                      /* channel 0, lo/hi byte, mode 0 */
	outb(PIT_CH0, ticks & 0xff);
	outb(PIT_CH0, ticks >> 8);
}

uint32_t pit_ns_to_ticks(uint64_t ns)
{
	uint64_t t = ns * PIT_HZ / 1000000000ull;
	return t > 0xffff ? 0xffff : (uint32_t)t;
}
