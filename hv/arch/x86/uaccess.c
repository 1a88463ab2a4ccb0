#include "arch/x86/uaccess.h"
#include "arch/x86/layout.h"
#include "arch/x86/traps.h"
#include "pvabi/errno.h"

static int range_ok(uint32_t va, size_t len)
{
	return len <= HOLE_START && va <= HOLE_START - len;
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
	if (!range_ok(guest_ptr_va(src), len))
		return -XEN_EFAULT;
	return raw_copy(dst, (const void *)(uintptr_t)guest_ptr_va(src), len) ? -XEN_EFAULT : 0;
}

int copy_to_guest(guest_ptr_t dst, const void *src, size_t len)
{
	if (!range_ok(guest_ptr_va(dst), len))
		return -XEN_EFAULT;
	return raw_copy((void *)(uintptr_t)guest_ptr_va(dst), src, len) ? -XEN_EFAULT : 0;
}
