/* one_char.h: a transliterator's result for one code point, shared by the
 * build-time generators (genfold.c, genpinyin.c). Header-only: each
 * generator is one file compiled on its own. */
#ifndef HUIYI_TOOLS_ONE_CHAR_H
#define HUIYI_TOOLS_ONE_CHAR_H

#include <unicode/utf16.h>
#include <unicode/utrans.h>

/* What t makes of c when it is one code point, else c. */
static UChar32 one_char(UTransliterator *t, UChar32 c)
{
	UChar buf[16];
	int32_t len = 0, limit, i = 0;
	UErrorCode st = U_ZERO_ERROR;
	UChar32 out;

	U16_APPEND_UNSAFE(buf, len, c);
	limit = len;
	utrans_transUChars(t, buf, &len, 16, 0, &limit, &st);
	if (U_FAILURE(st) || len < 1)
		return c;
	U16_NEXT(buf, i, len, out);
	return i == len ? out : c;
}

#endif
