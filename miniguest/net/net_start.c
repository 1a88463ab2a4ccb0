/* lwIP starts at the first socket: a program that opens none runs no
 * tcpip thread. lwIP's start brings the loopback interface up
 * (127.0.0.1); then a program linked with a network interface brings
 * that up too, before the first socket call returns: netfront's vifs
 * (net_netfront_up, netfront_if.c) and a virtio NIC (net_iface_start,
 * if_virtio.c), both weak here. At exit, net_drain lets TCP send what
 * the program's connections still owe. */
#include <errno.h>

#include "kernel/thread.h"
#include "kernel/time.h"
#include "libc/fd.h"
#include "lwip/priv/tcp_priv.h"
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

/* Whether a TCP connection holds data (or its FIN) not sent or not
 * acknowledged yet. Threads are cooperative: nothing changes the list
 * while it is read. */
static bool owing(void)
{
	for (struct tcp_pcb *p = tcp_active_pcbs; p; p = p->next)
		if (p->unsent || p->unacked)
			return true;
	return false;
}

/* A program's close and exit must deliver what it wrote, as a Unix
 * kernel keeps sending after the process is gone; a domain ends with its
 * program, so its exit waits here while lwIP sends and retransmits, up
 * to DRAIN_NS in all: a peer that is gone or silent holds it no longer. */
#define DRAIN_NS (5 * 1000000000ull)

void net_drain(void)
{
	uint64_t end = time_now_ns() + DRAIN_NS;

	if (state < 2)
		return;
	while (owing() && time_now_ns() < end)
		thread_sleep_ns(10 * 1000000ull);
}
