/* test_search_bmax.c: ranking that stops early (schema v17 score bounds,
 * src/store/bounds.c and search_bmax.c; DESIGN.md §5).
 *
 * A store of generated meetings (our own word lists, a fixed seed) with
 * thousands of sections over many blocks of 256 rowids. For many
 * one-phrase queries (1–4 characters, common and rare, both scripts) and
 * limits and offsets, the search by bounds gives exactly the hits of the
 * full scan (hy_search_opts.full_rank): the same rows in the same order
 * with the same dates and scores. Again after deleting meetings, after
 * rowids are used again below the bounds' top, after a change by plain
 * SQL (a foreign writer: the full path until a commit folds it in),
 * after more batches, and after the average length grows past the
 * bounds' (made again at a commit). Every stored bound is checked
 * against every row's real score (a bound computed too low, say without
 * the heading's weight, fails), and the rows counted per token (fts_df,
 * a one-token query's count) against FTS5's count. And a v16 database upgraded in place
 * gives the same results as before. The bound on a phrase's rows that
 * decides whether a scan takes a second thread (hy_search_phrase_rows)
 * is at least FTS5's count, and the fewest of its characters' rows.
 * Without scores (hy_store_search_scores(s, 0), the text output) a
 * phrase of several tokens goes by the bounds too and counts its
 * matches only when bounds on the count leave the page's order open:
 * the same hits in the same order as the full scan, both ways taken. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "tmpdir.h"

#include "huiyi/err.h"
#include "huiyi/fts.h"
#include "huiyi/meeting.h"
#include "huiyi/search.h"
#include "huiyi/store.h"
#include "../../src/store/internal.h"   /* s->db, hy_store_open_at, hy_bounds_upper */
#include "../../src/store/search_int.h" /* hy_search_phrase_rows */

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sqltest.h"

/* Our own words: common ones make most sections match a character. */
static const char *const common[] = {
	"会议", "研究", "工作", "安全", "生产", "推进", "落实", "全县", "发展", "建设",
	"部署", "要求", "政府", "经济", "项目", "管理", "服务", "质量", "组织", "加强",
};
static const char *const rare[] = {
	"燃气",     "殡葬", "秸秆", "河湖长制", "营商环境", "防汛抗旱", "信访积案", "数字政府",
	"民生实事", "燃氣", "殯葬", "財政",     "covid19",  "5g",       "2024年",
};
static const char *const queries[] = {
	"会",       "安",       "全",
	"安全",     "安全生产", "会议",
	"工作",     "发展建设", "燃",
	"燃气",     "燃氣",     "殡葬",
	"殯",       "秸秆",     "河湖",
	"河湖长制", "财政",     "財政",
	"民生",     "信访积案", "5g",
	"covid19",  "2024年",   "县",
	"全县安全", "营商环",   "\"燃气 安全\"",
};

struct fx {
	char dir[64], db[128];
	struct hy_store *s;
	uint64_t rng;
	int nmade;
};

static uint64_t rnd(struct fx *f)
{
	f->rng ^= f->rng << 13;
	f->rng ^= f->rng >> 7;
	f->rng ^= f->rng << 17;
	return f->rng;
}

static void words(struct fx *f, char *out, size_t cap, int n, int rare_every)
{
	size_t len = strlen(out);
	for (int i = 0; i < n; i++) {
		const char *w = rare_every && rnd(f) % (unsigned)rare_every == 0
					? rare[rnd(f) % (sizeof rare / sizeof rare[0])]
					: common[rnd(f) % (sizeof common / sizeof common[0])];
		if (len + strlen(w) + 4 >= cap)
			break;
		memcpy(out + len, w, strlen(w));
		len += strlen(w);
		if (rnd(f) % 5 == 0)
			out[len++] = ' ';
		if (rnd(f) % 7 == 0) {
			memcpy(out + len, "，", 3);
			len += 3;
		}
	}
	out[len] = '\0';
}

/* Store n meetings of sections of about len words each, in batches of
 * 50. */
