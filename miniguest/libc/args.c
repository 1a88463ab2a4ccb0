/* Splitting the command line (args.h). */
#include "args.h"

#include <stdbool.h>
#include <string.h>

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

static bool is_env_word(const char *w)
{
	const char *p = w;

	if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || *p == '_'))
		return false;
	for (p++; *p && *p != '='; p++) {
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		      (*p >= '0' && *p <= '9') || *p == '_'))
			return false;
	}
	return *p == '=';
}

/* The next word of *p, NUL-terminated in place; NULL at the end. */
static char *next_word(char **p)
{
	char *s = *p;

	while (is_space(*s))
		s++;
	if (!*s)
		return 0;
	char *w = s;
	while (*s && !is_space(*s))
		s++;
	if (*s)
		*s++ = '\0';
	*p = s;
	return w;
}

/* Where the program's words start: after a "--" word, else at the start. */
static char *program_words(char *line)
{
	for (char *p = line; *p;) {
		while (is_space(*p))
			p++;
		if (p[0] == '-' && p[1] == '-' && (p[2] == '\0' || is_space(p[2])))
			return p + 2;
		while (*p && !is_space(*p))
			p++;
	}
	return line;
}

int args_split(char *line, const char *prog, struct args *a, int max_args, int max_env)
{
	char *p = program_words(line), *w;
	int dropped = 0;

	a->argc = 0;
	a->envc = 0;
	if (max_args >= 2)
		a->argv[a->argc++] = (char *)prog;
	while ((w = next_word(&p))) {
		if (is_env_word(w)) {
			if (a->envc < max_env - 1)
				a->envp[a->envc++] = w;
			else
				dropped++;
		} else if (a->argc < max_args - 1) {
			a->argv[a->argc++] = w;
		} else {
			dropped++;
		}
	}
	if (max_args > 0)
		a->argv[a->argc] = 0;
	if (max_env > 0)
		a->envp[a->envc] = 0;
	return dropped;
}
