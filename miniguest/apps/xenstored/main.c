/* The store's server alone as domain 0 (miniguest/store/server.c): it
 * powers off when the last other domain has ended. */
#include "store/server.h"

int main(void)
{
	if (xenstored_init(true) < 0)
		return 1;
	xenstored_run();
	return 0;
}
