#ifndef SELFTEST_H
#define SELFTEST_H

#include <stdbool.h>
#include "boot/bootinfo.h"

/* Exercise what start of day set up: trap fixups, W^X, the frame allocator,
 * the map cache, the heap, the clock and the timer interrupt. Prints an
 * XTF-style "Test result:" line; returns the number of failed checks. */
int selftest_run(const struct bootinfo *bi);

/* Report one check: logged as ok or FAIL; failures are counted. */
void selftest_check(bool ok, const char *what);

#endif
