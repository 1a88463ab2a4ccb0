/* The console: output through console_io, input from VIRQ_CONSOLE. */
#ifndef MG_CONSOLE_H
#define MG_CONSOLE_H

#include <stdarg.h>

/* Writes len bytes; returns len. Safe anywhere, even in a trap handler. */
long console_write(const char *buf, unsigned long len);

/* Blocks the calling thread until input arrives; returns the bytes read
 * (at least 1), or 0 when this domain gets no console input (end of file). */
long console_read(char *buf, unsigned long len);

/* Binds VIRQ_CONSOLE; input is then buffered as it arrives. */
void console_init(void);

#define PRINTK_MAX 512
void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vprintk(const char *fmt, va_list ap);

#endif
