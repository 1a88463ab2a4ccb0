/* Shared rings as Xen's io/ring.h lays them out, for every split driver:
 * one page holding a 64-byte header (req_prod, req_event, rsp_prod,
 * rsp_event, then padding) and a power-of-two number of entries, each a
 * request or its response. The frontend produces requests and consumes
 * responses; the backend the other way round. Indices run free; an entry
 * is at index & (size - 1).
 *
 * DEFINE_RING_TYPES(echo, struct echo_req, struct echo_rsp) gives
 * struct echo_sring (the page), struct echo_front_ring and struct
 * echo_back_ring (each end's private state), with the same names and
 * meanings as Xen's macros. A backend must not trust req_prod:
 * RING_REQUESTS_BROKEN says when the frontend claims more than a ring. */
#ifndef XENBUS_RING_H
#define XENBUS_RING_H

#include <stddef.h>
#include <stdint.h>

typedef uint32_t RING_IDX;

#define RING_PAGE_SIZE 4096u

/* The largest power of two not above x (x < 2^16 here). */
#define RING_POW2_1(x) ((x) & 0x2 ? 0x2 : (x) & 0x1)
#define RING_POW2_2(x) ((x) & 0xc ? RING_POW2_1((x) >> 2) << 2 : RING_POW2_1(x))
#define RING_POW2_4(x) ((x) & 0xf0 ? RING_POW2_2((x) >> 4) << 4 : RING_POW2_2(x))
#define RING_POW2_8(x) ((x) & 0xff00 ? RING_POW2_4((x) >> 8) << 8 : RING_POW2_4(x))
#define RING_POW2(x) RING_POW2_8((uint32_t)(x))

#define DEFINE_RING_TYPES(name, req_t, rsp_t)                                   \
union name##_sring_entry {                                                     \
	req_t req;                                                             \
	rsp_t rsp;                                                             \
};                                                                             \
struct name##_sring {                                                          \
	RING_IDX req_prod, req_event;                                          \
	RING_IDX rsp_prod, rsp_event;                                          \
	uint8_t pad[48];                                                       \
	union name##_sring_entry ring[1];                                      \
};                                                                             \
struct name##_front_ring {                                                     \
	RING_IDX req_prod_pvt, rsp_cons;                                       \
	uint32_t nr_ents;                                                      \
	struct name##_sring *sring;                                            \
};                                                                             \
struct name##_back_ring {                                                      \
	RING_IDX rsp_prod_pvt, req_cons;                                       \
	uint32_t nr_ents;                                                      \
	struct name##_sring *sring;                                            \
}

/* Entries in a page of ring s (a pointer to its sring type). */
#define RING_PAGE_ENTRIES(s)                                                   \
	RING_POW2((RING_PAGE_SIZE - offsetof(__typeof__(*(s)), ring)) / sizeof((s)->ring[0]))

#define SHARED_RING_INIT(s) do {                                               \
	(s)->req_prod = (s)->rsp_prod = 0;                                     \
	(s)->req_event = (s)->rsp_event = 1;                                   \
	for (unsigned _i = 0; _i < sizeof((s)->pad); _i++)                     \
		(s)->pad[_i] = 0;                                              \
} while (0)

#define FRONT_RING_INIT(r, s) do {                                             \
	(r)->req_prod_pvt = 0;                                                 \
	(r)->rsp_cons = 0;                                                     \
	(r)->nr_ents = RING_PAGE_ENTRIES(s);                                   \
	(r)->sring = (s);                                                      \
} while (0)

#define BACK_RING_INIT(r, s) do {                                              \
	(r)->rsp_prod_pvt = 0;                                                 \
	(r)->req_cons = 0;                                                     \
	(r)->nr_ents = RING_PAGE_ENTRIES(s);                                   \
	(r)->sring = (s);                                                      \
} while (0)

