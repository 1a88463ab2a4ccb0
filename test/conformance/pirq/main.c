/* pirq: a PCI device's interrupt as an event channel.
 *
 * Run with QEMU's virtio-blk-pci and gsi=N on the command line (the IOAPIC
 * line q35 routes the device's INTA to): as the privileged domain, or as a
 * domain given the device with pci=. It maps the line, binds it, and makes
 * the device interrupt for real: a GET_ID request on a modern virtio queue
 * whose three rings lie in pages at their machine addresses. With nodev=1 it
 * holds no device and checks the refusals; with keep=1 it ends with an
 * interrupt not EOIed and the pirq still bound (the hypervisor lets go at
 * its death). Two domains can share the line: with share=1 the driver waits
 * for the other to bind first; with listen=1 a domain holding another
 * device on the line only answers the events (EOI) until the driver has
 * closed its port. With share=2 and listen=1 hold=1 the other domain takes
 * one interrupt without EOI, and dies when the driver tells it to.
 *
 * Rules checked (pvabi/ABI.md):
 *   IRQ-1  map_pirq of a held device's line gives a pirq (-1: the
 *          hypervisor chooses; the same again for the same line); a bad
 *          type, index or pirq is -XEN_EINVAL, another pirq for a mapped
 *          line -XEN_EEXIST, a line of no device held -XEN_EPERM
 *   IRQ-2  bind_pirq gives a port, EVTCHNSTAT_pirq in evtchn_status; a
 *          second bind is -XEN_EEXIST, an unmapped pirq -XEN_EINVAL
 *   IRQ-3  the device's interrupt makes the port pending; the line stays
 *          masked until PHYSDEVOP_eoi: another completion raises nothing
 *          before it, and the event comes with it
 *   IRQ-4  a line the device keeps asserted gives one event per EOI
 *   IRQ-5  eoi of a pirq not bound is -XEN_EINVAL; irq_status_query says
 *          needs_eoi, and not shared with no other domain bound
 *   IRQ-6  closing the port unbinds the pirq (it can be bound again);
 *          unmap_pirq unmaps it (eoi and bind then -XEN_EINVAL), unmapping
 *          it again is -XEN_EINVAL
 *   IRQ-7  a domain holding no device: map_pirq -XEN_EPERM, another
 *          domain's pirqs -XEN_EPERM
 *   IRQ-9  two domains holding devices on one line, both bound with
 *          BIND_PIRQ__WILL_SHARE: both get each interrupt, irq_status_query
 *          says shared, and the line unmasks once both have EOIed (or
 *          the one that did not has died) */
#include "guest.h"
#include "cmdline.h"
#include "evtchn.h"
#include "pagetable.h"
#include "pciconf.h"
#include "systime.h"
#include "pvabi/physdev.h"

const char test_title[] = "pirq: a PCI device's interrupt as an event channel";

#define QSIZE        8
#define CFG_COMMON   1
#define CFG_NOTIFY   2
#define CFG_ISR      3
#define ST_ACK       1
#define ST_DRIVER    2
#define ST_DRIVER_OK 4
#define ST_FEATURES  8
#define VIRTIO_BLK_T_GET_ID 8
#define DESC_NEXT    1
#define DESC_WRITE   2

struct desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags, next;
};

static volatile uint8_t *common, *isr, *notify;
static struct pt_frame ring_desc, ring_avail, ring_used, bufs;
static uint16_t submitted;
static uint32_t port;

static long physdev_op(uint32_t cmd, void *arg)
{
	return hypercall2(__HYPERVISOR_physdev_op, cmd, ptr_arg(arg));
}

static void w8(uint32_t off, uint8_t v) { common[off] = v; }
static void w16(uint32_t off, uint16_t v) { *(volatile uint16_t *)(common + off) = v; }
static void w32(uint32_t off, uint32_t v) { *(volatile uint32_t *)(common + off) = v; }
static void w64(uint32_t off, uint64_t v)
{
	w32(off, (uint32_t)v);
	w32(off + 4, (uint32_t)(v >> 32));
}

