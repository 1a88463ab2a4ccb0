/* Shutdown requests from the toolstack, as Xen's guests take them: the
 * toolstack writes "poweroff", "reboot", "halt" or "suspend" to the
 * domain's control/shutdown in the store, the guest clears it and shuts
 * down with the matching reason. The key is read a few times a second
 * rather than watched: a watch's events would go to the thread that reads
 * the ring, which may be the program's own (xs_next_event), and no program
 * should lose its events to the kernel. */
#include <string.h>

#include "kernel/control.h"
#include "kernel/hypervisor.h"
#include "kernel/printk.h"
#include "kernel/shutdown.h"
#include "kernel/thread.h"
#include "store/client.h"

#define POLL_NS (250u * 1000 * 1000)

static int reason_of(const char *what)
{
	if (strcmp(what, "poweroff") == 0 || strcmp(what, "halt") == 0)
		return SHUTDOWN_poweroff;
	if (strcmp(what, "reboot") == 0)
		return SHUTDOWN_reboot;
	if (strcmp(what, "suspend") == 0)
		return SHUTDOWN_suspend;
	return -1;
}

static void poll_requests(void *arg)
{
	char what[32];

	(void)arg;
	for (;;) {
		thread_sleep_ns(POLL_NS);
		if (xs_read(0, "control/shutdown", what, sizeof(what)) < 0 || !what[0])
			continue;
		int reason = reason_of(what);
		/* Cleared first, as Linux does: the toolstack sees it was taken. */
		xs_write(0, "control/shutdown", "");
		if (reason < 0) {
			printk("miniguest: control/shutdown '%s' is no request known here\n", what);
			continue;
		}
		mg_shutdown((unsigned)reason);
	}
}

void control_start(void)
{
	if ((start_info->flags & SIF_INITDOMAIN) || xs_open() < 0)
		return;
	if (!thread_create("control", poll_requests, NULL, 8192))
		printk("miniguest: no memory for the thread that takes shutdown requests\n");
}
