/* Scenario guest: how much of the CPU a CPU-bound domain gets beside
 * others. It spins for SPIN_MS of system time and measures, over the
 * middle of that window (when every domain of the scenario is running),
 * its own running time from VCPUOP_get_runstate_info.
 *
 *   SCHED-6  with "share=P [LABEL]" as its command line, its share is
 *            within a loose bound of P percent (BVT shares follow the
 *            weights)
 *
 * It prints "BENCH {...}" with the exact share for test/bench/run. */
#include "guest.h"
#include "systime.h"
#include "pvabi/event_channel.h"
#include "pvabi/vcpu.h"

#define SPIN_MS     900
#define FROM_MS     200
#define TO_MS       700

const char test_title[] = "share: a CPU-bound domain's share of the CPU";

static uint64_t running_ns(void)
{
	struct vcpu_runstate_info r;
	page_hypercall(__HYPERVISOR_vcpu_op, VCPUOP_get_runstate_info, 0, (uint32_t)&r, 0, 0);
	return r.time[RUNSTATE_running];
}

static bool strstr_word(const char *s, const char *word)
{
	size_t n = strlen(word);

	for (; *s; s++)
		if (strncmp(s, word, n) == 0)
			return true;
	return false;
}

static unsigned expected_share(void)
{
	const char *s = start_info->cmd_line;
	unsigned p = 0;

	if (strncmp(s, "share=", 6) != 0)
		return 0;
	for (s += 6; *s >= '0' && *s <= '9'; s++)
		p = p * 10 + (unsigned)(*s - '0');
	return p;
}

/* With "offer" on its command line it first offers port 1 to domain 1
 * (masked), so that a neighbour can aim an event storm at it. */
static void offer_port(void)
{
	struct evtchn_alloc_unbound a = { .dom = DOMID_SELF, .remote_dom = 1 };

	if (!strstr_word(start_info->cmd_line, "offer"))
		return;
	shared_info->evtchn_mask[0] |= 1u << 1;
	page_hypercall(__HYPERVISOR_event_channel_op, EVTCHNOP_alloc_unbound, (uint32_t)&a, 0, 0, 0);
}

void test_main(void)
{
	const uint64_t ms = 1000000;

	offer_port();
	uint64_t start = system_time_ns(NULL), run0 = 0, t0 = 0, run1 = 0, t1 = 0;

	while (system_time_ns(NULL) - start < SPIN_MS * ms) {
		uint64_t t = system_time_ns(NULL) - start;
		if (!t0 && t >= FROM_MS * ms) {
			t0 = system_time_ns(NULL);
			run0 = running_ns();
		}
		if (!t1 && t >= TO_MS * ms) {
			t1 = system_time_ns(NULL);
			run1 = running_ns();
		}
	}
	unsigned permille = (unsigned)((run1 - run0) * 1000 / (t1 - t0));
	unsigned want = expected_share();
	printk("share: %u.%u%% of the CPU over %u ms (expected %u%%)\n", permille / 10,
	       permille % 10, (unsigned)((t1 - t0) / ms), want);
	/* The word after "share=P", if any, names the figure. */
	const char *label = strchr(start_info->cmd_line, ' ');
	printk("BENCH {\"metric\": \"share_%s\", \"value\": %u.%u, \"unit\": \"%%\", "
	       "\"floor\": %u}\n", label ? label + 1 : "cpu", permille / 10, permille % 10, want);
	if (want) {
		/* Loose: within a third of the expected share, or 5 points. */
		unsigned slack = want * 10 / 3 > 50 ? want * 10 / 3 : 50;
		unsigned lo = want * 10 > slack ? want * 10 - slack : 0;
		check("SCHED-6", permille >= lo && permille <= want * 10 + slack,
		      "a share of %u.%u%% is within %u.%u points of %u%%", permille / 10,
		      permille % 10, slack / 10, slack % 10, want);
	}
	test_success();
}
