/* split.c: lines that hold more than one thing, pulled apart before the
 * parse starts again on the text rewritten.
 *
 * A whole article on one line (split at its wide gaps), a headline glued
 * to the opening by a space, paragraphs joined by spaces on one line, and
 * a numbered form run together (一、开会时间:…二、开会地点:…). Each writes
 * the text again into a buffer; parse.c parses that instead. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdlib.h>
#include <string.h>

/* A long single line that holds a whole article: split it at wide gaps
 * (spaces between non-digits, or after a time) into pseudo-lines. */
int split_article_line(const struct doc *d, struct span l, struct buf *out)
{
	size_t s = l.a;
	int depth = 0; /* (记者甲 乙 丙): a byline's spaced names stay whole */
	for (size_t i = l.a; i < l.b; i++) {
		if (is_open_bracket(d->cp[i]))
			depth++;
		else if (is_close_bracket(d->cp[i]) && depth > 0)
			depth--;
		if (!is_space(d->cp[i]) || (depth > 0 && i < l.a + 40))
			continue;
		size_t j = i;
		while (j < l.b && is_space(d->cp[j]))
			j++;
		int keep = 0;
		if (i > l.a && j < l.b && is_digit(d->cp[i - 1]) && is_digit(d->cp[j])) {
			struct ymd t = {0};
			keep = parse_time(d, j, l.b, &t) > 0; /* date␠time */
		}
		if (i > l.a && j < l.b && d->cp[i - 1] < 0x80 && d->cp[j] < 0x80 &&
		    !is_digit(d->cp[j]))
			keep = 1; /* Latin words */
		/* 本报讯 18日，…, 某某新闻网讯 7月4日，…: the dateline opens the
		 * opening, no paragraph of its own */
		if (i > l.a && d->cp[i - 1] == 0x8BAF /* 讯 */ && i - s <= 16)
			keep = 1;
		/* (本报讯 (特约记者 某某) 5月7日下午，…: its byline's bracket too) */
		if (i > l.a && is_close_bracket(d->cp[i - 1]) && i - s <= 30 &&
		    find(d, s, s + 16 < i ? s + 16 : i, "讯") != NPOS)
			keep = 1;
		if (!keep) {
			if (buf_add(out, d->s + d->off[s], d->off[i] - d->off[s]) ||
			    buf_add(out, "\n", 1))
				return HY_ERR_NOMEM;
			s = j;
		}
		i = j - 1;
	}
	if (buf_add(out, d->s + d->off[s], d->off[l.b] - d->off[s]) || buf_add(out, "\n", 1))
		return HY_ERR_NOMEM;
	return 0;
}

/* A headline glued to the opening by a space (某农场召开…精神大会 1月22日,
 * 某农场召开…): the first body line opens with a name of a meeting, no
 * clause mark in it, then spaces and a date. Writes the text again into
 * *re with the headline on a line of its own: 1 when it did, 0 when
 * there is none, HY_ERR_NOMEM. */
int unglue_headline(const struct doc *d, const struct span *lines, const enum line_kind *kind,
		    size_t nl, struct buf *re)
{
	size_t f = 0;
	while (f < nl && kind[f] != L_BODY)
		f++;
	if (f == nl)
		return 0;
	size_t a = lines[f].a, b = lines[f].b, sp = NPOS;
	for (size_t i = a + 8; i < b && i < a + 60 && sp == NPOS; i++) {
		if (is_clause_end(d, i))
			return 0;
		if (is_space(d->cp[i]))
			sp = i;
	}
	if (sp == NPOS || count_han(d, a, sp) < 8 || find(d, a, sp, "会") == NPOS)
		return 0;
	size_t j = skip_spaces(d, sp, b);
	struct ymd t;
	if (!parse_date(d, j, b, &t))
		return 0;
	for (size_t i = 0; i < nl; i++) {
		size_t cut = i == f ? sp : lines[i].b;
		if (buf_add(re, d->s + d->off[lines[i].a], d->off[cut] - d->off[lines[i].a]) ||
		    buf_add(re, "\n", 1) ||
		    (i == f && (buf_add(re, d->s + d->off[j], d->off[b] - d->off[j]) ||
				buf_add(re, "\n", 1))))
			return HY_ERR_NOMEM;
	}
	return 1;
}

/* [*s, e) of d written into re as a paragraph of its own, the text going
 * on at next (*s then); with next NPOS, the line's last part. 0 or
 * HY_ERR_NOMEM. */
static int write_part(struct buf *re, const struct doc *d, size_t *s, size_t e, size_t next)
{
	if (buf_add(re, d->s + d->off[*s], d->off[e] - d->off[*s]) ||
	    buf_add(re, next == NPOS ? "\n" : "\n\n", next == NPOS ? 1 : 2))
		return HY_ERR_NOMEM;
	if (next != NPOS)
		*s = next;
	return 0;
}

