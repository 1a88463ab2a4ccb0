/* A domain's console ring served by the hypervisor (CONS-10): while no
 * backend has bound the domain's console port (it is still unbound, offered
 * to dom0), a send on it makes the hypervisor drain the ring's out side onto
 * the serial line, as console_io would, and fill its in side with serial
 * input when the domain is the input focus. Once a backend binds the port,
 * the hypervisor leaves the ring alone. */
#ifndef CONSOLE_RING_H
#define CONSOLE_RING_H

#include <stdbool.h>
#include <stdint.h>

struct domain;

struct console_ring {
	uint32_t mfn;         /* its console page; 0: none (dom0) */
	uint32_t port;        /* its end of the console's event channel */
	bool broken;          /* garbage seen: said once, served no more */
};

/* The builder gave d its console page mfn and port. */
void console_ring_attach(struct domain *d, uint32_t mfn, uint32_t port);

/* d sent on its unbound port: serve the ring if the port is its console's. */
void console_ring_kick(struct domain *d, uint32_t port);

/* Serial input waits and no privileged domain listens for it: give what fits to
 * the input focus (the last domain built whose ring the hypervisor
 * serves). */
void console_ring_input(void);

#endif
