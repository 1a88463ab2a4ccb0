/* domain 0 with the shell: the store and the console backend in threads,
 * a thread that answers domains' shutdowns (VIRQ_DOM_EXC), and the shell
 * on the serial console or over a script. When its input ends it waits for
 * the other domains to end, as the plain dom0 does. */
#include <stdio.h>
#include <string.h>

#include "consoled/consoled.h"
#include "kernel/events.h"
#include "kernel/hypervisor.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "store/server.h"
#include "toolstack/line.h"
#include "toolstack/shell.h"
#include "toolstack/toolstack.h"

static struct thread *reaper;
static volatile unsigned exc_events;

static void domain_exc(evtchn_port_t port, void *data)
{
	(void)port;
	(void)data;
	exc_events++;
	thread_wake(reaper);
}

/* A domain that ended before the bind sent no event: look every half
 * second as well. */
static void reap(void *arg)
{
	(void)arg;
	for (;;) {
		unsigned seen = exc_events;
		made_reap();
		uint64_t deadline = time_now_ns() + 500000000u;
		while (exc_events == seen && time_now_ns() < deadline)
			thread_sleep_until(deadline);
	}
}

static void interactive(void)
{
	char line[LINE_MAX_LEN];

	printf("ringlet toolstack: type help for the commands\n");
	while (line_read("dom0> ", line) >= 0 && shell_line(line))
		;
}

int toolstack_main(const char *script, void (*devices)(void))
{
	xenstored_keep_up();
	if (xenstored_start() < 0)
		return 1;
	if (devices)
		devices();
	if (!consoled_start_output())
		printf("toolstack: no memory for the console backend\n");
	reaper = thread_create("reaper", reap, NULL, 16384);
	if (!reaper || evtchn_bind_virq(VIRQ_DOM_EXC, domain_exc, 0) < 0) {
		printf("toolstack: cannot hear of domains' ends: not the control domain?\n");
		return 1;
	}
	if (script) {
		static char text[MAX_GUEST_CMDLINE];
		snprintf(text, sizeof(text), "%s", script);
		shell_scripted = true;
		shell_line(text);
	} else {
		interactive();
	}
	unsigned left = made_count_others();
	printf("toolstack: the shell's input ended; waiting for %u other domain(s) to end\n", left);
	while (made_count_others())
		thread_sleep_ns(200000000u);
	printf("toolstack: the last domain ended; powering off\n");
	return 0;
}
