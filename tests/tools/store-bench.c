/* store-bench: developer tool. Times the list queries of the browser
 * (hy_store_page, hy_store_count, hy_store_rank) on a large database.
 *
 *   store-bench [DB [N]]    (default /tmp/huiyi-store-bench.db, 100000)
 *
 * If DB does not exist it is built first: N synthetic meetings (tiny
 * texts) stored through hy_store_insert in one batch into a schema v1
 * database, which is then opened normally, so the v1 -> v2 upgrade is
 * timed too. Then every order, forward and backward, from the start, the
 * middle and the end of the list, unfiltered and with each kind of
 * filter: median microseconds of a page of 200 rows over 15 runs; then
 * the first page on a new connection. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "huiyi/err.h"
#include "huiyi/store.h"
#include "../../src/store/internal.h" /* hy_store_open_at */

#define PAGE 200
#define RUNS 15

static double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static void die(const char *what, const char *err)
{
	fprintf(stderr, "store-bench: %s: %s\n", what, err);
	exit(1);
}

/* A small deterministic generator (xorshift). */
static uint32_t rnd(void)
{
	static uint32_t x = 2463534242u;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return x;
}

static const char *const counties[] = {
	"云潭", "青石", "白河", "东川", "西岭", "南山", "北林", "金沙", "银湖", "铜陵",
	"铁岗", "玉泉", "石门", "松溪", "柳江", "桃源", "梅岭", "竹山", "兰溪", "菊坪",
};
static const char *const offices[] = {"县政府", "县委", "县人大常委会"};
static const char *const surnames = "张王李赵刘陈杨黄周吴";

static void build(const char *path, long n)
{
	struct hy_store *s;
	char err[512] = "";
	char body[64], date[16], pub[32], raw[32], title[128];
	char chair[16], a1[16], a2[16];
	char *att[2] = {a1, a2};
	struct hy_section sec[2] = {{1, "一项", "会议研究了一项工作。"},
				    {2, "二项", "会议审议了二项方案。"}};
	double t0 = now_us();

	if (hy_store_open_at(&s, path, HY_STORE_CREATE, 1, err, sizeof err))
		die(path, err);
	if (hy_store_begin(s, err, sizeof err))
		die("begin", err);
	for (long i = 0; i < n; i++) {
		struct hy_meeting m = {0};
		struct hy_store_doc d = {0};
		uint32_t r = rnd();
		int c = (int)(r % 20), o = (int)(r / 20 % 3);
		/* 300 bodies: 20 counties x 3 offices x 5 "districts" */
		snprintf(body, sizeof body, "%s%s%s", counties[c],
			 (const char *[]){"", "一区", "二区", "三区", "四区"}[r / 60 % 5],
			 offices[o]);
		snprintf(date, sizeof date, "%04u-%02u-%02u", 2015 + rnd() % 10, 1 + rnd() % 12,
			 1 + rnd() % 28);
		snprintf(pub, sizeof pub, "%s 10:00", date);
		snprintf(raw, sizeof raw, "bench %ld", i);
		snprintf(title, sizeof title, "%s召开会议 %ld", body, i);
		/* names are 3 characters: a surname, then two of a set */
		snprintf(chair, sizeof chair, "%.3s%.3s%.3s", surnames + 3 * (rnd() % 10),
			 surnames + 3 * (rnd() % 10), surnames + 3 * (rnd() % 10));
		snprintf(a1, sizeof a1, "%.3s%.3s", surnames + 3 * (rnd() % 10),
			 surnames + 3 * (rnd() % 10));
		snprintf(a2, sizeof a2, "%.3s%.3s", surnames + 3 * (rnd() % 10),
			 surnames + 3 * (rnd() % 10));
		m.title = title;
		m.published = pub;
		m.date = rnd() % 20 ? date : NULL;
		m.body = rnd() % 20 ? body : NULL;
		m.kind = "常务会议";
		m.number = rnd() % 5 ? (int)(1 + rnd() % 60) : 0;
		m.chair = chair;
		m.attendees = att;
		m.n_attendees = 2;
		m.sections = sec;
		m.n_sections = 2;
		d.raw = raw;
		d.raw_len = strlen(raw);
		d.clean = title;
		d.clean_len = strlen(title);
		d.source = "/bench";
		if (hy_store_insert(s, &m, &d, NULL, err, sizeof err))
			die("insert", err);
	}
	if (hy_store_commit(s, err, sizeof err))
		die("commit", err);
	hy_store_close(s);
	printf("built %ld meetings (schema v1) in %.1f s\n", n, (now_us() - t0) / 1e6);
	t0 = now_us();
	if (hy_store_open(&s, path, 0, err, sizeof err))
		die(path, err);
	printf("upgrade to schema v%d: %.1f s\n", hy_store_version(s), (now_us() - t0) / 1e6);
	hy_store_close(s);
}

