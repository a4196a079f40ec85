/* bounds.c: block-max score bounds for ranking that stops early (schema
 * v17, fts.h HY_FTS_BOUNDS_ROWS; DESIGN.md §5 "Ranking that stops
 * early"). For each index, each token and each chunk of 256 blocks of
 * 256 rowids, one byte a block: a bound on the bm25 term score (without
 * its idf) that any row of the block can have for that token. The SQL
 * functions hy_bounds_build(index) (the migration, reindex, refold) and
 * hy_bounds_fold(index) (every commit) keep them; search_bmax.c reads
 * them. */
#include "internal.h"

#include "huiyi/fts.h"
#include "huiyi/grow.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The scores hy_rank computes (search_rank.c): k1 1.2, b 0.75. */
#define BM_K1 1.2
#define BM_B 0.75

/* A value q (two bytes) stands for scores up to U(q) = (k1+1)·(1 − r^q)
 * (65535: up to k1+1, above every score): the step is finest near the
 * top, where the best rows of a common word are (their scores differ in
 * the third decimal); r^65534 = 1e-6, a step of 0.02% of the distance to
 * k1+1. */
#define BM_QMAX 65535

static double bm_r(void)
{
	static double r;
	if (r == 0.0)
		r = exp(log(1e-6) / (double)(BM_QMAX - 1));
	return r;
}

double hy_bounds_upper(unsigned q, double rho)
{
	double u;
	if (q == 0)
		return 0.0;
	if (q >= BM_QMAX)
		return BM_K1 + 1.0 + 1e-9;
	u = 1.0 - pow(bm_r(), (double)q); /* U(q) / (k1+1) */
	/* made for a smaller average length A0 = rho·A: a row's length term
	 * shrinks by at most rho, so u/(u + rho·(1−u)) bounds it now */
	if (rho < 1.0)
		u = u / (u + rho * (1.0 - u));
	/* the margin covers rounding (hy_rank's score and this one differ
	 * by a few units of 1e-16) */
	return (BM_K1 + 1.0) * u + 1e-9;
}

/* The value for score f (> 0): the smallest q with U(q) >= f. */
static unsigned quantise(double f)
{
	double x = 1.0 - f / (BM_K1 + 1.0);
	int q;
	if (x <= 0.0)
		return BM_QMAX;
	q = (int)ceil(log(x) / log(bm_r()));
	if (q < 1)
		q = 1;
	while (q < BM_QMAX && hy_bounds_upper((unsigned)q, 1.0) - 1e-9 < f)
		q++;
	return q > BM_QMAX ? BM_QMAX : (unsigned)q;
}

int hy_bounds_avgdl(sqlite3 *db, int idx, double *avgdl, int64_t *nrow)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
				    idx ? "SELECT block FROM meetings_fts_data WHERE id = 1"
					: "SELECT block FROM sections_fts_data WHERE id = 1",
				    -1, &st, NULL);
	uint64_t v[3] = {0, 0, 0};

	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const unsigned char *p = sqlite3_column_blob(st, 0);
		int n = sqlite3_column_bytes(st, 0), off = 0;
		for (int k = 0; k < 3 && off < n; k++) { /* nrow, then each column */
			uint64_t x = 0;
			for (int i = 0; off < n && i < 9; i++) {
				unsigned char c = p[off++];
				if (i == 8) {
					x = (x << 8) | c;
					break;
				}
				x = (x << 7) | (c & 0x7f);
				if (!(c & 0x80))
					break;
			}
			v[k] = x;
		}
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_OK; /* an empty index */
	}
	sqlite3_finalize(st);
	*nrow = (int64_t)v[0];
	*avgdl = (double)(v[1] + v[2]) / (double)(v[0] ? v[0] : 1);
	return rc;
}

/* The tokens of one row, with their counts by column. */
struct tok {
	size_t off;
	int n, col;
};