static void make(struct fx *f, int n, int len)
{
	char err[256] = "";
	for (int i = 0; i < n; i++) {
		struct hy_meeting m = {0};
		struct hy_section sec[8];
		struct hy_store_doc d = {0};
		char title[256] = "", summary[1024] = "", head[8][128], text[8][4096], date[16],
		     raw[40000];
		int nsec = 2 + (int)(rnd(f) % 6);
		size_t off;
		int64_t id;
		if (i % 50 == 0 && hy_store_begin(f->s, err, sizeof err))
			fail_msg("begin: %s", err);
		words(f, title, sizeof title, 4, 6);
		words(f, summary, sizeof summary, 10 + (int)(rnd(f) % 20), 9);
		snprintf(date, sizeof date, "20%02d-%02d-%02d", 15 + (int)(rnd(f) % 10),
			 1 + (int)(rnd(f) % 12), 1 + (int)(rnd(f) % 28));
		off = (size_t)snprintf(raw, sizeof raw, "%d %s\n%s\n", f->nmade, title, summary);
		for (int k = 0; k < nsec; k++) {
			head[k][0] = text[k][0] = '\0';
			words(f, head[k], sizeof head[k], 1 + (int)(rnd(f) % 4), 4);
			words(f, text[k], sizeof text[k], 5 + (int)(rnd(f) % (unsigned)len), 8);
			sec[k].n = k + 1;
			sec[k].heading = head[k];
			sec[k].text = text[k];
			off += (size_t)snprintf(raw + off, sizeof raw - off, "%s\n%s\n", head[k],
						text[k]);
		}
		m.title = title;
		m.summary = summary;
		m.date = date;
		m.sections = sec;
		m.n_sections = (size_t)nsec;
		d.raw = d.clean = raw;
		d.raw_len = d.clean_len = strlen(raw);
		d.source = "/tmp/bmax.txt";
		d.encoding = "UTF-8";
		if (hy_store_insert(f->s, &m, &d, &id, err, sizeof err))
			fail_msg("insert: %s", err);
		f->nmade++;
		if ((i % 50 == 49 || i == n - 1) && hy_store_commit(f->s, err, sizeof err))
			fail_msg("commit: %s", err);
	}
}

struct hit {
	int64_t meeting;
	int section;
	char date[16];
	double score;
};

struct hits {
	struct hit *v;
	size_t n, cap;
};

static int collect(const struct hy_search_hit *h, void *ctx)
{
	struct hits *hs = ctx;
	if (hs->n == hs->cap) {
		hs->cap = hs->cap ? hs->cap * 2 : 64;
		hs->v = realloc(hs->v, hs->cap * sizeof *hs->v);
		assert_non_null(hs->v);
	}
	hs->v[hs->n].meeting = h->meeting;
	hs->v[hs->n].section = h->section;
	snprintf(hs->v[hs->n].date, sizeof hs->v[hs->n].date, "%s", h->date ? h->date : "");
	hs->v[hs->n].score = h->score;
	hs->n++;
	return 0;
}

/* How the bounds rank phrases of several tokens (run), the three ways
 * in turn: 0 the default (the count for the scores), 1 bmax_phrases
 * (counted meanwhile), 2 without scores (hy_store_search_scores: the
 * count only when bounds on it leave the page's order open). */
static int phrases;

static void run(struct hy_store *s, const char *q, size_t off, size_t lim, int full, struct hits *h)
{
	struct hy_search_opts o = {0};
	char err[256] = "";
	int rc;
	o.full_rank = full;
	o.bmax_phrases = !full && phrases % 3 == 1;
	hy_store_search_opts(s, &o);
	hy_store_search_scores(s, full || phrases % 3 != 2);
	h->n = 0;
	rc = hy_store_search(s, q, NULL, HY_SEARCH_RANK, off, lim, collect, h, err, sizeof err);
	hy_store_search_opts(s, NULL);
	hy_store_search_scores(s, 1);
	if (rc < 0)
		fail_msg("search [%s]: %s", q, err);
}

