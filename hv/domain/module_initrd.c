#include "domain/module_initrd.h"
#include "lib/format.h"

int module_initrds(const struct module_opts *opts, unsigned n, int *initrd_of, char *err,
		   size_t errlen)
{
	int owner = -1;                 /* the latest module that makes a domain */

	for (unsigned i = 0; i < n; i++) {
		initrd_of[i] = -1;
		if (!opts[i].initrd) {
			owner = (int)i;
			continue;
		}
		if (owner < 0) {
			format(err, errlen, "module %u is an initrd with no guest module before it "
			       "(an initrd goes right after the guest it belongs to)", i + 1);
			return -1;
		}
		if (initrd_of[owner] >= 0) {
			format(err, errlen, "modules %d and %u are both initrds of module %d; a "
			       "domain has one start_info module", initrd_of[owner] + 1, i + 1,
			       owner + 1);
			return -1;
		}
		initrd_of[owner] = (int)i;
	}
	return 0;
}
