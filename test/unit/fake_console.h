/* The fake console and clock of fake_console.c. */
#ifndef FAKE_CONSOLE_H
#define FAKE_CONSOLE_H

#include <stddef.h>

struct fake_console {
	char out[4096];         /* everything written, NUL-terminated */
	size_t out_len;
	unsigned writes, reads;
	const char *in;         /* what console_read hands out */
	size_t in_pos;
	long now;               /* what fs_now answers */
};

extern struct fake_console fake;

#endif
