/* The store fed a sequence of requests: each record is a domain byte (its
 * low two bits: domain 0, the introduced domains 1 and 2, or domain 3,
 * which is not), a 16-byte xs_wire header and its payload. Every request
 * gets exactly one reply, of its type or XS_ERROR, every message fits the
 * payload maximum, and the store's invariants hold after each request. */
#include <string.h>

#include "fuzz.h"
#include "store_audit.h"
#include "miniguest/store/store.h"

static unsigned replies;
static uint32_t want_id, want_type;

static void on_send(void *ctx, uint16_t dom, const struct xsd_sockmsg *h, const char *p)
{
	(void)ctx;
	(void)dom;
	FUZZ_CHECK(h->len <= XENSTORE_PAYLOAD_MAX);
	FUZZ_CHECK(h->len == 0 || p != NULL);
	if (h->type == XS_WATCH_EVENT) {
		FUZZ_CHECK(h->len >= 2 && p[h->len - 1] == 0);
		return;
	}
	FUZZ_CHECK(h->req_id == want_id);
	FUZZ_CHECK(h->type == want_type || h->type == XS_ERROR);
	if (h->type == XS_ERROR)
		FUZZ_CHECK(h->len >= 2 && p[h->len - 1] == 0 && p[0] == 'E');
	replies++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct store *s = store_new(NULL, on_send, NULL);
	static const struct xsd_sockmsg intro = { XS_INTRODUCE, 0, 0, 6 };

	FUZZ_CHECK(s != NULL);
	want_type = XS_INTRODUCE;
	want_id = 0;
	store_request(s, 0, &intro, "1\0" "1\0" "1");
	store_request(s, 0, &intro, "2\0" "2\0" "2");
	for (unsigned n = 0; size >= 17 && n < 256; n++) {
		struct xsd_sockmsg h;
		uint16_t dom = data[0] & 3;
		memcpy(&h, data + 1, sizeof(h));
		data += 17;
		size -= 17;
		if (h.len <= XENSTORE_PAYLOAD_MAX && h.len > size)
			h.len = (uint32_t)size;
		uint32_t take = h.len <= XENSTORE_PAYLOAD_MAX ? h.len : 0;
		/* An exact-size copy: reading past the payload is caught. */
		char *p = malloc(take ? take : 1);
		FUZZ_CHECK(p != NULL);
		memcpy(p, data, take);
		data += take;
		size -= take;
		replies = 0;
		want_id = h.req_id;
		want_type = h.type;
		store_request(s, dom, &h, p);
		free(p);
		FUZZ_CHECK(replies == 1);
		const char *e = store_audit(s);
		if (e)
			fprintf(stderr, "store_audit: %s\n", e);
		FUZZ_CHECK(e == NULL);
	}
	store_free(s);
	return 0;
}
