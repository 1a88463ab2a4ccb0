#include "arch/x86/paging.h"
#include "arch/x86/cpu.h"
#include "arch/x86/directmap.h"
#include "boot/bootinfo.h"
#include "console/panic.h"
#include "lib/string.h"

#define INDEX(va, shift) (((uintptr_t)(va) >> (shift)) & 511)
#define IMAGE_L1S        (IMAGE_MAX >> L2_SHIFT)
#define TABLE            (PTE_P | PTE_RW)
/* A compatibility-mode guest's L3 entries as long mode wants them: the
 * access rights live in its L2 and L1 entries, so the L3 allows all. */
#define GUEST_L3_KEEP    (PTE_ADDR | PTE_PWT | PTE_PCD | PTE_P)
#define GUEST_L3_ADD     (PTE_RW | PTE_US | PTE_A)

typedef pte_t table_t[512] __attribute__((aligned(4096)));

pte_t pte_nx;
uint64_t directmap_frames;
static table_t root, guest_l3, image_l3, image_l2, image_l1[IMAGE_L1S];
static table_t direct_l3, direct_l2[DIRECTMAP_GIB], area_l3, area_l2[AREA_GIB];
static table_t fixmap_l1, hole_slots;

extern const char _text[], _etext[], _erodata[], _end[];

/* W^X for the image: text read-only and executable, read-only data
 * read-only, everything else writable and never executable. */
static pte_t image_flags(uintptr_t va)
{
	if (va >= (uintptr_t)_text && va < (uintptr_t)_etext)
		return PTE_P;
	if (va >= (uintptr_t)_etext && va < (uintptr_t)_erodata)
		return PTE_P | pte_nx;
	return PTE_P | PTE_RW | pte_nx;
}

static void map_image(void)
{
	uintptr_t first = HV_VIRT_OFFSET + HV_LOAD_ADDR;

	for (uintptr_t va = first; va < (uintptr_t)_end; va += PAGE_SIZE) {
		uintptr_t off = va - first;
		image_l1[off >> L2_SHIFT][INDEX(va, PAGE_SHIFT)] = virt_to_phys(va) | image_flags(va);
	}
	for (unsigned i = 0; i < IMAGE_L1S; i++)
		image_l2[INDEX(first, L2_SHIFT) + i] = virt_to_phys(image_l1[i]) | TABLE;
	image_l3[INDEX(HV_VIRT_OFFSET, L3_SHIFT)] = virt_to_phys(image_l2) | TABLE;
	root[INDEX(HV_VIRT_OFFSET, L4_SHIFT)] = virt_to_phys(image_l3) | TABLE;
}

/* Every 2 MiB that holds some RAM, as one large page: the hypervisor never
 * flushes single direct-map pages, so large pages cost nothing there. */
static void map_ram(const struct mem_range *ranges, unsigned nr)
{
	for (unsigned i = 0; i < nr; i++) {
		if (ranges[i].type != MEM_RAM)
			continue;
		uint64_t end = ranges[i].end;
		if (end > (uint64_t)MAX_RAM_FRAMES << PAGE_SHIFT)
			end = (uint64_t)MAX_RAM_FRAMES << PAGE_SHIFT;
		for (uint64_t pa = ranges[i].start & ~((1ull << L2_SHIFT) - 1); pa < end;
		     pa += 1ull << L2_SHIFT) {
			direct_l2[pa >> L3_SHIFT][INDEX(pa, L2_SHIFT)] =
				pa | PTE_P | PTE_RW | PTE_PS | pte_nx;
			if ((pa >> PAGE_SHIFT) + 512 > directmap_frames)
				directmap_frames = (pa >> PAGE_SHIFT) + 512;
		}
	}
	for (unsigned g = 0; g < DIRECTMAP_GIB; g++)
		direct_l3[g] = virt_to_phys(direct_l2[g]) | TABLE;
	root[INDEX(DIRECTMAP_START, L4_SHIFT)] = virt_to_phys(direct_l3) | TABLE;
}

