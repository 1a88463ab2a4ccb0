/* The one door from generic code into arch/x86: what the rest of the
 * hypervisor may know about the machine. */
#ifndef ARCH_ARCH_H
#define ARCH_ARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "arch/x86/layout.h"
#include "arch/x86/cpu.h"
#include "arch/x86/paging.h"
#include "arch/x86/directmap.h"
#include "arch/x86/pv/m2p.h"

/* Start of day, in this order: the console, descriptor tables and traps,
 * the TSC's rate, then (once the loader's data is copied out) the
 * hypervisor's own page tables. */
void arch_console_init(void);
void arch_cpu_init(void);
uint64_t arch_measure_tsc_hz(void);       /* 0 when the reference timer is dead */

/* The platform timer: a counter that keeps real time whatever the host
 * does to the CPU (the ACPI PM timer). Its rate, 0 when there is none; its
 * count since it was found, with the TSC read beside it (call it at least
 * every 4 s: the counter wraps). */
uint64_t arch_platform_hz(void);
uint64_t arch_platform_read(uint64_t *tsc);
struct bootinfo;
void arch_paging_init(const struct bootinfo *bi);

/* Pick the timer (the local APIC unless force_pit or there is none). */
void arch_timer_init(bool force_pit);

/* The RTC's time as seconds since 1970, or -1 when it makes no sense. */
int64_t arch_read_rtc(void);

/* Stop the machine: QEMU exits with a success or failure status when the
 * isa-debug-exit device is present; otherwise the CPU halts for good. */
_Noreturn void machine_stop(bool success);

/* Program the hardware timer to interrupt at (or soon after) deadline_ns on
 * the clock of time/clock.h; a deadline already past (0 too) interrupts at
 * once. arch_timer_stop() cancels it. */
void arch_timer_program(uint64_t deadline_ns);
void arch_timer_stop(void);
const char *arch_timer_name(void);

/* What drives I/O port port when the hypervisor does (no domain may reach
 * it), else NULL: the one list of such ports is arch/x86/owned_ports.c. */
const char *arch_port_owner(uint16_t port);

/* PCI configuration space through mechanism 1 (0xcf8/0xcfc): size bytes
 * (1, 2 or 4) at register reg (0-255, aligned to size) of device bdf. */
uint32_t arch_pci_read(uint16_t bdf, uint32_t reg, unsigned size);
void arch_pci_write(uint16_t bdf, uint32_t reg, unsigned size, uint32_t val);

/* The IOAPIC lines (GSIs) for devices' interrupts: how many (0 when there
 * is no IOAPIC, or no local APIC to take its interrupts). A line is
 * enabled (programmed, masked; its interrupts masked again as they arrive
 * and handed to pirq_gsi_fired), masked or unmasked, and disabled (masked)
 * when nobody listens. */
uint32_t arch_gsi_count(void);
void arch_gsi_enable(uint32_t gsi);
void arch_gsi_disable(uint32_t gsi);
void arch_gsi_mask(uint32_t gsi, bool masked);

/* The GSI that interrupt pin (1-4: INTA-INTD) of PCI device bdf drives, by
 * the machine's fixed routing; -1 when it is not routed. */
int arch_pci_gsi(uint16_t bdf, uint8_t pin);

/* Serial output for the console, and input (-1 when nothing waits). */
void serial_write(const char *s, size_t n);
int serial_getc(void);

/* Set up what running PV guests needs: the machine-to-physical table, the
 * GDT area, the module window, FXSR. */
void pv_init(uint32_t nr_frames);

struct vcpu;
/* Let go of what a vCPU holds on the CPU (FPU, GDT area) before it goes. */
void arch_vcpu_destroy(struct vcpu *v);

/* Check the CPU's fault handling (fixups, W^X, NX) for the self-test;
 * reports each check through selftest_check(). */
void arch_selftest_faults(void);

#endif
