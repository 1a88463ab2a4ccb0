#include "domain/module_opts.h"
#include "boot/cmdline.h"
#include "domain/domain.h"
#include "grant/grant.h"
#include "lib/format.h"
#include "lib/string.h"
#include "sched/bvt.h"

bool domain_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '.' || c == '-';
}

static int parse_name(const struct cmdline_opt *opt, struct module_opts *o, char *err,
		      size_t errlen)
{
	if (!opt->val || opt->vallen == 0 || opt->vallen > DOMAIN_NAME_MAX ||
	    opt->vallen >= MODULE_NAME_MAX) {
		format(err, errlen, "name= needs 1 to %d characters", DOMAIN_NAME_MAX);
		return -1;
	}
	for (size_t i = 0; i < opt->vallen; i++) {
		if (!domain_name_char(opt->val[i])) {
			format(err, errlen, "name=%.*s: use letters, digits and _.- only",
			       (int)opt->vallen, opt->val);
			return -1;
		}
	}
	memcpy(o->name, opt->val, opt->vallen);
	o->name[opt->vallen] = '\0';
	return 0;
}

/* mem= or maxmem=: a size from 1M to 3G. */
static int parse_mem(const struct cmdline_opt *opt, uint64_t *out, char *err, size_t errlen)
{
	uint64_t bytes;

	if (!opt->val || parse_size(opt->val, opt->vallen, &bytes) < 0) {
		format(err, errlen, "%.*s=%.*s: expected a size such as 16M", (int)opt->keylen,
		       opt->key, (int)opt->vallen, opt->val ? opt->val : "");
		return -1;
	}
	if (bytes < MODULE_MEM_MIN || bytes > MODULE_MEM_MAX) {
		format(err, errlen, "%.*s=%.*s: must be between 1M and 3G", (int)opt->keylen,
		       opt->key, (int)opt->vallen, opt->val);
		return -1;
	}
	*out = bytes;
	return 0;
}

/* KEY=N with N from 1 to max. */
static int parse_number(const struct cmdline_opt *opt, uint32_t *out, uint32_t max, char *err,
			size_t errlen)
{
	uint64_t n;

	if (!opt->val || parse_uint(opt->val, opt->vallen, &n) < 0 || n == 0 || n > max) {
		format(err, errlen, "%.*s=%.*s: expected a number from 1 to %u", (int)opt->keylen,
		       opt->key, (int)opt->vallen, opt->val ? opt->val : "", max);
		return -1;
	}
	*out = (uint32_t)n;
	return 0;
}

/* KEY=US, microseconds from 0 to MODULE_WARP_MAX_US. */
static int parse_time(const struct cmdline_opt *opt, uint32_t *out, char *err, size_t errlen)
{
	uint64_t n;

	if (!opt->val || parse_uint(opt->val, opt->vallen, &n) < 0 || n > MODULE_WARP_MAX_US) {
		format(err, errlen, "%.*s=%.*s: expected microseconds from 0 to %u", (int)opt->keylen,
		       opt->key, (int)opt->vallen, opt->val ? opt->val : "", MODULE_WARP_MAX_US);
		return -1;
	}
	*out = (uint32_t)n;
	return 0;
}

bool module_is_initrd(const char *cmdline)
{
	struct cmdline_opt opt;

	for (const char *p = cmdline; (p = cmdline_next(p, &opt));)
		if (cmdline_key_is(&opt, "initrd"))
			return true;
	return false;
}

/* "initrd" is the whole command line or it is a mistake: anything beside it
 * would be an option for a domain the module does not make. */
static int check_initrd_alone(const char *cmdline, unsigned nr_opts, bool with_value,
			      char *err, size_t errlen)
{
	if (nr_opts == 1 && !with_value && !cmdline_rest(cmdline))
		return 0;
	format(err, errlen, "'initrd' must be the module's whole command line: the module is "
	       "then the initrd of the domain before it, and takes no options or arguments");
	return -1;
}

