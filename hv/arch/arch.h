/* The one door from generic code into arch/x86: what the rest of the
 * hypervisor may know about the machine. */
#ifndef ARCH_ARCH_H
#define ARCH_ARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "arch/x86/layout.h"
#include "arch/x86/cpu.h"

/* Stop the machine: QEMU exits with a success or failure status when the
 * isa-debug-exit device is present; otherwise the CPU halts for good. */
_Noreturn void machine_stop(bool success);

/* Program the hardware timer to interrupt at (or soon after) deadline_ns on
 * the clock of time/clock.h; 0 cancels it. */
void arch_timer_program(uint64_t deadline_ns);
const char *arch_timer_name(void);

/* Serial output for the console. */
void serial_write(const char *s, size_t n);

#endif
