/* io_priv: in, out, ins, outs, cli, sti and hlt from a PV kernel, with and
 * without virtual I/O privilege.
 *
 * Rules checked (pvabi/ABI.md, pvabi/physdev.h):
 *   IO-1  without I/O privilege (virtual IOPL 0, no bitmap: how a domain
 *         starts) in and out are a #GP(0)
 *   IO-2  with virtual IOPL >= 1 (3 for ring 3), in and out on a port the domain holds
 *         reach the device (the DMA page register 0x81 keeps what is
 *         written), in every form: imm8 or dx, 8, 16 and 32 bits; an 8- or
 *         16-bit in leaves the rest of eax alone
 *   IO-3  on a port the hypervisor keeps (the serial line, isa-debug-exit
 *         at 0xf4), or one the domain was not given (unheld=N on its
 *         command line: a DMA page register, which keeps what is written
 *         and starts at 0), a read gives all ones and never reaches the
 *         device (the UART would say 0x60 in its line status), a write goes
 *         nowhere
 *   IO-4  the I/O bitmap of set_iobitmap allows exactly the ports whose
 *         bits are clear, below nr_ports, for every byte of the access; a
 *         bitmap that cannot be read allows nothing
 *   IO-5  VMASST_TYPE_architectural_iopl makes the kernel count as ring 0:
 *         IOPL 0 is enough; the virtual IOPL then shows in the eflags of
 *         frames the hypervisor builds, and HYPERVISOR_iret sets it from
 *         the eflags it pops
 *   IO-6  rep ins and outs run their whole count (thousands), forwards or
 *         backwards with DF; a write to a read-only page is the guest's #PF
 *         at that address, the page unchanged
 *   IO-7  cli and sti with I/O privilege complete and leave the event mask
 *         as it is, as on Xen 4.17 (a mask that popf could not restore is
 *         too dangerous); without it they are a #GP(0). An event that
 *         waits unmasked is delivered on the way out of the trap
 *   IO-8  hlt in the kernel is a #GP(0), as on Xen 4.17: a PV kernel
 *         waits with SCHEDOP_block */
#include "guest.h"
#include "callbacks.h"
#include "cmdline.h"
#include "platform.h"
#include "ring3.h"
#include "pvabi/physdev.h"

const char test_title[] = "io_priv: in, out, ins, outs, cli, sti and hlt with virtual I/O privilege";

#define DMA_PAGE   0x81      /* a DMA page register: keeps what is written */
#define UART_SCR   0x3ff     /* the serial line's scratch register */
#define UART_LSR   0x3fd     /* its line status: 0x60 when idle */
#define DEBUG_EXIT 0xf4      /* isa-debug-exit on ringlet's machine */

static void set_iopl(uint32_t l)
{
	struct physdev_set_iopl s = { l };
	if (hypercall2(__HYPERVISOR_physdev_op, PHYSDEVOP_set_iopl, ptr_arg(&s)) != 0)
		test_error("set_iopl(%u) failed", l);
}

static long set_iobitmap(const void *bitmap, uint32_t nr_ports)
{
	struct physdev_set_iobitmap s = { .bitmap = guest_ptr(ptr_arg(bitmap)), .nr_ports = nr_ports };
	return hypercall2(__HYPERVISOR_physdev_op, PHYSDEVOP_set_iobitmap, ptr_arg(&s));
}

/* Each runs one I/O instruction: true when it completed; eax in and out. */
#define IO_PROBE(name, insn, ...)                                           \
static bool name(uint16_t port, uint32_t *eax)                             \
{                                                                          \
	uint32_t before = exception_count, a = *eax;                       \
	(void)port;                                                        \
	asm volatile("1:\t" insn "\n2:\n\t" EXTABLE(1b, 2b)                \
		     : "+a"(a) : "d"(port) : "memory");                    \
	*eax = a;                                                          \
	return exception_count == before;                                  \
}
IO_PROBE(in8, "inb %%dx, %%al")
IO_PROBE(in16, "inw %%dx, %%ax")
IO_PROBE(in32, "inl %%dx, %%eax")
IO_PROBE(out8, "outb %%al, %%dx")
IO_PROBE(out16, "outw %%ax, %%dx")
IO_PROBE(in8_imm81, "inb $0x81, %%al")
IO_PROBE(out8_imm81, "outb %%al, $0x81")
IO_PROBE(in32_imm3fc, "inl $0xfc, %%eax")   /* not 0x3fc: imm8 ports end at 0xff */

