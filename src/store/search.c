/* search.c: full-text search, the query side (search.h): what users type
 * → a safe FTS5 expression; ranked or date-ordered results with snippets;
 * counts; rebuilding the index. The index itself (tokenizer "huiyi",
 * sections_fts and meetings_fts, pinyin in queries) is fts.h.
 *
 * The file, in order:
 * - the query language: lexing, OR, pinyin, the FTS5 expression;
 * - candidates: row sets, the best offset + limit of a scan (struct top);
 * - hy_rank: FTS5 auxiliary function, exactly -bm25(t, 10.0, 1.0), with a
 *   bound that skips rows that cannot make the page, row lengths read
 *   through a blob handle, and a deferred idf for one-phrase queries;
 * - the scan of one index, filling in meetings and dates;
 * - snippets: our own highlighting (the huiyi tokenizer, the query's
 *   phrases) and a window of about one line around the hits;
 * - plans: rank order (one scan per index, a filter as a set of rows
 *   read from indexes), date order (join few matches, walk the meetings
 *   newest first for many), counts;
 * - reindex. */
#include "internal.h"

#include "huiyi/err.h"
#include "huiyi/fold.h"
#include "huiyi/fts.h"
#include "huiyi/search.h"
#include "huiyi/utf8.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Snippets: about one line; display columns (a CJK character is 2). */
#define SNIPPET_COLS 40 /* the window */
#define SNIPPET_BACK 12 /* context before the first hit, at most */
#define SNIPPET_SPANS 256 /* hits looked at in one column */

/* The query language (search.h).
 *
 * Lexing: spaces (any Unicode space, controls and invalid bytes too)
 * separate terms; a quote (" ＂ “ ”) starts a phrase that runs to the
 * next quote or to the end; a minus (- － −) that starts a term and is
 * followed by more excludes that term; a bare `OR` is an operator when a
 * term that is not excluded stands on either side, else it is the word
 * "or". A term the tokenizer finds nothing in (punctuation, symbols) is
 * dropped. At most HY_SEARCH_MAX_TERMS terms are used, each cut to
 * HY_SEARCH_MAX_TERM_CHARS characters: the terms to find first, then
 * the excluded ones, each in the order typed.
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
	int used; /* within HY_SEARCH_MAX_TERMS (translate) */
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
	it->used = 0;
	if (kind == IT_WORD && !neg && it->len == 2 &&
	    memcmp(L->txt.p + off, "OR", 2) == 0)
		it->kind = IT_OR;
}

static int is_wordc(uint32_t cp)
{
	return hy_fold_class(hy_fold_cp(cp)) == HY_FOLD_WORD;
}

/* Terms into L. In a phrase, spaces stay (as one) only between two
 * letters or digits ("covid 19", "ran qi"); elsewhere they are dropped:
 * Chinese is written without them, so "燃气 安全" means 燃气安全. */
