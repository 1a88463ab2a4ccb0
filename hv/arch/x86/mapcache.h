/* The map cache: the hypervisor cannot map all of machine memory at once,
 * so it reaches any frame through a small per-CPU window of slots. */
#ifndef ARCH_X86_MAPCACHE_H
#define ARCH_X86_MAPCACHE_H

#include <stdint.h>

#define MAPCACHE_SLOTS 512

void *map_frame(uint64_t mfn);
void unmap_frame(const void *va);
unsigned mapcache_in_use(void);

#endif
