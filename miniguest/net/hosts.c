/* /etc/hosts: lines of an address and its names, # to the line's end. */
#include <arpa/inet.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "net/hosts.h"

#define HOSTS_PATH "/etc/hosts"

/* Calls match(addr, name, arg) for each name of each IPv4 line until it
 * returns true; whether one did. */
static bool each_name(bool (*match)(uint32_t, const char *, void *), void *arg)
{
	FILE *f = fopen(HOSTS_PATH, "r");
	char line[512];
	bool found = false;

	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f)) {
		char *save, *word;
		struct in_addr a;

		line[strcspn(line, "#\n")] = '\0';
		word = strtok_r(line, " \t\r", &save);
		if (!word || inet_pton(AF_INET, word, &a) != 1)
			continue;
		while (!found && (word = strtok_r(NULL, " \t\r", &save)))
			found = match(ntohl(a.s_addr), word, arg);
	}
	fclose(f);
	return found;
}

struct by_name {
	const char *name;
	uint32_t addr;
};

static bool same_name(uint32_t addr, const char *name, void *arg)
{
	struct by_name *q = arg;

	if (strcasecmp(name, q->name) != 0)
		return false;
	q->addr = addr;
	return true;
}

bool hosts_lookup(const char *name, uint32_t *addr)
{
	struct by_name q = { name, 0 };

	if (!each_name(same_name, &q))
		return false;
	*addr = q.addr;
	return true;
}

struct by_addr {
	uint32_t addr;
	char *buf;
	size_t len;
	bool fits;
};

static bool same_addr(uint32_t addr, const char *name, void *arg)
{
	struct by_addr *q = arg;

	if (addr != q->addr)
		return false;
	q->fits = strlen(name) < q->len;
	if (q->fits)
		strcpy(q->buf, name);
	return true;
}

bool hosts_name(uint32_t addr, char *buf, size_t len)
{
	struct by_addr q = { addr, buf, len, false };

	if (each_name(same_addr, &q))
		return q.fits;
	if (addr == INADDR_LOOPBACK && len > strlen("localhost")) {
		strcpy(buf, "localhost");
		return true;
	}
	return false;
}
