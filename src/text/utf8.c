/* utf8.c: UTF-8 decode, encode and validation (utf8.h). */
#include "huiyi/utf8.h"

#include <string.h>

/* Scan one sequence at s[0..len), len > 0. On success returns its length
 * (1..4) and stores the code point. On failure returns 0 and stores in *sub
 * the length of the maximal subpart (the longest prefix that could still
 * have started a valid sequence), at least 1. */
static size_t scan(const unsigned char *s, size_t len, uint32_t *cp, size_t *sub)
{
	unsigned b = s[0];
	unsigned lo = 0x80, hi = 0xBF;
	size_t need;
	uint32_t c;

	if (b < 0x80) {
		*cp = b;
		return 1;
	}
	if (b >= 0xC2 && b <= 0xDF) {
		need = 1;
		c = b & 0x1Fu;
	} else if (b >= 0xE0 && b <= 0xEF) {
		need = 2;
		c = b & 0x0Fu;
		if (b == 0xE0)
			lo = 0xA0; /* overlong */
		else if (b == 0xED)
			hi = 0x9F; /* surrogates */
	} else if (b >= 0xF0 && b <= 0xF4) {
		need = 3;
		c = b & 0x07u;
		if (b == 0xF0)
			lo = 0x90; /* overlong */
		else if (b == 0xF4)
			hi = 0x8F; /* > U+10FFFF */
	} else {
		*sub = 1; /* continuation byte, C0/C1 overlong lead, F5..FF */
		return 0;
	}
	for (size_t i = 1; i <= need; i++) {
		if (i >= len || s[i] < lo || s[i] > hi) {
			*sub = i;
			return 0;
		}
		c = (c << 6) | (s[i] & 0x3Fu);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = c;
	return need + 1;
}

size_t hy_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	size_t sub, n;

	if (len == 0) {
		*cp = HY_UTF8_REPLACEMENT;
		return 1;
	}
	n = scan((const unsigned char *)s, len, cp, &sub);
	if (n == 0) {
		*cp = HY_UTF8_REPLACEMENT;
		return 1;
	}
	return n;
}

size_t hy_utf8_next(const char *s, size_t len, uint32_t *cp, int *bad)
{
	size_t sub = 1, n;

	if (len == 0) {
		*cp = HY_UTF8_REPLACEMENT;
		if (bad)
			*bad = 1;
		return 1;
	}
	n = scan((const unsigned char *)s, len, cp, &sub);
	if (bad)
		*bad = n == 0;
	if (n == 0) {
		*cp = HY_UTF8_REPLACEMENT;
		return sub;
	}
	return n;
}

size_t hy_utf8_encode(uint32_t cp, char out[4])
{
	if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		cp = HY_UTF8_REPLACEMENT;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

int hy_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, sub, n;
	uint32_t cp;

	while (i < len) {
		/* ASCII fast path, 8 bytes at a time. */
		while (len - i >= 8) {
			uint64_t w;
			memcpy(&w, p + i, 8);
			if (w & UINT64_C(0x8080808080808080))
				break;
			i += 8;
		}
		if (i >= len)
			break;
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		n = scan(p + i, len - i, &cp, &sub);
		if (n == 0)
			return 0;
		i += n;
	}
	return 1;
}
