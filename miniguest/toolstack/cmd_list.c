/* list: every domain, as xl list shows them, or as JSON (one array on one
 * line) for scripts; cpu: the CPU time one takes over an interval. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/thread.h"
#include "pvabi/vcpu.h"
#include "toolstack/sched_params.h"
#include "toolstack/shell.h"
#include "toolstack/toolstack.h"

static const char *state(const struct xen_domctl_getdomaininfo *info)
{
	static const char *const shut[] = { "poweroff", "reboot", "suspended", "crashed",
					    "watchdog" };
	if (info->flags & XEN_DOMINF_shutdown) {
		unsigned code = (info->flags >> XEN_DOMINF_shutdownshift) & XEN_DOMINF_shutdownmask;
		return code < 5 ? shut[code] : "shutdown";
	}
	if (info->flags & XEN_DOMINF_paused)
		return "paused";
	if (info->flags & XEN_DOMINF_running)
		return "running";
	return info->flags & XEN_DOMINF_blocked ? "blocked" : "runnable";
}

/* Its vCPU's time by runstate (RINGLET_DOMCTL_getaccount), as a JSON
 * object, or null. */
static void runstates(uint16_t dom, char *out, size_t max)
{
	struct xen_domctl dc;

	memset(&dc, 0, sizeof(dc));
	if (ctl(RINGLET_DOMCTL_getaccount, dom, &dc) < 0) {
		snprintf(out, max, "null");
		return;
	}
	const uint64_t *ns = dc.u.getaccount.runstate_ns;
	snprintf(out, max, "{\"running\":%llu,\"runnable\":%llu,\"blocked\":%llu,\"offline\":%llu}",
		 (unsigned long long)ns[RUNSTATE_running], (unsigned long long)ns[RUNSTATE_runnable],
		 (unsigned long long)ns[RUNSTATE_blocked], (unsigned long long)ns[RUNSTATE_offline]);
}

static void show(const struct xen_domctl_getdomaininfo *info, bool json, bool first)
{
	struct xen_domctl_scheduler_op op;
	char name[17], sched[160] = "-", times[160];

	ctl_name(info, name);
	if (sched_get(info->domain, &op) == 0)
		sched_format(&op, json, sched, sizeof(sched));
	else if (json)
		strcpy(sched, "null");
	if (json) {
		runstates(info->domain, times, sizeof(times));
		printf("%s{\"id\":%u,\"name\":\"%s\",\"state\":\"%s\",\"mem_kb\":%llu,"
		       "\"max_kb\":%llu,\"cpu_ns\":%llu,\"runstate_ns\":%s,\"sched\":%s}",
		       first ? "" : ",", info->domain, name, state(info),
		       (unsigned long long)info->tot_pages * 4, (unsigned long long)info->max_pages * 4,
		       (unsigned long long)info->cpu_time, times, sched);
	} else
		printf("%5u  %-16s %-9s %9llu %6llu.%03llu  %s\n", info->domain, name, state(info),
		       (unsigned long long)info->tot_pages * 4,
		       (unsigned long long)(info->cpu_time / 1000000000u),
		       (unsigned long long)(info->cpu_time / 1000000u % 1000u), sched);
}

int cmd_list(int argc, char **argv)
{
	struct xen_domctl dc;
	bool json = argc == 2 && strcmp(argv[1], "--json") == 0;
	unsigned next = 0, n = 0;

	if (argc > 2 || (argc == 2 && !json)) {
		printf("list: only --json may follow\n");
		return -1;
	}
	printf(json ? "[" : "   ID  NAME             STATE     MEM (KiB)    CPU (s)  SCHEDULING\n");
	memset(&dc, 0, sizeof(dc));
	while (next < DOMID_FIRST_RESERVED && ctl(XEN_DOMCTL_getdomaininfo, (uint16_t)next, &dc) == 0) {
		show(&dc.u.getdomaininfo, json, n++ == 0);
		next = dc.u.getdomaininfo.domain + 1u;
	}
	if (json)
		printf("]\n");
	return 0;
}

int cmd_cpu(int argc, char **argv)
{
	struct xen_domctl_getdomaininfo a, b;
	uint16_t dom;
	char *end = NULL;
	unsigned long ms = argc == 3 ? strtoul(argv[2], &end, 10) : 0;

	if (parse_domain(argc, argv, &dom) < 0)
		return -1;
	if (argc != 3 || *end || ms == 0 || ms > 60000) {
		printf("cpu: give the interval in milliseconds, 1 to 60000 (cpu ID MS)\n");
		return -1;
	}
	ctl_info(dom, &a);
	thread_sleep_ns(ms * 1000000ull);
	if (ctl_info(dom, &b) < 0) {
		printf("cpu: domain %u ended meanwhile\n", dom);
		return -1;
	}
	uint64_t used = b.cpu_time - a.cpu_time;
	printf("cpu: domain %u used %llu ns of CPU time in %lu ms (%llu%%), %s\n", dom,
	       (unsigned long long)used, ms, (unsigned long long)(used / (ms * 10000u)), state(&b));
	return 0;
}
