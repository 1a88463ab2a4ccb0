/* newlib's <sys/file.h>, with flock, which it leaves out here. Locks have
 * one process's meaning (syscalls_posix.c): taking one always succeeds. */
#ifndef MINIGUEST_SYS_FILE_H
#define MINIGUEST_SYS_FILE_H

#include_next <sys/file.h>

#ifdef __cplusplus
extern "C" {
#endif

int flock(int __fd, int __operation);

#ifdef __cplusplus
}
#endif

#endif
