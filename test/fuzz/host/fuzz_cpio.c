/* miniguest's cpio reader on any bytes, then its loader into a fresh
 * in-memory filesystem: every entry lies inside the archive, the walk ends,
 * and the loader's verdict matches the reader's. */
#include <string.h>

#include "fuzz.h"
#include "miniguest/libc/cpio.h"
#include "miniguest/libc/ramfs.h"

static int walk(const uint8_t *data, size_t size)
{
	struct cpio_reader r;
	struct cpio_entry e;
	int rc;
	size_t last = 0;

	cpio_begin(&r, data, size);
	for (unsigned n = 0; (rc = cpio_next(&r, &e)) == 1; n++) {
		const uint8_t *name = (const uint8_t *)e.name, *body = e.data;
		FUZZ_CHECK(name >= data && name + e.namelen < data + size && name[e.namelen] == '\0');
		FUZZ_CHECK(e.size == 0 || (body >= data && (size_t)(body - data) + e.size <= size));
		FUZZ_CHECK(n == 0 || e.offset > last);
		last = e.offset;
	}
	FUZZ_CHECK(rc <= 0 && r.pos <= size);
	FUZZ_CHECK(cpio_next(&r, &e) == rc);
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int rc = walk(data, size);
	struct ramfs *fs = ramfs_new(NULL);
	struct ramfs_load_stats st;

	FUZZ_CHECK(fs != NULL);
	int loaded = ramfs_load_cpio(fs, data, size, &st);
	FUZZ_CHECK(loaded < 0 || (unsigned)loaded == st.skipped);
	FUZZ_CHECK(loaded >= 0 || st.bad_offset <= size);
	/* The loader refuses what the reader refuses (it may refuse more:
	 * names, types). */
	FUZZ_CHECK(rc == 0 || loaded < 0);
	ramfs_free(fs);
	return 0;
}
