/* Pick the parser by the magic value the boot loader left in %eax. */
#include "boot/bootinfo.h"
#include "boot/bootparse.h"
#include "lib/string.h"

/* Drop the first word of s, in place. */
static void drop_first_word(char *s)
{
	char *p = s;

	while (*p == ' ' || *p == '\t')
		p++;
	while (*p && *p != ' ' && *p != '\t')
		p++;
	while (*p == ' ' || *p == '\t')
		p++;
	memmove(s, p, strlen(p) + 1);
}

/* Multiboot1 loaders other than GRUB 2 (QEMU among them) put the image's
 * file name first on every command line; the options start after it. */
static void strip_image_names(struct bootinfo *bi)
{
	if (strncmp(bi->loader_name, "GRUB 2", 6) == 0)
		return;
	drop_first_word(bi->cmdline);
	for (unsigned i = 0; i < bi->nr_modules; i++)
		drop_first_word(bi->modules[i].cmdline);
}

int bootinfo_parse(struct bootinfo *bi, uint32_t magic, uint32_t info_pa,
		   phys_reader rd, void *ctx)
{
	switch (magic) {
	case MULTIBOOT1_BOOTLOADER_MAGIC:
		if (multiboot1_parse(bi, info_pa, rd, ctx) < 0)
			return -1;
		strip_image_names(bi);
		return 0;
	case MULTIBOOT2_BOOTLOADER_MAGIC:
		return multiboot2_parse(bi, info_pa, rd, ctx);
	default:
		bootparse_reset(bi, "boot");
		bootparse_fail(bi, "unknown boot loader magic 0x%08x (expected 0x%08x for Multiboot1 or 0x%08x for Multiboot2)",
			       magic, MULTIBOOT1_BOOTLOADER_MAGIC, MULTIBOOT2_BOOTLOADER_MAGIC);
		bi->protocol = "unknown";
		return -1;
	}
}
