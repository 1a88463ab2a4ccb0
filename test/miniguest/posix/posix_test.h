/* The areas of the POSIX guest, one file each. */
#ifndef POSIX_TEST_H
#define POSIX_TEST_H

#include <errno.h>

#include "../check.h"

/* expr fails (-1 or NULL as the call has it) with errno e. */
#define FAILS_WITH(expr, fail, e)                                              \
	do {                                                                    \
		errno = 0;                                                      \
		int failed_ = (expr) == (fail);                                 \
		int got_ = errno;                                               \
		CHECK(failed_ && got_ == (e), "%s fails with %s (errno %d)", #expr, #e, got_); \
	} while (0)

void test_metadata(void);   /* chmod, utime, chown, access, truncate, umask */
void test_cwd(void);        /* getcwd, chdir, relative paths */
void test_at(void);         /* openat, fstatat, unlinkat ... */
void test_links(void);      /* lstat, readlink, symlink */
void test_descriptors(void); /* dup, dup2, fcntl, locks */
void test_pipes(void);      /* pipe, pipe2 */
void test_system(void);     /* ids, pwd.h, sysconf, pathconf, uname, getrusage */
void test_terminal(void);   /* ioctl, termios */
void test_mappings(void);   /* mmap, munmap, mprotect */
void test_locale(void);     /* setlocale, UTF-8 multibyte functions */
void test_temporary(void);  /* /tmp, mkstemp, tmpfile */

#endif
