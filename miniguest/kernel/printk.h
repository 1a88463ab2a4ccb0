/* Formatted console output for guest kernels, with the project's own
 * formatter (hv/lib/format.h): usable in trap handlers and before anything
 * else is set up. Shared with the conformance guests' runtime. */
#ifndef MG_PRINTK_H
#define MG_PRINTK_H

#include <stdarg.h>

/* Writes len bytes to the console as they are; the guest provides it. */
long console_write(const char *buf, unsigned long len);

/* Longest line printk writes in one go; longer output is cut and marked. */
#define PRINTK_MAX 1200

void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vprintk(const char *fmt, va_list ap);

#endif
