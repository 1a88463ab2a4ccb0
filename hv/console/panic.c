#include <stdarg.h>
#include "console/panic.h"
#include "console/log.h"
#include "lib/format.h"
#include "arch/arch.h"
#include "ksyms.h"

static int panicking;

_Noreturn void panic_at(const char *file, int line, const char *func, const char *fmt, ...)
{
	char msg[256];
	char caller[96];
	va_list ap;

	irq_disable();
	if (panicking++)
		machine_stop(false);     /* a panic while panicking: just stop */
	va_start(ap, fmt);
	vformat(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ksym_describe(caller, sizeof(caller), (uintptr_t)__builtin_return_address(0));
	log_err("PANIC in %s() at %s:%d: %s", func, file, line, msg);
	log_err("called from %s", caller);
	machine_stop(false);
}
