/* Every frame of machine memory is mapped at DIRECTMAP_START + its address,
 * so reaching one is an address computation. map_frame() and unmap_frame()
 * keep the shape of a mapping, so that host tests can count them. */
#ifndef ARCH_X86_DIRECTMAP_H
#define ARCH_X86_DIRECTMAP_H

#include <stdint.h>

void *map_frame(uint64_t mfn);
void unmap_frame(const void *va);

#endif
