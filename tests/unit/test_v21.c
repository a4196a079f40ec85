/* Schema v21's storage (DESIGN.md §2 "The weighted column last").
 * Each search index's weighted column last: a v20 database brought to v21 finds,
 * ranks, counts and cuts snippets exactly as it did (every hit's score
 * to the last digit, in rank and in date order, with and without a
 * filter; trend's and export's matches), its index is smaller, and from
 * then on inserts, deletes, edits by hand and reindex keep it whole and
 * ranked as FTS5's bm25 with the heading and title weighed 10. And a
 * new file gives back the pages it no longer uses when it is closed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "tmpdir.h"

#include "huiyi/err.h"
#include "huiyi/export.h"
#include "huiyi/search.h"
#include "huiyi/store.h"
#include "huiyi/trend.h"
#include "../../src/store/internal.h" /* hy_store_open_at, s->db */

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "searchtest.h"
#include "sqltest.h"

#define MEETINGS 40
#define SECTIONS 3

static const char *const topics[] = {
	"农村公路建设", "春季森林防火", "城镇燃气管道改造", "安全生产检查", "财政预算执行",
	"防汛抗旱准备", "营商环境优化", "冬季供暖保障",     "学校校舍维修", "粮食收购工作",
};

/* Meeting i: a title, an opening paragraph as its summary, SECTIONS
 * items whose headings hold a topic the texts mention too (a word in
 * the heading weighs 10), a date a month apart. */
static int64_t insert(struct hy_store *s, int i)
{
	char title[128], summary[256], clean[2048], date[32], sha[65];
	char heading[SECTIONS][64], text[SECTIONS][256];
	struct hy_section sec[SECTIONS];
	struct hy_meeting m = {0};
	struct hy_store_doc d = {0};
	char err[256] = "";
	int64_t id = 0;
	size_t off;

	snprintf(title, sizeof title, "石桥县召开县政府第%d次常务会议", i + 1);
	snprintf(summary, sizeof summary,
		 "%d月%d日，县长主持召开县政府第%d次常务会议，研究%s等事项。", i % 12 + 1,
		 i % 28 + 1, i + 1, topics[i % 10]);
	off = (size_t)snprintf(clean, sizeof clean, "%s\n%s\n", title, summary);
	for (int k = 0; k < SECTIONS; k++) {
		const char *a = topics[(i + k) % 10], *b = topics[(i * 3 + k + 1) % 10];
		snprintf(heading[k], sizeof heading[k], "关于%s的汇报", a);
		snprintf(text[k], sizeof text[k],
			 "会议听取了县交通运输局关于%s的汇报，要求做好%s，确保安全。", b,
			 i % 3 == k ? a : "各项工作");
		off += (size_t)snprintf(clean + off, sizeof clean - off, "%s\n%s\n", heading[k],
					text[k]);
		sec[k].n = k + 1;
		sec[k].heading = heading[k];
		sec[k].text = text[k];
	}
	snprintf(date, sizeof date, "%04d-%02d-%02d", 2019 + i / 12, i % 12 + 1, i % 28 + 1);
	snprintf(sha, sizeof sha, "%064d", i + 1);
	m.title = title;
	m.date = date;
	m.summary = summary;
	m.sections = sec;
	m.n_sections = SECTIONS;
	d.raw = clean;
	d.raw_len = off;
	d.clean = clean;
	d.clean_len = off;
	d.sha256 = sha;
	d.source = "/tmp/c.txt";
	if (hy_store_insert(s, &m, &d, &id, err, sizeof err) != 0)
		fail_msg("insert: %s", err);
	return id;
}

static const char *const words[] = {"燃气",     "森林防火", "安全",         "县长",
				    "常务会议", "汇报",     "公路 OR 粮食", "\"主持召开\"",
				    "会",       "zhuchi",   "供暖 -学校",   "关于 燃气"};
#define NWORDS (sizeof words / sizeof words[0])

struct text {
	char *buf;
	size_t len;
};

static void add(struct text *t, const char *s)
{
	size_t n = strlen(s);
	t->buf = realloc(t->buf, t->len + n + 1);
	assert_non_null(t->buf);
	memcpy(t->buf + t->len, s, n + 1);
	t->len += n;
}

