/* What memory_op's commands share. */
#ifndef HYPERCALL_MEMOP_H
#define HYPERCALL_MEMOP_H

#include <stdint.h>
#include "arch/arch.h"
#include "domain/domain.h"
#include "pvabi/memory.h"

/* cmd: the command in its low bits, the extent to start at above. */
#define MEMOP_EXTENT_SHIFT 6
#define MEMOP_CMD_MASK     ((1u << MEMOP_EXTENT_SHIFT) - 1)

/* The domain a request names: itself, or (privileged callers only)
 * another; 0, -XEN_ESRCH or -XEN_EPERM. */
int memop_target(domid_t id, struct domain **out);
/* Another domain, as Xen looks up a remote one: DOMID_SELF and ids with no
 * domain are -XEN_ESRCH, the caller's own id -XEN_EPERM. */
int memop_remote(domid_t id, struct domain **out);

int32_t memory_exchange(guest_ptr_t arg);
int32_t machphys_mfn_list(guest_ptr_t arg);
int32_t set_memory_map(guest_ptr_t arg);
int32_t add_to_physmap(uint32_t start, guest_ptr_t arg);
int32_t add_to_physmap_batch(uint32_t start, guest_ptr_t arg);
int32_t remove_from_physmap(uint32_t start, guest_ptr_t arg);
int32_t pod_target(guest_ptr_t arg);
int32_t access_op(guest_ptr_t arg);
int32_t get_vnumainfo(uint32_t start, guest_ptr_t arg);
int32_t reserved_device_memory_map(uint32_t start, guest_ptr_t arg);
int32_t acquire_resource(guest_ptr_t arg);

#endif
