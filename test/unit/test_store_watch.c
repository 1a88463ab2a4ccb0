/* The store's watches, transactions and domain lifecycle events. */
#include <stdlib.h>
#include "store_talk.h"
#include "store_audit.h"

static struct store *with_domains(void)
{
	struct store *s = talk_store(NULL);
	CHECK_STR(said(XS(s, 0, XS_INTRODUCE, 0, "1\0" "4660\0" "3")), "OK");
	CHECK_STR(said(XS(s, 0, XS_INTRODUCE, 0, "2\0" "4661\0" "3")), "OK");
	return s;
}

static void test_watch_fires(void)
{
	struct store *s = with_domains();

	CHECK_STR(said(XS(s, 1, XS_WATCH, 0, "dev\0tok")), "OK");
	CHECK_EQ(events(1, "dev", "tok"), 1);                 /* once when set */
	CHECK_STR(said(XS(s, 0, XS_WATCH, 0, "/local/domain/1\0zero")), "OK");
	CHECK_EQ(events(0, "/local/domain/1", "zero"), 1);
	CHECK_STR(said(XS(s, 1, XS_WATCH, 0, "dev\0tok")), "!EEXIST");
	xs_write(s, 0, 0, "/local/domain/1/dev/vbd", "x");
	CHECK_EQ(events(1, "dev/vbd", "tok"), 1);             /* relative, as it was set */
	CHECK_EQ(events(0, "/local/domain/1/dev/vbd", "zero"), 1);
	xs_write(s, 0, 0, "/local/domain/1/other", "x");
	CHECK_EQ(events(1, "other", "tok"), 0);
	CHECK_EQ(events(0, "/local/domain/1/other", "zero"), 1);
	/* Removing a parent fires the watches below it, with their own path. */
	XS(s, 0, XS_RM, 0, "/local/domain/1/dev");
	CHECK_EQ(events(1, "dev", "tok"), 1);
	CHECK_STR(said(XS(s, 1, XS_UNWATCH, 0, "dev\0tok")), "OK");
	CHECK_STR(said(XS(s, 1, XS_UNWATCH, 0, "dev\0tok")), "!ENOENT");
	xs_write(s, 0, 0, "/local/domain/1/dev", "x");
	CHECK_EQ(events(1, "dev", "tok"), 0);
	CHECK_STR(said(XS(s, 1, XS_WATCH, 0, "dev")), "!EINVAL");
	CHECK_STR(said(XS(s, 1, XS_WATCH, 0, "/x y\0t")), "!EINVAL");
	CHECK(store_audit(s) == NULL);
	store_free(s);
}

static void test_watch_needs_read(void)
{
	struct store *s = with_domains();

	CHECK_STR(said(XS(s, 2, XS_WATCH, 0, "/local/domain/1\0spy")), "OK");
	xs_write(s, 1, 0, "secret", "x");
	CHECK_EQ(events(2, "/local/domain/1/secret", "spy"), 0);
	XS(s, 1, XS_SET_PERMS, 0, "secret\0n1\0r2");
	CHECK_EQ(events(2, "/local/domain/1/secret", "spy"), 1);   /* now it may read it */
	CHECK(store_audit(s) == NULL);
	store_free(s);
}

static void test_domain_events(void)
{
	struct store *s = with_domains();

	CHECK_STR(said(XS(s, 0, XS_WATCH, 0, "@introduceDomain\0in")), "OK");
	CHECK_STR(said(XS(s, 0, XS_WATCH, 0, "@releaseDomain\0out")), "OK");
	CHECK_STR(said(XS(s, 1, XS_WATCH, 0, "@releaseDomain\0out1")), "OK");
	CHECK_STR(said(XS(s, 0, XS_INTRODUCE, 0, "3\0" "1\0" "2")), "OK");
	CHECK_EQ(events(0, "@introduceDomain", "in"), 1);
	CHECK_STR(said(XS(s, 2, XS_WATCH, 0, "x\0t")), "OK");
	CHECK_STR(said(XS(s, 2, XS_TRANSACTION_START, 0, "")), "1");
	CHECK_STR(said(XS(s, 0, XS_RELEASE, 0, "2")), "OK");
	CHECK_EQ(events(0, "@releaseDomain", "out"), 1);
	CHECK_EQ(events(1, "@releaseDomain", "out1"), 1);
	CHECK_EQ(store_watches(s, 2), 0);
	CHECK_EQ(store_transactions(s, 2), 0);
	CHECK_EQ(store_nodes(s, 2), 0);
	CHECK_STR(said(XS(s, 1, XS_RESET_WATCHES, 0, "")), "OK");
	CHECK_EQ(store_watches(s, 1), 0);
	CHECK(store_audit(s) == NULL);
	store_free(s);
}