static void lex(struct lex *L, const char *q, size_t n)
{
	size_t i = 0;
	while (i < n && !L->oom && !L->txt.oom) {
		uint32_t cp, prev = 0;
		size_t k = next_cp(q, n, i, &cp), off, chars = 0;
		int neg = 0, phrase, gap = 0;

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
		for (; i < n; i += k) {
			k = next_cp(q, n, i, &cp);
			if (is_quote(cp)) {
				if (phrase)
					i += k; /* the closing quote */
				break;      /* a word ends before a quote */
			}
			if (is_space(cp)) {
				if (!phrase)
					break;
				gap = 1;
				continue;
			}
			if (chars >= HY_SEARCH_MAX_TERM_CHARS)
				continue;
			if (gap && is_wordc(prev) && is_wordc(cp)) {
				sb_add(&L->txt, " ", 1);
				chars++;
			}
			gap = 0;
			sb_add(&L->txt, q + i, k);
			chars++;
			prev = cp;
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

/* hy_search_translate; with keep, the terms used (L->v[0..L->n), at most
 * HY_SEARCH_MAX_TERMS, in the order typed, without the OR operators) are
 * left in *keep for the caller (lex_free). */
static int translate(const char *query, char **out, struct lex *keep,
		     char *err, size_t errlen)
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
	/* The words to find first, then those to leave out, while the cap
	 * lasts: many -words never push out the word looked for. */
	for (size_t i = 0; i < L.n && terms < HY_SEARCH_MAX_TERMS; i++) {
		const struct item *it = &L.v[i];
		if (it->kind == IT_OR || it->neg)
			continue;
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
			L.v[k].used = 1;
			if (rc)
				goto done;
		}
		if (j > i)
			sb_add(&pos, ")", 1);
		i = j;
	}
	for (size_t i = 0; i < L.n && terms < HY_SEARCH_MAX_TERMS; i++) {
		struct item *it = &L.v[i];
		if (it->kind == IT_OR || !it->neg)
			continue;
		if (negs++)
			sb_add(&neg, " OR ", 4);
		rc = emit_term(&neg, &tmp, L.txt.p + it->off, it->len);
		terms++;
		it->used = 1;
		if (rc)
			goto done;
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
	if (keep) {
		n = 0; /* the terms used, in the order typed */
		for (size_t i = 0; i < L.n; i++)
			if (L.v[i].used)
				L.v[n++] = L.v[i];
		L.n = n;
		*keep = L;
		memset(&L, 0, sizeof L);
	}
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

int hy_search_translate(const char *query, char **out, char *err,
			size_t errlen)
{
	return translate(query, out, NULL, err, errlen);
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

/* Row ids, sorted. */
struct rowset {
	int64_t *v;
	size_t n, cap;
};

static int rowset_add(struct rowset *r, int64_t id)
{
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 256;
		int64_t *v = realloc(r->v, cap * sizeof *v);
		if (!v)
			return HY_ERR_NOMEM;
		r->v = v;
		r->cap = cap;
	}
	r->v[r->n++] = id;
	return 0;
}

static int cmp_id(const void *pa, const void *pb)
{
	int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
	return a < b ? -1 : a > b;
}

/* Sort and drop repeats (FTS5 and the walks mostly give them sorted). */
static void rowset_sort(struct rowset *r)
{
	size_t k = 0;
	int sorted = 1;
	for (size_t i = 1; i < r->n && sorted; i++)
		sorted = r->v[i - 1] < r->v[i];
	if (!sorted && r->n > 1)
		qsort(r->v, r->n, sizeof *r->v, cmp_id);
	for (size_t i = 0; i < r->n; i++)
		if (k == 0 || r->v[k - 1] != r->v[i])
			r->v[k++] = r->v[i];
	r->n = k;
}

static int rowset_has(const struct rowset *r, int64_t id)
{
	size_t lo = 0, hi = r->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->v[mid] == id)
			return 1;
		if (r->v[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* The best `keep` candidates of a scan seen so far (and, in rank order,
 * every one that ties with the last of them). */
struct top {
	struct cand *v;
	size_t n, cap;
	size_t keep;
	size_t room; /* prune when n reaches it */
	int by_date;
	int have_cut;
	struct cand cut; /* the worst one kept at the last prune */
	const struct rowset *only; /* rank only these rows (NULL: all) */
	int64_t lo, hi; /* hi > 0: only rows with lo <= rowid <= hi */
	/* the score of the row hy_rank last kept (scan: read here instead
	 * of calling hy_rank again in the result) */
	int64_t last_rowid;
	double last_score;
	int have_last;
	int deferred; /* one phrase: scores are bm25 / idf until the end */
	int64_t nrow, nmatch; /* rows in the index, rows that matched */
	/* row lengths read from the index's %_docsize table directly */
	sqlite3 *db;
	const char *docsize;
	sqlite3_blob *blob;
	int noblob;
	/* or from fts_lengths (schema v4, fts.h): the block last read */
	int lens_index; /* 0 sections_fts, 1 meetings_fts */
	int nolens;     /* no fts_lengths here: %_docsize only */
	int lens_have;
	int64_t lens_blk;
	sqlite3_blob *lblob;
	uint32_t lens[HY_FTS_LENS_ROWS];
};

static void top_init(struct top *t, size_t keep, int by_date)
{
	memset(t, 0, sizeof *t);
	t->keep = keep;
	t->room = keep * 2 < 256 ? 256 : keep * 2;
	t->by_date = by_date;
}

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

static void copy_date(char date[16], const unsigned char *d)
{
	size_t n = d ? strnlen((const char *)d, 15) : 0;
	memcpy(date, d ? (const char *)d : "", n);
	date[n] = '\0';
}

/* Ranking: hy_rank(table, ptr [, date, meeting, section]), an FTS5
 * auxiliary function registered on the connection when first needed. Its
 * value is exactly -bm25(table, 10.0, 1.0) (FTS5's formula and order of
 * operations: k1 1.2, b 0.75, idf floored at 1e-6), but it costs less:
 * bm25 reads the row's length (the %_docsize table, a b-tree lookup: most
 * of its time) for every row, while hy_rank first bounds the score with
 * the smallest length the row can have (each column as long as its last
 * hit reaches) and returns
 * NULL, without the lookup, when even that cannot reach the worst result
 * kept so far (ptr: the struct top of the scan). In date order it returns
 * NULL for rows whose date, meeting and section cannot be kept, and the
 * score of the others. A NULL row can never be among the results. */
#define RANK_K1 1.2
#define RANK_B 0.75

struct rank_data {
	int nphrase;
	double avgdl;
	int64_t rowid; /* the row last asked for (WHERE, then SELECT) */
	int cached, null;
	double score;
	double *idf, *freq;
};

/* FTS5's idf, floored so that a phrase in most rows still counts. */
static double idf_of(int64_t nrow, int64_t hit)
{
	double idf = log((nrow - hit + 0.5) / (hit + 0.5));
	return idf <= 0.0 ? 1e-6 : idf;
}

static int count_cb(const Fts5ExtensionApi *api, Fts5Context *fc,
		    void *ctx)
{
	(void)api;
	(void)fc;
	(*(int64_t *)ctx)++;
	return SQLITE_OK;
}

static int rank_data(const Fts5ExtensionApi *api, Fts5Context *fc,
		     struct top *t, struct rank_data **out)
{
	struct rank_data *d = api->xGetAuxdata(fc, 0);
	sqlite3_int64 nrow = 0, ntok = 0;
	int rc, np;

	if (d) {
		*out = d;
		return SQLITE_OK;
	}
	np = api->xPhraseCount(fc);
	d = calloc(1, sizeof *d + 2 * (size_t)(np + 1) * sizeof(double));
	if (!d)
		return SQLITE_NOMEM;
	d->nphrase = np;
	d->idf = (double *)(d + 1);
	d->freq = d->idf + np + 1;
	rc = api->xRowCount(fc, &nrow);
	if (nrow <= 0)
		nrow = 1;
	if (rc == SQLITE_OK)
		rc = api->xColumnTotalSize(fc, -1, &ntok);
	d->avgdl = (double)ntok / (double)nrow;
	if (t && t->deferred && np == 1) {
		/* a query of one phrase: its rows are the rows the scan
		 * meets, counted there; the idf is applied at the end (a
		 * common factor: the order does not change) */
		t->nrow = nrow;
		d->idf[0] = 1.0;
		np = 0;
	}
	for (int i = 0; rc == SQLITE_OK && i < np; i++) {
		int64_t hit = 0;
		rc = api->xQueryPhrase(fc, i, &hit, count_cb);
		if (rc == SQLITE_OK) {
			d->idf[i] = idf_of(nrow, hit);
		}
	}
	if (rc == SQLITE_OK)
		rc = api->xSetAuxdata(fc, d, free);
	else
		free(d);
	if (rc == SQLITE_OK)
		*out = d;
	return rc;
}

static double bm25_of(const struct rank_data *d, double len)
{
	double score = 0.0;
	for (int i = 0; i < d->nphrase; i++)
		score += d->idf[i] * ((d->freq[i] * (RANK_K1 + 1.0)) /
				      (d->freq[i] +
				       RANK_K1 * (1 - RANK_B +
						  RANK_B * len / d->avgdl)));
	return score;
}

/* One varint in SQLite's format (FTS5 uses it too): bytes used, or 0. */
static int get_varint(const unsigned char *p, int n, uint64_t *v)
{
	uint64_t x = 0;
	for (int i = 0; i < n && i < 9; i++) {
		if (i == 8) {
			*v = (x << 8) | p[i];
			return 9;
		}
		x = (x << 7) | (p[i] & 0x7f);
		if (!(p[i] & 0x80)) {
			*v = x;
			return i + 1;
		}
	}
	return 0;
}

/* Read block blk of fts_lengths into t->lens (all 0, unknown, when it is
 * missing or not the expected size). */
static void lens_load(struct top *t, int64_t blk)
{
	unsigned char b[4 * HY_FTS_LENS_ROWS];
	int rc = t->lblob ? sqlite3_blob_reopen(t->lblob, blk) :
			    sqlite3_blob_open(t->db, "main", "fts_lengths",
					      "lens", blk, 0, &t->lblob);

	memset(t->lens, 0, sizeof t->lens);
	t->lens_blk = blk;
	t->lens_have = 1;
	if (rc == SQLITE_OK && sqlite3_blob_bytes(t->lblob) == (int)sizeof b &&
	    sqlite3_blob_read(t->lblob, b, (int)sizeof b, 0) == SQLITE_OK) {
		for (int i = 0; i < HY_FTS_LENS_ROWS; i++)
			t->lens[i] = (uint32_t)b[4 * i] |
				     (uint32_t)b[4 * i + 1] << 8 |
				     (uint32_t)b[4 * i + 2] << 16 |
				     (uint32_t)b[4 * i + 3] << 24;
	} else if (rc != SQLITE_OK) {
		/* no such block (the handle is spent: open anew next time) */
		sqlite3_blob_close(t->lblob);
		t->lblob = NULL;
	}
}

/* The row's length in tokens, as xColumnSize(-1) gives it: the sum of
 * the varints (one a column) of its %_docsize record. From its block of
 * fts_lengths when that knows it (one read a block: a scan goes in rowid
 * order), else through one blob handle on %_docsize moved from row to row
 * (a few times cheaper than the statement FTS5 runs for every row);
 * xColumnSize when that fails. */
static int row_length(const Fts5ExtensionApi *api, Fts5Context *fc,
		      struct top *t, int64_t rowid, int *len)
{
	unsigned char b[64];
	int rc, n, off = 0, ncol = api->xColumnCount(fc);
	uint64_t sum = 0;

	if (t && t->db && !t->nolens && rowid >= 0 &&
	    rowid >> HY_FTS_LENS_ROWID_BITS == 0) {
		int64_t blk = (int64_t)t->lens_index
				      << HY_FTS_LENS_INDEX_SHIFT |
			      rowid >> HY_FTS_LENS_SHIFT;
		uint32_t v;
		if (!t->lens_have || t->lens_blk != blk)
			lens_load(t, blk);
		v = t->lens[rowid & (HY_FTS_LENS_ROWS - 1)];
		if (v > 0 && v <= INT32_MAX) {
			*len = (int)v;
			return SQLITE_OK;
		}
	}
	if (!t || !t->db || t->noblob)
		return api->xColumnSize(fc, -1, len);
	rc = t->blob ? sqlite3_blob_reopen(t->blob, rowid) :
		       sqlite3_blob_open(t->db, "main", t->docsize, "sz",
					 rowid, 0, &t->blob);
	n = rc == SQLITE_OK ? sqlite3_blob_bytes(t->blob) : 0;
	if (rc == SQLITE_OK && n > 0 && n <= (int)sizeof b &&
	    sqlite3_blob_read(t->blob, b, n, 0) == SQLITE_OK) {
		for (int i = 0; i < ncol && off >= 0; i++) {
			uint64_t v = 0;
			int k = get_varint(b + off, n - off, &v);
			off = k ? off + k : -1;
			sum += v;
		}
		if (off == n && sum <= INT32_MAX) {
			*len = (int)sum;
			return SQLITE_OK;
		}
	}
	/* not the expected shape: FTS5's own way from now on */
	sqlite3_blob_close(t->blob);
	t->blob = NULL;
	t->noblob = 1;
	return api->xColumnSize(fc, -1, len);
}

static void rank_fn(const Fts5ExtensionApi *api, Fts5Context *fc,
		    sqlite3_context *ctx, int nval, sqlite3_value **val)
{
	struct top *t = nval > 0 ? sqlite3_value_pointer(val[0],
							 "hy_search_top") :
				   NULL;
	struct rank_data *d = NULL;
	int64_t rowid = api->xRowid(fc);
	int rc = rank_data(api, fc, t, &d), len = 0;
	int end[2] = {0, 0}; /* tokens each column has at least */

	if (rc == SQLITE_OK && d->cached && d->rowid == rowid)
		goto out;
	if (t)
		t->nmatch++;
	if (rc == SQLITE_OK && t && t->only && !rowset_has(t->only, rowid)) {
		d->rowid = rowid;
		d->cached = d->null = 1;
		goto out;
	}
	if (rc == SQLITE_OK && t && t->by_date && nval >= 4) {
		struct cand c;
		copy_date(c.date, sqlite3_value_text(val[1]));
		c.meeting = sqlite3_value_int64(val[2]);
		c.n = sqlite3_value_int(val[3]);
		if (top_skip(t, &c)) {
			d->rowid = rowid;
			d->cached = d->null = 1;
			goto out;
		}
	}
	/* each phrase's hits by walking its position list: the same
	 * instances xInst gives, without the merged array it builds */
	for (int ip = 0; rc == SQLITE_OK && ip < d->nphrase; ip++) {
		Fts5PhraseIter it;
		int ic, io, size = api->xPhraseSize(fc, ip);
		d->freq[ip] = 0.0;
		rc = api->xPhraseFirst(fc, ip, &it, &ic, &io);
		for (; rc == SQLITE_OK && ic >= 0;
		     api->xPhraseNext(fc, &it, &ic, &io)) {
			d->freq[ip] += ic == 0 ? 10.0 : 1.0;
			if (ic < 2 && io + size > end[ic])
				end[ic] = io + size;
		}
	}
	if (rc != SQLITE_OK)
		goto out;
	d->rowid = rowid;
	d->cached = 1;
	d->null = 0;
	if (t && !t->by_date && t->have_cut) {
		/* a column holds at least the tokens up to its last hit */
		if (bm25_of(d, (double)(end[0] + end[1])) < t->cut.score) {
			d->null = 1;
			goto out;
		}
	}
	rc = row_length(api, fc, t, rowid, &len);
	if (rc == SQLITE_OK)
		d->score = -(-1.0 * bm25_of(d, (double)len));
out:
	if (rc != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
	} else if (d->null) {
		sqlite3_result_null(ctx);
	} else {
		if (t) {
			t->last_rowid = rowid;
			t->last_score = d->score;
			t->have_last = 1;
		}
		sqlite3_result_double(ctx, d->score);
	}
}

/* Register hy_rank on the connection (once: the scan's prepare fails
 * with "no such function" until then). */
static int rank_register(struct hy_store *s, char *err, size_t errlen)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, "SELECT fts5(?1)", -1, &st, NULL);

	if (rc == SQLITE_OK) {
		sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
		sqlite3_step(st);
		rc = sqlite3_finalize(st);
	}
	if (rc == SQLITE_OK && (!api || api->iVersion < 2))
		return hy_err_set(err, errlen, HY_ERR_DB,
				  "%s: this sqlite has no FTS5", s->path);
	if (rc == SQLITE_OK)
		rc = api->xCreateFunction(api, "hy_rank", NULL, rank_fn, NULL);
	if (rc != SQLITE_OK)
		return hy_store_fail(s, rc, "setting up search", err, errlen);
	return 0;
}

/* Stream the matches of one index into t. zero: meetings_fts.
 * Parameters: ?1 the expression, ?2..?5 the filter, ?6 t. */
static int scan(struct hy_store *s, const char *expr, int zero,
		const struct hy_store_filter *f, struct top *t, char *err,
		size_t errlen)
{
	int join = t->by_date || any_filter(f);
	/* rank order, no join: hy_rank runs once a row, in the WHERE
	 * clause, and the rows it keeps take their score from t (a second
	 * call in the result cost ~10% of a scan) */
	int side = !t->by_date && !join;
	const char *tbl = zero ? "meetings_fts" : "sections_fts";
	const char *row = zero ? "m.date, m.id, 0" :
				 "m.date, s.meeting_id, s.n";
	struct sb q = {0};
	sqlite3_stmt *st;
	int rc;

	sb_str(&q, "SELECT ");
	sb_str(&q, tbl);
	if (side) {
		sb_str(&q, ".rowid, 0");
	} else {
		sb_str(&q, ".rowid, hy_rank(");
		sb_str(&q, tbl);
		sb_str(&q, ", ?6");
		if (t->by_date) {
			sb_str(&q, ", ");
			sb_str(&q, row);
		}
		sb_str(&q, ")");
	}
	if (join) {
		sb_str(&q, ", ");
		sb_str(&q, row);
	} else {
		sb_str(&q, ", NULL, NULL, -1");
	}
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
	if (!t->by_date) { /* bounded here: before the join, and rows that
			    * cannot be kept never come back */
		sb_str(&q, " AND hy_rank(");
		sb_str(&q, tbl);
		sb_str(&q, ", ?6) IS NOT NULL");
	}
	if (t->hi > 0) { /* FTS5 seeks its lists to the range */
		sb_str(&q, " AND ");
		sb_str(&q, tbl);
		sb_str(&q, ".rowid BETWEEN ?7 AND ?8");
	}
	add_filter(&q, f);
	if (q.oom) {
		free(q.p);
		return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
	}
	rc = sqlite3_prepare_v2(s->db, q.p, (int)q.n, &st, NULL);
	if (rc != SQLITE_OK &&
	    strstr(sqlite3_errmsg(s->db), "no such function: hy_rank")) {
		rc = rank_register(s, err, errlen);
		if (rc == 0)
			rc = sqlite3_prepare_v2(s->db, q.p, (int)q.n, &st, NULL);
		else
			st = NULL;
	}
	free(q.p);
	if (rc != SQLITE_OK) {
		if (rc > 0)
			rc = hy_store_fail(s, sqlite3_extended_errcode(s->db),
					   "searching", err, errlen);
		return rc;
	}
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
	bind_filter(st, f);
	sqlite3_bind_pointer(st, 6, t, "hy_search_top", NULL);
	if (t->hi > 0) {
		sqlite3_bind_int64(st, 7, t->lo);
		sqlite3_bind_int64(st, 8, t->hi);
	}
	t->db = s->db;
	t->docsize = zero ? "meetings_fts_docsize" : "sections_fts_docsize";
	t->lens_index = zero;
	t->nolens = s->version < 4 || getenv("HUIYI_SEARCH_NOLENS") != NULL;
	t->lens_have = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct cand c;
		if (sqlite3_column_type(st, 1) == SQLITE_NULL)
			continue; /* cannot be among the results */
		c.rowid = sqlite3_column_int64(st, 0);
		if (side && (!t->have_last || t->last_rowid != c.rowid)) {
			rc = SQLITE_INTERNAL; /* never: the row just ranked */
			break;
		}
		c.score = side ? t->last_score : sqlite3_column_double(st, 1);
		copy_date(c.date, sqlite3_column_text(st, 2));
		c.meeting = zero ? c.rowid : sqlite3_column_int64(st, 3);
		c.n = sqlite3_column_int(st, 4);
		c.zero = zero;
		rc = top_add(t, &c);
		if (rc) {
			sqlite3_finalize(st);
			sqlite3_blob_close(t->blob);
			t->blob = NULL;
			sqlite3_blob_close(t->lblob);
			t->lblob = NULL;
			return hy_err_set(err, errlen, rc, "out of memory");
		}
	}
	if (rc == SQLITE_INTERNAL)
		rc = hy_err_set(err, errlen, HY_ERR_DB,
				"%s: searching: a row came back unranked",
				s->path);
	else if (rc != SQLITE_DONE)
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db),
				   "searching", err, errlen);
	else
		rc = 0;
	sqlite3_finalize(st);
	sqlite3_blob_close(t->blob);
	t->blob = NULL;
	sqlite3_blob_close(t->lblob);
	t->lblob = NULL;
	return rc;
}

