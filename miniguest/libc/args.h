/* The program's arguments and environment, from the domain's command line.
 *
 * The command line is split at spaces and tabs outside quotes, which work
 * as in the shell: '...', "..." with \" and \\, and \ before any character
 * (boot/run quotes each argument so, with Python's shlex.quote). When
 * a word "--" appears, only the words after it are the program's (the ones
 * before are options for whoever built the domain); ringlet hands a guest
 * just those words already. Of the program's words, each NAME=VALUE (NAME:
 * a letter or '_', then letters, digits or '_') goes to the environment, in
 * order, when NAME= is unquoted; every other word is an argument. argv[0]
 * is the program's name. */
#ifndef MG_ARGS_H
#define MG_ARGS_H

struct args {
	int argc, envc;
	char **argv, **envp;            /* NULL-terminated */
};

/* Splits line in place into a, whose argv and envp arrays the caller
 * provides with room for max_args and max_env pointers (the terminating
 * NULLs included). Words that do not fit are dropped; returns how many. */
int args_split(char *line, const char *prog, struct args *a, int max_args, int max_env);

#endif
