/* Watches with a callback: one thread takes every watch event and calls
 * the callback set for its token. Event handlers cannot talk to the store
 * (they run with the ring's reader possibly mid-message), a thread can. */
#include <stdint.h>
#include <string.h>

#include "kernel/thread.h"
#include "kernel/time.h"
#include "store/client.h"

#define CALLBACKS   16
#define TOKEN_MAX   64
#define STACK_SIZE  (16 * 1024)

struct callback {
	char token[TOKEN_MAX];
	xs_watch_fn fn;
	void *arg;
};

static struct callback callbacks[CALLBACKS];
static unsigned ncallbacks;
static struct thread *dispatcher;

static void dispatch(void *unused)
{
	static char path[XENSTORE_PAYLOAD_MAX], token[XENSTORE_PAYLOAD_MAX];

	(void)unused;
	for (;;) {
		/* A second at a time: a deadline far off would be a past one
		 * to the hypervisor's signed timer (VCPU-4). */
		if (!xs_next_event(path, token, sizeof(path), time_now_ns() + 1000000000ull)) {
			/* None, or the ring broke: never spin on it. */
			thread_sleep_ns(10 * 1000 * 1000);
			continue;
		}
		for (unsigned i = 0; i < ncallbacks; i++)
			if (strcmp(callbacks[i].token, token) == 0)
				callbacks[i].fn(path, callbacks[i].arg);
	}
}

int xs_watch_callback(const char *path, const char *token, xs_watch_fn fn, void *arg)
{
	if (!fn || ncallbacks == CALLBACKS || strlen(token) >= TOKEN_MAX)
		return -2;                      /* EINVAL */
	if (!dispatcher && !(dispatcher = thread_create("xs-watch", dispatch, NULL, STACK_SIZE)))
		return -1;
	struct callback *c = &callbacks[ncallbacks++];
	strcpy(c->token, token);
	c->fn = fn;
	c->arg = arg;
	return xs_watch(path, token);
}
