/* Which IOAPIC line a PCI device's interrupt pin drives, on QEMU's q35
 * (ICH9). Without a BIOS the "interrupt line" register is never filled in,
 * and the routing is fixed by the chipset, so it is computed here:
 *   - the ICH9 turns its eight PIRQ lines A-H into GSIs 16-23 whenever the
 *     IOAPIC is in use, whatever the legacy PIRQ-to-8259 routing says;
 *   - devices 25-31 of bus 0 use their D25IR..D31IR registers, whose reset
 *     value (0x3210) sends INTA-INTD to PIRQ A-D;
 *   - every other device of bus 0 sends pin INTx of slot s to PIRQ
 *     E + (s + x) mod 4 (x = 0 for INTA): the table QEMU's ACPI _PRT gives
 *     an operating system for q35, which its chipset model follows.
 * Devices behind bridges are not routed (none on ringlet's machine). */
#include "arch/arch.h"

#define GSI_PIRQ_A 16

int arch_pci_gsi(uint16_t bdf, uint8_t pin)
{
	unsigned slot = (bdf >> 3) & 31, x = (unsigned)pin - 1;

	if (pin < 1 || pin > 4 || (bdf >> 8) != 0)
		return -1;
	if (slot >= 25)
		return (int)(GSI_PIRQ_A + x);
	return (int)(GSI_PIRQ_A + 4 + ((slot + x) & 3));
}