/* The next gap in [k,b) after a sentence's end, spaces before Han: its
 * start, *next where the text goes on; NPOS when none. */
static size_t next_gap(const struct doc *d, size_t k, size_t b, size_t *next)
{
	for (size_t i = k > 0 ? k : 1; i + 1 < b; i++) {
		if (!is_space(d->cp[i]) || d->cp[i - 1] == '\n' || !is_sent_end(d, i - 1))
			continue;
		size_t j = skip_spaces(d, i, b);
		if (j < b && is_han(d->cp[j])) {
			*next = j;
			return i;
		}
	}
	return NPOS;
}

/* Paragraphs joined by spaces on one line (…主持会议。 根据…。 会上，…): a
 * long body line with two gaps or more after a sentence's end, each before
 * Han, or one before 会议指出 (强调, 要求, 听取 …), is written again into *re
 * with a blank line at each gap (the other lines as they are). 1 when it
 * did, 0 when no line has them, HY_ERR_NOMEM. */
static const char *const opening_verbs[] = {"指出", "强调", "要求", "认为", "听取",
					    "审议", "研究", "传达", "决定"};
int split_joined_paragraphs(const struct doc *d, const struct span *lines,
			    const enum line_kind *kind, size_t nl, struct buf *re)
{
	int any = 0;
	for (int write = 0; write < 2; write++) {
		for (size_t i = 0; i < nl; i++) {
			size_t a = lines[i].a, b = lines[i].b, s = a, j, g, gaps = 0, marked = 0;
			for (size_t k = a; (g = next_gap(d, k, b, &j)) != NPOS; k = j) {
				gaps++;
				/* …出席会议并作讲话。 会议指出，…: one gap is enough
				 * before a paragraph's own opening */
				marked += match(d, j, b, "会议") &&
					  match_any(d, j + 2, b, opening_verbs,
						    COUNT(opening_verbs), NULL);
			}
			int split = kind[i] == L_BODY && b - a >= 150 && (gaps >= 2 || marked);
			any |= split;
			if (!write)
				continue;
			for (size_t k = a; split && (g = next_gap(d, k, b, &j)) != NPOS; k = j)
				if (write_part(re, d, &s, g, j))
					return HY_ERR_NOMEM;
			if (write_part(re, d, &s, b, NPOS))
				return HY_ERR_NOMEM;
		}
		if (!any)
			return 0;
	}
	return 1;
}

/* The value of the Chinese ordinal (一 to 十九) at i followed by 、, and
 * its length with the 、 in *k; 0 when there is none. */
static int ordinal_at(const struct doc *d, size_t i, size_t b, size_t *k)
{
	if (i + 2 < b && d->cp[i] == 0x5341 /* 十 */ && cn_digit(d->cp[i + 1]) >= 1 &&
	    d->cp[i + 2] == 0x3001) {
		*k = 3;
		return 10 + cn_digit(d->cp[i + 1]);
	}
	int v = d->cp[i] == 0x5341 ? 10 : cn_digit(d->cp[i]);
	if (v >= 1 && i + 1 < b && d->cp[i + 1] == 0x3001) {
		*k = 2;
		return v;
	}
	return 0;
}

/* The start of the next item of a numbered run in [i, b): 二、 after 一、,
 * 三、 after 二、 (never inside a number: 十一、 is one item); *next the
 * ordinal looked for, raised when found. NPOS when none. */
static size_t next_ordinal(const struct doc *d, size_t i, size_t b, int *next)
{
	for (; i < b; i++) {
		size_t k;
		if ((i == 0 || (cn_digit(d->cp[i - 1]) < 0 && d->cp[i - 1] != 0x5341)) &&
		    ordinal_at(d, i, b, &k) == *next) {
			(*next)++;
			return i;
		}
	}
	return NPOS;
}

int split_numbered_runs(const struct doc *d, const struct span *lines, const enum line_kind *kind,
			size_t nl, struct buf *re)
{
	int any = 0;
	for (int write = 0; write < 2; write++) {
		for (size_t i = 0; i < nl; i++) {
			size_t a = lines[i].a, b = lines[i].b, s = a, at;
			int next = 1, items = 0;
			for (size_t k = a; (at = next_ordinal(d, k, b, &next)) != NPOS; k = at + 1)
				items++;
			/* 一、开会时间:…二、开会地点:…三、出席人:…: a numbered form
			 * (or minutes) run together on one long line */
			int split = kind[i] == L_BODY && b - a >= 150 && items >= 3;
			any |= split;
			if (!write)
				continue;
			next = 1;
			for (size_t k = a; split && (at = next_ordinal(d, k, b, &next)) != NPOS;
			     k = at + 1) {
				if (at != s && write_part(re, d, &s, at, at))
					return HY_ERR_NOMEM;
			}
			if (write_part(re, d, &s, b, NPOS))
				return HY_ERR_NOMEM;
		}
		if (!any)
			return 0;
	}
	return 1;
}
