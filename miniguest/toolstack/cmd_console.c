/* console ID: what is typed goes to the domain's console (through the
 * console backend) until Ctrl-]; its output shows, as every domain's does,
 * under its name. */
#include <stdio.h>

#include "consoled/consoled.h"
#include "toolstack/line.h"
#include "toolstack/shell.h"

#define ESCAPE 0x1d                   /* Ctrl-] */

int cmd_console(int argc, char **argv)
{
	uint16_t dom;

	if (parse_domain(argc, argv, &dom) < 0)
		return -1;
	if (shell_scripted) {
		printf("console: only on the serial console, not in a script\n");
		return -1;
	}
	if (dom == 0 || !consoled_type(dom, "", 0)) {
		printf("console: domain %u has no console served here\n", dom);
		return -1;
	}
	printf("console: attached to domain %u; Ctrl-] comes back\n", dom);
	fflush(stdout);
	for (int c; (c = line_getc()) >= 0 && c != ESCAPE;) {
		char b = (char)c;
		if (!consoled_type(dom, &b, 1)) {
			printf("\nconsole: domain %u's console is gone\n", dom);
			return -1;
		}
	}
	printf("\nconsole: back in the shell\n");
	return 0;
}
