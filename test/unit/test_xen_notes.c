/* The Xen ELF notes of a guest image (hv/elf/xen_notes.c), read out of
 * images built in a buffer: every kind of note, and notes that lie about
 * their sizes, run past their segment or sit outside the image. Each image
 * goes to the parser as an exact-size heap copy, so ASan sees any read past
 * its end. */
#include <stdbool.h>
#include <stdlib.h>

#include "unit.h"
#include "fakemem.h"
#include "elf/elf.h"
#include "elf/elf_check.h"
#include "elf/xen_notes.h"
#include "pvabi/elfnote.h"

#define NOTES_AT 0x100u          /* file offset of the first note segment */
#define IMG_MAX  0x4000u

static uint8_t img[IMG_MAX];
static uint32_t fill;            /* bytes of notes so far, from NOTES_AT */
static uint8_t *copy;            /* what the parser was last given */
static struct xen_notes n;
static char err[160];

static void put16(uint32_t off, uint16_t v)
{
	img[off] = (uint8_t)v;
	img[off + 1] = (uint8_t)(v >> 8);
}

static void put32(uint32_t off, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		img[off + i] = (uint8_t)(v >> 8 * i);
}

static void phdr(unsigned i, uint32_t type, uint32_t off, uint32_t filesz, uint32_t vaddr,
		 uint32_t memsz)
{
	uint32_t at = 52 + 32 * i;

	put32(at, type);
	put32(at + 4, off);
	put32(at + 8, vaddr);
	put32(at + 12, 0);
	put32(at + 16, filesz);
	put32(at + 20, memsz);
	put32(at + 24, PF_R | PF_X);
	put32(at + 28, 4);
}

/* An i386 executable with one loadable segment over its first NOTES_AT
 * bytes and phnum - 1 note segments, described when the image is parsed. */
static void start(unsigned phnum)
{
	memset(img, 0, sizeof(img));
	memcpy(img, ELFMAG, ELFMAG_LEN);
	img[EI_CLASS] = ELFCLASS32;
	img[EI_DATA] = ELFDATA2LSB;
	img[EI_VERSION] = EV_CURRENT;
	put16(16, ET_EXEC);
	put16(18, EM_386);
	put32(20, EV_CURRENT);
	put32(24, 0xc0000010);                   /* entry */
	put32(28, 52);                           /* phoff */
	put16(40, 52);
	put16(42, 32);
	put16(44, (uint16_t)phnum);
	phdr(0, PT_LOAD, 0, NOTES_AT, 0xc0000000, 0x2000);
	fill = 0;
}

static void room(uint64_t bytes)
{
	if (NOTES_AT + fill + bytes > IMG_MAX)
		abort();                         /* a broken test */
}

/* Append a note header alone, whatever its sizes say. */
static uint32_t note_header(uint32_t namesz, uint32_t descsz, uint32_t type)
{
	uint32_t at = NOTES_AT + fill;

	room(12);
	put32(at, namesz);
	put32(at + 4, descsz);
	put32(at + 8, type);
	fill += 12;
	return at;
}

/* Append a whole note, name and descriptor padded to 4 bytes; returns its
 * file offset. */
static uint32_t note_raw(uint32_t namesz, const void *name, uint32_t type, const void *desc,
			 uint32_t descsz)
{
	uint32_t np = (namesz + 3) & ~3u, dp = (descsz + 3) & ~3u;

	room(12ull + np + dp);
	uint32_t at = note_header(namesz, descsz, type);
	memcpy(img + at + 12, name, namesz);
	memcpy(img + at + 12 + np, desc, descsz);
	fill += np + dp;
	return at;
}

static uint32_t note_str(uint32_t type, const char *s)
{
	return note_raw(4, "Xen", type, s, (uint32_t)strlen(s) + 1);
}

static uint32_t note_u32(uint32_t type, uint32_t v)
{
	uint8_t b[4];

	for (int i = 0; i < 4; i++)
		b[i] = (uint8_t)(v >> 8 * i);
	return note_raw(4, "Xen", type, b, 4);
}

