/* Creating and destroying domains. A domain owns its frames outright, but
 * for those another domain maps through a grant: destroying it lets the
 * grant tables settle those first (hv/grant/release.c), then takes every
 * frame it still owns back at once. */
#include "domain/domain.h"
#include "arch/arch.h"
#include "console/log.h"
#include "grant/grant.h"
#include "lib/string.h"
#include "mm/mm.h"
#include "pvabi/sched.h"
#include "pvabi/shared_info.h"
#include "sched/policy.h"
#include "sched/sched.h"
#include "time/guest_time.h"
#include "time/clock.h"
#include "physdev/pci.h"

struct domain *domain_list;
static uint16_t next_domid = 1;
static bool all_powered_off = true;
static bool nonzero_exit;           /* some domain gave a nonzero exit status */
static unsigned alive, peak_alive;

static void link_domain(struct domain *d)
{
	struct domain **p = &domain_list;

	while (*p)
		p = &(*p)->next;
	*p = d;
}

static void unlink_domain(struct domain *d)
{
	for (struct domain **p = &domain_list; *p; p = &(*p)->next) {
		if (*p == d) {
			*p = d->next;
			return;
		}
	}
}

struct domain *domain_by_id(uint16_t domid)
{
	if (current && current->d->domid == domid)
		return current->d;              /* by far the most asked for */
	for (struct domain *d = domain_list; d; d = d->next)
		if (d->domid == domid)
			return d;
	return NULL;
}

void domain_note_frame(struct domain *d, uint32_t mfn)
{
	struct frame_span *s = &d->spans[mfn >= FRAME_LOW_LIMIT];

	if (mfn < s->first)
		s->first = mfn;
	if (mfn > s->last)
		s->last = mfn;
}

/* The name and the console prefix, each as long as the name needs. */
static int name_domain(struct domain *d, const char *name)
{
	size_t n = strlen(name);

	if (n > DOMAIN_NAME_MAX)
		n = DOMAIN_NAME_MAX;
	char *copy = xmalloc(n + 1), *label = xmalloc(n + 4);
	if (!copy || !label) {
		xfree(copy);
		xfree(label);
		return -1;
	}
	memcpy(copy, name, n);
	copy[n] = '\0';
	label[0] = '(';
	memcpy(label + 1, name, n);
	memcpy(label + 1 + n, ") ", 3);
	d->name = copy;
	d->label = label;
	d->label_len = (uint32_t)n + 3;
	return 0;
}

struct domain *domain_create(const char *name, bool privileged)
{
	/* Ids are not used again: once the ordinary ones are spent, no more
	 * domains. */
	if (!privileged && next_domid >= DOMID_FIRST_RESERVED)
		return NULL;
	struct domain *d = xzalloc(sizeof(*d));
	if (!d)
		return NULL;
	/* A 32-bit guest learns its shared info page's machine address from
	 * a 32-bit field: the frame lies below 4 GiB. */
	uint32_t si = frame_alloc_low(&frame_table, DOMID_XEN);
	if (si == FRAME_NONE) {
		xfree(d);
		return NULL;
	}
	d->shared_info = map_frame(si);
	memset(d->shared_info, 0, PAGE_SIZE);
	/* The privileged domain is domain 0, as on Xen. */
	d->domid = privileged ? 0 : next_domid++;
	d->privileged = privileged;
	d->shutdown_code = -1;
	d->state = DOMAIN_RUNNING;
	if (name_domain(d, name) < 0) {
		free_frame(si);
		xfree(d);
		return NULL;
	}
	d->shared_info_mfn = si;
	frame_share(si, d->domid);
	for (unsigned i = 0; i < 2; i++)
		d->spans[i] = (struct frame_span){ .first = FRAME_NONE, .last = 0 };
	domain_note_frame(d, si);
	d->extent.order = EXTENT_NONE;
	d->vcpu.d = d;
	guest_timer_init(&d->vcpu);
	sched->init(&d->vcpu);
	d->vcpu.runstate = RUNSTATE_OFFLINE;
	d->vcpu.runstate_entry = clock_ns();
	for (unsigned i = 0; i < XEN_LEGACY_MAX_VCPUS; i++)
		d->shared_info->vcpu_info[i].evtchn_upcall_mask = 1;
	link_domain(d);
	if (++alive > peak_alive)
		peak_alive = alive;
	return d;
}

void domain_take_frame(struct domain *d, uint32_t mfn)
{
	frame_table.f[mfn].count = 1;          /* the allocation itself */
	frame_table.f[mfn].flags |= FRAME_ALLOCATED;
	m2p_set(mfn, INVALID_M2P_ENTRY);
	d->tot_pages++;
}

/* A frame newly d's: never hand a guest what another one left behind. */
static void give_frame(struct domain *d, uint32_t mfn)
{
	domain_note_frame(d, mfn);
	memset(map_frame(mfn), 0, PAGE_SIZE);
	domain_take_frame(d, mfn);
}

uint32_t domain_alloc_frames(struct domain *d, uint32_t nr, uint32_t *mfns)
{
	uint32_t got = 0;

	while (got < nr && d->tot_pages < d->max_pages) {
		uint32_t mfn = frame_alloc(&frame_table, d->domid);
		if (mfn == FRAME_NONE)
			break;
		give_frame(d, mfn);
		mfns[got++] = mfn;
	}
	return got;
}

