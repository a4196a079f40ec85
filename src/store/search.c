/* search.c: full-text search, the query side (search.h): what users type
 * → a safe FTS5 expression; ranked or date-ordered results with snippets;
 * counts; rebuilding the index. The index itself (tokenizer "huiyi",
 * sections_fts and meetings_fts, pinyin tokens) is fts.h.
 *
 * Results. Both indexes are read as streams of matches in rowid order
 * (FTS5 does the matching, and computes bm25 in rank order); the best
 * offset + limit are kept here, so no matching row is sorted or joined
 * unless it can still be among them:
 * - rank: bm25(…, 10.0, 1.0) (heading or title ×10); the stream needs no
 *   join, only FTS5 (unless a filter asks for the meeting). Rows whose
 *   score ties with the last one kept are all kept, then read their date
 *   (the tie-break), so the order is exact: score, newer date, newer
 *   meeting, lower section.
 * - date: every match needs its meeting's date, so the stream joins
 *   sections → meetings by rowid; order newer date, newer meeting, lower
 *   section (0 first).
 * - filters (store.h hy_store_filter) are conditions on the joined
 *   meeting row; the person's meeting ids are computed once by sqlite.
 * The rows delivered (at most limit) are read once more with rowid = ?,
 * for the snippet, the score and the heading. */
#include "internal.h"

#include "huiyi/err.h"
#include "huiyi/fold.h"
#include "huiyi/fts.h"
#include "huiyi/search.h"
#include "huiyi/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Snippet length in tokens (positions: one per CJK character). */
#define SNIPPET_TOKENS "20"

/* The query language (search.h).
 *
 * Lexing: spaces (any Unicode space, controls and invalid bytes too)
 * separate terms; a quote (" ＂ “ ”) starts a phrase that runs to the
 * next quote or to the end; a minus (- － −) that starts a term and is
 * followed by more excludes that term; a bare `OR` is an operator when a
 * term that is not excluded stands on either side, else it is the word
 * "or". A term the tokenizer finds nothing in (punctuation, symbols) is
 * dropped. At most HY_SEARCH_MAX_TERMS terms are used, each cut to
 * HY_SEARCH_MAX_TERM_CHARS characters.
 *
 * Output: every term is an FTS5 string ("…", '"' doubled), so nothing the
 * user types is FTS5 syntax; a term of ASCII letters (with ' or spaces
 * between syllables) that splits into pinyin becomes ("term" OR
 * "\x01s1 \x01s2"); groups joined by OR are parenthesised; groups are
 * ANDed; excluded terms follow as NOT (…). */

enum { IT_WORD, IT_PHRASE, IT_OR };

struct item {
	size_t off, len; /* text in the lexer's buffer */
	int kind;
	int neg;
};

struct sb {
	char *p;
	size_t n, cap;
	int oom;
};