static int on_export(const struct hy_export_item *it, void *ctx)
{
	char line[64];
	snprintf(line, sizeof line, "%lld ", (long long)it->r->id);
	add(ctx, line);
	return 0;
}

/* What every reader of the index gives for word: the hits by rank (the
 * first 1,000, with headings, snippets and scores), in date order with a
 * filter and a page, the counts, trend's months and export's meetings. */
static char *readers(struct hy_store *s, const char *word)
{
	struct hy_store_filter f = {"2020-01-01", NULL, NULL, NULL};
	struct text t = {0};
	struct shown o = {0};
	struct hy_trend tr = {0};
	size_t sections = 0, meetings = 0;
	char err[256] = "", line[128];
	char *rank = search_all(s, word);

	add(&t, rank);
	free(rank);
	add(&t, "--\n");
	if (hy_store_search(s, word, &f, HY_SEARCH_DATE, 3, 50, shown_hit, &o, err, sizeof err) < 0)
		fail_msg("search %s: %s", word, err);
	if (hy_store_search(s, word, &f, HY_SEARCH_RANK, 2, 20, shown_hit, &o, err, sizeof err) < 0)
		fail_msg("search %s: %s", word, err);
	if (o.buf)
		add(&t, o.buf);
	free(o.buf);
	assert_int_equal(
		hy_store_search_count(s, word, NULL, &sections, &meetings, err, sizeof err), 0);
	snprintf(line, sizeof line, "-- %zu %zu\n", sections, meetings);
	add(&t, line);
	assert_int_equal(hy_store_trend(s, word, NULL, HY_TREND_MONTH, &tr, err, sizeof err), 0);
	for (size_t i = 0; i < tr.n; i++) {
		snprintf(line, sizeof line, "%s %zu %zu\n", tr.v[i].period, tr.v[i].meetings,
			 tr.v[i].sections);
		add(&t, line);
	}
	hy_trend_free(&tr);
	assert_true(hy_store_export(s, NULL, word, on_export, &t, NULL, err, sizeof err) >= 0);
	return t.buf ? t.buf : strdup("");
}

/* The rows' scores are FTS5's bm25 with the heading and the title
 * weighed 10 (the columns of v21: text, heading; summary, title). */
