/* Every Multiboot module becomes a domain at boot, except an initrd, which
 * becomes the start_info module of the domain before it. A module whose
 * domain cannot be built is refused alone (BOOT-13): its half-built domain
 * is destroyed and the others run. */
#include "domain/boot_domains.h"
#include "arch/x86/pv/build.h"
#include "arch/x86/pv/module_window.h"
#include "console/log.h"
#include "domain/domain.h"
#include "domain/module_initrd.h"
#include "domain/module_opts.h"
#include "lib/format.h"
#include "lib/string.h"
#include "mm/mm.h"
#include "sched/policy.h"
#include "sched/sched.h"

static struct module_opts opts[BOOT_MAX_MODULES];
static int initrd_of[BOOT_MAX_MODULES];         /* module_initrds() */
static unsigned built;                          /* domains built so far */
static struct domain *held;                     /* see refuse() */

/* Destroying the only domain there is stops the machine, before the
 * modules after it are built: the first refused domain is held back until
 * the end of the boot, and the others go at once. */
static void refuse(struct domain *d)
{
	if (built == 0 && !held)
		held = d;
	else
		domain_destroy(d, "its module was refused");
}

/* The privileged one: the module that says dom0, else the first. */
static int pick_dom0(const struct bootinfo *bi)
{
	int found = -1;

	for (unsigned i = 0; i < bi->nr_modules; i++) {
		if (!opts[i].dom0)
			continue;
		if (found >= 0) {
			log_err("modules %d and %u both say dom0; only one domain is privileged",
				found + 1, i + 1);
			return -2;
		}
		found = (int)i;
	}
	return found >= 0 ? found : 0;
}

/* The module's scheduling options over the policy's defaults. */
static int set_sched_params(struct domain *d, const struct module_opts *o, char *err,
			    size_t errlen)
{
	struct sched_params p = { 0 };

	sched->get_params(&d->vcpu, &p);
	p.weight = o->weight;
	p.warp_ns = o->warp_us * 1000ull;
	p.warp_limit_ns = o->warpl_us * 1000ull;
	p.unwarp_req_ns = o->warpu_us * 1000ull;
	if (o->period_us)
		p.period_ns = o->period_us * 1000ull;
	if (o->slice_us)
		p.slice_ns = o->slice_us * 1000ull;
	if (o->latency_us)
		p.latency_ns = o->latency_us * 1000ull;
	if (o->extra >= 0)
		p.extra = o->extra;
	if (o->quantum_us)
		p.quantum_ns = o->quantum_us * 1000ull;
	return sched->set_params(&d->vcpu, &p, err, errlen);
}

/* Module i's image and its initrd (if any) in img: the builder reads from
 * the one while it copies the other. */
static int map_image(const struct bootinfo *bi, unsigned i, struct pv_image *img)
{
	const struct boot_module *m = &bi->modules[i];

	img->elf = module_map(m->start, m->end);
	img->elf_len = (size_t)(m->end - m->start);
	if (initrd_of[i] >= 0) {
		m = &bi->modules[initrd_of[i]];
		img->module = module_map(m->start, m->end);
		img->module_len = (size_t)(m->end - m->start);
	}
	if (!img->elf || (initrd_of[i] >= 0 && !img->module)) {
		log_err("module %u (%s): lies beyond the machine memory ringlet uses",
			(unsigned)(m - bi->modules) + 1, m->cmdline);
		return -1;
	}
	return 0;
}

/* Build one domain from module i; clone is 1..clones, or 0 when the module
 * makes one domain only. Each clone gets its own copy of the initrd. */
