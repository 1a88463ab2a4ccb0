/* The store's server, for domain 0: it finds the other domains as a
 * toolstack does, writes each one's /local/domain/<id> as Xen's toolstack
 * does, introduces it and answers its ring; a domain that is gone is
 * released. */
#ifndef STORE_SERVER_H
#define STORE_SERVER_H

#include <stdbool.h>
#include <stdint.h>
#include "pvabi/domctl.h"
#include "store/xs_wire.h"

/* Make the store and connect the domains there are now: 0, or -1 (not
 * the control domain, or no memory). own_virq: bind VIRQ_DOM_EXC to hear
 * of domains that end (else the server looks every 100 ms, or when
 * xenstored_kick is called). */
int xenstored_init(bool own_virq);
/* Answer the domains until none is left: the number of requests answered. */
unsigned xenstored_run(void);
/* Keep answering when no other domain is left (a toolstack makes more). */
void xenstored_keep_up(void);
/* xenstored_init, then xenstored_run in a thread of its own: 0 or -1. */
int xenstored_start(void);
/* Look again at the domains soon (from an event handler too). */
void xenstored_kick(void);
/* Each domain's name in the store, one line each, after prefix:
 * "<prefix>store: /local/domain/1/name = hello". */
void xenstored_list(const char *prefix);

/* One request from domain 0 to the store, its reply's payload in out (max
 * bytes, NUL added; out may be NULL): 0, or -1 when it is an error. */
int xenstored_ask(uint32_t type, const char *payload, uint32_t len, char *out, uint32_t max);
/* Is the store in this domain (xenstored_init done)? */
bool xenstored_here(void);
/* The watch events domain 0 had so far; wait until one fires after *seen
 * (such a count, updated) or deadline_ns passes: true when one fired. */
unsigned xenstored_events(void);
bool xenstored_wait_event(unsigned *seen, uint64_t deadline_ns);

/* server_dom.c: write /local/domain/<id> for the domain info describes,
 * as Xen's toolstack does, before it is introduced. */
void xenstored_describe(const struct xen_domctl_getdomaininfo *info);

#endif
