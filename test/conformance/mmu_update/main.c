/* mmu_update: HYPERVISOR_mmu_update(reqs, count, pdone, foreigndom)
 * (pvabi/mmu.h): page-table writes by machine address, each checked.
 *
 * Rules checked (ids as in pvabi/ABI.md):
 *   MMU-1  MMU_NORMAL_PT_UPDATE writes an L1, L2 or L3 entry of a page table
 *          under the page-type rules, and is a plain 8-byte write into a
 *          frame the domain could map writable
 *   MMU-2  MMU_PT_UPDATE_PRESERVE_AD keeps the accessed and dirty bits the
 *          entry had, whatever the new value says
 *   MMU-3  MMU_MACHPHYS_UPDATE sets the m2p entry of one of the domain's
 *          frames; a frame it does not own, or one beyond RAM, is -EINVAL
 *   MMU-4  the low three bits of ptr are the command: 0, 2 and 3 update an
 *          entry (3, MMU_PT_UPDATE_NO_TRANSLATE, is a normal update for a PV
 *          guest), 1 is the machphys update, 4-7 (a ptr 4 bytes into an
 *          entry) are -ENOSYS; a ptr in a frame the domain does not own or
 *          beyond RAM is -EINVAL
 *   MMU-5  the batch stops at the first failure, which is the result; *pdone
 *          counts the requests that succeeded (written over what was there,
 *          also when the request list faults part-way); a request list the
 *          guest cannot read is -EFAULT; a pdone the hypervisor cannot write
 *          is ignored, as on Xen, and never written through
 *   MMU-6  foreigndom: DOMID_SELF works; a domain that does not exist, and
 *          the caller's own id (Xen does not take it as a foreign domain),
 *          are -ESRCH; bits 16-31 name the page tables' owner plus one: the
 *          caller itself works, a domain that does not exist is -ESRCH.
 *          DOMID_XEN: Xen lets its privileged domain map the hypervisor's
 *          frames, ringlet offers no foreign mappings (-EINVAL)
 *   MMU-7  a change to the L3 in use takes effect at once, and so does
 *          clearing an L2 entry (nothing stale stays in the TLB)
 *   MMU-8  a batch of 10,000 requests completes, and one whose last request
 *          fails reports 9,999 done (continuations keep the count)
 *   HCALL-4 the 10,000-request batch is one call to the guest: the registers
 *          that carry no argument (%edi, %ebp) come back as they were
 *   HCALL-5 a request list at NULL, in the hole or at an unmapped page is
 *          -EFAULT
 */
#include "guest.h"
#include "pagetable.h"
#include "platform.h"

const char test_title[] = "mmu_update: entry writes, preserve-AD, machphys updates, bad requests, batches";

#define PATTERN_A 0xa11aa11au
#define PATTERN_B 0xb22bb22bu

static struct pt_frame a, b, w;   /* two data frames and a window page */
static uint64_t w_ptr;            /* machine address of w's L1 entry */

static void invlpg(uint32_t va)
{
	long rc = pt_mmuext(MMUEXT_INVLPG_LOCAL, va);

	if (rc)
		test_error("MMUEXT_INVLPG_LOCAL %#x: %ld", va, rc);
}

/* w's window maps mfn with flags, set with mmu_update; rc returned. */
static long window(uint32_t mfn, uint32_t flags)
{
	long rc = pt_update(w_ptr, PT_ENTRY(mfn, flags));

	invlpg(w.va);
	return rc;
}

static long one(uint64_t ptr, uint64_t val, uint32_t *done)
{
	struct mmu_update req = { .ptr = ptr, .val = val };

	return hypercall_mmu_update(&req, 1, done, DOMID_SELF);
}

