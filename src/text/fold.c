/* fold.c: per-code-point script, width and case folding (fold.h). */
#include "huiyi/fold.h"

#include <stddef.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "fold_table.h"

uint32_t hy_fold_han(uint32_t cp)
{
	if (cp < 0x10000) {
		uint8_t page = hy_fold_bmp_page[cp >> 8];
		return page ? hy_fold_bmp[page][cp & 0xFF] : cp;
	}
	size_t lo = 0, hi = sizeof hy_fold_han_table / sizeof hy_fold_han_table[0];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (hy_fold_han_table[mid][0] == cp)
			return hy_fold_han_table[mid][1];
		if (hy_fold_han_table[mid][0] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return cp;
}

const char *hy_fold_id(void)
{
	return HY_FOLD_ID;
}

uint32_t hy_fold_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
	if (cp >= 0xFF01 && cp <= 0xFF5E) {
		cp -= 0xFF01 - 0x21;
		return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
	}
	if (cp == 0x3000)
		return ' ';
	cp = hy_fold_han(cp);
	/* every other script's capitals: ICU's simple case folding, one
	 * code point to one (Ж → ж, É → é, Σ → σ; K (Kelvin) → k) */
	if (!hy_fold_is_han(cp) && cp <= 0x10FFFF)
		cp = (uint32_t)u_foldCase((UChar32)cp, U_FOLD_CASE_DEFAULT);
	return cp;
}

int hy_fold_class(uint32_t f)
{
	UErrorCode e = U_ZERO_ERROR;

	if (f < 0x80)
		return (f >= 'a' && f <= 'z') || (f >= '0' && f <= '9') ? HY_FOLD_WORD
									: HY_FOLD_OTHER;
	if (hy_fold_is_han(f))
		return HY_FOLD_UNIGRAM;
	if (f > 0x10FFFF)
		return HY_FOLD_OTHER;
	switch (u_charType((UChar32)f)) {
	case U_UPPERCASE_LETTER:
	case U_LOWERCASE_LETTER:
	case U_TITLECASE_LETTER:
	case U_MODIFIER_LETTER:
	case U_OTHER_LETTER:
	case U_NON_SPACING_MARK:
	case U_COMBINING_SPACING_MARK:
	case U_ENCLOSING_MARK:
	case U_DECIMAL_DIGIT_NUMBER:
	case U_LETTER_NUMBER:
		break;
	default:
		return HY_FOLD_OTHER; /* punctuation, symbols, spaces … */
	}
	switch (uscript_getScript((UChar32)f, &e)) {
	case USCRIPT_HIRAGANA:
	case USCRIPT_KATAKANA:
	case USCRIPT_KATAKANA_OR_HIRAGANA:
	case USCRIPT_HANGUL:
	case USCRIPT_BOPOMOFO:
	case USCRIPT_YI:
	case USCRIPT_THAI:
	case USCRIPT_LAO:
	case USCRIPT_KHMER:
	case USCRIPT_MYANMAR:
		return U_SUCCESS(e) ? HY_FOLD_UNIGRAM : HY_FOLD_WORD;
	default:
		return HY_FOLD_WORD;
	}
}

int hy_fold_is_han(uint32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F) ||
	       (cp >= 0x30000 && cp <= 0x3134F) || cp == 0x3007;
}
