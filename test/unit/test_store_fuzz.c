/* The store fed garbage: random requests and mutations of valid ones, from
 * domain 0, two introduced domains and one that is not, some cut into a
 * byte stream at random places. Every request must get exactly one reply
 * (its type or XS_ERROR with one of Xen's error names), nothing sent may
 * exceed the payload maximum, and the store's invariants (store_audit.h)
 * must hold throughout. Deterministic: a fixed seed. */
#include <stdlib.h>
#include "store_talk.h"
#include "store_audit.h"
#include "miniguest/store/reader.h"

#define ROUNDS          60          /* fresh stores */
#define PER_ROUND       2000        /* requests each: 120000 in all */

static uint64_t rng = 0x5eed5707e;

static uint32_t rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng % n);
}

/* Valid requests to start mutations from; "\n" stands for a NUL. */
static const struct { uint32_t type; const char *p; } templates[] = {
	{ XS_WRITE, "/a/b\nvalue" }, { XS_WRITE, "data/x\n1" }, { XS_READ, "/a/b\n" },
	{ XS_MKDIR, "dev/vbd/0\n" }, { XS_RM, "/a\n" }, { XS_DIRECTORY, "/local/domain\n" },
	{ XS_GET_PERMS, "/a\n" }, { XS_SET_PERMS, "data\nn1\nr2\n" },
	{ XS_SET_PERMS, "/a\nb0\nr1\nw2\n" }, { XS_WATCH, "/a\ntok\n" },
	{ XS_WATCH, "@releaseDomain\nr\n" }, { XS_UNWATCH, "/a\ntok\n" },
	{ XS_TRANSACTION_START, "\n" }, { XS_TRANSACTION_END, "T\n" },
	{ XS_TRANSACTION_END, "F\n" }, { XS_GET_DOMAIN_PATH, "1\n" },
	{ XS_INTRODUCE, "3\n4660\n5\n" }, { XS_RELEASE, "3\n" },
	{ XS_IS_DOMAIN_INTRODUCED, "2\n" }, { XS_RESET_WATCHES, "\n" },
	{ XS_WRITE, "d/e/f\nv" }, { XS_READ, "d/e/f\n" }, { XS_DIRECTORY, "d\n" },
	{ XS_RM, "d/e\n" }, { XS_WATCH, "d\nt\n" }, { XS_GET_PERMS, "d\n" },
	{ XS_SET_PERMS, "d\nb2\n" }, { XS_READ, "/local/domain/2/d/e\n" },
};
#define NTEMPLATES (sizeof(templates) / sizeof(templates[0]))

static char req[XENSTORE_PAYLOAD_MAX + 64];
static unsigned bad_replies, accepted;

static uint32_t from_template(uint32_t *type)
{
	unsigned t = rnd(NTEMPLATES);
	/* The template's type, mostly. */
	*type = rnd(8) ? templates[t].type : rnd(40);
	uint32_t n = (uint32_t)strlen(templates[t].p);
	for (uint32_t i = 0; i < n; i++)
		req[i] = templates[t].p[i] == '\n' ? 0 : templates[t].p[i];
	/* Mutate: flip, insert NULs or slashes, cut, or grow with a long name. */
	for (unsigned k = rnd(3); k-- && n;) {
		uint32_t at = rnd(n);
		switch (rnd(5)) {
		case 0: req[at] = (char)rnd(256); break;
		case 1: req[at] = 0; break;
		case 2: req[at] = '/'; break;
		case 3: n = at; break;
		default: {
			uint32_t more = rnd(3100);
			if (more > sizeof(req) - n)
				more = (uint32_t)sizeof(req) - n;
			memset(req + n, 'a' + (char)rnd(3), more);
			n += more;
		}
		}
	}
	return n;
}

static uint32_t random_payload(void)
{
	static const char alphabet[] = "/ab1@_-\0\0\0.rwnb0123";
	uint32_t n = rnd(8) ? rnd(48) : rnd(XENSTORE_PAYLOAD_MAX + 8);
	for (uint32_t i = 0; i < n; i++)
		req[i] = rnd(4) ? alphabet[rnd(sizeof(alphabet) - 1)] : (char)rnd(256);
	return n;
}

static bool error_name(const char *p, uint32_t len)
{
	static const char *const names[] = {
#define NAME(e) #e,
		XS_ERRORS(NAME)
#undef NAME
	};
	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (len == strlen(names[i]) + 1 && memcmp(p, names[i], len) == 0)
			return true;
	return false;
}

