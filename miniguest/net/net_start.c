/* lwIP starts at the first socket: a program that opens none runs no
 * tcpip thread. lwIP's start brings the loopback interface up
 * (127.0.0.1); then a program linked with a network device's interface
 * (net_iface_start, weak here: if_virtio.c) brings that up too, before
 * the first socket call returns. */
#include <errno.h>

#include "kernel/thread.h"
#include "libc/fd.h"
#include "lwip/tcpip.h"
#include "net/sock.h"

__attribute__((weak)) void net_iface_start(void);

static struct waitqueue starters;
/* 0: not started, 1: starting, 2: lwIP runs, 3: interfaces up too */
static int state;

static void started(void *arg)
{
	(void)arg;
	state = 2;
	waitq_wake_all(&starters);
}

int net_start(void)
{
	if (state == 0) {
		state = 1;
		tcpip_init(started, NULL);
		wait_until(&starters, state == 2);
		if (net_iface_start)
			net_iface_start();
		state = 3;
		waitq_wake_all(&starters);
	}
	wait_until(&starters, state == 3);
	return 0;
}

/* lwIP's hook (lwipopts.h): a socket may have become ready. */
void net_wake(void)
{
	fs_wake();
}
