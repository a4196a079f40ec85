/* Sections kept as ranges of their meeting's clean text (schema v15,
 * DESIGN.md §2 "Sections as ranges"): a v14 database brought to v15
 * shows, finds and ranks exactly what it did; a section whose text is
 * not a piece of the clean text keeps it; deleting a meeting, changing a
 * section or a clean text keep the search index whole; and the section
 * text stored shrinks to what is not in the clean text. */
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

#define MEETINGS 40
#define SECS 4

/* Our own words: every meeting's sections are pieces of its clean text
 * (one twice, so the writer's search from the last section's end is
 * used), but for the last section of every fifth meeting (a heading's
 * words the parser joined, say: not in the text) and an empty one. */
static const char *const topics[] = {
	"农村公路建设", "春季森林防火", "城镇燃气管道改造", "安全生产检查", "财政预算执行",
	"防汛抗旱准备", "营商环境优化", "冬季供暖保障",     "学校校舍维修", "粮食收购工作",
};

struct corpus {
	char clean[MEETINGS][1024];
	char text[MEETINGS][SECS][256];
	char heading[MEETINGS][SECS][64];
	char title[MEETINGS][128];
	char sha[MEETINGS][65];
};

static void make_meeting(struct corpus *c, int i)
{
	char clean[sizeof c->clean[0]];
	const char *a = topics[i % 10], *b = topics[(i * 3 + 1) % 10],
		   *d = topics[(i * 7 + 2) % 10];
	snprintf(c->title[i], sizeof c->title[i], "石桥县召开县政府第%d次常务会议", i + 1);
	snprintf(c->text[i][0], sizeof c->text[i][0], "会议听取了县交通运输局关于%s的汇报。", a);
	snprintf(c->text[i][1], sizeof c->text[i][1], "会议研究了%s, 要求各乡镇 (街道) 抓好落实。",
		 b);
	/* the same words as the first section: found after the second */
	memcpy(c->text[i][2], c->text[i][0], sizeof c->text[i][2]);
	if (i % 5 == 4)
		snprintf(c->text[i][3], sizeof c->text[i][3], "会议还部署了%s等工作。", d);
	else if (i % 5 == 3)
		c->text[i][3][0] = '\0';
	else
		snprintf(c->text[i][3], sizeof c->text[i][3], "会议强调，要把%s放在突出位置。", d);
	for (int k = 0; k < SECS; k++)
		snprintf(c->heading[i][k], sizeof c->heading[i][k], "议题%d", k + 1);
	snprintf(clean, sizeof clean,
		 "%s\n3月%d日，县长主持召开县政府第%d次常务会议。\n%s\n%s\n%s\n%s\n", c->title[i],
		 i % 28 + 1, i + 1, c->text[i][0], c->text[i][1], c->text[i][2],
		 i % 5 == 4 ? "会议还部署了其他工作。" : c->text[i][3]);
	memcpy(c->clean[i], clean, sizeof clean);
	snprintf(c->sha[i], sizeof c->sha[i], "%064d", i + 1);
}

static int64_t insert(struct hy_store *s, struct corpus *c, int i)
{
	struct hy_section secs[SECS];
	struct hy_meeting m = {0};
	struct hy_store_doc d = {0};
	char err[256] = "";
	int64_t id = 0;
	for (int k = 0; k < SECS; k++)
		secs[k] = (struct hy_section){k + 1, c->heading[i][k], c->text[i][k]};
	m.title = c->title[i];
	m.date = "2024-03-05";
	m.summary = "县长主持召开常务会议。";
	m.sections = secs;
	m.n_sections = SECS;
	d.raw = c->clean[i];
	d.raw_len = strlen(c->clean[i]);
	d.clean = c->clean[i];
	d.clean_len = strlen(c->clean[i]);
	d.sha256 = c->sha[i];
	d.source = "/tmp/r.txt";
	if (hy_store_insert(s, &m, &d, &id, err, sizeof err) != 0)
		fail_msg("insert: %s", err);
	return id;
}

/* Every stored section of meeting i reads as written (show's record). */
static void same_sections(struct hy_store *s, struct corpus *c, int64_t id, int i)
{
	struct hy_store_record r = {0};
	char err[256] = "";
	if (hy_store_get(s, id, &r, err, sizeof err) != 0)
		fail_msg("get %lld: %s", (long long)id, err);
	assert_int_equal(r.m.n_sections, SECS);
	for (int k = 0; k < SECS; k++) {
		assert_int_equal(r.m.sections[k].n, k + 1);
		assert_string_equal(r.m.sections[k].heading, c->heading[i][k]);
		assert_string_equal(r.m.sections[k].text, c->text[i][k]);
	}
	hy_store_record_free(&r);
}

