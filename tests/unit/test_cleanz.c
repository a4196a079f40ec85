/* The clean text kept as a zstd frame (schema v18, cleanz.h, DESIGN.md
 * §2 "The clean text compressed"): the accessor gives back what was
 * packed, with and without a dictionary; a commit trains the first
 * dictionary once there are enough meetings and packs the texts stored
 * before with it; a damaged frame or a missing dictionary is an error
 * naming the meeting; and a v17 database brought to v18 reads, shows
 * and finds exactly what it did. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "tmpdir.h"

#include "huiyi/err.h"
#include "huiyi/search.h"
#include "huiyi/store.h"
#include "../../src/store/cleanz.h"
#include "../../src/store/internal.h" /* hy_store_open_at, s->db */

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sqltest.h"

#define N 60 /* meetings; a dictionary from 20 on (HUIYI_CLEAN_DICT_MIN) */
#define SECS 3

static const char *const places[] = {"石桥县", "青岚县", "柳河镇", "东湖区", "南山市"};
static const char *const works[] = {"城镇燃气安全", "春季森林防火", "财政预算执行", "安全生产检查",
				    "殡葬改革",     "农村公路养护", "冬季供暖保障"};

/* Meeting i: a title, a clean text that holds its sections' texts, and
 * (every seventh) a section whose text the clean text does not hold. */
struct doc {
	char title[128], clean[2048], sha[65];
	char heading[SECS][32], text[SECS][256];
};

static void make_doc(struct doc *d, int i)
{
	const char *p = places[i % 5];
	size_t at;
	snprintf(d->title, sizeof d->title, "%s召开政府第%d次常务会议", p, i + 1);
	at = (size_t)snprintf(d->clean, sizeof d->clean,
			      "%s\n%d月%d日，%s县长主持召开第%d次常务会议。\n", d->title,
			      i % 12 + 1, i % 28 + 1, p, i + 1);
	for (int k = 0; k < SECS; k++) {
		const char *w = works[(i + 3 * k) % 7];
		snprintf(d->heading[k], sizeof d->heading[k], "%s", w);
		snprintf(d->text[k], sizeof d->text[k],
			 "会议听取了关于%s工作的汇报，要求第%d项抓好落实。", w, k + 1);
		if (k == SECS - 1 && i % 7 == 6)
			continue; /* not in the clean text: the section keeps it */
		at += (size_t)snprintf(d->clean + at, sizeof d->clean - at, "%s\n", d->text[k]);
	}
	snprintf(d->sha, sizeof d->sha, "%064x", i + 1);
}

static int64_t insert(struct hy_store *s, struct doc *d)
{
	struct hy_section secs[SECS];
	struct hy_meeting m = {0};
	struct hy_store_doc sd = {0};
	char err[256] = "";
	int64_t id = 0;
	for (int k = 0; k < SECS; k++)
		secs[k] = (struct hy_section){k + 1, d->heading[k], d->text[k]};
	m.title = d->title;
	m.date = "2024-03-05";
	m.summary = "县长主持召开常务会议。";
	m.sections = secs;
	m.n_sections = SECS;
	sd.raw = d->clean;
	sd.raw_len = strlen(d->clean);
	sd.clean = d->clean;
	sd.clean_len = strlen(d->clean);
	sd.sha256 = d->sha;
	sd.source = "/tmp/c.txt";
	if (hy_store_insert(s, &m, &sd, &id, err, sizeof err) != 0)
		fail_msg("insert: %s", err);
	return id;
}

/* Every row of a query, one line a row (columns joined by '|'). */
static char *dump(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int c = 0; c < sqlite3_column_count(st); c++) {
			const char *t = (const char *)sqlite3_column_text(st, c);
			fprintf(f, "%s%s", c ? "|" : "", t ? t : "<null>");
		}
		fputc('\n', f);
	}
	if (rc != SQLITE_DONE)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_finalize(st);
	fclose(f);
	return buf;
}

static int on_hit(const struct hy_search_hit *h, void *ctx)
{
	fprintf(ctx, "%lld/%d %s %s %.12g\n", (long long)h->meeting, h->section, h->heading,
		h->snippet, h->score);
	return 0;
}

static const char *const queries[] = {"燃气", "安全", "会议", "财政", "殡葬", "安全生产 -燃气"};
#define NQ (sizeof queries / sizeof queries[0])

