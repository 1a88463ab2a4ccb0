/* The compute benchmark's workload (see work.h). Freestanding C with no
 * library calls, so that the bare kernel and the guest compile the same
 * code; fixed-width types, so that any C implementation gets the same
 * checksum. */
#include "work.h"

#define LIST_NODES 1024
#define MATRIX_N   16
#define BUF_BYTES  4096
#define ARITH_STEPS 512

struct node {
	struct node *next;
	uint32_t value;
};

static struct node nodes[LIST_NODES];
static uint32_t mat_a[MATRIX_N][MATRIX_N], mat_b[MATRIX_N][MATRIX_N];
static uint32_t mat_c[MATRIX_N][MATRIX_N];
static uint8_t buf[BUF_BYTES];
static uint32_t crc_table[256];

/* xorshift32: the workload's only source of "random" numbers. */
static uint32_t next_random(uint32_t *s)
{
	uint32_t x = *s;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*s = x;
	return x;
}

static uint32_t crc32(const uint8_t *p, uint32_t n)
{
	uint32_t crc = 0xffffffffu;

	for (uint32_t i = 0; i < n; i++)
		crc = crc_table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
	return crc ^ 0xffffffffu;
}

static void make_crc_table(void)
{
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t c = i;

		for (int k = 0; k < 8; k++)
			c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
		crc_table[i] = c;
	}
}

/* The nodes linked in one cycle through all of them, in a shuffled order
 * so that each step lands somewhere else in memory. */
static void make_list(uint32_t *s)
{
	static uint16_t order[LIST_NODES];

	for (uint32_t i = 0; i < LIST_NODES; i++)
		order[i] = (uint16_t)i;
	for (uint32_t i = LIST_NODES - 1; i > 0; i--) {
		uint32_t j = next_random(s) % (i + 1);
		uint16_t t = order[i];

		order[i] = order[j];
		order[j] = t;
	}
	for (uint32_t i = 0; i < LIST_NODES; i++) {
		nodes[order[i]].next = &nodes[order[(i + 1) % LIST_NODES]];
		nodes[order[i]].value = next_random(s);
	}
}

int compute_init(void)
{
	static const uint8_t check[] = "123456789";
	uint32_t s = 0x2545f491u;

	make_crc_table();
	make_list(&s);
	for (uint32_t i = 0; i < MATRIX_N; i++)
		for (uint32_t j = 0; j < MATRIX_N; j++) {
			mat_a[i][j] = next_random(&s) & 0xffff;
			mat_b[i][j] = next_random(&s) & 0xffff;
		}
	for (uint32_t i = 0; i < BUF_BYTES; i++)
		buf[i] = (uint8_t)next_random(&s);
	return crc32(check, sizeof(check) - 1) == 0xcbf43926u ? 0 : -1;
}

void compute_corrupt(void)
{
	buf[BUF_BYTES / 2] ^= 0x10;
}

/* Multiplies, divides and shifts: what an ALU does all day. */
static uint32_t arithmetic(uint32_t seed)
{
	uint32_t x = seed | 1, acc = 0;

	for (uint32_t i = 0; i < ARITH_STEPS; i++) {
		x = x * 1664525u + 1013904223u;
		acc += (x >> 7) / ((i & 15) + 3);
		acc ^= acc << 3 | acc >> 29;
	}
	return acc;
}

/* Once round the whole cycle, from a node the seed picks. */
static uint32_t walk_list(uint32_t seed)
{
	const struct node *n = &nodes[seed % LIST_NODES];
	uint32_t sum = 0;

	for (uint32_t i = 0; i < LIST_NODES; i++) {
		sum = sum * 31 + n->value;
		n = n->next;
	}
	return sum;
}

static uint32_t multiply(uint32_t seed)
{
	uint32_t sum = 0;

	mat_a[seed % MATRIX_N][(seed >> 4) % MATRIX_N] ^= seed & 0xff;
	for (uint32_t i = 0; i < MATRIX_N; i++)
		for (uint32_t j = 0; j < MATRIX_N; j++) {
			uint32_t c = 0;

			for (uint32_t k = 0; k < MATRIX_N; k++)
				c += mat_a[i][k] * mat_b[k][j];
			mat_c[i][j] = c;
			sum += c ^ (i << 8 | j);
		}
	return sum;
}

uint32_t compute_run(uint32_t iterations)
{
	uint32_t sum = 0;

	for (uint32_t i = 0; i < iterations; i++) {
		buf[i % BUF_BYTES] ^= (uint8_t)sum;
		sum = (sum << 5 | sum >> 27) ^ arithmetic(sum + i);
		sum = (sum << 5 | sum >> 27) ^ walk_list(sum);
		sum = (sum << 5 | sum >> 27) ^ multiply(sum);
		sum = (sum << 5 | sum >> 27) ^ crc32(buf, BUF_BYTES);
	}
	return sum;
}
