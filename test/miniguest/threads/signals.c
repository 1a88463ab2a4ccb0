/* Signals within the program: handlers run inside raise; the mask holds a
 * signal back until it is unblocked. And _setjmp/_longjmp. */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "../check.h"
#include "threads_test.h"

static volatile int got, got_sig, nested;

static void handler(int sig)
{
	got++;
	got_sig = sig;
}

static void reraise(int sig)
{
	if (++got == 1) {
		raise(sig);  /* blocked in its own handler: stays pending */
		nested = got;
	}
}

static void test_handlers(void)
{
	struct sigaction act, old;

	memset(&act, 0, sizeof(act));
	act.sa_handler = handler;
	CHECK(sigaction(SIGUSR1, &act, 0) == 0 && raise(SIGUSR1) == 0 && got == 1 &&
	      got_sig == SIGUSR1, "raise runs the handler before it returns");
	CHECK(kill(getpid(), SIGUSR1) == 0 && got == 2, "kill of the program itself too");
	CHECK(sigaction(SIGUSR1, 0, &old) == 0 && old.sa_handler == handler,
	      "sigaction reads the handler back");
	CHECK(signal(SIGUSR1, SIG_IGN) == handler && raise(SIGUSR1) == 0 && got == 2,
	      "SIG_IGN: raise returns, nothing runs");
	CHECK(signal(SIGCHLD, SIG_DFL) != SIG_ERR && raise(SIGCHLD) == 0,
	      "SIG_DFL of SIGCHLD ignores it");
	errno = 0;
	CHECK(sigaction(SIGKILL, &act, 0) == -1 && errno == EINVAL, "SIGKILL's action: EINVAL");
	errno = 0;
	CHECK(raise(0) == -1 && errno == EINVAL && raise(NSIG) == -1,
	      "raise of signal 0 or NSIG: EINVAL");
	errno = 0;
	CHECK(kill(2, SIGUSR1) == -1 && errno == ESRCH, "kill of another pid: ESRCH");

	got = 0;
	act.sa_handler = reraise;
	sigaction(SIGUSR2, &act, 0);
	raise(SIGUSR2);
	CHECK(got == 2 && nested == 1, "a signal raised in its own handler runs after it (%d, %d)",
	      got, nested);
	got = 0;
	act.sa_flags = SA_RESETHAND;
	act.sa_handler = handler;
	sigaction(SIGUSR2, &act, 0);
	raise(SIGUSR2);
	CHECK(got == 1 && signal(SIGUSR2, SIG_IGN) == SIG_DFL,
	      "SA_RESETHAND: the handler runs once, then SIG_DFL");
}

static void test_mask(void)
{
	sigset_t set, old, pend;

	got = 0;
	signal(SIGUSR1, handler);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK(sigprocmask(SIG_BLOCK, &set, &old) == 0 && !sigismember(&old, SIGUSR1),
	      "sigprocmask blocks SIGUSR1");
	raise(SIGUSR1);
	sigpending(&pend);
	CHECK(got == 0 && sigismember(&pend, SIGUSR1), "a blocked signal is pending");
	CHECK(sigprocmask(SIG_SETMASK, &old, 0) == 0 && got == 1,
	      "unblocking it runs the handler inside sigprocmask");
	sigpending(&pend);
	CHECK(!sigismember(&pend, SIGUSR1), "and it is no longer pending");
	errno = 0;
	CHECK(sigprocmask(42, &set, 0) == -1 && errno == EINVAL, "an unknown how: EINVAL");
}

static jmp_buf env;
static volatile int depth;

static void dive(int n)
{
	depth = n;
	if (n == 5)
		_longjmp(env, n);
	dive(n + 1);
}

static void test_jumps(void)
{
	volatile int passes = 0;
	int rc = _setjmp(env);

	passes++;
	if (rc == 0)
		dive(1);
	CHECK(rc == 5 && depth == 5 && passes == 2,
	      "_longjmp from five calls deep returns 5 from _setjmp");
	rc = setjmp(env);
	if (rc == 0)
		longjmp(env, 0);
	CHECK(rc == 1, "longjmp with 0 makes setjmp return 1");
}

static sigjmp_buf sig_env;

static void escape(int sig)
{
	siglongjmp(sig_env, sig);
}

/* Out of a handler with siglongjmp: the mask comes back only when
 * sigsetjmp saved it. */
static void test_sigjumps(void)
{
	sigset_t now;

	signal(SIGUSR1, escape);
	if (sigsetjmp(sig_env, 1) == 0)
		raise(SIGUSR1);
	sigprocmask(SIG_BLOCK, 0, &now);
	CHECK(!sigismember(&now, SIGUSR1), "siglongjmp out of a handler restores the saved mask");
	if (sigsetjmp(sig_env, 0) == 0)
		raise(SIGUSR1);
	sigprocmask(SIG_BLOCK, 0, &now);
	CHECK(sigismember(&now, SIGUSR1), "without a saved mask the handler's stays (SIGUSR1 "
	      "blocked)");
	sigemptyset(&now);
	sigprocmask(SIG_SETMASK, &now, 0);
	signal(SIGUSR1, SIG_DFL);
}

void test_signals(void)
{
	test_handlers();
	test_mask();
	test_jumps();
	test_sigjumps();
}
