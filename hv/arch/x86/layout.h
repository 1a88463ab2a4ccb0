/* The address space, usable from C and from assembly.
 *
 * Below 4 GiB is the running guest's: a 32-bit guest in compatibility mode
 * can form no other address. Its hole at the top holds only the read-only
 * machine-to-physical table:
 *
 *   0xF5800000  read-only machine-to-physical table for guests   16 MiB
 *   0xF6800000  nothing: every access faults                  up to 4 GiB
 *
 * The hypervisor lives in the upper half, which compatibility mode cannot
 * reach, and is mapped in every address space:
 *
 *   0xFFFF820000000000  frame table (one descriptor per frame)  <= 64 MiB
 *   0xFFFF820040000000  hypervisor heap                          <= 512 MiB
 *   0xFFFF820080000000  the machine-to-physical table, writable     16 MiB
 *   0xFFFF8200C0000000  per-CPU GDT: guest pages 0-13, ours 14-15   64 KiB
 *   0xFFFF8200C0200000  fixed device mappings (local APIC, ...)      2 MiB
 *   0xFFFF8200C0400000  never mapped: fault tests aim here
 *   0xFFFF830000000000  direct map of all machine memory        <= 16 GiB
 *   0xFFFFFFFF80000000  the image, at this offset from where it loads
 *
 * 16 GiB of machine memory is the most the read-only M2P window can
 * describe (4 bytes per frame), so it is the most ringlet uses. */
#ifndef ARCH_X86_LAYOUT_H
#define ARCH_X86_LAYOUT_H

#define PAGE_SHIFT        12
#define PAGE_SIZE         0x1000
#define L2_SHIFT          21        /* one L2 entry maps 2 MiB */
#define L3_SHIFT          30        /* one L3 entry maps 1 GiB */
#define L4_SHIFT          39        /* one L4 entry maps 512 GiB */

#define HOLE_START        0xF5800000     /* HYPERVISOR_VIRT_START */
#define HOLE_FIRST_L2_SLOT ((HOLE_START - 0xC0000000) >> L2_SHIFT)   /* 428 */
#define RO_M2P_START      0xF5800000     /* MACH2PHYS_VIRT_START */
#define RO_M2P_END        0xF6800000

#define AREA_START        0xFFFF820000000000
#define AREA_GIB          4
#define FRAMETABLE_START  AREA_START
#define FRAMETABLE_END    (AREA_START + 0x04000000)
#define HEAP_START        (AREA_START + 0x40000000)
#define HEAP_MAX_END      (AREA_START + 0x60000000)
#define RW_M2P_START      (AREA_START + 0x80000000)
#define RW_M2P_END        (RW_M2P_START + (RO_M2P_END - RO_M2P_START))
#define GDT_AREA_START    (AREA_START + 0xC0000000)     /* 16 pages per CPU */
#define GDT_AREA_END      (GDT_AREA_START + 0x10000)
#define FIXMAP_START      (AREA_START + 0xC0200000)
#define FIXMAP_END        (FIXMAP_START + 0x200000)
#define NEVER_MAPPED      (AREA_START + 0xC0400000)

#define DIRECTMAP_START   0xFFFF830000000000
#define DIRECTMAP_GIB     16
#define MAX_RAM_FRAMES    ((RO_M2P_END - RO_M2P_START) / 4)

/* The image is linked at HV_VIRT_OFFSET + its load address. */
#define HV_VIRT_OFFSET    0xFFFFFFFF80000000
#define HV_LOAD_ADDR      0x00100000
#define IMAGE_MAX         0x01000000     /* 16 MiB from the load address */

#define BOOT_STACK_SIZE   0x4000

#endif
