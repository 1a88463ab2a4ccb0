/* A domain's I/O ports as a handful of ranges: a driver domain is given a
 * device's few port blocks, the privileged domain all of them. */
#include "physdev/physdev.h"
#include "physdev/pci.h"
#include "arch/arch.h"
#include "domain/domain.h"
#include "lib/string.h"

bool ioports_held(const struct domain *d, uint32_t port, uint32_t len)
{
	uint64_t end = (uint64_t)port + len;     /* one past the last */

	if (len == 0 || end > 0x10000)
		return false;
	for (uint64_t q = port; q < end; q++)
		if (arch_port_owner((uint16_t)q))
			return false;
	/* The privileged domain's "all ports" stop at other domains' devices. */
	if (pci_ports_foreign(d, port, len))
		return false;
	for (uint32_t i = 0; i < d->ioports.nr && i < IOPORT_RANGES_MAX; i++)
		if (port >= d->ioports.r[i].first && end - 1 <= d->ioports.r[i].last)
			return true;
	return false;
}

void ioports_default(struct domain *d)
{
	d->ioports.nr = 0;
	if (d->privileged)
		ioports_add(&d->ioports, 0, 0xffff);
}
