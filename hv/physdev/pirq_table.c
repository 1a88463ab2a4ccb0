/* A domain's pirq table: which of its pirq numbers map which line. A
 * handful of entries, searched whole: bounded work whatever the guest asks. */
#include "physdev/pirq.h"
#include "pvabi/errno.h"

struct pirq_map *pirq_lookup(struct pirq_table *t, uint32_t pirq)
{
	if (pirq >= PIRQS_NR)
		return 0;
	for (unsigned i = 0; i < PIRQ_MAPS_MAX; i++)
		if ((t->m[i].flags & PIRQ_USED) && t->m[i].pirq == pirq)
			return &t->m[i];
	return 0;
}

struct pirq_map *pirq_of_gsi(struct pirq_table *t, uint32_t gsi)
{
	for (unsigned i = 0; i < PIRQ_MAPS_MAX; i++)
		if ((t->m[i].flags & PIRQ_USED) && t->m[i].gsi == gsi)
			return &t->m[i];
	return 0;
}

/* gsi itself if it is a free pirq, else the lowest free one. */
static int64_t free_pirq(struct pirq_table *t, uint32_t gsi)
{
	if (gsi < PIRQS_NR && !pirq_lookup(t, gsi))
		return gsi;
	for (uint32_t p = 0; p < PIRQS_NR; p++)
		if (!pirq_lookup(t, p))
			return p;
	return -1;
}

int pirq_table_map(struct pirq_table *t, int64_t want, uint32_t gsi)
{
	struct pirq_map *have = pirq_of_gsi(t, gsi), *slot = 0;

	if (gsi >= GSI_MAX || want < -1 || want >= PIRQS_NR)
		return -XEN_EINVAL;
	if (have && (want == -1 || want == have->pirq))
		return have->pirq;
	if (have || (want >= 0 && pirq_lookup(t, (uint32_t)want)))
		return -XEN_EEXIST;
	for (unsigned i = 0; i < PIRQ_MAPS_MAX && !slot; i++)
		if (!(t->m[i].flags & PIRQ_USED))
			slot = &t->m[i];
	if (want == -1)
		want = free_pirq(t, gsi);
	if (!slot || want < 0)
		return -XEN_ENOSPC;
	*slot = (struct pirq_map){ .pirq = (uint16_t)want, .gsi = (uint8_t)gsi,
				   .flags = PIRQ_USED };
	return (int)want;
}
