/* The areas of the threads guest, one file each. */
#ifndef THREADS_TEST_H
#define THREADS_TEST_H

void test_pthreads(void);   /* pthread.h */
void test_signals(void);    /* sigaction, sigprocmask, raise, _setjmp */
void test_stdio_locks(void);/* flockfile, popen, system */

#endif
