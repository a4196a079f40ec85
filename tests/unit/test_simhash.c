/* test_simhash.c: the near-duplicate fingerprint (simhash.h) and the
 * store's merging of the same meeting from many places (schema v11:
 * hy_store_add, hy_store_sources, hy_store_split). Fixtures:
 * tests/fixtures/dups (written by us). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "huiyi/clean.h"
#include "huiyi/err.h"
#include "huiyi/import.h"
#include "huiyi/simhash.h"
#include "huiyi/store.h"
#include "tmpdir.h"
#include "../../src/store/internal.h" /* the connection, hy_store_open_at */

#include <sqlite3.h>
#include "sqltest.h"

#define FIX "tests/fixtures/dups/"

static char *slurp(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	char *b = malloc(1 << 16);
	assert_non_null(fp);
	assert_non_null(b);
	*n = fread(b, 1, (1 << 16) - 1, fp);
	b[*n] = '\0';
	fclose(fp);
	return b;
}

/* The fingerprint of a fixture's clean text. */
static uint64_t print_of(const char *name)
{
	char path[256], *out = NULL;
	size_t n, m = 0;
	snprintf(path, sizeof path, FIX "%s", name);
	char *raw = slurp(path, &n);
	assert_int_equal(hy_clean(raw, n, &out, &m, NULL), 0);
	uint64_t h = hy_simhash(out, m);
	free(out);
	free(raw);
	assert_true(h != 0);
	return h;
}

/* The same meeting reposted in the other script, with other punctuation,
 * pinyin glosses, a breadcrumb and share and footer chrome: near. */
static void t_same_meeting_near(void **state)
{
	(void)state;
	uint64_t a = print_of("a_county.txt"), c = print_of("a_repost_trad.txt");
	int d = hy_simhash_distance(a, c);
	print_message("original ~ traditional repost: %d bits\n", d);
	assert_true(d <= HY_SIMHASH_NEAR);
}

/* Punctuation, spaces and script alone change nothing. */
static void t_punctuation_and_script_ignored(void **state)
{
	(void)state;
	const char *a = "县政府召开常务会议，研究春季农业生产工作。会议指出，要抓紧调运种子化肥，"
			"组织农技人员下沉一线开展技术指导。";
	const char *b = "縣政府召開常務會議 研究春季農業生產工作 . 會議指出:要抓緊調運種子化肥——"
			"組織農技人員下沉一線開展技術指導!";
	assert_true(hy_simhash(a, strlen(a)) != 0);
	assert_true(hy_simhash(a, strlen(a)) == hy_simhash(b, strlen(b)));
}

/* Too short to tell: no fingerprint. */
static void t_short_text_none(void **state)
{
	(void)state;
	const char *s = "县政府召开常务会议。";
	assert_true(hy_simhash(s, strlen(s)) == 0);
	assert_true(hy_simhash("", 0) == 0);
	assert_true(hy_simhash(NULL, 0) == 0);
}

static void t_script(void **state)
{
	(void)state;
	assert_string_equal(hy_script("县政府召开会议", strlen("县政府召开会议")), "hans");
	assert_string_equal(hy_script("縣政府召開會議", strlen("縣政府召開會議")), "hant");
	assert_null(hy_script("abc 123", 7));
	assert_int_equal(hy_fold_same("县政府", "縣 政府"), 1);
	assert_int_equal(hy_fold_same("县政府", "市政府"), 0);
	assert_int_equal(hy_fold_same(NULL, "市政府"), 1);
	assert_int_equal(hy_simhash_distance(0, ~(uint64_t)0), 64);
}

