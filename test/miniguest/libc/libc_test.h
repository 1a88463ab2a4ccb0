/* The areas of the libc conformance guest, one file each. */
#ifndef LIBC_TEST_H
#define LIBC_TEST_H

void test_format(void);     /* printf, scanf */
void test_strings(void);    /* string.h */
void test_memory(void);     /* malloc, realloc, free, calloc */
void test_numbers(void);    /* math.h, strtod, qsort, bsearch */
void test_files(void);      /* stdio and POSIX files on the ramfs */
void test_errno(void);      /* errno of failing calls */
void test_time(void);       /* clocks and sleeping */
void test_threads(void);    /* miniguest's threads and wait queues */
void test_process(void);    /* getpid, getentropy */

#endif
