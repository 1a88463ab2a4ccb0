/* Benchmark: what a hypercall costs, beside the least a trap can cost.
 *
 *   null_trap          "int $0x83": into the hypervisor and straight back
 *                      (ringlet's null trap) -- the floor
 *   null_hypercall     xen_version(XENVER_version) through the hypercall page
 *   enosys_hypercall   a hypercall number with nothing behind it
 *   syscall_int80      "int $0x80" from ring 3 into ring 1, which the
 *                      hypervisor delivers (a long-mode gate leads only to
 *                      64-bit code: pvabi/ABI.md TRAP-6), and "iret" back
 *   mmu_update_bN      one mmu_update of N entries, per entry, each entry
 *                      remapping one page to another frame
 *
 * Each figure is the median over REPS runs of ITER calls, in TSC cycles,
 * printed as "BENCH {json}" for test/bench/run to pass on. */
#include "guest.h"
#include "systime.h"

#define ITER 2000
#define REPS 9

const char test_title[] = "hypercall costs against the null trap";

/* Cycles per call of body, which runs `per` units of work per call. */
static uint32_t measure(void (*body)(void), unsigned iter, unsigned per)
{
	uint32_t v[REPS];

	body();                              /* warm up */
	for (unsigned r = 0; r < REPS; r++) {
		uint64_t t0 = rdtsc();
		for (unsigned i = 0; i < iter; i++)
			body();
		v[r] = (uint32_t)((rdtsc() - t0) / ((uint64_t)iter * per));
	}
	return median_u32(v, REPS);
}

static void report(const char *metric, uint32_t value, const char *floor_name, uint32_t floor)
{
	if (floor_name)
		printk("BENCH {\"metric\": \"%s\", \"value\": %u, \"unit\": \"cycles\", "
		       "\"floor\": %u, \"floor_metric\": \"%s\"}\n", metric, value, floor, floor_name);
	else
		printk("BENCH {\"metric\": \"%s\", \"value\": %u, \"unit\": \"cycles\", "
		       "\"floor\": null}\n", metric, value);
}

static void null_trap(void)
{
	asm volatile("int $0x83" : : : "memory");
}

static void null_hypercall(void)
{
	hypercall_xen_version(XENVER_version, NULL);
}

static void enosys_hypercall(void)
{
	page_hypercall(60, 0, 0, 0, 0, 0);
}

/* --- mmu_update batches: one page remapped between two frames --- */

#define BATCH_MAX 512
static struct mmu_update reqs[BATCH_MAX];
static unsigned batch;

static uint64_t l1_entry_maddr(uint32_t va, uint32_t *mfn)
{
	const uint64_t *l3 = (const uint64_t *)start_info->pt_base;
	uint32_t l2_mfn = (uint32_t)(l3[va >> 30] >> 12) & 0xffffff;
	const uint64_t *l2 = (const uint64_t *)((uint32_t)__image_start +
					       machine_to_phys_mapping[l2_mfn] * PAGE_SIZE);
	uint32_t l1_mfn = (uint32_t)(l2[(va >> 21) & 511] >> 12) & 0xffffff;
	const uint64_t *l1 = (const uint64_t *)((uint32_t)__image_start +
					       machine_to_phys_mapping[l1_mfn] * PAGE_SIZE);
	*mfn = (uint32_t)(l1[(va >> 12) & 511] >> 12) & 0xffffff;
	return ((uint64_t)l1_mfn << 12) + ((va >> 12) & 511) * 8;
}

static void mmu_batch(void)
{
	uint32_t done;
	long rc = hypercall_mmu_update(reqs, batch, &done, DOMID_SELF);
	if (rc != 0 || done != batch)
		panic("mmu_update of %u entries: rc %ld, done %u", batch, rc, done);
}

static uint32_t measure_mmu(unsigned n)
{
	uint32_t scratch = initial_region_end() - PAGE_SIZE, other = scratch - PAGE_SIZE;
	uint32_t a, b;
	uint64_t pte = l1_entry_maddr(scratch, &a);
	l1_entry_maddr(other, &b);
	/* An even count ends each batch where it began. */
	for (unsigned i = 0; i < BATCH_MAX; i++) {
		reqs[i].ptr = pte | MMU_NORMAL_PT_UPDATE;
		reqs[i].val = ((uint64_t)(i % 2 ? b : a) << 12) | PV_PTE_PRESENT | PV_PTE_RW |
			      PV_PTE_ACCESSED | PV_PTE_DIRTY;
	}
	batch = n == 1 ? 1 : n;
	if (n == 1)
		reqs[0].val = ((uint64_t)a << 12) | PV_PTE_PRESENT | PV_PTE_RW | PV_PTE_ACCESSED |
			      PV_PTE_DIRTY;
	uint32_t c = measure(mmu_batch, n == BATCH_MAX ? 50 : 500, n);
	return c;
}

