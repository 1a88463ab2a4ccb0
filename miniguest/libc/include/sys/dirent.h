/* Directory streams for miniguest. newlib's own <sys/dirent.h> for this
 * target is an "#error not supported" stub; this directory comes first on
 * the guest's include path and replaces it. syscalls_fs.c defines the
 * functions. */
#ifndef _SYS_DIRENT_H
#define _SYS_DIRENT_H

#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MAXNAMLEN 255

/* d_type values. */
#define DT_UNKNOWN 0
#define DT_CHR     2
#define DT_DIR     4
#define DT_REG     8
#define DT_LNK     10

#define _DIRENT_HAVE_D_TYPE 1

struct dirent {
	ino_t d_ino;
	unsigned char d_type;
	char d_name[MAXNAMLEN + 1];
};

/* A stream is a descriptor plus the entry readdir returns last. */
typedef struct {
	int dd_fd;
	struct dirent dd_ent;
} DIR;

DIR *opendir(const char *path);
struct dirent *readdir(DIR *dir);
void rewinddir(DIR *dir);
int closedir(DIR *dir);
int dirfd(DIR *dir);

#ifdef __cplusplus
}
#endif

#endif
