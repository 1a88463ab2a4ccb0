/* Xen notes found in SHT_NOTE sections when no PT_NOTE segment holds one
 * (hv/elf/xen_notes.c), the refusal messages of xen_notes_check, and the
 * BSD_SYMTAB table's plan and header (hv/elf/bsd_symtab.c): section tables
 * and sections that lie, wrap or run past the image, and random bytes. */
#include "xen_notes_image.h"
#include "elf/bsd_symtab.h"

#define SHT_AT 0x3000u                    /* file offset of the section table */
#define DATA_AT 0x3400u                   /* section contents built here */

static void sections(uint32_t nr)
{
	put32(32, SHT_AT);
	put16(46, 40);
	put16(48, (uint16_t)nr);
}

static void shdr(unsigned i, uint32_t type, uint32_t off, uint32_t size, uint32_t link)
{
	uint32_t at = SHT_AT + 40 * i;

	memset(img + at, 0, 40);
	put32(at + 4, type);
	put32(at + 16, off);
	put32(at + 20, size);
	put32(at + 24, link);
}

/* The whole image, with the note segment (if any) as program header 1
 * says; phnum 1 means no note segment at all. */
static int parse_all(void)
{
	free(copy);
	copy = malloc(IMG_MAX);
	memcpy(copy, img, IMG_MAX);
	CHECK_EQ(elf_check(copy, IMG_MAX, NULL, NULL, 0), 0);
	memset(&n, 0xcc, sizeof(n));
	err[0] = '\0';
	return xen_notes_parse(copy, IMG_MAX, &n, err, sizeof(err));
}

/* A guest's notes, in the note area from NOTES_AT, in section 1. */
static void guest_notes(void)
{
	note_str(XEN_ELFNOTE_XEN_VERSION, "xen-3.0");
	note_str(XEN_ELFNOTE_LOADER, "generic");
	note_str(XEN_ELFNOTE_PAE_MODE, "yes");
	note_u32(XEN_ELFNOTE_ENTRY, 0xc0000010);
	sections(2);
	shdr(1, SHT_NOTE, NOTES_AT, fill, 0);
}

static void test_notes_in_a_section_only(void)
{
	start(1);
	guest_notes();
	CHECK_EQ(parse_all(), 0);
	CHECK(n.from_sections);
	CHECK_EQ(n.nr_xen, 4);
	CHECK_STR(n.pae_mode, "yes");
	CHECK_EQ(n.entry, 0xc0000010);
	CHECK_EQ(xen_notes_check(&n, err, sizeof(err)), 0);

	/* A note segment holding only someone else's notes: the sections too. */
	start(2);
	guest_notes();
	uint32_t gnu = fill;
	note_raw(4, "GNU", 3, "abcd", 4);
	phdr(1, PT_NOTE, NOTES_AT + gnu, fill - gnu, 0, 0);
	CHECK_EQ(parse_all(), 0);
	CHECK(n.from_sections);
	CHECK_STR(n.loader, "generic");
}

static void test_segment_wins_over_sections(void)
{
	start(2);
	guest_notes();
	uint32_t seg = fill;
	note_str(XEN_ELFNOTE_PAE_MODE, "no");
	phdr(1, PT_NOTE, NOTES_AT + seg, fill - seg, 0, 0);
	CHECK_EQ(parse_all(), 0);
	CHECK(!n.from_sections);
	CHECK_EQ(n.nr_xen, 1);
	CHECK_STR(n.pae_mode, "no");
	CHECK(!SEEN(XEN_ELFNOTE_LOADER));
	/* Nor is a broken section table looked at then. */
	put16(46, 39);
	CHECK_EQ(parse_all(), 0);
}

