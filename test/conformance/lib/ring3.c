/* Ring 3 for conformance guests (lib/ring3.h). */
#include "ring3.h"

#include "console.h"
#include "hypercall.h"
#include "platform.h"
#include "pvabi/arch_x86_32.h"
#include "pvabi/mmu.h"
#include "pvabi/shared_info.h"
#include "region.h"
#include "test.h"
#include "traps.h"

#define PAGE_SIZE 4096u

char ring3_kernel_stack[RING3_STACK_SIZE] __attribute__((aligned(4096)));
char ring3_user_stack[RING3_STACK_SIZE] __attribute__((aligned(4096)));
/* Just past each stack: the stacks start at their tops. */
asm(".globl ring3_kernel_stack_top\n\t.set ring3_kernel_stack_top, ring3_kernel_stack + 8192\n\t"
    ".globl ring3_user_stack_top\n\t.set ring3_user_stack_top, ring3_user_stack + 8192");
_Static_assert(RING3_STACK_SIZE == 8192, "the asm above assumes 8 KiB stacks");

volatile struct ring3_frame ring3_exit;
volatile uint32_t ring3_exit_esp;

extern char __image_start[], __image_end[];

void ring3_enter(void (*fn)(void), enum ring3_way way);
void ring3_exit_entry(void);

long ring3_stack_switch(void)
{
	return hypercall_stack_switch(FLAT_RING1_SS, (uint32_t)(uintptr_t)ring3_kernel_stack_top);
}

long ring3_register_exit(void)
{
	/* Under QEMU issue 1382 the hypervisor looks the exit vector up as
	 * another one (lib/platform.h): the same entry goes there too. */
	struct trap_info t[3] = {
		{ .vector = RING3_EXIT_VECTOR, .flags = 3, .cs = FLAT_RING1_CS,
		  .address = (uint32_t)(uintptr_t)ring3_exit_entry },
		{ .vector = softint_vector(RING3_EXIT_VECTOR), .flags = 3, .cs = FLAT_RING1_CS,
		  .address = (uint32_t)(uintptr_t)ring3_exit_entry },
		{ 0 },
	};

	return hypercall_set_trap_table(t);
}

long ring3_map_image(void)
{
	long rc;

	for (uint32_t va = (uint32_t)(uintptr_t)__image_start;
	     va < (uint32_t)(uintptr_t)__image_end; va += PAGE_SIZE) {
		const volatile uint64_t *e = region_l1e(va);
		if (!e || !(*e & PV_PTE_PRESENT)) {
			printk("ring3: no L1 entry maps %#x\n", va);
			return -1;
		}
		if (*e & PV_PTE_USER)
			continue;
		rc = hypercall_update_va_mapping(va, *e | PV_PTE_USER, UVMF_INVLPG);
		if (rc) {
			printk("ring3: update_va_mapping(%#x) with the user bit: %ld\n", va, rc);
			return rc;
		}
	}
	return 0;
}

long ring3_init(void)
{
	long rc = ring3_map_image();

	if (rc)
		return rc;
	rc = ring3_stack_switch();
	if (rc) {
		printk("ring3: stack_switch: %ld\n", rc);
		return rc;
	}
	rc = ring3_register_exit();
	if (rc)
		printk("ring3: set_trap_table for the exit vector: %ld\n", rc);
	return rc;
}

void ring3_run(void (*fn)(void), enum ring3_way way)
{
	uint8_t mask = shared_info ? shared_info->vcpu_info[0].evtchn_upcall_mask : 1;

	ring3_enter(fn, way);
	if (shared_info)
		shared_info->vcpu_info[0].evtchn_upcall_mask = mask;
}
