/* Every check an ELF loader needs before it copies a byte. Offsets and
 * sizes are added in 64 bits, so no sum of two hostile 32-bit fields can
 * wrap around and look small. */
#include <stdarg.h>
#include <stdbool.h>

#include "elf/elf.h"
#include "elf/elf_check.h"
#include "lib/format.h"
#include "lib/string.h"

__attribute__((format(printf, 3, 4)))
static int fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err && errlen) {
		va_start(ap, fmt);
		vformat(err, errlen, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static int check_header(const struct elf32_ehdr *eh, size_t len, char *err, size_t errlen)
{
	if (memcmp(eh->e_ident, ELFMAG, ELFMAG_LEN) != 0)
		return fail(err, errlen, "not an ELF image (bad magic)");
	if (eh->e_ident[EI_CLASS] != ELFCLASS32)
		return fail(err, errlen, "ELF class %u is not 32-bit (ELFCLASS32, 1)", eh->e_ident[EI_CLASS]);
	if (eh->e_ident[EI_DATA] != ELFDATA2LSB)
		return fail(err, errlen, "data encoding %u is not little-endian (ELFDATA2LSB, 1)",
			    eh->e_ident[EI_DATA]);
	if (eh->e_ident[EI_VERSION] != EV_CURRENT || eh->e_version != EV_CURRENT)
		return fail(err, errlen, "ELF version %u/%u is not EV_CURRENT (1)",
			    eh->e_ident[EI_VERSION], eh->e_version);
	if (eh->e_machine != EM_386)
		return fail(err, errlen, "machine %u is not i386 (EM_386, 3)", eh->e_machine);
	if (eh->e_type != ET_EXEC)
		return fail(err, errlen, "type %u is not an executable (ET_EXEC, 2)", eh->e_type);
	if (eh->e_phentsize != sizeof(struct elf32_phdr))
		return fail(err, errlen, "program header size %u is not %zu",
			    eh->e_phentsize, sizeof(struct elf32_phdr));
	if (eh->e_phnum == 0)
		return fail(err, errlen, "no program headers");
	if ((uint64_t)eh->e_phoff + (uint64_t)eh->e_phnum * sizeof(struct elf32_phdr) > len)
		return fail(err, errlen, "program header table (%u entries at offset 0x%x) runs past the end of the 0x%zx-byte image",
			    eh->e_phnum, eh->e_phoff, len);
	return 0;
}

static int check_load(unsigned i, const struct elf32_phdr *ph, size_t len, char *err, size_t errlen)
{
	if (ph->p_filesz > ph->p_memsz)
		return fail(err, errlen, "program header %u: file size 0x%x is larger than memory size 0x%x",
			    i, ph->p_filesz, ph->p_memsz);
	if ((uint64_t)ph->p_offset + ph->p_filesz > len)
		return fail(err, errlen, "program header %u: file range 0x%x+0x%x runs past the end of the 0x%zx-byte image",
			    i, ph->p_offset, ph->p_filesz, len);
	if ((uint64_t)ph->p_vaddr + ph->p_memsz > UINT32_MAX)
		return fail(err, errlen, "program header %u: memory range 0x%x+0x%x wraps past 4 GiB",
			    i, ph->p_vaddr, ph->p_memsz);
	return 0;
}

int elf_check(const void *img, size_t len, struct elf_summary *sum, char *err, size_t errlen)
{
	const uint8_t *bytes = img;
	struct elf32_ehdr eh;
	struct elf_summary s = { 0 };
	bool entry_ok = false, have_range = false;

	if (err && errlen)
		err[0] = '\0';
	if (len < sizeof(eh))
		return fail(err, errlen, "image is %zu bytes, smaller than the %zu-byte ELF header",
			    len, sizeof(eh));
	/* Copies, because the image may sit at any alignment; both the
	 * hypervisor and the test hosts are little-endian, like the image. */
	memcpy(&eh, bytes, sizeof(eh));
	if (check_header(&eh, len, err, errlen) < 0)
		return -1;

	for (unsigned i = 0; i < eh.e_phnum; i++) {
		struct elf32_phdr ph;
		memcpy(&ph, bytes + eh.e_phoff + (size_t)i * sizeof(ph), sizeof(ph));
		if (ph.p_type != PT_LOAD)
			continue;
		if (check_load(i, &ph, len, err, errlen) < 0)
			return -1;
		s.nr_load++;
		if (ph.p_memsz == 0)
			continue;
		uint32_t end = ph.p_vaddr + ph.p_memsz;
		if (!have_range || ph.p_vaddr < s.vaddr_lo)
			s.vaddr_lo = ph.p_vaddr;
		if (!have_range || end > s.vaddr_hi)
			s.vaddr_hi = end;
		have_range = true;
		if (eh.e_entry >= ph.p_vaddr && eh.e_entry < end)
			entry_ok = true;
	}
	if (s.nr_load == 0)
		return fail(err, errlen, "no loadable (PT_LOAD) segment");
	if (!entry_ok)
		return fail(err, errlen, "entry point 0x%x is outside every loadable segment", eh.e_entry);

	s.entry = eh.e_entry;
	if (sum)
		*sum = s;
	return 0;
}
