/* A line's interrupt told to every domain bound to it, and the line kept
 * masked until each has EOIed. The domains are found by walking them all:
 * few domains, a table of PIRQ_MAPS_MAX each. A domain that stopped (shut
 * down, not yet destroyed) is neither told nor waited for. */
#include "physdev/pirq.h"
#include "arch/arch.h"
#include "console/log.h"
#include "domain/domain.h"
#include "pvabi/errno.h"

static struct pirq_map *bound_on(struct domain *d, uint32_t gsi)
{
	struct pirq_map *m = pirq_of_gsi(&d->pirqs, gsi);

	return m && m->port && d->state == DOMAIN_RUNNING ? m : 0;
}

/* After an EOI or an unbind: unmask the line when nobody still owes an EOI
 * and somebody listens; with nobody bound it stays masked. */
static void settle(uint32_t gsi)
{
	bool bound = false;

	for (struct domain *d = domain_list; d; d = d->next) {
		struct pirq_map *m = bound_on(d, gsi);
		if (m && (m->flags & PIRQ_INFLIGHT))
			return;
		bound |= m != 0;
	}
	if (bound)
		arch_gsi_mask(gsi, false);
	else
		arch_gsi_disable(gsi);
}

void pirq_gsi_fired(uint32_t gsi)
{
	for (struct domain *d = domain_list; d; d = d->next) {
		struct pirq_map *m = bound_on(d, gsi);
		if (m) {
			m->flags |= PIRQ_INFLIGHT;
			evtchn_set_pending(d, m->port);
		}
	}
}

int pirq_bind(struct domain *d, uint32_t pirq, bool will_share)
{
	struct pirq_map *m = pirq_lookup(&d->pirqs, pirq);
	bool first = true;

	if (!m)
		return -XEN_EINVAL;
	if (m->port)
		return -XEN_EEXIST;
	for (struct domain *o = domain_list; o; o = o->next) {
		struct pirq_map *om = o == d ? 0 : bound_on(o, m->gsi);
		if (om && (!will_share || !(om->flags & PIRQ_SHARE)))
			return -XEN_EBUSY;
		first &= !om;
	}
	int port = evtchn_alloc(d);
	if (port < 0)
		return port;
	struct evtchn *e = evtchn_lookup(d, (uint32_t)port);
	e->state = EVTCHNSTAT_pirq;
	e->u.pirq = pirq;
	m->port = (uint16_t)port;
	m->flags = (uint8_t)((m->flags & ~PIRQ_INFLIGHT) | (will_share ? PIRQ_SHARE : 0));
	if (first)
		arch_gsi_enable(m->gsi);
	settle(m->gsi);
	return port;
}

static void unbind(struct pirq_map *m)
{
	m->port = 0;
	m->flags &= (uint8_t)~(PIRQ_INFLIGHT | PIRQ_SHARE);
	settle(m->gsi);
}

void pirq_unbind_port(struct domain *d, uint32_t pirq, uint32_t port)
{
	struct pirq_map *m = pirq_lookup(&d->pirqs, pirq);

	if (m && m->port == port)
		unbind(m);
}

int pirq_eoi(struct domain *d, uint32_t pirq)
{
	struct pirq_map *m = pirq_lookup(&d->pirqs, pirq);

	if (!m || !m->port)
		return -XEN_EINVAL;
	if (m->flags & PIRQ_INFLIGHT) {
		m->flags &= (uint8_t)~PIRQ_INFLIGHT;
		settle(m->gsi);
	}
	return 0;
}

bool pirq_shared(struct domain *d, uint32_t pirq)
{
	struct pirq_map *m = pirq_lookup(&d->pirqs, pirq);

	if (!m)
		return false;
	for (struct domain *o = domain_list; o; o = o->next)
		if (o != d && bound_on(o, m->gsi))
			return true;
	return false;
}

/* The port stays a pirq port bound to nothing, as on Xen; closing it then
 * changes nothing here. */
int pirq_unmap(struct domain *d, uint32_t pirq)
{
	struct pirq_map *m = pirq_lookup(&d->pirqs, pirq);

	if (!m)
		return -XEN_EINVAL;
	if (m->port)
		unbind(m);
	m->flags = 0;
	return 0;
}

/* d no longer runs (bound_on passes it over): an interrupt it never EOIed
 * counts as EOIed, and each of its lines is settled now rather than when
 * domain 0 destroys it, so that the domains sharing a line are not held
 * up meanwhile. Its mappings stay until then. */
void pirq_stopped(struct domain *d)
{
	for (unsigned i = 0; i < PIRQ_MAPS_MAX; i++) {
		struct pirq_map *m = &d->pirqs.m[i];
		if (!(m->flags & PIRQ_USED) || !m->port)
			continue;
		m->flags &= (uint8_t)~PIRQ_INFLIGHT;
		settle(m->gsi);
	}
}

void pirq_release_all(struct domain *d)
{
	for (unsigned i = 0; i < PIRQ_MAPS_MAX; i++) {
		struct pirq_map *m = &d->pirqs.m[i];
		if (!(m->flags & PIRQ_USED))
			continue;
		bool alone = !pirq_shared(d, m->pirq);
		log_info("domain %u's pirq %u (GSI %u) let go%s", d->domid, m->pirq, m->gsi,
			 alone ? "; the line masked" : "");
		pirq_unmap(d, m->pirq);
	}
}
