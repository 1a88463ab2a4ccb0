/* in, out, ins, outs, cli and sti from a guest, at the #GP they raise: a
 * vCPU with I/O privilege (io_perm.c) gets them done by the hypervisor, as
 * on Xen. cli and sti then complete and change nothing, as Xen 4.17 has
 * them: an event mask set by cli could not be cleared again by the popf
 * that usually undoes it, which does not trap. The port itself is reached only when the domain holds it
 * (physdev/ioports.c); otherwise a read gives all ones and a write goes
 * nowhere; PCI configuration space (0xcf8-0xcff) is the domain's own view
 * of it (physdev/pci_conf.c). Without the privilege the #GP(0) stays the guest's. A rep
 * string instruction does a budget of elements a trap and restarts where
 * it stopped, so no guest holds the CPU for a long count. */
#include "arch/x86/pv/pv.h"
#include "arch/x86/io.h"
#include "arch/x86/uaccess.h"
#include "domain/domain.h"
#include "hypercall/budget.h"
#include "physdev/pci.h"

#define EFLAGS_DF     (1u << 10)
#define REP_UNITS     8          /* budget units a port access costs */
#define MAX_INSN_LEN  15
#define PF_WRITE      2u        /* Xen's error code for either: write or not */

struct io_insn {
	unsigned len;                /* bytes, prefixes included */
	unsigned size;               /* operand bytes: 1, 2 or 4 */
	bool rep;
	uint8_t seg;                 /* segment-override prefix, 0: none */
	uint8_t op, imm;
};

static int code_byte(const struct vcpu *v, const struct cpu_regs *frame, unsigned at,
		     uint8_t *b)
{
	struct cpu_regs f = *frame;

	f.eip += at;
	return pv_read_code(v, &f, b, 1);
}

/* Prefixes, then the opcode (and an imm8 port). 0x67 (16-bit addressing)
 * is not decoded: a #GP. */
static int decode(const struct vcpu *v, const struct cpu_regs *frame, struct io_insn *in)
{
	bool opsize = false;
	unsigned i;

	*in = (struct io_insn){ 0 };
	for (i = 0; i < MAX_INSN_LEN; i++) {
		if (code_byte(v, frame, i, &in->op) < 0)
			return -1;
		if (in->op == 0x66)
			opsize = true;
		else if (in->op == 0xf3 || in->op == 0xf2)
			in->rep = true;
		else if (in->op == 0x26 || in->op == 0x2e || in->op == 0x36 || in->op == 0x3e ||
			 in->op == 0x64 || in->op == 0x65)
			in->seg = in->op;
		else
			break;
	}
	if (i == MAX_INSN_LEN)
		return -1;
	in->len = i + 1;
	if (in->op >= 0xe4 && in->op <= 0xe7) {
		if (code_byte(v, frame, in->len, &in->imm) < 0)
			return -1;
		in->len++;
	}
	in->size = (in->op & 1) ? (opsize ? 2 : 4) : 1;
	return in->len <= MAX_INSN_LEN ? 0 : -1;
}

static uint32_t port_read(struct domain *d, uint32_t port, unsigned size)
{
	if (pci_port(port))
		return pci_port_read(d, port, size);
	if (!ioports_held(d, port, size))
		return size == 4 ? 0xffffffffu : (1u << (8 * size)) - 1;
	switch (size) {
	case 1: return inb((uint16_t)port);
	case 2: return inw((uint16_t)port);
	default: return inl((uint16_t)port);
	}
}

static void port_write(struct domain *d, uint32_t port, unsigned size, uint32_t val)
{
	if (pci_port(port)) {
		pci_port_write(d, port, size, val);
		return;
	}
	if (!ioports_held(d, port, size))
		return;
	switch (size) {
	case 1: outb((uint16_t)port, (uint8_t)val); break;
	case 2: outw((uint16_t)port, (uint16_t)val); break;
	default: outl((uint16_t)port, val); break;
	}
}

