/* Watches: a domain names a path and a token; when the node or anything
 * below it changes, the domain gets XS_WATCH_EVENT with the changed path
 * and the token, if it may read there. A watch named by a relative path
 * reports relative paths. Each fires once when it is set, as on Xen. */
#include <stdlib.h>
#include <string.h>
#include "internal.h"

static void send_event(struct store *s, const struct watch *w, const char *path)
{
	static char buf[XENSTORE_PAYLOAD_MAX];
	size_t pl = strlen(path + w->strip) + 1, tl = strlen(w->token) + 1;

	if (pl + tl > sizeof(buf))
		return;
	memcpy(buf, path + w->strip, pl);
	memcpy(buf + pl, w->token, tl);
	struct xsd_sockmsg h = { XS_WATCH_EVENT, 0, 0, (uint32_t)(pl + tl) };
	s->send(s->ctx, w->dom, &h, buf);
}

int watch_add(struct store *s, uint16_t dom, const char *path, const char *token)
{
	char abs[PATH_BUF];
	int rc = path_canon(s, dom, path, abs, true);
	if (rc < 0)
		return rc;
	struct sdom *d = sdom_get(s, dom);
	if (!d)
		return -XSE_ENOMEM;
	for (struct watch *w = s->watches; w; w = w->next)
		if (w->dom == dom && strcmp(w->path, abs) == 0 && strcmp(w->token, token) == 0)
			return -XSE_EEXIST;
	if (dom != DOM0 && d->watches >= s->q.watches)
		return -XSE_E2BIG;
	struct watch *w = calloc(1, sizeof(*w));
	if (!w || !(w->path = strdup(abs)) || !(w->token = strdup(token))) {
		if (w)
			free(w->path);
		free(w);
		return -XSE_ENOMEM;
	}
	w->dom = dom;
	if (path[0] != '/' && path[0] != '@')
		w->strip = (uint32_t)strlen(abs) - (uint32_t)strlen(path);
	w->next = s->watches;
	s->watches = w;
	d->watches++;
	return 0;
}

/* The event every watch gives when it is set (after its reply). */
void watch_first_event(struct store *s, uint16_t dom, const char *path, const char *token)
{
	for (struct watch *w = s->watches; w; w = w->next)
		if (w->dom == dom && strcmp(w->token, token) == 0 &&
		    strcmp(w->path + w->strip, path) == 0) {
			send_event(s, w, w->path);
			return;
		}
}

static void unlink_watch(struct store *s, struct watch **pp)
{
	struct watch *w = *pp;
	struct sdom *d = sdom_find(s, w->dom);
	*pp = w->next;
	if (d)
		d->watches--;
	free(w->path);
	free(w->token);
	free(w);
}

int watch_remove(struct store *s, uint16_t dom, const char *path, const char *token)
{
	char abs[PATH_BUF];
	int rc = path_canon(s, dom, path, abs, true);
	if (rc < 0)
		return rc;
	for (struct watch **pp = &s->watches; *pp; pp = &(*pp)->next)
		if ((*pp)->dom == dom && strcmp((*pp)->path, abs) == 0 &&
		    strcmp((*pp)->token, token) == 0) {
			unlink_watch(s, pp);
			return 0;
		}
	return -XSE_ENOENT;
}

void watch_remove_all(struct store *s, uint16_t dom)
{
	for (struct watch **pp = &s->watches; *pp;)
		if ((*pp)->dom == dom)
			unlink_watch(s, pp);
		else
			pp = &(*pp)->next;
}

/* May dom read at path, or (the node gone) at its nearest ancestor? */
static bool may_see(const struct store *s, uint16_t dom, const char *path)
{
	size_t m;
	return path_is_special(path) || perms_allow(node_deepest(&s->t, path, &m), dom, 'r');
}

void watch_fire(struct store *s, const char *path, bool recursive)
{
	for (struct watch *w = s->watches; w; w = w->next) {
		if (!may_see(s, w->dom, path))
			continue;
		if (path_is_special(path) ? strcmp(w->path, path) == 0 : path_covers(w->path, path))
			send_event(s, w, path);
		else if (recursive && path_covers(path, w->path))
			send_event(s, w, w->path);      /* a watched node went with it */
	}
}
