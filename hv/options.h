/* The hypervisor's command-line options. */
#ifndef OPTIONS_H
#define OPTIONS_H

#include <stdbool.h>

enum deliberate_fault { FAULT_NONE, FAULT_PF, FAULT_UD, FAULT_DE };

struct hv_options {
	bool selftest;                   /* selftest: check the machine, then stop */
	bool timer_pit;                  /* timer=pit: use the PIT even with an APIC */
	enum deliberate_fault fault;     /* fault=pf|ud|de: crash on purpose */
};

extern struct hv_options opts;

/* Unknown options and bad values are warned about and ignored. */
void options_parse(const char *cmdline);

#endif
