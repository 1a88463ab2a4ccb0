/* The split-driver framework: what every frontend and backend uses.
 *
 * A device of type t, number n, between frontend domain F and backend
 * domain B lives in the store at two places, as Xen's toolstack writes
 * them (xenbus_create):
 *   /local/domain/F/device/t/n             backend, backend-id, state, ...
 *   /local/domain/B/backend/t/F/n          frontend, frontend-id, state, ...
 * Each end owns its own directory and may read the other's. The ends move
 * through Xen's XenbusState numbers, each writing its own "state":
 *   frontend  Initialising 1 -> (ring granted, port offered) Initialised 3
 *             -> (backend Connected) Connected 4
 *   backend   Initialising 1 -> InitWait 2 -> (frontend Initialised: ring
 *             mapped, port bound) Connected 4
 * and either end to Closing 5 then Closed 6 to tear down; an end whose
 * peer is Closing, Closed or gone (its domain released) closes too. */
#ifndef XENBUS_XENBUS_H
#define XENBUS_XENBUS_H

#include <stdbool.h>
#include <stdint.h>
#include "kernel/events.h"
#include "kernel/grant.h"

enum xenbus_state {
	XenbusStateUnknown = 0,
	XenbusStateInitialising = 1,
	XenbusStateInitWait = 2,
	XenbusStateInitialised = 3,
	XenbusStateConnected = 4,
	XenbusStateClosing = 5,
	XenbusStateClosed = 6,
	XenbusStateReconfiguring = 7,
	XenbusStateReconfigured = 8,
};

#define XENBUS_PATH 96

/* xs.c: the store, through the ring, or directly in the domain that runs
 * the server. 0 or negative. */
int xb_read(const char *path, char *value, uint32_t max);
int xb_write(const char *path, const char *value);
int xb_rm(const char *path);
/* The children of path, each name NUL-terminated, an empty name after the
 * last (names is max bytes): 0 or negative. */
int xb_directory(const char *path, char *names, uint32_t max);
int xb_watch(const char *path, const char *token);
int xb_unwatch(const char *path, const char *token);
/* perms: Xen's list, NUL-separated, len bytes with the last NUL. */
int xb_set_perms(const char *path, const char *perms, uint32_t len);
/* A number read from path; -1 when missing or not a number. */
long xb_read_num(const char *path);
/* A count of the watch events this domain had, then: wait for one after
 * it (at most until deadline_ns, and a tenth of a second). */
unsigned xb_events(void);
void xb_wait(unsigned seen, uint64_t deadline_ns);
/* This domain's id (its home's domid; 0 where the server runs), or -1. */
int xb_domid(void);

/* stats.c: a backend's counters, written to DIR/statistics/NAME for each
 * of names[0..n) (n at most XENBUS_STATS) when changed, at most every
 * half second (a call in between does nothing). */
#define XENBUS_STATS 8
struct xenbus_stats {
	uint64_t shown[XENBUS_STATS];
	uint64_t next_ns;
	bool written;
};
void xenbus_publish_stats(struct xenbus_stats *s, const char *dir, const char *const *names,
			  const uint64_t *now, unsigned n);

/* One end of a device. */
struct xenbus_dev {
	char self[XENBUS_PATH];         /* this end's directory */
	char peer[XENBUS_PATH];         /* the other end's */
	uint16_t peer_id;
	char peer_state_path[XENBUS_PATH + 8];
};

/* state.c */
int xenbus_switch_state(struct xenbus_dev *d, enum xenbus_state s);
enum xenbus_state xenbus_read_state(const char *dir);
/* Wait until the peer's state is in the mask (1 << state) or the deadline
 * (time_now_ns) passes: the state it has then. A peer whose directory is
 * gone reads as Closed. */
enum xenbus_state xenbus_wait_peer(struct xenbus_dev *d, uint32_t mask, uint64_t deadline_ns);

/* toolstack.c: make device t/n between frontend fe and backend be, both
 * ends Initialising (domain 0 only): 0 or negative. */
