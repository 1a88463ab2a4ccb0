/* HYPERVISOR_event_channel_op(cmd, arg): event channels, the ABI's one
 * asynchronous notification. A port is a bit of pending state in the
 * receiving domain's shared_info (see shared_info.h for delivery); what a
 * port is connected to -- another domain's port, a virtual IRQ, a physical
 * IRQ or an IPI between the domain's own vCPUs -- is set up here.
 *
 * arg is the guest address of the command's struct; OUT fields are written
 * back on success. Ports are numbered from 1 (port 0 is never allocated) up
 * to NR_EVENT_CHANNELS - 1 with the 2-level ABI. Unprivileged domains MUST
 * name themselves (DOMID_SELF) wherever a struct names a local domain. */
#ifndef PVABI_EVENT_CHANNEL_H
#define PVABI_EVENT_CHANNEL_H

#define EVTCHNOP_bind_interdomain  0
#define EVTCHNOP_bind_virq         1
#define EVTCHNOP_bind_pirq         2
#define EVTCHNOP_close             3
#define EVTCHNOP_send              4
#define EVTCHNOP_status            5
#define EVTCHNOP_alloc_unbound     6
#define EVTCHNOP_bind_ipi          7
#define EVTCHNOP_bind_vcpu         8
#define EVTCHNOP_unmask            9
#define EVTCHNOP_reset            10
#define EVTCHNOP_init_control     11   /* FIFO ABI */
#define EVTCHNOP_expand_array     12   /* FIFO ABI */
#define EVTCHNOP_set_priority     13   /* FIFO ABI */

/* Ports of the 2-level ABI: as many as bits in 32 words of 32 bits. */
#define EVTCHN_2L_NR_CHANNELS  1024
#define NR_EVENT_CHANNELS      EVTCHN_2L_NR_CHANNELS

/* Virtual IRQs. Per-vCPU ones (V) are bound once on each vCPU and stay
 * there; per-domain (D) and global (G) ones are bound once, on vCPU 0, and
 * may then move (EVTCHNOP_bind_vcpu); a global one has one domain at a time. */
#define VIRQ_TIMER        0  /* V: the set_timer_op deadline passed */
#define VIRQ_DEBUG        1  /* V: asked to dump debug state */
#define VIRQ_CONSOLE      2  /* G: hypervisor console input */
#define VIRQ_DOM_EXC      3  /* G: a domain shut down or crashed */
#define VIRQ_TBUF         4  /* G: trace buffers have records */
#define VIRQ_DEBUGGER     6  /* G: a domain paused for a debugger */
#define VIRQ_XENOPROF     7  /* V: profiling sample */
#define VIRQ_CON_RING     8  /* G: hypervisor console ring has output */
#define VIRQ_PCPU_STATE   9  /* G: a physical CPU changed state */
#define VIRQ_MEM_EVENT   10  /* G: a memory event */
#define VIRQ_ARGO        11  /* D: Argo message */
#define VIRQ_ENOMEM      12  /* G: hypervisor heap is low */
#define VIRQ_XENPMU      13  /* V: performance counter interrupt */
#define VIRQ_ARCH_0      16
#define VIRQ_ARCH_1      17
#define VIRQ_ARCH_2      18
#define VIRQ_ARCH_3      19
#define VIRQ_ARCH_4      20
#define VIRQ_ARCH_5      21
#define VIRQ_ARCH_6      22
#define VIRQ_ARCH_7      23
#define VIRQ_MCA         VIRQ_ARCH_0  /* G: machine check (x86) */
#define NR_VIRQS         24

/* evtchn_status.status */
#define EVTCHNSTAT_closed       0  /* free */
#define EVTCHNSTAT_unbound      1  /* waiting for a remote domain to bind */
#define EVTCHNSTAT_interdomain  2  /* connected to a remote port */
#define EVTCHNSTAT_pirq         3  /* bound to a physical IRQ */
#define EVTCHNSTAT_virq         4  /* bound to a virtual IRQ */
#define EVTCHNSTAT_ipi          5  /* bound to an IPI */

/* evtchn_bind_pirq.flags */
#define BIND_PIRQ__WILL_SHARE   1

#ifndef __ASSEMBLER__

#include "types.h"

typedef uint32_t evtchn_port_t;

