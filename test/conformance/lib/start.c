/* C start of day of a conformance guest: lib/head.S calls guest_start on
 * the guest's own stack with what the builder handed over. */
#include "console.h"
#include "test.h"
#include "traps.h"

const struct start_info *start_info;
uint32_t boot_esp;

uint32_t initial_region_end(void)
{
	const uint32_t four_mib = 4u << 20, padding = 512u << 10;
	uint32_t end = (boot_esp + four_mib - 1) & ~(four_mib - 1);

	if (end - boot_esp < padding)
		end += four_mib;
	return end;
}

__attribute__((noreturn)) void guest_start(const struct start_info *si, uint32_t esp);

void guest_start(const struct start_info *si, uint32_t esp)
{
	long rc;

	start_info = si;
	boot_esp = esp;
	printk("--- conformance guest: %s ---\n", test_title);
	printk("environment: PV x86_32 PAE, ring 1, start_info at %p\n", (const void *)si);
	rc = traps_init();
	if (rc)
		test_error("exception handling is not set up (%ld); a fault will end the test",
			   rc);
	test_main();
	test_finish();
}
