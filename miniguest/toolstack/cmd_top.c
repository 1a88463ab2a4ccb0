/* top: per domain over an interval, like xentop: its own CPU%, the CPU% of
 * the domains that serve it attributed to it two ways, and the rates of
 * its I/O. (a), the monitoring paper's way, shares each server's CPU time
 * among the domains it worked with in proportion to the operations it did
 * for each (grant maps, copies, page flips, and the events it sent, which
 * are a request's answer where the ring is mapped once); (b)
 * charges the time the server itself marked as spent on each
 * (SCHEDOP_ringlet_serving). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/thread.h"
#include "kernel/time.h"
#include "toolstack/shell.h"
#include "toolstack/toolstack.h"

#define TOP_DOMS 32

struct sample {
	uint16_t dom;
	char name[17];
	uint64_t cpu_ns;
	struct ringlet_domctl_getaccount a;
	struct ringlet_account_peer peers[RINGLET_ACCOUNT_PEERS];
	uint64_t blk, net;                  /* its backends' counts */
};

struct rates {
	double cpu, by_ops, by_mark;        /* percent of one CPU */
	double events, grants, flips, copies;   /* per second */
	double blk, net;
};

static struct sample before[TOP_DOMS], after[TOP_DOMS];

static const struct sample *find(const struct sample *s, unsigned n, uint16_t dom)
{
	for (unsigned i = 0; i < n; i++)
		if (s[i].dom == dom)
			return &s[i];
	return NULL;
}

struct taken {
	struct sample *s;
	unsigned n;
};

static void add_io(void *arg, uint16_t fe, uint64_t blk, uint64_t net)
{
	struct taken *t = arg;
	struct sample *x = (struct sample *)find(t->s, t->n, fe);

	if (x) {
		x->blk += blk;
		x->net += net;
	}
}

/* Every domain's figures now: how many. */
static unsigned take(struct sample *s)
{
	struct xen_domctl dc;
	unsigned n = 0, next = 0;

	memset(&dc, 0, sizeof(dc));
	while (n < TOP_DOMS && next < DOMID_FIRST_RESERVED &&
	       ctl(XEN_DOMCTL_getdomaininfo, (uint16_t)next, &dc) == 0) {
		struct sample *x = &s[n];
		x->dom = dc.u.getdomaininfo.domain;
		ctl_name(&dc.u.getdomaininfo, x->name);
		x->cpu_ns = dc.u.getdomaininfo.cpu_time;
		next = x->dom + 1u;
		struct xen_domctl ac;
		memset(&ac, 0, sizeof(ac));
		ac.u.getaccount.peers = (uintptr_t)x->peers;
		ac.u.getaccount.nr_peers = RINGLET_ACCOUNT_PEERS;
		if (ctl(RINGLET_DOMCTL_getaccount, x->dom, &ac) == 0) {
			x->a = ac.u.getaccount;
			n++;
		}
		memset(&dc, 0, sizeof(dc));
	}
	struct taken t = { s, n };
	for (unsigned i = 0; i < n; i++)
		s[i].blk = s[i].net = 0;
	for (unsigned i = 0; i < n; i++)
		top_io_scan(s[i].dom, add_io, &t);
	return n;
}

/* What peer entry p of a server did between two samples (p0 NULL: all). */
static struct ringlet_account_peer delta(const struct ringlet_account_peer *p1,
					 const struct ringlet_account_peer *p0)
{
	struct ringlet_account_peer d = *p1;

	if (p0) {
		d.events_sent -= p0->events_sent;
		d.grant_maps -= p0->grant_maps;
		d.grant_copies -= p0->grant_copies;
		d.flips -= p0->flips;
		d.served_ns -= p0->served_ns;
	}
	return d;
}

static const struct ringlet_account_peer *peer_of(const struct sample *s, uint16_t dom)
{
	for (uint32_t i = 0; s && i < s->a.nr_peers; i++)
		if (s->peers[i].domid == dom)
			return &s->peers[i];
	return NULL;
}

static uint64_t ops(const struct ringlet_account_peer *p)
{
	return p->grant_maps + p->grant_copies + p->flips + p->events_sent;
}

/* A server is a domain that ever used another's grants (a backend maps
 * its frontends' rings at least): only those share their time out by (a),
 * or every guest would be charged for the events it sends domain 0. */
static bool serves(const struct sample *s)
{
	for (uint32_t k = 0; k < s->a.nr_peers; k++)
		if (s->peers[k].grant_maps + s->peers[k].grant_copies + s->peers[k].flips)
			return true;
	return false;
}

