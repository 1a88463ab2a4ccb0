/* The console backend, run in the control domain: every other domain's
 * console ring copied onto the serial line with that domain's own `(name) `
 * prefix (CONSOLEIO_ringlet_write_as), console input given to the last
 * domain started, a flooding domain held to a budget a round. */
#ifndef CONSOLED_CONSOLED_H
#define CONSOLED_CONSOLED_H

#include <stdbool.h>

/* Starts its threads: false when there is no memory for them. */
bool consoled_start(void);

#endif
