/* Scenario guest: ends at once with the exit status its command line gives,
 * "status=N" (a decimal, maybe negative; 0 without one), through
 * lib/exit.c's guest_exit: ringlet's SCHEDOP_ringlet_exit, or a plain
 * shutdown where that is unknown (Xen).
 *
 *   SCHED-12  the hypervisor logs the status with the shutdown, and a
 *             nonzero one makes the machine's end a failure */
#include "guest.h"

const char test_title[] = "exit: power off with the exit status of the command line";

static int32_t wanted_status(void)
{
	const char *s = start_info->cmd_line;
	int32_t sign = 1, n = 0;

	if (strncmp(s, "status=", 7) != 0)
		return 0;
	s += 7;
	if (*s == '-') {
		sign = -1;
		s++;
	}
	for (; *s >= '0' && *s <= '9'; s++)
		n = n * 10 + (*s - '0');
	return sign * n;
}

void test_main(void)
{
	int32_t status = wanted_status();

	printk("exiting with status %d\n", (int)status);
	guest_exit(SHUTDOWN_poweroff, status);
}
