/* A module's command line (hv/domain/module_opts.c) on any string: it is
 * accepted with every value in its documented range, or refused with a
 * sentence. */
#include <string.h>

#include "fuzz.h"
#include "domain/module_opts.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *cl = malloc(size + 1), err[160];
	struct module_opts o;

	FUZZ_CHECK(cl != NULL);
	memcpy(cl, data, size);
	cl[size] = '\0';
	module_is_initrd(cl);
	if (module_opts_parse(cl, &o, err, sizeof(err)) < 0) {
		FUZZ_CHECK(err[0] != '\0' && memchr(err, '\0', sizeof(err)));
	} else {
		FUZZ_CHECK(o.mem >= MODULE_MEM_MIN && o.mem <= MODULE_MEM_MAX);
		FUZZ_CHECK(o.clones >= 1 && o.clones <= MODULE_CLONES_MAX);
		FUZZ_CHECK(memchr(o.name, '\0', sizeof(o.name)) != NULL);
		FUZZ_CHECK(o.args[0] == '\0' || (o.args >= cl && o.args < cl + strlen(cl)));
	}
	free(cl);
	return 0;
}
