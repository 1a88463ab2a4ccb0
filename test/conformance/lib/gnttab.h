/* Grant tables from a conformance guest (pvabi/grant_table.h): the table
 * set up and mapped, entries written, one-element calls.
 *
 * Conformance guests boot as the first domain, domain 0, on ringlet and on
 * Xen alike: a grant to GNT_SELF_ID is a grant to oneself. */
#ifndef CONFORMANCE_GNTTAB_H
#define CONFORMANCE_GNTTAB_H

#include <stdbool.h>
#include <stdint.h>

#include "pvabi/grant_table.h"

#define GNT_SELF_ID 0

/* The table grown to n frames and mapped writable (contiguously); NULL,
 * with a test_error, when that fails. */
volatile struct grant_entry_v1 *gnt_setup(uint32_t n);

/* Entry ref of the mapped table: flags last, as the ABI says. */
void gnt_grant(uint32_t ref, uint16_t domid, uint32_t frame, uint16_t flags);

long gnt_op(uint32_t cmd, void *uop, uint32_t count);

/* One map: its status; *handle (may be NULL) set on success. */
int16_t gnt_map(uint64_t host_addr, uint32_t flags, uint32_t ref, uint16_t dom,
		uint32_t *handle);
int16_t gnt_unmap(uint64_t host_addr, uint64_t dev_bus_addr, uint32_t handle);

/* "GNTST_okay", "GNTST_bad_gntref", ... for messages. */
const char *gnt_status_name(int status);

#endif
