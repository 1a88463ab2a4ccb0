/* Guests' lines on the shared console. A guest's bytes go out as soon as
 * it writes them, and every line it starts (after a newline, after a
 * carriage return, or after someone else's output) begins with its prefix,
 * so that no guest can forge another's name or the hypervisor's log. */
#ifndef CONSOLE_LINES_H
#define CONSOLE_LINES_H

#include <stddef.h>

/* Writes n bytes for writer (any pointer naming it, compared only), whose
 * lines start with prefix. The bytes must already be filtered: '\n' ends
 * the line, '\r' returns to its start. With interrupts off (the caller's:
 * console_guest_write). */
void console_lines_write(const void *writer, const char *prefix, size_t plen, const char *s,
			 size_t n);

/* Ends a guest's line left open, before the hypervisor's own output
 * (console_write). */
void console_lines_close(void);

#endif