static void scores_are_bm25(struct hy_store *s)
{
	sqlite3_stmt *st;
	struct shown o = {0};
	char err[256] = "";
	int rows = 0;

	assert_true(hy_store_search(s, "燃气", NULL, HY_SEARCH_RANK, 0, 1000, shown_hit, &o, err,
				    sizeof err) >= 0);
	char *expr = NULL;
	assert_int_equal(hy_search_translate("燃气", &expr, err, sizeof err), 0);
	assert_int_equal(sqlite3_prepare_v2(s->db,
					    "SELECT s.meeting_id, s.n,"
					    " -bm25(sections_fts, 1.0, 10.0) FROM sections_fts"
					    " JOIN sections s ON s.id = sections_fts.rowid"
					    " WHERE sections_fts MATCH ?1 UNION ALL"
					    " SELECT meetings_fts.rowid, 0,"
					    " -bm25(meetings_fts, 1.0, 10.0) FROM meetings_fts"
					    " WHERE meetings_fts MATCH ?1",
					    -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char want[64];
		snprintf(want, sizeof want, "\n%lld/%d ", (long long)sqlite3_column_int64(st, 0),
			 sqlite3_column_int(st, 1));
		const char *line = strncmp(o.buf, want + 1, strlen(want + 1)) == 0
					   ? o.buf
					   : strstr(o.buf, want);
		assert_non_null(line);
		line = strchr(line + (line != o.buf), '\n');
		assert_non_null(line);
		/* the score is the line's last field */
		const char *sp = line;
		while (sp > o.buf && sp[-1] != ' ')
			sp--;
		assert_float_equal(strtod(sp, NULL), sqlite3_column_double(st, 2), 1e-9);
		rows++;
	}
	sqlite3_finalize(st);
	free(expr);
	assert_true(rows > 10);
	free(o.buf);
}

static void t_migrate(void **state)
{
	char dir[128], path[160], err[256] = "";
	struct hy_store *s = NULL;
	int64_t ids[MEETINGS];
	char *before[NWORDS];
	int64_t data_v20[2], data_v21[2];
	(void)state;

	assert_int_equal(test_tmpdir(dir, sizeof dir, "columns", path, sizeof path, "c.db"), 0);
	assert_int_equal(hy_store_open_at(&s, path, HY_STORE_CREATE, 20, err, sizeof err), 0);
	assert_int_equal(hy_store_begin(s, err, sizeof err), 0);
	for (int i = 0; i < MEETINGS; i++)
		ids[i] = insert(s, i);
	assert_int_equal(hy_store_commit(s, err, sizeof err), 0);
	for (size_t w = 0; w < NWORDS; w++)
		before[w] = readers(s, words[w]);
	data_v20[0] = db_int(s->db, "SELECT sum(length(block)) FROM sections_fts_data");
	data_v20[1] = db_int(s->db, "SELECT sum(length(block)) FROM meetings_fts_data");
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM sqlite_master WHERE name ="
				       " 'sections_fts' AND sql LIKE '%( heading, text,%'"),
			 1);
	hy_store_close(s);

	s = reopen_migrated(path);
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM sqlite_master WHERE name ="
				       " 'sections_fts' AND sql LIKE '%( text, heading,%'"),
			 1);
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM sqlite_master WHERE name ="
				       " 'meetings_fts' AND sql LIKE '%( summary, title,%'"),
			 1);
	assert_int_equal(db_int(s->db, "SELECT v FROM sections_fts_config WHERE k = 'automerge'"),
			 16);
	assert_int_equal(db_int(s->db, "SELECT v FROM meetings_fts_config WHERE k = 'automerge'"),
			 16);
	/* the same rows indexed, in fewer bytes */
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM sections_fts_docsize"),
			 MEETINGS * SECTIONS);
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM meetings_fts_docsize"), MEETINGS);
	data_v21[0] = db_int(s->db, "SELECT sum(length(block)) FROM sections_fts_data");
	data_v21[1] = db_int(s->db, "SELECT sum(length(block)) FROM meetings_fts_data");
	assert_true(data_v21[0] < data_v20[0]);
	assert_true(data_v21[1] < data_v20[1]);
	print_message("# index bytes: sections %lld → %lld, meetings %lld → %lld\n",
		      (long long)data_v20[0], (long long)data_v21[0], (long long)data_v20[1],
		      (long long)data_v21[1]);
	/* every reader gives what it did */
	for (size_t w = 0; w < NWORDS; w++) {
		char *after = readers(s, words[w]);
		assert_true(strstr(before[w], "/") != NULL);
		assert_string_equal(after, before[w]);
		free(after);
	}
	scores_are_bm25(s);

	/* new meetings, a delete, a heading and a title edited by hand: the
	 * index follows, and ranks as bm25 with the weights of v21 */
	assert_int_equal(hy_store_begin(s, err, sizeof err), 0);
	insert(s, MEETINGS);
	insert(s, MEETINGS + 1);
	assert_int_equal(hy_store_commit(s, err, sizeof err), 0);
	assert_int_equal(hy_store_delete(s, &ids[3], 1, NULL, err, sizeof err), 0);
	db_exec(s->db, "UPDATE sections SET heading = '城镇燃气价格' WHERE id = 5;"
		       "UPDATE meetings SET title = '县政府燃气专题会议' WHERE id = 6;");
	fts_integrity(s->db);
	scores_are_bm25(s);
	assert_int_equal(hy_store_reindex(s, err, sizeof err), 0);
	fts_integrity(s->db);
	scores_are_bm25(s);
	hy_store_close(s);

	for (size_t w = 0; w < NWORDS; w++)
		free(before[w]);
	test_rmdir(dir);
}

/* A database made at v21 gives what one made at v20 and migrated does. */
/* A new file at path holding the same meetings, and each word read alike
 * from it and from s; the new store is left open in *fresh. */