/* Every query, limit and offset: the bounds' hits are the full scan's. */
static int compare_all(struct hy_store *s, const char *when)
{
	static const size_t lims[][2] = {{0, 1}, {0, 5}, {0, 20}, {7, 13}, {0, 100}, {40, 60}};
	struct hits a = {0}, b = {0};
	int compared = 0;
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++)
		for (size_t l = 0; l < sizeof lims / sizeof lims[0]; l++) {
			phrases = (int)(i + l); /* each way meets every limit */
			run(s, queries[i], lims[l][0], lims[l][1], 0, &a);
			run(s, queries[i], lims[l][0], lims[l][1], 1, &b);
			if (a.n != b.n)
				fail_msg("%s [%s] %zu+%zu: %zu hits by bounds, %zu in full", when,
					 queries[i], lims[l][0], lims[l][1], a.n, b.n);
			for (size_t k = 0; k < a.n; k++) {
				if (a.v[k].meeting != b.v[k].meeting ||
				    a.v[k].section != b.v[k].section ||
				    strcmp(a.v[k].date, b.v[k].date) != 0 ||
				    (phrases % 3 != 2 && a.v[k].score != b.v[k].score))
					fail_msg("%s [%s] %zu+%zu, hit %zu: %lld:%d %s %.17g by"
						 " bounds, %lld:%d %s %.17g in full",
						 when, queries[i], lims[l][0], lims[l][1], k,
						 (long long)a.v[k].meeting, a.v[k].section,
						 a.v[k].date, a.v[k].score,
						 (long long)b.v[k].meeting, b.v[k].section,
						 b.v[k].date, b.v[k].score);
				compared++;
			}
		}
	free(a.v);
	free(b.v);
	printf("# %s: %d hits compared; without scores, %lld pages ordered without the"
	       " count, %lld with it\n",
	       when, compared, (long long)s->uncounted, (long long)s->counted);
	assert_true(compared > 500);
	return compared;
}

static void sql_exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

/* Every row of every token sampled scores at most its block's bound:
 * the scores from FTS5's bm25 (idf from the count) for one-token
 * queries, against fts_bounds. */
