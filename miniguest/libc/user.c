/* The one user a domain has: it owns every file (fs_ops.h's FS_UID and
 * FS_GID), its home is the root, and no other user or group exists, so
 * changing to one fails with EPERM. */
#include <errno.h>
#include <pwd.h>
#include <string.h>
#include <unistd.h>

#include "fs_ops.h"

static char user_name[] = "user", no_password[] = "x", home[] = "/", shell[] = "/bin/sh";

static struct passwd the_user = {
	.pw_name = user_name, .pw_passwd = no_password, .pw_uid = FS_UID, .pw_gid = FS_GID,
	.pw_comment = user_name, .pw_gecos = user_name, .pw_dir = home, .pw_shell = shell,
};

uid_t getuid(void)
{
	return FS_UID;
}

uid_t geteuid(void)
{
	return FS_UID;
}

gid_t getgid(void)
{
	return FS_GID;
}

gid_t getegid(void)
{
	return FS_GID;
}

static int become(unsigned id, unsigned mine)
{
	if (id != mine) {
		errno = EPERM;
		return -1;
	}
	return 0;
}

int setuid(uid_t uid)
{
	return become(uid, FS_UID);
}

int setgid(gid_t gid)
{
	return become(gid, FS_GID);
}

/* The user's one group is its primary group. */
int getgroups(int size, gid_t list[])
{
	if (size == 0)
		return 1;
	if (size < 1) {
		errno = EINVAL;
		return -1;
	}
	list[0] = FS_GID;
	return 1;
}

char *getlogin(void)
{
	return user_name;
}

/* Not finding a user is NULL with errno untouched, as POSIX has it. */
struct passwd *getpwuid(uid_t uid)
{
	return uid == FS_UID ? &the_user : NULL;
}

struct passwd *getpwnam(const char *name)
{
	return strcmp(name, user_name) == 0 ? &the_user : NULL;
}

/* The _r forms copy the strings into buf: ERANGE if it is too small;
 * 0 with *out NULL when there is no such user. */
static int copy_user(struct passwd *pw, char *buf, size_t len, struct passwd **out)
{
	char **fields[] = { &pw->pw_name, &pw->pw_passwd, &pw->pw_comment, &pw->pw_gecos,
			    &pw->pw_dir, &pw->pw_shell };

	*out = NULL;
	*pw = the_user;
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		size_t n = strlen(*fields[i]) + 1;

		if (n > len)
			return ERANGE;
		memcpy(buf, *fields[i], n);
		*fields[i] = buf;
		buf += n;
		len -= n;
	}
	*out = pw;
	return 0;
}

int getpwuid_r(uid_t uid, struct passwd *pw, char *buf, size_t len, struct passwd **out)
{
	*out = NULL;
	return uid == FS_UID ? copy_user(pw, buf, len, out) : 0;
}

int getpwnam_r(const char *name, struct passwd *pw, char *buf, size_t len,
	       struct passwd **out)
{
	*out = NULL;
	return strcmp(name, user_name) == 0 ? copy_user(pw, buf, len, out) : 0;
}

static int listed;

void setpwent(void)
{
	listed = 0;
}

struct passwd *getpwent(void)
{
	return listed++ ? NULL : &the_user;
}

void endpwent(void)
{
	listed = 0;
}
