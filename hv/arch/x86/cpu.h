/* Control registers, MSRs, CPUID and the few privileged instructions C needs. */
#ifndef ARCH_X86_CPU_H
#define ARCH_X86_CPU_H

#include <stdint.h>
#include <stdbool.h>

#define CR0_TS            (1u << 3)
#define CR0_NE            (1u << 5)
#define CR0_WP            (1u << 16)
#define CR0_PG            (1u << 31)
#define CR4_PAE           (1u << 5)
#define CR4_PGE           (1u << 7)
#define CR4_OSFXSR        (1u << 9)
#define CR4_OSXMMEXCPT    (1u << 10)
#define EFLAGS_IF         (1u << 9)

#define MSR_APIC_BASE     0x0000001B
#define MSR_EFER          0xC0000080
#define EFER_SCE          (1u << 0)
#define EFER_NXE          (1u << 11)

#define READ_CR(n) \
static inline uint64_t read_cr##n(void) \
{ uint64_t v; asm volatile("mov %%cr" #n ", %0" : "=r"(v)); return v; }
READ_CR(0)
READ_CR(2)
READ_CR(3)
READ_CR(4)
#undef READ_CR

static inline void write_cr0(uint64_t v) { asm volatile("mov %0, %%cr0" : : "r"(v) : "memory"); }
static inline void write_cr3(uint64_t v) { asm volatile("mov %0, %%cr3" : : "r"(v) : "memory"); }
static inline void write_cr4(uint64_t v) { asm volatile("mov %0, %%cr4" : : "r"(v) : "memory"); }

/* DR6 as the CPU leaves it with nothing to report (reserved bits set). */
#define DR6_DEFAULT       0xffff0ff0u

static inline uint32_t read_dr6(void)
{
	uint64_t v;
	asm volatile("mov %%dr6, %0" : "=r"(v));
	return (uint32_t)v;
}

static inline void write_dr6(uint32_t v)
{
	asm volatile("mov %0, %%dr6" : : "r"((uint64_t)v));
}

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;
	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;
	asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32) | lo;
}

static inline void wrmsr(uint32_t msr, uint64_t v)
{
	asm volatile("wrmsr" : : "c"(msr), "a"((uint32_t)v), "d"((uint32_t)(v >> 32)));
}

struct cpuid { uint32_t eax, ebx, ecx, edx; };

static inline struct cpuid cpuid(uint32_t leaf)
{
	struct cpuid r;
	asm volatile("cpuid" : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
		     : "a"(leaf), "c"(0));
	return r;
}

static inline void invlpg(uintptr_t va) { asm volatile("invlpg (%0)" : : "r"(va) : "memory"); }
static inline void irq_enable(void) { asm volatile("sti" : : : "memory"); }
static inline void irq_disable(void) { asm volatile("cli" : : : "memory"); }
static inline void halt(void) { asm volatile("hlt" : : : "memory"); }
/* Enable interrupts and wait for one, with no window for it to slip in between. */
static inline void safe_halt(void) { asm volatile("sti; hlt" : : : "memory"); }

static inline unsigned long irq_save(void)
{
	unsigned long flags;
	asm volatile("pushfq; popq %0; cli" : "=r"(flags) : : "memory");
	return flags;
}

static inline void irq_restore(unsigned long flags)
{
	if (flags & EFLAGS_IF)
		irq_enable();
}

/* What the boot CPU offers, read once at start of day. */
struct cpu_features {
	bool pae, lm, nx, pge, apic, tsc, fxsr, sse2, invariant_tsc;
	char vendor[13];
	char brand[49];
};
extern struct cpu_features cpu_has;
void cpu_detect(void);

#endif
