/* Scenario guest: the store and console pages the builder gives a domain.
 * Run as "back" (domain 0, started first) and "front" (domain 1).
 *
 *   BOOT-18  domain 0's start_info has no store or console page; another
 *           domain's has both, two distinct frames of its own, each with
 *           its own port, unbound and offered to domain 0
 *   GNT-13  domain 0 maps them by grant (GNTTAB_RESERVED_CONSOLE,
 *           GNTTAB_RESERVED_XENSTORE of the other domain) and sees what
 *           the other wrote there; it binds the store port and the other
 *           domain receives its event
 *
 * The front writes its two ports into the pages; the back reads them there,
 * as a backend finds them through the store. */
#include "guest.h"
#include "evtchn.h"
#include "gnttab.h"
#include "pagetable.h"

const char test_title[] = "rings: the store and console pages of a domain";

#define MAGIC_STORE   0x57082e01u
#define MAGIC_CONS    0xc0a50e01u
#define FRONT         1

static void back(void)
{
	struct pt_frame s, c, x;
	uint32_t hs = 0, hc = 0, port = 0;

	check_eq("BOOT-18", "domain 0's store_mfn", start_info->store_mfn, 0);
	if (!pt_alloc_frame(&s) || !pt_alloc_frame(&c) || !pt_alloc_frame(&x))
		return;
	/* The front writes the magic words last: once they are there, so is the rest. */
	while (gnt_map(s.va, GNTMAP_host_map, GNTTAB_RESERVED_XENSTORE, FRONT, &hs) != GNTST_okay)
		hypercall_sched_op(SCHEDOP_yield, NULL);
	volatile uint32_t *sp = (volatile uint32_t *)s.va;
	while (sp[0] != MAGIC_STORE)
		hypercall_sched_op(SCHEDOP_yield, NULL);
	check("GNT-13", true, "mapped the front's store page by grant");
	check_eq("GNT-13", "console page by grant",
		 gnt_map(c.va, GNTMAP_host_map, GNTTAB_RESERVED_CONSOLE, FRONT, &hc), GNTST_okay);
	check_eq_hex("GNT-13", "the front's word in its console page", peek32(c.va), MAGIC_CONS);
	check("GNT-13", gnt_map(x.va, GNTMAP_host_map, 2, FRONT, NULL) != GNTST_okay,
	      "entry 2 grants nothing");
	check_rc("GNT-13", "bind the front's store port",
		 bind_offered_port(FRONT, sp[1], &port), 0);
	struct evtchn_send snd = { .port = port };
	check_rc("GNT-13", "notify it", evtchn_op(EVTCHNOP_send, &snd), 0);
	while (sp[2] != 1)
		hypercall_sched_op(SCHEDOP_yield, NULL);
	check_eq("GNT-13", "unmap the console page", gnt_unmap(c.va, 0, hc), GNTST_okay);
	check_eq("GNT-13", "unmap the store page", gnt_unmap(s.va, 0, hs), GNTST_okay);
	test_success();
}

static void front(void)
{
	const struct start_info *si = start_info;
	uint32_t sport = si->store_evtchn, cport = si->console.domU.evtchn;
	uint32_t smfn = (uint32_t)si->store_mfn, cmfn = (uint32_t)si->console.domU.mfn;
	uint32_t si_va = (uint32_t)si;

	check("BOOT-18", smfn && cmfn && smfn != cmfn, "store frame 0x%x, console frame 0x%x", smfn, cmfn);
	/* Its first two ports: domain 0, which did not build it, finds them there. */
	check("BOOT-18", sport == 1 && cport == 2, "store port %u, console port %u", sport, cport);
	/* Xen's order: start_info, then the store page, then the console page. */
	check_eq_hex("BOOT-18", "the store page's pfn", pt_mfn_to_pfn(smfn),
		     pt_mfn_to_pfn(pt_va_to_mfn(si_va)) + 1);
	check_eq_hex("BOOT-18", "the console page's pfn", pt_mfn_to_pfn(cmfn),
		     pt_mfn_to_pfn(pt_va_to_mfn(si_va)) + 2);
	struct evtchn_status st = { .dom = DOMID_SELF, .port = sport };
	check_rc("BOOT-18", "status of the store port", evtchn_op(EVTCHNOP_status, &st), 0);
	check_eq("BOOT-18", "it is unbound", st.status, EVTCHNSTAT_unbound);
	check_eq("BOOT-18", "offered to domain 0", st.u.unbound.dom, 0);
	st.port = cport;
	check_rc("BOOT-18", "status of the console port", evtchn_op(EVTCHNOP_status, &st), 0);
	check_eq("BOOT-18", "offered to domain 0", st.u.unbound.dom, 0);

	volatile uint32_t *sp = (volatile uint32_t *)(si_va + PAGE_SIZE);
	volatile uint32_t *cp = (volatile uint32_t *)(si_va + 2 * PAGE_SIZE);
	shared_info->evtchn_mask[sport / 32] |= 1u << (sport % 32);
	cp[0] = MAGIC_CONS;
	sp[1] = sport;
	sp[0] = MAGIC_STORE;
	uint32_t w = sport / 32, bit = 1u << (sport % 32);
	while (!(shared_info->evtchn_pending[w] & bit))
		hypercall_sched_op(SCHEDOP_yield, NULL);
	check("GNT-13", true, "the back's event arrived on the store port");
	sp[2] = 1;
	test_success();
}

void test_main(void)
{
	if (!shared_info) {
		test_error("shared_info is not mapped");
		return;
	}
	if (strcmp(start_info->cmd_line, "back") == 0)
		back();
	else if (strcmp(start_info->cmd_line, "front") == 0)
		front();
	else
		test_error("say back or front on the command line");
}
