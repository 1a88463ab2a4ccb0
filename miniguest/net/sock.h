/* The socket layer: each socket is a descriptor whose open file (fd.h's
 * ops files) holds an lwIP socket number. These files see lwIP's headers
 * only, never the SDK's <sys/socket.h>; the two agree on every structure
 * and number (the SDK's are lwIP's), so the calls pass them through. */
#ifndef MINIGUEST_NET_SOCK_H
#define MINIGUEST_NET_SOCK_H

#include <fcntl.h>              /* before lwIP's: newlib's O_NONBLOCK */

#include "lwip/sockets.h"

/* A socket descriptor's open file holds this. */
struct sock {
	int s;                  /* lwIP's socket number */
	int type;               /* SOCK_STREAM or SOCK_DGRAM */
	int connected;          /* a stream known to have (had) a peer */
};

/* The socket behind fd; NULL with errno EBADF or ENOTSOCK. */
struct sock *sock_get(int fd);

/* Its lwIP socket number; -1 with errno EBADF or ENOTSOCK. */
int sock_of(int fd);

/* For a stream: 0 once it has had a peer, else -1 with ENOTCONN (lwIP
 * would wait for data that cannot come). Datagrams: always 0. */
int sock_need_peer(struct sock *k);

/* A new descriptor for lwIP socket s of type (closed on failure: -1 with errno).
 * flags: O_NONBLOCK and O_CLOEXEC; an accepted stream is connected. */
int sock_install(int s, int type, int flags);

/* r from a send on k, errno as POSIX has it: a stream that had a peer
 * and can send no more is EPIPE (lwIP says ENOTCONN), a destination no
 * interface routes to ENETUNREACH (lwIP says EHOSTUNREACH). There are
 * no signals, so no SIGPIPE either. */
long sock_sent(struct sock *k, long r);

/* Starts lwIP's thread and the loopback interface, once; 0, or -1 with
 * errno ENOMEM. */
int net_start(void);
/* netfront_if.c, in programs linked with netfront: bring every vif up
 * (net_start calls it once, after lwIP's start): how many. */
int net_netfront_up(void);

/* -1 with errno e. */
int sock_fail(int e);

#endif
