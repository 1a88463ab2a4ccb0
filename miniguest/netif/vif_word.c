/* dom0's vif=GUESTNAME[:rx=copy|flip] words, read apart from the store so
 * that host tests can feed them garbage. */
#include <string.h>

#include "netif.h"

bool netif_vif_word(const char *word, struct vif_word *out)
{
	const char *name, *opt;
	size_t len;

	if (strncmp(word, "vif=", 4) != 0)
		return false;
	name = word + 4;
	opt = strchr(name, ':');
	len = opt ? (size_t)(opt - name) : strlen(name);
	/* A store name: not empty, no separator of its own, room for the NUL. */
	if (len == 0 || len >= sizeof(out->guest) || memchr(name, '/', len))
		return false;
	if (!opt || strcmp(opt, ":rx=copy") == 0)
		out->rx_flip = false;
	else if (strcmp(opt, ":rx=flip") == 0)
		out->rx_flip = true;
	else
		return false;
	memcpy(out->guest, name, len);
	out->guest[len] = '\0';
	return true;
}
