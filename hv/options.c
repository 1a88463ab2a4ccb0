#include "options.h"
#include "boot/cmdline.h"
#include "console/log.h"
#include "hypercall/trace.h"
#include "lib/string.h"
#include "sched/policy.h"

struct hv_options opts;

static bool value_is(const struct cmdline_opt *o, const char *v)
{
	return o->val && o->vallen == strlen(v) && strncmp(o->val, v, o->vallen) == 0;
}

static void bad_value(const struct cmdline_opt *o, const char *expected)
{
	log_warn("%.*s=%.*s: expected %s; option ignored", (int)o->keylen, o->key,
		 (int)o->vallen, o->val ? o->val : "", expected);
}

static void parse_one(const struct cmdline_opt *o)
{
	if (cmdline_key_is(o, "loglvl")) {
		enum log_level lvl;
		if (o->val && log_level_parse(o->val, o->vallen, &lvl) == 0)
			log_threshold = lvl;
		else
			bad_value(o, "error, warn, info or debug");
	} else if (cmdline_key_is(o, "sched")) {
		if (!o->val || sched_select(o->val, o->vallen) < 0)
			bad_value(o, "bvt, atropos or rrobin");
	} else if (cmdline_key_is(o, "sched_charge")) {
		if (value_is(o, "served") || value_is(o, "own"))
			sched_charge_served = value_is(o, "served");
		else
			bad_value(o, "served or own");
	} else if (cmdline_key_is(o, "hvtrace")) {
		if (o->val && o->vallen)
			hypercall_trace_select(o->val, o->vallen);
		else
			bad_value(o, "a domain's name or id");
	} else if (cmdline_key_is(o, "selftest")) {
		opts.selftest = true;
	} else if (cmdline_key_is(o, "timer")) {
		if (value_is(o, "pit") || value_is(o, "lapic"))
			opts.timer_pit = value_is(o, "pit");
		else
			bad_value(o, "pit or lapic");
	} else if (cmdline_key_is(o, "fault")) {
		if (value_is(o, "pf"))
			opts.fault = FAULT_PF;
		else if (value_is(o, "ud"))
			opts.fault = FAULT_UD;
		else if (value_is(o, "de"))
			opts.fault = FAULT_DE;
		else
			bad_value(o, "pf, ud or de");
	} else {
		log_warn("unknown option '%.*s' ignored", (int)o->keylen, o->key);
	}
}

void options_parse(const char *cmdline)
{
	struct cmdline_opt o;
	const char *p = cmdline;

	while ((p = cmdline_next(p, &o)))
		parse_one(&o);
}
