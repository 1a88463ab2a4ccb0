/* Forced into every file of lwIP's own unit tests (unit-tests): the three
 * macros Debian's port patch makes sockets.c use, which only Debian's
 * POSIX port header defines otherwise; lwIP's test/unit includes a
 * config.h too, and this is it. */
#define IP4ADDR_SOCKADDR_SET_LEN(sin) ((sin)->sin_len = sizeof(struct sockaddr_in))
#define IP6ADDR_SOCKADDR_SET_LEN(sin6) ((sin6)->sin6_len = sizeof(struct sockaddr_in6))
#define IPADDR_SOCKADDR_GET_LEN(addr) ((addr)->sa.sa_len)