static bool setup(void)
{
	if (!pt_alloc_frame(&a) || !pt_alloc_frame(&b) || !pt_alloc_frame(&w))
		return false;
	*(volatile uint32_t *)(uintptr_t)a.va = PATTERN_A;
	*(volatile uint32_t *)(uintptr_t)b.va = PATTERN_B;
	w_ptr = pt_l1e_maddr(w.va);
	if (w_ptr == ~0ull) {
		test_error("no L1 entry maps the window page %#x", w.va);
		return false;
	}
	printk("frames: a mfn %#x (va %#x), b mfn %#x (va %#x), window va %#x, "
	       "its L1 entry at maddr %#llx\n", a.mfn, a.va, b.mfn, b.va, w.va,
	       (unsigned long long)w_ptr);
	return true;
}

static void normal_updates(void)
{
	struct exinfo ex;
	char exs[80];

	/* MMU-1: an L1 entry. */
	check_rc("MMU-1", "map a's frame read-only at the window", window(a.mfn, PT_RO), 0);
	check_eq_hex("MMU-1", "the L1 entry reads back as written", pt_l1e(w.va),
		     PT_ENTRY(a.mfn, PT_RO));
	check_eq_hex("MMU-1", "the window shows a's contents", peek32(w.va), PATTERN_A);
	probe_write32(w.va, 0, &ex);
	exinfo_format(exs, sizeof(exs), &ex);
	check("MMU-1", ex.vector == X86_EXC_PF && (ex.error & PFEC_WRITE) &&
			(ex.error & PFEC_PRESENT),
	      "a write through the read-only window faults: %s", exs);
	check_rc("MMU-1", "map b's frame writable at the window", window(b.mfn, PT_RW), 0);
	check("MMU-1", probe_write32(w.va + 4, 0x5eed, 0) &&
			*(volatile uint32_t *)(uintptr_t)(b.va + 4) == 0x5eed,
	      "a write through the window lands in b");

	/* MMU-1: a plain write into a writable frame. */
	uint64_t val = 0x1122334455667788ull;
	check_rc("MMU-1", "a plain 8-byte write into b (not a page table)",
		 pt_update(((uint64_t)b.mfn << 12) + 16, val), 0);
	check_eq_hex("MMU-1", "b holds the value written",
		     *(volatile uint64_t *)(uintptr_t)(b.va + 16), val);
	check_rc("MMU-1", "a plain write into b's last 8 bytes",
		 pt_update(((uint64_t)b.mfn << 12) + 4088, val), 0);
	check_eq_hex("MMU-1", "b's last 8 bytes hold it",
		     *(volatile uint64_t *)(uintptr_t)(b.va + 4088), val);

	/* MMU-1: an L2 entry, hooking an L1 of our making into an empty slot. */
	uint32_t scratch = pt_scratch_va();
	struct pt_frame l1;
	if (!scratch || !pt_alloc_frame(&l1)) {
		test_error("no empty L2 slot or frame for an L1");
		return;
	}
	((volatile uint64_t *)(uintptr_t)l1.va)[3] = PT_ENTRY(a.mfn, PT_RO);
	if (pt_seal(&l1)) {
		test_error("cannot make the new L1 read-only");
		return;
	}
	uint64_t l2e_ptr = pt_maddr(pt_l2_mfn(scratch), PT_L2_INDEX(scratch));
	check_rc("MMU-1", "an L2 entry pointing at a new L1",
		 pt_update(l2e_ptr, PT_ENTRY(l1.mfn, PT_TABLE)), 0);
	check_eq_hex("MMU-1", "the new L1 maps a 3 pages into the slot",
		     peek32(scratch + 3 * 4096), PATTERN_A);
	check_rc("MMU-1", "a writable mapping of the L1, now a page table, is refused",
		 pt_remap_rw(&l1), -XEN_EBUSY);
	check_rc("MMU-1", "the L2 entry cleared", pt_update(l2e_ptr, 0), 0);
	check("MMU-7", !probe_read32(scratch + 3 * 4096, 0, 0),
	      "the slot maps nothing once cleared (no stale TLB entry)");
	check_rc("MMU-1", "the L1, no longer referenced, can be mapped writable again",
		 pt_remap_rw(&l1), 0);
}

