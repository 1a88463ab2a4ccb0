/* Which domain gets which initrd. Multiboot hands over a flat list of
 * modules; a module whose command line is "initrd" makes no domain of its
 * own but becomes the start_info module of the domain built from the
 * nearest module before it that is not an initrd (of each of its clones, if
 * it has any). That is how Xen reads "-initrd 'guest.elf,files.cpio'" too:
 * the module after dom0's kernel is dom0's initrd. */
#ifndef DOMAIN_MODULE_INITRD_H
#define DOMAIN_MODULE_INITRD_H

#include <stddef.h>

#include "domain/module_opts.h"

/* For each of the n modules, initrd_of[i] is the index of module i's initrd,
 * or -1 for none (and for initrd modules themselves). Returns 0, or -1 with
 * err naming the modules (numbered from 1) when an initrd has no module
 * before it or two initrds follow the same module. */
int module_initrds(const struct module_opts *opts, unsigned n, int *initrd_of, char *err,
		   size_t errlen);

#endif
