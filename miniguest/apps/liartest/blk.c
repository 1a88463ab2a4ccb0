/* Each disk: a read of sector 0, then of sector 8, each result said
 * (0, or a negative errno), and how long both took in whole seconds. */
#include <stdio.h>
#include <string.h>

#include "ext2fs/blkdev.h"
#include "kernel/time.h"
#include "liartest.h"

#include "blkif/blkif.h"

void blk_round(void)
{
	static uint8_t buf[4096] __attribute__((aligned(4096)));
	int n = blkfront_probe();

	printf("liartest: %d disk(s)\n", n);
	for (int i = 0; i < n; i++) {
		char name[8];
		snprintf(name, sizeof(name), "xvd%c", 'a' + i);
		struct blkdev *d = blkdev_find(name);
		if (!d) {
			printf("liartest: %s: none\n", name);
			continue;
		}
		uint64_t t0 = time_now_ns();
		int a = blkdev_pread(d, buf, 512, 0);
		int b = blkdev_pread(d, buf, 512, 8 * 512);
		unsigned s = (unsigned)((time_now_ns() - t0) / SECOND);
		printf("liartest: %s: read %d, then %d (%u s)\n", name, a, b, s);
	}
}
