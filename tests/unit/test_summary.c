/* A meeting's summary kept as a range of its clean text (schema v20,
 * DESIGN.md §2 "The summary as a range"): a v19 database brought to v20
 * shows, finds, ranks and snippets exactly what it did; a summary that
 * is a piece of the clean text and one that is not (composed, empty,
 * none) both read back as written; deleting a meeting, a summary or a
 * clean text changed by hand, and reindex keep the search index whole;
 * and the summary text stored shrinks to what the clean text lacks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "tmpdir.h"

#include "huiyi/clean.h"
#include "huiyi/err.h"
#include "huiyi/search.h"
#include "huiyi/store.h"
#include "../../src/store/internal.h" /* hy_store_open_at, s->db */

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "searchtest.h"
#include "sqltest.h"

#define MEETINGS 32

static const char *const topics[] = {
	"农村公路建设", "春季森林防火", "城镇燃气管道改造", "安全生产检查", "财政预算执行",
	"防汛抗旱准备", "营商环境优化", "冬季供暖保障",     "学校校舍维修", "粮食收购工作",
};

/* Each meeting's summary: i % 4 == 0 composed (not in the text), 1 the
 * opening paragraph as it is in the text, 2 the same with ASCII marks
 * among Chinese (reindex widens both: a range again), 3 none; meeting 7
 * an empty one. */
enum kind { COMPOSED, OPENING, MARKS, NONE };

struct corpus {
	char clean[MEETINGS][1024];
	char summary[MEETINGS][256];
	int has_summary[MEETINGS];
	char text[MEETINGS][256];
	char title[MEETINGS][128];
	char sha[MEETINGS][65];
};

static enum kind kind_of(int i)
{
	return (enum kind)(i % 4);
}

static void make_meeting(struct corpus *c, int i)
{
	const char *a = topics[i % 10], *b = topics[(i * 3 + 1) % 10];
	char opening[256], clean[sizeof c->clean[0]];
	snprintf(c->title[i], sizeof c->title[i], "石桥县召开县政府第%d次常务会议", i + 1);
	if (kind_of(i) == MARKS)
		snprintf(opening, sizeof opening,
			 "3月%d日, 县长主持召开县政府第%d次常务会议, 研究%s (试点) 等事项。",
			 i % 28 + 1, i + 1, a);
	else
		snprintf(opening, sizeof opening,
			 "3月%d日，县长主持召开县政府第%d次常务会议，研究%s等事项。", i % 28 + 1,
			 i + 1, a);
	snprintf(c->text[i], sizeof c->text[i], "会议听取了县交通运输局关于%s的汇报。", b);
	/* (through a buffer of its own: the compiler cannot tell the
	 * fields of c apart) */
	snprintf(clean, sizeof clean, "%s\n%s\n%s\n", c->title[i], opening, c->text[i]);
	memcpy(c->clean[i], clean, sizeof clean);
	c->has_summary[i] = 1;
	if (i == 7)
		c->summary[i][0] = '\0';
	else if (kind_of(i) == COMPOSED)
		snprintf(c->summary[i], sizeof c->summary[i], "县政府常务会议研究%s和%s。", a, b);
	else if (kind_of(i) == NONE)
		c->has_summary[i] = 0;
	else
		snprintf(c->summary[i], sizeof c->summary[i], "%s", opening);
	snprintf(c->sha[i], sizeof c->sha[i], "%064d", i + 1);
}

static int64_t insert(struct hy_store *s, struct corpus *c, int i)
{
	struct hy_section sec = {1, "议题一", c->text[i]};
	struct hy_meeting m = {0};
	struct hy_store_doc d = {0};
	char err[256] = "";
	int64_t id = 0;
	m.title = c->title[i];
	m.date = "2024-03-05";
	m.summary = c->has_summary[i] ? c->summary[i] : NULL;
	m.sections = &sec;
	m.n_sections = 1;
	d.raw = c->clean[i];
	d.raw_len = strlen(c->clean[i]);
	d.clean = c->clean[i];
	d.clean_len = strlen(c->clean[i]);
	d.sha256 = c->sha[i];
	d.source = "/tmp/s.txt";
	if (hy_store_insert(s, &m, &d, &id, err, sizeof err) != 0)
		fail_msg("insert: %s", err);
	return id;
}

