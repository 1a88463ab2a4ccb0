/* The domains the shell made, remembered with what made them, so that one
 * that reboots is built again from the same files; and what happens to
 * domains that shut down (VIRQ_DOM_EXC): domctl keeps a domain it made
 * after its shutdown until domain 0 destroys it, as Xen does. */
#include <stdio.h>
#include <string.h>

#include "pvabi/sched.h"
#include "store/server.h"
#include "toolstack/toolstack.h"

#define MADE_MAX 32

static struct made made[MADE_MAX];

void made_add(const struct made *m)
{
	for (unsigned i = 0; i < MADE_MAX; i++) {
		if (made[i].dom == 0) {
			made[i] = *m;
			return;
		}
	}
	printf("toolstack: domain %u will not be rebuilt if it reboots (%u remembered "
	       "already)\n", m->dom, MADE_MAX);
}

struct made *made_find(uint16_t dom)
{
	for (unsigned i = 0; i < MADE_MAX && dom; i++)
		if (made[i].dom == dom)
			return &made[i];
	return NULL;
}

void made_forget(uint16_t dom)
{
	struct made *m = made_find(dom);
	if (m)
		m->dom = 0;
}

int destroy_domain(uint16_t dom)
{
	struct xen_domctl dc;
	char path[32];

	memset(&dc, 0, sizeof(dc));
	int rc = ctl(XEN_DOMCTL_destroydomain, dom, &dc);
	if (rc < 0)
		return rc;
	made_forget(dom);
	/* The store lets go of it when it looks; its home goes now, as xl
	 * removes it. */
	xenstored_kick();
	int n = snprintf(path, sizeof(path), "/local/domain/%u", dom);
	xenstored_ask(XS_RM, path, (uint32_t)n + 1, NULL, 0);
	return 0;
}

static const char *reason(unsigned code)
{
	static const char *const names[] = { "poweroff", "reboot", "suspend", "crash",
					     "watchdog" };
	return code < 5 ? names[code] : "an unknown reason";
}

static void rebuild(struct made *m)
{
	struct made again = *m;
	const char *why;

	destroy_domain(m->dom);
	int rc = create_domain(&again, &why);
	if (rc < 0) {
		printf("toolstack: %s rebooted but cannot be built again: %s\n", again.name,
		       why ? why : ctl_error(rc));
		return;
	}
	printf("toolstack: domain %u (%s) rebooted: it is domain %d now\n", again.dom,
	       again.name, rc);
	again.dom = (uint16_t)rc;
	made_add(&again);
}

void made_reap(void)
{
	struct xen_domctl dc;
	uint16_t next = 1;

	memset(&dc, 0, sizeof(dc));
	while (next < DOMID_FIRST_RESERVED && ctl(XEN_DOMCTL_getdomaininfo, next, &dc) == 0) {
		const struct xen_domctl_getdomaininfo *info = &dc.u.getdomaininfo;
		uint16_t dom = info->domain;
		next = (uint16_t)(dom + 1);
		if (!(info->flags & XEN_DOMINF_shutdown))
			continue;
		unsigned code = (info->flags >> XEN_DOMINF_shutdownshift) & XEN_DOMINF_shutdownmask;
		struct made *m = made_find(dom);
		if (code == SHUTDOWN_reboot && m) {
			rebuild(m);
		} else if (code != SHUTDOWN_suspend) {
			printf("toolstack: domain %u shut down (%s); destroyed\n", dom, reason(code));
			destroy_domain(dom);
		}
	}
}

unsigned made_count_others(void)
{
	struct xen_domctl dc;
	uint16_t next = 1;
	unsigned n = 0;

	memset(&dc, 0, sizeof(dc));
	while (next < DOMID_FIRST_RESERVED && ctl(XEN_DOMCTL_getdomaininfo, next, &dc) == 0) {
		n++;
		next = (uint16_t)(dc.u.getdomaininfo.domain + 1);
	}
	return n;
}