/* The meeting, section and date of the candidates the scan left unread
 * (rank order without a filter). */
static int fill(struct hy_store *s, struct top *t, char *err,
		size_t errlen)
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

struct hlq {
	struct sb bytes;
	struct qalt *alt;
	size_t nalt;
	struct qpos *pos;
	size_t npos;
	struct qphrase *ph;
	size_t nph;
	int oom;
};

static void *grow(void *v, size_t n, size_t size, int *oom)
{
	void *nv;
	if (n & (n - 1)) /* capacity: powers of two */
		return v;
	nv = realloc(v, (n ? n * 2 : 8) * size);
	if (!nv)
		*oom = 1;
	return nv;
}

static int on_qtoken(void *ctx, int tflags, const char *token, int ntoken,
		     int start, int end)
{
	struct hlq *q = ctx;
	struct qphrase *ph = &q->ph[q->nph - 1];
	void *v;

	(void)start;
	(void)end;
	if (!(tflags & FTS5_TOKEN_COLOCATED) || ph->n == 0) {
		if (!(v = grow(q->pos, q->npos, sizeof *q->pos, &q->oom)))
			return SQLITE_NOMEM;
		q->pos = v;
		q->pos[q->npos].first = q->nalt;
		q->pos[q->npos].n = 0;
		q->npos++;
		ph->n++;
	}
	if (!(v = grow(q->alt, q->nalt, sizeof *q->alt, &q->oom)))
		return SQLITE_NOMEM;
	q->alt = v;
	q->alt[q->nalt].off = q->bytes.n;
	q->alt[q->nalt].n = ntoken;
	q->nalt++;
	q->pos[q->npos - 1].n++;
	sb_add(&q->bytes, token, (size_t)ntoken);
	return q->bytes.oom ? SQLITE_NOMEM : SQLITE_OK;
}

