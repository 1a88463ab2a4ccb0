/* One description of what the boot loader handed over, whichever protocol
 * (Multiboot1 from QEMU's -kernel, Multiboot2 from GRUB) delivered it.
 * The parsers copy everything they need out of the loader's structures, so
 * nothing here points back into loader memory. */
#ifndef BOOT_BOOTINFO_H
#define BOOT_BOOTINFO_H

#include <stdint.h>
#include <stddef.h>

#define BOOT_MAX_MODULES  64
#define BOOT_MAX_RANGES   128
#define BOOT_CMDLINE_MAX  1024   /* including the terminating NUL */
#define BOOT_ERROR_MAX    160

enum mem_type {
	MEM_RAM = 1,
	MEM_RESERVED = 2,
	MEM_ACPI = 3,
	MEM_NVS = 4,
	MEM_BAD = 5,
};

/* [start, end), byte addresses. */
struct mem_range {
	uint64_t start, end;
	uint32_t type;
};

struct boot_module {
	uint64_t start, end;
	char cmdline[BOOT_CMDLINE_MAX];
};

struct bootinfo {
	const char *protocol;                 /* "multiboot1" or "multiboot2" */
	char loader_name[64];                 /* "" when the loader gave none */
	char cmdline[BOOT_CMDLINE_MAX];
	unsigned nr_ranges;                   /* memory map exactly as given */
	struct mem_range ranges[BOOT_MAX_RANGES];
	unsigned nr_modules;
	struct boot_module modules[BOOT_MAX_MODULES];
	uint64_t info_start, info_end;        /* the loader's own structure */
	char error[BOOT_ERROR_MAX];           /* why a parse failed */
};

/* Returns a pointer to len readable bytes at physical address pa, or NULL
 * when any of them is out of reach. The hypervisor reads through its boot
 * identity map; unit tests read from a buffer. */
typedef const void *(*phys_reader)(void *ctx, uint64_t pa, uint32_t len);

#define MULTIBOOT1_BOOTLOADER_MAGIC 0x2BADB002u
#define MULTIBOOT2_BOOTLOADER_MAGIC 0x36d76289u

/* Fill bi from the loader's structure at info_pa. Return 0, or -1 with
 * bi->error saying what was wrong. A string that does not fit is an error,
 * never silently truncated. */
int multiboot1_parse(struct bootinfo *bi, uint32_t info_pa, phys_reader rd, void *ctx);
int multiboot2_parse(struct bootinfo *bi, uint32_t info_pa, phys_reader rd, void *ctx);

/* Dispatch on the magic value the loader left in %eax. Command lines come
 * out without the image file name Multiboot1 loaders other than GRUB 2 put
 * first. */
int bootinfo_parse(struct bootinfo *bi, uint32_t magic, uint32_t info_pa,
		   phys_reader rd, void *ctx);

#endif
