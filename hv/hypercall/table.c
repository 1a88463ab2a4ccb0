/* Hypercall number -> handler. Everything not listed is -XEN_ENOSYS. */
#include "hypercall/hypercall.h"

const hypercall_fn hypercall_table[NR_HYPERCALLS] = {
	[__HYPERVISOR_set_trap_table]    = do_set_trap_table,
	[__HYPERVISOR_mmu_update]        = do_mmu_update,
	[__HYPERVISOR_set_gdt]           = do_set_gdt,
	[__HYPERVISOR_stack_switch]      = do_stack_switch,
	[__HYPERVISOR_set_callbacks]     = do_set_callbacks,
	[__HYPERVISOR_fpu_taskswitch]    = do_fpu_taskswitch,
	[__HYPERVISOR_sched_op_compat]   = do_sched_op_compat,
	[__HYPERVISOR_update_descriptor] = do_update_descriptor,
	[__HYPERVISOR_memory_op]         = do_memory_op,
	[__HYPERVISOR_multicall]         = do_multicall,
	[__HYPERVISOR_update_va_mapping] = do_update_va_mapping,
	[__HYPERVISOR_console_io]        = do_console_io,
	[__HYPERVISOR_xen_version]       = do_xen_version,
	[__HYPERVISOR_vm_assist]         = do_vm_assist,
	[__HYPERVISOR_iret]              = do_iret,
	[__HYPERVISOR_mmuext_op]         = do_mmuext_op,
	[__HYPERVISOR_sched_op]          = do_sched_op,
	[__HYPERVISOR_callback_op]       = do_callback_op,
	[__HYPERVISOR_set_timer_op]      = do_set_timer_op,
	[__HYPERVISOR_vcpu_op]           = do_vcpu_op,
	[__HYPERVISOR_domctl]            = do_domctl,
	[__HYPERVISOR_event_channel_op]  = do_event_channel_op,
	[__HYPERVISOR_event_channel_op_compat] = do_event_channel_op_compat,
	[__HYPERVISOR_grant_table_op]    = do_grant_table_op,
};