void paging_init(const struct mem_range *ranges, unsigned nr)
{
	/* Global pages stay off: guests may set the G bit in their own
	 * entries, and then every switch between guests would have to flush
	 * global entries too. */
	pte_nx = cpu_has.nx ? PTE_NX : 0;

	map_image();
	map_ram(ranges, nr);
	for (unsigned g = 0; g < AREA_GIB; g++)
		area_l3[g] = virt_to_phys(area_l2[g]) | TABLE;
	root[INDEX(AREA_START, L4_SHIFT)] = virt_to_phys(area_l3) | TABLE;
	area_l2[INDEX(FIXMAP_START - AREA_START, L3_SHIFT)][INDEX(FIXMAP_START, L2_SHIFT)] =
		virt_to_phys(fixmap_l1) | TABLE;
	/* The guest's slot: user pages may lie below it. */
	root[0] = virt_to_phys(guest_l3) | TABLE | PTE_US;
	/* The identity map of the boot tables goes away here. */
	write_cr3(virt_to_phys(root));
}

void flush_tlb_local(void)
{
	uint64_t cr4 = read_cr4();

	if (cr4 & CR4_PGE) {
		write_cr4(cr4 & ~CR4_PGE);
		write_cr4(cr4);
	} else {
		write_cr3(read_cr3());
	}
}

pte_t *hv_l2_slots(void)
{
	return hole_slots;
}

void load_guest_l3(uint64_t l3_mfn)
{
	const pte_t *l3 = map_frame(l3_mfn);

	for (unsigned i = 0; i < 4; i++)
		guest_l3[i] = (l3[i] & PTE_P) ? (l3[i] & GUEST_L3_KEEP) | GUEST_L3_ADD : 0;
	unmap_frame(l3);
	write_cr3(virt_to_phys(root));
}

void load_idle_l3(void)
{
	memset(guest_l3, 0, 4 * sizeof(pte_t));
	write_cr3(virt_to_phys(root));
}

/* The L2 entry for an address of the hypervisor's area. */
static pte_t *area_l2e(uintptr_t va)
{
	if (va < AREA_START || va >= AREA_START + ((uintptr_t)AREA_GIB << L3_SHIFT))
		panic("0x%lx is not in the hypervisor's area", (unsigned long)va);
	return &area_l2[(va - AREA_START) >> L3_SHIFT][INDEX(va, L2_SHIFT)];
}

void paging_populate(uintptr_t start, uintptr_t end, uint64_t (*alloc_frame)(void))
{
	for (uintptr_t va = start; va < end; va += 1u << L2_SHIFT) {
		pte_t *l2e = area_l2e(va);
		BUG_ON(*l2e & PTE_P);
		uint64_t mfn = alloc_frame();
		memset(map_frame(mfn), 0, PAGE_SIZE);
		*l2e = (mfn << PAGE_SHIFT) | TABLE;
	}
}

/* Read (and with write, replace) the L1 entry for va. Returns the old one. */
static pte_t with_l1e(uintptr_t va, pte_t set, bool write)
{
	pte_t l2e = *area_l2e(va);

	if (!(l2e & PTE_P) || (l2e & PTE_PS))
		panic("no L1 for hypervisor address 0x%lx", (unsigned long)va);
	pte_t *l1 = map_frame((l2e & PTE_ADDR) >> PAGE_SHIFT);
	pte_t old = l1[INDEX(va, PAGE_SHIFT)];
	if (write) {
		l1[INDEX(va, PAGE_SHIFT)] = set;
		invlpg(va);
	}
	return old;
}

void hv_map(uintptr_t va, uint64_t mfn, pte_t flags)
{
	with_l1e(va, (mfn << PAGE_SHIFT) | flags | PTE_P, true);
}

void hv_unmap(uintptr_t va)
{
	with_l1e(va, 0, true);
}

uint64_t hv_lookup(uintptr_t va)
{
	pte_t e = with_l1e(va, 0, false);
	return (e & PTE_P) ? (e & PTE_ADDR) >> PAGE_SHIFT : ~0ull;
}

void *fixmap_map(enum fixmap_slot slot, uint64_t pa, bool uncached)
{
	uintptr_t va = FIXMAP_START + ((uintptr_t)slot << PAGE_SHIFT);

	BUG_ON(slot >= FIX_SLOTS);
	fixmap_l1[slot] = (pa & PTE_ADDR) | PTE_P | PTE_RW | pte_nx |
			  (uncached ? PTE_PCD | PTE_PWT : 0);
	invlpg(va);
	return (void *)(va + (uintptr_t)(pa & (PAGE_SIZE - 1)));
}
