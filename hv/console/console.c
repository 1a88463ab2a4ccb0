#include "console/console.h"
#include "arch/arch.h"
#include "console/input.h"
#include "console/lines.h"

void console_init(void)
{
	console_input_take_early();
	arch_console_init();
}

/* Interrupts stay off while a line goes out, so lines never interleave. */
void console_write(const char *s, size_t n)
{
	uint32_t flags = irq_save();
	console_lines_close();
	serial_write(s, n);
	irq_restore(flags);
}

void console_guest_write(const void *writer, const char *prefix, size_t plen, const char *s,
			 size_t n)
{
	uint32_t flags = irq_save();
	console_lines_write(writer, prefix, plen, s, n);
	irq_restore(flags);
}

void console_raw_write(const char *s, size_t n)
{
	serial_write(s, n);
}
