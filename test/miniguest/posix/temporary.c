/* Temporary files without the archive providing /tmp. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "posix_test.h"

/* A mkstemp template: a prefix and the six 'X's mkstemp replaces. */
static void template(char *out, const char *prefix)
{
	size_t n = strlen(prefix);

	memcpy(out, prefix, n);
	memset(out + n, 'X', 6);
	out[n + 6] = 0;
}

void test_temporary(void)
{
	char name[32], name2[32], buf[8] = { 0 };
	struct stat st;
	FILE *f;
	int fd;

	CHECK(stat("/tmp", &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & 07777) == 01777,
	      "/tmp exists at start, mode 1777 (%o)", (unsigned)(st.st_mode & 07777));
	template(name, "/tmp/test");
	template(name2, "/tmp/test");
	fd = mkstemp(name);
	CHECK(fd >= 0 && strncmp(name, "/tmp/test", 9) == 0 && strchr(name, 'X') == NULL,
	      "mkstemp: %s", name);
	CHECK(write(fd, "temp", 4) == 4 && stat(name, &st) == 0 && st.st_size == 4,
	      "writes to it");
	CHECK(mkstemp(name2) >= 0 && strcmp(name, name2) != 0, "a second one has another name");
	close(fd);
	unlink(name);
	unlink(name2);
	f = tmpfile();
	CHECK(f != NULL, "tmpfile");
	if (f) {
		fputs("scratch", f);
		rewind(f);
		CHECK(fread(buf, 1, 7, f) == 7 && memcmp(buf, "scratch", 7) == 0,
		      "tmpfile reads back what was written");
		fclose(f);
	}
}
