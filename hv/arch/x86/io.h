/* Port I/O: outb/inb, outw/inw, outl/inl. */
#ifndef ARCH_X86_IO_H
#define ARCH_X86_IO_H

#include <stdint.h>

#define PORT_IO(sfx, type)                                                  \
static inline void out##sfx(uint16_t port, type v)                         \
{                                                                          \
	asm volatile("out" #sfx " %0, %1" : : "a"(v), "Nd"(port));         \
}                                                                          \
static inline type in##sfx(uint16_t port)                                  \
{                                                                          \
	type v;                                                            \
	asm volatile("in" #sfx " %1, %0" : "=a"(v) : "Nd"(port));          \
	return v;                                                          \
}

PORT_IO(b, uint8_t)
PORT_IO(w, uint16_t)
PORT_IO(l, uint32_t)

#undef PORT_IO

#endif
