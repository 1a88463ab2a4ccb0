/* The hypervisor's command-line splitter and number readers on any string:
 * every option points inside the string, the walk ends at the NUL or at
 * "--", and cmdline_rest agrees with it. */
#include <string.h>

#include "fuzz.h"
#include "boot/cmdline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *cl = malloc(size + 1);
	struct cmdline_opt o;
	uint64_t v;
	const char *p = cl;
	size_t tokens = 0;

	FUZZ_CHECK(cl != NULL);
	memcpy(cl, data, size);
	cl[size] = '\0';
	size_t len = strlen(cl);
	cmdline_check(cl, NULL, 0);
	while ((p = cmdline_next(p, &o))) {
		/* A token is never empty; its key may be ("=1G"). */
		FUZZ_CHECK(o.key >= cl && o.key + o.keylen <= cl + len);
		FUZZ_CHECK(o.keylen + (o.val ? 1 + o.vallen : 0) > 0);
		FUZZ_CHECK(!o.val || (o.val >= o.key && o.val + o.vallen <= cl + len));
		FUZZ_CHECK(p > o.key && p <= cl + len);
		FUZZ_CHECK(++tokens <= len);
		parse_size(o.key, o.keylen, &v);
		if (o.val)
			parse_uint(o.val, o.vallen, &v);
	}
	const char *rest = cmdline_rest(cl);
	FUZZ_CHECK(!rest || (rest >= cl && rest <= cl + len));
	free(cl);
	return 0;
}
