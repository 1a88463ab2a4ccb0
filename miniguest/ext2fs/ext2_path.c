/* Paths on an ext2 filesystem (ext2.h). */
#include <string.h>

#include "ext2.h"

long ext2_parent(ext2_filsys fs, const char *path, ext2_ino_t *dir, const char **leaf)
{
	const char *slash = strrchr(path, '/');
	char head[256];
	errcode_t rc;

	if (path[0] != '/' || !slash || slash[1] == 0)
		return -EXT2_ET_INVALID_ARGUMENT;
	*leaf = slash + 1;
	if (strlen(*leaf) > EXT2_NAME_LEN)
		return -EXT2_ET_INVALID_ARGUMENT;
	if (slash == path) {
		*dir = EXT2_ROOT_INO;
		return 0;
	}
	if ((size_t)(slash - path) >= sizeof(head))
		return -EXT2_ET_INVALID_ARGUMENT;
	memcpy(head, path, slash - path);
	head[slash - path] = 0;
	rc = ext2fs_namei(fs, EXT2_ROOT_INO, EXT2_ROOT_INO, head, dir);
	if (rc)
		return -rc;
	return ext2fs_check_directory(fs, *dir) ? -EXT2_ET_NO_DIRECTORY : 0;
}

long ext2_link(ext2_filsys fs, ext2_ino_t dir, const char *name, ext2_ino_t ino,
	       int type)
{
	errcode_t rc = ext2fs_link(fs, dir, name, ino, type);

	if (rc == EXT2_ET_DIR_NO_SPACE && !(rc = ext2fs_expand_dir(fs, dir)))
		rc = ext2fs_link(fs, dir, name, ino, type);
	return -rc;
}
