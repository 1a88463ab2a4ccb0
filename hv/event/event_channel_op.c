/* __HYPERVISOR_event_channel_op (32), and its older form (16) whose one
 * argument is a struct holding the command and its arguments. */
#include "event/evtchn.h"
#include "event/fifo.h"
#include "arch/x86/uaccess.h"
#include "domain/domain.h"
#include "hypercall/hypercall.h"
#include "sched/sched.h"
#include "lib/string.h"
#include "physdev/pirq.h"

/* Global virtual IRQs go to the privileged domain only. */
static bool virq_allowed(const struct domain *d, uint32_t virq)
{
	switch (virq) {
	case VIRQ_TIMER:
	case VIRQ_DEBUG:
		return true;
	case VIRQ_CONSOLE:
	case VIRQ_DOM_EXC:
		return d->privileged;
	default:
		return false;
	}
}

int evtchn_named_domain(domid_t id, struct domain **out)
{
	struct domain *me = current->d;

	if (id == DOMID_SELF || id == me->domid) {
		*out = me;
		return 0;
	}
	if (!me->privileged)
		return -XEN_EPERM;
	*out = domain_by_id(id);
	return *out ? 0 : -XEN_ESRCH;
}

static int alloc_unbound(struct evtchn_alloc_unbound *a)
{
	struct domain *d;
	int rc = evtchn_named_domain(a->dom, &d);
	if (rc < 0)
		return rc;
	int port = evtchn_alloc_unbound(d, a->remote_dom == DOMID_SELF ? current->d->domid
								   : a->remote_dom);
	if (port < 0)
		return port;
	a->port = (uint32_t)port;
	return 0;
}

static int bind_interdomain(struct evtchn_bind_interdomain *b)
{
	struct domain *me = current->d;
	struct domain *far = b->remote_dom == DOMID_SELF ? me : domain_by_id(b->remote_dom);
	if (!far)
		return -XEN_ESRCH;
	struct evtchn *fe = evtchn_lookup(far, b->remote_port);
	if (!fe || fe->state != EVTCHNSTAT_unbound || fe->u.unbound_remote != me->domid)
		return -XEN_EINVAL;
	int port = evtchn_alloc(me);
	if (port < 0)
		return port;
	struct evtchn *e = evtchn_lookup(me, (uint32_t)port);
	e->state = EVTCHNSTAT_interdomain;
	e->u.peer = far;
	e->remote_port = (uint16_t)b->remote_port;
	fe->state = EVTCHNSTAT_interdomain;
	fe->u.peer = me;
	fe->remote_port = (uint16_t)port;
	b->local_port = (uint32_t)port;
	/* Like Xen: the new channel starts pending at the local end, so a
	 * waiting side notices the connection. */
	evtchn_set_pending(me, (uint32_t)port);
	return 0;
}

static int bind_virq(struct evtchn_bind_virq *b)
{
	struct domain *d = current->d;

	if (b->virq >= NR_VIRQS || !virq_allowed(d, b->virq))
		return -XEN_EINVAL;
	if (b->vcpu != 0)
		return -XEN_ENOENT;
	if (d->evtchn.virq_port[b->virq])
		return -XEN_EEXIST;
	int port = evtchn_alloc(d);
	if (port < 0)
		return port;
	struct evtchn *e = evtchn_lookup(d, (uint32_t)port);
	e->state = EVTCHNSTAT_virq;
	e->virq = (uint8_t)b->virq;
	d->evtchn.virq_port[b->virq] = (uint16_t)port;
	b->port = (uint32_t)port;
	return 0;
}

static int bind_ipi(struct evtchn_bind_ipi *b)
{
	if (b->vcpu != 0)
		return -XEN_ENOENT;
	int port = evtchn_alloc(current->d);
	if (port < 0)
		return port;
	evtchn_lookup(current->d, (uint32_t)port)->state = EVTCHNSTAT_ipi;
	b->port = (uint32_t)port;
	return 0;
}

static int status(struct evtchn_status *s)
{
	struct domain *d;
	int rc = evtchn_named_domain(s->dom, &d);
	if (rc < 0)
		return rc;
	struct evtchn *e = evtchn_lookup(d, s->port);
	if (s->port >= NR_EVENT_CHANNELS)
		return -XEN_EINVAL;
	memset(&s->u, 0, sizeof(s->u));
	s->status = e ? e->state : EVTCHNSTAT_closed;
	s->vcpu = 0;
	if (!e)
		return 0;
	if (e->state == EVTCHNSTAT_unbound)
		s->u.unbound.dom = e->u.unbound_remote;
	else if (e->state == EVTCHNSTAT_interdomain) {
		s->u.interdomain.dom = e->u.peer->domid;
		s->u.interdomain.port = e->remote_port;
	} else if (e->state == EVTCHNSTAT_virq)
		s->u.virq = e->virq;
	else if (e->state == EVTCHNSTAT_pirq)
		s->u.pirq = e->u.pirq;
	return 0;
}

/* Moving a port to another vCPU makes sense for channels and global
 * virtual IRQs; an IPI or a per-vCPU virq belongs to its vCPU (as on Xen). */
