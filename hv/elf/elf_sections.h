/* The section headers of an image elf_check accepted. elf_check does not
 * look at them (a loader needs only the program headers), so whoever reads
 * a section checks the table and the section here first. */
#ifndef ELF_ELF_SECTIONS_H
#define ELF_ELF_SECTIONS_H

#include <stddef.h>
#include <stdint.h>
#include "elf/elf.h"

/* The number of section headers, 0 when the image has none (e_shoff or
 * e_shnum 0). -1 with err when the table is malformed: an entry size other
 * than 40 bytes, or entries past the end of the image. */
int elf_section_count(const void *img, size_t len, char *err, size_t errlen);

/* Section i (below elf_section_count) into *sh. Returns 0, or -1 with err
 * when its bytes (sh_offset, sh_size) lie outside the image: ask only for
 * sections whose bytes you read (a .bss has none in the file). */
int elf_section(const void *img, size_t len, uint32_t i, struct elf32_shdr *sh, char *err,
		size_t errlen);

#endif
