#include "console/input.h"
#include "arch/arch.h"
#include "domain/domain.h"
#include "event/evtchn.h"
#include "console/ring.h"

static char ring[CONSOLE_INPUT_SIZE];
static unsigned head, tail;          /* head - tail bytes wait */

static void keep(char c)
{
	if (head - tail == CONSOLE_INPUT_SIZE)
		tail++;              /* full: the oldest byte goes */
	ring[head++ % CONSOLE_INPUT_SIZE] = c;
}

void console_input_poll(void)
{
	int c;
	bool got = false;

	/* Bounded: a missing UART reads as a byte always ready. */
	for (unsigned n = 0; n < CONSOLE_INPUT_SIZE && (c = serial_getc()) >= 0; n++) {
		keep((char)c);
		got = true;
	}
	struct domain *dom0 = domain_by_id(0);
	if (dom0 && dom0->privileged && dom0->state == DOMAIN_RUNNING &&
	    dom0->evtchn.virq_port[VIRQ_CONSOLE]) {
		if (got)
			send_virq(dom0, VIRQ_CONSOLE);
	} else if (head != tail) {
		console_ring_input();      /* what did not fit waits for the next poll */
	}
}

/* Reads of an idle line after which typing ahead is taken to be over. */
#define EARLY_QUIET_READS 200000

void console_input_take_early(void)
{
	unsigned quiet = 0, n = 0;

	while (quiet < EARLY_QUIET_READS && n < CONSOLE_INPUT_SIZE) {
		int c = serial_getc();
		if (c < 0) {
			quiet++;
			continue;
		}
		keep((char)c);
		quiet = 0;
		n++;
	}
}

size_t console_input_take(char *buf, size_t n)
{
	size_t got = 0;

	while (got < n && tail != head)
		buf[got++] = ring[tail++ % CONSOLE_INPUT_SIZE];
	return got;
}
