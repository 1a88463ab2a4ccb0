/* Page tables (pagetable.h). The builder's L3 names one L2 for the first
 * GiB; everything miniguest maps lives there, one L1 per 2 MiB. A new L1 is
 * a free frame, zeroed (and, for the linear map, filled) through its
 * writable linear mapping, then remapped read-only and hooked into the L2
 * with mmu_update, which is when the hypervisor validates it. */
#include "kernel/pagetable.h"

#include <string.h>

#include "kernel/console.h"
#include "kernel/frames.h"
#include "kernel/hypervisor.h"
#include "pvabi/mmu.h"

#define L2_SHIFT        21
#define ENTRIES         512
#define PTE_MFN(e)      ((uint32_t)(((e) & PV_PTE_ADDR_MASK) >> PAGE_SHIFT))
#define PDE_FLAGS       (PV_PTE_PRESENT | PV_PTE_RW | PV_PTE_USER | PV_PTE_ACCESSED)

static volatile const uint64_t *l2;    /* read-only, through the linear map */
static uint32_t l2_mfn;

static void *mfn_to_virt(uint32_t mfn)
{
	return pfn_to_virt(machine_to_phys_mapping[mfn]);
}

static long pt_write_as(uint64_t entry_maddr, uint64_t val, uint16_t foreigndom)
{
	struct mmu_update req = { .ptr = entry_maddr | MMU_NORMAL_PT_UPDATE, .val = val };

	return hypercall_mmu_update(&req, 1, 0, foreigndom);
}

static long pt_write(uint64_t entry_maddr, uint64_t val)
{
	return pt_write_as(entry_maddr, val, DOMID_SELF);
}

/* Takes a free frame for a page table: its initial contents come from
 * fill (NULL: zeros), then its linear mapping becomes read-only. */
static uint32_t new_table(void (*fill)(uint64_t *table, uint32_t arg), uint32_t arg)
{
	uint32_t pfn = frame_alloc();

	if (pfn == FRAME_NONE)
		return FRAME_NONE;
	uint64_t *table = pfn_to_virt(pfn);
	memset(table, 0, PAGE_SIZE);
	if (fill)
		fill(table, arg);
	uint64_t ro = ((uint64_t)pfn_to_mfn(pfn) << PAGE_SHIFT) | PV_PTE_PRESENT | PV_PTE_ACCESSED;
	if (hypercall_update_va_mapping((uint32_t)(uintptr_t)table, ro, UVMF_INVLPG) < 0) {
		frame_free(pfn);
		return FRAME_NONE;
	}
	return pfn;
}

static long hook_l1(uint32_t slot, uint32_t pfn)
{
	uint64_t maddr = ((uint64_t)l2_mfn << PAGE_SHIFT) + slot * 8;
	long rc = pt_write(maddr, ((uint64_t)pfn_to_mfn(pfn) << PAGE_SHIFT) | PDE_FLAGS);

	if (rc < 0) {
		/* Give the frame back writable, as frame_alloc handed it out. */
		uint64_t rw = ((uint64_t)pfn_to_mfn(pfn) << PAGE_SHIFT) | MG_PTE_DATA;
		hypercall_update_va_mapping((uint32_t)(uintptr_t)pfn_to_virt(pfn), rw, UVMF_INVLPG);
		frame_free(pfn);
	}
	return rc;
}

/* An L1 for slot's 2 MiB of the linear map: frame p at entry p % 512. */
static void fill_linear(uint64_t *table, uint32_t slot)
{
	uint32_t first = ((slot << L2_SHIFT) - MG_VIRT_BASE) >> PAGE_SHIFT;

	for (uint32_t i = 0; i < ENTRIES && first + i < frames_total(); i++)
		if (pfn_to_mfn(first + i) != INVALID_P2M_ENTRY)    /* no frame there yet */
			table[i] = ((uint64_t)pfn_to_mfn(first + i) << PAGE_SHIFT) | MG_PTE_DATA;
}

static long extend_linear_map(void)
{
	uint32_t end = MG_VIRT_BASE + frames_total() * PAGE_SIZE;

	for (uint32_t slot = MG_VIRT_BASE >> L2_SHIFT; slot << L2_SHIFT < end; slot++) {
		if (l2[slot] & PV_PTE_PRESENT)
			continue;       /* the builder's initial region */
		uint32_t pfn = new_table(fill_linear, slot);
		if (pfn == FRAME_NONE)
			return -XEN_ENOMEM;
		long rc = hook_l1(slot, pfn);
		if (rc < 0)
			return rc;
	}
	return 0;
}

long pagetable_init(void)
{
	const volatile uint64_t *l3 = (const volatile uint64_t *)(uintptr_t)start_info->pt_base;

	if (!(l3[0] & PV_PTE_PRESENT))
		return -XEN_EINVAL;
	l2_mfn = PTE_MFN(l3[0]);
	l2 = mfn_to_virt(l2_mfn);
	return extend_linear_map();
}

uint64_t pte_of(uint32_t va)
{
	uint32_t slot = va >> L2_SHIFT;

	if (va >= (1u << 30) || !(l2[slot] & PV_PTE_PRESENT))
		return 0;
	const volatile uint64_t *table = mfn_to_virt(PTE_MFN(l2[slot]));
	return table[(va >> PAGE_SHIFT) % ENTRIES];
}

uint64_t virt_to_maddr(const void *va)
{
	uint32_t v = (uint32_t)(uintptr_t)va;
	uint64_t pte = pte_of(v);

	if (!(pte & PV_PTE_PRESENT))
		return 0;
	return (pte & PV_PTE_ADDR_MASK) | (v & ~PAGE_MASK);
}

long map_mfn_as(uint32_t va, uint32_t mfn, uint32_t flags, uint16_t foreigndom)
{
	uint32_t slot = va >> L2_SHIFT;
	uint64_t pte = ((uint64_t)mfn << PAGE_SHIFT) | flags;

	if (va >= (1u << 30) || va < MG_VIRT_BASE)
		return -XEN_EINVAL;
	if (!(l2[slot] & PV_PTE_PRESENT)) {
		uint32_t pfn = new_table(0, 0);
		if (pfn == FRAME_NONE)
			return -XEN_ENOMEM;
		long rc = hook_l1(slot, pfn);
		if (rc < 0)
			return rc;
	}
	uint32_t l1 = PTE_MFN(l2[slot]), index = (va >> PAGE_SHIFT) % ENTRIES;
	const volatile uint64_t *table = mfn_to_virt(l1);
	/* Replacing a present entry needs the TLB entry flushed too. */
	if (table[index] & PV_PTE_PRESENT)
		return hypercall_update_va_mapping(va, pte, UVMF_INVLPG);
	return pt_write_as(((uint64_t)l1 << PAGE_SHIFT) + index * 8, pte, foreigndom);
}

long map_mfn(uint32_t va, uint32_t mfn, uint32_t flags)
{
	return map_mfn_as(va, mfn, flags, DOMID_SELF);
}

long map_frame(uint32_t va, uint32_t pfn, uint32_t flags)
{
	return map_mfn(va, pfn_to_mfn(pfn), flags);
}

long unmap_page(uint32_t va)
{
	return hypercall_update_va_mapping(va, 0, UVMF_INVLPG);
}

void unmap_and_free(uint32_t va)
{
	uint64_t pte = pte_of(va);

	if (!(pte & PV_PTE_PRESENT))
		return;
	if (unmap_page(va) == 0)
		frame_free(machine_to_phys_mapping[PTE_MFN(pte)]);
}
