/* miniguest's command-line splitting (miniguest/libc/args.c): the "--"
 * convention, the environment words, limits, and garbage. */
#include <stdlib.h>
#include <string.h>

#include "../../miniguest/libc/args.h"
#include "unit.h"

#define MAX 8

struct split {
	struct args a;
	char *argv[MAX], *envp[MAX];
	char line[1100];
	int dropped;
};

static struct split *split(const char *line, int max_args, int max_env)
{
	struct split *s = calloc(1, sizeof(*s));

	snprintf(s->line, sizeof(s->line), "%s", line);
	s->a.argv = s->argv;
	s->a.envp = s->envp;
	s->dropped = args_split(s->line, "prog", &s->a, max_args, max_env);
	return s;
}

static void test_words(void)
{
	struct split *s = split("  a\tbb   ccc ", MAX, MAX);

	CHECK_EQ(s->a.argc, 4);
	CHECK_STR(s->argv[0], "prog");
	CHECK_STR(s->argv[1], "a");
	CHECK_STR(s->argv[2], "bb");
	CHECK_STR(s->argv[3], "ccc");
	CHECK(s->argv[4] == NULL);
	CHECK_EQ(s->a.envc, 0);
	CHECK(s->envp[0] == NULL);
	CHECK_EQ(s->dropped, 0);
	free(s);
}

static void test_after_dashes(void)
{
	struct split *s = split("name=x mem=16M -- one K=v two", MAX, MAX);

	CHECK_EQ(s->a.argc, 3);
	CHECK_STR(s->argv[1], "one");
	CHECK_STR(s->argv[2], "two");
	CHECK_EQ(s->a.envc, 1);
	CHECK_STR(s->envp[0], "K=v");
	free(s);
	/* Only a word that is exactly "--" counts; the first one does. */
	s = split("--x -- -- y", MAX, MAX);
	CHECK_EQ(s->a.argc, 3);
	CHECK_STR(s->argv[1], "--");
	CHECK_STR(s->argv[2], "y");
	free(s);
	s = split("a --", MAX, MAX);
	CHECK_EQ(s->a.argc, 1);
	free(s);
}

static void test_environment_words(void)
{
	struct split *s = split("A=1 _b2=x=y =z 1A=2 a-b=3 A= é=4", MAX, MAX);

	CHECK_EQ(s->a.envc, 3);
	CHECK_STR(s->envp[0], "A=1");
	CHECK_STR(s->envp[1], "_b2=x=y");
	CHECK_STR(s->envp[2], "A=");
	CHECK_EQ(s->a.argc, 5);
	CHECK_STR(s->argv[1], "=z");
	CHECK_STR(s->argv[2], "1A=2");
	CHECK_STR(s->argv[3], "a-b=3");
	CHECK_STR(s->argv[4], "é=4");
	free(s);
}

static void test_limits(void)
{
	struct split *s = split("1 2 3 4 5 6 7 8 9 A=1 B=2", 4, 2);

	CHECK_EQ(s->a.argc, 3);             /* prog, 1, 2 and the NULL */
	CHECK(s->argv[3] == NULL);
	CHECK_EQ(s->a.envc, 1);
	CHECK(s->envp[1] == NULL);
	CHECK_EQ(s->dropped, 7 + 1);
	free(s);
	s = split("", MAX, MAX);
	CHECK_EQ(s->a.argc, 1);
	CHECK(s->argv[1] == NULL);
	free(s);
}

/* Random bytes: never more words than fit, every word non-empty and free
 * of separators, the arrays NULL-terminated; ASan checks the rest. */
static void test_garbage(void)
{
	static const char alphabet[] = "ab-=_ \t9\x01\xff";
	int bad = 0;

	srand(7);
	for (int round = 0; round < 20000; round++) {
		char line[64];
		int n = rand() % 63;
		for (int i = 0; i < n; i++)
			line[i] = alphabet[rand() % (sizeof(alphabet) - 1)];
		line[n] = '\0';
		struct split *s = split(line, 1 + rand() % MAX, 1 + rand() % MAX);
		for (int i = 1; i < s->a.argc; i++)
			bad += !s->argv[i][0] || strpbrk(s->argv[i], " \t") != NULL;
		bad += s->argv[s->a.argc] != NULL || s->envp[s->a.envc] != NULL;
		free(s);
	}
	CHECK_EQ(bad, 0);
}

static void test_quotes(void)
{
	struct split *s = split("-e 'print(\"a b\")' \"x \\\"y\\\" \\\\z\" a\\ b '' 'it'\"'\"'s' \"open",
				MAX, MAX);

	CHECK_EQ(s->a.argc, 7);
	CHECK_STR(s->argv[1], "-e");
	CHECK_STR(s->argv[2], "print(\"a b\")");
	CHECK_STR(s->argv[3], "x \"y\" \\z");
	CHECK_STR(s->argv[4], "a b");
	CHECK_STR(s->argv[5], "");
	CHECK_STR(s->argv[6], "it's");
	CHECK(s->argv[7] == NULL);
	CHECK_EQ(s->dropped, 1);           /* "open", which did not fit */
	free(s);
	s = split("'A=1' B='2 3' 'unclosed quote runs on", MAX, MAX);
	CHECK_EQ(s->a.argc, 3);
	CHECK_STR(s->argv[1], "A=1");      /* NAME= quoted: an argument */
	CHECK_STR(s->argv[2], "unclosed quote runs on");
	CHECK_EQ(s->a.envc, 1);
	CHECK_STR(s->envp[0], "B=2 3");
	free(s);
	s = split("trailing\\", MAX, MAX);
	CHECK_STR(s->argv[1], "trailing\\");
	free(s);
}

/* As boot/run quotes (Python's shlex.quote): in single quotes, each ' as
 * '"'"'. */
static void quote(char *out, const char *word)
{
	*out++ = '\'';
	for (; *word; word++) {
		if (*word == '\'') {
			memcpy(out, "'\"'\"'", 5);
			out += 5;
		} else {
			*out++ = *word;
		}
	}
	*out++ = '\'';
	*out = '\0';
}

/* Random words, quoted and joined, split back into the same words. */
static void test_quoting_round_trips(void)
{
	static const char alphabet[] = "a '\"\\= \t-$\xc3\xa9";
	char words[3][12], line[3 * 64];
	int bad = 0;

	srand(11);
	for (int round = 0; round < 20000; round++) {
		char *p = line;
		for (int w = 0; w < 3; w++) {
			int n = rand() % 11;
			for (int i = 0; i < n; i++)
				words[w][i] = alphabet[rand() % (sizeof(alphabet) - 1)];
			words[w][n] = '\0';
			*p++ = ' ';
			quote(p, words[w]);
			p += strlen(p);
		}
		struct split *s = split(line, MAX, MAX);
		bad += s->a.argc != 4 || s->a.envc != 0;
		for (int w = 0; w < 3 && w + 1 < s->a.argc; w++)
			bad += strcmp(s->argv[w + 1], words[w]) != 0;
		free(s);
	}
	CHECK_EQ(bad, 0);
}

UNIT_MAIN(
	UNIT(test_words),
	UNIT(test_quotes),
	UNIT(test_quoting_round_trips),
	UNIT(test_after_dashes),
	UNIT(test_environment_words),
	UNIT(test_limits),
	UNIT(test_garbage),
)
