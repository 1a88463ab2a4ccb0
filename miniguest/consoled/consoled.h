/* The console backend, run in the control domain: every other domain's
 * console ring copied onto the serial line with that domain's own `(name) `
 * prefix (CONSOLEIO_ringlet_write_as), console input given to the last
 * domain started, a flooding domain held to a budget a round. */
#ifndef CONSOLED_CONSOLED_H
#define CONSOLED_CONSOLED_H

#include <stdbool.h>
#include <stdint.h>

/* Starts its threads: false when there is no memory for them. */
bool consoled_start(void);

/* With a shell on the console instead: the output thread alone; console
 * input reaches a domain only through consoled_type. */
bool consoled_start_output(void);
/* Bytes typed for domain dom's console: false when it has none here. */
bool consoled_type(uint16_t dom, const char *p, uint32_t n);

#endif
