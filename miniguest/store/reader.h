/* Cutting a byte stream (a ring) into whole xs_wire messages. */
#ifndef STORE_READER_H
#define STORE_READER_H

#include <stdbool.h>
#include <stdint.h>
#include "xs_wire.h"

struct xs_reader {
	uint32_t got;                 /* bytes of the current message so far */
	bool bad;                     /* a header claimed more than the maximum */
	union {
		struct xsd_sockmsg h;
		char raw[sizeof(struct xsd_sockmsg) + XENSTORE_PAYLOAD_MAX];
	} m;
};

/* Take up to n bytes of p: how many were taken. *whole is set when a
 * message is complete (header in r->m.h, payload after it); the next call
 * starts the next one. A header longer than XENSTORE_PAYLOAD_MAX marks the
 * reader bad and takes nothing more: the stream cannot be resynchronised. */
uint32_t xs_reader_take(struct xs_reader *r, const char *p, uint32_t n, bool *whole);

static inline const char *xs_reader_payload(const struct xs_reader *r)
{
	return r->m.raw + sizeof(struct xsd_sockmsg);
}

#endif