static int bind_vcpu(const uint32_t *arg)
{
	uint32_t port = arg[0], vcpu = arg[1];
	struct evtchn *e = evtchn_lookup(current->d, port);

	if (!e)
		return -XEN_EINVAL;
	bool movable = e->state == EVTCHNSTAT_unbound || e->state == EVTCHNSTAT_interdomain ||
		       (e->state == EVTCHNSTAT_virq &&
			(e->virq == VIRQ_CONSOLE || e->virq == VIRQ_DOM_EXC));
	if (!movable)
		return -XEN_EINVAL;
	return vcpu == 0 ? 0 : -XEN_ENOENT;
}

/* Size of each command's argument. */
static uint32_t arg_size(uint32_t cmd)
{
	switch (cmd) {
	case EVTCHNOP_alloc_unbound: return sizeof(struct evtchn_alloc_unbound);
	case EVTCHNOP_bind_interdomain: return sizeof(struct evtchn_bind_interdomain);
	case EVTCHNOP_bind_virq: return sizeof(struct evtchn_bind_virq);
	case EVTCHNOP_bind_ipi: return sizeof(struct evtchn_bind_ipi);
	case EVTCHNOP_bind_pirq: return sizeof(struct evtchn_bind_pirq);
	case EVTCHNOP_status: return sizeof(struct evtchn_status);
	case EVTCHNOP_bind_vcpu: return 2 * sizeof(uint32_t);
	case EVTCHNOP_close:
	case EVTCHNOP_send:
	case EVTCHNOP_unmask:
		return sizeof(uint32_t);
	case EVTCHNOP_reset: return sizeof(domid_t);
	case EVTCHNOP_init_control: return sizeof(struct evtchn_init_control);
	case EVTCHNOP_expand_array: return sizeof(struct evtchn_expand_array);
	case EVTCHNOP_set_priority: return sizeof(struct evtchn_set_priority);
	default: return 0;
	}
}

static int32_t op(uint32_t cmd, guest_ptr_t arg)
{
	union {
		struct evtchn_alloc_unbound alloc;
		struct evtchn_bind_interdomain inter;
		struct evtchn_bind_virq virq;
		struct evtchn_bind_ipi ipi;
		struct evtchn_bind_pirq pirq;
		struct evtchn_status status;
		struct evtchn_init_control init;
		struct evtchn_expand_array expand;
		uint32_t words[2];
		domid_t dom;
	} a;
	uint32_t size = arg_size(cmd);
	struct domain *d = current->d;
	int rc;

	if (size == 0)
		return -XEN_ENOSYS;
	if (copy_from_guest(&a, arg, size) < 0)
		return -XEN_EFAULT;
	switch (cmd) {
	case EVTCHNOP_alloc_unbound: rc = alloc_unbound(&a.alloc); break;
	case EVTCHNOP_bind_interdomain: rc = bind_interdomain(&a.inter); break;
	case EVTCHNOP_bind_virq: rc = bind_virq(&a.virq); break;
	case EVTCHNOP_bind_ipi: rc = bind_ipi(&a.ipi); break;
	case EVTCHNOP_bind_pirq:
		rc = pirq_bind(d, a.pirq.pirq, a.pirq.flags & BIND_PIRQ__WILL_SHARE);
		a.pirq.port = rc > 0 ? (uint32_t)rc : 0;
		rc = rc > 0 ? 0 : rc;
		break;
	case EVTCHNOP_status: rc = status(&a.status); break;
	case EVTCHNOP_bind_vcpu: return bind_vcpu(a.words);
	case EVTCHNOP_close: return evtchn_close(d, a.words[0]);
	case EVTCHNOP_send: return evtchn_send(d, a.words[0]);
	case EVTCHNOP_unmask: return evtchn_unmask(d, a.words[0]);
	case EVTCHNOP_init_control: rc = evtchn_fifo_init_control(d, &a.init); break;
	case EVTCHNOP_expand_array: return evtchn_fifo_expand_array(d, a.expand.array_gfn);
	case EVTCHNOP_set_priority: return evtchn_fifo_set_priority(d, a.words[0], a.words[1]);
	case EVTCHNOP_reset: {
		struct domain *t;
		rc = evtchn_named_domain(a.dom, &t);
		if (rc == 0)
			evtchn_destroy(t);
		return rc;
	}
	default: return -XEN_ENOSYS;
	}
	if (rc == 0 && copy_to_guest(arg, &a, size) < 0)
		return -XEN_EFAULT;
	return rc;
}

HYPERCALL(event_channel_op)
{
	(void)a3;
	(void)a4;
	(void)a5;
	return op(a1, guest_ptr(a2));
}

HYPERCALL(event_channel_op_compat)
{
	uint32_t cmd;

	(void)a2;
	(void)a3;
	(void)a4;
	(void)a5;
	if (copy_from_guest(&cmd, guest_ptr(a1), sizeof(cmd)) < 0)
		return -XEN_EFAULT;
	return op(cmd, guest_ptr(a1 + sizeof(cmd)));
}