static void same_as_fresh(struct hy_store *s, const char *path, struct hy_store **fresh)
{
	char err[256] = "";
	assert_int_equal(hy_store_open(fresh, path, HY_STORE_CREATE, err, sizeof err), 0);
	assert_int_equal(hy_store_begin(*fresh, err, sizeof err), 0);
	for (int i = 0; i < MEETINGS; i++)
		insert(*fresh, i);
	assert_int_equal(hy_store_commit(*fresh, err, sizeof err), 0);
	fts_integrity((*fresh)->db);
	for (size_t w = 0; w < NWORDS; w++) {
		char *a = readers(s, words[w]), *b = readers(*fresh, words[w]);
		assert_string_equal(a, b);
		free(a);
		free(b);
	}
}

static void t_fresh(void **state)
{
	char dir[128], path[160], path2[160], err[256] = "";
	struct hy_store *s = NULL, *s2 = NULL;
	(void)state;

	assert_int_equal(test_tmpdir(dir, sizeof dir, "columns", path, sizeof path, "a.db"), 0);
	snprintf(path2, sizeof path2, "%s/b.db", dir);
	assert_int_equal(hy_store_open_at(&s, path, HY_STORE_CREATE, 20, err, sizeof err), 0);
	assert_int_equal(hy_store_begin(s, err, sizeof err), 0);
	for (int i = 0; i < MEETINGS; i++)
		insert(s, i);
	assert_int_equal(hy_store_commit(s, err, sizeof err), 0);
	hy_store_close(s);
	if (hy_store_open(&s, path, 0, err, sizeof err) != 0)
		fail_msg("open: %s", err);
	same_as_fresh(s, path2, &s2);
	scores_are_bm25(s2);
	hy_store_close(s);
	hy_store_close(s2);
	test_rmdir(dir);
}

static int64_t file_size(const char *path)
{
	FILE *f = fopen(path, "rb");
	long n;
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	fclose(f);
	return n;
}

/* Deleting most meetings frees most of the file's pages; the close gives
 * them back (auto_vacuum INCREMENTAL, set when the file was made), and
 * what is left reads and searches as before. */
static void t_free_pages(void **state)
{
	char dir[128], path[160], path2[160], err[256] = "";
	struct hy_store *s = NULL, *s2 = NULL;
	int64_t ids[4 * MEETINGS], full, after;
	(void)state;

	assert_int_equal(test_tmpdir(dir, sizeof dir, "columns", path, sizeof path, "f.db"), 0);
	assert_int_equal(hy_store_open(&s, path, HY_STORE_CREATE, err, sizeof err), 0);
	assert_int_equal(db_int(s->db, "PRAGMA auto_vacuum"), 2);
	assert_int_equal(hy_store_begin(s, err, sizeof err), 0);
	for (int i = 0; i < 4 * MEETINGS; i++)
		ids[i] = insert(s, i);
	assert_int_equal(hy_store_commit(s, err, sizeof err), 0);
	hy_store_close(s);
	full = file_size(path);

	assert_int_equal(hy_store_open(&s, path, 0, err, sizeof err), 0);
	assert_int_equal(hy_store_delete(s, &ids[MEETINGS], 3 * MEETINGS, NULL, err, sizeof err),
			 0);
	/* (reindex: the index made again, its old segments freed) */
	assert_int_equal(hy_store_reindex(s, err, sizeof err), 0);
	print_message("# %lld of %lld pages free\n",
		      (long long)db_int(s->db, "PRAGMA freelist_count"),
		      (long long)db_int(s->db, "PRAGMA page_count"));
	assert_true(db_int(s->db, "PRAGMA freelist_count") >= 16);
	hy_store_close(s);
	after = file_size(path);
	print_message("# file: %lld bytes, %lld after the deletes\n", (long long)full,
		      (long long)after);
	assert_true(after < full);

	assert_int_equal(hy_store_open(&s, path, 0, err, sizeof err), 0);
	assert_true(db_int(s->db, "PRAGMA freelist_count") * 32 <=
		    db_int(s->db, "PRAGMA page_count"));
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM pragma_integrity_check"
				       " WHERE integrity_check <> 'ok'"),
			 0);
	fts_integrity(s->db);
	/* what is left reads as a file that only ever held it */
	snprintf(path2, sizeof path2, "%s/g.db", dir);
	same_as_fresh(s, path2, &s2);
	hy_store_close(s);
	hy_store_close(s2);
	test_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_migrate),
		cmocka_unit_test(t_fresh),
		cmocka_unit_test(t_free_pages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
