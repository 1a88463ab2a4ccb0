#include "elf/xen_notes.h"
#include "elf/elf.h"
#include "elf/elf_sections.h"
#include "lib/format.h"
#include "lib/le.h"
#include "lib/string.h"
#include "pvabi/elfnote.h"

static int fail(char *err, size_t errlen, const char *what, uint32_t off)
{
	format(err, errlen, "note at file offset 0x%x: %s", off, what);
	return -1;
}

static char *string_slot(struct xen_notes *n, uint32_t type)
{
	switch (type) {
	case XEN_ELFNOTE_GUEST_OS: return n->guest_os;
	case XEN_ELFNOTE_XEN_VERSION: return n->xen_version;
	case XEN_ELFNOTE_LOADER: return n->loader;
	case XEN_ELFNOTE_PAE_MODE: return n->pae_mode;
	case XEN_ELFNOTE_FEATURES: return n->features;
	case XEN_ELFNOTE_BSD_SYMTAB: return n->bsd_symtab;
	default: return NULL;
	}
}

static uint32_t *number_slot(struct xen_notes *n, uint32_t type)
{
	switch (type) {
	case XEN_ELFNOTE_ENTRY: return &n->entry;
	case XEN_ELFNOTE_VIRT_BASE: return &n->virt_base;
	case XEN_ELFNOTE_PADDR_OFFSET: return &n->paddr_offset;
	case XEN_ELFNOTE_HYPERCALL_PAGE: return &n->hypercall_page;
	default: return NULL;
	}
}

static int take(struct xen_notes *n, uint32_t type, const uint8_t *desc, uint32_t size,
		uint32_t off, char *err, size_t errlen)
{
	char *s = string_slot(n, type);
	uint32_t *num = number_slot(n, type);

	if (s) {
		if (size == 0 || size > XEN_NOTE_STR_MAX || desc[size - 1] != '\0')
			return fail(err, errlen, "string is not NUL-terminated within 64 bytes", off);
		memcpy(s, desc, size);
	} else if (num) {
		if (size == 4)
			*num = le32(desc);
		else if (size == 8 && le32(desc + 4) == 0)
			*num = le32(desc);
		else
			return fail(err, errlen, "number is not a 4- or 8-byte value below 4 GiB", off);
	} else {
		return 0;
	}
	if (type < 32)
		n->seen |= 1u << type;
	return 0;
}

/* The notes of one PT_NOTE segment or SHT_NOTE section, what says which. */
static int parse_notes(const uint8_t *p, uint32_t start, uint32_t size, const char *what,
		       struct xen_notes *n, char *err, size_t errlen)
{
	uint32_t off = 0;
	char why[48];

	while (size - off >= sizeof(struct elf32_nhdr)) {
		uint32_t at = start + off;
		uint32_t namesz = le32(p + at), descsz = le32(p + at + 4), type = le32(p + at + 8);
		/* In 64 bits: no padded size of a hostile field can wrap. */
		uint64_t name_pad = ((uint64_t)namesz + 3) & ~3ull;
		uint64_t desc_pad = ((uint64_t)descsz + 3) & ~3ull;
		if (sizeof(struct elf32_nhdr) + name_pad + desc_pad > size - off) {
			format(why, sizeof(why), "runs past the end of its %s", what);
			return fail(err, errlen, why, at);
		}
		const uint8_t *name = p + at + sizeof(struct elf32_nhdr);
		if (namesz == 4 && memcmp(name, "Xen", 4) == 0) {
			n->nr_xen++;
			if (take(n, type, name + name_pad, descsz, at, err, errlen) < 0)
				return -1;
		}
		off += (uint32_t)(sizeof(struct elf32_nhdr) + name_pad + desc_pad);
	}
	return 0;
}

static int parse_segments(const uint8_t *p, size_t len, struct xen_notes *n, char *err,
			  size_t errlen)
{
	uint32_t phoff = le32(p + 28), phnum = le16(p + 44);

	for (uint32_t i = 0; i < phnum; i++) {
		const uint8_t *ph = p + phoff + i * sizeof(struct elf32_phdr);
		if (le32(ph) != PT_NOTE)
			continue;
		uint32_t off = le32(ph + 4), size = le32(ph + 16);
		if (off > len || size > len - off) {
			format(err, errlen, "program header %u: note segment 0x%x+0x%x runs past the "
			       "end of the 0x%zx-byte image", i, off, size, len);
			return -1;
		}
		if (parse_notes(p, off, size, "segment", n, err, errlen) < 0)
			return -1;
	}
	return 0;
}

/* Xen's loader reads the note sections only when no note segment holds a
 * Xen note (an image linked without a PT_NOTE header). */
static int parse_sections(const uint8_t *p, size_t len, struct xen_notes *n, char *err,
			  size_t errlen)
{
	int count = elf_section_count(p, len, err, errlen);

	for (int i = 0; i < count; i++) {
		struct elf32_shdr sh;
		memcpy(&sh, p + le32(p + 32) + (size_t)i * sizeof(sh), sizeof(sh));
		if (sh.sh_type != SHT_NOTE)
			continue;
		if (elf_section(p, len, (uint32_t)i, &sh, err, errlen) < 0 ||
		    parse_notes(p, sh.sh_offset, sh.sh_size, "section", n, err, errlen) < 0)
			return -1;
	}
	n->from_sections = n->nr_xen > 0;
	return count < 0 ? -1 : 0;
}

int xen_notes_parse(const void *img, size_t len, struct xen_notes *n, char *err, size_t errlen)
{
	memset(n, 0, sizeof(*n));
	if (parse_segments(img, len, n, err, errlen) < 0)
		return -1;
	return n->nr_xen ? 0 : parse_sections(img, len, n, err, errlen);
}