static void check_sound(struct hy_store *s)
{
	static const char *const toks[] = {"会", "安", "燃",      "气",   "殡", "秸", "河",
					   "制", "5g", "covid19", "2024", "年", "县"};
	sqlite3 *db = s->db;
	int checked = 0;
	for (int z = 0; z < 2; z++) {
		double abound = 0, avgdl;
		int64_t nrow, top = 0;
		sqlite3_stmt *st;
		assert_int_equal(sqlite3_prepare_v2(db,
						    "SELECT abound, top FROM fts_bounds_meta"
						    " WHERE idx = ?1",
						    -1, &st, NULL),
				 SQLITE_OK);
		sqlite3_bind_int(st, 1, z);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		abound = sqlite3_column_double(st, 0);
		top = sqlite3_column_int64(st, 1);
		sqlite3_finalize(st);
		assert_int_equal(hy_bounds_avgdl(db, z, &avgdl, &nrow), SQLITE_OK);
		double rho = avgdl > abound ? abound / avgdl : 1.0;
		for (size_t i = 0; i < sizeof toks / sizeof toks[0]; i++) {
			char q[64], sql[512];
			int64_t hit;
			double idf;
			snprintf(q, sizeof q, "\"%s\"", toks[i]);
			snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE %s MATCH ?1",
				 z ? "meetings_fts" : "sections_fts",
				 z ? "meetings_fts" : "sections_fts");
			assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
			sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
			assert_int_equal(sqlite3_step(st), SQLITE_ROW);
			hit = sqlite3_column_int64(st, 0);
			sqlite3_finalize(st);
			/* fts_df: the rows at or below top that hold the token */
			snprintf(
				sql, sizeof sql,
				"SELECT (SELECT count(*) FROM %s WHERE %s MATCH ?1 AND rowid <= ?4),"
				" ifnull((SELECT n FROM fts_df WHERE idx = ?2 AND token = ?3), 0)",
				z ? "meetings_fts" : "sections_fts",
				z ? "meetings_fts" : "sections_fts");
			assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
			sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 2, z);
			sqlite3_bind_blob(st, 3, toks[i], (int)strlen(toks[i]), SQLITE_STATIC);
			sqlite3_bind_int64(st, 4, top);
			assert_int_equal(sqlite3_step(st), SQLITE_ROW);
			if (sqlite3_column_int64(st, 0) != sqlite3_column_int64(st, 1))
				fail_msg("index %d, [%s]: %lld rows, fts_df says %lld", z, toks[i],
					 (long long)sqlite3_column_int64(st, 0),
					 (long long)sqlite3_column_int64(st, 1));
			sqlite3_finalize(st);
			idf = log(((double)nrow - (double)hit + 0.5) / ((double)hit + 0.5));
			if (idf <= 0.0)
				idf = 1e-6;
			snprintf(sql, sizeof sql,
				 "SELECT f.rowid, -bm25(%s, 1.0, 10.0),"
				 " (SELECT b FROM fts_bounds WHERE idx = ?2 AND token = ?3"
				 "  AND chunk = f.rowid >> 16)"
				 " FROM %s f WHERE %s MATCH ?1 AND f.rowid <= ?4",
				 z ? "meetings_fts" : "sections_fts",
				 z ? "meetings_fts" : "sections_fts",
				 z ? "meetings_fts" : "sections_fts");
			assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
			sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 2, z);
			sqlite3_bind_blob(st, 3, toks[i], (int)strlen(toks[i]), SQLITE_STATIC);
			sqlite3_bind_int64(st, 4, top);
			while (sqlite3_step(st) == SQLITE_ROW) {
				int64_t id = sqlite3_column_int64(st, 0);
				double f = sqlite3_column_double(st, 1) / idf;
				const unsigned char *b = sqlite3_column_blob(st, 2);
				int slot = (int)((id >> 8) & 255);
				unsigned qv;
				if (!b || sqlite3_column_bytes(st, 2) != HY_FTS_BOUNDS_BYTES)
					fail_msg("index %d, row %lld, [%s]: no bound", z,
						 (long long)id, toks[i]);
				qv = b[2 * slot] | (unsigned)b[2 * slot + 1] << 8;
				/* bm25/idf is the score to a few ulps */
				if (f > hy_bounds_upper(qv, rho) * (1 + 1e-12))
					fail_msg("index %d, row %lld, [%s]: score %.17g above"
						 " its block's bound %.17g",
						 z, (long long)id, toks[i], f,
						 hy_bounds_upper(qv, rho));
				checked++;
			}
			sqlite3_finalize(st);
		}
	}
	printf("# rows checked against their bounds: %d\n", checked);
	assert_true(checked > 1000);
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	char err[256] = "";
	assert_non_null(f);
	assert_int_equal(test_tmpdir(f->dir, sizeof f->dir, "bmax", f->db, sizeof f->db, "t.db"),
			 0);
	if (hy_store_open(&f->s, f->db, HY_STORE_CREATE, err, sizeof err))
		fail_msg("open: %s", err);
	f->rng = 0x9e3779b97f4a7c15ull;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	hy_store_close(f->s);
	test_rmdir(f->dir);
	free(f);
	return 0;
}

/* A meeting whose best row for 殡 has it in the heading only (weighed
 * 10), in a block whose other rows have it in their text: a bound
 * without the heading's weight would be too low there. */
static void heading_only(struct fx *f)
{
	char err[256] = "";
	struct hy_meeting m = {0};
	struct hy_section sec[2] = {{1, "殡仪", "会议研究了工作。"},
				    {2, "研究工作", "会议研究了殡葬改革和殡葬管理工作。"}};
	struct hy_store_doc d = {0};
	const char *raw =
		"标题\n殡仪\n会议研究了工作。\n研究工作\n会议研究了殡葬改革和殡葬管理工作。\n";
	m.title = "县政府常务会议";
	m.summary = "会议研究了工作。";
	m.date = "2023-05-06";
	m.sections = sec;
	m.n_sections = 2;
	d.raw = d.clean = raw;
	d.raw_len = d.clean_len = strlen(raw);
	d.source = "/tmp/heading.txt";
	assert_int_equal(hy_store_insert(f->s, &m, &d, NULL, err, sizeof err), 0);
	f->nmade++;
}

