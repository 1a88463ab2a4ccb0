/* The shell's own disk: a machine disk given to domain 0 itself (a word
 * disk=NAME:vdX naming this domain, as boot/run --disk FILE,guest=dom0
 * adds) is mounted at /disk, so that create takes ELF files and initrds
 * from it. The libc unmounts it, clean, when dom0 ends. The machine's
 * disks are driven whenever a disk= word may name one, a guest's too. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>

#include "toolstack/toolstack.h"
#include "virtio/blk.h"
#include "dom0.h"

/* Whether word is disk=NAME:... with NAME exactly name. */
static bool names(const char *word, const char *name)
{
	size_t n = strlen(name);
	return strncmp(word + 5, name, n) == 0 && word[5 + n] == ':';
}

void dom0_mount_disk(char **envp)
{
	struct xen_domctl_getdomaininfo info;
	char me[17];
	bool mounted = false, probed = false;

	if (ctl_info(0, &info) < 0)
		return;
	ctl_name(&info, me);
	for (; envp && *envp; envp++) {
		const char *word = *envp;
		if (strncmp(word, "disk=", 5) != 0)
			continue;
		/* A machine disk, this domain's or one blkback serves a guest. */
		if (!probed && !strstr(word, ":ram:"))
			virtio_blk_probe_all();
		probed |= !strstr(word, ":ram:");
		if (!names(word, me))
			continue;
		if (mounted) {
			printf("dom0: %s: the shell mounts one disk of its own\n", word);
			continue;
		}
		const char *dev = word + 6 + strlen(me);
		mounted = miniguest_mount("/disk", dev, 0) == 0;
		if (mounted)
			printf("dom0: %s mounted at /disk\n", dev);
		else
			printf("dom0: %s: not mounted at /disk: %s\n", word, strerror(errno));
	}
}

char **dom0_guest_words(char **envp)
{
	static char *words[DOM0_WORDS + 1];
	struct xen_domctl_getdomaininfo info;
	char me[17] = "";
	unsigned n = 0;

	if (ctl_info(0, &info) == 0)
		ctl_name(&info, me);
	for (; envp && *envp && n < DOM0_WORDS; envp++)
		if ((strncmp(*envp, "disk=", 5) == 0 && !names(*envp, me)) ||
		    strncmp(*envp, "vif=", 4) == 0 || strncmp(*envp, "netcost=", 8) == 0)
			words[n++] = *envp;
	words[n] = NULL;
	return words;
}
