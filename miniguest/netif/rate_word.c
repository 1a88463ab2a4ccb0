/* A vif word's rate=RATE/s[@INTERVAL], as Xen's xl reads it: RATE in
 * bytes (B, KB, MB, GB) or bits (b, Kb, Mb, Gb), decimal multiples;
 * INTERVAL (by default 50ms) in s, ms or us; to the backend's rate key,
 * bytes per interval and the interval in microseconds. */
#include <string.h>

#include "netif.h"

#define MAX_US 10000000ull          /* an interval of 10 s at most */

struct unit {
	const char *name;
	uint64_t mul, div;
};

/* A decimal number then one of the units, ending at end: the number
 * times mul / div, false when it overflows or is 0 or anything is off. */
static bool amount(const char *s, const char *end, const struct unit *u, unsigned nu,
		   uint64_t *out)
{
	uint64_t n = 0;

	if (s == end || *s < '0' || *s > '9')
		return false;
	for (; s < end && *s >= '0' && *s <= '9'; s++) {
		if (n > (UINT64_MAX - 9) / 10)
			return false;
		n = n * 10 + (uint64_t)(*s - '0');
	}
	for (unsigned i = 0; i < nu; i++) {
		size_t len = strlen(u[i].name);

		if ((size_t)(end - s) != len || memcmp(s, u[i].name, len) != 0)
			continue;
		if (n == 0 || n > UINT64_MAX / u[i].mul)
			return false;
		*out = n * u[i].mul / u[i].div;
		return *out != 0;
	}
	return false;
}

bool netif_rate_parse(const char *s, size_t len, uint64_t *bytes, uint32_t *usecs)
{
	static const struct unit rates[] = {
		{ "GB", 1000000000, 1 }, { "MB", 1000000, 1 }, { "KB", 1000, 1 }, { "B", 1, 1 },
		{ "Gb", 1000000000, 8 }, { "Mb", 1000000, 8 }, { "Kb", 1000, 8 }, { "b", 1, 8 },
	};
	static const struct unit times[] = { { "s", 1000000, 1 }, { "ms", 1000, 1 },
					     { "us", 1, 1 } };
	const char *end = s + len, *per = memchr(s, '/', len);
	uint64_t rate, us = 50000;

	if (!per || !amount(s, per, rates, 8, &rate))
		return false;
	if (end - per < 2 || per[1] != 's')
		return false;
	if (per + 2 < end && (per[2] != '@' || !amount(per + 3, end, times, 3, &us)))
		return false;
	if (us > MAX_US || rate > UINT64_MAX / MAX_US)
		return false;
	*bytes = rate * us / 1000000;
	*usecs = (uint32_t)us;
	return *bytes != 0;
}
