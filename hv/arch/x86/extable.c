#include "arch/x86/traps.h"

struct extable_entry {
	uint64_t insn, fixup;
};

extern const struct extable_entry __start_ex_table[], __stop_ex_table[];

/* Faults are rare and the table small, so a linear scan will do. */
uintptr_t extable_find(uintptr_t rip)
{
	for (const struct extable_entry *e = __start_ex_table; e < __stop_ex_table; e++)
		if (e->insn == rip)
			return e->fixup;
	return 0;
}
