/* A store client: what a frontend does with the store, each step checked
 * and printed; with "bench", the read round trip timed beside a null
 * hypercall and writes per second beside reads per second. */
#include <stdio.h>
#include <string.h>

#include "kernel/hypervisor.h"
#include "kernel/frames.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "pvabi/version.h"
#include "store/client.h"

#define ROUNDS 200

static unsigned failed;

static void expect(const char *what, int rc, int want)
{
	bool ok = rc == want;
	failed += !ok;
	printf("xsclient: %s %s: %s\n", ok ? "ok  " : "FAIL", what,
	       rc >= 0 ? "done" : xs_error_name(rc));
}

/* An error the store names (or "OK" for none). */
static void expect_err(const char *what, int rc, const char *want)
{
	const char *got = rc >= 0 ? "OK" : xs_error_name(rc);
	bool ok = strcmp(got, want) == 0;
	failed += !ok;
	printf("xsclient: %s %s: %s\n", ok ? "ok  " : "FAIL", what, got);
}

static int raw(uint32_t type, uint32_t tx, const char *payload, uint32_t len)
{
	char out[64];
	return xs_talk(type, tx, payload, len, out, sizeof(out), NULL);
}

/* The message types a frontend does not use every day, and transactions
 * that conflict (STORE-7) or do not. */
static void more_types(void)
{
	uint32_t t1, t2;

	expect_err("MKDIR data/dir", raw(XS_MKDIR, 0, "data/dir", 9), "OK");
	expect_err("SET_PERMS data/dir b1 r0", raw(XS_SET_PERMS, 0, "data/dir\0b1\0r0", 15), "OK");
	expect_err("SET_PERMS giving it away", raw(XS_SET_PERMS, 0, "data/dir\0b2", 12), "EPERM");
	expect_err("RM data/dir", raw(XS_RM, 0, "data/dir", 9), "OK");
	expect_err("RM it again", raw(XS_RM, 0, "data/dir", 9), "OK");
	expect_err("UNWATCH data w1", raw(XS_UNWATCH, 0, "data\0w1", 8), "OK");
	expect_err("UNWATCH it again", raw(XS_UNWATCH, 0, "data\0w1", 8), "ENOENT");
	expect_err("RESET_WATCHES", raw(XS_RESET_WATCHES, 0, "", 1), "OK");
	expect_err("INTRODUCE from a domU", raw(XS_INTRODUCE, 0, "5\0" "1\0" "1", 6), "EACCES");
	expect_err("RELEASE from a domU", raw(XS_RELEASE, 0, "1", 2), "EACCES");
	expect_err("IS_DOMAIN_INTRODUCED from a domU", raw(XS_IS_DOMAIN_INTRODUCED, 0, "1", 2),
		   "EACCES");
	expect_err("CONTROL", raw(XS_CONTROL, 0, "x", 2), "ENOSYS");
	expect_err("an unknown type", raw(99, 0, "x", 2), "EINVAL");
	xs_write(0, "data/c1", "0");
	xs_write(0, "data/c2", "0");
	xs_transaction_start(&t1);
	xs_transaction_start(&t2);
	xs_write(t1, "data/c1", "t1");
	xs_write(t2, "data/c2", "t2");
	expect_err("disjoint transactions: the first commits", xs_transaction_end(t1, true), "OK");
	expect_err("disjoint transactions: the second commits", xs_transaction_end(t2, true), "OK");
	xs_transaction_start(&t1);
	xs_transaction_start(&t2);
	xs_write(t1, "data/c1", "again");
	xs_write(t2, "data/c1", "lost");
	expect_err("one node in both: the first commits", xs_transaction_end(t1, true), "OK");
	expect_err("one node in both: the second", xs_transaction_end(t2, true), "EAGAIN");
}

static void expect_str(const char *what, const char *got, const char *want)
{
	bool ok = strcmp(got, want) == 0;
	failed += !ok;
	printf("xsclient: %s %s: '%s'\n", ok ? "ok  " : "FAIL", what, got);
}

