/* The device-register window (mmio.h): handed out front to back. */
#include "kernel/mmio.h"

#include "kernel/printk.h"
#include "kernel/layout.h"
#include "kernel/pagetable.h"
#include "pvabi/mmu.h"
#include "pvabi/errno.h"
#include "pvabi/types.h"

#define MMIO_FLAGS (PV_PTE_PRESENT | PV_PTE_RW | PV_PTE_ACCESSED | PV_PTE_DIRTY | \
		    PV_PTE_PCD | PV_PTE_PWT)

static uint32_t next = MG_MMIO_START;
/* Xen takes device frames as DOMID_IO's; a hypervisor that offers no
 * foreign mappings (-EINVAL) takes them as the domain's own (PCI-5). */
static uint16_t owner = DOMID_IO;

static long map_one(uint32_t va, uint32_t mfn)
{
	long rc = map_mfn_as(va, mfn, MMIO_FLAGS, owner);

	if (rc == -XEN_EINVAL && owner == DOMID_IO) {
		owner = DOMID_SELF;
		rc = map_mfn_as(va, mfn, MMIO_FLAGS, owner);
	}
	return rc;
}

volatile void *mmio_map(uint64_t maddr, uint32_t len)
{
	uint64_t first = maddr >> PAGE_SHIFT;
	uint64_t pages = ((maddr & ~PAGE_MASK) + (uint64_t)len + PAGE_SIZE - 1) >> PAGE_SHIFT;

	if (len == 0 || pages > (MG_MMIO_END - next) / PAGE_SIZE || first + pages > 1ull << 32)
		return 0;
	uint32_t va = next;
	for (uint32_t i = 0; i < pages; i++) {
		long rc = map_one(va + i * PAGE_SIZE, (uint32_t)(first + i));
		if (rc < 0) {
			printk("miniguest: cannot map device memory at %#llx: %ld\n",
			       (unsigned long long)((first + i) << PAGE_SHIFT), rc);
			while (i--)
				unmap_page(va + i * PAGE_SIZE);
			return 0;
		}
	}
	next += (uint32_t)pages * PAGE_SIZE;
	return (volatile void *)(uintptr_t)(va + (uint32_t)(maddr & ~PAGE_MASK));
}
