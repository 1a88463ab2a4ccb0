/* hole_write: a guest cannot write the hypervisor's hole.
 *
 * Rules checked:
 *   PT-10  a write to any page from HYPERVISOR_VIRT_START (0xF5800000) up
 *          to 4 GiB, in ring 1 and in ring 3, faults: #PF at the address
 *          (not present, or the read-only machine-to-physical window), or
 *          #GP(0) where the CPU enforces the flat segments' limit. The
 *          guest runs on afterwards, so nothing it needs was hit. */
#include "guest.h"
#include "hole.h"

const char test_title[] = "hole_write: every write into the hypervisor's hole faults";

void test_main(void)
{
	hole_test("PT-10", true);
}
