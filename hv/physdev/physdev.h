/* Real devices for a domain: which I/O ports it holds, and the per-vCPU
 * I/O privilege (virtual IOPL, I/O bitmap) that lets its code reach them.
 * The policy lives here; the instructions themselves are decoded and
 * performed by the arch code (arch/x86/pv/io_emul.c). */
#ifndef PHYSDEV_PHYSDEV_H
#define PHYSDEV_PHYSDEV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "pvabi/types.h"

/* A domain's ports: a few inclusive ranges, kept sorted and disjoint. */
#define IOPORT_RANGES_MAX 16
struct ioport_range {
	uint16_t first, last;
};
struct ioports {
	uint32_t nr;
	struct ioport_range r[IOPORT_RANGES_MAX];
};

/* Add first..last: 0, or -1 when the ranges are full. */
int ioports_add(struct ioports *p, uint16_t first, uint16_t last);

/* "0x1f0-0x1f7,0x3f6" (hex with 0x, or decimal) added to p: 0, or -1 with
 * err saying what is wrong: bad syntax, too many ranges, or a port the
 * hypervisor drives itself. */
int ioports_parse(const char *s, size_t len, struct ioports *p, char *err, size_t errlen);

struct domain;
/* Whether d may reach every port of port..port+len-1 (64-bit arithmetic:
 * no wrap past 0xffff): its ranges hold them and the hypervisor owns none. */
bool ioports_held(const struct domain *d, uint32_t port, uint32_t len);

/* What a domain starts with: the privileged one every port (less the
 * hypervisor's own, which ioports_held always refuses), others none; a
 * module's ioports= replaces that. */
void ioports_default(struct domain *d);

/* PHYSDEVOP_map_pirq and unmap_pirq (map_pirq.c). */
int32_t physdev_map_pirq(guest_ptr_t arg);
int32_t physdev_unmap_pirq(guest_ptr_t arg);

#endif
