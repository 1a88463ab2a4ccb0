/* pci: a PCI device given to a domain: configuration space, BARs.
 *
 * Run as the privileged domain with QEMU's virtio-blk-pci (it holds every
 * device), or with held=BB:DD.F (the one device given to it) and
 * foreign_mmio=/foreign_io= (decimal: a memory and an I/O BAR of a device it does
 * not hold) and foreign= (that device) on its command line.
 *
 * Rules checked (pvabi/ABI.md):
 *   PCI-1  0xcf8 is the domain's own address latch: a 32-bit write reads
 *          back (the reserved bits cleared)
 *   PCI-2  0xcfc-0xcff reach the configuration space of a device the
 *          domain holds, and read all ones for any other
 *   PCI-3  a BAR written with all ones reads back its size mask; any other
 *          write leaves it where it was
 *   PCI-4  the I/O-port BARs of a held device are the domain's ports; those
 *          of another domain's device read all ones
 *   PCI-5  a page inside a memory BAR of a held device can be mapped (with
 *          PCD/PWT) and reads the device's registers (virtio's common
 *          configuration); a page past the BAR's end, the IOAPIC's, the
 *          local APIC's, and a BAR of a device not held are -EPERM; the
 *          same through mmu_update with foreigndom DOMID_IO, as Xen's PV
 *          kernels map device memory */
#include "guest.h"
#include "cmdline.h"
#include "pagetable.h"
#include "pciconf.h"
#include "pvabi/physdev.h"

const char test_title[] = "pci: a PCI device given to a domain: configuration space, BARs";

static void latch(void)
{
	outl(CONF_ADDR, 0x80001a47u);
	check_eq_hex("PCI-1", "0xcf8 after writing 0x80001a47", inl(CONF_ADDR), 0x80001a44u);
	outl(CONF_ADDR, 0);
	check_eq_hex("PCI-1", "0xcf8 after writing 0", inl(CONF_ADDR), 0);
	check_eq_hex("PCI-2", "0xcfc with the latch off", inl(CONF_DATA), 0xffffffffu);
}

static void bars(uint16_t bdf)
{
	uint32_t bar4 = conf_read(bdf, 0x20), bar1 = conf_read(bdf, 0x14);

	conf_write(bdf, 0x20, 0xffffffffu);
	uint32_t mask = conf_read(bdf, 0x20);
	conf_write(bdf, 0x20, bar4);
	check("PCI-3", (mask & ~15u) != 0 && (mask & ~15u) != 0xfffffff0u && (mask & 15) == (bar4 & 15),
	      "BAR4 sized: mask %#x (BAR %#x)", mask, bar4);
	check_eq_hex("PCI-3", "BAR4 after writing it back", conf_read(bdf, 0x20), bar4);
	conf_write(bdf, 0x14, 0x12340000u);
	check_eq_hex("PCI-3", "BAR1 after writing 0x12340000", conf_read(bdf, 0x14), bar1);
}

static uint32_t bar_size(uint16_t bdf, unsigned i)
{
	uint32_t lo = conf_read(bdf, 0x10 + 4 * i);
	conf_write(bdf, 0x10 + 4 * i, 0xffffffffu);
	uint32_t mask = conf_read(bdf, 0x10 + 4 * i);
	conf_write(bdf, 0x10 + 4 * i, lo);
	return ~(mask & ~15u) + 1;
}

/* mmu_update of va's L1 entry naming DOMID_IO. */
static long map_io(uint32_t va, uint32_t mfn, uint32_t flags)
{
	struct mmu_update req = { .ptr = pt_l1e_maddr(va), .val = PT_ENTRY(mfn, flags) };

	return hypercall4(__HYPERVISOR_mmu_update, ptr_arg(&req), 1, 0, DOMID_IO);
}

