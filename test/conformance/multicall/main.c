/* multicall: per-entry results, failing and refused entries, bad lists,
 * long lists.
 *
 * Rules checked (pvabi/ABI.md):
 *   MC-1  multicall(list, nr) runs the entries in order, writes each one's
 *         result into its result field, and returns 0 even when entries
 *         fail: a failing entry does not stop the ones after it
 *   MC-2  a list the guest cannot read, or whose result fields it cannot
 *         write, is -EFAULT (the entries before the bad one have run); an
 *         entry that is itself a multicall gets -EINVAL; so does an iret
 *         entry (ringlet; see below)
 *   MC-3  a long list runs whole, continuing between entries: one call, one
 *         result, the registers other than the arguments as they were
 *
 * Where Xen 4.17 differs (pvabi/ABI.md, MC-2): Xen runs an iret entry: it
 * pops an iret frame from the guest stack as HYPERVISOR_iret would and the
 * batch ends there, returning the popped eax. The iret check builds a real
 * frame on the stack, so either answer leaves the guest running; it then
 * expects ringlet's -EINVAL or Xen's return through the frame. */
#include "guest.h"

#include "callbacks.h"
#include "platform.h"
#include "region.h"

const char test_title[] = "multicall: per-entry results, failing and refused entries, bad lists, "
			  "long lists";

#define UNTOUCHED 0xdeadbeefu

static struct multicall_entry calls[8];
static struct multicall_entry ro_calls[128] __attribute__((aligned(4096)));
static struct multicall_entry long_calls[2000];
static xen_extraversion_t extra;
static const char line[] = "(a line written from inside a multicall)\n";

static void entry(struct multicall_entry *e, uint32_t op, uint32_t a0, uint32_t a1, uint32_t a2)
{
	*e = (struct multicall_entry){ .op = op, .result = UNTOUCHED, .args = { a0, a1, a2 } };
}

static void results(void)
{
	long version = hypercall_xen_version(XENVER_version, NULL);

	entry(&calls[0], __HYPERVISOR_xen_version, XENVER_version, 0, 0);
	entry(&calls[1], __HYPERVISOR_console_io, CONSOLEIO_write, sizeof(line) - 1,
	      (uint32_t)(uintptr_t)line);
	entry(&calls[2], 60, 0, 0, 0);                       /* no such hypercall */
	entry(&calls[3], __HYPERVISOR_vm_assist, VMASST_CMD_enable, 99, 0);
	entry(&calls[4], __HYPERVISOR_sched_op, SCHEDOP_yield, 0, 0);
	entry(&calls[5], 0xffffffff, 1, 2, 3);
	entry(&calls[6], __HYPERVISOR_xen_version, XENVER_extraversion, (uint32_t)(uintptr_t)extra, 0);
	entry(&calls[7], __HYPERVISOR_console_io, CONSOLEIO_write, 1, 0);   /* NULL buffer */
	memset(extra, 0, sizeof(extra));

	check_rc("MC-1", "a multicall of 8 entries, some failing", hypercall_multicall(calls, 8), 0);
	static const struct { const char *what; long want; } want[] = {
		{ "xen_version(XENVER_version)", 0 },
		{ "console_io(CONSOLEIO_write)", 0 },
		{ "hypercall 60 (none)", -XEN_ENOSYS },
		{ "vm_assist with type 99", -XEN_EINVAL },
		{ "sched_op(SCHEDOP_yield)", 0 },
		{ "hypercall 0xffffffff", -XEN_ENOSYS },
		{ "xen_version(XENVER_extraversion)", 0 },
		{ "console_io(CONSOLEIO_write) of 1 byte from NULL", -XEN_EFAULT },
	};
	for (unsigned i = 0; i < 8; i++) {
		char what[96];
		format(what, sizeof(what), "entry %u's result: %s", i, want[i].what);
		check_rc("MC-1", what, (long)calls[i].result, i == 0 ? version : want[i].want);
	}
	xen_extraversion_t direct;
	hypercall_xen_version(XENVER_extraversion, direct);
	check("MC-1", memcmp(extra, direct, sizeof(direct)) == 0,
	      "entry 6 filled its buffer (\"%.16s\")", extra);

	check_rc("MC-1", "multicall(NULL, 0)", hypercall_multicall(NULL, 0), 0);
	entry(&calls[0], __HYPERVISOR_xen_version, XENVER_version, 0, 0);
	check_rc("MC-1", "multicall(list, 0) runs nothing", hypercall_multicall(calls, 0), 0);
	check_eq_hex("MC-1", "... the entry's result field", calls[0].result, UNTOUCHED);
}

