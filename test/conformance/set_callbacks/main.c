/* set_callbacks: the event and failsafe entry points and the selectors it
 * refuses.
 *
 * Rules checked (pvabi/ABI.md):
 *   CB-1  set_callbacks(event_cs, event_eip, failsafe_cs, failsafe_eip)
 *         records both entry points: the next event upcall enters
 *         event_cs:event_eip, with a selector of RPL 0 raised to RPL 1, on a
 *         frame like an exception's (TRAP-1: eip, cs with the saved mask
 *         0, eflags with IF set) and events masked; a hypervisor or null
 *         selector in either place is refused with -EPERM and changes
 *         nothing
 *
 * The upcall is made the simple way: evtchn_upcall_pending set by the guest
 * itself while events are masked, then unmasked; the hypervisor enters the
 * callback on its next way back to the guest (here: the next hypercall).
 *
 * Where Xen 4.17 differs (pvabi/ABI.md, CB-1): it refuses no selector (it
 * only raises RPL 0 to 1); a bad one crashes the domain at the next
 * upcall. On Xen the test checks that the call succeeds and puts good
 * callbacks back at once. */
#include "guest.h"

#include "callbacks.h"
#include "platform.h"

const char test_title[] = "set_callbacks: the event and failsafe entry points and the "
			  "selectors it refuses";

static long set_callbacks(uint32_t ecs, void (*ev)(void), uint32_t fcs, void (*fs)(void))
{
	return hypercall4(__HYPERVISOR_set_callbacks, ecs, (uint32_t)(uintptr_t)ev, fcs,
			  (uint32_t)(uintptr_t)fs);
}

static void check_upcall(const char *what, bool to_ours)
{
	upcall_count = 0;
	other_count = 0;
	upcall_cs = 0;
	upcall_mask = 0xff;
	callbacks_raise_upcall();
	check("CB-1", to_ours ? upcall_count == 1 && other_count == 0 :
				upcall_count == 0 && other_count == 1,
	      "%s: the upcall entered %s (counts: ours %u, other %u)", what,
	      to_ours ? "event_callback_entry" : "the other callback", upcall_count, other_count);
}

static void good_callbacks(void)
{
	long rc = set_callbacks(FLAT_RING1_CS & ~3, event_callback_entry, FLAT_RING1_CS,
				failsafe_callback_entry);

	check_rc("CB-1", "set_callbacks(0xe018: RPL 0, ..., FLAT_RING1_CS, ...)", rc, 0);
	check_upcall("after it", true);
	check_eq_hex("CB-1", "%cs inside the callback: RPL raised to 1", upcall_cs, FLAT_RING1_CS);
	check_eq_hex("CB-1", "the frame's cs slot: FLAT_RING1_CS, saved mask 0",
		     upcall_frame[1], FLAT_RING1_CS);
	check("CB-1", upcall_frame[2] & (1u << 9), "the frame's eflags has IF set (%#x)",
	      upcall_frame[2]);
	check_eq("CB-1", "event mask inside the callback", upcall_mask, 1);

	rc = set_callbacks(FLAT_RING1_CS, other_callback, FLAT_RING1_CS, failsafe_callback_entry);
	check_rc("CB-1", "set_callbacks with another event entry point", rc, 0);
	check_upcall("after it", false);
	rc = callbacks_init();
	check_rc("CB-1", "set_callbacks back to event_callback_entry", rc, 0);
	check_upcall("after it", true);
}

static void bad_selectors(void)
{
	static const struct { uint32_t sel; const char *what; } bad[] = {
		{ 0xe008, "the hypervisor's code selector 0xe008" },
		{ 0xe009, "0xe009 (the same with RPL 1)" },
		{ 0xe010, "the hypervisor's data selector 0xe010" },
		{ 0xfff9, "0xfff9 (the last reserved entry)" },
		{ 0x0000, "the null selector" },
		{ 0x0002, "the null selector with RPL 2" },
	};

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		for (unsigned which = 0; which < 2; which++) {
			char what[128];
			long rc = which == 0 ?
				set_callbacks(bad[i].sel, other_callback, FLAT_RING1_CS,
					      failsafe_callback_entry) :
				set_callbacks(FLAT_RING1_CS, other_callback, bad[i].sel,
					      failsafe_callback_entry);
			format(what, sizeof(what), "set_callbacks with %s as the %s selector",
			       bad[i].what, which == 0 ? "event" : "failsafe");
			if (on_ringlet()) {
				check_rc("CB-1", what, rc, -XEN_EPERM);
				check_upcall("after it: still the old callback", true);
			} else {
				check_rc("CB-1", what, rc, 0);
				if (callbacks_init())
					panic("set_callbacks back");
			}
		}
	}
}

void test_main(void)
{
	if (!shared_info) {
		test_error("shared_info is not mapped: no upcall can be made");
		return;
	}
	good_callbacks();
	bad_selectors();
	test_success();
}
