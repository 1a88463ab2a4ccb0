/* The guest's own page tables (lib/pagetable.h). */
#include "pagetable.h"

#include "hypercall.h"
#include "lib/string.h"
#include "pvabi/arch_x86_32.h"
#include "pvabi/memory.h"
#include "test.h"
#include "traps.h"

#define PAGE 4096u

extern char __image_start[];

uint32_t pt_l3_mfn;

static uint32_t next_free;      /* the next padding page to hand out */

void pt_init(void)
{
	if (pt_l3_mfn)
		return;
	pt_l3_mfn = pt_pfn_to_mfn(pt_va_to_pfn(start_info->pt_base));
	next_free = (boot_esp + PAGE - 1) & ~(PAGE - 1);
}

uint32_t pt_virt_base(void)
{
	return (uint32_t)(uintptr_t)__image_start;
}

uint32_t pt_region_pages(void)
{
	return (initial_region_end() - pt_virt_base()) / PAGE;
}

uint32_t pt_pfn_to_va(uint32_t pfn)
{
	return pt_virt_base() + pfn * PAGE;
}

uint32_t pt_va_to_pfn(uint32_t va)
{
	if (va < pt_virt_base() || va >= initial_region_end())
		return PT_NONE;
	return (va - pt_virt_base()) / PAGE;
}

uint32_t pt_pfn_to_mfn(uint32_t pfn)
{
	if (pfn >= start_info->nr_pages)
		return PT_NONE;
	return ((const uint32_t *)(uintptr_t)start_info->mfn_list)[pfn];
}

uint32_t pt_mfn_to_pfn(uint32_t mfn)
{
	uint32_t pfn;

	if (mfn >= MACH2PHYS_NR_ENTRIES)
		return PT_NONE;
	if (!probe_read32(MACH2PHYS_VIRT_START + mfn * 4, &pfn, 0))
		return PT_NONE;
	return pfn;
}

bool pt_owns_mfn(uint32_t mfn)
{
	uint32_t pfn = pt_mfn_to_pfn(mfn);

	return pfn != PT_NONE && pt_pfn_to_mfn(pfn) == mfn;
}

uint32_t pt_mfn_to_va(uint32_t mfn)
{
	uint32_t pfn = pt_mfn_to_pfn(mfn);

	if (pfn == PT_NONE || pfn >= pt_region_pages() || pt_pfn_to_mfn(pfn) != mfn)
		return 0;
	return pt_pfn_to_va(pfn);
}

uint64_t pt_read(uint32_t table_mfn, unsigned idx)
{
	uint32_t va = pt_mfn_to_va(table_mfn);

	if (!va || idx >= 512)
		return 0;
	return ((const volatile uint64_t *)(uintptr_t)va)[idx];
}

uint64_t pt_maddr(uint32_t table_mfn, unsigned idx)
{
	return ((uint64_t)table_mfn << 12) + idx * 8u;
}

uint32_t pt_l2_mfn(uint32_t va)
{
	uint64_t e;

	pt_init();
	e = pt_read(pt_l3_mfn, PT_L3_INDEX(va));
	return (e & PV_PTE_PRESENT) ? PT_MFN(e) : PT_NONE;
}

uint64_t pt_l3e(uint32_t va)
{
	pt_init();
	return pt_read(pt_l3_mfn, PT_L3_INDEX(va));
}

uint64_t pt_l2e(uint32_t va)
{
	uint32_t l2 = pt_l2_mfn(va);

	return l2 == PT_NONE ? 0 : pt_read(l2, PT_L2_INDEX(va));
}

uint32_t pt_l1_mfn(uint32_t va)
{
	uint64_t e = pt_l2e(va);

	if (!(e & PV_PTE_PRESENT) || (e & PV_PTE_PSE))
		return PT_NONE;
	return PT_MFN(e);
}

uint64_t pt_l1e(uint32_t va)
{
	uint32_t l1 = pt_l1_mfn(va);

	return l1 == PT_NONE ? 0 : pt_read(l1, PT_L1_INDEX(va));
}

uint64_t pt_l1e_maddr(uint32_t va)
{
	uint32_t l1 = pt_l1_mfn(va);

	return l1 == PT_NONE ? ~0ull : pt_maddr(l1, PT_L1_INDEX(va));
}

uint32_t pt_va_to_mfn(uint32_t va)
{
	uint64_t e = pt_l1e(va);

	return (e & PV_PTE_PRESENT) ? PT_MFN(e) : PT_NONE;
}

