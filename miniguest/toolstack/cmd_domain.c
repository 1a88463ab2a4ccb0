/* The commands about one domain's life: destroy, pause, unpause, and the
 * requests it answers itself through the store (shutdown, reboot). */
#include <stdio.h>
#include <string.h>

#include "store/server.h"
#include "toolstack/shell.h"
#include "toolstack/toolstack.h"

static int refused(const char *cmd, uint16_t dom, int rc)
{
	printf("%s: domain %u: %s (%d)\n", cmd, dom, ctl_error(rc), rc);
	return -1;
}

int cmd_destroy(int argc, char **argv)
{
	uint16_t dom;

	if (parse_domain(argc, argv, &dom) < 0)
		return -1;
	if (dom == 0) {
		printf("destroy: domain 0 is this one, the control domain: refused\n");
		return -1;
	}
	int rc = destroy_domain(dom);
	if (rc < 0)
		return refused(argv[0], dom, rc);
	printf("destroy: domain %u destroyed\n", dom);
	return 0;
}

static int pause_op(int argc, char **argv, uint32_t cmd)
{
	struct xen_domctl dc;
	uint16_t dom;

	if (parse_domain(argc, argv, &dom) < 0)
		return -1;
	memset(&dc, 0, sizeof(dc));
	int rc = ctl(cmd, dom, &dc);
	if (rc < 0)
		return refused(argv[0], dom, rc);
	printf("%s: domain %u %s\n", argv[0], dom, cmd == XEN_DOMCTL_pausedomain ? "paused" : "unpaused");
	return 0;
}

int cmd_pause(int argc, char **argv)
{
	return pause_op(argc, argv, XEN_DOMCTL_pausedomain);
}

int cmd_unpause(int argc, char **argv)
{
	return pause_op(argc, argv, XEN_DOMCTL_unpausedomain);
}

int store_put(uint16_t dom, const char *key, const char *value)
{
	char req[96];
	int n = snprintf(req, sizeof(req), "/local/domain/%u/%s%c%s", dom, key, 0, value);
	return xenstored_ask(XS_WRITE, req, (uint32_t)n, NULL, 0);
}

static int request(int argc, char **argv, const char *what)
{
	uint16_t dom;

	if (parse_domain(argc, argv, &dom) < 0)
		return -1;
	if (dom == 0) {
		printf("%s: domain 0 is this one: leave the shell (exit) instead\n", argv[0]);
		return -1;
	}
	if (store_put(dom, "control/shutdown", what) < 0) {
		printf("%s: domain %u: the store refused control/shutdown\n", argv[0], dom);
		return -1;
	}
	printf("%s: asked domain %u to %s (control/shutdown)\n", argv[0], dom, what);
	return 0;
}

int cmd_shutdown(int argc, char **argv)
{
	return request(argc, argv, "poweroff");
}

int cmd_reboot(int argc, char **argv)
{
	return request(argc, argv, "reboot");
}
