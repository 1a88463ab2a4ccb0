/* Where the hypervisor's own output goes: the serial line. */
#ifndef CONSOLE_CONSOLE_H
#define CONSOLE_CONSOLE_H

#include <stddef.h>

void console_init(void);
void console_write(const char *s, size_t n);
/* A guest's bytes, through console/lines.h, with interrupts off. */
void console_guest_write(const void *writer, const char *prefix, size_t plen, const char *s,
			 size_t n);
/* Straight to the serial line, for console/lines.c. */
void console_raw_write(const char *s, size_t n);

#endif
