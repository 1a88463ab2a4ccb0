/* Pages of the initial region (lib/region.h). */
#include "region.h"

#include "hypercall.h"
#include "pvabi/arch_x86_32.h"
#include "pvabi/mmu.h"
#include "test.h"

#define PAGE_SIZE 4096u

extern char __image_start[];

static uint32_t virt_base(void)
{
	return (uint32_t)(uintptr_t)__image_start;
}

const volatile uint64_t *region_l1e(uint32_t va)
{
	const volatile uint64_t *table = (const volatile uint64_t *)(uintptr_t)start_info->pt_base;
	static const unsigned shift[] = { 30, 21 };

	for (unsigned level = 0; level < 2; level++) {
		uint64_t e = table[(va >> shift[level]) & (level ? 511 : 3)];
		if (!(e & PV_PTE_PRESENT) || (level == 1 && (e & PV_PTE_PSE)))
			return 0;
		uint32_t mfn = (uint32_t)((e & PV_PTE_ADDR_MASK) >> 12);
		uint32_t pfn = machine_to_phys_mapping[mfn];
		if (pfn >= start_info->nr_pages)
			return 0;
		table = (const volatile uint64_t *)(uintptr_t)(virt_base() + pfn * PAGE_SIZE);
	}
	return &table[(va >> 12) & 511];
}

uint32_t region_mfn(uint32_t va)
{
	const uint32_t *p2m = (const uint32_t *)(uintptr_t)start_info->mfn_list;

	if (va < virt_base() || (va - virt_base()) / PAGE_SIZE >= start_info->nr_pages)
		return ~0u;
	return p2m[(va - virt_base()) / PAGE_SIZE];
}

long region_set_writable(uint32_t va, bool writable)
{
	const volatile uint64_t *e = region_l1e(va);

	if (!e || !(*e & PV_PTE_PRESENT))
		return -1;
	uint64_t pte = writable ? (*e | PV_PTE_RW | PV_PTE_DIRTY) : (*e & ~(uint64_t)PV_PTE_RW);
	return hypercall_update_va_mapping(va & ~(PAGE_SIZE - 1), pte, UVMF_INVLPG);
}
