/* lwIP starts at the first socket: a program that opens none runs no
 * tcpip thread. lwIP's start brings the loopback interface up
 * (127.0.0.1); then a program linked with a network interface brings
 * that up too, before the first socket call returns: netfront's vifs
 * (net_netfront_up, netfront_if.c) and a virtio NIC (net_iface_start,
 * if_virtio.c), both weak here. */
#include <errno.h>

#include "kernel/thread.h"
#include "libc/fd.h"
#include "lwip/tcpip.h"
#include "net/sock.h"

__attribute__((weak)) int net_netfront_up(void);
__attribute__((weak)) void net_iface_start(void);

static struct waitqueue starters;
/* 0: not started, 1: starting, 2: lwIP runs, 3: interfaces up too */
static volatile int state;

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
		if (net_netfront_up)
			net_netfront_up();
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
