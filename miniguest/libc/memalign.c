/* posix_memalign, which newlib declares (and aligned_alloc calls) but does
 * not provide for this target; its memalign does the work. */
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>

int posix_memalign(void **out, size_t alignment, size_t size)
{
	if (alignment < sizeof(void *) || (alignment & (alignment - 1)))
		return EINVAL;
	void *p = memalign(alignment, size);
	if (!p)
		return ENOMEM;
	*out = p;
	return 0;
}
