/* Capture handlers: see an exception frame exactly as the hypervisor built
 * it.
 *
 * The library's own handlers (lib/traps.h) even the frame out and decode
 * it; a test that checks the frame itself installs cap_noec (vectors
 * without an error code) or cap_ec (with one) instead, with
 * set_trap_table. On entry they note
 *   cap_esp       where the frame starts (%esp on entry),
 *   cap_words[6]  the six words from there up,
 *   cap_cs_now,   %cs and %ss inside the handler,
 *   cap_ss_now
 *   cap_mask_now  vcpu_info[0].evtchn_upcall_mask inside the handler (0xff
 *                 when shared_info is not mapped),
 *   cap_which     1 for cap_noec, 2 for cap_ec,
 * bump cap_count, then resume the interrupted code at cap_resume (in its
 * own ring, on its own stack) with a plain iret, dropping the error code.
 *
 * FAULT_FN(name, setup, insn) defines an assembly function name() that
 * runs setup, notes %esp in pre_esp, points cap_resume at the instruction
 * after insn, and runs insn; it returns normally afterwards (setup and insn
 * may clobber %eax, %ecx and %edx). name_insn and name_resume are the
 * addresses of insn and of what follows it. Such a function works from
 * ring 3 too (lib/ring3.h): a fault there lands on the stack_switch
 * stack, and the handler returns to ring 3. */
#ifndef CONFORMANCE_CAPTURE_H
#define CONFORMANCE_CAPTURE_H

#include <stdint.h>

extern volatile uint32_t cap_esp, cap_words[6], cap_resume, cap_cs_now, cap_ss_now;
extern volatile uint32_t cap_mask_now, cap_count, cap_which, pre_esp;

void cap_noec(void);
void cap_ec(void);

/* Zeroes the record (cap_mask_now to 0xff, cap_esp to 0). */
void capture_reset(void);

#define FAULT_FN(name, setup, insn)                                         \
	void name(void);                                                    \
	extern char name##_insn[], name##_resume[];                         \
	asm(".text\n" #name ":\n\t" setup "\n\t"                            \
	    "movl %esp, pre_esp\n\t"                                        \
	    "movl $" #name "_resume, cap_resume\n"                          \
	    #name "_insn:\n\t" insn "\n"                                    \
	    #name "_resume:\n\tret\n")

#endif