static uint32_t start(struct store *s, uint16_t dom)
{
	const char *id = said(XS(s, dom, XS_TRANSACTION_START, 0, ""));
	CHECK(id[0] >= '1' && id[0] <= '9');
	return (uint32_t)strtoul(id, NULL, 10);
}

static void test_transactions(void)
{
	struct store *s = with_domains();

	CHECK_STR(said(XS(s, 0, XS_WATCH, 0, "/local/domain/1\0w")), "OK");
	uint32_t t = start(s, 1);
	CHECK_STR(said(xs_write(s, 1, t, "a", "in")), "OK");
	CHECK_EQ(events(0, "/local/domain/1/a", "w"), 0);
	CHECK_STR(said(XS(s, 1, XS_READ, t, "a")), "in");
	CHECK_STR(said(XS(s, 1, XS_READ, 0, "a")), "!ENOENT");       /* not yet */
	CHECK_STR(said(XS(s, 2, XS_READ, t, "/local/domain/1/a")), "!ENOENT"); /* not its own */
	CHECK_STR(said(XS(s, 1, XS_TRANSACTION_START, t, "")), "!EBUSY");
	CHECK_STR(said(XS(s, 1, XS_TRANSACTION_END, t, "X")), "!EINVAL");
	CHECK_STR(said(XS(s, 1, XS_TRANSACTION_END, t, "T")), "OK");
	CHECK_EQ(events(0, "/local/domain/1/a", "w"), 1);          /* at the commit */
	CHECK_STR(said(XS(s, 1, XS_READ, 0, "a")), "in");
	CHECK_STR(said(XS(s, 1, XS_TRANSACTION_END, t, "T")), "!ENOENT");

	/* Two at once on different nodes: both commit (as on Xen). */
	uint32_t t1 = start(s, 1), t2 = start(s, 2);
	CHECK_STR(said(xs_write(s, 1, t1, "a", "one")), "OK");
	CHECK_STR(said(xs_write(s, 2, t2, "b", "two")), "OK");
	CHECK_STR(said(XS(s, 1, XS_TRANSACTION_END, t1, "T")), "OK");
	CHECK_STR(said(XS(s, 2, XS_TRANSACTION_END, t2, "T")), "OK");
	CHECK_STR(said(XS(s, 2, XS_READ, 0, "b")), "two");
	CHECK_STR(said(XS(s, 1, XS_READ, 0, "a")), "one");
	/* Both writing one node: the second to end is EAGAIN, nothing of it stays. */
	t1 = start(s, 1);
	t2 = start(s, 1);
	xs_write(s, 1, t1, "a", "first");
	xs_write(s, 1, t2, "a", "second");
	xs_write(s, 1, t2, "c", "second");
	CHECK_STR(said(XS(s, 1, XS_TRANSACTION_END, t1, "T")), "OK");
	CHECK_STR(said(XS(s, 1, XS_TRANSACTION_END, t2, "T")), "!EAGAIN");
	CHECK_STR(said(XS(s, 1, XS_READ, 0, "a")), "first");
	CHECK_STR(said(XS(s, 1, XS_READ, 0, "c")), "!ENOENT");
	/* A write outside any transaction to a node it wrote conflicts too;
	 * one elsewhere does not, and stays; an abort keeps nothing. */
	t1 = start(s, 1);
	xs_write(s, 1, t1, "a", "lost");
	xs_write(s, 1, 0, "a", "outside");
	CHECK_STR(said(XS(s, 1, XS_TRANSACTION_END, t1, "T")), "!EAGAIN");
	t1 = start(s, 1);
	xs_write(s, 1, t1, "a", "kept");
	xs_write(s, 0, 0, "/elsewhere", "x");
	CHECK_STR(said(XS(s, 1, XS_TRANSACTION_END, t1, "T")), "OK");
	CHECK_STR(said(XS(s, 1, XS_READ, 0, "a")), "kept");
	CHECK_STR(said(XS(s, 0, XS_READ, 0, "/elsewhere")), "x");
	t1 = start(s, 1);
	xs_write(s, 1, t1, "a", "lost");
	CHECK_STR(said(XS(s, 1, XS_TRANSACTION_END, t1, "F")), "OK");
	CHECK_STR(said(XS(s, 1, XS_READ, 0, "a")), "kept");
	/* One that only read ends EAGAIN when what it read changed, not else. */
	t1 = start(s, 1);
	CHECK_STR(said(XS(s, 1, XS_READ, t1, "a")), "kept");
	xs_write(s, 0, 0, "/elsewhere", "y");
	CHECK_STR(said(XS(s, 1, XS_TRANSACTION_END, t1, "T")), "OK");
	t1 = start(s, 1);
	CHECK_STR(said(XS(s, 1, XS_READ, t1, "a")), "kept");
	xs_write(s, 1, 0, "a", "changed");
	CHECK_STR(said(XS(s, 1, XS_TRANSACTION_END, t1, "T")), "!EAGAIN");
	CHECK_EQ(store_transactions(s, 1), 0);
	CHECK(store_audit(s) == NULL);
	store_free(s);
}

