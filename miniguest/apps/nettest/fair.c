/* nettest's share during a flood: the client's TCP echo rate alone (its
 * first run), then again while a hostile guest (nethostile fair) floods
 * the bridge. The two guests speak through the store: the client's key
 * data/flood ("start", then "stop") and the flooder's data/flooding
 * ("1"), each readable by the other. A flooder must not take more than its share:
 * the pair keeps a quarter of its rate alone, a bound a loaded host
 * keeps (the ratio itself is printed). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "nettest.h"
#include "xenbus/xenbus.h"

static void say(const char *value)
{
	char path[48], perms[16];
	int n;

	snprintf(path, sizeof(path), "/local/domain/%d/data/flood", xb_domid());
	xb_write(path, value);
	/* Owned by this domain, readable by every other. */
	n = snprintf(perms, sizeof(perms), "r%d", xb_domid());
	xb_set_perms(path, perms, (uint32_t)n + 1);
}

/* Whether the flooder's key says it floods, within 60 s. */
static int flooding(long peer)
{
	char path[48], value[8];

	snprintf(path, sizeof(path), "/local/domain/%ld/data/flooding", peer);
	for (int i = 0; i < 600; i++) {
		if (xb_read(path, value, sizeof(value)) == 0 && strcmp(value, "1") == 0)
			return 1;
		usleep(100000);
	}
	return 0;
}

void fair(struct in_addr server, uint64_t bytes, double alone, long peer)
{
	say("start");
	int floods = flooding(peer);
	check(floods, "the guest beside us floods the bridge");
	double during = floods ? tcp_client(server, bytes) : 0;
	say("stop");
	check(alone > 0 && during >= alone / 4,
	      "tcp echo during the flood: %.2f MB/s, alone %.2f: %.2f of it (1/4 at least)",
	      during, alone, alone > 0 ? during / alone : 0.0);
}
