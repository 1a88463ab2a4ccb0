/* vm_assist: the assists a 32-bit guest may switch on and off.
 *
 * Rules checked (pvabi/ABI.md):
 *   VMA-1  vm_assist(cmd, type): VMASST_TYPE_pae_extended_cr3 and
 *          architectural_iopl can be enabled and disabled (also when
 *          already in that state; io_priv checks what the latter does); a type the
 *          hypervisor does not offer is -EINVAL whatever the command; a
 *          command other than enable (0) and disable (1) is -ENOSYS for an
 *          offered type
 *
 * Where Xen 4.17 differs (pvabi/ABI.md, VMA-1): it offers a 32-bit guest
 * types 0-5 (4gb_segments, 4gb_segments_notify, writable_pagetables,
 * pae_extended_cr3, architectural_iopl, runstate_update_flag); ringlet
 * offers only pae_extended_cr3 and architectural_iopl and refuses the
 * others with -EINVAL rather than pretend. On Xen each of them is switched
 * on and straight off again. */
#include "guest.h"

#include "platform.h"

const char test_title[] = "vm_assist: the assists a 32-bit guest may switch on and off";

static const char *const type_names[] = {
	"4gb_segments", "4gb_segments_notify", "writable_pagetables", "pae_extended_cr3",
	"architectural_iopl", "runstate_update_flag",
};

void test_main(void)
{
	char what[96];

	printk("running on %s\n", hypervisor_name());
	check_rc("VMA-1", "enable pae_extended_cr3",
		 hypercall_vm_assist(VMASST_CMD_enable, VMASST_TYPE_pae_extended_cr3), 0);
	check_rc("VMA-1", "enable pae_extended_cr3 again",
		 hypercall_vm_assist(VMASST_CMD_enable, VMASST_TYPE_pae_extended_cr3), 0);
	check_rc("VMA-1", "disable pae_extended_cr3",
		 hypercall_vm_assist(VMASST_CMD_disable, VMASST_TYPE_pae_extended_cr3), 0);
	check_rc("VMA-1", "disable pae_extended_cr3 again",
		 hypercall_vm_assist(VMASST_CMD_disable, VMASST_TYPE_pae_extended_cr3), 0);

	for (uint32_t type = 0; type <= VMASST_TYPE_runstate_update_flag; type++) {
		if (type == VMASST_TYPE_pae_extended_cr3)
			continue;
		bool offered = !on_ringlet() || type == VMASST_TYPE_architectural_iopl;
		long want = offered ? 0 : -XEN_EINVAL;
		format(what, sizeof(what), "enable %s (type %u)%s", type_names[type], type,
		       offered ? "" : ": not offered");
		check_rc("VMA-1", what, hypercall_vm_assist(VMASST_CMD_enable, type), want);
		format(what, sizeof(what), "disable %s (type %u)", type_names[type], type);
		check_rc("VMA-1", what, hypercall_vm_assist(VMASST_CMD_disable, type), want);
	}

	static const uint32_t unknown[] = { 6, 31, VMASST_TYPE_m2p_strict, 33, 63, 64, 0x80000000u,
					    0xffffffffu };
	for (unsigned i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
		format(what, sizeof(what), "enable type %u", unknown[i]);
		check_rc("VMA-1", what, hypercall_vm_assist(VMASST_CMD_enable, unknown[i]),
			 -XEN_EINVAL);
		format(what, sizeof(what), "disable type %u", unknown[i]);
		check_rc("VMA-1", what, hypercall_vm_assist(VMASST_CMD_disable, unknown[i]),
			 -XEN_EINVAL);
	}

	static const uint32_t cmds[] = { 2, 3, 0x80000000u, 0xffffffffu };
	for (unsigned i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		format(what, sizeof(what), "command %#x with pae_extended_cr3", cmds[i]);
		check_rc("VMA-1", what, hypercall_vm_assist(cmds[i], VMASST_TYPE_pae_extended_cr3),
			 -XEN_ENOSYS);
		format(what, sizeof(what), "command %#x with type 99 (the type is checked first)",
		       cmds[i]);
		check_rc("VMA-1", what, hypercall_vm_assist(cmds[i], 99), -XEN_EINVAL);
	}
	test_success();
}
