/* One random call: its number, then arguments from its generator. */
#include "fuzz.h"

uint64_t used_nrs;
uint32_t only_nr = ~0u;

/* The numbers with something behind them, on ringlet or on Xen, picked
 * more often than the rest. */
static const uint8_t known[] = {
	__HYPERVISOR_set_trap_table, __HYPERVISOR_mmu_update, __HYPERVISOR_set_gdt,
	__HYPERVISOR_stack_switch, __HYPERVISOR_set_callbacks, __HYPERVISOR_fpu_taskswitch,
	__HYPERVISOR_sched_op_compat, __HYPERVISOR_update_descriptor, __HYPERVISOR_memory_op,
	__HYPERVISOR_multicall, __HYPERVISOR_update_va_mapping, __HYPERVISOR_set_timer_op,
	__HYPERVISOR_event_channel_op_compat, __HYPERVISOR_xen_version,
	__HYPERVISOR_console_io, __HYPERVISOR_grant_table_op, __HYPERVISOR_vm_assist,
	__HYPERVISOR_iret, __HYPERVISOR_vcpu_op, __HYPERVISOR_mmuext_op,
	__HYPERVISOR_sched_op, __HYPERVISOR_callback_op, __HYPERVISOR_event_channel_op,
	__HYPERVISOR_domctl, __HYPERVISOR_set_debugreg, __HYPERVISOR_get_debugreg,
};

static uint32_t pick_nr(unsigned depth)
{
	uint32_t r = rnd(100);

	if (r < 25)
		return rnd(64);
	if (r < 88)
		return known[rnd(sizeof(known))];
	if (r < 93)
		return 64 + rnd(192);
	if (r < 97 || depth)
		return edgy32();
	return FUZZ_NULL_TRAP;
}

void gen_call(struct call *c, unsigned depth)
{
	for (unsigned a = 0; a < 6; a++)
		c->arg[a] = edgy32();
	c->nr = depth == 0 && only_nr != ~0u ? only_nr : pick_nr(depth);
	if (c->nr < 64)
		USED(c->nr);
	switch (c->nr) {
	case __HYPERVISOR_set_trap_table:         gen_set_trap_table(c); break;
	case __HYPERVISOR_mmu_update:             gen_mmu_update(c); break;
	case __HYPERVISOR_set_gdt:                gen_set_gdt(c); break;
	case __HYPERVISOR_stack_switch:
		c->arg[0] = rnd(2) ? FLAT_RING1_SS : edgy32() & 0x1ffff;
		c->arg[1] = rnd(2) ? bad_ptr() : edgy32();
		break;
	case __HYPERVISOR_set_callbacks:          gen_set_callbacks(c); break;
	case __HYPERVISOR_fpu_taskswitch:         c->arg[0] = rnd(3); break;
	case __HYPERVISOR_set_debugreg:
		/* Every register and value, but no breakpoint turned on: one on
		 * the fuzzer's own memory would stop it (debugreg tests those). */
		c->arg[0] = rnd(2) ? rnd(10) : edgy32();
		if (c->arg[0] == 7 || c->arg[0] == 5)
			c->arg[1] &= ~0xffu;
		break;
	case __HYPERVISOR_get_debugreg:           c->arg[0] = rnd(2) ? rnd(10) : edgy32(); break;
	case __HYPERVISOR_sched_op_compat:        gen_sched_op_compat(c, depth); break;
	case __HYPERVISOR_update_descriptor:      gen_update_descriptor(c); break;
	case __HYPERVISOR_memory_op:              gen_memory_op(c); break;
	case __HYPERVISOR_multicall:
		if (depth < 3)
			gen_multicall(c, depth);
		else
			c->arg[0] = 0xF6800000u;    /* deeper still: nothing to read */
		break;
	case __HYPERVISOR_update_va_mapping:      gen_update_va_mapping(c); break;
	case __HYPERVISOR_set_timer_op:           gen_set_timer_op(c); break;
	case __HYPERVISOR_event_channel_op_compat: gen_event_channel_op_compat(c); break;
	case __HYPERVISOR_xen_version:            gen_xen_version(c); break;
	case __HYPERVISOR_console_io:             gen_console_io(c); break;
	case __HYPERVISOR_vm_assist:              gen_vm_assist(c); break;
	case __HYPERVISOR_iret:
		/* At the top issue() builds a frame from these two; nested, the
		 * registers are all there is. */
		c->arg[0] = rnd32();
		c->arg[1] = rnd32();
		break;
	case __HYPERVISOR_vcpu_op:                gen_vcpu_op(c, depth); break;
	case __HYPERVISOR_mmuext_op:              gen_mmuext_op(c); break;
	case __HYPERVISOR_sched_op:               gen_sched_op(c, depth); break;
	case __HYPERVISOR_event_channel_op:       gen_event_channel_op(c); break;
	case __HYPERVISOR_domctl:                 gen_domctl(c); break;
	case __HYPERVISOR_grant_table_op:         gen_grant_table_op(c); break;
	case FUZZ_NULL_TRAP:                      break;
	default:                                  gen_anything(c); break;
	}
}
