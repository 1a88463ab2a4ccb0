/* snprintf-style formatting for the hypervisor, which has no libc.
 *
 * Semantics are those of snprintf: the return value is the length the full
 * output would have (or -1 if that exceeds INT_MAX), at most size - 1 bytes
 * are stored, the buffer is always NUL-terminated when size > 0, and size 0
 * stores nothing (buf may then be NULL).
 *
 * Supported: flags - 0 + space #, width and precision (digits or '*'),
 * length modifiers hh h l ll z j t, conversions d i u x X o c s p %.
 * Differences from a hosted printf, all deliberate:
 *   - no floating point;
 *   - %s of NULL prints "(null)" (a precision still truncates it);
 *   - %p prints "0x" and the address in lowercase hex with no leading
 *     zeros, NULL included ("0x0"); width, '-' and '0' apply as for %x;
 *   - %zd reads a ptrdiff_t, which has the width of size_t on every target
 *     we build for;
 *   - l on c or s is ignored (there are no wide characters here);
 *   - an unknown conversion, %n included, is copied to the output as
 *     written (flags, width and all) so the mistake shows; only its '*'
 *     fields consume arguments. */
#ifndef LIB_FORMAT_H
#define LIB_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

int vformat(char *buf, size_t size, const char *fmt, va_list ap);
int format(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