/* Meeting i's summary reads as written (show's, export's, the
 * browser's record): NULL stays NULL. */
static void same_summary(struct hy_store *s, struct corpus *c, int64_t id, int i)
{
	struct hy_store_record r = {0};
	char err[256] = "";
	if (hy_store_get(s, id, &r, err, sizeof err) != 0)
		fail_msg("get %lld: %s", (long long)id, err);
	if (!c->has_summary[i])
		assert_null(r.m.summary);
	else {
		assert_non_null(r.m.summary);
		assert_string_equal(r.m.summary, c->summary[i]);
	}
	assert_string_equal(r.m.title, c->title[i]);
	hy_store_record_free(&r);
}

static const char *const words[] = {"主持召开",     "县长",           "燃气",   "研究",
				    "事项",         "试点",           "汇报",   "森林防火",
				    "公路 OR 粮食", "常务会议 -燃气", "zhuchi", "防汛"};
#define NWORDS (sizeof words / sizeof words[0])

/* Rows that hold word (section 0: the title or the summary; each
 * section), in the meetings still stored. */
static size_t brute(struct corpus *c, const int *gone, const char *word)
{
	size_t n = 0;
	for (int i = 0; i < MEETINGS; i++) {
		if (gone[i])
			continue;
		n += strstr(c->title[i], word) ||
		     (c->has_summary[i] && strstr(c->summary[i], word));
		n += strstr("议题一", word) || strstr(c->text[i], word);
	}
	return n;
}

static void counts_as_brute(struct hy_store *s, struct corpus *c, const int *gone)
{
	static const char *const plain[] = {"主持召开", "县长", "燃气",     "研究", "事项",
					    "汇报",     "议题", "森林防火", "会议"};
	for (size_t w = 0; w < sizeof plain / sizeof plain[0]; w++) {
		size_t sections = 0, meetings = 0;
		char err[256] = "";
		assert_int_equal(hy_store_search_count(s, plain[w], NULL, &sections, &meetings, err,
						       sizeof err),
				 0);
		if (sections != brute(c, gone, plain[w]))
			fail_msg("%s: %zu rows found, %zu hold it", plain[w], sections,
				 brute(c, gone, plain[w]));
	}
}

/* The summaries as reindex widens them (punct.c). */
static void widen(struct corpus *c)
{
	for (int i = 0; i < MEETINGS; i++) {
		char *w;
		assert_int_equal(
			hy_clean_punct(c->summary[i], strlen(c->summary[i]), &w, NULL, NULL), 0);
		assert_true(strlen(w) < sizeof c->summary[i]);
		strcpy(c->summary[i], w);
		free(w);
	}
}