/* The selector of the segment a string instruction's memory operand is in. */
static uint16_t string_segment(const struct cpu_regs *frame, const struct io_insn *in)
{
	uint16_t sel;

	if (in->op == 0x6c || in->op == 0x6d)
		return frame->es & 0xffff;   /* ins: always es */
	switch (in->seg) {
	case 0x26: return frame->es & 0xffff;
	case 0x2e: return frame->cs & 0xffff;
	case 0x36: return frame->ss & 0xffff;
	case 0x64: asm volatile("movw %%fs, %0" : "=r"(sel)); return sel;
	case 0x65: asm volatile("movw %%gs, %0" : "=r"(sel)); return sel;
	default: return frame->ds & 0xffff;
	}
}

/* ins and outs, a budget of elements at a time; a fault on the guest's
 * memory is the guest's #PF, with the registers showing the elements
 * done and eip still on the instruction. */
static bool string_io(struct vcpu *v, struct cpu_regs *frame, const struct io_insn *in)
{
	bool ins = in->op == 0x6c || in->op == 0x6d;
	uint32_t port = frame->edx & 0xffff, base, val;
	uint32_t *index = ins ? &frame->edi : &frame->esi;
	uint32_t step = frame->eflags & EFLAGS_DF ? -in->size : in->size;
	bool fault = false;
	uint32_t pf = 0;             /* ... and its error code */

	if (!pv_io_allowed(v, frame, port, in->size) ||
	    pv_seg_base(v, string_segment(frame, in), &base) < 0)
		return false;
	budget_start();
	while (!in->rep || frame->ecx) {
		guest_ptr_t at = guest_ptr(base + *index);
		if (ins) {
			val = port_read(v->d, port, in->size);
			if (copy_to_guest(at, &val, in->size) < 0) {
				pf = PF_WRITE;
				fault = true;
				break;
			}
		} else {
			if (copy_from_guest(&val, at, in->size) < 0) {
				fault = true;
				break;
			}
			port_write(v->d, port, in->size, val);
		}
		*index += step;
		if (!in->rep)
			break;
		frame->ecx--;
		budget_charge(REP_UNITS);
		if (budget_spent())
			break;
	}
	budget_stop();
	if (fault) {
		frame->error_code = pf;
		pv_deliver(v, frame, VEC_PF, base + *index);
		return true;
	}
	if (!in->rep || !frame->ecx)
		frame->eip += in->len;
	return true;
}

/* in and out with the port in an imm8 or dx; al, ax or eax. */
static bool port_io(struct vcpu *v, struct cpu_regs *frame, const struct io_insn *in)
{
	uint32_t port = in->op & 8 ? frame->edx & 0xffff : in->imm;
	uint32_t mask = in->size == 4 ? 0xffffffffu : (1u << (8 * in->size)) - 1;

	if (!pv_io_allowed(v, frame, port, in->size))
		return false;
	if (in->op & 2)
		port_write(v->d, port, in->size, frame->eax & mask);
	else
		frame->eax = (frame->eax & ~mask) | port_read(v->d, port, in->size);
	frame->eip += in->len;
	return true;
}

bool pv_emulate_io(struct vcpu *v, struct cpu_regs *frame)
{
	struct io_insn in;

	if (frame->error_code != 0 || decode(v, frame, &in) < 0)
		return false;
	switch (in.op) {
	case 0xfa:                                    /* cli */
	case 0xfb:                                    /* sti */
		if (!pv_iopl_ok(v, frame))
			return false;
		frame->eip += in.len;
		return true;
	case 0xe4: case 0xe5: case 0xe6: case 0xe7:
	case 0xec: case 0xed: case 0xee: case 0xef:
		return port_io(v, frame, &in);
	case 0x6c: case 0x6d: case 0x6e: case 0x6f:
		return string_io(v, frame, &in);
	}
	return false;
}