static void nested(void)
{
	struct multicall_entry inner[1];

	entry(&inner[0], __HYPERVISOR_xen_version, XENVER_version, 0, 0);
	entry(&calls[0], __HYPERVISOR_multicall, (uint32_t)(uintptr_t)inner, 1, 0);
	entry(&calls[1], __HYPERVISOR_xen_version, XENVER_version, 0, 0);
	check_rc("MC-2", "a multicall holding a multicall", hypercall_multicall(calls, 2), 0);
	check_rc("MC-2", "the nested multicall's result", (long)calls[0].result, -XEN_EINVAL);
	check_eq_hex("MC-2", "the nested list's entry did not run", inner[0].result, UNTOUCHED);
	check("MC-2", (long)calls[1].result > 0, "the entry after it ran (%ld)",
	      (long)calls[1].result);
}

/* An iret entry, with a real iret frame on the stack: eax 0x1badb002,
 * eip mc_iret_popped, FLAT_RING1_CS, the current eflags. */
volatile uint32_t mc_rc, mc_path, mc_saved_esp, mc_esp_after;
void mc_iret(struct multicall_entry *list, uint32_t nr);

asm(".text\n"
    "mc_iret:\n\t"
    "pushl %ebp\n\t"
    "pushl %ebx\n\t"
    "pushl %esi\n\t"
    "pushl %edi\n\t"
    "movl 20(%esp), %ebx\n\t"
    "movl 24(%esp), %ecx\n\t"
    "movl %esp, mc_saved_esp\n\t"
    "pushf\n\t"
    "pushl $0xe019\n\t"
    "pushl $mc_iret_popped\n\t"
    "pushl $0x1badb002\n\t"
    "movl $13, %eax\n\t"                /* __HYPERVISOR_multicall */
    "int $0x82\n\t"
    "movl $1, mc_path\n\t"              /* the batch returned: the frame is still here */
    "movl %eax, mc_rc\n\t"
    "movl mc_saved_esp, %esp\n\t"
    "jmp 1f\n"
    "mc_iret_popped:\n\t"
    "movl $2, mc_path\n\t"              /* the frame was popped */
    "movl %eax, mc_rc\n\t"
    "movl %esp, mc_esp_after\n"
    "1:\tpopl %edi\n\t"
    "popl %esi\n\t"
    "popl %ebx\n\t"
    "popl %ebp\n\t"
    "ret\n");
_Static_assert(__HYPERVISOR_multicall == 13 && FLAT_RING1_CS == 0xe019,
	       "the asm above spells these out");

static void iret_entry(void)
{
	entry(&calls[0], __HYPERVISOR_iret, 0, 0, 0);
	entry(&calls[1], __HYPERVISOR_xen_version, XENVER_version, 0, 0);
	mc_path = 0;
	mc_iret(calls, 2);
	shared_info->vcpu_info[0].evtchn_upcall_mask = 1;
	if (on_ringlet()) {
		check("MC-2", mc_path == 1 && mc_rc == 0,
		      "a multicall holding an iret returns 0 as usual (path %u, %#x)", mc_path,
		      mc_rc);
		check_rc("MC-2", "the iret entry's result", (long)calls[0].result, -XEN_EINVAL);
		check("MC-2", (long)calls[1].result > 0, "the entry after it ran (%ld)",
		      (long)calls[1].result);
	} else {
		check("MC-2", mc_path == 2 && mc_rc == 0x1badb002 && mc_esp_after == mc_saved_esp,
		      "Xen: a multicall holding an iret returns through the frame on the stack "
		      "(path %u, eax %#x, esp %#x, want %#x)", mc_path, mc_rc, mc_esp_after,
		      mc_saved_esp);
		check_eq_hex("MC-2", "Xen: the entry after the iret did not run",
			     calls[1].result, UNTOUCHED);
	}
}

