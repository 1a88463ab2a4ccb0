/* Everything a conformance test uses: include this one header.
 *
 *   test.h       test_main, verdicts, checks, start_info
 *   hypercall.h  hypercalls through the hypercall page, typed wrappers
 *   traps.h      expected exceptions (probe_*), exinfo
 *   console.h    printk
 *   exit.h       ending the domain, with an exit status or without
 * and the guest ABI (pvabi/) with Xen's names. */
#ifndef CONFORMANCE_GUEST_H
#define CONFORMANCE_GUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/format.h"
#include "lib/string.h"
#include "pvabi/arch_x86_32.h"
#include "pvabi/console.h"
#include "pvabi/errno.h"
#include "pvabi/hypercall.h"
#include "pvabi/memory.h"
#include "pvabi/mmu.h"
#include "pvabi/multicall.h"
#include "pvabi/sched.h"
#include "pvabi/shared_info.h"
#include "pvabi/start_info.h"
#include "pvabi/types.h"
#include "pvabi/version.h"

#include "console.h"
#include "exit.h"
#include "hypercall.h"
#include "test.h"
#include "traps.h"

#define PAGE_SIZE   4096u
#define PAGE_MASK   (~(PAGE_SIZE - 1))

/* The image's bounds (guest.ld) and the guest's own stack (head.S). */
extern char __image_start[], __image_end[];
extern char guest_stack[], guest_stack_top[];

#endif
