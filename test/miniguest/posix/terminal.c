/* The console as a terminal: its size, and settings that read back. */
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "posix_test.h"

void test_terminal(void)
{
	struct winsize ws = { 0, 0, 0, 0 };
	struct termios t, raw, back;
	int fd = open("/data/hello.txt", O_RDONLY);

	CHECK(ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0,
	      "TIOCGWINSZ on the console: %ux%u", ws.ws_col, ws.ws_row);
	FAILS_WITH(ioctl(fd, TIOCGWINSZ, &ws), -1, ENOTTY);
	FAILS_WITH(ioctl(1, 0x12345678, &ws), -1, ENOTTY);
	FAILS_WITH(ioctl(59, TIOCGWINSZ, &ws), -1, EBADF);

	CHECK(tcgetattr(0, &t) == 0 && !(t.c_lflag & (ICANON | ECHO)),
	      "tcgetattr: the console starts raw, without echo");
	raw = t;
	raw.c_lflag |= ICANON | ECHO | ISIG;
	raw.c_oflag |= OPOST;
	cfmakeraw(&raw);
	CHECK(!(raw.c_lflag & (ICANON | ECHO | ISIG)) && !(raw.c_oflag & OPOST) &&
	      (raw.c_cflag & CSIZE) == CS8 && raw.c_cc[VMIN] == 1, "cfmakeraw");
	CHECK(tcsetattr(0, TCSANOW, &raw) == 0 && tcgetattr(0, &back) == 0 &&
	      !(back.c_lflag & ICANON) && back.c_lflag == raw.c_lflag, "raw mode reads back");
	CHECK(tcsetattr(0, TCSAFLUSH, &t) == 0 && tcgetattr(2, &back) == 0 &&
	      back.c_lflag == t.c_lflag, "and back to line mode (seen on fd 2 too)");
	CHECK(cfsetospeed(&back, B9600) == 0 && cfgetospeed(&back) == B9600, "cfsetospeed");
	FAILS_WITH(tcsetattr(0, 42, &t), -1, EINVAL);
	FAILS_WITH(tcgetattr(fd, &back), -1, ENOTTY);
	FAILS_WITH(tcsetattr(fd, TCSANOW, &t), -1, ENOTTY);
	FAILS_WITH(tcgetattr(58, &back), -1, EBADF);
	CHECK(tcdrain(1) == 0 && tcflush(0, TCIFLUSH) == 0, "tcdrain, tcflush on the console");
	CHECK(ttyname(0) && strcmp(ttyname(0), "/dev/console") == 0, "ttyname(0)");
	FAILS_WITH(ttyname(fd), NULL, ENOTTY);
	char name[4];
	CHECK(ttyname_r(1, name, sizeof(name)) == ERANGE, "ttyname_r with a short buffer");
	close(fd);
}
