/* The store's invariants, checked from outside after any request: the
 * tree is linked both ways, names are single components, every node has an
 * owner, the owners' counts are the nodes they own, domains other than 0
 * stay within their quotas, and each domain's watch and transaction counts
 * are the watches and transactions it holds. NULL, or what is wrong. */
#ifndef STORE_AUDIT_H
#define STORE_AUDIT_H

#include <string.h>
#include "miniguest/store/internal.h"

#define AUDIT_OWNERS 8               /* the tests use domains 0 to 7 */

static inline const char *audit_node(const struct node *n, uint32_t *owned, unsigned depth)
{
	if (depth > XENSTORE_ABS_PATH_MAX / 2)
		return "the tree is deeper than any path";
	if (!n->perms.n || !n->perms.v)
		return "a node without an owner";
	if (n->parent && (!n->name[0] || strchr(n->name, '/')))
		return "a node name that is not one component";
	if (n->perms.v[0].id < AUDIT_OWNERS)
		owned[n->perms.v[0].id]++;
	for (const struct node *c = n->child; c; c = c->next) {
		if (c->parent != n)
			return "a child that does not point back to its parent";
		const char *e = audit_node(c, owned, depth + 1);
		if (e)
			return e;
	}
	return NULL;
}

static inline const char *audit_tree(const struct store *s, const struct tree *t)
{
	uint32_t owned[AUDIT_OWNERS] = { 0 };

	if (!t->root || t->root->parent)
		return "no root";
	const char *e = audit_node(t->root, owned, 0);
	if (e)
		return e;
	for (uint16_t d = 0; d < AUDIT_OWNERS; d++) {
		if (tree_count(t, d) != owned[d])
			return "an owner's node count is not the nodes it owns";
		(void)s;
	}
	return NULL;
}

static inline const char *store_audit(const struct store *s)
{
	const char *e = audit_tree(s, &s->t);
	for (const struct txn *x = s->txns; x && !e; x = x->next)
		e = audit_tree(s, &x->t);
	if (e)
		return e;
	for (const struct sdom *d = s->doms; d; d = d->next) {
		uint32_t w = 0, x = 0;
		for (const struct watch *i = s->watches; i; i = i->next)
			w += i->dom == d->id;
		for (const struct txn *i = s->txns; i; i = i->next)
			x += i->dom == d->id;
		if (w != d->watches || x != d->txns)
			return "a domain's watch or transaction count is wrong";
		if (d->id != DOM0 && (d->watches > s->q.watches || d->txns > s->q.transactions))
			return "a domain is over its watch or transaction quota";
		if (d->id != DOM0 && tree_count(&s->t, d->id) > s->q.nodes)
			return "a domain is over its node quota";
	}
	return NULL;
}

#endif
