/* Little-endian loads from byte buffers that may be unaligned: boot loader
 * structures and guest images sit wherever their producer put them. */
#ifndef LIB_LE_H
#define LIB_LE_H

#include <stdint.h>

static inline uint16_t le16(const void *p)
{
	const uint8_t *b = p;

	return (uint16_t)(b[0] | b[1] << 8);
}

static inline uint32_t le32(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] | (uint32_t)b[1] << 8 |
	       (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static inline uint64_t le64(const void *p)
{
	const uint8_t *b = p;

	return (uint64_t)le32(b) | (uint64_t)le32(b + 4) << 32;
}

#endif