static void test_bad_section_tables(void)
{
	struct { uint32_t shoff, entsize, shnum; const char *words; } cases[] = {
		{ SHT_AT, 39, 2, "section header size 39" },
		{ SHT_AT, 64, 2, "section header size 64" },
		{ IMG_MAX - 40, 40, 2, "runs past the end" },
		{ IMG_MAX, 40, 1, "runs past the end" },
		{ 0xffffffd8u, 40, 2, "runs past the end" },     /* wraps in 32 bits */
		{ 0xffffffffu, 40, 0xffff, "runs past the end" },
	};
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		start(1);
		guest_notes();
		put32(32, cases[i].shoff);
		put16(46, (uint16_t)cases[i].entsize);
		put16(48, (uint16_t)cases[i].shnum);
		CHECK_EQ(parse_all(), -1);
		if (!strstr(err, cases[i].words))
			printf("#   case %u: \"%s\"\n", i, err);
		CHECK(strstr(err, cases[i].words) != NULL);
	}
	/* No table at all (e_shoff or e_shnum 0): no notes, not an error. */
	start(1);
	guest_notes();
	put16(48, 0);
	CHECK_EQ(parse_all(), 0);
	CHECK_EQ(n.nr_xen, 0);
	put16(48, 2);
	put32(32, 0);
	CHECK_EQ(parse_all(), 0);
	CHECK_EQ(n.nr_xen, 0);
}

static void test_bad_note_sections(void)
{
	struct { uint32_t off, size; } cases[] = {
		{ IMG_MAX - 8, 16 }, { IMG_MAX + 1, 0 }, { 0xfffffff0u, 0x20 },
		{ NOTES_AT, 0xffffffffu }, { 0x80000000u, 0x80000000u },
	};
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		start(1);
		guest_notes();
		shdr(1, SHT_NOTE, cases[i].off, cases[i].size, 0);
		CHECK_EQ(parse_all(), -1);
		CHECK(strncmp(err, "section 1: ", 11) == 0);
	}
	/* A note running past the end of its section. */
	start(1);
	guest_notes();
	shdr(1, SHT_NOTE, NOTES_AT, fill - 1, 0);
	CHECK_EQ(parse_all(), -1);
	CHECK(strstr(err, "runs past the end of its section") != NULL);
	/* Sections of other types are not read, whatever they say. */
	start(1);
	guest_notes();
	sections(3);
	shdr(2, SHT_SYMTAB, 0xffffffffu, 0xffffffffu, 7);
	CHECK_EQ(parse_all(), 0);
	CHECK_EQ(n.nr_xen, 4);
}

/* An image with up to three string notes (type 0 ends the list) must be
 * refused with a message that starts with want. */
static void refused(const uint32_t types[3], const char *const values[3], const char *want)
{
	start(2);
	for (unsigned i = 0; i < 3 && types[i]; i++)
		note_str(types[i], values[i]);
	CHECK_EQ(parse(), 0);
	CHECK_EQ(xen_notes_check(&n, err, sizeof(err)), -1);
	if (strstr(err, want) != err)
		printf("#   \"%s\", want \"%s...\"\n", err, want);
	CHECK(strstr(err, want) == err);
}

static void test_check_messages(void)
{
	enum { VER = XEN_ELFNOTE_XEN_VERSION, LOADER = XEN_ELFNOTE_LOADER, PAE = XEN_ELFNOTE_PAE_MODE };

	refused((uint32_t[3]){ 0 }, NULL, "no Xen ELF notes");
	refused((uint32_t[3]){ VER, LOADER }, (const char *[3]){ "xen-3.0", "generic" },
		"ELF note PAE_MODE is missing");
	refused((uint32_t[3]){ PAE }, (const char *[3]){ "no" },
		"ELF note PAE_MODE says \"no\", not \"yes\"");
	refused((uint32_t[3]){ PAE }, (const char *[3]){ "yes" }, "ELF note XEN_VERSION is missing");
	refused((uint32_t[3]){ PAE, VER }, (const char *[3]){ "yes", "xen-4.0" },
		"ELF note XEN_VERSION says \"xen-4.0\"");
	refused((uint32_t[3]){ PAE, VER, LOADER }, (const char *[3]){ "bimodal", "xen-3.0", "elf" },
		"ELF note LOADER says \"elf\"");
	refused((uint32_t[3]){ PAE, VER }, (const char *[3]){ "yes", "xen-3.0" },
		"ELF note LOADER is missing");
}

