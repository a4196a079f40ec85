/* folded.c: the folded view of a text, and the small containers the
 * parser's stages share.
 *
 * Every rule of the parser reads the text through a struct doc: one code
 * point array, folded (fold.h: traditional → simplified, full-width →
 * half-width), with each code point's byte offset beside it, so a rule is
 * written once, in simplified script with ASCII punctuation, and whatever
 * it finds is cut from the original text (doc_str), which keeps its own
 * script. The inline matchers (match, find, ends_with …) live in
 * parse_int.h. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int doc_init_head(struct doc *d, const char *s, size_t len)
{
	if (len > 65536) {
		len = 65536;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	return doc_init(d, s, len);
}

static _Thread_local const struct doc *shared;

const struct doc *doc_share(const struct doc *d)
{
	const struct doc *was = shared;
	shared = d;
	return was;
}

/* [s, s + len) as a view of the shared doc, when it is a head of its text
 * ending at a code point's start. */
static int borrow(struct doc *d, const char *s, size_t len)
{
	const struct doc *w = shared;
	if (!w || s != w->s || len > w->off[w->n])
		return 0;
	size_t lo = 0, hi = w->n;
	while (lo < hi) { /* the first code point at or after len */
		size_t mid = lo + (hi - lo) / 2;
		if (w->off[mid] < len)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (w->off[lo] != len)
		return 0;
	d->s = s;
	d->n = lo;
	d->cp = w->cp;
	d->off = w->off;
	d->borrowed = 1;
	return 1;
}

/* 8 bytes per code point: texts are capped well below 4 GiB upstream. */
int doc_init(struct doc *d, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t cap = 1;
	if (borrow(d, s, len))
		return 0;
	d->borrowed = 0;
	d->s = s;
	d->n = 0;
	if (len >= UINT32_MAX)
		return HY_ERR_TOOBIG;
	for (size_t i = 0; i < len; i++) /* exact for valid UTF-8 */
		cap += (u[i] & 0xC0) != 0x80;
	d->cp = malloc(cap * sizeof *d->cp);
	d->off = malloc(cap * sizeof *d->off);
	size_t i = 0;
	while (d->cp && d->off && i < len) {
		uint32_t c;
		size_t k;
		if (d->n + 1 >= cap) { /* invalid bytes decode one by one */
			cap = cap * 3 / 2 + 16;
			uint32_t *a = realloc(d->cp, cap * sizeof *a);
			if (a)
				d->cp = a;
			uint32_t *b = a ? realloc(d->off, cap * sizeof *b) : NULL;
			if (!b)
				break;
			d->off = b;
		}
		if (u[i] < 0x80) { /* the common cases inline: ASCII, and */
			c = u[i];
			k = 1;
		} else if ((u[i] & 0xF0) == 0xE0 && i + 2 < len && /* BMP Han */
			   (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80 &&
			   (c = (uint32_t)(u[i] & 0x0F) << 12 | (uint32_t)(u[i + 1] & 0x3F) << 6 |
				(u[i + 2] & 0x3F)) >= 0x800 &&
			   (c < 0xD800 || c > 0xDFFF)) {
			k = 3;
		} else {
			k = hy_utf8_decode(s + i, len - i, &c);
		}
		d->off[d->n] = (uint32_t)i;
		d->cp[d->n++] = hy_fold_cp(c);
		i += k;
	}
	if (!d->cp || !d->off || i < len) {
		free(d->cp);
		free(d->off);
		return HY_ERR_NOMEM;
	}
	d->off[d->n] = (uint32_t)len;
	return 0;
}

int doc_init_body_kind(struct doc *b, struct doc *k, const struct hy_meeting *m)
{
	if (doc_init(b, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	if (doc_init(k, m->kind, strlen(m->kind))) {
		doc_free(b);
		return HY_ERR_NOMEM;
	}
	return 0;
}

void doc_free(struct doc *d)
{
	if (!d->borrowed) {
		free(d->cp);
		free(d->off);
	}
	d->borrowed = 0;
	d->cp = NULL;
	d->off = NULL;
}

char *doc_str(const struct doc *d, size_t a, size_t b)
{
	if (b < a)
		b = a;
	return strndup(d->s + d->off[a], d->off[b] - d->off[a]);
}

/* Index of the first clause (or sentence) end at depth 0 in [a,end). */
/* Whether a bracket opened before i closes on its line: 召开“2017年…会议。
 * with the quote never closed opens nothing. */
static int closes(const struct doc *d, size_t i, size_t end)
{
	for (; i < end && d->cp[i] != '\n'; i++)
		if (is_close_bracket(d->cp[i]))
			return 1;
	return 0;
}

size_t clause_end(const struct doc *d, size_t a, size_t end, int sentence)
{
	int depth = 0;
	for (size_t i = a; i < end; i++) {
		uint32_t c = d->cp[i];
		if (c == '"') /* straight quotes toggle */
			depth = depth ? depth - 1 : depth + 1;
		else if (is_open_bracket(c) && closes(d, i + 1, end))
			depth++;
		else if (is_close_bracket(c) && depth > 0)
			depth--;
		else if (depth == 0 && (sentence ? is_sent_end(d, i) : is_clause_end(d, i)))
			return i;
		if (c == '\n')
			return i;
	}
	return end;
}

char *str_join(const char *a, size_t an, const char *b)
{
	size_t bn = strlen(b);
	char *o = malloc(an + bn + 1);
	if (o) {
		memcpy(o, a, an);
		memcpy(o + an, b, bn + 1);
	}
	return o;
}

int strv_push(struct strv *l, char *s)
{
	if (!s)
		return HY_ERR_NOMEM;
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0) {
			free(s);
			return 0;
		}
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		char **v = realloc(l->v, cap * sizeof *v);
		if (!v) {
			free(s);
			return HY_ERR_NOMEM;
		}
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = s;
	return 0;
}

int buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->n + n + 1)
			cap *= 2;
		char *p = realloc(b->s, cap);
		if (!p)
			return HY_ERR_NOMEM;
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = 0;
	return 0;
}

/* The meeting a parse fills, and why a page is no readout. */
const char *hy_not_readout_why(int not_readout)
{
	switch (not_readout) {
	case HY_NOT_READOUT_NOVEL:
		return "a novel's chapter";
	case HY_NOT_READOUT_GENRE:
		return "a digest, a speech, a template, a notice about a meeting or a list of meetings, not "
		       "one meeting";
	case HY_NOT_READOUT_RULES:
		return "rules for meetings, no meeting of its own";
	case HY_NOT_READOUT_NOTHING:
		return "no meeting, date, chair or agenda in it";
	default:
		return "a meeting readout";
	}
}

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void hy_meeting_free(struct hy_meeting *m)
{
	if (!m)
		return;
	free(m->title);
	free(m->published);
	free(m->date);
	free(m->month_day);
	free(m->place);
	free(m->body);
	free(m->kind);
	free(m->chair);
	free(m->chair_role);
	free_list(m->attendees, m->n_attendees);
	free_list(m->observers, m->n_observers);
	if (m->attendee_roles)
		free_list(m->attendee_roles, m->n_attendees);
	if (m->observer_roles)
		free_list(m->observer_roles, m->n_observers);
	free(m->observer_invited);
	free_list(m->units, m->n_units);
	free(m->summary);
	for (size_t i = 0; i < m->n_sections; i++) {
		free(m->sections[i].heading);
		free(m->sections[i].text);
	}
	free(m->sections);
	memset(m, 0, sizeof *m);
}
