/* What a PV vCPU has told the hypervisor, and its saved registers. */
#ifndef ARCH_X86_PV_VCPU_ARCH_H
#define ARCH_X86_PV_VCPU_ARCH_H

#include <stdbool.h>
#include <stdint.h>
#include "arch/x86/traps.h"

#define GUEST_GDT_PAGES 14          /* GDT pages a guest may fill (0-13) */

/* One vector of the guest's virtual IDT (set_trap_table). */
struct pv_trap {
	uint32_t address;                /* 0: no handler */
	uint16_t cs;
	uint8_t flags;                   /* TI_* of struct trap_info */
};

struct arch_vcpu {
	struct cpu_regs regs;            /* the guest's registers while it is not running */
	uint32_t cr3_mfn;                /* its L3 (0: none yet) */
	struct pv_trap traps[256];
	uint32_t kernel_ss, kernel_sp;   /* stack_switch: the ring-1 stack for traps from ring 3 */
	uint32_t event_cs, event_eip;    /* set_callbacks */
	uint32_t failsafe_cs, failsafe_eip;
	bool failsafe_masks;             /* callback_op's CALLBACKF_mask_events */
	bool in_failsafe;                /* a failsafe frame is on its way; cleared by the next trap */
	uint32_t gdt_mfns[GUEST_GDT_PAGES];
	unsigned gdt_ents;               /* set_gdt: 0 for none */
	uint32_t ldt_base, ldt_ents;     /* MMUEXT_SET_LDT */
	uint32_t vm_assist;
	uint32_t iopl;                   /* virtual IOPL, 0-3 (physdev set_iopl, or iret) */
	uint32_t iobmp_va;               /* physdev set_iobitmap: the guest's bitmap */
	uint32_t iobmp_ports;            /* ... and how many ports it covers (0: none) */
	uint32_t dr[8];                  /* debug registers 0-3, 6, 7 (set_debugreg) */
	bool guest_ts;                   /* fpu_taskswitch(1): next FPU use traps to the guest */
	bool fpu_used;                   /* fxsave holds its state */
	uint8_t *fxsave;                 /* 512 bytes, 16-aligned; allocated on first use */
};

#endif