/* --- int $0x80 from ring 3, delivered into ring 1 --- */

static uint8_t kernel_stack[4096] __attribute__((aligned(16)));
uint8_t user_stack[4096] __attribute__((aligned(4096), used));
static volatile uint32_t user_cycles[REPS];
uint32_t kernel_esp;                      /* where to come back to (asm) */

void syscall_entry(void);
void user_main(void);
void enter_user(uint32_t *saved_esp);

/* Ring 1: a system call returns at once, except number 0xdead, which
 * ends the user part: back on the stack enter_user left. */
asm(".text\n"
    "syscall_entry:\n"
    "	cmpl $0xdead, %eax\n"
    "	je 1f\n"
    "	iret\n"
    "1:	movl kernel_esp, %esp\n"
    "	movl $0xe021, %eax\n"
    "	movl %eax, %ds\n"
    "	movl %eax, %es\n"
    "	popl %edi\n"
    "	popl %esi\n"
    "	popl %ebx\n"
    "	popl %ebp\n"
    "	ret\n"
    "enter_user:\n"
    "	pushl %ebp\n"
    "	pushl %ebx\n"
    "	pushl %esi\n"
    "	pushl %edi\n"
    "	movl %esp, kernel_esp\n"
    "	movl $0xe033, %eax\n"
    "	movl %eax, %ds\n"
    "	movl %eax, %es\n"
    "	pushl $0xe033\n"
    "	pushl $user_stack + 4096\n"
    "	pushl $0x202\n"
    "	pushl $0xe02b\n"
    "	pushl $user_main\n"
    "	iret\n");

void user_main(void)
{
	for (unsigned r = 0; r < REPS; r++) {
		uint64_t t0 = rdtsc();
		for (unsigned i = 0; i < ITER; i++)
			asm volatile("int $0x80" : : "a"(1) : "memory");
		user_cycles[r] = (uint32_t)((rdtsc() - t0) / ITER);
	}
	asm volatile("int $0x80" : : "a"(0xdead) : "memory");
}

/* Ring 3 needs user access to the image (code, data, its stack). */
static bool open_image_to_ring3(void)
{
	for (uint32_t va = (uint32_t)__image_start; va < (uint32_t)__image_end; va += PAGE_SIZE) {
		uint32_t mfn;
		l1_entry_maddr(va, &mfn);
		uint64_t pte = ((uint64_t)mfn << 12) | PV_PTE_PRESENT | PV_PTE_RW | PV_PTE_USER |
			       PV_PTE_ACCESSED | PV_PTE_DIRTY;
		if (va >= (uint32_t)start_info->pt_base &&
		    va < (uint32_t)start_info->pt_base + start_info->nr_pt_frames * PAGE_SIZE)
			continue;
		if (hypercall_update_va_mapping(va, pte, UVMF_INVLPG) != 0)
			return false;
	}
	return true;
}

static long measure_syscall(uint32_t *cycles)
{
	struct trap_info ti[2] = {
		{ .vector = 0x80, .flags = 3, .cs = FLAT_RING1_CS, .address = (uint32_t)syscall_entry },
		{ 0 },
	};
	long rc = hypercall_stack_switch(FLAT_RING1_SS, (uint32_t)kernel_stack + sizeof(kernel_stack));
	if (rc == 0)
		rc = hypercall_set_trap_table(ti);
	if (rc != 0)
		return rc;
	if (!open_image_to_ring3())
		return -1;
	enter_user(&kernel_esp);
	uint32_t v[REPS];
	for (unsigned r = 0; r < REPS; r++)
		v[r] = user_cycles[r];
	*cycles = median_u32(v, REPS);
	return 0;
}

void test_main(void)
{
	uint32_t floor = measure(null_trap, ITER, 1);
	report("null_trap", floor, NULL, 0);
	uint32_t null_hc = measure(null_hypercall, ITER, 1);
	report("null_hypercall", null_hc, "null_trap", floor);
	report("enosys_hypercall", measure(enosys_hypercall, ITER, 1), "null_trap", floor);
	report("mmu_update_b1", measure_mmu(1), "null_hypercall", null_hc);
	report("mmu_update_b16_per_entry", measure_mmu(16), NULL, 0);
	report("mmu_update_b512_per_entry", measure_mmu(512), NULL, 0);
	uint32_t sc;
	long rc = measure_syscall(&sc);
	if (rc != 0) {
		test_error("could not set up ring 3 for int $0x80: %ld", rc);
		return;
	}
	report("syscall_int80", sc, "null_trap", floor);
	test_success();
}