/* One request, its reply checked. */
static void one(struct store *s, uint16_t dom, uint32_t type, uint32_t tx, uint32_t len)
{
	struct xsd_sockmsg h = { type, ++talk_req_id, tx, len };
	unsigned replies = 0;

	talk_n = talk_lost = 0;
	store_request(s, dom, &h, req);
	for (unsigned i = 0; i < talk_n; i++) {
		const struct talk_msg *m = &talk_out[i];
		if (m->h.type == XS_WATCH_EVENT) {
			CHECK(memchr(m->p, 0, m->h.len) != NULL && m->p[m->h.len - 1] == 0);
			continue;
		}
		if (m->dom != dom || m->h.req_id != h.req_id ||
		    (m->h.type != type && m->h.type != XS_ERROR) ||
		    (m->h.type == XS_ERROR && !error_name(m->p, m->h.len)))
			bad_replies++;
		accepted += m->h.type != XS_ERROR;
		replies++;
	}
	CHECK(talk_lost == 0 || talk_n == TALK_MAX);
	CHECK_EQ(replies, talk_lost ? replies : 1);
}

static void test_garbage(void)
{
	unsigned audited = 0, audit_failures = 0;

	for (unsigned r = 0; r < ROUNDS; r++) {
		struct store *s = talk_store(NULL);
		memcpy(req, "1\0" "1\0" "1", 6);
		one(s, 0, XS_INTRODUCE, 0, 6);
		memcpy(req, "2\0" "2\0" "2", 6);
		one(s, 0, XS_INTRODUCE, 0, 6);
		for (unsigned i = 0; i < PER_ROUND; i++) {
			uint32_t type = rnd(32);
			uint32_t len = i % 2 ? from_template(&type) : random_payload();
			uint32_t tx = rnd(6) ? 0 : rnd(6);
			one(s, (uint16_t)(rnd(10) ? rnd(3) : 3), type, tx, len);
			if (i % 100 == 99) {
				const char *e = store_audit(s);
				audited++;
				if (e) {
					printf("#   round %u request %u: %s\n", r, i, e);
					audit_failures++;
				}
			}
		}
		store_free(s);
	}
	CHECK_EQ(bad_replies, 0);
	CHECK_EQ(audit_failures, 0);
	/* Garbage that is all refused would test only the refusals. */
	CHECK(accepted > ROUNDS * PER_ROUND / 20);
	printf("# %u requests (%u accepted), %u audits\n", ROUNDS * PER_ROUND, accepted, audited);
}

/* A stream of valid messages cut at random points comes out whole. */
static void test_reader(void)
{
	static char stream[64 * 1024];
	uint32_t n = 0, lens[256], count = 0;

	while (count < 256) {
		uint32_t len = rnd(5) ? rnd(64) : rnd(XENSTORE_PAYLOAD_MAX + 1);
		if (n + 16 + len > sizeof(stream))
			break;
		struct xsd_sockmsg h = { XS_READ, count, 0, len };
		memcpy(stream + n, &h, 16);
		for (uint32_t i = 0; i < len; i++)
			stream[n + 16 + i] = (char)(count + i);
		lens[count++] = len;
		n += 16 + len;
	}
	for (unsigned trial = 0; trial < 50; trial++) {
		static struct xs_reader r;
		memset(&r, 0, sizeof(r));
		uint32_t at = 0, seen = 0;
		while (at < n) {
			uint32_t chunk = 1 + rnd(trial % 2 ? 7 : 3000);
			if (chunk > n - at)
				chunk = n - at;
			uint32_t off = 0;
			while (off < chunk) {
				bool whole;
				uint32_t k = xs_reader_take(&r, stream + at + off, chunk - off, &whole);
				CHECK(k > 0 || whole);
				off += k;
				if (whole) {
					CHECK_EQ(r.m.h.req_id, seen);
					CHECK_EQ(r.m.h.len, lens[seen]);
					CHECK(r.m.h.len == 0 ||
					      xs_reader_payload(&r)[r.m.h.len - 1] == (char)(seen + r.m.h.len - 1));
					seen++;
				}
			}
			at += chunk;
		}
		CHECK_EQ(seen, count);
	}
	/* A header asking for more than the maximum stops the stream. */
	static struct xs_reader r;
	struct xsd_sockmsg h = { XS_READ, 0, 0, XENSTORE_PAYLOAD_MAX + 1 };
	bool whole;
	CHECK_EQ(xs_reader_take(&r, (const char *)&h, 16, &whole), 16);
	CHECK(r.bad && !whole);
	CHECK_EQ(xs_reader_take(&r, stream, 16, &whole), 0);
}

UNIT_MAIN(UNIT(test_garbage), UNIT(test_reader))
