/* A request in, its answer out: the dispatcher. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

struct store *store_new(const struct store_quota *q, store_send_fn *send, void *ctx)
{
	static const struct store_quota defaults = STORE_QUOTA_DEFAULT;
	struct store *s = calloc(1, sizeof(*s));
	if (!s || tree_init(&s->t) < 0) {
		free(s);
		return NULL;
	}
	s->q = q ? *q : defaults;
	s->send = send;
	s->ctx = ctx;
	static char out[OUT_MAX];
	struct op o = { .s = s, .t = &s->t, .dom = DOM0, .arg = "/local/domain", .len = 14,
			.out = out };
	if (!sdom_get(s, DOM0) || op_mkdir(&o) < 0) {
		store_free(s);
		return NULL;
	}
	return s;
}

void store_free(struct store *s)
{
	while (s->txns)
		txn_end(s, s->txns, false);
	for (struct sdom *d = s->doms; d; d = d->next)
		watch_remove_all(s, d->id);
	while (s->doms) {
		struct sdom *d = s->doms;
		s->doms = d->next;
		free(d);
	}
	tree_free(&s->t);
	free(s);
}

static void reply(struct store *s, uint16_t dom, const struct xsd_sockmsg *h, uint32_t type,
		  const char *p, uint32_t len)
{
	struct xsd_sockmsg r = { type, h->req_id, h->tx_id, len };
	s->send(s->ctx, dom, &r, p);
}

static void reply_error(struct store *s, uint16_t dom, const struct xsd_sockmsg *h, int err)
{
	const char *e = xse_name(err);
	reply(s, dom, h, XS_ERROR, e, (uint32_t)strlen(e) + 1);
}

static int tree_op(struct store *s, struct op *o, uint32_t type, uint32_t tx)
{
	static int (*const fn[XS_TYPE_COUNT])(struct op *) = {
		[XS_READ] = op_read, [XS_WRITE] = op_write, [XS_MKDIR] = op_mkdir,
		[XS_RM] = op_rm, [XS_DIRECTORY] = op_directory, [XS_GET_PERMS] = op_get_perms,
		[XS_SET_PERMS] = op_set_perms,
	};
	struct txn *x = NULL;
	if (tx && !(x = txn_find(s, o->dom, tx)))
		return -XSE_ENOENT;
	int rc = x ? txn_access(x, o, type) : 0;
	if (rc < 0)
		return rc;
	if (!x)
		s->t.now = ++s->gen;
	o->t = x ? &x->t : &s->t;
	rc = fn[type](o);
	if (rc < 0 || !o->changed || !x)
		return rc;
	return txn_note(x, o->path, o->recursive) < 0 ? -XSE_ENOSPC : rc;
}

/* The domain id a request names. */
static int dom_arg(const struct op *o, unsigned n, unsigned of, uint32_t *id)
{
	if (!args_exactly(o->arg, o->len, of))
		return -XSE_EINVAL;
	return arg_num(arg_str(o->arg, o->len, n), DOMID_STORE_MAX + 1, id);
}

static int control_op(struct store *s, struct op *o, uint32_t type)
{
	uint32_t id = 0, mfn = 0, port = 0;
	int rc;

	if (type != XS_GET_DOMAIN_PATH && o->dom != DOM0)
		return -XSE_EACCES;
	switch (type) {
	case XS_GET_DOMAIN_PATH:
		if ((rc = dom_arg(o, 0, 1, &id)) < 0)
			return rc;
		o->outlen = (uint32_t)path_home((uint16_t)id, o->out) + 1;
		return 0;
	case XS_INTRODUCE:
		if ((rc = dom_arg(o, 0, 3, &id)) < 0 ||
		    (rc = arg_num(arg_str(o->arg, o->len, 1), UINT32_MAX, &mfn)) < 0 ||
		    (rc = arg_num(arg_str(o->arg, o->len, 2), UINT32_MAX, &port)) < 0 ||
		    (rc = dom_introduce(s, (uint16_t)id, mfn, port)) < 0)
			return rc;
		break;
	case XS_RELEASE:
		if ((rc = dom_arg(o, 0, 1, &id)) < 0 || (rc = dom_release(s, (uint16_t)id)) < 0)
			return rc;
		break;
	case XS_IS_DOMAIN_INTRODUCED:
		if ((rc = dom_arg(o, 0, 1, &id)) < 0)
			return rc;
		memcpy(o->out, store_introduced(s, (uint16_t)id) ? "T" : "F", 2);
		o->outlen = 2;
		return 0;
	}
	memcpy(o->out, "OK", 3);
	o->outlen = 3;
	return 0;
}

