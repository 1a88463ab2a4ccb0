#ifndef CONSOLE_PANIC_H
#define CONSOLE_PANIC_H

/* Something the hypervisor cannot survive: say why and where, then stop the
 * machine with a failure status. */
_Noreturn void panic_at(const char *file, int line, const char *func, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#define panic(...) panic_at(__FILE__, __LINE__, __func__, __VA_ARGS__)

#define BUG_ON(cond) do { if (cond) panic("BUG: %s", #cond); } while (0)

#endif
