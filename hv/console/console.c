#include "console/console.h"
#include "arch/arch.h"
#include "arch/x86/serial.h"

void console_init(void)
{
	serial_init();
}

/* Interrupts stay off while a line goes out, so lines never interleave. */
void console_write(const char *s, size_t n)
{
	uint32_t flags = irq_save();
	serial_write(s, n);
	irq_restore(flags);
}
