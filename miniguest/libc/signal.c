/* Signals within the one process a domain is: sigaction, signal,
 * sigprocmask, sigpending, raise and kill of itself. Nothing outside the
 * program sends one, so a handler runs synchronously: inside raise, or
 * inside the sigprocmask that unblocks a pending signal. One mask serves
 * every thread. */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kernel/shutdown.h"

#define SIGBIT(sig) (1ul << (sig))

static struct sigaction actions[NSIG];
static sigset_t blocked, pending;

static bool valid(int sig)
{
	return sig > 0 && sig < NSIG;
}

/* SIG_DFL's action is to ignore these; for every other signal it ends the
 * program (there is no stopping a domain, nor a core file). */
static bool ignored_by_default(int sig)
{
	return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH || sig == SIGCONT;
}

__attribute__((noreturn)) static void die(int sig)
{
	static char why[64];

	if (sig == SIGABRT)
		mg_crash("abort()");
	snprintf(why, sizeof(why), "killed by signal %d (%s)", sig, strsignal(sig));
	mg_crash(why);
}

static void deliver_pending(void);

static void deliver(int sig)
{
	struct sigaction a = actions[sig];
	sigset_t saved = blocked;

	if (a.sa_handler == SIG_IGN)
		return;
	if (a.sa_handler == SIG_DFL) {
		if (ignored_by_default(sig))
			return;
		die(sig);
	}
	blocked |= a.sa_mask;
	if (!(a.sa_flags & SA_NODEFER))
		blocked |= SIGBIT(sig);
	if (a.sa_flags & SA_RESETHAND)
		actions[sig] = (struct sigaction){ .sa_handler = SIG_DFL };
	a.sa_handler(sig);
	blocked = saved;
	deliver_pending();
}

static void deliver_pending(void)
{
	for (int sig = 1; sig < NSIG; sig++) {
		if ((pending & SIGBIT(sig)) && !(blocked & SIGBIT(sig))) {
			pending &= ~SIGBIT(sig);
			deliver(sig);
		}
	}
}

int raise(int sig)
{
	if (!valid(sig)) {
		errno = EINVAL;
		return -1;
	}
	if (blocked & SIGBIT(sig))
		pending |= SIGBIT(sig);
	else
		deliver(sig);
	return 0;
}

/* A domain is process 1 and its only process group. */
int kill(pid_t pid, int sig)
{
	if (pid != 1 && pid != 0 && pid != -1) {
		errno = ESRCH;
		return -1;
	}
	if (sig == 0)
		return 0;
	return raise(sig);
}

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	if (!valid(sig) || (act && (sig == SIGKILL || sig == SIGSTOP))) {
		errno = EINVAL;
		return -1;
	}
	if (old)
		*old = actions[sig];
	if (act) {
		actions[sig] = *act;
		/* POSIX: setting SIG_IGN discards a pending instance. */
		if (act->sa_handler == SIG_IGN ||
		    (act->sa_handler == SIG_DFL && ignored_by_default(sig)))
			pending &= ~SIGBIT(sig);
	}
	return 0;
}

_sig_func_ptr signal(int sig, _sig_func_ptr handler)
{
	struct sigaction act = { .sa_handler = handler }, old;

	if (sigaction(sig, &act, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	sigset_t was = blocked;

	if (set) {
		if (how == SIG_BLOCK)
			blocked |= *set;
		else if (how == SIG_UNBLOCK)
			blocked &= ~*set;
		else if (how == SIG_SETMASK)
			blocked = *set;
		else {
			errno = EINVAL;
			return -1;
		}
		/* POSIX: these two cannot be blocked. */
		blocked &= ~(SIGBIT(SIGKILL) | SIGBIT(SIGSTOP));
	}
	if (old)
		*old = was;
	deliver_pending();
	return 0;
}

int pthread_sigmask(int how, const sigset_t *set, sigset_t *old)
{
	return sigprocmask(how, set, old) < 0 ? errno : 0;
}

int sigpending(sigset_t *set)
{
	*set = pending;
	return 0;
}

/* POSIX: abort ends the program even when a SIGABRT handler returns. */
void abort(void)
{
	sigset_t abrt = SIGBIT(SIGABRT);

	sigprocmask(SIG_UNBLOCK, &abrt, 0);
	raise(SIGABRT);
	die(SIGABRT);
}

_Static_assert(sizeof(sigset_t) == sizeof(unsigned long), "sigjmp_buf's mask is a sigset_t");

void mg_sigjmp_save(sigjmp_buf env, int savemask)
{
	env->restore = savemask != 0;
	env->mask = blocked;
}

void siglongjmp(sigjmp_buf env, int val)
{
	if (env->restore) {
		sigset_t mask = env->mask;
		sigprocmask(SIG_SETMASK, &mask, 0);
	}
	longjmp(env->buf, val);
}
