/* test_trend_runs.c: hy_store_trends on a store, through meeting_runs
 * (schema v9: each meeting's date and its sections' run of rowids): the
 * counts per month are the same as the way without runs (a forced
 * search plan: each section looked up, or the sections' index walked)
 * and as written out here, on a database migrated from v8, after the
 * sqlite3 shell edits sections and meetings behind the runs' back (a
 * section added after other meetings', one deleted, a date changed, a
 * meeting deleted and its rowids used again), and after reindex. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "tmpdir.h"

#include "huiyi/search.h"
#include "huiyi/store.h"
#include "huiyi/trend.h"
#include "../../src/store/internal.h" /* hy_store_open_at, hy_store_index_new */

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sqltest.h"

struct fx {
	char dir[64];
	char db[128];
	struct hy_store *s;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	assert_int_equal(test_tmpdir(f->dir, sizeof f->dir, "runs", f->db, sizeof f->db, "t.db"),
			 0);
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

static void open_at(struct fx *f, int upto)
{
	char err[256] = "";
	hy_store_close(f->s);
	f->s = NULL;
	if (hy_store_open_at(&f->s, f->db, HY_STORE_CREATE, upto, err, sizeof err))
		fail_msg("open: %s", err);
}

/* A meeting on date with sections of these texts (NULL-ended), the
 * title matching 燃气 when gas_title. */
static int64_t put(struct fx *f, const char *date, int gas_title, const char *const *texts)
{
	static char raw[64];
	static int k;
	struct hy_section secs[8];
	struct hy_meeting m = {0};
	struct hy_store_doc d = {0};
	char err[256] = "";
	int64_t id = 0;
	size_t n = 0;

	for (; texts[n] && n < 8; n++) {
		secs[n].n = (int)n + 1;
		secs[n].heading = "议题";
		secs[n].text = (char *)texts[n];
	}
	m.title = gas_title ? "燃气安全工作会议" : "常务会议";
	m.date = (char *)date;
	m.body = "县政府";
	m.sections = secs;
	m.n_sections = n;
	snprintf(raw, sizeof raw, "meeting %d", ++k); /* its own content hash */
	d.raw = raw;
	d.raw_len = strlen(raw);
	d.clean = raw;
	d.clean_len = strlen(raw);
	d.source = "/tmp/x.txt";
	if (hy_store_insert(f->s, &m, &d, &id, err, sizeof err))
		fail_msg("insert: %s", err);
	return id;
}

/* The corpus and 燃气 counted per month, with plan, as
 * "2024-01 3 2/3; …; undated u/v" (corpus meetings, matching meetings /
 * matching sections; the corpus's undated / the query's). */
static void counts(struct fx *f, enum hy_search_plan plan, char *buf, size_t len)
{
	struct hy_search_opts o = {.plan = plan};
	const char *q = "燃气";
	struct hy_trend corpus, series;
	char err[256] = "";
	size_t at = 0, j = 0;

	hy_store_search_opts(f->s, &o);
	if (hy_store_trends(f->s, &q, 1, NULL, HY_TREND_MONTH, &corpus, &series, err, sizeof err))
		fail_msg("trend: %s", err);
	buf[0] = '\0';
	for (size_t i = 0; i < corpus.n && at < len; i++) {
		size_t m = 0, s = 0;
		if (j < series.n && strcmp(series.v[j].period, corpus.v[i].period) == 0) {
			m = series.v[j].meetings;
			s = series.v[j].sections;
			j++;
		}
		at += (size_t)snprintf(buf + at, len - at, "%s %zu %zu/%zu; ", corpus.v[i].period,
				       corpus.v[i].meetings, m, s);
	}
	assert_int_equal(j, series.n); /* no period of its own */
	if (at < len)
		snprintf(buf + at, len - at, "undated %zu/%zu", corpus.undated, series.undated);
	hy_trend_free(&corpus);
	hy_trend_free(&series);
	hy_store_search_opts(f->s, NULL);
}

/* The counts with the runs, and the same without them (each section
 * looked up; the sections' index walked), are want. */
static void check(struct fx *f, const char *want)
{
	char got[512], join[512], walk[512];
	counts(f, HY_SEARCH_PLAN_AUTO, got, sizeof got);
	counts(f, HY_SEARCH_PLAN_JOIN, join, sizeof join);
	counts(f, HY_SEARCH_PLAN_WALK, walk, sizeof walk);
	assert_string_equal(join, walk);
	assert_string_equal(got, join);
	assert_string_equal(got, want);
}

static void exec(struct fx *f, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(f->s->db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg ? msg : "?");
}

static const char *const gas2[] = {"会议研究了燃气安全。", "会议要求排查燃气管道。", NULL};
static const char *const gas1[] = {"会议听取了汇报。", "会议研究了燃气安全。", NULL};
static const char *const none[] = {"会议听取了汇报。", "会议要求抓好落实。", NULL};

/* The same five meetings: January 3 (one of them matching in its
 * title only), March 1, and one with no date. */
static void put_five(struct fx *f)
{
	put(f, "2024-01-05", 0, gas2);
	put(f, "2024-01-20", 1, none);
	put(f, "2024-01-25", 0, none);
	put(f, "2024-03-02", 0, gas1);
	put(f, NULL, 0, gas1);
}

#define FIVE "2024-01 3 2/3; 2024-03 1 1/1; undated 1/1"

/* A v8 database opened by this build: meeting_runs made from what is
 * there, a run for every meeting, and the same counts. */
static void t_migrate_v8(void **state)
{
	struct fx *f = *state;

	open_at(f, 8);
	assert_int_equal(hy_store_version(f->s), 8);
	put_five(f);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM sqlite_master"
					  " WHERE name = 'meeting_runs'"),
			 0);
	check(f, FIVE); /* before v9: one statement */
	open_at(f, 0);
	assert_int_equal(hy_store_version(f->s), HY_STORE_SCHEMA_VERSION);
	assert_int_equal(db_int(f->s->db, "PRAGMA user_version"), HY_STORE_SCHEMA_VERSION);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM meeting_runs"), 5);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM meeting_runs r JOIN meetings m"
					  " ON m.id = r.id AND ifnull(m.date, '') = r.date"
					  " WHERE r.n = (SELECT count(*) FROM sections"
					  "  WHERE meeting_id = r.id AND id >= r.first"
					  "  AND id < r.first + r.n)"),
			 5);
	check(f, FIVE);
}

