#include "hypercall/budget.h"

static int32_t left;
static bool armed;

void budget_start(void)
{
	budget_start_at(HYPERCALL_BUDGET);
}

void budget_start_at(uint32_t units)
{
	left = units < HYPERCALL_BUDGET ? (int32_t)units : HYPERCALL_BUDGET;
	armed = true;
}

void budget_stop(void)
{
	armed = false;
}

void budget_charge(uint32_t units)
{
	/* Clamped both ways, so no run of charges wraps it back to plenty. */
	if (units > HYPERCALL_BUDGET)
		units = HYPERCALL_BUDGET;
	if (left > -HYPERCALL_BUDGET)
		left -= (int32_t)units;
}

bool budget_spent(void)
{
	return armed && left <= 0;
}

bool budget_armed(void)
{
	return armed;
}
