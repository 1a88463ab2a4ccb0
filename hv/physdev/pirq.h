/* Physical interrupts as event channels. A domain maps the IOAPIC line
 * (GSI) of a PCI device it holds to one of its pirq numbers; its table of
 * such mappings has a fixed size. A mapped pirq bound to a port gets the
 * line's interrupts; the line is masked from each interrupt until every
 * domain bound to it has EOIed (pirq_gsi.c), so a device that keeps
 * interrupting costs one interrupt per EOI. */
#ifndef PHYSDEV_PIRQ_H
#define PHYSDEV_PIRQ_H

#include <stdbool.h>
#include <stdint.h>

#define PIRQS_NR       256    /* a domain's pirq numbers: 0 to 255 */
#define PIRQ_MAPS_MAX  16     /* pirqs one domain has mapped at once */
#define GSI_MAX        48     /* IOAPIC lines served, at most */

#define PIRQ_USED      1u     /* the entry maps pirq to gsi */
#define PIRQ_SHARE     2u     /* bound with BIND_PIRQ__WILL_SHARE */
#define PIRQ_INFLIGHT  4u     /* told of an interrupt, no EOI yet */

struct pirq_map {
	uint16_t pirq;
	uint8_t gsi;
	uint8_t flags;                /* PIRQ_* */
	uint16_t port;                /* bound to this port; 0: not bound */
};

struct pirq_table {
	struct pirq_map m[PIRQ_MAPS_MAX];
};

/* The table alone (pirq_table.c, no hardware, unit-tested). */
/* pirq's entry, or NULL when it is out of range or not mapped. */
struct pirq_map *pirq_lookup(struct pirq_table *t, uint32_t pirq);
struct pirq_map *pirq_of_gsi(struct pirq_table *t, uint32_t gsi);
/* Map gsi (< GSI_MAX) to want, or to a free pirq when want is -1 (gsi
 * itself if free): the pirq, or -XEN_EINVAL (want out of range), -XEN_EEXIST
 * (want maps another line, or the line another pirq), -XEN_ENOSPC. A line
 * mapped already gives its pirq again. */
int pirq_table_map(struct pirq_table *t, int64_t want, uint32_t gsi);

struct domain;
/* The line and the domains (pirq_gsi.c). */
/* Bind d's mapped pirq to a new port: the port, or -XEN_EINVAL (not
 * mapped), -XEN_EEXIST (bound already), -XEN_EBUSY (the line is bound by
 * another domain and one of the two will not share), a port error. */
int pirq_bind(struct domain *d, uint32_t pirq, bool will_share);
/* Port was closed: its pirq is no longer bound. */
void pirq_unbind_port(struct domain *d, uint32_t pirq, uint32_t port);
/* d answers its bound pirq's interrupt: 0, or -XEN_EINVAL (not bound). */
int pirq_eoi(struct domain *d, uint32_t pirq);
/* Whether another domain is bound to the line of d's pirq. */
bool pirq_shared(struct domain *d, uint32_t pirq);
/* Let go of d's pirq (unbound first): 0, or -XEN_EINVAL (not mapped). */
int pirq_unmap(struct domain *d, uint32_t pirq);
/* d stopped (shut down, kept for domain 0): what it owed settled. */
void pirq_stopped(struct domain *d);
/* Every pirq of a dying domain. */
void pirq_release_all(struct domain *d);
/* From the IOAPIC's handler: gsi fired (and is masked). */
void pirq_gsi_fired(uint32_t gsi);

#endif
