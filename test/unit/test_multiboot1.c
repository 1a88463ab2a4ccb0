/* Multiboot1 parsing (and the magic dispatch) over fake physical memory. */
#include "unit.h"
#include "fakemem.h"
#include "boot/bootinfo.h"

#define BASE     0x10000u
#define SIZE     0x10000u
#define INFO     0x10000u
#define CMDLINE  0x10100u
#define LOADER   0x10200u
#define MODS     0x10300u
#define MODSTR   0x10800u    /* module i's string at MODSTR + 0x40 * i */
#define MMAP     0x11800u
#define SPARE    0x12000u    /* room for long strings */

#define F_MEM     (1u << 0)
#define F_CMDLINE (1u << 2)
#define F_MODS    (1u << 3)
#define F_MMAP    (1u << 6)
#define F_LOADER  (1u << 9)

static struct bootinfo bi;
static struct fakemem mem;

static void put_module(unsigned i, uint32_t start, uint32_t end, uint32_t str)
{
	fakemem_put32(&mem, MODS + 16 * i, start);
	fakemem_put32(&mem, MODS + 16 * i + 4, end);
	fakemem_put32(&mem, MODS + 16 * i + 8, str);
	fakemem_put32(&mem, MODS + 16 * i + 12, 0);
}

/* One mmap entry at byte offset off of the map; returns the next offset. */
static uint32_t put_mmap(uint32_t off, uint32_t size, uint64_t base, uint64_t len, uint32_t type)
{
	fakemem_put32(&mem, MMAP + off, size);
	fakemem_put64(&mem, MMAP + off + 4, base);
	fakemem_put64(&mem, MMAP + off + 12, len);
	fakemem_put32(&mem, MMAP + off + 20, type);
	return off + 4 + size;
}

/* What QEMU's -kernel produces for two modules on a 128 MiB machine. */
static void build_full(void)
{
	fakemem_free(&mem);
	fakemem_init(&mem, BASE, SIZE);
	fakemem_put32(&mem, INFO, F_MEM | F_CMDLINE | F_MODS | F_MMAP | F_LOADER);
	fakemem_put32(&mem, INFO + 4, 639);
	fakemem_put32(&mem, INFO + 8, 130048);
	fakemem_put32(&mem, INFO + 16, CMDLINE);
	fakemem_puts(&mem, CMDLINE, "ringlet.elf loglvl=debug");
	fakemem_put32(&mem, INFO + 20, 2);
	fakemem_put32(&mem, INFO + 24, MODS);
	put_module(0, 0x200000, 0x203000, MODSTR);
	fakemem_puts(&mem, MODSTR, "dom0.elf mem=64M");
	put_module(1, 0x203000, 0x203800, MODSTR + 0x40);
	fakemem_puts(&mem, MODSTR + 0x40, "hello.elf");

	uint32_t off = 0;
	off = put_mmap(off, 20, 0, 0x9fc00, 1);
	off = put_mmap(off, 20, 0x9fc00, 0x400, 2);
	off = put_mmap(off, 20, 0xf0000, 0x10000, 2);
	off = put_mmap(off, 20, 0x100000, 0x7ee0000, 1);
	off = put_mmap(off, 20, 0xfffc0000, 0x40000, 2);
	fakemem_put32(&mem, INFO + 44, off);
	fakemem_put32(&mem, INFO + 48, MMAP);
	fakemem_put32(&mem, INFO + 64, LOADER);
	fakemem_puts(&mem, LOADER, "qemu");
}

static int parse(void)
{
	memset(&bi, 0xa5, sizeof(bi));
	return multiboot1_parse(&bi, INFO, fakemem_read, &mem);
}

/* Expect failure and an error containing want. */
static int fails_with(const char *want)
{
	int r = parse();

	if (r != -1 || !strstr(bi.error, want)) {
		printf("#   parse returned %d, error \"%s\", wanted \"%s\"\n", r, bi.error, want);
		return 0;
	}
	return 1;
}

static void set_flags(uint32_t flags)
{
	fakemem_put32(&mem, INFO, flags);
}

