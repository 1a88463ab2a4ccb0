/* The console's line discipline. With ICANON set (tcsetattr) a read returns
 * one line at a time, edited as it is typed: VERASE (or backspace) takes back
 * a byte, VKILL the line, VEOF ends the line without a newline (at its start
 * it reads as end of file); ICRNL turns a typed '\r' into '\n'; with ECHO the
 * typed bytes and the erasures are written back. Without ICANON -- the
 * console's default, as it always was -- a read returns what has arrived. */
#include <stdbool.h>
#include <string.h>
#include <termios.h>

#include "console_io.h"
#include "tty_line.h"

#define LINE_BYTES 4096          /* as a POSIX terminal's MAX_CANON */

/* What the console does unless told otherwise: input as it arrives, no
 * echo (the terminal the user types at echoes, or not, by itself), the
 * usual editing characters ready for a program that turns ICANON on. */
static struct termios console_tio = {
	.c_iflag = ICRNL | IXON,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = CS8 | CREAD | B115200,
	.c_lflag = ISIG | ECHOE | ECHOK | IEXTEN,
	.c_cc = { [VINTR] = 3, [VQUIT] = 28, [VERASE] = 127, [VKILL] = 21,
		  [VEOF] = 4, [VMIN] = 1, [VSTART] = 17, [VSTOP] = 19, [VSUSP] = 26 },
	.c_ispeed = B115200,
	.c_ospeed = B115200,
};

struct termios *tty_settings(void)
{
	return &console_tio;
}

static char line[LINE_BYTES];
static size_t line_len, line_off;
static bool line_ready;

static void echo(const struct termios *t, const char *s, size_t n)
{
	if (t->c_lflag & ECHO)
		console_write(s, n);
}

static void erase(const struct termios *t, size_t n)
{
	for (; n && line_len; n--) {
		line_len--;
		if (t->c_lflag & ECHOE)
			echo(t, "\b \b", 3);
	}
}

/* Takes typed bytes until a whole line is there; <= 0 when the console
 * has no input at all. */
static long gather(const struct termios *t)
{
	while (!line_ready) {
		char c;
		long n = console_read(&c, 1);
		if (n <= 0)
			return n;
		if (c == '\r' && (t->c_iflag & ICRNL))
			c = '\n';
		if (c == (char)t->c_cc[VERASE] || c == '\b') {
			erase(t, 1);
		} else if (c == (char)t->c_cc[VKILL]) {
			erase(t, line_len);
		} else if (c == (char)t->c_cc[VEOF]) {
			line_ready = true;
		} else if (c == '\n' || line_len < LINE_BYTES - 1) {
			/* A full line keeps room for its newline only. */
			line[line_len++] = c;
			echo(t, &c, 1);
			line_ready = c == '\n';
		}
	}
	return 1;
}

long tty_read(const struct termios *t, char *buf, size_t len)
{
	if (!(t->c_lflag & ICANON))
		return console_read(buf, len);
	long rc = gather(t);
	if (rc <= 0)
		return rc;
	size_t n = line_len - line_off < len ? line_len - line_off : len;
	memcpy(buf, line + line_off, n);
	line_off += n;
	if (line_off == line_len) {
		line_len = line_off = 0;
		line_ready = false;
	}
	return (long)n;
}
