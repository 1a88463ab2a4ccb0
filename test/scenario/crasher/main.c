/* Scenario guest: breaks a rule the hypervisor cannot answer with an error.
 * It takes away its own exception handlers and then writes through NULL:
 * the page fault has nowhere to go, so the hypervisor destroys the domain
 * (ISO-2, TRAP-4) -- and only this domain. It never prints a result line. */
#include "guest.h"

const char test_title[] = "faults with no handler; must be destroyed alone";

void test_main(void)
{
	long rc = hypercall_set_trap_table(NULL);
	if (rc != 0) {
		test_error("set_trap_table(NULL): %ld", rc);
		return;
	}
	printk("handlers gone; writing through NULL\n");
	*(volatile uint32_t *)0 = 0xdead;
	test_failure("the write through NULL did not fault");
}