static void preserve_ad(void)
{
	const uint32_t ad = PV_PTE_ACCESSED | PV_PTE_DIRTY;
	const uint32_t p_rw = PV_PTE_PRESENT | PV_PTE_RW;

	check_rc("MMU-2", "NORMAL: b writable with A and D set", window(b.mfn, p_rw | ad), 0);
	check_eq_hex("MMU-2", "the entry has A and D", pt_l1e(w.va), PT_ENTRY(b.mfn, p_rw | ad));
	check_rc("MMU-2", "PRESERVE_AD with a value without A and D",
		 pt_update(w_ptr | MMU_PT_UPDATE_PRESERVE_AD, PT_ENTRY(b.mfn, p_rw)), 0);
	check_eq_hex("MMU-2", "A and D are still set", pt_l1e(w.va), PT_ENTRY(b.mfn, p_rw | ad));
	check_rc("MMU-2", "NORMAL with the same value clears them", window(b.mfn, p_rw), 0);
	check_eq_hex("MMU-2", "A and D are clear", pt_l1e(w.va), PT_ENTRY(b.mfn, p_rw));
	check_rc("MMU-2", "PRESERVE_AD from a clean entry keeps it clean",
		 pt_update(w_ptr | MMU_PT_UPDATE_PRESERVE_AD, PT_ENTRY(b.mfn, p_rw)), 0);
	check_eq_hex("MMU-2", "A and D stay clear", pt_l1e(w.va), PT_ENTRY(b.mfn, p_rw));

	/* The CPU sets A and D itself when the page is written. */
	invlpg(w.va);
	*(volatile uint32_t *)(uintptr_t)(w.va + 8) = 1;
	check_eq_hex("MMU-2", "a write through the window set A and D",
		     pt_l1e(w.va) & ad, ad);
	check_rc("MMU-2", "PRESERVE_AD moving the window to a, without A and D",
		 pt_update(w_ptr | MMU_PT_UPDATE_PRESERVE_AD, PT_ENTRY(a.mfn, p_rw)), 0);
	invlpg(w.va);
	check_eq_hex("MMU-2", "the entry maps a and kept A and D", pt_l1e(w.va),
		     PT_ENTRY(a.mfn, p_rw | ad));
	check_eq_hex("MMU-2", "the window shows a", peek32(w.va), PATTERN_A);
}

static void machphys(void)
{
	uint32_t foreign = pt_foreign_mfn(), max = pt_max_ram_mfn();

	check_rc("MMU-3", "m2p[a] = 0x54321", one(((uint64_t)a.mfn << 12) | MMU_MACHPHYS_UPDATE,
						 0x54321, 0), 0);
	check_eq_hex("MMU-3", "the m2p table says so", machine_to_phys_mapping[a.mfn], 0x54321);
	check_rc("MMU-3", "m2p[a] back to its pfn, ptr in the middle of the frame",
		 one(((uint64_t)a.mfn << 12) + 0x808 + MMU_MACHPHYS_UPDATE, a.pfn, 0), 0);
	check_eq_hex("MMU-3", "the m2p table has the pfn again", machine_to_phys_mapping[a.mfn],
		     a.pfn);
	if (foreign != PT_NONE)
		check_rc("MMU-3", "m2p of a frame the domain does not own",
			 one(((uint64_t)foreign << 12) | MMU_MACHPHYS_UPDATE, 1, 0), -XEN_EINVAL);
	else
		test_error("no foreign frame found");
	check_rc("MMU-3", "m2p of the frame after the last RAM frame",
		 one(((uint64_t)(max + 1) << 12) | MMU_MACHPHYS_UPDATE, 1, 0), -XEN_EINVAL);
	check_rc("MMU-3", "m2p of frame 0xfffff",
		 one(((uint64_t)0xfffff << 12) | MMU_MACHPHYS_UPDATE, 1, 0), -XEN_EINVAL);
	check_rc("MMU-3", "m2p of a frame at 1 TiB",
		 one((1ull << 40) | MMU_MACHPHYS_UPDATE, 1, 0), -XEN_EINVAL);
}

