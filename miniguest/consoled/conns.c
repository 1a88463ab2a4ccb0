#include <stdio.h>
#include <string.h>

#include "consoled/conn.h"
#include "kernel/events.h"
#include "kernel/hypervisor.h"
#include "pvabi/domctl.h"
#include "pvabi/grant_table.h"

/* BOOT-18: a domain's console port is its second. */
#define CONSOLE_PORT 2

struct conn consoled_conns[CONSOLED_MAX_CONNS];
struct waitqueue consoled_wq;
volatile unsigned consoled_kicks;

static void kick(evtchn_port_t port, void *data)
{
	(void)port;
	(void)data;
	consoled_kicks++;
	waitq_wake_all(&consoled_wq);
}

static struct conn *conn_of(uint16_t dom)
{
	for (unsigned i = 0; i < CONSOLED_MAX_CONNS; i++)
		if (consoled_conns[i].live && consoled_conns[i].dom == dom)
			return &consoled_conns[i];
	return NULL;
}

static void connect(uint16_t dom)
{
	struct conn *c = NULL;

	for (unsigned i = 0; i < CONSOLED_MAX_CONNS && !c; i++)
		if (!consoled_conns[i].live)
			c = &consoled_conns[i];
	if (!c)
		return;
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
	if (rc < 0) {
		printf("consoled: domain %u has no console ring (%ld)\n", dom, rc);
		if (c->page.va)
			grant_unmap(&c->page);
		return;
	}
	c->live = c->seen = true;
	kick(0, NULL);         /* what it wrote before we came */
}

static void disconnect(struct conn *c)
{
	struct evtchn_close cl = { .port = c->port };

	while (consoled_serve(c))
		;              /* its last lines: at most a ring's worth */
	hypercall_event_channel_op(EVTCHNOP_close, &cl);
	grant_unmap(&c->page);
	c->live = false;
}

void consoled_rescan(void)
{
	struct xen_domctl dc = { .cmd = XEN_DOMCTL_getdomaininfo,
				 .interface_version = XEN_DOMCTL_INTERFACE_VERSION, .domain = 1 };

	for (unsigned i = 0; i < CONSOLED_MAX_CONNS; i++)
		consoled_conns[i].seen = false;
	while (dc.domain < DOMID_FIRST_RESERVED && hypercall_domctl(&dc) == 0) {
		uint16_t dom = (uint16_t)dc.u.getdomaininfo.domain;
		struct conn *c = conn_of(dom);
		bool dying = dc.u.getdomaininfo.flags & (XEN_DOMINF_dying | XEN_DOMINF_shutdown);
		if (!c && !dying)
			connect(dom);
		else if (c && !dying)
			c->seen = true;
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
