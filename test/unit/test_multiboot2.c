/* Multiboot2 parsing over fake physical memory. */
#include "unit.h"
#include "fakemem.h"
#include "boot/bootinfo.h"

#define BASE  0x100000u
#define SIZE  0x20000u
#define INFO  0x101000u
#define LIMIT 0x1f000u   /* how much room the structure has in memory */

static struct bootinfo bi;
static struct fakemem mem;
static uint32_t fill;    /* where the next tag goes, from INFO */

static void start(void)
{
	fakemem_free(&mem);
	fakemem_init(&mem, BASE, SIZE);
	fill = 8;
}

/* Append a tag with the given body; returns its offset. */
static uint32_t tag(uint32_t type, const void *body, uint32_t len)
{
	uint32_t off = fill;

	fakemem_put32(&mem, INFO + off, type);
	fakemem_put32(&mem, INFO + off + 4, 8 + len);
	if (len)
		memcpy(fakemem_at(&mem, INFO + off + 8, len), body, len);
	fill = off + ((8 + len + 7) & ~7u);
	return off;
}

static uint32_t tag_string(uint32_t type, const char *s)
{
	return tag(type, s, (uint32_t)strlen(s) + 1);
}

static uint32_t tag_module(uint32_t mstart, uint32_t mend, const char *s)
{
	uint8_t body[2048];
	size_t n = strlen(s) + 1;

	memcpy(body, &mstart, 4);
	memcpy(body + 4, &mend, 4);
	memcpy(body + 8, s, n);
	return tag(3, body, (uint32_t)(8 + n));
}

static uint32_t tag_basic(uint32_t lower, uint32_t upper)
{
	uint32_t body[2] = { lower, upper };

	return tag(4, body, sizeof(body));
}

struct entry { uint64_t base, len; uint32_t type; };

/* A memory map tag with entries of entry_size bytes (padding zeroed). */
static uint32_t tag_mmap(uint32_t entry_size, const struct entry *e, unsigned n)
{
	static uint8_t body[8 + 256 * 64];

	memset(body, 0, sizeof(body));
	memcpy(body, &entry_size, 4);
	for (unsigned i = 0; i < n; i++) {
		uint8_t *p = body + 8 + i * entry_size;
		memcpy(p, &e[i].base, 8);
		memcpy(p + 8, &e[i].len, 8);
		memcpy(p + 16, &e[i].type, 4);
	}
	return tag(6, body, 8 + n * entry_size);
}

/* Close with an end tag and record total_size. */
static void finish(void)
{
	tag(0, NULL, 0);
	fakemem_put32(&mem, INFO, fill);
	fakemem_put32(&mem, INFO + 4, 0);
}

static const struct entry qemu_map[] = {
	{ 0, 0x9fc00, 1 },
	{ 0x9fc00, 0x400, 2 },
	{ 0xf0000, 0x10000, 2 },
	{ 0x100000, 0x7ee0000, 1 },
	{ 0xfffc0000, 0x40000, 2 },
};

/* Roughly what GRUB hands over, unknown tags included. */
static void build_grub_like(void)
{
	uint8_t junk[20] = { 1, 2, 3 };

	start();
	tag_string(1, "ringlet.elf loglvl=debug");
	tag_string(2, "GRUB 2.06-13+deb12u1");
	tag_module(0x200000, 0x203000, "dom0.elf mem=64M");
	tag_module(0x203000, 0x203800, "");
	tag_basic(639, 130048);
	tag(5, junk, 12);            /* BIOS boot device */
	tag_mmap(24, qemu_map, 5);
	tag(8, junk, 20);            /* framebuffer, trimmed */
	tag(0x1234, junk, 3);        /* unknown, size not a multiple of 8 */
	finish();
}

static int parse(void)
{
	memset(&bi, 0xa5, sizeof(bi));
	return multiboot2_parse(&bi, INFO, fakemem_read, &mem);
}

