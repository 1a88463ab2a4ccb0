/* dom0 of the default demo: runs the console backend (consoled.h), says
 * which domains are up, reports each one that ends (VIRQ_DOM_EXC) and
 * powers off once it is the last domain, so the hypervisor stops when the
 * demo is over. It lists the domains as a
 * toolstack does, with domctl's getdomaininfo, and at the end what the
 * hypervisor charged each domain for this one's time serving it. With the
 * argument "shell"
 * it runs the toolstack's shell instead (miniguest/toolstack/), over the
 * commands in the next argument if there is one, with its own disk at
 * /disk (disk.c). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blkif/blkif.h"
#include "netif/vif.h"
#include "virtio/blk.h"
#include "consoled/consoled.h"
#include "kernel/events.h"
#include "kernel/hypervisor.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "pvabi/domctl.h"
#include "store/server.h"
#include "toolstack/toolstack.h"
#include "dom0.h"

static struct thread *waiter;
static char **device_words;
static volatile unsigned domain_events;

/* The domains other than this one (domain 0), walked in id order. */
static unsigned count_others(bool print)
{
	struct xen_domctl dc = { .cmd = XEN_DOMCTL_getdomaininfo,
				 .interface_version = XEN_DOMCTL_INTERFACE_VERSION, .domain = 1 };
	unsigned n = 0;

	while (dc.domain < DOMID_FIRST_RESERVED && hypercall_domctl(&dc) == 0) {
		const struct xen_domctl_getdomaininfo *info = &dc.u.getdomaininfo;
		if (print)
			printf("dom0: domain %u is up, %llu KiB\n", info->domain,
			       (unsigned long long)info->tot_pages * 4);
		n++;
		dc.domain = info->domain + 1;
	}
	return n;
}

/* The time this domain marked as spent on each other one
 * (SCHEDOP_ringlet_serving: blkback's requests), as getaccount says it;
 * nothing on Xen, which has no getaccount. */
static void say_served(void)
{
	static struct ringlet_account_peer peers[RINGLET_ACCOUNT_PEERS];
	struct xen_domctl dc = { .cmd = RINGLET_DOMCTL_getaccount,
				 .interface_version = XEN_DOMCTL_INTERFACE_VERSION, .domain = 0 };

	dc.u.getaccount.peers = (uintptr_t)peers;
	dc.u.getaccount.nr_peers = RINGLET_ACCOUNT_PEERS;
	if (hypercall_domctl(&dc) < 0)
		return;
	for (uint32_t i = 0; i < dc.u.getaccount.nr_peers; i++)
		if (peers[i].served_ns)
			printf("dom0: domain %u was charged %llu us of dom0's time serving it\n",
			       peers[i].domid, (unsigned long long)(peers[i].served_ns / 1000));
}

static void domain_ended(evtchn_port_t port, void *data)
{
	(void)port;
	(void)data;
	domain_events++;
	thread_wake(waiter);
}

/* disk= words: the machine's disks (vda, vdb, ...) and RAM disks, served
 * here by blkback, and a vbd for each; vif= words: a vif for each, a port
 * of netback's bridge, as the NIC is when this domain holds it. */
static void serve_devices(void)
{
	if (blkback_start() < 0 || blkif_toolstack(device_words) < 0)
		printf("dom0: cannot serve disks\n");
	if (netback_start() < 0 || netif_toolstack(device_words) < 0)
		printf("dom0: cannot serve networks\n");
	else
		dom0_net_start();
}

int main(int argc, char **argv, char **envp)
{
	if (argc > 1 && strcmp(argv[1], "shell") == 0) {
		dom0_mount_disk(envp);
		device_words = dom0_guest_words(envp);
		/* The backends' threads and memory only where they serve. */
		return toolstack_main(argc > 2 ? argv[2] : NULL,
				      device_words[0] ? serve_devices : NULL);
	}
	waiter = thread_current();
	if (evtchn_bind_virq(VIRQ_DOM_EXC, domain_ended, 0) < 0) {
		printf("dom0: cannot bind VIRQ_DOM_EXC: this is not the control domain\n");
		return 1;
	}
	xenstored_start();
	if (!consoled_start())
		printf("dom0: no memory for the console backend\n");
	virtio_blk_probe_all();
	device_words = envp;
	serve_devices();
	unsigned left = count_others(true);
	xenstored_list("dom0: ");
	printf("dom0: up; waiting for %u other domain(s) to end\n", left);
	while (left) {
		unsigned seen = domain_events;
		/* A domain that ended before the bind sent no event: look again
		 * every half second as well. */
		uint64_t deadline = time_now_ns() + 500000000u;
		while (domain_events == seen && time_now_ns() < deadline)
			thread_sleep_until(deadline);
		unsigned now = count_others(false);
		if (now < left)
			printf("dom0: %u domain(s) ended, %u left\n", left - now, now);
		left = now;
	}
	say_served();
	printf("dom0: the last domain ended; powering off\n");
	return 0;
}
