/* The I/O ports the hypervisor drives itself, or that could reset or stop
 * the machine under it, each with what owns it: no domain reaches them,
 * however privileged (physdev/ioports.c asks here). */
#include "arch/arch.h"
#include "arch/x86/time_hw.h"

static const struct {
	uint16_t first, last;
	const char *owner;
} owned[] = {
	{ 0x20,  0x21,  "the 8259 interrupt controllers, pic.c" },
	{ 0xa0,  0xa1,  "the 8259 interrupt controllers, pic.c" },
	{ 0x4d0, 0x4d1, "the 8259s' edge/level control, interrupt routing" },
	{ 0x40,  0x43,  "the PIT, pit.c" },
	{ 0x61,  0x61,  "the PIT's channel-2 gate (port B), pit.c" },
	{ 0x70,  0x71,  "the RTC, rtc.c" },
	{ 0x3f8, 0x3ff, "the serial console, serial.c" },
	{ 0xcf8, 0xcff, "PCI configuration space and the reset control at 0xcf9" },
	{ 0x92,  0x92,  "system control port A: fast reset" },
	{ 0x60,  0x60,  "the 8042 keyboard controller's data port" },
	{ 0x64,  0x64,  "the 8042 keyboard controller: its reset line" },
	{ 0xf4,  0xf7,  "isa-debug-exit, which stops the machine: power.c" },
};

const char *arch_port_owner(uint16_t port)
{
	uint16_t pm = pm_timer_port();

	if (pm && port >= pm && (uint32_t)port <= (uint32_t)pm + 3)
		return "the ACPI PM timer, acpi_pm.c";
	for (unsigned i = 0; i < sizeof(owned) / sizeof(owned[0]); i++)
		if (port >= owned[i].first && port <= owned[i].last)
			return owned[i].owner;
	return 0;
}
