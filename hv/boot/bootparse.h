/* What the Multiboot1 and Multiboot2 parsers share: filling a struct
 * bootinfo one checked piece at a time. Each helper that can fail writes
 * bi->error (prefixed with bi->protocol) and returns -1, so a parser just
 * passes the -1 up. */
#ifndef BOOT_BOOTPARSE_H
#define BOOT_BOOTPARSE_H

#include <stdint.h>
#include <stddef.h>

#include "boot/bootinfo.h"

/* For printing 64-bit values with %llx whatever uint64_t is on the host. */
#define X64(v) ((unsigned long long)(v))

void bootparse_reset(struct bootinfo *bi, const char *protocol);

int bootparse_fail(struct bootinfo *bi, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Append [base, base + length) of the given type. */
int bootparse_add_range(struct bootinfo *bi, uint64_t base, uint64_t length, uint32_t type);

/* The RAM the basic lower/upper memory sizes (in KiB) describe: below
 * 640 KiB and from 1 MiB up. For loaders that give no memory map. */
int bootparse_add_basic(struct bootinfo *bi, uint32_t lower_kib, uint32_t upper_kib);

/* Append a module; its command line starts empty. NULL on failure. */
struct boot_module *bootparse_add_module(struct bootinfo *bi, uint64_t start, uint64_t end);

/* Copy the NUL-terminated string at physical address pa into dst, which
 * holds room bytes including the NUL. what names it in errors. */
int bootparse_read_string(struct bootinfo *bi, phys_reader rd, void *ctx,
			  const char *what, uint64_t pa, char *dst, size_t room);

/* Copy a string that must end with a NUL within the len bytes at src. */
int bootparse_copy_string(struct bootinfo *bi, const char *what,
			  const uint8_t *src, size_t len, char *dst, size_t room);

#endif