static void test_full(void)
{
	build_full();
	CHECK_EQ(parse(), 0);
	CHECK_STR(bi.error, "");
	CHECK_STR(bi.protocol, "multiboot1");
	CHECK_STR(bi.cmdline, "ringlet.elf loglvl=debug");
	CHECK_STR(bi.loader_name, "qemu");
	CHECK_EQ(bi.info_start, INFO);
	CHECK_EQ(bi.info_end, INFO + 116);
	CHECK_EQ(bi.nr_modules, 2);
	CHECK_EQ(bi.modules[0].start, 0x200000);
	CHECK_EQ(bi.modules[0].end, 0x203000);
	CHECK_STR(bi.modules[0].cmdline, "dom0.elf mem=64M");
	CHECK_EQ(bi.modules[1].start, 0x203000);
	CHECK_EQ(bi.modules[1].end, 0x203800);
	CHECK_STR(bi.modules[1].cmdline, "hello.elf");
	/* The map as given; mem_lower/upper are ignored beside it. */
	CHECK_EQ(bi.nr_ranges, 5);
	CHECK_EQ(bi.ranges[0].start, 0);
	CHECK_EQ(bi.ranges[0].end, 0x9fc00);
	CHECK_EQ(bi.ranges[0].type, MEM_RAM);
	CHECK_EQ(bi.ranges[1].type, MEM_RESERVED);
	CHECK_EQ(bi.ranges[3].start, 0x100000);
	CHECK_EQ(bi.ranges[3].end, 0x7fe0000);
	CHECK_EQ(bi.ranges[4].start, 0xfffc0000);
	CHECK_EQ(bi.ranges[4].end, 0x100000000);
}

static void test_nothing_flagged(void)
{
	build_full();
	set_flags(0);
	CHECK_EQ(parse(), 0);
	CHECK_STR(bi.cmdline, "");
	CHECK_STR(bi.loader_name, "");
	CHECK_EQ(bi.nr_modules, 0);
	CHECK_EQ(bi.nr_ranges, 0);
	/* Only the fixed structure was read. */
	CHECK_EQ(mem.reads, 1);
}

static void test_basic_memory(void)
{
	build_full();
	set_flags(F_MEM);
	CHECK_EQ(parse(), 0);
	CHECK_EQ(bi.nr_ranges, 2);
	CHECK_EQ(bi.ranges[0].start, 0);
	CHECK_EQ(bi.ranges[0].end, 639 * 1024);
	CHECK_EQ(bi.ranges[0].type, MEM_RAM);
	CHECK_EQ(bi.ranges[1].start, 0x100000);
	CHECK_EQ(bi.ranges[1].end, 0x100000 + 130048ull * 1024);
	CHECK_EQ(bi.ranges[1].type, MEM_RAM);

	/* Zero sizes give no empty ranges; huge ones do not wrap. */
	fakemem_put32(&mem, INFO + 4, 0);
	fakemem_put32(&mem, INFO + 8, 0xffffffff);
	CHECK_EQ(parse(), 0);
	CHECK_EQ(bi.nr_ranges, 1);
	CHECK_EQ(bi.ranges[0].end, 0x100000 + 0xffffffffull * 1024);
}

static void test_module_without_string(void)
{
	build_full();
	put_module(1, 0x300000, 0x300000, 0);
	CHECK_EQ(parse(), 0);
	CHECK_EQ(bi.nr_modules, 2);
	CHECK_STR(bi.modules[1].cmdline, "");
	CHECK_EQ(bi.modules[1].start, bi.modules[1].end);
}

static void test_padded_mmap_entries(void)
{
	/* size counts the bytes after itself; larger sizes skip padding. */
	build_full();
	uint32_t off = put_mmap(0, 28, 0x100000, 0x1000000, 1);
	fakemem_put64(&mem, MMAP + 24, 0xdeadbeefdeadbeefull);
	off = put_mmap(off, 20, 0x2000000, 0x1000, 3);
	fakemem_put32(&mem, INFO + 44, off);
	CHECK_EQ(parse(), 0);
	CHECK_EQ(bi.nr_ranges, 2);
	CHECK_EQ(bi.ranges[0].end, 0x1100000);
	CHECK_EQ(bi.ranges[1].start, 0x2000000);
	CHECK_EQ(bi.ranges[1].type, MEM_ACPI);
}

