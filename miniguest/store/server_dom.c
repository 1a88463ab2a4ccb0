/* A domain's home in the store, written as Xen's toolstack (xl) writes it
 * before introducing the domain: the home and device/ and control/ are
 * domain 0's, readable by the domain; data/ and control/shutdown are the
 * domain's own. The name comes from getdomaininfo's handle (DOMCTL-3), the
 * ring frames from the reserved grant entries (GNT-13), the ports are the
 * domain's first two (BOOT-18). */
#include <stdio.h>
#include <string.h>

#include "kernel/hypervisor.h"
#include "pvabi/grant_table.h"
#include "store/server.h"

static char home[32];

static void put(const char *key, const char *value)
{
	char req[128];
	int n = snprintf(req, sizeof(req), "%s/%s%c%s", home, key, 0, value);
	if (n > 0 && (size_t)n < sizeof(req))
		xenstored_ask(XS_WRITE, req, (uint32_t)n, NULL, 0);
}

/* key ("" for the home) owned by domain 0 and readable by the domain, or
 * owned by the domain alone. */
static void owned(const char *key, uint16_t dom, bool by_dom)
{
	char req[96];
	int n = by_dom ? snprintf(req, sizeof(req), "%s%s%c%c%u%c", home, key, 0, 'n', dom, 0)
		       : snprintf(req, sizeof(req), "%s%s%cn0%cr%u%c", home, key, 0, 0, dom, 0);
	if (n > 0 && (size_t)n < sizeof(req))
		xenstored_ask(XS_SET_PERMS, req, (uint32_t)n, NULL, 0);
}

/* The machine frame dom grants in ref (its bus address, without mapping
 * it for the CPU); 0 when it grants none. */
static uint64_t granted_frame(uint16_t dom, uint32_t ref)
{
	struct gnttab_map_grant_ref m = { .flags = GNTMAP_device_map | GNTMAP_readonly,
					  .ref = ref, .dom = dom };
	if (hypercall_grant_table_op(GNTTABOP_map_grant_ref, &m, 1) < 0 || m.status != GNTST_okay)
		return 0;
	struct gnttab_unmap_grant_ref u = { .dev_bus_addr = m.dev_bus_addr, .handle = m.handle };
	hypercall_grant_table_op(GNTTABOP_unmap_grant_ref, &u, 1);
	return m.dev_bus_addr >> 12;
}

void xenstored_describe(const struct xen_domctl_getdomaininfo *info)
{
	uint16_t dom = info->domain;
	char v[32];

	int n = snprintf(home, sizeof(home), "/local/domain/%u", dom);
	/* First the home, so that what is written below takes its permissions. */
	xenstored_ask(XS_MKDIR, home, (uint32_t)n + 1, NULL, 0);
	if (dom != 0)
		owned("", dom, false);
	snprintf(v, sizeof(v), "%.16s", (const char *)info->handle);
	put("name", v[0] ? v : "unnamed");
	snprintf(v, sizeof(v), "%u", dom);
	put("domid", v);
	snprintf(v, sizeof(v), "%llu", (unsigned long long)info->tot_pages * 4);
	put("memory/target", v);
	snprintf(v, sizeof(v), "%llu", (unsigned long long)info->max_pages * 4);
	put("memory/static-max", v);
	if (dom == 0)
		return;
	snprintf(v, sizeof(v), "%llu", (unsigned long long)granted_frame(dom, GNTTAB_RESERVED_CONSOLE));
	put("console/ring-ref", v);
	put("console/port", "2");
	put("console/type", "xenconsoled");
	put("console/limit", "1048576");
	snprintf(v, sizeof(v), "%llu", (unsigned long long)granted_frame(dom, GNTTAB_RESERVED_XENSTORE));
	put("store/ring-ref", v);
	put("store/port", "1");
	char req[64];
	static const char *const theirs[] = { "data", "drivers", "feature", "attr", "error" };
	for (unsigned i = 0; i < 2; i++) {
		n = snprintf(req, sizeof(req), "%s/%s", home, i ? "control" : "device");
		xenstored_ask(XS_MKDIR, req, (uint32_t)n + 1, NULL, 0);
	}
	put("control/shutdown", "");
	owned("/control/shutdown", dom, true);
	for (unsigned i = 0; i < sizeof(theirs) / sizeof(theirs[0]); i++) {
		n = snprintf(req, sizeof(req), "%s/%s", home, theirs[i]);
		xenstored_ask(XS_MKDIR, req, (uint32_t)n + 1, NULL, 0);
		snprintf(req, sizeof(req), "/%s", theirs[i]);
		owned(req, dom, true);
	}
}

void xenstored_list(const char *prefix)
{
	static char names[XENSTORE_PAYLOAD_MAX + 1];
	char path[64], value[64];

	/* The reply's names each end in a NUL; one more ends the list. */
	if (xenstored_ask(XS_DIRECTORY, "/local/domain", 14, names, sizeof(names)) < 0)
		return;
	/* The newest comes first: print them oldest first, by id. */
	const char *v[64];
	unsigned count = 0;
	for (const char *n = names; *n && count < 64; n += strlen(n) + 1)
		v[count++] = n;
	while (count--) {
		int k = snprintf(path, sizeof(path), "/local/domain/%s/name", v[count]);
		if (xenstored_ask(XS_READ, path, (uint32_t)k + 1, value, sizeof(value)) == 0)
			printf("%sstore: %s = %s\n", prefix, path, value);
	}
}
