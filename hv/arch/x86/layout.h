/* The hypervisor's virtual address space: everything lives in the hole at the
 * top of the 32-bit PAE address space, which guests can neither see nor change.
 * Usable from C and from assembly.
 *
 *   0xF5800000  read-only machine-to-physical table for guests   16 MiB
 *   0xF6800000  frame table (one descriptor per machine frame)   32 MiB
 *   0xF8800000  hypervisor heap                                   64 MiB
 *   0xFC800000  map cache: per-CPU windows onto any frame          2 MiB
 *   0xFCA00000  the machine-to-physical table, writable           16 MiB
 *   0xFDA00000  per-CPU GDT: guest pages 0-13, ours 14-15          2 MiB
 *   0xFDC00000  (never mapped: fault tests aim here)               4 MiB
 *   0xFE000000  module window: a guest image while it is loaded   16 MiB
 *   0xFF000000  direct map of machine 0..12 MiB: image, boot data 12 MiB
 *   0xFFC00000  fixed device mappings (local APIC, ...)             2 MiB
 *
 * Every L2 slot of the hole is filled at boot and never changes afterwards, so
 * the slots can later be copied into every guest's top-level L2 once. */
#ifndef ARCH_X86_LAYOUT_H
#define ARCH_X86_LAYOUT_H

#define PAGE_SHIFT        12
#define PAGE_SIZE         0x1000
#define L2_SHIFT          21        /* one PAE L2 entry maps 2 MiB */

#define HOLE_START        0xF5800000     /* HYPERVISOR_VIRT_START */
#define HOLE_FIRST_L2_SLOT ((HOLE_START - 0xC0000000) >> L2_SHIFT)   /* 428 */
#define RO_M2P_START      0xF5800000     /* MACH2PHYS_VIRT_START */
#define RO_M2P_END        0xF6800000
#define FRAMETABLE_START  0xF6800000
#define FRAMETABLE_END    0xF8800000
#define HEAP_START        0xF8800000
#define HEAP_END          0xFC800000
#define MAPCACHE_START    0xFC800000
#define MAPCACHE_END      0xFCA00000
#define RW_M2P_START      0xFCA00000
#define RW_M2P_END        0xFDA00000
#define GDT_AREA_START    0xFDA00000     /* 16 pages per CPU */
#define GDT_AREA_END      0xFDC00000
#define NEVER_MAPPED      0xFDC00000     /* the reserved gap: fault tests aim here */
#define MODULE_WINDOW     0xFE000000
#define MODULE_WINDOW_END 0xFF000000
#define DIRECTMAP_START   0xFF000000
#define DIRECTMAP_SIZE    0x00C00000
#define DIRECTMAP_END     (DIRECTMAP_START + DIRECTMAP_SIZE)
#define FIXMAP_START      0xFFC00000
#define FIXMAP_END        0xFFE00000

/* The image is linked at DIRECTMAP_START + its load address. */
#define HV_VIRT_OFFSET    DIRECTMAP_START
#define HV_LOAD_ADDR      0x00100000

#define BOOT_STACK_SIZE   0x4000

#endif
