/* miniguest's virtual address space. Everything lives below 1 GiB, under
 * the one L2 the domain builder already made for the image, so miniguest
 * never needs a second L2 (and runs the same on Xen and ringlet).
 *
 *   0 - 4 MiB           unmapped: a NULL pointer faults
 *   4 MiB - 512 MiB     the linear map: pseudo-physical frame p at
 *                       MG_VIRT_BASE + p * 4 KiB (the image is frame 0 on)
 *   512 MiB - 896 MiB   the heap (sbrk), mapped as it grows
 *   896 MiB - 1008 MiB  thread stacks, each below an unmapped guard page
 *   1008 MiB - 1023 MiB device registers (mmio.h), uncached
 *   1023 MiB            fixed mappings: shared_info, a scratch page */
#ifndef MG_LAYOUT_H
#define MG_LAYOUT_H

#define MG_VIRT_BASE     0x00400000
#define MG_LINEAR_END    0x20000000
#define MG_HEAP_START    0x20000000
#define MG_HEAP_END      0x38000000
#define MG_STACKS_START  0x38000000
#define MG_STACKS_END    0x3F000000
#define MG_MMIO_START    0x3F000000
#define MG_MMIO_END      0x3FF00000
#define MG_SHARED_INFO   0x3FF00000

#define PAGE_SIZE        4096u
#define PAGE_SHIFT       12
#define PAGE_MASK        (~(PAGE_SIZE - 1))

#define MG_BOOT_STACK_SIZE  (16 * 1024)
#define MG_MAIN_STACK_SIZE  (256 * 1024)   /* the thread that runs main */

#endif
