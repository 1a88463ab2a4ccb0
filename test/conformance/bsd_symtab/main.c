/* bsd_symtab: a guest with the note BSD_SYMTAB "yes" finds its symbol
 * table after its kernel image, laid out as Xen's loader lays it out: at
 * the end of the image rounded up to 4 bytes, a 32-bit size, then an ELF
 * header whose three section headers (null, symtab, strtab) give offsets
 * from that header, then the symbols and their strings.
 *
 * Rules checked (ids as in pvabi/ABI.md):
 *   BOOT-15  the size word, the ELF header (e_shoff 64, e_shnum 3,
 *            e_shentsize 40, no program headers), the SYMTAB and STRTAB
 *            headers 64 bytes after it (Xen sizes the header for 64-bit
 *            ELF), the symtab at offset 256 linked to section 2, the tables inside
 *            the size; the symbol test_main names this very function; the
 *            rest of the initial region (start_info, page tables, stack)
 *            comes after the table
 *   XSA194-1 nothing but the table is in its bytes (XSA-194: Xen's loader
 *            once left hypervisor memory in them): the padding after the
 *            ELF header, after the section headers, between the two tables
 *            and after them to the end of the page, the null section header
 *            and e_flags are all zero (e_entry is the kernel's own, on both)
 *   BOOT-16  with "-- crash" on its command line the guest, once its checks
 *            passed, takes a #UD with no handler in a function of its own;
 *            the hypervisor's crash line names that function from the table
 *            (conformance.tests judges the log line; on Xen, only the crash)
 */
#include "guest.h"
#include "elf/elf.h"

const char test_title[] = "bsd_symtab: the symbol table loaded after the kernel (BSD_SYMTAB)";

/* The note: name "Xen", type 11, the string "yes". */
asm(".pushsection .note.Xen, \"a\", @note\n"
    ".balign 4\n"
    ".long 4, 4, 11\n"
    ".asciz \"Xen\"\n"
    ".asciz \"yes\"\n"
    ".popsection\n");

extern char __image_end[];

/* Its name is what the crash line must show. */
__attribute__((noinline)) static void bsd_symtab_crash_here(void)
{
	asm volatile("nop; nop; ud2");
}

static const struct elf32_sym *find(const struct elf32_sym *syms, uint32_t nsyms,
				    const char *strs, uint32_t strsz, const char *name)
{
	for (uint32_t i = 0; i < nsyms; i++)
		if (syms[i].st_name < strsz && strcmp(strs + syms[i].st_name, name) == 0)
			return &syms[i];
	return NULL;
}

/* Bytes in [from, to) that are not zero. */
static unsigned nonzero(const uint8_t *from, const uint8_t *to)
{
	unsigned n = 0;

	for (; from < to; from++)
		n += *from != 0;
	return n;
}

static void no_stale_bytes(const uint8_t *eh_bytes, const struct elf32_ehdr *eh,
			   const struct elf32_shdr sh[3], uint32_t end)
{
	const uint8_t *symtab_end = eh_bytes + sh[1].sh_offset + sh[1].sh_size;
	unsigned stale = nonzero(eh_bytes + sizeof(*eh), eh_bytes + 64) +
			 nonzero(eh_bytes + 64 + 3 * sizeof(sh[0]), eh_bytes + sh[1].sh_offset) +
			 nonzero(symtab_end, eh_bytes + sh[2].sh_offset) +
			 nonzero((const uint8_t *)end,
				 (const uint8_t *)((end + PAGE_SIZE - 1) & PAGE_MASK)) +
			 nonzero((const uint8_t *)&sh[0], (const uint8_t *)&sh[1]);
	check("XSA194-1", stale == 0 && eh->e_flags == 0,
	      "non-zero padding bytes: %u; e_flags %#x", stale, eh->e_flags);
}

void test_main(void)
{
	uint32_t base = ((uint32_t)__image_end + 3) & ~3u;
	uint32_t size = *(const uint32_t *)base;
	const uint8_t *eh_bytes = (const uint8_t *)base + 4;
	struct elf32_ehdr eh;
	struct elf32_shdr sh[3];

	memcpy(&eh, eh_bytes, sizeof(eh));
	check("BOOT-15", memcmp(eh.e_ident, ELFMAG, 4) == 0, "an ELF header at 0x%08x + 4", base);
	check("BOOT-15", eh.e_shoff == 64 && eh.e_shnum == 3 && eh.e_shentsize == 40 &&
	      eh.e_phoff == 0 && eh.e_phnum == 0 && eh.e_ehsize == 52,
	      "e_shoff %u e_shnum %u e_shentsize %u e_phoff %u e_phnum %u e_ehsize %u",
	      eh.e_shoff, eh.e_shnum, eh.e_shentsize, eh.e_phoff, eh.e_phnum, eh.e_ehsize);
	if (eh.e_shoff != 64 || eh.e_shnum != 3)
		test_finish();
	memcpy(sh, eh_bytes + 64, sizeof(sh));
	check("BOOT-15", sh[0].sh_type == SHT_NULL && sh[1].sh_type == SHT_SYMTAB &&
	      sh[2].sh_type == SHT_STRTAB && sh[1].sh_link == 2,
	      "sections: types %u %u %u, symtab link %u", sh[0].sh_type, sh[1].sh_type,
	      sh[2].sh_type, sh[1].sh_link);
	check("BOOT-15", sh[1].sh_offset == 256 &&
	      sh[2].sh_offset == ((sh[1].sh_offset + sh[1].sh_size + 3) & ~3u) &&
	      size == sh[2].sh_offset + sh[2].sh_size,
	      "symtab at +%u (0x%x bytes), strtab at +%u (0x%x bytes), size word %u",
	      sh[1].sh_offset, sh[1].sh_size, sh[2].sh_offset, sh[2].sh_size, size);
	if (size != sh[2].sh_offset + sh[2].sh_size || sh[1].sh_type != SHT_SYMTAB)
		test_finish();

	const struct elf32_sym *syms = (const void *)(eh_bytes + sh[1].sh_offset);
	const char *strs = (const char *)eh_bytes + sh[2].sh_offset;
	const struct elf32_sym *s = find(syms, sh[1].sh_size / 16, strs, sh[2].sh_size, "test_main");
	check("BOOT-15", s && s->st_value == (uint32_t)test_main &&
	      ELF32_ST_TYPE(s->st_info) == STT_FUNC,
	      "the symbol test_main is 0x%08x, a function (want 0x%08x)", s ? s->st_value : 0,
	      (uint32_t)test_main);
	uint32_t end = base + 4 + size;
	no_stale_bytes(eh_bytes, &eh, sh, end);
	check("BOOT-15", (uint32_t)start_info >= end && start_info->pt_base >= end,
	      "start_info 0x%08x and the page tables 0x%08x come after the table's end 0x%08x",
	      (uint32_t)start_info, (uint32_t)start_info->pt_base, end);
	if (strcmp((const char *)start_info->cmd_line, "crash") == 0) {
		printk("crash: the hypervisor should destroy this domain now, naming "
		       "bsd_symtab_crash_here\n");
		if (hypercall_set_trap_table(NULL) == 0)
			bsd_symtab_crash_here();
		test_error("set_trap_table(NULL) failed or the #UD came back");
	}
	test_success();
}