/* The rows of sections_fts that expr (an FTS5 expression) matches. */
static int64_t fts_count(sqlite3 *db, const char *expr)
{
	sqlite3_stmt *st;
	int64_t n = -1;
	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT count(*) FROM sections_fts"
					    " WHERE sections_fts MATCH ?1",
					    -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* query as FTS5 has it (hy_search_translate), malloc()ed. */
static char *expr_of(const char *query)
{
	char *expr = NULL, err[256] = "";
	if (hy_search_translate(query, &expr, err, sizeof err) != 0)
		fail_msg("%s: %s", query, err);
	return expr;
}

/* hy_search_phrase_rows: for a one-phrase query, at least the rows FTS5
 * finds, and for Han the fewest rows of any one of its characters (each
 * is a token); for two phrases, or while a change waits for the fold,
 * -1 (not known). */
static void test_phrase_rows(void **state)
{
	struct fx *f = *state;
	int64_t maxid, most;
	char *expr;

	make(f, 300, 40);
	maxid = db_int(f->s->db, "SELECT max(id) FROM sections");
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		const char *q = queries[i];
		int han = 1;
		int64_t fewest = -1;
		expr = expr_of(q);
		most = hy_search_phrase_rows(f->s, expr, 0, maxid);
		if (most < fts_count(f->s->db, expr))
			fail_msg("%s: %lld rows at most, FTS5 finds more", q, (long long)most);
		free(expr);
		for (const char *c = q; *c; c++)
			han &= (unsigned char)*c >= 0x80;
		/* (a Han character is 3 bytes of UTF-8) */
		for (const char *c = q; han && *c; c += 3) {
			char one[4] = {c[0], c[1], c[2], '\0'};
			int64_t n;
			expr = expr_of(one);
			n = fts_count(f->s->db, expr);
			free(expr);
			if (fewest < 0 || n < fewest)
				fewest = n;
		}
		if (han && most != fewest)
			fail_msg("%s: %lld rows at most, its rarest character is in %lld", q,
				 (long long)most, (long long)fewest);
	}
	/* two phrases */
	expr = expr_of("燃气 安全");
	assert_int_equal(hy_search_phrase_rows(f->s, expr, 0, maxid), -1);
	free(expr);
	/* a foreign writer's change, not folded in yet */
	sql_exec(f->s->db, "UPDATE sections SET heading = '殡葬殡葬' WHERE id = 100");
	expr = expr_of("殡葬");
	assert_int_equal(hy_search_phrase_rows(f->s, expr, 0, maxid), -1);
	free(expr);
}

static void test_same_results(void **state)
{
	struct fx *f = *state;
	char err[256] = "";
	size_t n = 0;
	int64_t ids[40];
	struct hits a = {0};

	make(f, 700, 40);
	heading_only(f);
	assert_true(db_int(f->s->db, "SELECT max(id) FROM sections") > 10 * 256);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM fts_bounds_meta"), 2);
	compare_all(f->s, "imported");
	check_sound(f->s);
	/* the heading-only row is the best for 殡仪 and near the top for 殡 */
	run(f->s, "殡仪", 0, 1, 0, &a);
	assert_int_equal(a.n, 1);
	free(a.v);

	/* deleted meetings, some of them the newest: their rowids come
	 * again, below the bounds' top (logged by the insert triggers) */
	for (int i = 0; i < 20; i++)
		ids[i] = 1 + i * 30;
	for (int i = 20; i < 40; i++)
		ids[i] = f->nmade - (i - 20);
	assert_int_equal(hy_store_delete(f->s, ids, 40, &n, err, sizeof err), 0);
	compare_all(f->s, "after deleting");
	make(f, 30, 40);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM fts_bounds_pending"), 0);
	compare_all(f->s, "after rowids used again");
	check_sound(f->s);

	/* a foreign writer: a heading changed by plain SQL is pending (the
	 * full path) until a commit folds it in */
	sql_exec(f->s->db, "UPDATE sections SET heading = '殡葬殡葬' WHERE id = 100");
	sql_exec(f->s->db, "UPDATE meetings SET title = '燃气燃气' WHERE id = 300");
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM fts_bounds_pending"), 2);
	compare_all(f->s, "with rows pending");
	make(f, 10, 40);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM fts_bounds_pending"), 0);
	compare_all(f->s, "after the fold");
	check_sound(f->s);

	/* longer rows: the average passes 1.25 × the bounds' (a commit
	 * makes them again); before that, searches correct for it */
	double before = (double)db_int(f->s->db, "SELECT CAST(abound * 1000 AS INTEGER)"
						 " FROM fts_bounds_meta WHERE idx = 0");
	make(f, 100, 400);
	compare_all(f->s, "after longer rows");
	double after = (double)db_int(f->s->db, "SELECT CAST(abound * 1000 AS INTEGER)"
						" FROM fts_bounds_meta WHERE idx = 0");
	printf("# average length of the bounds: %.3f -> %.3f\n", before / 1000, after / 1000);
	assert_true(after > 1.25 * before);
	check_sound(f->s);

	/* reindex makes them again */
	assert_int_equal(hy_store_reindex(f->s, err, sizeof err), 0);
	compare_all(f->s, "after reindex");
	check_sound(f->s);
	/* without scores, both ways were taken: pages ordered by bounds on
	 * the counts, and pages that needed them */
	assert_true(f->s->uncounted > 20);
	assert_true(f->s->counted > 20);
}

