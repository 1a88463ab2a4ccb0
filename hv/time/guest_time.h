/* Time as guests see it: system time (ns since the hypervisor started)
 * and the TSC scale to extend it, per vCPU in shared info, and the wall
 * clock at system time zero. */
#ifndef TIME_GUEST_TIME_H
#define TIME_GUEST_TIME_H

struct vcpu;
struct domain;

/* Refresh v's vcpu_time_info (version odd while it changes). */
void guest_time_update(struct vcpu *v);
/* Publish the wall clock in d's shared info. */
void guest_wallclock_init(struct domain *d);
/* The vCPU's one-shot timer (set_timer_op) raises VIRQ_TIMER. */
void guest_timer_init(struct vcpu *v);

#endif
