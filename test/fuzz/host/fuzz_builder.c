/* The whole domain builder, parsers to page tables, on mutated guest
 * images against a fake machine (fake_machine.h): whatever the image says,
 * every frame written is the domain's, every plan it accepts keeps the
 * region below the hole and inside the domain's memory, and writing an
 * accepted plan never fails.
 *
 * Input: a header, then the ELF image. The header can also move the
 * fields a hostile image would aim at, so the search need not find their
 * bytes in the image: u16 nr_pages (mod 8192), u16 module length, u8 flags
 * (bit 0: privileged), u8 which (bits 0-3: set the notes VIRT_BASE, ENTRY,
 * HYPERCALL_PAGE, PADDR_OFFSET; bits 4-7, when not 0: set p_paddr and
 * p_memsz of program header (which >> 4) - 1), then six values for those
 * fields in that order, 4 bytes each: u8 anchor, u8 offset, s16 pages. A
 * value is anchor + pages * 4 KiB + offset (modulo 4 GiB), the anchor
 * being (anchor % 3) 0, the field's own value or the hole's start: small
 * steps from there reach every edge where arithmetic wraps. */
#include <string.h>

#include "fake_machine.h"
#include "arch/x86/pv/build.h"
#include "arch/x86/pv/build_layout.h"
#include "domain/domain.h"
#include "elf/elf_check.h"
#include "elf/xen_notes.h"
#include "lib/le.h"
#include "pvabi/elfnote.h"
#include "mm/frame.h"

#define HEADER 30

static uint8_t module[0x10000];

static const uint32_t note_types[4] = {
	XEN_ELFNOTE_VIRT_BASE, XEN_ELFNOTE_ENTRY, XEN_ELFNOTE_HYPERCALL_PAGE,
	XEN_ELFNOTE_PADDR_OFFSET,
};

static uint32_t value(const uint8_t *v, uint32_t own)
{
	static const uint32_t anchors[3] = { 0, 0, HOLE_START };
	uint32_t anchor = v[0] % 3 == 1 ? own : anchors[v[0] % 3];

	return (uint32_t)(anchor + (int64_t)(int16_t)le16(v + 2) * PAGE_SIZE + v[1]);
}

static void set_notes(struct xen_notes *n, const uint8_t *h)
{
	uint32_t *field[4] = { &n->virt_base, &n->entry, &n->hypercall_page, &n->paddr_offset };

	for (unsigned i = 0; i < 4; i++) {
		if (!(h[5] & (1u << i)))
			continue;
		*field[i] = value(h + 6 + 4 * i, *field[i]);
		n->seen |= 1u << note_types[i];
	}
}

static void put32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, 4);
}

/* The image to build: a copy of exactly its bytes (so ASan sees a read past
 * its end), with one program header moved when the header says so. */
static uint8_t *image_of(const uint8_t *data, size_t size)
{
	size_t len = size - HEADER;
	uint8_t *elf = malloc(len ? len : 1);
	unsigned ph = data[5] >> 4;

	FUZZ_CHECK(elf != NULL);
	memcpy(elf, data + HEADER, len);
	if (ph && len >= 52) {
		uint64_t at = le32(elf + 28) + (ph - 1) * 32ull;
		if (at + 32 <= len) {
			put32(elf + at + 12, value(data + 22, le32(elf + at + 12)));
			put32(elf + at + 20, value(data + 26, le32(elf + at + 20)));
		}
	}
	return elf;
}

static void check_plan(const struct layout *l, const struct pv_image *img)
{
	FUZZ_CHECK(l->v_start <= l->kstart && l->kstart < l->kend && l->kend <= l->mod_va);
	FUZZ_CHECK(l->entry >= l->kstart && l->entry < l->kend);
	FUZZ_CHECK(l->mod_va <= l->p2m_va && l->p2m_va < l->si_va && l->si_va < l->pt_va);
	FUZZ_CHECK(l->stack_va + PAGE_SIZE <= l->v_end && l->v_end <= HOLE_START);
	FUZZ_CHECK((uint64_t)l->v_end - l->v_start <= (uint64_t)img->nr_pages << PAGE_SHIFT);
	FUZZ_CHECK(((l->v_start | l->v_end | l->pt_va) & (PAGE_SIZE - 1)) == 0);
}

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned seed);

/* Half the mutations step one header field to near an edge: which fields
 * are set, and a value a few pages either side of its anchor. */
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned seed)
{
	if (size < HEADER || seed % 2)
		return LLVMFuzzerMutate(data, size, max_size);
	seed /= 2;
	uint8_t *v = data + 6 + 4 * (seed % 6);
	seed /= 6;
	if (seed % 4 == 0) {
		data[5] ^= (uint8_t)(1u << (seed / 4 % 8));
		return size;
	}
	v[0] = (uint8_t)(seed / 4 % 3);
	v[1] = seed / 12 % 2 ? (uint8_t)(seed >> 8) : 0;
	int16_t pages = (int16_t)(seed / 24 % 9) - 4;
	memcpy(v + 2, &pages, 2);
	return size;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct elf_summary sum;
	struct xen_notes notes;
	struct layout l;
	struct domain d;
	char err[160];

	if (size < HEADER)
		return 0;
	fake_machine_init();
	uint8_t *elf = image_of(data, size);
	struct pv_image img = {
		.elf = elf, .elf_len = size - HEADER,
		.module = module, .module_len = le16(data + 2),
		.cmdline = "fuzz", .nr_pages = le16(data) % FAKE_DOMAIN_MAX_PAGES,
	};
	memset(&d, 0, sizeof(d));
	d.privileged = data[4] & 1;
	d.shared_info_mfn = 0;
	if (elf_check(img.elf, img.elf_len, &sum, NULL, 0) < 0 ||
	    xen_notes_parse(img.elf, img.elf_len, &notes, err, sizeof(err)) < 0 ||
	    xen_notes_check(&notes, err, sizeof(err)) < 0) {
		free(elf);
		return 0;
	}
	set_notes(&notes, data);
	if (layout_plan(&l, &img, &notes, &sum, err, sizeof(err)) < 0) {
		FUZZ_CHECK(err[0] != '\0');
		free(elf);
		return 0;
	}
	check_plan(&l, &img);
	l.mfns = fake_mfns;
	int rc = layout_fill(&l, &img, &notes, &d, err, sizeof(err));
	if (rc < 0)
		fprintf(stderr, "layout_fill refused a plan layout_plan accepted: %s\n", err);
	FUZZ_CHECK(rc == 0);
	FUZZ_CHECK(fake_mapped == 0);
	FUZZ_CHECK(layout_mfn(&l, l.v_end) == FRAME_NONE);
	FUZZ_CHECK(l.v_start == 0 || layout_mfn(&l, l.v_start - 1ull) == FRAME_NONE);
	free(elf);
	return 0;
}
