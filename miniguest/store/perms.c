/* Permissions: the first entry names the node's owner, who may do
 * anything, and what every domain not listed after it may do; domain 0 may
 * do anything everywhere. Written as Xen writes them: a letter (n none,
 * r read, w write, b both) and a domain id, "b0", "r5". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

bool perms_allow(const struct node *n, uint16_t dom, char need)
{
	const struct perms *p = &n->perms;

	if (dom == DOM0 || p->v[0].id == dom)
		return true;
	char have = p->v[0].p;
	for (uint32_t i = 1; i < p->n; i++)
		if (p->v[i].id == dom) {
			have = p->v[i].p;
			break;
		}
	return have == 'b' || have == need;
}

int perms_dup(struct perms *dst, const struct perms *src)
{
	dst->v = malloc(src->n * sizeof(*dst->v));
	if (!dst->v)
		return -XSE_ENOMEM;
	memcpy(dst->v, src->v, src->n * sizeof(*dst->v));
	dst->n = src->n;
	return 0;
}

/* p holds len bytes of NUL-terminated entries (at least one, at most max). */
int perms_parse(const char *p, uint32_t len, struct perms *out, uint32_t max)
{
	uint32_t n = 0;

	if (!len || p[len - 1] != 0)
		return -XSE_EINVAL;
	for (uint32_t at = 0; at < len; at += (uint32_t)strlen(p + at) + 1)
		n++;
	if (n > max)
		return -XSE_ENOSPC;
	out->v = malloc(n * sizeof(*out->v));
	if (!out->v)
		return -XSE_ENOMEM;
	out->n = n;
	uint32_t i = 0;
	for (uint32_t at = 0; at < len; at += (uint32_t)strlen(p + at) + 1, i++) {
		uint32_t id;
		if (!strchr("nrwb", p[at]) || !p[at] || arg_num(p + at + 1, DOMID_STORE_MAX + 1, &id) < 0) {
			free(out->v);
			out->v = NULL;
			return -XSE_EINVAL;
		}
		out->v[i] = (struct perm){ (uint16_t)id, p[at] };
	}
	return 0;
}

int perms_format(const struct perms *p, char *out, uint32_t size)
{
	uint32_t at = 0;

	for (uint32_t i = 0; i < p->n; i++) {
		int k = snprintf(out + at, size - at, "%c%u", p->v[i].p, p->v[i].id);
		if (k < 0 || (uint32_t)k + 1 > size - at)
			return -XSE_E2BIG;
		at += (uint32_t)k + 1;
	}
	return (int)at;
}