int module_opts_parse(const char *cmdline, struct module_opts *o, char *err, size_t errlen)
{
	struct cmdline_opt opt;
	const char *p = cmdline;
	unsigned nr_opts = 0;
	bool initrd_value = false;

	memset(o, 0, sizeof(*o));
	o->mem = MODULE_MEM_DEFAULT;
	o->weight = BVT_WEIGHT_DEFAULT;
	o->clones = 1;
	o->extra = -1;
	while ((p = cmdline_next(p, &opt))) {
		int rc = 0;
		nr_opts++;
		if (cmdline_key_is(&opt, "initrd")) {
			o->initrd = true;
			initrd_value = initrd_value || opt.val;
		} else if (cmdline_key_is(&opt, "name"))
			rc = parse_name(&opt, o, err, errlen);
		else if (cmdline_key_is(&opt, "mem"))
			rc = parse_mem(&opt, &o->mem, err, errlen);
		else if (cmdline_key_is(&opt, "maxmem"))
			rc = parse_mem(&opt, &o->maxmem, err, errlen);
		else if (cmdline_key_is(&opt, "weight"))
			rc = parse_number(&opt, &o->weight, BVT_WEIGHT_MAX, err, errlen);
		else if (cmdline_key_is(&opt, "clones"))
			rc = parse_number(&opt, &o->clones, MODULE_CLONES_MAX, err, errlen);
		else if (cmdline_key_is(&opt, "warp"))
			rc = parse_time(&opt, &o->warp_us, err, errlen);
		else if (cmdline_key_is(&opt, "warpl"))
			rc = parse_time(&opt, &o->warpl_us, err, errlen);
		else if (cmdline_key_is(&opt, "warpu"))
			rc = parse_time(&opt, &o->warpu_us, err, errlen);
		else if (cmdline_key_is(&opt, "period"))
			rc = parse_number(&opt, &o->period_us, MODULE_WARP_MAX_US, err, errlen);
		else if (cmdline_key_is(&opt, "slice"))
			rc = parse_number(&opt, &o->slice_us, MODULE_WARP_MAX_US, err, errlen);
		else if (cmdline_key_is(&opt, "latency"))
			rc = parse_time(&opt, &o->latency_us, err, errlen);
		else if (cmdline_key_is(&opt, "quantum"))
			rc = parse_number(&opt, &o->quantum_us, MODULE_WARP_MAX_US, err, errlen);
		else if (cmdline_key_is(&opt, "extra")) {
			uint32_t x = 0;
			rc = parse_time(&opt, &x, err, errlen);
			if (rc == 0 && x > 1) {
				format(err, errlen, "extra=%u: 0 or 1", x);
				rc = -1;
			}
			o->extra = (int)x;
		}
		else if (cmdline_key_is(&opt, "gnttab_frames"))
			rc = parse_number(&opt, &o->gnttab_frames, GNTTAB_MAX_FRAMES, err, errlen);
		else if (cmdline_key_is(&opt, "gnttab_maptrack"))
			rc = parse_number(&opt, &o->gnttab_maptrack, GNTTAB_MAX_MAPTRACK, err, errlen);
		else if (cmdline_key_is(&opt, "ioports")) {
			o->ioports_given = true;
			rc = ioports_parse(opt.val ? opt.val : "", opt.val ? opt.vallen : 0,
					   &o->ioports, err, errlen);
		}
		else if (cmdline_key_is(&opt, "pci")) {
			rc = pci_parse(opt.val ? opt.val : "", opt.val ? opt.vallen : 0, o->pci,
				       err, errlen);
			o->nr_pci = rc < 0 ? 0 : (uint32_t)rc;
		}
		else if (cmdline_key_is(&opt, "dom0") && !opt.val)
			o->dom0 = true;
		else {
			format(err, errlen, "unknown option '%.*s' (known: name=, mem=, maxmem=, weight=, "
			       "warp=, warpl=, warpu=, period=, slice=, latency=, extra=, "
			       "quantum=, clones=, gnttab_frames=, gnttab_maptrack=, ioports=, pci=, dom0, then -- and the guest's arguments)",
			       (int)opt.keylen, opt.key);
			rc = -1;
		}
		if (rc < 0)
			return -1;
	}
	if (o->maxmem && o->maxmem < o->mem) {
		format(err, errlen, "maxmem= is below mem=: the most it may have is at least what "
		       "it starts with");
		return -1;
	}
	if (o->initrd && check_initrd_alone(cmdline, nr_opts, initrd_value, err, errlen) < 0)
		return -1;
	const char *rest = cmdline_rest(cmdline);
	o->args = rest ? rest : "";
	return 0;
}