static void sb_add(struct sb *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 128;
		char *p;
		while (cap < b->n + n + 1)
			cap *= 2;
		p = realloc(b->p, cap);
		if (!p) {
			b->oom = 1;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void sb_str(struct sb *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

static int is_space(uint32_t cp)
{
	return cp <= 0x20 || (cp >= 0x7f && cp <= 0xa0) || cp == 0x1680 ||
	       (cp >= 0x2000 && cp <= 0x200b) || cp == 0x2028 ||
	       cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000 ||
	       cp == 0xfeff;
}

static int is_quote(uint32_t cp)
{
	return cp == '"' || cp == 0xff02 || cp == 0x201c || cp == 0x201d;
}

static int is_minus(uint32_t cp)
{
	return cp == '-' || cp == 0xff0d || cp == 0x2212;
}

/* One code point of q[i..n): a space when it is invalid. */
static size_t next_cp(const char *q, size_t n, size_t i, uint32_t *cp)
{
	int bad = 0;
	size_t k = hy_utf8_next(q + i, n - i, cp, &bad);
	if (bad)
		*cp = ' ';
	return k;
}

struct lex {
	struct sb txt;
	struct item *v;
	size_t n, cap;
	int oom;
};

static void lex_push(struct lex *L, size_t off, int kind, int neg)
{
	struct item *it;
	if (L->txt.n == off) /* nothing collected (an empty phrase) */
		return;
	if (L->n == L->cap) {
		size_t cap = L->cap ? L->cap * 2 : 16;
		struct item *v = realloc(L->v, cap * sizeof *v);
		if (!v) {
			L->oom = 1;
			return;
		}
		L->v = v;
		L->cap = cap;
	}
	it = &L->v[L->n++];
	it->off = off;
	it->len = L->txt.n - off;
	it->neg = neg;
	it->kind = kind;
	if (kind == IT_WORD && !neg && it->len == 2 &&
	    memcmp(L->txt.p + off, "OR", 2) == 0)
		it->kind = IT_OR;
}

static void lex(struct lex *L, const char *q, size_t n)
{
	size_t i = 0;
	while (i < n && !L->oom && !L->txt.oom) {
		uint32_t cp;
		size_t k = next_cp(q, n, i, &cp), off, chars = 0;
		int neg = 0, phrase;

		if (is_space(cp)) {
			i += k;
			continue;
		}
		if (is_minus(cp)) {
			uint32_t c2;
			i += k;
			if (i >= n)
				break;
			k = next_cp(q, n, i, &c2);
			if (is_space(c2))
				continue; /* a lone minus */
			neg = 1;
			cp = c2;
		}
		phrase = is_quote(cp);
		if (phrase)
			i += k;
		off = L->txt.n;
		while (i < n) {
			k = next_cp(q, n, i, &cp);
			if (is_quote(cp)) {
				if (phrase)
					i += k; /* the closing quote */
				break;      /* a word ends before a quote */
			}
			if (is_space(cp) && !phrase)
				break;
			if (chars < HY_SEARCH_MAX_TERM_CHARS) {
				if (is_space(cp))
					sb_add(&L->txt, " ", 1);
				else
					sb_add(&L->txt, q + i, k);
				chars++;
			}
			i += k;
		}
		lex_push(L, off, phrase ? IT_PHRASE : IT_WORD, neg);
	}
}

static int any_token(void *ctx, int tflags, const char *token, int ntoken,
		     int start, int end)
{
	(void)ctx;
	(void)tflags;
	(void)token;
	(void)ntoken;
	(void)start;
	(void)end;
	return 1; /* stop at the first */
}

/* 1 if the tokenizer finds a token in s[0..n) at query time. */
static int has_token(const char *s, size_t n)
{
	return hy_fts_tokenize(FTS5_TOKENIZE_QUERY, s, n, any_token, NULL) != 0;
}

/* The pinyin phrase of s[0..n) into out ("\x01s1 \x01s2 …"): 1 when s is
 * ASCII letters (full-width ones too), with ' or spaces between groups,
 * and every group splits into syllables; 0 when not; < 0 on OOM. */
static int pinyin_of(const char *s, size_t n, struct sb *out)
{
	char grp[HY_FTS_MAX_WORD + 1];
	size_t g = 0, groups = 0, i = 0;
	int rc = 1;

	out->n = 0;
	while (rc == 1) {
		uint32_t cp = 0;
		int end = i >= n;
		if (!end) {
			i += next_cp(s, n, i, &cp);
			cp = hy_fold_cp(cp);
		}
		if (!end && cp >= 'a' && cp <= 'z') {
			if (g == HY_FTS_MAX_WORD)
				return 0;
			grp[g++] = (char)cp;
			continue;
		}
		if (!end && cp != '\'' && cp != ' ')
			return 0;
		if (g > 0) {
			char **syl = NULL;
			size_t ns = 0;
			int r = hy_fts_pinyin_split(grp, g, &syl, &ns);
			if (r < 0)
				return r;
			if (r == 0)
				return 0;
			for (size_t j = 0; j < ns; j++) {
				if (out->n)
					sb_add(out, " ", 1);
				sb_str(out, HY_FTS_PINYIN_PREFIX);
				sb_str(out, syl[j]);
			}
			free(syl);
			groups++;
			g = 0;
		}
		if (end)
			break;
	}
	if (out->oom)
		return HY_ERR_NOMEM;
	return groups > 0;
}

/* s[0..n) as an FTS5 string. */
static void quote(struct sb *b, const char *s, size_t n)
{
	size_t run = 0;
	sb_add(b, "\"", 1);
	for (size_t i = 0; i < n; i++)
		if (s[i] == '"') {
			sb_add(b, s + run, i + 1 - run);
			sb_add(b, "\"", 1);
			run = i + 1;
		}
	sb_add(b, s + run, n - run);
	sb_add(b, "\"", 1);
}

static int emit_term(struct sb *b, struct sb *tmp, const char *s, size_t n)
{
	int py = pinyin_of(s, n, tmp);
	if (py < 0)
		return py;
	if (py) {
		sb_add(b, "(", 1);
		quote(b, s, n);
		sb_add(b, " OR ", 4);
		quote(b, tmp->p, tmp->n);
		sb_add(b, ")", 1);
	} else {
		quote(b, s, n);
	}
	return 0;
}

static int is_pos(const struct item *it)
{
	return it->kind != IT_OR && !it->neg;
}

int hy_search_translate(const char *query, char **out, char *err,
			size_t errlen)
{
	struct lex L = {0};
	struct sb pos = {0}, neg = {0}, tmp = {0}, res = {0};
	size_t n = 0, terms = 0, groups = 0, negs = 0;
	int rc = 0, lexed;

	*out = NULL;
	if (!query)
		query = "";
	lex(&L, query, strlen(query));
	if (L.oom || L.txt.oom) {
		rc = HY_ERR_NOMEM;
		goto done;
	}
	lexed = L.n > 0;
	/* Drop what the index cannot hold (punctuation, symbols). */
	for (size_t i = 0; i < L.n; i++)
		if (has_token(L.txt.p + L.v[i].off, L.v[i].len))
			L.v[n++] = L.v[i];
	L.n = n;
	/* OR between two terms that are not excluded is an operator. */
	for (size_t i = 0; i < L.n; i++)
		if (L.v[i].kind == IT_OR &&
		    !(i > 0 && is_pos(&L.v[i - 1]) && i + 1 < L.n &&
		      is_pos(&L.v[i + 1])))
			L.v[i].kind = IT_WORD;
	for (size_t i = 0; i < L.n && terms < HY_SEARCH_MAX_TERMS; i++) {
		const struct item *it = &L.v[i];
		if (it->kind == IT_OR)
			continue;
		if (it->neg) {
			if (negs++)
				sb_add(&neg, " OR ", 4);
			rc = emit_term(&neg, &tmp, L.txt.p + it->off, it->len);
			terms++;
			if (rc)
				goto done;
			continue;
		}
		/* A group: term (OR term)*. */
		size_t j = i, inside = 0;
		while (j + 2 < L.n && L.v[j + 1].kind == IT_OR)
			j += 2;
		if (groups++)
			sb_add(&pos, " AND ", 5);
		if (j > i)
			sb_add(&pos, "(", 1);
		for (size_t k = i; k <= j && terms < HY_SEARCH_MAX_TERMS;
		     k += 2) {
			if (inside++)
				sb_add(&pos, " OR ", 4);
			rc = emit_term(&pos, &tmp, L.txt.p + L.v[k].off,
				       L.v[k].len);
			terms++;
			if (rc)
				goto done;
		}
		if (j > i)
			sb_add(&pos, ")", 1);
		i = j;
	}
	if (groups == 0) {
		if (!lexed)
			rc = hy_err_set(err, errlen, HY_ERR_INVALID,
					"nothing to search for: the query is "
					"empty");
		else if (negs)
			rc = hy_err_set(err, errlen, HY_ERR_INVALID,
					"nothing to search for: every word is "
					"excluded (-word); add one to look "
					"for");
		else
			rc = hy_err_set(err, errlen, HY_ERR_INVALID,
					"nothing to search for: type Chinese "
					"characters, letters or digits "
					"(punctuation is not searched)");
		goto done;
	}
	if (negs) {
		sb_add(&res, "(", 1);
		sb_add(&res, pos.p, pos.n);
		sb_add(&res, ") NOT (", 7);
		sb_add(&res, neg.p, neg.n);
		sb_add(&res, ")", 1);
	} else {
		sb_add(&res, pos.p, pos.n);
	}
	if (pos.oom || neg.oom || tmp.oom || res.oom) {
		rc = HY_ERR_NOMEM;
		goto done;
	}
	*out = res.p;
	res.p = NULL;
done:
	if (rc == HY_ERR_NOMEM)
		hy_err_set(err, errlen, rc, "out of memory");
	free(L.txt.p);
	free(L.v);
	free(pos.p);
	free(neg.p);
	free(tmp.p);
	free(res.p);
	return rc;
}

/* Searching. */

/* A matching row: a section (sections_fts) or a meeting's title and
 * summary (meetings_fts, section 0). */
struct cand {
	double score;   /* -bm25: higher is better (rank order only) */
	int64_t rowid;  /* sections.id, or meetings.id for section 0 */
	int64_t meeting;
	int n;          /* section number; -1 while not read yet */
	int zero;       /* from meetings_fts: section 0 */
	char date[16];  /* "" when unknown */
};

/* The best `keep` candidates seen so far (and, in rank order, every one
 * that ties with the last of them). */
struct top {
	struct cand *v;
	size_t n, cap;
	size_t keep;
	size_t room; /* prune when n reaches it */
	int by_date;
	int have_cut;
	struct cand cut; /* the worst one kept at the last prune */
};

static int cmp_score(const void *pa, const void *pb)
{
	const struct cand *a = pa, *b = pb;
	return a->score > b->score ? -1 : a->score < b->score;
}

/* Newer date first (unknown last), newer meeting, lower section. */
static int cmp_date(const struct cand *a, const struct cand *b)
{
	int c = strcmp(b->date, a->date);
	if (c)
		return c < 0 ? -1 : 1;
	if (a->meeting != b->meeting)
		return a->meeting > b->meeting ? -1 : 1;
	return a->n < b->n ? -1 : a->n > b->n;
}

static int cmp_date_q(const void *pa, const void *pb)
{
	return cmp_date(pa, pb);
}

static int cmp_rank_q(const void *pa, const void *pb)
{
	int c = cmp_score(pa, pb);
	return c ? c : cmp_date(pa, pb);
}

/* Keep the best `keep` (rank: and all ties with the last of them). */
static void top_prune(struct top *t)
{
	size_t k = t->keep;
	if (t->n <= k)
		return;
	if (t->by_date) {
		qsort(t->v, t->n, sizeof *t->v, cmp_date_q);
		t->n = k;
	} else {
		double s;
		qsort(t->v, t->n, sizeof *t->v, cmp_score);
		s = t->v[k - 1].score;
		while (k < t->n && t->v[k].score >= s)
			k++;
		t->n = k;
	}
	t->cut = t->v[t->n - 1];
	t->have_cut = 1;
	if (t->n * 2 > t->room)
		t->room = t->n * 2; /* many ties: prune less often */
}

/* 1 when c cannot be among the best any more. */
static int top_skip(const struct top *t, const struct cand *c)
{
	if (!t->have_cut)
		return 0;
	if (t->by_date)
		return cmp_date(c, &t->cut) >= 0;
	return c->score < t->cut.score;
}

static int top_add(struct top *t, const struct cand *c)
{
	if (top_skip(t, c))
		return 0;
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		struct cand *v = realloc(t->v, cap * sizeof *v);
		if (!v)
			return HY_ERR_NOMEM;
		t->v = v;
		t->cap = cap;
	}
	t->v[t->n++] = *c;
	if (t->n >= t->room)
		top_prune(t);
	return 0;
}

static int has(const char *s)
{
	return s && s[0];
}

static int any_filter(const struct hy_store_filter *f)
{
	return f && (has(f->from) || has(f->to) || has(f->body) ||
		     has(f->person));
}

/* Conditions on the meeting row `m` for the filter: ?2 from, ?3 to,
 * ?4 body, ?5 person. */
static void add_filter(struct sb *q, const struct hy_store_filter *f)
{
	if (!f)
		return;
	if (has(f->from))
		sb_str(q, " AND m.date >= ?2");
	if (has(f->to))
		sb_str(q, " AND m.date <= ?3");
	if (has(f->body))
		sb_str(q, " AND instr(m.body, ?4) > 0");
	if (has(f->person))
		sb_str(q, " AND m.id IN (SELECT mp.meeting_id"
			  " FROM meeting_people mp WHERE mp.person_id IN"
			  " (SELECT p.id FROM people p"
			  " WHERE instr(p.name, ?5) > 0))");
}

static void bind_filter(sqlite3_stmt *st, const struct hy_store_filter *f)
{
	if (!f)
		return;
	if (has(f->from))
		sqlite3_bind_text(st, 2, f->from, -1, SQLITE_STATIC);
	if (has(f->to))
		sqlite3_bind_text(st, 3, f->to, -1, SQLITE_STATIC);
	if (has(f->body))
		sqlite3_bind_text(st, 4, f->body, -1, SQLITE_STATIC);
	if (has(f->person))
		sqlite3_bind_text(st, 5, f->person, -1, SQLITE_STATIC);
}

static int prepare(struct hy_store *s, const struct sb *q, sqlite3_stmt **st,
		   const char *doing, char *err, size_t errlen)
{
	int rc;
	if (q->oom)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
	rc = sqlite3_prepare_v2(s->db, q->p, (int)q->n, st, NULL);
	if (rc != SQLITE_OK) {
		*st = NULL;
		return hy_store_fail(s, sqlite3_extended_errcode(s->db), doing,
				     err, errlen);
	}
	return 0;
}

static void copy_date(char date[16], const unsigned char *d)
{
	snprintf(date, 16, "%s", d ? (const char *)d : "");
}

/* Stream the matches of one index into t. zero: meetings_fts. */
static int scan(struct hy_store *s, const char *expr, int zero,
		const struct hy_store_filter *f, struct top *t, char *err,
		size_t errlen)
{
	int join = t->by_date || any_filter(f);
	struct sb q = {0};
	sqlite3_stmt *st;
	int rc;

	const char *tbl = zero ? "meetings_fts" : "sections_fts";

	sb_str(&q, "SELECT ");
	sb_str(&q, tbl);
	sb_str(&q, ".rowid, ");
	if (t->by_date) {
		sb_str(&q, "0");
	} else {
		sb_str(&q, "bm25(");
		sb_str(&q, tbl);
		sb_str(&q, ", 10.0, 1.0)");
	}
	if (!join)
		sb_str(&q, ", NULL, -1, NULL");
	else if (zero)
		sb_str(&q, ", m.id, 0, m.date");
	else
		sb_str(&q, ", s.meeting_id, s.n, m.date");
	sb_str(&q, " FROM ");
	sb_str(&q, tbl);
	if (join && zero)
		sb_str(&q, " CROSS JOIN meetings m"
			   " ON m.id = meetings_fts.rowid");
	else if (join)
		sb_str(&q, " CROSS JOIN sections s"
			   " ON s.id = sections_fts.rowid"
			   " CROSS JOIN meetings m ON m.id = s.meeting_id");
	sb_str(&q, " WHERE ");
	sb_str(&q, tbl);
	sb_str(&q, " MATCH ?1");
	add_filter(&q, f);
	rc = prepare(s, &q, &st, "searching", err, errlen);
	free(q.p);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
	bind_filter(st, f);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct cand c;
		c.rowid = sqlite3_column_int64(st, 0);
		c.score = -sqlite3_column_double(st, 1);
		c.meeting = zero ? c.rowid : sqlite3_column_int64(st, 2);
		c.n = sqlite3_column_int(st, 3);
		copy_date(c.date, sqlite3_column_text(st, 4));
		c.zero = zero;
		rc = top_add(t, &c);
		if (rc) {
			sqlite3_finalize(st);
			return hy_err_set(err, errlen, rc, "out of memory");
		}
	}
	if (rc != SQLITE_DONE) {
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db),
				   "searching", err, errlen);
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_finalize(st);
	return 0;
}

