/* Generators for scheduling, time and events: sched_op and its old form,
 * vcpu_op, set_timer_op, event_channel_op and its old form. Nothing here
 * ends the domain or waits without an end: shutdown only with a reason
 * the hypervisor refuses (or from where it cannot read), block only at the
 * top (issue.c arms a timer first), polls with a near timeout. */
#include "fuzz.h"
#include "pvabi/event_channel.h"
#include "pvabi/vcpu.h"
#include "systime.h"

bool skip_nested_poll;

#define UNREADABLE() (0xF6800000u + rnd(0x09800000u))   /* above the m2p table */

uint64_t soon(uint32_t max_ns)
{
	return system_time_ns(NULL) + rnd(max_ns + 1);
}

static uint64_t pick_deadline(void)
{
	switch (rnd(6)) {
	case 0: return 0;
	case 1: return 1;                                   /* long past */
	case 2: return soon(2000000);
	case 3: return system_time_ns(NULL) + (1ull << (30 + rnd(30)));
	case 4: return ~0ull - rnd(2);
	default: return (uint64_t)edgy32() << (rnd(2) * 32);
	}
}

/* A struct the call reads whole, from where no stale data can be read in
 * its place: its own buffer, or nowhere readable. */
static uint32_t exact_or_unreadable(void *buf)
{
	return rnd(8) ? ptr_arg(buf) : UNREADABLE();
}

static bool privileged(void)
{
	return start_info->flags & SIF_PRIVILEGED;
}

static void gen_poll(struct call *c)
{
	struct sched_poll *p = arena_alloc(sizeof(*p));
	uint32_t n = 1 + rnd(8);
	uint32_t *ports = arena_alloc(n * 4);

	for (uint32_t i = 0; i < n; i++)
		ports[i] = pick_port();
	p->nr_ports = one_in(4) ? (one_in(2) ? 128 + rnd(3) : edgy32()) : rnd(n + 1);
	set_xen_guest_handle(p->ports, ports);
	if (one_in(4))
		p->ports = guest_ptr(one_in(2) ? bad_ptr() : arg_ptr(ports, n * 4));
	/* Never 0 ("no timeout"): the ports might never become pending. */
	p->timeout = one_in(4) ? 1 : soon(one_in(8) ? 2000000 : 200000);
	c->arg[1] = exact_or_unreadable(p);
}

void gen_sched_op(struct call *c, unsigned depth)
{
	static const uint32_t cmds[] = { SCHEDOP_yield, SCHEDOP_block, SCHEDOP_shutdown,
		SCHEDOP_poll, SCHEDOP_remote_shutdown, SCHEDOP_shutdown_code, SCHEDOP_watchdog,
		SCHEDOP_pin_override, SCHEDOP_ringlet_exit };
	uint32_t cmd = one_in(8) ? edgy32() : cmds[rnd(sizeof(cmds) / sizeof(cmds[0]))];
	uint32_t *w = arena_alloc(8);

	w[0] = edgy32();
	w[1] = edgy32();
	c->arg[0] = cmd;
	c->arg[1] = arg_ptr(w, 8);
	switch (cmd) {
	case SCHEDOP_block:
		if (depth)
			c->arg[0] = SCHEDOP_yield;
		break;
	case SCHEDOP_shutdown: case SCHEDOP_ringlet_exit:
		/* A reason the hypervisor refuses (SCHED-2), or no argument. */
		w[0] = SHUTDOWN_MAX + rnd(0u - SHUTDOWN_MAX);
		c->arg[1] = exact_or_unreadable(w);
		break;
	case SCHEDOP_poll:
		gen_poll(c);
		if (depth && skip_nested_poll)
			c->arg[0] = SCHEDOP_yield;  /* the same draws, no poll */
		break;
	case SCHEDOP_remote_shutdown:
		w[0] = pick_domid() | rnd32() << 16;
		if (privileged())
			c->arg[0] = SCHEDOP_yield;  /* it could end any domain */
		break;
	}
}

