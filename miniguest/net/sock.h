/* The socket layer: each socket is a descriptor whose open file (fd.h's
 * ops files) holds an lwIP socket number. These files see lwIP's headers
 * only, never the SDK's <sys/socket.h>; the two agree on every structure
 * and number (the SDK's are lwIP's), so the calls pass them through. */
#ifndef MINIGUEST_NET_SOCK_H
#define MINIGUEST_NET_SOCK_H

#include <fcntl.h>              /* before lwIP's: newlib's O_NONBLOCK */

#include "lwip/sockets.h"

/* The lwIP socket behind fd; -1 with errno EBADF or ENOTSOCK. */
int sock_of(int fd);

/* A new descriptor for lwIP socket s (closed on failure: -1 with errno).
 * flags: O_NONBLOCK and O_CLOEXEC. */
int sock_install(int s, int flags);

/* Starts lwIP's thread and the loopback interface, once; 0, or -1 with
 * errno ENOMEM. */
int net_start(void);

/* -1 with errno e. */
int sock_fail(int e);

#endif
