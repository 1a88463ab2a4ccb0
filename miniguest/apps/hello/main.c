/* The default demo's application: a greeting, the date, its arguments and
 * a file from the cpio archive it was given as its module. */
#include <stdio.h>
#include <time.h>

static void show_file(const char *path)
{
	char line[256];
	FILE *f = fopen(path, "r");

	if (!f) {
		perror(path);
		return;
	}
	printf("%s says:\n", path);
	while (fgets(line, sizeof(line), f))
		printf("  %s", line);
	fclose(f);
}

int main(int argc, char **argv)
{
	char date[64];
	time_t now = time(NULL);

	printf("Hello from %s, a C program running as a ring-1 guest!\n", argv[0]);
	strftime(date, sizeof(date), "%A %d %B %Y, %H:%M:%S UTC", gmtime(&now));
	printf("It is %s.\n", date);
	printf("%d argument(s):", argc - 1);
	for (int i = 1; i < argc; i++)
		printf(" %s", argv[i]);
	printf("\n");
	show_file("/etc/motd");
	return 0;
}
