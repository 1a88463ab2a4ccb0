/* newlib's <setjmp.h> and POSIX's _setjmp/_longjmp (setjmp.S), which
 * newlib declares only for Cygwin and RTEMS. There is no signal mask to
 * save, so they are setjmp and longjmp. */
#ifndef MG_SETJMP_H
#define MG_SETJMP_H

#include_next <setjmp.h>

#ifndef _setjmp
int _setjmp(jmp_buf env);
__attribute__((noreturn)) void _longjmp(jmp_buf env, int val);
#endif

#endif