#define RING_SIZE(r) ((r)->nr_ents)
#define RING_FREE_REQUESTS(r) (RING_SIZE(r) - ((r)->req_prod_pvt - (r)->rsp_cons))
#define RING_FULL(r) (RING_FREE_REQUESTS(r) == 0)

/* Read through a volatile view: the other end writes these at any time. */
#define RING_SHARED(x) (*(volatile RING_IDX *)&(x))
#define RING_MB() __atomic_thread_fence(__ATOMIC_SEQ_CST)

#define RING_HAS_UNCONSUMED_RESPONSES(r)                                       \
	(RING_SHARED((r)->sring->rsp_prod) - (r)->rsp_cons)

/* Requests waiting, never more than the room left for their responses. */
#define RING_HAS_UNCONSUMED_REQUESTS(r) ({                                     \
	RING_IDX _req = RING_SHARED((r)->sring->req_prod) - (r)->req_cons;     \
	RING_IDX _rsp = RING_SIZE(r) - ((r)->req_cons - (r)->rsp_prod_pvt);    \
	_req < _rsp ? _req : _rsp;                                             \
})

/* The frontend claims more requests than the ring holds: it lies. */
#define RING_REQUESTS_BROKEN(r)                                                \
	(RING_SHARED((r)->sring->req_prod) - (r)->req_cons > RING_SIZE(r))

/* A response index the backend claims past what was asked. */
#define RING_RESPONSES_BROKEN(r)                                               \
	(RING_SHARED((r)->sring->rsp_prod) - (r)->rsp_cons >                    \
	 (r)->req_prod_pvt - (r)->rsp_cons)

#define RING_GET_REQUEST(r, idx)                                               \
	(&((r)->sring->ring[(idx) & (RING_SIZE(r) - 1)].req))
#define RING_GET_RESPONSE(r, idx)                                              \
	(&((r)->sring->ring[(idx) & (RING_SIZE(r) - 1)].rsp))

/* Publish what was produced; notify is set when the other end asked to
 * hear of an index in the range just published (its *_event). */
#define RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(r, notify) do {                    \
	RING_IDX _old = (r)->sring->req_prod, _new = (r)->req_prod_pvt;        \
	RING_MB();                                                             \
	RING_SHARED((r)->sring->req_prod) = _new;                              \
	RING_MB();                                                             \
	(notify) = (RING_IDX)(_new - RING_SHARED((r)->sring->req_event)) <     \
		   (RING_IDX)(_new - _old);                                    \
} while (0)

#define RING_PUSH_RESPONSES_AND_CHECK_NOTIFY(r, notify) do {                   \
	RING_IDX _old = (r)->sring->rsp_prod, _new = (r)->rsp_prod_pvt;        \
	RING_MB();                                                             \
	RING_SHARED((r)->sring->rsp_prod) = _new;                              \
	RING_MB();                                                             \
	(notify) = (RING_IDX)(_new - RING_SHARED((r)->sring->rsp_event)) <     \
		   (RING_IDX)(_new - _old);                                    \
} while (0)

/* No work left: ask to hear of the next one, then look once more (it may
 * have come meanwhile). */
#define RING_FINAL_CHECK_FOR_REQUESTS(r, work) do {                            \
	if (((work) = RING_HAS_UNCONSUMED_REQUESTS(r)))                        \
		break;                                                         \
	RING_SHARED((r)->sring->req_event) = (r)->req_cons + 1;                \
	RING_MB();                                                             \
	(work) = RING_HAS_UNCONSUMED_REQUESTS(r);                              \
} while (0)

#define RING_FINAL_CHECK_FOR_RESPONSES(r, work) do {                           \
	if (((work) = RING_HAS_UNCONSUMED_RESPONSES(r)))                       \
		break;                                                         \
	RING_SHARED((r)->sring->rsp_event) = (r)->rsp_cons + 1;                \
	RING_MB();                                                             \
	(work) = RING_HAS_UNCONSUMED_RESPONSES(r);                             \
} while (0)

#endif
