/* Domains: a guest's identity, its memory and its one vCPU. */
#ifndef DOMAIN_DOMAIN_H
#define DOMAIN_DOMAIN_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/vcpu.h"
#include "event/evtchn.h"

#define DOMAIN_NAME_MAX   32

struct grant_table;

enum domain_state {
	DOMAIN_RUNNING,       /* has a vCPU that may run */
	DOMAIN_SHUTDOWN,      /* stopped itself (shutdown_code says why) */
	DOMAIN_DEAD,          /* destroyed; frames freed */
};

struct domain {
	uint16_t domid;
	char name[DOMAIN_NAME_MAX];
	bool privileged;
	enum domain_state state;
	int shutdown_code;                    /* SHUTDOWN_*, or -1 */
	bool exited;                          /* gave an exit status (SCHEDOP_ringlet_exit) */
	int32_t exit_status;                  /* ... this one */
	uint32_t tot_pages, max_pages;
	uint32_t given_back_live;             /* frames given back, still referenced */
	uint32_t devalidate_head;             /* page tables let go of, to take apart: */
	uint32_t devalidate_nr;               /* a list through struct frame's next */
	uint32_t shared_info_mfn;
	struct shared_info *shared_info;      /* the hypervisor's mapping */
	struct vcpu vcpu;
	struct evtchn_table evtchn;
	struct grant_table *grant_table;      /* hv/grant/, made when first used */
	uint32_t gnttab_max_frames;           /* 0: the default */
	uint32_t gnttab_max_maptrack;         /* 0: the default */
	struct domain *next;                  /* all domains */
};

extern struct domain *domain_list;

/* A domain with its shared info page and no memory yet; NULL when the
 * heap is exhausted. */
struct domain *domain_create(const char *name, bool privileged);
struct domain *domain_by_id(uint16_t domid);

/* Stop the domain for good: log why, free every frame it owns, and take it
 * off the run queue. The caller must not return to it. */
void domain_destroy(struct domain *d, const char *why);

/* The guest asked to stop (SCHEDOP_shutdown) or the hypervisor decided it
 * must (crash). */
void domain_shutdown(struct domain *d, int reason);

/* The same, with the exit status the guest reported (SCHEDOP_ringlet_exit):
 * logged, and a nonzero one makes the machine's end a failure. */
void domain_exit(struct domain *d, int reason, int32_t status);

/* Give the domain nr new frames; returns how many it got. */
uint32_t domain_alloc_frames(struct domain *d, uint32_t nr, uint32_t *mfns);

#endif
