/* q35's INTx routing (q35.h). ICH9 sends each bus-0 slot's pins to
 * PIRQ lines set by its D<n>IR registers; QEMU's reset values rotate
 * slots 0-24 over PIRQE-H by slot + pin, and the IOAPIC sees PIRQA-H as
 * GSIs 16-23. Slots 25-31 are the chipset's own functions. */
#include "q35.h"

#define PIRQ_GSI_BASE 16
#define PIRQ_E        4
#define ROTATED_SLOTS 25

uint32_t q35_intx_gsi(unsigned slot, unsigned pin)
{
	if (slot >= ROTATED_SLOTS || pin < 1 || pin > 4)
		return 0;
	return PIRQ_GSI_BASE + PIRQ_E + (slot + pin - 1) % 4;
}
