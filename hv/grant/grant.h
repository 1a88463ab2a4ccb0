/* Grant tables, version 1 (pvabi/grant_table.h): the hypervisor's side.
 *
 * Each domain has a grant table: frames the hypervisor owns and lends to
 * the domain (FRAME_SHARED, so the guest may map them writable and nothing
 * else), holding the entries the guest writes, and beside them an active
 * entry per grant the hypervisor keeps to itself: which domain has it
 * mapped, which frame, how many read-only and writable mappings.
 *
 * The mapping domain keeps a maptrack table: one slot per mapping, whose
 * index is the handle the guest unmaps with.
 *
 * References. A host mapping is a PTE in the mapper's L1 and holds what
 * any L1 entry holds on its frame: a general reference, and a writable
 * type reference when it is writable. The grant code takes them for the
 * granter's frame (get_page with the granter as owner) and writes the PTE
 * with pt_write_taken(); whoever changes the PTE afterwards drops them, as
 * for any entry. A device mapping holds the same references in its
 * maptrack slot. So:
 *   - a guest that zaps a grant PTE with mmu_update drops the references
 *     with it; the handle stays, and unmapping it later is
 *     GNTST_general_error (as on Xen: the mapping is no longer there);
 *   - a mapper that dies gives back what its slots and live grant PTEs
 *     hold (release.c);
 *   - a granter that dies leaves its frames that others map alive, owned
 *     by DOMID_INVALID, counted by exactly the references the others hold;
 *     the last unmap frees them. */
#ifndef GRANT_GRANT_H
#define GRANT_GRANT_H

#include <stdbool.h>
#include <stdint.h>
#include "pvabi/grant_table.h"

struct domain;

/* Xen's default maximum of grant frames per domain (and its ceiling). */
#define GNTTAB_MAX_FRAMES        64
#define GNTTAB_DEFAULT_MAPTRACK  1024
#define GNTTAB_MAX_MAPTRACK      16384
/* A mapping count per grant and mode stays below this. */
#define GNTTAB_MAX_PINS          0x7fffu

struct active_grant {
	uint32_t mfn;            /* while pinned */
	uint16_t domid;          /* the mapper, while pinned */
	uint16_t readers;        /* read-only mappings */
	uint16_t writers;        /* writable mappings */
	uint16_t pad;
};

struct maptrack {
	uint64_t pte;            /* host_map: the PTE's machine address */
	uint32_t ref;
	uint32_t mfn;
	uint32_t next_free;      /* free list, while flags is 0 */
	uint16_t domid;          /* the granter; DOMID_INVALID once it died */
	uint16_t flags;          /* GNTMAP_* still in place; 0: a free slot */
};

struct grant_table {
	uint32_t nr_frames, max_frames;
	uint32_t frames[GNTTAB_MAX_FRAMES];
	struct active_grant *active[GNTTAB_MAX_FRAMES];   /* one page of them per frame */
	struct maptrack *maptrack;        /* allocated at the first map */
	uint32_t maptrack_max, maptrack_used, maptrack_top, maptrack_free;
};

/* The domain's table, made (with one frame, as on Xen) the first time it
 * is asked for; NULL when the hypervisor is out of memory. */
struct grant_table *gnttab_of(struct domain *d);
/* Grow to n frames (n <= max_frames). 0, -XEN_ENOMEM, or -XEN_ERESTART
 * when the hypercall budget ran out (the frames so far stay). */
int gnttab_grow(struct domain *d, struct grant_table *gt, uint32_t n);
static inline uint32_t gnttab_nr_entries(const struct grant_table *gt)
{
	return gt->nr_frames * GRANT_ENTRIES_PER_FRAME;
}
/* Entry ref (below gnttab_nr_entries), mapped; unmap with gnttab_unmap_entry. */
struct grant_entry_v1 *gnttab_map_entry(const struct grant_table *gt, uint32_t ref);
void gnttab_unmap_entry(struct grant_entry_v1 *e);
struct active_grant *gnttab_active(const struct grant_table *gt, uint32_t ref);

/* Check that ldomid may use rd's grant ref (readonly or not) and pin it:
 * GNTST_okay with *mfn set, or the status Xen gives. With pin false it
 * only checks (a copy). */
int grant_acquire(struct domain *rd, uint32_t ref, uint16_t ldomid, bool readonly, bool pin,
		  uint32_t *mfn);
/* Undo one pin; clears GTF_writing / GTF_reading as the counts fall to 0. */
void grant_release(struct domain *rd, uint32_t ref, bool readonly);

/* The references one mapping of the granter's frame holds (general, plus
 * writable type unless readonly). false when the frame cannot be had. */
bool grant_get_frame(uint32_t mfn, const struct domain *owner, bool readonly);
void grant_put_frame(uint32_t mfn, bool readonly);

/* Where a host mapping's PTE is: host_addr as a virtual address in the
 * caller's tables, or (contains_pte) as a machine address. 0 and *pte set
 * to the entry's machine address, or -1 when it is no entry of an L1 the
 * caller owns and uses. */
int grant_find_pte(const struct domain *d, uint64_t host_addr, bool contains_pte,
		   uint64_t *pte);
/* The entry at pte (an L1 in use) maps mfn: the host mapping still holds
 * its references. */
bool grant_pte_maps(uint64_t pte, uint32_t mfn);

/* Maptrack handles. */
int maptrack_get(struct grant_table *gt, uint32_t *handle);
void maptrack_put(struct grant_table *gt, uint32_t handle);
struct maptrack *maptrack_lookup(const struct grant_table *gt, uint32_t handle);

/* The operations, one element each; they return the element's status. */
int grant_map_one(struct gnttab_map_grant_ref *op);
int grant_unmap_one(uint64_t host_addr, uint64_t dev_bus_addr, uint64_t new_addr,
		    uint32_t handle);
int grant_copy_one(const struct gnttab_copy *op);
int grant_transfer_one(const struct gnttab_transfer *op);

/* Whole commands: 0 or a negative Xen errno; -XEN_ERESTART to be issued
 * again as they are (setup_table growing in slices). */
int gnttab_setup_table(uint32_t uop);
int gnttab_query_size(uint32_t uop);
int gnttab_set_version(uint32_t uop);
int gnttab_get_version(uint32_t uop);

/* Grant frame to domain to (read-write) in d's entry ref, on d's behalf
 * (the domain builder): 0, -XEN_ENOMEM or -XEN_EINVAL. */
int gnttab_seed(struct domain *d, uint32_t ref, uint16_t to, uint32_t frame);

/* The domain is being destroyed: what it maps of others goes back, what
 * others map of it stays alive without it, its table goes. */
void gnttab_domain_destroy(struct domain *d);

#endif
