/* Deciding whether a guest image is an i386 executable we can load, before
 * anything trusts a single field of it. */
#ifndef ELF_ELF_CHECK_H
#define ELF_ELF_CHECK_H

#include <stddef.h>
#include <stdint.h>

struct elf_summary {
	uint32_t entry;
	uint32_t vaddr_lo, vaddr_hi;   /* [lo, hi) over all loadable segments */
	unsigned nr_load;              /* PT_LOAD headers, empty ones included */
};

/* Validate the len-byte image at img (any alignment): a 32-bit
 * little-endian i386 ET_EXEC whose program headers and loadable segments
 * all lie within the image, whose segments do not wrap the 32-bit address
 * space (one ending exactly at 4 GiB counts as wrapping), and whose entry
 * point is inside a loadable segment. Returns 0 and fills sum, or -1 with
 * a sentence in err (which may be NULL). */
int elf_check(const void *img, size_t len, struct elf_summary *sum, char *err, size_t errlen);

#endif
