/* The backends' cost clock (kernel/cost.h). Threads are cooperative and
 * event handlers never switch them, so between two calls here only the
 * thread that makes them runs. */
#include <stdlib.h>
#include <string.h>

#include "kernel/cost.h"
#include "kernel/time.h"

#define COST_DOMS 64

struct cost {
	uint64_t requests, ns;
	unsigned going;                 /* its requests in progress */
};

static struct cost costs[COST_KINDS][COST_DOMS];
static unsigned going;                  /* every request in progress */
static struct cost *alone;              /* a stretch that cannot block */
static uint64_t last;                   /* running ns, shared out up to here */
static int on = -1;

bool cost_on(void)
{
	if (on < 0) {
		const char *v = getenv("BACK_COSTS");
		on = v && strcmp(v, "1") == 0;
		last = on ? time_running_ns() : 0;
	}
	return on;
}

static struct cost *of(enum cost_kind k, uint16_t dom)
{
	return cost_on() && k < COST_KINDS && dom < COST_DOMS ? &costs[k][dom] : NULL;
}

/* The running time since the last call, to whom it belongs. */
static void share_out(void)
{
	uint64_t now = time_running_ns(), spent = now > last ? now - last : 0;

	last = now;
	if (alone) {
		alone->ns += spent;
		return;
	}
	for (unsigned k = 0; going && k < COST_KINDS; k++)
		for (unsigned d = 0; d < COST_DOMS; d++)
			costs[k][d].ns += spent * costs[k][d].going / going;
}

void cost_begin(enum cost_kind k, uint16_t dom)
{
	struct cost *c = of(k, dom);

	if (!c)
		return;
	share_out();
	c->going++;
	going++;
}

void cost_end(enum cost_kind k, uint16_t dom, uint64_t n)
{
	struct cost *c = of(k, dom);

	if (!c || !c->going)
		return;
	share_out();
	c->going--;
	going--;
	c->requests += n;
}

void cost_alone(enum cost_kind k, uint16_t dom)
{
	struct cost *c = of(k, dom);

	if (!c)
		return;
	share_out();
	alone = c;
}

void cost_alone_end(enum cost_kind k, uint16_t dom, uint64_t n)
{
	struct cost *c = of(k, dom);

	if (!c || alone != c)
		return;
	share_out();
	alone = NULL;
	c->requests += n;
}

void cost_of(enum cost_kind k, uint16_t dom, uint64_t *requests, uint64_t *ns)
{
	struct cost *c = of(k, dom);

	*requests = c ? c->requests : 0;
	*ns = c ? c->ns : 0;
}
