/* The socket guest: BSD sockets over lwIP's loopback interface, one guest
 * talking to itself, with the errors POSIX gives. Booted with files/ as
 * its archive (/etc/hosts). With the argument "bench", the throughput
 * benchmark instead (bench.c). */
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "net_test.h"

int check_failures, check_count;

struct sockaddr_in loopback(int port)
{
	struct sockaddr_in a;

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t)port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

int listener(int port)
{
	struct sockaddr_in a = loopback(port);
	int one = 1, fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(fd, 16) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

int connected(int port)
{
	struct sockaddr_in a = loopback(port);
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&a, sizeof(a)) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "bench") == 0)
		return bench();
	test_names();
	test_tcp();
	test_udp();
	test_errors();
	test_nonblocking();
	test_options();
	return check_finish();
}
