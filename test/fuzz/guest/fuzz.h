/* The hypercall fuzzer guest: what its files share.
 *
 * Each round makes one hypercall with a random number and arguments
 * steered at the values where a hypervisor's checks live (the hole, page
 * and region edges, the guest's own typed frames, other domains' frames,
 * huge counts), then puts back what the call may have changed of the
 * guest's own state. The guest must survive every round.
 *
 * What keeps it alive: every pointer it hands over points into its scratch
 * pages (the arena, whose contents do not matter, or the window, whose
 * mappings the calls may change) or somewhere it cannot write; every frame
 * it lets the hypervisor write (a page-table entry with RW, a descriptor,
 * a page to clear or copy into) is a scratch frame, a typed frame the
 * hypervisor refuses to write, or not its own; the page-table entries it
 * lets a call change are those of the window and of unused slots. The
 * arena and the window are each followed by an unmapped guard page, so a
 * list that runs on past its end faults instead of reading the guest. */
#ifndef FUZZ_H
#define FUZZ_H

#include "guest.h"

/* ---- random numbers (rng.c) -------------------------------------------- */
void rng_seed(uint64_t seed);
uint32_t rnd32(void);
uint64_t rnd64(void);
uint32_t rnd(uint32_t n);                 /* 0 .. n-1; n > 0 */
bool one_in(uint32_t n);
/* A 32-bit value drawn from the edges: 0, 1, -1, powers of two and their
 * neighbours, INT_MIN/MAX, or plain random. */
uint32_t edgy32(void);
/* A count: mostly small, sometimes huge, zero or negative. */
uint32_t pick_count(uint32_t usual_max);

/* ---- the guest's pages and frames (layout.c) ---------------------------- */
#define ARENA_PAGES   32
#define WINDOW_PAGES  8

struct layout {
	uint32_t arena, arena_end;         /* scratch, the guest's own */
	uint32_t window, window_end;       /* guard page, WINDOW_PAGES, guard */
	uint32_t window_mfn[WINDOW_PAGES + 2];   /* ~0 for the guards */
	uint64_t window_l1e[WINDOW_PAGES + 2];   /* maddr of each page's L1 entry */
	uint32_t gdt_mfn;
	uint32_t l3_mfn, l2_mfn, top_l2_mfn;     /* the bootstrap tables */
	uint32_t pt_mfn_first, pt_frames;
	uint32_t first_free_l2_slot;       /* slots of l2_mfn past the region */
	uint32_t shinfo_mfn, hcpage_mfn;
	uint32_t own_min, own_max, nr_own;
	uint32_t max_mfn;                  /* XENMEM_maximum_ram_page */
	uint32_t region_end;
};
extern struct layout L;

/* Sets up the arena, the window, the guard pages and a GDT; false (with a
 * test_error) when it cannot. */
bool layout_init(void);
/* One of the guest's frames at random (from its p2m list). */
uint32_t own_frame(void);
/* The frame is one the hypervisor may write for the guest without harm:
 * not the guest's own, or a window frame, or one the hypervisor refuses to
 * map writable (page tables, the GDT). */
bool safe_to_write(uint32_t mfn);
/* One of the bootstrap page-table frames; whether mfn is one. */
uint32_t pt_frame(void);
bool is_pt_frame(uint32_t mfn);

/* ---- arguments (pick.c) --------------------------------------------------- */
/* Bump allocation in the arena, reset before each round; never NULL (a
 * request that does not fit comes from the arena's start). */
void *arena_alloc(uint32_t size);
void arena_reset(void);
uint32_t arena_left(void);
/* Room a call's generator may take from the arena at most. */
#define ARENA_PER_CALL (12u << 10)
/* Where a call should find a buffer of size bytes the guest has filled in
 * at buf: mostly buf itself, sometimes a copy straddling the arena's end,
 * a misaligned copy, or a bad pointer. */
uint32_t arg_ptr(void *buf, uint32_t size);
/* The same for a list the call is told is claimed bytes long: when that is
 * more than the size filled in, the list is placed where reading on runs
 * into a guard page (or a bad pointer is given), never into other data. */
uint32_t list_ptr(void *buf, uint32_t size, uint64_t claimed);
/* A pointer the guest must not write through, or cannot: NULL, the hole,
 * the m2p window, unmapped space, the guard pages, the window. */