static bool gp0(void)
{
	return last_exception.vector == X86_EXC_GP && last_exception.error == 0;
}

static uint32_t read8(uint16_t port)
{
	uint32_t v = 0x12345600;
	if (!in8(port, &v))
		return 0xdeadbeef;
	return v;
}

static void no_privilege(void)
{
	uint32_t v = 0;
	check("IO-1", !in8(DMA_PAGE, &v) && gp0(), "in from 0x81 at start of day: #GP(0)");
	check("IO-1", !out8(DMA_PAGE, &v) && gp0(), "out to 0x81: #GP(0)");
	check("IO-1", !in8_imm81(0, &v) && gp0(), "in $0x81: #GP(0)");
}

static void held_ports(void)
{
	uint32_t v = 0x5a;

	set_iopl(1);
	check("IO-2", out8(DMA_PAGE, &v), "out 0x5a to 0x81 with IOPL 1 completes");
	check_eq_hex("IO-2", "in from 0x81 (eax 0x12345600 before)", read8(DMA_PAGE), 0x1234565a);
	v = 0xa5;
	check("IO-2", out8_imm81(0, &v), "out $0x81 of 0xa5 completes");
	v = 0;
	check("IO-2", in8_imm81(0, &v) && v == 0xa5, "in $0x81 reads it back (%#x)", v);
	v = 0xffff;
	out16(0x80, &v);
	v = 0x77777777;
	check("IO-2", in16(0x80, &v) && (v >> 16) == 0x7777, "a 16-bit in leaves eax's top (%#x)", v);
}

static void kept_ports(void)
{
	uint32_t v = 0x5a;

	check_eq_hex("IO-3", "in from the UART's line status", read8(UART_LSR), 0x123456ff);
	out8(UART_SCR, &v);
	check_eq_hex("IO-3", "in from its scratch register after writing 0x5a", read8(UART_SCR),
		     0x123456ff);
	v = 0x12340000;
	check("IO-3", in16(0x3fc, &v) && v == 0x1234ffff, "a 16-bit in there: %#x", v);
	v = 0;
	check("IO-3", in32(0x3fc, &v) && v == 0xffffffff, "a 32-bit in there: %#x", v);
	v = 0;
	check("IO-3", in32_imm3fc(0, &v), "in $0xfc completes (%#x)", v);
	uint64_t unheld = cmdline_number("unheld", 0);
	if (unheld) {
		v = 0x5a;
		check("IO-3", out8((uint16_t)unheld, &v), "out of 0x5a to port %#llx (not ours)",
		      (unsigned long long)unheld);
		check_eq_hex("IO-3", "in from it", read8((uint16_t)unheld), 0x123456ff);
	}
	/* On ringlet's machine this would end QEMU with the failure status. */
	v = 0x11;
	check("IO-3", out8(DEBUG_EXIT, &v), "out of 0x11 to 0xf4 completes, and we are still here");
}

static void bitmap(void)
{
	static uint8_t bm[8192];

	set_iopl(0);
	memset(bm, 0xff, sizeof(bm));
	bm[DMA_PAGE / 8] &= ~(1u << (DMA_PAGE % 8));
	check_rc("IO-4", "set_iobitmap(0x81 clear, 1024 ports)", set_iobitmap(bm, 1024), 0);
	uint32_t v = 0;
	check("IO-4", in8(DMA_PAGE, &v), "in from 0x81 completes (%#x)", v);
	check("IO-4", !in8(0x80, &v) && gp0(), "in from 0x80 (bit set): #GP(0)");
	check("IO-4", !in16(DMA_PAGE, &v) && gp0(), "a 16-bit in from 0x81 (0x82's bit set): #GP(0)");
	bm[0x82 / 8] &= ~(1u << (0x82 % 8));
	check("IO-4", in16(DMA_PAGE, &v), "... completes once 0x82's is clear too");
	set_iobitmap(bm, DMA_PAGE);
	check("IO-4", !in8(DMA_PAGE, &v) && gp0(), "with nr_ports 0x81, 0x81 is beyond it: #GP(0)");
	set_iobitmap(bm, DMA_PAGE + 1);
	check("IO-4", in8(DMA_PAGE, &v), "with nr_ports 0x82 it is in again");
	set_iobitmap((void *)initial_region_end(), 65536);
	check("IO-4", !in8(DMA_PAGE, &v) && gp0(), "an unmapped bitmap: #GP(0)");
	set_iobitmap(NULL, 0);
	check("IO-4", !in8(DMA_PAGE, &v) && gp0(), "no bitmap: #GP(0)");
}

