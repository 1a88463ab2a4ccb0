/* The hypervisor's log: one line per message, each stamped with the time
 * since entry and its level, filtered by the loglvl= command-line option. */
#ifndef CONSOLE_LOG_H
#define CONSOLE_LOG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

enum log_level { LOG_ERR, LOG_WARN, LOG_INFO, LOG_DEBUG };

extern enum log_level log_threshold;

void log_printf(enum log_level lvl, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void log_vprintf(enum log_level lvl, const char *fmt, va_list ap);

#define log_err(...)   log_printf(LOG_ERR, __VA_ARGS__)
#define log_warn(...)  log_printf(LOG_WARN, __VA_ARGS__)
#define log_info(...)  log_printf(LOG_INFO, __VA_ARGS__)
#define log_debug(...) log_printf(LOG_DEBUG, __VA_ARGS__)

/* "error", "warn", "info" or "debug"; -1 for anything else. */
int log_level_parse(const char *s, size_t len, enum log_level *out);
const char *log_level_name(enum log_level lvl);

/* Compose one finished log line: "[    12.345] I message\n", with the time
 * in milliseconds since entry and continuation lines indented under the
 * message. Returns the length written (always NUL-terminated, truncated
 * to fit with a trailing "...\n" when the message is too long). */
size_t log_format_line(char *buf, size_t size, enum log_level lvl,
		       uint64_t us_since_entry, const char *fmt, va_list ap);

#endif