static uint64_t maddr(const struct pt_frame *f)
{
	return (uint64_t)f->mfn << 12;
}

/* The page of capability cfg_type mapped at a fresh page; its registers. */
static volatile uint8_t *map_cap(uint16_t bdf, uint8_t cfg_type, uint32_t *extra)
{
	unsigned bar;
	uint32_t off;
	struct pt_frame f;

	if (!virtio_cap(bdf, cfg_type, &bar, &off, extra) || !pt_alloc_frame(&f))
		test_error("virtio capability %u not found", cfg_type);
	uint64_t a = bar_base(bdf, bar) + off;
	if (pt_map(f.va, (uint32_t)(a >> 12), PT_RW | PV_PTE_PCD | PV_PTE_PWT) != 0)
		test_error("cannot map the page of virtio capability %u (%#llx)", cfg_type,
			   (unsigned long long)a);
	return (volatile uint8_t *)(f.va + (uint32_t)(a & 0xfff));
}

/* Modern virtio: reset, features (VERSION_1 only), queue 0 of QSIZE in three
 * pages, DRIVER_OK. Interrupts by INTx (MSI-X stays off). */
static void virtio_setup(uint16_t bdf)
{
	uint32_t mult;

	conf_write(bdf, 4, (conf_read(bdf, 4) & 0xffff & ~0x400u) | 0x6);  /* mem, master, INTx */
	common = map_cap(bdf, CFG_COMMON, &mult);
	isr = map_cap(bdf, CFG_ISR, &mult);
	notify = map_cap(bdf, CFG_NOTIFY, &mult);
	if (!pt_alloc_frame(&ring_desc) || !pt_alloc_frame(&ring_avail) ||
	    !pt_alloc_frame(&ring_used) || !pt_alloc_frame(&bufs))
		test_error("no pages for the queue");
	w8(0x14, 0);
	while (common[0x14] != 0)
		;
	w8(0x14, ST_ACK | ST_DRIVER);
	w32(0x08, 0);
	w32(0x0c, 0);
	w32(0x08, 1);
	w32(0x0c, 1);                                   /* VIRTIO_F_VERSION_1 */
	w8(0x14, ST_ACK | ST_DRIVER | ST_FEATURES);
	if (!(common[0x14] & ST_FEATURES))
		test_error("the device refused VIRTIO_F_VERSION_1 alone");
	w16(0x16, 0);
	w16(0x18, QSIZE);
	w16(0x1a, 0xffff);                              /* no MSI-X vector */
	w64(0x20, maddr(&ring_desc));
	w64(0x28, maddr(&ring_avail));
	w64(0x30, maddr(&ring_used));
	w16(0x1c, 1);
	notify += *(volatile uint16_t *)(common + 0x1e) * mult;
	w8(0x14, ST_ACK | ST_DRIVER | ST_FEATURES | ST_DRIVER_OK);
}

/* A GET_ID request: header, 20 bytes of id, status. */
static void submit(void)
{
	struct desc *d = (struct desc *)ring_desc.va;
	volatile uint16_t *avail = (volatile uint16_t *)ring_avail.va;
	uint32_t *hdr = (uint32_t *)bufs.va;

	hdr[0] = VIRTIO_BLK_T_GET_ID;
	hdr[1] = hdr[2] = hdr[3] = 0;
	d[0] = (struct desc){ maddr(&bufs), 16, DESC_NEXT, 1 };
	d[1] = (struct desc){ maddr(&bufs) + 64, 20, DESC_NEXT | DESC_WRITE, 2 };
	d[2] = (struct desc){ maddr(&bufs) + 128, 1, DESC_WRITE, 0 };
	avail[2 + submitted % QSIZE] = 0;
	asm volatile("lock; addl $0, (%%esp)" : : : "memory");
	avail[1] = ++submitted;
	asm volatile("lock; addl $0, (%%esp)" : : : "memory");
	*(volatile uint16_t *)notify = 0;
}

