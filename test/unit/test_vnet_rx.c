/* virtio-net's receive lengths (miniguest/virtio/net_check.c) on what a
 * fake device puts in the used ring of a queue of posted 2048-byte
 * buffers: honest frames, runts, giants, a length past the buffer, ids
 * never posted or already returned, and an index run far ahead. */
#include <errno.h>

#include "unit.h"
#include "miniguest/virtio/net_check.h"
#include "miniguest/virtio/virtqueue.h"

#define SIZE 8
#define BUF 2048

static struct vq_desc desc[SIZE];
static union { struct vq_avail a; uint8_t b[VQ_AVAIL_BYTES(SIZE)]; } avail;
static union { struct vq_used u; uint8_t b[VQ_USED_BYTES(SIZE)]; } used;
static struct virtqueue vq;
static int cookies[SIZE];

/* A queue with every buffer posted, as the driver keeps it. */
static void posted(void)
{
	memset(&avail, 0, sizeof(avail));
	memset(&used, 0, sizeof(used));
	CHECK(vq_init(&vq, SIZE, desc, &avail.a, &used.u));
	for (int i = 0; i < SIZE; i++) {
		struct vq_buf b = { 0x10000 + (uint64_t)i * BUF, BUF, true };
		CHECK(vq_add(&vq, &b, 1, &cookies[i]) >= 0);
	}
}

static void device_put(uint32_t id, uint32_t len)
{
	used.u.ring[used.u.idx % SIZE].id = id;
	used.u.ring[used.u.idx % SIZE].len = len;
	used.u.idx++;
}

/* The frame length the driver takes from the next used entry; -1 when
 * the entry itself was garbage, -2 when there was none. */
static long next_frame(void)
{
	struct vq_done d;
	int rc = vq_reap(&vq, &d);

	if (rc == 0)
		return -2;
	if (rc < 0)
		return -1;
	return vnet_frame_len(&d);
}

static void test_honest_frames(void)
{
	posted();
	device_put(avail.a.ring[0], 12 + 60);
	device_put(avail.a.ring[1], 12 + 1514);
	device_put(avail.a.ring[2], 12 + 14);
	CHECK_EQ(next_frame(), 60);
	CHECK_EQ(next_frame(), 1514);
	CHECK_EQ(next_frame(), 14);
	CHECK_EQ(next_frame(), -2);
	CHECK_EQ(vq.garbage, 0);
}

static void test_lengths_that_are_no_frame(void)
{
	posted();
	device_put(avail.a.ring[0], 0);                 /* nothing at all */
	device_put(avail.a.ring[1], 11);                /* less than the header */
	device_put(avail.a.ring[2], 12 + 13);           /* a runt */
	device_put(avail.a.ring[3], 12 + 1515);         /* a giant, inside the buffer */
	device_put(avail.a.ring[4], BUF + 1);           /* past the buffer */
	device_put(avail.a.ring[5], 0xffffffffu);
	for (int i = 0; i < 6; i++)
		CHECK_EQ(next_frame(), 0);
	/* Each buffer came back: the driver posts it again. */
	CHECK_EQ(vq_in_flight(&vq), SIZE - 6);
	CHECK_EQ(vq.garbage, 2);                        /* the two past the buffer */
}

static void test_ids_that_are_garbage(void)
{
	posted();
	uint16_t first = avail.a.ring[0];
	device_put(SIZE + 3, 100);                      /* never a descriptor */
	device_put(first, 100);
	device_put(first, 100);                         /* returned twice */
	device_put(0xffffffffu, 100);
	CHECK_EQ(next_frame(), -1);
	CHECK_EQ(next_frame(), 88);
	CHECK_EQ(next_frame(), -1);
	CHECK_EQ(next_frame(), -1);
	CHECK_EQ(next_frame(), -2);
	CHECK_EQ(vq.garbage, 3);
	CHECK(!vq.broken);
	/* The honest buffer can be posted again and comes back again. */
	struct vq_buf b = { 0x10000, BUF, true };
	int head = vq_add(&vq, &b, 1, &cookies[0]);
	CHECK(head >= 0);
	device_put((uint32_t)head, 12 + 42);
	CHECK_EQ(next_frame(), 42);
}

static void test_index_far_ahead(void)
{
	posted();
	used.u.idx = (uint16_t)(SIZE + 5);              /* more than are in flight */
	CHECK_EQ(next_frame(), -1);
	CHECK(vq.broken);
	CHECK_EQ(next_frame(), -1);
	struct vq_buf b = { 0x10000, BUF, true };
	CHECK_EQ(vq_add(&vq, &b, 1, &cookies[0]), -EINVAL);
	int taken = 0;
	while (vq_take(&vq))
		taken++;
	CHECK_EQ(taken, SIZE);
}

UNIT_MAIN(UNIT(test_honest_frames), UNIT(test_lengths_that_are_no_frame),
	  UNIT(test_ids_that_are_garbage), UNIT(test_index_far_ahead))
