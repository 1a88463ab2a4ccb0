/* The modern virtio-over-PCI transport (virtio.h): capabilities, status
 * and features. */
#include "virtio/virtio.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "kernel/mmio.h"
#include "kernel/time.h"
#include "kernel/thread.h"
#include "virtio/pci.h"

#define CAP_VENDOR   0x09
#define CFG_COMMON   1
#define CFG_NOTIFY   2
#define CFG_ISR      3
#define CFG_DEVICE   4
#define RESET_WAIT_NS 1000000000ull
#define GENERATION_TRIES 16

uint16_t virtio_find(uint16_t from, const uint16_t *ids, unsigned n)
{
	return pci_find(from, VIRTIO_VENDOR, ids, n);
}

/* Maps the structure of cfg_type (the first one of that type, as virtio
 * says drivers should take); its length in *len. */
static volatile uint8_t *map_cap(struct virtio_dev *d, uint8_t cfg_type, uint32_t *len,
				 uint8_t *at_out)
{
	for (uint8_t at = pci_next_cap(d->bdf, CAP_VENDOR, 0); at;
	     at = pci_next_cap(d->bdf, CAP_VENDOR, at)) {
		if (pci_read8(d->bdf, at + 3u) != cfg_type)
			continue;
		unsigned bar = pci_read8(d->bdf, at + 4u);
		uint32_t off = pci_read32(d->bdf, at + 8u), length = pci_read32(d->bdf, at + 12u);
		uint64_t base, size;
		if (!pci_mem_bar(d->bdf, bar, &base, &size) || length == 0 ||
		    (uint64_t)off + length > size) {
			printf("virtio %s: capability %u names BAR%u +%#x (%u bytes), which is not "
			       "inside a memory BAR\n", d->name, cfg_type, bar, off, length);
			return 0;
		}
		*len = length;
		if (at_out)
			*at_out = at;
		return mmio_map(base + off, length);
	}
	return 0;
}

int virtio_open(struct virtio_dev *d, uint16_t bdf)
{
	uint32_t len;
	uint8_t notify_at = 0;

	memset(d, 0, sizeof(*d));
	d->bdf = bdf;
	pci_name(bdf, d->name);
	d->common = (volatile struct virtio_common_cfg *)map_cap(d, CFG_COMMON, &len, 0);
	if (!d->common || len < sizeof(struct virtio_common_cfg)) {
		printf("virtio %s: no modern common configuration (a legacy-only device?)\n",
		       d->name);
		return -ENODEV;
	}
	d->notify_base = map_cap(d, CFG_NOTIFY, &d->notify_len, &notify_at);
	d->isr = map_cap(d, CFG_ISR, &len, 0);
	d->device_cfg = map_cap(d, CFG_DEVICE, &d->device_cfg_len, 0);
	if (!d->notify_base || !d->isr) {
		printf("virtio %s: no notify or ISR structure\n", d->name);
		return -ENODEV;
	}
	d->notify_mult = pci_read32(bdf, notify_at + 16u);
	uint16_t cmd = pci_read16(bdf, PCI_COMMAND);
	pci_write16(bdf, PCI_COMMAND,
		    (uint16_t)((cmd | PCI_CMD_MEMORY | PCI_CMD_MASTER) & ~PCI_CMD_INTX_OFF));
	if (!virtio_reset(d)) {
		printf("virtio %s: the device does not finish its reset\n", d->name);
		return -EIO;
	}
	d->common->device_status = VIRTIO_S_ACKNOWLEDGE;
	d->common->device_status = VIRTIO_S_ACKNOWLEDGE | VIRTIO_S_DRIVER;
	return 0;
}

bool virtio_reset(struct virtio_dev *d)
{
	uint64_t deadline = time_now_ns() + RESET_WAIT_NS;

	d->common->device_status = 0;
	while (d->common->device_status != 0) {
		if (time_now_ns() > deadline)
			return false;
		thread_sleep_ns(100000);
	}
	return true;
}

static uint32_t device_features(struct virtio_dev *d, uint32_t half)
{
	d->common->device_feature_select = half;
	return d->common->device_feature;
}

int virtio_negotiate(struct virtio_dev *d, uint64_t wanted, uint64_t required)
{
	required |= VIRTIO_BIT(VIRTIO_F_VERSION_1);
	d->offered = device_features(d, 0) | (uint64_t)device_features(d, 1) << 32;
	if ((d->offered & required) != required) {
		printf("virtio %s: the device lacks features %#llx we need (it offers %#llx)\n",
		       d->name, (unsigned long long)(required & ~d->offered),
		       (unsigned long long)d->offered);
		return -ENOTSUP;
	}
	d->features = d->offered & (wanted | required);
	d->common->driver_feature_select = 0;
	d->common->driver_feature = (uint32_t)d->features;
	d->common->driver_feature_select = 1;
	d->common->driver_feature = (uint32_t)(d->features >> 32);
	d->common->device_status = VIRTIO_S_ACKNOWLEDGE | VIRTIO_S_DRIVER | VIRTIO_S_FEATURES_OK;
	if (!(d->common->device_status & VIRTIO_S_FEATURES_OK)) {
		printf("virtio %s: the device refuses features %#llx (it offers %#llx)\n", d->name,
		       (unsigned long long)d->features, (unsigned long long)d->offered);
		return -EIO;
	}
	return 0;
}

void virtio_ready(struct virtio_dev *d)
{
	d->common->device_status |= VIRTIO_S_DRIVER_OK;
}

void virtio_fail(struct virtio_dev *d)
{
	if (d->common)
		d->common->device_status |= VIRTIO_S_FAILED;
}

/* Each field read as wide as it is (virtio asks natural widths; a 64-bit
 * field is two 32-bit halves). */
static void copy_config(struct virtio_dev *d, uint32_t off, void *buf, uint32_t len)
{
	uint8_t *out = buf;

	for (uint32_t i = 0; i < len;) {
		uint32_t at = off + i;
		if (!(at & 3) && len - i >= 4) {
			uint32_t v = *(volatile uint32_t *)(d->device_cfg + at);
			memcpy(out + i, &v, 4);
			i += 4;
		} else if (!(at & 1) && len - i >= 2) {
			uint16_t v = *(volatile uint16_t *)(d->device_cfg + at);
			memcpy(out + i, &v, 2);
			i += 2;
		} else {
			out[i++] = d->device_cfg[at];
		}
	}
}

int virtio_read_config(struct virtio_dev *d, uint32_t off, void *buf, uint32_t len)
{
	if (!d->device_cfg || (uint64_t)off + len > d->device_cfg_len)
		return -EIO;
	for (unsigned tries = 0; tries < GENERATION_TRIES; tries++) {
		uint8_t gen = d->common->config_generation;
		copy_config(d, off, buf, len);
		if (d->common->config_generation == gen)
			return 0;
	}
	return -EIO;
}
