/* Line composition, kept apart from output so the host tests can check it. */
#include "console/log.h"
#include "lib/format.h"
#include "lib/string.h"

#define MSG_MAX 512

static const char level_letter[] = { 'E', 'W', 'I', 'D' };
static const char *const level_names[] = { "error", "warn", "info", "debug" };

const char *log_level_name(enum log_level lvl)
{
	return (unsigned)lvl <= LOG_DEBUG ? level_names[lvl] : "?";
}

int log_level_parse(const char *s, size_t len, enum log_level *out)
{
	for (unsigned i = 0; i <= LOG_DEBUG; i++) {
		if (strlen(level_names[i]) == len && strncmp(s, level_names[i], len) == 0) {
			*out = (enum log_level)i;
			return 0;
		}
	}
	return -1;
}

size_t log_format_line(char *buf, size_t size, enum log_level lvl,
		       uint64_t us, const char *fmt, va_list ap)
{
	char msg[MSG_MAX];
	char prefix[32];
	int mlen = vformat(msg, sizeof(msg), fmt, ap);
	int plen = format(prefix, sizeof(prefix), "[%8u.%03u] %c ",
			  (unsigned)(us / 1000), (unsigned)(us % 1000),
			  (unsigned)lvl <= LOG_DEBUG ? level_letter[lvl] : '?');
	size_t n = 0;

	if (size == 0)
		return 0;
	if (mlen >= (int)sizeof(msg))
		mlen = sizeof(msg) - 1;
	while (mlen > 0 && msg[mlen - 1] == '\n')
		mlen--;

	/* Reserve room for "...\n" and the NUL so truncation is visible. */
	size_t room = size > 5 ? size - 5 : 0;
	for (int i = 0; i < plen && n < room; i++)
		buf[n++] = prefix[i];
	for (int i = 0; i < mlen && n < room; i++) {
		buf[n++] = msg[i];
		if (msg[i] == '\n')
			for (int j = 0; j < plen && n < room; j++)
				buf[n++] = ' ';
	}
	int truncated = n >= room && room > 0;
	if (truncated || mlen == (int)sizeof(msg) - 1) {
		const char *dots = "...";
		for (int i = 0; dots[i] && n + 2 < size; i++)
			buf[n++] = dots[i];
	}
	if (n + 1 < size)
		buf[n++] = '\n';
	buf[n] = '\0';
	return n;
}