static int fails_with(const char *want)
{
	int r = parse();

	if (r != -1 || !strstr(bi.error, want)) {
		printf("#   parse returned %d, error \"%s\", wanted \"%s\"\n", r, bi.error, want);
		return 0;
	}
	return 1;
}

static void test_grub_like(void)
{
	build_grub_like();
	CHECK_EQ(parse(), 0);
	CHECK_STR(bi.error, "");
	CHECK_STR(bi.protocol, "multiboot2");
	CHECK_STR(bi.cmdline, "ringlet.elf loglvl=debug");
	CHECK_STR(bi.loader_name, "GRUB 2.06-13+deb12u1");
	CHECK_EQ(bi.info_start, INFO);
	CHECK_EQ(bi.info_end, INFO + fill);
	CHECK_EQ(bi.nr_modules, 2);
	CHECK_EQ(bi.modules[0].start, 0x200000);
	CHECK_EQ(bi.modules[0].end, 0x203000);
	CHECK_STR(bi.modules[0].cmdline, "dom0.elf mem=64M");
	CHECK_STR(bi.modules[1].cmdline, "");
	/* The map wins over basic meminfo. */
	CHECK_EQ(bi.nr_ranges, 5);
	for (unsigned i = 0; i < 5; i++) {
		CHECK_EQ(bi.ranges[i].start, qemu_map[i].base);
		CHECK_EQ(bi.ranges[i].end, qemu_map[i].base + qemu_map[i].len);
		CHECK_EQ(bi.ranges[i].type, qemu_map[i].type);
	}
}

static void test_minimal(void)
{
	start();
	finish();
	CHECK_EQ(fill, 16);
	CHECK_EQ(parse(), 0);
	CHECK_STR(bi.cmdline, "");
	CHECK_STR(bi.loader_name, "");
	CHECK_EQ(bi.nr_ranges, 0);
	CHECK_EQ(bi.nr_modules, 0);
	CHECK_EQ(bi.info_end - bi.info_start, 16);
}

static void test_basic_meminfo(void)
{
	start();
	tag_basic(640, 0x3ff00);
	finish();
	CHECK_EQ(parse(), 0);
	CHECK_EQ(bi.nr_ranges, 2);
	CHECK_EQ(bi.ranges[0].start, 0);
	CHECK_EQ(bi.ranges[0].end, 640 * 1024);
	CHECK_EQ(bi.ranges[0].type, MEM_RAM);
	CHECK_EQ(bi.ranges[1].start, 0x100000);
	CHECK_EQ(bi.ranges[1].end, 0x100000 + 0x3ff00ull * 1024);

	/* A memory map after the basic tag still wins. */
	start();
	tag_basic(640, 0x3ff00);
	tag_mmap(24, qemu_map + 3, 1);
	finish();
	CHECK_EQ(parse(), 0);
	CHECK_EQ(bi.nr_ranges, 1);
	CHECK_EQ(bi.ranges[0].start, 0x100000);

	start();
	tag(4, "\x01\x00\x00\x00", 4);
	finish();
	CHECK(fails_with("multiboot2: basic memory information tag at offset 0x8 has size 12, less than 16"));
}

static void test_padded_mmap_entries(void)
{
	static const struct entry map[] = {
		{ 0x100000, 0x1000000, 1 }, { 0x2000000, 0x1000, 4 }, { 0, 0, 5 },
	};

	start();
	tag_mmap(40, map, 3);
	finish();
	/* Scribble in the padding: it must be skipped. */
	memset(fakemem_at(&mem, INFO + 8 + 16 + 24, 16), 0xff, 16);
	CHECK_EQ(parse(), 0);
	CHECK_EQ(bi.nr_ranges, 3);
	CHECK_EQ(bi.ranges[1].start, 0x2000000);
	CHECK_EQ(bi.ranges[1].type, MEM_NVS);
	CHECK_EQ(bi.ranges[2].type, MEM_BAD);
	CHECK_EQ(bi.ranges[2].end, 0);

	/* entry_version is not ours to police. */
	fakemem_put32(&mem, INFO + 20, 7);
	CHECK_EQ(parse(), 0);
}

