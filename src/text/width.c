/* width.c: display width of text as drawn (width.h). */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700 /* wcwidth */
#endif
#include "huiyi/width.h"

#include <string.h>
#include <wchar.h>

#include "huiyi/utf8.h"

#define FFFD_UTF8 "\xef\xbf\xbd"
#define ELLIPSIS_UTF8 "\xe2\x80\xa6"

enum draw { AS_IS, CARET, FFFD };

/* How cp is drawn; *w gets its columns. */
static enum draw classify(uint32_t cp, int *w)
{
	int cw;

	if (cp >= 0x20 && cp < 0x7F) {
		*w = 1;
		return AS_IS;
	}
	if (cp < 0x20 || cp == 0x7F) {
		*w = 2;
		return CARET;
	}
	*w = 1;
	if (cp < 0xA0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return FFFD; /* C1, not a scalar value */
	if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	    cp == 0x061C || cp == 0x200E || cp == 0x200F)
		return FFFD; /* bidi controls and marks */
	if (cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) ||
	    (cp >= 0xE0100 && cp <= 0xE01EF)) {
		*w = 0; /* ZWJ, variation selectors */
		return AS_IS;
	}
	cw = wcwidth((wchar_t)cp);
	if (cw < 0)
		return FFFD;
	*w = cw > 2 ? 2 : cw;
	return AS_IS;
}

int hy_width_cp(uint32_t cp)
{
	int w;

	classify(cp, &w);
	return w;
}

int hy_width_placeholder(uint32_t cp, char buf[8])
{
	int w;

	switch (classify(cp, &w)) {
	case CARET:
		buf[0] = '^';
		buf[1] = cp == 0x7F ? '?' : (char)(cp + 0x40);
		buf[2] = '\0';
		return 1;
	case FFFD:
		memcpy(buf, FFFD_UTF8, sizeof FFFD_UTF8);
		return 1;
	case AS_IS:
		break;
	}
	return 0;
}

size_t hy_width_advance(uint32_t cp, size_t col)
{
	if (cp == '\t')
		return (col / HY_WIDTH_TAB + 1) * HY_WIDTH_TAB;
	return col + (size_t)hy_width_cp(cp);
}

size_t hy_width_str(const char *s, size_t n)
{
	size_t col = 0;

	if (!s)
		return 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		unsigned char b = (unsigned char)s[i];

		if (b >= 0x20 && b < 0x7F) { /* ASCII fast path */
			col++;
			i++;
			continue;
		}
		i += hy_utf8_decode(s + i, n - i, &cp);
		col = hy_width_advance(cp, col);
	}
	return col;
}

/* Whether cp is drawn in the same cell(s) as prev, the code point before
 * it: zero-width code points after anything but TAB and LF, and any
 * printable code point but a space after a ZWJ (👨‍👩‍👧 is one character
 * to the reader). wrap.c keeps the same rule. */
static int joins(uint32_t prev, uint32_t cp)
{
	if (prev == '\t' || prev == '\n' || cp == '\t' || cp == '\n')
		return 0;
	if (hy_width_cp(cp) == 0)
		return 1;
	return prev == 0x200D && cp > 0x20 && !(cp >= 0x7F && cp < 0xA0);
}

/* One character of s[0..n), n > 0: a code point and those that join it.
 * Returns its bytes; *col advances past it. */
static size_t cluster(const char *s, size_t n, size_t *col)
{
	uint32_t cp, prev;
	size_t i = hy_utf8_decode(s, n, &prev);

	*col = hy_width_advance(prev, *col);
	while (i < n) {
		size_t k = hy_utf8_decode(s + i, n - i, &cp);

		if (!joins(prev, cp))
			break;
		*col += (size_t)hy_width_cp(cp);
		prev = cp;
		i += k;
	}
	return i;
}

size_t hy_width_fit(const char *s, size_t n, size_t maxw, size_t *used)
{
	size_t i = 0, col = 0;

	if (!s)
		n = 0;
	while (i < n) {
		size_t c = col;
		size_t k = cluster(s + i, n - i, &c);

		if (c > maxw)
			break;
		i += k;
		col = c;
	}
	if (used)
		*used = col;
	return i;
}

/* The drawn form of the code point at s[0..n) (n > 0) at column col, into
 * buf (at most 7 bytes, not terminated). Returns its length; *k gets the
 * source bytes and *col advances. */
static size_t drawn(const char *s, size_t n, size_t *k, size_t *col,
		    char buf[8])
{
	uint32_t cp;
	size_t len, c = *col;

	*k = hy_utf8_decode(s, n, &cp);
	*col = hy_width_advance(cp, c);
	if (cp == '\t') {
		len = *col - c;
		memset(buf, ' ', len);
		return len;
	}
	if (hy_width_placeholder(cp, buf))
		return strlen(buf);
	if (cp == HY_UTF8_REPLACEMENT) { /* also an invalid byte */
		memcpy(buf, FFFD_UTF8, 3);
		return 3;
	}
	memcpy(buf, s, *k);
	return *k;
}

/* Measure (out == NULL) or write the drawn form of the character at
 * s[0..n) (as cluster() delimits it). Returns its source bytes; *col and
 * *bytes advance. */
static size_t draw_cluster(const char *s, size_t n, size_t *col,
			   size_t *bytes, char *out)
{
	uint32_t prev = 0;
	size_t i = 0;

	while (i < n) {
		char buf[8];
		uint32_t cp;
		size_t k, len;

		hy_utf8_decode(s + i, n - i, &cp);
		if (i > 0 && !joins(prev, cp))
			break;
		len = drawn(s + i, n - i, &k, col, buf);
		if (out)
			memcpy(out + *bytes, buf, len);
		*bytes += len;
		prev = cp;
		i += k;
	}
	return i;
}

size_t hy_width_truncate(const char *s, size_t n, size_t maxw, char *out,
			 size_t outlen)
{
	size_t col = 0, bytes = 0, maxb, i;
	int ell;

	if (!out || outlen == 0)
		return 0;
	out[0] = '\0';
	if (!s)
		n = 0;
	for (i = 0; i < n && col <= maxw && bytes < outlen;) /* all fits? */
		i += draw_cluster(s + i, n - i, &col, &bytes, NULL);
	if (col <= maxw && bytes < outlen) {
		col = bytes = 0;
		for (i = 0; i < n;)
			i += draw_cluster(s + i, n - i, &col, &bytes, out);
		out[bytes] = '\0';
		return col;
	}
	if (maxw == 0)
		return 0;
	/* Cut: whole clusters into maxw - 1 columns, then the ellipsis (if
	 * out has room for it at all). */
	ell = outlen > sizeof ELLIPSIS_UTF8 - 1;
	maxb = outlen - 1 - (ell ? sizeof ELLIPSIS_UTF8 - 1 : 0);
	col = bytes = 0;
	for (i = 0; i < n;) {
		size_t c = col, b = bytes;
		size_t k = draw_cluster(s + i, n - i, &c, &b, NULL);

		if (c > maxw - (size_t)ell || b > maxb)
			break;
		draw_cluster(s + i, n - i, &col, &bytes, out);
		i += k;
	}
	if (ell) {
		memcpy(out + bytes, ELLIPSIS_UTF8, sizeof ELLIPSIS_UTF8 - 1);
		bytes += sizeof ELLIPSIS_UTF8 - 1;
		col++;
	}
	out[bytes] = '\0';
	return col;
}
