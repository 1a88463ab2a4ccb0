#include <stdio.h>
#include <string.h>
#include "store/client.h"
#include "store/ring.h"
#include "kernel/events.h"
#include "kernel/frames.h"
#include "kernel/hypervisor.h"
#include "kernel/thread.h"
#include "kernel/time.h"

#define EVENTS_KEPT 8

static volatile struct xenstore_domain_interface *intf;
static struct waitqueue ring_wq, turn_wq;
static bool busy;
static uint32_t req_ids;
static struct { uint32_t len; char p[XENSTORE_PAYLOAD_MAX]; } kept[EVENTS_KEPT];
static unsigned kept_head, kept_n;

static void on_event(evtchn_port_t port, void *data)
{
	(void)port;
	(void)data;
	waitq_wake_all(&ring_wq);
}

int xs_open(void)
{
	uint32_t pfn = virt_to_pfn(start_info) + 1;     /* BOOT-3: right after start_info */
	if (!start_info->store_mfn || pfn_to_mfn(pfn) != start_info->store_mfn)
		return -1;
	intf = pfn_to_virt(pfn);
	evtchn_set_handler(start_info->store_evtchn, on_event, NULL);
	return 0;
}

static int put_all(const char *p, uint32_t n)
{
	while (n) {
		XENSTORE_RING_IDX cons = intf->req_cons, prod = intf->req_prod;
		int k = xs_ring_put((char *)intf->req, cons, prod, p, n);
		if (k < 0)
			return -1;
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		intf->req_prod = prod + (uint32_t)k;
		evtchn_notify(start_info->store_evtchn);
		p += k;
		n -= (uint32_t)k;
		if (n)
			wait_until(&ring_wq, intf->req_prod - intf->req_cons < XENSTORE_RING_SIZE);
	}
	return 0;
}

static int take_all(char *p, uint32_t n)
{
	while (n) {
		wait_until(&ring_wq, intf->rsp_prod != intf->rsp_cons);
		XENSTORE_RING_IDX cons = intf->rsp_cons, prod = intf->rsp_prod;
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		int k = xs_ring_take((const char *)intf->rsp, cons, prod, p, n);
		if (k < 0)
			return -1;
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		intf->rsp_cons = cons + (uint32_t)k;
		evtchn_notify(start_info->store_evtchn);
		p += k;
		n -= (uint32_t)k;
	}
	return 0;
}

/* One message from the ring; watch events are kept aside. */
static int take_message(struct xsd_sockmsg *h, char *p)
{
	if (take_all((char *)h, sizeof(*h)) < 0 || h->len > XENSTORE_PAYLOAD_MAX ||
	    take_all(p, h->len) < 0)
		return -1;
	if (h->type == XS_WATCH_EVENT && kept_n < EVENTS_KEPT) {
		unsigned at = (kept_head + kept_n++) % EVENTS_KEPT;
		kept[at].len = h->len;
		memcpy(kept[at].p, p, h->len);
	}
	return 0;
}

static const char *const errors[] = {
#define NAME(e) #e,
	XS_ERRORS(NAME)
#undef NAME
};

const char *xs_error_name(int err)
{
	unsigned i = (unsigned)(-err - 2);
	return err < -1 && i < sizeof(errors) / sizeof(errors[0]) ? errors[i] : "EIO";
}

int xs_talk(uint32_t type, uint32_t tx, const char *payload, uint32_t len, char *reply,
	    uint32_t max, uint32_t *rlen)
{
	return xs_talk2(type, tx, payload, len, NULL, 0, reply, max, rlen);
}

int xs_talk2(uint32_t type, uint32_t tx, const char *a, uint32_t alen, const char *b,
	     uint32_t blen, char *reply, uint32_t max, uint32_t *rlen)
{
	static char buf[XENSTORE_PAYLOAD_MAX];
	struct xsd_sockmsg h = { type, 0, tx, alen + blen }, r;
	int rc = -1;

	if (!intf || alen > XENSTORE_PAYLOAD_MAX || blen > XENSTORE_PAYLOAD_MAX - alen)
		return -1;
	/* The parts are the caller's own: nothing shared is filled before
	 * this thread's turn, so threads that wait here cannot overwrite
	 * each other's requests. */
	wait_until(&turn_wq, !busy);
	busy = true;
	h.req_id = ++req_ids;
	if (put_all((const char *)&h, sizeof(h)) < 0 || put_all(a, alen) < 0 ||
	    put_all(b, blen) < 0)
		goto out;
	do
		if (take_message(&r, buf) < 0)
			goto out;
	while (r.type == XS_WATCH_EVENT || r.req_id != h.req_id);
	if (r.type == XS_ERROR) {
		rc = -2;
		for (unsigned i = 0; i < sizeof(errors) / sizeof(errors[0]); i++)
			if (r.len == strlen(errors[i]) + 1 && memcmp(buf, errors[i], r.len) == 0)
				rc = -2 - (int)i;
		goto out;
	}
	uint32_t n = r.len < max ? r.len : (max ? max - 1 : 0);
	if (max) {
		memcpy(reply, buf, n);
		reply[n] = 0;
	}
	if (rlen)
		*rlen = n;
	rc = 0;
out:
	busy = false;
	waitq_wake_all(&turn_wq);
	return rc;
}

bool xs_next_event(char *path, char *token, uint32_t max, uint64_t deadline_ns)
{
	static char buf[XENSTORE_PAYLOAD_MAX];
	struct xsd_sockmsg r;

	while (!kept_n) {
		if (busy || intf->rsp_prod == intf->rsp_cons) {
			if (time_now_ns() >= deadline_ns)
				return false;
			waitq_block_until(&ring_wq, deadline_ns);
			continue;
		}
		busy = true;
		int rc = take_message(&r, buf);
		busy = false;
		waitq_wake_all(&turn_wq);
		if (rc < 0)
			return false;
	}
	const char *p = kept[kept_head].p;
	uint32_t len = kept[kept_head].len;
	kept_head = (kept_head + 1) % EVENTS_KEPT;
	kept_n--;
	const char *tok = memchr(p, 0, len);
	if (!tok || max == 0)
		return false;
	tok++;
	snprintf(path, max, "%s", p);
	snprintf(token, max, "%.*s", (int)(len - (uint32_t)(tok - p)), tok);
	return true;
}