/* Wait (2 s at most) for the device to have used every request. */
static bool completed(void)
{
	volatile uint16_t *used = (volatile uint16_t *)ring_used.va;
	uint64_t end = system_time_ns(NULL) + 2000000000ull;

	while (used[1] != submitted && system_time_ns(NULL) < end)
		;
	return used[1] == submitted;
}

static bool pending_on(uint32_t p)
{
	return shared_info->evtchn_pending[p / 32] & (1u << (p % 32));
}

static void clear_on(uint32_t p)
{
	shared_info->evtchn_pending[p / 32] &= ~(1u << (p % 32));
	shared_info->vcpu_info[0].evtchn_pending_sel = 0;
	shared_info->vcpu_info[0].evtchn_upcall_pending = 0;
}

/* Poll port p for up to ms milliseconds: whether it became pending. */
static bool wait_on(uint32_t p, unsigned ms)
{
	uint32_t ports[1] = { p };
	struct sched_poll sp = { .nr_ports = 1,
				 .timeout = system_time_ns(NULL) + ms * 1000000ull };
	set_xen_guest_handle(sp.ports, ports);
	if (!pending_on(p))
		hypercall_sched_op(SCHEDOP_poll, &sp);
	return pending_on(p);
}

static bool wait_event(unsigned ms)
{
	return wait_on(port, ms);
}

static void clear_pending(void)
{
	clear_on(port);
}

static long map(domid_t dom, int32_t type, int32_t index, int32_t pirq, int32_t *out)
{
	struct physdev_map_pirq m = { .domid = dom, .type = type, .index = index, .pirq = pirq };
	long rc = physdev_op(PHYSDEVOP_map_pirq, &m);
	if (out)
		*out = m.pirq;
	return rc;
}

static long unmap(domid_t dom, int32_t pirq)
{
	struct physdev_unmap_pirq u = { .domid = dom, .pirq = pirq };
	return physdev_op(PHYSDEVOP_unmap_pirq, &u);
}

static long bind(uint32_t pirq, uint32_t *out)
{
	struct evtchn_bind_pirq b = { .pirq = pirq, .flags = BIND_PIRQ__WILL_SHARE };
	long rc = evtchn_op(EVTCHNOP_bind_pirq, &b);
	*out = b.port;
	return rc;
}

static long eoi(uint32_t pirq)
{
	return physdev_op(PHYSDEVOP_eoi, &(struct physdev_eoi){ .irq = pirq });
}

static void bad_maps(int32_t gsi)
{
	check_rc("IRQ-1", "map_pirq type MSI", map(DOMID_SELF, MAP_PIRQ_TYPE_MSI, gsi, -1, 0),
		 -XEN_EINVAL);
	check_rc("IRQ-1", "map_pirq type 77", map(DOMID_SELF, 77, gsi, -1, 0), -XEN_EINVAL);
	check_rc("IRQ-1", "map_pirq index -1", map(DOMID_SELF, MAP_PIRQ_TYPE_GSI, -1, -1, 0),
		 -XEN_EINVAL);
	check_rc("IRQ-1", "map_pirq index 0x7fffffff",
		 map(DOMID_SELF, MAP_PIRQ_TYPE_GSI, 0x7fffffff, -1, 0), -XEN_EINVAL);
	check_rc("IRQ-1", "map_pirq pirq 256", map(DOMID_SELF, MAP_PIRQ_TYPE_GSI, gsi, 256, 0),
		 -XEN_EINVAL);
	check_rc("IRQ-1", "map_pirq pirq -2", map(DOMID_SELF, MAP_PIRQ_TYPE_GSI, gsi, -2, 0),
		 -XEN_EINVAL);
	check_rc("IRQ-1", "map_pirq of GSI 4 (the serial line: no device held)",
		 map(DOMID_SELF, MAP_PIRQ_TYPE_GSI, 4, -1, 0), -XEN_EPERM);
}

