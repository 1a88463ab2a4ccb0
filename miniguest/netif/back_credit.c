/* A vif's tx credit (Xen's netback rate key, "BYTES,USECS"). */
#include "back.h"
#include "netif.h"

void netback_credit_set(struct netback_credit *c, uint64_t bytes, uint64_t interval_ns)
{
	*c = (struct netback_credit){ bytes, interval_ns, 0, 0 };
}

void netback_credit_refill(struct netback_credit *c, uint64_t now_ns)
{
	if (!c->bytes || now_ns < c->next_ns)
		return;
	/* Credit adds up to one interval's, or to a whole frame when an
	 * interval gives less, so that every frame goes in the end. */
	uint64_t most = c->bytes > NETIF_ETH_MAX ? c->bytes : NETIF_ETH_MAX;

	c->left = c->left + c->bytes > most ? most : c->left + c->bytes;
	c->next_ns = now_ns + c->interval_ns;
}

bool netback_credit_take(struct netback_credit *c, uint16_t len)
{
	if (!c->bytes)
		return true;
	if (len > c->left)
		return false;
	c->left -= len;
	return true;
}

/* A decimal number at *s up to a stop character: false on overflow. */
static bool number(const char **s, char stop, uint64_t *out)
{
	uint64_t n = 0;
	const char *p = *s;

	if (*p < '0' || *p > '9')
		return false;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (n > (UINT64_MAX - 9) / 10)
			return false;
		n = n * 10 + (uint64_t)(*p - '0');
	}
	if (*p != stop)
		return false;
	*s = p + (stop != '\0');
	*out = n;
	return true;
}

bool netback_rate_parse(const char *s, uint64_t *bytes, uint64_t *interval_ns)
{
	uint64_t b, us;

	if (!number(&s, ',', &b) || !number(&s, '\0', &us) || !b || !us ||
	    us > UINT64_MAX / 1000)
		return false;
	*bytes = b;
	*interval_ns = us * 1000;
	return true;
}
