/* miniguest's argument splitting on any command line: every word is a
 * NUL-terminated piece of the line, arrays are NULL-terminated and never
 * overfilled, environment words look like NAME=VALUE; without quotes or
 * backslashes in the line, no word is empty or holds a space or tab. */
#include <stdbool.h>
#include <string.h>

#include "fuzz.h"
#include "miniguest/libc/args.h"

#define MAX_ARGS 8
#define MAX_ENV 4

static void within(const char *w, const char *line, size_t len)
{
	FUZZ_CHECK(w >= line && w + strlen(w) <= line + len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *line = malloc(size + 1), *argv[MAX_ARGS], *envp[MAX_ENV];
	struct args a = { .argv = argv, .envp = envp };

	FUZZ_CHECK(line != NULL);
	memcpy(line, data, size);
	line[size] = '\0';
	size_t len = strlen(line);
	bool quoted = strpbrk(line, "'\"\\") != NULL;
	args_split(line, "prog", &a, MAX_ARGS, MAX_ENV);
	FUZZ_CHECK(a.argc >= 1 && a.argc < MAX_ARGS && a.argv[a.argc] == NULL);
	FUZZ_CHECK(a.envc >= 0 && a.envc < MAX_ENV && a.envp[a.envc] == NULL);
	FUZZ_CHECK(strcmp(a.argv[0], "prog") == 0);
	for (int i = 1; i < a.argc; i++) {
		within(a.argv[i], line, len);
		FUZZ_CHECK(quoted || (a.argv[i][0] != '\0' && !strpbrk(a.argv[i], " \t")));
	}
	for (int i = 0; i < a.envc; i++) {
		within(a.envp[i], line, len);
		FUZZ_CHECK(strchr(a.envp[i], '=') != NULL);
		FUZZ_CHECK(quoted || !strpbrk(a.envp[i], " \t"));
	}
	free(line);
	return 0;
}
