/* mem ID SIZE and maxmem ID SIZE, as xl's mem-set and mem-max (libxl's
 * libxl_set_memory_target and libxl_domain_setmaxmem): mem writes the
 * domain's memory/target, which its balloon follows, and sets the
 * hypervisor's limit (XEN_DOMCTL_max_mem) to it, so that the domain cannot
 * take more than it is given; a target above memory/static-max (the size
 * the domain was made to grow to) is refused, and so is one that would
 * starve domain 0. maxmem sets the limit alone, never below the target,
 * and leaves memory/static-max as it is. libxl adds 1 MiB of slack to the
 * limit (LIBXL_MAXMEM_CONSTANT); ringlet adds none, as createdomain gives
 * none. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/server.h"
#include "toolstack/shell.h"
#include "toolstack/toolstack.h"

/* Below this domain 0 may not go (libxl's floor, LIBXL_MIN_DOM0_MEM, is
 * 128 MiB, sized for Linux; ringlet's domain 0 boots with 16). */
#define DOM0_MIN_KB (8u << 10)

/* dom's key under memory/, in KiB: 0, or -1 when missing or not a number. */
static int get_kb(uint16_t dom, const char *key, uint64_t *kb)
{
	char path[64], v[24], *end;
	int n = snprintf(path, sizeof(path), "/local/domain/%u/memory/%s", dom, key);

	if (xenstored_ask(XS_READ, path, (uint32_t)n + 1, v, sizeof(v)) < 0 || !v[0])
		return -1;
	*kb = strtoull(v, &end, 10);
	return *end ? -1 : 0;
}

/* ID and SIZE, and dom's memory/target: 0 or -1 (said). */
static int words(int argc, char **argv, uint16_t *dom, uint64_t *kb, uint64_t *target)
{
	if (parse_domain(argc, argv, dom) < 0)
		return -1;
	if (argc != 3 || parse_size_kb(argv[2], kb) < 0) {
		printf("%s: give the size, e.g. %s %u 8M\n", argv[0], argv[0], *dom);
		return -1;
	}
	if (get_kb(*dom, "target", target) < 0) {
		printf("%s: domain %u has no memory/target in the store\n", argv[0], *dom);
		return -1;
	}
	return 0;
}

static int set_max(const char *cmd, uint16_t dom, uint64_t kb)
{
	struct xen_domctl dc;

	memset(&dc, 0, sizeof(dc));
	dc.u.max_mem.max_memkb = kb;
	int rc = ctl(XEN_DOMCTL_max_mem, dom, &dc);
	if (rc < 0)
		printf("%s: domain %u: the hypervisor refused max_mem: %s (%d)\n", cmd, dom,
		       ctl_error(rc), rc);
	return rc;
}

int cmd_mem(int argc, char **argv)
{
	uint16_t dom;
	uint64_t kb, target, max;
	char v[24];

	if (words(argc, argv, &dom, &kb, &target) < 0)
		return -1;
	if (get_kb(dom, "static-max", &max) < 0) {
		printf("mem: domain %u has no memory/static-max in the store\n", dom);
		return -1;
	}
	if (kb > max) {
		printf("mem: domain %u: %llu KiB is above its memory/static-max, %llu KiB: "
		       "refused\n", dom, (unsigned long long)kb, (unsigned long long)max);
		return -1;
	}
	if (dom == 0 && kb < DOM0_MIN_KB) {
		printf("mem: domain 0 needs at least %u KiB to run the toolstack: refused\n",
		       DOM0_MIN_KB);
		return -1;
	}
	if (set_max("mem", dom, kb) < 0)
		return -1;
	snprintf(v, sizeof(v), "%llu", (unsigned long long)kb);
	if (store_put(dom, "memory/target", v) < 0) {
		printf("mem: domain %u: the store refused memory/target\n", dom);
		return -1;
	}
	/* The guest's balloon driver moves its size there; one without a
	 * balloon keeps what it has. */
	printf("mem: domain %u's memory/target is %llu KiB\n", dom, (unsigned long long)kb);
	return 0;
}

int cmd_maxmem(int argc, char **argv)
{
	uint16_t dom;
	uint64_t kb, target;

	if (words(argc, argv, &dom, &kb, &target) < 0)
		return -1;
	if (kb < target) {
		printf("maxmem: domain %u: %llu KiB is below its memory/target, %llu KiB: "
		       "refused\n", dom, (unsigned long long)kb, (unsigned long long)target);
		return -1;
	}
	if (set_max("maxmem", dom, kb) < 0)
		return -1;
	printf("maxmem: domain %u may have up to %llu KiB\n", dom, (unsigned long long)kb);
	return 0;
}
