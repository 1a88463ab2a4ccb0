/* An ext2 image's non-zero 1 KiB blocks on the console, in hex
 * ("ext2dump BLOCK HEX" lines between "ext2dump begin SIZE" and "ext2dump
 * end"), for test/miniguest/ext2/rebuild to make the image again on the
 * host. */
#ifndef MG_TEST_EXT2_DUMP_H
#define MG_TEST_EXT2_DUMP_H

#include <stdio.h>
#include <string.h>

static inline void ext2_dump(const unsigned char *img, size_t len)
{
	static const unsigned char zero[1024];
	static const char hex[] = "0123456789abcdef";
	static char line[2 * 1024 + 1];

	printf("ext2dump begin %zu\n", len);
	for (size_t b = 0; b + 1024 <= len; b += 1024) {
		if (memcmp(img + b, zero, 1024) == 0)
			continue;
		for (size_t i = 0; i < 1024; i++) {
			line[2 * i] = hex[img[b + i] >> 4];
			line[2 * i + 1] = hex[img[b + i] & 15];
		}
		line[2 * 1024] = '\0';
		printf("ext2dump %zu %s\n", b / 1024, line);
	}
	printf("ext2dump end\n");
}

#endif
