/* The only way the hypervisor touches guest memory through a guest's own
 * addresses: checked copies. An address range reaching into the hole is
 * refused outright (reads may cover the read-only M2P table at its start,
 * which guests can read themselves); a fault on the way (unmapped, read-only) is caught by
 * the exception-fixup table. Either way the result is -XEN_EFAULT, never a
 * hypervisor fault. They run on the current guest's page tables. */
#ifndef ARCH_X86_UACCESS_H
#define ARCH_X86_UACCESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "pvabi/types.h"

/* 0 or -XEN_EFAULT. */
int copy_from_guest(void *dst, guest_ptr_t src, size_t len);
int copy_to_guest(guest_ptr_t dst, const void *src, size_t len);

/* Does an array of n elem_size-byte elements at base lie wholly where a
 * guest may write (below the hole)? Xen's guest_handle_okay: a hypercall
 * checks a list this way before it acts on any of it. */
bool guest_array_ok(guest_ptr_t base, uint64_t n, uint32_t elem_size);

/* The element idx of an array of elem_size-byte elements at base. */
static inline guest_ptr_t guest_ptr_add(guest_ptr_t base, uint32_t idx, uint32_t elem_size)
{
	return guest_ptr(guest_ptr_va(base) + idx * elem_size);
}

#endif