static uint32_t note_u64(uint32_t type, uint64_t v)
{
	uint8_t b[8];

	for (int i = 0; i < 8; i++)
		b[i] = (uint8_t)(v >> 8 * i);
	return note_raw(4, "Xen", type, b, 8);
}

/* Parse the first len bytes of the image, its note segment (program
 * header 1) at seg_off/seg_size; elf_check must accept the image first. */
static int parse_image(uint32_t seg_off, uint32_t seg_size, size_t len)
{
	char why[160];

	phdr(1, PT_NOTE, seg_off, seg_size, 0, 0);
	free(copy);
	copy = malloc(len ? len : 1);
	memcpy(copy, img, len);
	if (elf_check(copy, len, NULL, why, sizeof(why)) < 0) {
		printf("#   elf_check refused the test image: %s\n", why);
		unit_failed_checks++;
		return -2;
	}
	memset(&n, 0xcc, sizeof(n));             /* the parser must clear it */
	memset(err, 0, sizeof(err));
	return xen_notes_parse(copy, len, &n, err, sizeof(err));
}

static int parse(void)
{
	return parse_image(NOTES_AT, fill, NOTES_AT + fill);
}

/* err names the note at file offset at. */
#define CHECK_ERR_AT(at, words) check_err_at((at), (words), __LINE__)
static void check_err_at(uint32_t at, const char *words, int line)
{
	char want[64];

	snprintf(want, sizeof(want), "note at file offset 0x%x: ", at);
	if (strncmp(err, want, strlen(want)) != 0 || !strstr(err, words)) {
		printf("#   %s:%d: error \"%s\", expected \"%s...%s...\"\n", __FILE__, line,
		       err, want, words);
		unit_failed_checks++;
	}
}

#define SEEN(type) XEN_NOTE_SEEN(&n, (type))

static void test_no_notes(void)
{
	start(2);
	CHECK_EQ(parse(), 0);
	CHECK_EQ(n.seen, 0);
	CHECK_EQ(n.entry, 0);
	CHECK_EQ(n.hypercall_page, 0);
	CHECK_STR(n.guest_os, "");
	CHECK_STR(n.features, "");
	/* Nor any note segment at all. */
	start(1);
	free(copy);
	copy = malloc(NOTES_AT);
	memcpy(copy, img, NOTES_AT);
	CHECK_EQ(elf_check(copy, NOTES_AT, NULL, NULL, 0), 0);
	CHECK_EQ(xen_notes_parse(copy, NOTES_AT, &n, err, sizeof(err)), 0);
	CHECK_EQ(n.seen, 0);
}

static void test_every_kind(void)
{
	start(2);
	note_str(XEN_ELFNOTE_GUEST_OS, "Mini-OS");
	note_str(XEN_ELFNOTE_XEN_VERSION, "xen-3.0");
	note_str(XEN_ELFNOTE_LOADER, "generic");
	note_str(XEN_ELFNOTE_PAE_MODE, "yes");
	note_str(XEN_ELFNOTE_FEATURES, "!writable_page_tables|pae_pgdir_above_4gb");
	note_u32(XEN_ELFNOTE_ENTRY, 0xc0000010);
	note_u64(XEN_ELFNOTE_VIRT_BASE, 0xc0000000);
	note_u32(XEN_ELFNOTE_PADDR_OFFSET, 0);
	note_u64(XEN_ELFNOTE_HYPERCALL_PAGE, 0xc0001000);
	CHECK_EQ(parse(), 0);
	CHECK_STR(n.guest_os, "Mini-OS");
	CHECK_STR(n.xen_version, "xen-3.0");
	CHECK_STR(n.loader, "generic");
	CHECK_STR(n.pae_mode, "yes");
	CHECK_STR(n.features, "!writable_page_tables|pae_pgdir_above_4gb");
	CHECK_EQ(n.entry, 0xc0000010);
	CHECK_EQ(n.virt_base, 0xc0000000);
	CHECK_EQ(n.paddr_offset, 0);
	CHECK_EQ(n.hypercall_page, 0xc0001000);
	uint32_t all = 0;
	uint32_t types[] = { 1, 2, 3, 4, 5, 6, 8, 9, 10 };
	for (unsigned i = 0; i < 9; i++)
		all |= 1u << types[i];
	CHECK_EQ(n.seen, all);
	CHECK(SEEN(XEN_ELFNOTE_PADDR_OFFSET));   /* seen although 0 */
	CHECK(!SEEN(XEN_ELFNOTE_INFO));
	CHECK(!SEEN(XEN_ELFNOTE_GUEST_VERSION));
}

