#include <stdio.h>
#include <string.h>

#include "consoled/conn.h"
#include "kernel/events.h"
#include "kernel/hypervisor.h"
#include "kernel/time.h"
#include "pvabi/domctl.h"
#include "pvabi/grant_table.h"

/* BOOT-18: a domain's console port is its second. */
#define CONSOLE_PORT 2

struct conn consoled_conns[CONSOLED_MAX_CONNS];
struct waitqueue consoled_wq;
volatile unsigned consoled_kicks;

/* Any console event: the serving thread looks at every ring again. */
static void kick(evtchn_port_t port, void *data)
{
	(void)port;
	(void)data;
	consoled_kicks++;
	waitq_wake_all(&consoled_wq);
}

void consoled_wait(unsigned seen, uint64_t ns)
{
	/* Checked with events masked: a kick after it still wakes us. */
	unsigned mask = events_mask_save();

	if (consoled_kicks == seen)
		waitq_block_until(&consoled_wq, time_now_ns() + ns);
	events_restore(mask);
}

/* dom's connection if it has one, else a free one (not live), else NULL. */
static struct conn *slot_for(uint16_t dom)
{
	struct conn *free = NULL;

	for (struct conn *c = consoled_conns; c < consoled_conns + CONSOLED_MAX_CONNS; c++) {
		if (c->live && c->dom == dom)
			return c;
		if (!c->live && !free)
			free = c;
	}
	return free;
}

static void connect(struct conn *c, uint16_t dom)
{
	memset(c, 0, sizeof(*c));
	c->dom = dom;
	long rc = grant_map(dom, GNTTAB_RESERVED_CONSOLE, &c->page);
	struct evtchn_bind_interdomain b = { .remote_dom = dom, .remote_port = CONSOLE_PORT };
	/* Its events wait until the port has its handler. */
	unsigned mask = events_mask_save();
	if (rc == 0)
		rc = hypercall_event_channel_op(EVTCHNOP_bind_interdomain, &b);
	if (rc >= 0) {
		c->port = b.local_port;
		evtchn_set_handler(c->port, kick, NULL);
	}
	events_restore(mask);
	c->live = c->seen = true;
	if (rc < 0) {
		/* Kept, broken, so that it is said once, not at every scan. */
		printf("consoled: domain %u has no console ring (%ld)\n", dom, rc);
		if (c->page.va)
			grant_unmap(&c->page);
		c->broken = true;
		return;
	}
	kick(0, NULL);         /* what it wrote before we came */
}

static void disconnect(struct conn *c)
{
	struct evtchn_close cl = { .port = c->port };

	c->live = false;
	if (!c->page.va)
		return;        /* it never had a ring */
	while (consoled_serve(c))
		;              /* its last lines: at most a ring's worth */
	if (c->port)
		hypercall_event_channel_op(EVTCHNOP_close, &cl);
	grant_unmap(&c->page);
}

void consoled_rescan(void)
{
	struct xen_domctl dc = { .cmd = XEN_DOMCTL_getdomaininfo,
				 .interface_version = XEN_DOMCTL_INTERFACE_VERSION, .domain = 1 };

	for (unsigned i = 0; i < CONSOLED_MAX_CONNS; i++)
		consoled_conns[i].seen = false;
	while (dc.domain < DOMID_FIRST_RESERVED && hypercall_domctl(&dc) == 0) {
		uint16_t dom = (uint16_t)dc.u.getdomaininfo.domain;
		struct conn *c = slot_for(dom);
		if (c && !(dc.u.getdomaininfo.flags & (XEN_DOMINF_dying | XEN_DOMINF_shutdown))) {
			if (c->live)
				c->seen = true;
			else
				connect(c, dom);
		}
		dc.domain = dom + 1u;
	}
	for (unsigned i = 0; i < CONSOLED_MAX_CONNS; i++)
		if (consoled_conns[i].live && !consoled_conns[i].seen)
			disconnect(&consoled_conns[i]);
}

struct conn *consoled_focus(void)
{
	struct conn *best = NULL;

	for (unsigned i = 0; i < CONSOLED_MAX_CONNS; i++) {
		struct conn *c = &consoled_conns[i];
		if (c->live && !c->broken && (!best || c->dom > best->dom))
			best = c;
	}
	return best;
}
