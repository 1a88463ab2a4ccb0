/* callback_op: registering and unregistering callbacks one at a time, with
 * Xen's answers to a 32-bit PV guest.
 *
 * Rules checked (pvabi/ABI.md):
 *   CB-3  CALLBACKOP_register of the event callback is set_callbacks' for
 *         it: the next upcall enters it (RPL 0 raised to 1); of the
 *         failsafe callback, the same; NMI, syscall32 and sysenter are
 *         accepted (0); every other type (syscall, sysenter_deprecated, 6,
 *         8 and up) is -ENOSYS; a selector the guest may not use is
 *         -EPERM and changes nothing (Xen takes it; on Xen the test puts
 *         the callbacks back)
 *   CB-4  CALLBACKOP_unregister of the NMI callback is 0, again and again;
 *         of event, failsafe, syscall32 and sysenter -EINVAL, the callback
 *         staying; of any other type -ENOSYS
 *   CB-5  another command is -EINVAL; an argument that cannot be read
 *         (NULL, the hole, across the end of the mapped region) is -EFAULT
 */
#include "guest.h"

#include "callbacks.h"
#include "platform.h"
#include "pvabi/callback.h"

const char test_title[] = "callback_op: callbacks registered and unregistered one at a time";

static long cb_register(uint16_t type, uint16_t flags, uint32_t cs, void (*eip)(void))
{
	struct callback_register r = { type, flags, { cs, (uint32_t)(uintptr_t)eip } };

	return hypercall2(__HYPERVISOR_callback_op, CALLBACKOP_register, (uint32_t)(uintptr_t)&r);
}

static long cb_unregister(uint16_t type)
{
	struct callback_unregister u = { type, 0 };

	return hypercall2(__HYPERVISOR_callback_op, CALLBACKOP_unregister,
			  (uint32_t)(uintptr_t)&u);
}

/* Which event callback the next upcall enters: 1 ours, 2 the other. */
static unsigned upcall_goes_to(void)
{
	upcall_count = 0;
	other_count = 0;
	callbacks_raise_upcall();
	return upcall_count == 1 && other_count == 0 ? 1 : other_count == 1 && !upcall_count ? 2 : 0;
}

static void event_and_failsafe(void)
{
	check_rc("CB-3", "register event: other_callback", cb_register(CALLBACKTYPE_event, 0,
		 FLAT_RING1_CS, other_callback), 0);
	check("CB-3", upcall_goes_to() == 2, "the next upcall enters other_callback");
	check_rc("CB-3", "register event: event_callback_entry on 0xe018 (RPL 0)",
		 cb_register(CALLBACKTYPE_event, CALLBACKF_mask_events, FLAT_RING1_CS & ~3,
			     event_callback_entry), 0);
	check("CB-3", upcall_goes_to() == 1, "the next upcall enters event_callback_entry");
	check_eq_hex("CB-3", "%cs inside it: RPL raised to 1", upcall_cs, FLAT_RING1_CS);
	check_rc("CB-3", "register failsafe", cb_register(CALLBACKTYPE_failsafe,
		 CALLBACKF_mask_events, FLAT_RING1_CS, failsafe_callback_entry), 0);

	/* Selectors the guest may not run on. */
	static const uint32_t bad[] = { 0xe008, 0xe010, 0x0000 };
	for (unsigned i = 0; i < 3; i++) {
		char what[80];
		format(what, sizeof(what), "register event on selector %#x", bad[i]);
		long rc = cb_register(CALLBACKTYPE_event, 0, bad[i], other_callback);
		if (on_ringlet()) {
			check_rc("CB-3", what, rc, -XEN_EPERM);
			check("CB-3", upcall_goes_to() == 1, "the upcall still enters ours");
		} else {
			check_rc("CB-3", what, rc, 0);
			if (callbacks_init())
				panic("set_callbacks back");
		}
	}
}

static void other_types(void)
{
	check_rc("CB-3", "register NMI", cb_register(CALLBACKTYPE_nmi, 0, 0, other_callback), 0);
	check_rc("CB-3", "register syscall32", cb_register(CALLBACKTYPE_syscall32,
		 CALLBACKF_mask_events, FLAT_RING1_CS, other_callback), 0);
	check_rc("CB-3", "register sysenter", cb_register(CALLBACKTYPE_sysenter, 0,
		 FLAT_RING1_CS, other_callback), 0);
	static const uint16_t none[] = { CALLBACKTYPE_syscall, CALLBACKTYPE_sysenter_deprecated,
					 6, 8, 100, 0xffff };
	for (unsigned i = 0; i < sizeof(none) / sizeof(none[0]); i++) {
		char what[64];
		format(what, sizeof(what), "register type %u", none[i]);
		check_rc("CB-3", what, cb_register(none[i], 0, FLAT_RING1_CS, other_callback),
			 -XEN_ENOSYS);
		format(what, sizeof(what), "unregister type %u", none[i]);
		check_rc("CB-4", what, cb_unregister(none[i]), -XEN_ENOSYS);
	}
	check("CB-3", upcall_goes_to() == 1, "after them the upcall still enters ours");
}

static void unregister(void)
{
	check_rc("CB-4", "unregister NMI", cb_unregister(CALLBACKTYPE_nmi), 0);
	check_rc("CB-4", "unregister NMI again", cb_unregister(CALLBACKTYPE_nmi), 0);
	static const uint16_t fixed[] = { CALLBACKTYPE_event, CALLBACKTYPE_failsafe,
					  CALLBACKTYPE_syscall32, CALLBACKTYPE_sysenter };
	for (unsigned i = 0; i < 4; i++) {
		char what[64];
		format(what, sizeof(what), "unregister type %u", fixed[i]);
		check_rc("CB-4", what, cb_unregister(fixed[i]), -XEN_EINVAL);
	}
	check("CB-4", upcall_goes_to() == 1, "the event callback stays registered");
}

static void bad_arguments(void)
{
	static const uint32_t cmds[] = { 2, 3, 0x100, 0x80000000u, 0xffffffffu };
	struct callback_register r = { CALLBACKTYPE_event, 0, { FLAT_RING1_CS, 0 } };
	for (unsigned i = 0; i < 5; i++) {
		char what[48];
		format(what, sizeof(what), "command %#x", cmds[i]);
		check_rc("CB-5", what, hypercall2(__HYPERVISOR_callback_op, cmds[i],
			 (uint32_t)(uintptr_t)&r), -XEN_EINVAL);
	}
	/* The last bytes of the region, then what is not mapped. */
	uint32_t end = initial_region_end();
	static const char *const where[] = { "NULL", "the hole", "across the region's end" };
	uint32_t ptrs[] = { 0, 0xF6000000u, end - 2 };
	for (unsigned i = 0; i < 3; i++) {
		for (uint32_t cmd = 0; cmd < 2; cmd++) {
			char what[80];
			format(what, sizeof(what), "%s from %s", cmd ? "unregister" : "register",
			       where[i]);
			check_rc("CB-5", what, hypercall2(__HYPERVISOR_callback_op, cmd, ptrs[i]),
				 -XEN_EFAULT);
		}
	}
	check("CB-5", upcall_goes_to() == 1, "the event callback stays registered");
}

void test_main(void)
{
	if (!shared_info) {
		test_error("shared_info is not mapped: no upcall can be made");
		return;
	}
	if (callbacks_init())
		panic("set_callbacks");
	event_and_failsafe();
	other_types();
	unregister();
	bad_arguments();
	test_success();
}
