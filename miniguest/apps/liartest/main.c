/* liartest net|blk: against a backend domain that lies (netliar,
 * blkliar), every device of this domain is used and what the frontend
 * made of it said, one line each; the frontend must not crash or hang,
 * whatever the lie. test/miniguest/netif.tests and blkif.tests check the
 * lines. */
#include <stdio.h>
#include <string.h>

#include "liartest.h"

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "net") == 0)
		net_round();
	else if (argc > 1 && strcmp(argv[1], "blk") == 0)
		blk_round();
	else {
		printf("liartest: net or blk?\n");
		return 1;
	}
	printf("liartest: done\n");
	return 0;
}
