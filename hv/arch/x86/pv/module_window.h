/* The module window: where the hypervisor reads boot modules (a guest's ELF
 * image and its initrd) while it builds a domain from them. Modules live in
 * machine memory the hypervisor does not map otherwise. */
#ifndef ARCH_X86_PV_MODULE_WINDOW_H
#define ARCH_X86_PV_MODULE_WINDOW_H

#include <stdint.h>

/* 16 MiB: what the modules mapped at once (an image and its initrd) may
 * take together, counting each from the start of its first page. */
#define MODULE_WINDOW_SIZE (16u << 20)

/* Map [start, end) of machine memory read-only after whatever the window
 * holds already, so an image and its initrd can be read side by side;
 * NULL when it does not fit in what is left. */
const uint8_t *module_map(uint64_t start, uint64_t end);

/* Unmap everything module_map mapped. */
void module_unmap(void);

#endif
