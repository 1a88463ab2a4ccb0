/* mmap: anonymous memory, private and read-only copies of files. */
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "posix_test.h"

static void anonymous(void)
{
	size_t len = 3 * 4096 + 10;
	unsigned char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
				-1, 0);
	int zero = 1;

	CHECK(p != MAP_FAILED && (uintptr_t)p % 4096 == 0, "anonymous mmap, page-aligned");
	if (p == MAP_FAILED)
		return;
	for (size_t i = 0; i < len; i++)
		zero &= p[i] == 0;
	CHECK(zero, "anonymous memory reads as zeros");
	memset(p, 0xa5, len);
	CHECK(p[len - 1] == 0xa5, "and is writable");
	CHECK(mprotect(p, 4096, PROT_READ) == 0 && p[0] == 0xa5, "mprotect read-only, still readable");
	CHECK(mprotect(p, 4096, PROT_NONE) == 0 && mprotect(p, 4096, PROT_READ | PROT_WRITE) == 0 &&
	      p[4095] == 0xa5, "PROT_NONE and back keeps the contents");
	p[0] = 1;
	FAILS_WITH(mprotect(p + 1, 4096, PROT_READ), -1, EINVAL);
	FAILS_WITH(mprotect(p, 64 * 4096, PROT_READ), -1, ENOMEM);
	FAILS_WITH(mprotect(p, (size_t)-1, PROT_READ), -1, ENOMEM);
	FAILS_WITH(munmap(p, 4096), -1, EINVAL);
	CHECK(munmap(p, len) == 0, "munmap");
	CHECK(munmap(p, len) == 0, "munmap where nothing is mapped is no error");
	FAILS_WITH(munmap(p + 1, 4096), -1, EINVAL);
}

static void files(void)
{
	int fd = open("/data/hello.txt", O_RDONLY), wo = open("/data/hello.txt", O_WRONLY);
	char *p = mmap(NULL, 20, PROT_READ, MAP_SHARED, fd, 0);
	char *q;

	CHECK(p != MAP_FAILED && memcmp(p, "hello, mapped world\n", 20) == 0,
	      "a read-only mapping of a file holds its bytes");
	CHECK(p != MAP_FAILED && p[4095] == 0, "zeros after the end, to the page's end");
	if (p != MAP_FAILED)
		munmap(p, 20);
	q = mmap(NULL, 20, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK(q != MAP_FAILED, "a private writable mapping of a read-only descriptor");
	if (q != MAP_FAILED) {
		memcpy(q, "HELLO", 5);
		char buf[5];
		CHECK(pread(fd, buf, 5, 0) == 5 && memcmp(buf, "hello", 5) == 0,
		      "writes to it do not reach the file");
		munmap(q, 20);
	}
	FAILS_WITH(mmap(NULL, 20, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0), MAP_FAILED, ENODEV);
	FAILS_WITH(mmap(NULL, 20, PROT_READ, MAP_PRIVATE, wo, 0), MAP_FAILED, EACCES);
	FAILS_WITH(mmap(NULL, 20, PROT_READ, MAP_PRIVATE, 1, 0), MAP_FAILED, ENODEV);
	FAILS_WITH(mmap(NULL, 20, PROT_READ, MAP_PRIVATE, 57, 0), MAP_FAILED, EBADF);
	FAILS_WITH(mmap(NULL, 20, PROT_READ, MAP_PRIVATE, fd, 100), MAP_FAILED, EINVAL);
	FAILS_WITH(mmap(NULL, 0, PROT_READ, MAP_PRIVATE, fd, 0), MAP_FAILED, EINVAL);
	FAILS_WITH(mmap(NULL, 20, PROT_READ, MAP_SHARED | MAP_PRIVATE, fd, 0), MAP_FAILED, EINVAL);
	FAILS_WITH(mmap((void *)0x40000000, 20, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0),
		   MAP_FAILED, ENOTSUP);
	close(fd);
	close(wo);
}

void test_mappings(void)
{
	anonymous();
	files();
}
