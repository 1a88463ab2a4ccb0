/* Transactions: each works on its own copy of the tree, taken when it
 * starts. Ending one commits what it changed unless someone else changed
 * a node it touched meanwhile (txn_commit.c); then the caller hears EAGAIN
 * and tries again. Its watches fire at the commit. */
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
	if (!txn_unchanged(s, x)) {
		txn_free(s, x);
		return -XSE_EAGAIN;
	}
	int rc = txn_merge(s, x);
	for (struct change *c = x->changes; c && rc == 0; c = c->next)
		if (c->fire)
			watch_fire(s, c->path, c->recursive);
	txn_free(s, x);
	return rc;
}

void txn_end_all(struct store *s, uint16_t dom)
{
	for (struct txn *x = s->txns, *next; x; x = next) {
		next = x->next;
		if (x->dom == dom)
			txn_free(s, x);
	}
}
