/* The store's tree operations, paths, permissions and quotas, request by
 * request as a client sends them. */
#include "store_talk.h"
#include "store_audit.h"

static struct store *with_domains(const struct store_quota *q)
{
	struct store *s = talk_store(q);
	CHECK_STR(said(XS(s, 0, XS_INTRODUCE, 0, "1\0" "4660\0" "3")), "OK");
	CHECK_STR(said(XS(s, 0, XS_INTRODUCE, 0, "2\0" "4661\0" "3")), "OK");
	return s;
}

static void test_write_read_directory(void)
{
	struct store *s = talk_store(NULL);

	CHECK_STR(said(xs_write(s, 0, 0, "/a/b/c", "hello")), "OK");
	CHECK_STR(said(XS(s, 0, XS_READ, 0, "/a/b/c")), "hello");
	CHECK_STR(said(XS(s, 0, XS_READ, 0, "/a/b")), "");      /* made on the way */
	CHECK_STR(said(XS(s, 0, XS_DIRECTORY, 0, "/a")), "b");
	CHECK_STR(said(xs_write(s, 0, 0, "/a/d", "")), "OK");
	const struct talk_msg *m = XS(s, 0, XS_DIRECTORY, 0, "/a");
	CHECK_EQ(m->h.len, 4);
	CHECK(memchr(m->p, 'b', 4) && memchr(m->p, 'd', 4));
	CHECK_STR(said(xs_write(s, 0, 0, "/a/b/c", "again")), "OK");
	CHECK_STR(said(XS(s, 0, XS_READ, 0, "/a/b/c")), "again");
	CHECK_STR(said(XS(s, 0, XS_READ, 0, "/a/x")), "!ENOENT");
	CHECK_STR(said(XS(s, 0, XS_MKDIR, 0, "/m/n")), "OK");
	CHECK_STR(said(XS(s, 0, XS_MKDIR, 0, "/m/n")), "OK");
	CHECK_STR(said(XS(s, 0, XS_DIRECTORY, 0, "/m")), "n");
	CHECK(store_audit(s) == NULL);
	store_free(s);
}

static void test_rm(void)
{
	struct store *s = talk_store(NULL);
	uint32_t before = store_nodes(s, 0);

	CHECK_STR(said(xs_write(s, 0, 0, "/a/b/c", "x")), "OK");
	CHECK_EQ(store_nodes(s, 0), before + 3);
	CHECK_STR(said(XS(s, 0, XS_RM, 0, "/a/z")), "OK");        /* gone already, parent there */
	CHECK_STR(said(XS(s, 0, XS_RM, 0, "/q/z")), "!ENOENT");
	CHECK_STR(said(XS(s, 0, XS_RM, 0, "/a")), "OK");
	CHECK_STR(said(XS(s, 0, XS_READ, 0, "/a/b/c")), "!ENOENT");
	CHECK_EQ(store_nodes(s, 0), before);
	CHECK_STR(said(XS(s, 0, XS_RM, 0, "/")), "!EINVAL");
	CHECK(store_audit(s) == NULL);
	store_free(s);
}

static void test_bad_requests(void)
{
	struct store *s = talk_store(NULL);
	static const char *const bad_paths[] = {
		"//a", "/a/", "/a//b", "/a b", "/a\xff", "", "/a/./b", "@introduceDomain",
	};

	for (unsigned i = 0; i < sizeof(bad_paths) / sizeof(bad_paths[0]); i++)
		CHECK_STR(said(xs_raw(s, 0, XS_READ, 0, bad_paths[i],
				      (uint32_t)strlen(bad_paths[i]) + 1)), "!EINVAL");
	CHECK_STR(said(xs_raw(s, 0, XS_READ, 0, "/a", 2)), "!EINVAL");          /* no NUL */
	CHECK_STR(said(XS(s, 0, XS_READ, 0, "/a\0/b")), "!EINVAL");             /* two paths */
	CHECK_STR(said(xs_raw(s, 0, XS_WRITE, 0, "/a", 2)), "!EINVAL");
	CHECK_STR(said(XS(s, 0, 99, 0, "x")), "!EINVAL");
	CHECK_STR(said(XS(s, 0, XS_WATCH_EVENT, 0, "x")), "!EINVAL");
	CHECK_STR(said(XS(s, 0, XS_CONTROL, 0, "print")), "!ENOSYS");
	CHECK_STR(said(XS(s, 0, XS_DIRECTORY_PART, 0, "/\0" "0")), "!ENOSYS");
	static char big[XENSTORE_PAYLOAD_MAX + 1];
	CHECK_STR(said(xs_raw(s, 0, XS_READ, 0, big, sizeof(big))), "!EINVAL");
	static char longpath[XENSTORE_ABS_PATH_MAX + 2];
	memset(longpath, 'a', sizeof(longpath) - 1);
	longpath[0] = '/';
	CHECK_STR(said(xs_raw(s, 0, XS_MKDIR, 0, longpath, sizeof(longpath))), "!EINVAL");
	longpath[XENSTORE_ABS_PATH_MAX] = 0;
	CHECK_STR(said(xs_raw(s, 0, XS_MKDIR, 0, longpath, XENSTORE_ABS_PATH_MAX + 1)), "OK");
	CHECK(store_audit(s) == NULL);
	store_free(s);
}

