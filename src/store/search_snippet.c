/* search_snippet.c: the snippet of each result, made here: every hit of
 * the query's terms marked in a row's two columns, and a window of about
 * one line around the most distinct hits; then each result delivered to
 * the caller with its heading, title and date. */
#include "search_int.h"
#include "huiyi/i18n.h"

#include "huiyi/grow.h"

#include "huiyi/err.h"
#include "huiyi/fts.h"
#include "huiyi/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Snippets: about one line; display columns (a CJK character is 2). */
#define SNIPPET_COLS 40   /* the window */
#define SNIPPET_BACK 12   /* context before the first hit, at most */
#define SNIPPET_SPANS 256 /* hits looked at in one column */

/* Snippets.
 *
 * Made here rather than by FTS5's snippet() and highlight(): those run
 * the MATCH once more for every row (a pinyin syllable expands to every
 * character read so, each a doclist lookup), and snippet() starts its
 * window at the start of the column whenever a hit lies within its first
 * tokens (its sentence finder knows only an ASCII '.'), cutting a phrase
 * near the window's end in half. Here each column of a delivered row is
 * tokenized with the huiyi tokenizer (AUX, offsets into the stored text)
 * and every phrase of the query's terms that are not excluded (a term's
 * tokens, or its pinyin syllables, each a set of characters) is marked
 * where its tokens stand in a row, as FTS5 matches them. Then the column
 * with more distinct hits (the text on a tie) gives a window of about
 * SNIPPET_COLS columns that starts at most SNIPPET_BACK columns (or at the
 * clause start) before a hit and holds the most distinct hits, never
 * cutting one; "…" where text is left out, white space collapsed. */

/* The query's phrases: positions, each a set of tokens. */
struct qalt {
	size_t off;
	int n;
};

struct qpos {
	size_t first, n; /* alternatives */
};

struct qphrase {
	size_t first, n; /* positions */
};

static int on_qtoken(void *ctx, int tflags, const char *token, int ntoken, int start, int end)
{
	struct hlq *q = ctx;
	struct qphrase *ph = &q->ph[q->nph - 1];

	(void)start;
	(void)end;
	if (!(tflags & FTS5_TOKEN_COLOCATED) || ph->n == 0) {
		if (hy_grow_implied(&q->pos, q->npos, sizeof *q->pos)) {
			q->oom = 1;
			return SQLITE_NOMEM;
		}
		q->pos[q->npos].first = q->nalt;
		q->pos[q->npos].n = 0;
		q->npos++;
		ph->n++;
	}
	if (hy_grow_implied(&q->alt, q->nalt, sizeof *q->alt)) {
		q->oom = 1;
		return SQLITE_NOMEM;
	}
	q->alt[q->nalt].off = q->bytes.n;
	q->alt[q->nalt].n = ntoken;
	q->nalt++;
	q->pos[q->npos - 1].n++;
	sb_add(&q->bytes, token, (size_t)ntoken);
	return q->bytes.oom ? SQLITE_NOMEM : SQLITE_OK;
}

static int hlq_phrase(struct hlq *q, const char *s, size_t n)
{
	if (hy_grow_implied(&q->ph, q->nph, sizeof *q->ph)) {
		q->oom = 1;
		return HY_ERR_NOMEM;
	}
	q->ph[q->nph].first = q->npos;
	q->ph[q->nph].n = 0;
	q->nph++;
	if (hy_fts_tokenize(FTS5_TOKENIZE_QUERY, s, n, on_qtoken, q) != 0 || q->oom)
		return HY_ERR_NOMEM;
	if (q->ph[q->nph - 1].n == 0)
		q->nph--;
	return 0;
}

/* The phrases of the terms of L that are not excluded. */
int hy_search_hlq_init(struct hlq *q, const struct lex *L)
{
	struct sb py = {0};
	int rc = 0;

	memset(q, 0, sizeof *q);
	for (size_t i = 0; i < L->n && rc == 0; i++) {
		const struct item *it = &L->v[i];
		if (it->kind == IT_OR || it->neg)
			continue;
		rc = hlq_phrase(q, L->txt.p + it->off, it->len);
		if (rc == 0 && hy_search_pinyin_of(L->txt.p + it->off, it->len, &py) > 0)
			rc = hlq_phrase(q, py.p, py.n);
	}
	free(py.p);
	return rc ? rc : py.oom ? HY_ERR_NOMEM : 0;
}

void hy_search_hlq_free(struct hlq *q)
{
	free(q->bytes.p);
	free(q->alt);
	free(q->pos);
	free(q->ph);
}

/* A column's tokens: one per position (documents have no colocated
 * ones; should one come, it counts as the same position). */
struct dtok {
	size_t off; /* bytes in the token buffer */
	int n;
	int start, end; /* bytes in the text */
	int colo;
};