/* ns per call of body, over ROUNDS calls. */
static uint64_t per_call(void (*body)(unsigned))
{
	uint64_t t0 = time_now_ns();
	for (unsigned i = 0; i < ROUNDS; i++)
		body(i);
	return (time_now_ns() - t0) / ROUNDS;
}

static void one_read(unsigned i)
{
	char v[16];
	(void)i;
	xs_read(0, "data/greeting", v, sizeof(v));
}

static void one_write(unsigned i)
{
	char v[16];
	snprintf(v, sizeof(v), "%u", i);
	xs_write(0, "data/counter", v);
}

static void null_hypercall(unsigned i)
{
	(void)i;
	hypercall_xen_version(XENVER_version, NULL);
}

/* The figures, as BENCH lines (test/bench/storebench.py). */
static int bench(void)
{
	if (xs_write(0, "data/greeting", "hello") < 0)
		return 1;
	one_read(0);
	one_write(0);
	uint64_t rt = per_call(one_read), floor = per_call(null_hypercall);
	uint64_t wr = per_call(one_write), rd = per_call(one_read);
	printf("BENCH {\"metric\": \"read_round_trip\", \"value\": %llu, \"unit\": \"ns\", "
	       "\"floor\": %llu}\n", (unsigned long long)rt, (unsigned long long)floor);
	printf("BENCH {\"metric\": \"writes_per_second\", \"value\": %llu, \"unit\": \"1/s\", "
	       "\"floor\": %llu}\n", 1000000000ull / (wr ? wr : 1), 1000000000ull / (rd ? rd : 1));
	printf("Test result: SUCCESS\n");
	return 0;
}

/* ---- several threads, callbacks, retried transactions ---------------- */

#define WRITERS  3
#define WRITES   30

static volatile unsigned writers_done, wrong_reads, cb_events, attempts;

/* Each writer writes and reads back its own node: with requests put
 * together in a shared buffer, a writer waiting for its turn would send
 * another's. */
static void writer(void *arg)
{
	unsigned id = (unsigned)(uintptr_t)arg;
	char path[32], value[32], got[32];

	for (unsigned n = 0; n < WRITES; n++) {
		snprintf(path, sizeof(path), "data/w%u", id);
		snprintf(value, sizeof(value), "writer %u, write %u", id, n);
		if (xs_write(0, path, value) < 0 || xs_read(0, path, got, sizeof(got)) < 0 ||
		    strcmp(got, value) != 0)
			wrong_reads++;
	}
	writers_done++;
	thread_exit();
}

static void expect_count(const char *what, unsigned got, unsigned want)
{
	failed += got != want;
	printf("xsclient: %s %s: %u\n", got == want ? "ok  " : "FAIL", what, got);
}

static void on_cb(const char *path, void *arg)
{
	(void)arg;
	if (strcmp(path, "data/cb") == 0)
		cb_events++;
}

/* Reads data/r in the transaction; the first time, a write from outside
 * makes the commit conflict. */
static int bump(uint32_t tx, void *arg)
{
	char v[16];
	(void)arg;
	attempts++;
	xs_read(tx, "data/r", v, sizeof(v));
	if (attempts == 1)
		xs_write(0, "data/r", "outside");
	return xs_write(tx, "data/r", "inside");
}

static void threads_and_helpers(void)
{
	char v[32];

	for (unsigned i = 0; i < WRITERS; i++)
		if (!thread_create("writer", writer, (void *)(uintptr_t)i, 16 * 1024))
			writers_done++, wrong_reads++;
	uint64_t deadline = time_now_ns() + 30000000000ull;
	while (writers_done < WRITERS && time_now_ns() < deadline)
		thread_sleep_ns(10000000);
	expect_count("threads' writes not read back as written", wrong_reads, 0);

	xs_write(0, "data/r", "start");
	expect_err("a transaction retried after a conflict",
		   xs_transaction_retry(bump, NULL, 5), "OK");
	expect_count("its attempts", attempts, 2);
	xs_read(0, "data/r", v, sizeof(v));
	expect_str("its write stayed", v, "inside");

	/* Last: the callback thread takes every watch event from now on. */
	expect("watch data/cb with a callback", xs_watch_callback("data/cb", "cb", on_cb, NULL), 0);
	xs_write(0, "data/cb", "1");
	deadline = time_now_ns() + 10000000000ull;
	while (cb_events < 2 && time_now_ns() < deadline)
		thread_sleep_ns(10000000);
	expect_count("callbacks for data/cb (set, written)", cb_events, 2);
}

