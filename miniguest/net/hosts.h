/* /etc/hosts, read at each lookup (it is small, and may change). */
#ifndef MINIGUEST_NET_HOSTS_H
#define MINIGUEST_NET_HOSTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The first IPv4 address named name (any of its names, case ignored), in
 * host byte order; "localhost" is 127.0.0.1 without the file. */
bool hosts_lookup(const char *name, uint32_t *addr);

/* The first name of addr (host byte order) into buf; false when it has
 * none or it does not fit. */
bool hosts_name(uint32_t addr, char *buf, size_t len);

#endif
