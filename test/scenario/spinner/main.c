/* Scenario guest: keeps the CPU busy for a while and watches its time stamp
 * counter for the gaps where another domain had the CPU. (Guests learn the
 * TSC's rate only with the time ABI, so the budget is in TSC ticks.)
 *
 *   ISO-1  with "expect-preemption" as its command line, it checks that it
 *          lost the CPU at least once for a long gap (another domain ran)
 *          and still finished its own work. */
#include "guest.h"
#include "systime.h"

#define SPIN_TICKS   400000000ull   /* ~0.15-0.4 s on the machines we run on */
#define GAP_TICKS    2000000ull     /* far longer than any trap or interrupt */

const char test_title[] = "spins and reports the CPU time it lost to others";

void test_main(void)
{
	uint64_t start = rdtsc(), prev = start, longest = 0;
	unsigned gaps = 0;

	while (rdtsc() - start < SPIN_TICKS) {
		uint64_t now = rdtsc();
		if (now - prev > longest)
			longest = now - prev;
		if (now - prev >= GAP_TICKS)
			gaps++;
		prev = now;
	}
	printk("spun %u M ticks; %u gap(s) of %u M ticks or more, the longest %u M\n",
	       (unsigned)(SPIN_TICKS / 1000000), gaps, (unsigned)(GAP_TICKS / 1000000),
	       (unsigned)(longest / 1000000));
	if (strcmp(start_info->cmd_line, "expect-preemption") == 0)
		check("ISO-1", gaps > 0, "another domain got the CPU while this one spun");
	test_success();
}
