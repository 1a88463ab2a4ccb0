/* hole_access: a guest cannot reach the hypervisor's hole.
 *
 * Rules checked:
 *   PT-9  reads and writes in ring 1 through the flat selectors at
 *         addresses from HYPERVISOR_VIRT_START (0xF5800000) up fault: the
 *         flat segments end below the hole (ringlet), or nothing is mapped
 *         there for the guest (Xen's 64-bit hypervisor)
 *
 * On ringlet the hole is guarded by segment limits alone. QEMU's TCG does
 * not enforce segment limits, so there a guest CAN reach the hole: the
 * test then says so and SKIPs rather than pass. */
#include "guest.h"
#include "platform.h"

const char test_title[] = "hole_access: ring 1 cannot reach the hypervisor's hole";

/* Addresses inside the hole, each mapped on ringlet: the read-only M2P
 * table's top half, the heap, the image, the fixmap. */
static const uint32_t targets[] = { 0xF6000000, 0xF8800000, 0xFF000000, 0xFF100000 };

static bool on_tcg(void)
{
	char brand[49] = { 0 };
	uint32_t r[4];

	for (uint32_t i = 0; i < 3; i++) {
		asm volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3])
			     : "a"(0x80000002 + i), "c"(0));
		memcpy(brand + 16 * i, r, 16);
	}
	for (unsigned i = 0; brand[i]; i++)
		if (strncmp(brand + i, "QEMU TCG", 8) == 0)
			return true;
	return false;
}

void test_main(void)
{
	unsigned reached = 0;

	for (unsigned i = 0; i < sizeof(targets) / sizeof(targets[0]); i++) {
		struct exinfo ex;
		uint32_t val;
		bool faulted = !probe_read32(targets[i], &val, &ex);
		if (faulted)
			check("PT-9", true, "a read at %#x faults (%s)", targets[i],
			      exception_name(ex.vector));
		else
			reached++;
	}
	if (reached == 0) {
		test_success();
		return;
	}
	if (on_tcg() && on_ringlet()) {
		test_skip("%u of %zu reads in the hole went through: QEMU's TCG does not "
			  "enforce segment limits, the hole's only guard on ringlet; on "
			  "hardware they fault", reached, sizeof(targets) / sizeof(targets[0]));
		return;
	}
	test_failure("%u reads in the hole went through", reached);
}
