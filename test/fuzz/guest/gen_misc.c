/* Generators for the other hypercalls: memory_op, domctl, console_io,
 * xen_version, vm_assist, set_trap_table, set_callbacks, multicall, and
 * anything without a generator of its own. */
#include "fuzz.h"
#include "pvabi/domctl.h"

static uint32_t pick_frame_list(uint32_t n, xen_pfn_t **out)
{
	xen_pfn_t *f = arena_alloc(n * sizeof(*f));

	for (uint32_t i = 0; i < n; i++)
		f[i] = rnd(2) ? own_frame() : (rnd(2) ? rnd(L.nr_own + 64) : any_frame());
	*out = f;
	return n * sizeof(*f);
}

void gen_memory_op(struct call *c)
{
	uint32_t cmd = one_in(8) ? edgy32() : rnd(30);
	uint32_t *buf = arena_alloc(64);
	xen_pfn_t *list;
	uint32_t n = 1 + rnd(8);
	uint32_t size = pick_frame_list(n, &list);

	for (unsigned i = 0; i < 16; i++)
		buf[i] = edgy32();
	if (one_in(8))
		cmd |= rnd32() << 6;                /* a continuation's start */
	switch (cmd & 63) {
	case XENMEM_increase_reservation: case XENMEM_decrease_reservation:
	case XENMEM_populate_physmap: {
		struct xen_memory_reservation *r = (void *)buf;
		uint32_t count = one_in(8) ? pick_count(n) : n;
		r->extent_start = guest_ptr(list_ptr(list, size, (uint64_t)count * 4));
		if (one_in(8))
			r->extent_start = guest_ptr(0);
		r->nr_extents = count;
		r->extent_order = rnd(4) ? 0 : edgy32();
		r->mem_flags = rnd(2) ? 0 : edgy32();
		r->domid = pick_domid();
		/* A privileged fuzzer could take the neighbour's memory away. */
		if ((start_info->flags & SIF_PRIVILEGED) && (cmd & 63) == XENMEM_decrease_reservation)
			r->domid = DOMID_SELF;
		break;
	}
	case XENMEM_current_reservation: case XENMEM_maximum_reservation:
	case XENMEM_maximum_gpfn:
		*(uint16_t *)buf = pick_domid();
		break;
	case XENMEM_machphys_mfn_list: case XENMEM_memory_map: case XENMEM_machine_memory_map:
		buf[0] = rnd(2) ? rnd(n + 2) : edgy32();      /* room */
		buf[1] = list_ptr(list, size, (uint64_t)buf[0] * 20);
		buf[2] = rnd(2) ? ptr_arg(list) : bad_ptr();
		break;
	}
	c->arg[0] = cmd;
	c->arg[1] = one_in(16) ? 0 : arg_ptr(buf, 64);
}

void gen_domctl(struct call *c)
{
	struct xen_domctl *d = arena_alloc(sizeof(*d));
	uint32_t *w = (uint32_t *)&d->u;

	for (unsigned i = 0; i < sizeof(d->u) / 4; i++)
		w[i] = edgy32();
	d->cmd = rnd(4) ? (rnd(2) ? XEN_DOMCTL_getdomaininfo : XEN_DOMCTL_scheduler_op)
			: edgy32();
	d->interface_version = rnd(8) ? XEN_DOMCTL_INTERFACE_VERSION : edgy32();
	d->domain = pick_domid();
	if (d->cmd == XEN_DOMCTL_scheduler_op) {
		w[0] = rnd(2) ? RINGLET_SCHEDULER_BVT + rnd(3) : edgy32();
		w[1] = rnd(3);
		/* A privileged fuzzer could starve the domain beside it. */
		if (start_info->flags & SIF_PRIVILEGED)
			w[1] = XEN_DOMCTL_SCHEDOP_getinfo;
	}
	c->arg[0] = arg_ptr(d, sizeof(*d));
}

