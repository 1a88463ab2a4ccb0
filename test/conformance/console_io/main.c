/* console_io: HYPERVISOR_console_io(cmd, count, buf) (pvabi/console.h).
 *
 * Rules checked:
 *   CONS-1  CONSOLEIO_write of a string returns 0, also one longer than any
 *           internal chunk
 *   CONS-2  CONSOLEIO_write of 0 bytes returns 0 and reads nothing, so any
 *           pointer will do
 *   CONS-3  CONSOLEIO_write from memory the guest cannot read (NULL, an
 *           unmapped page, the hypervisor's hole, a buffer running off
 *           mapped memory) returns -XEN_EFAULT
 *   CONS-4  a huge count whose bytes are not all mapped returns -XEN_EFAULT
 *           (and the hypervisor survives it); CONS-3 and CONS-4 are
 *           instances of HCALL-5
 *   CONS-5  an unknown command returns -XEN_ENOSYS
 *   CONS-6  privileged domains only: CONSOLEIO_read of 0 bytes returns 0,
 *           and one of more than INT_MAX bytes -XEN_E2BIG
 *   CONS-11 ringlet's CONSOLEIO_ringlet_write_as from the privileged domain:
 *           a domid with no domain, or a reserved one, is -XEN_ESRCH; an
 *           unreadable buffer -XEN_EFAULT; its own id with 0 bytes 0. Xen
 *           has no such command: -XEN_ENOSYS there
 */
#include "guest.h"
#include "platform.h"

const char test_title[] = "console_io: writes, bad buffers, huge counts, bad commands";

static void writes(void)
{
	static const char line[] = "console_io: a line written with one CONSOLEIO_write\n";
	static char longer[300];
	long rc;

	rc = hypercall_console_io(CONSOLEIO_write, sizeof(line) - 1, line);
	check_rc("CONS-1", "a write of one line", rc, 0);

	for (unsigned i = 0; i < sizeof(longer) - 1; i++)
		longer[i] = (char)('a' + i % 26);
	longer[sizeof(longer) - 2] = '\n';
	rc = hypercall_console_io(CONSOLEIO_write, sizeof(longer) - 1, longer);
	check_rc("CONS-1", "a write of 299 bytes", rc, 0);

	rc = hypercall_console_io(CONSOLEIO_write, 0, line);
	check_rc("CONS-2", "a write of 0 bytes", rc, 0);
	rc = hypercall_console_io(CONSOLEIO_write, 0, NULL);
	check_rc("CONS-2", "a write of 0 bytes from NULL", rc, 0);
	rc = hypercall_console_io(CONSOLEIO_write, 0, (void *)(uintptr_t)initial_region_end());
	check_rc("CONS-2", "a write of 0 bytes from an unmapped page", rc, 0);
}

static void bad_buffers(void)
{
	uint32_t end = initial_region_end();
	/* Places the guest cannot read. Not the m2p table at 0xf5800000: the
	 * guest may read it, and so Xen (4.17) copies from it too. */
	const struct { const char *what; uint32_t va; uint32_t count; } bad[] = {
		{ "NULL", 0, 16 },
		{ "a small pointer", 0x1000, 16 },
		{ "an unmapped page", end, 16 },
		{ "a buffer running off mapped memory", end - 4, 16 },
		{ "the hypervisor's hole above the m2p", 0xff000000, 16 },
		{ "the top of the address space", 0xfffffff0, 16 },
		{ "a buffer wrapping around 4 GiB", 0xfffffff8, 16 },
	};
	char what[96];

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		format(what, sizeof(what), "a write of %u bytes from %s (%#x)", bad[i].count,
		       bad[i].what, bad[i].va);
		check_rc("CONS-3", what,
			 hypercall_console_io(CONSOLEIO_write, bad[i].count,
					      (void *)(uintptr_t)bad[i].va),
			 -XEN_EFAULT);
	}
}

