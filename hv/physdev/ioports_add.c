/* Adding a range to a domain's ports: sorted, disjoint, merged with the
 * ranges it touches, so that "0x1f0-0x1f7,0x1f8" is one range. */
#include "physdev/physdev.h"
#include "lib/string.h"

int ioports_add(struct ioports *p, uint16_t first, uint16_t last)
{
	uint32_t i = 0;

	if (first > last)
		return -1;
	while (i < p->nr && (uint32_t)p->r[i].last + 1 < first)
		i++;
	/* Merge every range that overlaps or touches first..last into slot i. */
	uint32_t j = i;
	while (j < p->nr && p->r[j].first <= (uint32_t)last + 1) {
		if (p->r[j].first < first)
			first = p->r[j].first;
		if (p->r[j].last > last)
			last = p->r[j].last;
		j++;
	}
	if (j == i && p->nr == IOPORT_RANGES_MAX)
		return -1;
	uint32_t removed = j - i, keep = p->nr - j;
	/* removed ranges become one: shift the tail by removed - 1. */
	if (removed == 0)
		memmove(&p->r[i + 1], &p->r[i], keep * sizeof(p->r[0]));
	else
		memmove(&p->r[i + 1], &p->r[j], keep * sizeof(p->r[0]));
	p->r[i] = (struct ioport_range){ first, last };
	p->nr = p->nr + 1 - removed;
	return 0;
}