static void test_strings(void)
{
	char s[80];

	memset(s, 'a', sizeof(s));
	s[63] = '\0';                            /* 63 characters and the NUL: 64 bytes */
	start(2);
	note_str(XEN_ELFNOTE_GUEST_OS, s);
	note_str(XEN_ELFNOTE_LOADER, "");        /* one byte, the NUL */
	note_raw(4, "Xen", XEN_ELFNOTE_PAE_MODE, "yes\0junk", 9);   /* ends in NUL */
	CHECK_EQ(parse(), 0);
	CHECK_EQ(strlen(n.guest_os), 63);
	CHECK(SEEN(XEN_ELFNOTE_LOADER));
	CHECK_STR(n.loader, "");
	CHECK_STR(n.pae_mode, "yes");

	s[63] = 'a';
	s[64] = '\0';                            /* 65 bytes */
	start(2);
	uint32_t at = note_str(XEN_ELFNOTE_GUEST_OS, s);
	CHECK_EQ(parse(), -1);
	CHECK_ERR_AT(at, "NUL");

	start(2);
	note_str(XEN_ELFNOTE_GUEST_OS, "ok");
	at = note_raw(4, "Xen", XEN_ELFNOTE_XEN_VERSION, "xen-3.0", 7);   /* no NUL */
	CHECK_EQ(parse(), -1);
	CHECK_ERR_AT(at, "NUL");

	start(2);
	at = note_raw(4, "Xen", XEN_ELFNOTE_FEATURES, "", 0);
	CHECK_EQ(parse(), -1);
	CHECK_ERR_AT(at, "NUL");

	/* 64 bytes without a NUL among them: the slot would be unterminated. */
	memset(s, 'b', 64);
	start(2);
	at = note_raw(4, "Xen", XEN_ELFNOTE_LOADER, s, 64);
	CHECK_EQ(parse(), -1);
	CHECK_ERR_AT(at, "NUL");
}

static void test_numbers(void)
{
	start(2);
	note_u64(XEN_ELFNOTE_ENTRY, 0xffffffffull);
	note_u32(XEN_ELFNOTE_VIRT_BASE, 0xffffffffu);
	CHECK_EQ(parse(), 0);
	CHECK_EQ(n.entry, 0xffffffffu);
	CHECK_EQ(n.virt_base, 0xffffffffu);

	uint64_t high[] = { 1ull << 32, 0xffffffff00000000ull, 0x80000000c0000000ull,
			    0xffffffffffffffffull };
	for (unsigned i = 0; i < 4; i++) {
		start(2);
		note_u32(XEN_ELFNOTE_ENTRY, 0xc0000000);
		uint32_t at = note_u64(XEN_ELFNOTE_HYPERCALL_PAGE, high[i]);
		CHECK_EQ(parse(), -1);
		CHECK_ERR_AT(at, "4 GiB");
	}
	uint32_t sizes[] = { 0, 1, 2, 3, 5, 6, 7, 9, 12, 16 };
	uint8_t zero[16] = { 0 };
	for (unsigned i = 0; i < 10; i++) {
		start(2);
		uint32_t at = note_raw(4, "Xen", XEN_ELFNOTE_PADDR_OFFSET, zero, sizes[i]);
		CHECK_EQ(parse(), -1);
		CHECK_ERR_AT(at, "4- or 8-byte");
	}
}

