/* Domains: a guest's identity, its memory and its one vCPU. */
#ifndef DOMAIN_DOMAIN_H
#define DOMAIN_DOMAIN_H

#include <stdbool.h>
#include <stdint.h>
#include "console/ring.h"
#include "domain/account.h"
#include "domain/vcpu.h"
#include "event/evtchn.h"
#include "physdev/physdev.h"
#include "physdev/pirq.h"

/* Xen keeps no names in the hypervisor: its toolstack keeps a domain's in
 * XenStore (/local/domain/N/name), where one message carries at most
 * XENSTORE_PAYLOAD_MAX (4096) bytes, the path "/local/domain/NNNNN/name"
 * and its NUL (25) among them. So a name has at most 4071 characters. */
#define DOMAIN_NAME_MAX   4071

struct grant_table;
struct pv_e820_entry;

/* The multi-frame extent a memory_op is part-way through: found, zeroed and
 * handed over across traps, so that no trap does more than a budget of it.
 * A frame taken is the domain's (noted in its spans) from the start. */
struct extent_work {
	uint32_t order;       /* of the run; EXTENT_NONE: no work under way */
	uint32_t first;       /* its first frame; FRAME_NONE while looked for */
	uint32_t at, left;    /* where the search goes on; frames it may still see */
	uint32_t zeroed;      /* frames of the run zeroed so far */
};
#define EXTENT_NONE 0xffffffffu

enum domain_state {
	DOMAIN_RUNNING,       /* has a vCPU that may run */
	DOMAIN_SHUTDOWN,      /* stopped itself (shutdown_code says why) */
	DOMAIN_DEAD,          /* destroyed; frames freed */
};

/* Where the frames a domain was ever given lie (first > last: none): one
 * span below 4 GiB, one above. Destroying a domain walks these rather than
 * the whole frame table. */
struct frame_span {
	uint32_t first, last;
};

struct domain {
	uint16_t domid;
	const char *name;                     /* on the heap, as long as it is */
	const char *label;                    /* "(name) ", its console lines' prefix */
	uint32_t label_len;
	bool privileged;
	uint32_t pci_latch;                   /* its 0xcf8 (physdev/pci_conf.c) */
	enum domain_state state;
	uint32_t pause_count;                 /* the toolstack's pauses (domain/pause.c) */
	bool kept;                            /* made by domctl: after a shutdown it stays
					       * until domain 0 destroys it */
	int shutdown_code;                    /* SHUTDOWN_*, or -1 */
	bool exited;                          /* gave an exit status (SCHEDOP_ringlet_exit) */
	int32_t exit_status;                  /* ... this one */
	uint32_t tot_pages, max_pages;
	uint32_t given_back_live;             /* frames given back, still referenced */
	uint32_t devalidate_head;             /* page tables let go of, to take apart: */
	uint32_t devalidate_nr;               /* a list through struct frame's next */
	struct extent_work extent;            /* hv/hypercall/extent.c */
	uint32_t symtab_va;                   /* its BSD_SYMTAB ELF header, 0: none */
	uint32_t shared_info_mfn;
	struct shared_info *shared_info;      /* the hypervisor's mapping */
	struct frame_span spans[2];           /* its frames, below and above 4 GiB */
	struct vcpu vcpu;
	struct evtchn_table evtchn;
	struct grant_table *grant_table;      /* hv/grant/, made when first used */
	uint32_t gnttab_max_frames;           /* 0: the default */
	uint32_t gnttab_max_maptrack;         /* 0: the default */
	struct pv_e820_entry *e820;           /* XENMEM_set_memory_map's, or NULL */
	uint32_t nr_e820;
	struct ioports ioports;               /* hv/physdev/: the I/O ports it holds */
	struct pirq_table pirqs;              /* hv/physdev/pirq.h: its physical IRQs */
	struct console_ring cons;             /* hv/console/ring.c */
	struct account acct;                  /* hv/domain/account.c */
	struct domain *next;                  /* all domains */
};

extern struct domain *domain_list;

/* A domain with its shared info page and no memory yet; NULL when the
 * heap is exhausted. */
struct domain *domain_create(const char *name, bool privileged);
struct domain *domain_by_id(uint16_t domid);

/* The frames that count in d's size, as Xen counts tot_pages: a frame
 * given back counts until its last reference goes and it is free. */
static inline uint32_t domain_pages(const struct domain *d)
{
	return d->tot_pages + d->given_back_live;
}

/* Stop the domain for good: log why, free every frame it owns, and take it
 * off the run queue. The caller must not return to it. */
void domain_destroy(struct domain *d, const char *why);

/* domain 0 destroyed it (XEN_DOMCTL_destroydomain): as domain_destroy,
 * but the machine's verdict only counts how it shut down, if it did. */
void domain_kill(struct domain *d);

/* The toolstack's pause count (Xen's semantics): a paused domain does not
 * run and accrues no CPU time; the events it is sent wait for it.
 * domain_pause: 0, or -XEN_EOVERFLOW past RINGLET_PAUSE_MAX;
 * domain_unpause: 0, or -XEN_EINVAL when it is not paused. */
int domain_pause(struct domain *d);
int domain_unpause(struct domain *d);

/* The guest asked to stop (SCHEDOP_shutdown) or the hypervisor decided it
 * must (crash). */
void domain_shutdown(struct domain *d, int reason);

/* The same, with the exit status the guest reported (SCHEDOP_ringlet_exit):
 * logged, and a nonzero one makes the machine's end a failure. */
void domain_exit(struct domain *d, int reason, int32_t status);

/* Give the domain nr new frames; returns how many it got. */
uint32_t domain_alloc_frames(struct domain *d, uint32_t nr, uint32_t *mfns);
/* d now owns frame mfn (its spans grow to hold it). */
void domain_note_frame(struct domain *d, uint32_t mfn);
/* d's frame mfn, noted and zeroed already, becomes one it holds: it gets
 * its allocation reference and counts in tot_pages. */
void domain_take_frame(struct domain *d, uint32_t mfn);
/* Replace d's frame *mfn, fresh from domain_alloc_frames, by one below
 * 4 GiB (if it is not already): 0, or -1 when there is none. */
int domain_trade_for_low(struct domain *d, uint32_t *mfn);

#endif