static void test_header_errors(void)
{
	build_grub_like();
	memset(&bi, 0, sizeof(bi));
	CHECK_EQ(multiboot2_parse(&bi, INFO + 4, fakemem_read, &mem), -1);
	CHECK_STR(bi.error, "multiboot2: information structure at 0x101004 is not 8-byte aligned");
	CHECK_EQ(multiboot2_parse(&bi, 0x8000, fakemem_read, &mem), -1);
	CHECK_STR(bi.error, "multiboot2: information structure at 0x8000 is unreadable");
	/* The header fits at the very end of memory (and holds zeros). */
	CHECK_EQ(multiboot2_parse(&bi, BASE + SIZE - 8, fakemem_read, &mem), -1);
	CHECK_STR(bi.error, "multiboot2: total_size 0 is too small for the header and an end tag");

	fakemem_put32(&mem, INFO, 15);
	CHECK(fails_with("multiboot2: total_size 15 is too small for the header and an end tag"));
	fakemem_put32(&mem, INFO, 0);
	CHECK(fails_with("total_size 0 is too small"));
	fakemem_put32(&mem, INFO, (1u << 20) + 8);
	CHECK(fails_with("multiboot2: total_size 0x100008 is over the 0x100000 sanity limit"));
	fakemem_put32(&mem, INFO, 0xfffffff8);
	CHECK(fails_with("sanity limit"));
	/* Plausible, but more than memory holds. */
	fakemem_put32(&mem, INFO, 0x80000);
	CHECK(fails_with("multiboot2: information structure at 0x101000 (0x80000 bytes) is unreadable"));
}

static void test_tag_size_errors(void)
{
	char text[56];

	/* The example from the design: a module tag at 0x48 claiming 4 bytes. */
	start();
	memset(text, 'c', sizeof(text));
	text[sizeof(text) - 1] = '\0';
	CHECK_EQ(tag(1, text, sizeof(text)), 8);
	CHECK_EQ(fill, 0x48);
	fakemem_put32(&mem, INFO + 0x48, 3);
	fakemem_put32(&mem, INFO + 0x4c, 4);
	fill += 8;
	finish();
	CHECK(fails_with("multiboot2: tag 3 at offset 0x48 has size 4, smaller than its header"));

	fakemem_put32(&mem, INFO + 0x4c, 0);
	CHECK(fails_with("multiboot2: tag 3 at offset 0x48 has size 0, smaller than its header"));

	/* Running past total_size. */
	fakemem_put32(&mem, INFO + 0x4c, 0x100);
	CHECK(fails_with("multiboot2: tag 3 at offset 0x48 has size 256, running past total_size 0x58"));
	fakemem_put32(&mem, INFO + 0x4c, 0xfffffff8);
	CHECK(fails_with("has size 4294967288, running past total_size 0x58"));
}

static void test_missing_end_tag(void)
{
	/* Tags fill total_size exactly, with no end tag. */
	start();
	tag_string(1, "1234567");
	fakemem_put32(&mem, INFO, fill);
	CHECK(fails_with("multiboot2: no end tag before total_size 0x18"));

	/* The last tag's padding would go past total_size. */
	start();
	tag_string(1, "abc");
	fakemem_put32(&mem, INFO, fill - 4);
	CHECK(fails_with("multiboot2: no end tag before total_size 0x14"));

	/* Room for part of a header only. */
	start();
	tag_string(1, "1234567");
	fakemem_put32(&mem, INFO, fill + 4);
	CHECK(fails_with("multiboot2: no end tag before total_size 0x1c"));

	/* An end tag must have size 8. */
	start();
	tag(0, "12345678", 8);
	fakemem_put32(&mem, INFO, fill);
	CHECK(fails_with("multiboot2: end tag at offset 0x8 has size 16, not 8"));

	/* Anything after the end tag is not looked at. */
	start();
	tag_string(1, "early");
	tag(0, NULL, 0);
	tag(3, NULL, 0);
	memset(fakemem_at(&mem, INFO + fill, 64), 0xee, 64);
	fakemem_put32(&mem, INFO, fill + 64);
	CHECK_EQ(parse(), 0);
	CHECK_STR(bi.cmdline, "early");
	CHECK_EQ(bi.nr_modules, 0);
}