static void test_other_names_and_types_skipped(void)
{
	/* Under any other name, even a note that would be malformed as a
	 * Xen note is someone else's business. */
	struct { uint32_t namesz; const char *name; } names[] = {
		{ 4, "GNU" }, { 4, "XEN" }, { 4, "xen" }, { 3, "Xen" }, { 5, "Xen\0" },
		{ 0, "" }, { 2, "Xe" }, { 8, "Xen\0Xen" }, { 4, "Xe\0n" }, { 4, "Xenx" },
	};
	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		start(2);
		note_raw(names[i].namesz, names[i].name, XEN_ELFNOTE_ENTRY, "abc", 3);
		note_raw(names[i].namesz, names[i].name, XEN_ELFNOTE_GUEST_OS, "no NUL", 6);
		note_u32(XEN_ELFNOTE_ENTRY, 0x1234);
		int rc = parse();
		if (rc != 0)
			printf("#   name %u (\"%s\", %u bytes): %d, %s\n", i, names[i].name,
			       names[i].namesz, rc, err);
		CHECK_EQ(rc, 0);
		CHECK_EQ(n.seen, 1u << XEN_ELFNOTE_ENTRY);
		CHECK_EQ(n.entry, 0x1234);
		CHECK_STR(n.guest_os, "");
	}
	/* Xen notes of types this parser does not know, with any payload. */
	uint32_t types[] = { XEN_ELFNOTE_INFO, XEN_ELFNOTE_GUEST_VERSION, XEN_ELFNOTE_BSD_SYMTAB,
			     XEN_ELFNOTE_HV_START_LOW, XEN_ELFNOTE_SUSPEND_CANCEL, 19, 20, 31, 32,
			     33, 64, 0x80000000u, 0xffffffffu };
	start(2);
	for (unsigned i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		note_raw(4, "Xen", types[i], "xyz", 3);
	note_u64(XEN_ELFNOTE_HV_START_LOW, 0xf5800000ull << 8);
	CHECK_EQ(parse(), 0);
	CHECK_EQ(n.seen, 0);
}

static void test_notes_running_past_their_segment(void)
{
	/* A descriptor one byte longer than what is left. */
	start(2);
	note_str(XEN_ELFNOTE_LOADER, "generic");
	uint32_t at = note_u32(XEN_ELFNOTE_ENTRY, 0xc0000000);
	put32(at + 4, 5);
	CHECK_EQ(parse(), -1);
	CHECK_ERR_AT(at, "runs past");

	/* A name longer than the segment. */
	start(2);
	at = note_str(XEN_ELFNOTE_LOADER, "generic");
	put32(at, fill + 1);
	CHECK_EQ(parse(), -1);
	CHECK_ERR_AT(at, "runs past");

	/* The segment ends inside a descriptor, inside its padding, inside
	 * the next header: only the last is taken for padding. */
	start(2);
	note_str(XEN_ELFNOTE_LOADER, "generic");
	at = note_raw(4, "Xen", XEN_ELFNOTE_PAE_MODE, "yes!", 5);
	CHECK_EQ(parse_image(NOTES_AT, fill - 4, NOTES_AT + fill), -1);
	CHECK_ERR_AT(at, "runs past");
	CHECK_EQ(parse_image(NOTES_AT, fill - 1, NOTES_AT + fill), -1);
	CHECK_ERR_AT(at, "runs past");
	uint32_t end = fill;
	note_u32(XEN_ELFNOTE_ENTRY, 1);
	CHECK_EQ(parse_image(NOTES_AT, end + 11, NOTES_AT + fill), 0);
	CHECK(!SEEN(XEN_ELFNOTE_ENTRY));
	CHECK_STR(n.pae_mode, "yes!");
	CHECK_EQ(parse_image(NOTES_AT, end + 12, NOTES_AT + fill), -1);
	CHECK_ERR_AT(NOTES_AT + end, "runs past");

	/* The same segment as a whole is fine. */
	CHECK_EQ(parse(), 0);
	CHECK_EQ(n.entry, 1);
}

