#include "arch/x86/pv/pagetype.h"
#include "arch/x86/directmap.h"
#include "arch/x86/pv/descriptor.h"
#include "console/panic.h"
#include "domain/domain.h"
#include "hypercall/budget.h"
#include "lib/string.h"
#include "mm/mm.h"
#include "physdev/pci.h"
#include "pvabi/errno.h"

static const char *const type_names[] = {
	[FT_NONE] = "none", [FT_L1] = "L1", [FT_L2] = "L2", [FT_L2_HV] = "L2 with hypervisor slots",
	[FT_L3] = "L3", [FT_SEG_DESC] = "descriptor table", [FT_WRITABLE] = "writable",
};

const char *frame_type_name(enum frame_type t)
{
	return (unsigned)t < sizeof(type_names) / sizeof(type_names[0]) ? type_names[t] : "?";
}

static struct frame *frame(uint32_t mfn)
{
	return &frame_table.f[mfn];
}

static uint32_t type_count(const struct frame *f)
{
	return f->type_info & FT_COUNT_MASK;
}

static bool is_page_table(enum frame_type t)
{
	return t == FT_L1 || t == FT_L2 || t == FT_L2_HV || t == FT_L3;
}

static uint32_t pte_mfn(pte_t e)
{
	return (uint32_t)((e & PTE_ADDR) >> PAGE_SHIFT);
}

bool get_page(uint32_t mfn, const struct domain *d)
{
	if (mfn >= frame_table.nr)
		return false;
	struct frame *f = frame(mfn);
	if ((f->flags & (FRAME_RAM | FRAME_FREE)) != FRAME_RAM || f->owner != d->domid ||
	    f->count == 0 || f->count >= UINT32_MAX - 1)   /* one spare: see claim() */
		return false;
	f->count++;
	return true;
}

void put_page(uint32_t mfn)
{
	struct frame *f = frame(mfn);

	BUG_ON(f->count == 0);
	if (--f->count == 0)
		frame_release(mfn);
}

/* Entries a guest controls in a table of each type; the rest of an
 * L2_HV page belongs to the hypervisor, the rest of an L3 page is unused. */
static unsigned guest_entries(enum frame_type t)
{
	if (t == FT_L3)
		return L3_ENTRIES;
	if (t == FT_L2_HV)
		return HOLE_FIRST_L2_SLOT;
	return PT_ENTRIES;
}

static bool io_frame(uint32_t mfn)
{
	return mfn >= frame_table.nr || !(frame(mfn)->flags & FRAME_RAM);
}

/* The local APICs, the IOAPIC and the HPET live in 0xfec00000-0xfeffffff:
 * the hypervisor's, whatever a BAR claims. */
static bool io_frame_held(uint32_t mfn, const struct domain *d)
{
	if (mfn >= 0xfec00 && mfn < 0xff000)
		return false;
	return pci_mmio_held(d, mfn);
}

static pte_t allowed_bits(enum frame_type t)
{
	/* Frame numbers are 32 bits: pte_mfn() would cut an address at or
	 * above 2^44 down to the number of some other frame. */
	const pte_t beyond_mfn = PTE_ADDR & ~((1ull << (32 + PAGE_SHIFT)) - 1);

	if (t == FT_L1)
		return (L1_ALLOWED | pte_nx) & ~beyond_mfn;
	if (t == FT_L3)
		return L3_ALLOWED & ~beyond_mfn;
	return (L2_ALLOWED | pte_nx) & ~beyond_mfn;
}

/* Take the references entry idx of a table of type t needs. */
static int get_entry(enum frame_type t, unsigned idx, pte_t e, const struct domain *d)
{
	if (!(e & PTE_P))
		return t == FT_L3 && idx == 3 ? -XEN_EINVAL : 0;   /* the hole's L2 must be there */
	if (e & ~allowed_bits(t))
		return -XEN_EINVAL;
	uint32_t mfn = pte_mfn(e);
	switch (t) {
	case FT_L1:
		/* Xen's answers: a frame that is not RAM is I/O memory, which
		 * a domain maps only inside a memory BAR of a device it holds
		 * (no references: nobody frees it), else -EPERM; RAM that is not
		 * the domain's, or that cannot be writable now, is -EBUSY. */
		if (io_frame(mfn))
			return io_frame_held(mfn, d) ? 0 : -XEN_EPERM;
		if (e & PTE_RW) {
			int rc = get_page_and_type(mfn, d, FT_WRITABLE);
			return rc == -XEN_ERESTART ? rc : rc < 0 ? -XEN_EBUSY : 0;
		}
		return get_page(mfn, d) ? 0 : -XEN_EBUSY;
	case FT_L2:
	case FT_L2_HV:
		return get_page_and_type(mfn, d, FT_L1);
	case FT_L3:
		return get_page_and_type(mfn, d, idx == 3 ? FT_L2_HV : FT_L2);
	default:
		return -XEN_EINVAL;
	}
}

