/* The parts of the 32-bit ELF format the hypervisor reads: the file header,
 * program and section headers of i386 executables, note headers and
 * symbols. Layouts and numbers follow the System V ABI. */
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

/* sh_type */
#define SHT_NULL      0
#define SHT_SYMTAB    2
#define SHT_STRTAB    3
#define SHT_NOTE      7

struct elf32_shdr {
	uint32_t sh_name;
	uint32_t sh_type;
	uint32_t sh_flags;
	uint32_t sh_addr;
	uint32_t sh_offset;
	uint32_t sh_size;
	uint32_t sh_link;
	uint32_t sh_info;
	uint32_t sh_addralign;
	uint32_t sh_entsize;
};

/* A symbol of a symbol table. */
struct elf32_sym {
	uint32_t st_name;
	uint32_t st_value;
	uint32_t st_size;
	uint8_t  st_info;
	uint8_t  st_other;
	uint16_t st_shndx;
};

#define STT_FUNC      2
#define ELF32_ST_TYPE(info) ((info) & 0xf)

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
_Static_assert(sizeof(struct elf32_shdr) == 40, "section header layout");
_Static_assert(sizeof(struct elf32_sym) == 16, "symbol layout");

#endif
