/* Where the hypervisor reads boot modules (a guest's ELF image and its
 * initrd) while it builds a domain from them: in the direct map. */
#ifndef ARCH_X86_PV_MODULE_WINDOW_H
#define ARCH_X86_PV_MODULE_WINDOW_H

#include <stdint.h>

/* [start, end) of machine memory; NULL when it is not all in the direct
 * map. */
const uint8_t *module_map(uint64_t start, uint64_t end);

#endif