void gen_sched_op_compat(struct call *c, unsigned depth)
{
	c->arg[0] = rnd(4) ? rnd(3) : edgy32();
	c->arg[1] = edgy32();
	if (c->arg[0] == SCHEDOP_shutdown && c->arg[1] < SHUTDOWN_MAX)
		c->arg[1] = SHUTDOWN_MAX + rnd(64);
	if (c->arg[0] == SCHEDOP_block && depth)
		c->arg[0] = SCHEDOP_yield;
}

void gen_vcpu_op(struct call *c, unsigned depth)
{
	uint32_t size = 2560;                /* room for a vcpu_guest_context */
	uint32_t *buf = arena_alloc(size);
	uint32_t cmd = one_in(8) ? edgy32() : rnd(16);
	uint64_t v;

	(void)depth;
	for (uint32_t i = 0; i < 16; i++)
		buf[i] = edgy32();
	switch (cmd) {
	case VCPUOP_set_periodic_timer:
		v = one_in(2) ? 1000000ull * (1 + rnd(10)) : (uint64_t)edgy32() << rnd(32);
		memcpy(buf, &v, 8);
		break;
	case VCPUOP_set_singleshot_timer:
		v = pick_deadline();
		memcpy(buf, &v, 8);
		break;
	case VCPUOP_register_vcpu_info:
		buf[0] = dest_frame();
		buf[1] = 0;
		buf[2] = rnd(2) ? rnd(PAGE_SIZE) : edgy32();
		break;
	case VCPUOP_register_runstate_memory_area:
	case VCPUOP_register_vcpu_time_memory_area:
		buf[0] = one_in(2) ? ptr_arg(arena_alloc(64)) : bad_ptr();
		break;
	}
	c->arg[0] = cmd;
	c->arg[1] = rnd(4) ? 0 : edgy32();
	if (cmd == VCPUOP_down && c->arg[1] == 0)
		c->arg[1] = 1;                  /* the only vCPU would never come back */
	c->arg[2] = arg_ptr(buf, size);
}

void gen_set_timer_op(struct call *c)
{
	uint64_t d = pick_deadline();

	c->arg[0] = (uint32_t)d;
	c->arg[1] = (uint32_t)(d >> 32);
}

/* The first two words of an event-channel command's argument. */
static void evtchn_words(uint32_t cmd, uint32_t *w)
{
	switch (cmd) {
	case EVTCHNOP_bind_interdomain: w[0] = pick_domid(); w[1] = pick_port(); break;
	case EVTCHNOP_bind_virq: w[0] = rnd(4) ? rnd(24) : edgy32(); w[1] = rnd(4) ? 0 : edgy32(); break;
	case EVTCHNOP_close: case EVTCHNOP_send: case EVTCHNOP_unmask: w[0] = pick_port(); break;
	case EVTCHNOP_status: w[0] = pick_domid(); w[1] = pick_port(); break;
	case EVTCHNOP_alloc_unbound: w[0] = pick_domid() | (uint32_t)pick_domid() << 16; break;
	case EVTCHNOP_bind_ipi: w[0] = rnd(4) ? 0 : edgy32(); break;
	case EVTCHNOP_bind_vcpu: w[0] = pick_port(); w[1] = rnd(4) ? 0 : edgy32(); break;
	case EVTCHNOP_reset:
		w[0] = privileged() ? DOMID_SELF : pick_domid();
		break;
	default: w[0] = edgy32(); w[1] = edgy32(); break;
	}
}

void gen_event_channel_op(struct call *c)
{
	uint32_t *w = arena_alloc(32);
	uint32_t cmd = one_in(8) ? edgy32() : rnd(14);

	for (unsigned i = 0; i < 8; i++)
		w[i] = edgy32();
	evtchn_words(cmd, w);
	c->arg[0] = cmd;
	c->arg[1] = arg_ptr(w, 24);
}

void gen_event_channel_op_compat(struct call *c)
{
	uint32_t *w = arena_alloc(32);

	for (unsigned i = 0; i < 8; i++)
		w[i] = edgy32();
	w[0] = one_in(8) ? edgy32() : rnd(14);
	evtchn_words(w[0], w + 1);
	c->arg[0] = arg_ptr(w, 28);
}