static void bad_requests(void)
{
	uint32_t foreign = pt_foreign_mfn(), max = pt_max_ram_mfn();
	char what[96];

	window(a.mfn, PT_RO);
	/* Command 3 is a normal update for a PV guest. */
	check_rc("MMU-4", "command 3 (MMU_PT_UPDATE_NO_TRANSLATE) maps b",
		 pt_update(w_ptr | MMU_PT_UPDATE_NO_TRANSLATE, PT_ENTRY(b.mfn, PT_RO)), 0);
	check_eq_hex("MMU-4", "the entry maps b", pt_l1e(w.va), PT_ENTRY(b.mfn, PT_RO));
	for (unsigned cmd = 4; cmd < 8; cmd++) {
		format(what, sizeof(what), "ptr with low bits %u (4 bytes into the entry)", cmd);
		check_rc("MMU-4", what, pt_update(w_ptr + cmd, PT_ENTRY(a.mfn, PT_RO)),
			 -XEN_ENOSYS);
	}
	check_eq_hex("MMU-4", "the entry still maps b", pt_l1e(w.va), PT_ENTRY(b.mfn, PT_RO));
	if (foreign != PT_NONE) {
		format(what, sizeof(what), "ptr in frame %#x, not the domain's", foreign);
		check_rc("MMU-4", what, pt_update((uint64_t)foreign << 12, 0), -XEN_EINVAL);
	}
	check_rc("MMU-4", "ptr in the frame after the last RAM frame",
		 pt_update((uint64_t)(max + 1) << 12, 0), -XEN_EINVAL);
	check_rc("MMU-4", "ptr in frame 0xfffff", pt_update(0xfffff000ull, 0), -XEN_EINVAL);
	check_rc("MMU-4", "ptr at 1 TiB", pt_update(1ull << 40, 0), -XEN_EINVAL);
	check_rc("MMU-4", "ptr at 2^63", pt_update(1ull << 63, 0), -XEN_EINVAL);
}