static void architectural_iopl(void)
{
	uint32_t v = 0;
	long rc = hypercall_vm_assist(VMASST_CMD_enable, VMASST_TYPE_architectural_iopl);
	check_rc("IO-5", "vm_assist(enable, architectural_iopl)", rc, 0);
	set_iopl(0);
	check("IO-5", in8(DMA_PAGE, &v), "in from 0x81 with IOPL 0 completes");
	hypercall_vm_assist(VMASST_CMD_disable, VMASST_TYPE_architectural_iopl);
	check("IO-5", !in8(DMA_PAGE, &v) && gp0(), "... and is a #GP(0) again once it is off");
}

static uint8_t strbuf[6000];

static void string_io(void)
{
	uint32_t di = ptr_arg(strbuf), cx = 5000;

	set_iopl(1);
	memset(strbuf, 0, sizeof(strbuf));
	asm volatile("rep insb" : "+D"(di), "+c"(cx) : "d"(UART_LSR) : "memory");
	bool all = true;
	for (unsigned i = 0; i < 5000; i++)
		all = all && strbuf[i] == 0xff;
	check("IO-6", all && strbuf[5000] == 0 && cx == 0 && di == ptr_arg(strbuf) + 5000,
	      "rep insb of 5000 from a kept port: all 0xff, ecx %u, edi +%u", cx,
	      di - ptr_arg(strbuf));
	static const uint8_t three[3] = { 1, 2, 3 };
	uint32_t si = ptr_arg(three);
	cx = 3;
	asm volatile("rep outsb" : "+S"(si), "+c"(cx) : "d"(DMA_PAGE) : "memory");
	check_eq_hex("IO-6", "rep outsb of 1, 2, 3 to 0x81, then in", read8(DMA_PAGE), 0x12345603);
	di = ptr_arg(strbuf) + 2;
	cx = 3;
	memset(strbuf, 0, 8);
	asm volatile("std; rep insb; cld" : "+D"(di), "+c"(cx) : "d"(DMA_PAGE) : "memory");
	check("IO-6", strbuf[0] == 3 && strbuf[2] == 3 && strbuf[3] == 0 && di == ptr_arg(strbuf) - 1,
	      "with DF set it fills downwards (edi ends %d from the start)",
	      (int)(di - ptr_arg(strbuf)));
	di = ptr_arg(strbuf);
	cx = 2;
	asm volatile("rep insl" : "+D"(di), "+c"(cx) : "d"(0x3fc) : "memory");
	check("IO-6", ((uint32_t *)strbuf)[0] == 0xffffffff && ((uint32_t *)strbuf)[1] == 0xffffffff,
	      "rep insl: two dwords of ones");

	uint32_t ro = (uint32_t)start_info->pt_base;
	uint32_t before = *(volatile uint32_t *)ro, n = exception_count;
	di = ro;
	cx = 4;
	asm volatile("1:\trep insb\n2:\n\t" EXTABLE(1b, 2b)
		     : "+D"(di), "+c"(cx) : "d"(UART_LSR) : "memory");
	check("IO-6", exception_count == n + 1 && last_exception.vector == X86_EXC_PF &&
	      (last_exception.error & PFEC_WRITE) && last_exception.cr2 == ro,
	      "rep insb into the read-only L3 at %#x: #PF (error %#x, cr2 %#x)", ro,
	      last_exception.error, last_exception.cr2);
	check_eq_hex("IO-6", "the page is unchanged", *(volatile uint32_t *)ro, before);
}

