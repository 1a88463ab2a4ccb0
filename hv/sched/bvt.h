/* Borrowed Virtual Time (Duda and Cheriton, SOSP 1999), the scheduler of the
 * Xen paper. Each domain's actual virtual time (AVT) advances as it runs, at
 * a rate inversely proportional to its weight; the runnable domain with the
 * lowest effective virtual time (EVT) runs. A latency-sensitive domain may
 * warp: for up to warp_limit of real running time after it wakes, its EVT is
 * its AVT minus warp, so it runs first; after that it must wait
 * unwarp_req before it may warp again. A woken domain's AVT is brought up to
 * the scheduler's virtual time (SVT, the lowest AVT of those runnable) so
 * sleeping earns no credit, and a switch happens only when another domain's
 * EVT is lower by more than the context-switch allowance. */
#ifndef SCHED_BVT_H
#define SCHED_BVT_H

#include <stdbool.h>
#include <stdint.h>

#define BVT_WEIGHT_DEFAULT   1
#define BVT_WEIGHT_MAX       10000
#define BVT_ALLOWANCE_NS     5000000ull   /* context-switch allowance, virtual ns at weight 1 */

struct bvt_params {
	uint32_t weight;               /* share of the CPU, relative to others */
	uint64_t warp_ns;              /* W: how far a warped EVT is lowered */
	uint64_t warp_limit_ns;        /* L: real running time a warp lasts */
	uint64_t unwarp_req_ns;        /* U: real time between warps */
};

struct bvt {
	struct bvt_params p;
	uint64_t avt;
	bool warping;
	uint64_t warped_ran;           /* running time in the current warp */
	uint64_t unwarped_at;          /* when the last warp ended */
};

void bvt_init(struct bvt *b);
/* 0, or -1 for a weight of 0 or above BVT_WEIGHT_MAX. */
int bvt_set_params(struct bvt *b, const struct bvt_params *p);

uint64_t bvt_evt(const struct bvt *b);
/* Charge ran_ns of real running time, ending at now. */
void bvt_charge(struct bvt *b, uint64_t ran_ns, uint64_t now);
/* The domain wakes at now; svt is the lowest AVT among the runnable. */
void bvt_wake(struct bvt *b, uint64_t svt, uint64_t now);
/* The domain stops being runnable (blocks) at now. */
void bvt_sleep(struct bvt *b, uint64_t now);
/* Should a runnable domain with EVT other preempt the one running? */
bool bvt_preempts(uint64_t other_evt, uint64_t running_evt);

#endif
