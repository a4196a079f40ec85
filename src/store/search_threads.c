/* search_threads.c: running a rank-order scan across two threads: the
 * rows of a big sections index cut in two by rowid, the lower half
 * ranked on a second, read-only connection while this one ranks the
 * upper half and meetings_fts; both indexes scanned and merged
 * (hy_search_scan_both) with or without the split. */
#include "search_int.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int merge(struct top *out, struct top *t)
{
	for (size_t i = 0; i < t->n; i++)
		if (hy_search_top_add(out, &t->v[i]))
			return HY_ERR_NOMEM;
	return 0;
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
 * store (store.h). struct hy_search_opts (search.h) turns the split off
 * (one_thread) or sets the index size (rows) from which it is used
 * (split_min: tests force it on small databases). */
#define SPLIT_MIN_ROWS 50000
/* ... and from this many matching rows on: a phrase in fewer rows
 * (fts_df bounds them: hy_search_phrase_rows) is ranked in one thread
 * in less time than the second connection takes to open and the thread
 * to start (about 1 ms at 100,000 meetings; bench/RESULTS.md "Search
 * (issue 14): the process start"). Not when a test sets split_min. */
#define SPLIT_MIN_MATCHES 20000

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
	h->rc = hy_search_scan(h->s, h->expr, 0, NULL, &h->t, h->err, sizeof h->err);
	return NULL;
}

/* The store's second connection (struct hy_store.reader): read-only,
 * opened on first use, with a smaller page cache (it reads part of an
 * index, once). 0, or the code of the open that failed (then the scan
 * runs in one thread: the same results). */
static int reader(struct hy_store *s, struct hy_store **out)
{
	char err[256];
	int rc;
	if (!s->reader) {
		if (s->reader_failed)
			return HY_ERR_DB;
		/* (no check of every b-tree's first row: this store's own
		 * connection read the same file a moment ago, or skipped it
		 * on purpose, HY_STORE_NO_PROBE) */
		rc = hy_store_open(&s->reader, s->path,
				   HY_STORE_READONLY | HY_STORE_NO_PROBE |
					   (s->mapped ? HY_STORE_MAPPED : 0),
				   err, sizeof err);
		if (rc) {
			s->reader_failed = 1; /* one scan does it all */
			s->reader = NULL;
			return rc;
		}
		sqlite3_exec(s->reader->db, "PRAGMA cache_size = -2048", NULL, NULL, NULL);
	}
	*out = s->reader;
	return 0;
}

/* The rows of sections_fts to split at, or 0: no split. */
static int64_t split_at(const struct plan *p)
{
	struct hy_store *s = p->s;
	int64_t min = s->search.split_min ? s->search.split_min : SPLIT_MIN_ROWS;
	int64_t top = 0, mtg = 0;
	sqlite3_stmt *st;

	if (s->search.one_thread || sysconf(_SC_NPROCESSORS_ONLN) < 2)
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
	if (p->single && !s->search.split_min) {
		int64_t most = hy_search_phrase_rows(s, p->expr, 0, top);
		if (most >= 0 && most < SPLIT_MIN_MATCHES)
			return 0;
	}
	/* this thread also scans meetings_fts (one row a meeting): the
	 * other thread takes more sections to even out */
	if (mtg > top)
		mtg = top;
	return (int64_t)((double)top * (double)(top + mtg) / (2.0 * (double)top));
}

/* Counting the matches of both indexes on the second connection while
 * this one ranks by the score bounds (search_bmax.c): the count is
 * needed for the idf and costs about as much as ranking the best
 * blocks. */
/* Counting stops at half the index's rows: from there on the idf is
 * FTS5's floor whatever the count (search_rank.c idf_of). */
