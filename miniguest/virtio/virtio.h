/* A virtio 1.0 device over PCI, driven through the modern transport (the
 * common, notify, ISR and device-specific configuration structures that
 * vendor capabilities place in memory BARs); transitional devices are
 * driven the same way. Devices are found by vendor 0x1af4 and device id
 * (0x1040 + type, or a transitional id).
 *
 * The order is virtio's (3.1.1): virtio_open resets the device and says
 * ACKNOWLEDGE and DRIVER; virtio_negotiate offers features and checks
 * FEATURES_OK; virtio_queue_setup for each queue; virtio_irq_start
 * (virtio_irq.h); virtio_ready says DRIVER_OK. On any failure
 * virtio_fail sets FAILED and the device is left alone. */
#ifndef MG_VIRTIO_H
#define MG_VIRTIO_H

#include <stdbool.h>
#include <stdint.h>

#include "virtio/virtqueue.h"
#include "virtio/virtio_irq.h"

#define VIRTIO_VENDOR 0x1af4

#define VIRTIO_S_ACKNOWLEDGE  1
#define VIRTIO_S_DRIVER       2
#define VIRTIO_S_DRIVER_OK    4
#define VIRTIO_S_FEATURES_OK  8
#define VIRTIO_S_NEEDS_RESET  64
#define VIRTIO_S_FAILED       128

#define VIRTIO_F_RING_INDIRECT_DESC 28
#define VIRTIO_F_RING_EVENT_IDX     29
#define VIRTIO_F_VERSION_1          32
#define VIRTIO_F_ACCESS_PLATFORM    33
#define VIRTIO_F_RING_PACKED        34
#define VIRTIO_BIT(f) (1ull << (f))

/* The common configuration structure (4.1.4.3). */
struct virtio_common_cfg {
	uint32_t device_feature_select;
	uint32_t device_feature;
	uint32_t driver_feature_select;
	uint32_t driver_feature;
	uint16_t msix_config;
	uint16_t num_queues;
	uint8_t device_status;
	uint8_t config_generation;
	uint16_t queue_select;
	uint16_t queue_size;
	uint16_t queue_msix_vector;
	uint16_t queue_enable;
	uint16_t queue_notify_off;
	uint32_t queue_desc_lo, queue_desc_hi;
	uint32_t queue_driver_lo, queue_driver_hi;
	uint32_t queue_device_lo, queue_device_hi;
};

#define VIRTIO_QUEUES_MAX 2

struct virtio_queue {
	struct virtqueue vq;
	volatile uint16_t *notify;      /* where a kick is written */
	uint16_t index;
};

struct virtio_dev {
	uint16_t bdf;
	char name[8];                   /* "BB:DD.F" */
	volatile struct virtio_common_cfg *common;
	volatile uint8_t *notify_base;
	uint32_t notify_mult, notify_len;
	volatile uint8_t *isr;
	volatile uint8_t *device_cfg;
	uint32_t device_cfg_len;
	uint64_t offered, features;     /* the device's, and what was agreed */
	struct virtio_queue queues[VIRTIO_QUEUES_MAX];
	unsigned nr_queues;
	struct virtio_irq irq;
};

/* The next virtio function at or after bdf from whose device id is one of
 * the n given, or PCI_NONE (pci.h). */
uint16_t virtio_find(uint16_t from, const uint16_t *ids, unsigned n);

/* Finds the configuration structures, maps them, enables memory decoding
 * and bus mastering, resets the device, says ACKNOWLEDGE|DRIVER. 0 or a
 * negative errno (-ENODEV: no modern capabilities, a legacy-only device). */
int virtio_open(struct virtio_dev *d, uint16_t bdf);

/* Offers the device's features that are in wanted; fails with -ENOTSUP
 * when one of required (VIRTIO_F_VERSION_1 always among them) is not
 * offered, -EIO when the device does not keep FEATURES_OK. */
int virtio_negotiate(struct virtio_dev *d, uint64_t wanted, uint64_t required);

/* Sets queue index up with at most max_size entries (the device's size if
 * smaller), its rings in fresh zeroed pages; 0 or a negative errno. */
int virtio_queue_setup(struct virtio_dev *d, uint16_t index, uint16_t max_size);

/* Tells the device a queue has new buffers (when it wants to be told). */
void virtio_kick(struct virtio_queue *q);

void virtio_ready(struct virtio_dev *d);
void virtio_fail(struct virtio_dev *d);

/* Resets the device and waits (bounded) for it to say so; false on
 * timeout. */
bool virtio_reset(struct virtio_dev *d);

/* len bytes of the device configuration at off, read consistently
 * (config_generation unchanged across the read); -EIO when out of range
 * or never stable. */
int virtio_read_config(struct virtio_dev *d, uint32_t off, void *buf, uint32_t len);

#endif
