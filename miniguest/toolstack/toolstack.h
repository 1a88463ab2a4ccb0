/* The toolstack: domain 0's shell on the serial console (shell.c) and
 * what it drives, the control interface (ctl.c), the domains it made and
 * rebuilds when they reboot (made.c). */
#ifndef TOOLSTACK_TOOLSTACK_H
#define TOOLSTACK_TOOLSTACK_H

#include <stdbool.h>
#include <stdint.h>
#include "pvabi/domctl.h"
#include "pvabi/errno.h"

/* domain 0's program in shell mode: starts the store and the console
 * backend, then devices() (the backends and their devices, or NULL), runs
 * the commands of script (";" or newlines between them) or,
 * with NULL, those typed on the console, until the input ends; then waits
 * for the other domains to end. The exit status. */
int toolstack_main(const char *script, void (*devices)(void));

/* ctl.c: one domctl command about dom, the answer in *dc: 0 or -errno. */
int ctl(uint32_t cmd, uint16_t dom, struct xen_domctl *dc);
/* What a domctl error means, for a message. */
const char *ctl_error(int rc);
/* The domain with exactly this id: 0, or -ESRCH. */
int ctl_info(uint16_t dom, struct xen_domctl_getdomaininfo *info);
/* The name a domain was given (getdomaininfo's handle), in out[17]. */
void ctl_name(const struct xen_domctl_getdomaininfo *info, char *out);

/* create.c: a domain from an ELF file (and an initrd file, or NULL), left
 * running: its id, or -errno with *why set when the file is the trouble. */
struct made;
int create_domain(const struct made *m, const char **why);

/* made.c: the domains the shell made, for their rebuild on reboot. */
struct made {
	uint16_t dom;
	char name[RINGLET_NAME_MAX + 1];
	char file[128], initrd[128];
	uint64_t mem_kb;
	uint64_t max_kb;                 /* 0: mem_kb (maxmem=) */
	uint32_t gnttab_frames;          /* 0: the default */
	char sched[128];                 /* "KEY=N ..." for the scheduler, or "" */
	char args[512];
};
void made_add(const struct made *m);
struct made *made_find(uint16_t dom);
void made_forget(uint16_t dom);
/* Domains that shut down: rebuilt when it was a reboot and the shell made
 * them, else destroyed (a suspended one is left as it is). */
void made_reap(void);
/* The number of domains other than domain 0. */
unsigned made_count_others(void);

/* top_io.c: the block requests and network packets backend be's devices
 * counted so far, per frontend: add(arg, fe, blk, net), once per frontend
 * and type. */
typedef void top_io_add_t(void *arg, uint16_t fe, uint64_t blk, uint64_t net);
void top_io_scan(uint16_t be, top_io_add_t *add, void *arg);

/* cmd_domain.c: write dom's key under its home in the store: 0 or -1. */
int store_put(uint16_t dom, const char *key, const char *value);

/* Destroy dom and forget it in the store: 0 or -errno. */
int destroy_domain(uint16_t dom);

#endif