static void test_sizes_that_overflow_when_padded(void)
{
	uint32_t huge[] = { 0xffffffffu, 0xfffffffeu, 0xfffffffdu, 0xfffffffcu, 0x80000000u,
			    0x7fffffffu, 0x100u };
	for (unsigned i = 0; i < 7; i++) {
		for (unsigned which = 0; which < 3; which++) {
			start(2);
			note_str(XEN_ELFNOTE_GUEST_OS, "first");
			uint32_t at = note_header(which & 1 ? 4 : huge[i], which ? huge[i] : 4,
						  XEN_ELFNOTE_ENTRY);
			memcpy(img + at + 12, "Xen", 4);
			put32(at + 16, 0xc0000000);
			fill += 8;
			if (which == 2)
				put32(at, huge[i]);          /* both */
			int rc = parse();
			if (rc != -1)
				printf("#   sizes 0x%x (which %u): %d\n", huge[i], which, rc);
			CHECK_EQ(rc, -1);
			CHECK_ERR_AT(at, "runs past");
		}
	}
	/* The two padded sizes together overflow 32 bits. */
	start(2);
	uint32_t at = note_header(0x80000000u, 0x80000000u, XEN_ELFNOTE_ENTRY);
	fill += 16;
	CHECK_EQ(parse(), -1);
	CHECK_ERR_AT(at, "runs past");
}

static void test_note_segment_outside_the_image(void)
{
	start(2);
	note_str(XEN_ELFNOTE_LOADER, "generic");
	size_t len = NOTES_AT + fill;
	struct { uint32_t off, size; int rc; } cases[] = {
		{ NOTES_AT, fill, 0 },
		{ (uint32_t)len, 0, 0 },                 /* empty, at the very end */
		{ (uint32_t)len + 1, 0, -1 },
		{ NOTES_AT, fill + 1, -1 },
		{ (uint32_t)len - 4, 8, -1 },
		{ 0xfffffff0u, 0x20, -1 },               /* offset + size wraps */
		{ NOTES_AT, 0xffffffffu, -1 },
		{ 0xffffffffu, 0xffffffffu, -1 },
		{ 0x80000000u, 0x80000000u, -1 },
	};
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int rc = parse_image(cases[i].off, cases[i].size, len);
		if (rc != cases[i].rc)
			printf("#   segment 0x%x+0x%x: %d (%s)\n", cases[i].off, cases[i].size,
			       rc, err);
		CHECK_EQ(rc, cases[i].rc);
		if (cases[i].rc < 0)
			CHECK(strncmp(err, "program header 1: ", 18) == 0);
	}
	/* The image ending before the segment does. */
	CHECK_EQ(parse_image(NOTES_AT, fill, len - 1), -1);
	CHECK(strstr(err, "runs past the end of the") != NULL);
}

static void test_several_segments(void)
{
	start(3);
	note_str(XEN_ELFNOTE_LOADER, "generic");
	uint32_t first = fill;
	note_u32(XEN_ELFNOTE_ENTRY, 0xc0000100);
	phdr(2, PT_NOTE, NOTES_AT + first, fill - first, 0, 0);
	CHECK_EQ(parse_image(NOTES_AT, first, NOTES_AT + fill), 0);
	CHECK_STR(n.loader, "generic");
	CHECK_EQ(n.entry, 0xc0000100);

	/* A bad note in the second segment is found too. */
	put32(NOTES_AT + first + 4, 3);
	CHECK_EQ(parse_image(NOTES_AT, first, NOTES_AT + fill), -1);
	CHECK_ERR_AT(NOTES_AT + first, "4- or 8-byte");

	/* Program headers of other types are not notes. */
	put32(NOTES_AT + first + 4, 4);
	phdr(2, PT_NULL, 0xffffffffu, 0xffffffffu, 0, 0);
	CHECK_EQ(parse_image(NOTES_AT, first, NOTES_AT + fill), 0);
	CHECK(!SEEN(XEN_ELFNOTE_ENTRY));
}

