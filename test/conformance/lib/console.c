/* printk for conformance guests. */
#include "console.h"
#include "hypercall.h"
#include "lib/format.h"
#include "pvabi/console.h"

long console_write(const char *s, size_t n)
{
	return hypercall_console_io(CONSOLEIO_write, n, s);
}

void vprintk(const char *fmt, va_list ap)
{
	static const char cut[] = " [...]\n";
	char buf[PRINTK_MAX];
	int n = vformat(buf, sizeof(buf), fmt, ap);

	if (n < 0)
		return;
	if ((size_t)n < sizeof(buf)) {
		console_write(buf, (size_t)n);
		return;
	}
	console_write(buf, sizeof(buf) - 1);
	console_write(cut, sizeof(cut) - 1);
}

void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}