struct row {
	char *buf;
	size_t nbuf, capbuf;
	struct tok *v;
	size_t n, cap;
	int col;
	int oom;
	/* its distinct tokens (add_row): a hash table of first occurrences
	 * (index + 1, 0 empty), their order and term frequencies */
	size_t *slot, nslot;
	struct distinct {
		size_t first; /* its first occurrence in v */
		double tf;
	} * dv;
	size_t nd, capd;
};

static int row_tok(void *ctx, int tflags, const char *token, int ntoken, int start, int end)
{
	struct row *r = ctx;
	(void)tflags;
	(void)start;
	(void)end;
	if (ntoken <= 0)
		return SQLITE_OK;
	if (ntoken > HY_FTS_MAX_WORD)
		ntoken = HY_FTS_MAX_WORD;
	if (hy_grow(&r->v, &r->cap, r->n + 1, sizeof *r->v, 256))
		return SQLITE_NOMEM;
	if (hy_grow(&r->buf, &r->capbuf, r->nbuf + (size_t)ntoken, 1, 1024))
		return SQLITE_NOMEM;
	memcpy(r->buf + r->nbuf, token, (size_t)ntoken);
	r->v[r->n].off = r->nbuf;
	r->v[r->n].n = ntoken;
	r->v[r->n].col = r->col;
	r->nbuf += (size_t)ntoken;
	r->n++;
	return SQLITE_OK;
}

/* Group a row's tokens: r->dv[0..nd) the first occurrence of each
 * distinct token and its frequency (10 for a heading's, 1 for the
 * text's), by hashing (a row's order of tokens is kept; the bounds and
 * counts do not depend on it). */
static int row_group(struct row *r)
{
	size_t ns = 64;
	while (ns < 2 * r->n)
		ns *= 2;
	if (ns > r->nslot) {
		size_t *sl = realloc(r->slot, ns * sizeof *sl);
		if (!sl)
			return SQLITE_NOMEM;
		r->slot = sl;
		r->nslot = ns;
	}
	if (hy_grow(&r->dv, &r->capd, r->n, sizeof *r->dv, 256))
		return SQLITE_NOMEM;
	memset(r->slot, 0, ns * sizeof *r->slot);
	r->nd = 0;
	for (size_t i = 0; i < r->n; i++) {
		const unsigned char *t = (const unsigned char *)r->buf + r->v[i].off;
		int n = r->v[i].n;
		uint64_t h = 1469598103934665603ull;
		for (int k = 0; k < n; k++)
			h = (h ^ t[k]) * 1099511628211ull;
		size_t at = (size_t)(h ^ (h >> 29)) & (ns - 1);
		for (;; at = (at + 1) & (ns - 1)) {
			size_t d = r->slot[at];
			if (!d) {
				r->slot[at] = r->nd + 1;
				r->dv[r->nd++] = (struct distinct){i, 0.0};
				d = r->nd;
			}
			const struct tok *f = &r->v[r->dv[d - 1].first];
			if (f->n == n && memcmp(r->buf + f->off, t, (size_t)n) == 0) {
				r->dv[d - 1].tf += r->v[i].col == 0 ? 10.0 : 1.0;
				break;
			}
		}
	}
	return SQLITE_OK;
}

static void row_free(struct row *r)
{
	free(r->buf);
	free(r->v);
	free(r->slot);
	free(r->dv);
	memset(r, 0, sizeof *r);
}

/* Accumulated bounds: (chunk, token) -> 256 bytes. */
struct ent {
	int64_t chunk; /* (-1: a count of rows, fts_df) */
	int64_t cnt;
	int n;
	unsigned char tok[HY_FTS_MAX_WORD];
	uint16_t b[HY_FTS_BOUNDS_ROWS];
};

struct acc {
	struct ent *v; /* entries */
	size_t n, cap;
	size_t *slot; /* hash table of entry index + 1 (0 empty) */
	size_t nslot;
};