struct doc {
	struct sb bytes;
	struct dtok *t;
	size_t n;
	int oom;
};

static int on_dtoken(void *ctx, int tflags, const char *token, int ntoken, int start, int end)
{
	struct doc *d = ctx;
	if (hy_grow_implied(&d->t, d->n, sizeof *d->t)) {
		d->oom = 1;
		return SQLITE_NOMEM;
	}
	d->t[d->n].off = d->bytes.n;
	d->t[d->n].n = ntoken;
	d->t[d->n].start = start;
	d->t[d->n].end = end;
	d->t[d->n].colo = (tflags & FTS5_TOKEN_COLOCATED) && d->n > 0;
	d->n++;
	sb_add(&d->bytes, token, (size_t)ntoken);
	return d->bytes.oom ? SQLITE_NOMEM : SQLITE_OK;
}

/* 1 if some token of the position starting at doc token i is one of the
 * alternatives of query position qp. */
static int pos_match(const struct hlq *q, const struct qpos *qp, const struct doc *d, size_t i)
{
	do {
		const struct dtok *t = &d->t[i];
		for (size_t a = qp->first; a < qp->first + qp->n; a++)
			if (q->alt[a].n == t->n && memcmp(q->bytes.p + q->alt[a].off,
							  d->bytes.p + t->off, (size_t)t->n) == 0)
				return 1;
		i++;
	} while (i < d->n && d->t[i].colo);
	return 0;
}

struct range {
	int start, end;
};

static int cmp_range(const void *pa, const void *pb)
{
	const struct range *a = pa, *b = pb;
	return a->start != b->start ? (a->start < b->start ? -1 : 1)
				    : (a->end > b->end) - (a->end < b->end);
}

/* text with every hit of q between HY_SEARCH_MARK_OPEN and _CLOSE (NULL
 * text: ""), or NULL when out of memory. */
static char *highlight(const struct hlq *q, const char *text)
{
	struct doc d = {0};
	struct range *r = NULL;
	size_t nr = 0, *at = NULL, np = 0, len = text ? strlen(text) : 0;
	struct sb out = {0};
	int oom = 0, last = 0;

	if (len && hy_fts_tokenize(FTS5_TOKENIZE_AUX, text, len, on_dtoken, &d) != 0)
		oom = 1;
	/* the token that starts each position */
	at = malloc((d.n + 1) * sizeof *at);
	if (!at)
		oom = 1;
	for (size_t i = 0; !oom && i < d.n; i++)
		if (!d.t[i].colo)
			at[np++] = i;
	for (size_t p = 0; !oom && p < q->nph; p++) {
		const struct qphrase *ph = &q->ph[p];
		for (size_t i = 0; i + ph->n <= np; i++) {
			size_t j = 0;
			while (j < ph->n && pos_match(q, &q->pos[ph->first + j], &d, at[i + j]))
				j++;
			if (j < ph->n)
				continue;
			if (hy_grow_implied(&r, nr, sizeof *r)) {
				oom = 1;
				break;
			}
			r[nr].start = d.t[at[i]].start;
			r[nr].end = d.t[at[i + ph->n - 1]].end;
			nr++;
		}
	}
	if (nr > 1)
		qsort(r, nr, sizeof *r, cmp_range);
	for (size_t i = 0; !oom && i < nr; i++) {
		int st = r[i].start, en = r[i].end;
		while (i + 1 < nr && r[i + 1].start < en) { /* overlaps */
			i++;
			if (r[i].end > en)
				en = r[i].end;
		}
		if (st < last)
			st = last;
		sb_add(&out, text + last, (size_t)(st - last));
		sb_str(&out, HY_SEARCH_MARK_OPEN);
		sb_add(&out, text + st, (size_t)(en - st));
		sb_str(&out, HY_SEARCH_MARK_CLOSE);
		last = en;
	}
	if (!oom)
		sb_add(&out, text ? text + last : "", len - (size_t)last);
	free(d.bytes.p);
	free(d.t);
	free(at);
	free(r);
	if (oom || out.oom) {
		free(out.p);
		return NULL;
	}
	return out.p;
}

struct ch {
	size_t off; /* bytes into the highlighted text */
	int len, w;
	int span; /* 1 + index of the hit it is part of, or 0 */
};

struct spn {
	size_t first, last; /* chars, inclusive */
};

struct hl {
	const char *s;
	struct ch *c;
	size_t n;
	struct spn *sp;
	size_t nsp;
	size_t distinct;
};

static int is_break(uint32_t cp)
{
	return cp == 0x3002 || cp == 0xff0c || cp == 0xff1b || cp == 0xff1a || cp == 0xff01 ||
	       cp == 0xff1f || cp == 0x3001 || cp == '\n' || cp == ',' || cp == '.' || cp == ';' ||
	       cp == ':' || cp == '!' || cp == '?';
}

