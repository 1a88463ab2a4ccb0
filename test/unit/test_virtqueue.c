/* Split virtqueues (miniguest/virtio/virtqueue.c) against a fake device
 * that plays by the rules, and one that writes garbage into the used
 * ring: ids never posted, ids already returned, lengths beyond the
 * buffers, an index far ahead. Also virtio-blk's range check and q35's
 * INTx routing. */
#include <errno.h>
#include <stdlib.h>

#include "unit.h"
#include "miniguest/virtio/blk_check.h"
#include "miniguest/virtio/q35.h"
#include "miniguest/virtio/virtqueue.h"

#define SIZE 16

static struct vq_desc desc[SIZE];
static union { struct vq_avail a; uint8_t b[VQ_AVAIL_BYTES(SIZE)]; } avail;
static union { struct vq_used u; uint8_t b[VQ_USED_BYTES(SIZE)]; } used;
static struct virtqueue vq;
static int cookies[64];

static void fresh(void)
{
	memset(desc, 0, sizeof(desc));
	memset(&avail, 0, sizeof(avail));
	memset(&used, 0, sizeof(used));
	CHECK(vq_init(&vq, SIZE, desc, &avail.a, &used.u));
}

/* The device's side: takes the next avail entry, walks its chain (bounded)
 * and returns it with len; the head. */
static uint16_t device_take(uint16_t *avail_seen)
{
	uint16_t head = avail.a.ring[*avail_seen % SIZE];
	(*avail_seen)++;
	return head;
}

static void device_put(uint32_t id, uint32_t len)
{
	used.u.ring[used.u.idx % SIZE].id = id;
	used.u.ring[used.u.idx % SIZE].len = len;
	used.u.idx++;
}

static int add3(int *cookie)
{
	struct vq_buf b[3] = { { 0x1000, 16, false }, { 0x2000, 512, true }, { 0x3000, 1, true } };
	return vq_add(&vq, b, 3, cookie);
}

/* A fresh queue with one chain (cookies[0]) the device has taken. */
static int one_taken(void)
{
	uint16_t seen = 0;

	fresh();
	int a = add3(&cookies[0]);
	device_take(&seen);
	return a;
}

static void test_init_sizes(void)
{
	CHECK(!vq_init(&vq, 0, desc, &avail.a, &used.u));
	CHECK(!vq_init(&vq, 12, desc, &avail.a, &used.u));
	CHECK(!vq_init(&vq, 512, desc, &avail.a, &used.u));
	CHECK(vq_init(&vq, 1, desc, &avail.a, &used.u));
	CHECK_EQ(VQ_DESC_BYTES(VQ_MAX_SIZE), 4096);
	CHECK(VQ_AVAIL_BYTES(VQ_MAX_SIZE) <= 4096 && VQ_USED_BYTES(VQ_MAX_SIZE) <= 4096);
}

static void test_chain_layout(void)
{
	fresh();
	int head = add3(&cookies[0]);
	CHECK(head >= 0);
	CHECK_EQ(avail.a.idx, 1);
	CHECK_EQ(avail.a.ring[0], head);
	uint16_t i = (uint16_t)head;
	CHECK_EQ(desc[i].addr, 0x1000);
	CHECK_EQ(desc[i].flags, VQ_DESC_F_NEXT);
	i = desc[i].next;
	CHECK_EQ(desc[i].addr, 0x2000);
	CHECK_EQ(desc[i].flags, VQ_DESC_F_NEXT | VQ_DESC_F_WRITE);
	i = desc[i].next;
	CHECK_EQ(desc[i].len, 1);
	CHECK_EQ(desc[i].flags, VQ_DESC_F_WRITE);
	CHECK_EQ(vq_in_flight(&vq), 3);
	CHECK(vq_kick_needed(&vq));
	used.u.flags = VQ_USED_F_NO_NOTIFY;
	CHECK(!vq_kick_needed(&vq));
}