/* Longer rows that raise the average length, but less than 1.25×:
 * the bounds stay as made (for a smaller average) and searches correct
 * them by the ratio. */
static void test_avgdl_grows(void **state)
{
	struct fx *f = *state;
	double avgdl;
	int64_t nrow, before;
	make(f, 300, 40);
	before = db_int(f->s->db, "SELECT CAST(abound * 1e6 AS INTEGER) FROM fts_bounds_meta"
				  " WHERE idx = 0");
	make(f, 12, 90);
	assert_int_equal(db_int(f->s->db, "SELECT CAST(abound * 1e6 AS INTEGER)"
					  " FROM fts_bounds_meta WHERE idx = 0"),
			 before);
	assert_int_equal(hy_bounds_avgdl(f->s->db, 0, &avgdl, &nrow), SQLITE_OK);
	printf("# average length %.3f, the bounds' %.3f\n", avgdl, (double)before / 1e6);
	assert_true(avgdl * 1e6 > (double)before);
	compare_all(f->s, "average above the bounds'");
	check_sound(f->s);
}

/* A v16 database upgraded in place: the same results as before. */
static void test_migrate_v16(void **state)
{
	struct fx *f = *state;
	char err[256] = "";
	struct hits before[sizeof queries / sizeof queries[0]];
	struct hits after = {0};

	hy_store_close(f->s);
	f->s = NULL;
	remove(f->db);
	assert_int_equal(hy_store_open_at(&f->s, f->db, HY_STORE_CREATE, 16, err, sizeof err), 0);
	make(f, 300, 40);
	assert_int_equal(hy_store_has_object(f->s->db, "fts_bounds"), 0);
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		memset(&before[i], 0, sizeof before[i]);
		run(f->s, queries[i], 0, 20, 0, &before[i]);
	}
	hy_store_close(f->s);
	f->s = NULL;
	if (hy_store_open(&f->s, f->db, HY_STORE_CREATE, err, sizeof err))
		fail_msg("open: %s", err);
	assert_int_equal(db_int(f->s->db, "PRAGMA user_version"), HY_STORE_SCHEMA_VERSION);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM fts_bounds_meta"), 2);
	assert_true(db_int(f->s->db, "SELECT count(*) FROM fts_bounds") > 10);
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		run(f->s, queries[i], 0, 20, 0, &after);
		assert_int_equal(after.n, before[i].n);
		for (size_t k = 0; k < after.n; k++) {
			assert_int_equal(after.v[k].meeting, before[i].v[k].meeting);
			assert_int_equal(after.v[k].section, before[i].v[k].section);
			assert_true(after.v[k].score == before[i].v[k].score);
		}
		free(before[i].v);
	}
	free(after.v);
	compare_all(f->s, "migrated from v16");
	check_sound(f->s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_same_results, setup, teardown),
		cmocka_unit_test_setup_teardown(test_phrase_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_avgdl_grows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v16, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
