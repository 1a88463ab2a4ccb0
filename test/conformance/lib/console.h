/* Console output of a conformance guest: the hypervisor's console, through
 * HYPERVISOR_console_io(CONSOLEIO_write) (console.c), and miniguest's printk
 * over it (miniguest/kernel/printk.h: the project's formatter, snprintf
 * semantics, no floating point). */
#ifndef CONFORMANCE_CONSOLE_H
#define CONFORMANCE_CONSOLE_H

#include "kernel/printk.h"

#endif
