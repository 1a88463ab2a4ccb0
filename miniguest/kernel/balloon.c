/* The balloon (balloon.h): the domain follows the toolstack's
 * memory/target (KiB) as Xen's PV kernels do. Frames go back to the
 * hypervisor from the free pool only, never one in use: the heap is
 * trimmed first so that its free pages at the top join the pool. A frame
 * given back is unmapped from the linear map, its p2m entry made invalid,
 * then handed over with decrease_reservation; it comes back with
 * populate_physmap at the same pfn. The pfns above the boot size, up to
 * the domain's maximum (p2m_room.c), start out given back: a target above
 * the boot size fills them. The key is read four times a second, as
 * control/shutdown is (control.c says why it is not watched); domain 0,
 * which runs the store, reads its own key there. */
#include <stdlib.h>

#include "kernel/balloon.h"
#include "kernel/frames.h"
#include "kernel/pagetable.h"
#include "kernel/printk.h"
#include "kernel/reservation.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "store/client.h"
#include "store/server.h"

#define POLL_NS (250u * 1000 * 1000)
/* Frames per hypercall: what one batch unmaps, gives back or takes. */
#define BATCH   64
/* Free frames the balloon leaves to the kernel (a thread's stack, a page
 * table, a ring), whatever the target. */
#define RESERVE 64

static uint32_t out_map[MG_MAX_PFNS / 32];      /* pfns given back */
static uint32_t nr_out;
static void (*trim)(void);

static void mark_out(uint32_t pfn, bool out)
{
	if (out) {
		out_map[pfn / 32] |= 1u << (pfn % 32);
		nr_out++;
	} else {
		out_map[pfn / 32] &= ~(1u << (pfn % 32));
		nr_out--;
	}
}

/* pfn's frame is the domain's again, mapped at its linear address. */
static void restore(uint32_t pfn, uint32_t mfn)
{
	p2m_set(pfn, mfn);
	map_frame((uint32_t)(uintptr_t)pfn_to_virt(pfn), pfn, MG_PTE_DATA);
	frame_free(pfn);
}

/* Gives back up to n free frames, one batch: the number gone. */
static uint32_t give_back(uint32_t n)
{
	xen_pfn_t mfns[BATCH];
	uint32_t pfns[BATCH], got = 0;

	while (got < n && got < BATCH && frames_free_count() > RESERVE) {
		uint32_t pfn = frame_alloc();
		if (pfn == FRAME_NONE)
			break;
		if (unmap_page((uint32_t)(uintptr_t)pfn_to_virt(pfn)) < 0) {
			frame_free(pfn);
			break;
		}
		mfns[got] = pfn_to_mfn(pfn);
		p2m_set(pfn, INVALID_P2M_ENTRY);
		pfns[got++] = pfn;
	}
	uint32_t done = got ? reservation(XENMEM_decrease_reservation, mfns, got) : 0;
	for (uint32_t i = 0; i < got; i++) {
		if (i < done)
			mark_out(pfns[i], true);
		else
			restore(pfns[i], mfns[i]);   /* refused: still ours */
	}
	return done;
}

/* Takes back up to n of the frames given back, one batch: the number
 * that came. */
static uint32_t take_back(uint32_t n)
{
	xen_pfn_t list[BATCH];
	uint32_t pfns[BATCH], k = 0;

	for (uint32_t w = 0; w < MG_MAX_PFNS / 32 && k < n && k < BATCH; w++)
		for (uint32_t bits = out_map[w]; bits && k < n && k < BATCH; bits &= bits - 1) {
			pfns[k] = w * 32 + (uint32_t)__builtin_ctz(bits);
			list[k] = pfns[k];
			k++;
		}
	uint32_t done = k ? reservation(XENMEM_populate_physmap, list, k) : 0;
	for (uint32_t i = 0; i < done; i++) {
		mark_out(pfns[i], false);
		restore(pfns[i], list[i]);
	}
	return done;
}

uint32_t balloon_pages_out(void)
{
	return nr_out;
}

/* The pages the domain may hold: its boot size, or more when it has room
 * above it. */
static uint32_t room(void)
{
	return frames_total() > start_info->nr_pages ? frames_total() : start_info->nr_pages;
}

static bool is_dom0(void)
{
	return start_info->flags & SIF_INITDOMAIN;
}

static int read_target(char *v, uint32_t max)
{
	static const char mine[] = "/local/domain/0/memory/target";

	if (!is_dom0())
		return xs_read(0, "memory/target", v, max);
	if (!xenstored_here())
		return -1;      /* the store is not up yet */
	return xenstored_ask(XS_READ, mine, sizeof(mine), v, max);
}

/* Moves toward want pages, a batch at a time, letting other threads run
 * between batches: the pages the domain holds when it stops. */
static uint32_t follow(uint32_t want)
{
	uint32_t have = room() - nr_out;
	bool trimmed = false;

	while (have != want) {
		uint32_t moved;
		if (have > want) {
			if (!trimmed && trim) {
				trim();         /* the heap's free top joins the pool */
				trimmed = true;
			}
			moved = give_back(have - want);
			have -= moved;
		} else {
			moved = take_back(want - have);
			have += moved;
		}
		if (!moved)
			break;
		if (have != want)
			thread_yield();     /* not after the last: what it did is said first */
	}
	return have;
}

/* The target in pages, capped at the domain's room (the p2m and the linear
 * map end there): false when the key is missing or not a number. */
static bool target_pages(uint32_t *want, uint64_t *kb)
{
	char v[24], *end;

	if (read_target(v, sizeof(v)) < 0 || !v[0])
		return false;
	*kb = strtoull(v, &end, 10);
	if (*end)
		return false;
	*want = *kb / 4 < room() ? (uint32_t)(*kb / 4) : room();
	return true;
}

static void poll_target(void *arg)
{
	uint64_t said_kb = UINT64_MAX;
	uint32_t said_have = 0;

	(void)arg;
	for (;;) {
		thread_sleep_ns(POLL_NS);
		uint32_t want, before = room() - nr_out, have = before;
		uint64_t kb, t0 = time_now_ns();
		if (!target_pages(&want, &kb))
			continue;
		if (have != want)
			have = follow(want);
		uint32_t moved = have > before ? have - before : before - have;
		unsigned ms = (unsigned)((time_now_ns() - t0) / 1000000u);
		/* Said once per target, and again when a retry got further. */
		if (kb == said_kb && have == said_have)
			continue;
		bool first = said_kb == UINT64_MAX;
		said_kb = kb;
		said_have = have;
		if (have == want && first && have == start_info->nr_pages)
			continue;       /* the size it booted with: nothing to say */
		if (have == want)
			printk("balloon: memory/target %llu KiB: the domain holds %u KiB (%u pages %s "
			       "in %u ms)\n", (unsigned long long)kb, have * 4, moved,
			       have < before ? "given back" : "taken back", ms);
		else
			printk("balloon: memory/target %llu KiB: got to %u KiB (%s); tries again "
			       "later\n", (unsigned long long)kb, have * 4,
			       have > want ? "the rest is in use" : "the hypervisor gave no more");
	}
}

void balloon_start(void (*trim_heap)(void))
{
	if (!is_dom0() && xs_open() < 0)
		return;
	for (uint32_t pfn = start_info->nr_pages; pfn < frames_total(); pfn++)
		mark_out(pfn, true);
	trim = trim_heap;
	if (!thread_create("balloon", poll_target, NULL, 8192))
		printk("miniguest: no memory for the thread that follows memory/target\n");
}