static void test_info_unreadable(void)
{
	build_full();
	memset(&bi, 0, sizeof(bi));
	CHECK_EQ(multiboot1_parse(&bi, 0x1000, fakemem_read, &mem), -1);
	CHECK_STR(bi.error, "multiboot1: information structure at 0x1000 is unreadable");
	/* Starts inside memory but its 68 bytes do not fit. */
	CHECK_EQ(multiboot1_parse(&bi, BASE + SIZE - 60, fakemem_read, &mem), -1);
	CHECK(strstr(bi.error, "unreadable") != NULL);
	CHECK_EQ(multiboot1_parse(&bi, 0xffffffff, fakemem_read, &mem), -1);
}

static void test_cmdline_limits(void)
{
	char longest[BOOT_CMDLINE_MAX];

	build_full();
	memset(longest, 'a', sizeof(longest) - 1);
	longest[sizeof(longest) - 1] = '\0';
	fakemem_put32(&mem, INFO + 16, SPARE + 3);   /* unaligned on purpose */
	fakemem_puts(&mem, SPARE + 3, longest);
	CHECK_EQ(parse(), 0);
	CHECK_EQ(strlen(bi.cmdline), BOOT_CMDLINE_MAX - 1);

	/* One more byte and it no longer fits: an error, not a truncation. */
	fakemem_at(&mem, SPARE + 3 + BOOT_CMDLINE_MAX - 1, 1)[0] = 'b';
	CHECK(fails_with("multiboot1: command line at 0x12003 is too long (no NUL within 1024 bytes)"));

	/* A pointer outside memory. */
	fakemem_put32(&mem, INFO + 16, 0x90000000);
	CHECK(fails_with("multiboot1: command line at 0x90000000 is unreadable at 0x90000000"));
}

static void test_string_at_end_of_memory(void)
{
	/* The NUL is the last readable byte: chunked reads must not give up
	 * just because a whole chunk would run past the end. */
	build_full();
	uint32_t at = BASE + SIZE - 7;
	fakemem_puts(&mem, at, "abcdef");
	fakemem_put32(&mem, INFO + 16, at);
	CHECK_EQ(parse(), 0);
	CHECK_STR(bi.cmdline, "abcdef");

	/* Without the NUL it runs off the end. */
	fakemem_at(&mem, BASE + SIZE - 1, 1)[0] = 'g';
	CHECK(fails_with("multiboot1: command line at 0x1fff9 is unreadable at 0x20000"));
}

static void test_loader_name_too_long(void)
{
	char name[80];

	build_full();
	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	fakemem_puts(&mem, SPARE, name);
	fakemem_put32(&mem, INFO + 64, SPARE);
	CHECK(fails_with("multiboot1: boot loader name at 0x12000 is too long (no NUL within 64 bytes)"));

	name[63] = '\0';
	fakemem_puts(&mem, SPARE, name);
	CHECK_EQ(parse(), 0);
	CHECK_EQ(strlen(bi.loader_name), 63);
}

static void test_module_count(void)
{
	build_full();
	fakemem_put32(&mem, INFO + 20, 0xffffffff);
	CHECK(fails_with("multiboot1: 4294967295 modules, more than the 64 supported"));
	fakemem_put32(&mem, INFO + 20, BOOT_MAX_MODULES + 1);
	CHECK(fails_with("more than the 64 supported"));

	/* Exactly the maximum is fine. */
	fakemem_put32(&mem, INFO + 20, BOOT_MAX_MODULES);
	for (unsigned i = 0; i < BOOT_MAX_MODULES; i++)
		put_module(i, 0x400000 + 0x1000 * i, 0x401000 + 0x1000 * i, 0);
	CHECK_EQ(parse(), 0);
	CHECK_EQ(bi.nr_modules, BOOT_MAX_MODULES);
	CHECK_EQ(bi.modules[63].end, 0x400000 + 0x1000 * 64);
}

