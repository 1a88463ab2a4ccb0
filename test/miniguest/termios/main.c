/* The console's termios modes as a program sees them: it starts raw (a read
 * returns what has arrived); with ICANON a read returns one typed line at a
 * time, and with ECHO the typed bytes come back on the console. Two lines
 * are typed at once; each canonical read must return exactly one of them. */
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static int failures;

static void check(int ok, const char *what)
{
	printf("%s %s\n", ok ? "ok  " : "FAIL", what);
	failures += !ok;
}

static void read_line(const char *want)
{
	char buf[64] = { 0 };
	ssize_t n = read(0, buf, sizeof(buf) - 1);
	char what[128];

	snprintf(what, sizeof(what), "a canonical read returns one line: %zd bytes '%.*s'", n,
		 n > 0 ? (int)n - 1 : 0, buf);
	check(n == (ssize_t)strlen(want) && memcmp(buf, want, (size_t)n) == 0, what);
}

int main(void)
{
	struct termios t;

	check(tcgetattr(0, &t) == 0 && !(t.c_lflag & (ICANON | ECHO)),
	      "the console starts raw, without echo");
	t.c_lflag |= ICANON | ECHO;
	check(tcsetattr(0, TCSANOW, &t) == 0, "tcsetattr turns on ICANON and ECHO");
	printf("type two lines\n");
	fflush(stdout);
	sleep(1);                   /* both lines are there before the first read */
	read_line("first line\n");
	read_line("second\n");
	cfmakeraw(&t);
	check(tcsetattr(0, TCSAFLUSH, &t) == 0, "cfmakeraw and back to raw");
	printf("%d failure(s)\n", failures);
	return failures != 0;
}
