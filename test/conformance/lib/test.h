/* The XTF-style contract between a conformance test and its runner.
 *
 * A test defines
 *     const char test_title[] = "one line: what it checks";
 *     void test_main(void);
 * The library boots (lib/start.c), prints the title, runs test_main and then
 * prints one last line, "Test result: SUCCESS|SKIP|ERROR|FAILURE", and
 * powers the domain off. The verdict is the worst one reported:
 *
 *   test_success()   the test ran to the end (XTF's xtf_success); a test
 *                    that reports nothing at all ends in ERROR
 *   test_skip()      the rule does not apply here (e.g. a missing feature)
 *   test_error()     the test itself could not do its work (a set-up step
 *                    failed): no verdict about the rule
 *   test_failure()   the hypervisor broke a rule
 *
 * Checks name the rule they test (an id such as "VER-3", listed in the test's
 * header comment) and say what they saw:
 *     ok   VER-1: XENVER_version is major << 16 | minor (0x40011)
 *     FAIL CONS-3: console_io write from NULL: got 0, want -14 (EFAULT)
 * A failed check counts as test_failure. check_* print a line either way;
 * expect_* only when they fail (for loops over many values). */
#ifndef CONFORMANCE_TEST_H
#define CONFORMANCE_TEST_H

#include <stdbool.h>
#include <stdint.h>

#include "pvabi/start_info.h"

extern const char test_title[];
void test_main(void);

/* What the builder handed over: start_info (from %esi) and the %esp the
 * guest entered with. */
extern const struct start_info *start_info;
extern uint32_t boot_esp;

/* The end of the builder's initial region, worked out from the boot stack
 * by the rule of pvabi/start_info.h: the next 4 MiB boundary that leaves at
 * least 512 KiB after the stack. Nothing is mapped there at start of day, so
 * it (like NULL) makes a handy unmapped guest address; hello checks the
 * rule itself (BOOT-4). */
uint32_t initial_region_end(void);

void test_success(void);
void test_skip(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void test_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void test_failure(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Ends the test now: result line, then shutdown. */
__attribute__((noreturn)) void test_finish(void);

/* Prints a PANIC line and crashes the domain without a result line. */
__attribute__((noreturn, format(printf, 1, 2))) void panic(const char *fmt, ...);

/* ok must hold; the description is a format. */
bool check(const char *rule, bool ok, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
bool expect(const char *rule, bool ok, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* got must equal want; printed in decimal (check_eq), hex (check_eq_hex) or
 * as a hypercall result with the errno named (check_rc). */
bool check_eq(const char *rule, const char *what, long long got, long long want);
bool check_eq_hex(const char *rule, const char *what, uint64_t got, uint64_t want);
bool check_rc(const char *rule, const char *what, long got, long want);
bool expect_rc(const char *rule, const char *what, long got, long want);

/* "EFAULT" for -14 and so on; NULL for values that are not -XEN_E*. */
const char *errno_name(long rc);

#endif
