/* Verdicts and checks (lib/test.h). */
#include <stdarg.h>

#include "console.h"
#include "exit.h"
#include "hypercall.h"
#include "lib/format.h"
#include "pvabi/errno.h"
#include "pvabi/sched.h"
#include "test.h"

enum status { ST_NONE, ST_SUCCESS, ST_SKIP, ST_ERROR, ST_FAILURE };

static const char *const status_word[] = {
	[ST_NONE] = "ERROR", [ST_SUCCESS] = "SUCCESS", [ST_SKIP] = "SKIP",
	[ST_ERROR] = "ERROR", [ST_FAILURE] = "FAILURE",
};

static enum status status = ST_NONE;
static unsigned checks_passed, checks_failed;

static void raise_status(enum status s)
{
	if (s > status)
		status = s;
}

static void report(enum status s, const char *tag, const char *fmt, va_list ap)
{
	char msg[PRINTK_MAX - 16];

	vformat(msg, sizeof(msg), fmt, ap);
	printk("%s: %s\n", tag, msg);
	raise_status(s);
}

void test_success(void)
{
	raise_status(ST_SUCCESS);
}

void test_skip(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(ST_SKIP, "SKIP", fmt, ap);
	va_end(ap);
}

void test_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(ST_ERROR, "ERROR", fmt, ap);
	va_end(ap);
}

void test_failure(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(ST_FAILURE, "FAILURE", fmt, ap);
	va_end(ap);
}

void test_finish(void)
{
	if (status == ST_NONE)
		printk("ERROR: test_main returned without a verdict\n");
	printk("%u check(s) passed, %u failed\n", checks_passed, checks_failed);
	printk("Test result: %s\n", status_word[status]);
	guest_shutdown(SHUTDOWN_poweroff);
}

void panic(const char *fmt, ...)
{
	char msg[PRINTK_MAX - 16];
	va_list ap;

	va_start(ap, fmt);
	vformat(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk("PANIC: %s\n", msg);
	guest_shutdown(SHUTDOWN_crash);
}

static bool verdict(const char *rule, bool ok, bool quiet, const char *what,
		    const char *seen)
{
	if (ok) {
		checks_passed++;
		if (!quiet)
			printk("ok   %s: %s%s\n", rule, what, seen);
		return true;
	}
	checks_failed++;
	printk("FAIL %s: %s%s\n", rule, what, seen);
	raise_status(ST_FAILURE);
	return false;
}

static bool vcheck(const char *rule, bool ok, bool quiet, const char *fmt, va_list ap)
{
	char what[512];

	vformat(what, sizeof(what), fmt, ap);
	return verdict(rule, ok, quiet, what, "");
}

bool check(const char *rule, bool ok, const char *fmt, ...)
{
	va_list ap;
	bool r;

	va_start(ap, fmt);
	r = vcheck(rule, ok, false, fmt, ap);
	va_end(ap);
	return r;
}

bool expect(const char *rule, bool ok, const char *fmt, ...)
{
	va_list ap;
	bool r;

	va_start(ap, fmt);
	r = vcheck(rule, ok, true, fmt, ap);
	va_end(ap);
	return r;
}

bool check_eq(const char *rule, const char *what, long long got, long long want)
{
	char seen[64];

	if (got == want)
		format(seen, sizeof(seen), " (%lld)", got);
	else
		format(seen, sizeof(seen), ": got %lld, want %lld", got, want);
	return verdict(rule, got == want, false, what, seen);
}

bool check_eq_hex(const char *rule, const char *what, uint64_t got, uint64_t want)
{
	char seen[64];

	if (got == want)
		format(seen, sizeof(seen), " (%#llx)", (unsigned long long)got);
	else
		format(seen, sizeof(seen), ": got %#llx, want %#llx",
		       (unsigned long long)got, (unsigned long long)want);
	return verdict(rule, got == want, false, what, seen);
}

static int format_rc(char *buf, unsigned size, long rc)
{
	const char *name = errno_name(rc);

	if (name)
		return format(buf, size, "%ld (%s)", rc, name);
	return format(buf, size, "%ld", rc);
}

static bool rc_verdict(const char *rule, const char *what, long got, long want, bool quiet)
{
	char g[32], w[32], seen[80];

	format_rc(g, sizeof(g), got);
	format_rc(w, sizeof(w), want);
	if (got == want)
		format(seen, sizeof(seen), " (%s)", g);
	else
		format(seen, sizeof(seen), ": got %s, want %s", g, w);
	return verdict(rule, got == want, quiet, what, seen);
}

bool check_rc(const char *rule, const char *what, long got, long want)
{
	return rc_verdict(rule, what, got, want, false);
}

bool expect_rc(const char *rule, const char *what, long got, long want)
{
	return rc_verdict(rule, what, got, want, true);
}

const char *errno_name(long rc)
{
	static const struct { int nr; const char *name; } names[] = {
		{ XEN_EPERM, "EPERM" }, { XEN_ENOENT, "ENOENT" }, { XEN_ESRCH, "ESRCH" },
		{ XEN_EINTR, "EINTR" }, { XEN_EIO, "EIO" }, { XEN_ENXIO, "ENXIO" },
		{ XEN_E2BIG, "E2BIG" }, { XEN_ENOEXEC, "ENOEXEC" }, { XEN_EBADF, "EBADF" },
		{ XEN_ECHILD, "ECHILD" }, { XEN_EAGAIN, "EAGAIN" }, { XEN_ENOMEM, "ENOMEM" },
		{ XEN_EACCES, "EACCES" }, { XEN_EFAULT, "EFAULT" }, { XEN_EBUSY, "EBUSY" },
		{ XEN_EEXIST, "EEXIST" }, { XEN_EXDEV, "EXDEV" }, { XEN_ENODEV, "ENODEV" },
		{ XEN_EINVAL, "EINVAL" }, { XEN_ENFILE, "ENFILE" }, { XEN_EMFILE, "EMFILE" },
		{ XEN_ENOSPC, "ENOSPC" }, { XEN_EROFS, "EROFS" }, { XEN_EMLINK, "EMLINK" },
		{ XEN_EDOM, "EDOM" }, { XEN_ERANGE, "ERANGE" }, { XEN_EDEADLK, "EDEADLK" },
		{ XEN_ENAMETOOLONG, "ENAMETOOLONG" }, { XEN_ENOLCK, "ENOLCK" },
		{ XEN_ENOSYS, "ENOSYS" }, { XEN_ENOTEMPTY, "ENOTEMPTY" },
		{ XEN_ENODATA, "ENODATA" }, { XEN_ETIME, "ETIME" }, { XEN_EBADMSG, "EBADMSG" },
		{ XEN_EOVERFLOW, "EOVERFLOW" }, { XEN_EILSEQ, "EILSEQ" },
		{ XEN_ERESTART, "ERESTART" }, { XEN_ENOTSOCK, "ENOTSOCK" },
		{ XEN_EMSGSIZE, "EMSGSIZE" }, { XEN_EOPNOTSUPP, "EOPNOTSUPP" },
		{ XEN_EADDRINUSE, "EADDRINUSE" }, { XEN_EADDRNOTAVAIL, "EADDRNOTAVAIL" },
		{ XEN_ENOBUFS, "ENOBUFS" }, { XEN_EISCONN, "EISCONN" },
		{ XEN_ENOTCONN, "ENOTCONN" }, { XEN_ETIMEDOUT, "ETIMEDOUT" },
		{ XEN_ECONNREFUSED, "ECONNREFUSED" },
	};

	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (rc == -names[i].nr)
			return names[i].name;
	return 0;
}
