/* console_input: the serial line's input reaches the privileged domain.
 * Its boot test types "ringlet says hello" on the serial console.
 *
 * Rules checked:
 *   CONS-7  bytes arriving on the serial line raise VIRQ_CONSOLE for the
 *           privileged domain, and CONSOLEIO_read returns them in order
 */
#include "guest.h"
#include "systime.h"
#include "pvabi/event_channel.h"

const char test_title[] = "console_input: serial input reaches the privileged domain";

#define EXPECTED   "ringlet says hello"
#define WAIT_NS    5000000000ull

void test_main(void)
{
	char line[64];
	unsigned len = 0, virqs = 0;

	if (!(start_info->flags & SIF_PRIVILEGED)) {
		test_skip("only the privileged domain reads the console");
		return;
	}
	struct evtchn_bind_virq b = { .virq = VIRQ_CONSOLE, .vcpu = 0 };
	long rc = page_hypercall(__HYPERVISOR_event_channel_op, EVTCHNOP_bind_virq,
				 (uint32_t)&b, 0, 0, 0);
	if (!check_rc("CONS-7", "bind_virq(VIRQ_CONSOLE)", rc, 0))
		return;
	uint32_t w = b.port / 32, bit = 1u << (b.port % 32);
	shared_info->evtchn_mask[w] |= bit;
	printk("waiting for a line on the console\n");

	uint64_t give_up = system_time_ns(NULL) + WAIT_NS;
	while (len < sizeof(line) - 1 && (len == 0 || line[len - 1] != '\n') && system_time_ns(NULL) < give_up) {
		uint32_t ports[1] = { b.port };
		struct sched_poll p = { .nr_ports = 1, .timeout = give_up };
		set_xen_guest_handle(p.ports, ports);
		hypercall_sched_op(SCHEDOP_poll, &p);
		if (shared_info->evtchn_pending[w] & bit) {
			shared_info->evtchn_pending[w] &= ~bit;
			virqs++;
		}
		rc = hypercall_console_io(CONSOLEIO_read, sizeof(line) - 1 - len, line + len);
		if (rc < 0) {
			check_rc("CONS-7", "CONSOLEIO_read", rc, 0);
			return;
		}
		len += (unsigned)rc;
	}
	line[len] = '\0';
	while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		line[--len] = '\0';
	check("CONS-7", virqs > 0, "VIRQ_CONSOLE was raised (%u times)", virqs);
	check("CONS-7", strcmp(line, EXPECTED) == 0, "CONSOLEIO_read returned \"%s\"", line);
	test_success();
}
