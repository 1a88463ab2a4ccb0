#include "console/console.h"
#include "arch/arch.h"

void console_init(void)
{
	arch_console_init();
}

/* Interrupts stay off while a line goes out, so lines never interleave. */
void console_write(const char *s, size_t n)
{
	uint32_t flags = irq_save();
	serial_write(s, n);
	irq_restore(flags);
}
