/* The console: the hypervisor's own (console_io) and the console ring page a
 * domain shares with its console backend.
 *
 *  HYPERVISOR_console_io(cmd, count, buf)
 *    CONSOLEIO_write writes count bytes from buf to the hypervisor console
 *    and returns 0. The hypervisor MAY drop non-printable bytes and buffer
 *    output up to a newline for all but the control domain. CONSOLEIO_read
 *    reads up to count bytes of input into buf and returns how many; the
 *    hypervisor MAY allow it to privileged domains only.
 *
 * The ring page (start_info.console.domU.mfn, notified through
 * console.domU.evtchn) holds two byte rings: out, guest to backend, and in,
 * backend to guest. Indices run freely and wrap at 2^32; a ring's bytes are at
 * index & (size - 1). Each producer writes bytes first, then (after a write
 * barrier) advances its prod index, then notifies the event channel; each
 * consumer reads prod, then (after a read barrier) the bytes, then advances
 * cons. Neither side MAY trust the other's indices: prod - cons beyond the
 * ring's size is the peer's bug and MUST NOT make a reader run off the ring. */
#ifndef PVABI_CONSOLE_H
#define PVABI_CONSOLE_H

#define CONSOLEIO_write  0
#define CONSOLEIO_read   1
/* A ringlet extension (CONS-11): a privileged domain's console backend
 * writes count bytes from buf as domain domid's console output, with its
 * name's prefix: HYPERVISOR_console_io(CONSOLEIO_ringlet_write_as, count,
 * buf, domid). */
#define CONSOLEIO_ringlet_write_as  0x200

/* xencons_interface.connection, written by the backend. A guest MAY hold
 * back output while it reads DISCONNECTED; 0 doubles as "connected" so a
 * backend that never writes the field (a zeroed page) still gets output. */
#define XENCONSOLE_CONNECTED     0
#define XENCONSOLE_DISCONNECTED  1

#ifndef __ASSEMBLER__

#include "types.h"

typedef uint32_t XENCONS_RING_IDX;

/* The position of index idx in ring, an array whose size is a power of 2. */
#define MASK_XENCONS_IDX(idx, ring) ((idx) & (sizeof(ring) - 1))

struct xencons_interface {
	char in[1024];             /* backend -> guest */
	char out[2048];            /* guest -> backend */
	XENCONS_RING_IDX in_cons, in_prod;
	XENCONS_RING_IDX out_cons, out_prod;
	uint8_t connection;        /* XENCONSOLE_* */
};
PV_CHECK_OFFSET(struct xencons_interface, out, 1024);
PV_CHECK_OFFSET(struct xencons_interface, in_cons, 3072);
PV_CHECK_OFFSET(struct xencons_interface, in_prod, 3076);
PV_CHECK_OFFSET(struct xencons_interface, out_cons, 3080);
PV_CHECK_OFFSET(struct xencons_interface, out_prod, 3084);
PV_CHECK_OFFSET(struct xencons_interface, connection, 3088);
PV_CHECK_SIZE(struct xencons_interface, 3092);

#endif /* !__ASSEMBLER__ */

#endif
