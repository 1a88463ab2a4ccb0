#include <string.h>
#include "reader.h"

uint32_t xs_reader_take(struct xs_reader *r, const char *p, uint32_t n, bool *whole)
{
	const uint32_t hs = sizeof(struct xsd_sockmsg);
	uint32_t taken = 0;

	*whole = false;
	if (r->bad)
		return 0;
	if (r->got >= hs + r->m.h.len && r->got >= hs)
		r->got = 0;                          /* the last one was handed out */
	if (r->got < hs) {
		uint32_t k = hs - r->got < n ? hs - r->got : n;
		memcpy(r->m.raw + r->got, p, k);
		r->got += k;
		taken = k;
		if (r->got < hs)
			return taken;
		if (r->m.h.len > XENSTORE_PAYLOAD_MAX) {
			r->bad = true;
			return taken;
		}
	}
	uint32_t want = hs + r->m.h.len - r->got, k = want < n - taken ? want : n - taken;
	memcpy(r->m.raw + r->got, p + taken, k);
	r->got += k;
	taken += k;
	*whole = r->got == hs + r->m.h.len;
	return taken;
}
