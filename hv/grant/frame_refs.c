/* The references a mapping of a granted frame holds: those of an L1 entry
 * mapping it (pagetype.h), taken in the name of the frame's owner. Only a
 * frame the granter was given and still has can be granted: not one lent
 * by the hypervisor (its shared info, its grant frames), not one it gave
 * back, nothing outside RAM. */
#include "grant/grant.h"
#include "arch/x86/pv/pagetype.h"
#include "domain/domain.h"
#include "mm/mm.h"

bool grant_get_frame(uint32_t mfn, const struct domain *owner, bool readonly)
{
	if (mfn >= frame_table.nr)
		return false;
	const struct frame *f = &frame_table.f[mfn];
	if ((f->flags & (FRAME_ALLOCATED | FRAME_SHARED | FRAME_GIVEN_BACK)) != FRAME_ALLOCATED)
		return false;
	if (readonly)
		return get_page(mfn, owner);
	return get_page_and_type(mfn, owner, FT_WRITABLE) == 0;
}

void grant_put_frame(uint32_t mfn, bool readonly)
{
	if (readonly)
		put_page(mfn);
	else
		put_page_and_type(mfn);
}