/* The import writes each meeting's run; edits by hand keep the counts
 * right: a meeting deleted (its run with it) and its rowids used again
 * by the next import, a section added after other meetings' sections
 * (outside its meeting's run), a section deleted (its meeting's run
 * cleared), a date changed; reindex makes the runs again. */
static void t_hand_edits(void **state)
{
	struct fx *f = *state;
	char err[256] = "";
	int64_t last = 5;

	open_at(f, 0);
	put_five(f);
	assert_int_equal(
		db_int(f->s->db, "SELECT count(*) FROM meeting_runs WHERE first IS NOT NULL"), 5);
	check(f, FIVE);

	/* the last meeting goes with its sections; the next one takes the
	 * same rowids (the largest were freed) and has no match */
	assert_int_equal(hy_store_delete(f->s, &last, 1, NULL, err, sizeof err), 0);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM meeting_runs WHERE id = 5"), 0);
	assert_int_equal(put(f, "2024-03-15", 0, none), 5);
	assert_int_equal(db_int(f->s->db, "SELECT first FROM meeting_runs WHERE id = 5"), 9);
	check(f, "2024-01 3 2/3; 2024-03 2 1/1; undated 0/0");

	/* meeting 3 (January, no match yet) gets a matching section whose
	 * rowid comes after every other meeting's */
	exec(f, "INSERT INTO sections (meeting_id, n, heading, text)"
		" VALUES (3, 3, '议题', '会议研究了燃气价格。')");
	exec(f, hy_store_index_new);
	check(f, "2024-01 3 3/4; 2024-03 2 1/1; undated 0/0");

	/* meeting 1 loses one of its two matching sections: its run goes,
	 * its other section still counts */
	exec(f, "DELETE FROM sections WHERE meeting_id = 1 AND n = 2");
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM meeting_runs WHERE id = 1"
					  " AND first IS NULL"),
			 1);
	check(f, "2024-01 3 3/3; 2024-03 2 1/1; undated 0/0");

	/* the March meeting that matches moves to February */
	exec(f, "UPDATE meetings SET date = '2024-02-10' WHERE id = 4");
	check(f, "2024-01 3 3/3; 2024-02 1 1/1; 2024-03 1 0/0; undated 0/0");

	/* the rowid freed inside meeting 1's old run becomes a section of
	 * the February meeting: it counts there, not in January */
	exec(f, "INSERT INTO sections (id, meeting_id, n, heading, text)"
		" VALUES (2, 4, 3, '议题', '会议研究了燃气价格。')");
	exec(f, "INSERT INTO sections_fts (rowid, heading, text)"
		" SELECT id, heading, text FROM sections_text WHERE id = 2");
	check(f, "2024-01 3 3/3; 2024-02 1 1/2; 2024-03 1 0/0; undated 0/0");

	/* reindex: every meeting whose sections fill their span has a run
	 * again (meeting 3's and 4's do not: 11 and 2 are theirs) */
	assert_int_equal(hy_store_reindex(f->s, err, sizeof err), 0);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM meeting_runs WHERE first IS NULL"),
			 2);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM meeting_runs"
					  " WHERE first IS NULL AND id IN (3, 4)"),
			 2);
	check(f, "2024-01 3 3/3; 2024-02 1 1/2; 2024-03 1 0/0; undated 0/0");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(t_migrate_v8, setup, teardown),
		cmocka_unit_test_setup_teardown(t_hand_edits, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
