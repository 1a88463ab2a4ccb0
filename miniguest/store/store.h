/* The store (xenstored): a tree of nodes with permissions, watches and
 * transactions, spoken to in xs_wire messages. This is its core, with no
 * I/O: a request goes in, replies and watch events come out through the
 * send function, each a whole message. The server feeds it from each
 * domain's ring; the host unit tests feed it directly. */
#ifndef STORE_STORE_H
#define STORE_STORE_H

#include <stdbool.h>
#include <stdint.h>
#include "xs_wire.h"

struct store;

/* Limits for each domain but domain 0, which has none (as on Xen). */
struct store_quota {
	uint32_t nodes;          /* nodes a domain owns */
	uint32_t watches;        /* watches a domain holds */
	uint32_t transactions;   /* transactions a domain has open */
	uint32_t value_len;      /* bytes in one node's value */
	uint32_t path_len;       /* bytes in a path below the domain's home */
	uint32_t perms;          /* entries in one node's permission list */
};
/* Xen's defaults. */
#define STORE_QUOTA_DEFAULT { .nodes = 1000, .watches = 128, .transactions = 10, \
	.value_len = 2048, .path_len = XENSTORE_REL_PATH_MAX, .perms = 5 }

/* One whole message for domain dom: header and h->len payload bytes. */
typedef void store_send_fn(void *ctx, uint16_t dom, const struct xsd_sockmsg *h,
			   const char *payload);

/* A store holding "/" (owned by domain 0, closed to others) and
 * "/local/domain"; NULL when out of memory. */
struct store *store_new(const struct store_quota *q, store_send_fn *send, void *ctx);
void store_free(struct store *s);

/* Answer one request of domain dom (h->len payload bytes, at most
 * XENSTORE_PAYLOAD_MAX; longer ones are answered EINVAL unread). Domain 0
 * may always ask; another only once introduced. */
void store_request(struct store *s, uint16_t dom, const struct xsd_sockmsg *h,
		   const char *payload);

/* Is dom introduced (it has a connection)? */
bool store_introduced(const struct store *s, uint16_t dom);

/* Nodes, watches and transactions held, for tests and accounting. */
uint32_t store_nodes(const struct store *s, uint16_t owner);
uint32_t store_watches(const struct store *s, uint16_t dom);
uint32_t store_transactions(const struct store *s, uint16_t dom);

#endif
