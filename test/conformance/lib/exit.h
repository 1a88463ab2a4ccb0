/* Ending the domain: a conformance guest's last hypercall. */
#ifndef CONFORMANCE_EXIT_H
#define CONFORMANCE_EXIT_H

#include <stdint.h>

/* SCHEDOP_shutdown with a SHUTDOWN_* reason; tried again (after a yield)
 * for as long as the hypervisor refuses it. */
__attribute__((noreturn)) void guest_shutdown(uint32_t reason);

/* The same with a program's exit status, through ringlet's
 * SCHEDOP_ringlet_exit. A hypervisor that does not know it (Xen: -ENOSYS)
 * gets a plain SCHEDOP_shutdown instead, which carries the reason alone;
 * the guest says so on its console first, so the status is not lost. */
__attribute__((noreturn)) void guest_exit(uint32_t reason, int32_t status);

#endif
