/* A backend's counters in the store, under DIR/statistics/NAME (the names
 * Linux's backends give them), for the toolstack's top. Rewritten at most
 * every half second, and only the counters that changed, so that a busy
 * device costs the store a few writes a second. */
#include <stdio.h>

#include "kernel/time.h"
#include "xenbus/xenbus.h"

#define HALF_SECOND 500000000ull

void xenbus_publish_stats(struct xenbus_stats *s, const char *dir, const char *const *names,
			  const uint64_t *now, unsigned n)
{
	uint64_t t = time_now_ns();
	char path[XENBUS_PATH + 32], value[24];

	if (t < s->next_ns)
		return;
	s->next_ns = t + HALF_SECOND;
	for (unsigned i = 0; i < n && i < XENBUS_STATS; i++) {
		if (s->written && s->shown[i] == now[i])
			continue;
		if (snprintf(path, sizeof(path), "%s/statistics/%s", dir, names[i]) >= (int)sizeof(path))
			continue;
		snprintf(value, sizeof(value), "%llu", (unsigned long long)now[i]);
		if (xb_write(path, value) == 0)
			s->shown[i] = now[i];
	}
	s->written = true;
}