/* The meeting, section and date of the candidates the scan left unread
 * (rank order without a filter). */
static int fill(struct hy_store *s, struct top *t, char *err, size_t errlen)
{
	static const char sec_sql[] =
		"SELECT s.meeting_id, s.n, m.date FROM sections s"
		" JOIN meetings m ON m.id = s.meeting_id WHERE s.id = ?1";
	static const char mtg_sql[] =
		"SELECT id, 0, date FROM meetings WHERE id = ?1";
	sqlite3_stmt *st[2] = {NULL, NULL};
	int rc = 0;

	for (size_t i = 0; i < t->n && rc == 0; i++) {
		struct cand *c = &t->v[i];
		int z = c->zero;
		if (c->n >= 0)
			continue;
		if (!st[z] && sqlite3_prepare_v2(s->db, z ? mtg_sql : sec_sql,
						 -1, &st[z], NULL) != SQLITE_OK) {
			rc = -1;
			break;
		}
		sqlite3_reset(st[z]);
		sqlite3_bind_int64(st[z], 1, c->rowid);
		rc = sqlite3_step(st[z]);
		if (rc == SQLITE_ROW) {
			c->meeting = sqlite3_column_int64(st[z], 0);
			c->n = sqlite3_column_int(st[z], 1);
			copy_date(c->date, sqlite3_column_text(st[z], 2));
			rc = 0;
		} else if (rc == SQLITE_DONE) {
			/* gone since the scan (another process): drop it */
			c->n = -3;
			rc = 0;
		} else {
			rc = -1;
		}
	}
	if (rc)
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db),
				   "reading search results", err, errlen);
	sqlite3_finalize(st[0]);
	sqlite3_finalize(st[1]);
	if (rc == 0) { /* drop the rows that went away */
		size_t k = 0;
		for (size_t i = 0; i < t->n; i++)
			if (t->v[i].n != -3)
				t->v[k++] = t->v[i];
		t->n = k;
	}
	return rc;
}