/* Many rounds, finished out of order, the indexes wrapping at 2^16. */
static void test_rounds_out_of_order(void)
{
	uint16_t seen = 0;
	struct vq_done d;

	fresh();
	for (int round = 0; round < 30000; round++) {
		int heads[5];
		for (int k = 0; k < 5; k++)
			heads[k] = add3(&cookies[k]);
		CHECK_EQ(add3(&cookies[5]), -ENOSPC);       /* 15 of 16 taken */
		for (int k = 0; k < 5; k++)
			CHECK_EQ(device_take(&seen), heads[k]);
		for (int k = 4; k >= 0; k--)
			device_put((uint32_t)heads[k], 513);
		for (int k = 4; k >= 0; k--) {
			CHECK_EQ(vq_reap(&vq, &d), 1);
			CHECK(d.cookie == &cookies[k]);
			CHECK_EQ(d.len, 513);
			CHECK(!d.bad_len);
		}
		CHECK_EQ(vq_reap(&vq, &d), 0);
		if (unit_failed_checks)
			return;
	}
	CHECK_EQ(vq_in_flight(&vq), 0);
	CHECK_EQ(vq.garbage, 0);
}

static void test_refusals(void)
{
	struct vq_buf b[SIZE + 1] = { { 0 } };

	fresh();
	CHECK_EQ(vq_add(&vq, b, 0, &cookies[0]), -EINVAL);
	CHECK_EQ(vq_add(&vq, b, SIZE + 1, &cookies[0]), -EINVAL);
	CHECK_EQ(vq_add(&vq, b, 1, NULL), -EINVAL);
	CHECK(vq_add(&vq, b, SIZE, &cookies[0]) >= 0);
	CHECK_EQ(vq_add(&vq, b, 1, &cookies[1]), -ENOSPC);
}

/* Entries naming no chain in flight are thrown away; the chains in
 * flight still come back. */
static void test_garbage_ids(void)
{
	uint16_t seen = 0;
	struct vq_done d;

	fresh();
	int a = add3(&cookies[0]), b = add3(&cookies[1]), c = add3(&cookies[2]);
	for (int k = 0; k < 3; k++)
		device_take(&seen);
	device_put(SIZE + 5, 1);                /* beyond the table */
	device_put(desc[a].next, 1);            /* inside a chain, not its head */
	device_put((uint32_t)b, 1);
	CHECK_EQ(vq_reap(&vq, &d), -EIO);
	CHECK_EQ(vq_reap(&vq, &d), -EIO);
	CHECK_EQ(vq_reap(&vq, &d), 1);
	CHECK(d.cookie == &cookies[1]);
	CHECK_EQ(vq_reap(&vq, &d), 0);
	device_put((uint32_t)b, 1);             /* b again: it was returned */
	device_put(0xffffffffu, 1);
	CHECK_EQ(vq_reap(&vq, &d), -EIO);
	CHECK_EQ(vq_reap(&vq, &d), -EIO);
	CHECK_EQ(vq.garbage, 4);
	CHECK(!vq.broken);
	device_put((uint32_t)c, 1);
	device_put((uint32_t)a, 1);
	CHECK_EQ(vq_reap(&vq, &d), 1);
	CHECK(d.cookie == &cookies[2]);
	CHECK_EQ(vq_reap(&vq, &d), 1);
	CHECK(d.cookie == &cookies[0]);
	CHECK_EQ(vq_in_flight(&vq), 0);
	CHECK_EQ(vq.num_free, SIZE);
}

/* More entries at once than chains in flight: the queue is broken, and
 * what was in flight is taken back. */
static void test_more_than_posted(void)
{
	struct vq_done d;
	int a = one_taken();

	device_put((uint32_t)a, 1);
	device_put((uint32_t)a, 1);
	CHECK_EQ(vq_reap(&vq, &d), -EIO);
	CHECK(vq.broken);
	CHECK_EQ(add3(&cookies[1]), -EINVAL);
	CHECK(vq_take(&vq) == &cookies[0]);
	CHECK(vq_take(&vq) == NULL);
	CHECK_EQ(vq_in_flight(&vq), 0);
}

