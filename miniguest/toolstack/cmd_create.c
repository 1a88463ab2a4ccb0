/* create NAME FILE [mem=SIZE] [maxmem=SIZE] [initrd=FILE] [gnttab=N] [KEY=N...] [-- ARGS]:
 * a domain (with the running scheduler's KEY=N parameters) from an
 * ELF file in domain 0's filesystem (a bare file name is looked for in
 * /bin as well), remembered so that a reboot builds it again. maxmem=, as
 * in xl's configuration: the most the domain may balloon up to. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "toolstack/shell.h"
#include "toolstack/toolstack.h"

#define MEM_DEFAULT_KB (16u << 10)

/* path, or /bin/path for a bare name not found as it is. */
static void locate(const char *path, char *out, size_t max)
{
	FILE *f = fopen(path, "rb");
	if (f)
		fclose(f);
	if (f || strchr(path, '/'))
		snprintf(out, max, "%s", path);
	else
		snprintf(out, max, "/bin/%s", path);
}

static int options(int argc, char **argv, struct made *m)
{
	int i = 3;

	for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strncmp(argv[i], "mem=", 4) == 0) {
			if (parse_size_kb(argv[i] + 4, &m->mem_kb) < 0) {
				printf("create: %s: give a size such as mem=32M\n", argv[i]);
				return -1;
			}
		} else if (strncmp(argv[i], "maxmem=", 7) == 0) {
			if (parse_size_kb(argv[i] + 7, &m->max_kb) < 0) {
				printf("create: %s: give a size such as maxmem=64M\n", argv[i]);
				return -1;
			}
		} else if (strncmp(argv[i], "initrd=", 7) == 0) {
			locate(argv[i] + 7, m->initrd, sizeof(m->initrd));
		} else if (strncmp(argv[i], "gnttab=", 7) == 0) {
			char *end;
			unsigned long n = strtoul(argv[i] + 7, &end, 10);
			if (!argv[i][7] || *end || n == 0 || n > 64) {
				printf("create: %s: give 1 to 64 grant-table frames\n", argv[i]);
				return -1;
			}
			m->gnttab_frames = (uint32_t)n;
		} else if (strchr(argv[i], '=') &&
			   strlen(m->sched) + strlen(argv[i]) + 2 < sizeof(m->sched)) {
			/* The scheduler's: checked when it is set. */
			strcat(strcat(m->sched, m->sched[0] ? " " : ""), argv[i]);
		} else {
			printf("create: unknown option '%s' (mem=SIZE, maxmem=SIZE, initrd=FILE, gnttab=N, the "
			       "scheduler's KEY=N, then -- ARGS)\n", argv[i]);
			return -1;
		}
	}
	if (m->max_kb && m->max_kb < m->mem_kb) {
		printf("create: maxmem= is below mem=: give at least %llu KiB\n",
		       (unsigned long long)m->mem_kb);
		return -1;
	}
	size_t at = 0;
	for (i++; i < argc; i++)
		at += (size_t)snprintf(m->args + at, at < sizeof(m->args) ? sizeof(m->args) - at : 0,
				       "%s%s", at ? " " : "", argv[i]);
	if (at >= sizeof(m->args)) {
		printf("create: the arguments are longer than %zu bytes\n", sizeof(m->args) - 1);
		return -1;
	}
	return 0;
}

int cmd_create(int argc, char **argv)
{
	struct made m = { .mem_kb = MEM_DEFAULT_KB };
	const char *why;

	if (argc < 3) {
		printf("create: give a name and a file (create NAME FILE [mem=SIZE] [-- ARGS])\n");
		return -1;
	}
	if (strlen(argv[1]) > RINGLET_NAME_MAX) {
		printf("create: the name is longer than %u characters\n", RINGLET_NAME_MAX);
		return -1;
	}
	strcpy(m.name, argv[1]);
	locate(argv[2], m.file, sizeof(m.file));
	if (options(argc, argv, &m) < 0)
		return -1;
	int rc = create_domain(&m, &why);
	if (rc < 0 && why) {
		printf("create: cannot read %s\n", why);
		return -1;
	}
	if (rc == -XEN_EINVAL) {
		printf("create: the hypervisor refused %s: not a pv32pae ELF kernel it can build, "
		       "or a bad name, size or scheduling parameter (%d)\n", m.file, rc);
		return -1;
	}
	if (rc < 0) {
		printf("create: %s: %s (%d)\n", m.name, ctl_error(rc), rc);
		return -1;
	}
	m.dom = (uint16_t)rc;
	made_add(&m);
	printf("create: domain %d (%s) made from %s, %llu KiB\n", rc, m.name, m.file,
	       (unsigned long long)m.mem_kb);
	return 0;
}