static int ws(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000;
}

static int same_span(const struct hl *h, const struct spn *a, const struct spn *b)
{
	size_t la = h->c[a->last].off + (size_t)h->c[a->last].len - h->c[a->first].off;
	size_t lb = h->c[b->last].off + (size_t)h->c[b->last].len - h->c[b->first].off;
	return la == lb && memcmp(h->s + h->c[a->first].off, h->s + h->c[b->first].off, la) == 0;
}

/* Distinct hit texts among spans [i, j). */
static size_t distinct(const struct hl *h, size_t i, size_t j)
{
	size_t d = 0;
	for (size_t k = i; k < j; k++) {
		size_t m = i;
		while (m < k && !same_span(h, &h->sp[m], &h->sp[k]))
			m++;
		d += m == k;
	}
	return d;
}

/* Split the highlighted text into characters and hits. */
static int hl_parse(struct hl *h, const char *s)
{
	size_t len = s ? strlen(s) : 0;
	int in = 0;

	memset(h, 0, sizeof *h);
	h->s = s ? s : "";
	if (len == 0)
		return 0;
	h->c = malloc(len * sizeof *h->c);
	h->sp = malloc((len / 2 + 1) * sizeof *h->sp);
	if (!h->c || !h->sp)
		return HY_ERR_NOMEM;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k;
		if (s[i] == HY_SEARCH_MARK_OPEN[0] || s[i] == HY_SEARCH_MARK_CLOSE[0]) {
			int open = s[i] == HY_SEARCH_MARK_OPEN[0];
			if (open && !in && h->nsp < SNIPPET_SPANS) {
				h->sp[h->nsp].first = h->n;
				h->sp[h->nsp].last = h->n;
				h->nsp++;
				in = 1;
			} else if (!open && in) {
				in = 0;
				if (h->sp[h->nsp - 1].first == h->n)
					h->nsp--; /* an empty hit */
			}
			i++;
			continue;
		}
		k = hy_utf8_next(s + i, len - i, &cp, NULL);
		h->c[h->n].off = i;
		h->c[h->n].len = (int)k;
		h->c[h->n].w = cp >= 0x2e80 && cp < 0xff61 ? 2 : 1;
		h->c[h->n].span = in ? (int)h->nsp : 0;
		if (in)
			h->sp[h->nsp - 1].last = h->n;
		h->n++;
		i += k;
	}
	if (in && h->sp[h->nsp - 1].first == h->n)
		h->nsp--;
	h->distinct = distinct(h, 0, h->nsp);
	return 0;
}

static void hl_free(struct hl *h)
{
	free(h->c);
	free(h->sp);
}

static uint32_t cp_at(const struct hl *h, size_t i)
{
	uint32_t cp;
	hy_utf8_next(h->s + h->c[i].off, (size_t)h->c[i].len, &cp, NULL);
	return cp;
}

/* Where a window showing hit k starts. */
static size_t win_start(const struct hl *h, size_t k)
{
	size_t i = h->sp[k].first;
	int w = 0;
	while (i > 0 && w + h->c[i - 1].w <= SNIPPET_BACK && !is_break(cp_at(h, i - 1))) {
		i--;
		w += h->c[i].w;
	}
	if (h->c[i].span) /* never start inside a hit */
		i = h->sp[h->c[i].span - 1].first;
	while (i < h->sp[k].first && ws(cp_at(h, i)))
		i++;
	return i;
}

/* Where a window from start ends (exclusive): SNIPPET_COLS, the hit at
 * `must` included, no hit cut. */
static size_t win_end(const struct hl *h, size_t start, size_t must)
{
	size_t i = start;
	int w = 0;
	while (i < h->n && (w < SNIPPET_COLS || i <= must)) {
		w += h->c[i].w;
		i++;
	}
	if (i < h->n && i > 0 && h->c[i].span && h->c[i].span == h->c[i - 1].span)
		i = h->sp[h->c[i].span - 1].last + 1;
	return i;
}