static void test_later_note_wins(void)
{
	start(2);
	note_u32(XEN_ELFNOTE_ENTRY, 1);
	note_str(XEN_ELFNOTE_GUEST_OS, "a-long-name");
	note_u64(XEN_ELFNOTE_ENTRY, 2);
	note_str(XEN_ELFNOTE_GUEST_OS, "short");
	CHECK_EQ(parse(), 0);
	CHECK_EQ(n.entry, 2);
	CHECK_STR(n.guest_os, "short");
}

static void test_error_buffer(void)
{
	start(2);
	note_raw(4, "Xen", XEN_ELFNOTE_ENTRY, "abc", 3);
	CHECK_EQ(parse(), -1);
	/* A small buffer gets a terminated prefix; none at all is fine. */
	char *small = malloc(8);
	CHECK_EQ(xen_notes_parse(copy, NOTES_AT + fill, &n, small, 8), -1);
	CHECK_EQ(strlen(small), 7);
	CHECK(strncmp(small, err, 7) == 0);
	free(small);
	CHECK_EQ(xen_notes_parse(copy, NOTES_AT + fill, &n, NULL, 0), -1);
}

static void test_unaligned_image(void)
{
	start(2);
	note_str(XEN_ELFNOTE_GUEST_OS, "odd");
	note_raw(4, "Xen", XEN_ELFNOTE_LOADER, "g\0", 2);
	note_u64(XEN_ELFNOTE_VIRT_BASE, 0x40000000);
	size_t len = NOTES_AT + fill;
	phdr(1, PT_NOTE, NOTES_AT, fill, 0, 0);
	uint8_t *buf = malloc(len + 3);
	for (unsigned shift = 1; shift < 4; shift++) {
		memcpy(buf + shift, img, len);
		CHECK_EQ(elf_check(buf + shift, len, NULL, NULL, 0), 0);
		CHECK_EQ(xen_notes_parse(buf + shift, len, &n, err, sizeof(err)), 0);
		CHECK_STR(n.guest_os, "odd");
		CHECK_STR(n.loader, "g");
		CHECK_EQ(n.virt_base, 0x40000000);
	}
	free(buf);
}

/* ---- fuzzing ---- */

/* Where a note type lands, by pvabi/elfnote.h: a string, a number, or
 * nowhere. */
static char *want_string(struct xen_notes *w, uint32_t type)
{
	switch (type) {
	case XEN_ELFNOTE_GUEST_OS: return w->guest_os;
	case XEN_ELFNOTE_XEN_VERSION: return w->xen_version;
	case XEN_ELFNOTE_LOADER: return w->loader;
	case XEN_ELFNOTE_PAE_MODE: return w->pae_mode;
	case XEN_ELFNOTE_FEATURES: return w->features;
	default: return NULL;
	}
}

static uint32_t *want_number(struct xen_notes *w, uint32_t type)
{
	switch (type) {
	case XEN_ELFNOTE_ENTRY: return &w->entry;
	case XEN_ELFNOTE_VIRT_BASE: return &w->virt_base;
	case XEN_ELFNOTE_PADDR_OFFSET: return &w->paddr_offset;
	case XEN_ELFNOTE_HYPERCALL_PAGE: return &w->hypercall_page;
	default: return NULL;
	}
}

static const uint32_t string_types[] = { 5, 6, 8, 9, 10 };
static const uint32_t number_types[] = { 1, 2, 3, 4 };
static const uint32_t other_types[] = { 0, 7, 11, 12, 13, 17, 19, 20, 31, 32, 100, 0xffffffffu };
#define KNOWN_TYPES 0x77eu              /* 1-6 and 8-10 */

/* Append one random note of a known kind. Returns whether it is malformed;
 * a well-formed one is applied to *w as the parser should. */
