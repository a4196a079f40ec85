/* search_int.h: what the search files of src/store share; not a public
 * header. A search (search.h) goes, file by file:
 * - search_query.c: what users type -> the terms (struct lex) and a safe
 *   FTS5 expression;
 * - search_plan.c: hy_store_search and hy_store_search_count choose a
 *   plan (rank or date order, with or without a filter);
 * - search_threads.c: both indexes scanned, a big one split across two
 *   threads;
 * - search_scan.c: one scan of one index into a struct top;
 * - search_rank.c: struct top (the best rows so far) and hy_rank, the
 *   FTS5 function that scores them;
 * - search_snippet.c: snippets, and the results delivered.
 * How a search runs (plan, threads, row lengths) is struct
 * hy_search_opts, set on the store (hy_store_search_opts); none of it
 * changes the results. */
#ifndef HUIYI_STORE_SEARCH_INT_H
#define HUIYI_STORE_SEARCH_INT_H

#include "internal.h"

#include "huiyi/fts.h"
#include "huiyi/search.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A growing string; oom once a realloc failed (then nothing is added). */
/* The terms of a query (search_query.c). */
enum { IT_WORD, IT_PHRASE, IT_OR };

struct item {
	size_t off, len; /* text in the lexer's buffer */
	int kind;
	int neg;
	int used; /* within HY_SEARCH_MAX_TERMS (hy_search_translate_lex) */
};

struct sb {
	char *p;
	size_t n, cap;
	int oom;
};

