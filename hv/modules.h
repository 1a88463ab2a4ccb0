#ifndef MODULES_H
#define MODULES_H

#include "boot/bootinfo.h"

/* Check that every module is a guest image this hypervisor could load, or
 * says it is an initrd. Returns 0, or -1 after logging which module is
 * wrong and why. Runs while the boot identity map still reaches the
 * modules. */
int modules_check(const struct bootinfo *bi);

#endif
