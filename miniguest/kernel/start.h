/* What the kernel runs once it is up: the program, through the C library's
 * start-up (libc/start.c), on the "main" thread. When it returns the
 * thread ends; with no thread left the domain powers off. */
#ifndef MG_START_H
#define MG_START_H

void mg_main(void);

#endif
