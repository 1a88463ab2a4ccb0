#include "console/filter.h"

size_t console_filter(char *buf, size_t n)
{
	size_t kept = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)buf[i];
		if (c == 0)
			continue;
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
			c = '?';
		buf[kept++] = (char)c;
	}
	return kept;
}