/* What the servers did for domain dom, over ns nanoseconds. */
static void attribute(unsigned n0, unsigned n1, uint16_t dom, uint64_t ns, struct rates *r)
{
	for (unsigned i = 0; i < n1; i++) {
		const struct sample *s1 = &after[i], *s0 = find(before, n0, s1->dom);
		if (!s0 || s1->dom == dom || !serves(s1))
			continue;
		uint64_t all = 0, mine = 0;
		for (uint32_t k = 0; k < s1->a.nr_peers; k++) {
			struct ringlet_account_peer d = delta(&s1->peers[k], peer_of(s0, s1->peers[k].domid));
			all += ops(&d);
			if (d.domid != dom)
				continue;
			mine = ops(&d);
			r->by_mark += 100.0 * (double)d.served_ns / (double)ns;
			r->grants += (double)(d.grant_maps + d.grant_copies) * 1e9 / (double)ns;
			r->flips += (double)d.flips * 1e9 / (double)ns;
			r->copies += (double)d.grant_copies * 1e9 / (double)ns;
		}
		if (all)
			r->by_ops += 100.0 * (double)(s1->cpu_ns - s0->cpu_ns) / (double)ns *
				     (double)mine / (double)all;
	}
}

/* A counter's rate; 0 when it went back (its device went away). */
static double per_second(uint64_t now, uint64_t then, uint64_t ns)
{
	return now < then ? 0.0 : (double)(now - then) * 1e9 / (double)ns;
}

static void show(unsigned n0, unsigned n1, uint64_t ns, bool json)
{
	if (json)
		printf("[");
	else
		printf("   ID  NAME              CPU%%  BY-OPS%%  BY-MARK%%  EVENTS/s  GRANTS/s  "
		       "FLIPS/s  COPIES/s   BLK/s  PKTS/s\n");
	for (unsigned i = 0; i < n1; i++) {
		const struct sample *s1 = &after[i], *s0 = find(before, n0, s1->dom);
		if (!s0)
			continue;
		struct rates r = { 0 };
		r.cpu = 100.0 * (double)(s1->cpu_ns - s0->cpu_ns) / (double)ns;
		r.events = (double)(s1->a.events_sent + s1->a.events_received - s0->a.events_sent -
				    s0->a.events_received) * 1e9 / (double)ns;
		attribute(n0, n1, s1->dom, ns, &r);
		r.blk = per_second(s1->blk, s0->blk, ns);
		r.net = per_second(s1->net, s0->net, ns);
		if (json)
			printf("%s{\"id\":%u,\"name\":\"%s\",\"cpu_pct\":%.2f,\"by_ops_pct\":%.2f,"
			       "\"by_mark_pct\":%.2f,\"events_s\":%.1f,\"grants_s\":%.1f,"
			       "\"flips_s\":%.1f,\"copies_s\":%.1f,\"blk_ops_s\":%.1f,\"net_packets_s\":%.1f}",
			       i ? "," : "", s1->dom, s1->name, r.cpu, r.by_ops, r.by_mark, r.events,
			       r.grants, r.flips, r.copies, r.blk, r.net);
		else
			printf("%5u  %-16s %5.1f %8.1f %9.1f %9.1f %9.1f %8.1f %9.1f %7.1f %7.1f\n",
			       s1->dom, s1->name, r.cpu, r.by_ops, r.by_mark, r.events, r.grants,
			       r.flips, r.copies, r.blk, r.net);
	}
	if (json)
		printf("]\n");
}

int cmd_top(int argc, char **argv)
{
	bool json = false, once = false;
	unsigned long ms = 1000, rounds = 10;

	for (int i = 1; i < argc; i++) {
		char *end = NULL;
		if (strcmp(argv[i], "--json") == 0)
			json = once = true;
		else if (strcmp(argv[i], "--once") == 0)
			once = true;
		else if ((ms = strtoul(argv[i], &end, 10)) == 0 || *end || ms > 60000) {
			printf("top: [--json] [--once] [MS], MS 1 to 60000\n");
			return -1;
		}
	}
	for (unsigned long k = 0; k < (once ? 1 : rounds); k++) {
		unsigned n0 = take(before);
		uint64_t t0 = time_now_ns();
		thread_sleep_ns(ms * 1000000ull);
		unsigned n1 = take(after);
		uint64_t ns = time_now_ns() - t0;
		show(n0, n1, ns ? ns : 1, json);
	}
	return 0;
}