static const char *const words[] = {"燃气", "公路", "森林防火", "汇报",         "突出位置",
				    "街道", "部署", "会议",     "供暖 OR 粮食", "落实 -燃气"};
#define NWORDS (sizeof words / sizeof words[0])

/* Sections (and titles or summaries, section 0) that hold word, as
 * written, in the meetings still stored (gone[i]). */
static size_t brute(struct corpus *c, const int *gone, const char *word)
{
	size_t n = 0;
	for (int i = 0; i < MEETINGS; i++) {
		if (gone[i])
			continue;
		n += strstr(c->title[i], word) || strstr("县长主持召开常务会议。", word);
		for (int k = 0; k < SECS; k++)
			n += strstr(c->heading[i][k], word) || strstr(c->text[i][k], word);
	}
	return n;
}

static void counts_as_brute(struct hy_store *s, struct corpus *c, const int *gone)
{
	static const char *const plain[] = {"燃气", "公路", "森林防火", "汇报", "突出位置",
					    "街道", "部署", "议题",     "会议"};
	for (size_t w = 0; w < sizeof plain / sizeof plain[0]; w++) {
		size_t sections = 0, meetings = 0;
		char err[256] = "";
		assert_int_equal(hy_store_search_count(s, plain[w], NULL, &sections, &meetings, err,
						       sizeof err),
				 0);
		if (sections != brute(c, gone, plain[w]))
			fail_msg("%s: %zu sections found, %zu hold it", plain[w], sections,
				 brute(c, gone, plain[w]));
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
	int text_v14, text_v15;
	(void)state;

	assert_non_null(c);
	assert_int_equal(test_tmpdir(dir, sizeof dir, "ranges", path, sizeof path, "h.db"), 0);
	for (int i = 0; i < MEETINGS; i++)
		make_meeting(c, i);
	assert_int_equal(hy_store_open_at(&s, path, HY_STORE_CREATE, 14, err, sizeof err), 0);
	assert_int_equal(hy_store_begin(s, err, sizeof err), 0);
	for (int i = 0; i < MEETINGS; i++)
		ids[i] = insert(s, c, i);
	assert_int_equal(hy_store_commit(s, err, sizeof err), 0);
	for (size_t w = 0; w < NWORDS; w++)
		before[w] = search_all(s, words[w]);
	text_v14 = db_int(s->db, "SELECT sum(length(CAST(text AS BLOB))) FROM sections");
	hy_store_close(s);

	s = reopen_migrated(path);
	/* ranges, but for the sections not in the text (and the empty) */
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM sections WHERE at IS NULL"),
			 2 * MEETINGS / 5);
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM sections"
				       " WHERE at IS NULL AND text LIKE '会议还部署了%'"),
			 MEETINGS / 5);
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM sections"
				       " WHERE at IS NOT NULL AND text <> ''"),
			 0);
	/* the size: what is stored of the sections' text is what the clean
	 * text does not hold */
	text_v15 = db_int(s->db, "SELECT sum(length(CAST(text AS BLOB))) FROM sections");
	assert_int_equal(text_v15, db_int(s->db, "SELECT sum(length(CAST(text AS BLOB)))"
						 " FROM sections WHERE at IS NULL"));
	assert_true(text_v15 * 5 < text_v14);
	print_message("# section text stored: %d bytes at v14, %d at v15\n", text_v14, text_v15);
	/* shown, found, ranked and cut into snippets the same */
	for (int i = 0; i < MEETINGS; i++)
		same_sections(s, c, ids[i], i);
	for (size_t w = 0; w < NWORDS; w++) {
		char *after = search_all(s, words[w]);
		assert_true(before[w][0] != '\0');
		assert_string_equal(after, before[w]);
		free(after);
		free(before[w]);
	}
	counts_as_brute(s, c, gone);

	/* deleting meetings takes their sections out of the index whole */
	assert_int_equal(hy_store_delete(s, &ids[3], 1, NULL, err, sizeof err), 0);
	gone[3] = 1;
	db_exec(s->db, "DELETE FROM meetings WHERE id = (SELECT max(id) FROM meetings)");
	gone[MEETINGS - 1] = 1;
	fts_integrity(s->db);
	counts_as_brute(s, c, gone);
	/* a section changed by hand (the sqlite3 shell): its heading, its
	 * text (read as set), its range, its meeting; then back */
	db_exec(s->db, "UPDATE sections SET heading = '燃气议题' WHERE id = 1");
	db_exec(s->db, "UPDATE sections SET text = '会议研究了燃气价格。' WHERE id = 2");
	db_exec(s->db, "UPDATE sections SET len = len - 1 WHERE id = 5 AND at IS NOT NULL");
	db_exec(s->db, "UPDATE sections SET meeting_id = 3, n = 9 WHERE id = 6");
	fts_integrity(s->db);
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM sections_text"
				       " WHERE id = 2 AND text = '会议研究了燃气价格。'"),
			 1);
	db_exec(s->db, "UPDATE sections SET heading = '议题1' WHERE id = 1;"
		       "UPDATE sections SET text = '' WHERE id = 2;"
		       "UPDATE sections SET len = len + 1 WHERE id = 5;"
		       "UPDATE sections SET meeting_id = 2, n = 2 WHERE id = 6;");
	fts_integrity(s->db);
	for (int i = 0; i < MEETINGS; i++)
		if (!gone[i])
			same_sections(s, c, ids[i], i);
	/* a clean text changed: its sections keep their text */
	db_exec(s->db, "UPDATE meetings SET rawz = hy_raw_pack(hy_raw(rawz, hy_clean(cleanz)),"
		       " '前言。' || hy_clean(cleanz)), cleanz = hy_clean_pack('前言。' ||"
		       " hy_clean(cleanz)) WHERE id = 11");
	fts_integrity(s->db);
	same_sections(s, c, ids[10], 10);
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM sections"
				       " WHERE meeting_id = 11 AND at IS NOT NULL"),
			 0);
	/* reindex widens the ASCII marks among Chinese (punct.c: the
	 * spaces around them go, characters move), makes them ranges again
	 * and keeps the index whole */
	assert_int_equal(hy_store_reindex(s, err, sizeof err), 0);
	fts_integrity(s->db);
	for (int i = 0; i < MEETINGS; i++)
		for (int k = 0; k < SECS; k++) {
			char *w;
			assert_int_equal(hy_clean_punct(c->text[i][k], strlen(c->text[i][k]), &w,
							NULL, NULL),
					 0);
			assert_true(strlen(w) < sizeof c->text[i][k]);
			strcpy(c->text[i][k], w);
			free(w);
		}
	assert_non_null(strstr(c->text[0][1], "，要求"));
	for (int i = 0; i < MEETINGS; i++)
		if (!gone[i])
			same_sections(s, c, ids[i], i);
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM sections"
				       " WHERE meeting_id = 11 AND at IS NOT NULL"),
			 SECS);
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM sections WHERE at IS NULL"),
			 db_int(s->db, "SELECT count(*) FROM sections_text WHERE text = ''"
				       " OR text LIKE '会议还部署了%'"));
	counts_as_brute(s, c, gone);
	hy_store_close(s);
	free(c);
	test_rmdir(dir);
}

