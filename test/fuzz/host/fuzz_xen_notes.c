/* xen_notes_parse (and the ABI check of what it read) on every image
 * elf_check accepts: strings come back NUL-terminated, nothing is read
 * outside the image. */
#include <string.h>

#include "fuzz.h"
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
	return 0;
}