void gen_console_io(struct call *c)
{
	uint32_t count = rnd(24);
	char *text = arena_alloc(32);

	for (uint32_t i = 0; i < count; i++)
		text[i] = (char)('a' + rnd(26));
	if (count && one_in(2))
		text[count - 1] = '\n';
	c->arg[0] = rnd(8) ? CONSOLEIO_write : (rnd(2) ? CONSOLEIO_read : edgy32());
	c->arg[1] = count;
	c->arg[2] = ptr_arg(text);
	/* Huge counts only from where nothing can be read: the log stays small. */
	if (one_in(8)) {
		c->arg[1] = edgy32();
		c->arg[2] = one_in(2) ? 0 : 0xF6800000u + rnd(0x09800000u);
	}
}

void gen_xen_version(struct call *c)
{
	uint32_t *buf = arena_alloc(1100);

	buf[0] = rnd(2) ? rnd(64) : edgy32();   /* a xen_varbuf's len */
	c->arg[0] = one_in(8) ? edgy32() : rnd(16);
	c->arg[1] = one_in(8) ? 0 : arg_ptr(buf, 1100);
}

void gen_vm_assist(struct call *c)
{
	c->arg[0] = rnd(4) ? rnd(3) : edgy32();
	c->arg[1] = rnd(4) ? (rnd(2) ? rnd(6) : 32) : edgy32();
}

static uint16_t pick_selector(void)
{
	static const uint16_t sel[] = { FLAT_RING1_CS, FLAT_RING1_DS, FLAT_RING3_CS,
					FLAT_RING1_CS & ~3, 0, 3, 0xe008, 0xe010, 0xfff8 };
	return rnd(4) ? sel[rnd(sizeof(sel) / sizeof(sel[0]))] : (uint16_t)rnd32();
}

void gen_set_trap_table(struct call *c)
{
	uint32_t n = 1 + rnd(8);
	struct trap_info *t = arena_alloc((n + 1) * sizeof(*t));
	bool ended = rnd(4) != 0;

	for (uint32_t i = 0; i < n; i++) {
		static const uint8_t vec[] = { 0, 3, 6, 13, 14, 0x80, 0x82, 0x83 };
		t[i].vector = rnd(2) ? vec[rnd(sizeof(vec))] : (uint8_t)rnd32();
		t[i].flags = (uint8_t)rnd(8);
		t[i].cs = pick_selector();
		t[i].address = rnd(8) ? bad_ptr() | 1 : edgy32() | 1;
	}
	t[n].vector = 0;
	t[n].address = 0;
	c->arg[0] = ended ? arg_ptr(t, (n + 1) * sizeof(*t))
			  : list_ptr(t, n * sizeof(*t), (n + 1) * sizeof(*t));
	if (one_in(16))
		c->arg[0] = 0;                  /* clears every vector */
}

void gen_set_callbacks(struct call *c)
{
	c->arg[0] = pick_selector();
	c->arg[1] = rnd(2) ? bad_ptr() : edgy32();
	c->arg[2] = pick_selector();
	c->arg[3] = rnd(2) ? bad_ptr() : edgy32();
}

void gen_multicall(struct call *c, unsigned depth)
{
	uint32_t n = 1 + rnd(depth ? 3 : 8);
	struct multicall_entry *e = arena_alloc(n * sizeof(*e));
	uint32_t count = one_in(8) ? pick_count(n) : n;

	for (uint32_t i = 0; i < n; i++) {
		struct call sub = { .nr = __HYPERVISOR_xen_version };
		/* An entry that may nest needs the room of several calls. */
		if (arena_left() >= ARENA_PER_CALL * (4 - depth))
			gen_call(&sub, depth + 1);
		e[i].op = sub.nr;
		e[i].result = rnd32();
		for (unsigned a = 0; a < 6; a++)
			e[i].args[a] = sub.arg[a];
	}
	c->arg[0] = list_ptr(e, n * sizeof(*e), (uint64_t)count * sizeof(*e));
	c->arg[1] = count;
}

void gen_anything(struct call *c)
{
	for (unsigned a = 0; a < 6; a++) {
		switch (rnd(4)) {
		case 0: c->arg[a] = bad_ptr(); break;
		case 1: {
			uint32_t *buf = arena_alloc(64);
			for (unsigned i = 0; i < 16; i++)
				buf[i] = edgy32();
			c->arg[a] = arg_ptr(buf, 64);
			break;
		}
		default: c->arg[a] = edgy32(); break;
		}
	}
}