/* What counts as touched, as on Xen: a node read while missing, a listed
 * directory, a parent whose children a transaction changed, a removed
 * subtree; and a commit carries its nodes in whole, beside others'. */
static void test_transaction_conflicts(void)
{
	struct store *s = with_domains();

	/* A node read while missing, made meanwhile. */
	uint32_t t1 = start(s, 1);
	CHECK_STR(said(XS(s, 1, XS_READ, t1, "m")), "!ENOENT");
	xs_write(s, 1, 0, "m", "now");
	CHECK_STR(said(XS(s, 1, XS_TRANSACTION_END, t1, "T")), "!EAGAIN");
	/* A listed directory that gains a child; a child's value is not the list. */
	t1 = start(s, 1);
	CHECK_STR(said(XS(s, 1, XS_DIRECTORY, t1, "/local/domain/1")), "m");
	xs_write(s, 1, 0, "m", "again");
	CHECK_STR(said(XS(s, 1, XS_TRANSACTION_END, t1, "T")), "OK");
	t1 = start(s, 1);
	CHECK_STR(said(XS(s, 1, XS_DIRECTORY, t1, "/local/domain/1")), "m");
	xs_write(s, 1, 0, "n", "1");
	CHECK_STR(said(XS(s, 1, XS_TRANSACTION_END, t1, "T")), "!EAGAIN");
	/* Two making children of one parent: the parent changed under the second. */
	xs_write(s, 1, 0, "p", "");
	t1 = start(s, 1);
	uint32_t t2 = start(s, 1);
	xs_write(s, 1, t1, "p/x", "1");
	xs_write(s, 1, t2, "p/y", "2");
	CHECK_STR(said(XS(s, 1, XS_TRANSACTION_END, t1, "T")), "OK");
	CHECK_STR(said(XS(s, 1, XS_TRANSACTION_END, t2, "T")), "!EAGAIN");
	/* Existing children of one parent written by two: both commit. */
	xs_write(s, 1, 0, "p/y", "0");
	t1 = start(s, 1);
	t2 = start(s, 1);
	xs_write(s, 1, t1, "p/x", "one");
	xs_write(s, 1, t2, "p/y", "two");
	CHECK_STR(said(XS(s, 1, XS_TRANSACTION_END, t2, "T")), "OK");
	CHECK_STR(said(XS(s, 1, XS_TRANSACTION_END, t1, "T")), "OK");
	CHECK_STR(said(XS(s, 1, XS_READ, 0, "p/x")), "one");
	CHECK_STR(said(XS(s, 1, XS_READ, 0, "p/y")), "two");
	/* A removed subtree: anything new below it conflicts. */
	xs_write(s, 1, 0, "d/e", "1");
	t1 = start(s, 1);
	CHECK_STR(said(XS(s, 1, XS_RM, t1, "d")), "OK");
	xs_write(s, 1, 0, "d/e/f", "1");
	CHECK_STR(said(XS(s, 1, XS_TRANSACTION_END, t1, "T")), "!EAGAIN");
	CHECK_STR(said(XS(s, 1, XS_READ, 0, "d/e/f")), "1");
	/* Removed, made again below, permissions set: carried in whole. */
	xs_write(s, 1, 0, "other", "before");
	t1 = start(s, 1);
	CHECK_STR(said(XS(s, 1, XS_RM, t1, "d")), "OK");
	CHECK_STR(said(xs_write(s, 1, t1, "d/g/h", "new")), "OK");
	CHECK_STR(said(XS(s, 1, XS_SET_PERMS, t1, "d/g\0b1\0r2")), "OK");
	xs_write(s, 1, 0, "other", "meanwhile");
	CHECK_STR(said(XS(s, 1, XS_TRANSACTION_END, t1, "T")), "OK");
	CHECK_STR(said(XS(s, 1, XS_READ, 0, "d/e")), "!ENOENT");
	CHECK_STR(said(XS(s, 1, XS_READ, 0, "d/g/h")), "new");
	CHECK_STR(said(XS(s, 2, XS_GET_PERMS, 0, "/local/domain/1/d/g")), "b1");
	CHECK_STR(said(XS(s, 1, XS_READ, 0, "other")), "meanwhile");
	/* Dropped or ended, a transaction holds nothing. */
	CHECK_EQ(store_transactions(s, 1), 0);
	CHECK(store_audit(s) == NULL);
	store_free(s);
}

UNIT_MAIN(UNIT(test_watch_fires), UNIT(test_watch_needs_read), UNIT(test_domain_events),
	  UNIT(test_transactions), UNIT(test_transaction_conflicts))