/* The pirq's interrupts, the mask until EOI, and a line left asserted. */
static void interrupts(uint32_t pirq)
{
	volatile uint8_t *status = (volatile uint8_t *)(bufs.va + 128);

	submit();
	check("IRQ-3", completed() && wait_event(2000), "GET_ID completed (status %u) and the "
	      "port is pending", *status);
	check("IRQ-3", (*isr & 1) != 0, "the ISR says the queue interrupted (read: INTx off)");
	clear_pending();
	submit();
	check("IRQ-3", completed(), "a second GET_ID completed");
	check("IRQ-3", !wait_event(20), "no event before the EOI: the line is masked");
	check_rc("IRQ-3", "eoi", eoi(pirq), 0);
	check("IRQ-3", wait_event(2000), "the event arrives with the EOI");
	clear_pending();
	/* The ISR is left unread: the device holds its line up. */
	unsigned events = 0;
	for (unsigned i = 0; i < 50; i++) {
		eoi(pirq);
		events += wait_event(2000);
		clear_pending();
	}
	check_eq("IRQ-4", "events over 50 EOIs of a line held up", events, 50);
	check("IRQ-4", (*isr & 1) != 0, "the ISR read at last");
	check_rc("IRQ-4", "eoi", eoi(pirq), 0);
	check("IRQ-4", !wait_event(20), "no event once the device lowered its line");
}

static uint32_t status_flags(uint32_t pirq)
{
	struct physdev_irq_status_query q = { .irq = pirq };

	return physdev_op(PHYSDEVOP_irq_status_query, &q) == 0 ? q.flags : 0xdead;
}

/* Yield until the pirq's line is (or is no longer) shared; 30 s at most. */
static bool wait_shared(uint32_t pirq, bool shared)
{
	uint64_t end = system_time_ns(NULL) + 30000000000ull;

	while (!(status_flags(pirq) & XENIRQSTAT_shared) != !shared &&
	       system_time_ns(NULL) < end)
		hypercall_sched_op(SCHEDOP_yield, NULL);
	return !(status_flags(pirq) & XENIRQSTAT_shared) == !shared;
}

/* The other side of a shared line, holding it: take one interrupt, never
 * EOI it, and die when the driver says so on the channel it offers (its
 * port 1), which lets the line go. */
static void hold(void)
{
	uint32_t sig;

	if (bind_offered_port(0, 1, &sig) != 0)
		test_error("the driver's channel (port 1) could not be bound");
	clear_on(sig);                       /* a new channel starts pending */
	check("IRQ-9", wait_on(port, 30000), "the driver's device interrupted; no EOI from here");
	if (!wait_on(sig, 60000))
		test_error("the driver never said to go");
}

/* The driver's side of a held line: its own EOI does not unmask it while
 * the other domain owes one; the other's death does. */
static void held_line(uint32_t pirq, uint32_t sig)
{
	submit();
	check("IRQ-9", completed() && wait_event(2000), "the device interrupted");
	check("IRQ-9", (*isr & 1) != 0, "its ISR read");
	clear_pending();
	submit();
	check("IRQ-9", completed(), "a second GET_ID completed");
	check_rc("IRQ-9", "eoi", eoi(pirq), 0);
	check("IRQ-9", !wait_event(20), "no event: the other domain has not EOIed");
	check_rc("IRQ-9", "tell the other domain to die", evtchn_op(EVTCHNOP_send, &sig), 0);
	check("IRQ-9", wait_event(10000), "the event arrives once the other domain is gone");
	check("IRQ-9", (*isr & 1) != 0, "its ISR read");
	clear_pending();
	eoi(pirq);
}

/* The other side of a shared line: EOI every event until the driver has
 * closed its port (the line no longer shared). */
