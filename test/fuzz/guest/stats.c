/* The tally: rounds by result code, and by hypercall number. */
#include "fuzz.h"

#define MAX_ERRNO 150

static uint32_t by_errno[MAX_ERRNO + 1];   /* [0]: result 0; [n]: -n */
static uint32_t positive, other_negative, faults, iret_mismatch;
static uint32_t by_nr[64], beyond_63, null_traps;
static uint32_t rounds;

void stats_count(uint32_t nr, bool faulted, long rc)
{
	rounds++;
	if (nr < 64)
		by_nr[nr]++;
	else if (nr == FUZZ_NULL_TRAP)
		null_traps++;
	else
		beyond_63++;
	if (faulted)
		faults++;
	else if (rc == IRET_MISMATCH)
		iret_mismatch++;
	else if (rc > 0)
		positive++;
	else if (rc >= -MAX_ERRNO)
		by_errno[-rc]++;
	else
		other_negative++;
}

uint32_t stats_faults(void)
{
	return faults + iret_mismatch;
}

void stats_print(uint64_t ns)
{
	uint64_t ms = ns / 1000000 ? ns / 1000000 : 1;
	char line[600];
	int n;

	printk("summary: %u calls in %u ms, %u calls/s\n", rounds, (unsigned)ms,
	       (unsigned)((uint64_t)rounds * 1000 / ms));
	n = format(line, sizeof(line), "results: 0 x%u, >0 x%u", by_errno[0], positive);
	for (unsigned e = 1; e <= MAX_ERRNO && n < (int)sizeof(line) - 40; e++) {
		if (!by_errno[e])
			continue;
		const char *name = errno_name(-(long)e);
		if (name)
			n += format(line + n, sizeof(line) - n, ", %s x%u", name, by_errno[e]);
		else
			n += format(line + n, sizeof(line) - n, ", -%u x%u", e, by_errno[e]);
	}
	n += format(line + n, sizeof(line) - n, ", other <0 x%u, guest fault x%u, "
		    "iret eax lost x%u", other_negative, faults, iret_mismatch);
	printk("%s\n", line);
	for (unsigned half = 0; half < 64; half += 32) {
		n = format(line, sizeof(line), "by number:");
		for (unsigned nr = half; nr < half + 32; nr++)
			if (by_nr[nr])
				n += format(line + n, sizeof(line) - n, " %u:%u", nr, by_nr[nr]);
		printk("%s\n", line);
	}
	printk("by number: 64 and up:%u, int $0x83:%u\n", beyond_63, null_traps);
}