struct fx {
	char dir[128], db[160];
	struct hy_store *s;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	char err[256];
	assert_non_null(f);
	assert_int_equal(test_tmpdir(f->dir, sizeof f->dir, "simhash", f->db, sizeof f->db, "h.db"),
			 0);
	assert_int_equal(hy_store_open(&f->s, f->db, HY_STORE_CREATE, err, sizeof err), 0);
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

static int import_fixture(struct fx *f, const char *name, struct hy_import_stats *st)
{
	char path[256], err[256] = "";
	size_t n;
	snprintf(path, sizeof path, FIX "%s", name);
	char *raw = slurp(path, &n);
	int rc = hy_import_bytes(f->s, raw, n, path, NULL, st, err, sizeof err);
	free(raw);
	return rc;
}

static int count_sources(const struct hy_store_source *src, void *ctx)
{
	size_t *shown = ctx;
	if (src->shown)
		(*shown)++;
	return 0;
}

/* Two standing meetings of one county a week apart, with the same
 * boilerplate: two meetings. The repost of the first: its source. */
static void t_merge_and_split(void **state)
{
	struct fx *f = *state;
	struct hy_import_stats st = {0};
	char err[256] = "";
	size_t n = 0, shown = 0, made = 0;
	int64_t ids[4] = {0};

	assert_int_equal(import_fixture(f, "a_county.txt", &st), 0);
	assert_int_equal(import_fixture(f, "b_next_week.txt", &st), 0);
	assert_int_equal(import_fixture(f, "a_repost_trad.txt", &st), 0);
	assert_int_equal(st.imported, 2);
	assert_int_equal(st.merged, 1);
	assert_int_equal(hy_store_count(f->s, NULL, &n, err, sizeof err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(hy_store_sources(f->s, 1, count_sources, &shown, err, sizeof err), 2);
	assert_int_equal(shown, 1);
	shown = 0;
	assert_int_equal(hy_store_sources(f->s, 2, count_sources, &shown, err, sizeof err), 1);
	/* the repost again: a duplicate of a source */
	assert_int_equal(import_fixture(f, "a_repost_trad.txt", &st), HY_ERR_DUP);
	assert_int_equal(st.duplicates, 1);

	assert_int_equal(hy_store_split(f->s, 1, &made, ids, 4, err, sizeof err), 0);
	assert_int_equal(made, 1);
	assert_true(ids[0] > 2);
	assert_int_equal(hy_store_count(f->s, NULL, &n, err, sizeof err), 0);
	assert_int_equal(n, 3);
	assert_int_equal(hy_store_sources(f->s, 1, NULL, NULL, err, sizeof err), 1);
	assert_int_equal(hy_store_sources(f->s, ids[0], NULL, NULL, err, sizeof err), 1);
	struct hy_store_record r;
	assert_int_equal(hy_store_get(f->s, ids[0], &r, err, sizeof err), 0);
	assert_string_equal(r.m.date, "2025-03-10");
	hy_store_record_free(&r);
	/* nothing left to split; an unknown id */
	assert_int_equal(hy_store_split(f->s, 1, &made, NULL, 0, err, sizeof err), 0);
	assert_int_equal(made, 0);
	assert_int_equal(hy_store_split(f->s, 99, &made, NULL, 0, err, sizeof err),
			 HY_ERR_NOTFOUND);
	assert_non_null(strstr(err, "99"));
}

/* Without a day or a number to compare, the same text in the other
 * script (0 bits) still merges; the two standing meetings with their
 * dates and numbers taken out (a few bits apart) do not. */
static void t_blind(void **state)
{
	struct fx *f = *state;
	struct hy_import_stats st = {0};
	char err[256] = "";
	static const char a[] =
		"县政府召开专题会议\n会议研究了县城北区供热管网改造项目推进工作。会议要求，相关单位要"
		"倒排工期、挂图作战，确保主管网敷设按期完成，入冬前具备供热条件。会议还研究了其他事项。\n";
	static const char b[] =
		"縣政府召開專題會議\n會議研究了縣城北區供熱管網改造項目推進工作. 會議要求, 相關單位要"
		"倒排工期、掛圖作戰, 確保主管網敷設按期完成, 入冬前具備供熱條件. 會議還研究了其他事項.\n";
	assert_int_equal(hy_import_bytes(f->s, a, sizeof a - 1, "a", NULL, &st, err, sizeof err),
			 0);
	assert_int_equal(hy_import_bytes(f->s, b, sizeof b - 1, "b", NULL, &st, err, sizeof err),
			 0);
	assert_int_equal(st.imported, 1);
	assert_int_equal(st.merged, 1);

	char *x, *y;
	size_t nx, ny;
	x = slurp(FIX "a_county.txt", &nx);
	y = slurp(FIX "b_next_week.txt", &ny);
	/* no dates, no numbers: the first two lines go, 十二/十三 and the days too */
	char *bx = strchr(strchr(x, '\n') + 1, '\n') + 1,
	     *by = strchr(strchr(y, '\n') + 1, '\n') + 1;
	bx = strstr(bx, "县委");
	by = strstr(by, "县委");
	char *cut_x = strstr(bx, "第十二次"), *cut_y = strstr(by, "第十三次");
	memcpy(cut_x, "本", 3);
	memset(cut_x + 3, ' ', strlen("第十二次") - 3);
	memcpy(cut_y, "本", 3);
	memset(cut_y + 3, ' ', strlen("第十三次") - 3);
	int d = hy_simhash_distance(hy_simhash(bx, strlen(bx)), hy_simhash(by, strlen(by)));
	print_message("a week apart, undated: %d bits\n", d);
	st = (struct hy_import_stats){0};
	assert_int_equal(hy_import_bytes(f->s, bx, strlen(bx), "x", NULL, &st, err, sizeof err), 0);
	assert_int_equal(hy_import_bytes(f->s, by, strlen(by), "y", NULL, &st, err, sizeof err), 0);
	assert_int_equal(st.imported, 2);
	assert_int_equal(st.merged, 0);
	free(x);
	free(y);
}

/* A repost that kept the title and publish line but added a byline and
 * lost half its paragraphs is far in bits (over HY_SIMHASH_NEAR), and
 * still the same meeting: same body, kind, number and day. */
static void t_same_day(void **state)
{
	struct fx *f = *state;
	struct hy_import_stats st = {0};
	int d = hy_simhash_distance(print_of("a_county.txt"), print_of("a_repost_cut.txt"));
	print_message("original ~ cut repost: %d bits\n", d);
	assert_true(d > HY_SIMHASH_NEAR && d <= HY_SIMHASH_NEAR_SAME_DAY);
	assert_int_equal(import_fixture(f, "a_county.txt", &st), 0);
	assert_int_equal(import_fixture(f, "b_next_week.txt", &st), 0);
	assert_int_equal(import_fixture(f, "a_repost_cut.txt", &st), 0);
	assert_int_equal(st.imported, 2);
	assert_int_equal(st.merged, 1);
}

/* Schema v16: each band row holds its meeting's day, where a dated
 * readout looks for its own; a database of v15 gets them, a meeting's
 * day changed by hand moves its bands, and the same meeting on the same
 * day still merges. */
static void t_band_days(void **state)
{
	struct fx *f = *state;
	struct hy_import_stats st = {0};
	char err[256] = "";

	hy_store_close(f->s);
	f->s = NULL;
	char side[200];
	for (int k = 0; k < 3; k++) {
		snprintf(side, sizeof side, "%s%s", f->db, k == 0 ? "" : k == 1 ? "-wal" : "-shm");
		unlink(side);
	}
	assert_int_equal(hy_store_open_at(&f->s, f->db, HY_STORE_CREATE, 15, err, sizeof err), 0);
	assert_int_equal(hy_store_version(f->s), 15);
	assert_int_equal(import_fixture(f, "a_county.txt", &st), 0);
	assert_int_equal(import_fixture(f, "b_next_week.txt", &st), 0);
	hy_store_close(f->s);
	f->s = NULL;
	assert_int_equal(hy_store_open(&f->s, f->db, 0, err, sizeof err), 0);
	assert_int_equal(hy_store_version(f->s), HY_STORE_SCHEMA_VERSION);
	/* every meeting's four bands, each on its day */
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM simhash_bands b JOIN meetings m"
					  " ON m.id = b.meeting_id WHERE b.day = m.month_day"),
			 8);
	assert_int_equal(db_int(f->s->db, "SELECT count(DISTINCT day) FROM simhash_bands"), 2);
	/* the repost finds its original on the day they share */
	assert_int_equal(import_fixture(f, "a_repost_trad.txt", &st), 0);
	assert_int_equal(st.merged, 1);
	/* a day changed by hand moves the bands; an unknown day is '' */
	assert_int_equal(sqlite3_exec(f->s->db,
				      "UPDATE meetings SET month_day = '12-31' WHERE id = 1", NULL,
				      NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM simhash_bands"
					  " WHERE meeting_id = 1 AND day = '12-31'"),
			 4);
	assert_int_equal(sqlite3_exec(f->s->db, "UPDATE meetings SET month_day = NULL WHERE id = 1",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM simhash_bands"
					  " WHERE meeting_id = 1 AND day = ''"),
			 4);
}

/* Inside a batch a meeting's bands wait in a log until the commit
 * (sources.c, hy_store_bands_flush): a repost still finds its original
 * stored earlier in the same batch, a batch rolled back leaves none, a
 * meeting deleted in the batch takes its logged bands, and each band
 * reaches the table with its meeting's day. */
static void t_batch_bands(void **state)
{
	struct fx *f = *state;
	struct hy_import_stats st = {0};
	char err[256] = "";
	size_t gone = 0;
	int64_t two = 2;

	assert_int_equal(hy_store_begin(f->s, err, sizeof err), 0);
	assert_int_equal(import_fixture(f, "a_county.txt", &st), 0);
	hy_store_rollback(f->s);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM simhash_bands"), 0);

	st = (struct hy_import_stats){0};
	assert_int_equal(hy_store_begin(f->s, err, sizeof err), 0);
	assert_int_equal(import_fixture(f, "a_county.txt", &st), 0);
	assert_int_equal(import_fixture(f, "b_next_week.txt", &st), 0);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM simhash_bands"), 0); /* logged */
	assert_int_equal(import_fixture(f, "a_repost_trad.txt", &st), 0);
	assert_int_equal(st.imported, 2);
	assert_int_equal(st.merged, 1);
	assert_int_equal(hy_store_delete(f->s, &two, 1, &gone, err, sizeof err), 0);
	assert_int_equal(gone, 1);
	assert_int_equal(hy_store_commit(f->s, err, sizeof err), 0);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM simhash_bands"), 4);
	assert_int_equal(db_int(f->s->db,
				"SELECT count(*) FROM simhash_bands b JOIN meetings m"
				" ON m.id = b.meeting_id AND b.day = ifnull(m.month_day, '')"
				" AND b.hash = (SELECT hash FROM simhash WHERE meeting_id = 1)"
				" WHERE m.id = 1"),
			 4);
	/* the next batch: a cut repost merges, the deleted meeting comes back */
	st = (struct hy_import_stats){0};
	assert_int_equal(hy_store_begin(f->s, err, sizeof err), 0);
	assert_int_equal(import_fixture(f, "a_repost_cut.txt", &st), 0);
	assert_int_equal(import_fixture(f, "b_next_week.txt", &st), 0);
	assert_int_equal(hy_store_commit(f->s, err, sizeof err), 0);
	assert_int_equal(st.merged, 1);
	assert_int_equal(st.imported, 1);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM simhash_bands"), 8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_same_meeting_near),
		cmocka_unit_test(t_punctuation_and_script_ignored),
		cmocka_unit_test(t_short_text_none),
		cmocka_unit_test(t_script),
		cmocka_unit_test_setup_teardown(t_merge_and_split, setup, teardown),
		cmocka_unit_test_setup_teardown(t_blind, setup, teardown),
		cmocka_unit_test_setup_teardown(t_same_day, setup, teardown),
		cmocka_unit_test_setup_teardown(t_band_days, setup, teardown),
		cmocka_unit_test_setup_teardown(t_batch_bands, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
