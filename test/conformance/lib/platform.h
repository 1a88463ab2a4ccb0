/* Which hypervisor a conformance guest runs on.
 *
 * The guests boot unchanged on ringlet and on the reference Xen. Where the
 * two differ on purpose (pvabi/ABI.md names each such place), a check
 * states both expectations and picks one with on_ringlet(); everywhere else
 * both must behave the same. ringlet says who it is in
 * XENVER_extraversion ("-ringlet"). */
#ifndef CONFORMANCE_PLATFORM_H
#define CONFORMANCE_PLATFORM_H

#include <stdbool.h>
#include <stdint.h>

/* True when XENVER_extraversion names ringlet; asked once, then cached. */
bool on_ringlet(void);

/* "ringlet" or "Xen", for messages. */
const char *hypervisor_name(void);

/* "int $n" that the IDT refuses is a #GP whose error code names the vector:
 * (n << 3) | 2, and the hypervisor takes n from it to look the vector up in
 * the guest's trap table (TRAP-5). QEMU's TCG before 8.0 gets that error
 * code wrong in 64-bit mode (QEMU issue 1382: it reports (n << 4) | 2),
 * which is where the referee runs its 64-bit Xen: Xen then takes vector
 * (2n) mod 256 instead, and the guest sees the wrong error code too. A
 * 32-bit hypervisor (ringlet) gets the right one.
 *
 * softint_gp_error(n) is the error code "int $n" gets here and
 * softint_vector(n) the trap-table entry the hypervisor uses for it (n
 * itself on a correct CPU). A test that raises vector n with "int $n" sets
 * the same entry at softint_vector(n) too. The first call finds out by
 * running "int $0x44" with vector 0x44 (and 0x88) unset, so it must come
 * before a test sets them. */
uint32_t softint_gp_error(uint8_t n);
uint8_t softint_vector(uint8_t n);

#endif