static void listen(int32_t gsi)
{
	int32_t pirq;
	unsigned events = 0;

	check_rc("IRQ-9", "map_pirq(GSI, any) of the other device on the line",
		 map(DOMID_SELF, MAP_PIRQ_TYPE_GSI, gsi, -1, &pirq), 0);
	if (!check_rc("IRQ-9", "bind_pirq, sharing", bind((uint32_t)pirq, &port), 0))
		return;
	shared_info->evtchn_mask[port / 32] |= 1u << (port % 32);
	check("IRQ-9", wait_shared((uint32_t)pirq, true), "the driver bound the line too");
	if (cmdline_number("hold", 0)) {
		hold();
		return;
	}
	uint64_t end = system_time_ns(NULL) + 60000000000ull;
	while ((status_flags((uint32_t)pirq) & XENIRQSTAT_shared) && system_time_ns(NULL) < end) {
		if (!wait_event(100))
			continue;
		events++;
		clear_pending();
		eoi((uint32_t)pirq);
	}
	check("IRQ-9", events > 0, "the other device's interrupts reached this domain too "
	      "(%u events, each EOIed)", events);
}

static void status_of(uint32_t p, uint32_t want_status, uint32_t want_pirq)
{
	struct evtchn_status s = { .dom = DOMID_SELF, .port = p };
	char what[48];

	format(what, sizeof(what), "evtchn_status of port %u", p);
	check_rc("IRQ-2", what, evtchn_op(EVTCHNOP_status, &s), 0);
	check("IRQ-2", s.status == want_status && (want_status != EVTCHNSTAT_pirq ||
	      s.u.pirq == want_pirq), "its status %u (pirq %u)", s.status, s.u.pirq);
}

static void with_device(uint16_t bdf, int32_t gsi)
{
	int32_t pirq, again;
	uint32_t other;

	uint32_t sig = 0;
	if (cmdline_number("share", 0) == 2) {
		/* A channel to the other domain (1) first: it is port 1. */
		struct evtchn_alloc_unbound a = { .dom = DOMID_SELF, .remote_dom = 1 };
		if (evtchn_op(EVTCHNOP_alloc_unbound, &a) != 0 || a.port != 1)
			test_error("no port 1 offered to domain 1");
		sig = a.port;
	}
	bad_maps(gsi);
	if (!check_rc("IRQ-1", "map_pirq(GSI, any)", map(DOMID_SELF, MAP_PIRQ_TYPE_GSI, gsi, -1,
		      &pirq), 0))
		return;
	check("IRQ-1", pirq >= 0 && pirq < 256, "the pirq chosen: %d", pirq);
	check_rc("IRQ-1", "map_pirq(GSI, any) again",
		 map(DOMID_SELF, MAP_PIRQ_TYPE_GSI, gsi, -1, &again), 0);
	check_eq("IRQ-1", "the same pirq", again, pirq);
	check_rc("IRQ-1", "map_pirq(GSI, another pirq)",
		 map(DOMID_SELF, MAP_PIRQ_TYPE_GSI, gsi, (pirq + 1) % 256, 0), -XEN_EEXIST);
	bool priv = start_info->flags & SIF_PRIVILEGED;
	check_rc("IRQ-1", priv ? "map_pirq for domain 77 (none)" : "map_pirq for domain 77",
		 map(77, MAP_PIRQ_TYPE_GSI, gsi, -1, 0), priv ? -XEN_ESRCH : -XEN_EPERM);
	check_rc("IRQ-5", "eoi of the pirq, not bound", eoi((uint32_t)pirq), -XEN_EINVAL);
	check_rc("IRQ-2", "bind_pirq of pirq 256", bind(256, &other), -XEN_EINVAL);
	check_rc("IRQ-2", "bind_pirq of an unmapped pirq", bind((uint32_t)(pirq + 1) % 256, &other),
		 -XEN_EINVAL);
	if (!check_rc("IRQ-2", "bind_pirq", bind((uint32_t)pirq, &port), 0))
		return;
	shared_info->evtchn_mask[port / 32] |= 1u << (port % 32);
	status_of(port, EVTCHNSTAT_pirq, (uint32_t)pirq);
	check_rc("IRQ-2", "bind_pirq again", bind((uint32_t)pirq, &other), -XEN_EEXIST);
	if (cmdline_number("share", 0))
		check("IRQ-9", wait_shared((uint32_t)pirq, true), "irq_status_query says shared "
		      "once the other domain has bound the line");
	else
		check_eq_hex("IRQ-5", "irq_status_query's flags", status_flags((uint32_t)pirq),
			     XENIRQSTAT_needs_eoi);

	virtio_setup(bdf);
	if (sig)
		held_line((uint32_t)pirq, sig);
	else
		interrupts((uint32_t)pirq);
	if (cmdline_number("keep", 0)) {
		submit();
		check("IRQ-3", completed() && wait_event(2000), "one more event, left without EOI");
		return;
	}

	uint32_t closed = port;
	check_rc("IRQ-6", "close the port", evtchn_op(EVTCHNOP_close, &closed), 0);
	check_rc("IRQ-6", "eoi after the close", eoi((uint32_t)pirq), -XEN_EINVAL);
	check_rc("IRQ-6", "bind_pirq again after the close", bind((uint32_t)pirq, &port), 0);
	check_rc("IRQ-6", "unmap_pirq", unmap(DOMID_SELF, pirq), 0);
	status_of(port, EVTCHNSTAT_pirq, (uint32_t)pirq);
	check_rc("IRQ-6", "eoi after the unmap", eoi((uint32_t)pirq), -XEN_EINVAL);
	check_rc("IRQ-6", "bind_pirq after the unmap", bind((uint32_t)pirq, &other), -XEN_EINVAL);
	check_rc("IRQ-6", "unmap_pirq again", unmap(DOMID_SELF, pirq), -XEN_EINVAL);
	check_rc("IRQ-6", "unmap_pirq -1", unmap(DOMID_SELF, -1), -XEN_EINVAL);
	check_rc("IRQ-6", "map_pirq again after the unmap",
		 map(DOMID_SELF, MAP_PIRQ_TYPE_GSI, gsi, -1, &again), 0);
	check_rc("IRQ-6", "unmap_pirq", unmap(DOMID_SELF, again), 0);
}

