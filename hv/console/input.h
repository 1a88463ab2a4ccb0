/* Serial input for the privileged domain: bytes are gathered on every
 * console poll (each scheduler tick), raise VIRQ_CONSOLE, and wait in a
 * small ring until CONSOLEIO_read takes them. When no running privileged
 * domain has bound VIRQ_CONSOLE they go to the console ring of the input
 * focus instead (console/ring.h). */
#ifndef CONSOLE_INPUT_H
#define CONSOLE_INPUT_H

#include <stddef.h>

#define CONSOLE_INPUT_SIZE 512       /* bytes kept; older ones are dropped */

void console_input_poll(void);
/* Before the UART is set up (which clears its FIFO): what was typed ahead
 * of the hypervisor. The UART (QEMU's, a FIFO-less one) hands over the next
 * byte only once the last was read, so this reads until the line has been
 * idle for a while. */
void console_input_take_early(void);
/* Up to n waiting bytes into buf; returns how many. */
size_t console_input_take(char *buf, size_t n);

#endif
