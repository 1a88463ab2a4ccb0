/* What of a guest's bytes may reach the serial line. Text passes byte for
 * byte: UTF-8 and other bytes >= 0x80, '\t', '\n', '\r' (console/lines.c
 * starts the line again with the prefix). Other control characters, ESC and
 * DEL above all, could move the cursor or rewrite what other domains
 * printed: they become '?'; NUL is dropped. */
#ifndef CONSOLE_FILTER_H
#define CONSOLE_FILTER_H

#include <stddef.h>

/* Filters the n bytes of buf in place; returns how many are left. */
size_t console_filter(char *buf, size_t n);

#endif
