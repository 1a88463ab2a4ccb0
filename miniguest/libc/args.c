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

/* Unquotes the word at s into *out, if out is given (it may point at s
 * itself: unquoting never makes a word longer), and returns where the word
 * ends. The quoting is the shell's: '...' keeps everything up to the next
 * ', "..." everything but \" and \\, which stand for " and \, and outside
 * quotes \ keeps the next character. A quote left open runs to the end of
 * the line. */
static char *unquote(char *s, char **out)
{
	char quote = 0;

	while (*s && (quote || !is_space(*s))) {
		char c = *s++;
		if (quote && c == quote) {
			quote = 0;
			continue;
		}
		if (!quote && (c == '\'' || c == '"')) {
			quote = c;
			continue;
		}
		if (c == '\\' && (quote == '"' ? *s == '"' || *s == '\\' : !quote && *s))
			c = *s++;
		if (out)
			*(*out)++ = c;
	}
	return s;
}

/* The next word of *p, unquoted and NUL-terminated in place; NULL at the
 * end. */
static char *next_word(char **p)
{
	char *s = *p, *w, *out;

	while (is_space(*s))
		s++;
	if (!*s)
		return 0;
	w = out = s;
	s = unquote(s, &out);
	*p = *s ? s + 1 : s;
	*out = '\0';
	return w;
}

/* Where the program's words start: after an unquoted "--" word, else at
 * the start. */
static char *program_words(char *line)
{
	for (char *p = line; *p;) {
		while (is_space(*p))
			p++;
		if (p[0] == '-' && p[1] == '-' && (p[2] == '\0' || is_space(p[2])))
			return p + 2;
		p = unquote(p, 0);
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
	for (;;) {
		/* NAME= must be written unquoted to make an environment word. */
		while (is_space(*p))
			p++;
		bool env = is_env_word(p);
		if (!(w = next_word(&p)))
			break;
		if (env) {
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
