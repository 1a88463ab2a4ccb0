/* The command-line grammar: tokens separated by spaces (or tabs), each
 * either "key" or "key=value". A token "--" ends the options; whatever
 * follows it belongs to a guest. Nothing is copied: options point into
 * the command line itself. */
#ifndef BOOT_CMDLINE_H
#define BOOT_CMDLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cmdline_opt {
	const char *key;
	size_t keylen;
	const char *val;     /* NULL when the token has no '=' */
	size_t vallen;
};

/* Parse the token at or after p into opt. Returns where to continue, or
 * NULL at the end of the string or at "--" (p may be NULL too). Typical
 * use: for (p = cl; (p = cmdline_next(p, &o)); ) ... */
const char *cmdline_next(const char *p, struct cmdline_opt *opt);

/* What follows the "--" token, leading separators skipped ("" when
 * nothing does), or NULL when there is no "--". */
const char *cmdline_rest(const char *cl);

bool cmdline_key_is(const struct cmdline_opt *o, const char *key);

/* 0 if every byte is printable ASCII (0x20..0x7e) or a tab; else -1 and a
 * message naming the offset and byte in err (err may be NULL). */
int cmdline_check(const char *cl, char *err, size_t errlen);

/* Decimal digits with an optional K, M or G suffix (binary units, either
 * case), e.g. "64M". 0 with *out set, or -1 for an empty string, any other
 * character, or a value above 2^64 - 1. */
int parse_size(const char *s, size_t len, uint64_t *out);

/* Decimal, or hexadecimal after "0x"/"0X"; rejects as parse_size does. */
int parse_uint(const char *s, size_t len, uint64_t *out);

#endif
