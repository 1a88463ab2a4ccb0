/* mmap and friends over the heap: a mapping is page-aligned memory from
 * memalign, zeroed or filled with a copy of the file's bytes. mprotect
 * rewrites the pages' entries, so protection is real. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "fs_internal.h"
#include "kernel/pagetable.h"
#include "syscall_ret.h"

#define PAGE 4096u
#define MAPPINGS_MAX 256

/* The mappings made, so that munmap and mprotect check what they are
 * given; len is whole pages. */
static struct {
	uintptr_t addr;
	size_t len;
} maps[MAPPINGS_MAX];

static long slot_of(uintptr_t addr)
{
	for (long i = 0; i < MAPPINGS_MAX; i++)
		if (maps[i].len && maps[i].addr == addr)
			return i;
	return -1;
}

static long free_slot(void)
{
	for (long i = 0; i < MAPPINGS_MAX; i++)
		if (!maps[i].len)
			return i;
	return -1;
}

/* The mapping holding [addr, addr + len), or -1. */
static long slot_covering(uintptr_t addr, size_t len)
{
	for (long i = 0; i < MAPPINGS_MAX; i++)
		if (maps[i].len && addr >= maps[i].addr &&
		    (uint64_t)addr + len <= (uint64_t)maps[i].addr + maps[i].len)
			return i;
	return -1;
}

/* Copies the file behind fd from off into p (len bytes, zero past the
 * end); checks the descriptor as mmap must. */
static int fill_from(int fd, off_t off, int prot, int flags, void *p, size_t len)
{
	struct fd_file *f = fs_file(fd);
	long n;

	if (!f)
		return -EBADF;
	if (f->ops ? !f->ops->pread : ramfs_type(f->node) != RAMFS_FILE)
		return -ENODEV;
	if ((f->flags & O_ACCMODE) == O_WRONLY)
		return -EACCES;
	/* A copy cannot carry writes back to the file. */
	if ((flags & MAP_SHARED) && (prot & PROT_WRITE))
		return -ENODEV;
	if (f->ops)
		n = f->ops->pread(f, p, len, (long)off);
	else
		n = ramfs_read(f->node, p, len, (size_t)off);
	return n < 0 ? (int)n : 0;
}

static void *map(size_t len, int prot, int flags, int fd, off_t off)
{
	int kind = flags & (MAP_SHARED | MAP_PRIVATE), rc;
	long slot = free_slot();
	void *p;

	if (len == 0 || len > SIZE_MAX - PAGE || off < 0 || off % PAGE ||
	    (kind != MAP_SHARED && kind != MAP_PRIVATE))
		return (void *)(intptr_t)-EINVAL;
	if (flags & MAP_FIXED)
		return (void *)(intptr_t)-ENOTSUP;
	if (slot < 0)
		return (void *)(intptr_t)-ENOMEM;
	len = (len + PAGE - 1) & ~(size_t)(PAGE - 1);
	p = memalign(PAGE, len);
	if (!p)
		return (void *)(intptr_t)-ENOMEM;
	memset(p, 0, len);
	if (!(flags & MAP_ANONYMOUS)) {
		rc = fill_from(fd, off, prot, flags, p, len);
		if (rc < 0) {
			free(p);
			return (void *)(intptr_t)rc;
		}
	}
	maps[slot].addr = (uintptr_t)p;
	maps[slot].len = len;
	if (prot != (PROT_READ | PROT_WRITE) && mprotect(p, len, prot) < 0) {
		munmap(p, len);
		return (void *)(intptr_t)-errno;
	}
	return p;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	void *p = map(len, prot, flags, fd, off);

	(void)addr;         /* only a hint */
	if ((uintptr_t)p >= (uintptr_t)-4095) {
		errno = -(int)(intptr_t)p;
		return MAP_FAILED;
	}
	return p;
}

/* Sets the pages' entries to prot: present unless PROT_NONE, writable
 * with PROT_WRITE (reading and executing cannot be told apart here). */
static int protect(uintptr_t addr, size_t len, int prot)
{
	uint32_t want = 0;

	if (prot != PROT_NONE)
		want |= PV_PTE_PRESENT;
	if (prot & PROT_WRITE)
		want |= PV_PTE_RW;
	for (size_t done = 0; done < len; done += PAGE) {
		uint32_t va = (uint32_t)(addr + done);
		uint64_t pte = pte_of(va);
		uint32_t flags = ((uint32_t)pte & 0xfffu & ~(uint32_t)(PV_PTE_PRESENT | PV_PTE_RW)) | want;

		if (map_mfn(va, (uint32_t)((pte & PV_PTE_ADDR_MASK) >> 12), flags) < 0)
			return -ENOMEM;
	}
	return 0;
}

int mprotect(void *addr, size_t len, int prot)
{
	uintptr_t a = (uintptr_t)addr;

	if (a % PAGE || (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)))
		return (int)mg_ret(-EINVAL);
	/* A length that rounds past the top covers no mapping. */
	if (len > SIZE_MAX - PAGE)
		return (int)mg_ret(-ENOMEM);
	len = (len + PAGE - 1) & ~(size_t)(PAGE - 1);
	if (len == 0)
		return 0;
	if (slot_covering(a, len) < 0)
		return (int)mg_ret(-ENOMEM);
	return (int)mg_ret(protect(a, len, prot));
}

/* A range where nothing is mapped is no error (POSIX); part of a mapping
 * is refused, since its memory goes back to the heap whole. */
int munmap(void *addr, size_t len)
{
	uintptr_t a = (uintptr_t)addr;
	long slot = slot_of(a);

	if (a % PAGE || len == 0 || len > SIZE_MAX - PAGE)
		return (int)mg_ret(-EINVAL);
	if (a == 0 || slot < 0)
		return slot_covering(a, 1) < 0 ? 0 : (int)mg_ret(-EINVAL);
	if ((len + PAGE - 1) / PAGE != maps[slot].len / PAGE)
		return (int)mg_ret(-EINVAL);
	protect(a, maps[slot].len, PROT_READ | PROT_WRITE);
	free(addr);
	maps[slot].len = 0;
	return 0;
}

/* Mappings of files are copies: nothing goes back. */
int msync(void *addr, size_t len, int flags)
{
	uintptr_t a = (uintptr_t)addr;

	if (a % PAGE || (flags & MS_SYNC && flags & MS_ASYNC))
		return (int)mg_ret(-EINVAL);
	return slot_covering(a, len ? len : 1) < 0 ? (int)mg_ret(-ENOMEM) : 0;
}
