/* The mount table (mount.h). */
#include <errno.h>
#include <string.h>

#include "fs_ops.h"
#include "mount.h"
#include "path.h"

static struct mount {
	char dir[PATH_LEN_MAX];         /* cleaned; "" while the slot is free */
	const struct fs_type *type;
	void *sb;
} mounts[MOUNT_MAX];

/* A mount made at MOUNT_DEFAULT_DIR: the default one is not wanted. */
static bool default_taken;

/* path made absolute against the current directory, then cleaned into
 * out (PATH_LEN_MAX bytes). */
static int absolute(const char *path, char *out)
{
	static char joined[2 * PATH_LEN_MAX];
	size_t at;
	int rc;

	if (path[0] == '/')
		return path_clean(path, out, PATH_LEN_MAX);
	rc = fs_getcwd(joined, PATH_LEN_MAX);
	if (rc < 0)
		return rc;
	at = strlen(joined);
	if (strlen(path) >= sizeof(joined) - at - 1)
		return -ENAMETOOLONG;
	joined[at] = '/';
	strcpy(joined + at + 1, path);
	return path_clean(joined, out, PATH_LEN_MAX);
}

/* The mount at clean path dir, or NULL. */
static struct mount *at(const char *dir)
{
	for (int i = 0; i < MOUNT_MAX; i++)
		if (mounts[i].dir[0] && strcmp(mounts[i].dir, dir) == 0)
			return &mounts[i];
	return NULL;
}

/* The mount holding clean path clean, as mount_find says. */
static bool find(const char *clean, const struct fs_type **type, void **sb, char *rest)
{
	size_t n;

	for (int i = 0; i < MOUNT_MAX; i++) {
		n = strlen(mounts[i].dir);
		if (!n || strncmp(clean, mounts[i].dir, n) != 0 ||
		    (clean[n] != '/' && clean[n] != '\0'))
			continue;
		strcpy(rest, clean[n] ? clean + n : "/");
		*type = mounts[i].type;
		*sb = mounts[i].sb;
		return true;
	}
	return false;
}

bool mount_find(const char *path, const struct fs_type **type, void **sb, char *rest)
{
	static char clean[PATH_LEN_MAX];
	size_t n = strlen(MOUNT_DEFAULT_DIR);

	if (!path || !path[0] || absolute(path, clean) < 0)
		return false;
	if (find(clean, type, sb, rest))
		return true;
	/* The default mount is made when a path first reaches into it. */
	if (default_taken || strncmp(clean, MOUNT_DEFAULT_DIR, n) != 0 ||
	    (clean[n] != '/' && clean[n] != '\0') || fs_mount_default() < 0)
		return false;
	return absolute(path, clean) >= 0 && find(clean, type, sb, rest);
}

int mount_refuse(const char *path)
{
	const struct fs_type *t;
	void *sb;
	char rest[PATH_LEN_MAX];

	return mount_find(path, &t, &sb, rest) && strcmp(rest, "/") != 0 ? -ENOTSUP : 0;
}

int mount_add(const char *dir, const struct fs_type *type, void *sb)
{
	char clean[PATH_LEN_MAX];
	int rc = absolute(dir, clean);
	const struct fs_type *t;
	void *other;
	char rest[PATH_LEN_MAX];

	if (rc < 0)
		return rc;
	/* Not the root, nor in a mount (none nests in another). */
	if (strcmp(clean, "/") == 0 || find(clean, &t, &other, rest))
		return -EBUSY;
	default_taken |= strcmp(clean, MOUNT_DEFAULT_DIR) == 0;
	/* The mount point, a directory of the ramfs. */
	rc = fs_mkdir(clean, 0755);
	if (rc < 0 && rc != -EEXIST)
		return rc;
	for (int i = 0; i < MOUNT_MAX; i++) {
		if (mounts[i].dir[0])
			continue;
		strcpy(mounts[i].dir, clean);
		mounts[i].type = type;
		mounts[i].sb = sb;
		return 0;
	}
	return -ENOSPC;
}

int mount_sync_all(void)
{
	int first = 0, rc;

	for (int i = 0; i < MOUNT_MAX; i++) {
		if (!mounts[i].dir[0])
			continue;
		rc = mounts[i].type->sync(mounts[i].sb);
		if (rc < 0 && !first)
			first = rc;
	}
	return first;
}

static int unmount(struct mount *m)
{
	int rc = m->type->unmount(m->sb);

	m->dir[0] = '\0';
	return rc;
}

int mount_remove(const char *dir)
{
	char clean[PATH_LEN_MAX];
	struct mount *m;
	int rc = absolute(dir, clean);

	if (rc < 0)
		return rc;
	m = at(clean);
	return m ? unmount(m) : -EINVAL;
}

int mount_remove_all(void)
{
	int first = 0, rc;

	for (int i = 0; i < MOUNT_MAX; i++) {
		if (!mounts[i].dir[0])
			continue;
		rc = unmount(&mounts[i]);
		if (rc < 0 && !first)
			first = rc;
	}
	return first;
}
