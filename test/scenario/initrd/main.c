/* Scenario guest: what it finds as its start_info module (its initrd).
 *
 * It checks where the builder put the module and prints its length, its
 * CRC-32 (zlib's: python3 -c 'import zlib,sys;
 * print(hex(zlib.crc32(open(sys.argv[1],"rb").read())))' FILE) and its
 * first line, which the scenarios compare with the file they gave as the
 * initrd (test/scenario/scenario.tests, [initrd] and after):
 *
 *   BOOT-12  with a module, mod_start is the virtual address of its first
 *            byte: the first page after the kernel, as Xen places it (its
 *            dom0 builder: round_pgup(vkern_end)), with the module ending
 *            before the p2m list; all mod_len bytes are mapped; without
 *            one, mod_start and mod_len are 0
 *
 * The same guest and file boot the same way on Xen: with
 * "-kernel xen -initrd 'initrd.elf,hello.txt'" Xen gives dom0 the module
 * after its kernel as its initrd. */
#include "guest.h"

const char test_title[] = "initrd: the start_info module's place, length, checksum, first line";

#define FIRST_LINE_MAX 60

static uint32_t crc32(const uint8_t *p, uint32_t n)
{
	uint32_t crc = 0xffffffffu;

	while (n--) {
		crc ^= *p++;
		for (int bit = 0; bit < 8; bit++)
			crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
	}
	return ~crc;
}

/* The bytes up to the first newline, at most FIRST_LINE_MAX, with anything
 * unprintable shown as '?'. */
static void first_line(const uint8_t *p, uint32_t n, char *out)
{
	uint32_t i;

	for (i = 0; i < n && i < FIRST_LINE_MAX && p[i] != '\n'; i++)
		out[i] = p[i] >= 0x20 && p[i] < 0x7f && p[i] != '"' ? (char)p[i] : '?';
	out[i] = '\0';
}

static bool placed_right(const struct start_info *si)
{
	uint32_t image_end = ((uint32_t)(uintptr_t)__image_end + PAGE_SIZE - 1) & PAGE_MASK;
	uint32_t end = si->mod_start + si->mod_len;
	bool ok = true;

	ok &= check("BOOT-12", si->mod_start == image_end,
		    "mod_start (%#x) is the first page after the kernel (%#x)", si->mod_start,
		    image_end);
	ok &= check("BOOT-12", end >= si->mod_start && end <= si->mfn_list,
		    "the module (%#x-%#x) ends before the p2m list (%#x)", si->mod_start, end,
		    si->mfn_list);
	if (!ok)
		return false;
	uint32_t va;
	for (va = si->mod_start; va < end; va += PAGE_SIZE)
		if (!probe_read8(va, 0, 0))
			break;
	return check("BOOT-12", va >= end, "its %u bytes are mapped%s", si->mod_len,
		     va < end ? ": a page is not" : "");
}

void test_main(void)
{
	const struct start_info *si = start_info;
	char line[FIRST_LINE_MAX + 1];

	printk("mod_start %#x, mod_len %u\n", si->mod_start, si->mod_len);
	if (si->mod_len == 0) {
		if (check_eq_hex("BOOT-12", "without a module, mod_start", si->mod_start, 0))
			printk("module: none\n");
		test_success();
		return;
	}
	if (!placed_right(si))
		return;
	const uint8_t *mod = (const uint8_t *)(uintptr_t)si->mod_start;
	first_line(mod, si->mod_len, line);
	printk("module: %u bytes, crc32 0x%08x, first line \"%s\"\n", si->mod_len,
	       crc32(mod, si->mod_len), line);
	test_success();
}
