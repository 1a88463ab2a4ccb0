/* xsa122: xen_version copies nothing but its answer (XSA-122).
 *
 * XSA-122: XENVER_extraversion, compile_info, capabilities and changeset
 * copied whole fixed-size buffers from the hypervisor's stack after the
 * string, leaking what the stack held. Each answer must be its string and
 * zeros to the end of the buffer.
 *
 * Rules checked:
 *   XSA122-1  every byte after a string's NUL, to the end of its fixed-size
 *             field, is zero (extraversion 16, capabilities 1024, changeset
 *             64, each of compile_info's four strings); a command refused
 *             with an error writes nothing
 */
#include "guest.h"

const char test_title[] = "xsa122: xen_version answers hold no stale bytes after their strings";

#define GUARD 0xa5

static uint8_t buf[1024 + 64];

/* Bytes of field [at, at + size) after its first NUL that are not zero. */
static unsigned stale_bytes(unsigned at, unsigned size)
{
	unsigned i = at, n = 0;

	while (i < at + size && buf[i])
		i++;
	for (; i < at + size; i++)
		n += buf[i] != 0;
	return n;
}

static void one(uint32_t cmd, const char *name, const unsigned *fields, const unsigned *sizes,
		unsigned nfields, unsigned total)
{
	memset(buf, GUARD, sizeof(buf));
	long rc = hypercall_xen_version(cmd, buf);
	if (rc < 0) {
		unsigned touched = 0;
		for (unsigned i = 0; i < sizeof(buf); i++)
			touched += buf[i] != GUARD;
		check("XSA122-1", touched == 0, "%s refused (%s): %u bytes written", name,
		      errno_name(rc) ? errno_name(rc) : "?", touched);
		return;
	}
	unsigned stale = 0;
	for (unsigned f = 0; f < nfields; f++)
		stale += stale_bytes(fields[f], sizes[f]);
	check("XSA122-1", stale == 0, "%s: %u non-zero byte(s) after the string(s) in %u bytes",
	      name, stale, total);
}

void test_main(void)
{
	static const unsigned at0[] = { 0 };
	static const unsigned s16[] = { 16 }, s1024[] = { 1024 }, s64[] = { 64 };
	static const unsigned ci_at[] = {
		offsetof(struct xen_compile_info, compiler),
		offsetof(struct xen_compile_info, compile_by),
		offsetof(struct xen_compile_info, compile_domain),
		offsetof(struct xen_compile_info, compile_date),
	};
	static const unsigned ci_size[] = { 64, 16, 32, 32 };

	one(XENVER_extraversion, "XENVER_extraversion", at0, s16, 1, 16);
	one(XENVER_capabilities, "XENVER_capabilities", at0, s1024, 1, 1024);
	one(XENVER_changeset, "XENVER_changeset", at0, s64, 1, 64);
	one(XENVER_compile_info, "XENVER_compile_info", ci_at, ci_size, 4,
	    sizeof(struct xen_compile_info));
	test_success();
}