static bool runs(const char *what)
{
	uint32_t n = exception_count;

	if (what[0] == 'c')
		asm volatile("1:\tcli\n2:\n\t" EXTABLE(1b, 2b) ::: "memory");
	else if (what[0] == 's')
		asm volatile("1:\tsti\n2:\n\t" EXTABLE(1b, 2b) ::: "memory");
	else
		asm volatile("1:\thlt\n2:\n\t" EXTABLE(1b, 2b) ::: "memory");
	return exception_count == n;
}

static void cli_sti_hlt(void)
{
	volatile struct vcpu_info *vi = &shared_info->vcpu_info[0];

	set_iopl(0);
	check("IO-7", !runs("cli") && gp0(), "cli with IOPL 0: #GP(0)");
	check("IO-7", !runs("sti") && gp0(), "sti with IOPL 0: #GP(0)");
	set_iopl(1);
	vi->evtchn_upcall_mask = 0;
	check("IO-7", runs("cli"), "cli with IOPL 1 completes");
	check_eq("IO-7", "the event mask after it", vi->evtchn_upcall_mask, 0);
	vi->evtchn_upcall_mask = 1;
	check("IO-7", runs("sti"), "sti with IOPL 1 completes");
	check_eq("IO-7", "the event mask after it", vi->evtchn_upcall_mask, 1);
	vi->evtchn_upcall_mask = 0;
	uint32_t ups = upcall_count;
	vi->evtchn_upcall_pending = 1;
	runs("sti");
	check_eq("IO-7", "upcalls right after an sti with an event waiting", upcall_count - ups, 1);
	check("IO-8", !runs("hlt") && gp0(), "hlt in ring 1 (IOPL 1): #GP(0)");
	set_iopl(0);
	check("IO-8", !runs("hlt") && gp0(), "hlt in ring 1 (IOPL 0): #GP(0)");
	vi->evtchn_upcall_mask = 1;
}

static volatile bool r3_done;
static volatile uint32_t r3_val;

static void ring3_in(void)
{
	uint32_t v = 0;
	r3_done = in8(DMA_PAGE, &v);
	r3_val = v;
}

static void ring3_io(void)
{
	if (ring3_init() != 0) {
		test_error("ring3_init failed");
		return;
	}
	set_iopl(1);
	ring3_run(ring3_in, RING3_BY_IRET);
	check("IO-2", !r3_done && gp0(), "in from 0x81 in ring 3 with IOPL 1: #GP(0)");
	set_iopl(3);
	ring3_run(ring3_in, RING3_BY_IRET);
	check("IO-2", r3_done, "in from 0x81 in ring 3 with IOPL 3 completes (%#x)", r3_val);
	set_iopl(0);
}

/* Under architectural_iopl: ring 3 with IOPL 3 set by set_iopl, entered by
 * a plain iret (which the hypervisor does not see); then entered through
 * HYPERVISOR_iret with eflags whose IOPL is 0, which takes it away. */
static void ring3_architectural(void)
{
	hypercall_vm_assist(VMASST_CMD_enable, VMASST_TYPE_architectural_iopl);
	set_iopl(3);
	ring3_run(ring3_in, RING3_BY_IRET);
	check("IO-5", r3_done, "ring 3, IOPL 3, entered by iret: in completes");
	check_eq_hex("IO-5", "IOPL in the eflags of the frame ring 3 left by",
		     (ring3_exit.eflags >> 12) & 3, 3);
	ring3_run(ring3_in, RING3_BY_IRET_HYPERCALL);
	check("IO-5", !r3_done && gp0(), "entered by HYPERVISOR_iret with IOPL 0: #GP(0)");
	check_eq_hex("IO-5", "IOPL in the eflags of the frame ring 3 left by",
		     (ring3_exit.eflags >> 12) & 3, 0);
	hypercall_vm_assist(VMASST_CMD_disable, VMASST_TYPE_architectural_iopl);
	set_iopl(0);
}

void test_main(void)
{
	if (callbacks_init() != 0)
		test_error("set_callbacks failed");
	no_privilege();
	held_ports();
	kept_ports();
	bitmap();
	architectural_iopl();
	string_io();
	cli_sti_hlt();
	ring3_io();
	ring3_architectural();
	set_iopl(0);
	test_success();
}