static int count_index(struct hy_store *s, const char *expr, int z, int64_t *n)
{
	sqlite3_stmt *st;
	double avgdl;
	int64_t nrow = 0;
	int rc = hy_bounds_avgdl(s->db, z, &avgdl, &nrow);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(s->db,
					z ? "SELECT count(*) FROM (SELECT 1 FROM meetings_fts"
					    " WHERE meetings_fts MATCH ?1 LIMIT ?2)"
					  : "SELECT count(*) FROM (SELECT 1 FROM sections_fts"
					    " WHERE sections_fts MATCH ?1 LIMIT ?2)",
					-1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, nrow > 0 ? nrow - nrow / 2 : -1); /* ceil(nrow / 2) */
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*n = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

static void *count_run(void *arg)
{
	struct hy_search_counter *c = arg;
	for (int z = 0; z < 2 && c->rc == SQLITE_OK; z++)
		c->rc = count_index(c->s, c->expr, z, &c->n[z]);
	return NULL;
}

void hy_search_count_start(struct plan *p, struct hy_search_counter *c)
{
	struct hy_store *aux = NULL;
	memset(c, 0, sizeof *c);
	c->expr = p->expr;
	if (p->s->search.one_thread || sysconf(_SC_NPROCESSORS_ONLN) < 2 || reader(p->s, &aux) != 0)
		return;
	c->s = aux;
	c->started = pthread_create(&c->th, NULL, count_run, c) == 0;
}

int hy_search_count_finish(struct plan *p, struct hy_search_counter *c)
{
	if (c->started) {
		pthread_join(c->th, NULL);
		c->started = 0;
		if (c->rc == SQLITE_OK)
			return 0;
		/* the second connection failed: count here */
	}
	c->rc = SQLITE_OK;
	for (int z = 0; z < 2 && c->rc == SQLITE_OK; z++)
		c->rc = count_index(p->s, c->expr, z, &c->n[z]);
	if (c->rc != SQLITE_OK)
		return hy_store_fail(p->s, sqlite3_extended_errcode(p->s->db), N_("searching"),
				     p->err, p->errlen);
	return 0;
}

/* Start ranking the lower rows of sections_fts (up to split_at) in
 * another thread: 1 if started, 0 if one scan must do it all. */
static int half_start(struct plan *p, struct half *h)
{
	int64_t mid = split_at(p);
	struct hy_store *aux = NULL;

	memset(h, 0, sizeof *h);
	if (mid <= 0 || reader(p->s, &aux) != 0)
		return 0;
	aux->search = p->s->search; /* row lengths: as this one reads them */
	h->s = aux;
	h->expr = p->expr;
	hy_search_top_init(&h->t, p->keep, 0);
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
static int half_finish(struct plan *p, struct half *h, struct top *t, int rc)
{
	pthread_join(h->th, NULL);
	if (t && rc == 0 && h->rc) {
		rc = h->rc;
		hy_err_set(p->err, p->errlen, rc, "%s", h->err);
	}
	if (t && rc == 0) {
		hy_search_top_prune(&h->t);
		if (merge(t, &h->t))
			rc = hy_err_set(p->err, p->errlen, HY_ERR_NOMEM, _("out of memory"));
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
int hy_search_scan_both(struct plan *p, const struct rowset *only, int filter,
			const struct rowset *matched)
{
	struct half h;
	int split, rc = 0, done = 0;

	if (!only && !filter && !p->out.by_date) {
		rc = hy_search_bmax(p, &done);
		if (rc || done)
			return rc;
	}
	split = !only && !filter && !p->out.by_date && half_start(p, &h);

	for (int k = 0; k < 2 && rc == 0; k++) {
		int z = split ? 1 - k : k;
		struct top t;
		hy_search_top_init(&t, p->keep, p->out.by_date);
		t.only = only ? &only[z] : NULL;
		t.deferred = p->single;
		if (split && z == 0) {
			t.lo = h.t.hi + 1;
			t.hi = INT64_MAX;
		}
		if (!only || only[z].n > 0)
			rc = hy_search_scan(p->s, p->expr, z, filter ? p->f : NULL, &t, p->err,
					    p->errlen);
		if (split && z == 0) {
			rc = half_finish(p, &h, &t, rc);
			split = 0;
		}
		if (rc == 0) {
			if (matched) /* a join scan meets only some matches */
				t.nmatch = (int64_t)matched[z].n;
			hy_search_top_prune(&t);
			hy_search_scale(&t);
			rc = merge(&p->out, &t);
			if (rc)
				rc = hy_err_set(p->err, p->errlen, rc, _("out of memory"));
		}
		free(t.v);
	}
	if (split) /* stopped before sections_fts: wait, drop its rows */
		half_finish(p, &h, NULL, rc);
	return rc;
}
