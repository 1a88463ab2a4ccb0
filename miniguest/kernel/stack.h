/* Thread stacks, in their own region below unmapped guard pages. */
#ifndef MG_STACK_H
#define MG_STACK_H

#include <stdint.h>

/* A mapped stack of size bytes (a multiple of the page size); returns its
 * lowest address, 0 when out of memory or address space. */
uint32_t stack_alloc(uint32_t size);
void stack_free(uint32_t lo, uint32_t size);

#endif
