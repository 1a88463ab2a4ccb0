/* The GDT (16 pages, guests' entries in pages 0-13, ours in 14-15) and the
 * hypervisor's TSS, whose second stack catches a double fault. */
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
#define ACC_TSS       0x09        /* available 64-bit TSS */
#define GRAN_4K_32    0xc         /* G and D/B: a 32-bit segment */
#define GRAN_4K_64    0xa         /* G and L: 64-bit code */

static uint64_t gdt[GDT_ENTRIES] __attribute__((aligned(4096)));
struct tss hv_tss __attribute__((aligned(128)));
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

/* A guest's flat segments end where the hole begins: real CPUs enforce
 * that, and paging keeps the hole's contents from it everywhere else. */
static void set_guest_flat(unsigned sel, int dpl, uint8_t type)
{
	set(sel, descriptor(0, (HOLE_START >> PAGE_SHIFT) - 1,
			    ACC_PRESENT | ACC_DPL(dpl) | type, GRAN_4K_32));
}

/* A 64-bit system descriptor takes two entries: the base's top half is in
 * the second. */
static void set_tss(void)
{
	uintptr_t base = (uintptr_t)&hv_tss;

	set(HV_TSS, descriptor((uint32_t)base, sizeof(hv_tss) - 1, ACC_PRESENT | ACC_TSS, 0));
	gdt[SEL_INDEX(HV_TSS) + 1] = base >> 32;
}

static void init_tss(void)
{
	memset(&hv_tss, 0, sizeof(hv_tss));
	hv_tss.rsp0 = (uintptr_t)boot_stack + BOOT_STACK_SIZE;
	hv_tss.ist[IST_DF - 1] = (uintptr_t)df_stack + sizeof(df_stack);
	hv_tss.iomap_base = offsetof(struct tss, io_bitmap);
	memset(hv_tss.io_bitmap, 0xff, sizeof(hv_tss.io_bitmap));
}

/* Once paging is ours, the GDT moves to the per-CPU GDT area: pages 0-13
 * show the running guest's own descriptor frames (or an empty page), pages
 * 14-15 the frames of our reserved entries, as a guest expects. */
void gdt_use_area(uint64_t empty_mfn)
{
	struct { uint16_t limit; uint64_t base; } __attribute__((packed)) gdtr = {
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

void gdt_init(void)
{
	struct { uint16_t limit; uint64_t base; } __attribute__((packed)) gdtr = {
		sizeof(gdt) - 1, (uintptr_t)gdt,
	};

	set(HV_CS, descriptor(0, 0xfffff, ACC_PRESENT | ACC_CODE, GRAN_4K_64));
	set(HV_DS, descriptor(0, 0xfffff, ACC_PRESENT | ACC_DATA, GRAN_4K_32));
	set_guest_flat(FLAT_RING1_CS, 1, ACC_CODE);
	set_guest_flat(FLAT_RING1_DS, 1, ACC_DATA);
	set_guest_flat(FLAT_RING3_CS, 3, ACC_CODE);
	set_guest_flat(FLAT_RING3_DS, 3, ACC_DATA);
	init_tss();
	set_tss();

	/* A far return reloads cs in 64-bit mode. */
	asm volatile("lgdt %0\n\t"
		     "pushq %1\n\t"
		     "leaq 1f(%%rip), %%rax\n\t"
		     "pushq %%rax\n\t"
		     "lretq\n"
		     "1:\n\t"
		     "movl %2, %%eax\n\t"
		     "movl %%eax, %%ds\n\t"
		     "movl %%eax, %%es\n\t"
		     "movl %%eax, %%ss\n\t"
		     "xorl %%eax, %%eax\n\t"
		     "movl %%eax, %%fs\n\t"
		     "movl %%eax, %%gs\n\t"
		     "movl %3, %%eax\n\t"
		     "ltr %%ax"
		     : : "m"(gdtr), "i"(HV_CS), "i"(HV_DS), "i"(HV_TSS) : "rax", "memory");
	/* The LDT register comes out of reset (and the loader) naming a table
	 * at linear 0 with a 64 KiB limit: guest memory. Left so, a guest
	 * could build descriptors there, a call gate into ring 0 among them,
	 * and reach them through LDT selectors. Null, every LDT selector is a
	 * #GP (XSA-298's class). */
	asm volatile("lldt %w0" : : "r"(0));
}
