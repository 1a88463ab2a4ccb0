#include "modules.h"
#include "elf/elf_check.h"
#include "console/log.h"
#include "arch/arch.h"
#include "domain/module_opts.h"

/* The boot identity map covers everything below the direct map. */
#define IDENTITY_END 0xFF000000ull

int modules_check(const struct bootinfo *bi)
{
	char err[160];

	for (unsigned i = 0; i < bi->nr_modules; i++) {
		const struct boot_module *m = &bi->modules[i];
		struct elf_summary sum;

		if (m->end > IDENTITY_END) {
			log_err("module %u (%s): loaded at 0x%llx-0x%llx, beyond what the "
				"hypervisor can reach at boot", i + 1, m->cmdline,
				(unsigned long long)m->start, (unsigned long long)m->end);
			return -1;
		}
		/* An initrd's bytes are the guest's business. */
		if (module_is_initrd(m->cmdline)) {
			log_info("module %u (%s): %llu bytes, an initrd", i + 1, m->cmdline,
				 (unsigned long long)(m->end - m->start));
			continue;
		}
		if (elf_check((const void *)(uintptr_t)m->start, (size_t)(m->end - m->start),
			      &sum, err, sizeof(err)) < 0) {
			log_err("module %u (%s): bad ELF image: %s", i + 1, m->cmdline, err);
			return -1;
		}
		log_info("module %u (%s): %llu KiB, ELF entry 0x%08x, 0x%08x-0x%08x",
			 i + 1, m->cmdline, (unsigned long long)((m->end - m->start) >> 10),
			 sum.entry, sum.vaddr_lo, sum.vaddr_hi);
	}
	return 0;
}
