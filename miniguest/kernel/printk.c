/* printk (printk.h). */
#include "kernel/printk.h"

#include "lib/format.h"

void vprintk(const char *fmt, va_list ap)
{
	static const char cut[] = " [...]\n";
	char buf[PRINTK_MAX];
	int n = vformat(buf, sizeof(buf), fmt, ap);

	if (n < 0)
		return;
	if ((unsigned)n < sizeof(buf)) {
		console_write(buf, (unsigned long)n);
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
