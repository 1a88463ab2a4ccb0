/* xen_version: HYPERVISOR_xen_version(cmd, arg) (pvabi/version.h).
 *
 * Rules checked:
 *   VER-1   XENVER_version returns major << 16 | minor, a version of the
 *           3.0 ABI or later, and ignores its argument
 *   VER-2   XENVER_extraversion fills exactly its 16 bytes, NUL-terminated
 *   VER-3   XENVER_capabilities fills exactly its 1024 bytes,
 *           NUL-terminated, and lists "xen-3.0-x86_32p"
 *   VER-4   XENVER_changeset (64 bytes) and XENVER_compile_info (4 strings)
 *           come back NUL-terminated
 *   VER-5   XENVER_platform_parameters gives virt_start =
 *           HYPERVISOR_VIRT_START
 *   VER-6   XENVER_pagesize returns 4096
 *   VER-7   XENVER_get_features answers submap 0 and refuses a submap index
 *           past the last with -XEN_EINVAL
 *   VER-8   an unknown command returns -XEN_ENOSYS
 *   VER-9   a buffer the guest cannot write (NULL, unmapped, read-only such
 *           as the L3 or the m2p table, in the hypervisor's hole, running
 *           off mapped memory) gives -XEN_EFAULT; so does one it cannot
 *           read, for get_features (which reads its argument first); an
 *           instance of HCALL-5
 */
#include "guest.h"

const char test_title[] = "xen_version: version, strings, features, bad commands and buffers";

#define GUARD 0xa5

/* A buffer with guard bytes after it, to see exactly how much was written. */
static uint8_t buf[1024 + 64];

static void fill(void)
{
	memset(buf, GUARD, sizeof(buf));
}

/* Bytes of buf written before the guard: the last non-guard byte + 1. */
static unsigned written(void)
{
	unsigned n = sizeof(buf);

	while (n && buf[n - 1] == GUARD)
		n--;
	return n;
}

/* Is word a space-separated token of list? */
static bool has_token(const char *list, const char *word)
{
	size_t len = strlen(word);

	for (const char *p = list; *p;) {
		while (*p == ' ')
			p++;
		const char *end = p;
		while (*end && *end != ' ')
			end++;
		if ((size_t)(end - p) == len && strncmp(p, word, len) == 0)
			return true;
		p = end;
	}
	return false;
}

static void version(void)
{
	long v = hypercall_xen_version(XENVER_version, NULL);

	printk("hypervisor version %ld.%ld (%#lx)\n", v >> 16, v & 0xffff, v);
	check("VER-1", v >= 0 && (v >> 16) >= 3,
	      "XENVER_version is major << 16 | minor with major >= 3: %#lx", v);
	long again = hypercall_xen_version(XENVER_version, (void *)0xdead0000);
	check_eq_hex("VER-1", "XENVER_version ignores its argument", (uint32_t)again,
		     (uint32_t)v);
}

static void strings(void)
{
	long rc;

	fill();
	rc = hypercall_xen_version(XENVER_extraversion, buf);
	check_rc("VER-2", "XENVER_extraversion", rc, 0);
	printk("extraversion \"%.16s\"\n", (const char *)buf);
	check_eq("VER-2", "bytes XENVER_extraversion writes", written(),
		 sizeof(xen_extraversion_t));
	check("VER-2", strnlen((const char *)buf, sizeof(xen_extraversion_t)) <
			       sizeof(xen_extraversion_t),
	      "the extraversion is NUL-terminated");

	fill();
	rc = hypercall_xen_version(XENVER_capabilities, buf);
	check_rc("VER-3", "XENVER_capabilities", rc, 0);
	bool terminated = strnlen((const char *)buf, sizeof(xen_capabilities_info_t)) <
			  sizeof(xen_capabilities_info_t);
	printk("capabilities \"%.1024s\"\n", (const char *)buf);
	check_eq("VER-3", "bytes XENVER_capabilities writes", written(),
		 sizeof(xen_capabilities_info_t));
	check("VER-3", terminated, "the capabilities are NUL-terminated");
	check("VER-3", terminated && has_token((const char *)buf, START_INFO_MAGIC_X86_32P),
	      "the capabilities list \"%s\"", START_INFO_MAGIC_X86_32P);

	fill();
	rc = hypercall_xen_version(XENVER_changeset, buf);
	check_rc("VER-4", "XENVER_changeset", rc, 0);
	check("VER-4", strnlen((const char *)buf, sizeof(xen_changeset_info_t)) <
			       sizeof(xen_changeset_info_t) &&
			       written() <= sizeof(xen_changeset_info_t),
	      "the changeset \"%.64s\" is NUL-terminated within its 64 bytes",
	      (const char *)buf);

	static struct xen_compile_info info;
	memset(&info, GUARD, sizeof(info));
	rc = hypercall_xen_version(XENVER_compile_info, &info);
	check_rc("VER-4", "XENVER_compile_info", rc, 0);
	check("VER-4", strnlen(info.compiler, sizeof(info.compiler)) < sizeof(info.compiler) &&
			       strnlen(info.compile_by, sizeof(info.compile_by)) <
				       sizeof(info.compile_by) &&
			       strnlen(info.compile_domain, sizeof(info.compile_domain)) <
				       sizeof(info.compile_domain) &&
			       strnlen(info.compile_date, sizeof(info.compile_date)) <
				       sizeof(info.compile_date),
	      "the compile_info strings are NUL-terminated");
	printk("compiled by %.16s@%.32s with %.64s on %.32s\n", info.compile_by,
	       info.compile_domain, info.compiler, info.compile_date);
}

