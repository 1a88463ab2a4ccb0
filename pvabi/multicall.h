/* HYPERVISOR_multicall(entries, nr): several hypercalls for the price of one
 * guest-hypervisor crossing.
 *
 * The hypervisor runs the nr entries in order, as if the guest had made each
 * hypercall op with args[0..4] in %ebx..%edi, and stores each one's return
 * value in its result. It returns 0 once all have run (an entry's failure
 * shows only in its result), or a negative error if the list itself is
 * unusable (e.g. -XEN_EFAULT). args[5] is unused on x86_32. An unknown op
 * gets -XEN_ENOSYS in its result. A guest MUST NOT batch multicall or iret;
 * the hypervisor MAY fail such an entry or stop the batch at it. */
#ifndef PVABI_MULTICALL_H
#define PVABI_MULTICALL_H

#ifndef __ASSEMBLER__

#include "types.h"

struct multicall_entry {
	xen_ulong_t op;            /* __HYPERVISOR_* */
	xen_ulong_t result;        /* OUT */
	xen_ulong_t args[6];
};
typedef struct multicall_entry multicall_entry_t;
PV_CHECK_SIZE(struct multicall_entry, 32);
PV_CHECK_OFFSET(struct multicall_entry, result, 4);
PV_CHECK_OFFSET(struct multicall_entry, args, 8);

#endif /* !__ASSEMBLER__ */

#endif
