#ifndef GRANT_LOOKUP_H
#define GRANT_LOOKUP_H

#include <stdint.h>

struct domain;

/* 0, -XEN_ESRCH (no such domain) or -XEN_EPERM (not the caller's to ask). */
int gnttab_lookup(uint16_t domid, struct domain **d);

#endif