static void batches(void)
{
	uint32_t foreign = pt_foreign_mfn();
	uint32_t end = initial_region_end();
	struct mmu_update reqs[3] = {
		{ .ptr = w_ptr, .val = PT_ENTRY(a.mfn, PT_RO) },
		{ .ptr = (uint64_t)foreign << 12, .val = 0 },
		{ .ptr = w_ptr, .val = PT_ENTRY(b.mfn, PT_RO) },
	};
	uint32_t done;
	long rc;

	window(b.mfn, PT_RO);
	done = 0xdead;
	rc = hypercall_mmu_update(reqs, 3, &done, DOMID_SELF);
	check_rc("MMU-5", "a batch whose second request is bad fails with it", rc, -XEN_EINVAL);
	check_eq("MMU-5", "pdone counts the one that succeeded", done, 1);
	check_eq_hex("MMU-5", "the first request took effect, the third did not", pt_l1e(w.va),
		     PT_ENTRY(a.mfn, PT_RO));
	check_rc("MMU-5", "the same batch without pdone",
		 hypercall_mmu_update(reqs, 3, 0, DOMID_SELF), -XEN_EINVAL);

	reqs[1] = reqs[2];
	done = 0xdead;
	check_rc("MMU-5", "a good batch of 3", hypercall_mmu_update(reqs, 3, &done, DOMID_SELF), 0);
	check_eq("MMU-5", "pdone is 3", done, 3);
	done = 0xdead;
	check_rc("MMU-5", "an empty batch", hypercall_mmu_update(reqs, 0, &done, DOMID_SELF), 0);
	check_eq("MMU-5", "pdone is 0", done, 0);

	done = 0xdead;
	check_rc("HCALL-5", "a request list at NULL",
		 hypercall_mmu_update(0, 1, &done, DOMID_SELF), -XEN_EFAULT);
	check_eq("MMU-5", "pdone is 0", done, 0);
	check_rc("HCALL-5", "a request list in the hole (0xff000000)",
		 hypercall_mmu_update((void *)0xff000000u, 1, 0, DOMID_SELF), -XEN_EFAULT);
	check_rc("HCALL-5", "a request list at an unmapped page",
		 hypercall_mmu_update((void *)(uintptr_t)end, 2, 0, DOMID_SELF), -XEN_EFAULT);

	/* Nothing asks for alignment of the list or of pdone. */
	static uint8_t odd[2 * sizeof(struct mmu_update) + 8];
	struct mmu_update *list = (struct mmu_update *)(uintptr_t)(odd + 1);
	uint32_t *odd_done = (uint32_t *)(uintptr_t)(odd + 2 * sizeof(*list) + 2);
	memcpy(list, &reqs[0], sizeof(*list));
	memcpy(list + 1, &reqs[0], sizeof(*list));
	*odd_done = 0xdead;
	check_rc("MMU-5", "a request list and pdone at odd addresses",
		 hypercall_mmu_update(list, 2, odd_done, DOMID_SELF), 0);
	check_eq("MMU-5", "pdone is 2", *odd_done, 2);

	/* Two good requests in the region's last 32 bytes, the third beyond. */
	struct mmu_update *edge = (struct mmu_update *)(uintptr_t)(end - 2 * sizeof(*edge));
	edge[0].ptr = w_ptr;
	edge[0].val = PT_ENTRY(b.mfn, PT_RO);
	edge[1].ptr = w_ptr;
	edge[1].val = PT_ENTRY(a.mfn, PT_RO);
	done = 0xdead;
	check_rc("MMU-5", "a list running off mapped memory after 2 requests",
		 hypercall_mmu_update(edge, 3, &done, DOMID_SELF), -XEN_EFAULT);
	check_eq("MMU-5", "pdone counts the 2 read and done", done, 2);
	check_eq_hex("MMU-5", "the second one is in place", pt_l1e(w.va), PT_ENTRY(a.mfn, PT_RO));

	/* Xen ignores a failure to write *pdone: the batch's own result
	 * stands, and nothing is written through a read-only mapping. */
	uint32_t l3_word = *(volatile uint32_t *)(uintptr_t)start_info->pt_base;
	uint32_t m2p_word = machine_to_phys_mapping[0];
	check_rc("MMU-5", "pdone at an unmapped page",
		 hypercall_mmu_update(reqs, 1, (uint32_t *)(uintptr_t)end, DOMID_SELF), 0);
	check_rc("MMU-5", "pdone at the read-only L3 (pt_base)",
		 hypercall_mmu_update(reqs, 1, (uint32_t *)(uintptr_t)start_info->pt_base,
				      DOMID_SELF), 0);
	check_eq_hex("MMU-5", "the L3's first word is unchanged",
		     *(volatile uint32_t *)(uintptr_t)start_info->pt_base, l3_word);
	check_rc("MMU-5", "pdone in the read-only m2p table",
		 hypercall_mmu_update(reqs, 1, (uint32_t *)MACH2PHYS_VIRT_START, DOMID_SELF), 0);
	check_eq_hex("MMU-5", "the m2p table's first entry is unchanged",
		     machine_to_phys_mapping[0], m2p_word);
	check_rc("MMU-5", "pdone in the hole (0xff000000)",
		 hypercall_mmu_update(reqs, 1, (uint32_t *)0xff000000u, DOMID_SELF), 0);
	check_eq_hex("MMU-5", "the requests took effect all the same", pt_l1e(w.va),
		     PT_ENTRY(a.mfn, PT_RO));
}

