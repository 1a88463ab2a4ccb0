/* A backend's own measure of what each guest's requests cost it, for
 * benchmarks (BACK_COSTS=1 in its environment; test/bench/run account-io):
 * the ground truth the hypervisor's attributions are weighed against.
 * The backend's running time (its vCPU's: time the hypervisor gives other
 * domains is not counted) is shared out as it passes: a stretch that
 * cannot block (netback's turn on one vif, blkback taking a request off
 * the ring) is its guest's alone; otherwise the time goes to the requests
 * in progress (a disk request blocks on the disk), in equal parts; time
 * with none in progress is the backend's own. Off, every call returns at
 * once. */
#ifndef MG_COST_H
#define MG_COST_H

#include <stdbool.h>
#include <stdint.h>

enum cost_kind { COST_BLK, COST_NET, COST_KINDS };

bool cost_on(void);

/* A request of dom's in progress; ended with n requests done (0 or 1). */
void cost_begin(enum cost_kind k, uint16_t dom);
void cost_end(enum cost_kind k, uint16_t dom, uint64_t n);

/* A stretch that cannot block, all of it dom's; n requests done in it. */
void cost_alone(enum cost_kind k, uint16_t dom);
void cost_alone_end(enum cost_kind k, uint16_t dom, uint64_t n);

/* cost_say.c: who says dom's requests of kind k and their time, then what
 * the hypervisor counted (DOMCTL-10) for every peer and this domain's
 * running time, as of now: one line each, "WHO: costs: ...". */
void cost_say(const char *who, enum cost_kind k, uint16_t dom);

/* dom's requests of kind k and the ns they were given. */
void cost_of(enum cost_kind k, uint16_t dom, uint64_t *requests, uint64_t *ns);

#endif
