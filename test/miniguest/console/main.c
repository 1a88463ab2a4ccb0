/* Console fidelity: what a program writes reaches the terminal byte for
 * byte (miniguest.tests checks the serial line): UTF-8, a carriage return,
 * a 10 KiB line, and a last line without a newline, flushed and then
 * written raw. With the argument "typed": a line typed before the program
 * was ready, read back whole. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int echo_typed_line(void)
{
	char typed[128];

	if (!fgets(typed, sizeof(typed), stdin)) {
		printf("typed: nothing\n");
		return 1;
	}
	printf("typed: '%.*s' (%zu bytes)\n", (int)strcspn(typed, "\n"), typed,
	       strcspn(typed, "\n"));
	return 0;
}

int main(int argc, char **argv)
{
	static char line[10 * 1024 + 1];

	if (argc > 1 && strcmp(argv[1], "typed") == 0)
		return echo_typed_line();
	printf("utf-8: caf\xc3\xa9 \xc3\xb1 \xe6\x97\xa5\xe6\x9c\xac \xe2\x82\xac\n");
	printf("progress 10%%\rprogress 20%%\n");
	printf("escape: [\x1b[2J] bell [\x07] del [\x7f]\n");
	for (size_t i = 0; i < sizeof(line) - 1; i++)
		line[i] = (char)('0' + i % 10);
	printf("long: %s\n", line);
	printf("partial, ");
	fflush(stdout);
	write(1, "then raw", 8);
	return 0;
}