static void test_module_errors(void)
{
	build_full();
	fakemem_put32(&mem, INFO + 24, 0x80000000);
	CHECK(fails_with("multiboot1: module 0 entry at 0x80000000 is unreadable"));

	/* The list runs off the end of memory at its second entry. */
	fakemem_put32(&mem, INFO + 24, BASE + SIZE - 16);
	fakemem_put32(&mem, BASE + SIZE - 16, 0);
	fakemem_put32(&mem, BASE + SIZE - 12, 0);
	fakemem_put32(&mem, BASE + SIZE - 8, 0);
	CHECK(fails_with("multiboot1: module 1 entry at 0x20000 is unreadable"));

	build_full();
	put_module(1, 0x300000, 0x2fffff, 0);
	CHECK(fails_with("multiboot1: module 1 starts at 0x300000, after its end 0x2fffff"));

	build_full();
	put_module(0, 0x300000, 0x301000, 0xfffffff0);
	CHECK(fails_with("multiboot1: module 0 string at 0xfffffff0 is unreadable"));

	build_full();
	fakemem_put32(&mem, INFO + 24, 0xfffffff8);
	fakemem_put32(&mem, INFO + 20, 64);
	CHECK(fails_with("unreadable"));
}

static void test_mmap_errors(void)
{
	build_full();
	fakemem_put32(&mem, INFO + 48, 0x70000000);
	CHECK(fails_with("multiboot1: memory map entry at 0x70000000 is unreadable"));

	build_full();
	put_mmap(24, 19, 0, 0, 1);
	CHECK(fails_with("multiboot1: memory map entry at offset 0x18 has size 19, less than 20"));

	build_full();
	put_mmap(24, 0, 0, 0, 1);
	CHECK(fails_with("has size 0, less than 20"));

	/* A size that reaches beyond mmap_length (which is 5 * 24). */
	build_full();
	put_mmap(96, 0xfffffff0, 0, 0, 1);
	CHECK(fails_with("multiboot1: memory map entry at offset 0x60 (size 4294967280) runs past mmap_length 0x78"));

	/* Stray bytes after the last entry. */
	build_full();
	fakemem_put32(&mem, INFO + 44, 5 * 24 + 3);
	CHECK(fails_with("multiboot1: memory map entry at offset 0x78 runs past mmap_length 0x7b"));

	build_full();
	put_mmap(24, 20, 0xfffffffffffff000ull, 0x1000, 2);
	CHECK(fails_with("multiboot1: memory range at 0xfffffffffffff000 with length 0x1000 wraps past 2^64"));

	/* The map starts inside memory but runs off its end. */
	build_full();
	fakemem_put32(&mem, INFO + 48, BASE + SIZE - 24);
	fakemem_put32(&mem, BASE + SIZE - 24, 20);
	CHECK(fails_with("multiboot1: memory map entry at 0x20000 is unreadable"));
}

static void test_too_many_ranges(void)
{
	build_full();
	uint32_t off = 0;
	for (unsigned i = 0; i < BOOT_MAX_RANGES; i++)
		off = put_mmap(off, 20, 0x1000ull * i, 0x1000, 1);
	fakemem_put32(&mem, INFO + 44, off);
	CHECK_EQ(parse(), 0);
	CHECK_EQ(bi.nr_ranges, BOOT_MAX_RANGES);

	off = put_mmap(off, 20, 0x1000000, 0x1000, 1);
	fakemem_put32(&mem, INFO + 44, off);
	CHECK(fails_with("multiboot1: more than 128 memory ranges"));

	/* A huge length ends at the range limit too, without running wild. */
	fakemem_put32(&mem, INFO + 44, 0xffffffff);
	mem.reads = 0;
	CHECK_EQ(parse(), -1);
	CHECK(mem.reads < 300);
}

