/* One domain's console as the backend holds it (consoled's own). */
#ifndef CONSOLED_CONN_H
#define CONSOLED_CONN_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/grant.h"
#include "kernel/thread.h"
#include "pvabi/console.h"
#include "pvabi/event_channel.h"

#define CONSOLED_MAX_CONNS 32
/* Bytes of one domain's output taken in one round of all of them. */
#define CONSOLED_BUDGET    512

struct conn {
	uint16_t dom;
	bool live, broken, seen;
	evtchn_port_t port;
	struct grant_mapping page;
};

extern struct conn consoled_conns[CONSOLED_MAX_CONNS];
/* Woken by every console event. */
extern struct waitqueue consoled_wq;
extern volatile unsigned consoled_kicks;

static inline volatile struct xencons_interface *conn_ring(const struct conn *c)
{
	return c->page.va;
}

/* Sleeps until a console event after the count seen (consoled_kicks), or
 * ns pass. */
void consoled_wait(unsigned seen, uint64_t ns);

/* Connects the domains that appeared, lets go of those gone (after their
 * last output). */
void consoled_rescan(void);

/* Copies up to CONSOLED_BUDGET bytes of c's output to the serial line:
 * true when more waits. A ring with garbage indices is dropped, said once. */
bool consoled_serve(struct conn *c);

/* The domain console input goes to: the live one started last, or none. */
struct conn *consoled_focus(void);

/* The input thread's body. */
void consoled_input(void *arg);

#endif
