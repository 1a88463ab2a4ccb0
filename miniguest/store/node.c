/* The tree: nodes by name under their parent, and how many nodes each
 * owner has (the node quota). Making or removing a node stamps it and its
 * parent (whose list of children changed) with the tree's clock. */
#include <stdlib.h>
#include <string.h>
#include "internal.h"

static struct node *child_named(const struct node *n, const char *name, size_t len)
{
	for (struct node *c = n->child; c; c = c->next)
		if (strlen(c->name) == len && memcmp(c->name, name, len) == 0)
			return c;
	return NULL;
}

struct node *node_deepest(const struct tree *t, const char *path, size_t *matched)
{
	struct node *n = t->root;
	size_t at = 1;

	*matched = 1;
	while (path[at - 1] && path[at]) {
		const char *end = strchr(path + at, '/');
		size_t len = end ? (size_t)(end - (path + at)) : strlen(path + at);
		struct node *c = child_named(n, path + at, len);
		if (!c)
			break;
		n = c;
		at += len;
		*matched = at;
		if (!path[at])
			break;
		at++;
	}
	return n;
}

struct node *node_find(const struct tree *t, const char *path)
{
	size_t m;
	struct node *n = node_deepest(t, path, &m);
	return path[m] == 0 ? n : NULL;
}

static struct owner_count *count_slot(struct tree *t, uint16_t owner, bool make)
{
	for (uint32_t i = 0; i < t->ncounts; i++)
		if (t->counts[i].id == owner)
			return &t->counts[i];
	if (!make)
		return NULL;
	struct owner_count *c = realloc(t->counts, (t->ncounts + 1) * sizeof(*c));
	if (!c)
		return NULL;
	t->counts = c;
	c[t->ncounts] = (struct owner_count){ owner, 0 };
	return &c[t->ncounts++];
}

uint32_t tree_count(const struct tree *t, uint16_t owner)
{
	struct owner_count *c = count_slot((struct tree *)t, owner, false);
	return c ? c->n : 0;
}

int tree_count_adj(struct tree *t, uint16_t owner, int delta)
{
	struct owner_count *c = count_slot(t, owner, true);
	if (!c)
		return -XSE_ENOMEM;
	c->n += (uint32_t)delta;
	return 0;
}

static void node_free(struct node *n)
{
	free(n->name);
	free(n->value);
	free(n->perms.v);
	free(n);
}

struct node *node_add(struct tree *t, struct node *parent, const char *name, size_t len,
		      const struct perms *p)
{
	struct node *n = calloc(1, sizeof(*n));
	if (!n || !(n->name = malloc(len + 1)) || perms_dup(&n->perms, p) < 0) {
		if (n)
			node_free(n);
		return NULL;
	}
	memcpy(n->name, name, len);
	n->name[len] = 0;
	if (tree_count_adj(t, p->v[0].id, 1) < 0) {
		node_free(n);
		return NULL;
	}
	n->parent = parent;
	n->next = parent->child;
	parent->child = n;
	n->gen = parent->gen = t->now;
	return n;
}

static void free_subtree(struct tree *t, struct node *n)
{
	while (n->child) {
		struct node *c = n->child;
		n->child = c->next;
		free_subtree(t, c);
	}
	if (t)
		tree_count_adj(t, n->perms.v[0].id, -1);
	node_free(n);
}

void node_remove(struct tree *t, struct node *n)
{
	struct node **pp = &n->parent->child;
	while (*pp != n)
		pp = &(*pp)->next;
	*pp = n->next;
	n->parent->gen = t->now;
	free_subtree(t, n);
}

int tree_init(struct tree *t)
{
	static struct perm closed = { DOM0, 'n' };
	const struct perms p = { 1, &closed };

	memset(t, 0, sizeof(*t));
	t->root = calloc(1, sizeof(*t->root));
	if (!t->root || !(t->root->name = calloc(1, 1)) || perms_dup(&t->root->perms, &p) < 0) {
		tree_free(t);
		return -XSE_ENOMEM;
	}
	tree_count_adj(t, DOM0, 1);
	return 0;
}

static struct node *copy_node(const struct node *src, struct node *parent)
{
	struct node *n = calloc(1, sizeof(*n));
	if (!n)
		return NULL;
	n->parent = parent;
	n->name = strdup(src->name);
	n->len = src->len;
	n->gen = src->gen;
	n->value = src->len ? malloc(src->len) : NULL;
	if (!n->name || (src->len && !n->value) || perms_dup(&n->perms, &src->perms) < 0) {
		free_subtree(NULL, n);
		return NULL;
	}
	if (src->len)
		memcpy(n->value, src->value, src->len);
	struct node **tail = &n->child;
	for (const struct node *c = src->child; c; c = c->next) {
		if (!(*tail = copy_node(c, n))) {
			free_subtree(NULL, n);
			return NULL;
		}
		tail = &(*tail)->next;
	}
	return n;
}

int tree_copy(struct tree *dst, const struct tree *src)
{
	memset(dst, 0, sizeof(*dst));
	dst->counts = malloc(src->ncounts * sizeof(*dst->counts) + 1);
	dst->root = copy_node(src->root, NULL);
	if (!dst->counts || !dst->root) {
		tree_free(dst);
		return -XSE_ENOMEM;
	}
	memcpy(dst->counts, src->counts, src->ncounts * sizeof(*dst->counts));
	dst->ncounts = src->ncounts;
	return 0;
}

void tree_free(struct tree *t)
{
	if (t->root)
		free_subtree(NULL, t->root);
	free(t->counts);
	memset(t, 0, sizeof(*t));
}