/* Snippet, score, heading, title and date of one delivered row. */
static const char detail_sec[] =
	"SELECT snippet(sections_fts, -1, ?2, ?3, '\xe2\x80\xa6', " /* … */
	SNIPPET_TOKENS "), bm25(sections_fts, 10.0, 1.0), s.meeting_id, s.n,"
	" s.heading, m.date, m.title FROM sections_fts"
	" CROSS JOIN sections s ON s.id = sections_fts.rowid"
	" CROSS JOIN meetings m ON m.id = s.meeting_id"
	" WHERE sections_fts MATCH ?1 AND sections_fts.rowid = ?4";
static const char detail_mtg[] =
	"SELECT snippet(meetings_fts, -1, ?2, ?3, '\xe2\x80\xa6', "
	SNIPPET_TOKENS "), bm25(meetings_fts, 10.0, 1.0), m.id, 0, m.title,"
	" m.date, m.title FROM meetings_fts"
	" CROSS JOIN meetings m ON m.id = meetings_fts.rowid"
	" WHERE meetings_fts MATCH ?1 AND meetings_fts.rowid = ?4";

static int deliver(struct hy_store *s, const char *expr, const struct top *t,
		   size_t from, hy_search_fn fn, void *ctx, char *err,
		   size_t errlen)
{
	sqlite3_stmt *st[2] = {NULL, NULL};
	int delivered = 0, stop = 0, dberr = 0;

	for (size_t i = from; i < t->n && !stop && !dberr; i++) {
		const struct cand *c = &t->v[i];
		struct hy_search_hit h;
		int z = c->zero, rc;

		if (!st[z]) {
			if (sqlite3_prepare_v2(s->db, z ? detail_mtg : detail_sec,
					       -1, &st[z], NULL) != SQLITE_OK) {
				dberr = 1;
				break;
			}
			sqlite3_bind_text(st[z], 1, expr, -1, SQLITE_STATIC);
			sqlite3_bind_text(st[z], 2, HY_SEARCH_MARK_OPEN, -1,
					  SQLITE_STATIC);
			sqlite3_bind_text(st[z], 3, HY_SEARCH_MARK_CLOSE, -1,
					  SQLITE_STATIC);
		}
		sqlite3_reset(st[z]);
		sqlite3_bind_int64(st[z], 4, c->rowid);
		rc = sqlite3_step(st[z]);
		if (rc == SQLITE_DONE) /* gone since the scan */
			continue;
		if (rc != SQLITE_ROW) {
			dberr = 1;
			break;
		}
		h.meeting = sqlite3_column_int64(st[z], 2);
		h.section = sqlite3_column_int(st[z], 3);
		h.snippet = (const char *)sqlite3_column_text(st[z], 0);
		h.score = -sqlite3_column_double(st[z], 1);
		h.heading = (const char *)sqlite3_column_text(st[z], 4);
		h.date = (const char *)sqlite3_column_text(st[z], 5);
		h.title = (const char *)sqlite3_column_text(st[z], 6);
		if (!h.snippet)
			h.snippet = "";
		if (!h.heading)
			h.heading = "";
		delivered++;
		stop = fn(&h, ctx);
	}
	if (dberr)
		stop = hy_store_fail(s, sqlite3_extended_errcode(s->db),
				     "reading search results", err, errlen);
	sqlite3_finalize(st[0]);
	sqlite3_finalize(st[1]);
	return stop < 0 ? stop : delivered;
}