static void test_dispatch(void)
{
	build_full();
	CHECK_EQ(bootinfo_parse(&bi, MULTIBOOT1_BOOTLOADER_MAGIC, INFO, fakemem_read, &mem), 0);
	CHECK_STR(bi.protocol, "multiboot1");
	CHECK_EQ(bi.nr_modules, 2);
	/* QEMU names the image first on each command line; the dispatcher drops it. */
	CHECK_STR(bi.cmdline, "loglvl=debug");
	CHECK_STR(bi.modules[0].cmdline, "mem=64M");
	CHECK_STR(bi.modules[1].cmdline, "");
	/* GRUB 2 passes only the arguments, so nothing is dropped. */
	fakemem_puts(&mem, LOADER, "GRUB 2.06");
	CHECK_EQ(bootinfo_parse(&bi, MULTIBOOT1_BOOTLOADER_MAGIC, INFO, fakemem_read, &mem), 0);
	CHECK_STR(bi.cmdline, "ringlet.elf loglvl=debug");
	CHECK_STR(bi.modules[0].cmdline, "dom0.elf mem=64M");

	/* This memory is not a Multiboot2 structure: total_size is the flags. */
	CHECK_EQ(bootinfo_parse(&bi, MULTIBOOT2_BOOTLOADER_MAGIC, INFO, fakemem_read, &mem), -1);
	CHECK_STR(bi.protocol, "multiboot2");
	CHECK(strstr(bi.error, "multiboot2: ") == bi.error);

	CHECK_EQ(bootinfo_parse(&bi, 0x12345678, INFO, fakemem_read, &mem), -1);
	CHECK_STR(bi.error, "boot: unknown boot loader magic 0x12345678 (expected 0x2badb002 for Multiboot1 or 0x36d76289 for Multiboot2)");
	CHECK_EQ(bi.nr_ranges, 0);
	CHECK_EQ(bi.nr_modules, 0);
}

/* Random memory under every flag: the parser may succeed or fail, but it
 * must not crash, and a failure must say why. */
static void test_fuzz(void)
{
	uint64_t rng = 0x1badb002;
	unsigned bad = 0, ok = 0;

	for (int round = 0; round < 3000; round++) {
		build_full();
		/* Mutate a valid structure, or start from noise. */
		int noise = round % 3 == 0;
		unsigned n = noise ? SIZE : 1 + (unsigned)(fuzz_next(&rng) % 8);
		for (unsigned i = 0; i < n; i++) {
			uint64_t r = fuzz_next(&rng);
			uint32_t at = noise ? i : (uint32_t)(r % 0x1900);
			mem.bytes[at] = (uint8_t)(r >> 32);
		}
		/* Pointers aimed at the edges of memory. */
		if (round % 5 == 1)
			fakemem_put32(&mem, INFO + 4 * (fuzz_next(&rng) % 17),
				      BASE + SIZE - (uint32_t)(fuzz_next(&rng) % 64));
		int r = parse();
		if (r == 0)
			ok++;
		if (r != 0 && (r != -1 || bi.error[0] == '\0'))
			bad++;
		if (r == 0 && (bi.nr_ranges > BOOT_MAX_RANGES || bi.nr_modules > BOOT_MAX_MODULES ||
			       !memchr(bi.cmdline, 0, sizeof(bi.cmdline))))
			bad++;
	}
	CHECK_EQ(bad, 0);
	/* Both outcomes were reached, so the loop tested something. */
	CHECK(ok > 0);
	CHECK(ok < 3000);
}

UNIT_MAIN(
	UNIT(test_full),
	UNIT(test_nothing_flagged),
	UNIT(test_basic_memory),
	UNIT(test_module_without_string),
	UNIT(test_padded_mmap_entries),
	UNIT(test_info_unreadable),
	UNIT(test_cmdline_limits),
	UNIT(test_string_at_end_of_memory),
	UNIT(test_loader_name_too_long),
	UNIT(test_module_count),
	UNIT(test_module_errors),
	UNIT(test_mmap_errors),
	UNIT(test_too_many_ranges),
	UNIT(test_dispatch),
	UNIT(test_fuzz),
)
