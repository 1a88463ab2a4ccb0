/* files: what the app writes under a directory and how it is checked. */
#ifndef FILES_H
#define FILES_H

#include <stddef.h>
#include <stdint.h>

/* A file that is there after a write, by its path under the directory,
 * the name its contents derive from, and its length. */
struct expected {
	const char *path;
	const char *name;
	size_t len;
};

extern const struct expected expected[];
extern const unsigned n_expected;
/* Paths a write made and then renamed or unlinked: absent after it. */
extern const char *const absent[];
extern const unsigned n_absent;

/* Bytes [off, off+len) of the contents called name for seed: printable
 * lines, different for every name and seed. */
void contents(const char *name, unsigned seed, size_t off, char *buf, size_t len);
uint32_t fnv1a(const void *buf, size_t len);

int write_files(const char *dir, unsigned seed);
int check_files(const char *dir, unsigned seed);
/* On a read-only disk: each change refused with EROFS, hello.txt as it was. */
int readonly_files(const char *dir);
/* Files written after "synced" and never synced: what a kill may lose. */
void write_unsynced(const char *dir);

#endif
