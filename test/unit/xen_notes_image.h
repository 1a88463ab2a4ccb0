/* Building ELF images with Xen notes in a buffer, for the xen_notes_parse
 * tests (test_xen_notes.c, test_xen_notes_fuzz.c). */
#ifndef XEN_NOTES_IMAGE_H
#define XEN_NOTES_IMAGE_H

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

static inline void put16(uint32_t off, uint16_t v)
{
	img[off] = (uint8_t)v;
	img[off + 1] = (uint8_t)(v >> 8);
}

static inline void put32(uint32_t off, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		img[off + i] = (uint8_t)(v >> 8 * i);
}

static inline void phdr(unsigned i, uint32_t type, uint32_t off, uint32_t filesz, uint32_t vaddr,
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
static inline void start(unsigned phnum)
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

static inline void room(uint64_t bytes)
{
	if (NOTES_AT + fill + bytes > IMG_MAX)
		abort();                         /* a broken test */
}

/* Append a note header alone, whatever its sizes say. */
static inline uint32_t note_header(uint32_t namesz, uint32_t descsz, uint32_t type)
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
static inline uint32_t note_raw(uint32_t namesz, const void *name, uint32_t type, const void *desc,
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

static inline uint32_t note_str(uint32_t type, const char *s)
{
	return note_raw(4, "Xen", type, s, (uint32_t)strlen(s) + 1);
}

static inline uint32_t note_u32(uint32_t type, uint32_t v)
{
	uint8_t b[4];

	for (int i = 0; i < 4; i++)
		b[i] = (uint8_t)(v >> 8 * i);
	return note_raw(4, "Xen", type, b, 4);
}

static inline uint32_t note_u64(uint32_t type, uint64_t v)
{
	uint8_t b[8];

	for (int i = 0; i < 8; i++)
		b[i] = (uint8_t)(v >> 8 * i);
	return note_raw(4, "Xen", type, b, 8);
}

/* Parse the first len bytes of the image, its note segment (program
 * header 1) at seg_off/seg_size; elf_check must accept the image first. */
static inline int parse_image(uint32_t seg_off, uint32_t seg_size, size_t len)
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

static inline int parse(void)
{
	return parse_image(NOTES_AT, fill, NOTES_AT + fill);
}

/* err names the note at file offset at. */
#define CHECK_ERR_AT(at, words) check_err_at((at), (words), __LINE__)
static inline void check_err_at(uint32_t at, const char *words, int line)
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

#endif