int hy_store_search(struct hy_store *s, const char *query,
		    const struct hy_store_filter *f, enum hy_search_order order,
		    size_t offset, size_t limit, hy_search_fn fn, void *ctx,
		    char *err, size_t errlen)
{
	struct top t = {0};
	char *expr = NULL;
	int rc;

	if (order != HY_SEARCH_RANK && order != HY_SEARCH_DATE)
		return hy_err_set(err, errlen, HY_ERR_INVALID,
				  "unknown search order %d", (int)order);
	rc = hy_search_translate(query, &expr, err, errlen);
	if (rc)
		return rc;
	if (limit > INT32_MAX)
		limit = INT32_MAX; /* the count is returned as an int */
	if (limit == 0 || offset > SIZE_MAX / 4 - limit) {
		free(expr);
		return 0;
	}
	t.keep = offset + limit;
	t.room = t.keep * 2 < 256 ? 256 : t.keep * 2;
	t.by_date = order == HY_SEARCH_DATE;
	rc = scan(s, expr, 0, f, &t, err, errlen);
	if (rc == 0)
		rc = scan(s, expr, 1, f, &t, err, errlen);
	if (rc == 0) {
		top_prune(&t);
		if (!t.by_date)
			rc = fill(s, &t, err, errlen);
	}
	if (rc == 0) {
		if (t.n > 1)
			qsort(t.v, t.n, sizeof *t.v,
			      t.by_date ? cmp_date_q : cmp_rank_q);
		if (t.n > t.keep)
			t.n = t.keep;
		rc = deliver(s, expr, &t, offset, fn, ctx, err, errlen);
	}
	free(t.v);
	free(expr);
	return rc;
}

