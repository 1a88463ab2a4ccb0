/* Another domain's granted page, mapped here (a backend's view of a
 * frontend's ring): in the linear map, in place of one of our free frames. */
#ifndef MG_GRANT_H
#define MG_GRANT_H

#include <stdbool.h>
#include <stdint.h>

struct grant_mapping {
	void *va;
	uint32_t pfn;           /* our frame whose place it takes */
	uint32_t handle;
};

/* Map domain dom's grant ref writable: 0, or a negative GNTST_ status or
 * Xen error. */
long grant_map(uint16_t dom, uint32_t ref, struct grant_mapping *m);
/* The same, read-only when readonly (a grant with GTF_readonly maps so). */
long grant_map_as(uint16_t dom, uint32_t ref, bool readonly, struct grant_mapping *m);
void grant_unmap(struct grant_mapping *m);

#endif
