#include "sched/policy.h"
#include "lib/string.h"

const struct sched_policy *sched = &sched_bvt;

int sched_select(const char *name, size_t len)
{
	static const struct sched_policy *const all[] = { &sched_bvt, &sched_atropos, &sched_rrobin };

	for (unsigned i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		if (strlen(all[i]->name) == len && strncmp(all[i]->name, name, len) == 0) {
			sched = all[i];
			return 0;
		}
	}
	return -1;
}