static inline void sb_add(struct sb *b, const char *s, size_t n)
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
	if (n) /* s may be NULL when there is nothing to add */
		memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static inline void sb_str(struct sb *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

struct lex {
	struct sb txt;
	struct item *v;
	size_t n, cap;
	int oom;
};

/* hy_search_translate; with keep, the terms used (keep->v[0..keep->n),
 * at most HY_SEARCH_MAX_TERMS, in the order typed, without the OR
 * operators) are left in *keep for the caller to free (txt.p and v). */
int hy_search_translate_lex(const char *query, char **out, struct lex *keep, char *err,
			    size_t errlen);

/* The pinyin phrase of s[0..n) into out ("\x01s1 \x01s2 ..."): 1 when s
 * is ASCII letters (full-width ones too), with ' or spaces between
 * groups, and every group splits into syllables; 0 when not; < 0 on OOM. */
int hy_search_pinyin_of(const char *s, size_t n, struct sb *out);

/* One phrase: one term, not excluded, no pinyin alternative. */
int hy_search_one_phrase(const struct lex *L);

/* Candidates and their ranking (search_rank.c). */
/* A matching row: a section (sections_fts) or a meeting's title and
 * summary (meetings_fts, section 0). */
struct cand {
	double score;  /* -bm25: higher is better (rank order only) */
	int64_t rowid; /* sections.id, or meetings.id for section 0 */
	int64_t meeting;
	int n;         /* section number; -1 while not read yet */
	int zero;      /* from meetings_fts: section 0 */
	char date[16]; /* "" when unknown */
};

/* Row ids, sorted. */
struct rowset {
	int64_t *v;
	size_t n, cap;
};

int hy_search_rowset_add(struct rowset *r, int64_t id);
/* Sort and drop repeats (FTS5 and the walks mostly give them sorted). */
void hy_search_rowset_sort(struct rowset *r);
int hy_search_rowset_has(const struct rowset *r, int64_t id);

/* The best `keep` candidates of a scan seen so far (and, in rank order,
 * every one that ties with the last of them). */
struct top {
	struct cand *v;
	size_t n, cap;
	size_t keep;
	size_t room; /* prune when n reaches it */
	int by_date;
	int have_cut;
	struct cand cut;           /* the worst one kept at the last prune */
	const struct rowset *only; /* rank only these rows (NULL: all) */
	int64_t lo, hi;            /* hi > 0: only rows with lo <= rowid <= hi */
	/* the score of the row hy_rank last kept (scan: read here instead
	 * of calling hy_rank again in the result) */
	int64_t last_rowid;
	double last_score;
	int have_last;
	int deferred;         /* one phrase: scores are bm25 / idf until the end */
	int weighted;         /* the column weighed 10: 1 from schema v21, else 0 */
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

void hy_search_top_init(struct top *t, size_t keep, int by_date);
/* Keep the best `keep` (rank: and all ties with the last of them). */
void hy_search_top_prune(struct top *t);
/* Add c unless it cannot be among the best; HY_ERR_NOMEM. */
int hy_search_top_add(struct top *t, const struct cand *c);
/* qsort comparisons of candidates: newer date first (unknown last),
 * newer meeting, lower section; or higher score first, then that. */
int hy_search_cmp_date(const void *pa, const void *pb);
int hy_search_cmp_rank(const void *pa, const void *pb);
/* FTS5's idf of a phrase in hit of nrow rows (floored at 1e-6). */
double hy_search_idf(int64_t nrow, int64_t hit);
/* Multiply the scores of a deferred scan by the phrase's idf. */
void hy_search_scale(struct top *t);
/* Register hy_rank on the connection (once: the scan's prepare fails
 * with "no such function" until then). */
int hy_search_rank_register(struct hy_store *s, char *err, size_t errlen);

static inline int has(const char *s)
{
	return s && s[0];
}

static inline void copy_date(char date[16], const unsigned char *d)
{
	size_t n = d ? strnlen((const char *)d, 15) : 0;
	memcpy(date, d ? (const char *)d : "", n);
	date[n] = '\0';
}

/* Scans (search_scan.c). */
int hy_search_any_filter(const struct hy_store_filter *f);
/* Bind the filter's values as ?2 from, ?3 to, ?4 body, ?5 person. */
void hy_search_bind_filter(sqlite3_stmt *st, const struct hy_store_filter *f);
/* Stream the matches of one index into t. zero: meetings_fts. f: the
 * filter, joined in (NULL: none). */
int hy_search_scan(struct hy_store *s, const char *expr, int zero, const struct hy_store_filter *f,
		   struct top *t, char *err, size_t errlen);
/* The meeting, section and date of the candidates the scan left unread
 * (rank order without a filter); rows gone since are dropped. */
int hy_search_fill(struct hy_store *s, struct top *t, char *err, size_t errlen);

/* One search under way (search_plan.c). */
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

/* Scan both indexes, each into its own top, and merge into p->out
 * (search_threads.c). only (may be NULL): the rows to rank, by index;
 * filter: with the filter in the scan; matched (may be NULL): the
 * matches of each index, when the scan meets only some of them. */
int hy_search_scan_both(struct plan *p, const struct rowset *only, int filter,
			const struct rowset *matched);

/* Rank order that stops early (search_bmax.c): a one-phrase query
 * without a filter, ranked by the score bounds of schema v17 into
 * p->out. *done = 0 when it does not apply (the caller scans in full);
 * returns 0 or a failure. */
int hy_search_bmax(struct plan *p, int *done);
/* At most how many rows of index z (zero: meetings_fts) the one-phrase
 * expression expr matches, from the counts of the bounds (fts_df): the
 * fewest rows any of its tokens is in, plus the rows above the bounds'
 * top (up to maxid); -1 when that is not known (not one phrase, or the
 * bounds wait for a fold). Cheap: a read of fts_df a token. */
int64_t hy_search_phrase_rows(struct hy_store *s, const char *expr, int z, int64_t maxid);
/* The matches of p->expr in each index (n[0] sections_fts, n[1]
 * meetings_fts), counted on the store's second connection in a thread
 * of its own from _start (when it can: else by _finish, here) until
 * _finish (search_threads.c). */
#include <pthread.h>
struct hy_search_counter {
	struct hy_store *s;
	const char *expr;
	int64_t n[2];
	int rc;
	int started;
	pthread_t th;
};
void hy_search_count_start(struct plan *p, struct hy_search_counter *c);
int hy_search_count_finish(struct plan *p, struct hy_search_counter *c);

/* Snippets (search_snippet.c): the query's phrases, to mark. */
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

/* The phrases of the terms of L that are not excluded. */
int hy_search_hlq_init(struct hlq *q, const struct lex *L);
void hy_search_hlq_free(struct hlq *q);
/* Call fn for the candidates t->v[from..t->n) with their snippets: the
 * number delivered, or the negative value fn or a failure returned. */
int hy_search_deliver(struct hy_store *s, const struct hlq *q, const struct top *t, size_t from,
		      hy_search_fn fn, void *ctx, char *err, size_t errlen);

#endif
