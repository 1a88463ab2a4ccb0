/* A guest module's command line: the hypervisor's options for the domain,
 * then "--" and the guest's own command line.
 *
 *   name=NAME   1-31 of [A-Za-z0-9_.-]   (default: dom<id>)
 *   mem=SIZE    its memory, e.g. 16M      (default 16M; 1M to 3G)
 *   maxmem=SIZE the most it may balloon up to (default: mem=; at least
 *               mem=, at most 3G), as xl's maxmem: its max_pages
 *   dom0        this one is the privileged domain (default: the first)
 *   weight=N    its CPU share relative to the others, 1-10000 (default 1)
 *   warp=US, warpl=US, warpu=US
 *               BVT's warp (how far its virtual time is set back when it
 *               wakes), warp limit and unwarp requirement, in microseconds
 *               (0-10000000; default 0: no warping)
 *   period=US, slice=US, latency=US, extra=0|1
 *               Atropos: slice of CPU in every period, wake-up latency hint,
 *               and whether it may run in slack time
 *   quantum=US  round robin's quantum
 *   clones=N    build N domains from this one image (1-4000; default 1),
 *               named NAME-1 ... NAME-N; of the privileged module's
 *               clones, only the first is privileged
 *   gnttab_frames=N    its grant table's maximum size in frames (1-64;
 *               default 64, as Xen's)
 *   gnttab_maptrack=N  how many grant mappings it may hold at once
 *               (1-16384; default 1024)
 *   ioports=P[-Q],...  the I/O ports it holds, e.g. 0x1f0-0x1f7,0x3f6
 *               (default: the privileged domain all, others none; never
 *               one the hypervisor drives)
 *   pci=BB:DD.F,...  the PCI devices it holds (default: the privileged
 *               domain every device given to no other), e.g. 00:03.0
 *
 * or the word "initrd" alone: the module is no domain but the start_info
 * module (the initrd) of the domain built from the nearest module before it
 * (domain/module_initrd.h pairs them). */
#ifndef DOMAIN_MODULE_OPTS_H
#define DOMAIN_MODULE_OPTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "physdev/physdev.h"
#include "physdev/pci.h"

#define MODULE_MEM_DEFAULT (16ull << 20)
#define MODULE_MEM_MIN     (1ull << 20)
#define MODULE_CLONES_MAX  4000
#define MODULE_WARP_MAX_US 10000000
#define MODULE_MEM_MAX     (3ull << 30)
/* Room for a name= value: up to DOMAIN_NAME_MAX characters, and no more
 * than a module's command line (BOOT_CMDLINE_MAX, 1024 bytes) holds. */
#define MODULE_NAME_MAX    1024

struct module_opts {
	char name[MODULE_NAME_MAX];      /* "" when not given */
	uint64_t mem;
	uint64_t maxmem;                 /* 0: mem */
	bool dom0;
	uint32_t weight;
	uint32_t warp_us, warpl_us, warpu_us;
	uint32_t period_us, slice_us, latency_us, quantum_us;   /* 0: the policy's default */
	int extra;                                              /* -1: the policy's default */
	uint32_t clones;
	uint32_t gnttab_frames, gnttab_maptrack;                /* 0: the default */
	bool ioports_given;              /* ioports= was said: */
	struct ioports ioports;          /* ... these replace the default */
	uint32_t nr_pci;                 /* pci=: devices it is given */
	uint16_t pci[PCI_GIVE_MAX];
	bool initrd;                     /* the module is an initrd, no domain */
	const char *args;                /* after "--", or "" */
};

/* 0, or -1 with err naming the offending option. */
int module_opts_parse(const char *cmdline, struct module_opts *o, char *err, size_t errlen);

/* A domain name's characters: letters, digits and _.- */
bool domain_name_char(char c);

/* Whether the command line says "initrd" among its options (rightly alone or
 * not: module_opts_parse tells), so that the module need not be an ELF. */
bool module_is_initrd(const char *cmdline);

#endif
