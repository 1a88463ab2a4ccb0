/* The hypercall fuzzer guest (fuzz.h says how it stays alive).
 *
 * Command line: seed=S (default 1) calls=N (default 20000) progress=P
 * (a line every P calls; default N/10) trace=K (print every call from
 * round K on, with its result: for finding the round a hypervisor fails
 * in, since a seed replays the same rounds).
 *
 * It ends with a summary (calls, calls/s, the count per result code and
 * per hypercall number) and SUCCESS when it survived every round with
 * its code unchanged and no fault at its own "int $0x82". */
#include "fuzz.h"
#include "callbacks.h"
#include "systime.h"
#include "pvabi/vcpu.h"

const char test_title[] = "fuzz: random hypercalls with arguments at the edges";

uint32_t stats_faults(void);
extern uint32_t window_lost;

static uint64_t arg(const char *key, uint64_t dflt)
{
	size_t n = strlen(key);

	for (const char *s = start_info->cmd_line; *s; s++) {
		if ((s == start_info->cmd_line || s[-1] == ' ') && strncmp(s, key, n) == 0 &&
		    s[n] == '=') {
			uint64_t v = 0;
			for (s += n + 1; *s >= '0' && *s <= '9'; s++)
				v = v * 10 + (uint64_t)(*s - '0');
			return v;
		}
	}
	return dflt;
}

/* A checksum of the guest's code and read-only data: no call may change
 * them. */
static uint32_t text_sum(void)
{
	uint32_t sum = 0;

	for (const uint32_t *p = (const uint32_t *)__image_start;
	     p < (const uint32_t *)hypercall_page; p++)
		sum = (sum << 5 | sum >> 27) ^ *p;
	return sum;
}

static void trace(uint32_t round, const struct call *c)
{
	printk("call %u: nr %#x args %#x %#x %#x %#x %#x\n", round, c->nr, c->arg[0],
	       c->arg[1], c->arg[2], c->arg[3], c->arg[4]);
}

void test_main(void)
{
	uint64_t seed = arg("seed", 1), calls = arg("calls", 20000);
	uint64_t progress = arg("progress", calls / 10 ? calls / 10 : 1);
	uint64_t trace_from = arg("trace", ~0ull);
	uint32_t sum = text_sum(), faults_shown = 0;

	rng_seed(seed);
	if (!layout_init())
		return;
	callbacks_init();
	printk("seed %u, %u calls\n", (unsigned)seed, (unsigned)calls);
	uint64_t start = system_time_ns(NULL);
	for (uint64_t i = 0; i < calls; i++) {
		struct call c;
		long rc = 0;

		arena_reset();
		used_nrs = 0;
		gen_call(&c, 0);
		if (i >= trace_from)
			trace((uint32_t)i, &c);
		bool ok = issue(&c, &rc);
		restore_after();
		stats_count(c.nr, !ok, rc);
		if (i >= trace_from)
			printk("call %u: result %ld%s\n", (uint32_t)i, rc, ok ? "" : " (faulted)");
		if ((!ok || rc == IRET_MISMATCH) && faults_shown++ < 10) {
			printk("call %u %s\n", (uint32_t)i, ok ? "did not give back the "
			       "iret frame's eax" : "faulted in the guest:");
			trace((uint32_t)i, &c);
		}
		if ((i + 1) % progress == 0)
			printk("progress: %u calls, %u ms\n", (uint32_t)(i + 1),
			       (uint32_t)((system_time_ns(NULL) - start) / 1000000));
	}
	uint64_t ns = system_time_ns(NULL) - start;

	/* Quiet timers, so that the domain ends as it would have. */
	hypercall_set_timer_op(0);
	page_hypercall(__HYPERVISOR_vcpu_op, VCPUOP_stop_periodic_timer, 0, 0, 0, 0);
	stats_print(ns);
	printk("window pages lost (given back by a call): %u\n", window_lost);
	check("FUZZ", text_sum() == sum, "the guest's code is as it was");
	check("FUZZ", stats_faults() == 0,
	      "no fault at the guest's own int $0x82, every iret gave back its eax (%u did not)",
	      stats_faults());
	test_success();
}
