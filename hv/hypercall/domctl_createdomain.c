/* XEN_DOMCTL_createdomain, ringlet's layout (pvabi/domctl.h): a domain
 * built by the boot path's builder from the image domain 0 staged
 * (domctl_image.c), with its store and console pages and ports as a boot
 * domain gets them. It is left paused and kept after a shutdown, for
 * domain 0 to destroy or rebuild. Its memory is zeroed first, a budget
 * per call (domctl_frames.c). Whatever fails, nothing stays behind: the
 * half-built domain is destroyed and the staged image freed. */
#include "hypercall/domctl.h"
#include "arch/x86/pv/build.h"
#include "arch/x86/uaccess.h"
#include "console/log.h"
#include "domain/domain.h"
#include "domain/module_opts.h"
#include "grant/grant.h"
#include "lib/string.h"
#include "mm/mm.h"
#include "physdev/physdev.h"
#include "pvabi/start_info.h"

struct request {
	char name[RINGLET_NAME_MAX + 1];
	char cmdline[MAX_GUEST_CMDLINE];
	struct pv_image img;
};

/* The arguments, checked and copied in: 0, -XEN_EINVAL or -XEN_EFAULT. */
static int read_request(const struct xen_domctl *dc, struct request *r)
{
	const struct ringlet_domctl_createdomain *c = &dc->u.createdomain;
	uint32_t len;

	if (dc->domain != 0 || c->flags || c->name_len == 0 || c->name_len > RINGLET_NAME_MAX ||
	    c->cmdline_len >= MAX_GUEST_CMDLINE || c->max_grant_frames > GNTTAB_MAX_FRAMES ||
	    c->mem_kb < (MODULE_MEM_MIN >> 10) || c->mem_kb > (MODULE_MEM_MAX >> 10) ||
	    c->name > UINT32_MAX || c->cmdline > UINT32_MAX)
		return -XEN_EINVAL;
	const uint8_t *image = domctl_image(&len);
	if (!image || c->elf_len == 0 || (uint64_t)c->elf_len + c->initrd_len != len)
		return -XEN_EINVAL;
	if (copy_from_guest(r->name, guest_ptr((uint32_t)c->name), c->name_len) < 0 ||
	    copy_from_guest(r->cmdline, guest_ptr((uint32_t)c->cmdline), c->cmdline_len) < 0)
		return -XEN_EFAULT;
	r->name[c->name_len] = '\0';
	r->cmdline[c->cmdline_len] = '\0';
	for (uint32_t i = 0; i < c->name_len; i++)
		if (!domain_name_char(r->name[i]))
			return -XEN_EINVAL;
	/* A NUL inside would cut the command line short unseen. */
	if (strlen(r->cmdline) != c->cmdline_len)
		return -XEN_EINVAL;
	r->img = (struct pv_image){
		.elf = image, .elf_len = c->elf_len,
		.module = c->initrd_len ? image + c->elf_len : NULL, .module_len = c->initrd_len,
		.cmdline = r->cmdline, .nr_pages = (uint32_t)(c->mem_kb >> 2),
	};
	return 0;
}

static int create(struct xen_domctl *dc, struct request *r)
{
	char err[160];

	int rc = read_request(dc, r);
	if (rc == 0)
		rc = domctl_frames_prepare(r->img.nr_pages);
	if (rc < 0)
		return rc;
	struct domain *d = domain_create(r->name, false);
	if (!d)
		return -XEN_ENOMEM;
	d->kept = true;
	d->pause_count = 1;
	d->gnttab_max_frames = dc->u.createdomain.max_grant_frames;
	ioports_default(d);
	d->max_pages = r->img.nr_pages;
	uint32_t *frames = domctl_frames_give(d);
	r->img.frames = frames;
	rc = pv_build(d, &r->img, err, sizeof(err));
	xfree(frames);
	if (rc < 0) {
		log_warn("domain 0 asked for a domain %s it cannot have: %s", r->name, err);
		domain_kill(d);
		return -XEN_EINVAL;
	}
	log_info("domain %u (%s): %u MiB, made by domain 0, guest command line '%s'", d->domid,
		 d->name, r->img.nr_pages >> 8, r->cmdline);
	dc->domain = d->domid;
	return 0;
}

int domctl_createdomain(struct xen_domctl *dc)
{
	/* Too big for the hypervisor's stack. */
	struct request *r = xmalloc(sizeof(*r));
	int rc = r ? create(dc, r) : -XEN_ENOMEM;

	xfree(r);
	/* Called again (the same arguments) while its frames are zeroed. */
	if (rc != -XEN_ERESTART)
		domctl_image_drop();
	return rc;
}
