/* Exceptions in a conformance guest.
 *
 * traps_init() registers a handler for every vector 0-31 with
 * set_trap_table. A handler saves the frame and looks the faulting %eip up
 * in the exception-fixup table (section .extable, pairs of addresses: the
 * instruction that may fault, where to resume). When it is there, the
 * exception is recorded as an exinfo and the instruction is skipped; the
 * probe_* helpers below are built on this, so a test can run one
 * instruction that is expected to fault and look at what happened.
 *
 * Any other exception is unexpected: the handler prints a register dump and
 * "PANIC: ...", and shuts the domain down with SHUTDOWN_crash without a
 * "Test result:" line, which the test runner reports as a CRASH. An
 * unexpected exception means the guest or the hypervisor broke, so no
 * verdict about the rule under test can be trusted.
 *
 * What this relies on from the hypervisor (Xen's x86_32 PV ABI): the guest's
 * handler runs in ring 1 on the interrupted stack (no ring change), with
 * [error code,] eip, cs, eflags pushed, the saved cs carrying the
 * saved_upcall_mask in bits 16-23; a page fault's address is in
 * shared_info->vcpu_info[0].arch.cr2. Handlers return with a plain iret,
 * which needs no hypervisor help from ring 1 to ring 1. */
#ifndef CONFORMANCE_TRAPS_H
#define CONFORMANCE_TRAPS_H

#include <stdbool.h>
#include <stdint.h>

#define X86_EXC_DE   0   /* divide error */
#define X86_EXC_DB   1
#define X86_EXC_NMI  2
#define X86_EXC_BP   3   /* int3 */
#define X86_EXC_OF   4
#define X86_EXC_BR   5
#define X86_EXC_UD   6   /* invalid opcode */
#define X86_EXC_NM   7   /* device not available */
#define X86_EXC_DF   8
#define X86_EXC_TS  10
#define X86_EXC_NP  11   /* segment not present */
#define X86_EXC_SS  12
#define X86_EXC_GP  13   /* general protection */
#define X86_EXC_PF  14   /* page fault */
#define X86_EXC_MF  16
#define X86_EXC_AC  17
#define X86_EXC_MC  18
#define X86_EXC_XM  19

/* Page-fault error code bits. */
#define PFEC_PRESENT  (1u << 0)   /* 0: the page was not present */
#define PFEC_WRITE    (1u << 1)
#define PFEC_USER     (1u << 2)   /* from ring 3 */
#define PFEC_RSVD     (1u << 3)
#define PFEC_INSN     (1u << 4)   /* instruction fetch */

#define EXINFO_NONE  (-1)

/* What one expected exception looked like; vector EXINFO_NONE: none. */
struct exinfo {
	int vector;
	uint32_t error;        /* error code; 0 for vectors without one */
	uint32_t cr2;          /* #PF only: the address (~0 if unknown) */
	uint32_t eip;          /* the faulting instruction */
};

/* The register frame the entry stubs build (lib/entry.S). */
struct trap_frame {
	uint32_t edi, esi, ebp, esp_pushal, ebx, edx, ecx, eax;
	uint32_t gs, fs, es, ds;
	uint32_t vector;
	uint32_t error;
	/* From here on, pushed by the hypervisor. */
	uint32_t eip;
	uint32_t cs;           /* bits 16-23: saved_upcall_mask */
	uint32_t eflags;
	uint32_t esp, ss;      /* only when interrupted in ring 3 */
};

/* The shared_info page as traps_init() mapped it, or NULL if it could not. */
extern volatile struct shared_info *shared_info;

/* Registers the trap table and maps shared_info (for cr2). Returns 0 or the
 * failing hypercall's result; the guest runs on either way. */
long traps_init(void);

/* The fixup table: "insn" may fault, execution then resumes at "resume".
 * Both are assembler labels (e.g. 1b, 2b) in the same asm statement. */
#define EXTABLE(insn, resume)                                              \
	".pushsection .extable, \"a\"\n\t.balign 4\n\t"                    \
	".long " #insn ", " #resume "\n\t.popsection\n\t"

/* Bumped by the handler on each expected exception, which it records in
 * last_exception. */
extern volatile uint32_t exception_count;
extern volatile struct exinfo last_exception;

/* Each probe runs one access; it returns true when it completed, false when
 * it raised an exception, described in *ex (which may be NULL). On success
 * ex->vector is EXINFO_NONE. */
bool probe_read8(uint32_t addr, uint8_t *val, struct exinfo *ex);
bool probe_read32(uint32_t addr, uint32_t *val, struct exinfo *ex);
bool probe_write8(uint32_t addr, uint8_t val, struct exinfo *ex);
bool probe_write32(uint32_t addr, uint32_t val, struct exinfo *ex);

/* "int $0x82" with eax = nr and five arguments; *rc gets %eax after it when
 * it returned normally. */
bool probe_hypercall(uint32_t nr, const uint32_t args[5], long *rc, struct exinfo *ex);

/* "#PF", "#GP", ... or "vector N" (in a static buffer for unknown ones). */
const char *exception_name(int vector);

/* "#PF[err 0x3, cr2 0x400000] at 0x401234" or "no exception". */
int exinfo_format(char *buf, unsigned size, const struct exinfo *ex);

#endif