/* An image whose section 2 is a symtab of nsyms symbols linked to 3. */
static void symtab_image(const char *note, uint32_t nsyms, uint32_t strsz)
{
	start(2);
	note_str(XEN_ELFNOTE_BSD_SYMTAB, note);
	phdr(1, PT_NOTE, NOTES_AT, fill, 0, 0);
	sections(4);
	shdr(1, SHT_NOTE, NOTES_AT, fill, 0);
	shdr(2, SHT_SYMTAB, DATA_AT, nsyms * 16, 3);
	shdr(3, SHT_STRTAB, DATA_AT + nsyms * 16, strsz, 0);
	for (uint32_t i = 0; i < nsyms * 16 + strsz; i++)
		img[DATA_AT + i] = (uint8_t)(i * 7 + 1);
}

static void test_bsd_symtab_plan(void)
{
	struct bsd_symtab t;

	symtab_image("yes", 5, 13);
	CHECK_EQ(parse_all(), 0);
	CHECK_EQ(bsd_symtab_plan(copy, IMG_MAX, &n, &t, err, sizeof(err)), 0);
	/* 260 bytes of header, 80 of symbols, 13 of strings rounded to 16. */
	CHECK_EQ(t.size, 260 + 80 + 16);

	uint8_t header[BSD_SYMTAB_HEADER];
	struct bsd_symtab_piece piece[3];
	memset(header, 0xee, sizeof(header));
	bsd_symtab_pieces(&t, copy, header, piece);
	struct elf32_ehdr eh;
	struct elf32_shdr sh[3];
	uint32_t size;
	memcpy(&size, header, 4);
	memcpy(&eh, header + 4, sizeof(eh));
	memcpy(sh, header + 68, sizeof(sh));
	CHECK_EQ(size, 256 + 80 + 13);
	CHECK(memcmp(eh.e_ident, ELFMAG, 4) == 0);
	CHECK_EQ(eh.e_shoff, 64);
	CHECK_EQ(eh.e_shnum, 3);
	CHECK_EQ(eh.e_shentsize, 40);
	CHECK_EQ(eh.e_phnum + eh.e_phoff + eh.e_phentsize + eh.e_shstrndx, 0);
	CHECK_EQ(sh[0].sh_type, SHT_NULL);
	CHECK_EQ(sh[1].sh_type, SHT_SYMTAB);
	CHECK_EQ(sh[1].sh_offset, 256);
	CHECK_EQ(sh[1].sh_link, 2);
	CHECK_EQ(sh[2].sh_type, SHT_STRTAB);
	CHECK_EQ(sh[2].sh_offset, 256 + 80);
	CHECK_EQ(header[4 + 52], 0);                  /* the gaps are zero */
	CHECK_EQ(header[BSD_SYMTAB_HEADER - 1], 0);
	CHECK_EQ(piece[1].at, 260);
	CHECK_EQ(piece[1].len, 80);
	CHECK(piece[1].src == copy + DATA_AT);
	CHECK_EQ(piece[2].at, 340);
	CHECK_EQ(piece[2].len, 13);
	CHECK(piece[2].at + piece[2].len <= t.size);

	/* Not asked for, no symtab, a link to no strtab: nothing, no error. */
	symtab_image("no", 5, 13);
	CHECK_EQ(parse_all(), 0);
	CHECK_EQ(bsd_symtab_plan(copy, IMG_MAX, &n, &t, err, sizeof(err)), 0);
	CHECK_EQ(t.size, 0);
	symtab_image("yes", 5, 13);
	shdr(2, SHT_NOTE, NOTES_AT, 0, 3);
	CHECK_EQ(parse_all(), 0);
	CHECK_EQ(bsd_symtab_plan(copy, IMG_MAX, &n, &t, err, sizeof(err)), 0);
	CHECK_EQ(t.size, 0);
	uint32_t links[] = { 0, 1, 2, 4, 0xffffffffu };
	for (unsigned i = 0; i < 5; i++) {
		symtab_image("yes", 5, 13);
		shdr(2, SHT_SYMTAB, DATA_AT, 80, links[i]);
		CHECK_EQ(parse_all(), 0);
		CHECK_EQ(bsd_symtab_plan(copy, IMG_MAX, &n, &t, err, sizeof(err)), 0);
		CHECK_EQ(t.size, 0);
	}
	/* A table outside the image is refused by name. */
	symtab_image("yes", 5, 13);
	shdr(3, SHT_STRTAB, 0xfffffff0u, 0x20, 0);
	CHECK_EQ(parse_all(), 0);
	CHECK_EQ(bsd_symtab_plan(copy, IMG_MAX, &n, &t, err, sizeof(err)), -1);
	CHECK(strncmp(err, "section 3: ", 11) == 0);
	symtab_image("yes", 5, 13);
	shdr(2, SHT_SYMTAB, DATA_AT, IMG_MAX, 3);
	CHECK_EQ(parse_all(), 0);
	CHECK_EQ(bsd_symtab_plan(copy, IMG_MAX, &n, &t, err, sizeof(err)), -1);
	CHECK(strncmp(err, "section 2: ", 11) == 0);
}

