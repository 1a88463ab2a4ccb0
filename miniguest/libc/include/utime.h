/* newlib's <utime.h> (struct utimbuf), and utime itself, which newlib
 * leaves to the system; syscalls_posix.c defines it. */
#ifndef MINIGUEST_UTIME_H
#define MINIGUEST_UTIME_H

#include_next <utime.h>

#ifdef __cplusplus
extern "C" {
#endif

int utime(const char *__path, const struct utimbuf *__times);

#ifdef __cplusplus
}
#endif

#endif
