/* A small library the test projects build as a static archive. */
#ifndef TALLY_H
#define TALLY_H

#include <stddef.h>

/* Counts the words (runs of letters) in s. */
size_t tally_words(const char *s);

#endif
