/* elf_check on a valid image, on every way to break one, and on noise. */
#include <stdlib.h>

#include "unit.h"
#include "elf/elf.h"
#include "elf/elf_check.h"

#define IMAGE_LEN 0x4000u
#define PHOFF     sizeof(struct elf32_ehdr)

static _Alignas(8) uint8_t image[IMAGE_LEN];
static char err[160];
static struct elf_summary sum;

static struct elf32_ehdr *eh(void)
{
	return (struct elf32_ehdr *)image;
}

static struct elf32_phdr *ph(unsigned i)
{
	return (struct elf32_phdr *)(image + PHOFF) + i;
}

/* text at 0x400000 (file 0x1000), a note, data + bss at 0x402000. */
static void build(void)
{
	memset(image, 0, sizeof(image));
	memcpy(eh()->e_ident, ELFMAG, ELFMAG_LEN);
	eh()->e_ident[EI_CLASS] = ELFCLASS32;
	eh()->e_ident[EI_DATA] = ELFDATA2LSB;
	eh()->e_ident[EI_VERSION] = EV_CURRENT;
	eh()->e_type = ET_EXEC;
	eh()->e_machine = EM_386;
	eh()->e_version = EV_CURRENT;
	eh()->e_entry = 0x400010;
	eh()->e_phoff = PHOFF;
	eh()->e_ehsize = sizeof(struct elf32_ehdr);
	eh()->e_phentsize = sizeof(struct elf32_phdr);
	eh()->e_phnum = 3;
	*ph(0) = (struct elf32_phdr){ PT_LOAD, 0x1000, 0x400000, 0x400000, 0x800, 0x1000, PF_R | PF_X, 0x1000 };
	*ph(1) = (struct elf32_phdr){ PT_NOTE, 0x1800, 0x400800, 0x400800, 0x18, 0x18, PF_R, 4 };
	*ph(2) = (struct elf32_phdr){ PT_LOAD, 0x2000, 0x402000, 0x402000, 0x100, 0x3000, PF_R | PF_W, 0x1000 };
}

static int check(void)
{
	memset(&sum, 0xa5, sizeof(sum));
	memset(err, 'Z', sizeof(err));
	return elf_check(image, sizeof(image), &sum, err, sizeof(err));
}

static int fails_with(const char *want)
{
	int r = check();

	if (r != -1 || strcmp(err, want) != 0) {
		printf("#   elf_check returned %d, \"%s\", wanted \"%s\"\n", r, err, want);
		return 0;
	}
	return 1;
}

static void test_valid(void)
{
	build();
	CHECK_EQ(check(), 0);
	CHECK_STR(err, "");
	CHECK_EQ(sum.entry, 0x400010);
	CHECK_EQ(sum.vaddr_lo, 0x400000);
	CHECK_EQ(sum.vaddr_hi, 0x405000);
	CHECK_EQ(sum.nr_load, 2);

	/* No summary and no error buffer are both allowed. */
	CHECK_EQ(elf_check(image, sizeof(image), NULL, NULL, 0), 0);

	/* The entry may sit in the bss part, up to the last byte. */
	eh()->e_entry = 0x404fff;
	CHECK_EQ(check(), 0);
}

static void test_unaligned_image(void)
{
	uint8_t *copy = malloc(IMAGE_LEN + 1);

	build();
	memcpy(copy + 1, image, IMAGE_LEN);
	CHECK_EQ(elf_check(copy + 1, IMAGE_LEN, &sum, err, sizeof(err)), 0);
	CHECK_EQ(sum.vaddr_hi, 0x405000);
	free(copy);
}

static void test_segment_order_and_empty_loads(void)
{
	build();
	/* Higher segment first; an empty PT_LOAD counts but spans nothing. */
	struct elf32_phdr t = *ph(0);
	*ph(0) = *ph(2);
	*ph(2) = t;
	*ph(1) = (struct elf32_phdr){ PT_LOAD, 0, 0x10000000, 0, 0, 0, PF_R, 0 };
	CHECK_EQ(check(), 0);
	CHECK_EQ(sum.nr_load, 3);
	CHECK_EQ(sum.vaddr_lo, 0x400000);
	CHECK_EQ(sum.vaddr_hi, 0x405000);

	/* A segment may end right below 4 GiB. */
	build();
	*ph(2) = (struct elf32_phdr){ PT_LOAD, 0x2000, 0xfffff000, 0, 0x100, 0xfff, PF_R, 0 };
	CHECK_EQ(check(), 0);
	CHECK(sum.vaddr_hi == 0xffffffffu);
}

