/* Numbers from the command line (lib/cmdline.h). */
#include "cmdline.h"

#include "lib/string.h"
#include "test.h"

uint64_t cmdline_number(const char *key, uint64_t dflt)
{
	size_t n = strlen(key);

	for (const char *s = start_info->cmd_line; *s; s++) {
		if ((s == start_info->cmd_line || s[-1] == ' ') && strncmp(s, key, n) == 0 &&
		    s[n] == '=') {
			uint64_t v = 0;
			for (s += n + 1; *s >= '0' && *s <= '9'; s++)
				v = v * 10 + (uint64_t)(*s - '0');
			return v;
		}
	}
	return dflt;
}
