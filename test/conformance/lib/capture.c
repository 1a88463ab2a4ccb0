/* Capture handlers (lib/capture.h). */
#include "capture.h"

volatile uint32_t cap_esp, cap_words[6], cap_resume, cap_cs_now, cap_ss_now;
volatile uint32_t cap_mask_now, cap_count, cap_which, pre_esp;

/* %ds is flat in either ring (FLAT_RING1_DS or FLAT_RING3_DS), so the
 * handlers use it as they find it. vcpu_info[0].evtchn_upcall_mask is byte
 * 1 of shared_info. */
asm(".text\n"
    ".globl cap_noec, cap_ec\n"
    "cap_noec:\n\t"
    "movl %esp, cap_esp\n\t"
    "movl $1, cap_which\n\t"
    "pushl %eax\n\t"
    "movl $4, %eax\n\t"
    "jmp 1f\n"
    "cap_ec:\n\t"
    "movl %esp, cap_esp\n\t"
    "movl $2, cap_which\n\t"
    "pushl %eax\n\t"
    "movl $8, %eax\n"
    "1:\tincl cap_count\n\t"
    "pushl %ecx\n\t"
    "pushl %esi\n\t"
    "pushl %edi\n\t"
    "movl $0xff, %ecx\n\t"
    "movl shared_info, %esi\n\t"
    "testl %esi, %esi\n\t"
    "jz 2f\n\t"
    "movzbl 1(%esi), %ecx\n"
    "2:\tmovl %ecx, cap_mask_now\n\t"
    "pushf\n\t"
    "cld\n\t"
    "movl %cs, %ecx\n\t"
    "movl %ecx, cap_cs_now\n\t"
    "movl %ss, %ecx\n\t"
    "movl %ecx, cap_ss_now\n\t"
    "movl cap_esp, %esi\n\t"
    "movl $cap_words, %edi\n\t"
    "movl $6, %ecx\n\t"
    "rep movsl\n\t"
    "popf\n\t"
    "movl cap_resume, %ecx\n\t"
    "movl %ecx, 12(%esp, %eax)\n\t"   /* eip: above edi, esi, ecx, eax [, error code] */
    "cmpl $8, %eax\n\t"
    "popl %edi\n\t"
    "popl %esi\n\t"
    "popl %ecx\n\t"
    "popl %eax\n\t"
    "jne 3f\n\t"
    "addl $4, %esp\n"
    "3:\tiret\n");

void capture_reset(void)
{
	cap_count = 0;
	cap_which = 0;
	cap_esp = 0;
	cap_mask_now = 0xff;
	cap_cs_now = cap_ss_now = 0;
	for (unsigned i = 0; i < 6; i++)
		cap_words[i] = 0;
}