static int hlq_phrase(struct hlq *q, const char *s, size_t n)
{
	void *v = grow(q->ph, q->nph, sizeof *q->ph, &q->oom);
	if (!v)
		return HY_ERR_NOMEM;
	q->ph = v;
	q->ph[q->nph].first = q->npos;
	q->ph[q->nph].n = 0;
	q->nph++;
	if (hy_fts_tokenize(FTS5_TOKENIZE_QUERY, s, n, on_qtoken, q) != 0 ||
	    q->oom)
		return HY_ERR_NOMEM;
	if (q->ph[q->nph - 1].n == 0)
		q->nph--;
	return 0;
}

/* The phrases of the terms of L that are not excluded. */
static int hlq_init(struct hlq *q, const struct lex *L)
{
	struct sb py = {0};
	int rc = 0;

	memset(q, 0, sizeof *q);
	for (size_t i = 0; i < L->n && rc == 0; i++) {
		const struct item *it = &L->v[i];
		if (it->kind == IT_OR || it->neg)
			continue;
		rc = hlq_phrase(q, L->txt.p + it->off, it->len);
		if (rc == 0 && pinyin_of(L->txt.p + it->off, it->len, &py) > 0)
			rc = hlq_phrase(q, py.p, py.n);
	}
	free(py.p);
	return rc ? rc : py.oom ? HY_ERR_NOMEM : 0;
}

static void hlq_free(struct hlq *q)
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