int domain_trade_for_low(struct domain *d, uint32_t *mfn)
{
	if (*mfn < FRAME_LOW_LIMIT)
		return 0;
	uint32_t low = frame_alloc_low(&frame_table, d->domid);
	if (low == FRAME_NONE)
		return -1;
	give_frame(d, low);
	d->tot_pages--;                        /* a trade: *mfn goes */
	struct frame *f = &frame_table.f[*mfn];
	f->count = 0;
	f->flags &= ~FRAME_ALLOCATED;
	frame_free(&frame_table, *mfn);
	*mfn = low;
	return 0;
}

static const char *reason_name(int reason)
{
	switch (reason) {
	case SHUTDOWN_poweroff: return "poweroff";
	case SHUTDOWN_reboot: return "reboot";
	case SHUTDOWN_suspend: return "suspend";
	case SHUTDOWN_crash: return "crash";
	case SHUTDOWN_watchdog: return "watchdog";
	default: return "unknown reason";
	}
}

/* The privileged domain hears of every other domain's end. */
static void tell_dom0(struct domain *d)
{
	struct domain *dom0 = domain_by_id(0);
	if (dom0 && dom0 != d && dom0->privileged)
		send_virq(dom0, VIRQ_DOM_EXC);
}

/* It runs no more, but its memory stays until domain 0, told by
 * VIRQ_DOM_EXC, reads why it stopped and destroys it (or builds it
 * again, for a reboot). */
static void keep(struct domain *d)
{
	sched_remove(&d->vcpu);
	timer_cancel(&d->vcpu.timer);
	timer_cancel(&d->vcpu.poll_timer);
	timer_cancel(&d->vcpu.periodic_timer);
	pirq_stopped(d);
	tell_dom0(d);
}

void domain_shutdown(struct domain *d, int reason)
{
	if (d->state != DOMAIN_RUNNING)
		return;                        /* a kept domain stopped already */
	d->shutdown_code = reason;
	d->state = DOMAIN_SHUTDOWN;
	if (d->exited)
		log_info("domain %u (%s) shut down: %s, exit status %d", d->domid, d->name,
			 reason_name(reason), d->exit_status);
	else
		log_info("domain %u (%s) shut down: %s", d->domid, d->name, reason_name(reason));
	if (d->kept)
		keep(d);
	else
		domain_destroy(d, NULL);
}

void domain_exit(struct domain *d, int reason, int32_t status)
{
	d->exited = true;
	d->exit_status = status;
	domain_shutdown(d, reason);
}

/* Why the machine stops when the last domain is gone. */
static const char *ending(void)
{
	if (!all_powered_off)
		return "some crashed or were destroyed";
	return nonzero_exit ? "some exited with a nonzero status" : "all powered off";
}

/* Free every frame d still owns in span. */
static void release_span(struct domain *d, const struct frame_span *span)
{
	for (uint32_t mfn = span->first; mfn <= span->last && mfn < frame_table.nr; mfn++) {
		struct frame *f = &frame_table.f[mfn];
		if (f->owner != d->domid || (f->flags & FRAME_FREE) || !(f->flags & FRAME_RAM))
			continue;
		f->count = 0;
		f->type_info = 0;
		m2p_set(mfn, INVALID_M2P_ENTRY);
		if (f->flags & FRAME_SHARED) {
			f->flags &= ~FRAME_SHARED;
			f->owner = DOMID_XEN;
			continue;
		}
		frame_free(&frame_table, mfn);
	}
}

static void tear_down(struct domain *d);

void domain_destroy(struct domain *d, const char *why)
{
	if (why) {
		log_err("domain %u (%s) destroyed: %s", d->domid, d->name, why);
		all_powered_off = false;
	} else if (d->shutdown_code != SHUTDOWN_poweroff) {
		all_powered_off = false;
	}
	tear_down(d);
}

/* A toolstack's destroy is no failure, nor is a reboot it answered. */
void domain_kill(struct domain *d)
{
	log_info("domain %u (%s) destroyed by domain 0", d->domid, d->name);
	if (d->shutdown_code == SHUTDOWN_crash || d->shutdown_code == SHUTDOWN_watchdog)
		all_powered_off = false;
	tear_down(d);
}

static void tear_down(struct domain *d)
{
	if (d->exited && d->exit_status != 0)
		nonzero_exit = true;
	sched_remove(&d->vcpu);
	timer_cancel(&d->vcpu.timer);
	timer_cancel(&d->vcpu.poll_timer);
	timer_cancel(&d->vcpu.periodic_timer);
	evtchn_destroy(d);
	arch_vcpu_destroy(&d->vcpu);
	/* Nothing may run on its page tables or remember its mappings. When
	 * another domain is running (a remote shutdown), it keeps its own page
	 * tables: it returns to them. */
	if (!current)
		load_idle_l3();
	flush_tlb_local();
	gnttab_domain_destroy(d);
	pci_release(d);
	for (unsigned i = 0; i < 2; i++)
		release_span(d, &d->spans[i]);
	d->state = DOMAIN_DEAD;
	unlink_domain(d);
	tell_dom0(d);
	alive--;
	bool was_dom0 = d->privileged;
	free_frame(d->shared_info_mfn);
	xfree((char *)d->name);
	xfree((char *)d->label);
	xfree(d->e820);
	xfree(d);
	/* No one is left to destroy the domains kept after their shutdown. */
	for (struct domain *k = domain_list; was_dom0 && k;) {
		struct domain *next = k->next;
		if (k->kept && k->state == DOMAIN_SHUTDOWN)
			domain_destroy(k, NULL);      /* frees k alone */
		k = next;
	}
	if (!domain_list) {
		log_info("no domains left: %s (at most %u alive at once)", ending(), peak_alive);
		machine_stop(all_powered_off && !nonzero_exit);
	}
}