static void put_entry(enum frame_type t, pte_t e)
{
	if (!(e & PTE_P) || (t == FT_L1 && io_frame(pte_mfn(e))))
		return;
	if (t == FT_L1 && !(e & PTE_RW))
		put_page(pte_mfn(e));
	else
		put_page_and_type(pte_mfn(e));
}

/* Check entries [from, n) of a table claimed as type t, taking their
 * references. Inside a hypercall this stops once the budget is spent (or
 * when an entry's own table is half validated) with -XEN_ERESTART, the entry
 * to go on at kept in the frame's next; at least one entry is checked per
 * call. On a refusal every reference taken so far is dropped again. */
static int validate(uint32_t mfn, enum frame_type t, const struct domain *d, unsigned from)
{
	pte_t *pt = map_frame(mfn);
	unsigned n = guest_entries(t), i;
	int rc = 0;

	for (i = from; i < n; i++) {
		if (i > from && budget_spent()) {
			rc = -XEN_ERESTART;
			break;
		}
		budget_charge(1);
		if ((rc = get_entry(t, i, pt[i], d)) < 0)
			break;
	}
	if (rc == -XEN_ERESTART) {
		frame(mfn)->next = i;
	} else if (rc < 0) {
		while (i-- > 0)
			put_entry(t, pt[i]);
	} else if (t == FT_L3) {
		for (i = 0; i < n; i++)
			pt[i] &= ~L3_STRIPPED;
	} else if (t == FT_L2_HV) {
		memcpy(pt + HOLE_FIRST_L2_SLOT, hv_l2_slots() + HOLE_FIRST_L2_SLOT,
		       (PT_ENTRIES - HOLE_FIRST_L2_SLOT) * sizeof(pte_t));
	}
	unmap_frame(pt);
	return rc;
}

static void devalidate(uint32_t mfn, enum frame_type t)
{
	pte_t *pt = map_frame(mfn);
	for (unsigned i = 0; i < guest_entries(t); i++)
		put_entry(t, pt[i]);
	unmap_frame(pt);
}

/* A table whose last type reference went is taken apart later, in slices
 * (pt_devalidate_queued), so letting go of the root of a large tree costs
 * no more than one table's entries at a time. The queue holds a general
 * reference, so the frame stays the owner's until then. */
static void enqueue(uint32_t mfn)
{
	struct frame *f = frame(mfn);
	struct domain *d = domain_by_id(f->owner);

	BUG_ON(!d);
	f->type_info = (f->type_info & ~(FT_COUNT_MASK | FT_PINNED)) | FT_QUEUED;
	f->count++;
	f->next = d->devalidate_nr ? d->devalidate_head : FRAME_NONE;
	d->devalidate_head = mfn;
	d->devalidate_nr++;
	if (!budget_armed())
		(void)pt_devalidate_queued(d);       /* nothing to slice: do it now */
}

int pt_devalidate_queued(struct domain *d)
{
	static bool busy;            /* taking a table apart queues its children */

	if (busy)
		return 0;
	busy = true;
	while (d->devalidate_nr) {
		if (budget_spent()) {
			busy = false;
			return -XEN_ERESTART;
		}
		uint32_t mfn = d->devalidate_head;
		struct frame *f = frame(mfn);
		d->devalidate_head = f->next;
		d->devalidate_nr--;
		enum frame_type t = frame_type(f);
		budget_charge(guest_entries(t));
		devalidate(mfn, t);
		f->type_info = 0;
		f->next = FRAME_NONE;
		put_page(mfn);
	}
	busy = false;
	return 0;
}

/* Go on validating a half-validated table. Whoever asks for its type next
 * goes on with it and, once it is done, holds the type reference it had
 * kept for itself; its general reference goes. */
static int resume(uint32_t mfn, enum frame_type t, const struct domain *d)
{
	struct frame *f = frame(mfn);
	int rc = validate(mfn, t, d, f->next);

	if (rc == -XEN_ERESTART)
		return rc;
	f->type_info = rc < 0 ? 0 : ((uint32_t)t << FT_TYPE_SHIFT) | FT_VALIDATED | 1;
	f->next = FRAME_NONE;
	put_page(mfn);
	return rc;
}

/* A frame with no type references takes on type t. */
static int claim(uint32_t mfn, enum frame_type t, const struct domain *d)
{
	struct frame *f = frame(mfn);

	if (t == FT_SEG_DESC) {
		int rc = check_descriptor_page(mfn);
		f->type_info = rc < 0 ? 0 : ((uint32_t)t << FT_TYPE_SHIFT) | 1;
		return rc;
	}
	if (!is_page_table(t)) {
		f->type_info = ((uint32_t)t << FT_TYPE_SHIFT) | 1;
		return 0;
	}
	/* Claim the type before looking at the entries, so a table that refers
	 * back to itself meets a type conflict instead of recursing. */
	f->type_info = ((uint32_t)t << FT_TYPE_SHIFT) | FT_PARTIAL | 1;
	int rc = validate(mfn, t, d, 0);
	if (rc == -XEN_ERESTART) {
		/* Half done: the table keeps a general reference of its own
		 * (get_page keeps one spare) until someone goes on with it. */
		f->count++;
		return rc;
	}
	f->type_info = rc < 0 ? 0 : ((uint32_t)t << FT_TYPE_SHIFT) | FT_VALIDATED | 1;
	f->next = FRAME_NONE;
	return rc;
}

