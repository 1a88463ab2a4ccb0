/* The C program's start-up, on the kernel's main thread (kernel/start.h):
 * arguments and environment from the command line, the filesystem from the
 * domain's module, then main() and exit() with its result. */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cpio.h"
#include "fs_ops.h"
#include "kernel/balloon.h"
#include "kernel/console.h"
#include "kernel/control.h"
#include "kernel/frames.h"
#include "kernel/hypervisor.h"
#include "kernel/start.h"

#define MAX_ARGS 64
#define MAX_ENV  64

int main(int argc, char **argv, char **envp);
extern char **environ;

/* miniguest-cc names the program after its output file. */
__attribute__((weak)) const char mg_program_name[] = "miniguest";

static const void *module(size_t *len)
{
	*len = start_info->mod_len;
	if (!start_info->mod_start || !start_info->mod_len)
		return 0;
	if (start_info->flags & SIF_MOD_START_PFN)
		return pfn_to_virt(start_info->mod_start);
	return (const void *)(uintptr_t)start_info->mod_start;
}

/* The module, a cpio archive, seeds the filesystem. A bad archive is
 * reported and what loaded before the bad entry stays. */
static void load_files(const void *mod, size_t len)
{
	struct ramfs_load_stats stats = { 0 };
	int rc = fs_init(mod, len, &stats);

	/* A CPIO_E* code and a filesystem error can share a number: say both. */
	if (rc < 0)
		printk("miniguest: the module (a cpio newc archive) did not load whole: error %d "
		       "(%s; %s) at byte %zu; %u files and %u directories before it did\n", rc,
		       cpio_strerror(rc), strerror(-rc), stats.bad_offset, stats.files,
		       stats.dirs);
	else if (stats.skipped)
		printk("miniguest: %u entries of the cpio archive skipped (devices, fifos; only "
		       "files, directories and links are kept)\n", stats.skipped);
}

/* Before the balloon gives frames back, the heap's free top goes back to
 * the frame pool (newlib's trim moves the break down). */
static void trim_heap(void)
{
	malloc_trim(0);
}

/* MINIGUEST_BALLOON=off in the environment: the program ignores
 * memory/target, as a kernel without a balloon driver does. */
static void balloon_unless_off(void)
{
	const char *b = getenv("MINIGUEST_BALLOON");

	if (!b || strcmp(b, "off") != 0)
		balloon_start(trim_heap);
}

void mg_main(void)
{
	static char line[MAX_GUEST_CMDLINE];
	static char *argv[MAX_ARGS], *envp[MAX_ENV];
	struct args a = { .argv = argv, .envp = envp };
	size_t mod_len;
	const void *mod = module(&mod_len);

	memcpy(line, start_info->cmd_line, sizeof(line) - 1);
	int dropped = args_split(line, mg_program_name, &a, MAX_ARGS, MAX_ENV);
	if (dropped)
		printk("miniguest: %d word(s) of the command line did not fit (at most %d "
		       "arguments and %d variables)\n", dropped, MAX_ARGS - 1, MAX_ENV - 1);
	environ = envp;
	load_files(mod, mod_len);
	control_start();
	balloon_unless_off();
	exit(main(a.argc, a.argv, a.envp));
}