static void test_len_beyond_buffer(void)
{
	struct vq_done d;
	int a = one_taken();

	device_put((uint32_t)a, 100000);
	CHECK_EQ(vq_reap(&vq, &d), 1);
	CHECK(d.cookie == &cookies[0]);
	CHECK(d.bad_len);
	CHECK_EQ(d.len, 513);                   /* what the chain let it write */
	CHECK_EQ(vq.garbage, 1);
	CHECK_EQ(vq_in_flight(&vq), 0);
}

static void test_index_far_ahead(void)
{
	struct vq_done d;

	fresh();
	add3(&cookies[0]);
	used.u.idx = 40000;
	CHECK_EQ(vq_reap(&vq, &d), -EIO);
	CHECK(vq.broken);
	CHECK_EQ(vq_reap(&vq, &d), -EIO);
	CHECK(vq_take(&vq) == &cookies[0]);
}

/* Random device behaviour: whatever it writes, the driver's books stay
 * straight (every cookie comes back at most once, nothing leaks). */
static void test_random_device(void)
{
	struct vq_done d;
	unsigned x = 99;

	for (int run = 0; run < 200; run++) {
		int back[8] = { 0 };
		fresh();
		for (int k = 0; k < 5; k++)
			add3(&cookies[k]);
		for (int k = 0; k < 8; k++) {
			x = x * 1103515245u + 12345u;
			device_put((x >> 8) % (SIZE + 2), (x >> 4) % 1000);
		}
		int r;
		for (int n = 0; n < 100 && (r = vq_reap(&vq, &d)) != 0; n++)
			if (r == 1)
				back[(int *)d.cookie - cookies]++;
		void *c;
		while ((c = vq_take(&vq)))
			back[(int *)c - cookies]++;
		for (int k = 0; k < 5; k++)
			CHECK_EQ(back[k], 1);
		CHECK_EQ(vq_in_flight(&vq), 0);
		CHECK_EQ(vq.num_free, SIZE);
	}
}

static void test_blk_check(void)
{
	CHECK_EQ(virtio_blk_check(100, 0, 100, 256), 0);
	CHECK_EQ(virtio_blk_check(100, 99, 1, 256), 0);
	CHECK_EQ(virtio_blk_check(100, 100, 1, 256), -ENOSPC);
	CHECK_EQ(virtio_blk_check(100, 99, 2, 256), -ENOSPC);
	CHECK_EQ(virtio_blk_check(100, UINT64_MAX, 2, 256), -ENOSPC);
	CHECK_EQ(virtio_blk_check(UINT64_MAX, UINT64_MAX - 1, 2, 256), -ENOSPC);
	CHECK_EQ(virtio_blk_check(100, 0, 0, 256), -EINVAL);
	CHECK_EQ(virtio_blk_check(1000, 0, 257, 256), -EINVAL);
	CHECK_EQ(virtio_blk_check(0, 0, 1, 256), -ENOSPC);
}

static void test_q35_routing(void)
{
	CHECK_EQ(q35_intx_gsi(0x10, 1), 20);
	CHECK_EQ(q35_intx_gsi(0x11, 1), 21);
	CHECK_EQ(q35_intx_gsi(0x13, 1), 23);
	CHECK_EQ(q35_intx_gsi(0x13, 2), 20);
	CHECK_EQ(q35_intx_gsi(0x01, 1), 21);
	CHECK_EQ(q35_intx_gsi(0x10, 0), 0);     /* no pin */
	CHECK_EQ(q35_intx_gsi(0x10, 5), 0);
	CHECK_EQ(q35_intx_gsi(0x1f, 1), 0);     /* the chipset's own */
}

UNIT_MAIN(UNIT(test_init_sizes), UNIT(test_chain_layout), UNIT(test_rounds_out_of_order),
	  UNIT(test_refusals), UNIT(test_garbage_ids), UNIT(test_more_than_posted),
	  UNIT(test_len_beyond_buffer), UNIT(test_index_far_ahead), UNIT(test_random_device),
	  UNIT(test_blk_check), UNIT(test_q35_routing))