/* What search shows for every query, and each meeting as show reads it. */
static char *shown(struct hy_store *s)
{
	char *buf = NULL, err[256] = "";
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	for (size_t q = 0; q < NQ; q++)
		if (hy_store_search(s, queries[q], NULL, HY_SEARCH_RANK, 0, 1000, on_hit, f, err,
				    sizeof err) < 0)
			fail_msg("search %s: %s", queries[q], err);
	for (int64_t id = 1; id <= N; id++) {
		struct hy_store_record r = {0};
		if (hy_store_get(s, id, &r, err, sizeof err) != 0)
			fail_msg("get %lld: %s", (long long)id, err);
		fprintf(f, "%lld %s %s %zu\n", (long long)r.id, r.m.title, r.m.summary,
			r.m.n_sections);
		for (size_t k = 0; k < r.m.n_sections; k++)
			fprintf(f, " %d %s %s\n", r.m.sections[k].n, r.m.sections[k].heading,
				r.m.sections[k].text);
		hy_store_record_free(&r);
	}
	fclose(f);
	return buf;
}

/* The accessor itself: packed and unpacked with and without a
 * dictionary, an empty text, and what is not a frame. */
static void t_accessor(void **state)
{
	char dir[128], path[160], err[256] = "";
	struct hy_store *s = NULL;
	struct doc d;
	const char *text;
	size_t len, n;
	void *z;
	uint32_t dict = 0;
	(void)state;

	assert_int_equal(test_tmpdir(dir, sizeof dir, "cleanz", path, sizeof path, "h.db"), 0);
	assert_int_equal(hy_store_open(&s, path, HY_STORE_CREATE, err, sizeof err), 0);
	assert_int_equal(hy_store_begin(s, err, sizeof err), 0);
	for (int i = 0; i < N; i++) {
		make_doc(&d, i);
		insert(s, &d);
	}
	assert_int_equal(hy_store_commit(s, err, sizeof err), 0);
	/* enough meetings: one dictionary, every text packed with it */
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM clean_dicts"), 1);
	assert_int_equal(hy_cleanz_current(s->db, &dict), 0);
	assert_true(dict != 0);
	assert_int_equal(db_int(s->db,
				"SELECT count(*) FROM meetings"
				" WHERE hy_clean_dict(cleanz) = (SELECT id FROM clean_dicts)"),
			 N);
	for (int i = 0; i < N; i++) {
		char sql[96], *got;
		make_doc(&d, i);
		snprintf(sql, sizeof sql, "SELECT hy_clean(cleanz, id) FROM meetings WHERE id = %d",
			 i + 1);
		got = dump(s->db, sql);
		assert_int_equal(strlen(got), strlen(d.clean) + 1);
		assert_memory_equal(got, d.clean, strlen(d.clean));
		free(got);
	}
	/* smaller than the text it holds */
	assert_true(db_int(s->db, "SELECT sum(length(cleanz)) * 3"
				  " < sum(length(CAST(hy_clean(cleanz) AS BLOB))) FROM meetings"));

	/* the C side: with the dictionary and without, and back */
	make_doc(&d, 7);
	for (int with = 0; with < 2; with++) {
		assert_int_equal(hy_cleanz_pack(s->cz, s->db, with ? dict : 0, d.clean,
						strlen(d.clean), &z, &n),
				 0);
		assert_int_equal(hy_cleanz_dict_of(z, n), with ? dict : 0);
		assert_int_equal(hy_cleanz_unpack(s->cz, s->db, z, n, &text, &len), 0);
		assert_int_equal(len, strlen(d.clean));
		assert_string_equal(text, d.clean);
		free(z);
	}
	/* an empty text is an empty value */
	assert_int_equal(hy_cleanz_pack(s->cz, s->db, dict, "", 0, &z, &n), 0);
	assert_null(z);
	assert_int_equal(n, 0);
	assert_int_equal(hy_cleanz_unpack(s->cz, s->db, "", 0, &text, &len), 0);
	assert_string_equal(text, "");
	/* not a frame, a dictionary that is not there */
	assert_int_equal(hy_cleanz_unpack(s->cz, s->db, "not a frame", 11, &text, &len),
			 HY_ERR_CORRUPT);
	assert_int_equal(hy_cleanz_dict_of("not a frame", 11), 0);
	assert_int_equal(hy_cleanz_pack(s->cz, s->db, dict + 1, d.clean, strlen(d.clean), &z, &n),
			 HY_ERR_CORRUPT);
	/* SQL: NULL in, NULL out; the one-argument pack uses the newest */
	assert_int_equal(db_int(s->db, "SELECT hy_clean(NULL) IS NULL"), 1);
	assert_int_equal(db_int(s->db, "SELECT hy_clean_dict(hy_clean_pack('会议研究了燃气。'))"
				       " = (SELECT id FROM clean_dicts)"),
			 1);
	assert_int_equal(db_int(s->db, "SELECT hy_clean(hy_clean_pack('会议研究了燃气。', 0))"
				       " = '会议研究了燃气。'"),
			 1);
	hy_store_close(s);
	test_rmdir(dir);
}

