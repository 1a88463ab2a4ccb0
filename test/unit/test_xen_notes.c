/* The Xen ELF notes of a guest image (hv/elf/xen_notes.c), read out of
 * images built in a buffer: every kind of note, and notes that lie about
 * their sizes, run past their segment or sit outside the image. Each image
 * goes to the parser as an exact-size heap copy, so ASan sees any read past
 * its end. */
#include "xen_notes_image.h"

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
	uint32_t types[] = { XEN_ELFNOTE_INFO, XEN_ELFNOTE_GUEST_VERSION,
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

UNIT_MAIN(UNIT(test_no_notes), UNIT(test_every_kind), UNIT(test_strings), UNIT(test_numbers),
	  UNIT(test_other_names_and_types_skipped), UNIT(test_notes_running_past_their_segment),
	  UNIT(test_sizes_that_overflow_when_padded), UNIT(test_note_segment_outside_the_image),
	  UNIT(test_several_segments), UNIT(test_later_note_wins), UNIT(test_error_buffer),
	  UNIT(test_unaligned_image))
