/* The balloon driver: the domain's size follows memory/target in the store. */
#ifndef MG_BALLOON_H
#define MG_BALLOON_H

#include <stdint.h>

/* Follow memory/target, in a thread of their own; trim_heap (may be NULL)
 * gives the heap's free pages at its top back to the frame pool first.
 * Nothing for a domain with no store; domain 0 reads its key in the store
 * it runs, once that is up. */
void balloon_start(void (*trim_heap)(void));

/* The pages given back to the hypervisor now. */
uint32_t balloon_pages_out(void);

#endif