static void test_header_errors(void)
{
	build();
	CHECK_EQ(elf_check(image, 0, &sum, err, sizeof(err)), -1);
	CHECK_STR(err, "image is 0 bytes, smaller than the 52-byte ELF header");
	CHECK_EQ(elf_check(image, 51, &sum, err, sizeof(err)), -1);
	CHECK_STR(err, "image is 51 bytes, smaller than the 52-byte ELF header");

	build();
	image[1] = 'e';
	CHECK(fails_with("not an ELF image (bad magic)"));
	build();
	eh()->e_ident[EI_CLASS] = 2;
	CHECK(fails_with("ELF class 2 is not 32-bit (ELFCLASS32, 1)"));
	build();
	eh()->e_ident[EI_DATA] = 2;
	CHECK(fails_with("data encoding 2 is not little-endian (ELFDATA2LSB, 1)"));
	build();
	eh()->e_ident[EI_VERSION] = 0;
	CHECK(fails_with("ELF version 0/1 is not EV_CURRENT (1)"));
	build();
	eh()->e_version = 2;
	CHECK(fails_with("ELF version 1/2 is not EV_CURRENT (1)"));
	build();
	eh()->e_machine = 62;
	CHECK(fails_with("machine 62 is not i386 (EM_386, 3)"));
	build();
	eh()->e_type = 3;
	CHECK(fails_with("type 3 is not an executable (ET_EXEC, 2)"));
	eh()->e_type = 1;
	CHECK(fails_with("type 1 is not an executable (ET_EXEC, 2)"));
	build();
	eh()->e_phentsize = 56;
	CHECK(fails_with("program header size 56 is not 32"));
	build();
	eh()->e_phnum = 0;
	CHECK(fails_with("no program headers"));
}

static void test_table_bounds(void)
{
	build();
	eh()->e_phoff = IMAGE_LEN - 3 * 32 + 1;
	CHECK(fails_with("program header table (3 entries at offset 0x3fa1) runs past the end of the 0x4000-byte image"));
	/* Exactly at the end is fine (and the headers there are null). */
	eh()->e_phoff = IMAGE_LEN - 3 * 32;
	memcpy(image + eh()->e_phoff, ph(0), 3 * 32);
	CHECK_EQ(check(), 0);

	/* Offsets that would wrap 32-bit arithmetic. */
	build();
	eh()->e_phoff = 0xffffffe0;
	CHECK(fails_with("program header table (3 entries at offset 0xffffffe0) runs past the end of the 0x4000-byte image"));
	build();
	eh()->e_phnum = 0xffff;
	CHECK(fails_with("program header table (65535 entries at offset 0x34) runs past the end of the 0x4000-byte image"));
}

static void test_segment_errors(void)
{
	build();
	ph(2)->p_filesz = 0x3001;
	CHECK(fails_with("program header 2: file size 0x3001 is larger than memory size 0x3000"));

	build();
	*ph(2) = (struct elf32_phdr){ PT_LOAD, 0x1000, 0x402000, 0, 0x9000, 0x9000, PF_R, 0 };
	CHECK(fails_with("program header 2: file range 0x1000+0x9000 runs past the end of the 0x4000-byte image"));

	build();
	ph(0)->p_offset = 0xfffff000;
	ph(0)->p_filesz = 0x2000;
	ph(0)->p_memsz = 0x2000;
	CHECK(fails_with("program header 0: file range 0xfffff000+0x2000 runs past the end of the 0x4000-byte image"));

	/* Even an empty file part must not point outside the image. */
	build();
	ph(2)->p_offset = IMAGE_LEN + 1;
	ph(2)->p_filesz = 0;
	CHECK(fails_with("program header 2: file range 0x4001+0x0 runs past the end of the 0x4000-byte image"));
	ph(2)->p_offset = IMAGE_LEN;
	CHECK_EQ(check(), 0);

	build();
	ph(2)->p_vaddr = 0xfffff000;
	ph(2)->p_memsz = 0x2000;
	CHECK(fails_with("program header 2: memory range 0xfffff000+0x2000 wraps past 4 GiB"));
	ph(2)->p_memsz = 0x1000;
	CHECK(fails_with("program header 2: memory range 0xfffff000+0x1000 wraps past 4 GiB"));
	ph(2)->p_vaddr = 1;
	ph(2)->p_memsz = 0xffffffff;
	CHECK(fails_with("program header 2: memory range 0x1+0xffffffff wraps past 4 GiB"));

	/* Headers other than PT_LOAD are not loaded, so not checked here. */
	build();
	ph(1)->p_offset = 0xffffffff;
	ph(1)->p_filesz = 0xffffffff;
	CHECK_EQ(check(), 0);
}