/* Allocate a port in dom that remote_dom (may be DOMID_SELF) may bind to. */
struct evtchn_alloc_unbound {
	domid_t dom, remote_dom;   /* IN */
	evtchn_port_t port;        /* OUT */
};
typedef struct evtchn_alloc_unbound evtchn_alloc_unbound_t;
PV_CHECK_SIZE(struct evtchn_alloc_unbound, 8);
PV_CHECK_OFFSET(struct evtchn_alloc_unbound, port, 4);

/* Connect a new local port to remote_dom's unbound port remote_port, which
 * MUST have been allocated for the caller. The new port starts pending. */
struct evtchn_bind_interdomain {
	domid_t remote_dom;        /* IN */
	evtchn_port_t remote_port; /* IN */
	evtchn_port_t local_port;  /* OUT */
};
typedef struct evtchn_bind_interdomain evtchn_bind_interdomain_t;
PV_CHECK_SIZE(struct evtchn_bind_interdomain, 12);
PV_CHECK_OFFSET(struct evtchn_bind_interdomain, remote_port, 4);
PV_CHECK_OFFSET(struct evtchn_bind_interdomain, local_port, 8);

struct evtchn_bind_virq {
	uint32_t virq;             /* IN: VIRQ_* */
	uint32_t vcpu;             /* IN */
	evtchn_port_t port;        /* OUT */
};
typedef struct evtchn_bind_virq evtchn_bind_virq_t;
PV_CHECK_SIZE(struct evtchn_bind_virq, 12);

/* Privileged: a physical IRQ, at most one port per domain. */
struct evtchn_bind_pirq {
	uint32_t pirq;             /* IN */
	uint32_t flags;            /* IN: BIND_PIRQ__* */
	evtchn_port_t port;        /* OUT */
};
typedef struct evtchn_bind_pirq evtchn_bind_pirq_t;
PV_CHECK_SIZE(struct evtchn_bind_pirq, 12);

/* A port that the domain's vCPUs notify to interrupt vcpu. */
struct evtchn_bind_ipi {
	uint32_t vcpu;             /* IN */
	evtchn_port_t port;        /* OUT */
};
typedef struct evtchn_bind_ipi evtchn_bind_ipi_t;
PV_CHECK_SIZE(struct evtchn_bind_ipi, 8);

/* Close a local port; an interdomain peer goes back to unbound. */
struct evtchn_close {
	evtchn_port_t port;
};
typedef struct evtchn_close evtchn_close_t;
PV_CHECK_SIZE(struct evtchn_close, 4);

/* Make the other end of port pending. */
struct evtchn_send {
	evtchn_port_t port;
};
typedef struct evtchn_send evtchn_send_t;
PV_CHECK_SIZE(struct evtchn_send, 4);

struct evtchn_status {
	domid_t dom;               /* IN */
	evtchn_port_t port;        /* IN */
	uint32_t status;           /* OUT: EVTCHNSTAT_* */
	uint32_t vcpu;             /* OUT: the vCPU it notifies */
	union {                    /* OUT, by status */
		struct {
			domid_t dom;
		} unbound;
		struct {
			domid_t dom;
			evtchn_port_t port;
		} interdomain;
		uint32_t pirq;
		uint32_t virq;
	} u;
};
typedef struct evtchn_status evtchn_status_t;
PV_CHECK_SIZE(struct evtchn_status, 24);
PV_CHECK_OFFSET(struct evtchn_status, port, 4);
PV_CHECK_OFFSET(struct evtchn_status, status, 8);
PV_CHECK_OFFSET(struct evtchn_status, vcpu, 12);
PV_CHECK_OFFSET(struct evtchn_status, u, 16);
PV_CHECK_OFFSET(struct evtchn_status, u.interdomain.port, 20);

/* Notify vcpu instead for this port (not for per-vCPU VIRQs or IPIs). */
struct evtchn_bind_vcpu {
	evtchn_port_t port;
	uint32_t vcpu;
};
typedef struct evtchn_bind_vcpu evtchn_bind_vcpu_t;
PV_CHECK_SIZE(struct evtchn_bind_vcpu, 8);

/* Clear port's mask bit and, if it is pending, notify as if it had just
 * become pending. */
struct evtchn_unmask {
	evtchn_port_t port;
};
typedef struct evtchn_unmask evtchn_unmask_t;
PV_CHECK_SIZE(struct evtchn_unmask, 4);

