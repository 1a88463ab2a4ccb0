/* The parts of the 32-bit ELF format the hypervisor reads: the file header
 * and program headers of i386 executables, plus note headers. Layouts and
 * numbers follow the System V ABI. */
#ifndef ELF_ELF_H
#define ELF_ELF_H

#include <stdint.h>

/* e_ident */
#define EI_NIDENT     16
#define EI_CLASS      4
#define EI_DATA       5
#define EI_VERSION    6
#define ELFMAG        "\177ELF"
#define ELFMAG_LEN    4
#define ELFCLASS32    1
#define ELFDATA2LSB   1
#define EV_CURRENT    1

/* e_type, e_machine */
#define ET_EXEC       2
#define EM_386        3

/* p_type, p_flags */
#define PT_NULL       0
#define PT_LOAD       1
#define PT_NOTE       4
#define PF_X          1
#define PF_W          2
#define PF_R          4

struct elf32_ehdr {
	uint8_t  e_ident[EI_NIDENT];
	uint16_t e_type;
	uint16_t e_machine;
	uint32_t e_version;
	uint32_t e_entry;
	uint32_t e_phoff;
	uint32_t e_shoff;
	uint32_t e_flags;
	uint16_t e_ehsize;
	uint16_t e_phentsize;
	uint16_t e_phnum;
	uint16_t e_shentsize;
	uint16_t e_shnum;
	uint16_t e_shstrndx;
};

struct elf32_phdr {
	uint32_t p_type;
	uint32_t p_offset;
	uint32_t p_vaddr;
	uint32_t p_paddr;
	uint32_t p_filesz;
	uint32_t p_memsz;
	uint32_t p_flags;
	uint32_t p_align;
};

/* A note: this header, then the name and the descriptor, each padded to
 * 4 bytes. */
struct elf32_nhdr {
	uint32_t n_namesz;
	uint32_t n_descsz;
	uint32_t n_type;
};

_Static_assert(sizeof(struct elf32_ehdr) == 52, "ELF header layout");
_Static_assert(sizeof(struct elf32_phdr) == 32, "program header layout");
_Static_assert(sizeof(struct elf32_nhdr) == 12, "note header layout");

#endif
