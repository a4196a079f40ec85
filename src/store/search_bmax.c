/* search_bmax.c: rank order that stops early (DESIGN.md §5 "Ranking
 * that stops early"). A one-phrase query without a filter reads, for
 * each index, the score bounds of its tokens (schema v17, fts.h
 * HY_FTS_BOUNDS_ROWS, bounds.c), takes for each block of 256 rowids the
 * smallest of them (a phrase is in a row at most as often as each of its
 * tokens), and scans the blocks from the highest bound down with the
 * scan every search uses (search_scan.c, a rowid range at a time), until
 * the next block's bound is below the worst row kept: no row there could
 * be kept, so the rows and their order are those of the full scan. The
 * rows above the bounds' top (none after a commit) are scanned too. The
 * phrase's idf needs the number of rows that match (the two indexes'
 * rows are merged by their scores with it): for one token, fts_df (the
 * rows at or below the top that hold it) plus the matches above the
 * top; for a phrase of several, counted by FTS5 on the second connection
 * meanwhile (search_threads.c), which costs about as much as ranking
 * every match (FTS5 matches their positions row by row), so by default
 * only one-token queries (会, 氣, 燃) go this way
 * (hy_search_opts.bmax_phrases: all phrases; bench/RESULTS.md
 * "block-max ranking"), and phrases when the caller shows no scores
 * (hy_store_search_scores): the count then lies between the matches
 * the scan met and the rows of the phrase's rarest token (fts_df), and
 * is counted only when the page's order is not the same at both ends
 * (order_holds). */
#include "search_int.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The tokens of the query's one phrase. */
struct qtoks {
	char tok[HY_SEARCH_MAX_TERM_CHARS][HY_FTS_MAX_WORD];
	int len[HY_SEARCH_MAX_TERM_CHARS];
	int n;
	int bad; /* a synonym, or too many */
};

static int qtok(void *ctx, int tflags, const char *token, int ntoken, int start, int end)
{
	struct qtoks *q = ctx;
	(void)start;
	(void)end;
	if ((tflags & FTS5_TOKEN_COLOCATED) || q->n == HY_SEARCH_MAX_TERM_CHARS || ntoken <= 0 ||
	    ntoken > HY_FTS_MAX_WORD) {
		q->bad = 1;
		return SQLITE_DONE;
	}
	memcpy(q->tok[q->n], token, (size_t)ntoken);
	q->len[q->n++] = ntoken;
	return SQLITE_OK;
}

/* expr is one FTS5 string "…" (hy_search_translate of one phrase). */
static int query_tokens(const char *expr, struct qtoks *q)
{
	size_t n = strlen(expr), k = 0;
	char *s;
	if (n < 2 || expr[0] != '"' || expr[n - 1] != '"')
		return 0;
	s = malloc(n);
	if (!s)
		return -1;
	for (size_t i = 1; i + 1 < n; i++) {
		if (expr[i] == '"') {
			if (i + 2 >= n || expr[i + 1] != '"') {
				free(s);
				return 0; /* not one string */
			}
			i++;
		}
		s[k++] = expr[i];
	}
	q->n = 0;
	q->bad = 0;
	hy_fts_tokenize(FTS5_TOKENIZE_QUERY, s, k, qtok, q);
	free(s);
	return !q->bad && q->n > 0;
}

/* A block and its bound (the smallest byte of the phrase's tokens). */
struct blk {
	int64_t blk;
	unsigned q;
	int done; /* scanned */
};

struct chunkrow {
	int64_t chunk;
	uint16_t b[HY_FTS_BOUNDS_ROWS];
};