static char *snippet(const struct hl *h)
{
	size_t start = 0, end, best = 0, bestd = 0;
	struct sb out = {0};
	int space = 0, in = 0;

	for (size_t k = 0; k < h->nsp; k++) {
		size_t s0 = win_start(h, k), e = win_end(h, s0, h->sp[k].last);
		size_t j = k, d;
		while (j < h->nsp && h->sp[j].last < e)
			j++;
		d = distinct(h, k, j);
		if (d > bestd) {
			bestd = d;
			best = k;
			start = s0;
		}
		if (bestd == h->distinct)
			break; /* cannot do better */
	}
	end = win_end(h, start, h->nsp ? h->sp[best].last : 0);
	if (start > 0)
		sb_str(&out, "\xe2\x80\xa6");
	for (size_t i = start; i < end; i++) {
		const struct ch *c = &h->c[i];
		if (ws(cp_at(h, i)) && !c->span) {
			space = 1;
			continue;
		}
		if (space && out.n > 0 && !(start > 0 && out.n == 3))
			sb_add(&out, " ", 1);
		space = 0;
		if (c->span && !in)
			sb_str(&out, HY_SEARCH_MARK_OPEN);
		if (!c->span && in)
			sb_str(&out, HY_SEARCH_MARK_CLOSE);
		in = c->span != 0;
		sb_add(&out, h->s + c->off, (size_t)c->len);
		if (in && (i + 1 == end || h->c[i + 1].span != c->span)) {
			sb_str(&out, HY_SEARCH_MARK_CLOSE);
			in = 0;
		}
	}
	if (end < h->n)
		sb_str(&out, "\xe2\x80\xa6");
	if (!out.p && !out.oom)
		sb_add(&out, "", 0);
	return out.oom ? (free(out.p), NULL) : out.p;
}

/* The snippet of a row from its two columns (heading and text, or title
 * and summary). */
static char *snippet_of(const struct hlq *q, const char *a, const char *b)
{
	char *la = highlight(q, a), *lb = highlight(q, b), *r = NULL;
	/* hb is freed below even when parsing ha failed and hb was never
	 * parsed: empty, not garbage */
	struct hl ha = {0}, hb = {0};
	if (la && lb && hl_parse(&ha, la) == 0 && hl_parse(&hb, lb) == 0)
		r = snippet(hb.distinct >= ha.distinct && (hb.nsp || hb.n) ? &hb : &ha);
	if (la && lb) {
		hl_free(&ha);
		hl_free(&hb);
	}
	free(la);
	free(lb);
	return r;
}

/* Heading, text, title and date of one delivered row. */
static const char detail_sec[] = "SELECT s.meeting_id, s.n, s.heading, s.text, m.date, m.title"
				 " FROM sections s JOIN meetings m ON m.id = s.meeting_id"
				 " WHERE s.id = ?1";
/* schema v15: a section may be a range of the clean text */
static const char detail_sec_v15[] = "SELECT s.meeting_id, s.n, s.heading, s.text, m.date, m.title"
				     " FROM sections_text s JOIN meetings m ON m.id = s.meeting_id"
				     " WHERE s.id = ?1";
static const char detail_mtg[] = "SELECT id, 0, title, summary, date, title FROM meetings"
				 " WHERE id = ?1";
/* schema v20: the summary may be a range of the clean text */
static const char detail_mtg_v20[] = "SELECT m.id, 0, m.title, " HY_STORE_SUMMARY_OF(
	"m") ", m.date, m.title FROM meetings m WHERE m.id = ?1";

int hy_search_deliver(struct hy_store *s, const struct hlq *q, const struct top *t, size_t from,
		      hy_search_fn fn, void *ctx, char *err, size_t errlen)
{
	sqlite3_stmt *st[2] = {NULL, NULL};
	int delivered = 0, stop = 0, dberr = 0;

	for (size_t i = from; i < t->n && !stop && !dberr; i++) {
		const struct cand *c = &t->v[i];
		struct hy_search_hit h;
		int z = c->zero, rc;
		char *snip;

		if (!st[z] && sqlite3_prepare_v2(s->db,
						 z && s->version >= 20 ? detail_mtg_v20
						 : z                   ? detail_mtg
						 : s->version >= 15    ? detail_sec_v15
								       : detail_sec,
						 -1, &st[z], NULL) != SQLITE_OK) {
			dberr = 1;
			break;
		}
		sqlite3_reset(st[z]);
		sqlite3_bind_int64(st[z], 1, c->rowid);
		rc = sqlite3_step(st[z]);
		if (rc == SQLITE_DONE) /* gone since the scan */
			continue;
		if (rc != SQLITE_ROW) {
			dberr = 1;
			break;
		}
		snip = snippet_of(q, (const char *)sqlite3_column_text(st[z], 2),
				  (const char *)sqlite3_column_text(st[z], 3));
		if (!snip) {
			stop = hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
			break;
		}
		h.meeting = sqlite3_column_int64(st[z], 0);
		h.section = sqlite3_column_int(st[z], 1);
		h.heading = (const char *)sqlite3_column_text(st[z], 2);
		h.date = (const char *)sqlite3_column_text(st[z], 4);
		h.title = (const char *)sqlite3_column_text(st[z], 5);
		h.snippet = snip;
		h.score = c->score;
		if (!h.heading)
			h.heading = "";
		delivered++;
		stop = fn(&h, ctx);
		free(snip);
	}
	if (dberr)
		stop = hy_store_fail(s, sqlite3_extended_errcode(s->db),
				     N_("reading search results"), err, errlen);
	sqlite3_finalize(st[0]);
	sqlite3_finalize(st[1]);
	return stop < 0 ? stop : delivered;
}
