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

/* grant_many.c: up to GRANT_MANY_MAX grants mapped by one hypercall at
 * consecutive pages of a window. */
#define GRANT_MANY_MAX 32u
#define GRANT_NO_HANDLE 0xffffffffu
/* n pages of address space with nothing mapped, for grant_map_many (kept
 * for good): the first page's address, or NULL. */
void *grant_window(uint32_t n);
/* Map n refs of domain dom (read-only when readonly) at the n pages from
 * va: 0 with their handles, or the first failure (a negative GNTST_ status
 * or Xen error) with none left mapped. */
long grant_map_many(uint16_t dom, const uint32_t *refs, uint32_t n, bool readonly, void *va,
		    uint32_t *handles);
void grant_unmap_many(void *va, const uint32_t *handles, uint32_t n);

#endif
