/* The IOAPIC: the lines (GSIs) that devices' interrupts arrive on. It sits
 * at 0xfec00000, where the MP and ACPI specifications put the first one and
 * QEMU's q35 has its only one (24 pins); the version register, read back
 * sane, says it is there. It is found on first use, every pin masked; a pin
 * is programmed only while some domain has it bound.
 *
 * A fired line is masked before the local APIC's EOI, so that a level
 * line still asserted stays quiet until every domain it was given to has
 * answered (physdev/pirq_gsi.c unmasks it): a device that never stops
 * interrupting costs one interrupt per EOI, never a storm. */
#include "arch/arch.h"
#include "arch/x86/time_hw.h"
#include "arch/x86/traps.h"
#include "physdev/pirq.h"

#define IOAPIC_BASE    0xfec00000u
#define VEC_GSI_BASE   0x30             /* GSI n on vector 0x30 + n, for good */
#define REG_SEL        0x00
#define REG_WIN        0x10
#define REG_VER        0x01
#define REG_RTE(pin)   (0x10 + 2 * (pin))
#define RTE_LOW_ACTIVE (1u << 13)
#define RTE_LEVEL      (1u << 15)
#define RTE_MASKED     (1u << 16)

static volatile uint32_t *regs;
static uint32_t pins;                   /* 0: none found (yet) */
static bool probed;

static uint32_t rd(uint32_t reg)
{
	regs[REG_SEL / 4] = reg;
	return regs[REG_WIN / 4];
}

static void wr(uint32_t reg, uint32_t v)
{
	regs[REG_SEL / 4] = reg;
	regs[REG_WIN / 4] = v;
}

/* Its interrupts need the local APIC (not there with timer=pit). */
uint32_t arch_gsi_count(void)
{
	if (probed)
		return pins;
	probed = true;
	if (!lapic_on())
		return 0;
	regs = fixmap_map(FIX_IOAPIC, IOAPIC_BASE, true);
	uint32_t ver = rd(REG_VER);
	uint32_t n = ((ver >> 16) & 0xff) + 1;
	if (ver == 0xffffffffu || (ver & 0xff) < 0x10)
		return 0;
	pins = n < GSI_MAX ? n : GSI_MAX;
	for (uint32_t p = 0; p < pins; p++)
		wr(REG_RTE(p), RTE_MASKED);
	return pins;
}

static void fired(struct cpu_regs *r)
{
	uint32_t gsi = (uint32_t)r->vector - VEC_GSI_BASE;

	arch_gsi_mask(gsi, true);
	lapic_eoi();
	pirq_gsi_fired(gsi);
}

/* PCI lines are level-triggered and active low; the ISA ones (0-15) edge
 * and active high. */
void arch_gsi_enable(uint32_t gsi)
{
	if (gsi >= arch_gsi_count())
		return;
	uint32_t low = (VEC_GSI_BASE + gsi) | RTE_MASKED;
	if (gsi >= 16)
		low |= RTE_LEVEL | RTE_LOW_ACTIVE;
	irq_set_handler(VEC_GSI_BASE + gsi, fired);
	wr(REG_RTE(gsi) + 1, lapic_id() << 24);
	wr(REG_RTE(gsi), low);
}

void arch_gsi_disable(uint32_t gsi)
{
	if (gsi >= arch_gsi_count())
		return;
	/* The handler stays: an interrupt already on its way still gets
	 * the local APIC's EOI, and finds nobody to tell. */
	wr(REG_RTE(gsi), RTE_MASKED);
}

void arch_gsi_mask(uint32_t gsi, bool masked)
{
	if (gsi >= arch_gsi_count())
		return;
	uint32_t low = rd(REG_RTE(gsi));
	wr(REG_RTE(gsi), masked ? low | RTE_MASKED : low & ~RTE_MASKED);
}
