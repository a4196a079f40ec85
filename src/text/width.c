/* width.c: display width of text as drawn (width.h), and the rule for
 * East Asian ambiguous-width characters that every width in the process
 * follows, ncursesw's included: this file defines wcwidth() and
 * wcswidth(), and the executable's definitions are the ones ncursesw's
 * calls resolve to (a shared library's undefined symbol is looked up in
 * the executable first). They are the C library's, but for the
 * ambiguous characters when the rule is "wide". */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* RTLD_NEXT, wcwidth */
#endif
#include "huiyi/width.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <unicode/uchar.h>
#include <wchar.h>

#include "huiyi/utf8.h"

/* The rule: 0 narrow, 1 wide. The one mutable global besides the signal
 * flags (DESIGN.md §3): ncursesw asks wcwidth() without a context. Set
 * by the main thread; atomic because any thread may measure. */
static atomic_int amb_wide;

void hy_width_set_ambiguous(int wide)
{
	atomic_store_explicit(&amb_wide, wide ? 1 : 0, memory_order_relaxed);
}

int hy_width_ambiguous_wide(void)
{
	return atomic_load_explicit(&amb_wide, memory_order_relaxed);
}

int hy_width_is_ambiguous(uint32_t cp)
{
	return cp >= 0xA1 && cp <= 0x10FFFF &&
	       u_getIntPropertyValue((UChar32)cp, UCHAR_EAST_ASIAN_WIDTH) == U_EA_AMBIGUOUS;
}

/* The C library's wcwidth(), the next definition after ours. */
static int (*libc_wcwidth)(wchar_t);
static pthread_once_t libc_once = PTHREAD_ONCE_INIT;

static void find_libc(void)
{
	void *f = dlsym(RTLD_NEXT, "wcwidth");

	if (f) /* POSIX: a function's address fits in a void * */
		memcpy(&libc_wcwidth, &f, sizeof libc_wcwidth);
}

int wcwidth(wchar_t wc)
{
	int w;

	if (wc >= 0x20 && wc < 0x7F)
		return 1;
	pthread_once(&libc_once, find_libc);
	if (libc_wcwidth && libc_wcwidth != wcwidth) {
		w = libc_wcwidth(wc);
	} else { /* no C library's to ask (linked statically): ICU's */
		UChar32 c = (UChar32)wc;
		int ea;
		if (wc == 0)
			return 0;
		if (wc < 0x20 || (wc >= 0x7F && wc < 0xA0) || wc > 0x10FFFF ||
		    (wc >= 0xD800 && wc <= 0xDFFF))
			return -1;
		switch (u_charType(c)) {
		case U_NON_SPACING_MARK:
		case U_ENCLOSING_MARK:
		case U_FORMAT_CHAR:
			return 0;
		case U_UNASSIGNED:
			return -1;
		default:
			break;
		}
		ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
		w = ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
	}
	if (w == 1 && hy_width_ambiguous_wide() && hy_width_is_ambiguous((uint32_t)wc))
		return 2;
	return w;
}

int wcswidth(const wchar_t *s, size_t n)
{
	int total = 0;

	for (size_t i = 0; i < n && s[i]; i++) {
		int w = wcwidth(s[i]);
		if (w < 0)
			return -1;
		total += w;
	}
	return total;
}

#define FFFD_UTF8 "\xef\xbf\xbd"
#define ELLIPSIS_UTF8 "\xe2\x80\xa6"

enum draw { AS_IS, CARET, FFFD };

/* U+FFFD (a placeholder) and U+2026 (the cut): ambiguous, so 1 or 2. */
static int fffd_width(void)
{
	return hy_width_ambiguous_wide() ? 2 : 1;
}

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
	*w = fffd_width();
	if (cp < 0xA0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return FFFD; /* C1, not a scalar value */
	if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x061C ||
	    cp == 0x200E || cp == 0x200F)
		return FFFD; /* bidi controls and marks */
	if (cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
		*w = 0; /* ZWJ, variation selectors */
		return AS_IS;
	}
	cw = wcwidth((wchar_t)cp);
	if (cw < 0) {
		*w = fffd_width();
		return FFFD;
	}
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
static size_t drawn(const char *s, size_t n, size_t *k, size_t *col, char buf[8])
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
static size_t draw_cluster(const char *s, size_t n, size_t *col, size_t *bytes, char *out)
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

size_t hy_width_truncate(const char *s, size_t n, size_t maxw, char *out, size_t outlen)
{
	size_t col = 0, bytes = 0, maxb, i;
	size_t ellw = (size_t)fffd_width(); /* "…" is ambiguous too */
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
	/* Cut: whole clusters into maxw - 1 columns (- 2 where "…" is wide),
	 * then the ellipsis (if out has room for it at all, and the
	 * columns). */
	ell = outlen > sizeof ELLIPSIS_UTF8 - 1 && maxw >= ellw;
	maxb = outlen - 1 - (ell ? sizeof ELLIPSIS_UTF8 - 1 : 0);
	col = bytes = 0;
	for (i = 0; i < n;) {
		size_t c = col, b = bytes;
		size_t k = draw_cluster(s + i, n - i, &c, &b, NULL);

		if (c > maxw - (ell ? ellw : 0) || b > maxb)
			break;
		draw_cluster(s + i, n - i, &col, &bytes, out);
		i += k;
	}
	if (ell) {
		memcpy(out + bytes, ELLIPSIS_UTF8, sizeof ELLIPSIS_UTF8 - 1);
		bytes += sizeof ELLIPSIS_UTF8 - 1;
		col += ellw;
	}
	out[bytes] = '\0';
	return col;
}
