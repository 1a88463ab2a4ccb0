/* Talking to a store in a unit test: requests as clients build them, and
 * the messages the store sent back, each checked for form as it comes. */
#ifndef STORE_TALK_H
#define STORE_TALK_H

#include <string.h>
#include "unit.h"
#include "miniguest/store/store.h"

struct talk_msg {
	uint16_t dom;
	struct xsd_sockmsg h;
	char p[XENSTORE_PAYLOAD_MAX + 1];
};

#define TALK_MAX 64
static struct talk_msg talk_out[TALK_MAX];
static unsigned talk_n, talk_lost;

static inline void talk_send(void *ctx, uint16_t dom, const struct xsd_sockmsg *h, const char *p)
{
	(void)ctx;
	CHECK(h->len <= XENSTORE_PAYLOAD_MAX);
	if (talk_n >= TALK_MAX || h->len > XENSTORE_PAYLOAD_MAX) {
		talk_lost++;
		return;
	}
	struct talk_msg *m = &talk_out[talk_n++];
	m->dom = dom;
	m->h = *h;
	memcpy(m->p, p, h->len);
	m->p[h->len] = 0;
}

static uint32_t talk_req_id;

/* Send one request; the first message back (the reply), or NULL. Watch
 * events sent with it stay in talk_out after it. */
static inline const struct talk_msg *xs_raw(struct store *s, uint16_t dom, uint32_t type, uint32_t tx,
				     const char *payload, uint32_t len)
{
	struct xsd_sockmsg h = { type, ++talk_req_id, tx, len };
	talk_n = 0;
	store_request(s, dom, &h, payload);
	for (unsigned i = 0; i < talk_n; i++)
		if (talk_out[i].h.type != XS_WATCH_EVENT && talk_out[i].dom == dom) {
			CHECK_EQ(talk_out[i].h.req_id, h.req_id);
			CHECK_EQ(talk_out[i].h.tx_id, tx);
			CHECK(talk_out[i].h.type == type || talk_out[i].h.type == XS_ERROR);
			return &talk_out[i];
		}
	return NULL;
}

/* A string literal as the payload, its final NUL included ("a\0b" is two
 * strings). */
#define XS(s, dom, type, tx, lit) xs_raw(s, dom, type, tx, lit, sizeof(lit))

/* WRITE: the path, its NUL, then the value without one. */
static inline const struct talk_msg *xs_write(struct store *s, uint16_t dom, uint32_t tx,
				       const char *path, const char *value)
{
	static char buf[XENSTORE_PAYLOAD_MAX + 16];
	size_t pl = strlen(path) + 1, vl = strlen(value);
	memcpy(buf, path, pl);
	memcpy(buf + pl, value, vl);
	return xs_raw(s, dom, XS_WRITE, tx, buf, (uint32_t)(pl + vl));
}

/* The reply's payload when it is of the request's type, else its error
 * name prefixed with '!' ("!ENOENT"). */
static inline const char *said(const struct talk_msg *m)
{
	static char buf[XENSTORE_PAYLOAD_MAX + 2];
	if (!m)
		return "(no reply)";
	if (m->h.type == XS_ERROR) {
		buf[0] = '!';
		memcpy(buf + 1, m->p, m->h.len + 1);
		return buf;
	}
	return m->p;
}

/* How many watch events went to dom with this path and token. */
static inline unsigned events(uint16_t dom, const char *path, const char *token)
{
	unsigned n = 0;
	for (unsigned i = 0; i < talk_n; i++) {
		const struct talk_msg *m = &talk_out[i];
		size_t pl = strlen(m->p);
		if (m->dom == dom && m->h.type == XS_WATCH_EVENT && strcmp(m->p, path) == 0 &&
		    pl + 1 < m->h.len && strcmp(m->p + pl + 1, token) == 0)
			n++;
	}
	return n;
}

static inline struct store *talk_store(const struct store_quota *q)
{
	struct store *s = store_new(q, talk_send, NULL);
	CHECK(s != NULL);
	return s;
}

#endif
