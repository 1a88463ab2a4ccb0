#include "guest.h"
#include "systime.h"

uint64_t system_time_ns(uint32_t *version)
{
	volatile struct vcpu_time_info *t = &shared_info->vcpu_info[0].time;
	uint32_t v;
	uint64_t ns;

	do {
		v = t->version;
		asm volatile("" : : : "memory");
		uint64_t d = rdtsc() - t->tsc_timestamp;
		d = t->tsc_shift < 0 ? d >> -t->tsc_shift : d << t->tsc_shift;
		ns = t->system_time + (((d & 0xffffffff) * t->tsc_to_system_mul) >> 32) +
		     (d >> 32) * t->tsc_to_system_mul;
		asm volatile("" : : : "memory");
	} while (v != t->version || (v & 1));
	if (version)
		*version = v;
	return ns;
}

uint32_t median_u32(uint32_t *v, unsigned n)
{
	for (unsigned i = 1; i < n; i++)
		for (unsigned j = i; j > 0 && v[j - 1] > v[j]; j--) {
			uint32_t t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	return v[n / 2];
}
