/* sched ID [KEY=VALUE...]: a domain's scheduling parameters under the
 * running policy, shown, or changed and shown. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "toolstack/sched_params.h"
#include "toolstack/shell.h"
#include "toolstack/toolstack.h"

int cmd_sched(int argc, char **argv)
{
	struct xen_domctl_scheduler_op op;
	uint16_t dom;
	char text[160];

	if (parse_domain(argc, argv, &dom) < 0)
		return -1;
	int rc = sched_get(dom, &op);
	if (rc < 0) {
		printf("sched: domain %u: %s (%d)\n", dom, ctl_error(rc), rc);
		return -1;
	}
	for (int i = 2; i < argc; i++) {
		char *eq = strchr(argv[i], '='), *end = NULL;
		unsigned long v = eq ? strtoul(eq + 1, &end, 10) : 0;
		if (eq)
			*eq = '\0';
		if (!eq || !eq[1] || *end || v > UINT32_MAX ||
		    sched_set_key(&op, argv[i], (uint32_t)v) < 0) {
			printf("sched: '%s': not a KEY=NUMBER of the %s scheduler\n", argv[i],
			       sched_policy_name(op.sched_id));
			return -1;
		}
	}
	if (argc > 2 && (rc = sched_put(dom, &op)) < 0) {
		printf("sched: domain %u: the %s scheduler %s (%d)\n", dom,
		       sched_policy_name(op.sched_id), ctl_error(rc), rc);
		return -1;
	}
	sched_get(dom, &op);
	sched_format(&op, false, text, sizeof(text));
	printf("sched: domain %u: %s\n", dom, text);
	return 0;
}
