#include "arch/arch.h"
#include "arch/x86/io.h"
#include "console/log.h"

/* isa-debug-exit turns a write of v into QEMU exit status (v << 1) | 1. */
#define DEBUG_EXIT_PORT     0xf4
#define DEBUG_EXIT_SUCCESS  0x10      /* QEMU status 33 */
#define DEBUG_EXIT_FAILURE  0x11      /* QEMU status 35 */

_Noreturn void machine_stop(bool success)
{
	irq_disable();
	log_info("stopping the machine (%s)", success ? "success" : "failure");
	outb(DEBUG_EXIT_PORT, success ? DEBUG_EXIT_SUCCESS : DEBUG_EXIT_FAILURE);
	for (;;)
		halt();
}
