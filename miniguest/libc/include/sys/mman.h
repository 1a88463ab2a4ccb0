/* Memory mappings (mman.c): anonymous memory, and copies of files, which
 * is what a private or read-only mapping can be when files live in
 * memory; a shared writable mapping of a file is refused (ENODEV), as is
 * MAP_FIXED (ENOTSUP). munmap takes whole mappings. mprotect sets the
 * pages' protection for real: a write to a read-only page faults. */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PROT_NONE  0x0
#define PROT_READ  0x1
#define PROT_WRITE 0x2
#define PROT_EXEC  0x4

#define MAP_SHARED    0x01
#define MAP_PRIVATE   0x02
#define MAP_FIXED     0x10
#define MAP_ANONYMOUS 0x20
#define MAP_ANON      MAP_ANONYMOUS

#define MAP_FAILED ((void *)-1)

#define MS_ASYNC      1
#define MS_INVALIDATE 2
#define MS_SYNC       4

void *mmap(void *__addr, size_t __len, int __prot, int __flags, int __fd, off_t __off);
int munmap(void *__addr, size_t __len);
int mprotect(void *__addr, size_t __len, int __prot);
int msync(void *__addr, size_t __len, int __flags);

#ifdef __cplusplus
}
#endif

#endif
