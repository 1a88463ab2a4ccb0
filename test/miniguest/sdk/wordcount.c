/* Built into libwordcount.a, linked with -L. -lwordcount. */
#include <ctype.h>
#include <math.h>

#include "wordcount.h"

struct counts count_stream(FILE *f)
{
	struct counts c = { 0, 0, 0 };
	int ch, in_word = 0;

	while ((ch = fgetc(f)) != EOF) {
		c.bytes++;
		if (ch == '\n')
			c.lines++;
		if (isspace(ch)) {
			in_word = 0;
		} else if (!in_word) {
			in_word = 1;
			c.words++;
		}
	}
	return c;
}

double mean_word_length(const struct counts *c)
{
	return c->words ? round(10.0 * (double)(c->bytes - c->lines) / (double)c->words) / 10.0
			: 0.0;
}
