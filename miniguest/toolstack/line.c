/* Reading a command line from the serial console, as a terminal user
 * expects: typed characters echoed, backspace, Ctrl-U to erase the line,
 * Ctrl-C to drop it, the up and down arrows through the last commands. */
#include <stdio.h>
#include <string.h>

#include "kernel/console.h"
#include "toolstack/line.h"

#define HISTORY 16

static char history[HISTORY][LINE_MAX_LEN];
static unsigned nhistory;             /* lines ever kept */
static char pending[64];
static long npending, at;

int line_getc(void)
{
	if (at == npending) {
		npending = console_read(pending, sizeof(pending));
		at = 0;
		if (npending <= 0) {
			npending = 0;
			return -1;
		}
	}
	return (unsigned char)pending[at++];
}

static void erase(size_t n)
{
	while (n--)
		fputs("\b \b", stdout);
}

/* Replaces the line shown (len bytes) with s. */
static size_t show(char *line, size_t len, const char *s)
{
	erase(len);
	snprintf(line, LINE_MAX_LEN, "%s", s);
	fputs(line, stdout);
	return strlen(line);
}

static void remember(const char *line)
{
	if (line[0] && (nhistory == 0 || strcmp(history[(nhistory - 1) % HISTORY], line) != 0))
		snprintf(history[nhistory++ % HISTORY], LINE_MAX_LEN, "%s", line);
}

/* After ESC: "[A" is up, "[B" down; the rest of a sequence is ignored. */
static size_t arrow(char *line, size_t len, unsigned *back)
{
	if (line_getc() != '[')
		return len;
	int c = line_getc();
	unsigned oldest = nhistory < HISTORY ? nhistory : HISTORY;
	if (c == 'A' && *back < oldest)
		return show(line, len, history[(nhistory - ++*back) % HISTORY]);
	if (c == 'B' && *back > 0)
		return show(line, len, --*back ? history[(nhistory - *back) % HISTORY] : "");
	return len;
}

int line_read(const char *prompt, char *line)
{
	size_t len = 0;
	unsigned back = 0;                /* how far up the history */

	fputs(prompt, stdout);
	fflush(stdout);
	for (;;) {
		int c = line_getc();
		if (c < 0)
			return -1;
		if (c == '\r' || c == '\n') {
			line[len] = '\0';
			fputs("\r\n", stdout);
			remember(line);
			return (int)len;
		}
		if (c == 0x7f || c == '\b') {
			if (len) {
				erase(1);
				len--;
			}
		} else if (c == 0x15) {               /* Ctrl-U */
			erase(len);
			len = 0;
		} else if (c == 0x03) {               /* Ctrl-C */
			fputs("^C\r\n", stdout);
			fputs(prompt, stdout);
			len = 0;
		} else if (c == 0x1b) {
			len = arrow(line, len, &back);
		} else if (c >= ' ' && c < 0x7f && len + 1 < LINE_MAX_LEN) {
			line[len++] = (char)c;
			putchar(c);
		}
		fflush(stdout);
	}
}
