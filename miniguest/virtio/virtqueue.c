/* Split virtqueues (virtqueue.h). Indexes are free-running 16-bit
 * counters, as the device keeps them; a ring slot is the index modulo the
 * size. */
#include "virtqueue.h"

#include <errno.h>
#include <stddef.h>

bool vq_init(struct virtqueue *vq, uint16_t size, volatile struct vq_desc *desc,
	     volatile struct vq_avail *avail, volatile struct vq_used *used)
{
	if (size == 0 || size > VQ_MAX_SIZE || (size & (size - 1)))
		return false;
	vq->size = size;
	vq->desc = desc;
	vq->avail = avail;
	vq->used = used;
	vq->num_free = size;
	vq->free_head = 0;
	vq->chains = 0;
	vq->avail_idx = vq->last_used = 0;
	vq->broken = false;
	vq->garbage = 0;
	for (uint16_t i = 0; i < size; i++) {
		vq->next_free[i] = (uint16_t)(i + 1);
		vq->chain_len[i] = 0;
		vq->writable[i] = 0;
		vq->cookie[i] = NULL;
	}
	/* Interrupts wanted: the device may send them after every chain. */
	avail->flags = 0;
	avail->idx = 0;
	return true;
}

int vq_add(struct virtqueue *vq, const struct vq_buf *bufs, unsigned n, void *cookie)
{
	if (vq->broken || n == 0 || n > vq->size || !cookie)
		return -EINVAL;
	if (n > vq->num_free)
		return -ENOSPC;
	uint16_t head = vq->free_head, i = head;
	uint64_t writable = 0;
	for (unsigned k = 0; k < n; k++) {
		uint16_t next = vq->next_free[i];
		vq->desc[i].addr = bufs[k].addr;
		vq->desc[i].len = bufs[k].len;
		vq->desc[i].flags = (uint16_t)((bufs[k].device_writes ? VQ_DESC_F_WRITE : 0) |
					       (k + 1 < n ? VQ_DESC_F_NEXT : 0));
		vq->desc[i].next = k + 1 < n ? next : 0;
		if (bufs[k].device_writes)
			writable += bufs[k].len;
		if (k + 1 < n)
			i = next;
	}
	vq->free_head = vq->next_free[i];
	vq->num_free = (uint16_t)(vq->num_free - n);
	vq->chain_len[head] = (uint16_t)n;
	vq->chains++;
	vq->writable[head] = writable > UINT32_MAX ? UINT32_MAX : (uint32_t)writable;
	vq->cookie[head] = cookie;
	vq->avail->ring[vq->avail_idx % vq->size] = head;
	/* The device must see the descriptors and the ring entry before the
	 * index that hands them over. */
	__atomic_thread_fence(__ATOMIC_RELEASE);
	vq->avail_idx++;
	vq->avail->idx = vq->avail_idx;
	return head;
}

bool vq_kick_needed(const struct virtqueue *vq)
{
	/* The index store above must be visible before the flag is read. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	return !(vq->used->flags & VQ_USED_F_NO_NOTIFY);
}

/* Puts head's chain back on the free list; its cookie. */
static void *release(struct virtqueue *vq, uint16_t head)
{
	void *cookie = vq->cookie[head];
	uint16_t i = head;

	for (uint16_t k = 1; k < vq->chain_len[head]; k++)
		i = vq->next_free[i];
	vq->next_free[i] = vq->free_head;
	vq->free_head = head;
	vq->num_free = (uint16_t)(vq->num_free + vq->chain_len[head]);
	vq->chain_len[head] = 0;
	vq->cookie[head] = NULL;
	vq->chains--;
	return cookie;
}

int vq_reap(struct virtqueue *vq, struct vq_done *d)
{
	if (vq->broken)
		return -EIO;
	uint16_t used_idx = __atomic_load_n(&vq->used->idx, __ATOMIC_ACQUIRE);
	uint16_t ahead = (uint16_t)(used_idx - vq->last_used);
	if (ahead == 0)
		return 0;
	/* More finished than there are chains in flight. */
	if (ahead > vq->chains) {
		vq->broken = true;
		return -EIO;
	}
	struct vq_used_elem e = { vq->used->ring[vq->last_used % vq->size].id,
				  vq->used->ring[vq->last_used % vq->size].len };
	vq->last_used++;
	if (e.id >= vq->size || vq->chain_len[e.id] == 0) {
		vq->garbage++;
		return -EIO;
	}
	d->bad_len = e.len > vq->writable[e.id];
	d->len = d->bad_len ? vq->writable[e.id] : e.len;
	if (d->bad_len)
		vq->garbage++;
	d->cookie = release(vq, (uint16_t)e.id);
	return 1;
}

void *vq_take(struct virtqueue *vq)
{
	for (uint16_t i = 0; i < vq->size; i++)
		if (vq->chain_len[i])
			return release(vq, i);
	return NULL;
}

unsigned vq_in_flight(const struct virtqueue *vq)
{
	return (unsigned)(vq->size - vq->num_free);
}