static void without_device(int32_t gsi)
{
	uint32_t p;

	check_rc("IRQ-7", "map_pirq of the device's line, not held",
		 map(DOMID_SELF, MAP_PIRQ_TYPE_GSI, gsi, -1, 0), -XEN_EPERM);
	check_rc("IRQ-7", "map_pirq for domain 0", map(0, MAP_PIRQ_TYPE_GSI, gsi, -1, 0),
		 -XEN_EPERM);
	check_rc("IRQ-7", "unmap_pirq for domain 0", unmap(0, gsi), -XEN_EPERM);
	check_rc("IRQ-7", "unmap_pirq of an unmapped pirq", unmap(DOMID_SELF, gsi), -XEN_EINVAL);
	check_rc("IRQ-7", "bind_pirq of an unmapped pirq", bind((uint32_t)gsi, &p), -XEN_EINVAL);
	check_rc("IRQ-7", "eoi of an unmapped pirq", eoi((uint32_t)gsi), -XEN_EINVAL);
	struct physdev_irq_status_query q = { .irq = 0xffffffffu };
	check_rc("IRQ-7", "irq_status_query(~0)", physdev_op(PHYSDEVOP_irq_status_query, &q),
		 -XEN_EINVAL);
}

void test_main(void)
{
	struct physdev_set_iopl s = { 1 };
	int32_t gsi = (int32_t)cmdline_number("gsi", 0);
	unsigned seen;

	shared_info->vcpu_info[0].evtchn_upcall_mask = 1;
	if (!gsi)
		test_error("no gsi= on the command line");
	if (cmdline_number("nodev", 0) || cmdline_number("listen", 0)) {
		if (cmdline_number("nodev", 0))
			without_device(gsi);
		else
			listen(gsi);
		test_success();
		return;
	}
	if (physdev_op(PHYSDEVOP_set_iopl, &s) != 0)
		test_error("set_iopl(1) failed");
	uint16_t bdf = pci_find_vendor(VIRTIO_VENDOR, &seen);
	if (bdf == 0xffff)
		test_error("no virtio device: QEMU lacks -device virtio-blk-pci");
	with_device(bdf, gsi);
	test_success();
}