int xenbus_create(const char *type, uint16_t fe, uint16_t be, unsigned n);
/* Remove both ends' directories. */
void xenbus_destroy(const char *type, uint16_t fe, uint16_t be, unsigned n);

/* grant.c: grant frame mfn to dom: the ref, or negative. */
int gnt_grant_access(uint16_t dom, uint32_t mfn, bool readonly);
/* Take the grant back: false while the other domain still maps it. */
bool gnt_end_access(int ref);
/* An entry that lets dom transfer a frame to us, to be our pfn (page
 * flipping): the ref, or negative. */
int gnt_accept_transfer(uint16_t dom, uint32_t pfn);
/* Whether a frame came through ref (the hypervisor said it completed):
 * the frame in *mfn. */
bool gnt_transfer_done(int ref, uint32_t *mfn);
/* ref accepts one more frame, to be pfn. */
void gnt_accept_again(int ref, uint32_t pfn);

/* front.c: the frontend's side of the handshake for device t/n: find the
 * backend (waiting for the toolstack to make the device), grant it each
 * ring page (already initialised) under its key (blkif has one,
 * "ring-ref"; netif two, "tx-ring-ref" and "rx-ring-ref"), offer it one
 * port as event-channel and say Initialised; then wait until it is
 * Connected. 0 or negative (the backend did not connect within
 * timeout_ns). Keys of the device's own are written before, in
 * dev.self's directory, which the toolstack made. */
#define XENBUS_RINGS 2
struct xenbus_front {
	struct xenbus_dev dev;
	unsigned nrings;
	void *rings[XENBUS_RINGS];
	int refs[XENBUS_RINGS];
	evtchn_port_t port;
};
int xenbus_front_open_rings(struct xenbus_front *f, const char *type, unsigned n,
			    void *const *rings, const char *const *keys, unsigned nrings,
			    evtchn_handler_t h, void *data, uint64_t timeout_ns);
/* One ring, as "ring-ref". */
int xenbus_front_open(struct xenbus_front *f, const char *type, unsigned n, void *ring,
		      evtchn_handler_t h, void *data, uint64_t timeout_ns);
void xenbus_front_close(struct xenbus_front *f, uint64_t timeout_ns);
/* front_list.c: the numbers N of this domain's device/type/N (each below
 * limit), at most max, lowest first: how many. */
unsigned xenbus_front_list(const char *type, unsigned long limit, unsigned *ns, unsigned max);

/* back.c: the backend's side for the device at backend directory dir: say
 * InitWait, wait for the frontend's Initialised (or Connected, as Xen's
 * netfront says at once), map the ring named by each key and bind its
 * event-channel, say Connected. 0, or negative with the reason written to
 * dir/error and the device Closed (a ring ref or port that is not the
 * frontend's to give, a frontend that never comes). */
struct xenbus_back {
	struct xenbus_dev dev;
	unsigned nrings;
	struct grant_mapping rings[XENBUS_RINGS];
	evtchn_port_t port;
};
int xenbus_back_open_rings(struct xenbus_back *b, const char *dir, const char *const *keys,
			   unsigned nrings, evtchn_handler_t h, void *data, uint64_t timeout_ns);
/* One ring, "ring-ref". */
int xenbus_back_open(struct xenbus_back *b, const char *dir, evtchn_handler_t h, void *data,
		     uint64_t timeout_ns);
void xenbus_back_close(struct xenbus_back *b);

/* back_watch.c: call found(fe, dir, arg) once for each device directory
 * dir that appears under this domain's backend/type/FE/N (FE a domain id),
 * from a thread of its own that watches them: 0 or -1. */
int xenbus_back_watch(const char *type, void (*found)(uint16_t fe, const char *dir, void *arg),
		      void *arg);

/* toolstack.c: the domain whose store name is name, or -1 (waits up to
 * two seconds for the store to describe the domains). */
long xenbus_domid_of(const char *name);

#endif
