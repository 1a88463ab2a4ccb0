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
#include "ring3.h"

const char test_title[] = "hole_access: no read reaches into the hypervisor's hole";

void test_main(void)
{
	struct hole_sweep s;

	hole_sweep(false, &s);
	hole_report("PT-9", "ring-1 reads", &s, true);
	long rc = ring3_init();
	if (rc != 0) {
		test_error("ring3_init: %ld", rc);
		return;
	}
	hole_sweep_ring3(false, &s);
	hole_report("PT-9", "ring-3 reads", &s, true);
	test_success();
}
