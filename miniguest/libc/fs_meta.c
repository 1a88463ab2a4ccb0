/* A file's metadata, the current directory and the umask. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "fs_internal.h"
#include "fs_ops.h"
#include "mount.h"
#include "path.h"

static unsigned umask_bits = 022;

unsigned fs_umask(unsigned mask)
{
	unsigned old = umask_bits;

	umask_bits = mask & 0777;
	return old;
}

unsigned fs_masked(unsigned mode)
{
	return mode & 07777 & ~umask_bits;
}

/* The node at path, or NULL with *rc set. */
static struct ramfs_node *node_at(const char *path, int *rc)
{
	struct ramfs *fs = fs_tree();
	struct ramfs_node *n = NULL;

	*rc = mount_refuse(path);
	if (*rc == 0)
		*rc = fs ? ramfs_lookup(fs, path, &n) : -ENOMEM;
	return *rc < 0 ? NULL : n;
}

/* fd's node; an ops file has none to change (-EINVAL). */
static struct ramfs_node *node_of(int fd, int *rc)
{
	struct fd_file *f = fs_file(fd);

	*rc = !f ? -EBADF : f->ops ? -EINVAL : 0;
	return f ? f->node : NULL;
}

int fs_chmod(const char *path, unsigned mode)
{
	int rc;
	struct ramfs_node *n = node_at(path, &rc);

	if (n)
		ramfs_set_mode(n, mode);
	return rc;
}

int fs_fchmod(int fd, unsigned mode)
{
	int rc;
	struct ramfs_node *n = node_of(fd, &rc);

	if (n)
		ramfs_set_mode(n, mode);
	return rc;
}

/* Only the one user and group exist: a file can be given to them (a
 * change to nothing), to no one else. */
static int own(struct ramfs_node *n, int rc, long uid, long gid)
{
	if (!n)
		return rc;
	if ((uid != -1 && uid != FS_UID) || (gid != -1 && gid != FS_GID))
		return -EPERM;
	return 0;
}

int fs_chown(const char *path, long uid, long gid)
{
	int rc;
	struct ramfs_node *n = node_at(path, &rc);

	return own(n, rc, uid, gid);
}

int fs_fchown(int fd, long uid, long gid)
{
	int rc;
	struct ramfs_node *n = node_of(fd, &rc);

	return own(n, rc, uid, gid);
}

/* One of utimensat's times: UTIME_NOW, UTIME_OMIT (keep old) or a time
 * whose nanoseconds must be in range. */
static int pick_time(const struct timespec *t, long old, long *out)
{
	if (!t || t->tv_nsec == UTIME_NOW) {
		*out = fs_now();
		return 0;
	}
	if (t->tv_nsec == UTIME_OMIT) {
		*out = old;
		return 0;
	}
	if (t->tv_nsec < 0 || t->tv_nsec >= 1000000000L)
		return -EINVAL;
	*out = (long)t->tv_sec;
	return 0;
}

static int set_times(struct ramfs_node *n, int rc, const struct timespec times[2])
{
	struct ramfs_info i;
	long a, m;

	if (!n)
		return rc;
	ramfs_info(n, &i);
	rc = pick_time(times ? &times[0] : NULL, i.atime, &a);
	if (rc == 0)
		rc = pick_time(times ? &times[1] : NULL, i.mtime, &m);
	if (rc == 0)
		ramfs_set_times(n, a, m);
	return rc;
}

int fs_utimens(const char *path, const struct timespec times[2])
{
	int rc;
	struct ramfs_node *n = node_at(path, &rc);

	return set_times(n, rc, times);
}

int fs_futimens(int fd, const struct timespec times[2])
{
	int rc;
	struct ramfs_node *n = node_of(fd, &rc);

	return set_times(n, rc, times);
}

int fs_access(const char *path, int mode)
{
	struct ramfs_info i;
	struct stat st;
	int rc;
	struct ramfs_node *n = NULL;
	const struct fs_type *t;
	void *sb;
	char rest[PATH_LEN_MAX];

	if (mount_find(path, &t, &sb, rest)) {
		rc = t->stat(sb, rest, &st);
		i.mode = st.st_mode;
	} else {
		n = node_at(path, &rc);
	}
	if (rc < 0)
		return rc;
	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	if (n)
		ramfs_info(n, &i);
	if (((mode & R_OK) && !(i.mode & 0400)) || ((mode & W_OK) && !(i.mode & 0200)) ||
	    ((mode & X_OK) && !(i.mode & 0100)))
		return -EACCES;
	return 0;
}

int fs_truncate(const char *path, long length)
{
	int rc;
	struct ramfs_node *n;
	const struct fs_type *t;
	void *sb;
	char rest[PATH_LEN_MAX];

	if (mount_find(path, &t, &sb, rest))
		return length < 0 ? -EINVAL : t->truncate(sb, rest, length);
	n = node_at(path, &rc);

	if (!n)
		return rc;
	if (ramfs_type(n) == RAMFS_DIR)
		return -EISDIR;
	if (length < 0)
		return -EINVAL;
	return ramfs_truncate(fs_tree(), n, (size_t)length);
}

/* Memory is all there is: a ramfs file is as stored as it will ever be. */
int fs_fsync(int fd)
{
	struct fd_file *f = fs_file(fd);
	struct ramfs_node *n;
	int rc;

	if (f && f->ops)
		return f->ops->fsync ? f->ops->fsync(f) : -EINVAL;
	n = node_of(fd, &rc);

	if (!n)
		return rc;
	if (ramfs_type(n) == RAMFS_CONSOLE || ramfs_type(n) == RAMFS_PIPE)
		return -EINVAL;
	return 0;
}

int fs_chdir(const char *path)
{
	struct ramfs *fs = fs_tree();
	int rc = mount_refuse(path);

	if (rc < 0)
		return rc;

	return fs ? ramfs_chdir(fs, path) : -ENOMEM;
}

int fs_fchdir(int fd)
{
	int rc;
	struct ramfs_node *n = node_of(fd, &rc);

	return n ? ramfs_fchdir(fs_tree(), n) : rc == -EINVAL ? -ENOTDIR : rc;
}

int fs_getcwd(char *buf, size_t size)
{
	struct ramfs *fs = fs_tree();

	return fs ? ramfs_getcwd(fs, buf, size) : -ENOMEM;
}