int get_page_type(uint32_t mfn, enum frame_type t, const struct domain *d)
{
	struct frame *f = frame(mfn);
	enum frame_type cur = frame_type(f);

	/* A hypervisor page lent to the domain (its shared info) is written by
	 * the hypervisor behind the type system's back: writable, nothing else. */
	if ((f->flags & FRAME_SHARED) && t != FT_WRITABLE)
		return -XEN_EINVAL;
	/* A table let go of is taken apart before it becomes anything again;
	 * the domain's next hypercall (or this one, continued) does that. */
	if (f->type_info & FT_QUEUED) {
		if (budget_armed())
			return -XEN_ERESTART;
		(void)pt_devalidate_queued(domain_by_id(f->owner));
		cur = frame_type(f);
	}
	if (type_count(f) > 0) {
		/* The hole's L2 is never shared: one L3 slot, nothing else. */
		if (cur != t || (t == FT_L2_HV && !(f->type_info & FT_PARTIAL)) ||
		    type_count(f) == FT_COUNT_MASK)
			return -XEN_EINVAL;
		if (f->type_info & FT_PARTIAL)
			return resume(mfn, t, d);
		f->type_info++;
		return 0;
	}
	/* A writable mapping may linger in the TLB after its last reference
	 * went: flush before the frame turns into something the guest may not
	 * write. */
	if (cur == FT_WRITABLE && t != FT_WRITABLE)
		flush_tlb_local();
	return claim(mfn, t, d);
}

void put_page_type(uint32_t mfn)
{
	struct frame *f = frame(mfn);
	enum frame_type t = frame_type(f);

	BUG_ON(type_count(f) == 0 || (f->type_info & (FT_PARTIAL | FT_QUEUED)));
	if (type_count(f) == 1 && is_page_table(t)) {
		enqueue(mfn);
		return;
	}
	/* Other types keep their name at count zero: a writable frame is
	 * remembered as such until it next changes type. */
	f->type_info--;
}

int get_page_and_type(uint32_t mfn, const struct domain *d, enum frame_type t)
{
	if (!get_page(mfn, d))
		return -XEN_EINVAL;
	int rc = get_page_type(mfn, t, d);
	if (rc < 0)
		put_page(mfn);
	return rc;
}

void put_page_and_type(uint32_t mfn)
{
	put_page_type(mfn);
	put_page(mfn);
}

/* PAE entries are 64 bits: write the half that makes the entry present
 * last, so the walker never sees half an entry. */
static void write_pte(volatile pte_t *p, pte_t v)
{
	volatile uint32_t *w = (volatile uint32_t *)p;

	if (v & PTE_P) {
		w[0] = 0;
		w[1] = (uint32_t)(v >> 32);
		w[0] = (uint32_t)v;
	} else {
		w[0] = (uint32_t)v;
		w[1] = (uint32_t)(v >> 32);
	}
}

int pt_update_entry(uint32_t mfn, unsigned idx, pte_t val, const struct domain *d,
		    bool preserve_ad)
{
	struct frame *f = frame(mfn);
	enum frame_type t = frame_type(f);

	/* A table still being validated is not in use yet. */
	if (!is_page_table(t) || type_count(f) == 0 || (f->type_info & FT_PARTIAL))
		return -XEN_EINVAL;
	if (idx >= guest_entries(t))
		return -XEN_EPERM;         /* the hypervisor's slots, or past an L3 */

	pte_t *pt = map_frame(mfn);
	pte_t old = pt[idx];
	int rc = 0;
	if (preserve_ad)
		val |= old & (PTE_A | PTE_D);

	bool same_frame = (old & PTE_P) && (val & PTE_P) && pte_mfn(old) == pte_mfn(val) &&
			  (t != FT_L1 || !((old ^ val) & PTE_RW));
	pte_t stored = t == FT_L3 ? val & ~L3_STRIPPED : val;
	if (same_frame) {
		/* Only flags change: the references stay as they are. */
		if (val & ~allowed_bits(t))
			rc = -XEN_EINVAL;
		else
			write_pte(&pt[idx], stored);
		unmap_frame(pt);
		return rc;
	}
	rc = get_entry(t, idx, val, d);
	if (rc == 0)
		write_pte(&pt[idx], stored);
	unmap_frame(pt);
	if (rc == 0)
		put_entry(t, old);
	return rc;
}

int pt_write_taken(uint32_t mfn, unsigned idx, pte_t val)
{
	struct frame *f = frame(mfn);

	if (frame_type(f) != FT_L1 || type_count(f) == 0 || (f->type_info & FT_PARTIAL) ||
	    idx >= PT_ENTRIES)
		return -XEN_EINVAL;
	pte_t *pt = map_frame(mfn);
	pte_t old = pt[idx];
	write_pte(&pt[idx], val);
	unmap_frame(pt);
	put_entry(FT_L1, old);
	return 0;
}