static void foreign_domains(void)
{
	struct mmu_update req = { .ptr = w_ptr, .val = PT_ENTRY(b.mfn, PT_RO) };
	static const struct { const char *what; uint32_t fd; long want; } cases[] = {
		{ "foreigndom DOMID_SELF", DOMID_SELF, 0 },
		{ "foreigndom 0, the caller's own id", 0, -XEN_ESRCH },
		{ "foreigndom 1, no such domain", 1, -XEN_ESRCH },
		{ "foreigndom 0x7fef, no such domain", 0x7fef, -XEN_ESRCH },
		{ "page tables of domain 0 (bits 16-31: 1), the caller", (1u << 16) | DOMID_SELF, 0 },
		{ "page tables of domain 1 (bits 16-31: 2)", (2u << 16) | DOMID_SELF, -XEN_ESRCH },
		{ "page tables of domain 0x7ffe (bits 16-31: 0x7fff)", (0x7fffu << 16) | DOMID_SELF,
		  -XEN_ESRCH },
	};
	char what[96];
	uint32_t done;

	if (!(start_info->flags & SIF_INITDOMAIN)) {
		test_skip("MMU-6: the page-table owner cases assume domain 0");
		return;
	}
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		format(what, sizeof(what), "%s (%#x)", cases[i].what, cases[i].fd);
		done = 0xdead;
		check_rc("MMU-6", what, hypercall4(__HYPERVISOR_mmu_update, ptr_arg(&req), 1,
						   ptr_arg(&done), cases[i].fd),
			 cases[i].want);
		expect("MMU-6", done == (cases[i].want == 0 ? 1u : 0u) ||
				(cases[i].want && done == 0xdead),
		       "pdone after %s: %u", what, done);
	}
	/* DOMID_XEN lets Xen's privileged domain map the hypervisor's frames;
	 * ringlet offers no foreign mappings (pvabi/ABI.md, "Left out"). */
	long want = on_ringlet() ? -XEN_EINVAL : 0;
	check_rc("MMU-6", on_ringlet() ? "foreigndom DOMID_XEN (ringlet: no foreign mappings)"
				       : "foreigndom DOMID_XEN (Xen: the privileged domain may)",
		 hypercall4(__HYPERVISOR_mmu_update, ptr_arg(&req), 1, 0, DOMID_XEN), want);
}

/* Borrows L3 slot 1 (0x40000000-0x7fffffff, where the guest maps nothing;
 * Xen's builder fills every slot with an L2, ringlet's leaves it empty) and
 * puts back what was there. */
static void current_l3(void)
{
	struct pt_frame l1, l2;
	const unsigned slot = 1;
	uint64_t old = pt_read(pt_l3_mfn, slot);

	if ((old & PV_PTE_PRESENT) && pt_read(PT_MFN(old), 0)) {
		test_skip("MMU-7: L3 slot 1 maps something");
		return;
	}
	if (!pt_alloc_frame(&l1) || !pt_alloc_frame(&l2))
		return;
	((volatile uint64_t *)(uintptr_t)l1.va)[0] = PT_ENTRY(a.mfn, PT_RO);
	((volatile uint64_t *)(uintptr_t)l2.va)[0] = PT_ENTRY(l1.mfn, PT_TABLE);
	if (pt_seal(&l1) || pt_seal(&l2)) {
		test_error("cannot make the new L1 and L2 read-only");
		return;
	}
	uint32_t va = slot << 30;
	uint64_t ptr = pt_maddr(pt_l3_mfn, slot);
	char what[96];

	check("MMU-7", !probe_read32(va, 0, 0), "nothing is mapped at %#x before", va);
	format(what, sizeof(what), "L3 entry %u of the L3 in use -> a new L2", slot);
	check_rc("MMU-7", what, pt_update(ptr, PT_ENTRY(l2.mfn, PT_L3E)), 0);
	check_eq_hex("MMU-7", "the L3 entry maps the new L2", PT_MFN(pt_read(pt_l3_mfn, slot)),
		     l2.mfn);
	check_eq_hex("MMU-7", "the new mapping works at once", peek32(va), PATTERN_A);
	format(what, sizeof(what), "L3 entry %u back as it was", slot);
	check_rc("MMU-7", what, pt_update(ptr, old), 0);
	check("MMU-7", !probe_read32(va, 0, 0), "and %#x maps nothing again at once", va);
	check_rc("MMU-7", "the L2 lost its type: it can be mapped writable", pt_remap_rw(&l2), 0);
	check_rc("MMU-7", "so did the L1", pt_remap_rw(&l1), 0);
}

