/* The shell's commands (cmd_*.c), each given its words (argv[0] is the
 * command): 0 when it did what was asked, -1 after saying why not. */
#ifndef TOOLSTACK_SHELL_H
#define TOOLSTACK_SHELL_H

#include <stdbool.h>
#include <stdint.h>

int cmd_list(int argc, char **argv);
int cmd_cpu(int argc, char **argv);
int cmd_create(int argc, char **argv);
int cmd_destroy(int argc, char **argv);
int cmd_pause(int argc, char **argv);
int cmd_unpause(int argc, char **argv);
int cmd_shutdown(int argc, char **argv);
int cmd_reboot(int argc, char **argv);
int cmd_mem(int argc, char **argv);
int cmd_maxmem(int argc, char **argv);
int cmd_sched(int argc, char **argv);
int cmd_console(int argc, char **argv);
int cmd_top(int argc, char **argv);

/* Run one line of commands (";" between them): false after "exit". */
bool shell_line(char *line);
/* Whether the shell reads a script (no console to attach to). */
extern bool shell_scripted;

/* parse.c: a domain id word (said so when it is not one): 0 or -1. */
int parse_domid(const char *cmd, const char *word, uint16_t *dom);
/* A size: a number with K, M or G after it (a bare one is MiB), in KiB:
 * 0 or -1. */
int parse_size_kb(const char *word, uint64_t *kb);
/* The domain's id word, and that the domain exists: 0, or -1 said. */
int parse_domain(int argc, char **argv, uint16_t *dom);

#endif
