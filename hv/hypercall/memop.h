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
int32_t memory_exchange(guest_ptr_t arg);

#endif