uint32_t bad_ptr(void);
/* A frame of any kind: own, typed, other domains', edges, random. */
uint32_t any_frame(void);
/* A frame the hypervisor may write for the guest (safe_to_write). */
uint32_t dest_frame(void);
/* A page-table entry or descriptor-shaped 64-bit value; RW is cleared when
 * the frame is not safe_to_write. */
uint64_t pick_pte(void);
/* A virtual address for update_va_mapping and friends: the window, NULL's
 * page, the hole, unmapped space. */
uint32_t pick_va(void);
uint16_t pick_domid(void);
uint32_t pick_port(void);

/* ---- one round ------------------------------------------------------------ */
/* A hypercall as the guest makes it, and as a multicall entry holds it. */
struct call {
	uint32_t nr;
	uint32_t arg[6];
};

/* Pseudo-numbers for rounds that are no plain "int $0x82". */
#define FUZZ_NULL_TRAP  0x100083u     /* ringlet's int $0x83 */

/* Which hypercall numbers a round used, nested ones included: restore.c
 * repairs what those may have changed. */
extern uint64_t used_nrs;
#define USED(nr) (used_nrs |= 1ull << ((nr) & 63))

/* Every round's call is this one (only=, for narrowing a problem down);
 * ~0: any. */
extern uint32_t only_nr;

/* skip_nested_poll=1: multicall entries that would poll yield instead,
 * for telling a hang there from others (a multicall that set a single-shot
 * timer for time 0 and then polled once stopped the hypervisor's timer). */
extern bool skip_nested_poll;

/* Fills c with a random call; depth > 0 inside a multicall, where nothing
 * may wait (gen.c). */
void gen_call(struct call *c, unsigned depth);

/* The generators, by hypercall (gen_*.c). */
void gen_mmu_update(struct call *c);
void gen_mmuext_op(struct call *c);
void gen_update_va_mapping(struct call *c);
void gen_update_descriptor(struct call *c);
void gen_set_gdt(struct call *c);
void gen_memory_op(struct call *c);
void gen_event_channel_op(struct call *c);
void gen_event_channel_op_compat(struct call *c);
void gen_vcpu_op(struct call *c, unsigned depth);
void gen_sched_op(struct call *c, unsigned depth);
void gen_sched_op_compat(struct call *c, unsigned depth);
void gen_domctl(struct call *c);
void gen_grant_table_op(struct call *c);
void gen_console_io(struct call *c);
void gen_xen_version(struct call *c);
void gen_vm_assist(struct call *c);
void gen_set_trap_table(struct call *c);
void gen_set_callbacks(struct call *c);
void gen_set_timer_op(struct call *c);
void gen_multicall(struct call *c, unsigned depth);
void gen_anything(struct call *c);

/* System time plus up to max_ns: a deadline a wait may use. */
uint64_t soon(uint32_t max_ns);

/* Makes the call; false when "int $0x82" itself faulted in the guest.
 * A block or poll at the top gets a timer armed first, so that it ends. */
bool issue(const struct call *c, long *rc);
/* A timer armed for 1 ms raises VIRQ_TIMER within within_ns (a check
 * between rounds, for finding a round that loses the guest's timer). */
bool timer_comes(uint64_t within_ns);
/* Print the timer's event-channel state before each wait. */
extern bool show_waits;
/* The call waits for an event (block, poll). */
bool waits(const struct call *c);
/* The result of an iret that did not give back the %eax of its frame. */
#define IRET_MISMATCH (-100000L)

/* Puts back what the round's hypercalls may have changed (restore.c). */
void restore_after(void);
/* The mmu_update targets a round wrote, for restore_after to clear. */
void note_dirty_entry(uint64_t maddr);

/* ---- tracing (trace.c) ------------------------------------------------------ */
void trace(uint32_t round, const struct call *c);
/* The call, or an entry of it, waits (a poll may, nested). */
bool any_wait(uint32_t nr, const uint32_t *args, unsigned depth);

/* ---- the tally (stats.c) ---------------------------------------------------- */
void stats_count(uint32_t nr, bool faulted, long rc);
void stats_print(uint64_t ns);

#endif
