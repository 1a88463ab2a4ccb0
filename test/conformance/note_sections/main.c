/* note_sections: a guest whose Xen notes are only in its .note.Xen
 * section, with no PT_NOTE program header (the build turns it into
 * PT_NULL, drop_pt_note.py), boots: the builder reads the section headers
 * when no note segment holds a Xen note, as Xen's loader does.
 *
 * Rules checked (ids as in pvabi/ABI.md):
 *   BOOT-14  the notes are read from SHT_NOTE sections when no PT_NOTE
 *            segment has any: the guest runs, at the entry and with the
 *            hypercall page its notes name
 */
#include "guest.h"

const char test_title[] = "note_sections: Xen ELF notes found in a section, not a segment";



void test_main(void)
{
	uint32_t page = 0;

	/* The ENTRY note brought the guest here; the HYPERCALL_PAGE note
	 * had the page filled: its first stub is "mov $0, %eax". */
	memcpy(&page, hypercall_page, 1);
	check("BOOT-14", page == 0xb8, "the hypercall page named by the section's note is "
	      "filled (first byte 0x%02x, want 0xb8, mov imm32 to eax)", page);
	check("BOOT-14", memcmp(start_info->magic, "xen-3.0-x86_32p", 15) == 0,
	      "start_info.magic is \"%.15s\"", start_info->magic);
	test_success();
}