static bool random_note(uint64_t *st, struct xen_notes *w, uint32_t *at)
{
	uint64_t r = fuzz_next(st);
	uint8_t desc[128];
	uint32_t type, len = (uint32_t)(r >> 8) % 64;

	for (unsigned i = 0; i < sizeof(desc); i++)
		desc[i] = (uint8_t)(' ' + (fuzz_next(st) % 95));
	switch (r % 10) {
	case 0:
	case 1:                                   /* a string */
		type = string_types[(r >> 16) % 5];
		desc[len] = '\0';
		if (len > 2 && (r & 0x1000000))
			desc[len / 2] = '\0';
		*at = note_raw(4, "Xen", type, desc, len + 1);
		memcpy(want_string(w, type), desc, len + 1);
		break;
	case 2:                                   /* a number, 4 bytes */
	case 3:                                   /* a number, 8 bytes below 4 GiB */
		type = number_types[(r >> 16) % 4];
		*at = r % 10 == 2 ? note_u32(type, (uint32_t)(r >> 32))
				  : note_u64(type, (uint32_t)(r >> 32));
		*want_number(w, type) = (uint32_t)(r >> 32);
		break;
	case 4:                                   /* a number at or above 4 GiB */
		*at = note_u64(number_types[(r >> 16) % 4], (r >> 16) | 1ull << 32);
		return true;
	case 5:                                   /* a string without its NUL */
		*at = note_raw(4, "Xen", string_types[(r >> 16) % 5], desc, len + 1);
		return true;
	case 6:                                   /* a string too long */
		desc[64 + len] = '\0';
		*at = note_raw(4, "Xen", string_types[(r >> 16) % 5], desc, 65 + len);
		return true;
	case 7: {                                 /* a number of another size */
		static const uint32_t sizes[] = { 0, 1, 2, 3, 5, 6, 7, 9, 12, 16 };
		*at = note_raw(4, "Xen", number_types[(r >> 16) % 4], desc, sizes[len % 10]);
		return true;
	}
	case 8:                                   /* someone else's note */
		*at = note_raw(4, (r & 0x10000) ? "GNU" : "XEN", (uint32_t)(r >> 40) % 12, desc,
			       len % 7);
		return false;
	default:                                  /* a type nobody knows */
		*at = note_raw(4, "Xen", other_types[(r >> 16) % 12], desc, len);
		return false;
	}
	w->seen |= 1u << type;
	return false;
}

/* Notes built with known outcomes: the parser must agree on each. */
static void test_fuzz_generated(void)
{
	uint64_t st = 0x13198a2e03707344ull;
	unsigned wrong = 0, accepted = 0, refused = 0;

	for (unsigned iter = 0; iter < 20000; iter++) {
		struct xen_notes w;
		memset(&w, 0, sizeof(w));
		start(2);
		unsigned count = (unsigned)(fuzz_next(&st) % 9);
		uint32_t bad_at = 0;
		bool bad = false;
		for (unsigned i = 0; i < count; i++) {
			uint32_t at;
			bool b = random_note(&st, bad ? &(struct xen_notes){ 0 } : &w, &at);
			if (b && !bad)
				bad_at = at;
			bad |= b;
		}
		/* Up to 11 bytes after the last note are too few for a note. */
		uint32_t tail = (uint32_t)(fuzz_next(&st) % 12);
		room(tail);
		for (uint32_t i = 0; i < tail; i++)
			img[NOTES_AT + fill + i] = (uint8_t)fuzz_next(&st);
		int rc = parse_image(NOTES_AT, fill + tail, NOTES_AT + fill + tail);
		bool ok = rc == (bad ? -1 : 0);
		if (ok && bad) {
			char want[48];
			snprintf(want, sizeof(want), "note at file offset 0x%x: ", bad_at);
			ok = strncmp(err, want, strlen(want)) == 0;
		}
		if (ok && !bad) {
			ok = n.seen == w.seen;
			for (unsigned i = 0; i < 5; i++) {
				uint32_t t = string_types[i];
				ok = ok && strcmp(want_string(&n, t), want_string(&w, t)) == 0;
			}
			for (unsigned i = 0; i < 4; i++) {
				uint32_t t = number_types[i];
				ok = ok && *want_number(&n, t) == *want_number(&w, t);
			}
		}
		if (!ok && wrong++ < 5)
			printf("#   iteration %u: %d notes, %s expected, got %d (%s)\n", iter,
			       count, bad ? "refusal" : "success", rc, err);
		accepted += rc == 0;
		refused += rc == -1;
	}
	CHECK_EQ(wrong, 0);
	CHECK(accepted > 2000);
	CHECK(refused > 2000);
}