static uint64_t hash_key(int64_t chunk, const unsigned char *t, int n)
{
	uint64_t h = 1469598103934665603ull ^ (uint64_t)chunk;
	for (int i = 0; i < n; i++)
		h = (h ^ t[i]) * 1099511628211ull;
	return h ^ (h >> 29);
}

static int acc_grow(struct acc *a)
{
	size_t ns = a->nslot ? a->nslot * 2 : 1024;
	size_t *slot = calloc(ns, sizeof *slot);
	if (!slot)
		return SQLITE_NOMEM;
	for (size_t i = 0; i < a->n; i++) {
		size_t h = (size_t)hash_key(a->v[i].chunk, a->v[i].tok, a->v[i].n) & (ns - 1);
		while (slot[h])
			h = (h + 1) & (ns - 1);
		slot[h] = i + 1;
	}
	free(a->slot);
	a->slot = slot;
	a->nslot = ns;
	return SQLITE_OK;
}

static struct ent *acc_get(struct acc *a, int64_t chunk, const char *tok, int n)
{
	size_t h;
	if ((a->n + 1) * 2 > a->nslot && acc_grow(a) != SQLITE_OK)
		return NULL;
	h = (size_t)hash_key(chunk, (const unsigned char *)tok, n) & (a->nslot - 1);
	while (a->slot[h]) {
		struct ent *e = &a->v[a->slot[h] - 1];
		if (e->chunk == chunk && e->n == n && memcmp(e->tok, tok, (size_t)n) == 0)
			return e;
		h = (h + 1) & (a->nslot - 1);
	}
	if (hy_grow(&a->v, &a->cap, a->n + 1, sizeof *a->v, 256))
		return NULL;
	memset(&a->v[a->n], 0, sizeof a->v[a->n]);
	a->v[a->n].chunk = chunk;
	a->v[a->n].n = n;
	memcpy(a->v[a->n].tok, tok, (size_t)n);
	a->slot[h] = ++a->n;
	return &a->v[a->n - 1];
}

static void acc_clear(struct acc *a)
{
	a->n = 0;
	if (a->slot)
		memset(a->slot, 0, a->nslot * sizeof *a->slot);
}

static void acc_free(struct acc *a)
{
	free(a->v);
	free(a->slot);
	memset(a, 0, sizeof *a);
}

/* One row into a: its tokens' bounds in its block. */
/* (a NULL: the counts only; df NULL: the bounds only; sign: +1 a row
 * added, -1 a row gone) */
static int add_row(struct acc *a, struct acc *df, int sign, struct row *r, int64_t id,
		   const unsigned char *c0, int n0, const unsigned char *c1, int n1, double abound)
{
	int64_t blk = id >> HY_FTS_LENS_SHIFT;
	int64_t chunk = blk >> HY_FTS_LENS_SHIFT;
	int slot = (int)(blk & (HY_FTS_BOUNDS_ROWS - 1));
	double len, norm;
	int rc = SQLITE_OK;

	r->n = 0;
	r->nbuf = 0;
	r->col = 0;
	if (c0 && n0 > 0)
		rc = hy_fts_tokenize(FTS5_TOKENIZE_DOCUMENT, (const char *)c0, (size_t)n0, row_tok,
				     r);
	r->col = 1;
	if (rc == SQLITE_OK && c1 && n1 > 0)
		rc = hy_fts_tokenize(FTS5_TOKENIZE_DOCUMENT, (const char *)c1, (size_t)n1, row_tok,
				     r);
	if (rc != SQLITE_OK)
		return rc;
	len = (double)r->n; /* every token counts, as in %_docsize */
	norm = BM_K1 * (1 - BM_B + BM_B * len / (abound > 0 ? abound : 1e-300));
	if ((rc = row_group(r)) != SQLITE_OK)
		return rc;
	for (size_t d = 0; d < r->nd; d++) {
		size_t i = r->dv[d].first;
		double tf = r->dv[d].tf;
		struct ent *e;
		unsigned q;
		if (df) {
			e = acc_get(df, -1, r->buf + r->v[i].off, r->v[i].n);
			if (!e)
				return SQLITE_NOMEM;
			e->cnt += sign;
		}
		if (a) {
			q = quantise(tf * (BM_K1 + 1.0) / (tf + norm));
			e = acc_get(a, chunk, r->buf + r->v[i].off, r->v[i].n);
			if (!e)
				return SQLITE_NOMEM;
			if (e->b[slot] < q)
				e->b[slot] = (uint16_t)q;
		}
	}
	return SQLITE_OK;
}