static void test_string_errors(void)
{
	static char big[BOOT_CMDLINE_MAX + 1];

	start();
	tag(1, "abc", 3);
	finish();
	CHECK(fails_with("multiboot2: command line (tag at offset 0x8) is not NUL-terminated"));

	start();
	tag(1, NULL, 0);
	finish();
	CHECK(fails_with("command line (tag at offset 0x8) is not NUL-terminated"));

	/* An embedded NUL ends the string early; that is fine. */
	start();
	tag(1, "ab\0cd", 5);
	finish();
	CHECK_EQ(parse(), 0);
	CHECK_STR(bi.cmdline, "ab");

	memset(big, 'x', BOOT_CMDLINE_MAX - 1);
	start();
	tag_string(1, big);
	finish();
	CHECK_EQ(parse(), 0);
	CHECK_EQ(strlen(bi.cmdline), BOOT_CMDLINE_MAX - 1);

	big[BOOT_CMDLINE_MAX - 1] = 'x';
	start();
	tag_string(1, big);
	finish();
	CHECK(fails_with("multiboot2: command line (tag at offset 0x8) is 1024 bytes long, more than the 1023 allowed"));
	big[BOOT_CMDLINE_MAX - 1] = '\0';

	start();
	tag_string(2, "a boot loader with a name far too long for the sixty-four bytes!");
	finish();
	CHECK(fails_with("multiboot2: boot loader name (tag at offset 0x8) is 64 bytes long, more than the 63 allowed"));
}

static void test_module_errors(void)
{
	static char big[BOOT_CMDLINE_MAX + 1];

	start();
	tag_module(0x300000, 0x2fffff, "x");
	finish();
	CHECK(fails_with("multiboot2: module 0 starts at 0x300000, after its end 0x2fffff"));

	/* Addresses but no room for even a NUL. */
	start();
	tag(3, "\0\0\x30\0\0\x10\x30\0", 8);
	finish();
	CHECK(fails_with("multiboot2: module tag at offset 0x8 has size 16, too small for a module"));
	start();
	tag(3, "\0\0\x30\0", 4);
	finish();
	CHECK(fails_with("module tag at offset 0x8 has size 12, too small"));

	start();
	tag(3, "\0\0\x30\0\0\x10\x30\0abc", 11);
	finish();
	CHECK(fails_with("multiboot2: module 0 string (tag at offset 0x8) is not NUL-terminated"));

	memset(big, 'm', BOOT_CMDLINE_MAX);
	start();
	tag_module(0, 0, "ok");
	tag_module(0, 0, big);
	finish();
	CHECK(fails_with("multiboot2: module 1 string (tag at offset 0x20) is 1024 bytes long, more than the 1023 allowed"));

	start();
	for (unsigned i = 0; i < BOOT_MAX_MODULES; i++)
		tag_module(0x1000 * i, 0x1000 * i + 0x800, "m");
	finish();
	CHECK_EQ(parse(), 0);
	CHECK_EQ(bi.nr_modules, BOOT_MAX_MODULES);
	CHECK_EQ(bi.modules[63].start, 0x3f000);

	fill -= 8;
	tag_module(0, 1, "one too many");
	finish();
	CHECK(fails_with("multiboot2: more than 64 modules"));
}

