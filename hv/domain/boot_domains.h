#ifndef DOMAIN_BOOT_DOMAINS_H
#define DOMAIN_BOOT_DOMAINS_H

#include "boot/bootinfo.h"

/* Build one domain per module and make them runnable. Returns 0, or -1
 * after logging which module is wrong and why. */
int boot_domains(const struct bootinfo *bi);

#endif