int hy_store_search_count(struct hy_store *s, const char *query,
			  const struct hy_store_filter *f, size_t *sections,
			  size_t *meetings, char *err, size_t errlen)
{
	int join = any_filter(f);
	struct sb q = {0};
	sqlite3_stmt *st;
	char *expr = NULL;
	int rc;

	if (sections)
		*sections = 0;
	if (meetings)
		*meetings = 0;
	rc = hy_search_translate(query, &expr, err, errlen);
	if (rc)
		return rc;
	sb_str(&q, "SELECT count(*), count(DISTINCT mid) FROM ("
		   "SELECT s.meeting_id AS mid FROM sections_fts"
		   " CROSS JOIN sections s ON s.id = sections_fts.rowid");
	if (join)
		sb_str(&q, " CROSS JOIN meetings m ON m.id = s.meeting_id");
	sb_str(&q, " WHERE sections_fts MATCH ?1");
	add_filter(&q, f);
	sb_str(&q, " UNION ALL SELECT meetings_fts.rowid FROM meetings_fts");
	if (join)
		sb_str(&q, " CROSS JOIN meetings m"
			   " ON m.id = meetings_fts.rowid");
	sb_str(&q, " WHERE meetings_fts MATCH ?1");
	add_filter(&q, f);
	sb_str(&q, ")");
	rc = prepare(s, &q, &st, "counting search results", err, errlen);
	free(q.p);
	if (rc) {
		free(expr);
		return rc;
	}
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
	bind_filter(st, f);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (sections)
			*sections = (size_t)sqlite3_column_int64(st, 0);
		if (meetings)
			*meetings = (size_t)sqlite3_column_int64(st, 1);
		rc = 0;
	} else {
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db),
				   "counting search results", err, errlen);
	}
	sqlite3_finalize(st);
	free(expr);
	return rc;
}

int hy_store_reindex(struct hy_store *s, char *err, size_t errlen)
{
	static const char *const steps[] = {
		"BEGIN IMMEDIATE",
		"INSERT INTO sections_fts(sections_fts) VALUES ('rebuild')",
		"INSERT INTO meetings_fts(meetings_fts) VALUES ('rebuild')",
		"INSERT INTO sections_fts(sections_fts) VALUES ('optimize')",
		"INSERT INTO meetings_fts(meetings_fts) VALUES ('optimize')",
		"COMMIT",
	};

	if (s->in_batch)
		return hy_err_set(err, errlen, HY_ERR_INVALID,
				  "%s: cannot rebuild the index inside a "
				  "batch",
				  s->path);
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
		if (sqlite3_exec(s->db, steps[i], NULL, NULL, NULL) !=
		    SQLITE_OK) {
			int rc = hy_store_fail(s,
					       sqlite3_extended_errcode(s->db),
					       "rebuilding the search index",
					       err, errlen);
			if (sqlite3_get_autocommit(s->db) == 0)
				sqlite3_exec(s->db, "ROLLBACK", NULL, NULL,
					     NULL);
			return rc;
		}
	return 0;
}