static int build_one(const struct bootinfo *bi, unsigned i, unsigned clone, bool privileged)
{
	const struct boot_module *m = &bi->modules[i];
	char name[MODULE_NAME_MAX + 8], err[160];

	if (opts[i].name[0])
		format(name, sizeof(name), "%s", opts[i].name);
	else
		format(name, sizeof(name), "dom%u", i);
	if (clone)
		format(name + strlen(name), sizeof(name) - strlen(name), "-%u", clone);
	struct domain *d = domain_create(name, privileged);
	if (!d) {
		log_err("module %u (%s): no hypervisor memory for another domain", i + 1, m->cmdline);
		return -1;
	}
	d->gnttab_max_frames = opts[i].gnttab_frames;
	d->gnttab_max_maptrack = opts[i].gnttab_maptrack;
	if (opts[i].ioports_given)
		d->ioports = opts[i].ioports;
	else
		ioports_default(d);
	if (pci_give(d, opts[i].pci, clone <= 1 ? opts[i].nr_pci : 0, err, sizeof(err)) < 0) {
		log_err("module %u (%s): %s", i + 1, m->cmdline, err);
		refuse(d);
		return -1;
	}
	struct pv_image img = {
		.cmdline = opts[i].args, .nr_pages = (uint32_t)(opts[i].mem >> 12),
	};
	if (map_image(bi, i, &img) < 0) {
		refuse(d);
		return -1;
	}
	int rc = pv_build(d, &img, err, sizeof(err));
	if (rc < 0) {
		log_err("module %u (%s): cannot build a domain from it: %s", i + 1, m->cmdline, err);
		refuse(d);
		return -1;
	}
	if (opts[i].maxmem > opts[i].mem)
		d->max_pages = (uint32_t)(opts[i].maxmem >> 12);      /* 3G at most */
	if (set_sched_params(d, &opts[i], err, sizeof(err)) < 0) {
		log_err("module %u (%s): %s scheduler: %s", i + 1, m->cmdline, sched->name, err);
		refuse(d);
		return -1;
	}
	/* With many clones, one line for the module says enough. */
	if (clone <= 1)
		log_info("domain %u (%s): %u MiB%s, guest command line '%s'", d->domid, d->name,
			 img.nr_pages >> 8, privileged ? ", privileged" : "", img.cmdline);
	if (clone <= 1 && img.module)
		log_info("domain %u (%s): module %d is its initrd (%zu bytes)", d->domid, d->name,
			 initrd_of[i] + 1, img.module_len);
	sched_wake(&d->vcpu);
	return 0;
}

int boot_domains(const struct bootinfo *bi)
{
	char err[256];

	for (unsigned i = 0; i < bi->nr_modules; i++) {
		if (module_opts_parse(bi->modules[i].cmdline, &opts[i], err, sizeof(err)) < 0) {
			log_err("module %u (%s): %s", i + 1, bi->modules[i].cmdline, err);
			return -1;
		}
	}
	if (module_initrds(opts, bi->nr_modules, initrd_of, err, sizeof(err)) < 0) {
		log_err("%s", err);
		return -1;
	}
	int dom0 = pick_dom0(bi);
	if (dom0 < 0)
		return -1;
	struct mm_stats before, after;
	mm_stats(&before);
	for (unsigned i = 0; i < bi->nr_modules; i++) {
		if (opts[i].initrd)
			continue;
		unsigned clones = opts[i].clones, first = built;
		for (unsigned c = 1; c <= clones; c++)
			/* Of a privileged module's clones, the first is privileged. */
			if (build_one(bi, i, clones > 1 ? c : 0, (int)i == dom0 && c == 1) == 0)
				built++;
		if (clones > 1)
			log_info("module %u: %u clones built", i + 1, built - first);
	}
	if (built == 0)
		log_err("no domain could be built from the %u module(s)", bi->nr_modules);
	if (held) {
		struct domain *d = held;
		held = NULL;
		domain_destroy(d, "its module was refused");
	}
	if (built == 0)
		return -1;
	mm_stats(&after);
	uint32_t heap = (after.heap_pages - before.heap_pages) * 4096;
	log_info("%u domain(s) built; the hypervisor's heap grew by %u KiB, %u bytes a domain",
		 built, heap >> 10, heap / built);
	return 0;
}
