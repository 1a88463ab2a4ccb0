/* Making a domain from files in domain 0's filesystem: the ELF and the
 * initrd are read whole, staged in the hypervisor a chunk at a time
 * (RINGLET_DOMCTL_load_image), built (XEN_DOMCTL_createdomain) and
 * unpaused; the store introduces it when it next looks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kernel/hypervisor.h"
#include "store/server.h"
#include "toolstack/sched_params.h"
#include "toolstack/toolstack.h"

/* Appends path's bytes to *buf (*len of them so far): 0, or -1. The
 * buffer grows once, by the file's size: growing it a chunk at a time
 * copies and fragments a heap that may hold little more than two images. */
static int read_file(const char *path, uint8_t **buf, uint32_t *len)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	if (!f)
		return -1;
	int rc = -1;
	if (fstat(fileno(f), &st) == 0 && st.st_size >= 0 &&
	    (uint64_t)*len + (uint64_t)st.st_size <= RINGLET_IMAGE_MAX) {
		uint32_t size = (uint32_t)st.st_size;
		uint8_t *more = realloc(*buf, *len + size + 1u);
		if (more) {
			*buf = more;
			/* One byte more than the size: a file that grew is refused. */
			if (fread(*buf + *len, 1, size + 1u, f) == size) {
				*len += size;
				rc = 0;
			}
		}
	}
	fclose(f);
	return rc;
}

static int stage(const uint8_t *img, uint32_t len)
{
	for (uint32_t at = 0; at < len;) {
		struct xen_domctl dc;
		memset(&dc, 0, sizeof(dc));
		uint32_t n = len - at < RINGLET_LOAD_CHUNK ? len - at : RINGLET_LOAD_CHUNK;
		dc.u.load_image = (struct ringlet_domctl_load_image){
			.buf = (uintptr_t)(img + at), .offset = at, .len = n, .total = len,
		};
		int rc = ctl(RINGLET_DOMCTL_load_image, 0, &dc);
		if (rc < 0)
			return rc;
		at += n;
	}
	return 0;
}

/* "KEY=N ..." under the running policy: 0, or -XEN_EINVAL. */
static int set_sched(uint16_t dom, const char *keys)
{
	struct xen_domctl_scheduler_op op;
	char copy[sizeof(((struct made *)0)->sched)], *save;

	if (!keys[0])
		return 0;
	if (sched_get(dom, &op) < 0)
		return -XEN_EINVAL;
	snprintf(copy, sizeof(copy), "%s", keys);
	for (char *kv = strtok_r(copy, " ", &save); kv; kv = strtok_r(NULL, " ", &save)) {
		char *eq = strchr(kv, '='), *end;
		if (!eq)
			return -XEN_EINVAL;
		*eq = '\0';
		unsigned long v = strtoul(eq + 1, &end, 10);
		if (!eq[1] || *end || v > UINT32_MAX || sched_set_key(&op, kv, (uint32_t)v) < 0)
			return -XEN_EINVAL;
	}
	return sched_put(dom, &op);
}

static int build(const struct made *m, uint32_t elf_len, uint32_t initrd_len)
{
	struct xen_domctl dc;

	memset(&dc, 0, sizeof(dc));
	dc.u.createdomain = (struct ringlet_domctl_createdomain){
		.name = (uintptr_t)m->name, .name_len = (uint32_t)strlen(m->name),
		.cmdline = (uintptr_t)m->args, .cmdline_len = (uint32_t)strlen(m->args),
		.elf_len = elf_len, .initrd_len = initrd_len, .mem_kb = m->mem_kb,
	};
	dc.u.createdomain.max_grant_frames = m->gnttab_frames;
	int rc = ctl(XEN_DOMCTL_createdomain, 0, &dc);
	if (rc < 0)
		return rc;
	uint16_t dom = dc.domain;
	/* Its maximum and scheduling parameters before it first runs: the
	 * store's memory/static-max and its memory map say the maximum. */
	memset(&dc.u, 0, sizeof(dc.u));
	dc.u.max_mem.max_memkb = m->max_kb;
	if ((m->max_kb > m->mem_kb && (rc = ctl(XEN_DOMCTL_max_mem, dom, &dc)) < 0) ||
	    (rc = set_sched(dom, m->sched)) < 0) {
		ctl(XEN_DOMCTL_destroydomain, dom, &dc);
		return rc;
	}
	rc = ctl(XEN_DOMCTL_unpausedomain, dom, &dc);
	xenstored_kick();
	return rc < 0 ? rc : dom;
}

int create_domain(const struct made *m, const char **why)
{
	uint8_t *img = NULL;
	uint32_t len = 0;

	*why = NULL;
	if (read_file(m->file, &img, &len) < 0) {
		*why = m->file;
		free(img);
		return -XEN_EINVAL;
	}
	uint32_t elf_len = len;
	if (m->initrd[0] && read_file(m->initrd, &img, &len) < 0) {
		*why = m->initrd;
		free(img);
		return -XEN_EINVAL;
	}
	int rc = len == 0 ? -XEN_EINVAL : stage(img, len);
	if (rc == 0)
		rc = build(m, elf_len, len - elf_len);
	free(img);
	return rc;
}
