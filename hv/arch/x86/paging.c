#include "arch/x86/paging.h"
#include "arch/x86/cpu.h"
#include "arch/x86/mapcache.h"
#include "console/panic.h"
#include "lib/string.h"

#define L2_INDEX(va)   (((uintptr_t)(va) >> L2_SHIFT) & 511)
#define L1_INDEX(va)   (((uintptr_t)(va) >> PAGE_SHIFT) & 511)
#define DIRECTMAP_L1S  (DIRECTMAP_SIZE >> L2_SHIFT)

pte_t pte_nx;
static pte_t idle_l3[4] __attribute__((aligned(32)));
static pte_t idle_l2_high[512] __attribute__((aligned(4096)));
static pte_t directmap_l1[DIRECTMAP_L1S][512] __attribute__((aligned(4096)));
static pte_t fixmap_l1[512] __attribute__((aligned(4096)));
pte_t mapcache_l1[512] __attribute__((aligned(4096)));

extern const char _text[], _etext[], _erodata[];

/* W^X for the image: text read-only and executable, read-only data
 * read-only, everything else writable and never executable. */
static pte_t directmap_flags(uintptr_t va)
{
	if (va >= (uintptr_t)_text && va < (uintptr_t)_etext)
		return PTE_P;
	if (va >= (uintptr_t)_etext && va < (uintptr_t)_erodata)
		return PTE_P | pte_nx;
	return PTE_P | PTE_RW | pte_nx;
}

static void hook_l1(uintptr_t va, uint32_t l1_phys)
{
	idle_l2_high[L2_INDEX(va)] = l1_phys | PTE_P | PTE_RW;
}

void paging_init(void)
{
	/* Global pages stay off: guests may set the G bit in their own
	 * entries, and then every switch between guests would have to flush
	 * global entries too, which costs more than the hypervisor's own
	 * entries being reloaded after a CR3 switch. */
	pte_nx = cpu_has.nx ? PTE_NX : 0;

	for (unsigned i = 0; i < DIRECTMAP_L1S; i++) {
		for (unsigned j = 0; j < 512; j++) {
			uint32_t pa = (i * 512 + j) << PAGE_SHIFT;
			directmap_l1[i][j] = pa | directmap_flags(DIRECTMAP_START + pa);
		}
		hook_l1(DIRECTMAP_START + (i << L2_SHIFT), virt_to_phys(directmap_l1[i]));
	}
	hook_l1(FIXMAP_START, virt_to_phys(fixmap_l1));
	hook_l1(MAPCACHE_START, virt_to_phys(mapcache_l1));
	idle_l3[3] = virt_to_phys(idle_l2_high) | PTE_P;
	/* The identity map of the boot tables goes away here. */
	write_cr3(virt_to_phys(idle_l3));
}

void flush_tlb_local(void)
{
	uint32_t cr4 = read_cr4();

	if (cr4 & CR4_PGE) {
		write_cr4(cr4 & ~CR4_PGE);
		write_cr4(cr4);
	} else {
		write_cr3(read_cr3());
	}
}

pte_t *hv_l2_slots(void)
{
	return idle_l2_high;
}

uint32_t idle_cr3(void)
{
	return virt_to_phys(idle_l3);
}

void paging_populate(uintptr_t start, uintptr_t end, uint64_t (*alloc_frame)(void))
{
	for (uintptr_t va = start; va < end; va += 1u << L2_SHIFT) {
		BUG_ON(idle_l2_high[L2_INDEX(va)] & PTE_P);
		uint64_t mfn = alloc_frame();
		void *l1 = map_frame(mfn);
		memset(l1, 0, PAGE_SIZE);
		unmap_frame(l1);
		idle_l2_high[L2_INDEX(va)] = (mfn << PAGE_SHIFT) | PTE_P | PTE_RW;
	}
}

/* Read (and with write, replace) the L1 entry for va, mapping the L1 for
 * the duration. Returns the old entry. */
static uint64_t with_l1e(uintptr_t va, pte_t set, bool write)
{
	pte_t l2e = idle_l2_high[L2_INDEX(va)];

	if (va < 0xC0000000u || !(l2e & PTE_P) || (l2e & PTE_PS))
		panic("no L1 for hypervisor address 0x%08x", (unsigned)va);
	pte_t *l1 = map_frame((l2e & PTE_ADDR) >> PAGE_SHIFT);
	pte_t old = l1[L1_INDEX(va)];
	if (write)
		l1[L1_INDEX(va)] = set;
	unmap_frame(l1);
	if (write)
		invlpg(va);
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
