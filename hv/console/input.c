#include "console/input.h"
#include "arch/arch.h"
#include "domain/domain.h"
#include "event/evtchn.h"

static char ring[CONSOLE_INPUT_SIZE];
static unsigned head, tail;          /* head - tail bytes wait */

void console_input_poll(void)
{
	int c;
	bool got = false;

	/* Bounded: a missing UART reads as a byte always ready. */
	for (unsigned n = 0; n < CONSOLE_INPUT_SIZE && (c = serial_getc()) >= 0; n++) {
		if (head - tail == CONSOLE_INPUT_SIZE)
			tail++;              /* full: the oldest byte goes */
		ring[head++ % CONSOLE_INPUT_SIZE] = (char)c;
		got = true;
	}
	if (!got)
		return;
	struct domain *dom0 = domain_by_id(0);
	if (dom0 && dom0->privileged)
		send_virq(dom0, VIRQ_CONSOLE);
}

size_t console_input_take(char *buf, size_t n)
{
	size_t got = 0;

	while (got < n && tail != head)
		buf[got++] = ring[tail++ % CONSOLE_INPUT_SIZE];
	return got;
}
