/* GDT layout. Pages 0-13 of the 16-page GDT belong to guests (their own
 * descriptor frames are mapped there); the hypervisor's entries sit in pages 14-15, at
 * the selectors Xen's x86_32 PV ABI fixes. Usable from C and assembly. */
#ifndef ARCH_X86_SELECTORS_H
#define ARCH_X86_SELECTORS_H

#include "pvabi/arch_x86_32.h"

#define GDT_ENTRIES            8192

#define HV_CS                  0xe008         /* 64-bit code */
#define HV_DS                  0xe010
#define HV_TSS                 0xe040         /* 16 bytes in long mode */
#define HV_LDT                 0xe050         /* reserved for guests' LDTs */

#define SEL_INDEX(sel)         ((sel) >> 3)

#endif
