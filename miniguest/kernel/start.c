/* Start of day, called by head.S on the boot stack: sets up traps, memory,
 * shared_info, events, threads and the console, starts the program's main
 * thread, and becomes the idle loop. */
#include "kernel/console.h"
#include "kernel/events.h"
#include "kernel/frames.h"
#include "kernel/hypervisor.h"
#include "kernel/layout.h"
#include "kernel/p2m_room.h"
#include "kernel/pagetable.h"
#include "kernel/shutdown.h"
#include "kernel/start.h"
#include "kernel/thread.h"
#include "kernel/traps.h"

const struct start_info *start_info;
volatile struct shared_info *shared_info;

__attribute__((noreturn)) void mg_start(const struct start_info *si, uint32_t boot_esp);

static void map_shared_info(void)
{
	long rc = map_mfn(MG_SHARED_INFO, start_info->shared_info >> PAGE_SHIFT, MG_PTE_DATA);

	if (rc < 0) {
		printk("miniguest: cannot map shared_info (%ld)\n", rc);
		mg_crash("no shared_info");
	}
	shared_info = (volatile struct shared_info *)(uintptr_t)MG_SHARED_INFO;
}

static void main_thread(void *arg)
{
	(void)arg;
	mg_main();
}

void mg_start(const struct start_info *si, uint32_t boot_esp)
{
	start_info = si;
	traps_init();
	/* The builder's bootstrap stack is the last frame it used. */
	frames_init(((boot_esp - 1 - MG_VIRT_BASE) >> PAGE_SHIFT) + 1);
	long rc = pagetable_init();
	if (rc < 0) {
		printk("miniguest: cannot map the domain's %u pages (%ld)\n", si->nr_pages, rc);
		mg_crash("no memory map");
	}
	p2m_room();
	map_shared_info();
	events_init();
	threads_init();
	console_init();
	if (!thread_create("main", main_thread, 0, MG_MAIN_STACK_SIZE))
		mg_crash("no memory for the main thread");
	idle_loop();
}