static void test_domains(void)
{
	struct store *s = with_domains(NULL);

	CHECK_STR(said(XS(s, 1, XS_GET_DOMAIN_PATH, 0, "1")), "/local/domain/1");
	CHECK_STR(said(XS(s, 1, XS_GET_DOMAIN_PATH, 0, "32752")), "!EINVAL");
	CHECK_STR(said(XS(s, 1, XS_GET_DOMAIN_PATH, 0, "1x")), "!EINVAL");
	CHECK_STR(said(XS(s, 3, XS_READ, 0, "/")), "!EACCES");          /* not introduced */
	CHECK_STR(said(XS(s, 1, XS_INTRODUCE, 0, "3\0" "1\0" "1")), "!EACCES");
	CHECK_STR(said(XS(s, 0, XS_INTRODUCE, 0, "0\0" "1\0" "1")), "!EINVAL");
	CHECK_STR(said(XS(s, 0, XS_INTRODUCE, 0, "1\0" "4660\0" "3")), "OK");   /* again, same */
	CHECK_STR(said(XS(s, 0, XS_INTRODUCE, 0, "1\0" "4660\0" "4")), "!EEXIST");
	CHECK_STR(said(XS(s, 0, XS_INTRODUCE, 0, "5\0" "1")), "!EINVAL");
	CHECK_STR(said(XS(s, 0, XS_IS_DOMAIN_INTRODUCED, 0, "2")), "T");
	CHECK_STR(said(XS(s, 0, XS_IS_DOMAIN_INTRODUCED, 0, "3")), "F");
	CHECK_STR(said(XS(s, 2, XS_RELEASE, 0, "2")), "!EACCES");
	CHECK_STR(said(XS(s, 0, XS_RELEASE, 0, "3")), "!ENOENT");
	/* A relative path is below the domain's home, which it owns. */
	CHECK_STR(said(xs_write(s, 1, 0, "data/x", "1")), "OK");
	CHECK_STR(said(XS(s, 0, XS_READ, 0, "/local/domain/1/data/x")), "1");
	CHECK_STR(said(XS(s, 0, XS_GET_PERMS, 0, "/local/domain/1/data/x")), "n1");
	CHECK_STR(said(XS(s, 0, XS_RELEASE, 0, "2")), "OK");
	CHECK_STR(said(XS(s, 0, XS_IS_DOMAIN_INTRODUCED, 0, "2")), "F");
	CHECK_STR(said(XS(s, 0, XS_READ, 0, "/local/domain/2")), "!ENOENT");
	CHECK_STR(said(XS(s, 2, XS_READ, 0, "/")), "!EACCES");
	CHECK(store_audit(s) == NULL);
	store_free(s);
}

