/* Committing a transaction, as Xen does: it conflicts only when a node it
 * touched was changed by someone else since it started (every change
 * stamps the node with the store's clock, so such a node carries a stamp
 * past the transaction's start, or is there when it was not, or the other
 * way round). Otherwise each node it touched is made in the store as it is
 * in the transaction's copy; nodes it did not touch keep what others wrote
 * meanwhile. */
#include <stdlib.h>
#include <string.h>
#include "internal.h"

static bool newer_below(const struct node *n, uint64_t start)
{
	for (const struct node *c = n->child; c; c = c->next)
		if (c->gen > start || newer_below(c, start))
			return true;
	return false;
}

bool txn_unchanged(const struct store *s, const struct txn *x)
{
	for (const struct change *c = x->changes; c; c = c->next) {
		if (c->covered)
			continue;
		const struct node *n = node_find(&s->t, c->path);
		if (c->existed != (n != NULL) || (n && n->gen > x->start))
			return false;
		if (n && c->recursive && newer_below(n, x->start))
			return false;
	}
	return true;
}

static bool same_perms(const struct perms *a, const struct perms *b)
{
	return a->n == b->n && memcmp(a->v, b->v, a->n * sizeof(*a->v)) == 0;
}

/* Store node to (made already) takes the value and permissions of from. */
static int take(struct tree *t, struct node *to, const struct node *from)
{
	if (to->len != from->len || (from->len && memcmp(to->value, from->value, from->len))) {
		char *v = from->len ? malloc(from->len) : NULL;
		if (from->len && !v)
			return -XSE_ENOMEM;
		if (from->len)
			memcpy(v, from->value, from->len);
		free(to->value);
		to->value = v;
		to->len = from->len;
		to->gen = t->now;
	}
	if (same_perms(&to->perms, &from->perms))
		return 0;
	struct perms p;
	uint16_t was = to->perms.v[0].id, now = from->perms.v[0].id;
	if (perms_dup(&p, &from->perms) < 0 || (now != was && tree_count_adj(t, now, 1) < 0))
		return -XSE_ENOMEM;
	if (now != was)
		tree_count_adj(t, was, -1);
	free(to->perms.v);
	to->perms = p;
	to->gen = t->now;
	return 0;
}

/* Below a node the transaction removed and made again: what is in the
 * store and not in the copy went with the removal. */
static void prune(struct tree *t, struct node *to, const struct node *from)
{
	for (struct node *c = to->child, *next; c; c = next) {
		next = c->next;
		const struct node *f = from->child;
		while (f && strcmp(f->name, c->name))
			f = f->next;
		if (f)
			prune(t, c, f);
		else
			node_remove(t, c);
	}
}

/* One path: the store's node made to match the copy's. */
static int carry(struct store *s, struct txn *x, const struct change *c)
{
	const char *path = c->path;
	const struct node *from = node_find(&x->t, path);
	struct node *to = node_find(&s->t, path);

	if (!from) {
		if (to && to->parent)
			node_remove(&s->t, to);
		return 0;
	}
	if (!to) {
		/* Its parent is there: shorter paths were carried first. */
		size_t at;
		struct node *parent = node_deepest(&s->t, path, &at);
		const char *name = strrchr(path, '/') + 1;
		if ((size_t)(name - path) != at + 1 && !(at == 1 && name == path + 1))
			return -XSE_EIO;
		if (!(to = node_add(&s->t, parent, name, strlen(name), &from->perms)))
			return -XSE_ENOMEM;
	}
	if (c->recursive)
		prune(&s->t, to, from);
	return take(&s->t, to, from);
}

static int by_length(const void *a, const void *b)
{
	size_t la = strlen((*(struct change *const *)a)->path);
	size_t lb = strlen((*(struct change *const *)b)->path);
	return (la > lb) - (la < lb);
}

/* Parents before children: a parent's path is shorter. Out of memory
 * part way, the store keeps what was carried (each node whole). */
int txn_merge(struct store *s, struct txn *x)
{
	struct change **v = malloc((x->nchanges + 1) * sizeof(*v));
	uint32_t n = 0;
	if (!v)
		return -XSE_ENOMEM;
	for (struct change *c = x->changes; c; c = c->next)
		v[n++] = c;
	qsort(v, n, sizeof(*v), by_length);
	s->t.now = ++s->gen;
	int rc = 0;
	for (uint32_t i = 0; i < n && rc == 0; i++)
		rc = carry(s, x, v[i]);
	free(v);
	return rc;
}
