/* A domU's console: its ring page (start_info.console.domU), shared with a
 * backend (dom0's consoled, or the hypervisor while nobody has bound the
 * port: CONS-10). The initial domain has none and keeps console_io. */
#ifndef MG_CONSOLE_RING_H
#define MG_CONSOLE_RING_H

#include <stdbool.h>

/* Finds the ring and takes its port's events, which call input(); false
 * when this domain has none. */
bool console_ring_open(void (*input)(void));

/* Whether output goes to the ring (opened, not yet let go of). */
bool console_ring_active(void);

/* Puts len bytes on the ring, waiting for room when it is full (the vCPU
 * sleeps until the backend's event: usable from any context). Returns how
 * many went: fewer only when the ring turned out broken, and it is let go
 * of; the rest is the caller's. */
unsigned long console_ring_write(const char *buf, unsigned long len);

/* Up to len bytes of input: how many. */
unsigned long console_ring_read(char *buf, unsigned long len);

/* Waits a bounded time for the backend to take what is on the ring, then
 * stops using it (the domain ends or panics: console_io from now on). */
void console_ring_close(void);

#endif