/* Write a's entries into fts_bounds; merge: with the bytes there. */
static int acc_flush(sqlite3 *db, int idx, struct acc *a, int merge)
{
	unsigned char out[HY_FTS_BOUNDS_BYTES];
	sqlite3_stmt *get = NULL, *put = NULL;
	int rc = sqlite3_prepare_v2(db,
				    "INSERT OR REPLACE INTO fts_bounds (idx, token, chunk, b)"
				    " VALUES (?1, ?2, ?3, ?4)",
				    -1, &put, NULL);
	if (rc == SQLITE_OK && merge)
		rc = sqlite3_prepare_v2(db,
					"SELECT b FROM fts_bounds WHERE idx = ?1 AND token = ?2"
					" AND chunk = ?3",
					-1, &get, NULL);
	for (size_t i = 0; rc == SQLITE_OK && i < a->n; i++) {
		struct ent *e = &a->v[i];
		if (get) {
			sqlite3_reset(get);
			sqlite3_bind_int(get, 1, idx);
			sqlite3_bind_blob(get, 2, e->tok, e->n, SQLITE_STATIC);
			sqlite3_bind_int64(get, 3, e->chunk);
			rc = sqlite3_step(get);
			if (rc == SQLITE_ROW) {
				const unsigned char *b = sqlite3_column_blob(get, 0);
				if (b && sqlite3_column_bytes(get, 0) == HY_FTS_BOUNDS_BYTES)
					for (int k = 0; k < HY_FTS_BOUNDS_ROWS; k++) {
						unsigned v = b[2 * k] | (unsigned)b[2 * k + 1] << 8;
						if (e->b[k] < v)
							e->b[k] = (uint16_t)v;
					}
				rc = SQLITE_OK;
			} else if (rc == SQLITE_DONE) {
				rc = SQLITE_OK;
			} else {
				break;
			}
		}
		sqlite3_reset(put);
		sqlite3_bind_int(put, 1, idx);
		sqlite3_bind_blob(put, 2, e->tok, e->n, SQLITE_STATIC);
		sqlite3_bind_int64(put, 3, e->chunk);
		for (int k = 0; k < HY_FTS_BOUNDS_ROWS; k++) {
			out[2 * k] = (unsigned char)e->b[k];
			out[2 * k + 1] = (unsigned char)(e->b[k] >> 8);
		}
		sqlite3_bind_blob(put, 4, out, HY_FTS_BOUNDS_BYTES, SQLITE_STATIC);
		rc = sqlite3_step(put);
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	sqlite3_finalize(get);
	sqlite3_finalize(put);
	acc_clear(a);
	return rc;
}

/* Write the counts of df into fts_df: as they are (replace), or added
 * to those there. */
static int df_flush(sqlite3 *db, int idx, struct acc *df, int replace)
{
	sqlite3_stmt *put = NULL;
	int rc = sqlite3_prepare_v2(
		db,
		replace ? "INSERT OR REPLACE INTO fts_df (idx, token, n)"
			  " VALUES (?1, ?2, ?3)"
			: "INSERT INTO fts_df (idx, token, n) VALUES (?1, ?2, ?3)"
			  " ON CONFLICT (idx, token) DO UPDATE SET n = n + excluded.n",
		-1, &put, NULL);
	for (size_t i = 0; rc == SQLITE_OK && i < df->n; i++) {
		struct ent *e = &df->v[i];
		if (!replace && e->cnt == 0)
			continue;
		sqlite3_reset(put);
		sqlite3_bind_int(put, 1, idx);
		sqlite3_bind_blob(put, 2, e->tok, e->n, SQLITE_STATIC);
		sqlite3_bind_int64(put, 3, e->cnt);
		rc = sqlite3_step(put);
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	sqlite3_finalize(put);
	acc_clear(df);
	return rc;
}

/* The rows of index idx: all with id > from (by id), or one (id = from).
 * A section kept as a range of its meeting's clean text (schema v15)
 * comes with its text NULL, its range (at, len) and its meeting: the
 * text FTS5 indexed (sections_text) is made from the meeting's clean
 * text, read once for all its sections (texts below; reading
 * sections_text in rowid order read it again for each). */
static const char *rows_sql(int idx, int one)
{
	if (idx)
		return one ? "SELECT id, title, summary FROM meetings WHERE id = ?1"
			   : "SELECT id, title, summary FROM meetings WHERE id > ?1 ORDER BY id";
	return one ? "SELECT id, heading, CASE WHEN at IS NOT NULL AND text = '' THEN NULL"
		     " ELSE text END, at, len, meeting_id FROM sections WHERE id = ?1"
		   : "SELECT id, heading, CASE WHEN at IS NOT NULL AND text = '' THEN NULL"
		     " ELSE text END, at, len, meeting_id FROM sections WHERE id > ?1"
		     " ORDER BY id";
}

/* (schema v20: a summary may be a range of the clean text, read as
 * FTS5 was given it; a database below v20, or one being migrated to it
 * before the columns are there, has no summary_at) */
static int prepare_rows(sqlite3 *db, int idx, int one, sqlite3_stmt **st)
{
	static const char v20_one[] = "SELECT m.id, m.title, " HY_STORE_SUMMARY_OF(
		"m") " FROM meetings m WHERE m.id = ?1";
	static const char v20_all[] = "SELECT m.id, m.title, " HY_STORE_SUMMARY_OF(
		"m") " FROM meetings m WHERE m.id > ?1 ORDER BY m.id";
	if (idx && sqlite3_prepare_v2(db, one ? v20_one : v20_all, -1, st, NULL) == SQLITE_OK)
		return SQLITE_OK;
	return sqlite3_prepare_v2(db, rows_sql(idx, one), -1, st, NULL);
}

struct texts {
	sqlite3_stmt *clean, *substr;
	int64_t mid; /* the meeting whose clean text is in buf (-1: none) */
	char *buf;
	int n, have;
};

static void texts_free(struct texts *x)
{
	sqlite3_finalize(x->clean);
	sqlite3_finalize(x->substr);
	free(x->buf);
	memset(x, 0, sizeof *x);
}

/* The second column of row q of index idx, as FTS5 was given it
 * (SECTION_TEXT in schema.c: substr(clean, at, len) of the meeting). */
static int row_text(sqlite3 *db, struct texts *x, int idx, sqlite3_stmt *q, const unsigned char **t,
		    int *n)
{
	int64_t mid;
	int rc;
	*t = sqlite3_column_text(q, 2);
	*n = sqlite3_column_bytes(q, 2);
	if (idx || *t || sqlite3_column_type(q, 3) == SQLITE_NULL)
		return SQLITE_OK;
	mid = sqlite3_column_int64(q, 5);
	if (!x->clean) {
		/* the text through hy_clean (cleanz.h), or the column clean of
		 * a database the migration to v17 is upgrading (before v18) */
		rc = sqlite3_prepare_v2(db,
					"SELECT hy_clean(cleanz, id) FROM meetings WHERE id = ?1",
					-1, &x->clean, NULL);
		if (rc == SQLITE_ERROR)
			rc = sqlite3_prepare_v2(db, "SELECT clean FROM meetings WHERE id = ?1", -1,
						&x->clean, NULL);
		if (rc == SQLITE_OK)
			rc = sqlite3_prepare_v2(db, "SELECT substr(?1, ?2, ?3)", -1, &x->substr,
						NULL);
		if (rc != SQLITE_OK)
			return rc;
		x->mid = -1;
	}
	if (x->mid != mid || x->mid < 0) {
		sqlite3_reset(x->clean);
		sqlite3_bind_int64(x->clean, 1, mid);
		x->have = 0;
		rc = sqlite3_step(x->clean);
		if (rc == SQLITE_ROW && sqlite3_column_type(x->clean, 0) != SQLITE_NULL) {
			const unsigned char *c = sqlite3_column_text(x->clean, 0);
			int len = sqlite3_column_bytes(x->clean, 0);
			char *b = realloc(x->buf, (size_t)len + 1);
			if (!b)
				return SQLITE_NOMEM;
			memcpy(b, c ? (const char *)c : "", (size_t)len);
			b[len] = '\0';
			x->buf = b;
			x->n = len;
			x->have = 1;
		} else if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			return rc;
		}
		sqlite3_reset(x->clean);
		x->mid = mid;
	}
	if (!x->have)
		return SQLITE_OK; /* (no meeting: NULL, nothing indexed) */
	sqlite3_reset(x->substr);
	sqlite3_bind_text(x->substr, 1, x->buf, x->n, SQLITE_STATIC);
	sqlite3_bind_value(x->substr, 2, sqlite3_column_value(q, 3));
	sqlite3_bind_value(x->substr, 3, sqlite3_column_value(q, 4));
	rc = sqlite3_step(x->substr);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? SQLITE_OK : rc;
	*t = sqlite3_column_text(x->substr, 0);
	*n = sqlite3_column_bytes(x->substr, 0);
	return SQLITE_OK;
}

/* A rowid the blocks can hold. */
static int in_range(int64_t id)
{
	return id >= 0 && id >> HY_FTS_BOUNDS_ROWID_BITS == 0;
}

static int exec1(sqlite3 *db, const char *sql, int idx)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int(st, 1, idx);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

/* Every bound of index idx again, for the rows it holds now. */
static int build(sqlite3 *db, int idx)
{
	struct acc a = {0}, df = {0};
	struct row r = {0};
	struct texts x = {0};
	sqlite3_stmt *st = NULL, *meta = NULL;
	double avgdl, abound;
	int64_t nrow, top = 0, chunk = -1;
	int ok = 1;
	int rc = hy_bounds_avgdl(db, idx, &avgdl, &nrow);

	abound = avgdl;
	if (rc == SQLITE_OK)
		rc = exec1(db, "DELETE FROM fts_bounds WHERE idx = ?1", idx);
	if (rc == SQLITE_OK)
		rc = exec1(db, "DELETE FROM fts_bounds_meta WHERE idx = ?1", idx);
	if (rc == SQLITE_OK)
		rc = exec1(db, "DELETE FROM fts_bounds_pending WHERE idx = ?1", idx);
	if (rc == SQLITE_OK)
		rc = exec1(db, "DELETE FROM fts_bounds_gone WHERE idx = ?1", idx);
	if (rc == SQLITE_OK)
		rc = exec1(db, "DELETE FROM fts_df WHERE idx = ?1", idx);
	if (rc == SQLITE_OK)
		rc = prepare_rows(db, idx, 0, &st);
	if (rc == SQLITE_OK)
		sqlite3_bind_int64(st, 1, INT64_MIN);
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		int64_t c = id >> (2 * HY_FTS_LENS_SHIFT);
		const unsigned char *t0 = sqlite3_column_text(st, 1), *t1;
		int n0 = sqlite3_column_bytes(st, 1), n1;
		rc = row_text(db, &x, idx, st, &t1, &n1);
		if (rc != SQLITE_OK)
			break;
		if (!in_range(id)) {
			ok = 0; /* no bounds for this index: ranked in full */
			break;
		}
		if (c != chunk && a.n)
			rc = acc_flush(db, idx, &a, 0);
		chunk = c;
		if (rc == SQLITE_OK)
			rc = add_row(&a, &df, 1, &r, id, t0, n0, t1, n1, abound);
		top = id;
	}
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_finalize(st);
	if (rc == SQLITE_OK && ok)
		rc = acc_flush(db, idx, &a, 0);
	if (rc == SQLITE_OK && ok)
		rc = df_flush(db, idx, &df, 1);
	if (rc == SQLITE_OK && ok)
		rc = sqlite3_prepare_v2(db,
					"INSERT INTO fts_bounds_meta (idx, abound, top)"
					" VALUES (?1, ?2, ?3)",
					-1, &meta, NULL);
	if (rc == SQLITE_OK && ok) {
		sqlite3_bind_int(meta, 1, idx);
		sqlite3_bind_double(meta, 2, abound);
		sqlite3_bind_int64(meta, 3, top);
		rc = sqlite3_step(meta);
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	sqlite3_finalize(meta);
	if (rc == SQLITE_OK && !ok)
		rc = exec1(db, "DELETE FROM fts_bounds WHERE idx = ?1", idx);
	if (rc == SQLITE_OK && !ok)
		rc = exec1(db, "DELETE FROM fts_df WHERE idx = ?1", idx);
	acc_free(&a);
	acc_free(&df);
	texts_free(&x);
	row_free(&r);
	return rc;
}

/* Fold the rows added above the bounds' top and those logged in
 * fts_bounds_pending into index idx's bounds; build them again when the
 * index's average length has passed the one they were made for. */
static int fold(sqlite3 *db, int idx)
{
	struct acc a = {0}, df = {0};
	struct row r = {0};
	struct texts x = {0};
	sqlite3_stmt *st = NULL, *one = NULL, *pend = NULL;
	double abound = 0, avgdl;
	int64_t top = 0, nrow, newtop;
	int have = 0, ok = 1;
	int rc = sqlite3_prepare_v2(db, "SELECT abound, top FROM fts_bounds_meta WHERE idx = ?1",
				    -1, &st, NULL);

	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int(st, 1, idx);
	if (sqlite3_step(st) == SQLITE_ROW) {
		have = 1;
		abound = sqlite3_column_double(st, 0);
		top = sqlite3_column_int64(st, 1);
	}
	rc = sqlite3_finalize(st);
	if (rc != SQLITE_OK || !have)
		return rc; /* none (rowids out of range): ranked in full */
	rc = hy_bounds_avgdl(db, idx, &avgdl, &nrow);
	if (rc != SQLITE_OK)
		return rc;
	if (avgdl > 1.25 * abound) /* bounds grown loose (bounds.c: rho) */
		return build(db, idx);
	newtop = top;
	/* the new rows, then the changed ones */
	rc = prepare_rows(db, idx, 0, &st);
	if (rc == SQLITE_OK)
		rc = prepare_rows(db, idx, 1, &one);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, "SELECT id FROM fts_bounds_pending WHERE idx = ?1", -1,
					&pend, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, top);
		sqlite3_bind_int(pend, 1, idx);
	}
	for (int pass = 0; pass < 2 && rc == SQLITE_OK && ok; pass++) {
		sqlite3_stmt *q = pass ? one : st;
		for (;;) {
			int64_t id;
			if (pass) {
				rc = sqlite3_step(pend);
				if (rc != SQLITE_ROW)
					break;
				sqlite3_reset(one);
				sqlite3_bind_int64(one, 1, sqlite3_column_int64(pend, 0));
			}
			rc = sqlite3_step(q);
			if (rc != SQLITE_ROW) {
				if (pass && rc == SQLITE_DONE) {
					rc = SQLITE_OK; /* gone since: nothing */
					continue;
				}
				break;
			}
			id = sqlite3_column_int64(q, 0);
			if (!in_range(id)) {
				ok = 0;
				rc = SQLITE_OK;
				break;
			}
			const unsigned char *t0 = sqlite3_column_text(q, 1), *t1;
			int n0 = sqlite3_column_bytes(q, 1), n1;
			rc = row_text(db, &x, idx, q, &t1, &n1);
			if (rc == SQLITE_OK)
				rc = add_row(&a, &df, 1, &r, id, t0, n0, t1, n1, abound);
			if (rc != SQLITE_OK)
				break;
			if (id > newtop)
				newtop = id;
		}
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	sqlite3_finalize(one);
	sqlite3_finalize(pend);
	if (rc == SQLITE_OK && ok) { /* the rows the counts held that went */
		rc = sqlite3_prepare_v2(db, "SELECT c0, c1 FROM fts_bounds_gone WHERE idx = ?1", -1,
					&st, NULL);
		if (rc == SQLITE_OK)
			sqlite3_bind_int(st, 1, idx);
		while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
			rc = add_row(NULL, &df, -1, &r, 0, sqlite3_column_text(st, 0),
				     sqlite3_column_bytes(st, 0), sqlite3_column_text(st, 1),
				     sqlite3_column_bytes(st, 1), abound);
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
		sqlite3_finalize(st);
		st = NULL;
	}
	if (rc == SQLITE_OK && ok)
		rc = acc_flush(db, idx, &a, 1);
	if (rc == SQLITE_OK && ok)
		rc = df_flush(db, idx, &df, 0);
	if (rc == SQLITE_OK && !ok) { /* a rowid out of range: no bounds */
		rc = exec1(db, "DELETE FROM fts_bounds WHERE idx = ?1", idx);
		if (rc == SQLITE_OK)
			rc = exec1(db, "DELETE FROM fts_bounds_meta WHERE idx = ?1", idx);
		if (rc == SQLITE_OK)
			rc = exec1(db, "DELETE FROM fts_df WHERE idx = ?1", idx);
	}
	if (rc == SQLITE_OK && ok && newtop != top) {
		rc = sqlite3_prepare_v2(db, "UPDATE fts_bounds_meta SET top = ?2 WHERE idx = ?1",
					-1, &st, NULL);
		if (rc == SQLITE_OK) {
			sqlite3_bind_int(st, 1, idx);
			sqlite3_bind_int64(st, 2, newtop);
			rc = sqlite3_step(st);
			if (rc == SQLITE_DONE)
				rc = SQLITE_OK;
			sqlite3_finalize(st);
		}
	}
	if (rc == SQLITE_OK)
		rc = exec1(db, "DELETE FROM fts_bounds_pending WHERE idx = ?1", idx);
	if (rc == SQLITE_OK)
		rc = exec1(db, "DELETE FROM fts_bounds_gone WHERE idx = ?1", idx);
	acc_free(&a);
	acc_free(&df);
	texts_free(&x);
	row_free(&r);
	return rc;
}

static void bounds_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	int idx = sqlite3_value_int(argv[0]);
	int rc;
	(void)argc;
	if (idx != 0 && idx != 1) {
		sqlite3_result_error(ctx, "hy_bounds: index 0 or 1", -1);
		return;
	}
	rc = sqlite3_user_data(ctx) ? build(db, idx) : fold(db, idx);
	if (rc == SQLITE_OK)
		sqlite3_result_int(ctx, 0);
	else if (rc == SQLITE_NOMEM)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_error_code(ctx, rc);
}

int hy_bounds_register(sqlite3 *db)
{
	static int build_tag;
	int rc = sqlite3_create_function(db, "hy_bounds_build", 1, SQLITE_UTF8, &build_tag,
					 bounds_fn, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "hy_bounds_fold", 1, SQLITE_UTF8, NULL, bounds_fn,
					     NULL, NULL);
	return rc;
}
