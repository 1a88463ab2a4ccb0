#include "elf/xen_notes.h"
#include "lib/format.h"
#include "lib/string.h"
#include "pvabi/elfnote.h"

static int refuse(char *err, size_t errlen, const char *why)
{
	format(err, errlen, "%s", why);
	return -1;
}

int xen_notes_check(const struct xen_notes *n, char *err, size_t errlen)
{
	if (!XEN_NOTE_SEEN(n, XEN_ELFNOTE_PAE_MODE) ||
	    (strncmp(n->pae_mode, "yes", 3) != 0 && strcmp(n->pae_mode, "bimodal") != 0))
		return refuse(err, errlen, "not a PAE guest (ELF note PAE_MODE must say \"yes\")");
	if (!XEN_NOTE_SEEN(n, XEN_ELFNOTE_XEN_VERSION) || strcmp(n->xen_version, "xen-3.0") != 0)
		return refuse(err, errlen, "not a Xen 3.0 PV guest (ELF note XEN_VERSION must be \"xen-3.0\")");
	if (strcmp(n->loader, "generic") != 0 && strcmp(n->guest_os, "linux") != 0)
		return refuse(err, errlen, "unknown loader (ELF note LOADER must be \"generic\")");
	return 0;
}
