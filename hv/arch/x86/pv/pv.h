/* The x86 side of running PV guests. */
#ifndef ARCH_X86_PV_PV_H
#define ARCH_X86_PV_PV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "arch/x86/traps.h"
#include "arch/x86/pv/m2p.h"
#include "domain/vcpu.h"
#include "lib/string.h"

#define TRAP_DPL(t)      ((t)->flags & 3)
#define TRAP_MASKS(t)    ((t)->flags & 4)    /* entering masks event delivery */

/* The guest frame at the top of the hypervisor stack. */
struct cpu_regs *guest_frame(void);

/* Boot-time set-up: the M2P table, the GDT area, FXSR. */
void pv_init(uint32_t nr_frames);

/* Make the guest take exception vector on the way back: a frame on its
 * kernel stack, then its registered handler. Destroys the domain (with a
 * log line that says why) when that is impossible. Returns false then. */
bool pv_deliver(struct vcpu *v, struct cpu_regs *frame, unsigned vector, uint32_t cr2);

/* Enter the guest's event callback if an event waits and events are on. */
void pv_event_upcall(struct vcpu *v, struct cpu_regs *frame);

/* A return to the guest failed: enter its failsafe callback. false when it
 * has none (or is already in it): the caller destroys the domain. */
bool pv_failsafe(struct vcpu *v, struct cpu_regs *frame);

/* An exception in a guest (CPL 1 or 3). */
void pv_exception(struct vcpu *v, struct cpu_regs *frame);
void pv_fpu_trap(struct vcpu *v, struct cpu_regs *frame);

/* "int vector" from a guest, frame->eip past it: to the guest's handler
 * when its virtual IDT allows the ring, else a #GP as a CPU gives. */
void pv_soft_interrupt(struct vcpu *v, struct cpu_regs *frame, unsigned vector);

/* Read len bytes of the guest's code at cs:eip: 0, or < 0 when they cannot
 * be read. */
int pv_read_code(const struct vcpu *v, const struct cpu_regs *frame, void *buf, size_t len);

/* The base of the guest's segment sel: 0, or -1 for one it cannot have
 * loaded (an LDT selector, or beyond its GDT). */
int pv_seg_base(const struct vcpu *v, uint16_t sel, uint32_t *base);

/* At a #GP: in, out, ins, outs, cli and sti, emulated for a vCPU with I/O
 * privilege (io_emul.c); true when the instruction was one of them and
 * allowed (or ended in a fault delivered to the guest). */
bool pv_emulate_io(struct vcpu *v, struct cpu_regs *frame);
/* Whether v may, at frame's ring, use I/O-privileged instructions by its
 * virtual IOPL; and the same for ports port..port+len-1, its I/O bitmap
 * considered too (io_perm.c). */
bool pv_iopl_ok(const struct vcpu *v, const struct cpu_regs *frame);
bool pv_io_allowed(const struct vcpu *v, const struct cpu_regs *frame, uint32_t port,
		   unsigned len);

/* rdmsr and wrmsr from the guest kernel, per Xen's PV MSR policy (msr.c):
 * true when emulated, false for a #GP. */
bool pv_rdmsr(struct vcpu *v, uint32_t msr, uint64_t *val);
bool pv_wrmsr(struct vcpu *v, uint32_t msr, uint64_t val);

void pv_show_gdt(const struct vcpu *v);

/* A selector a guest may run its kernel code or stack on: RPL 0 becomes 1,
 * and the hypervisor's own selectors are refused. */
bool pv_fix_selector(uint16_t *sel);

/* The same for a callback's cs as a hypercall passes it (32 bits): false
 * for one above 0xffff or one pv_fix_selector refuses (set_callbacks.c). */
bool pv_callback_selector(uint32_t cs, uint16_t *out);

/* Debug registers (debugreg.c): set and get as set_debugreg and
 * get_debugreg do (0 or an error), and put v's on the CPU. */
int pv_set_debugreg(struct vcpu *v, unsigned reg, uint32_t value);
int pv_get_debugreg(const struct vcpu *v, unsigned reg, uint32_t *value);
void pv_load_debugregs(const struct vcpu *v);

/* Switch v to the L3 in frame mfn (MMUEXT_NEW_BASEPTR): 0 or an error. */
int pv_new_baseptr(uint32_t mfn, struct vcpu *v);

/* At a #GP from ring 1: a privileged instruction a PV kernel may use,
 * emulated; true when it was one. */
bool pv_emulate_privileged(struct vcpu *v, struct cpu_regs *frame);

void arch_vcpu_destroy(struct vcpu *v);

#endif
