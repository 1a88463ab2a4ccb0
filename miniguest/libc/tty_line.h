/* Reading the console through its termios settings (tty_line.c). */
#ifndef MINIGUEST_TTY_LINE_H
#define MINIGUEST_TTY_LINE_H

#include <stddef.h>
#include <termios.h>

/* Reads up to len (> 0) bytes of console input as t says. */
long tty_read(const struct termios *t, char *buf, size_t len);

/* The console's settings: one set, whichever descriptor names it. */
struct termios *tty_settings(void);

#endif
