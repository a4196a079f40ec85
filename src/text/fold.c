/* fold.c: per-code-point script, width and case folding (fold.h). */
#include "huiyi/fold.h"

#include <stddef.h>

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
	return hy_fold_han(cp);
}

int hy_fold_is_han(uint32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F) ||
	       (cp >= 0x30000 && cp <= 0x3134F) || cp == 0x3007;
}
