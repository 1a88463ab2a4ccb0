/* Console output of a conformance guest: the hypervisor's console, through
 * HYPERVISOR_console_io(CONSOLEIO_write). printk formats with the project's
 * formatter (hv/lib/format.h: snprintf semantics, no floating point). */
#ifndef CONFORMANCE_CONSOLE_H
#define CONFORMANCE_CONSOLE_H

#include <stdarg.h>
#include <stddef.h>

/* Longest line printk writes in one go; longer output is cut and marked. */
#define PRINTK_MAX  1200

/* Writes n bytes as they are; returns console_io's result. */
long console_write(const char *s, size_t n);

void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vprintk(const char *fmt, va_list ap);

#endif