/* Close every port of dom. */
struct evtchn_reset {
	domid_t dom;
};
typedef struct evtchn_reset evtchn_reset_t;
PV_CHECK_SIZE(struct evtchn_reset, 2);

/* FIFO ABI (the hypervisor MAY answer -XEN_ENOSYS to all three). */
struct evtchn_init_control {
	pv_u64 control_gfn;        /* IN */
	uint32_t offset;           /* IN */
	uint32_t vcpu;             /* IN */
	uint8_t link_bits;         /* OUT */
	uint8_t _pad[7];
};
typedef struct evtchn_init_control evtchn_init_control_t;
PV_CHECK_SIZE(struct evtchn_init_control, 24);
PV_CHECK_OFFSET(struct evtchn_init_control, offset, 8);
PV_CHECK_OFFSET(struct evtchn_init_control, link_bits, 16);

struct evtchn_expand_array {
	pv_u64 array_gfn;          /* IN */
};
typedef struct evtchn_expand_array evtchn_expand_array_t;
PV_CHECK_SIZE(struct evtchn_expand_array, 8);

struct evtchn_set_priority {
	evtchn_port_t port;
	uint32_t priority;
};
typedef struct evtchn_set_priority evtchn_set_priority_t;
PV_CHECK_SIZE(struct evtchn_set_priority, 8);

/* The FIFO ABI's guest memory. Each event is a 32-bit word in the event
 * array (pages given with expand_array, 1024 words each, port N in word
 * N % 1024 of page N / 1024): PENDING, MASKED, LINKED and BUSY bits and a
 * LINK to the next event of its queue. Each vCPU has a control block (in a
 * page given with init_control, at an 8-byte-aligned offset): a READY bit
 * per priority whose queue has events, and the HEAD port of each queue.
 * The hypervisor links an event onto the tail of its queue; the guest
 * takes events from the head and clears LINKED as it goes. */
typedef uint32_t event_word_t;

#define EVTCHN_FIFO_PENDING     31
#define EVTCHN_FIFO_MASKED      30
#define EVTCHN_FIFO_LINKED      29
#define EVTCHN_FIFO_BUSY        28
#define EVTCHN_FIFO_LINK_BITS   17
#define EVTCHN_FIFO_LINK_MASK   ((1u << EVTCHN_FIFO_LINK_BITS) - 1)
#define EVTCHN_FIFO_NR_CHANNELS (1u << EVTCHN_FIFO_LINK_BITS)

#define EVTCHN_FIFO_PRIORITY_MAX      0   /* the most urgent */
#define EVTCHN_FIFO_PRIORITY_DEFAULT  7
#define EVTCHN_FIFO_PRIORITY_MIN     15
#define EVTCHN_FIFO_MAX_QUEUES       (EVTCHN_FIFO_PRIORITY_MIN + 1)

struct evtchn_fifo_control_block {
	uint32_t ready;            /* bit q: queue q has events */
	uint32_t _rsvd;
	event_word_t head[EVTCHN_FIFO_MAX_QUEUES];
};
typedef struct evtchn_fifo_control_block evtchn_fifo_control_block_t;
PV_CHECK_SIZE(struct evtchn_fifo_control_block, 72);

/* The argument of __HYPERVISOR_event_channel_op_compat: cmd and struct in
 * one. New guests SHOULD use event_channel_op. */
struct evtchn_op {
	uint32_t cmd;              /* EVTCHNOP_* (0-9) */
	union {
		evtchn_alloc_unbound_t alloc_unbound;
		evtchn_bind_interdomain_t bind_interdomain;
		evtchn_bind_virq_t bind_virq;
		evtchn_bind_pirq_t bind_pirq;
		evtchn_bind_ipi_t bind_ipi;
		evtchn_close_t close;
		evtchn_send_t send;
		evtchn_status_t status;
		evtchn_bind_vcpu_t bind_vcpu;
		evtchn_unmask_t unmask;
	} u;
};
typedef struct evtchn_op evtchn_op_t;
PV_CHECK_SIZE(struct evtchn_op, 28);
PV_CHECK_OFFSET(struct evtchn_op, u, 4);

#endif /* !__ASSEMBLER__ */

#endif
