/* The store's pieces, shared between its files (not for its users). */
#ifndef STORE_INTERNAL_H
#define STORE_INTERNAL_H

#include <stddef.h>
#include "store.h"

/* Error numbers: 0 is success, -XSE_x the error Xen names x. */
enum {
	XSE_OK,
#define XSE_ENUM(e) XSE_##e,
	XS_ERRORS(XSE_ENUM)
#undef XSE_ENUM
};
const char *xse_name(int err);

#define DOM0            0
#define DOMID_STORE_MAX 0x7fefu         /* the last ordinary domain id */
#define PATH_BUF        (XENSTORE_ABS_PATH_MAX + 1)

struct perm {
	uint16_t id;
	char p;                         /* 'n', 'r', 'w' or 'b' (both) */
};
/* v[0]: the owner, and what every domain not listed gets. */
struct perms {
	uint32_t n;
	struct perm *v;
};

struct node {
	char *name;                     /* "" for the root */
	struct node *parent, *child, *next;
	char *value;
	uint32_t len;
	struct perms perms;
	uint64_t gen;                   /* the store's clock at its last change */
};

struct owner_count {
	uint16_t id;
	uint32_t n;
};
struct tree {
	struct node *root;
	struct owner_count *counts;     /* nodes each owner has */
	uint32_t ncounts;
	uint64_t now;                   /* the stamp a change gives a node */
};

struct sdom {
	uint16_t id;
	bool introduced;
	uint32_t mfn, port;
	uint32_t watches, txns;
	struct sdom *next;
};

struct watch {
	uint16_t dom;
	uint32_t strip;                 /* bytes of the home prefix events lose */
	char *path, *token;
	struct watch *next;
};

/* A path a transaction read or changed: what was there when it first
 * looked (checked at commit), and whether its watches fire then. */
struct change {
	char *path;
	bool existed;                   /* in the store when the transaction started */
	bool covered;                   /* below a removal the transaction made first */
	bool recursive;                 /* removed with what is below it */
	bool fire;                      /* changed: its watches fire at commit */
	struct change *next;
};

struct txn {
	uint32_t id;
	uint16_t dom;
	uint64_t start;                 /* the store's clock then */
	struct tree t;                  /* its own copy of the tree */
	struct change *changes;
	uint32_t nchanges;
	struct txn *next;
};
#define TXN_MAX_CHANGES 1024

struct store {
	struct tree t;
	uint64_t gen;                   /* the clock: one tick per request that may change */
	struct sdom *doms;
	struct watch *watches;
	struct txn *txns;
	uint32_t next_tx;
	struct store_quota q;
	store_send_fn *send;
	void *ctx;
};

/* path.c: a path as dom names it, made absolute into out (PATH_BUF bytes);
 * "@introduceDomain" and "@releaseDomain" only when special is true.
 * 0 or -XSE_EINVAL. */
int path_canon(const struct store *s, uint16_t dom, const char *in, char *out, bool special);
/* "/local/domain/<dom>" into out (32 bytes): its length. */
int path_home(uint16_t dom, char *out);
bool path_is_special(const char *p);
/* a is p or one of its ancestors. */
bool path_covers(const char *a, const char *p);

/* node.c */
struct node *node_find(const struct tree *t, const char *path);
/* The deepest existing node on the way to path, and where its name ends. */
struct node *node_deepest(const struct tree *t, const char *path, size_t *matched);
struct node *node_add(struct tree *t, struct node *parent, const char *name, size_t len,
		      const struct perms *p);
void node_remove(struct tree *t, struct node *n);
uint32_t tree_count(const struct tree *t, uint16_t owner);
int tree_count_adj(struct tree *t, uint16_t owner, int delta);
int tree_init(struct tree *t);
int tree_copy(struct tree *dst, const struct tree *src);
void tree_free(struct tree *t);

/* perms.c */
bool perms_allow(const struct node *n, uint16_t dom, char need);
int perms_parse(const char *p, uint32_t len, struct perms *out, uint32_t max);
int perms_format(const struct perms *p, char *out, uint32_t size);
int perms_dup(struct perms *dst, const struct perms *src);

/* ops.c: the tree operations; out gets the reply payload (OUT_MAX bytes). */
#define OUT_MAX XENSTORE_PAYLOAD_MAX
struct op {
	struct store *s;
	struct tree *t;
	uint16_t dom;
	const char *arg;                /* the payload */
	uint32_t len;
	char *out;
	uint32_t outlen;
	char path[PATH_BUF];            /* set by the operation when it changed it */
	bool changed, recursive;
};
int op_read(struct op *o);
int op_write(struct op *o);
int op_mkdir(struct op *o);
int op_rm(struct op *o);
int op_directory(struct op *o);
int op_get_perms(struct op *o);
int op_set_perms(struct op *o);

/* watch.c */
int watch_add(struct store *s, uint16_t dom, const char *path, const char *token);
int watch_remove(struct store *s, uint16_t dom, const char *path, const char *token);
void watch_first_event(struct store *s, uint16_t dom, const char *path, const char *token);
void watch_remove_all(struct store *s, uint16_t dom);
void watch_fire(struct store *s, const char *path, bool recursive);

/* txn.c */
int txn_start(struct store *s, uint16_t dom, uint32_t *id);
struct txn *txn_find(struct store *s, uint16_t dom, uint32_t id);
int txn_end(struct store *s, struct txn *x, bool commit);
void txn_end_all(struct store *s, uint16_t dom);

/* txn_access.c: what the tree operation o of type is about to touch in
 * transaction x, noted before it runs (-XSE_ENOSPC past TXN_MAX_CHANGES);
 * then, when it changed the tree, where its watches fire. */
int txn_access(struct txn *x, struct op *o, uint32_t type);
int txn_note(struct txn *x, const char *path, bool recursive);
/* txn_commit.c: nobody changed what x touched since it started; then its
 * changes carried into the store. */
bool txn_unchanged(const struct store *s, const struct txn *x);
int txn_merge(struct store *s, struct txn *x);

/* domain.c */
struct sdom *sdom_find(const struct store *s, uint16_t dom);
struct sdom *sdom_get(struct store *s, uint16_t dom);
int dom_introduce(struct store *s, uint16_t dom, uint32_t mfn, uint32_t port);
int dom_release(struct store *s, uint16_t dom);

/* args.c: the n-th NUL-terminated string of the payload, or NULL. */
const char *arg_str(const char *p, uint32_t len, unsigned n);
/* The payload holds exactly n NUL-terminated strings. */
bool args_exactly(const char *p, uint32_t len, unsigned n);
/* A decimal number below limit, the whole string: 0 or -XSE_EINVAL. */
int arg_num(const char *a, uint32_t limit, uint32_t *out);

#endif