static void t_migrate(void **state)
{
	char dir[128], path[160], err[256] = "";
	struct hy_store *s = NULL;
	struct corpus *c = calloc(1, sizeof *c);
	int64_t ids[MEETINGS];
	int gone[MEETINGS] = {0};
	char *before[NWORDS];
	int64_t text_v19, text_v20;
	(void)state;

	assert_non_null(c);
	assert_int_equal(test_tmpdir(dir, sizeof dir, "summary", path, sizeof path, "h.db"), 0);
	for (int i = 0; i < MEETINGS; i++)
		make_meeting(c, i);
	assert_int_equal(hy_store_open_at(&s, path, HY_STORE_CREATE, 19, err, sizeof err), 0);
	assert_int_equal(hy_store_begin(s, err, sizeof err), 0);
	for (int i = 0; i < MEETINGS; i++)
		ids[i] = insert(s, c, i);
	assert_int_equal(hy_store_commit(s, err, sizeof err), 0);
	for (size_t w = 0; w < NWORDS; w++)
		before[w] = search_all(s, words[w]);
	for (int i = 0; i < MEETINGS; i++)
		same_summary(s, c, ids[i], i);
	text_v19 = db_int(s->db, "SELECT sum(length(CAST(summary AS BLOB))) FROM meetings");
	hy_store_close(s);

	s = reopen_migrated(path);
	/* ranges for the openings (both kinds), text for the composed, the
	 * empty and none as they were */
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM meetings WHERE summary_at IS NOT NULL"
				       " AND summary = ''"),
			 MEETINGS / 2);
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM meetings WHERE summary_at IS NULL"
				       " AND summary LIKE '县政府常务会议研究%'"),
			 MEETINGS / 4);
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM meetings WHERE summary IS NULL"),
			 MEETINGS / 4 - 1);
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM meetings WHERE summary = ''"
				       " AND summary_at IS NULL"),
			 1);
	/* what is stored of the summaries is what the clean text lacks */
	text_v20 = db_int(s->db, "SELECT sum(length(CAST(summary AS BLOB))) FROM meetings");
	assert_int_equal(text_v20, db_int(s->db, "SELECT sum(length(CAST(summary AS BLOB)))"
						 " FROM meetings WHERE summary_at IS NULL"));
	assert_true(text_v20 * 3 < text_v19);
	print_message("# summary text stored: %lld bytes at v19, %lld at v20\n",
		      (long long)text_v19, (long long)text_v20);
	/* read, found, ranked and cut into snippets the same */
	for (int i = 0; i < MEETINGS; i++)
		same_summary(s, c, ids[i], i);
	for (size_t w = 0; w < NWORDS; w++) {
		char *after = search_all(s, words[w]);
		assert_true(before[w][0] != '\0');
		assert_string_equal(after, before[w]);
		free(after);
		free(before[w]);
	}
	/* a word of a summary kept as a range: found in section 0, and
	 * its snippet marks it */
	{
		char *hits = search_all(s, "试点");
		char want[64];
		snprintf(want, sizeof want, "%lld/0 ", (long long)ids[2]);
		assert_non_null(strstr(hits, want));
		assert_non_null(strstr(hits, HY_SEARCH_MARK_OPEN "试点" HY_SEARCH_MARK_CLOSE));
		free(hits);
	}
	counts_as_brute(s, c, gone);

	/* deleting meetings takes their summaries out of the index whole */
	assert_int_equal(hy_store_delete(s, &ids[1], 1, NULL, err, sizeof err), 0);
	gone[1] = 1;
	db_exec(s->db, "DELETE FROM meetings WHERE id = (SELECT max(id) FROM meetings)");
	gone[MEETINGS - 1] = 1;
	fts_integrity(s->db);
	counts_as_brute(s, c, gone);
	/* a summary set by hand over a range (the sqlite3 shell) reads as
	 * set, and is found; then a range again */
	{
		char sql[256];
		snprintf(sql, sizeof sql,
			 "UPDATE meetings SET summary = '会议研究了燃气价格。' WHERE id = %lld",
			 (long long)ids[5]);
		db_exec(s->db, sql);
		fts_integrity(s->db);
		snprintf(c->summary[5], sizeof c->summary[5], "会议研究了燃气价格。");
		same_summary(s, c, ids[5], 5);
		counts_as_brute(s, c, gone);
	}
	/* a clean text changed under a summary that is a range of it,
	 * the summary left as it was: refused, nothing changed */
	{
		char sql[512];
		snprintf(sql, sizeof sql,
			 "UPDATE meetings SET rawz = hy_raw_pack(hy_raw(rawz, hy_clean(cleanz)),"
			 " '前言。' || hy_clean(cleanz)), cleanz = hy_clean_pack('前言。' ||"
			 " hy_clean(cleanz)) WHERE id = %lld",
			 (long long)ids[9]);
		assert_int_not_equal(sqlite3_exec(s->db, sql, NULL, NULL, NULL), SQLITE_OK);
		assert_non_null(strstr(sqlite3_errmsg(s->db), "range of the clean text"));
		same_summary(s, c, ids[9], 9);
		/* … and allowed with the summary set (kept as text) */
		snprintf(
			sql, sizeof sql,
			"UPDATE meetings SET summary = " HY_STORE_SUMMARY_OF(
				"meetings") ", summary_at = NULL, summary_len = NULL,"
					    " rawz = hy_raw_pack(hy_raw(rawz, hy_clean(cleanz)),"
					    " '前言。' || hy_clean(cleanz)), cleanz = hy_clean_pack("
					    "'前言。' || hy_clean(cleanz)) WHERE id = %lld",
			(long long)ids[9]);
		db_exec(s->db, sql);
		fts_integrity(s->db);
		same_summary(s, c, ids[9], 9);
		/* the same text packed again is no change */
		snprintf(sql, sizeof sql,
			 "UPDATE meetings SET cleanz = hy_clean_pack(hy_clean(cleanz))"
			 " WHERE id = %lld",
			 (long long)ids[13]);
		db_exec(s->db, sql);
		same_summary(s, c, ids[13], 13);
	}
	/* reindex widens the ASCII marks among Chinese in the clean texts
	 * and the summaries (characters move), makes the summaries that are
	 * pieces of the new text ranges again and keeps the index whole */
	assert_int_equal(hy_store_reindex(s, err, sizeof err), 0);
	fts_integrity(s->db);
	widen(c);
	assert_non_null(strstr(c->summary[2], "日，县长"));
	for (int i = 0; i < MEETINGS; i++)
		if (!gone[i])
			same_summary(s, c, ids[i], i);
	/* every opening a range again (the one set by hand too: its text is
	 * not in the clean text, so it stays text) */
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM meetings WHERE summary_at IS NOT NULL"
				       " AND summary = ''"),
			 MEETINGS / 2 - 2);
	counts_as_brute(s, c, gone);
	hy_store_close(s);
	free(c);
	test_rmdir(dir);
}

