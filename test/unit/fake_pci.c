/* One device's memory BAR for host tests of the page-type rules: frames
 * 0xfe000-0xfe003 (16 KiB at 0xfe000000), and a BAR that claims the
 * IOAPIC's page (0xfec00), which the rules must still refuse. */
#include <stdbool.h>
#include <stdint.h>

struct domain;
bool pci_mmio_held(const struct domain *d, uint64_t mfn);

bool pci_mmio_held(const struct domain *d, uint64_t mfn)
{
	(void)d;
	return (mfn >= 0xfe000 && mfn < 0xfe004) || mfn == 0xfec00;
}
