/* The compute benchmark's workload: integer arithmetic, a linked-list walk,
 * a small matrix multiply and CRC-32 over a buffer, each pass feeding the
 * next so that no pass can be skipped. The same source runs as a bare
 * Multiboot kernel and as a guest; both compare the result with
 * COMPUTE_CHECKSUM. */
#ifndef COMPUTE_WORK_H
#define COMPUTE_WORK_H

#include <stdint.h>

/* About 1.5 s under QEMU's TCG on the development machine: long enough
 * that timer interrupts and start-up are a small part of what is timed. */
#define COMPUTE_ITERATIONS 30000u

/* What compute_run(COMPUTE_ITERATIONS) returns after compute_init(). */
#define COMPUTE_CHECKSUM 0xe9623932u

/* The time-stamp counter, which both builds time the workload with. */
static inline uint64_t compute_rdtsc(void)
{
	uint32_t lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

/* Sets up the list, the matrices, the buffer and the CRC table; 0 if
 * CRC-32 of "123456789" is the standard check value, -1 otherwise. */
int compute_init(void);

/* Flips one bit of the buffer: what follows must give a wrong checksum. */
void compute_corrupt(void);

/* Runs iterations passes and returns their checksum. */
uint32_t compute_run(uint32_t iterations);

#endif
