/* Checked building blocks for the boot information parsers. */
#include <stdarg.h>

#include "boot/bootparse.h"
#include "lib/format.h"
#include "lib/string.h"

/* Strings in loader memory are read in pieces that stay within one aligned
 * block of this size: asking the reader for BOOT_CMDLINE_MAX bytes at once
 * could fail near the end of readable memory for a short string. */
#define STRING_CHUNK 64u

void bootparse_reset(struct bootinfo *bi, const char *protocol)
{
	memset(bi, 0, sizeof(*bi));
	bi->protocol = protocol;
}

int bootparse_fail(struct bootinfo *bi, const char *fmt, ...)
{
	va_list ap;
	int n = format(bi->error, sizeof(bi->error), "%s: ", bi->protocol);

	if (n < 0 || (size_t)n >= sizeof(bi->error))
		return -1;
	va_start(ap, fmt);
	vformat(bi->error + n, sizeof(bi->error) - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

int bootparse_add_range(struct bootinfo *bi, uint64_t base, uint64_t length, uint32_t type)
{
	if (length > UINT64_MAX - base)
		return bootparse_fail(bi, "memory range at 0x%llx with length 0x%llx wraps past 2^64",
				      X64(base), X64(length));
	if (bi->nr_ranges == BOOT_MAX_RANGES)
		return bootparse_fail(bi, "more than %u memory ranges", BOOT_MAX_RANGES);
	struct mem_range *r = &bi->ranges[bi->nr_ranges++];
	r->start = base;
	r->end = base + length;
	r->type = type;
	return 0;
}

int bootparse_add_basic(struct bootinfo *bi, uint32_t lower_kib, uint32_t upper_kib)
{
	if (lower_kib && bootparse_add_range(bi, 0, (uint64_t)lower_kib * 1024, MEM_RAM) < 0)
		return -1;
	if (upper_kib && bootparse_add_range(bi, 1u << 20, (uint64_t)upper_kib * 1024, MEM_RAM) < 0)
		return -1;
	return 0;
}

struct boot_module *bootparse_add_module(struct bootinfo *bi, uint64_t start, uint64_t end)
{
	if (bi->nr_modules == BOOT_MAX_MODULES) {
		bootparse_fail(bi, "more than %u modules", BOOT_MAX_MODULES);
		return NULL;
	}
	if (start > end) {
		bootparse_fail(bi, "module %u starts at 0x%llx, after its end 0x%llx",
			       bi->nr_modules, X64(start), X64(end));
		return NULL;
	}
	struct boot_module *m = &bi->modules[bi->nr_modules++];
	m->start = start;
	m->end = end;
	m->cmdline[0] = '\0';
	return m;
}

int bootparse_read_string(struct bootinfo *bi, phys_reader rd, void *ctx,
			  const char *what, uint64_t pa, char *dst, size_t room)
{
	size_t n = 0;

	while (n < room) {
		uint64_t at = pa + n;
		uint32_t chunk = STRING_CHUNK - (uint32_t)(at % STRING_CHUNK);
		if (chunk > room - n)
			chunk = (uint32_t)(room - n);

		const char *p = rd(ctx, at, chunk);
		if (!p) {
			/* The block may run past readable memory while the
			 * string itself ends in time: go byte by byte. */
			chunk = 1;
			p = rd(ctx, at, 1);
			if (!p)
				return bootparse_fail(bi, "%s at 0x%llx is unreadable at 0x%llx",
						      what, X64(pa), X64(at));
		}
		for (uint32_t i = 0; i < chunk; i++) {
			dst[n] = p[i];
			if (!p[i])
				return 0;
			n++;
		}
	}
	return bootparse_fail(bi, "%s at 0x%llx is too long (no NUL within %zu bytes)",
			      what, X64(pa), room);
}

int bootparse_copy_string(struct bootinfo *bi, const char *what,
			  const uint8_t *src, size_t len, char *dst, size_t room)
{
	size_t n = strnlen((const char *)src, len);

	if (n == len)
		return bootparse_fail(bi, "%s is not NUL-terminated", what);
	if (n >= room)
		return bootparse_fail(bi, "%s is %zu bytes long, more than the %zu allowed",
				      what, n, room - 1);
	memcpy(dst, src, n + 1);
	return 0;
}
