/* Console output and input. Until console_init, and always in the initial
 * domain, output goes straight to the hypervisor's console (console_io), so
 * it works from the first instruction and inside trap handlers; its input
 * arrives as VIRQ_CONSOLE, and the handler drains the hypervisor's buffer
 * into ours and wakes readers. Another domain writes to and reads from its
 * console ring (console_ring.h) from console_init on, and goes back to
 * console_io when it ends or crashes. */
#include "kernel/console.h"

#include "kernel/console_ring.h"
#include "kernel/events.h"
#include "kernel/hypervisor.h"
#include "kernel/thread.h"
#include "pvabi/console.h"

#define INPUT_SIZE 1024

static char input[INPUT_SIZE];
static unsigned input_head, input_tail;   /* head - tail bytes are waiting */
static bool have_input;
static struct waitqueue readers;

long console_write(const char *buf, unsigned long len)
{
	unsigned long done = 0;

	if (console_ring_active()) {
		/* Writers in threads and in handlers take turns. */
		unsigned mask = events_mask_save();
		done = console_ring_write(buf, len);
		events_restore(mask);
	}

	while (done < len) {
		unsigned long n = len - done > 1024 ? 1024 : len - done;
		if (hypercall_console_io(CONSOLEIO_write, n, buf + done) < 0)
			break;
		done += n;
	}
	return (long)len;
}

static long fetch(char *buf, unsigned n)
{
	if (console_ring_active())
		return (long)console_ring_read(buf, n);
	return hypercall_console_io(CONSOLEIO_read, n, buf);
}

static void drain(evtchn_port_t port, void *data)
{
	(void)port;
	(void)data;
	for (;;) {
		unsigned used = input_head - input_tail;
		unsigned room = INPUT_SIZE - used, at = input_head % INPUT_SIZE;
		unsigned chunk = INPUT_SIZE - at < room ? INPUT_SIZE - at : room;
		if (chunk == 0)
			break;          /* full: the rest waits in the hypervisor */
		long n = fetch(input + at, chunk);
		if (n <= 0)
			break;
		input_head += (unsigned)n;
	}
	waitq_wake_all(&readers);
	fs_wake();              /* select and poll */
}

static void ring_input(void)
{
	drain(0, 0);
}

void console_init(void)
{
	/* Of the rest, only one domain hears the serial console (the control
	 * domain on Xen). */
	have_input = console_ring_open(ring_input) ||
		     evtchn_bind_virq(VIRQ_CONSOLE, drain, 0) >= 0;
	if (have_input)
		drain(0, 0);
}

bool console_readable(void)
{
	return !have_input || input_head != input_tail;
}

long console_read(char *buf, unsigned long len)
{
	unsigned long n = 0;

	if (len == 0 || !have_input)
		return 0;
	wait_until(&readers, input_head != input_tail);
	while (n < len && input_head != input_tail)
		buf[n++] = input[input_tail++ % INPUT_SIZE];
	/* The hypervisor may hold more than fitted last time; the upcall
	 * drains too, so not at the same time. */
	unsigned mask = events_mask_save();
	drain(0, 0);
	events_restore(mask);
	return (long)n;
}