/* A few meetings: no dictionary yet; more in a later batch: the first
 * is trained at its commit and the earlier texts packed with it. */
static void t_train_later(void **state)
{
	char dir[128], path[160], err[256] = "";
	struct hy_store *s = NULL;
	struct doc d;
	(void)state;

	assert_int_equal(test_tmpdir(dir, sizeof dir, "cleanz", path, sizeof path, "h.db"), 0);
	assert_int_equal(hy_store_open(&s, path, HY_STORE_CREATE, err, sizeof err), 0);
	for (int b = 0; b < 2; b++) {
		assert_int_equal(hy_store_begin(s, err, sizeof err), 0);
		for (int i = b ? 5 : 0; i < (b ? N : 5); i++) {
			make_doc(&d, i);
			insert(s, &d);
		}
		assert_int_equal(hy_store_commit(s, err, sizeof err), 0);
		assert_int_equal(db_int(s->db, "SELECT count(*) FROM clean_dicts"), b);
		assert_int_equal(db_int(s->db, "SELECT count(*) FROM meetings"
					       " WHERE hy_clean_dict(cleanz) <> 0"),
				 b ? N : 0);
	}
	assert_int_equal(hy_store_reindex(s, err, sizeof err), 0);
	for (int i = 0; i < N; i++) {
		struct hy_store_record r = {0};
		make_doc(&d, i);
		assert_int_equal(hy_store_get(s, i + 1, &r, err, sizeof err), 0);
		for (int k = 0; k < SECS; k++)
			assert_string_equal(r.m.sections[k].text, d.text[k]);
		hy_store_record_free(&r);
	}
	hy_store_close(s);
	test_rmdir(dir);
}

