/* httpd [PORT] [root=DIR]: a static-file HTTP/1.1 server on PORT (default
 * 80) of every address the domain has (the network device's, when the
 * program has one: boot/run --net). It serves GET and HEAD of the files
 * under DIR (default "/", its cpio archive; /disk/www, say, for a
 * directory of its ext2 disk) with Content-Length and keep-alive, 404 for
 * what is not there, 400 for what is not HTTP, 405 for the other methods
 * HTTP defines, 501 for methods it does not know; a thread a connection,
 * at most CONN_MAX at once (more wait in the listen queue). It runs until
 * the domain is stopped. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>

#include "httpd.h"
#include "kernel/events.h"
#include "kernel/thread.h"

#define CONN_MAX 16

static struct waitqueue room;
static unsigned open_conns;

struct conn {
	int fd;
	unsigned id;
};

static void *run(void *arg)
{
	struct conn c = *(struct conn *)arg;

	free(arg);
	connection(c.fd, c.id);
	open_conns--;
	waitq_wake_all(&room);
	return NULL;
}

static int listener(int port)
{
	int s = socket(AF_INET, SOCK_STREAM, 0), one = 1;
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };

	if (s < 0)
		return -1;
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	a.sin_addr.s_addr = htonl(INADDR_ANY);
	if (bind(s, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(s, CONN_MAX) < 0) {
		close(s);
		return -1;
	}
	return s;
}

int main(int argc, char **argv)
{
	int port = argc > 1 ? atoi(argv[1]) : 80;

	if (port <= 0 || port > 65535) {
		printf("httpd: %s is no port\n", argv[1]);
		return 2;
	}
	const char *root = getenv("root");
	if (root && set_root(root) < 0) {
		printf("httpd: root=%s is no directory\n", root);
		return 1;
	}
	int l = listener(port);
	if (l < 0) {
		printf("httpd: cannot listen on port %d\n", port);
		return 1;
	}
	printf("httpd: serving the files under %s\n", root ? root : "/");
	printf("httpd: listening on port %d\n", port);
	for (unsigned id = 1;; id++) {
		wait_until(&room, open_conns < CONN_MAX);
		int fd = accept(l, NULL, NULL);
		if (fd < 0) {
			/* Out of descriptors, say: others must run to free some. */
			usleep(10000);
			continue;
		}
		struct conn *c = malloc(sizeof(*c));
		pthread_t t;
		if (c) {
			*c = (struct conn){ fd, id };
			open_conns++;
			if (pthread_create(&t, NULL, run, c) == 0) {
				pthread_detach(t);
				continue;
			}
			open_conns--;
			free(c);
		}
		printf("httpd: no thread for connection %u\n", id);
		close(fd);
	}
}
