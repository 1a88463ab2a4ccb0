#include "arch/x86/pv/descriptor.h"
#include "arch/x86/layout.h"
#include "arch/x86/directmap.h"
#include "pvabi/errno.h"

#define DESC_S          (1u << 12)     /* code or data, not a system descriptor */
#define DESC_P          (1u << 15)
#define DESC_DPL_SHIFT  13
#define DESC_CODE       (1u << 11)
#define DESC_EXPDOWN    (1u << 10)     /* for data segments */
#define DESC_LONG       (1u << 21)     /* 64-bit code */
#define DESC_BIG        (1u << 22)
#define DESC_GRAN       (1u << 23)

bool check_descriptor(uint32_t lo, uint32_t *hi)
{
	uint32_t b = *hi;

	if (!(b & DESC_P))
		return true;
	if (!(b & DESC_S))
		return false;
	/* A 64-bit code segment would let ring 1 form upper-half addresses,
	 * where the hypervisor lives: only compatibility mode is allowed. */
	if (b & DESC_LONG)
		return false;
	if (((b >> DESC_DPL_SHIFT) & 3) == 0)
		b |= 1u << DESC_DPL_SHIFT;

	uint64_t base = (lo >> 16) | ((b & 0xff) << 16) | (b & 0xff000000u);
	uint64_t limit = (lo & 0xffff) | (b & 0x000f0000u);
	if (b & DESC_GRAN)
		limit = (limit << 12) | 0xfff;
	uint64_t last;
	if (!(b & DESC_CODE) && (b & DESC_EXPDOWN))
		last = base + ((b & DESC_BIG) ? 0xffffffffull : 0xffffull);
	else
		last = base + limit;
	/* The last byte the segment reaches (wrapping past 4 GiB counts as
	 * reaching the top) must lie below the hole. */
	if (last >= HOLE_START)
		return false;
	*hi = b;
	return true;
}

int check_descriptor_page(uint32_t mfn)
{
	uint32_t *d = map_frame(mfn);
	int rc = 0;

	for (unsigned i = 0; i < PAGE_SIZE / 4 && rc == 0; i += 2)
		if (!check_descriptor(d[i], &d[i + 1]))
			rc = -XEN_EINVAL;
	unmap_frame(d);
	return rc;
}
