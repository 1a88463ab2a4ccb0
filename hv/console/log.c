#include "console/log.h"
#include "console/console.h"
#include "time/clock.h"

#define LINE_MAX 640

enum log_level log_threshold = LOG_INFO;

void log_vprintf(enum log_level lvl, const char *fmt, va_list ap)
{
	char line[LINE_MAX];

	if (lvl > log_threshold)
		return;
	size_t n = log_format_line(line, sizeof(line), lvl, clock_us_since_entry(), fmt, ap);
	console_write(line, n);
}

void log_printf(enum log_level lvl, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vprintf(lvl, fmt, ap);
	va_end(ap);
}
