/* The C.UTF-8 locale and newlib's multibyte functions. */
#define _XOPEN_SOURCE 700 /* wcwidth */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "posix_test.h"

void test_locale(void)
{
	const char *text = "na\xc3\xafve \xe2\x82\xac \xf0\x9f\x98\x80";  /* naïve € 😀 */
	wchar_t wide[16];
	char back[32];
	mbstate_t st;
	size_t n;

	CHECK(MB_CUR_MAX == 1, "the C locale at start: MB_CUR_MAX 1");
	CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL, "setlocale(LC_ALL, \"C.UTF-8\")");
	CHECK(MB_CUR_MAX >= 4, "MB_CUR_MAX %d", (int)MB_CUR_MAX);
	n = mbstowcs(wide, text, 16);
	CHECK(n == 9 && wide[2] == 0xef && wide[6] == 0x20ac && wide[8] == 0x1f600,
	      "mbstowcs decodes UTF-8 (%d characters)", (int)n);
	CHECK(wcstombs(back, wide, sizeof(back)) == strlen(text) && strcmp(back, text) == 0,
	      "wcstombs encodes it back");
	CHECK(mblen("\xe2\x82\xac", 3) == 3, "mblen of a 3-byte character");
	memset(&st, 0, sizeof(st));
	wchar_t wc;
	CHECK(mbrtowc(&wc, "\xe2\x82", 2, &st) == (size_t)-2, "mbrtowc: an incomplete character");
	CHECK(mbrtowc(&wc, "\xac", 1, &st) == 1 && wc == 0x20ac, "completed by the next byte");
	memset(&st, 0, sizeof(st));
	errno = 0;
	CHECK(mbrtowc(&wc, "\xff", 1, &st) == (size_t)-1 && errno == EILSEQ,
	      "an invalid byte: EILSEQ");
	CHECK(wcrtomb(back, 0x1f600, NULL) == 4 && memcmp(back, "\xf0\x9f\x98\x80", 4) == 0,
	      "wcrtomb of U+1F600");
	CHECK(strcmp(nl_langinfo(CODESET), "UTF-8") == 0, "nl_langinfo(CODESET): %s",
	      nl_langinfo(CODESET));
	CHECK(snprintf(back, sizeof(back), "%ls", wide + 6) == 8 &&
	      strcmp(back, "\xe2\x82\xac \xf0\x9f\x98\x80") == 0, "printf's %%ls writes UTF-8");
	CHECK(wcwidth(0x20ac) == 1 && wcwidth(0x4e2d) == 2, "wcwidth: 1 for the euro, 2 for a CJK character");
	CHECK(setlocale(LC_ALL, "C") != NULL && MB_CUR_MAX == 1, "back to the C locale");
	CHECK(setlocale(LC_ALL, "xx_YY.nothing") == NULL, "an unknown locale is refused");
}