bool pt_alloc_frames(struct pt_frame *f, unsigned n)
{
	uint32_t end = initial_region_end();

	pt_init();
	if (n == 0 || next_free + n * PAGE > end || next_free + n * PAGE < next_free) {
		test_error("pagetable: the region's padding has no %u free page(s) left", n);
		return false;
	}
	f->va = next_free;
	f->pfn = pt_va_to_pfn(next_free);
	f->mfn = pt_pfn_to_mfn(f->pfn);
	memset((void *)(uintptr_t)next_free, 0, n * PAGE);
	next_free += n * PAGE;
	return true;
}

bool pt_alloc_frame(struct pt_frame *f)
{
	return pt_alloc_frames(f, 1);
}

long pt_map(uint32_t va, uint32_t mfn, uint32_t flags)
{
	return hypercall_update_va_mapping(va, PT_ENTRY(mfn, flags), UVMF_INVLPG);
}

long pt_unmap(uint32_t va)
{
	return hypercall_update_va_mapping(va, 0, UVMF_INVLPG);
}

long pt_remap_ro(const struct pt_frame *f)
{
	return pt_map(f->va, f->mfn, PT_RO);
}

long pt_remap_rw(const struct pt_frame *f)
{
	return pt_map(f->va, f->mfn, PT_RW);
}

long pt_seal(const struct pt_frame *f)
{
	return pt_remap_ro(f);
}

long pt_update(uint64_t ptr, uint64_t val)
{
	struct mmu_update req = { .ptr = ptr, .val = val };

	return hypercall_mmu_update(&req, 1, 0, DOMID_SELF);
}

long pt_mmuext(uint32_t cmd, uint32_t arg1)
{
	struct mmuext_op op = { .cmd = cmd };

	op.arg1.mfn = arg1;
	return hypercall_mmuext_op(&op, 1, 0, DOMID_SELF);
}

long pt_pin(uint32_t pin_cmd, uint32_t mfn)
{
	return pt_mmuext(pin_cmd, mfn);
}

long pt_unpin(uint32_t mfn)
{
	return pt_mmuext(MMUEXT_UNPIN_TABLE, mfn);
}

long pt_new_baseptr(uint32_t l3_mfn)
{
	long rc;

	pt_init();
	rc = pt_mmuext(MMUEXT_NEW_BASEPTR, l3_mfn);
	if (rc == 0)
		pt_l3_mfn = l3_mfn;
	return rc;
}

uint32_t pt_scratch_va(void)
{
	const uint32_t two_mib = 2u << 20;

	for (uint32_t va = (initial_region_end() + two_mib - 1) & ~(two_mib - 1);
	     va != 0 && PT_L3_INDEX(va) == 0; va += two_mib)
		if (!(pt_l2e(va) & PV_PTE_PRESENT))
			return va;
	return 0;
}

uint32_t pt_max_ram_mfn(void)
{
	long rc = hypercall_memory_op(XENMEM_maximum_ram_page, 0);

	return rc > 0 ? (uint32_t)rc : 0;
}

uint32_t pt_foreign_mfn(void)
{
	uint32_t max = pt_max_ram_mfn();

	for (uint32_t mfn = 0x100; mfn <= max; mfn++) {
		uint32_t pfn;

		if (mfn >= MACH2PHYS_NR_ENTRIES ||
		    !probe_read32(MACH2PHYS_VIRT_START + mfn * 4, &pfn, 0))
			break;
		if (pfn >= start_info->nr_pages || pt_pfn_to_mfn(pfn) != mfn)
			return mfn;
	}
	return PT_NONE;
}

void pt_set(const struct pt_frame *f, unsigned idx, uint64_t v)
{
	((volatile uint64_t *)(uintptr_t)f->va)[idx] = v;
}

bool pt_table(struct pt_frame *f)
{
	if (pt_seal(f)) {
		test_error("cannot map frame %#x read-only", f->mfn);
		return false;
	}
	return true;
}

bool pt_l3_slot_unused(unsigned slot)
{
	pt_init();
	uint64_t e = pt_read(pt_l3_mfn, slot);
	if (!(e & PV_PTE_PRESENT))
		return true;
	for (unsigned i = 0; i < 512; i++)
		if (pt_read(PT_MFN(e), i) & PV_PTE_PRESENT)
			return false;
	return true;
}

bool pt_chain(struct pt_frame *l2, struct pt_frame *l1, uint32_t va, uint32_t mfn)
{
	if (!pt_alloc_frame(l2) || !pt_alloc_frame(l1)) {
		test_error("no spare frames for an L2 and an L1");
		return false;
	}
	pt_set(l1, PT_L1_INDEX(va), PT_ENTRY(mfn, PT_RW));
	pt_set(l2, PT_L2_INDEX(va), PT_ENTRY(l1->mfn, PT_TABLE));
	return pt_table(l1) && pt_table(l2);
}

uint32_t peek32(uint32_t va)
{
	uint32_t v = 0xdeadbeef;

	probe_read32(va, &v, 0);
	return v;
}
