/* How much work one trap into the hypervisor may do before it gives the CPU
 * back. A hypercall charges what it does (a page-table entry checked or
 * dropped, a request of a batch, 64 bytes copied: one unit each) and, once
 * the budget is spent, records how far it got and continues the next time
 * the guest runs; interrupts are taken and other domains scheduled in
 * between. So no domain delays another by more than one budget, whatever
 * it asks for: inside a multicall, inside a page-table validation, or in a
 * single request that cascades.
 *
 * Outside a hypercall (the domain builder at boot) nothing is budgeted. */
#ifndef HYPERCALL_BUDGET_H
#define HYPERCALL_BUDGET_H

#include <stdbool.h>
#include <stdint.h>

/* Units per trap: about 100 us of work under QEMU's TCG, a few us on
 * hardware (test/bench/run lateness measures what it costs a neighbour). */
#define HYPERCALL_BUDGET 2048

void budget_start(void);
/* The same with another budget: the host tests slice small tables. */
void budget_start_at(uint32_t units);
void budget_stop(void);
void budget_charge(uint32_t units);
/* True once a budgeted hypercall has used up its budget: time to continue
 * later. Never true outside a hypercall. */
bool budget_spent(void);
/* True inside a hypercall, which can continue later. */
bool budget_armed(void);

#endif
