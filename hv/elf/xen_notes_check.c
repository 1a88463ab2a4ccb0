#include "elf/xen_notes.h"
#include "lib/format.h"
#include "lib/string.h"
#include "pvabi/elfnote.h"

/* A note that is missing and one that says something else are different
 * mistakes; the message names which. */
static int refuse(const struct xen_notes *n, uint32_t type, const char *name, const char *value,
		  const char *want, char *err, size_t errlen)
{
	if (!XEN_NOTE_SEEN(n, type))
		format(err, errlen, "ELF note %s is missing (a pv32pae guest says %s)", name, want);
	else
		format(err, errlen, "ELF note %s says \"%s\", not %s", name, value, want);
	return -1;
}

int xen_notes_check(const struct xen_notes *n, char *err, size_t errlen)
{
	if (n->nr_xen == 0) {
		format(err, errlen, "no Xen ELF notes: no PT_NOTE segment or SHT_NOTE section "
		       "holds a note named \"Xen\"");
		return -1;
	}
	if (!XEN_NOTE_SEEN(n, XEN_ELFNOTE_PAE_MODE) ||
	    (strncmp(n->pae_mode, "yes", 3) != 0 && strcmp(n->pae_mode, "bimodal") != 0))
		return refuse(n, XEN_ELFNOTE_PAE_MODE, "PAE_MODE", n->pae_mode,
			      "\"yes\" (not a PAE guest)", err, errlen);
	if (!XEN_NOTE_SEEN(n, XEN_ELFNOTE_XEN_VERSION) || strcmp(n->xen_version, "xen-3.0") != 0)
		return refuse(n, XEN_ELFNOTE_XEN_VERSION, "XEN_VERSION", n->xen_version,
			      "\"xen-3.0\"", err, errlen);
	if (strcmp(n->loader, "generic") != 0 && strcmp(n->guest_os, "linux") != 0)
		return refuse(n, XEN_ELFNOTE_LOADER, "LOADER", n->loader,
			      "\"generic\" (or GUEST_OS \"linux\")", err, errlen);
	return 0;
}
