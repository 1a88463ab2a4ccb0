/* flockfile, ftrylockfile, funlockfile: a recursive lock per FILE, held by
 * a thread across calls that may block. newlib's own stdio calls take no
 * lock (it is built without them); with cooperative threads a stdio call
 * is only interleaved with another thread's where it blocks (reading the
 * console). */
#include <stdio.h>
#include <stdlib.h>

#include "kernel/shutdown.h"
#include "kernel/thread.h"

struct file_lock {
	FILE *file;
	struct thread *owner;
	unsigned depth;
	struct file_lock *next;
};

static struct file_lock *locks;
static struct waitqueue waiters;

static struct file_lock *find(FILE *f)
{
	for (struct file_lock *l = locks; l; l = l->next)
		if (l->file == f)
			return l;
	return 0;
}

/* Takes f's lock if free or already ours; false when another holds it. */
static int take(FILE *f)
{
	struct file_lock *l = find(f);

	if (!l) {
		l = calloc(1, sizeof(*l));
		if (!l)
			mg_crash("flockfile: out of memory");
		l->file = f;
		l->next = locks;
		locks = l;
	}
	if (l->owner && l->owner != thread_current())
		return 0;
	l->owner = thread_current();
	l->depth++;
	return 1;
}

void flockfile(FILE *f)
{
	wait_until(&waiters, take(f));
}

int ftrylockfile(FILE *f)
{
	return take(f) ? 0 : -1;
}

void funlockfile(FILE *f)
{
	struct file_lock *l = find(f);

	if (!l || l->owner != thread_current() || --l->depth)
		return;
	/* Unlinked so that a closed FILE's address, reused, starts afresh. */
	for (struct file_lock **p = &locks; *p; p = &(*p)->next) {
		if (*p == l) {
			*p = l->next;
			break;
		}
	}
	free(l);
	waitq_wake_all(&waiters);
}
