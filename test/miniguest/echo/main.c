/* Console input through stdio: reads lines typed on the serial console and
 * says them back, until the line "quit". */
#include <stdio.h>
#include <string.h>

int main(void)
{
	char line[128];

	printf("type lines; quit ends\n");
	fflush(stdout);
	while (fgets(line, sizeof(line), stdin)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (strcmp(line, "quit") == 0)
			break;
		printf("read: '%s' (%zu bytes)\n", line, strlen(line));
		fflush(stdout);
	}
	printf("bye\n");
	return 0;
}
