/* A stand-in for physical memory in the boot information tests.
 *
 * The reader serves a byte buffer placed at a chosen physical base and
 * refuses anything outside it. Each answer is a fresh heap copy of exactly
 * the bytes asked for, and the previous answer is freed: ASan then catches
 * a parser that reads past what it asked for, or that keeps using a
 * pointer after its next read. */
#ifndef FAKEMEM_H
#define FAKEMEM_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct fakemem {
	uint8_t *bytes;
	uint64_t base;
	size_t size;
	void *last;          /* the copy handed out most recently */
	unsigned reads, refused;
};

static inline void fakemem_init(struct fakemem *m, uint64_t base, size_t size)
{
	m->bytes = calloc(1, size);
	m->base = base;
	m->size = size;
	m->last = NULL;
	m->reads = m->refused = 0;
}

static inline void fakemem_free(struct fakemem *m)
{
	free(m->last);
	free(m->bytes);
	m->last = m->bytes = NULL;
}

static inline const void *fakemem_read(void *ctx, uint64_t pa, uint32_t len)
{
	struct fakemem *m = ctx;

	m->reads++;
	free(m->last);
	m->last = NULL;
	if (pa < m->base || pa - m->base > m->size || len > m->size - (pa - m->base)) {
		m->refused++;
		return NULL;
	}
	/* malloc(0) may return NULL, which would read as a refusal. */
	m->last = malloc(len ? len : 1);
	memcpy(m->last, m->bytes + (pa - m->base), len);
	return m->last;
}

/* Little-endian stores at physical addresses. */
static inline uint8_t *fakemem_at(struct fakemem *m, uint64_t pa, size_t len)
{
	if (pa < m->base || pa - m->base + len > m->size)
		abort();   /* a broken test, not a parser bug */
	return m->bytes + (pa - m->base);
}

static inline void fakemem_put32(struct fakemem *m, uint64_t pa, uint32_t v)
{
	uint8_t *p = fakemem_at(m, pa, 4);

	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> 8 * i);
}

static inline void fakemem_put64(struct fakemem *m, uint64_t pa, uint64_t v)
{
	fakemem_put32(m, pa, (uint32_t)v);
	fakemem_put32(m, pa + 4, (uint32_t)(v >> 32));
}

static inline void fakemem_puts(struct fakemem *m, uint64_t pa, const char *s)
{
	size_t n = strlen(s) + 1;

	memcpy(fakemem_at(m, pa, n), s, n);
}

/* A deterministic generator for the fuzz loops (xorshift64). */
static inline uint64_t fuzz_next(uint64_t *state)
{
	uint64_t x = *state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return *state = x;
}

#endif