static int session_op(struct store *s, struct op *o, const struct xsd_sockmsg *h)
{
	const char *a = arg_str(o->arg, o->len, 0), *b = arg_str(o->arg, o->len, 1);
	uint32_t id;
	int rc;

	switch (h->type) {
	case XS_WATCH:
	case XS_UNWATCH:
		if (!args_exactly(o->arg, o->len, 2))
			return -XSE_EINVAL;
		rc = h->type == XS_WATCH ? watch_add(s, o->dom, a, b) : watch_remove(s, o->dom, a, b);
		break;
	case XS_TRANSACTION_START:
		if (h->tx_id)
			return -XSE_EBUSY;
		if (!args_exactly(o->arg, o->len, 1) || *a)
			return -XSE_EINVAL;
		if ((rc = txn_start(s, o->dom, &id)) < 0)
			return rc;
		o->outlen = (uint32_t)snprintf(o->out, OUT_MAX, "%u", id) + 1;
		return 0;
	case XS_TRANSACTION_END: {
		struct txn *x = txn_find(s, o->dom, h->tx_id);
		if (!x)
			return -XSE_ENOENT;
		if (!args_exactly(o->arg, o->len, 1) || (strcmp(a, "T") && strcmp(a, "F")))
			return -XSE_EINVAL;
		rc = txn_end(s, x, a[0] == 'T');
		break;
	}
	default: /* XS_RESET_WATCHES */
		watch_remove_all(s, o->dom);
		txn_end_all(s, o->dom);
		rc = 0;
	}
	if (rc < 0)
		return rc;
	memcpy(o->out, "OK", 3);
	o->outlen = 3;
	return 0;
}

void store_request(struct store *s, uint16_t dom, const struct xsd_sockmsg *h, const char *payload)
{
	static char out[OUT_MAX];
	static struct op o;
	uint32_t t = h->type;
	int rc;

	if (!store_introduced(s, dom)) {
		reply_error(s, dom, h, -XSE_EACCES);
		return;
	}
	if (h->len > XENSTORE_PAYLOAD_MAX) {
		reply_error(s, dom, h, -XSE_EINVAL);
		return;
	}
	memset(&o, 0, sizeof(o));
	o = (struct op){ .s = s, .t = &s->t, .dom = dom, .arg = payload, .len = h->len, .out = out };
	switch (t) {
	case XS_READ: case XS_WRITE: case XS_MKDIR: case XS_RM: case XS_DIRECTORY:
	case XS_GET_PERMS: case XS_SET_PERMS:
		rc = tree_op(s, &o, t, h->tx_id);
		break;
	case XS_GET_DOMAIN_PATH: case XS_INTRODUCE: case XS_RELEASE: case XS_IS_DOMAIN_INTRODUCED:
		rc = control_op(s, &o, t);
		break;
	case XS_WATCH: case XS_UNWATCH: case XS_TRANSACTION_START: case XS_TRANSACTION_END:
	case XS_RESET_WATCHES:
		rc = session_op(s, &o, h);
		break;
	case XS_CONTROL: case XS_RESUME: case XS_SET_TARGET: case XS_DIRECTORY_PART:
	case XS_GET_FEATURE: case XS_SET_FEATURE: case XS_GET_QUOTA: case XS_SET_QUOTA:
		rc = -XSE_ENOSYS;
		break;
	default:
		rc = -XSE_EINVAL;
	}
	if (rc < 0) {
		reply_error(s, dom, h, rc);
		return;
	}
	reply(s, dom, h, t, out, o.outlen);
	if (t == XS_WATCH)
		watch_first_event(s, dom, o.arg, arg_str(o.arg, o.len, 1));
	else if (o.changed && !h->tx_id)
		watch_fire(s, o.path, o.recursive);
}
