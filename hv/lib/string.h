/* The handful of C string functions the hypervisor uses.
 *
 * The freestanding build has no libc, so hv/lib/string.c provides them (the
 * compiler may also emit calls to memcpy/memset/memmove on its own for
 * structure copies). Host unit tests build the same generic sources against
 * the host libc instead, which keeps its sanitizer interceptors in play. */
#ifndef LIB_STRING_H
#define LIB_STRING_H

#ifdef HV_HOSTED
#include <string.h>
/* POSIX, so a strict -std=c11 host <string.h> may hide it. */
size_t strnlen(const char *s, size_t max);
#else
#include <stddef.h>

void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
#endif

#endif