struct last {
	struct hy_store_key k;
	long n;
};

static int keep(const struct hy_store_row *row, void *ctx)
{
	struct last *l = ctx;
	hy_store_key_of(row, HY_SORT_DATE, &l->k);
	l->n++;
	return 0;
}

/* The key of the row at position pos (0-based), by walking there. */
static struct hy_store_key key_at(struct hy_store *s, const struct hy_store_filter *f,
				  enum hy_store_sort sort, long pos)
{
	struct last l = {{0}, 0};
	char err[512];
	while (l.n <= pos) {
		long want = pos + 1 - l.n;
		struct hy_store_key k = l.k;
		int n = hy_store_page(s, f, sort, &k, 0, (size_t)(want > 5000 ? 5000 : want), keep,
				      &l, err, sizeof err);
		if (n < 0)
			die("page", err);
		if (n == 0)
			break;
	}
	return l.k;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int ignore(const struct hy_store_row *row, void *ctx)
{
	(void)row;
	(void)ctx;
	return 0;
}

/* Median µs of one page call; *rows gets the rows of the last run. */
static double time_page(struct hy_store *s, const struct hy_store_filter *f,
			enum hy_store_sort sort, const struct hy_store_key *k, int backward,
			int *rows)
{
	double t[RUNS];
	char err[512];
	for (int i = 0; i < RUNS; i++) {
		double t0 = now_us();
		*rows = hy_store_page(s, f, sort, k, backward, PAGE, ignore, NULL, err, sizeof err);
		t[i] = now_us() - t0;
		if (*rows < 0)
			die("page", err);
	}
	qsort(t, RUNS, sizeof t[0], cmp_d);
	return t[RUNS / 2];
}

static const char *const sort_name[] = {"date", "body", "number"};

static void bench_filter(struct hy_store *s, const char *name, const struct hy_store_filter *f)
{
	char err[512];
	size_t count = 0, rank = 0;
	double t0, tc, tr;
	long n;

	t0 = now_us();
	if (hy_store_count(s, f, &count, err, sizeof err))
		die("count", err);
	tc = now_us() - t0;
	n = (long)count;
	printf("\n%s: %ld rows; count %.0f us\n", name, n, tc);
	printf("  %-7s %9s %9s %9s %9s %9s %9s %9s\n", "order", "fw start", "fw mid", "fw end",
	       "bw start", "bw mid", "bw end", "rank mid");
	for (int so = HY_SORT_DATE; so <= HY_SORT_NUMBER; so++) {
		enum hy_store_sort sort = (enum hy_store_sort)so;
		long mid = n / 2;
		/* forward: rows [p, p+PAGE) after the key of row p-1;
		 * backward: rows before the key of row p */
		long fw[3] = {0, mid, n - PAGE};
		long bw[3] = {PAGE, mid, n};
		double t[7];
		int rows;
		struct hy_store_key km;

		for (int i = 0; i < 3; i++) {
			struct hy_store_key k = {0};
			if (fw[i] > 0)
				k = key_at(s, f, sort, fw[i] - 1);
			t[i] = time_page(s, f, sort, &k, 0, &rows);
			if (n >= 2 * PAGE && rows != PAGE)
				die("page", "short page");
		}
		for (int i = 0; i < 3; i++) {
			struct hy_store_key k = {0};
			if (bw[i] < n)
				k = key_at(s, f, sort, bw[i]);
			t[3 + i] = time_page(s, f, sort, &k, 1, &rows);
			if (n >= 2 * PAGE && rows != PAGE)
				die("page", "short page");
		}
		km = key_at(s, f, sort, mid);
		t0 = now_us();
		if (hy_store_rank(s, f, sort, &km, &rank, err, sizeof err))
			die("rank", err);
		tr = now_us() - t0;
		if (n > 0 && (long)rank != mid)
			die("rank", "wrong position");
		t[6] = tr;
		printf("  %-7s", sort_name[so]);
		for (int i = 0; i < 7; i++)
			printf(" %9.0f", t[i]);
		printf("\n");
	}
}

/* The first page on a new connection (sqlite's cache empty, the
 * system's warm): what opening the browser at a position costs. */
static void bench_cold(struct hy_store *s, const char *path)
{
	char err[512];
	printf("\nfirst page on a new connection, no filter\n");
	printf("  %-7s %9s %9s %9s\n", "order", "fw start", "fw mid", "bw end");
	for (int so = HY_SORT_DATE; so <= HY_SORT_NUMBER; so++) {
		enum hy_store_sort sort = (enum hy_store_sort)so;
		struct hy_store_key k[3] = {{0}};
		int back[3] = {0, 0, 1};
		printf("  %-7s", sort_name[so]);
		k[1] = key_at(s, NULL, sort, 50000);
		for (int i = 0; i < 3; i++) {
			struct hy_store *c;
			double t0;
			int rows;
			if (hy_store_open(&c, path, 0, err, sizeof err))
				die(path, err);
			t0 = now_us();
			rows = hy_store_page(c, NULL, sort, &k[i], back[i], PAGE, ignore, NULL, err,
					     sizeof err);
			if (rows < 0)
				die("page", err);
			printf(" %9.0f", now_us() - t0);
			hy_store_close(c);
		}
		printf("\n");
	}
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "/tmp/huiyi-store-bench.db";
	long n = argc > 2 ? strtol(argv[2], NULL, 10) : 100000;
	struct hy_store *s;
	struct stat sb;
	char err[512];

	if (stat(path, &sb) != 0)
		build(path, n);
	if (hy_store_open(&s, path, 0, err, sizeof err))
		die(path, err);
	printf("%s; page of %d rows, median of %d runs, in microseconds\n", path, PAGE, RUNS);
	bench_filter(s, "no filter", NULL);
	bench_cold(s, path);
	bench_filter(s, "date 2020-01-01..2020-12-31",
		     &(struct hy_store_filter){.from = "2020-01-01", .to = "2020-12-31"});
	bench_filter(s, "date one month 2020-03",
		     &(struct hy_store_filter){.from = "2020-03-01", .to = "2020-03-31"});
	bench_filter(s, "body one (云潭二区县委)",
		     &(struct hy_store_filter){.body = "云潭二区县委"});
	bench_filter(s, "body three (云潭二区)", &(struct hy_store_filter){.body = "云潭二区"});
	bench_filter(s, "body many, per row (县政府: 100 bodies)",
		     &(struct hy_store_filter){.body = "县政府"});
	bench_filter(s, "body one + year",
		     &(struct hy_store_filter){
			     .body = "云潭二区县委", .from = "2020-01-01", .to = "2020-12-31"});
	bench_filter(s, "person (张王李: a chair)", &(struct hy_store_filter){.person = "张王李"});
	bench_filter(s, "person (张王: 11 people)", &(struct hy_store_filter){.person = "张王"});
	bench_filter(s, "person broad (张: over 64 people)",
		     &(struct hy_store_filter){.person = "张"});
	hy_store_close(s);
	return 0;
}