/* Garbage: whatever the bytes, 0 or -1 with a reason, nothing read outside
 * the image, and on success every string terminated. */
static void test_fuzz_mutated(void)
{
	uint64_t st = 0xa4093822299f31d0ull;
	unsigned wrong = 0, accepted = 0, refused = 0;

	for (unsigned iter = 0; iter < 30000; iter++) {
		struct xen_notes scratch;
		uint32_t at;
		start(2);
		unsigned count = 1 + (unsigned)(fuzz_next(&st) % 6);
		for (unsigned i = 0; i < count; i++)
			random_note(&st, &scratch, &at);
		uint32_t seg_off = NOTES_AT, seg_size = fill;
		size_t len = NOTES_AT + fill;
		uint64_t how = fuzz_next(&st);
		unsigned flips = 1 + (unsigned)(how % 8);
		for (unsigned i = 0; i < flips && fill; i++) {
			uint64_t r = fuzz_next(&st);
			uint32_t off = NOTES_AT + (uint32_t)(r % fill);
			if (r & 0x100000)
				img[off] ^= (uint8_t)(1u << ((r >> 8) % 8));
			else if (r & 0x200000)
				put32(off & ~3u, (uint32_t)(r >> 32));      /* a whole field */
			else
				img[off] = (uint8_t)(r >> 24);
		}
		if (how & 0x100)
			seg_size = (uint32_t)(fuzz_next(&st) % (fill + 16));
		if (how & 0x200)
			seg_off = NOTES_AT + (uint32_t)(fuzz_next(&st) % (fill + 8)) - 4;
		if (how & 0x400)
			len = NOTES_AT + (size_t)(fuzz_next(&st) % (fill + 1));
		int rc = parse_image(seg_off, seg_size, len);
		bool ok = rc == 0 || rc == -1;
		if (rc == -1)
			ok = strncmp(err, "note at file offset 0x", 22) == 0 ||
			     strncmp(err, "program header 1: ", 18) == 0;
		if (rc == 0) {
			ok = (n.seen & ~KNOWN_TYPES) == 0;
			for (unsigned i = 0; i < 5; i++)
				ok = ok && memchr(want_string(&n, string_types[i]), 0,
						  XEN_NOTE_STR_MAX);
		}
		if (!ok && wrong++ < 5)
			printf("#   iteration %u: returned %d (%s)\n", iter, rc, err);
		accepted += rc == 0;
		refused += rc == -1;
	}
	CHECK_EQ(wrong, 0);
	CHECK(accepted > 1000);
	CHECK(refused > 1000);
}

UNIT_MAIN(
	UNIT(test_no_notes),
	UNIT(test_every_kind),
	UNIT(test_strings),
	UNIT(test_numbers),
	UNIT(test_other_names_and_types_skipped),
	UNIT(test_notes_running_past_their_segment),
	UNIT(test_sizes_that_overflow_when_padded),
	UNIT(test_note_segment_outside_the_image),
	UNIT(test_several_segments),
	UNIT(test_later_note_wins),
	UNIT(test_error_buffer),
	UNIT(test_unaligned_image),
	UNIT(test_fuzz_generated),
	UNIT(test_fuzz_mutated)
)
