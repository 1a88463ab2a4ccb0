/* What the driver domain spends on a guest's traffic, for benchmarks
 * (dom0's netcost=GUEST word): GUEST marks a window in its own
 * data/netcost key ("start", then "stop SIZE" once its frames are sent),
 * and this domain answers there: "started", then "done NS FLOOR", NS its
 * own running time over the window (the hypervisor's account of it) and
 * FLOOR what two GNTTABOP_copy of SIZE bytes cost it (ns): the least any
 * frame costs the driver domain, copied in from its sender and out to its
 * receiver. The key is looked at every 10 ms. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/frames.h"
#include "kernel/hypervisor.h"
#include "kernel/time.h"
#include "pvabi/domctl.h"
#include "pvabi/vcpu.h"
#include "netif/vif.h"

#define POLL_NS 10000000ull
#define COPIES 1000

static uint64_t running_ns(void)
{
	struct xen_domctl dc = { .cmd = RINGLET_DOMCTL_getaccount,
				 .interface_version = XEN_DOMCTL_INTERFACE_VERSION, .domain = 0 };

	dc.u.getaccount.nr_peers = 0;
	if (hypercall_domctl(&dc) < 0)
		return 0;
	return dc.u.getaccount.runstate_ns[RUNSTATE_running];
}

/* Two page-to-page grant copies of len bytes: ns each pair. */
static uint64_t copy_floor(uint16_t len)
{
	static uint32_t mfn[2];
	struct gnttab_copy op[2];

	for (int i = 0; i < 2 && !mfn[i]; i++) {
		uint32_t pfn = frame_alloc();
		if (pfn == FRAME_NONE)
			return 0;
		mfn[i] = pfn_to_mfn(pfn);
	}
	memset(op, 0, sizeof(op));
	for (int i = 0; i < 2; i++) {
		op[i].source = (struct gnttab_copy_ptr){ .ref_or_gmfn = mfn[i], .domid = DOMID_SELF };
		op[i].dest = (struct gnttab_copy_ptr){ .ref_or_gmfn = mfn[!i], .domid = DOMID_SELF };
		op[i].len = len;
	}
	uint64_t t0 = time_now_ns();
	for (int n = 0; n < COPIES; n++)
		for (int i = 0; i < 2; i++)
			hypercall_grant_table_op(GNTTABOP_copy, &op[i], 1);
	return (time_now_ns() - t0) / COPIES;
}

static void watch(void *arg)
{
	uint16_t guest = (uint16_t)(uintptr_t)arg;
	char path[64], v[40];
	uint64_t start = 0;

	snprintf(path, sizeof(path), "/local/domain/%u/data/netcost", guest);
	for (;;) {
		thread_sleep_ns(POLL_NS);
		if (xb_read(path, v, sizeof(v)) < 0)
			continue;
		if (strcmp(v, "start") == 0) {
			start = running_ns();
			xb_write(path, "started");
		} else if (strncmp(v, "stop ", 5) == 0 && start) {
			uint64_t ns = running_ns() - start;
			unsigned long size = strtoul(v + 5, NULL, 10);
			uint64_t floor = copy_floor(size >= 14 && size <= 4096 ? (uint16_t)size : 64);
			snprintf(v, sizeof(v), "done %llu %llu", (unsigned long long)ns,
				 (unsigned long long)floor);
			xb_write(path, v);
			start = 0;
		}
	}
}

void netback_cost_start(uint16_t guest)
{
	if (!thread_create("netcost", watch, (void *)(uintptr_t)guest, 8192))
		printf("netback: no memory for the netcost thread\n");
}