/* Byte at of meeting id's frame flipped. */
static void flip_byte(sqlite3 *db, int64_t id, int at)
{
	sqlite3_stmt *st;
	unsigned char buf[4096];
	int n;
	assert_int_equal(
		sqlite3_prepare_v2(db, "SELECT cleanz FROM meetings WHERE id = ?1", -1, &st, NULL),
		SQLITE_OK);
	sqlite3_bind_int64(st, 1, id);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_bytes(st, 0);
	assert_true(n > at && n <= (int)sizeof buf);
	memcpy(buf, sqlite3_column_blob(st, 0), (size_t)n);
	sqlite3_finalize(st);
	buf[at] ^= 0x5a;
	assert_int_equal(sqlite3_prepare_v2(db, "UPDATE meetings SET cleanz = ?2 WHERE id = ?1", -1,
					    &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_blob(st, 2, buf, n, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
}

/* A frame damaged on the disk, or a dictionary gone: an error that
 * names the meeting, for show and for search, never a crash. */
static void t_damaged(void **state)
{
	char dir[128], path[160], err[256] = "";
	struct hy_store *s = NULL;
	struct hy_store_record r = {0};
	struct doc d;
	(void)state;

	assert_int_equal(test_tmpdir(dir, sizeof dir, "cleanz", path, sizeof path, "h.db"), 0);
	assert_int_equal(hy_store_open(&s, path, HY_STORE_CREATE, err, sizeof err), 0);
	assert_int_equal(hy_store_begin(s, err, sizeof err), 0);
	for (int i = 0; i < N; i++) {
		make_doc(&d, i);
		insert(s, &d);
	}
	assert_int_equal(hy_store_commit(s, err, sizeof err), 0);
	/* a text changed to what is not a frame is refused by the
	 * triggers (they read it) */
	assert_int_not_equal(sqlite3_exec(s->db,
					  "UPDATE meetings SET cleanz = x'0102' WHERE id = 3", NULL,
					  NULL, NULL),
			     SQLITE_OK);
	/* past them (as the disk might): a byte flipped in one frame (its
	 * checksum), another cut short */
	db_exec(s->db, "DROP TRIGGER meetings_clean_sections; DROP TRIGGER meetings_rawz_check;"
		       "UPDATE meetings SET cleanz = substr(cleanz, 1, 10) WHERE id = 4;");
	flip_byte(s->db, 3, 20);
	for (int64_t id = 3; id <= 4; id++) {
		char want[32];
		assert_int_not_equal(hy_store_get(s, id, &r, err, sizeof err), 0);
		hy_store_record_free(&r);
		snprintf(want, sizeof want, "meeting %lld", (long long)id);
		if (!strstr(err, want))
			fail_msg("get %lld: %s", (long long)id, err);
	}
	assert_int_equal(hy_store_get(s, 5, &r, err, sizeof err), 0);
	hy_store_record_free(&r);
	/* the dictionary gone: every text is an error naming its meeting */
	db_exec(s->db, "DELETE FROM clean_dicts");
	hy_store_close(s);
	assert_int_equal(hy_store_open(&s, path, 0, err, sizeof err), 0);
	assert_int_not_equal(hy_store_get(s, 9, &r, err, sizeof err), 0);
	hy_store_record_free(&r);
	if (!strstr(err, "meeting 9"))
		fail_msg("get 9: %s", err);
	assert_true(hy_store_search(s, "燃气", NULL, HY_SEARCH_RANK, 0, 20, on_hit, stderr, err,
				    sizeof err) < 0);
	assert_non_null(strstr(err, "clean text is damaged"));
	hy_store_close(s);
	test_rmdir(dir);
}

/* A database made at v17 by this code, brought to v18: the same texts,
 * sections, search results and records, and a dictionary made from it. */
static void t_migrate_v17(void **state)
{
	char dir[128], path[160], err[256] = "";
	struct hy_store *s = NULL;
	struct doc d;
	char *texts, *sections, *before, *after;
	(void)state;

	assert_int_equal(test_tmpdir(dir, sizeof dir, "cleanz", path, sizeof path, "h.db"), 0);
	assert_int_equal(hy_store_open_at(&s, path, HY_STORE_CREATE, 17, err, sizeof err), 0);
	assert_int_equal(hy_store_begin(s, err, sizeof err), 0);
	for (int i = 0; i < N; i++) {
		make_doc(&d, i);
		insert(s, &d);
	}
	assert_int_equal(hy_store_commit(s, err, sizeof err), 0);
	texts = dump(s->db, "SELECT id, clean FROM meetings ORDER BY id");
	sections = dump(s->db, "SELECT * FROM sections_text ORDER BY id");
	before = shown(s);
	hy_store_close(s);

	if (hy_store_open(&s, path, 0, err, sizeof err) != 0)
		fail_msg("open: %s", err);
	assert_int_equal(hy_store_version(s), HY_STORE_SCHEMA_VERSION);
	assert_int_equal(HY_STORE_SCHEMA_VERSION, 21);
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM pragma_table_info('meetings')"
				       " WHERE name = 'clean'"),
			 0);
	assert_int_equal(db_int(s->db,
				"SELECT count(*) FROM meetings"
				" WHERE hy_clean_dict(cleanz) = (SELECT id FROM clean_dicts)"),
			 N);
	after = dump(s->db, "SELECT id, hy_clean(cleanz, id) FROM meetings ORDER BY id");
	assert_string_equal(after, texts);
	free(after);
	after = dump(s->db, "SELECT * FROM sections_text ORDER BY id");
	assert_string_equal(after, sections);
	free(after);
	after = shown(s);
	assert_string_equal(after, before);
	free(after);
	db_exec(s->db,
		"INSERT INTO sections_fts (sections_fts, rank) VALUES ('integrity-check', 1)");
	/* the raw bytes still unpack against the text */
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM meetings"
				       " WHERE hy_raw(rawz, hy_clean(cleanz, id)) ="
				       " CAST(hy_clean(cleanz, id) AS BLOB)"),
			 N);
	/* a section changed by hand and a meeting deleted keep the index whole */
	db_exec(s->db,
		"UPDATE sections SET len = len - 1 WHERE id = 2 AND at IS NOT NULL;"
		"DELETE FROM meetings WHERE id = 5;"
		"INSERT INTO sections_fts (sections_fts, rank) VALUES ('integrity-check', 1)");
	free(texts);
	free(sections);
	free(before);
	hy_store_close(s);
	test_rmdir(dir);
}

static int setup(void **state)
{
	(void)state;
	hy_store_clean_dict_min(20);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_accessor),
		cmocka_unit_test(t_train_later),
		cmocka_unit_test(t_damaged),
		cmocka_unit_test(t_migrate_v17),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
