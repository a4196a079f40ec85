/* out.c: text output for people: display width, cells, wrapping.
 *
 * Width is wcwidth() when the locale is UTF-8 (the function ncursesw uses,
 * DESIGN.md §5), else ICU's East Asian Width (W and F count 2, combining
 * and format characters 0), so columns still line up for a terminal that
 * shows UTF-8 under a C locale. Ambiguous-width characters count 2 under
 * --ambiguous wide (width.h: wcwidth() is ours; under a C locale the same
 * rule). Controls never reach the terminal: they
 * print as U+FFFD, and so do the bidi controls (they would reorder the
 * rest of the line); invisible format characters (ZWSP, ZWJ, BOM …) are
 * left out. The same piped: text is for people, --json keeps the data,
 * with those characters written as \uXXXX escapes (the same JSON). */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700 /* wcwidth() */
#endif

#include "cli.h"

#include "huiyi/err.h"
#include "huiyi/json_mem.h"
#include "huiyi/utf8.h"
#include "huiyi/width.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unicode/uchar.h>
#include <unistd.h>
#include <wchar.h>

static const char fffd[] = "\xef\xbf\xbd";

/* C0, DEL, C1, and the bidi embeddings, overrides, isolates and marks. */
static int is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f || cp == 0x061c;
}

/* Invisible format characters terminals disagree on (as src/term). */
static int is_invisible(uint32_t cp)
{
	return cp == 0x200b || cp == 0x200c || cp == 0x200d || cp == 0xfeff || cp == 0x180e ||
	       (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x206a && cp <= 0x206f) ||
	       (cp >= 0xfff9 && cp <= 0xfffb) || cp == 0xe0001 || (cp >= 0xe0020 && cp <= 0xe007f);
}

/* U+FFFD and U+2026, what a control and a cut print: ambiguous width,
 * 2 columns under the wide rule (width.h, --ambiguous). */
static size_t amb_width(void)
{
	return hy_width_ambiguous_wide() ? 2 : 1;
}

int hy_cli_cp_width(const struct hy_cli *c, uint32_t cp)
{
	int ea;

	if (is_control(cp))
		return (int)amb_width();
	if (is_invisible(cp))
		return 0;
	if (c->utf8) {
		int w = wcwidth((wchar_t)cp);
		return w < 0 ? 1 : w;
	}
	switch (u_charType((UChar32)cp)) {
	case U_NON_SPACING_MARK:
	case U_ENCLOSING_MARK:
	case U_FORMAT_CHAR:
		return 0;
	default:
		break;
	}
	ea = u_getIntPropertyValue((UChar32)cp, UCHAR_EAST_ASIAN_WIDTH);
	if (ea == U_EA_AMBIGUOUS && hy_width_ambiguous_wide())
		return 2;
	return ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
}

size_t hy_cli_width(const struct hy_cli *c, const char *s)
{
	size_t w = 0, len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += hy_utf8_decode(s + i, len - i, &cp);
		w += (size_t)hy_cli_cp_width(c, cp);
	}
	return w;
}

/* Write s[0..len) with controls as U+FFFD (LF and TAB kept if keep),
 * without the invisible format characters. */
static void put_n(FILE *f, const char *s, size_t len, int keep)
{
	size_t run = 0; /* start of bytes not yet written */
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = hy_utf8_decode(s + i, len - i, &cp);
		int bad = cp == HY_UTF8_REPLACEMENT && n == 1;
		if (bad || is_invisible(cp) ||
		    (is_control(cp) && !(keep && (cp == '\n' || cp == '\t')))) {
			fwrite(s + run, 1, i - run, f);
			if (!is_invisible(cp))
				fputs(fffd, f);
			run = i + n;
		}
		i += n;
	}
	fwrite(s + run, 1, len - run, f);
}

void hy_cli_put(FILE *f, const char *s)
{
	put_n(f, s, strlen(s), 1);
}

void hy_cli_put_line(FILE *f, const char *s)
{
	put_n(f, s, strlen(s), 0);
}

void hy_cli_put_name(FILE *f, const char *s)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = hy_utf8_decode(s + i, len - i, &cp);
		if (cp == HY_UTF8_REPLACEMENT && n == 1) { /* a byte of no character */
			fprintf(f, "\\x%02x", (unsigned char)s[i]);
		} else if (cp == '\n') {
			fputs("\\n", f);
		} else if (cp == '\t') {
			fputs("\\t", f);
		} else if (cp == '\r') {
			fputs("\\r", f);
		} else if (cp < 0x80 && is_control(cp)) {
			fprintf(f, "\\x%02x", (unsigned)cp);
		} else if (is_control(cp) || is_invisible(cp)) {
			fprintf(f, "\\u{%04x}", (unsigned)cp);
		} else {
			fwrite(s + i, 1, n, f);
		}
		i += n;
	}
}

json_t *hy_cli_json_str(const char *s)
{
	size_t len, n = 0;
	char *fixed;
	json_t *j;

	if (!s)
		return json_null();
	len = strlen(s);
	if (hy_utf8_valid(s, len))
		return json_stringn(s, len);
	/* written by another program: each invalid byte as U+FFFD */
	fixed = malloc(len * 3 + 1);
	if (!fixed)
		return NULL;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int bad = 0;
		size_t k = hy_utf8_next(s + i, len - i, &cp, &bad);
		if (bad) {
			memcpy(fixed + n, fffd, 3);
			n += 3;
		} else {
			memcpy(fixed + n, s + i, k);
			n += k;
		}
		i += k;
	}
	j = json_stringn(fixed, n);
	free(fixed);
	return j;
}

