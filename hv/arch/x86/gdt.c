/* The GDT (16 pages, guests' entries in pages 0-13, ours in 14-15), the
 * hypervisor's TSS and the double-fault task that catches a blown stack. */
#include "arch/x86/cpu.h"
#include "arch/x86/layout.h"
#include "arch/x86/paging.h"
#include "arch/x86/selectors.h"
#include "arch/x86/traps.h"
#include "arch/x86/tss.h"
#include "console/panic.h"
#include "lib/string.h"

#define ACC_PRESENT   0x80
#define ACC_DPL(n)    ((n) << 5)
#define ACC_CODE      0x1a        /* S, executable, readable */
#define ACC_DATA      0x12        /* S, writable */
#define ACC_TSS       0x09        /* available 32-bit TSS */
#define GRAN_4K_32    0xc         /* G and D/B */

static uint64_t gdt[GDT_ENTRIES] __attribute__((aligned(4096)));
struct tss hv_tss __attribute__((aligned(128)));
static struct tss df_tss __attribute__((aligned(128)));
static uint8_t df_stack[4096] __attribute__((aligned(16)));
extern char boot_stack[];

static uint64_t descriptor(uint32_t base, uint32_t limit, uint8_t access, uint8_t flags)
{
	return (limit & 0xffff) | ((uint64_t)(base & 0xffffff) << 16) |
	       ((uint64_t)access << 40) | ((uint64_t)((limit >> 16) & 0xf) << 48) |
	       ((uint64_t)flags << 52) | ((uint64_t)(base >> 24) << 56);
}

static void set(unsigned sel, uint64_t d)
{
	gdt[SEL_INDEX(sel)] = d;
}

/* A guest's flat segments end where the hole begins. */
static void set_guest_flat(unsigned sel, int dpl, uint8_t type)
{
	set(sel, descriptor(0, (HOLE_START >> PAGE_SHIFT) - 1,
			    ACC_PRESENT | ACC_DPL(dpl) | type, GRAN_4K_32));
}

static void init_tss(struct tss *t, uint32_t esp)
{
	memset(t, 0, sizeof(*t));
	t->ss0 = HV_DS;
	t->esp0 = esp;
	t->iomap_base = offsetof(struct tss, io_bitmap);
	memset(t->io_bitmap, 0xff, sizeof(t->io_bitmap));
}

/* Runs as its own task, on its own stack: the faulting state is in hv_tss. */
static _Noreturn void double_fault_task(void)
{
	struct cpu_regs r = {
		.eax = hv_tss.eax, .ebx = hv_tss.ebx, .ecx = hv_tss.ecx, .edx = hv_tss.edx,
		.esi = hv_tss.esi, .edi = hv_tss.edi, .ebp = hv_tss.ebp,
		.ds = hv_tss.ds, .es = hv_tss.es, .fs = hv_tss.fs, .gs = hv_tss.gs,
		.vector = VEC_DF, .eip = hv_tss.eip, .cs = hv_tss.cs,
		.eflags = hv_tss.eflags, .esp = hv_tss.esp, .ss = hv_tss.ss,
	};
	dump_regs("double fault", &r, read_cr2());
	panic("double fault in the hypervisor (a stack overflow?)");
}

/* Once paging is ours, the GDT moves to the per-CPU GDT area: pages 0-13
 * show the running guest's own descriptor frames (or an empty page), pages
 * 14-15 the frames of our reserved entries, as a guest expects. */
void gdt_use_area(uint64_t empty_mfn)
{
	struct { uint16_t limit; uint32_t base; } __attribute__((packed)) gdtr = {
		sizeof(gdt) - 1, GDT_AREA_START,
	};

	for (unsigned page = 0; page < 16; page++) {
		uintptr_t va = GDT_AREA_START + page * PAGE_SIZE;
		if (page < FIRST_RESERVED_GDT_PAGE)
			hv_map(va, empty_mfn, pte_nx);
		else
			hv_map(va, virt_to_phys((char *)gdt + page * PAGE_SIZE) >> PAGE_SHIFT,
			       PTE_RW | pte_nx);
	}
	asm volatile("lgdt %0" : : "m"(gdtr));
}

void gdt_set_df_cr3(uint32_t cr3)
{
	df_tss.cr3 = cr3;
}

void gdt_init(void)
{
	struct { uint16_t limit; uint32_t base; } __attribute__((packed)) gdtr = {
		sizeof(gdt) - 1, (uint32_t)gdt,
	};

	set(HV_CS, descriptor(0, 0xfffff, ACC_PRESENT | ACC_CODE, GRAN_4K_32));
	set(HV_DS, descriptor(0, 0xfffff, ACC_PRESENT | ACC_DATA, GRAN_4K_32));
	set_guest_flat(FLAT_RING1_CS, 1, ACC_CODE);
	set_guest_flat(FLAT_RING1_DS, 1, ACC_DATA);
	set_guest_flat(FLAT_RING3_CS, 3, ACC_CODE);
	set_guest_flat(FLAT_RING3_DS, 3, ACC_DATA);

	init_tss(&hv_tss, (uint32_t)boot_stack + BOOT_STACK_SIZE);
	init_tss(&df_tss, (uint32_t)df_stack + sizeof(df_stack));
	df_tss.eip = (uint32_t)double_fault_task;
	df_tss.cr3 = read_cr3();
	df_tss.eflags = 0x2;
	df_tss.esp = df_tss.esp0;
	df_tss.cs = HV_CS;
	df_tss.ss = df_tss.ds = df_tss.es = df_tss.fs = df_tss.gs = HV_DS;
	set(HV_TSS, descriptor((uint32_t)&hv_tss, sizeof(hv_tss) - 1, ACC_PRESENT | ACC_TSS, 0));
	set(HV_DF_TSS, descriptor((uint32_t)&df_tss, sizeof(df_tss) - 1, ACC_PRESENT | ACC_TSS, 0));

	asm volatile("lgdt %0\n\t"
		     "ljmp %1, $1f\n"
		     "1:\n\t"
		     "movl %2, %%eax\n\t"
		     "movl %%eax, %%ds\n\t"
		     "movl %%eax, %%es\n\t"
		     "movl %%eax, %%ss\n\t"
		     "movl %%eax, %%fs\n\t"
		     "movl %%eax, %%gs\n\t"
		     "movl %3, %%eax\n\t"
		     "ltr %%ax"
		     : : "m"(gdtr), "i"(HV_CS), "i"(HV_DS), "i"(HV_TSS) : "eax", "memory");
}
