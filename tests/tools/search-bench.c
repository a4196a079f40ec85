/* search-bench: latency of hy_store_search and an exactness check against
 * a brute-force scan, for make bench (bench/search.py).
 *
 *   search-bench DB RUNS QUERY...
 *
 * For each query: RUNS timed calls of hy_store_search (first 20 ranked
 * results with snippets) on one open connection, then the number of
 * matching sections by hy_store_search_count and by scanning every
 * section's folded heading and text (and every meeting's title and
 * summary as section 0) for the folded query. One JSON line per query.
 * The scan reads the views sections_text and meetings_text on the
 * store's own connection: a section or a summary stored as a range of
 * the compressed clean text is read through hy_clean, which only that
 * connection has. */
#include <jansson.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "huiyi/fold.h"
#include "huiyi/search.h"
#include "huiyi/store.h"
#include "huiyi/utf8.h"
#include "../../src/store/internal.h" /* s->db: hy_clean */

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int on_hit(const struct hy_search_hit *h, void *ctx)
{
	(void)h;
	(*(size_t *)ctx)++;
	return 0;
}

static size_t fold(const char *s, uint32_t *out, size_t cap)
{
	size_t n = 0, len = strlen(s);
	for (size_t i = 0; i < len && n < cap;) {
		uint32_t c;
		i += hy_utf8_decode(s + i, len - i, &c);
		out[n++] = hy_fold_cp(c);
	}
	return n;
}

static int contains(const char *text, const uint32_t *q, size_t qn, uint32_t *buf, size_t cap)
{
	if (!text)
		return 0;
	size_t n = fold(text, buf, cap);
	for (size_t i = 0; i + qn <= n; i++)
		if (!memcmp(buf + i, q, qn * sizeof *q))
			return 1;
	return 0;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	struct hy_store *s;
	char err[512];
	if (argc < 4) {
		fprintf(stderr, "usage: search-bench DB RUNS QUERY...\n");
		return 2;
	}
	setlocale(LC_ALL, "C.UTF-8");
	if (hy_store_open(&s, argv[1], 0, err, sizeof err)) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	int runs = atoi(argv[2]);
	sqlite3 *db = s->db;
	size_t cap = 1 << 22;
	uint32_t *buf = malloc(cap * sizeof *buf);
	for (int a = 3; a < argc; a++) {
		const char *q = argv[a];
		double *t = calloc((size_t)runs, sizeof *t);
		size_t got = 0;
		for (int r = 0; r < runs; r++) {
			size_t n = 0;
			double t0 = now_ms();
			int rc = hy_store_search(s, q, NULL, HY_SEARCH_RANK, 0, 20, on_hit, &n, err,
						 sizeof err);
			t[r] = now_ms() - t0;
			if (rc < 0) {
				fprintf(stderr, "%s: %s\n", q, err);
				return 1;
			}
			got = n;
		}
		qsort(t, (size_t)runs, sizeof *t, cmp);
		size_t sections = 0, meetings = 0;
		if (getenv("SEARCH_BENCH_TIMES_ONLY")) { /* profiling: no counts */
			printf("%s %.2f %.2f\n", q, t[runs / 2], t[(int)(runs * 0.95)]);
			free(t);
			continue;
		}
		hy_store_search_count(s, q, NULL, &sections, &meetings, err, sizeof err);
		/* brute force over the folded text */
		uint32_t qf[256];
		size_t qn = fold(q, qf, 256);
		size_t brute = 0;
		static const char *const scans[] = {"SELECT heading, text FROM sections_text",
						    "SELECT title, summary FROM meetings_text"};
		for (size_t k = 0; k < 2; k++) {
			sqlite3_stmt *st;
			if (sqlite3_prepare_v2(db, scans[k], -1, &st, NULL) != SQLITE_OK) {
				fprintf(stderr, "%s: %s\n", scans[k], sqlite3_errmsg(db));
				return 1;
			}
			int rc;
			while ((rc = sqlite3_step(st)) == SQLITE_ROW)
				brute += contains((const char *)sqlite3_column_text(st, 0), qf, qn,
						  buf, cap) ||
					 contains((const char *)sqlite3_column_text(st, 1), qf, qn,
						  buf, cap);
			if (rc != SQLITE_DONE) {
				fprintf(stderr, "%s: %s\n", scans[k], sqlite3_errmsg(db));
				return 1;
			}
			sqlite3_finalize(st);
		}
		json_t *o = json_pack("{s:s, s:f, s:f, s:I, s:I, s:I, s:I}", "query", q,
				      "median_ms", t[runs / 2], "p95_ms", t[(int)(runs * 0.95)],
				      "first", (json_int_t)got, "sections", (json_int_t)sections,
				      "meetings", (json_int_t)meetings, "brute", (json_int_t)brute);
		char *line = json_dumps(o, JSON_ENSURE_ASCII * 0);
		printf("%s\n", line);
		fflush(stdout);
		free(line);
		json_decref(o);
		free(t);
	}
	free(buf);
	hy_store_close(s);
	return 0;
}
