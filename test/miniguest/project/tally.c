#include <ctype.h>
#include "tally.h"

size_t tally_words(const char *s)
{
	size_t n = 0;
	int in_word = 0;

	for (; *s; s++) {
		int letter = isalpha((unsigned char)*s) != 0;
		if (letter && !in_word)
			n++;
		in_word = letter;
	}
	return n;
}