static void test_load_and_entry_errors(void)
{
	build();
	ph(0)->p_type = PT_NOTE;
	ph(2)->p_type = PT_NULL;
	CHECK(fails_with("no loadable (PT_LOAD) segment"));

	build();
	eh()->e_entry = 0x405000;
	CHECK(fails_with("entry point 0x405000 is outside every loadable segment"));
	eh()->e_entry = 0x401800;   /* in the gap between the segments */
	CHECK(fails_with("entry point 0x401800 is outside every loadable segment"));
	eh()->e_entry = 0;
	CHECK(fails_with("entry point 0x0 is outside every loadable segment"));

	/* Only empty segments: nothing can hold the entry. */
	build();
	ph(0)->p_filesz = ph(0)->p_memsz = 0;
	ph(2)->p_filesz = ph(2)->p_memsz = 0;
	eh()->e_entry = 0x400000;
	CHECK(fails_with("entry point 0x400000 is outside every loadable segment"));
}

static void test_error_buffer(void)
{
	char small[8];

	build();
	eh()->e_machine = 8;
	memset(small, 'Z', sizeof(small));
	CHECK_EQ(elf_check(image, sizeof(image), &sum, small, sizeof(small)), -1);
	CHECK_STR(small, "machine");
	CHECK_EQ(elf_check(image, sizeof(image), &sum, NULL, 0), -1);
	CHECK_EQ(elf_check(image, sizeof(image), &sum, small, 0), -1);
}

static uint64_t rng_next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* Check an exact-size heap copy, so ASan sees any read past len. Returns
 * 1 if the outcome is well-formed, counting acceptances in *ok. */
static int run_once(const uint8_t *bytes, size_t len, unsigned *ok)
{
	uint8_t *copy = malloc(len ? len : 1);
	char e[64];
	struct elf_summary s;

	memcpy(copy, bytes, len);
	e[0] = 'Z';
	int r = elf_check(copy, len, &s, e, sizeof(e));
	free(copy);
	if (r == 0) {
		(*ok)++;
		return s.nr_load >= 1 && s.vaddr_lo <= s.entry && s.entry < s.vaddr_hi;
	}
	return r == -1 && e[0] != '\0' && e[0] != 'Z';
}

static void test_fuzz(void)
{
	uint64_t rng = 0x7f454c46;
	uint8_t buf[IMAGE_LEN];
	unsigned bad = 0, ok_noise = 0, ok_mut = 0;

	/* Noise, half of it behind a valid ELF header so the program
	 * header checks see it too. */
	for (int round = 0; round < 4000; round++) {
		size_t len = rng_next(&rng) % 600;
		for (size_t i = 0; i < len; i++)
			buf[i] = (uint8_t)rng_next(&rng);
		if (round % 2 && len >= PHOFF) {
			build();
			memcpy(buf, image, 24);
			uint16_t phnum = (uint16_t)(rng_next(&rng) % 12);
			uint32_t phoff = (uint32_t)(rng_next(&rng) % 600);
			memcpy(buf + 28, &phoff, 4);
			memcpy(buf + 42, &eh()->e_phentsize, 2);
			memcpy(buf + 44, &phnum, 2);
		}
		bad += !run_once(buf, len, &ok_noise);
	}

	/* A few bytes of a valid image changed, mostly in its headers. */
	for (int round = 0; round < 4000; round++) {
		build();
		for (unsigned n = 1 + rng_next(&rng) % 6; n; n--) {
			uint64_t r = rng_next(&rng);
			size_t at = r % 4 ? (r >> 8) % (PHOFF + 3 * 32) : (r >> 8) % IMAGE_LEN;
			image[at] = (uint8_t)(r >> 32);
		}
		size_t len = rng_next(&rng) % 8 ? IMAGE_LEN : rng_next(&rng) % IMAGE_LEN;
		bad += !run_once(image, len, &ok_mut);
	}

	CHECK_EQ(bad, 0);
	/* Both outcomes happened, so the loops exercised something. */
	CHECK(ok_mut > 100);
	CHECK(ok_mut < 4000);
	printf("# fuzz: %u noise and %u mutated images accepted\n", ok_noise, ok_mut);
}

UNIT_MAIN(
	UNIT(test_valid),
	UNIT(test_unaligned_image),
	UNIT(test_segment_order_and_empty_loads),
	UNIT(test_header_errors),
	UNIT(test_table_bounds),
	UNIT(test_segment_errors),
	UNIT(test_load_and_entry_errors),
	UNIT(test_error_buffer),
	UNIT(test_fuzz),
)
