/* Multiboot2: the tagged information structure GRUB hands over.
 *
 * The structure is one contiguous block (u32 total_size, u32 reserved,
 * then tags, each 8-byte aligned, ending with an end tag), so it is read
 * with a single reader call and every tag is bounds-checked against
 * total_size before its contents are looked at. */
#include <stdbool.h>

#include "boot/bootinfo.h"
#include "boot/bootparse.h"
#include "lib/format.h"
#include "lib/le.h"

enum {
	TAG_END = 0,
	TAG_CMDLINE = 1,
	TAG_LOADER_NAME = 2,
	TAG_MODULE = 3,
	TAG_BASIC_MEMINFO = 4,
	TAG_MMAP = 6,
};

#define TAG_HEADER 8
/* Far beyond anything a loader produces; keeps a corrupt size from asking
 * the reader for gigabytes. */
#define MB2_MAX_SIZE (1u << 20)
/* u64 base, u64 length, u32 type, u32 reserved */
#define MMAP_ENTRY_MIN 24

/* What the tag walk has met so far. */
struct seen {
	bool cmdline, loader, mmap, basic;
	uint32_t mem_lower, mem_upper;
};

static int parse_module(struct bootinfo *bi, uint32_t off, const uint8_t *body, uint32_t len)
{
	char what[64];

	/* Two addresses and at least the string's NUL. */
	if (len < 9)
		return bootparse_fail(bi, "module tag at offset 0x%x has size %u, too small for a module",
				      off, len + TAG_HEADER);
	struct boot_module *m = bootparse_add_module(bi, le32(body), le32(body + 4));
	if (!m)
		return -1;
	format(what, sizeof(what), "module %u string (tag at offset 0x%x)", bi->nr_modules - 1, off);
	return bootparse_copy_string(bi, what, body + 8, len - 8, m->cmdline, sizeof(m->cmdline));
}

static int parse_mmap(struct bootinfo *bi, uint32_t off, const uint8_t *body, uint32_t len)
{
	if (len < 8)
		return bootparse_fail(bi, "memory map tag at offset 0x%x has size %u, too small for its header",
				      off, len + TAG_HEADER);
	uint32_t entry_size = le32(body);
	/* entry_version (body + 4) is 0 today; later versions promise to
	 * keep these fields, so it is not checked. */
	if (entry_size < MMAP_ENTRY_MIN || entry_size % 8)
		return bootparse_fail(bi, "memory map tag at offset 0x%x has entry_size %u, not a multiple of 8 of at least %u",
				      off, entry_size, MMAP_ENTRY_MIN);
	uint32_t bytes = len - 8;
	if (bytes % entry_size)
		return bootparse_fail(bi, "memory map tag at offset 0x%x holds %u bytes of entries, not a multiple of entry_size %u",
				      off, bytes, entry_size);
	for (uint32_t at = 0; at < bytes; at += entry_size) {
		const uint8_t *e = body + 8 + at;
		if (bootparse_add_range(bi, le64(e), le64(e + 8), le32(e + 16)) < 0)
			return -1;
	}
	return 0;
}

/* Tags that may appear once; a second copy means a corrupt structure. */
static int once(struct bootinfo *bi, bool *flag, const char *name, uint32_t off)
{
	if (*flag)
		return bootparse_fail(bi, "second %s tag at offset 0x%x", name, off);
	*flag = true;
	return 0;
}

static int parse_tag(struct bootinfo *bi, struct seen *seen, uint32_t type, uint32_t off,
		     const uint8_t *body, uint32_t len)
{
	char what[64];

	switch (type) {
	case TAG_CMDLINE:
		if (once(bi, &seen->cmdline, "command line", off) < 0)
			return -1;
		format(what, sizeof(what), "command line (tag at offset 0x%x)", off);
		return bootparse_copy_string(bi, what, body, len, bi->cmdline, sizeof(bi->cmdline));
	case TAG_LOADER_NAME:
		if (once(bi, &seen->loader, "boot loader name", off) < 0)
			return -1;
		format(what, sizeof(what), "boot loader name (tag at offset 0x%x)", off);
		return bootparse_copy_string(bi, what, body, len, bi->loader_name, sizeof(bi->loader_name));
	case TAG_MODULE:
		return parse_module(bi, off, body, len);
	case TAG_BASIC_MEMINFO:
		if (once(bi, &seen->basic, "basic memory information", off) < 0)
			return -1;
		if (len < 8)
			return bootparse_fail(bi, "basic memory information tag at offset 0x%x has size %u, less than 16",
					      off, len + TAG_HEADER);
		seen->mem_lower = le32(body);
		seen->mem_upper = le32(body + 4);
		return 0;
	case TAG_MMAP:
		if (once(bi, &seen->mmap, "memory map", off) < 0)
			return -1;
		return parse_mmap(bi, off, body, len);
	default:
		/* Framebuffer, ACPI, EFI and the rest: nothing we use. */
		return 0;
	}
}

int multiboot2_parse(struct bootinfo *bi, uint32_t info_pa, phys_reader rd, void *ctx)
{
	bootparse_reset(bi, "multiboot2");
	if (info_pa % 8)
		return bootparse_fail(bi, "information structure at 0x%x is not 8-byte aligned", info_pa);

	const uint8_t *base = rd(ctx, info_pa, TAG_HEADER);
	if (!base)
		return bootparse_fail(bi, "information structure at 0x%x is unreadable", info_pa);
	uint32_t total = le32(base);
	if (total < 2 * TAG_HEADER)
		return bootparse_fail(bi, "total_size %u is too small for the header and an end tag", total);
	if (total > MB2_MAX_SIZE)
		return bootparse_fail(bi, "total_size 0x%x is over the 0x%x sanity limit", total, MB2_MAX_SIZE);
	bi->info_start = info_pa;
	bi->info_end = (uint64_t)info_pa + total;

	base = rd(ctx, info_pa, total);
	if (!base)
		return bootparse_fail(bi, "information structure at 0x%x (0x%x bytes) is unreadable",
				      info_pa, total);

	struct seen seen = { 0 };
	uint32_t off = TAG_HEADER;
	/* off only grows (every tag is at least 8 bytes) and stays below
	 * total, so the walk ends. */
	for (;;) {
		if (total - off < TAG_HEADER)
			return bootparse_fail(bi, "no end tag before total_size 0x%x", total);
		uint32_t type = le32(base + off);
		uint32_t size = le32(base + off + 4);
		if (size < TAG_HEADER)
			return bootparse_fail(bi, "tag %u at offset 0x%x has size %u, smaller than its header",
					      type, off, size);
		if (size > total - off)
			return bootparse_fail(bi, "tag %u at offset 0x%x has size %u, running past total_size 0x%x",
					      type, off, size, total);
		if (type == TAG_END) {
			if (size != TAG_HEADER)
				return bootparse_fail(bi, "end tag at offset 0x%x has size %u, not 8", off, size);
			break;
		}
		if (parse_tag(bi, &seen, type, off, base + off + TAG_HEADER, size - TAG_HEADER) < 0)
			return -1;
		/* Round up to the next tag; past total means "no end tag". */
		uint32_t next = off + ((size + 7) & ~7u);
		if (next > total)
			return bootparse_fail(bi, "no end tag before total_size 0x%x", total);
		off = next;
	}

	if (!seen.mmap && seen.basic)
		return bootparse_add_basic(bi, seen.mem_lower, seen.mem_upper);
	return 0;
}