static void huge_counts(void)
{
	uint32_t end = initial_region_end();
	/* Each buffer fails within its first bytes, so nothing is printed. */
	const struct { const char *what; uint32_t va; uint32_t count; } huge[] = {
		{ "NULL", 0, 0xffffffff },
		{ "NULL", 0, 0x80000000 },
		{ "8 bytes before unmapped memory", end - 8, 0x7fffffff },
		{ "8 bytes before unmapped memory", end - 8, 0xffffffff },
		{ "the hypervisor's hole above the m2p", 0xff000000, 0x10000000 },
	};
	char what[96];

	for (unsigned i = 0; i < sizeof(huge) / sizeof(huge[0]); i++) {
		format(what, sizeof(what), "a write of %#x bytes from %s (%#x)", huge[i].count,
		       huge[i].what, huge[i].va);
		check_rc("CONS-4", what,
			 hypercall_console_io(CONSOLEIO_write, huge[i].count,
					      (void *)(uintptr_t)huge[i].va),
			 -XEN_EFAULT);
	}
}

static void unknown_commands(void)
{
	static const uint32_t cmds[] = { 2, 3, 0x100, 0x7fffffff, 0x80000000, 0xffffffff };
	static const char text[] = "console_io: must not appear\n";
	char what[64];

	for (unsigned i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		format(what, sizeof(what), "unknown command %#x", cmds[i]);
		check_rc("CONS-5", what,
			 hypercall_console_io(cmds[i], sizeof(text) - 1, text), -XEN_ENOSYS);
	}
}

static void reads(void)
{
	static char in[16];

	if (!(start_info->flags & SIF_PRIVILEGED)) {
		printk("CONS-6 not checked: this domain is not privileged\n");
		return;
	}
	check_rc("CONS-6", "a read of 0 bytes",
		 hypercall_console_io(CONSOLEIO_read, 0, in), 0);
	check_rc("CONS-6", "a read of 0x80000000 bytes",
		 hypercall_console_io(CONSOLEIO_read, 0x80000000, in), -XEN_E2BIG);
	check_rc("CONS-6", "a read of 0xffffffff bytes into NULL",
		 hypercall_console_io(CONSOLEIO_read, 0xffffffff, NULL), -XEN_E2BIG);
}

static long write_as(uint32_t count, const void *buf, uint32_t domid)
{
	return hypercall4(__HYPERVISOR_console_io, CONSOLEIO_ringlet_write_as, count,
			  (uint32_t)(uintptr_t)buf, domid);
}

/* Domain 0 here: the conformance guest is the privileged domain. */
static void write_as_bad_input(void)
{
	static const char line[] = "console_io: a line written as domain 0\n";
	bool r = on_ringlet();

	check_rc("CONS-11", "write_as domain 0, 0 bytes", write_as(0, NULL, 0), r ? 0 : -XEN_ENOSYS);
	check_rc("CONS-11", "write_as domain 0", write_as(sizeof(line) - 1, line, 0),
		 r ? 0 : -XEN_ENOSYS);
	check_rc("CONS-11", "write_as domain 0 from NULL", write_as(16, NULL, 0),
		 r ? -XEN_EFAULT : -XEN_ENOSYS);
	check_rc("CONS-11", "write_as domain 0 from the hole", write_as(16, (void *)0xff000000u, 0),
		 r ? -XEN_EFAULT : -XEN_ENOSYS);
	check_rc("CONS-11", "write_as domain 1000 (none)", write_as(2, "x\n", 1000),
		 r ? -XEN_ESRCH : -XEN_ENOSYS);
	check_rc("CONS-11", "write_as DOMID_SELF (reserved)", write_as(2, "x\n", DOMID_SELF),
		 r ? -XEN_ESRCH : -XEN_ENOSYS);
	check_rc("CONS-11", "write_as domid 0xffffffff", write_as(2, "x\n", 0xffffffffu),
		 r ? -XEN_ESRCH : -XEN_ENOSYS);
}

void test_main(void)
{
	writes();
	bad_buffers();
	huge_counts();
	unknown_commands();
	reads();
	write_as_bad_input();
	test_success();
}
