/* The words commands take: domain ids and sizes. */
#include <stdio.h>
#include <stdlib.h>

#include "toolstack/shell.h"
#include "toolstack/toolstack.h"

int parse_domid(const char *cmd, const char *word, uint16_t *dom)
{
	char *end;
	unsigned long v = strtoul(word, &end, 10);

	if (word[0] < '0' || word[0] > '9' || *end || v >= DOMID_FIRST_RESERVED) {
		printf("%s: bad domain id '%s'\n", cmd, word);
		return -1;
	}
	*dom = (uint16_t)v;
	return 0;
}

int parse_size_kb(const char *word, uint64_t *kb)
{
	char *end;
	unsigned long long v = strtoull(word, &end, 10);

	if (word[0] < '0' || word[0] > '9' || v > (1ull << 32))
		return -1;
	switch (*end) {
	case 'k': case 'K': break;
	case 'g': case 'G': v <<= 20; break;
	case 'm': case 'M': case '\0': v <<= 10; break;
	default: return -1;
	}
	if (*end && end[1])
		return -1;
	*kb = v;
	return 0;
}

int parse_domain(int argc, char **argv, uint16_t *dom)
{
	struct xen_domctl_getdomaininfo info;

	if (argc < 2) {
		printf("%s: which domain? (%s ID)\n", argv[0], argv[0]);
		return -1;
	}
	if (parse_domid(argv[0], argv[1], dom) < 0)
		return -1;
	if (ctl_info(*dom, &info) < 0) {
		printf("%s: no domain %u\n", argv[0], *dom);
		return -1;
	}
	return 0;
}