/* The writer's ranges are sqlite's substr(): bytes that are not UTF-8
 * before the summary, a summary after a NUL (substr stops there: kept as
 * text), one not in the text; each reads back as written and is found. */
static void t_write(void **state)
{
	char dir[128], path[160], err[256] = "";
	static const char clean[] = "县政府常务会议\n"
				    "\x80\xe4(\xff)县长主持召开常务会议，研究燃气安全。\n"
				    "会议听取了汇报。\n"
				    "\0会议部署了冬季供暖。\n";
	static const char *const summaries[] = {
		"县长主持召开常务会议，研究燃气安全。", "会议部署了冬季供暖。", /* after the NUL */
		"常务会议研究了燃气价格。", /* not in the text */
		"\xe4(\xff)县长",           /* the bad bytes themselves */
	};
	struct hy_store *s = NULL;
	int64_t id[4];
	(void)state;

	assert_int_equal(test_tmpdir(dir, sizeof dir, "summary", path, sizeof path, "h.db"), 0);
	assert_int_equal(hy_store_open(&s, path, HY_STORE_CREATE, err, sizeof err), 0);
	for (int k = 0; k < 4; k++) {
		char sha[65];
		struct hy_meeting m = {.title = "县政府常务会议", .summary = (char *)summaries[k]};
		struct hy_store_doc d = {.raw = clean,
					 .raw_len = sizeof clean - 1,
					 .clean = clean,
					 .clean_len = sizeof clean - 1,
					 .sha256 = sha,
					 .source = "/tmp/w.txt"};
		snprintf(sha, sizeof sha, "%064d", k + 1);
		assert_int_equal(hy_store_insert(s, &m, &d, &id[k], err, sizeof err), 0);
	}
	for (int k = 0; k < 4; k++) {
		struct hy_store_record r = {0};
		assert_int_equal(hy_store_get(s, id[k], &r, err, sizeof err), 0);
		assert_string_equal(r.m.summary, summaries[k]);
		hy_store_record_free(&r);
	}
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM meetings WHERE summary_at IS NULL"),
			 2);
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM meetings WHERE summary = ''"), 2);
	assert_int_equal(db_int(s->db, "SELECT summary_at FROM meetings WHERE id = 1"), 14);
	fts_integrity(s->db);
	/* found in each, the range's snippet too */
	{
		char *hits = search_all(s, "燃气");
		assert_non_null(strstr(hits, "1/0 "));
		assert_non_null(strstr(hits, "3/0 "));
		assert_non_null(strstr(hits, "研究" HY_SEARCH_MARK_OPEN "燃气" HY_SEARCH_MARK_CLOSE
					     "安全"));
		free(hits);
	}
	hy_store_close(s);
	test_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_migrate),
		cmocka_unit_test(t_write),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
