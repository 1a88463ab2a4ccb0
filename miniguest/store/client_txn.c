/* A transaction that starts again when its commit meets another's
 * (STORE-7's EAGAIN), as a frontend writing its ring details does. */
#include <string.h>

#include "store/client.h"

int xs_transaction_retry(int (*fn)(uint32_t tx, void *arg), void *arg, unsigned tries)
{
	int rc = -2;                            /* EINVAL: no tries */

	for (unsigned i = 0; i < tries; i++) {
		uint32_t tx;
		rc = xs_transaction_start(&tx);
		if (rc < 0)
			return rc;
		rc = fn(tx, arg);
		if (rc < 0) {
			xs_transaction_end(tx, false);
			return rc;
		}
		rc = xs_transaction_end(tx, true);
		if (rc >= 0 || strcmp(xs_error_name(rc), "EAGAIN") != 0)
			return rc;
	}
	return rc;
}
