/* __HYPERVISOR_console_io (18): a guest's debug console. Writes appear on
 * the hypervisor's console as they come, each line prefixed with the
 * domain's name (console/lines.h); reads (privileged domains only) take
 * what has arrived on the serial line, which VIRQ_CONSOLE announces. The
 * privileged domain's console backend writes other domains' lines with
 * their own prefix (CONSOLEIO_ringlet_write_as). */
#include "hypercall/hypercall.h"
#include "hypercall/budget.h"
#include "console/input.h"
#include "arch/x86/uaccess.h"
#include "console/console.h"
#include "console/filter.h"
#include "domain/domain.h"
#include "pvabi/console.h"
#include "sched/sched.h"

#define CHUNK 128

/* a4 and a5 are the guest's esi and edi, which a continuation keeps; cmd
 * is CONSOLEIO_write, or CONSOLEIO_ringlet_write_as with d named by a4. */
static int32_t console_write_from(uint32_t cmd, struct domain *d, uint32_t count,
				  guest_ptr_t buf, uint32_t a4, uint32_t a5)
{
	char chunk[CHUNK];

	for (uint32_t done = 0; done < count; done += CHUNK) {
		if (done > 0 && budget_spent())
			return hypercall_continue(__HYPERVISOR_console_io, cmd,
						  count - done, guest_ptr_va(buf) + done, a4, a5);
		uint32_t n = count - done < CHUNK ? count - done : CHUNK;
		budget_charge(CHUNK / 32);     /* every byte is looked at */
		if (copy_from_guest(chunk, guest_ptr_add(buf, done, 1), n) < 0)
			return -XEN_EFAULT;
		console_guest_write(d, d->label, d->label_len, chunk, console_filter(chunk, n));
	}
	return 0;
}

/* A backend writing for another domain: the privileged domain only, and a
 * domain that exists (dying ones included: their last lines still come). */
static int32_t console_write_as(uint32_t count, guest_ptr_t buf, uint32_t domid, uint32_t a5)
{
	struct domain *d = domid < DOMID_FIRST_RESERVED ? domain_by_id((uint16_t)domid) : 0;

	if (!current->d->privileged)
		return -XEN_EPERM;
	if (!d || d->state == DOMAIN_DEAD)
		return -XEN_ESRCH;
	return console_write_from(CONSOLEIO_ringlet_write_as, d, count, buf, domid, a5);
}

static int32_t console_read_to(struct domain *d, uint32_t count, guest_ptr_t buf)
{
	char chunk[CHUNK];

	if (!d->privileged)
		return -XEN_EPERM;
	if (count > INT32_MAX)
		return -XEN_E2BIG;
	console_input_poll();
	uint32_t got = (uint32_t)console_input_take(chunk, count < CHUNK ? count : CHUNK);
	if (got && copy_to_guest(buf, chunk, got) < 0)
		return -XEN_EFAULT;
	return (int32_t)got;
}

HYPERCALL(console_io)
{
	switch (a1) {
	case CONSOLEIO_write:
		return console_write_from(CONSOLEIO_write, current->d, a2, guest_ptr(a3), a4, a5);
	case CONSOLEIO_ringlet_write_as:
		return console_write_as(a2, guest_ptr(a3), a4, a5);
	case CONSOLEIO_read:
		return console_read_to(current->d, a2, guest_ptr(a3));
	default:
		return -XEN_ENOSYS;
	}
}
