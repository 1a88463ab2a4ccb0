/* Section headers, checked in 64 bits like everything elf_check reads: no
 * sum of two hostile fields can wrap and look small. */
#include "elf/elf_sections.h"
#include "lib/format.h"
#include "lib/le.h"
#include "lib/string.h"

int elf_section_count(const void *img, size_t len, char *err, size_t errlen)
{
	const uint8_t *p = img;
	uint32_t shoff = le32(p + 32), entsize = le16(p + 46), shnum = le16(p + 48);

	if (shoff == 0 || shnum == 0)
		return 0;
	if (entsize != sizeof(struct elf32_shdr)) {
		format(err, errlen, "section header size %u is not %zu", entsize,
		       sizeof(struct elf32_shdr));
		return -1;
	}
	if ((uint64_t)shoff + (uint64_t)shnum * entsize > len) {
		format(err, errlen, "section header table (%u entries at offset 0x%x) runs past "
		       "the end of the 0x%zx-byte image", shnum, shoff, len);
		return -1;
	}
	return (int)shnum;
}

int elf_section(const void *img, size_t len, uint32_t i, struct elf32_shdr *sh, char *err,
		size_t errlen)
{
	const uint8_t *p = img;

	memcpy(sh, p + le32(p + 32) + (size_t)i * sizeof(*sh), sizeof(*sh));
	if ((uint64_t)sh->sh_offset + sh->sh_size > len) {
		format(err, errlen, "section %u: 0x%x+0x%x runs past the end of the 0x%zx-byte "
		       "image", i, sh->sh_offset, sh->sh_size, len);
		return -1;
	}
	return 0;
}
