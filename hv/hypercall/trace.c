#include "hypercall/trace.h"
#include "hypercall/hypercall.h"
#include "hypercall/trace_limit.h"
#include "console/log.h"
#include "domain/domain.h"
#include "lib/format.h"
#include "lib/string.h"
#include "pvabi/hypercall.h"
#include "time/clock.h"

#define SELECT_MAX (DOMAIN_NAME_MAX + 1)

static char selected[SELECT_MAX];       /* hvtrace=, "" for none */
static struct trace_limit limit;

/* Names of the calls a PV guest may make, by Xen's numbers. */
static const char *const names[NR_HYPERCALLS] = {
	[0] = "set_trap_table", [1] = "mmu_update", [2] = "set_gdt", [3] = "stack_switch",
	[4] = "set_callbacks", [5] = "fpu_taskswitch", [6] = "sched_op_compat",
	[7] = "platform_op", [8] = "set_debugreg", [9] = "get_debugreg",
	[10] = "update_descriptor", [12] = "memory_op", [13] = "multicall",
	[14] = "update_va_mapping", [15] = "set_timer_op", [16] = "event_channel_op_compat",
	[17] = "xen_version", [18] = "console_io", [19] = "physdev_op_compat",
	[20] = "grant_table_op", [21] = "vm_assist", [22] = "update_va_mapping_otherdomain",
	[23] = "iret", [24] = "vcpu_op", [25] = "set_segment_base", [26] = "mmuext_op",
	[27] = "xsm_op", [28] = "nmi_op", [29] = "sched_op", [30] = "callback_op",
	[31] = "xenoprof_op", [32] = "event_channel_op", [33] = "physdev_op", [34] = "hvm_op",
	[35] = "sysctl", [36] = "domctl", [37] = "kexec_op", [38] = "tmem_op",
	[39] = "argo_op", [40] = "xenpmu_op", [41] = "dm_op", [42] = "hypfs_op",
};

/* Calls whose first argument says which operation they are. */
static bool has_subop(uint32_t nr)
{
	switch (nr) {
	case __HYPERVISOR_sched_op_compat: case __HYPERVISOR_memory_op:
	case __HYPERVISOR_xen_version: case __HYPERVISOR_console_io:
	case __HYPERVISOR_vm_assist: case __HYPERVISOR_vcpu_op: case __HYPERVISOR_sched_op:
	case __HYPERVISOR_event_channel_op: case __HYPERVISOR_grant_table_op:
	case __HYPERVISOR_callback_op: case __HYPERVISOR_physdev_op: case __HYPERVISOR_hvm_op:
		return true;
	default:
		return false;
	}
}

void hypercall_trace_select(const char *val, size_t len)
{
	if (len >= SELECT_MAX)
		len = SELECT_MAX - 1;
	memcpy(selected, val, len);
	selected[len] = '\0';
}

static bool traced(const struct domain *d)
{
	if (!selected[0])
		return false;
	if (strcmp(d->name, selected) == 0)
		return true;
	uint32_t id = 0;
	for (const char *s = selected; *s; s++) {
		if (*s < '0' || *s > '9' || id > 0xffff)
			return false;
		id = id * 10 + (uint32_t)(*s - '0');
	}
	return id == d->domid;
}

void hypercall_trace(const struct domain *d, uint32_t nr, const uint32_t a[5], int32_t rc)
{
	bool trace = traced(d);
	/* iret's "result" is the guest's own eax, whatever it holds. */
	bool failed = rc < 0 && nr != __HYPERVISOR_iret && log_threshold >= LOG_DEBUG;
	uint32_t dropped;

	if ((!trace && !failed) || !trace_limit_take(&limit, clock_ns(), &dropped))
		return;
	if (dropped)
		log_printf(trace ? LOG_INFO : LOG_DEBUG, "hypercall log: %u line(s) dropped (at most "
			   "%u a second)", dropped, TRACE_PER_SECOND);
	const char *name = nr < NR_HYPERCALLS && names[nr] ? names[nr] : "unknown";
	char subop[24] = "";
	if (has_subop(nr))
		format(subop, sizeof(subop), " op %u", a[0]);
	log_printf(trace ? LOG_INFO : LOG_DEBUG, "%s domain %u (%s): hypercall %u %s%s (0x%x, "
		   "0x%x, 0x%x, 0x%x, 0x%x) = %d", trace ? "hvtrace:" : "failed:", d->domid,
		   d->name, nr, name, subop, a[0], a[1], a[2], a[3], a[4], rc);
}