void hy_cli_json_init(void)
{
	hy_json_mem_init();
}

int hy_cli_put_json(FILE *f, const char *json)
{
	size_t len, run = 0;
	if (hy_json_failed()) /* a member or an element may be missing */
		return HY_ERR_NOMEM;
	len = strlen(json);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = hy_utf8_decode(json + i, len - i, &cp);
		/* jansson escapes C0; these it writes as they are, and they
		 * occur only inside strings, where \uXXXX means the same */
		if (cp >= 0x7f && (is_control(cp) || is_invisible(cp))) {
			fwrite(json + run, 1, i - run, f);
			if (cp <= 0xffff)
				fprintf(f, "\\u%04x", (unsigned)cp);
			else /* a surrogate pair (the tag characters) */
				fprintf(f, "\\u%04x\\u%04x",
					0xd800 + ((unsigned)(cp - 0x10000) >> 10),
					0xdc00 + ((unsigned)(cp - 0x10000) & 0x3ff));
			run = i + n;
		}
		i += n;
	}
	fwrite(json + run, 1, len - run, f);
	return 0;
}

static void spaces(FILE *f, size_t n)
{
	while (n-- > 0)
		fputc(' ', f);
}

void hy_cli_cell(const struct hy_cli *c, FILE *f, const char *s, size_t width, int pad)
{
	size_t len, w, used = 0, i = 0;

	if (!s || !s[0])
		s = "-";
	len = strlen(s);
	w = hy_cli_width(c, s);
	if (width == 0 || w <= width) {
		put_n(f, s, len, 0);
		if (pad && width > w)
			spaces(f, width - w);
		return;
	}
	/* Too wide: as many whole characters as fit before "…". */
	while (i < len) {
		uint32_t cp;
		size_t n = hy_utf8_decode(s + i, len - i, &cp);
		size_t cw = (size_t)hy_cli_cp_width(c, cp);
		if (used + cw + amb_width() > width)
			break;
		used += cw;
		i += n;
	}
	put_n(f, s, i, 0);
	if (width >= used + amb_width()) {
		fputs("\xe2\x80\xa6", f); /* … */
		used += amb_width();
	}
	if (pad && width > used)
		spaces(f, width - used);
}

/* Characters a line should not start or end with (DESIGN.md §5). */
static int no_start(uint32_t cp)
{
	static const uint32_t set[] = {
		0xff0c, 0x3002, 0x3001, 0xff1b, 0xff1a, 0xff01, 0xff1f, 0xff09, 0x300d,
		0x300f, 0x300b, 0x3009, 0x3011, 0x2026, 0x201d, 0x2019, 0xff05, ',',
		'.',    ';',    ':',    '!',    '?',    ')',    ']',    '}',    '%',
	};
	for (size_t i = 0; i < sizeof set / sizeof set[0]; i++)
		if (set[i] == cp)
			return 1;
	return 0;
}

static int no_end(uint32_t cp)
{
	static const uint32_t set[] = {
		0xff08, 0x300c, 0x300e, 0x300a, 0x3008, 0x3010, 0x201c, 0x2018, '(', '[', '{',
	};
	for (size_t i = 0; i < sizeof set / sizeof set[0]; i++)
		if (set[i] == cp)
			return 1;
	return 0;
}

/* Wrap one line s[0..len) (no LF); *col is the column reached so far. */
static void wrap_line(const struct hy_cli *c, FILE *f, const char *s, size_t len, size_t width,
		      size_t indent, size_t *col)
{
	size_t ls = 0;         /* start of the current output line */
	size_t be = 0, bs = 0; /* last break: end of line, next start */
	uint32_t prev = 0;
	int prev_w = 0;
	int have_break = 0;
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		size_t n = hy_utf8_decode(s + i, len - i, &cp);
		int w = hy_cli_cp_width(c, cp);

		if (i > ls) {
			if (prev == ' ' || prev == 0x3000) {
				have_break = 1;
				be = i - (prev == ' ' ? 1 : 3);
				bs = i;
			} else if ((prev_w == 2 || w == 2) && !no_start(cp) && !no_end(prev)) {
				have_break = 1;
				be = bs = i;
			}
		}
		if (*col + (size_t)w > width && i > ls) {
			size_t end = have_break && be > ls ? be : i;
			size_t next = have_break && be > ls ? bs : i;
			put_n(f, s + ls, end - ls, 0);
			fputc('\n', f);
			spaces(f, indent);
			*col = indent;
			ls = next;
			have_break = 0;
			/* Re-measure what moves to the new line. */
			for (size_t j = ls; j < i;) {
				uint32_t q;
				j += hy_utf8_decode(s + j, i - j, &q);
				*col += (size_t)hy_cli_cp_width(c, q);
			}
		}
		*col += (size_t)w;
		prev = cp;
		prev_w = w;
		i += n;
	}
	put_n(f, s + ls, len - ls, 0);
}

void hy_cli_wrap(const struct hy_cli *c, FILE *f, const char *text, size_t width, size_t first,
		 size_t indent)
{
	const char *p = text;
	size_t col = first;

	if (width > 0 && width <= indent + 2)
		width = indent + 2; /* always room for one wide character */
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (width == 0)
			put_n(f, p, len, 0);
		else
			wrap_line(c, f, p, len, width, indent, &col);
		fputc('\n', f);
		if (!nl)
			break;
		p = nl + 1;
		spaces(f, indent);
		col = indent;
	}
}

size_t hy_cli_term_cols(int fd)
{
	struct winsize ws;
	if (!isatty(fd))
		return 0;
	if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}
