#include "consoled/consoled.h"
#include "consoled/conn.h"
#include "kernel/time.h"

/* Domains that start or end raise no event here (dom0's program holds
 * VIRQ_DOM_EXC): they are looked for this often. */
#define RESCAN_NS 50000000u

/* Round-robin, a budget each a round: a flooding domain takes one share
 * of the line and yields between rounds, the others' lines still come. */
static void run(void *arg)
{
	uint64_t next_scan = 0;

	(void)arg;
	for (;;) {
		unsigned seen = consoled_kicks;
		if (time_now_ns() >= next_scan) {
			consoled_rescan();
			next_scan = time_now_ns() + RESCAN_NS;
		}
		bool more = false;
		for (unsigned i = 0; i < CONSOLED_MAX_CONNS; i++)
			if (consoled_conns[i].live)
				more |= consoled_serve(&consoled_conns[i]);
		if (more) {
			thread_yield();
			continue;
		}
		consoled_wait(seen, RESCAN_NS);
	}
}

bool consoled_start_output(void)
{
	return thread_create("consoled", run, 0, 16384) != 0;
}

bool consoled_start(void)
{
	return consoled_start_output() && thread_create("consoled-input", consoled_input, 0, 16384);
}
