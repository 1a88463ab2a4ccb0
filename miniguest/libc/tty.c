/* The console as a terminal: ioctl's window size, and termios settings,
 * one set for the console whichever descriptor names it. Reads follow
 * ICANON, ECHO, ICRNL and the editing characters (tty_line.c); output is
 * passed as written whatever the output flags say. */
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>

#include "fs_internal.h"
#include "fs_ops.h"
#include "syscall_ret.h"
#include "tty_line.h"

/* The console's size: what a serial terminal is assumed to be. */
#define CONSOLE_ROWS 24
#define CONSOLE_COLS 80

static long fionread(int fd, int *out)
{
	struct fd_file *f = fs_file(fd);
	struct ramfs_info i;

	if (!f || f->ops || ramfs_type(f->node) != RAMFS_PIPE)
		return f ? -ENOTTY : -EBADF;
	ramfs_info(f->node, &i);
	*out = (int)i.size;
	return 0;
}

int ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	void *arg;
	int tty = fs_isatty(fd);

	va_start(ap, request);
	arg = va_arg(ap, void *);
	va_end(ap);
	if (request == FIONREAD)
		return (int)mg_ret(fionread(fd, arg));
	if (tty < 0)
		return (int)mg_ret(tty);
	if (request != TIOCGWINSZ)
		return (int)mg_ret(-ENOTTY);
	*(struct winsize *)arg = (struct winsize){ CONSOLE_ROWS, CONSOLE_COLS, 0, 0 };
	return 0;
}

int tcgetattr(int fd, struct termios *t)
{
	int tty = fs_isatty(fd);

	if (tty < 0)
		return (int)mg_ret(tty);
	*t = *tty_settings();
	return 0;
}

int tcsetattr(int fd, int when, const struct termios *t)
{
	int tty = fs_isatty(fd);

	if (tty < 0)
		return (int)mg_ret(tty);
	if (when != TCSANOW && when != TCSADRAIN && when != TCSAFLUSH)
		return (int)mg_ret(-EINVAL);
	*tty_settings() = *t;
	return 0;
}

void cfmakeraw(struct termios *t)
{
	t->c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
	t->c_oflag &= ~(tcflag_t)OPOST;
	t->c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	t->c_cflag &= ~(tcflag_t)(CSIZE | PARENB);
	t->c_cflag |= CS8;
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
}

/* The console's name, whichever descriptor is on it. */
int ttyname_r(int fd, char *buf, size_t len)
{
	static const char name[] = "/dev/console";
	int tty = fs_isatty(fd);

	if (tty < 0)
		return -tty;
	if (len < sizeof(name))
		return ERANGE;
	memcpy(buf, name, sizeof(name));
	return 0;
}

char *ttyname(int fd)
{
	static char buf[16];
	int rc = ttyname_r(fd, buf, sizeof(buf));

	if (rc) {
		errno = rc;
		return NULL;
	}
	return buf;
}

speed_t cfgetispeed(const struct termios *t)
{
	return t->c_ispeed;
}

speed_t cfgetospeed(const struct termios *t)
{
	return t->c_ospeed;
}

int cfsetispeed(struct termios *t, speed_t speed)
{
	t->c_ispeed = speed;
	return 0;
}

int cfsetospeed(struct termios *t, speed_t speed)
{
	t->c_ospeed = speed;
	return 0;
}

int cfsetspeed(struct termios *t, speed_t speed)
{
	t->c_ispeed = t->c_ospeed = speed;
	return 0;
}

/* Output is written through at once and input is not queued here: there
 * is nothing to drain, flush or stop; only the descriptor is checked. */
static int console_only(int fd)
{
	int tty = fs_isatty(fd);

	return (int)mg_ret(tty < 0 ? tty : 0);
}

int tcdrain(int fd)
{
	return console_only(fd);
}

int tcflow(int fd, int action)
{
	(void)action;
	return console_only(fd);
}

int tcflush(int fd, int queue)
{
	(void)queue;
	return console_only(fd);
}

int tcsendbreak(int fd, int duration)
{
	(void)duration;
	return console_only(fd);
}
