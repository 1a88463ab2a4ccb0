#include "arch/x86/uaccess.h"
#include "arch/x86/layout.h"
#include "arch/x86/traps.h"
#include "pvabi/errno.h"

/* Guests may write below the hole only; they may read the read-only
 * machine-to-physical table at its start too, as they can themselves. */
static int range_ok(uint32_t va, size_t len, uint32_t limit)
{
	return len <= limit && va <= limit - len;
}

bool guest_array_ok(guest_ptr_t base, uint64_t n, uint32_t elem_size)
{
	uint64_t len = n * elem_size;     /* n < 2^32: no overflow */

	return n <= UINT32_MAX && (uint64_t)guest_ptr_va(base) + len <= HOLE_START;
}

/* Copy n bytes; return how many were left when a fault stopped it. */
static size_t raw_copy(void *to, const void *from, size_t n)
{
	asm volatile("1:\trep movsb\n2:\n\t" EXTABLE_ENTRY(1b, 2b)
		     : "+D"(to), "+S"(from), "+c"(n) : : "memory");
	return n;
}

int copy_from_guest(void *dst, guest_ptr_t src, size_t len)
{
	if (!range_ok(guest_ptr_va(src), len, RO_M2P_END))
		return -XEN_EFAULT;
	return raw_copy(dst, (const void *)(uintptr_t)guest_ptr_va(src), len) ? -XEN_EFAULT : 0;
}

int copy_to_guest(guest_ptr_t dst, const void *src, size_t len)
{
	if (!range_ok(guest_ptr_va(dst), len, HOLE_START))
		return -XEN_EFAULT;
	return raw_copy((void *)(uintptr_t)guest_ptr_va(dst), src, len) ? -XEN_EFAULT : 0;
}
