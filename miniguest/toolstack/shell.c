/* The shell: commands by name, a line of them at a time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/thread.h"
#include "toolstack/shell.h"

#define MAX_WORDS 32

bool shell_scripted;

static int cmd_help(int argc, char **argv);

/* sleep MS: a script's pause, so that time passes between commands. */
static int cmd_sleep(int argc, char **argv)
{
	char *end = NULL;
	unsigned long ms = argc == 2 ? strtoul(argv[1], &end, 10) : 0;

	if (argc != 2 || *end || ms > 60000) {
		printf("sleep: give milliseconds, at most 60000\n");
		return -1;
	}
	thread_sleep_ns(ms * 1000000ull);
	return 0;
}

static const struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *usage;
} commands[] = {
	{ "list", cmd_list, "list [--json]         the domains: id, name, state, memory, CPU time, "
			    "scheduling" },
	{ "create", cmd_create, "create NAME FILE [mem=SIZE] [maxmem=SIZE] [initrd=FILE] [gnttab=N] [KEY=N...] "
				"[-- ARGS]\n                      a domain from an ELF file (default "
				"mem=16M; KEY=N: the scheduler's, as sched takes them)" },
	{ "destroy", cmd_destroy, "destroy ID            stop it now and free its memory" },
	{ "pause", cmd_pause, "pause ID              stop running it (its events wait)" },
	{ "unpause", cmd_unpause, "unpause ID            let it run again" },
	{ "shutdown", cmd_shutdown, "shutdown ID           ask it to power off (control/shutdown)" },
	{ "reboot", cmd_reboot, "reboot ID             ask it to reboot: built again from its files" },
	{ "sched", cmd_sched, "sched ID [KEY=VALUE...]  its scheduling parameters, read or set" },
	{ "mem", cmd_mem, "mem ID SIZE           its memory target (memory/target) and maximum" },
	{ "maxmem", cmd_maxmem, "maxmem ID SIZE        the most memory the hypervisor lets it have" },
	{ "console", cmd_console, "console ID            type to its console; Ctrl-] comes back" },
	{ "top", cmd_top, "top [--json] [--once] [MS]  per domain: CPU%, the CPU% of its servers "
			  "attributed to it\n                      by their operations and by their marks, "
			  "events, grant ops, flips, copies /s\n                      (every MS, 1000 by "
			  "default, 10 times; --json: once, as JSON)" },
	{ "cpu", cmd_cpu, "cpu ID MS             the CPU time it takes in MS milliseconds" },
	{ "sleep", cmd_sleep, "sleep MS              wait (for scripts)" },
	{ "help", cmd_help, "help                  this list" },
	{ "exit", NULL, "exit                  leave the shell" },
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static int cmd_help(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("commands (SIZE: a number with K, M or G; a bare number is MiB):\n");
	for (unsigned i = 0; i < NCOMMANDS; i++)
		printf("  %s\n", commands[i].usage);
	return 0;
}

static int split(char *s, char **words)
{
	int n = 0;

	for (char *w = strtok(s, " \t"); w && n < MAX_WORDS - 1; w = strtok(NULL, " \t"))
		words[n++] = w;
	words[n] = NULL;
	return n;
}

/* One command: false after "exit". */
static bool run(char *text)
{
	char *words[MAX_WORDS];
	int n = split(text, words);

	if (n == 0)
		return true;
	if (strcmp(words[0], "exit") == 0)
		return false;
	for (unsigned i = 0; i < NCOMMANDS; i++) {
		if (commands[i].fn && strcmp(words[0], commands[i].name) == 0) {
			commands[i].fn(n, words);
			return true;
		}
	}
	printf("%s: unknown command (try help)\n", words[0]);
	return true;
}

bool shell_line(char *line)
{
	char *next;

	for (char *cmd = line; cmd; cmd = next) {
		next = strchr(cmd, ';');
		if (next)
			*next++ = '\0';
		if (shell_scripted && strspn(cmd, " \t") != strlen(cmd))
			printf("dom0> %s\n", cmd + strspn(cmd, " \t"));
		if (!run(cmd))
			return false;
	}
	return true;
}