/* The chunks of one token in index z, by chunk. */
static int token_chunks(sqlite3 *db, int z, const char *tok, int len, struct chunkrow **out,
			size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc = sqlite3_prepare_v2(db,
				    "SELECT chunk, b FROM fts_bounds WHERE idx = ?1 AND token = ?2"
				    " ORDER BY chunk",
				    -1, &st, NULL);
	*out = NULL;
	*n = 0;
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int(st, 1, z);
	sqlite3_bind_blob(st, 2, tok, len, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *b = sqlite3_column_blob(st, 1);
		if (*n == cap) {
			struct chunkrow *v;
			cap = cap ? cap * 2 : 16;
			v = realloc(*out, cap * sizeof *v);
			if (!v) {
				rc = SQLITE_NOMEM;
				break;
			}
			*out = v;
		}
		(*out)[*n].chunk = sqlite3_column_int64(st, 0);
		for (int k = 0; k < HY_FTS_BOUNDS_ROWS; k++) /* not the size: no bound */
			(*out)[*n].b[k] = b && sqlite3_column_bytes(st, 1) == HY_FTS_BOUNDS_BYTES
						  ? (uint16_t)(b[2 * k] | b[2 * k + 1] << 8)
						  : UINT16_MAX;
		(*n)++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The blocks of index z where every token is, with their bounds, into
 * *out (block order). */
static int phrase_blocks(sqlite3 *db, int z, const struct qtoks *q, struct blk **out, size_t *nout)
{
	struct chunkrow *acc = NULL;
	size_t nacc = 0, cap = 0;
	int rc = SQLITE_OK;

	*out = NULL;
	*nout = 0;
	for (int i = 0; i < q->n && rc == SQLITE_OK; i++) {
		struct chunkrow *v;
		size_t n, k = 0, j = 0;
		rc = token_chunks(db, z, q->tok[i], q->len[i], &v, &n);
		if (rc != SQLITE_OK) {
			free(v);
			break;
		}
		if (i == 0) {
			acc = v;
			nacc = n;
			continue;
		}
		for (size_t a = 0; a < nacc; a++) { /* both by chunk: intersect */
			while (j < n && v[j].chunk < acc[a].chunk)
				j++;
			if (j < n && v[j].chunk == acc[a].chunk) {
				acc[k] = acc[a];
				for (int b = 0; b < HY_FTS_BOUNDS_ROWS; b++)
					if (v[j].b[b] < acc[k].b[b])
						acc[k].b[b] = v[j].b[b];
				k++;
			}
		}
		nacc = k;
		free(v);
	}
	for (size_t a = 0; a < nacc && rc == SQLITE_OK; a++)
		for (int b = 0; b < HY_FTS_BOUNDS_ROWS; b++) {
			if (!acc[a].b[b])
				continue;
			if (*nout == cap) {
				struct blk *v;
				cap = cap ? cap * 2 : 256;
				v = realloc(*out, cap * sizeof *v);
				if (!v) {
					rc = SQLITE_NOMEM;
					break;
				}
				*out = v;
			}
			(*out)[*nout].blk = acc[a].chunk * HY_FTS_BOUNDS_ROWS + b;
			(*out)[*nout].done = 0;
			(*out)[(*nout)++].q = acc[a].b[b];
		}
	free(acc);
	return rc;
}

/* 1 when index z has bounds that hold now: made (meta) and nothing
 * pending or gone (the counts hold too); *top their highest rowid, *rho the average length they were
 * made for over today's when that is smaller (else 1). */
static int bounds_hold(sqlite3 *db, int z, int64_t *top, double *rho)
{
	sqlite3_stmt *st;
	double abound = 0, avgdl;
	int64_t nrow;
	int ok = 0;
	if (sqlite3_prepare_v2(db,
			       "SELECT abound, top, NOT EXISTS (SELECT 1 FROM fts_bounds_pending"
			       " WHERE idx = ?1) AND NOT EXISTS (SELECT 1 FROM fts_bounds_gone"
			       " WHERE idx = ?1) FROM fts_bounds_meta WHERE idx = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int(st, 1, z);
	if (sqlite3_step(st) == SQLITE_ROW) {
		abound = sqlite3_column_double(st, 0);
		*top = sqlite3_column_int64(st, 1);
		ok = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	if (!ok || hy_bounds_avgdl(db, z, &avgdl, &nrow) != SQLITE_OK)
		return 0;
	*rho = avgdl > abound ? abound / avgdl : 1.0;
	return 1;
}

static int cmp_blk(const void *pa, const void *pb)
{
	const struct blk *a = pa, *b = pb;
	if (a->q != b->q)
		return a->q > b->q ? -1 : 1;
	return a->blk < b->blk ? -1 : a->blk > b->blk;
}

/* Blocks this close are scanned as one range, with the blocks between
 * (a statement and FTS5's seek cost about as much as ranking a block or
 * two of a token's rows, or 30 of a phrase's of several: their tokens'
 * lists are leapt over in a block that holds few of it; fewest
 * instructions over the 11 phrases of bench/RESULTS.md, measured with
 * 2, 8, 32, 64, 128 and 512, "Search (issue 14): a phrase's page
 * without its count"). */
#define GAP_BLOCKS 2
#define GAP_PHRASE 32

static int cmp_i64(const void *pa, const void *pb)
{
	int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
	return a < b ? -1 : a > b;
}

/* byblk[0..n): the positions of b[] in block order (a merge sort: qsort
 * has no context argument in C11). */
static void qsort_r_blk(size_t *byblk, size_t n, const struct blk *b)
{
	size_t *tmp = malloc(n * sizeof *tmp);
	if (!tmp) { /* insertion sort then */
		for (size_t i = 1; i < n; i++) {
			size_t x = byblk[i], j = i;
			while (j > 0 && b[byblk[j - 1]].blk > b[x].blk) {
				byblk[j] = byblk[j - 1];
				j--;
			}
			byblk[j] = x;
		}
		return;
	}
	for (size_t w = 1; w < n; w *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi)
				tmp[k++] =
					b[byblk[j]].blk < b[byblk[i]].blk ? byblk[j++] : byblk[i++];
			while (i < mid)
				tmp[k++] = byblk[i++];
			while (j < hi)
				tmp[k++] = byblk[j++];
		}
		memcpy(byblk, tmp, n * sizeof *tmp);
	}
	free(tmp);
}

/* The first position of byblk at block lo or after. */
static size_t first_at(const struct blk *b, const size_t *byblk, size_t n, int64_t lo)
{
	size_t l = 0, h = n;
	while (l < h) {
		size_t mid = l + (h - l) / 2;
		if (b[byblk[mid]].blk < lo)
			l = mid + 1;
		else
			h = mid;
	}
	return l;
}

/* Mark done the blocks of b from block lo to hi. */
static void mark_done(struct blk *b, const size_t *byblk, size_t n, int64_t lo, int64_t hi)
{
	for (size_t l = first_at(b, byblk, n, lo); l < n && b[byblk[l]].blk <= hi; l++)
		b[byblk[l]].done = 1;
}

/* 1 if a block of b from lo to hi is done. A range scanned before
 * begins and ends at blocks of b, so a range that does not hold one of
 * them does not meet it. */
static int any_done(const struct blk *b, const size_t *byblk, size_t n, int64_t lo, int64_t hi)
{
	for (size_t l = first_at(b, byblk, n, lo); l < n && b[byblk[l]].blk <= hi; l++)
		if (b[byblk[l]].done)
			return 1;
	return 0;
}

/* Set t's cut once it holds keep rows. */
static void settle(struct top *t)
{
	if (t->n < t->keep)
		return;
	if (t->n > t->keep) {
		hy_search_top_prune(t);
	} else if (!t->have_cut) {
		size_t w = 0;
		for (size_t i = 1; i < t->n; i++)
			if (t->v[i].score < t->v[w].score)
				w = i;
		t->cut = t->v[w];
		t->have_cut = 1;
	}
}

static int scan_range(struct plan *p, int z, struct top *t, int64_t lo, int64_t hi)
{
	t->lo = lo;
	t->hi = hi;
	return hy_search_scan(p->s, p->expr, z, NULL, t, p->err, p->errlen);
}

/* The rows at or below the bounds' top holding the token tok (fts_df). */
static int df_of(sqlite3 *db, int z, const char *tok, int len, int64_t *n)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "SELECT n FROM fts_df WHERE idx = ?1 AND token = ?2", -1,
				    &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int(st, 1, z);
	sqlite3_bind_blob(st, 2, tok, len, SQLITE_STATIC);
	rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int64_t hy_search_phrase_rows(struct hy_store *s, const char *expr, int z, int64_t maxid)
{
	struct qtoks *q;
	int64_t top = 0, fewest = -1;
	double rho;

	if (s->version < 17 || !bounds_hold(s->db, z, &top, &rho))
		return -1;
	q = malloc(sizeof *q);
	if (!q)
		return -1;
	if (query_tokens(expr, q) == 1) {
		for (int i = 0; i < q->n; i++) {
			int64_t df = 0;
			if (df_of(s->db, z, q->tok[i], q->len[i], &df) != SQLITE_OK) {
				fewest = -1;
				break;
			}
			if (fewest < 0 || df < fewest)
				fewest = df;
		}
	}
	free(q);
	if (fewest >= 0 && maxid > top)
		fewest += maxid - top;
	return fewest;
}

/* The highest rowid index z holds (its %_docsize rows), or INT64_MAX
 * when that cannot be read. */
static int64_t index_max(sqlite3 *db, int z)
{
	sqlite3_stmt *st;
	int64_t max = INT64_MAX;
	if (sqlite3_prepare_v2(db,
			       z ? "SELECT max(id) FROM meetings_fts_docsize"
				 : "SELECT max(id) FROM sections_fts_docsize",
			       -1, &st, NULL) != SQLITE_OK)
		return max;
	if (sqlite3_step(st) == SQLITE_ROW)
		max = sqlite3_column_type(st, 0) == SQLITE_NULL ? 0 : sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return max;
}

/* Index z into t by its bounds: 1 when done, 0 when the bounds do not
 * hold (the caller scans it all), < 0 on failure. *count: the rows
 * that match, for one token (fts_df and the rows above the top, all
 * scanned), else -1 (to be counted). */
static int bmax_index(struct plan *p, int z, const struct qtoks *q, struct top *t, int64_t *count,
		      int64_t *above)
{
	struct blk *b = NULL;
	size_t nb = 0, *byblk = NULL;
	int64_t top = 0, *batch = NULL;
	double rho = 1.0;
	/* a phrase of several tokens matches few rows of a block between
	 * two it reads: reading them costs less than a seek */
	int64_t gap = q->n > 1 ? GAP_PHRASE : GAP_BLOCKS;
	int rc;

	*count = -1;
	if (!bounds_hold(p->s->db, z, &top, &rho))
		return 0;
	rc = phrase_blocks(p->s->db, z, q, &b, &nb);
	if (rc != SQLITE_OK) {
		free(b);
		return rc == SQLITE_NOMEM
			       ? hy_err_set(p->err, p->errlen, HY_ERR_NOMEM, _("out of memory"))
			       : hy_store_fail(p->s, rc, N_("searching"), p->err, p->errlen);
	}
	/* the blocks by bound, highest first, each bound's in block order */
	if (nb > 1)
		qsort(b, nb, sizeof *b, cmp_blk);
	/* rows the bounds do not cover (none after a commit: a scan saved) */
	rc = top < INT64_MAX && index_max(p->s->db, z) > top
		     ? scan_range(p, z, t, top + 1, INT64_MAX)
		     : 0;
	*above = t->nmatch;
	if (rc == 0 && q->n == 1) { /* hy_rank counted the matches there */
		int64_t df = 0;
		if (df_of(p->s->db, z, q->tok[0], q->len[0], &df) == SQLITE_OK)
			*count = df + t->nmatch;
	}
	/* in batches (8 blocks, then twice as many each time), each in
	 * block order with near neighbours as one range (fewer seeks); a
	 * block a range took in is marked done (byblk: b by block) */
	byblk = malloc((nb ? nb : 1) * sizeof *byblk);
	batch = malloc((nb ? nb : 1) * sizeof *batch);
	if (!byblk || !batch)
		rc = hy_err_set(p->err, p->errlen, HY_ERR_NOMEM, _("out of memory"));
	for (size_t i = 0; rc == 0 && i < nb; i++)
		byblk[i] = i;
	if (rc == 0 && nb > 1) {
		qsort_r_blk(byblk, nb, b);
	}
	for (size_t i = 0, want = 8; i < nb && rc == 0; want *= 2) {
		size_t nbatch = 0;
		settle(t);
		for (; i < nb && nbatch < want; i++) {
			if (b[i].done)
				continue;
			if (t->have_cut && hy_bounds_upper(b[i].q, rho) < t->cut.score) {
				i = nb; /* no row from here on can be kept */
				break;
			}
			batch[nbatch++] = b[i].blk;
		}
		if (nbatch > 1)
			qsort(batch, nbatch, sizeof *batch, cmp_i64);
		for (size_t k = 0; k < nbatch && rc == 0;) {
			size_t e = k + 1;
			int64_t lo, hi;
			/* (never over a block scanned before: its rows are in) */
			while (e < nbatch && batch[e] <= batch[e - 1] + 1 + gap &&
			       !any_done(b, byblk, nb, batch[e - 1] + 1, batch[e] - 1))
				e++;
			lo = batch[k] * HY_FTS_LENS_ROWS;
			hi = (batch[e - 1] + 1) * HY_FTS_LENS_ROWS - 1;
			mark_done(b, byblk, nb, batch[k], batch[e - 1]);
			rc = scan_range(p, z, t, lo, hi < top ? hi : top);
			k = e;
		}
	}
	free(byblk);
	free(batch);
	free(b);
	if (rc)
		return rc;
	if (!t->nrow) {
		double avgdl;
		int64_t nrow = 0;
		hy_bounds_avgdl(p->s->db, z, &avgdl, &nrow);
		t->nrow = nrow > 0 ? nrow : 1;
	}
	return 1;
}

/* The smallest fts_df of the phrase's tokens in index z: no more rows
 * at or below the bounds' top hold the phrase. -1 when unknown. */
static int64_t fewest_rows(sqlite3 *db, int z, const struct qtoks *q)
{
	int64_t fewest = -1;
	for (int i = 0; i < q->n; i++) {
		int64_t df = 0;
		if (df_of(db, z, q->tok[i], q->len[i], &df) != SQLITE_OK)
			return -1;
		if (fewest < 0 || df < fewest)
			fewest = df;
	}
	return fewest;
}

static int cmp_down(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;
	return a > b ? -1 : a < b;
}

/* The deferred scores of t, highest first, into *out (t->n of them). */
static int scores_down(const struct top *t, double **out)
{
	double *v = malloc((t->n ? t->n : 1) * sizeof *v);
	if (!v)
		return HY_ERR_NOMEM;
	for (size_t i = 0; i < t->n; i++)
		v[i] = t->v[i].score;
	qsort(v, t->n, sizeof *v, cmp_down);
	*out = v;
	return 0;
}

/* Relative margin on a comparison of two scaled scores: far above the
 * rounding of a product of doubles. */
#define ORDER_MARGIN 1e-9

/* Whether the first keep rows of the two indexes merged (t[0] sections,
 * t[1] meetings, deferred scores: bm25 / idf, each pruned to its best
 * keep and ties) are the same, in the same order, for every count of
 * matches in [lo[z], hi[z]]: then the page does not need the counts.
 * A section row scores idf0·f, a meeting idf1·g; with r = idf0 / idf1
 * in [rlo, rhi] (the idf falls as the count grows), a pair (f, g) is
 * ordered the same way throughout unless rlo·f <= g <= rhi·f. When the
 * pages are merged, a row with a rows of its index above it and one of
 * the other's with b above it are ever compared only if a + b < keep
 * (else both lie past the page); a, b: the rows strictly above (ties
 * within an index are ordered by date, the same whatever r). 1: holds,
 * 0: not, < 0: out of memory. */
static int order_holds(const struct top t[2], const int64_t lo[2], const int64_t hi[2], size_t keep)
{
	double *f = NULL, *g = NULL, rlo, rhi;
	size_t *above = NULL;
	int ok = 1;

	if (!t[0].n || !t[1].n)
		return 1; /* nothing to merge */
	rlo = hy_search_idf(t[0].nrow, hi[0]) / hy_search_idf(t[1].nrow, lo[1]);
	rhi = hy_search_idf(t[0].nrow, lo[0]) / hy_search_idf(t[1].nrow, hi[1]);
	if (scores_down(&t[0], &f) || scores_down(&t[1], &g) ||
	    !(above = malloc(t[1].n * sizeof *above))) {
		free(f);
		free(g);
		return -1;
	}
	for (size_t j = 0; j < t[1].n; j++)
		above[j] = j && g[j] == g[j - 1] ? above[j - 1] : j;
	for (size_t i = 0, a = 0, end = t[1].n; ok && i < t[0].n; i++) {
		double x, y;
		size_t l = 0, h = t[1].n;
		if (i && f[i] != f[i - 1])
			a = i;
		if (a >= keep)
			break;
		/* g's rows compared with f[i]: above[j] < keep - a (fewer
		 * as a grows) */
		while (end > 0 && above[end - 1] >= keep - a)
			end--;
		x = rlo * f[i] * (1.0 - ORDER_MARGIN);
		y = rhi * f[i] * (1.0 + ORDER_MARGIN);
		while (l < h) { /* the first g at or below y */
			size_t mid = l + (h - l) / 2;
			if (g[mid] > y)
				l = mid + 1;
			else
				h = mid;
		}
		ok = !(l < end && g[l] >= x);
	}
	free(f);
	free(g);
	free(above);
	return ok;
}

int hy_search_bmax(struct plan *p, int *done)
{
	struct hy_search_counter cnt;
	struct top t[2];
	struct qtoks *q;
	int64_t count[2] = {-1, -1}, above[2] = {0, 0}, lo[2], hi[2];
	int rc = 0, txn = 0, full[2] = {0, 0}, need = 0, lazy;

	*done = 0;
	if (p->s->version < 17 || p->s->search.full_rank || !p->single || p->out.by_date ||
	    p->keep > 10000)
		return 0;
	memset(t, 0, sizeof t);
	q = malloc(sizeof *q);
	if (!q)
		return hy_err_set(p->err, p->errlen, HY_ERR_NOMEM, _("out of memory"));
	/* a phrase of several tokens: its count, for the idf, costs about
	 * as much as ranking every match; without scores to show it is
	 * needed only when the bounds on it leave the page's order open */
	lazy = p->s->no_scores && !p->s->search.bmax_phrases;
	if (query_tokens(p->expr, q) != 1 || (q->n > 1 && !p->s->search.bmax_phrases && !lazy)) {
		free(q);
		return 0;
	}
	/* one snapshot: the bounds, the pending rows and the scans agree */
	if (sqlite3_get_autocommit(p->s->db) &&
	    sqlite3_exec(p->s->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK)
		txn = 1;
	/* one token: counted by fts_df; a phrase: by FTS5, meanwhile */
	memset(&cnt, 0, sizeof cnt);
	cnt.expr = p->expr;
	if (q->n > 1 && !lazy)
		hy_search_count_start(p, &cnt);
	for (int z = 0; z < 2 && rc == 0; z++) {
		hy_search_top_init(&t[z], p->keep, 0);
		t[z].deferred = 1;
		rc = bmax_index(p, z, q, &t[z], &count[z], &above[z]);
		if (rc == 0) { /* no bounds: every match, counted here */
			t[z].lo = t[z].hi = 0;
			rc = hy_search_scan(p->s, p->expr, z, NULL, &t[z], p->err, p->errlen);
			full[z] = 1;
		} else if (rc > 0) {
			rc = 0;
		}
	}
	for (int z = 0; z < 2; z++)
		need |= !full[z] && count[z] < 0;
	if (rc == 0 && need && lazy) {
		/* the counts lie between the matches met and the rows that
		 * hold the phrase's rarest token */
		for (int z = 0; z < 2 && rc == 0; z++) {
			int64_t most = full[z] || count[z] >= 0 ? -1 : fewest_rows(p->s->db, z, q);
			hy_search_top_prune(&t[z]);
			lo[z] = hi[z] = full[z] ? t[z].nmatch : count[z];
			if (!full[z] && count[z] < 0) {
				lo[z] = t[z].nmatch;
				hi[z] = most < 0 ? t[z].nrow : most + above[z];
				if (hi[z] > t[z].nrow)
					hi[z] = t[z].nrow;
				if (hi[z] < lo[z])
					hi[z] = lo[z];
			}
		}
		rc = order_holds(t, lo, hi, p->keep);
		if (rc == 0)
			p->s->counted++;
		if (rc < 0) {
			rc = hy_err_set(p->err, p->errlen, HY_ERR_NOMEM, _("out of memory"));
		} else if (rc > 0) {
			/* any counts in the bounds order the page alike: the
			 * scores shown are those of one end */
			count[0] = lo[0];
			count[1] = hi[1];
			need = 0;
			rc = 0;
			p->s->uncounted++;
		}
	}
	if (rc == 0 && (need || cnt.started))
		rc = hy_search_count_finish(p, &cnt);
	else if (cnt.started)
		pthread_join(cnt.th, NULL);
	for (int z = 0; z < 2 && rc == 0; z++) {
		if (!full[z])
			t[z].nmatch = count[z] >= 0 ? count[z] : cnt.n[z];
		hy_search_top_prune(&t[z]);
		hy_search_scale(&t[z]);
		for (size_t i = 0; i < t[z].n && rc == 0; i++)
			if (hy_search_top_add(&p->out, &t[z].v[i]))
				rc = hy_err_set(p->err, p->errlen, HY_ERR_NOMEM,
						_("out of memory"));
	}
	free(t[0].v);
	free(t[1].v);
	if (txn)
		sqlite3_exec(p->s->db, "COMMIT", NULL, NULL, NULL);
	free(q);
	*done = rc == 0;
	return rc;
}