#define BIG 10000u

/* mmu_update through the hypercall page with %edi and %ebp holding marks:
 * the hypercall takes four arguments, so a continuation may rewrite
 * %ebx-%esi but must leave the other registers as they were (HCALL-4). */
static long mmu_update_marked(struct mmu_update *reqs, uint32_t count, uint32_t *done,
			      uint32_t *edi_after, uint32_t *ebp_after)
{
	long rc;
	uint32_t b = ptr_arg(reqs), c = count, d = ptr_arg(done), si = DOMID_SELF;
	uint32_t di = 0x5eed0d1u;

	/* No memory operands between the two: %ebp is the frame pointer. */
	asm volatile("push %%ebp\n\t"
		     "mov $0xfeedbee5, %%ebp\n\t"
		     "call hypercall_page + %c[n] * 32\n\t"
		     "mov %%ebp, %%edx\n\t"
		     "pop %%ebp"
		     : "=a"(rc), "+b"(b), "+c"(c), "+d"(d), "+S"(si), "+D"(di)
		     : [n] "i"(__HYPERVISOR_mmu_update)
		     : "memory");
	*edi_after = di;
	*ebp_after = d;
	return rc;
}

static void big_batch(void)
{
	struct pt_frame list;
	unsigned pages = (BIG * sizeof(struct mmu_update) + 4095) / 4096;

	if (!pt_alloc_frames(&list, pages))
		return;
	struct mmu_update *reqs = (struct mmu_update *)(uintptr_t)list.va;
	for (unsigned i = 0; i < BIG; i++) {
		reqs[i].ptr = w_ptr;
		reqs[i].val = PT_ENTRY(i % 2 ? b.mfn : a.mfn, PT_RO);
	}
	uint32_t done = 0xdead, edi, ebp;
	check_rc("MMU-8", "10,000 requests in one batch",
		 mmu_update_marked(reqs, BIG, &done, &edi, &ebp), 0);
	check_eq("MMU-8", "pdone is 10,000", done, BIG);
	check_eq_hex("HCALL-4", "%edi, not an argument, is as it was", edi, 0x5eed0d1u);
	check_eq_hex("HCALL-4", "%ebp is as it was", ebp, 0xfeedbee5u);
	invlpg(w.va);
	check_eq_hex("MMU-8", "the last request decided the entry", peek32(w.va), PATTERN_B);

	reqs[BIG - 1].ptr = 1ull << 40;
	done = 0xdead;
	check_rc("MMU-8", "10,000 requests, the last one bad",
		 hypercall_mmu_update(reqs, BIG, &done, DOMID_SELF), -XEN_EINVAL);
	check_eq("MMU-8", "pdone is 9,999", done, BIG - 1);
	invlpg(w.va);
	check_eq_hex("MMU-8", "the 9,999th request decided the entry", peek32(w.va), PATTERN_A);

	done = 0xdead;
	check_rc("MMU-8", "the same 10,000 without pdone",
		 hypercall_mmu_update(reqs, BIG, 0, DOMID_SELF), -XEN_EINVAL);
}

void test_main(void)
{
	if (!setup())
		return;
	normal_updates();
	preserve_ad();
	machphys();
	bad_requests();
	batches();
	foreign_domains();
	current_l3();
	big_batch();
	/* Leave the window as it was: mapping w's own frame. */
	window(w.mfn, PT_RW);
	test_success();
}
