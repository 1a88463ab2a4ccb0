/* lwIP's operating-system layer on the kernel's cooperative threads:
 * semaphores and mailboxes are counters and rings with wait queues, and
 * nothing can run between a check and the sleep that follows it but an
 * event handler, which lwIP never runs in; sleeps still mask events, as
 * the wait queues ask. */
#include <pthread.h>
#include <stdlib.h>

#include "kernel/events.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "lwip/sys.h"

struct sys_arch_sem {
	unsigned count;
	struct waitqueue wq;
};

struct sys_arch_mbox {
	unsigned size, head, used;      /* used messages from head on */
	struct waitqueue readers, writers;
	void *msg[];
};

void sys_init(void)
{
}

u32_t sys_now(void)
{
	return (u32_t)(time_now_ns() / 1000000);
}

/* The deadline for a wait of ms milliseconds (0: none, as lwIP means it). */
static uint64_t deadline_of(u32_t ms)
{
	return ms ? time_now_ns() + (uint64_t)ms * 1000000 : 0;
}

/* What lwIP's timed waits return: the milliseconds waited. */
static u32_t waited_ms(uint64_t since)
{
	uint64_t ms = (time_now_ns() - since) / 1000000;
	return ms >= SYS_ARCH_TIMEOUT ? SYS_ARCH_TIMEOUT - 1 : (u32_t)ms;
}

/* Sleeps on wq until woken or the deadline (0: none); false once the
 * deadline has passed. Events are masked. */
static bool sleep_on(struct waitqueue *wq, uint64_t deadline)
{
	waitq_block_until(wq, deadline);
	return !deadline || time_now_ns() < deadline;
}

sys_prot_t sys_arch_protect(void)
{
	return events_mask_save();
}

void sys_arch_unprotect(sys_prot_t pval)
{
	events_restore(pval);
}

err_t sys_sem_new(sys_sem_t *sem, u8_t count)
{
	*sem = calloc(1, sizeof(**sem));
	if (!*sem)
		return ERR_MEM;
	(*sem)->count = count;
	return ERR_OK;
}

void sys_sem_free(sys_sem_t *sem)
{
	free(*sem);
	*sem = NULL;
}

void sys_sem_signal(sys_sem_t *sem)
{
	(*sem)->count++;
	waitq_wake_all(&(*sem)->wq);
}

u32_t sys_arch_sem_wait(sys_sem_t *sem, u32_t timeout)
{
	struct sys_arch_sem *s = *sem;
	uint64_t start = time_now_ns(), deadline = deadline_of(timeout);
	unsigned mask = events_mask_save();

	while (s->count == 0) {
		if (!sleep_on(&s->wq, deadline)) {
			events_restore(mask);
			return SYS_ARCH_TIMEOUT;
		}
	}
	s->count--;
	events_restore(mask);
	return waited_ms(start);
}

err_t sys_mbox_new(sys_mbox_t *mbox, int size)
{
	if (size <= 0)
		size = 64;
	*mbox = calloc(1, sizeof(**mbox) + (size_t)size * sizeof(void *));
	if (!*mbox)
		return ERR_MEM;
	(*mbox)->size = (unsigned)size;
	return ERR_OK;
}

void sys_mbox_free(sys_mbox_t *mbox)
{
	free(*mbox);
	*mbox = NULL;
}

static void put(struct sys_arch_mbox *m, void *msg)
{
	m->msg[(m->head + m->used) % m->size] = msg;
	m->used++;
	waitq_wake_all(&m->readers);
}

static void *take(struct sys_arch_mbox *m)
{
	void *msg = m->msg[m->head];

	m->head = (m->head + 1) % m->size;
	m->used--;
	waitq_wake_all(&m->writers);
	return msg;
}

void sys_mbox_post(sys_mbox_t *mbox, void *msg)
{
	struct sys_arch_mbox *m = *mbox;
	unsigned mask = events_mask_save();

	while (m->used == m->size)
		waitq_block(&m->writers);
	put(m, msg);
	events_restore(mask);
}

err_t sys_mbox_trypost(sys_mbox_t *mbox, void *msg)
{
	if ((*mbox)->used == (*mbox)->size)
		return ERR_MEM;
	put(*mbox, msg);
	return ERR_OK;
}

err_t sys_mbox_trypost_fromisr(sys_mbox_t *mbox, void *msg)
{
	return sys_mbox_trypost(mbox, msg);
}

u32_t sys_arch_mbox_fetch(sys_mbox_t *mbox, void **msg, u32_t timeout)
{
	struct sys_arch_mbox *m = *mbox;
	uint64_t start = time_now_ns(), deadline = deadline_of(timeout);
	unsigned mask = events_mask_save();
	void *got;

	while (m->used == 0) {
		if (!sleep_on(&m->readers, deadline)) {
			events_restore(mask);
			return SYS_ARCH_TIMEOUT;
		}
	}
	got = take(m);
	events_restore(mask);
	if (msg)
		*msg = got;
	return waited_ms(start);
}

u32_t sys_arch_mbox_tryfetch(sys_mbox_t *mbox, void **msg)
{
	void *got;

	if ((*mbox)->used == 0)
		return SYS_MBOX_EMPTY;
	got = take(*mbox);
	if (msg)
		*msg = got;
	return 0;
}

sys_thread_t sys_thread_new(const char *name, lwip_thread_fn fn, void *arg,
			    int stacksize, int prio)
{
	struct thread *t;

	(void)prio;
	t = thread_create(name, fn, arg, stacksize > 0 ? (uint32_t)stacksize : 32 * 1024);
	LWIP_ASSERT("sys_thread_new: out of memory", t != NULL);
	return t;
}

static pthread_key_t thread_sem_key;
static pthread_once_t thread_sem_once = PTHREAD_ONCE_INIT;

static void thread_sem_free(void *sem)
{
	sys_sem_free(sem);
	free(sem);
}

static void thread_sem_key_make(void)
{
	pthread_key_create(&thread_sem_key, thread_sem_free);
}

sys_sem_t *sys_arch_thread_sem(void)
{
	sys_sem_t *sem;

	pthread_once(&thread_sem_once, thread_sem_key_make);
	sem = pthread_getspecific(thread_sem_key);
	if (!sem) {
		sem = malloc(sizeof(*sem));
		LWIP_ASSERT("sys_arch_thread_sem: out of memory",
			    sem && sys_sem_new(sem, 0) == ERR_OK);
		pthread_setspecific(thread_sem_key, sem);
	}
	return sem;
}
