/* Event and failsafe callbacks for tests that unmask events.
 *
 * A test that clears vcpu_info.evtchn_upcall_mask (or makes the hypervisor
 * clear it: HYPERVISOR_iret with IF set, SCHEDOP_block) lets the hypervisor
 * enter the event callback whenever evtchn_upcall_pending is set. With no
 * callback registered, Xen crashes the domain then. callbacks_init()
 * registers (set_callbacks) an event callback that counts the upcall,
 * clears evtchn_upcall_pending and returns with events masked (the
 * hypervisor masks them on entry and the plain iret keeps them so), and a
 * failsafe callback that reports the failure and crashes the guest: the
 * hypervisor enters it only when a return to the guest failed, which no
 * test expects.
 *
 * The event callback's frame is kept for tests that look at it: the
 * hypervisor builds it like an exception's (TRAP-1) without an error code:
 * eip, cs (bits 16-23: the saved mask), eflags. */
#ifndef CONFORMANCE_CALLBACKS_H
#define CONFORMANCE_CALLBACKS_H

#include <stdint.h>

extern volatile uint32_t upcall_count;
/* The last upcall's frame: eip, cs, eflags; %cs, the stack pointer (where
 * the frame starts) and vcpu_info[0].evtchn_upcall_mask inside the
 * callback. */
extern volatile uint32_t upcall_frame[3];
extern volatile uint32_t upcall_cs, upcall_esp, upcall_mask;

void event_callback_entry(void);
void failsafe_callback_entry(void);

/* set_callbacks(FLAT_RING1_CS, event_callback_entry, FLAT_RING1_CS,
 * failsafe_callback_entry); its result. */
long callbacks_init(void);

/* A second event callback, to tell which one the hypervisor entered: it
 * counts in other_count, clears evtchn_upcall_pending and returns. */
extern volatile uint32_t other_count;
void other_callback(void);

/* Makes one upcall happen: pending while masked, unmask, one hypercall.
 * Leaves events masked again (the callbacks return with them masked). */
void callbacks_raise_upcall(void);

#endif
