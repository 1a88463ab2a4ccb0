/* hole_access: a guest cannot read the hypervisor's hole.
 *
 * Rules checked:
 *   PT-9  a read of any page from HYPERVISOR_VIRT_START (0xF5800000) up to
 *         4 GiB, in ring 1 and in ring 3, faults (#PF at the address, or
 *         #GP(0) where the CPU enforces the flat segments' limit), except
 *         reads of the read-only machine-to-physical window, which may
 *         complete. Nothing of the hypervisor is there: it lives above
 *         4 GiB, beyond any address a 32-bit guest can form. */
#include "guest.h"
#include "hole.h"

const char test_title[] = "hole_access: no read reaches into the hypervisor's hole";

void test_main(void)
{
	hole_test("PT-9", false);
}
