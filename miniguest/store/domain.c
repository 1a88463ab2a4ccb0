/* The domains the store knows: domain 0 always, the others once
 * introduced (domain 0 tells the store of a new domain's ring page and
 * port). Introducing makes the domain's home, /local/domain/<id>, owned by
 * it; releasing ends its watches and transactions and removes its home.
 * @introduceDomain and @releaseDomain fire for each. */
#include <stdlib.h>
#include <string.h>
#include "internal.h"

struct sdom *sdom_find(const struct store *s, uint16_t dom)
{
	for (struct sdom *d = s->doms; d; d = d->next)
		if (d->id == dom)
			return d;
	return NULL;
}

struct sdom *sdom_get(struct store *s, uint16_t dom)
{
	struct sdom *d = sdom_find(s, dom);
	if (d)
		return d;
	d = calloc(1, sizeof(*d));
	if (!d)
		return NULL;
	d->id = dom;
	d->next = s->doms;
	s->doms = d;
	return d;
}

/* The home node, owned by the domain alone; 1 when it was there. */
static int make_home(struct store *s, uint16_t dom)
{
	struct perm owner = { dom, 'n' };
	const struct perms p = { 1, &owner };
	char home[32];
	path_home(dom, home);
	if (node_find(&s->t, home))
		return 1;
	s->t.now = ++s->gen;
	struct node *parent = node_find(&s->t, "/local/domain");
	if (!parent)
		return -XSE_ENOENT;
	const char *name = strrchr(home, '/') + 1;
	return node_add(&s->t, parent, name, strlen(name), &p) ? 0 : -XSE_ENOMEM;
}

int dom_introduce(struct store *s, uint16_t dom, uint32_t mfn, uint32_t port)
{
	if (dom == DOM0 || dom > DOMID_STORE_MAX)
		return -XSE_EINVAL;
	struct sdom *d = sdom_get(s, dom);
	if (!d)
		return -XSE_ENOMEM;
	if (d->introduced)
		return d->mfn == mfn && d->port == port ? 0 : -XSE_EEXIST;
	int rc = make_home(s, dom);
	if (rc < 0)
		return rc;
	d->introduced = true;
	d->mfn = mfn;
	d->port = port;
	char home[32];
	path_home(dom, home);
	if (rc == 0)
		watch_fire(s, home, false);
	watch_fire(s, "@introduceDomain", false);
	return 0;
}

int dom_release(struct store *s, uint16_t dom)
{
	struct sdom *d = sdom_find(s, dom);
	if (dom == DOM0 || dom > DOMID_STORE_MAX)
		return -XSE_EINVAL;
	if (!d || !d->introduced)
		return -XSE_ENOENT;
	watch_remove_all(s, dom);
	txn_end_all(s, dom);
	d->introduced = false;
	char home[32];
	path_home(dom, home);
	struct node *n = node_find(&s->t, home);
	if (n) {
		s->t.now = ++s->gen;
		node_remove(&s->t, n);
		watch_fire(s, home, true);
	}
	watch_fire(s, "@releaseDomain", false);
	return 0;
}

bool store_introduced(const struct store *s, uint16_t dom)
{
	const struct sdom *d = sdom_find(s, dom);
	return dom == DOM0 || (d && d->introduced);
}

uint32_t store_watches(const struct store *s, uint16_t dom)
{
	const struct sdom *d = sdom_find(s, dom);
	return d ? d->watches : 0;
}

uint32_t store_transactions(const struct store *s, uint16_t dom)
{
	const struct sdom *d = sdom_find(s, dom);
	return d ? d->txns : 0;
}

uint32_t store_nodes(const struct store *s, uint16_t owner)
{
	return tree_count(&s->t, owner);
}