static void test_permissions(void)
{
	struct store *s = with_domains(NULL);

	CHECK_STR(said(XS(s, 1, XS_READ, 0, "/local/domain/2")), "!EACCES");
	CHECK_STR(said(xs_write(s, 1, 0, "/local/domain/2/x", "1")), "!EACCES");
	CHECK_STR(said(xs_write(s, 1, 0, "/top", "1")), "!EACCES");
	CHECK_STR(said(XS(s, 1, XS_RM, 0, "/local/domain/2")), "!EACCES");
	CHECK_STR(said(XS(s, 1, XS_DIRECTORY, 0, "/local/domain")), "!EACCES");
	CHECK_STR(said(xs_write(s, 1, 0, "shared", "v")), "OK");
	CHECK_STR(said(XS(s, 2, XS_READ, 0, "/local/domain/1/shared")), "!EACCES");
	CHECK_STR(said(XS(s, 1, XS_SET_PERMS, 0, "shared\0n1\0r2")), "OK");
	CHECK_STR(said(XS(s, 1, XS_GET_PERMS, 0, "shared")), "n1");   /* the first string */
	const struct talk_msg *m = XS(s, 1, XS_GET_PERMS, 0, "shared");
	CHECK_EQ(m->h.len, 6);
	CHECK(memcmp(m->p, "n1\0r2", 6) == 0);
	CHECK_STR(said(XS(s, 2, XS_READ, 0, "/local/domain/1/shared")), "v");
	CHECK_STR(said(xs_write(s, 2, 0, "/local/domain/1/shared", "w")), "!EACCES");
	CHECK_STR(said(XS(s, 2, XS_SET_PERMS, 0, "/local/domain/1/shared\0b2")), "!EACCES");
	CHECK_STR(said(XS(s, 1, XS_SET_PERMS, 0, "shared\0b1\0b2")), "OK");
	CHECK_STR(said(xs_write(s, 2, 0, "/local/domain/1/shared", "w")), "OK");
	CHECK_STR(said(XS(s, 1, XS_SET_PERMS, 0, "shared\0n2")), "!EPERM");  /* giving it away */
	CHECK_STR(said(XS(s, 1, XS_SET_PERMS, 0, "shared\0x1")), "!EINVAL");
	CHECK_STR(said(XS(s, 1, XS_SET_PERMS, 0, "shared\0r")), "!EINVAL");
	CHECK_STR(said(XS(s, 1, XS_SET_PERMS, 0, "shared\0r99999")), "!EINVAL");
	CHECK_STR(said(xs_raw(s, 1, XS_SET_PERMS, 0, "shared", 7)), "!EINVAL");   /* none */
	CHECK_STR(said(XS(s, 1, XS_SET_PERMS, 0, "shared\0n1\0r2\0r3\0r4\0r5\0r6")), "!ENOSPC");
	/* Domain 0 may do anything, and give a node away. */
	CHECK_STR(said(XS(s, 0, XS_SET_PERMS, 0, "/local/domain/1/shared\0r2")), "OK");
	CHECK_EQ(store_nodes(s, 2), 2);
	CHECK_STR(said(XS(s, 1, XS_READ, 0, "shared")), "w");       /* r for all but its owner */
	CHECK_STR(said(xs_write(s, 1, 0, "shared", "z")), "!EACCES");
	CHECK(store_audit(s) == NULL);
	store_free(s);
}

static void test_quotas(void)
{
	const struct store_quota q = { .nodes = 4, .watches = 2, .transactions = 2,
				       .value_len = 8, .path_len = 16, .perms = 5 };
	struct store *s = with_domains(&q);

	CHECK_EQ(store_nodes(s, 1), 1);                               /* its home */
	CHECK_STR(said(xs_write(s, 1, 0, "a/b", "")), "OK");
	CHECK_STR(said(xs_write(s, 1, 0, "c/d", "")), "!ENOSPC");     /* 2 more, 1 left */
	CHECK_STR(said(xs_write(s, 1, 0, "c", "")), "OK");
	CHECK_STR(said(xs_write(s, 1, 0, "e", "")), "!ENOSPC");
	CHECK_EQ(store_nodes(s, 1), 4);
	CHECK_STR(said(XS(s, 1, XS_RM, 0, "a")), "OK");
	CHECK_STR(said(xs_write(s, 1, 0, "e", "12345678")), "OK");
	CHECK_STR(said(xs_write(s, 1, 0, "e", "123456789")), "!ENOSPC");
	CHECK_STR(said(XS(s, 1, XS_MKDIR, 0, "0123456789abcdef")), "OK");
	CHECK_STR(said(XS(s, 1, XS_READ, 0, "0123456789abcdefg")), "!EINVAL");
	CHECK_STR(said(XS(s, 1, XS_WATCH, 0, "a\0t")), "OK");
	CHECK_STR(said(XS(s, 1, XS_WATCH, 0, "b\0t")), "OK");
	CHECK_STR(said(XS(s, 1, XS_WATCH, 0, "c\0t")), "!E2BIG");
	CHECK_STR(said(XS(s, 1, XS_TRANSACTION_START, 0, "")), "1");
	CHECK_STR(said(XS(s, 1, XS_TRANSACTION_START, 0, "")), "2");
	CHECK_STR(said(XS(s, 1, XS_TRANSACTION_START, 0, "")), "!ENOSPC");
	CHECK_EQ(store_transactions(s, 1), 2);
	/* Domain 0 has no quota. */
	for (int i = 0; i < 10; i++)
		CHECK(said(XS(s, 0, XS_TRANSACTION_START, 0, ""))[0] != '!');
	CHECK_EQ(store_transactions(s, 0), 10);
	CHECK(store_audit(s) == NULL);
	store_free(s);
}

UNIT_MAIN(UNIT(test_write_read_directory), UNIT(test_rm), UNIT(test_bad_requests),
	  UNIT(test_domains), UNIT(test_permissions), UNIT(test_quotas))
