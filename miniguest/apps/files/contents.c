/* The files' contents: a function of a name, a seed and an offset, so a
 * later boot can recompute what an earlier one wrote. */
#include <string.h>

#include "files.h"

/* The final state after a write (write.c makes it). */
const struct expected expected[] = {
	{ "big.bin", "big", 200 * 1024 + 17 },        /* created, many blocks */
	{ "log.txt", "log", 3000 },                   /* 2000 bytes, then 1000 appended */
	{ "docs/notes.txt", "notes", 1500 },          /* 5000 bytes, rewritten shorter */
	{ "docs/final.txt", "final", 4096 },          /* written as draft.txt, renamed */
};
const unsigned n_expected = sizeof(expected) / sizeof(expected[0]);
const char *const absent[] = { "draft.txt", "scratch.txt" };
const unsigned n_absent = sizeof(absent) / sizeof(absent[0]);

uint32_t fnv1a(const void *buf, size_t len)
{
	const unsigned char *p = buf;
	uint32_t h = 2166136261u;

	while (len--)
		h = (h ^ *p++) * 16777619u;
	return h;
}

void contents(const char *name, unsigned seed, size_t off, char *buf, size_t len)
{
	uint32_t base = fnv1a(name, strlen(name)) ^ (seed * 2654435761u);

	for (size_t i = 0; i < len; i++) {
		size_t at = off + i;
		uint32_t x = (base + (uint32_t)(at / 64)) * 2246822519u;
		buf[i] = at % 64 == 63 ? '\n' : (char)('a' + (x >> 7 ^ (uint32_t)at) % 26);
	}
}
