/* xen_notes_parse fed generated note segments whose outcome is known, and
 * mutations of valid ones that must never crash it. */
#include "xen_notes_image.h"

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
	case XEN_ELFNOTE_BSD_SYMTAB: return w->bsd_symtab;
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

static const uint32_t string_types[] = { 5, 6, 8, 9, 10, 11 };
static const uint32_t number_types[] = { 1, 2, 3, 4 };
static const uint32_t other_types[] = { 0, 7, 21, 12, 13, 17, 19, 20, 31, 32, 100, 0xffffffffu };
#define KNOWN_TYPES 0xf7eu              /* 1-6 and 8-11 */

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
		type = string_types[(r >> 16) % 6];
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
		*at = note_raw(4, "Xen", string_types[(r >> 16) % 6], desc, len + 1);
		return true;
	case 6:                                   /* a string too long */
		desc[64 + len] = '\0';
		*at = note_raw(4, "Xen", string_types[(r >> 16) % 6], desc, 65 + len);
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
			for (unsigned i = 0; i < 6; i++) {
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
			for (unsigned i = 0; i < 6; i++)
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

UNIT_MAIN(UNIT(test_fuzz_generated), UNIT(test_fuzz_mutated))