static void mmio(uint16_t bdf, struct pt_frame *f)
{
	unsigned bar;
	uint32_t off, extra;
	char what[96];

	if (!virtio_cap(bdf, 1, &bar, &off, &extra)) {
		check("PCI-5", false, "the device has a virtio common-configuration capability");
		return;
	}
	uint64_t base = bar_base(bdf, bar) + off;
	uint32_t size = bar_size(bdf, bar);
	uint32_t mfn = (uint32_t)(base >> 12);
	long rc = pt_map(f->va, mfn, PT_RW | PV_PTE_PCD | PV_PTE_PWT);
	format(what, sizeof(what), "map BAR%u's page %#x (common config at +%#x), PCD|PWT", bar,
	       mfn, off);
	if (!check_rc("PCI-5", what, rc, 0))
		return;
	volatile uint32_t *cfg = (volatile uint32_t *)(f->va + (uint32_t)(base & 0xfff));
	cfg[0] = 0;                                    /* device_feature_select */
	uint32_t feat = cfg[1];
	cfg[0] = 1;
	uint32_t feat_hi = cfg[1];
	/* num_queues at 0x12: QEMU answers each field at its own offset. */
	uint16_t queues = *(volatile uint16_t *)((uint32_t)cfg + 0x12);
	check("PCI-5", feat != 0 && feat != 0xffffffffu, "device features 0-31: %#x", feat);
	check("PCI-5", feat_hi & 1, "device features 32-63 say VIRTIO_F_VERSION_1: %#x", feat_hi);
	check("PCI-5", queues >= 1 && queues != 0xffff, "num_queues: %u", queues);
	check_rc("PCI-5", "unmap it", pt_unmap(f->va), 0);
	check_rc("PCI-5", "map it again through mmu_update with DOMID_IO",
		 map_io(f->va, mfn, PT_RW | PV_PTE_PCD | PV_PTE_PWT), 0);
	cfg[0] = 0;
	check_eq_hex("PCI-5", "device features 0-31 through that mapping", cfg[1], feat);
	uint32_t past = (uint32_t)((bar_base(bdf, bar) + size) >> 12);
	format(what, sizeof(what), "map the page past BAR%u's %u bytes (%#x)", bar, size, past);
	check_rc("PCI-5", what, pt_map(f->va, past, PT_RO), -XEN_EPERM);
	check_rc("PCI-5", "the same with DOMID_IO", map_io(f->va, past, PT_RO), -XEN_EPERM);
}

static void hv_mmio(struct pt_frame *f)
{
	check_rc("PCI-5", "map the IOAPIC (0xfec00)", pt_map(f->va, 0xfec00, PT_RO), -XEN_EPERM);
	check_rc("PCI-5", "map the local APIC (0xfee00)", pt_map(f->va, 0xfee00, PT_RO), -XEN_EPERM);
}

static void foreign(struct pt_frame *f)
{
	uint64_t m = cmdline_number("foreign_mmio", 0), io = cmdline_number("foreign_io", 0);
	uint64_t bdf = cmdline_number("foreign", 0xffff);
	char what[96];

	if (bdf != 0xffff) {
		format(what, sizeof(what), "the id of %02llx.%llx, another domain's", bdf >> 3, bdf & 7);
		check_eq_hex("PCI-2", what, conf_read((uint16_t)bdf, 0), 0xffffffffu);
	}

	if (m) {
		format(what, sizeof(what), "map a BAR of a device not held (%#llx)",
		       (unsigned long long)m);
		check_rc("PCI-5", what, pt_map(f->va, (uint32_t)(m >> 12), PT_RO), -XEN_EPERM);
		check_rc("PCI-5", "the same with DOMID_IO", map_io(f->va, (uint32_t)(m >> 12), PT_RO),
			 -XEN_EPERM);
	}
	if (io) {
		format(what, sizeof(what), "in from an I/O BAR not held (%#llx)", (unsigned long long)io);
		check_eq_hex("PCI-4", what, inl((uint16_t)io), 0xffffffffu);
	}
}

void test_main(void)
{
	struct physdev_set_iopl s = { 1 };
	struct pt_frame f;
	unsigned seen;

	if (hypercall2(__HYPERVISOR_physdev_op, PHYSDEVOP_set_iopl, ptr_arg(&s)) != 0)
		test_error("set_iopl(1) failed");
	if (!pt_alloc_frame(&f))
		return;
	latch();
	uint64_t held = cmdline_number("held", 0xffff);
	uint16_t bdf = pci_find_vendor(VIRTIO_VENDOR, &seen);
	if (held != 0xffff) {
		/* Only the held device answers. */
		check_eq("PCI-2", "functions answering on bus 0", seen, 1);
		check_eq_hex("PCI-2", "the held device's id",
			     conf_read((uint16_t)held, 0) != 0xffffffffu, 1);
		check_eq_hex("PCI-2", "the virtio device's id (not held)", bdf, 0xffff);
		uint32_t io = conf_read((uint16_t)held, 0x20);
		check("PCI-4", (io & 1) && inl((uint16_t)(io & ~3u)) != 0xffffffffu,
		      "the held device's I/O BAR4 (%#x) answers", io);
	} else {
		check("PCI-2", bdf != 0xffff && seen >= 3,
		      "the virtio device found among %u devices: %02x.%x", seen, bdf >> 3, bdf & 7);
		if (bdf == 0xffff)
			test_failure("no virtio device: QEMU lacks -device virtio-blk-pci");
		bars(bdf);
		uint32_t io = conf_read(bdf, 0x10);
		uint32_t feat = inl((uint16_t)(io & ~3u));
		check("PCI-4", (io & 1) && feat != 0xffffffffu,
		      "the legacy virtio header in BAR0 (%#x): host features %#x", io, feat);
		mmio(bdf, &f);
	}
	hv_mmio(&f);
	foreign(&f);
	test_success();
}
