/* Entries the domain builder writes before the guest runs, as Xen's
 * toolstack seeds the reserved ones (GNTTAB_RESERVED_CONSOLE,
 * GNTTAB_RESERVED_XENSTORE) so that domain 0 maps those pages by grant. */
#include "grant/grant.h"
#include "domain/domain.h"
#include "pvabi/errno.h"

int gnttab_seed(struct domain *d, uint32_t ref, uint16_t to, uint32_t frame)
{
	struct grant_table *gt = gnttab_of(d);
	if (!gt)
		return -XEN_ENOMEM;
	if (ref >= gnttab_nr_entries(gt))
		return -XEN_EINVAL;
	struct grant_entry_v1 *e = gnttab_map_entry(gt, ref);
	e->domid = to;
	e->frame = frame;
	e->flags = GTF_permit_access;
	gnttab_unmap_entry(e);
	return 0;
}
