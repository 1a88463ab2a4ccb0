/* The tree operations, on the store's tree or a transaction's copy. Each
 * checks its payload, the path and the caller's permissions, then answers
 * into o->out. One that changes the tree says where in o->path, for the
 * watches. */
#include <stdlib.h>
#include <string.h>
#include "internal.h"

static int ok(struct op *o)
{
	memcpy(o->out, "OK", 3);
	o->outlen = 3;
	return 0;
}

/* The payload is one path; the node it names, readable (need 'r') or
 * writable ('w') by the caller. */
static int one_node(struct op *o, char need, struct node **n)
{
	if (!args_exactly(o->arg, o->len, 1))
		return -XSE_EINVAL;
	int rc = path_canon(o->s, o->dom, o->arg, o->path, false);
	if (rc < 0)
		return rc;
	if (!(*n = node_find(o->t, o->path)))
		return -XSE_ENOENT;
	return perms_allow(*n, o->dom, need) ? 0 : -XSE_EACCES;
}

int op_read(struct op *o)
{
	struct node *n;
	int rc = one_node(o, 'r', &n);
	if (rc < 0)
		return rc;
	if (n->len)
		memcpy(o->out, n->value, n->len);
	o->outlen = n->len;
	return 0;
}

/* The node at o->path, writable by the caller: 1 when it was there, 0 when
 * made with its missing ancestors (the caller may write the deepest one
 * there is); new nodes take their parent's
 * permissions, owned by the caller. */
static int make(struct op *o, struct node **out)
{
	size_t at;
	struct node *n = node_deepest(o->t, o->path, &at);
	uint32_t missing = 0;

	*out = n;
	if (!o->path[at])
		return perms_allow(n, o->dom, 'w') ? 1 : -XSE_EACCES;
	if (!perms_allow(n, o->dom, 'w'))
		return -XSE_EACCES;
	for (size_t i = at; o->path[i]; i++)
		missing += o->path[i] == '/';
	missing += o->path[at] != '/';
	if (o->dom != DOM0 && (uint64_t)tree_count(o->t, o->dom) + missing > o->s->q.nodes)
		return -XSE_ENOSPC;
	while (o->path[at]) {
		if (o->path[at] == '/')
			at++;
		const char *name = o->path + at, *end = strchr(name, '/');
		size_t len = end ? (size_t)(end - name) : strlen(name);
		struct perm owner = n->perms.v[0];
		if (o->dom != DOM0)
			n->perms.v[0].id = o->dom;
		struct node *c = node_add(o->t, n, name, len, &n->perms);
		n->perms.v[0] = owner;
		if (!c)
			return -XSE_ENOMEM;
		n = c;
		at += len;
	}
	*out = n;
	return 0;
}

int op_write(struct op *o)
{
	const char *p = arg_str(o->arg, o->len, 0);
	if (!p)
		return -XSE_EINVAL;
	uint32_t vlen = o->len - (uint32_t)strlen(p) - 1;
	if (o->dom != DOM0 && vlen > o->s->q.value_len)
		return -XSE_ENOSPC;
	int rc = path_canon(o->s, o->dom, p, o->path, false);
	struct node *n;
	if (rc < 0 || (rc = make(o, &n)) < 0)
		return rc;
	char *v = vlen ? malloc(vlen) : NULL;
	if (vlen && !v)
		return -XSE_ENOMEM;
	if (vlen)
		memcpy(v, o->arg + o->len - vlen, vlen);
	free(n->value);
	n->value = v;
	n->len = vlen;
	n->gen = o->t->now;
	o->changed = true;
	return ok(o);
}

int op_mkdir(struct op *o)
{
	if (!args_exactly(o->arg, o->len, 1))
		return -XSE_EINVAL;
	int rc = path_canon(o->s, o->dom, o->arg, o->path, false);
	struct node *n;
	if (rc < 0 || (rc = make(o, &n)) < 0)
		return rc;
	o->changed = rc == 0;
	return ok(o);
}

int op_rm(struct op *o)
{
	struct node *n;
	int rc = one_node(o, 'w', &n);
	if (rc == -XSE_ENOENT) {
		/* Gone already: fine, if its parent is there (as on Xen). */
		char *slash = strrchr(o->path, '/');
		*slash = 0;
		bool parent = node_find(o->t, slash == o->path ? "/" : o->path) != NULL;
		return parent ? ok(o) : rc;
	}
	if (rc < 0)
		return rc;
	if (!n->parent)
		return -XSE_EINVAL;
	node_remove(o->t, n);
	o->changed = o->recursive = true;
	return ok(o);
}

int op_directory(struct op *o)
{
	struct node *n;
	int rc = one_node(o, 'r', &n);
	if (rc < 0)
		return rc;
	o->outlen = 0;
	for (const struct node *c = n->child; c; c = c->next) {
		uint32_t k = (uint32_t)strlen(c->name) + 1;
		if (k > OUT_MAX - o->outlen)
			return -XSE_E2BIG;
		memcpy(o->out + o->outlen, c->name, k);
		o->outlen += k;
	}
	return 0;
}

int op_get_perms(struct op *o)
{
	struct node *n;
	int rc = one_node(o, 'r', &n);
	if (rc < 0 || (rc = perms_format(&n->perms, o->out, OUT_MAX)) < 0)
		return rc;
	o->outlen = (uint32_t)rc;
	return 0;
}

int op_set_perms(struct op *o)
{
	const char *p = arg_str(o->arg, o->len, 0);
	if (!p)
		return -XSE_EINVAL;
	int rc = path_canon(o->s, o->dom, p, o->path, false);
	if (rc < 0)
		return rc;
	struct node *n = node_find(o->t, o->path);
	if (!n)
		return -XSE_ENOENT;
	if (o->dom != DOM0 && n->perms.v[0].id != o->dom)
		return -XSE_EACCES;
	uint32_t skip = (uint32_t)strlen(p) + 1;
	struct perms np;
	rc = perms_parse(o->arg + skip, o->len - skip, &np, o->dom == DOM0 ? UINT32_MAX : o->s->q.perms);
	if (rc < 0)
		return rc;
	uint16_t was = n->perms.v[0].id, now = np.v[0].id;
	/* Only domain 0 gives a node away. */
	if (o->dom != DOM0 && now != was) {
		free(np.v);
		return -XSE_EPERM;
	}
	if (now != was && tree_count_adj(o->t, now, 1) < 0) {
		free(np.v);
		return -XSE_ENOMEM;
	}
	if (now != was)
		tree_count_adj(o->t, was, -1);
	free(n->perms.v);
	n->perms = np;
	n->gen = o->t->now;
	o->changed = true;
	return ok(o);
}
