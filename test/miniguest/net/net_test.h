/* The socket guest's parts (test/miniguest/net/): each tests one area
 * over the loopback interface, 127.0.0.1. */
#ifndef NET_TEST_H
#define NET_TEST_H

#include <netinet/in.h>

#include "../check.h"

void test_names(void);
void test_tcp(void);
void test_udp(void);
void test_errors(void);
void test_nonblocking(void);
void test_options(void);

/* The benchmark; main's result. */
int bench(void);

/* 127.0.0.1:port. */
struct sockaddr_in loopback(int port);

/* A TCP socket listening on 127.0.0.1:port (backlog 16); -1 on failure. */
int listener(int port);

/* A TCP socket connected to 127.0.0.1:port; -1 on failure. */
int connected(int port);

#endif
