/* The ACPI power-management timer: a 24-bit counter at 3.579545 MHz that
 * keeps real time whatever the host does to the CPU, found through the
 * FADT. It is the platform timer the TSC is calibrated and disciplined
 * against. Found once at start of day, while the loader's identity map of
 * the first 4 GiB still stands (the tables lie wherever the firmware put
 * them). */
#include "arch/arch.h"
#include "arch/x86/cpu.h"
#include "arch/x86/io.h"
#include "arch/x86/time_hw.h"
#include "lib/string.h"

#define PM_MASK         0xffffffu
#define RSDT_MAX        64              /* entries looked at: bounded work */
#define FADT_PM_TMR_BLK 76              /* offset of the timer's port */

static uint16_t pm_port;
static uint32_t last;                   /* the counter at the last read */
static uint64_t ticks;                  /* ... and all its ticks till then */

static bool checksum_ok(const uint8_t *p, uint32_t len)
{
	uint8_t sum = 0;

	for (uint32_t i = 0; i < len; i++)
		sum += p[i];
	return sum == 0;
}

/* The RSDP lies on a 16-byte boundary in the BIOS area (QEMU's SeaBIOS
 * puts it there; the EBDA is not searched). */
static const uint8_t *find_rsdp(void)
{
	for (uintptr_t a = 0xe0000; a < 0x100000; a += 16) {
		const uint8_t *p = (const uint8_t *)a;
		if (memcmp(p, "RSD PTR ", 8) == 0 && checksum_ok(p, 20))
			return p;
	}
	return NULL;
}

static uint32_t u32_at(const uint8_t *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

static uint16_t find_pm_port(void)
{
	const uint8_t *rsdp = find_rsdp();

	if (!rsdp)
		return 0;
	const uint8_t *rsdt = (const uint8_t *)(uintptr_t)u32_at(rsdp + 16);
	uint32_t len = u32_at(rsdt + 4);
	if (memcmp(rsdt, "RSDT", 4) != 0 || len < 36 || len > 36 + 4 * RSDT_MAX)
		return 0;
	for (uint32_t off = 36; off + 4 <= len; off += 4) {
		const uint8_t *t = (const uint8_t *)(uintptr_t)u32_at(rsdt + off);
		if (memcmp(t, "FACP", 4) == 0 && u32_at(t + 4) >= FADT_PM_TMR_BLK + 4) {
			uint32_t port = u32_at(t + FADT_PM_TMR_BLK);
			return port && port <= 0xfffc ? (uint16_t)port : 0;
		}
	}
	return 0;
}

bool pm_timer_init(void)
{
	uint16_t port = find_pm_port();

	if (!port)
		return false;
	/* A counter that does not move is no timer (ACPI not enabled). */
	uint32_t first = inl(port) & PM_MASK;
	for (uint32_t spins = 0; (inl(port) & PM_MASK) == first; spins++)
		if (spins > 100000)
			return false;
	pm_port = port;
	last = inl(port) & PM_MASK;
	return true;
}

uint16_t pm_timer_port(void)
{
	return pm_port;
}

uint64_t arch_platform_hz(void)
{
	return pm_port ? PM_TIMER_HZ : 0;
}

/* The counter, with the TSC read beside it: of a few tries, the one where
 * the two TSC reads around the port read lie closest, so that a host that
 * took the CPU away between them does not skew the pair. */
uint64_t arch_platform_read(uint64_t *tsc)
{
	uint64_t best = UINT64_MAX;
	uint32_t now = last;

	for (int i = 0; i < 4; i++) {
		uint64_t t0 = rdtsc();
		uint32_t v = inl(pm_port) & PM_MASK;
		uint64_t t1 = rdtsc();
		if (t1 - t0 < best) {
			best = t1 - t0;
			now = v;
			*tsc = t0 + (t1 - t0) / 2;
		}
	}
	ticks += (now - last) & PM_MASK;
	last = now;
	return ticks;
}
