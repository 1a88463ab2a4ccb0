/* A guest module's command line: the hypervisor's options for the domain,
 * then "--" and the guest's own command line.
 *
 *   name=NAME   1-31 of [A-Za-z0-9_.-]   (default: dom<id>)
 *   mem=SIZE    its memory, e.g. 16M      (default 16M; 4M to 3G)
 *   dom0        this one is the privileged domain (default: the first)
 *   weight=N    its CPU share relative to the others, 1-10000 (default 1) */
#ifndef DOMAIN_MODULE_OPTS_H
#define DOMAIN_MODULE_OPTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MODULE_MEM_DEFAULT (16ull << 20)
#define MODULE_MEM_MIN     (4ull << 20)
#define MODULE_MEM_MAX     (3ull << 30)
#define MODULE_NAME_MAX    32

struct module_opts {
	char name[MODULE_NAME_MAX];      /* "" when not given */
	uint64_t mem;
	bool dom0;
	uint32_t weight;
	const char *args;                /* after "--", or "" */
};

/* 0, or -1 with err naming the offending option. */
int module_opts_parse(const char *cmdline, struct module_opts *o, char *err, size_t errlen);

#endif