static void test_mmap_errors(void)
{
	static struct entry many[BOOT_MAX_RANGES + 1];
	static const struct entry wraps[] = { { 0xfffffffffffff000ull, 0x1000, 2 } };
	static const struct entry top[] = { { 0xfffffffffffff000ull, 0xfff, 2 } };

	start();
	tag_mmap(20, qemu_map, 2);
	finish();
	CHECK(fails_with("multiboot2: memory map tag at offset 0x8 has entry_size 20, not a multiple of 8 of at least 24"));
	start();
	tag_mmap(0, qemu_map, 0);
	finish();
	CHECK(fails_with("has entry_size 0, not a multiple of 8"));
	start();
	tag_mmap(28, qemu_map, 2);
	finish();
	CHECK(fails_with("has entry_size 28, not a multiple of 8"));

	/* An entry cut short. */
	start();
	tag_mmap(24, qemu_map, 3);
	fakemem_put32(&mem, INFO + 12, 8 + 8 + 3 * 24 - 4);
	finish();
	CHECK(fails_with("multiboot2: memory map tag at offset 0x8 holds 68 bytes of entries, not a multiple of entry_size 24"));

	start();
	tag(6, "\x18\0\0\0", 4);
	finish();
	CHECK(fails_with("multiboot2: memory map tag at offset 0x8 has size 12, too small for its header"));

	/* No entries at all is a valid, empty map. */
	start();
	tag_mmap(24, qemu_map, 0);
	tag_basic(640, 1024);
	finish();
	CHECK_EQ(parse(), 0);
	CHECK_EQ(bi.nr_ranges, 0);

	start();
	tag_mmap(24, wraps, 1);
	finish();
	CHECK(fails_with("multiboot2: memory range at 0xfffffffffffff000 with length 0x1000 wraps past 2^64"));
	start();
	tag_mmap(24, top, 1);
	finish();
	CHECK_EQ(parse(), 0);
	CHECK_EQ(bi.ranges[0].end, UINT64_MAX);

	for (unsigned i = 0; i <= BOOT_MAX_RANGES; i++)
		many[i] = (struct entry){ 0x1000ull * i, 0x1000, 1 };
	start();
	tag_mmap(24, many, BOOT_MAX_RANGES);
	finish();
	CHECK_EQ(parse(), 0);
	CHECK_EQ(bi.nr_ranges, BOOT_MAX_RANGES);
	start();
	tag_mmap(24, many, BOOT_MAX_RANGES + 1);
	finish();
	CHECK(fails_with("multiboot2: more than 128 memory ranges"));
}

static void test_duplicates(void)
{
	start();
	tag_string(1, "one");
	tag_string(1, "two");
	finish();
	CHECK(fails_with("multiboot2: second command line tag at offset 0x18"));

	start();
	tag_string(2, "one");
	tag_string(2, "two");
	finish();
	CHECK(fails_with("second boot loader name tag at offset 0x18"));

	start();
	tag_mmap(24, qemu_map, 1);
	tag_mmap(24, qemu_map, 1);
	finish();
	CHECK(fails_with("second memory map tag at offset 0x30"));

	start();
	tag_basic(1, 2);
	tag_basic(1, 2);
	finish();
	CHECK(fails_with("second basic memory information tag at offset 0x18"));
}

static void test_dispatch(void)
{
	build_grub_like();
	CHECK_EQ(bootinfo_parse(&bi, MULTIBOOT2_BOOTLOADER_MAGIC, INFO, fakemem_read, &mem), 0);
	CHECK_STR(bi.protocol, "multiboot2");
	CHECK_EQ(bi.nr_modules, 2);
	CHECK_EQ(bootinfo_parse(&bi, 0, INFO, fakemem_read, &mem), -1);
	CHECK_STR(bi.error, "boot: unknown boot loader magic 0x00000000 (expected 0x2badb002 for Multiboot1 or 0x36d76289 for Multiboot2)");
}

