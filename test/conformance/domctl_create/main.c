/* domctl_create: ringlet's createdomain and load_image (Xen's toolstack
 * builds domains itself, with another createdomain layout), from the
 * control domain alone: bad input refused, nothing left behind.
 *
 * Rules checked (pvabi/ABI.md):
 *   DOMCTL-6  load_image: a length of 0 or above RINGLET_LOAD_CHUNK, a
 *             buffer above 4 GiB, a total of 0, another domain's id, a
 *             chunk out of order or past the total, padding not 0:
 *             -EINVAL; a total above RINGLET_IMAGE_MAX: -E2BIG; a buffer
 *             it cannot read: -EFAULT
 *   DOMCTL-7  createdomain: with no image staged, a domain id, flags, a
 *             name empty, too long or with other characters, memory out of
 *             1 MiB..3 GiB, lengths that do not fill the image: -EINVAL; a
 *             name it cannot read: -EFAULT; more memory than is free:
 *             -ENOMEM; an image that is no ELF kernel: -EINVAL; each uses
 *             the image up, and no domain is left behind
 *   DOMCTL-4  destroying itself: -EINVAL */
#include "guest.h"

#include "domctl.h"

const char test_title[] = "domctl_create: domctl's createdomain and load_image (ringlet's "
			  "layout): bad input refused, nothing left behind";

static uint8_t chunk[8192];

static long load(uint64_t buf, uint32_t offset, uint32_t len, uint32_t total)
{
	struct xen_domctl dc = domctl_request(RINGLET_DOMCTL_load_image, 0);

	dc.u.load_image = (struct ringlet_domctl_load_image){
		.buf = buf, .offset = offset, .len = len, .total = total,
	};
	return hypercall_domctl(&dc);
}

static void load_image(void)
{
	uint64_t buf = (uintptr_t)chunk;

	check_rc("DOMCTL-6", "length 0", load(buf, 0, 0, 4096), -XEN_EINVAL);
	check_rc("DOMCTL-6", "a chunk above the limit", load(buf, 0, RINGLET_LOAD_CHUNK + 1,
		 RINGLET_LOAD_CHUNK + 1), -XEN_EINVAL);
	check_rc("DOMCTL-6", "a buffer above 4 GiB", load(buf | (1ull << 32), 0, 4096, 4096),
		 -XEN_EINVAL);
	check_rc("DOMCTL-6", "a total of 0", load(buf, 0, 4096, 0), -XEN_EINVAL);
	check_rc("DOMCTL-6", "a total above the limit", load(buf, 0, 4096, RINGLET_IMAGE_MAX + 1),
		 -XEN_E2BIG);
	check_rc("DOMCTL-6", "an unmapped buffer", load(initial_region_end(), 0, 4096, 8192),
		 -XEN_EFAULT);
	check_rc("DOMCTL-6", "a NULL buffer", load(0, 0, 4096, 8192), -XEN_EFAULT);
	check_rc("DOMCTL-6", "a chunk past the total", load(buf, 0, 8192, 4096), -XEN_EINVAL);
	struct xen_domctl dc = domctl_request(RINGLET_DOMCTL_load_image, 0);
	dc.domain = 1;
	dc.u.load_image = (struct ringlet_domctl_load_image){ .buf = buf, .len = 16, .total = 16 };
	check_rc("DOMCTL-6", "for another domain", hypercall_domctl(&dc), -XEN_EINVAL);
	dc.domain = 0;
	dc.u.load_image._pad = 1;
	check_rc("DOMCTL-6", "padding not 0", hypercall_domctl(&dc), -XEN_EINVAL);
	check_rc("DOMCTL-6", "the first chunk of two", load(buf, 0, 4096, 8192), 0);
	check_rc("DOMCTL-6", "a chunk out of order", load(buf, 8000, 192, 8192), -XEN_EINVAL);
	check_rc("DOMCTL-6", "a chunk naming another total", load(buf, 4096, 4096, 12288),
		 -XEN_EINVAL);
	check_rc("DOMCTL-6", "the second chunk", load(buf, 4096, 4096, 8192), 0);
}

