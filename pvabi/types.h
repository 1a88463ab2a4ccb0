/* The scalar types every other pvabi header is built from, and the special
 * domain ids.
 *
 * The guest ABI is an i386 ABI. Whoever compiles these headers -- the
 * hypervisor and guests (i686) or host tests and tools (x86_64) -- must get
 * every struct byte for byte as an i386 compiler lays out Xen's x86_32
 * structs. Only two things would differ on a 64-bit host, and each has a type
 * of its own here:
 *
 *  - 64-bit fields. i386 places a 64-bit integer inside a struct on a 4-byte
 *    boundary, x86_64 on an 8-byte one. Every 64-bit field in pvabi is a
 *    pv_u64 (or pv_s64): a 64-bit integer whose typedef lowers its alignment
 *    to 4 on every target. A plain uint64_t MUST NOT appear in an ABI struct.
 *
 *  - guest pointers. A guest pointer is a 32-bit guest virtual address, held
 *    in a guest_ptr_t: a struct around a uint32_t, never a C pointer (which is
 *    8 bytes on the host). Being a struct, it cannot be dereferenced, compared
 *    or mixed with integers by accident. The hypervisor turns one into data
 *    only through its checked copy routines (copy_from_guest and friends);
 *    a guest, built with PVABI_GUEST defined, converts between its own
 *    pointers and guest_ptr_t with guest_ptr_from() and guest_ptr_get().
 *
 * Xen's "unsigned long", xen_ulong_t and xen_pfn_t are 32 bits on x86_32;
 * here they are uint32_t, spelled xen_ulong_t and xen_pfn_t where Xen does.
 */
#ifndef PVABI_TYPES_H
#define PVABI_TYPES_H

#ifndef __ASSEMBLER__

#include <stdint.h>

/* 64-bit integers as i386 lays them out inside structs: 4-byte aligned.
 * On a typedef, GCC and clang honour an alignment lower than the natural one.
 * Code that takes the address of such a field MUST keep the pv_u64 type (or
 * copy the value out); converting it to uint64_t * claims an alignment the
 * field may not have. */
typedef uint64_t pv_u64 __attribute__((aligned(4)));
typedef int64_t  pv_s64 __attribute__((aligned(4)));

/* ... and where Xen's headers say uint64_aligned_t (the control interface):
 * 8-byte aligned, so that 32- and 64-bit callers share one layout. */
typedef uint64_t pv_u64_aligned __attribute__((aligned(8)));

_Static_assert(sizeof(pv_u64) == 8 && _Alignof(pv_u64) == 4, "i386 layout");
_Static_assert(_Alignof(pv_u64_aligned) == 8, "the control interface's layout");
_Static_assert(sizeof(pv_s64) == 8 && _Alignof(pv_s64) == 4, "i386 layout");

/* Helpers in these headers are static inline and may go unused. */
#define PV_INLINE static inline __attribute__((unused))

/* A guest virtual address; 0 is the null guest pointer. */
typedef struct {
	uint32_t p;
} guest_ptr_t;

_Static_assert(sizeof(guest_ptr_t) == 4 && _Alignof(guest_ptr_t) == 4,
	       "guest pointers are 32 bits on every target");

#define GUEST_PTR_NULL ((guest_ptr_t){ 0 })

PV_INLINE guest_ptr_t guest_ptr(uint32_t va)
{
	return (guest_ptr_t){ va };
}

PV_INLINE uint32_t guest_ptr_va(guest_ptr_t g)
{
	return g.p;
}

PV_INLINE int guest_ptr_is_null(guest_ptr_t g)
{
	return g.p == 0;
}

/* Guest side only: the guest's own pointers are 32-bit guest addresses. */
#ifdef PVABI_GUEST
#ifndef __i386__
#error "PVABI_GUEST is for guest code, which is 32-bit x86"
#endif
PV_INLINE guest_ptr_t guest_ptr_from(const volatile void *ptr)
{
	return guest_ptr((uint32_t)(uintptr_t)ptr);
}

PV_INLINE void *guest_ptr_get(guest_ptr_t g)
{
	return (void *)(uintptr_t)g.p;
}

/* Xen's spelling of "store this pointer in that handle". */
#define set_xen_guest_handle(hnd, val) ((hnd) = guest_ptr_from(val))
#endif

/* Words that are "unsigned long" in Xen's x86_32 ABI. */
typedef uint32_t xen_ulong_t;
/* A machine or pseudo-physical frame number. */
typedef uint32_t xen_pfn_t;

typedef uint16_t domid_t;

/* Layout checks, written once. Values are the i386 ones. */
#define PV_OFFSETOF(type, member) __builtin_offsetof(type, member)
#define PV_CHECK_SIZE(type, n) \
	_Static_assert(sizeof(type) == (n), #type " is " #n " bytes on i386")
#define PV_CHECK_OFFSET(type, member, n) \
	_Static_assert(PV_OFFSETOF(type, member) == (n), \
		       #type "." #member " is at " #n " on i386")

/* Domain ids from DOMID_FIRST_RESERVED up never name an ordinary domain. */
#define DOMID_FIRST_RESERVED  0x7ff0u
#define DOMID_SELF            0x7ff0u  /* the calling domain */
#define DOMID_IO              0x7ff1u  /* owner of I/O memory; restricts a
					* foreign mapping to I/O frames */
#define DOMID_XEN             0x7ff2u  /* owner of the hypervisor's frames */
#define DOMID_COW             0x7ff3u  /* owner of shared copy-on-write
					* frames */
#define DOMID_INVALID         0x7ff4u  /* no owner / unknown owner */
#define DOMID_ANY             0x7ff5u  /* "pick one for me" where allowed */
#define DOMID_IDLE            0x7fffu  /* the idle domain */
#define DOMID_MASK            0x7fffu  /* bits a domain id may use */

#endif /* !__ASSEMBLER__ */

#endif