/* After a successful parse, everything must be within its limits. */
static int sane(void)
{
	if (bi.nr_ranges > BOOT_MAX_RANGES || bi.nr_modules > BOOT_MAX_MODULES)
		return 0;
	if (!memchr(bi.cmdline, 0, sizeof(bi.cmdline)) ||
	    !memchr(bi.loader_name, 0, sizeof(bi.loader_name)))
		return 0;
	for (unsigned i = 0; i < bi.nr_modules; i++) {
		if (bi.modules[i].start > bi.modules[i].end ||
		    !memchr(bi.modules[i].cmdline, 0, sizeof(bi.modules[i].cmdline)))
			return 0;
	}
	for (unsigned i = 0; i < bi.nr_ranges; i++) {
		if (bi.ranges[i].end < bi.ranges[i].start)
			return 0;
	}
	return bi.info_end > bi.info_start && bi.info_end - bi.info_start <= LIMIT;
}

/* A random but tag-shaped structure, so the walk gets deep. */
static void build_random_tags(uint64_t *rng)
{
	start();
	while (fill < 0x800 && fuzz_next(rng) % 16) {
		uint64_t r = fuzz_next(rng);
		uint32_t type = (uint32_t)(r % 10);
		uint32_t len = (uint32_t)(r >> 8) % 80;
		uint8_t body[80];
		for (uint32_t i = 0; i < len; i++)
			body[i] = (uint8_t)(fuzz_next(rng) % 4 ? fuzz_next(rng) : 0);
		if (type == 6 && len >= 8) {
			uint32_t es = (uint32_t)(r >> 20) % 3 ? 24 : (uint32_t)(r >> 24) % 48;
			memcpy(body, &es, 4);
		}
		tag(type, body, len);
	}
	if (fuzz_next(rng) % 8)
		finish();
	else
		fakemem_put32(&mem, INFO, fill);
	/* Sometimes lie about the total or about one tag's size. */
	uint64_t r = fuzz_next(rng);
	if (r % 7 == 0)
		fakemem_put32(&mem, INFO, (uint32_t)(r >> 8) % (fill + 64));
	if (r % 11 == 0)
		fakemem_put32(&mem, INFO + 12, (uint32_t)(r >> 16));
}

/* Random structures: the parser may accept or refuse them, but must not
 * crash, loop forever, or fail without saying why. */
static void test_fuzz(void)
{
	uint64_t rng = 0x36d76289;
	unsigned bad = 0, ok = 0, runs = 0;

	for (int round = 0; round < 6000; round++) {
		switch (round % 3) {
		case 0:
			build_random_tags(&rng);
			break;
		case 1:
			/* Byte mutations of a valid structure. */
			build_grub_like();
			for (unsigned n = 1 + fuzz_next(&rng) % 6; n; n--) {
				uint64_t r = fuzz_next(&rng);
				fakemem_at(&mem, INFO + r % fill, 1)[0] = (uint8_t)(r >> 40);
			}
			break;
		default:
			/* Noise with a small plausible total_size. */
			start();
			for (uint32_t i = 0; i < 0x400; i++)
				fakemem_at(&mem, INFO + i, 1)[0] = (uint8_t)fuzz_next(&rng);
			fakemem_put32(&mem, INFO, 16 + (uint32_t)(fuzz_next(&rng) % 0x3f0));
			break;
		}
		int r = parse();
		runs++;
		if (r == 0) {
			ok++;
			if (!sane())
				bad++;
		} else if (r != -1 || bi.error[0] == '\0') {
			bad++;
		}
	}
	CHECK_EQ(bad, 0);
	CHECK_EQ(runs, 6000);
	CHECK(ok > 100);
	CHECK(ok < runs);
}

UNIT_MAIN(
	UNIT(test_grub_like),
	UNIT(test_minimal),
	UNIT(test_basic_meminfo),
	UNIT(test_padded_mmap_entries),
	UNIT(test_header_errors),
	UNIT(test_tag_size_errors),
	UNIT(test_missing_end_tag),
	UNIT(test_string_errors),
	UNIT(test_module_errors),
	UNIT(test_mmap_errors),
	UNIT(test_duplicates),
	UNIT(test_dispatch),
	UNIT(test_fuzz),
)