static int on_dtoken(void *ctx, int tflags, const char *token, int ntoken,
		     int start, int end)
{
	struct doc *d = ctx;
	void *v = grow(d->t, d->n, sizeof *d->t, &d->oom);
	if (!v)
		return SQLITE_NOMEM;
	d->t = v;
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
static int pos_match(const struct hlq *q, const struct qpos *qp,
		     const struct doc *d, size_t i)
{
	do {
		const struct dtok *t = &d->t[i];
		for (size_t a = qp->first; a < qp->first + qp->n; a++)
			if (q->alt[a].n == t->n &&
			    memcmp(q->bytes.p + q->alt[a].off,
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
	return a->start != b->start ? (a->start < b->start ? -1 : 1) :
				      (a->end > b->end) - (a->end < b->end);
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

	if (len && hy_fts_tokenize(FTS5_TOKENIZE_AUX, text, len, on_dtoken,
				   &d) != 0)
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
			void *v;
			while (j < ph->n && pos_match(q, &q->pos[ph->first + j],
						      &d, at[i + j]))
				j++;
			if (j < ph->n)
				continue;
			if (!(v = grow(r, nr, sizeof *r, &oom)))
				break;
			r = v;
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
	return cp == 0x3002 || cp == 0xff0c || cp == 0xff1b || cp == 0xff1a ||
	       cp == 0xff01 || cp == 0xff1f || cp == 0x3001 || cp == '\n' ||
	       cp == ',' || cp == '.' || cp == ';' || cp == ':' || cp == '!' ||
	       cp == '?';
}

static int ws(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	       cp == 0x3000;
}

static int same_span(const struct hl *h, const struct spn *a,
		     const struct spn *b)
{
	size_t la = h->c[a->last].off + (size_t)h->c[a->last].len -
		    h->c[a->first].off;
	size_t lb = h->c[b->last].off + (size_t)h->c[b->last].len -
		    h->c[b->first].off;
	return la == lb && memcmp(h->s + h->c[a->first].off,
				  h->s + h->c[b->first].off, la) == 0;
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
		if (s[i] == HY_SEARCH_MARK_OPEN[0] ||
		    s[i] == HY_SEARCH_MARK_CLOSE[0]) {
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
	while (i > 0 && w + h->c[i - 1].w <= SNIPPET_BACK &&
	       !is_break(cp_at(h, i - 1))) {
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
	struct hl ha, hb;
	if (la && lb && hl_parse(&ha, la) == 0 && hl_parse(&hb, lb) == 0)
		r = snippet(hb.distinct >= ha.distinct && (hb.nsp || hb.n) ?
				    &hb :
				    &ha);
	if (la && lb) {
		hl_free(&ha);
		hl_free(&hb);
	}
	free(la);
	free(lb);
	return r;
}

/* Heading, text, title and date of one delivered row. */
static const char detail_sec[] =
	"SELECT s.meeting_id, s.n, s.heading, s.text, m.date, m.title"
	" FROM sections s JOIN meetings m ON m.id = s.meeting_id"
	" WHERE s.id = ?1";
static const char detail_mtg[] =
	"SELECT id, 0, title, summary, date, title FROM meetings"
	" WHERE id = ?1";

static int deliver(struct hy_store *s, const struct hlq *q,
		   const struct top *t, size_t from, hy_search_fn fn,
		   void *ctx, char *err, size_t errlen)
{
	sqlite3_stmt *st[2] = {NULL, NULL};
	int delivered = 0, stop = 0, dberr = 0;

	for (size_t i = from; i < t->n && !stop && !dberr; i++) {
		const struct cand *c = &t->v[i];
		struct hy_search_hit h;
		int z = c->zero, rc;
		char *snip;

		if (!st[z] && sqlite3_prepare_v2(s->db, z ? detail_mtg :
							    detail_sec,
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
			stop = hy_err_set(err, errlen, HY_ERR_NOMEM,
					  "out of memory");
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
				     "reading search results", err, errlen);
	sqlite3_finalize(st[0]);
	sqlite3_finalize(st[1]);
	return stop < 0 ? stop : delivered;
}

/* Plans.
 *
 * Rank order: each index is scanned into a top of its own (so each
 * keeps its cut, and a deferred idf applies to one index), then the two
 * are merged. With a filter, hy_rank is given the set of rows of the
 * filter's meetings, read from indexes only (allowed_rows). (Joining
 * each row that passes hy_rank's bound to its meeting instead, PLAN_JOIN,
 * gives the same results, but its cut stays low while the scan, in rowid
 * order, meets no row of the filter: slow for a recent date range.)
 *
 * Date order: the matching row ids are read first (FTS5 alone, cheap).
 * Few of them: each is joined to its meeting and the newest kept (cost
 * per match). Many: the meetings are walked newest first through the
 * list (its indexes apply the filter) and their rows looked up in the
 * ids until enough are found (cost per meeting walked: about keep × rows
 * / matches). Either way, scores are computed for the rows kept only. */
/* Tests: HUIYI_SEARCH_PLAN=join or =walk forces the plan of a search
 * with a filter or in date order (each gives the same results). */
enum { PLAN_AUTO, PLAN_JOIN, PLAN_WALK };

static int forced_plan(void)
{
	const char *e = getenv("HUIYI_SEARCH_PLAN");
	if (e && strcmp(e, "join") == 0)
		return PLAN_JOIN;
	if (e && strcmp(e, "walk") == 0)
		return PLAN_WALK;
	return PLAN_AUTO;
}

struct plan {
	struct hy_store *s;
	const char *expr;
	int single; /* the expression is one phrase */
	const struct hy_store_filter *f;
	size_t keep;
	struct top out; /* the result: candidates, not yet sorted */
	char *err;
	size_t errlen;
};

/* Multiply the scores of a deferred scan by the phrase's idf. */
static void scale(struct top *t)
{
	double idf;
	if (!t->deferred)
		return;
	idf = idf_of(t->nrow, t->nmatch);
	for (size_t i = 0; i < t->n; i++)
		t->v[i].score = idf * t->v[i].score;
	t->cut.score = idf * t->cut.score;
}

static int merge(struct top *out, struct top *t)
{
	for (size_t i = 0; i < t->n; i++)
		if (top_add(out, &t->v[i]))
			return HY_ERR_NOMEM;
	return 0;
}

/* The row ids matching expr in one index (zero: meetings_fts). */
static int collect(struct plan *p, int zero, struct rowset *r)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(
		p->s->db,
		zero ? "SELECT rowid FROM meetings_fts WHERE meetings_fts"
		       " MATCH ?1" :
		       "SELECT rowid FROM sections_fts WHERE sections_fts"
		       " MATCH ?1",
		-1, &st, NULL);
	if (rc != SQLITE_OK)
		return hy_store_fail(p->s, sqlite3_extended_errcode(p->s->db),
				     "searching", p->err, p->errlen);
	sqlite3_bind_text(st, 1, p->expr, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (rowset_add(r, sqlite3_column_int64(st, 0))) {
			sqlite3_finalize(st);
			return hy_err_set(p->err, p->errlen, HY_ERR_NOMEM,
					  "out of memory");
		}
	if (rc != SQLITE_DONE) {
		rc = hy_store_fail(p->s, sqlite3_extended_errcode(p->s->db),
				   "searching", p->err, p->errlen);
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_finalize(st);
	rowset_sort(r);
	return 0;
}

/* Walking the meetings of the filter through the list. */
struct walk {
	struct plan *p;
	sqlite3_stmt *secs; /* the sections of one meeting */
	const struct rowset *match; /* NULL: every row (allowed sets) */
	struct rowset *rows[2];     /* or the rows, by index */
	int rc;
};

static int walk_row(const struct hy_store_row *row, void *ctx)
{
	struct walk *w = ctx;
	struct plan *p = w->p;
	struct cand c;
	int rc;

	memset(&c, 0, sizeof c);
	copy_date(c.date, (const unsigned char *)row->date);
	c.meeting = row->id;
	if (w->match ? rowset_has(&w->match[1], row->id) : 1) {
		c.rowid = row->id;
		c.zero = 1;
		w->rc = w->match ? top_add(&p->out, &c) :
				   rowset_add(w->rows[1], row->id);
		if (w->rc)
			return w->rc;
	}
	sqlite3_reset(w->secs);
	sqlite3_bind_int64(w->secs, 1, row->id);
	while ((rc = sqlite3_step(w->secs)) == SQLITE_ROW) {
		c.rowid = sqlite3_column_int64(w->secs, 0);
		c.n = sqlite3_column_int(w->secs, 1);
		c.zero = 0;
		if (w->match && !rowset_has(&w->match[0], c.rowid))
			continue;
		w->rc = w->match ? top_add(&p->out, &c) :
				   rowset_add(w->rows[0], c.rowid);
		if (w->rc)
			return w->rc;
	}
	if (rc != SQLITE_DONE)
		return w->rc = hy_store_fail(p->s,
					     sqlite3_extended_errcode(p->s->db),
					     "reading sections", p->err,
					     p->errlen);
	/* in date order: enough once keep rows are in */
	return w->match && p->out.n >= p->keep ? 1 : 0;
}

/* Walk the filter's meetings newest first: into p->out the rows in match
 * (match[0] sections, match[1] meetings) until keep are found, or, with
 * match NULL, every row id into rows[0] and rows[1]. */
static int walk(struct plan *p, const struct rowset *match,
		struct rowset *rows)
{
	struct walk w = {p, NULL, match, {rows ? &rows[0] : NULL,
					  rows ? &rows[1] : NULL}, 0};
	int rc = sqlite3_prepare_v2(p->s->db,
				    "SELECT id, n FROM sections"
				    " WHERE meeting_id = ?1 ORDER BY n",
				    -1, &w.secs, NULL);
	if (rc != SQLITE_OK)
		return hy_store_fail(p->s, sqlite3_extended_errcode(p->s->db),
				     "reading sections", p->err, p->errlen);
	rc = hy_store_list(p->s, p->f, NULL, INT32_MAX, walk_row, &w, NULL,
			   p->err, p->errlen);
	sqlite3_finalize(w.secs);
	if (w.rc < 0)
		return w.rc;
	if (rows) {
		rowset_sort(&rows[0]);
		rowset_sort(&rows[1]);
	}
	return rc < 0 ? rc : 0;
}

/* Rank order over a big sections index, no filter: the time goes into
 * ranking every matching row (one CJK character matches most of them),
 * so the rows are cut in two by rowid and the lower half is ranked on a
 * second, read-only connection in a thread of its own while this one
 * ranks the upper half. Each half keeps its own best rows and cut; the
 * halves are merged before the deferred idf is applied (their scores are
 * comparable: idf 1 on both, and row count and average length are the
 * whole index's on both connections). The results are those of one scan
 * (a test compares them); the second connection lives as long as the
 * store (store.h). HUIYI_SEARCH_THREADS=1 turns the split off and
 * HUIYI_SEARCH_SPLIT_MIN sets the index size (rows) from which it is
 * used (tests force it on small databases). */
#define SPLIT_MIN_ROWS 50000

struct half {
	struct hy_store *s;
	const char *expr;
	struct top t;
	pthread_t th;
	int rc;
	char err[256];
};

static void *half_scan(void *arg)
{
	struct half *h = arg;
	h->rc = scan(h->s, h->expr, 0, NULL, &h->t, h->err, sizeof h->err);
	return NULL;
}

/* The store's second connection (struct hy_store.reader): read-only,
 * opened on first use, with a smaller page cache (it reads part of an
 * index, once). */
static int reader(struct hy_store *s, struct hy_store **out)
{
	char err[256];
	if (!s->reader) {
		if (s->reader_failed ||
		    hy_store_open(&s->reader, s->path, HY_STORE_READONLY, err,
				  sizeof err)) {
			s->reader_failed = 1; /* one scan does it all */
			s->reader = NULL;
			return -1;
		}
		sqlite3_exec(s->reader->db, "PRAGMA cache_size = -2048", NULL,
			     NULL, NULL);
	}
	*out = s->reader;
	return 0;
}

/* The rows of sections_fts to split at, or 0: no split. */
static int64_t split_at(struct hy_store *s)
{
	const char *e = getenv("HUIYI_SEARCH_THREADS");
	const char *m = getenv("HUIYI_SEARCH_SPLIT_MIN");
	long long min = m && *m ? atoll(m) : SPLIT_MIN_ROWS;
	int64_t top = 0, mtg = 0;
	sqlite3_stmt *st;

	if ((e && atoi(e) == 1) || sysconf(_SC_NPROCESSORS_ONLN) < 2)
		return 0;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT (SELECT ifnull(max(id), 0) FROM sections),"
			       " (SELECT ifnull(max(id), 0) FROM meetings)",
			       -1, &st, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW) {
		top = sqlite3_column_int64(st, 0);
		mtg = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (top < 2 || top < min)
		return 0;
	/* this thread also scans meetings_fts (one row a meeting): the
	 * other thread takes more sections to even out */
	if (mtg > top)
		mtg = top;
	return (int64_t)((double)top * (double)(top + mtg) /
			 (2.0 * (double)top));
}

/* Start ranking the lower rows of sections_fts (up to split_at) in
 * another thread: 1 if started, 0 if one scan must do it all. */
static int half_start(struct plan *p, struct half *h)
{
	int64_t mid = split_at(p->s);
	struct hy_store *aux = NULL;

	memset(h, 0, sizeof *h);
	if (mid <= 0 || reader(p->s, &aux) != 0)
		return 0;
	h->s = aux;
	h->expr = p->expr;
	top_init(&h->t, p->keep, 0);
	h->t.deferred = p->single;
	h->t.lo = INT64_MIN;
	h->t.hi = mid;
	if (pthread_create(&h->th, NULL, half_scan, h) != 0) {
		free(h->t.v);
		return 0;
	}
	return 1;
}

/* Wait for the other thread; with t (this thread's rows, rc its
 * outcome), merge its rows and counts into t. Returns rc or the other
 * thread's error. */
static int half_finish(struct plan *p, struct half *h, struct top *t,
		       int rc)
{
	pthread_join(h->th, NULL);
	if (t && rc == 0 && h->rc) {
		rc = h->rc;
		hy_err_set(p->err, p->errlen, rc, "%s", h->err);
	}
	if (t && rc == 0) {
		top_prune(&h->t);
		if (merge(t, &h->t))
			rc = hy_err_set(p->err, p->errlen, HY_ERR_NOMEM,
					"out of memory");
		t->nmatch += h->t.nmatch;
		if (!t->nrow)
			t->nrow = h->t.nrow;
	}
	free(h->t.v);
	return rc;
}

/* Scan both indexes, each into its own top, and merge into p->out.
 * only (may be NULL): the rows to rank, by index. filter: with the
 * filter in the scan. Rank order over everything may split
 * sections_fts (half_start): then this thread scans meetings_fts first
 * and its part of sections_fts second, while the other thread ranks the
 * rest. */
static int scan_both(struct plan *p, const struct rowset *only, int filter,
		     const struct rowset *matched)
{
	struct half h;
	int split = !only && !filter && !p->out.by_date && half_start(p, &h);
	int rc = 0;

	for (int k = 0; k < 2 && rc == 0; k++) {
		int z = split ? 1 - k : k;
		struct top t;
		top_init(&t, p->keep, p->out.by_date);
		t.only = only ? &only[z] : NULL;
		t.deferred = p->single;
		if (split && z == 0) {
			t.lo = h.t.hi + 1;
			t.hi = INT64_MAX;
		}
		if (!only || only[z].n > 0)
			rc = scan(p->s, p->expr, z, filter ? p->f : NULL, &t,
				  p->err, p->errlen);
		if (split && z == 0) {
			rc = half_finish(p, &h, &t, rc);
			split = 0;
		}
		if (rc == 0) {
			if (matched) /* a join scan meets only some matches */
				t.nmatch = (int64_t)matched[z].n;
			top_prune(&t);
			scale(&t);
			rc = merge(&p->out, &t);
			if (rc)
				rc = hy_err_set(p->err, p->errlen, rc,
						"out of memory");
		}
		free(t.v);
	}
	if (split) /* stopped before sections_fts: wait, drop its rows */
		half_finish(p, &h, NULL, rc);
	return rc;
}

/* The row ids of the filter's meetings and of their sections, through
 * indexes only: the date range is a range of meetings_by_date; a body is
 * tested on each entry of meetings_by_body (which holds the body and the
 * date: no table row is read); a person's meetings come from
 * meeting_people; the sections from their (meeting, n) index. The
 * filter's rules are the list's (store.h hy_store_filter). */
static int allowed_rows(struct plan *p, struct rowset *rows)
{
	const struct hy_store_filter *f = p->f;
	struct sb q = {0};
	sqlite3_stmt *st;
	int rc;

	sb_str(&q, "SELECT m.id, s.id FROM meetings m");
	if (has(f->body)) /* a person's meetings: by id (few) */
		sb_str(&q, " INDEXED BY meetings_by_body");
	else if (!has(f->person))
		sb_str(&q, " INDEXED BY meetings_by_date");
	sb_str(&q, " LEFT JOIN sections s ON s.meeting_id = m.id WHERE 1");
	if (has(f->from) || has(f->to))
		sb_str(&q, " AND ifnull(m.date, '') > ''");
	if (has(f->from))
		sb_str(&q, " AND ifnull(m.date, '') >= ?2");
	if (has(f->to))
		sb_str(&q, " AND ifnull(m.date, '') <= ?3");
	if (has(f->body))
		sb_str(&q, " AND instr(ifnull(m.body, x''), ?4) > 0");
	if (has(f->person))
		sb_str(&q, " AND m.id IN (SELECT mp.meeting_id"
			   " FROM meeting_people mp WHERE mp.person_id IN"
			   " (SELECT p.id FROM people p"
			   " WHERE instr(p.name, ?5) > 0))");
	if (q.oom)
		return hy_err_set(p->err, p->errlen, HY_ERR_NOMEM,
				  "out of memory");
	rc = sqlite3_prepare_v2(p->s->db, q.p, (int)q.n, &st, NULL);
	free(q.p);
	if (rc != SQLITE_OK)
		return hy_store_fail(p->s, sqlite3_extended_errcode(p->s->db),
				     "searching", p->err, p->errlen);
	bind_filter(st, f);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t m = sqlite3_column_int64(st, 0);
		if ((rows[1].n == 0 || rows[1].v[rows[1].n - 1] != m) &&
		    rowset_add(&rows[1], m))
			break;
		if (sqlite3_column_type(st, 1) != SQLITE_NULL &&
		    rowset_add(&rows[0], sqlite3_column_int64(st, 1)))
			break;
	}
	if (rc == SQLITE_ROW)
		rc = hy_err_set(p->err, p->errlen, HY_ERR_NOMEM,
				"out of memory");
	else if (rc != SQLITE_DONE)
		rc = hy_store_fail(p->s, sqlite3_extended_errcode(p->s->db),
				   "searching", p->err, p->errlen);
	else
		rc = 0;
	sqlite3_finalize(st);
	rowset_sort(&rows[0]);
	rowset_sort(&rows[1]);
	return rc;
}

static int rank_plan(struct plan *p)
{
	struct rowset allow[2] = {{0}, {0}};
	int plan = forced_plan(), rc;

	if (!any_filter(p->f))
		return scan_both(p, NULL, 0, NULL);
	if (plan == PLAN_JOIN)
		return scan_both(p, NULL, 1, NULL);
	rc = plan == PLAN_WALK ? walk(p, NULL, allow) : allowed_rows(p, allow);
	if (rc == 0)
		rc = scan_both(p, allow, 0, NULL);
	free(allow[0].v);
	free(allow[1].v);
	return rc;
}

static int cmp_row(const void *pa, const void *pb)
{
	const struct cand *a = pa, *b = pb;
	if (a->zero != b->zero)
		return a->zero - b->zero;
	return a->rowid < b->rowid ? -1 : a->rowid > b->rowid;
}

/* The rows in p->out are kept by date; their scores, from a scan of
 * just them. */
static int score_kept(struct plan *p)
{
	struct rowset only[2] = {{0}, {0}};
	struct plan q = *p;
	int rc = 0;

	for (size_t i = 0; i < p->out.n && rc == 0; i++)
		rc = rowset_add(&only[p->out.v[i].zero], p->out.v[i].rowid);
	if (rc) {
		rc = hy_err_set(p->err, p->errlen, rc, "out of memory");
		goto done;
	}
	rowset_sort(&only[0]);
	rowset_sort(&only[1]);
	top_init(&q.out, p->out.n + 1, 0);
	rc = scan_both(&q, only, 0, NULL);
	if (rc == 0 && q.out.n > 1)
		qsort(q.out.v, q.out.n, sizeof *q.out.v, cmp_row);
	for (size_t i = 0; rc == 0 && i < p->out.n; i++) {
		struct cand *c = &p->out.v[i];
		const struct cand *x = bsearch(c, q.out.v, q.out.n,
					       sizeof *q.out.v, cmp_row);
		if (x)
			c->score = x->score;
	}
	free(q.out.v);
done:
	free(only[0].v);
	free(only[1].v);
	return rc;
}

static int date_plan(struct plan *p)
{
	struct rowset m[2] = {{0}, {0}};
	double matches, rows = 0;
	sqlite3_stmt *st;
	int rc = collect(p, 0, &m[0]);

	if (rc == 0)
		rc = collect(p, 1, &m[1]);
	matches = (double)(m[0].n + m[1].n);
	if (rc || matches == 0)
		goto done;
	if (sqlite3_prepare_v2(p->s->db,
			       "SELECT (SELECT ifnull(max(id), 0) FROM sections)"
			       " + (SELECT ifnull(max(id), 0) FROM meetings)",
			       -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			rows = sqlite3_column_double(st, 0);
		sqlite3_finalize(st);
	}
	/* join: ~5 units a match; walk: ~1 unit a row walked, about
	 * keep × rows / matches of them */
	if (forced_plan() == PLAN_JOIN ||
	    (forced_plan() == PLAN_AUTO &&
	     matches * matches * 5 <= (double)p->keep * rows)) {
		rc = scan_both(p, NULL, 1, m);
	} else {
		rc = walk(p, m, NULL);
		if (rc == 0)
			rc = score_kept(p);
	}
done:
	free(m[0].v);
	free(m[1].v);
	return rc;
}

/* One phrase: one term, not excluded, no pinyin alternative. */
static int one_phrase(const struct lex *L)
{
	struct sb py = {0};
	int one = L->n == 1 && L->v[0].kind != IT_OR && !L->v[0].neg &&
		  pinyin_of(L->txt.p + L->v[0].off, L->v[0].len, &py) == 0;
	free(py.p);
	return one;
}

int hy_store_search(struct hy_store *s, const char *query,
		    const struct hy_store_filter *f, enum hy_search_order order,
		    size_t offset, size_t limit, hy_search_fn fn, void *ctx,
		    char *err, size_t errlen)
{
	struct plan p;
	struct lex L = {0};
	struct hlq q = {0};
	char *expr = NULL;
	int rc;

	if (order != HY_SEARCH_RANK && order != HY_SEARCH_DATE)
		return hy_err_set(err, errlen, HY_ERR_INVALID,
				  "unknown search order %d", (int)order);
	rc = translate(query, &expr, &L, err, errlen);
	if (rc)
		return rc;
	if (limit > INT32_MAX)
		limit = INT32_MAX; /* the count is returned as an int */
	memset(&p, 0, sizeof p);
	if (limit == 0 || offset > SIZE_MAX / 4 - limit)
		goto done; /* nothing that far */
	p.s = s;
	p.expr = expr;
	p.single = one_phrase(&L);
	p.f = f;
	p.keep = offset + limit;
	p.err = err;
	p.errlen = errlen;
	top_init(&p.out, p.keep, order == HY_SEARCH_DATE);
	rc = order == HY_SEARCH_DATE ? date_plan(&p) : rank_plan(&p);
	if (rc == 0) {
		top_prune(&p.out);
		rc = fill(s, &p.out, err, errlen);
	}
	if (rc == 0) {
		if (p.out.n > 1)
			qsort(p.out.v, p.out.n, sizeof *p.out.v,
			      p.out.by_date ? cmp_date_q : cmp_rank_q);
		if (p.out.n > p.keep)
			p.out.n = p.keep;
		rc = hlq_init(&q, &L);
		if (rc)
			rc = hy_err_set(err, errlen, rc, "out of memory");
	}
	if (rc == 0)
		rc = deliver(s, &q, &p.out, offset, fn, ctx, err, errlen);
done:
	hlq_free(&q);
	free(p.out.v);
	free(expr);
	free(L.txt.p);
	free(L.v);
	return rc;
}

/* Distinct meetings of the section rows r plus the meetings m. Few rows:
 * each looked up; many: one pass over the sections' (meeting, n) index,
 * which holds every row id. */
static int count_meetings(struct hy_store *s, const struct rowset *r,
			  const struct rowset *m, size_t *out, char *err,
			  size_t errlen)
{
	struct rowset ids = {0};
	sqlite3_stmt *st;
	int many = r->n > 50000, rc;

	rc = sqlite3_prepare_v2(s->db,
				many ? "SELECT id, meeting_id FROM sections"
				       " INDEXED BY sqlite_autoindex_sections_1" :
				       "SELECT id, meeting_id FROM sections"
				       " WHERE id = ?1",
				-1, &st, NULL);
	if (rc != SQLITE_OK)
		return hy_store_fail(s, sqlite3_extended_errcode(s->db),
				     "counting search results", err, errlen);
	for (size_t i = 0; rc == SQLITE_OK && i < (many ? 1 : r->n); i++) {
		if (!many) {
			sqlite3_reset(st);
			sqlite3_bind_int64(st, 1, r->v[i]);
		}
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			if ((!many || rowset_has(r, sqlite3_column_int64(st, 0))) &&
			    rowset_add(&ids, sqlite3_column_int64(st, 1))) {
				rc = SQLITE_NOMEM;
				break;
			}
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	for (size_t i = 0; rc == SQLITE_OK && i < m->n; i++)
		if (rowset_add(&ids, m->v[i]))
			rc = SQLITE_NOMEM;
	if (rc == SQLITE_NOMEM)
		rc = hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
	else if (rc != SQLITE_OK)
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db),
				   "counting search results", err, errlen);
	sqlite3_finalize(st);
	rowset_sort(&ids);
	*out = ids.n;
	free(ids.v);
	return rc;
}

int hy_store_search_count(struct hy_store *s, const char *query,
			  const struct hy_store_filter *f, size_t *sections,
			  size_t *meetings, char *err, size_t errlen)
{
	struct rowset r[2] = {{0}, {0}}, allow[2] = {{0}, {0}};
	struct plan p;
	size_t n = 0, nm = 0;
	char *expr = NULL;
	int rc;

	if (sections)
		*sections = 0;
	if (meetings)
		*meetings = 0;
	rc = hy_search_translate(query, &expr, err, errlen);
	if (rc)
		return rc;
	memset(&p, 0, sizeof p);
	p.s = s;
	p.expr = expr;
	p.f = f;
	p.err = err;
	p.errlen = errlen;
	rc = collect(&p, 0, &r[0]);
	if (rc == 0)
		rc = collect(&p, 1, &r[1]);
	if (rc == 0 && any_filter(f)) {
		/* the rows of the filter's meetings, matched */
		rc = forced_plan() == PLAN_WALK ? walk(&p, NULL, allow) :
						  allowed_rows(&p, allow);
		for (int z = 0; z < 2 && rc == 0; z++) {
			size_t k = 0;
			for (size_t i = 0; i < r[z].n; i++)
				if (rowset_has(&allow[z], r[z].v[i]))
					r[z].v[k++] = r[z].v[i];
			r[z].n = k;
		}
	}
	if (rc == 0)
		rc = count_meetings(s, &r[0], &r[1], &nm, err, errlen);
	n = r[0].n + r[1].n;
	if (rc == 0) {
		if (sections)
			*sections = n;
		if (meetings)
			*meetings = nm;
	}
	free(r[0].v);
	free(r[1].v);
	free(allow[0].v);
	free(allow[1].v);
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
		hy_store_lens_rebuild,
		/* bodies too: its counts are stale if a trigger was gone */
		"DELETE FROM bodies",
		"INSERT INTO bodies (name, n) SELECT body, count(*) FROM meetings"
		" WHERE body IS NOT NULL GROUP BY body",
		hy_store_people_fill, /* the people (people.c) */
		"COMMIT",
	};

	if (s->in_batch)
		return hy_err_set(err, errlen, HY_ERR_INVALID,
				  "%s: cannot rebuild the index inside a "
				  "batch",
				  s->path);
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		if (i == 1) { /* a table or index dropped: made again, then filled */
			size_t made;
			int rc = hy_store_restore_derived(s, &made, err, errlen);
			if (rc) {
				sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
				return rc;
			}
		}
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
	}
	return 0;
}
