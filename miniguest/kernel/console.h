/* The console: output through console_io, input from VIRQ_CONSOLE. */
#ifndef MG_CONSOLE_H
#define MG_CONSOLE_H

#include "kernel/printk.h"

/* console_write (printk.h) writes through console_io: safe anywhere, even
 * in a trap handler. */

/* Blocks the calling thread until input arrives; returns the bytes read
 * (at least 1), or 0 when this domain gets no console input (end of file). */
long console_read(char *buf, unsigned long len);

/* Binds VIRQ_CONSOLE; input is then buffered as it arrives. */
void console_init(void);

#endif
