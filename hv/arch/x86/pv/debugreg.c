/* A PV guest's debug registers: set_debugreg (8), get_debugreg (9), and
 * "mov %drN" in ring 1 (priv_op.c). They are checked as Xen checks them, so
 * that no breakpoint can name an address outside the guest's space (the
 * hypervisor's own code and data lie beyond any 32-bit address anyway) and
 * DR7 can turn on nothing that traps the hypervisor (general detect, I/O
 * breakpoints); they are on the CPU only while their vCPU runs. A guest's
 * data breakpoint that the hypervisor itself hits, copying to or from the
 * guest, is not the hypervisor's fault: traps.c lets it pass. */
#include "hypercall/hypercall.h"
#include "arch/arch.h"
#include "arch/x86/pv/pv.h"
#include "domain/domain.h"
#include "sched/sched.h"

#define DR6_ONES        DR6_DEFAULT     /* reserved, read as 1 */
#define DR6_ZEROS       0x00001000u
#define DR7_ONES        0x00000400u
#define DR7_ZEROS       0x0000d800u     /* bits 11, 12, 14, 15 */
#define DR7_GD          0x00002000u
#define DR7_ENABLES     0x000000ffu
#define DR_RW_IO        2u

static void load(unsigned reg, uint64_t value)
{
	switch (reg) {
	case 0: asm volatile("mov %0, %%dr0" : : "r"(value)); break;
	case 1: asm volatile("mov %0, %%dr1" : : "r"(value)); break;
	case 2: asm volatile("mov %0, %%dr2" : : "r"(value)); break;
	case 3: asm volatile("mov %0, %%dr3" : : "r"(value)); break;
	case 6: write_dr6((uint32_t)value); break;
	case 7: asm volatile("mov %0, %%dr7" : : "r"(value)); break;
	}
}

int pv_set_debugreg(struct vcpu *v, unsigned reg, uint32_t value)
{
	switch (reg) {
	case 0: case 1: case 2: case 3:
		if (value > HOLE_START - 4)
			return -XEN_EPERM;
		break;
	case 4: case 6:                              /* dr4 is dr6 without CR4.DE */
		reg = 6;
		value = (value | DR6_ONES) & ~DR6_ZEROS;
		break;
	case 5: case 7:
		reg = 7;
		value = (value | DR7_ONES) & ~DR7_ZEROS;
		if (value & DR7_GD)
			return -XEN_EPERM;
		for (unsigned bp = 0; bp < 4; bp++)
			if ((value & (3u << (bp * 2))) && ((value >> (16 + bp * 4)) & 3) == DR_RW_IO)
				return -XEN_EPERM;
		break;
	default:
		return -XEN_ENODEV;
	}
	v->arch.dr[reg] = value;
	if (v == current)
		load(reg, value);
	return 0;
}

int pv_get_debugreg(const struct vcpu *v, unsigned reg, uint32_t *value)
{
	if (reg == 4 || reg == 5)
		reg += 2;
	if (reg > 7 || reg == 4 || reg == 5)
		return -XEN_ENODEV;
	if (reg == 6)
		*value = v->arch.dr[6] ? v->arch.dr[6] : DR6_ONES;
	else
		*value = reg == 7 && !v->arch.dr[7] ? DR7_ONES : v->arch.dr[reg];
	return 0;
}

void pv_load_debugregs(const struct vcpu *v)
{
	static bool armed;                   /* some vCPU's breakpoints are on the CPU */

	if (!(v->arch.dr[7] & DR7_ENABLES)) {
		if (armed)
			load(7, DR7_ONES);
		armed = false;
		return;
	}
	for (unsigned reg = 0; reg < 4; reg++)
		load(reg, v->arch.dr[reg]);
	load(7, v->arch.dr[7]);
	armed = true;
}

HYPERCALL(set_debugreg)
{
	(void)a3;
	(void)a4;
	(void)a5;
	return pv_set_debugreg(current, a1, a2);
}

HYPERCALL(get_debugreg)
{
	uint32_t value;

	(void)a2;
	(void)a3;
	(void)a4;
	(void)a5;
	int rc = pv_get_debugreg(current, a1, &value);
	return rc < 0 ? rc : (int32_t)value;
}
