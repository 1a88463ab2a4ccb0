/* The timer hardware: PIT, 8259, local APIC, RTC and ACPI PM timer. */
#ifndef ARCH_X86_TIME_HW_H
#define ARCH_X86_TIME_HW_H

#include <stdbool.h>
#include <stdint.h>

#define VEC_PIC_BASE      0x20
#define VEC_LAPIC_TIMER   0xf0
#define VEC_SPURIOUS      0xff

uint64_t pit_measure_tsc_hz(unsigned ms);    /* 0 when the PIT does not count */
void pit_oneshot(uint32_t ticks);
uint32_t pit_ns_to_ticks(uint64_t ns);

void pic_init(uint8_t base);
void pic_unmask(unsigned irq);
void pic_eoi(unsigned irq);

bool lapic_init(void);
uint32_t lapic_calibrate(void);              /* timer ticks per ms */
void lapic_timer_oneshot(uint32_t ticks);    /* 0 stops it (arch_timer_stop only) */
void lapic_eoi(void);
bool lapic_on(void);
uint32_t lapic_id(void);

int64_t rtc_read_unix(void);                 /* -1 when the RTC makes no sense */

#define PM_TIMER_HZ       3579545u
bool pm_timer_init(void);                    /* false when there is none */
uint16_t pm_timer_port(void);                /* 0: none */

#endif