/* The writer's ranges are sqlite's substr(): a NUL in the clean text
 * before a section (substr stops there), bytes that are not UTF-8, a
 * section found again before the last one's end. */
static void t_write(void **state)
{
	char dir[128], path[160], err[256] = "";
	static const char clean[] = "县政府常务会议\n"
				    "\x80\xe4(\xff)会议研究了春季森林防火工作。\n"
				    "会议听取了汇报。\n"
				    "\0会议部署了冬季供暖。\n";
	struct hy_section secs[] = {
		{1, "汇报", "会议听取了汇报。"},     {2, "防火", "会议研究了春季森林防火工作。"},
		{3, "供暖", "会议部署了冬季供暖。"}, {4, "防火", "春季森林防火"},
		{5, "坏字节", "\xe4(\xff)会议"},
	};
	struct hy_meeting m = {.title = "县政府常务会议", .sections = secs, .n_sections = 5};
	struct hy_store_doc d = {.raw = clean,
				 .raw_len = sizeof clean - 1,
				 .clean = clean,
				 .clean_len = sizeof clean - 1,
				 .source = "/tmp/w.txt"};
	struct hy_store *s = NULL;
	struct hy_store_record r = {0};
	int64_t id;
	(void)state;

	assert_int_equal(test_tmpdir(dir, sizeof dir, "ranges", path, sizeof path, "h.db"), 0);
	assert_int_equal(hy_store_open(&s, path, HY_STORE_CREATE, err, sizeof err), 0);
	assert_int_equal(hy_store_insert(s, &m, &d, &id, err, sizeof err), 0);
	assert_int_equal(hy_store_get(s, id, &r, err, sizeof err), 0);
	assert_int_equal(r.m.n_sections, 5);
	for (int k = 0; k < 5; k++)
		assert_string_equal(r.m.sections[k].text, secs[k].text);
	hy_store_record_free(&r);
	/* the one after the NUL keeps its text; the others are ranges */
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM sections WHERE at IS NULL"), 1);
	assert_int_equal(db_int(s->db, "SELECT n FROM sections WHERE at IS NULL"), 3);
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM sections WHERE text = ''"), 4);
	fts_integrity(s->db);
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
