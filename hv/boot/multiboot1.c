/* Multiboot1: the information structure QEMU's -kernel hands over.
 *
 * The structure is a fixed block of 32-bit fields whose flags word says
 * which are valid; the command line, modules and memory map live
 * elsewhere, at physical addresses the block gives. Every one of those is
 * read through the phys_reader and checked before use. */
#include "boot/bootinfo.h"
#include "boot/bootparse.h"
#include "lib/format.h"
#include "lib/le.h"
#include "lib/string.h"

/* Flag bits of the fields we read. */
#define MB1_MEM      (1u << 0)
#define MB1_CMDLINE  (1u << 2)
#define MB1_MODS     (1u << 3)
#define MB1_MMAP     (1u << 6)
#define MB1_LOADER   (1u << 9)

/* Field offsets in the information structure. */
#define MB1_FLAGS        0
#define MB1_MEM_LOWER    4
#define MB1_MEM_UPPER    8
#define MB1_CMDLINE_PTR  16
#define MB1_MODS_COUNT   20
#define MB1_MODS_ADDR    24
#define MB1_MMAP_LENGTH  44
#define MB1_MMAP_ADDR    48
#define MB1_LOADER_NAME  64

#define MB1_READ_SIZE    68   /* through boot_loader_name */
#define MB1_INFO_SIZE    116  /* the whole structure, framebuffer fields included */

#define MB1_MODULE_SIZE  16
/* An mmap entry after its size field: u64 base, u64 length, u32 type. */
#define MB1_MMAP_BODY    20

static int parse_modules(struct bootinfo *bi, const uint8_t *info, phys_reader rd, void *ctx)
{
	uint32_t count = le32(info + MB1_MODS_COUNT);
	uint32_t addr = le32(info + MB1_MODS_ADDR);

	/* Checked before any multiplication so a huge count cannot wrap. */
	if (count > BOOT_MAX_MODULES)
		return bootparse_fail(bi, "%u modules, more than the %u supported",
				      count, BOOT_MAX_MODULES);
	for (uint32_t i = 0; i < count; i++) {
		uint64_t pa = addr + (uint64_t)i * MB1_MODULE_SIZE;
		const uint8_t *m = rd(ctx, pa, MB1_MODULE_SIZE);
		if (!m)
			return bootparse_fail(bi, "module %u entry at 0x%llx is unreadable", i, X64(pa));

		struct boot_module *mod = bootparse_add_module(bi, le32(m), le32(m + 4));
		if (!mod)
			return -1;
		/* The specification allows 0 for "no string". */
		uint32_t str = le32(m + 8);
		if (str) {
			char what[32];
			format(what, sizeof(what), "module %u string", i);
			if (bootparse_read_string(bi, rd, ctx, what, str, mod->cmdline,
						  sizeof(mod->cmdline)) < 0)
				return -1;
		}
	}
	return 0;
}

static int parse_mmap(struct bootinfo *bi, const uint8_t *info, phys_reader rd, void *ctx)
{
	uint64_t length = le32(info + MB1_MMAP_LENGTH);
	uint64_t addr = le32(info + MB1_MMAP_ADDR);
	uint64_t off = 0;

	/* Every entry adds a range or fails, so this ends after at most
	 * BOOT_MAX_RANGES + 1 entries whatever the length says. */
	while (off < length) {
		if (length - off < 4 + MB1_MMAP_BODY)
			return bootparse_fail(bi, "memory map entry at offset 0x%llx runs past mmap_length 0x%llx",
					      X64(off), X64(length));
		const uint8_t *sz = rd(ctx, addr + off, 4);
		if (!sz)
			return bootparse_fail(bi, "memory map entry at 0x%llx is unreadable", X64(addr + off));
		uint32_t size = le32(sz);
		if (size < MB1_MMAP_BODY)
			return bootparse_fail(bi, "memory map entry at offset 0x%llx has size %u, less than %u",
					      X64(off), size, MB1_MMAP_BODY);
		if (size > length - off - 4)
			return bootparse_fail(bi, "memory map entry at offset 0x%llx (size %u) runs past mmap_length 0x%llx",
					      X64(off), size, X64(length));
		const uint8_t *e = rd(ctx, addr + off + 4, MB1_MMAP_BODY);
		if (!e)
			return bootparse_fail(bi, "memory map entry at 0x%llx is unreadable", X64(addr + off));
		if (bootparse_add_range(bi, le64(e), le64(e + 8), le32(e + 16)) < 0)
			return -1;
		off += 4 + (uint64_t)size;
	}
	return 0;
}

int multiboot1_parse(struct bootinfo *bi, uint32_t info_pa, phys_reader rd, void *ctx)
{
	bootparse_reset(bi, "multiboot1");
	bi->info_start = info_pa;
	bi->info_end = (uint64_t)info_pa + MB1_INFO_SIZE;

	/* Keep a copy: nothing promises that the reader's pointer survives
	 * the reads of the command line and modules that follow. */
	uint8_t info[MB1_READ_SIZE];
	const uint8_t *p = rd(ctx, info_pa, MB1_READ_SIZE);
	if (!p)
		return bootparse_fail(bi, "information structure at 0x%x is unreadable", info_pa);
	memcpy(info, p, sizeof(info));
	uint32_t flags = le32(info + MB1_FLAGS);

	if ((flags & MB1_CMDLINE) &&
	    bootparse_read_string(bi, rd, ctx, "command line", le32(info + MB1_CMDLINE_PTR),
				  bi->cmdline, sizeof(bi->cmdline)) < 0)
		return -1;
	if ((flags & MB1_LOADER) &&
	    bootparse_read_string(bi, rd, ctx, "boot loader name", le32(info + MB1_LOADER_NAME),
				  bi->loader_name, sizeof(bi->loader_name)) < 0)
		return -1;
	if ((flags & MB1_MODS) && parse_modules(bi, info, rd, ctx) < 0)
		return -1;

	if (flags & MB1_MMAP)
		return parse_mmap(bi, info, rd, ctx);
	if (flags & MB1_MEM)
		return bootparse_add_basic(bi, le32(info + MB1_MEM_LOWER), le32(info + MB1_MEM_UPPER));
	return 0;
}
