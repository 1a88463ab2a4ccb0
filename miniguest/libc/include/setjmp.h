/* newlib's <setjmp.h> and POSIX's _setjmp/_longjmp (setjmp.S) and
 * sigsetjmp/siglongjmp (signal.c), which newlib declares only for Cygwin
 * and RTEMS. setjmp and _setjmp leave the signal mask alone; sigsetjmp
 * with a nonzero savemask has siglongjmp put it back. */
#ifndef MG_SETJMP_H
#define MG_SETJMP_H

#include_next <setjmp.h>

#ifndef _setjmp
int _setjmp(jmp_buf env);
__attribute__((noreturn)) void _longjmp(jmp_buf env, int val);
#endif

#ifndef sigsetjmp
typedef struct {
	jmp_buf buf;
	int restore;
	unsigned long mask;             /* a sigset_t */
} sigjmp_buf[1];

void mg_sigjmp_save(sigjmp_buf env, int savemask);
#define sigsetjmp(env, savemask) (mg_sigjmp_save((env), (savemask)), setjmp((env)->buf))
__attribute__((noreturn)) void siglongjmp(sigjmp_buf env, int val);
#endif

#endif