static void bad_lists(void)
{
	uint32_t end = initial_region_end();
	struct multicall_entry *tail = (struct multicall_entry *)(uintptr_t)(end - 2 * sizeof(*tail));

	check_rc("MC-2", "multicall(NULL, 1)", hypercall_multicall(NULL, 1), -XEN_EFAULT);
	check_rc("MC-2", "a list at the end of the initial region (unmapped)",
		 hypercall2(__HYPERVISOR_multicall, end, 1), -XEN_EFAULT);
	check_rc("MC-2", "a list at 0xfffff000 (in the hole)",
		 hypercall2(__HYPERVISOR_multicall, 0xfffff000, 1), -XEN_EFAULT);

	entry(&tail[0], __HYPERVISOR_xen_version, XENVER_version, 0, 0);
	entry(&tail[1], __HYPERVISOR_xen_version, XENVER_version, 0, 0);
	check_rc("MC-2", "3 entries, the third beyond the initial region",
		 hypercall_multicall(tail, 3), -XEN_EFAULT);
	check("MC-2", (long)tail[0].result > 0 && (long)tail[1].result > 0,
	      "the two readable entries ran (%ld, %ld)", (long)tail[0].result,
	      (long)tail[1].result);
	check_rc("MC-2", "the same 2 entries with a count of 0x10000000",
		 hypercall_multicall(tail, 0x10000000), -XEN_EFAULT);

	/* A list the hypervisor can read but not write back to. */
	entry(&ro_calls[0], __HYPERVISOR_xen_version, XENVER_version, 0, 0);
	entry(&ro_calls[1], __HYPERVISOR_xen_version, XENVER_version, 0, 0);
	if (region_set_writable((uint32_t)(uintptr_t)ro_calls, false)) {
		test_error("cannot map the list read-only");
		return;
	}
	check_rc("MC-2", "a list mapped read-only", hypercall_multicall(ro_calls, 2), -XEN_EFAULT);
	check_eq_hex("MC-2", "... its first result field", ro_calls[0].result, UNTOUCHED);
	region_set_writable((uint32_t)(uintptr_t)ro_calls, true);
}

static void long_list(void)
{
	unsigned n = sizeof(long_calls) / sizeof(long_calls[0]), bad = 0;
	long version = hypercall_xen_version(XENVER_version, NULL);

	for (unsigned i = 0; i < n; i++)
		entry(&long_calls[i], __HYPERVISOR_xen_version, XENVER_version, 0, 0);
	uint32_t a = __HYPERVISOR_multicall, b = (uint32_t)(uintptr_t)long_calls, c = n,
		 d = 0x33333333, S = 0x44444444, D = 0x55555555;
	asm volatile("int $0x82"
		     : "+a"(a), "+b"(b), "+c"(c), "+d"(d), "+S"(S), "+D"(D)
		     :
		     : "memory");
	check_rc("MC-3", "a multicall of 2,000 entries through int $0x82", (long)a, 0);
	for (unsigned i = 0; i < n; i++)
		bad += (long)long_calls[i].result != version;
	check("MC-3", bad == 0, "every entry's result is the version (%u are not)", bad);
	check("MC-3", d == 0x33333333 && S == 0x44444444 && D == 0x55555555,
	      "edx, esi, edi are kept across it (%#x %#x %#x)", d, S, D);
}

void test_main(void)
{
	if (!shared_info) {
		test_error("shared_info is not mapped");
		return;
	}
	if (callbacks_init()) {
		test_error("set_callbacks failed");
		return;
	}
	results();
	nested();
	iret_entry();
	bad_lists();
	long_list();
	test_success();
}
