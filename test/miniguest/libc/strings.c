/* string.h. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../check.h"
#include "libc_test.h"

void test_strings(void)
{
	char buf[32];

	CHECK(strlen("miniguest") == 9, "strlen");
	CHECK(strcmp("abc", "abd") < 0 && strcmp("b", "a") > 0 && strcmp("x", "x") == 0,
	      "strcmp orders");
	CHECK(strncmp("abcdef", "abcxyz", 3) == 0, "strncmp compares only n");
	CHECK(strcasecmp("HeLLo", "hello") == 0, "strcasecmp ignores case");
	strcpy(buf, "ring");
	strcat(buf, "let");
	CHECK(strcmp(buf, "ringlet") == 0, "strcpy and strcat");
	CHECK(strchr(buf, 'l') == buf + 4 && strrchr("a/b/c", '/') != NULL &&
	      strchr(buf, 'z') == NULL, "strchr and strrchr");
	CHECK(strstr("hypervisor", "visor") != NULL && strstr("abc", "d") == NULL, "strstr");
	CHECK(strspn("aabbc", "ab") == 4 && strcspn("abc;d", ";") == 3, "strspn, strcspn");
	memset(buf, '=', 10);
	CHECK(memcmp(buf, "==========", 10) == 0, "memset and memcmp");
	memcpy(buf, "0123456789", 11);
	memmove(buf + 2, buf, 5);
	CHECK(memcmp(buf, "0101234789", 10) == 0, "memmove handles overlap");
	CHECK(memchr(buf, '7', 10) == buf + 7, "memchr");

	char text[] = "a,b,,c";
	char *save = NULL, *tok = strtok_r(text, ",", &save);
	int count = 0;
	while (tok) {
		count++;
		tok = strtok_r(NULL, ",", &save);
	}
	CHECK(count == 3, "strtok_r skips empty fields (%d tokens)", count);
	char *dup = strdup("copy");
	CHECK(dup && strcmp(dup, "copy") == 0, "strdup");
	free(dup);
}
