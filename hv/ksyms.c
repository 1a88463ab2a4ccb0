#include "ksyms.h"
#include "lib/format.h"

extern const uint32_t ksyms_count;
extern const uint64_t ksyms_addrs[];
extern const uint32_t ksyms_name_offsets[];
extern const char ksyms_names[];
extern const char _text[], _etext[], __boot_text_start[], __boot_text_end[];

static int in_code(uintptr_t a)
{
	return (a >= (uintptr_t)_text && a < (uintptr_t)_etext) ||
	       (a >= (uintptr_t)__boot_text_start && a < (uintptr_t)__boot_text_end);
}

const char *ksym_lookup(uintptr_t addr, uint32_t *offset)
{
	uint32_t lo = 0, hi = ksyms_count;

	if (hi == 0 || !in_code(addr) || addr < ksyms_addrs[0])
		return NULL;
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (ksyms_addrs[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	*offset = (uint32_t)(addr - ksyms_addrs[lo]);
	return ksyms_names + ksyms_name_offsets[lo];
}

void ksym_describe(char *buf, size_t size, uintptr_t addr)
{
	uint32_t off;
	const char *name = ksym_lookup(addr, &off);

	if (name)
		format(buf, size, "%s+0x%x", name, off);
	else
		format(buf, size, "0x%llx", (unsigned long long)addr);
}