int main(int argc, char **argv)
{
	char v[256], path[64], token[64];
	uint32_t tx;

	if (xs_open() < 0) {
		printf("xsclient: no store page in start_info\n");
		return 1;
	}
	if (argc > 1 && strcmp(argv[1], "bench") == 0)
		return bench();
	uint32_t len;
	xs_talk(XS_GET_DOMAIN_PATH, 0, "1", 2, v, sizeof(v), &len);
	printf("xsclient: my home is %s\n", v);
	/* The home domain 0 wrote before introducing us (as xl does). */
	xs_read(0, "name", v, sizeof(v));
	expect_str("name", v, "client");
	xs_read(0, "domid", v, sizeof(v));
	expect_str("domid", v, "1");
	xs_read(0, "console/type", v, sizeof(v));
	expect_str("console/type", v, "xenconsoled");
	xs_read(0, "store/port", v, sizeof(v));
	expect_str("store/port", v, "1");
	char want[32];
	snprintf(want, sizeof(want), "%lu", (unsigned long)start_info->store_mfn);
	xs_read(0, "store/ring-ref", v, sizeof(v));
	expect_str("store/ring-ref is start_info's store_mfn", v, want);
	snprintf(want, sizeof(want), "%lu", (unsigned long)start_info->console.domU.mfn);
	xs_read(0, "console/ring-ref", v, sizeof(v));
	expect_str("console/ring-ref is start_info's console mfn", v, want);
	xs_talk(XS_GET_PERMS, 0, "/local/domain/1", 16, v, sizeof(v), &len);
	expect("my home is domain 0's, readable by me (n0 r1)",
	       len == 6 && memcmp(v, "n0\0r1", 6) == 0 ? 0 : -1, 0);
	expect("the name is not mine to change", xs_write(0, "name", "evil"), -2 - 1);
	expect("control/shutdown is mine", xs_write(0, "control/shutdown", ""), 0);
	expect("write data/greeting", xs_write(0, "data/greeting", "hello"), 0);
	v[0] = 0;
	xs_read(0, "data/greeting", v, sizeof(v));
	expect_str("read it back", v, "hello");
	expect("a node that is not there", xs_read(0, "data/none", v, sizeof(v)), -2 - 4);
	expect("domain 0's part of the store", xs_read(0, "/local/domain", v, sizeof(v)),
	       -2 - 1);
	expect("watch data", xs_watch("data", "w1"), 0);
	bool got = xs_next_event(path, token, sizeof(path), time_now_ns() + 1000000000u);
	expect_str("the watch's first event", got ? path : "(none)", "data");
	expect("write data/x", xs_write(0, "data/x", "1"), 0);
	got = xs_next_event(path, token, sizeof(path), time_now_ns() + 1000000000u);
	expect_str("the event for data/x", got ? path : "(none)", "data/x");
	expect("transaction start", xs_transaction_start(&tx), 0);
	expect("write in it", xs_write(tx, "data/y", "2"), 0);
	expect("not seen outside yet", xs_read(0, "data/y", v, sizeof(v)), -2 - 4);
	expect("commit", xs_transaction_end(tx, true), 0);
	xs_read(0, "data/y", v, sizeof(v));
	expect_str("seen after the commit", v, "2");
	expect("directory data", xs_directory(0, "data", v, sizeof(v)), 3);
	more_types();
	threads_and_helpers();

	printf("xsclient: %s\n", failed ? "FAILED" : "all passed");
	return failed != 0;
}
