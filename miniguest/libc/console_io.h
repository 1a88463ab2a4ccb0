/* The console, as the kernel offers it to the file layer. The kernel
 * defines these two; the unit tests define fakes. */
#ifndef MINIGUEST_CONSOLE_IO_H
#define MINIGUEST_CONSOLE_IO_H

/* Writes all len bytes; returns len. */
long console_write(const char *buf, unsigned long len);

/* Blocks until at least one byte has arrived; returns how many were read
 * (at most len, which is never 0). */
long console_read(char *buf, unsigned long len);

#endif
