/* Event channels: one handler per port, called from the upcall with
 * events masked. A handler MUST NOT block or switch threads; it wakes
 * threads instead. */
#ifndef MG_EVENTS_H
#define MG_EVENTS_H

#include <stdbool.h>
#include <stdint.h>

#include "pvabi/event_channel.h"

typedef void (*evtchn_handler_t)(evtchn_port_t port, void *data);

/* Registers the upcalls with the hypervisor. */
void events_init(void);

/* Binds virq to a new port with handler h and unmasks it; returns the port
 * or a negative Xen error. */
long evtchn_bind_virq(uint32_t virq, evtchn_handler_t h, void *data);

/* Sets port's handler (for ports bound elsewhere) and unmasks it. */
void evtchn_set_handler(evtchn_port_t port, evtchn_handler_t h, void *data);

long evtchn_notify(evtchn_port_t port);
void evtchn_mask(evtchn_port_t port);
void evtchn_unmask(evtchn_port_t port);

/* Masks event delivery on this vCPU; returns the previous mask. */
unsigned events_mask_save(void);
/* Puts back a mask from events_mask_save; pending events run at once. */
void events_restore(unsigned mask);

/* The upcall's C half (entry.S). */
void do_upcall(void);

#endif
