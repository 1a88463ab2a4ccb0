/* RINGLET_DOMCTL_load_image: the image createdomain builds from, staged in
 * the hypervisor's heap a chunk at a time, so that no one call copies more
 * than RINGLET_LOAD_CHUNK bytes (1024 units of 64 bytes, half of
 * HYPERCALL_BUDGET) and the builder reads the image whole from memory no
 * guest can change under it. Only the privileged domain stages one, so
 * there is one. */
#include "hypercall/domctl.h"
#include "arch/x86/uaccess.h"
#include "domain/domain.h"
#include "hypercall/budget.h"
#include "mm/mm.h"
#include "sched/sched.h"

static uint8_t *image;
static uint32_t image_size, image_loaded;

void domctl_image_drop(void)
{
	domctl_frames_drop();
	xfree(image);
	image = NULL;
	image_size = image_loaded = 0;
}

const uint8_t *domctl_image(uint32_t *len)
{
	if (!image || image_loaded != image_size)
		return NULL;
	*len = image_size;
	return image;
}

/* offset 0 starts a new image: -XEN_E2BIG beyond the limit, -XEN_ENOMEM
 * when the heap has no room for it. */
static int start(uint32_t total)
{
	domctl_image_drop();
	if (total == 0)
		return -XEN_EINVAL;
	if (total > RINGLET_IMAGE_MAX)
		return -XEN_E2BIG;
	image = xmalloc(total);
	if (!image)
		return -XEN_ENOMEM;
	image_size = total;
	return 0;
}

int domctl_load_image(struct xen_domctl *dc)
{
	const struct ringlet_domctl_load_image *l = &dc->u.load_image;

	if (dc->domain != current->d->domid || l->_pad || l->len == 0 ||
	    l->len > RINGLET_LOAD_CHUNK || l->buf > UINT32_MAX)
		return -XEN_EINVAL;
	if (l->offset == 0) {
		int rc = start(l->total);
		if (rc < 0)
			return rc;
	} else if (!image || l->total != image_size || l->offset != image_loaded) {
		return -XEN_EINVAL;
	}
	if ((uint64_t)l->offset + l->len > image_size)
		return -XEN_EINVAL;
	if (copy_from_guest(image + l->offset, guest_ptr((uint32_t)l->buf), l->len) < 0)
		return -XEN_EFAULT;
	budget_charge(l->len / 64);
	image_loaded += l->len;
	return 0;
}
