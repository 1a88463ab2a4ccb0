/* Stand-ins for what the kernel gives the file layer: the console and the
 * clock, observable and steerable by the tests through fake_console.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fake_console.h"
#include "miniguest/libc/console_io.h"
#include "miniguest/libc/fs_ops.h"
#include "miniguest/libc/mount.h"

struct fake_console fake;

long console_write(const char *buf, unsigned long len)
{
	size_t room = sizeof(fake.out) - 1 - fake.out_len;
	size_t n = len < room ? len : room;

	memcpy(fake.out + fake.out_len, buf, n);
	fake.out_len += n;
	fake.out[fake.out_len] = '\0';
	fake.writes++;
	return (long)len;
}

long console_read(char *buf, unsigned long len)
{
	size_t left = strlen(fake.in + fake.in_pos);
	size_t n = len < left ? len : left;

	fake.reads++;
	/* The real one would block; an empty script is a test bug. */
	if (n == 0)
		return 0;
	memcpy(buf, fake.in + fake.in_pos, n);
	fake.in_pos += n;
	return (long)n;
}

long fs_now(void)
{
	return fake.now;
}

/* A host test has one thread: a wait that is not over at once would last
 * forever, which is the test's bug. */
void fs_wait(int (*ready)(void *), void *arg)
{
	if (!ready(arg))
		abort();
}

void fs_wake(void)
{
}

/* No disks on the host: the default mount (fs_mount.c) finds none. */
int fs_mount_default(void)
{
	return -ENOENT;
}
