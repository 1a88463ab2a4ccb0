/* Transactions: each works on its own copy of the tree, taken when it
 * starts. Ending one commits the copy only when nothing was committed to
 * the store since it started; otherwise the caller hears EAGAIN and tries
 * again. That is coarser than Xen's check of the nodes the transaction
 * touched (more retries under load), never weaker: what commits is what
 * the transaction saw. Its watches fire at the commit. */
#include <stdlib.h>
#include <string.h>
#include "internal.h"

static bool id_used(const struct store *s, uint32_t id)
{
	for (const struct txn *x = s->txns; x; x = x->next)
		if (x->id == id)
			return true;
	return false;
}

int txn_start(struct store *s, uint16_t dom, uint32_t *id)
{
	struct sdom *d = sdom_get(s, dom);
	if (!d)
		return -XSE_ENOMEM;
	if (dom != DOM0 && d->txns >= s->q.transactions)
		return -XSE_ENOSPC;
	struct txn *x = calloc(1, sizeof(*x));
	if (!x || tree_copy(&x->t, &s->t) < 0) {
		free(x);
		return -XSE_ENOMEM;
	}
	/* Ids are never 0 (no transaction) and not reused soon. */
	do
		x->id = ++s->next_tx;
	while (x->id == 0 || id_used(s, x->id));
	x->dom = dom;
	x->start = s->gen;
	x->next = s->txns;
	s->txns = x;
	d->txns++;
	*id = x->id;
	return 0;
}

struct txn *txn_find(struct store *s, uint16_t dom, uint32_t id)
{
	for (struct txn *x = s->txns; x; x = x->next)
		if (x->id == id && x->dom == dom)
			return x;
	return NULL;
}

int txn_note(struct txn *x, const char *path, bool recursive)
{
	for (struct change *c = x->changes; c; c = c->next)
		if (strcmp(c->path, path) == 0) {
			c->recursive |= recursive;
			return 0;
		}
	if (x->nchanges >= TXN_MAX_CHANGES)
		return -XSE_ENOSPC;
	struct change *c = calloc(1, sizeof(*c));
	if (!c || !(c->path = strdup(path))) {
		free(c);
		return -XSE_ENOMEM;
	}
	c->recursive = recursive;
	c->next = x->changes;
	x->changes = c;
	x->nchanges++;
	return 0;
}

static void txn_free(struct store *s, struct txn *x)
{
	struct txn **pp = &s->txns;
	while (*pp != x)
		pp = &(*pp)->next;
	*pp = x->next;
	struct sdom *d = sdom_find(s, x->dom);
	if (d)
		d->txns--;
	while (x->changes) {
		struct change *c = x->changes;
		x->changes = c->next;
		free(c->path);
		free(c);
	}
	tree_free(&x->t);
	free(x);
}

int txn_end(struct store *s, struct txn *x, bool commit)
{
	if (!commit) {
		txn_free(s, x);
		return 0;
	}
	if (x->start != s->gen) {
		txn_free(s, x);
		return -XSE_EAGAIN;
	}
	if (x->changes) {
		tree_free(&s->t);
		s->t = x->t;
		memset(&x->t, 0, sizeof(x->t));
		s->gen++;
		for (struct change *c = x->changes; c; c = c->next)
			watch_fire(s, c->path, c->recursive);
	}
	txn_free(s, x);
	return 0;
}

void txn_end_all(struct store *s, uint16_t dom)
{
	for (struct txn *x = s->txns, *next; x; x = next) {
		next = x->next;
		if (x->dom == dom)
			txn_free(s, x);
	}
}
