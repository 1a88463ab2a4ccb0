/* xsa296: VCPUOP_initialise cannot touch a vCPU that is running (XSA-296).
 *
 * XSA-296: the error path of VCPUOP_initialise dropped page-table
 * references with work a guest could make unbounded, so one call could
 * hang the host. ringlet's domains have only vCPU 0, which is always
 * initialised: VCPUOP_initialise is answered before any of its context is
 * used, as Xen answers it for a vCPU that is up, and costs the same
 * whatever the context holds.
 *
 * Rules checked:
 *   XSA296-1  VCPUOP_initialise of vCPU 0 with a readable context (one
 *             naming a bogus base table too) is -EEXIST, and changes
 *             nothing: the vCPU is up and runs on the same tables
 *   XSA296-2  a context the guest cannot read (NULL, unmapped, in the
 *             hole past the read-only m2p) is -EFAULT
 *   XSA296-3  a vCPU the domain does not have is -ENOENT
 */
#include "guest.h"
#include "pagetable.h"
#include "pvabi/vcpu.h"

const char test_title[] = "xsa296: VCPUOP_initialise of a vCPU that is up";

/* ctrlreg[3]: after it come ctrlreg[4..7], debugreg[8] and five words. */
#define VCPU_CONTEXT_SIZE VCPU_GUEST_CONTEXT_SIZE
#define CTRLREG3_OFFSET   (VCPU_CONTEXT_SIZE - 4 * 5 - 4 * 8 - 4 * 8 + 4 * 3)

static uint8_t context[VCPU_CONTEXT_SIZE] __attribute__((aligned(8)));

static long vcpu_op(uint32_t cmd, uint32_t vcpu, uint32_t arg)
{
	return page_hypercall(__HYPERVISOR_vcpu_op, cmd, vcpu, arg, 0, 0);
}

static long initialise(uint32_t vcpu, uint32_t ctx)
{
	return vcpu_op(VCPUOP_initialise, vcpu, ctx);
}

void test_main(void)
{
	uint32_t ctx = (uint32_t)(uintptr_t)context;
	uint32_t bogus_l3 = pt_foreign_mfn();

	pt_init();
	check_rc("XSA296-1", "initialise vCPU 0 with a zeroed context", initialise(0, ctx),
		 -XEN_EEXIST);
	/* ctrlreg[3] in the layout: xen_pfn_to_cr3 of a frame that is not ours. */
	*(uint32_t *)(context + CTRLREG3_OFFSET) = bogus_l3 << 12 | bogus_l3 >> 20;
	unsigned wrong = 0;
	for (unsigned i = 0; i < 1000; i++)
		wrong += initialise(0, ctx) != -XEN_EEXIST;
	check_eq("XSA296-1", "of 1000 with a foreign base table, answers not -EEXIST", wrong, 0);
	check_rc("XSA296-1", "vCPU 0 is still up", vcpu_op(VCPUOP_is_up, 0, 0), 1);
	check_eq_hex("XSA296-1", "and runs on its own tables (its image reads back)",
		     peek32((uint32_t)(uintptr_t)__image_start), *(uint32_t *)__image_start);

	check_rc("XSA296-2", "context NULL", initialise(0, 0), -XEN_EFAULT);
	check_rc("XSA296-2", "context past the initial region", initialise(0, initial_region_end()),
		 -XEN_EFAULT);
	check_rc("XSA296-2", "context in the hole, past the read-only m2p",
		 initialise(0, 0xff000000u), -XEN_EFAULT);
	check_rc("XSA296-2", "context running into the hole", initialise(0, 0xf5800000u - 16),
		 -XEN_EFAULT);

	check_rc("XSA296-3", "vCPU 1", initialise(1, ctx), -XEN_ENOENT);
	check_rc("XSA296-3", "vCPU 0xffffffff", initialise(0xffffffffu, ctx), -XEN_ENOENT);
	test_success();
}
