/* Scenario guest: breaks a rule the hypervisor cannot answer with an error.
 * It takes away its own exception handlers and then writes through NULL:
 * the page fault has nowhere to go, so the hypervisor destroys the domain
 * (ISO-2, TRAP-4) -- and only this domain. It never prints a result line.
 *
 * With "after-offer" on its command line it first waits until domain 0
 * offers it port 2: a watcher there (storm "watch") is then ready. With
 * "spin-first" it first spins for 50 M TSC ticks, so that a domain beside
 * it loses the CPU to it before it crashes. */
#include "guest.h"
#include "evtchn.h"
#include "systime.h"

const char test_title[] = "faults with no handler; must be destroyed alone";

void test_main(void)
{
	uint32_t port;
	long rc;
	if (strcmp(start_info->cmd_line, "after-offer") == 0 &&
	    (rc = bind_offered_port(0, 2, &port)) != 0) {
		test_error("bind_interdomain to domain 0, port 2: %ld", rc);
		return;
	}
	if (strcmp(start_info->cmd_line, "spin-first") == 0)
		for (uint64_t t0 = rdtsc(); rdtsc() - t0 < 50000000;)
			;
	rc = hypercall_set_trap_table(NULL);
	if (rc != 0) {
		test_error("set_trap_table(NULL): %ld", rc);
		return;
	}
	printk("handlers gone; writing through NULL\n");
	*(volatile uint32_t *)0 = 0xdead;
	test_failure("the write through NULL did not fault");
}
