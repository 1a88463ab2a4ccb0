/* wc for miniguest: counts the files named on its command line, which come
 * from the cpio archive it boots with. PREFIX comes from -D. */
#include <stdio.h>
#include <stdlib.h>

#include "wordcount.h"

int main(int argc, char **argv)
{
	int status = 0;

	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "r");
		if (!f) {
			printf(PREFIX "%s: cannot open\n", argv[i]);
			status = 2;
			continue;
		}
		struct counts c = count_stream(f);
		fclose(f);
		printf(PREFIX "%s: %ld lines, %ld words, %ld bytes, mean word %.1f\n", argv[i],
		       c.lines, c.words, c.bytes, mean_word_length(&c));
	}
	printf(PREFIX "%s (%s) done\n", argv[0], getenv("MODE") ? getenv("MODE") : "no MODE");
	return status;
}