static void parameters(void)
{
	static struct xen_platform_parameters params;
	static struct xen_feature_info fi;
	long rc;

	params.virt_start = 0;
	rc = hypercall_xen_version(XENVER_platform_parameters, &params);
	check_rc("VER-5", "XENVER_platform_parameters", rc, 0);
	check_eq_hex("VER-5", "virt_start is HYPERVISOR_VIRT_START", params.virt_start,
		     HYPERVISOR_VIRT_START);

	check_eq("VER-6", "XENVER_pagesize", hypercall_xen_version(XENVER_pagesize, NULL),
		 PAGE_SIZE);

	fi.submap_idx = 0;
	fi.submap = 0xdeadbeef;
	rc = hypercall_xen_version(XENVER_get_features, &fi);
	check_rc("VER-7", "XENVER_get_features, submap 0", rc, 0);
	printk("features (submap 0): %#x\n", fi.submap);
	fi.submap_idx = XENFEAT_NR_SUBMAPS;
	rc = hypercall_xen_version(XENVER_get_features, &fi);
	check_rc("VER-7", "XENVER_get_features, submap XENFEAT_NR_SUBMAPS", rc, -XEN_EINVAL);
	fi.submap_idx = 0xffffffff;
	rc = hypercall_xen_version(XENVER_get_features, &fi);
	check_rc("VER-7", "XENVER_get_features, submap 0xffffffff", rc, -XEN_EINVAL);
}

static void unknown_commands(void)
{
	/* XENVER_build_id (10) is the last command Xen 4.17 knows; 11-14 came
	 * later, so they are left out here. */
	static const uint32_t cmds[] = { 15, 16, 64, 0x100, 0x7fffffff, 0x80000000, 0xffffffff };
	char what[64];

	for (unsigned i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		fill();
		format(what, sizeof(what), "unknown command %#x", cmds[i]);
		check_rc("VER-8", what, hypercall_xen_version(cmds[i], buf), -XEN_ENOSYS);
		check_eq("VER-8", "bytes it wrote", written(), 0);
	}
}

static void bad_buffers(void)
{
	uint32_t end = initial_region_end();
	const struct { const char *what; uint32_t va; } bad[] = {
		{ "NULL", 0 },
		{ "an unmapped page", end },
		{ "the read-only L3", start_info->pt_base },
		{ "8 bytes before unmapped memory", end - 8 },
		{ "the read-only m2p table", MACH2PHYS_VIRT_START },
		{ "the hypervisor's hole above the m2p", 0xff000000 },
		{ "the top of the address space", 0xfffff000 },
	};
	static const struct { const char *name; uint32_t cmd; } cmds[] = {
		{ "XENVER_extraversion", XENVER_extraversion },
		{ "XENVER_capabilities", XENVER_capabilities },
		{ "XENVER_compile_info", XENVER_compile_info },
		{ "XENVER_platform_parameters", XENVER_platform_parameters },
		{ "XENVER_get_features", XENVER_get_features },
	};
	char what[96];

	for (unsigned c = 0; c < sizeof(cmds) / sizeof(cmds[0]); c++)
		for (unsigned b = 0; b < sizeof(bad) / sizeof(bad[0]); b++) {
			bool small = cmds[c].cmd == XENVER_platform_parameters ||
				     cmds[c].cmd == XENVER_get_features;
			/* 8 bytes are enough for these two: that buffer is fine. */
			if (bad[b].va == end - 8 && small)
				continue;
			/* get_features reads its submap index first, and the L3's
			 * first word is no valid index: -XEN_EINVAL comes before
			 * the write could fail. */
			if (bad[b].va == start_info->pt_base && cmds[c].cmd == XENVER_get_features)
				continue;
			/* Nor can it fail to read the m2p table: Xen (4.17) reads
			 * guest memory wherever the guest itself may read, the m2p
			 * in the hole included, and finds no valid index there
			 * either. Only writes there must fail. */
			if (bad[b].va == MACH2PHYS_VIRT_START && cmds[c].cmd == XENVER_get_features)
				continue;
			format(what, sizeof(what), "%s into %s (%#x)", cmds[c].name,
			       bad[b].what, bad[b].va);
			check_rc("VER-9", what,
				 hypercall_xen_version(cmds[c].cmd, (void *)(uintptr_t)bad[b].va),
				 -XEN_EFAULT);
		}
}

void test_main(void)
{
	version();
	strings();
	parameters();
	unknown_commands();
	bad_buffers();
	test_success();
}
