/* Which hypervisor runs the guest (lib/platform.h). */
#include "platform.h"

#include "console.h"
#include "hypercall.h"
#include "lib/string.h"
#include "pvabi/version.h"
#include "traps.h"

static int known = -1;

static bool contains(const char *s, size_t n, const char *word)
{
	size_t w = strlen(word);

	for (size_t i = 0; i + w <= n; i++)
		if (strncmp(s + i, word, w) == 0)
			return true;
	return false;
}

bool on_ringlet(void)
{
	if (known < 0) {
		xen_extraversion_t extra;

		memset(&extra, 0, sizeof(extra));
		known = hypercall_xen_version(XENVER_extraversion, &extra) == 0 &&
			contains(extra, strnlen(extra, sizeof(extra)), "ringlet");
	}
	return known;
}

const char *hypervisor_name(void)
{
	return on_ringlet() ? "ringlet" : "Xen";
}

/* How far the vector is shifted in the #GP error code of a refused
 * "int $n": 3 as the architecture says, 4 under QEMU issue 1382. */
static unsigned softint_shift;

static unsigned find_softint_shift(void)
{
	if (!softint_shift) {
		uint32_t before = exception_count;

		asm volatile("1: int $0x44\n2:\n\t" EXTABLE(1b, 2b) : : : "memory");
		softint_shift = 3;
		if (exception_count != before && last_exception.vector == X86_EXC_GP &&
		    last_exception.error == ((0x44u << 4) | 2)) {
			softint_shift = 4;
			printk("note: this CPU reports a refused int $n as #GP((n << 4) | 2) "
			       "(QEMU issue 1382); %s looks up vector 2n mod 256 for it\n",
			       hypervisor_name());
		} else if (exception_count == before || last_exception.vector != X86_EXC_GP ||
			   last_exception.error != ((0x44u << 3) | 2)) {
			printk("note: int $0x44 with vector 0x44 unset did not raise #GP(0x222)\n");
		}
	}
	return softint_shift;
}

uint32_t softint_gp_error(uint8_t n)
{
	return ((uint32_t)n << find_softint_shift()) | 2;
}

uint8_t softint_vector(uint8_t n)
{
	return (uint8_t)(softint_gp_error(n) >> 3);
}
