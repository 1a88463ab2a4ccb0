/* newlib's <sys/stat.h>, with what it leaves out for this target: lstat
 * (there are no symbolic links, so it is stat) and utimensat's special
 * times. syscalls_posix.c defines the functions. */
#ifndef MINIGUEST_SYS_STAT_H
#define MINIGUEST_SYS_STAT_H

#include_next <sys/stat.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef UTIME_NOW
#define UTIME_NOW  ((1L << 30) - 1L)
#define UTIME_OMIT ((1L << 30) - 2L)
#endif

int lstat(const char *__restrict __path, struct stat *__restrict __buf);

#ifdef __cplusplus
}
#endif

#endif
