/* search_rank.c: ranking. The candidates of a scan (row sets, the best
 * offset + limit kept so far: struct top, search_int.h) and hy_rank, the
 * FTS5 auxiliary function that scores them: exactly -bm25(t, 1.0, 10.0),
 * with a bound that skips rows that cannot make the page, row lengths
 * read through a blob handle or from fts_lengths, and a deferred idf for
 * one-phrase queries. */
#include "search_int.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"
#include "huiyi/fts.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int hy_search_rowset_add(struct rowset *r, int64_t id)
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
void hy_search_rowset_sort(struct rowset *r)
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

int hy_search_rowset_has(const struct rowset *r, int64_t id)
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

void hy_search_top_init(struct top *t, size_t keep, int by_date)
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

int hy_search_cmp_date(const void *pa, const void *pb)
{
	return cmp_date(pa, pb);
}

int hy_search_cmp_rank(const void *pa, const void *pb)
{
	int c = cmp_score(pa, pb);
	return c ? c : cmp_date(pa, pb);
}

/* Keep the best `keep` (rank: and all ties with the last of them). */
void hy_search_top_prune(struct top *t)
{
	size_t k = t->keep;
	if (t->n <= k)
		return;
	if (t->by_date) {
		qsort(t->v, t->n, sizeof *t->v, hy_search_cmp_date);
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

int hy_search_top_add(struct top *t, const struct cand *c)
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
		hy_search_top_prune(t);
	return 0;
}

/* Ranking: hy_rank(table, ptr [, date, meeting, section]), an FTS5
 * auxiliary function registered on the connection when first needed. Its
 * value is exactly -bm25(table, 1.0, 10.0) (the heading or title is the
 * second column from schema v21; -bm25(table, 10.0, 1.0) before: the
 * struct top's weighted) (FTS5's formula and order of
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
double hy_search_idf(int64_t nrow, int64_t hit)
{
	double idf = log((nrow - hit + 0.5) / (hit + 0.5));
	return idf <= 0.0 ? 1e-6 : idf;
}

static int count_cb(const Fts5ExtensionApi *api, Fts5Context *fc, void *ctx)
{
	(void)api;
	(void)fc;
	(*(int64_t *)ctx)++;
	return SQLITE_OK;
}

static int rank_data(const Fts5ExtensionApi *api, Fts5Context *fc, struct top *t,
		     struct rank_data **out)
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
			d->idf[i] = hy_search_idf(nrow, hit);
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
		score += d->idf[i] *
			 ((d->freq[i] * (RANK_K1 + 1.0)) /
			  (d->freq[i] + RANK_K1 * (1 - RANK_B + RANK_B * len / d->avgdl)));
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
	int rc = t->lblob ? sqlite3_blob_reopen(t->lblob, blk)
			  : sqlite3_blob_open(t->db, "main", "fts_lengths", "lens", blk, 0,
					      &t->lblob);

	memset(t->lens, 0, sizeof t->lens);
	t->lens_blk = blk;
	t->lens_have = 1;
	if (rc == SQLITE_OK && sqlite3_blob_bytes(t->lblob) == (int)sizeof b &&
	    sqlite3_blob_read(t->lblob, b, (int)sizeof b, 0) == SQLITE_OK) {
		for (int i = 0; i < HY_FTS_LENS_ROWS; i++)
			t->lens[i] = (uint32_t)b[4 * i] | (uint32_t)b[4 * i + 1] << 8 |
				     (uint32_t)b[4 * i + 2] << 16 | (uint32_t)b[4 * i + 3] << 24;
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
static int row_length(const Fts5ExtensionApi *api, Fts5Context *fc, struct top *t, int64_t rowid,
		      int *len)
{
	unsigned char b[64];
	int rc, n, off = 0, ncol = api->xColumnCount(fc);
	uint64_t sum = 0;

	if (t && t->db && !t->nolens && rowid >= 0 && rowid >> HY_FTS_LENS_ROWID_BITS == 0) {
		int64_t blk = (int64_t)t->lens_index << HY_FTS_LENS_INDEX_SHIFT |
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
	rc = t->blob ? sqlite3_blob_reopen(t->blob, rowid)
		     : sqlite3_blob_open(t->db, "main", t->docsize, "sz", rowid, 0, &t->blob);
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

static void rank_fn(const Fts5ExtensionApi *api, Fts5Context *fc, sqlite3_context *ctx, int nval,
		    sqlite3_value **val)
{
	struct top *t = nval > 0 ? sqlite3_value_pointer(val[0], "hy_search_top") : NULL;
	struct rank_data *d = NULL;
	int64_t rowid = api->xRowid(fc);
	int rc = rank_data(api, fc, t, &d), len = 0;
	int end[2] = {0, 0};                /* tokens each column has at least */
	int weighted = t ? t->weighted : 0; /* the heading's or title's column */

	if (rc == SQLITE_OK && d->cached && d->rowid == rowid)
		goto out;
	if (t)
		t->nmatch++;
	if (rc == SQLITE_OK && t && t->only && !hy_search_rowset_has(t->only, rowid)) {
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
		for (; rc == SQLITE_OK && ic >= 0; api->xPhraseNext(fc, &it, &ic, &io)) {
			d->freq[ip] += ic == weighted ? 10.0 : 1.0;
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
int hy_search_rank_register(struct hy_store *s, char *err, size_t errlen)
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
		return hy_err_set(err, errlen, HY_ERR_DB, _("%s: this sqlite has no FTS5"),
				  s->path);
	if (rc == SQLITE_OK)
		rc = api->xCreateFunction(api, "hy_rank", NULL, rank_fn, NULL);
	if (rc != SQLITE_OK)
		return hy_store_fail(s, rc, N_("setting up search"), err, errlen);
	return 0;
}

/* Multiply the scores of a deferred scan by the phrase's idf. */
void hy_search_scale(struct top *t)
{
	double idf;
	if (!t->deferred)
		return;
	idf = hy_search_idf(t->nrow, t->nmatch);
	for (size_t i = 0; i < t->n; i++)
		t->v[i].score = idf * t->v[i].score;
	t->cut.score = idf * t->cut.score;
}
