/* xen_notes_parse (and the ABI check of what it read, and the BSD_SYMTAB
 * table's plan) on every image elf_check accepts: strings come back
 * NUL-terminated, nothing is read outside the image. */
#include <string.h>

#include "fuzz.h"
#include "elf/bsd_symtab.h"
#include "elf/elf_check.h"
#include "elf/xen_notes.h"

static void terminated(const char *s)
{
	FUZZ_CHECK(memchr(s, '\0', XEN_NOTE_STR_MAX) != NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct elf_summary sum;
	struct xen_notes n;
	char err[160];

	if (elf_check(data, size, &sum, NULL, 0) < 0)
		return 0;
	if (xen_notes_parse(data, size, &n, err, sizeof(err)) < 0) {
		FUZZ_CHECK(err[0] != '\0');
		return 0;
	}
	terminated(n.guest_os);
	terminated(n.xen_version);
	terminated(n.loader);
	terminated(n.pae_mode);
	terminated(n.features);
	xen_notes_check(&n, err, sizeof(err));
	/* As if every image asked for its symbol table: what it plans to
	 * copy lies in the image and inside the planned size. */
	struct bsd_symtab t;
	memcpy(n.bsd_symtab, "yes", 4);
	n.seen |= 1u << 11;
	if (bsd_symtab_plan(data, size, &n, &t, err, sizeof(err)) == 0 && t.size) {
		uint8_t header[BSD_SYMTAB_HEADER];
		struct bsd_symtab_piece piece[3];
		bsd_symtab_pieces(&t, data, header, piece);
		for (unsigned i = 1; i < 3; i++) {
			FUZZ_CHECK(piece[i].src >= data && piece[i].src + piece[i].len <= data + size);
			FUZZ_CHECK(piece[i].at + (uint64_t)piece[i].len <= t.size);
		}
	}
	return 0;
}
