/* Start of day: take over the machine from the boot loader, then hand it to
 * whatever the command line asks for. */
#include "arch/arch.h"
#include "boot/bootinfo.h"
#include "console/console.h"
#include "console/log.h"
#include "console/panic.h"
#include "deliberate.h"
#include "domain/boot_domains.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "modules.h"
#include "options.h"
#include "physdev/pci.h"
#include "selftest.h"
#include "time/clock.h"
#include "time/discipline.h"

static struct bootinfo bootinfo;
const struct bootinfo *boot_info = &bootinfo;
const char *hv_cmdline = bootinfo.cmdline;

/* While the boot tables are live, physical memory below the direct map
 * reads through the identity map. */
static const void *boot_phys(void *ctx, uint64_t pa, uint32_t len)
{
	(void)ctx;
	if (pa + len < pa || pa + len > 0xFF000000ull)
		return NULL;
	return (const void *)(uintptr_t)pa;
}

static void calibrate_clock(void)
{
	uint64_t hz = arch_measure_tsc_hz();

	if (hz == 0)
		panic("the PIT does not count; cannot calibrate the TSC");
	clock_init(hz);
}

static void log_boot(const struct bootinfo *bi)
{
	log_info("ringlet on %s, %s (loader: %s%s%s)", cpu_has.vendor,
		 cpu_has.brand[0] ? cpu_has.brand : "unknown CPU", bi->protocol,
		 bi->loader_name[0] ? ", " : "", bi->loader_name);
	log_info("command line: '%s'", bi->cmdline);
	for (unsigned i = 0; i < bi->nr_ranges; i++)
		log_debug("  memory 0x%09llx-0x%09llx type %u",
			  (unsigned long long)bi->ranges[i].start,
			  (unsigned long long)bi->ranges[i].end, bi->ranges[i].type);
	log_info("TSC %llu kHz%s, NX %s", (unsigned long long)(clock_tsc_hz() / 1000),
		 cpu_has.invariant_tsc ? " (invariant)" : "", cpu_has.nx ? "on" : "absent");
}

static void read_wallclock(void)
{
	wallclock_at_entry = arch_read_rtc();
	if (wallclock_at_entry < 0)
		log_warn("RTC holds no valid date; wall clock unknown");
	else
		log_info("wall clock: %lld s since 1970", (long long)wallclock_at_entry);
}

void start_hv(uint32_t magic, uint32_t info_pa)
{
	console_init();
	arch_cpu_init();
	calibrate_clock();

	if (bootinfo_parse(&bootinfo, magic, info_pa, boot_phys, NULL) < 0) {
		log_err("cannot use what the boot loader passed: %s", bootinfo.error);
		machine_stop(false);
	}
	options_parse(bootinfo.cmdline);
	log_boot(&bootinfo);
	if (modules_check(&bootinfo) < 0)
		machine_stop(false);

	arch_paging_init(&bootinfo);
	if (mm_init(&bootinfo) < 0)
		machine_stop(false);
	pv_init(frame_table.nr);
	arch_timer_init(opts.timer_pit);
	discipline_start();
	read_wallclock();
	irq_enable();
	pci_scan();
	if (opts.fault != FAULT_NONE)
		deliberate_fault(opts.fault);
	log_info("ringlet: ready");

	if (opts.selftest)
		machine_stop(selftest_run(&bootinfo) == 0);
	if (bootinfo.nr_modules == 0) {
		log_err("no guest modules: nothing to run (give guest ELF images as "
			"Multiboot modules, or 'selftest' on the command line)");
		machine_stop(false);
	}
	if (boot_domains(&bootinfo) < 0)
		machine_stop(false);
	sched_init();
	sched_start();
}
