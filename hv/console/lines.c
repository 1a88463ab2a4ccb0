#include "console/lines.h"
#include "console/console.h"

static const void *open_writer;        /* whose line the cursor is in, or none */
static int cr_pending;                 /* its '\r', held to see if '\n' follows */

void console_lines_close(void)
{
	if (open_writer)
		console_raw_write("\n", 1);
	open_writer = 0;
	cr_pending = 0;
}

static void open_line(const void *writer, const char *prefix, size_t plen)
{
	if (open_writer == writer)
		return;
	console_lines_close();
	console_raw_write(prefix, plen);
	open_writer = writer;
}

void console_lines_write(const void *writer, const char *prefix, size_t plen, const char *s,
			 size_t n)
{
	size_t run = 0;                 /* start of the plain bytes not yet out */

	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c != '\n' && c != '\r' && !cr_pending && open_writer == writer)
			continue;
		console_raw_write(s + run, i - run);
		run = i + 1;
		open_line(writer, prefix, plen);
		if (cr_pending) {
			cr_pending = 0;
			console_raw_write("\r", 1);
			if (c == '\n') {
				console_raw_write("\n", 1);
				open_writer = 0;
				continue;
			}
			/* The line starts again: so does its prefix. */
			console_raw_write(prefix, plen);
		}
		if (c == '\r') {
			cr_pending = 1;
		} else if (c == '\n') {
			console_raw_write("\n", 1);
			open_writer = 0;
		} else {
			run = i;
		}
	}
	if (n > run)
		open_line(writer, prefix, plen);
	console_raw_write(s + run, n - run);
}
