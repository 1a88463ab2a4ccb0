#ifndef WORDCOUNT_H
#define WORDCOUNT_H

#include <stdio.h>

struct counts {
	long lines, words, bytes;
};

/* Counts like wc(1). */
struct counts count_stream(FILE *f);
double mean_word_length(const struct counts *c);

#endif
