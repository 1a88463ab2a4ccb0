/* The console: the ring of a domU, console_io and VIRQ_CONSOLE for the
 * initial domain (console.c). */
#ifndef MG_CONSOLE_H
#define MG_CONSOLE_H

#include <stdbool.h>

#include "kernel/printk.h"

/* console_write (printk.h) is safe anywhere, even in a trap handler: it
 * writes through console_io, or puts the bytes on the console ring and
 * sleeps until the backend makes room when it is full. */

/* Blocks the calling thread until input arrives; returns the bytes read
 * (at least 1), or 0 when this domain gets no console input (end of file). */
long console_read(char *buf, unsigned long len);

/* Whether console_read would return without waiting (input, or none ever). */
bool console_readable(void);

/* libc's (fs_wait.c): wakes select and poll, which input may concern. */
void fs_wake(void);

/* Opens the ring or binds VIRQ_CONSOLE; input is then buffered as it
 * arrives. */
void console_init(void);

#endif
