/* The heap behind sbrk: a region mapped page by page as it grows. */
#ifndef MG_HEAP_H
#define MG_HEAP_H

#include <stdint.h>

/* Moves the break by incr bytes; returns the old break, or 0 when the
 * region or the domain's memory is exhausted (the break does not move). */
void *heap_sbrk(intptr_t incr);

/* The heap's size in bytes. */
uint32_t heap_size(void);

#endif