static const char good_name[] = "child";

static struct xen_domctl create_request(void)
{
	struct xen_domctl dc = domctl_request(XEN_DOMCTL_createdomain, 0);

	dc.u.createdomain = (struct ringlet_domctl_createdomain){
		.name = (uintptr_t)good_name, .name_len = 5, .cmdline = (uintptr_t)"",
		.elf_len = 8192, .mem_kb = 16384,
	};
	return dc;
}

/* A request, with a garbage image of 8 KiB staged first. */
static long create(struct xen_domctl *dc)
{
	memset(chunk, 0x5a, sizeof(chunk));
	if (load((uintptr_t)chunk, 0, sizeof(chunk), sizeof(chunk)) != 0)
		return 1;
	return hypercall_domctl(dc);
}

static void no_domain_left(const char *after)
{
	struct xen_domctl dc = domctl_request(XEN_DOMCTL_getdomaininfo, 0);
	char what[96];

	dc.domain = 1;
	format(what, sizeof(what), "no domain but itself after %s", after);
	check_rc("DOMCTL-7", what, hypercall_domctl(&dc), -XEN_ESRCH);
}

static void createdomain(void)
{
	struct xen_domctl dc = create_request();
	static const char bad_name[] = "a/b";

	/* load_image left 8 KiB staged: a request that fails uses it up. */
	dc.domain = 5;
	check_rc("DOMCTL-7", "a domain id given", hypercall_domctl(&dc), -XEN_EINVAL);
	dc = create_request();
	check_rc("DOMCTL-7", "no image staged (the last one used up)", hypercall_domctl(&dc),
		 -XEN_EINVAL);
	dc.u.createdomain.flags = 1;
	check_rc("DOMCTL-7", "flags", create(&dc), -XEN_EINVAL);
	dc = create_request();
	dc.u.createdomain.name_len = 0;
	check_rc("DOMCTL-7", "an empty name", create(&dc), -XEN_EINVAL);
	dc.u.createdomain.name_len = RINGLET_NAME_MAX + 1;
	check_rc("DOMCTL-7", "a name too long", create(&dc), -XEN_EINVAL);
	dc = create_request();
	dc.u.createdomain.name = (uintptr_t)bad_name;
	dc.u.createdomain.name_len = 3;
	check_rc("DOMCTL-7", "a name with a '/'", create(&dc), -XEN_EINVAL);
	dc.u.createdomain.name = initial_region_end();
	check_rc("DOMCTL-7", "a name it cannot read", create(&dc), -XEN_EFAULT);
	dc = create_request();
	dc.u.createdomain.mem_kb = 512;
	check_rc("DOMCTL-7", "512 KiB of memory", create(&dc), -XEN_EINVAL);
	dc.u.createdomain.mem_kb = 4ull << 20;
	check_rc("DOMCTL-7", "4 GiB of memory", create(&dc), -XEN_EINVAL);
	dc = create_request();
	dc.u.createdomain.elf_len = 4096;
	check_rc("DOMCTL-7", "an ELF length short of the image", create(&dc), -XEN_EINVAL);
	dc.u.createdomain.initrd_len = 8192;
	check_rc("DOMCTL-7", "lengths beyond the image", create(&dc), -XEN_EINVAL);
	dc = create_request();
	dc.u.createdomain.mem_kb = 3ull << 20;
	check_rc("DOMCTL-7", "3 GiB, more than is free", create(&dc), -XEN_ENOMEM);
	no_domain_left("the refusals");
	dc = create_request();
	check_rc("DOMCTL-7", "an image that is no ELF", create(&dc), -XEN_EINVAL);
	no_domain_left("a garbage image");
	dc = domctl_request(XEN_DOMCTL_destroydomain, 0);
	check_rc("DOMCTL-4", "destroying itself", hypercall_domctl(&dc), -XEN_EINVAL);
}

void test_main(void)
{
	load_image();
	createdomain();
	test_success();
}