/* Random section tables over a guest's notes: 0 or -1 with a reason,
 * nothing read outside the image (ASan), a planned table within it. */
static void test_fuzz_sections(void)
{
	uint64_t st = 0x5be0cd19137e2179ull;
	unsigned wrong = 0, accepted = 0, refused = 0;

	for (unsigned iter = 0; iter < 20000; iter++) {
		symtab_image("yes", 1 + (uint32_t)(fuzz_next(&st) % 20), (uint32_t)(fuzz_next(&st) % 64));
		if (fuzz_next(&st) & 1)
			put16(44, 1);                   /* no note segment */
		unsigned flips = 1 + (unsigned)(fuzz_next(&st) % 6);
		for (unsigned i = 0; i < flips; i++) {
			uint64_t r = fuzz_next(&st);
			/* The section table, or e_shoff, e_shentsize, e_shnum. */
			static const uint8_t header_fields[] = { 32, 33, 34, 35, 46, 47, 48, 49 };
			uint32_t off = r & 1 ? SHT_AT + (uint32_t)(r >> 8) % 160
					     : header_fields[(r >> 8) % 8];
			img[off] = (uint8_t)(r >> 32);
		}
		int rc = parse_all();
		struct bsd_symtab t;
		bool ok = rc == 0 || (rc == -1 && err[0]);
		if (rc == 0 && bsd_symtab_plan(copy, IMG_MAX, &n, &t, err, sizeof(err)) == 0 &&
		    t.size) {
			uint8_t header[BSD_SYMTAB_HEADER];
			struct bsd_symtab_piece piece[3];
			bsd_symtab_pieces(&t, copy, header, piece);
			for (unsigned i = 1; i < 3; i++)
				ok = ok && piece[i].src >= copy &&
				     piece[i].src + piece[i].len <= copy + IMG_MAX &&
				     piece[i].at + piece[i].len <= t.size;
		}
		if (!ok && wrong++ < 5)
			printf("#   iteration %u: %d (%s)\n", iter, rc, err);
		accepted += rc == 0;
		refused += rc == -1;
	}
	CHECK_EQ(wrong, 0);
	CHECK(accepted > 1000);
	CHECK(refused > 1000);
}

UNIT_MAIN(UNIT(test_notes_in_a_section_only), UNIT(test_segment_wins_over_sections),
	  UNIT(test_bad_section_tables), UNIT(test_bad_note_sections), UNIT(test_check_messages),
	  UNIT(test_bsd_symtab_plan), UNIT(test_fuzz_sections))
