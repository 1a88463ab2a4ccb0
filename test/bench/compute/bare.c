/* The compute workload as a bare kernel: no hypervisor, no paging, no
 * interrupts. It times the workload with rdtsc, prints the same line as the
 * guest (guest.c) on COM1 and ends QEMU through isa-debug-exit, with the
 * hypervisor's success value only if the checksum is the known one. With
 * the command line "corrupt" (-append) it flips a bit of the workload's
 * buffer first, as the guest does with that argument. */
#include <stdint.h>

#include "arch/x86/io.h"
#include "boot/bootinfo.h"
#include "work.h"

#define COM1          0x3f8
#define COM1_LSR      (COM1 + 5)
#define LSR_THRE      0x20              /* transmit holding register empty */
#define DEBUG_EXIT    0xf4
#define EXIT_SUCCESS  0x10              /* QEMU exits with (v << 1) | 1 */
#define EXIT_FAILURE  0x11

#define MB1_INFO_CMDLINE (1u << 2)

/* The start of the Multiboot1 information: flags, memory, boot device,
 * then the command line. */
struct mb1_info {
	uint32_t flags, mem_lower, mem_upper, boot_device, cmdline;
};

void bare_main(uint32_t magic, const struct mb1_info *info);

static void put_char(char c)
{
	while (!(inb(COM1_LSR) & LSR_THRE))
		;
	outb(COM1, (uint8_t)c);
}

static void put_str(const char *s)
{
	while (*s)
		put_char(*s++);
}

/* Decimal without division of 64-bit numbers (no runtime library here). */
static void put_dec(uint64_t v)
{
	static const uint64_t tens[] = {
		10000000000000000000ull, 1000000000000000000ull, 100000000000000000ull,
		10000000000000000ull, 1000000000000000ull, 100000000000000ull,
		10000000000000ull, 1000000000000ull, 100000000000ull, 10000000000ull,
		1000000000ull, 100000000ull, 10000000ull, 1000000ull, 100000ull,
		10000ull, 1000ull, 100ull, 10ull, 1ull };
	int started = 0;

	for (unsigned i = 0; i < sizeof(tens) / sizeof(tens[0]); i++) {
		char d = '0';

		while (v >= tens[i]) {
			v -= tens[i];
			d++;
		}
		if (d != '0' || started || tens[i] == 1) {
			put_char(d);
			started = 1;
		}
	}
}

static void put_hex(uint32_t v)
{
	put_str("0x");
	for (int shift = 28; shift >= 0; shift -= 4)
		put_char("0123456789abcdef"[(v >> shift) & 15]);
}

/* Whether a word of the command line is "corrupt" (loaders put the
 * kernel's own name first; paging is off, so its address is where it is). */
static int asked_to_corrupt(uint32_t magic, const struct mb1_info *info)
{
	const char *s;

	if (magic != MULTIBOOT1_BOOTLOADER_MAGIC || !(info->flags & MB1_INFO_CMDLINE) ||
	    !info->cmdline)
		return 0;
	s = (const char *)(uintptr_t)info->cmdline;
	while (*s) {
		const char *want = "corrupt";

		while (*s == ' ')
			s++;
		while (*want && *s == *want) {
			s++;
			want++;
		}
		if (!*want && (*s == ' ' || !*s))
			return 1;
		while (*s && *s != ' ')
			s++;
	}
	return 0;
}

void bare_main(uint32_t magic, const struct mb1_info *info)
{
	int crc_ok = compute_init() == 0;

	if (asked_to_corrupt(magic, info))
		compute_corrupt();
	uint64_t t0 = compute_rdtsc();
	uint32_t sum = compute_run(COMPUTE_ITERATIONS);
	uint64_t cycles = compute_rdtsc() - t0;
	int ok = crc_ok && sum == COMPUTE_CHECKSUM;

	put_str("COMPUTE {\"cycles\": ");
	put_dec(cycles);
	put_str(", \"iterations\": ");
	put_dec(COMPUTE_ITERATIONS);
	put_str(", \"checksum\": \"");
	put_hex(sum);
	put_str(ok ? "\", \"ok\": true}\n" : "\", \"ok\": false}\n");
	if (ok) {
		put_str("compute: checksum right\n");
	} else {
		put_str(crc_ok ? "compute: wrong checksum, expected " :
				 "compute: CRC-32 of \"123456789\" is wrong; checksum expected ");
		put_hex(COMPUTE_CHECKSUM);
		put_char('\n');
	}
	outb(DEBUG_EXIT, ok ? EXIT_SUCCESS : EXIT_FAILURE);
}
