/* The hypercall fuzzer guest (fuzz.h says how it stays alive).
 *
 * Command line: seed=S (default 1) calls=N (default 20000) progress=P
 * (a line every P calls; default N/10) trace=K (print every call from
 * round K on, with its result: for finding the round a hypervisor fails
 * in, since a seed replays the same rounds) trace_waits=1 (print each
 * block and poll before it is made: lighter, for hangs that depend on
 * timing; 2: with the state of the timer's event channel) check_timer=1 (after each round, check that a 1 ms timer
 * still fires; say which round lost it) only=NR (every round calls
 * hypercall NR, nested calls still any) skip_nested_poll=1 (make the
 * multicall entries that would poll yield instead).
 *
 * It ends with a summary (calls, calls/s, the count per result code and
 * per hypercall number) and SUCCESS when it survived every round with
 * its code unchanged and no fault at its own "int $0x82". */
#include "fuzz.h"
#include "callbacks.h"
#include "cmdline.h"
#include "systime.h"
#include "pvabi/vcpu.h"

const char test_title[] = "fuzz: random hypercalls with arguments at the edges";

uint32_t stats_faults(void);
extern uint32_t window_lost;

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

void test_main(void)
{
	uint64_t seed = cmdline_number("seed", 1), calls = cmdline_number("calls", 20000);
	uint64_t progress = cmdline_number("progress", calls / 10 ? calls / 10 : 1);
	uint64_t trace_from = cmdline_number("trace", ~0ull);
	uint64_t trace_waits = cmdline_number("trace_waits", 0);
	uint64_t check_timer = cmdline_number("check_timer", 0);
	struct call last[4];

	only_nr = (uint32_t)cmdline_number("only", ~0u);
	skip_nested_poll = cmdline_number("skip_nested_poll", 0);
	show_waits = trace_waits > 1;
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
		if (i >= trace_from || (trace_waits && any_wait(c.nr, c.arg, 0)))
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
		last[i % 4] = c;
		if (check_timer && !timer_comes(50000000)) {
			printk("round %u: a 1 ms timer armed after it did not fire within 50 ms; "
			       "the last rounds:\n", (uint32_t)i);
			for (uint64_t k = i > 3 ? i - 3 : 0; k <= i; k++)
				trace((uint32_t)k, &last[k % 4]);
			check_timer = 0;
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
	printk("window pages lost (their frames given back by a call): %u of %u\n", window_lost,
	       WINDOW_PAGES);
	check("FUZZ", text_sum() == sum, "the guest's code is as it was");
	check("FUZZ", stats_faults() == 0,
	      "no fault at the guest's own int $0x82, every iret gave back its eax (%u did not)",
	      stats_faults());
	test_success();
}
