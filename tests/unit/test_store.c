/* test_store.c: the store (store.h) and the importer (import.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "tmpdir.h"

#include "huiyi/err.h"
#include "huiyi/fts.h"
#include "huiyi/import.h"
#include "huiyi/search.h"
#include "huiyi/store.h"
#include "../../src/store/cleanz.h"
#include "../../src/store/internal.h" /* hy_store_open_at, on_prepare */

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
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
	assert_int_equal(test_tmpdir(f->dir, sizeof f->dir, "store", f->db, sizeof f->db, "t.db"),
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

static struct hy_store *open_ok(struct fx *f)
{
	char err[256] = "";
	int rc = hy_store_open(&f->s, f->db, HY_STORE_CREATE, err, sizeof err);
	if (rc)
		fail_msg("open: %s", err);
	return f->s;
}

/* Run SQL on the file directly (another connection); one int back. */
static int file_int(const char *db, const char *sql)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	sqlite3_int64 v = db_int(h, sql);
	sqlite3_close(h);
	return (int)v;
}

static void file_exec(const char *db, const char *sql)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	/* another program writing our tables needs the search tokenizer,
	 * as the sqlite3 shell gets it with .load build/huiyi_fts */
	assert_int_equal(hy_fts_register(h, NULL, 0), 0);
	assert_int_equal(hy_cleanz_register(h, NULL), SQLITE_OK); /* hy_clean */
	db_exec(h, sql);
	sqlite3_close(h);
}

static void write_file(const char *path, const void *data, size_t n)
{
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
}

/* A meeting built by hand; strings point into static storage, so it must
 * not be passed to hy_meeting_free. */
static struct hy_meeting sample(const char *title, const char *date, const char *body,
				const char *chair)
{
	static char *att[] = {"李四", "王五"};
	static char *obs[] = {"县财政局", "赵六"};
	static struct hy_section secs[] = {
		{1, "全县安全生产工作", "会议研究了全县安全生产工作。"},
		{2, "城镇燃气管道改造", "会议审议了城镇燃气管道改造方案。"},
	};
	struct hy_meeting m = {0};
	m.title = (char *)title;
	m.published = "2024-01-06 10:00";
	m.date = (char *)date;
	m.body = (char *)body;
	m.kind = "常务会议";
	m.number = 26;
	m.chair = (char *)chair;
	m.chair_role = "县长";
	m.attendees = att;
	m.n_attendees = 2;
	m.observers = obs;
	m.n_observers = 2;
	m.summary = "1月5日，县长张三主持召开县政府第26次常务会议。";
	m.sections = secs;
	m.n_sections = 2;
	return m;
}

static int64_t put(struct hy_store *s, const struct hy_meeting *m, const char *raw)
{
	struct hy_store_doc d = {0};
	char err[256] = "";
	int64_t id = 0;
	int rc;
	d.raw = raw;
	d.raw_len = strlen(raw);
	d.clean = raw;
	d.clean_len = strlen(raw);
	d.source = "/tmp/x.txt";
	d.encoding = "UTF-8";
	rc = hy_store_insert(s, m, &d, &id, err, sizeof err);
	if (rc)
		fail_msg("insert: %s (%d)", err, rc);
	return id;
}

static void t_sha256(void **state)
{
	char hex[65];
	(void)state;
	static const char two_blocks[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	char *a;
	assert_int_equal(hy_store_sha256("abc", 3, hex), 0);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223"
				 "b00361a396177a9cb410ff61f20015ad");
	/* FIPS 180-4's other examples: nothing, 56 bytes (the length
	 * spills into a second block), a million 'a' */
	assert_int_equal(hy_store_sha256("", 0, hex), 0);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb924"
				 "27ae41e4649b934ca495991b7852b855");
	hy_store_sha256(two_blocks, sizeof two_blocks - 1, hex);
	assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039"
				 "a33ce45964ff2167f6ecedd419db06c1");
	a = malloc(1000000);
	assert_non_null(a);
	memset(a, 'a', 1000000);
	hy_store_sha256(a, 1000000, hex);
	free(a);
	assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67"
				 "f1809a48a497200e046d39ccc7112cd0");
	/* every length at the block edges ("0123456789012…" cut to it),
	 * as sha256sum says */
	static const struct {
		size_t n;
		const char *hex;
	} edges[] = {
		{55, "f34d5a0f80c0cbf84c8c0b90218c22637abd199965249da736a20143c8c9c9d9"},
		{56, "83aa034bda83e458a0dc9cbce0d4e354716aa0ff770ed37ac0ed2b292052e4af"},
		{63, "074f6e9ac301d5d1b6df6f1dfb8c6f89c187ea945d352ce6a29279a9c630680b"},
		{64, "9674d9e078535b7cec43284387a6ee39956188e735a85452b0050b55341cda56"},
		{65, "52774b57c10e45040a61c14d35c1c8ebefe880082313aa0a21ebb077734cd067"},
		{119, "d0cb70d05ff14123f114c0cca360c62077379cf1ac90e1bfafa9e9e4d827596a"},
		{120, "08642f0525963875af954100280fe3009293fa7e19c273444f31464c9b089243"},
		{127, "8e1814fdcfd56f26b96bcdba97754ab886dcb95373419b94a341a17d2634775e"},
		{128, "916e19992e7f9b1e8d9267c3324616dac8f4199419c6e4ebf68fda985f4b64ea"},
		{129, "5fd5d92c21a0c695de143dcca8e43b297c7afe9610c7b78f28fbc5e3587fc6a9"},
	};
	char digits[129];
	for (int i = 0; i < 129; i++)
		digits[i] = (char)('0' + i % 10);
	for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++) {
		hy_store_sha256(digits, edges[i].n, hex);
		assert_string_equal(hex, edges[i].hex);
	}
}

static void t_create_schema(void **state)
{
	struct fx *f = *state;
	struct hy_store *s = open_ok(f);
	assert_int_equal(hy_store_version(s), HY_STORE_SCHEMA_VERSION);
	hy_store_close(s);
	f->s = NULL;
	assert_int_equal(file_int(f->db, "PRAGMA user_version"), HY_STORE_SCHEMA_VERSION);
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM sqlite_master WHERE "
					 "type = 'table' AND name IN ('meetings', "
					 "'sections', 'people', 'appearances')"),
			 4);
	/* (the links are the appearances since v19) */
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM sqlite_master WHERE "
					 "name LIKE 'meeting_people%'"),
			 0);
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM sqlite_master"
					 " WHERE name = 'meetings_by_date'"),
			 1);
	/* Reopening an existing database changes nothing. */
	open_ok(f);
	assert_int_equal(hy_store_version(f->s), HY_STORE_SCHEMA_VERSION);
}

static void t_missing_not_created(void **state)
{
	struct fx *f = *state;
	char err[256] = "";
	struct stat sb;
	assert_int_equal(hy_store_open(&f->s, f->db, 0, err, sizeof err), HY_ERR_NOTFOUND);
	assert_null(f->s);
	assert_int_not_equal(stat(f->db, &sb), 0);
}

static void t_empty_file_not_initialised(void **state)
{
	struct fx *f = *state;
	char err[256] = "";
	struct stat sb;
	write_file(f->db, "", 0);
	assert_int_equal(hy_store_open(&f->s, f->db, 0, err, sizeof err), HY_ERR_NOTFOUND);
	assert_int_equal(stat(f->db, &sb), 0);
	assert_int_equal(sb.st_size, 0);
	/* an import (HY_STORE_CREATE) may make it a database */
	open_ok(f);
	assert_int_equal(hy_store_version(f->s), HY_STORE_SCHEMA_VERSION);
}

static void t_integrity(void **state)
{
	struct fx *f = *state;
	struct hy_store *s = open_ok(f);
	struct hy_meeting m = sample("丙", "2024-01-05", "县政府", "张三");
	put(s, &m, "integrity");
	hy_store_close(s);
	f->s = NULL;
	/* integrity_check also checks NOT NULL columns */
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM"
					 " pragma_integrity_check"
					 " WHERE integrity_check <> 'ok'"),
			 0);
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM"
					 " pragma_foreign_key_check"),
			 0);
}

static void t_insert_get(void **state)
{
	struct fx *f = *state;
	struct hy_store *s = open_ok(f);
	struct hy_meeting m = sample("县政府召开第26次常务会议", "2024-01-05", "县政府", "张三");
	struct hy_store_record r;
	char err[256] = "", hex[65];
	int64_t id = put(s, &m, "raw bytes one");

	assert_true(id > 0);
	assert_int_equal(hy_store_get(s, id, &r, err, sizeof err), 0);
	assert_int_equal(r.id, id);
	assert_string_equal(r.m.title, "县政府召开第26次常务会议");
	assert_string_equal(r.m.published, "2024-01-06 10:00");
	assert_string_equal(r.m.date, "2024-01-05");
	assert_string_equal(r.m.body, "县政府");
	assert_string_equal(r.m.kind, "常务会议");
	assert_int_equal(r.m.number, 26);
	assert_string_equal(r.m.chair, "张三");
	assert_string_equal(r.m.chair_role, "县长");
	assert_int_equal(r.m.n_attendees, 2);
	assert_string_equal(r.m.attendees[0], "李四");
	assert_string_equal(r.m.attendees[1], "王五");
	assert_int_equal(r.m.n_observers, 2);
	assert_string_equal(r.m.observers[0], "县财政局");
	assert_string_equal(r.m.observers[1], "赵六");
	assert_non_null(r.m.summary);
	assert_int_equal(r.m.n_sections, 2);
	assert_int_equal(r.m.sections[1].n, 2);
	assert_string_equal(r.m.sections[1].heading, "城镇燃气管道改造");
	assert_string_equal(r.m.sections[1].text, "会议审议了城镇燃气管道改造方案。");
	assert_string_equal(r.source, "/tmp/x.txt");
	assert_string_equal(r.encoding, "UTF-8");
	hy_store_sha256("raw bytes one", 13, hex);
	assert_string_equal(r.sha256, hex);
	assert_non_null(r.imported_at);
	hy_store_record_free(&r);

	assert_int_equal(hy_store_get(s, id + 100, &r, err, sizeof err), HY_ERR_NOTFOUND);
	assert_non_null(strstr(err, "no meeting"));
}

static void t_unknown_fields_null(void **state)
{
	struct fx *f = *state;
	struct hy_store *s = open_ok(f);
	struct hy_meeting m = {0};
	struct hy_store_record r;
	char err[256];
	int64_t id;

	m.title = "只有标题";
	id = put(s, &m, "only a title");
	assert_int_equal(hy_store_get(s, id, &r, err, sizeof err), 0);
	assert_null(r.m.date);
	assert_null(r.m.body);
	assert_null(r.m.chair);
	assert_int_equal(r.m.number, 0);
	assert_int_equal(r.m.n_sections, 0);
	assert_int_equal(r.m.n_attendees, 0);
	hy_store_record_free(&r);
}

static void t_duplicate(void **state)
{
	struct fx *f = *state;
	struct hy_store *s = open_ok(f);
	struct hy_meeting m = sample("甲", "2024-01-05", "县政府", "张三");
	struct hy_store_doc d = {0};
	char err[256] = "", hex[65];

	put(s, &m, "same bytes");
	d.raw = "same bytes";
	d.raw_len = 10;
	d.clean = "x";
	d.clean_len = 1;
	d.source = "/tmp/other.txt";
	assert_int_equal(hy_store_insert(s, &m, &d, NULL, err, sizeof err), HY_ERR_DUP);
	hy_store_sha256("same bytes", 10, hex);
	assert_int_equal(hy_store_has(s, hex, err, sizeof err), 1);
	hy_store_sha256("other bytes", 11, hex);
	assert_int_equal(hy_store_has(s, hex, err, sizeof err), 0);
	hy_store_close(s);
	f->s = NULL;
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM meetings"), 1);
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM sections"), 2);
	/* people are shared between meetings, linked per meeting */
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM people"), 5);
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM appearances"), 5);
}

static void t_whole_or_nothing(void **state)
{
	struct fx *f = *state;
	struct hy_store *s = open_ok(f);
	struct hy_meeting m = sample("乙", "2024-01-05", "县政府", "张三");
	struct hy_section bad[2] = {{1, "a", "b"}, {1, "c", "d"}};
	struct hy_store_doc d = {0};
	char err[256] = "";
	int rc;

	m.sections = bad; /* two sections numbered 1: the second fails */
	d.raw = "bad sections";
	d.raw_len = 12;
	d.clean = "x";
	d.clean_len = 1;
	d.source = "/tmp/bad.txt";

	/* on its own: its transaction is rolled back */
	rc = hy_store_insert(s, &m, &d, NULL, err, sizeof err);
	assert_true(rc < 0);
	assert_int_not_equal(rc, HY_ERR_DUP);
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM meetings"), 0);

	/* in a batch: part of it was written, so the whole batch goes, and
	 * the commit says so; the next batch is not affected */
	assert_int_equal(hy_store_begin(s, err, sizeof err), 0);
	put(s, &(struct hy_meeting){.title = "先存的"}, "first in batch");
	rc = hy_store_insert(s, &m, &d, NULL, err, sizeof err);
	assert_true(rc < 0);
	assert_int_not_equal(rc, HY_ERR_DUP);
	put(s, &(struct hy_meeting){.title = "后存的"}, "last in batch");
	err[0] = '\0';
	assert_int_equal(hy_store_commit(s, err, sizeof err), HY_ERR_INVALID);
	assert_non_null(strstr(err, "rolled back"));
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM meetings"), 0);
	assert_int_equal(hy_store_begin(s, err, sizeof err), 0);
	put(s, &(struct hy_meeting){.title = "下一批"}, "next batch");
	assert_int_equal(hy_store_commit(s, err, sizeof err), 0);

	/* a duplicate changes nothing and does not spoil its batch */
	assert_int_equal(hy_store_begin(s, err, sizeof err), 0);
	put(s, &(struct hy_meeting){.title = "甲"}, "kept 1");
	d.raw = "next batch"; /* the bytes of a stored meeting */
	d.raw_len = strlen(d.raw);
	assert_int_equal(hy_store_insert(s, &m, &d, NULL, err, sizeof err), HY_ERR_DUP);
	put(s, &(struct hy_meeting){.title = "丙"}, "kept 2");
	assert_int_equal(hy_store_commit(s, err, sizeof err), 0);
	hy_store_close(s);
	f->s = NULL;
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM meetings"), 3);
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM sections"), 0);
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM appearances"), 0);
}

static void t_batch_rollback(void **state)
{
	struct fx *f = *state;
	struct hy_store *s = open_ok(f);
	char err[256];
	assert_int_equal(hy_store_begin(s, err, sizeof err), 0);
	put(s, &(struct hy_meeting){.title = "a"}, "a");
	put(s, &(struct hy_meeting){.title = "b"}, "b");
	hy_store_rollback(s);
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM meetings"), 0);
	assert_int_equal(hy_store_begin(s, err, sizeof err), 0);
	put(s, &(struct hy_meeting){.title = "c"}, "c");
	/* not visible to another connection before the commit */
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM meetings"), 0);
	assert_int_equal(hy_store_commit(s, err, sizeof err), 0);
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM meetings"), 1);
}

struct ids {
	int64_t v[64];
	size_t n;
	int stop_after;
};

static int collect(const struct hy_store_row *row, void *ctx)
{
	struct ids *x = ctx;
	assert_true(x->n < 64);
	x->v[x->n++] = row->id;
	if (x->stop_after && (int)x->n == x->stop_after)
		return 1;
	return 0;
}

/* All ids matching f, fetched `page` at a time through the cursor. */
static struct ids paged(struct hy_store *s, const struct hy_store_filter *f, size_t page)
{
	struct hy_store_cursor cur = {0};
	struct ids x = {0};
	char err[256] = "";
	for (;;) {
		int n = hy_store_list(s, f, &cur, page, collect, &x, &cur, err, sizeof err);
		if (n < 0)
			fail_msg("list: %s", err);
		if ((size_t)n < page)
			break;
	}
	return x;
}

static void expect(struct ids got, const int64_t *want, size_t n)
{
	if (got.n != n) {
		for (size_t i = 0; i < got.n; i++)
			fprintf(stderr, " %lld", (long long)got.v[i]);
		fprintf(stderr, "\n");
	}
	assert_int_equal(got.n, n);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(got.v[i], want[i]);
}

static void t_list(void **state)
{
	struct fx *f = *state;
	struct hy_store *s = open_ok(f);
	struct hy_meeting m;
	struct hy_store_filter flt = {0};
	struct hy_store_row first;
	int64_t id[8];

	m = sample("一", "2023-12-30", "县政府", "张三");
	id[1] = put(s, &m, "1");
	m = sample("二", "2024-01-05", "市政府", "钱七");
	id[2] = put(s, &m, "2");
	m = sample("三", NULL, "县委", "张三");
	id[3] = put(s, &m, "3");
	m = sample("四", "2024-01-05", "县政府", "孙八");
	id[4] = put(s, &m, "4");
	m = sample("五", "2024-03-01", "县人民政府", NULL);
	m.n_attendees = 0;
	m.n_observers = 0;
	id[5] = put(s, &m, "5");
	m = sample("六", NULL, NULL, NULL);
	id[6] = put(s, &m, "6");
	m = sample("七", "2024-01-05", "县政府", "张三");
	id[7] = put(s, &m, "7");

	/* newest date first, unknown dates last, then id descending; the
	 * same order whatever the page size */
	{
		int64_t want[] = {id[5], id[7], id[4], id[2], id[1], id[6], id[3]};
		for (size_t p = 1; p <= 8; p++)
			expect(paged(s, NULL, p), want, 7);
	}
	flt.from = "2024-01-01";
	{
		int64_t want[] = {id[5], id[7], id[4], id[2]};
		expect(paged(s, &flt, 2), want, 4);
	}
	flt.from = NULL;
	flt.to = "2024-01-05";
	{
		int64_t want[] = {id[7], id[4], id[2], id[1]};
		expect(paged(s, &flt, 3), want, 4);
	}
	flt.from = "2024-01-05";
	{
		int64_t want[] = {id[7], id[4], id[2]};
		expect(paged(s, &flt, 1), want, 3);
	}
	memset(&flt, 0, sizeof flt);
	flt.body = "县";
	{
		int64_t want[] = {id[5], id[7], id[4], id[1], id[3]};
		expect(paged(s, &flt, 2), want, 5);
	}
	flt.body = NULL;
	flt.person = "张三"; /* as chair */
	{
		int64_t want[] = {id[7], id[1], id[3]};
		expect(paged(s, &flt, 2), want, 3);
	}
	flt.person = "财政局"; /* an observer unit, by substring */
	{
		int64_t want[] = {id[7], id[4], id[2], id[1], id[6], id[3]};
		expect(paged(s, &flt, 4), want, 6);
	}
	flt.person = "没有这个人";
	expect(paged(s, &flt, 4), NULL, 0);

	/* the callback can stop; the row carries the list columns */
	{
		struct ids x = {.stop_after = 2};
		char err[256];
		assert_int_equal(
			hy_store_list(s, NULL, NULL, 10, collect, &x, NULL, err, sizeof err), 2);
	}
	(void)first;
}

static int grab_first(const struct hy_store_row *row, void *ctx)
{
	struct hy_store_row *r = ctx;
	*r = *row;
	assert_string_equal(row->title, "一");
	assert_string_equal(row->date, "2023-12-30");
	assert_string_equal(row->body, "县政府");
	assert_string_equal(row->kind, "常务会议");
	assert_string_equal(row->chair, "张三");
	assert_int_equal(row->number, 26);
	assert_int_equal(row->n_sections, 2);
	return 1;
}

static void t_list_row(void **state)
{
	struct fx *f = *state;
	struct hy_store *s = open_ok(f);
	struct hy_meeting m = sample("一", "2023-12-30", "县政府", "张三");
	struct hy_store_row r;
	char err[256];
	put(s, &m, "1");
	assert_int_equal(hy_store_list(s, NULL, NULL, 5, grab_first, &r, NULL, err, sizeof err), 1);
}

static void t_newer_version_refused(void **state)
{
	struct fx *f = *state;
	char err[256] = "";
	open_ok(f);
	hy_store_close(f->s);
	f->s = NULL;
	file_exec(f->db, "PRAGMA user_version = 99");
	assert_int_equal(hy_store_open(&f->s, f->db, HY_STORE_CREATE, err, sizeof err),
			 HY_ERR_VERSION);
	assert_null(f->s);
	assert_non_null(strstr(err, "newer"));
	assert_int_equal(file_int(f->db, "PRAGMA user_version"), 99);
}

static char *slurp(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	char *b = malloc(1 << 16);
	assert_non_null(fp);
	assert_non_null(b);
	*n = fread(b, 1, 1 << 16, fp);
	fclose(fp);
	return b;
}

static void t_not_a_database(void **state)
{
	struct fx *f = *state;
	static const char text[] = "这不是数据库。This is a plain text file, not sqlite.\n";
	char err[256] = "", side[160];
	struct stat sb;
	size_t n;
	char *back;

	write_file(f->db, text, sizeof text - 1);
	assert_int_equal(hy_store_open(&f->s, f->db, HY_STORE_CREATE, err, sizeof err),
			 HY_ERR_CORRUPT);
	assert_null(f->s);
	assert_non_null(strstr(err, "not a huiyi database"));
	assert_non_null(strstr(err, f->db));
	assert_null(strchr(err, '\n'));
	back = slurp(f->db, &n);
	assert_int_equal(n, sizeof text - 1);
	assert_memory_equal(back, text, n);
	free(back);
	snprintf(side, sizeof side, "%s-wal", f->db);
	assert_int_not_equal(stat(side, &sb), 0);
}

static void t_foreign_database(void **state)
{
	struct fx *f = *state;
	char err[256] = "";
	file_exec(f->db, "CREATE TABLE notes (x TEXT); INSERT INTO notes "
			 "VALUES ('keep me')");
	assert_int_equal(hy_store_open(&f->s, f->db, HY_STORE_CREATE, err, sizeof err),
			 HY_ERR_CORRUPT);
	assert_non_null(strstr(err, "another program"));
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM sqlite_master"), 1);
	assert_int_equal(file_int(f->db, "PRAGMA user_version"), 0);
}

/* The importer on a small tree: order, hidden names, limits, reasons. */
struct rej {
	char lines[8][256];
	int n;
};

static void on_reject(const char *path, const char *reason, void *ctx)
{
	struct rej *r = ctx;
	if (r->n < 8)
		snprintf(r->lines[r->n++], sizeof r->lines[0], "%s: %s", strrchr(path, '/') + 1,
			 reason);
}

static void import_tree(void **state, size_t threads, int lookup_here)
{
	struct fx *f = *state;
	struct hy_store *s = open_ok(f);
	struct hy_import_opts o = {0};
	struct hy_import_stats st;
	struct rej rj = {0};
	char p[256], err[256] = "";
	const char *paths[1];
	static const char big[] = "会议研究了一件很长的事情。";
	char nul[30] = "有零"; /* then 24 NUL bytes */

	snprintf(p, sizeof p, "%s/in", f->dir);
	assert_int_equal(mkdir(p, 0755), 0);
	snprintf(p, sizeof p, "%s/in/sub", f->dir);
	assert_int_equal(mkdir(p, 0755), 0);
	snprintf(p, sizeof p, "%s/in/.hidden", f->dir);
	assert_int_equal(mkdir(p, 0755), 0);
#define PUT(name, s)                                                                               \
	do {                                                                                       \
		snprintf(p, sizeof p, "%s/in/%s", f->dir, name);                                   \
		write_file(p, s, strlen(s));                                                       \
	} while (0)
	PUT("b.txt", "乙会议\n会议研究了乙事项。\n");
	PUT("a.txt", "甲会议\n会议研究了甲事项。\n");
	PUT("sub/c.txt", "丙会议\n会议研究了丙事项。\n");
	PUT(".hidden/d.txt", "丁会议\n会议研究了丁事项。\n");
	PUT(".e.txt", "戊会议\n会议研究了戊事项。\n");
	PUT("dup.txt", "甲会议\n会议研究了甲事项。\n");
	PUT("empty.txt", "");
	PUT("large.txt", big);
#undef PUT
	snprintf(p, sizeof p, "%s/in/nul.bin", f->dir);
	write_file(p, nul, sizeof nul);

	o.threads = threads;          /* same order and results with any number */
	o.lookup_here = lookup_here;  /* and wherever hashes are looked up */
	o.max_bytes = sizeof big - 2; /* large.txt is over the limit */
	o.batch = 2;
	o.reject = on_reject;
	o.ctx = &rj;
	o.count_first = 1;
	snprintf(p, sizeof p, "%s/in", f->dir);
	paths[0] = p;
	assert_int_equal(hy_import_run(s, paths, 1, &o, &st, err, sizeof err), 0);
	assert_int_equal(st.total, 7);
	assert_int_equal(st.seen, 7);
	assert_int_equal(st.imported, 3);
	assert_int_equal(st.duplicates, 1);
	assert_int_equal(st.rejected, 3);
	assert_int_equal(rj.n, 3);
	assert_string_equal(rj.lines[0], "empty.txt: empty after cleaning");
	assert_non_null(strstr(rj.lines[1], "large.txt: file too large"));
	if (!strstr(rj.lines[2], "nul.bin: binary"))
		fail_msg("%s", rj.lines[2]);
	hy_store_close(s);
	f->s = NULL;
	/* sorted walk: a.txt, b.txt, dup.txt (skipped), ..., sub/c.txt */
	assert_int_equal(file_int(f->db, "SELECT id FROM meetings WHERE source"
					 " LIKE '%/in/a.txt'"),
			 1);
	assert_int_equal(file_int(f->db, "SELECT id FROM meetings WHERE source"
					 " LIKE '%/in/b.txt'"),
			 2);
	assert_int_equal(file_int(f->db, "SELECT id FROM meetings WHERE source"
					 " LIKE '%/in/sub/c.txt'"),
			 3);
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM meetings WHERE "
					 "substr(source, 1, 1) <> '/'"),
			 0);

	/* again: nothing new */
	open_ok(f);
	rj.n = 0;
	o.reject = NULL;
	assert_int_equal(hy_import_run(f->s, paths, 1, &o, &st, err, sizeof err), 0);
	assert_int_equal(st.imported, 0);
	assert_int_equal(st.duplicates, 4);
	assert_int_equal(st.rejected, 3);
}

static void t_import_tree(void **state)
{
	import_tree(state, 0, 0);
}

static void t_import_tree_one_thread(void **state)
{
	import_tree(state, 1, 0);
}

static void t_import_tree_many_threads(void **state)
{
	import_tree(state, 8, 0);
}

static void t_import_tree_lookup_here(void **state)
{
	import_tree(state, 8, 1);
}

static void t_import_bad_encoding(void **state)
{
	struct fx *f = *state;
	struct hy_store *s = open_ok(f);
	struct hy_import_opts o = {0};
	struct hy_import_stats st;
	char err[256] = "";
	const char *paths[] = {"/nonexistent"};
	o.encoding = "no-such-encoding-xyz";
	assert_int_equal(hy_import_run(s, paths, 1, &o, &st, err, sizeof err), HY_ERR_INVALID);
	assert_int_equal(st.seen, 0);
}

/* ---- Deleting and replacing meetings (issue 16, item 9). ---- */

static size_t hits(struct hy_store *s, const char *q)
{
	size_t n = 0;
	char err[256] = "";
	int rc = hy_store_search_count(s, q, NULL, &n, NULL, err, sizeof err);
	if (rc)
		fail_msg("search %s: %s", q, err);
	return n;
}

/* The file is whole and its search index agrees with its rows (FTS5's
 * integrity-check reads every row again through the tokenizer). */
static void check_whole(const char *db)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(hy_fts_register(h, NULL, 0), 0);
	assert_int_equal(hy_cleanz_register(h, NULL), SQLITE_OK); /* hy_clean */
	assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "ok");
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_exec(h,
				      "PRAGMA foreign_key_check;"
				      "INSERT INTO sections_fts (sections_fts)"
				      " VALUES ('integrity-check');"
				      "INSERT INTO meetings_fts (meetings_fts)"
				      " VALUES ('integrity-check');",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(h);
}

static void t_delete(void **state)
{
	struct fx *f = *state;
	struct hy_store *s = open_ok(f);
	struct hy_meeting a = sample("甲会议", "2024-01-05", "县政府", "张三");
	struct hy_meeting b = sample("乙丙丁会议", "2024-02-05", "市政府", "钱七");
	struct hy_meeting c = sample("戊会议", "2024-03-05", "县政府", "张三");
	char err[256] = "";
	int64_t ia, ib, ic, ids[3];
	size_t n = 99;

	ia = put(s, &a, "a bytes");
	ib = put(s, &b, "b bytes");
	ic = put(s, &c, "c bytes");
	assert_int_equal(hits(s, "乙丙丁"), 1);
	assert_int_equal(hits(s, "燃气"), 3);

	/* an unknown id: nothing deleted, the message names it */
	ids[0] = ib;
	ids[1] = 4242;
	assert_int_equal(hy_store_delete(s, ids, 2, &n, err, sizeof err), HY_ERR_NOTFOUND);
	assert_non_null(strstr(err, "4242"));
	assert_null(strstr(err, "4242, "));
	assert_int_equal(n, 0);
	assert_int_equal(hits(s, "乙丙丁"), 1);

	/* b (given twice) goes whole; a and c stay */
	ids[1] = ib;
	assert_int_equal(hy_store_delete(s, ids, 2, &n, err, sizeof err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(hits(s, "乙丙丁"), 0);
	assert_int_equal(hits(s, "燃气"), 2);
	assert_int_equal(hits(s, "钱七"), 0);
	{
		struct hy_store_record r;
		assert_int_equal(hy_store_get(s, ib, &r, err, sizeof err), HY_ERR_NOTFOUND);
		hy_store_record_free(&r);
	}
	/* the same bytes can be stored again once their meeting is gone */
	ib = put(s, &b, "b bytes");
	assert_int_equal(hits(s, "乙丙丁"), 1);
	ids[0] = ib;
	assert_int_equal(hy_store_delete(s, ids, 1, &n, err, sizeof err), 0);
	hy_store_close(s);
	f->s = NULL;

	assert_int_equal(file_int(f->db, "SELECT count(*) FROM meetings"), 2);
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM sections"), 4);
	/* 钱七 named only b: gone; the others are still named by a and c */
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM people"), 5);
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM people"
					 " WHERE name = '钱七'"),
			 0);
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM appearances"), 10);
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM bodies"
					 " WHERE name = '市政府'"),
			 0);
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM"
					 " sections_fts_docsize"),
			 4);
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM"
					 " meetings_fts_docsize"),
			 2);
	check_whole(f->db);

	/* everything: an empty database that still takes new meetings */
	open_ok(f);
	ids[0] = ia;
	ids[1] = ic;
	assert_int_equal(hy_store_delete(f->s, ids, 2, &n, err, sizeof err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(hits(f->s, "燃气"), 0);
	put(f->s, &c, "c bytes");
	assert_int_equal(hits(f->s, "戊会议"), 1);
	assert_int_equal(hits(f->s, "燃气"), 1);
	hy_store_close(f->s);
	f->s = NULL;
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM people"), 5);
	check_whole(f->db);
}

/* A GB18030 file read with the wrong encoding, put right by --replace,
 * with workers looking hashes up or not. */
static void import_replace(void **state, size_t threads, int lookup_here)
{
	static const char gb[] = "\xc8\xbc\xc6\xf8\xbb\xe1\xd2\xe9\n\xbb\xe1\xd2\xe9\xd1\xd0"
				 "\xbe\xbf\xc1\xcb\xc8\xbc\xc6\xf8\xb0\xb2\xc8\xab\xa1\xa3\n";
	struct fx *f = *state;
	struct hy_store *s = open_ok(f);
	struct hy_import_opts o = {0};
	struct hy_import_stats st;
	char p[256], q[256], err[256] = "";
	const char *paths[2] = {p, q};

	snprintf(p, sizeof p, "%s/gb.txt", f->dir);
	write_file(p, gb, sizeof gb - 1);
	snprintf(q, sizeof q, "%s/utf8.txt", f->dir);
	write_file(q, "己会议\n会议研究了己事项。\n", strlen("己会议\n会议研究了己事项。\n"));
	o.threads = threads;
	o.lookup_here = lookup_here;
	o.encoding = "ISO-8859-1";
	o.force = 1; /* mojibake reads like no meeting: stored only by force */
	assert_int_equal(hy_import_run(s, paths, 1, &o, &st, err, sizeof err), 0);
	assert_int_equal(st.imported, 1);
	assert_int_equal(hits(s, "燃气"), 0);
	o.encoding = "gb18030"; /* the same bytes: a duplicate */
	assert_int_equal(hy_import_run(s, paths, 1, &o, &st, err, sizeof err), 0);
	assert_int_equal(st.duplicates, 1);
	assert_int_equal(hits(s, "燃气"), 0);

	o.replace = 1;
	o.encoding = NULL; /* detected: GB18030 */
	assert_int_equal(hy_import_run(s, paths, 2, &o, &st, err, sizeof err), 0);
	assert_int_equal(st.imported, 1); /* utf8.txt was not stored */
	assert_int_equal(st.superseded, 1);
	assert_int_equal(st.duplicates, 0);
	assert_int_equal(hits(s, "燃气安全"), 1);
	assert_int_equal(hits(s, "己事项"), 1);
	/* again: both replaced, nothing added */
	assert_int_equal(hy_import_run(s, paths, 2, &o, &st, err, sizeof err), 0);
	assert_int_equal(st.imported, 0);
	assert_int_equal(st.superseded, 2);
	assert_int_equal(hits(s, "燃气安全"), 1);
	hy_store_close(s);
	f->s = NULL;
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM meetings"), 2);
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM meetings"
					 " WHERE title = '燃气会议'"),
			 1);
	check_whole(f->db);
}

static void t_import_replace(void **state)
{
	import_replace(state, 0, 0);
}

static void t_import_replace_one_thread(void **state)
{
	import_replace(state, 1, 0);
}

static void t_import_replace_lookup_here(void **state)
{
	import_replace(state, 8, 1);
}

/* The replaced meeting goes in the same batch as its new parse: a batch
 * that does not commit keeps the old one. */
static void t_replace_rolled_back(void **state)
{
	struct fx *f = *state;
	struct hy_store *s = open_ok(f);
	struct hy_meeting a = sample("甲会议", "2024-01-05", "县政府", "张三");
	char err[256] = "", hex[65];

	put(s, &a, "a bytes");
	hy_store_sha256("a bytes", 7, hex);
	assert_int_equal(hy_store_delete_sha(s, hex, NULL, err, sizeof err),
			 HY_ERR_INVALID); /* only inside a batch */
	assert_int_equal(hy_store_begin(s, err, sizeof err), 0);
	assert_int_equal(hy_store_delete_sha(s, hex, NULL, err, sizeof err), 1);
	hy_store_sha256("no such bytes", 13, hex);
	assert_int_equal(hy_store_delete_sha(s, hex, NULL, err, sizeof err), 0);
	hy_store_rollback(s);
	assert_int_equal(hits(s, "甲会议"), 1);
	hy_store_close(s);
	f->s = NULL;
	check_whole(f->db);
}

/* ---- The list in three orders: hy_store_page, count, rank. ---- */

/* Ids (and the key of each) in the order delivered. */
struct idv {
	int64_t *v;
	struct hy_store_key *k;
	size_t n, cap;
	int stop_after;
};

static int idv_add(const struct hy_store_row *row, void *ctx)
{
	struct idv *x = ctx;
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 64;
		x->v = realloc(x->v, x->cap * sizeof *x->v);
		x->k = realloc(x->k, x->cap * sizeof *x->k);
		assert_non_null(x->v);
		assert_non_null(x->k);
	}
	x->v[x->n] = row->id;
	hy_store_key_of(row, HY_SORT_DATE, &x->k[x->n]);
	x->n++;
	return x->stop_after && (int)x->n == x->stop_after;
}

static void idv_free(struct idv *x)
{
	free(x->v);
	free(x->k);
	memset(x, 0, sizeof *x);
}

static void idv_expect(const struct idv *got, const int64_t *want, size_t n, int reversed,
		       const char *what)
{
	int ok = got->n == n;
	for (size_t i = 0; ok && i < n; i++)
		ok = got->v[i] == want[reversed ? n - 1 - i : i];
	if (!ok) {
		fprintf(stderr, "%s:\n got ", what);
		for (size_t i = 0; i < got->n; i++)
			fprintf(stderr, " %lld", (long long)got->v[i]);
		fprintf(stderr, "\n want");
		for (size_t i = 0; i < n; i++)
			fprintf(stderr, " %lld", (long long)want[reversed ? n - 1 - i : i]);
		fprintf(stderr, "\n");
		fail_msg("%s: wrong rows", what);
	}
}

/* The bodies of the list data: 10 contain 县 (more than one stream per
 * body takes), one is longer than a key holds. */
#define LONG_BODY                                                                                  \
	"很长的机关名称很长的机关名称很长的机关名称很长的机关名称"     \
	"很长的机关名称很长的机关名称很长的机关名称很长的机关名称"
static const char *const list_bodies[] = {
	"甲县政府", "甲县委",   "乙县政府", "乙县委",   "丙县政府", "丙县委",  "丁县政府",
	"丁县委",   "戊县政府", "戊县委",   "己市政府", "庚市政府", LONG_BODY, NULL,
};
static const char *const list_dates[] = {
	"2024-01-05", NULL,         "2023-06-15", "2024-01-05", "2022-12-31",
	"2023-06-15", "2024-03-01", NULL,         "2024-01-05",
};
static const int list_numbers[] = {26, 0, 5, 26, 1, 0, 12};

/* 90 meetings with many ties on every key, unknown values of each. */
/* n meetings written with the columns of schema v1 (a database made by
 * an older huiyi: hy_store_insert writes the columns of today's schema). */
static void fill_list_v1(const char *db, size_t n)
{
	char sql[1024];
	snprintf(sql, sizeof sql,
		 "WITH RECURSIVE i(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM i"
		 " WHERE k + 1 < %zu)"
		 " INSERT INTO meetings (title, date, body, kind, number, chair,"
		 " sha256, source, clean, raw)"
		 " SELECT '会议' || k, '2024-0' || (1 + k %% 9) || '-1' || (k %% 10),"
		 " CASE k %% 3 WHEN 0 THEN NULL WHEN 1 THEN '甲县政府'"
		 " ELSE '乙县政府' END, '常务会议', k %% 7, '张三', 'sha' || k,"
		 " 'old ' || k, '会议' || k, CAST('会议' || k AS BLOB) FROM i;",
		 n);
	file_exec(db, sql);
}

static void fill_list(struct hy_store *s, size_t n)
{
	static char *att[] = {"李四", "王五"};
	static char *obs[] = {"县财政局", "赵六"};
	static const char *chairs[] = {"张三", "钱七", NULL, "孙八"};
	char err[256] = "";

	assert_int_equal(hy_store_begin(s, err, sizeof err), 0);
	for (size_t i = 0; i < n; i++) {
		struct hy_meeting m = {0};
		char raw[32], title[32];
		snprintf(raw, sizeof raw, "list %zu", i);
		snprintf(title, sizeof title, "会议%zu", i);
		m.title = title;
		m.published = (char *)list_dates[i % 9];
		m.date = (char *)list_dates[(i * 5) % 9];
		m.body = (char *)list_bodies[(i * 3) % 14];
		m.number = list_numbers[(i * 11) % 7];
		m.kind = "常务会议";
		m.chair = (char *)chairs[i % 4];
		if (i % 3 == 0) {
			m.attendees = att;
			m.n_attendees = 2;
		}
		if (i % 5 == 1) {
			m.observers = obs;
			m.n_observers = 2;
		}
		put(s, &m, raw);
	}
	assert_int_equal(hy_store_commit(s, err, sizeof err), 0);
}

/* The same list by a plain query on another connection: the reference. */
static struct idv ref_list(const char *db, const struct hy_store_filter *f, enum hy_store_sort sort)
{
	static const char *const order[] = {
		[HY_SORT_DATE] = "date IS NULL, date DESC, id DESC",
		[HY_SORT_BODY] = "body IS NULL, body, date IS NULL, date DESC,"
				 " id DESC",
		[HY_SORT_NUMBER] = "number IS NULL, number DESC, date IS NULL,"
				   " date DESC, id DESC",
	};
	const char *v[4] = {f->from, f->to, f->body, f->person};
	char sql[1024];
	struct idv x = {0};
	sqlite3 *h;
	sqlite3_stmt *st;
	int rc;

	snprintf(sql, sizeof sql,
		 "SELECT id FROM meetings WHERE (?1 IS NULL OR date >= ?1)"
		 " AND (?2 IS NULL OR date <= ?2)"
		 " AND (?3 IS NULL OR instr(body, ?3) > 0)"
		 " AND (?4 IS NULL OR EXISTS (SELECT 1 FROM appearances a"
		 " JOIN people p ON p.id = a.name_id"
		 " WHERE a.meeting_id = meetings.id"
		 " AND instr(p.name, ?4) > 0)) ORDER BY %s",
		 order[sort]);
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	for (int i = 0; i < 4; i++) /* "" does not filter */
		sqlite3_bind_text(st, i + 1, v[i] && v[i][0] ? v[i] : NULL, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (x.n == x.cap) {
			x.cap = x.cap ? x.cap * 2 : 64;
			x.v = realloc(x.v, x.cap * sizeof *x.v);
			assert_non_null(x.v);
		}
		x.v[x.n++] = sqlite3_column_int64(st, 0);
	}
	if (rc != SQLITE_DONE)
		fail_msg("reference: %s", sqlite3_errmsg(h));
	sqlite3_finalize(st);
	sqlite3_close(h);
	return x;
}

/* Every row, `page` at a time, from the first or (backward) the last. */
static struct idv page_all(struct hy_store *s, const struct hy_store_filter *f,
			   enum hy_store_sort sort, int backward, size_t page)
{
	struct idv x = {0};
	struct hy_store_key key = {0};
	char err[256] = "";
	for (;;) {
		size_t before = x.n;
		int n = hy_store_page(s, f, sort, &key, backward, page, idv_add, &x, err,
				      sizeof err);
		if (n < 0)
			fail_msg("page: %s", err);
		assert_int_equal((size_t)n, x.n - before);
		if ((size_t)n < page)
			break;
		key = x.k[x.n - 1];
	}
	return x;
}

static const char *const sort_name[] = {"date", "body", "number"};

/* Everything the browser relies on, for one filter and one order. */
static void check_list(struct fx *fx, const struct hy_store_filter *f, enum hy_store_sort sort)
{
	struct hy_store *s = fx->s;
	struct idv ref = ref_list(fx->db, f, sort), all = {0};
	static const size_t pages[] = {1, 2, 7};
	char err[256] = "", what[256];
	size_t n = 0;

	snprintf(what, sizeof what,
		 "order %s, from %s to %s, body %s, "
		 "person %s",
		 sort_name[sort], f->from ? f->from : "-", f->to ? f->to : "-",
		 f->body ? f->body : "-", f->person ? f->person : "-");
	/* one big page: the whole list in order */
	assert_true(hy_store_page(s, f, sort, NULL, 0, 1000, idv_add, &all, err, sizeof err) >= 0);
	idv_expect(&all, ref.v, ref.n, 0, what);
	for (size_t p = 0; p < sizeof pages / sizeof pages[0]; p++) {
		struct idv fw = page_all(s, f, sort, 0, pages[p]);
		struct idv bw = page_all(s, f, sort, 1, pages[p]);
		idv_expect(&fw, ref.v, ref.n, 0, what);
		idv_expect(&bw, ref.v, ref.n, 1, what);
		idv_free(&fw);
		idv_free(&bw);
	}
	assert_int_equal(hy_store_count(s, f, &n, err, sizeof err), 0);
	assert_int_equal(n, ref.n);
	/* from every row: the rows after it, before it, its rank */
	for (size_t i = 0; i < all.n; i++) {
		struct idv fw = {0}, bw = {0};
		size_t rank = 99999, want_fw = all.n - i - 1, want_bw = i;
		if (want_fw > 3)
			want_fw = 3;
		if (want_bw > 3)
			want_bw = 3;
		assert_int_equal(
			hy_store_page(s, f, sort, &all.k[i], 0, 3, idv_add, &fw, err, sizeof err),
			(int)want_fw);
		idv_expect(&fw, ref.v + i + 1, want_fw, 0, what);
		assert_int_equal(
			hy_store_page(s, f, sort, &all.k[i], 1, 3, idv_add, &bw, err, sizeof err),
			(int)want_bw);
		idv_expect(&bw, ref.v + i - want_bw, want_bw, 1, what);
		assert_int_equal(hy_store_rank(s, f, sort, &all.k[i], &rank, err, sizeof err), 0);
		if (rank != i)
			fail_msg("%s: rank of row %zu is %zu", what, i, rank);
		idv_free(&fw);
		idv_free(&bw);
	}
	/* from every row of the unfiltered list (the filter changed, the
	 * position stays): the matching rows after it, before it, its rank */
	if (f->from || f->to || f->body || f->person) {
		struct idv u = {0};
		size_t *pos = calloc(all.n + 1, sizeof *pos);
		assert_non_null(pos);
		assert_true(hy_store_page(s, NULL, sort, NULL, 0, 1000, idv_add, &u, err,
					  sizeof err) >= 0);
		for (size_t i = 0; i < all.n; i++) { /* position of all[i] */
			size_t j = 0;
			while (j < u.n && u.v[j] != all.v[i])
				j++;
			assert_true(j < u.n);
			pos[i] = j;
			if (i > 0)
				assert_true(pos[i] > pos[i - 1]);
		}
		for (size_t j = 0; j < u.n; j++) {
			struct idv fw = {0}, bw = {0};
			size_t first = 0, before, rank = 99999, nfw, nbw;
			while (first < all.n && pos[first] <= j)
				first++;
			/* all[first..] come after u[j]; all[..first) or
			 * all[..first-1) before it, as u[j] matches or not */
			before = first;
			if (first > 0 && pos[first - 1] == j)
				before--;
			nfw = all.n - first < 3 ? all.n - first : 3;
			nbw = before < 3 ? before : 3;
			assert_int_equal(hy_store_page(s, f, sort, &u.k[j], 0, 3, idv_add, &fw, err,
						       sizeof err),
					 (int)nfw);
			idv_expect(&fw, all.v + first, nfw, 0, what);
			assert_int_equal(hy_store_page(s, f, sort, &u.k[j], 1, 3, idv_add, &bw, err,
						       sizeof err),
					 (int)nbw);
			idv_expect(&bw, all.v + before - nbw, nbw, 1, what);
			assert_int_equal(hy_store_rank(s, f, sort, &u.k[j], &rank, err, sizeof err),
					 0);
			assert_int_equal(rank, before);
			idv_free(&fw);
			idv_free(&bw);
		}
		free(pos);
		idv_free(&u);
	}
	idv_free(&all);
	free(ref.v);
}

static const struct hy_store_filter list_filters[] = {
	{0},
	{.from = "2023-06-15"},
	{.to = "2024-01-05"},
	{.from = "2024-01-05", .to = "2024-01-05"},
	{.from = "2024-02-01", .to = "2023-01-01"}, /* empty range */
	{.body = "甲县"},                           /* two bodies */
	{.body = "县政府"},                         /* five bodies */
	{.body = "县"},                             /* ten: tested per row */
	{.body = "庚市政府"},                       /* one */
	{.body = "很长"},                           /* one, longer than a key */
	{.body = "没有这个机关"},
	{.person = "张三"},
	{.person = "财政"},
	{.body = "县政府", .from = "2023-06-15"},
	{.body = "县", .from = "2023-06-15"}, /* walk, bodies skipped */
	{.person = "张三", .to = "2023-06-15"},
	{.body = "县", .to = "2024-01-05", .person = "李四"},
	{.body = "甲县", .from = "2023-01-01", .to = "2024-01-05", .person = "张三"},
	{.from = "", .to = "", .body = "", .person = ""}, /* "" = none */
};

static void t_page_orders(void **state)
{
	struct fx *f = *state;
	struct hy_store *s = open_ok(f);
	fill_list(s, 90);
	for (size_t i = 0; i < sizeof list_filters / sizeof list_filters[0]; i++)
		for (int sort = HY_SORT_DATE; sort <= HY_SORT_NUMBER; sort++)
			check_list(f, &list_filters[i], (enum hy_store_sort)sort);
}

/* Unknown values come last in each order; ties go by id, newest first. */
static int save_row(const struct hy_store_row *row, void *ctx)
{
	struct hy_store_row *r = ctx;
	*r = *row; /* strings are not kept: only the ids and numbers */
	r->date = row->date ? "date" : NULL;
	r->body = row->body ? "body" : NULL;
	return 0;
}

static void t_page_ties_and_unknowns(void **state)
{
	struct fx *f = *state;
	struct hy_store *s = open_ok(f);
	struct hy_store_row last;
	struct idv x;
	char err[256] = "", raw[16];
	int64_t id[30];

	for (int i = 0; i < 30; i++) {
		struct hy_meeting m = {0};
		m.title = "同";
		if (i % 10 != 9) { /* 3 rows know nothing */
			m.date = "2024-01-05";
			m.body = "县政府";
			m.number = 26;
		}
		snprintf(raw, sizeof raw, "tie %d", i);
		id[i] = put(s, &m, raw);
	}
	for (int sort = HY_SORT_DATE; sort <= HY_SORT_NUMBER; sort++) {
		int64_t want[30];
		size_t k = 0;
		for (int i = 29; i >= 0; i--)
			if (i % 10 != 9)
				want[k++] = id[i];
		for (int i = 29; i >= 0; i--)
			if (i % 10 == 9)
				want[k++] = id[i];
		for (size_t p = 1; p <= 8; p++) {
			x = page_all(s, NULL, (enum hy_store_sort)sort, 0, p);
			idv_expect(&x, want, 30, 0, sort_name[sort]);
			idv_free(&x);
			x = page_all(s, NULL, (enum hy_store_sort)sort, 1, p);
			idv_expect(&x, want, 30, 1, sort_name[sort]);
			idv_free(&x);
		}
		/* the first row backward is the last row, which knows nothing */
		assert_int_equal(hy_store_page(s, NULL, (enum hy_store_sort)sort, NULL, 1, 1,
					       save_row, &last, err, sizeof err),
				 1);
		assert_int_equal(last.id, id[9]);
		assert_null(last.date);
		assert_null(last.body);
		assert_int_equal(last.number, 0);
	}
}

/* A key taken in one order finds the same row in another; the callback
 * stops a page; the row carries the list columns. */
static int grab(const struct hy_store_row *row, void *ctx)
{
	struct hy_store_key *k = ctx;
	assert_string_equal(row->published, "2024-01-06 10:00");
	assert_string_equal(row->kind, "常务会议");
	assert_int_equal(row->n_sections, 2);
	assert_non_null(row->title);
	hy_store_key_of(row, HY_SORT_DATE, k);
	return 0;
}

static int stop_now(const struct hy_store_row *row, void *ctx)
{
	(void)row;
	return *(int *)ctx;
}

static void t_page_key_any_order(void **state)
{
	struct fx *f = *state;
	struct hy_store *s = open_ok(f);
	struct hy_meeting m;
	struct hy_store_key k = {0};
	char err[256] = "";
	size_t rank = 0;
	int ret;

	m = sample("一", "2024-01-05", "乙县政府", "张三");
	put(s, &m, "1");
	m = sample("二", "2023-01-05", "甲县政府", "张三");
	put(s, &m, "2");
	m = sample("三", "2022-01-05", "丙县政府", "张三");
	put(s, &m, "3");
	/* the last row in date order ... */
	assert_int_equal(
		hy_store_page(s, NULL, HY_SORT_DATE, NULL, 1, 1, grab, &k, err, sizeof err), 1);
	assert_true(k.set);
	/* ... is 丙县政府, the first by body bytes (丙 E4 B8 99, 乙 E4 B9 99,
	 * 甲 E7 94 B2) */
	assert_int_equal(hy_store_rank(s, NULL, HY_SORT_BODY, &k, &rank, err, sizeof err), 0);
	assert_int_equal(rank, 0);
	assert_int_equal(hy_store_rank(s, NULL, HY_SORT_DATE, &k, &rank, err, sizeof err), 0);
	assert_int_equal(rank, 2);
	assert_int_equal(hy_store_rank(s, NULL, HY_SORT_DATE, NULL, &rank, err, sizeof err), 0);
	assert_int_equal(rank, 0);
	ret = 1; /* a positive stop: the rows so far */
	assert_int_equal(
		hy_store_page(s, NULL, HY_SORT_BODY, NULL, 0, 10, stop_now, &ret, err, sizeof err),
		1);
	ret = HY_ERR_NOMEM; /* a negative one: that value */
	assert_int_equal(hy_store_page(s, NULL, HY_SORT_NUMBER, NULL, 0, 10, stop_now, &ret, err,
				       sizeof err),
			 HY_ERR_NOMEM);
	assert_int_equal(hy_store_page(s, NULL, (enum hy_store_sort)7, NULL, 0, 10, stop_now, &ret,
				       err, sizeof err),
			 HY_ERR_INVALID);
	assert_int_equal(
		hy_store_page(s, NULL, HY_SORT_DATE, NULL, 0, 0, stop_now, &ret, err, sizeof err),
		0);
}

/* Every list query sqlite plans is index ranges in index order: no sort,
 * no pass over the table, a search wherever the index's first column is
 * constrained. The exception: a person's few meetings, read by id and
 * sorted (NOT INDEXED). */
struct plans {
	struct hy_store *s;
	int n, by_id, per_row, bodynum, walk;
};

static const struct {
	const char *index, *lead;
} plan_lead[] = {
	{"INDEXED BY meetings_by_date", "ifnull(m.date, '') "},
	{"INDEXED BY meetings_by_body ", "ifnull(m.body, x'') "},
	{"INDEXED BY meetings_by_body_number", "ifnull(m.body, x'') "},
	{"INDEXED BY meetings_by_number", "ifnull(m.number, 0) "},
};

static void check_plan(const char *sql, void *ctx)
{
	struct plans *p = ctx;
	sqlite3_stmt *st;
	char eqp[4096];
	size_t used = 0;
	int bad = 0;

	if (!strstr(sql, "FROM meetings m"))
		return; /* how many meetings a person has: not the list */
	snprintf(eqp, sizeof eqp, "EXPLAIN QUERY PLAN %s", sql);
	assert_int_equal(sqlite3_prepare_v2(p->s->db, eqp, -1, &st, NULL), SQLITE_OK);
	eqp[0] = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(st, 3);
		used += (size_t)snprintf(eqp + used, sizeof eqp - used, "%s\n", d ? d : "");
		if (used >= sizeof eqp)
			used = sizeof eqp - 1;
	}
	sqlite3_finalize(st);
	if (strstr(eqp, "SCAN m\n") || strstr(eqp, "SCAN meetings"))
		bad = 1;
	if (strstr(sql, "NOT INDEXED")) {
		/* the person's meetings by id, then sorted */
		bad |= !strstr(eqp, "SEARCH m USING INTEGER PRIMARY KEY");
		p->by_id++;
	} else {
		bad |= strstr(eqp, "TEMP B-TREE") != NULL;
		bad |= !strstr(eqp, "INDEX meetings_by");
		for (size_t i = 0; i < sizeof plan_lead / sizeof plan_lead[0]; i++) {
			char c1[64], c2[64];
			snprintf(c1, sizeof c1, "WHERE %s", plan_lead[i].lead);
			snprintf(c2, sizeof c2, "AND %s", plan_lead[i].lead);
			if (strstr(sql, plan_lead[i].index) && (strstr(sql, c1) || strstr(sql, c2)))
				bad |= !strstr(eqp, "SEARCH m USING");
		}
		p->per_row += strstr(sql, "EXISTS") != NULL;
	}
	if (bad)
		fail_msg("bad plan for\n%s\n%s", sql, eqp);
	p->n++;
	p->bodynum += strstr(sql, "meetings_by_body_number") != NULL;
	p->walk += strstr(sql, "LIMIT 1") != NULL;
}

static void t_page_plans(void **state)
{
	struct fx *f = *state;
	struct hy_store *s = open_ok(f);
	struct plans p = {s, 0, 0, 0, 0, 0};

	fill_list(s, 40);
	s->on_prepare = check_plan;
	s->on_prepare_ctx = &p;
	for (size_t i = 0; i < sizeof list_filters / sizeof list_filters[0]; i++)
		for (int sort = HY_SORT_DATE; sort <= HY_SORT_NUMBER; sort++)
			for (int back = 0; back <= 1; back++)
				for (size_t lim = 1; lim <= 3; lim += 2) {
					const struct hy_store_filter *flt = &list_filters[i];
					enum hy_store_sort so = (enum hy_store_sort)sort;
					struct idv x = page_all(s, flt, so, back, lim);
					for (size_t k = 0; k < x.n; k += 5) {
						size_t r;
						char err[256];
						assert_int_equal(hy_store_rank(s, flt, so, &x.k[k],
									       &r, err, sizeof err),
								 0);
					}
					idv_free(&x);
				}
	s->on_prepare = NULL;
	assert_true(p.n > 50);
	assert_true(p.by_id > 0);
	assert_true(p.per_row > 0);
	assert_true(p.bodynum > 0);
	assert_true(p.walk > 0);
}

/* A database of schema v1 (made by running only the first step) is
 * brought to v2 on open: rows kept, the new indexes and bodies there. */
static void t_migrate_v1(void **state)
{
	struct fx *f = *state;
	char err[256] = "";

	assert_int_equal(hy_store_open_at(&f->s, f->db, HY_STORE_CREATE, 1, err, sizeof err), 0);
	assert_int_equal(hy_store_version(f->s), 1);
	hy_store_close(f->s);
	f->s = NULL;
	fill_list_v1(f->db, 60);
	assert_int_equal(file_int(f->db, "PRAGMA user_version"), 1);
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM sqlite_master"
					 " WHERE name = 'meetings_by_body'"),
			 0);

	open_ok(f);
	assert_int_equal(hy_store_version(f->s), HY_STORE_SCHEMA_VERSION);
	assert_int_equal(file_int(f->db, "PRAGMA user_version"), HY_STORE_SCHEMA_VERSION);
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM meetings"), 60);
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM sqlite_master"
					 " WHERE name IN ('meetings_by_body',"
					 " 'meetings_by_number',"
					 " 'meetings_by_body_number', 'bodies')"),
			 4);
	/* bodies counts every meeting with a body, and stays right */
	assert_int_equal(file_int(f->db, "SELECT sum(n) FROM bodies"),
			 file_int(f->db, "SELECT count(*) FROM meetings"
					 " WHERE body IS NOT NULL"));
	{
		struct hy_meeting m = sample("新", "2025-01-01", "甲县政府", "张三");
		put(f->s, &m, "after the upgrade");
	}
	assert_int_equal(file_int(f->db, "SELECT n FROM bodies"
					 " WHERE name = '甲县政府'"),
			 file_int(f->db, "SELECT count(*) FROM meetings"
					 " WHERE body = '甲县政府'"));
	for (int sort = HY_SORT_DATE; sort <= HY_SORT_NUMBER; sort++) {
		check_list(f, &list_filters[0], (enum hy_store_sort)sort);
		check_list(f, &list_filters[6], (enum hy_store_sort)sort);
	}
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM"
					 " pragma_integrity_check"
					 " WHERE integrity_check <> 'ok'"),
			 0);
}

/* bodies follows deletes and updates too (another program's sqlite). */
static void t_bodies_triggers(void **state)
{
	struct fx *f = *state;
	struct hy_store *s = open_ok(f);
	struct hy_meeting m = sample("一", "2024-01-05", "甲县政府", "张三");
	put(s, &m, "1");
	put(s, &m, "2");
	m.body = NULL;
	put(s, &m, "3");
	hy_store_close(s);
	f->s = NULL;
	assert_int_equal(file_int(f->db, "SELECT n FROM bodies"), 2);
	file_exec(f->db, "UPDATE meetings SET body = '乙县政府' WHERE id = 1");
	file_exec(f->db, "UPDATE meetings SET body = '乙县政府' WHERE id = 3");
	assert_int_equal(file_int(f->db, "SELECT n FROM bodies"
					 " WHERE name = '甲县政府'"),
			 1);
	assert_int_equal(file_int(f->db, "SELECT n FROM bodies"
					 " WHERE name = '乙县政府'"),
			 2);
	file_exec(f->db, "DELETE FROM meetings WHERE id = 2");
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM bodies"
					 " WHERE name = '甲县政府'"),
			 0);
}

/* ---- Data safety: read-only opens, damage, a full disk. ---- */

/* sha256 of a whole file (the database: a few hundred KiB here). */
static void file_sha(const char *path, char hex[65])
{
	FILE *fp = fopen(path, "rb");
	size_t cap = 1 << 20, n;
	char *b = malloc(cap);
	assert_non_null(fp);
	assert_non_null(b);
	n = fread(b, 1, cap, fp);
	assert_true(n < cap);
	fclose(fp);
	assert_int_equal(hy_store_sha256(b, n, hex), 0);
	free(b);
}

static void t_readonly_writes_nothing(void **state)
{
	struct fx *f = *state;
	struct hy_store_record r;
	struct hy_meeting m = sample("新", "2025-01-01", "甲县政府", "张三");
	struct hy_store_doc d = {0};
	char before[65], after[65], err[256] = "";
	size_t n = 0;

	fill_list(open_ok(f), 30);
	hy_store_close(f->s);
	f->s = NULL;
	file_sha(f->db, before);
	assert_int_equal(hy_store_open(&f->s, f->db, HY_STORE_READONLY, err, sizeof err), 0);
	assert_int_equal(hy_store_readonly(f->s), 1);
	assert_int_equal(hy_store_count(f->s, NULL, &n, err, sizeof err), 0);
	assert_int_equal(n, 30);
	assert_int_equal(hy_store_get(f->s, 1, &r, err, sizeof err), 0);
	hy_store_record_free(&r);
	d.raw = d.clean = "a new one";
	d.raw_len = d.clean_len = strlen(d.raw);
	d.source = "/tmp/new.txt";
	assert_int_equal(hy_store_insert(f->s, &m, &d, NULL, err, sizeof err), HY_ERR_READONLY);
	assert_non_null(strstr(err, "read-only"));
	hy_store_close(f->s);
	f->s = NULL;
	file_sha(f->db, after);
	assert_string_equal(before, after);
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM meetings"), 30);
}

/* v4 → v5: stored meetings keep their date and get its month and day;
 * the new columns read back through hy_store_get. */
static void t_migrate_v5_month_day(void **state)
{
	struct fx *f = *state;
	char err[256] = "";

	assert_int_equal(hy_store_open_at(&f->s, f->db, HY_STORE_CREATE, 4, err, sizeof err), 0);
	hy_store_close(f->s);
	f->s = NULL;
	fill_list_v1(f->db, 12);
	file_exec(f->db, "UPDATE meetings SET date = NULL WHERE id = 3");
	open_ok(f);
	assert_int_equal(file_int(f->db, "PRAGMA user_version"), HY_STORE_SCHEMA_VERSION);
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM meetings"
					 " WHERE month_day = substr(date, 6, 5)"),
			 11);
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM meetings"
					 " WHERE month_day IS NULL AND id = 3"),
			 1);
	struct hy_meeting m = sample("新", NULL, "甲县政府", "张三");
	m.month_day = "03-08";
	m.date_basis = HY_DATE_BASIS_NONE;
	m.place = "甲县";
	m.guessed = HY_GUESSED_TITLE;
	put(f->s, &m, "partial");
	struct hy_store_record r;
	int64_t id = file_int(f->db, "SELECT max(id) FROM meetings");
	assert_int_equal(hy_store_get(f->s, id, &r, err, sizeof err), 0);
	assert_null(r.m.date);
	assert_string_equal(r.m.month_day, "03-08");
	assert_string_equal(r.m.place, "甲县");
	assert_int_equal(r.m.guessed, HY_GUESSED_TITLE);
	assert_string_equal(hy_meeting_date_precision(&r.m), "month-day");
	hy_store_record_free(&r);
}

static void t_readonly_old_schema(void **state)
{
	struct fx *f = *state;
	char err[256] = "";

	assert_int_equal(hy_store_open_at(&f->s, f->db, HY_STORE_CREATE, 2, err, sizeof err), 0);
	hy_store_close(f->s);
	f->s = NULL;
	fill_list_v1(f->db, 10);
	/* read-only: the upgrade would write; refused, nothing changed */
	assert_int_equal(hy_store_open(&f->s, f->db, HY_STORE_READONLY, err, sizeof err),
			 HY_ERR_READONLY);
	assert_null(f->s);
	if (!strstr(err, "upgrade") || !strstr(err, "read-only"))
		fail_msg("%s", err);
	assert_int_equal(file_int(f->db, "PRAGMA user_version"), 2);
	/* with write access it is upgraded as before */
	open_ok(f);
	assert_int_equal(hy_store_version(f->s), HY_STORE_SCHEMA_VERSION);
}

static void t_readonly_missing_not_created(void **state)
{
	struct fx *f = *state;
	struct stat sb;
	char err[256] = "";
	assert_int_equal(
		hy_store_open(&f->s, f->db, HY_STORE_READONLY | HY_STORE_CREATE, err, sizeof err),
		HY_ERR_NOTFOUND);
	assert_int_not_equal(stat(f->db, &sb), 0);
}

/* One page of the file overwritten with junk. */
static void garble_page(const char *db, int page, int size)
{
	FILE *fp = fopen(db, "r+b");
	char *junk = malloc((size_t)size);
	assert_non_null(fp);
	assert_non_null(junk);
	for (int i = 0; i < size; i++)
		junk[i] = (char)(i * 37 + 11);
	assert_int_equal(fseek(fp, (long)(page - 1) * size, SEEK_SET), 0);
	assert_int_equal(fwrite(junk, 1, (size_t)size, fp), (size_t)size);
	assert_int_equal(fclose(fp), 0);
	free(junk);
}

/* A store of 30 meetings, closed, with the root page of an index no
 * command reads first (meetings_by_number) garbled; the file's hash then
 * into before. */
static void damage_index_root(struct fx *f, char before[65])
{
	fill_list(open_ok(f), 30);
	hy_store_close(f->s);
	f->s = NULL;
	int root = file_int(f->db, "SELECT rootpage FROM sqlite_master"
				   " WHERE name = 'meetings_by_number'");
	int size = file_int(f->db, "PRAGMA page_size");
	assert_true(root > 1);
	garble_page(f->db, root, size);
	file_sha(f->db, before);
}

/* A damaged b-tree root (here an index that no command may read first)
 * is found at open, before anything is written. */
static void t_damaged_root_refused(void **state)
{
	struct fx *f = *state;
	char before[65], after[65], err[256] = "";

	damage_index_root(f, before);
	for (int ro = 0; ro <= 1; ro++) {
		assert_int_equal(hy_store_open(&f->s, f->db,
					       ro ? HY_STORE_READONLY : HY_STORE_CREATE, err,
					       sizeof err),
				 HY_ERR_CORRUPT);
		assert_null(f->s);
		if (!strstr(err, "damaged"))
			fail_msg("%s", err);
	}
	file_sha(f->db, after);
	assert_string_equal(before, after);
}

/* HY_STORE_NO_PROBE (a one-shot search): the same damaged root does not
 * stop the open, which reads no row of it, but is found before the first
 * write: a batch is refused, and the file stays as it was. */
static void t_no_probe_checks_before_writing(void **state)
{
	struct fx *f = *state;
	char before[65], after[65], err[256] = "";

	damage_index_root(f, before);
	for (int ro = 0; ro <= 1; ro++) {
		assert_int_equal(hy_store_open(&f->s, f->db,
					       (ro ? HY_STORE_READONLY : 0) | HY_STORE_NO_PROBE,
					       err, sizeof err),
				 0);
		if (!ro) {
			assert_int_equal(hy_store_begin(f->s, err, sizeof err), HY_ERR_CORRUPT);
			if (!strstr(err, "damaged"))
				fail_msg("%s", err);
		}
		hy_store_close(f->s);
		f->s = NULL;
	}
	file_sha(f->db, after);
	assert_string_equal(before, after);
}

/* HY_STORE_MAPPED (huiyi search): the connection reads through a map of
 * the file, read-only or not, and finds what a plain one finds; without
 * the flag, through sqlite's cache. */
static void t_mapped(void **state)
{
	struct fx *f = *state;
	char err[256] = "";

	fill_list(open_ok(f), 30);
	hy_store_close(f->s);
	f->s = NULL;
	for (int k = 0; k < 3; k++) {
		int flags = k == 0   ? 0
			    : k == 1 ? HY_STORE_MAPPED
				     : HY_STORE_MAPPED | HY_STORE_READONLY;
		if (hy_store_open(&f->s, f->db, flags, err, sizeof err))
			fail_msg("open: %s", err);
		if (k == 0)
			assert_int_equal(db_int(f->s->db, "PRAGMA mmap_size"), 0);
		else
			assert_true(db_int(f->s->db, "PRAGMA mmap_size") > 0);
		assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM meetings"), 30);
		hy_store_close(f->s);
		f->s = NULL;
	}
}

/* The database cannot grow (PRAGMA max_page_count, as a full disk): the
 * import stops with "disk full" (a failed write is not a rejected file),
 * the batch in hand rolls back, and the counts are what is stored. */
static void t_import_disk_full(void **state)
{
	struct fx *f = *state;
	struct hy_import_opts o = {0};
	struct hy_import_stats st;
	char p[256], err[256] = "", sql[64];
	const char *paths[1];
	char *text = malloc(16384);
	int pages;

	assert_non_null(text);
	snprintf(p, sizeof p, "%s/in", f->dir);
	assert_int_equal(mkdir(p, 0755), 0);
	for (int i = 0; i < 120; i++) {
		size_t n = (size_t)snprintf(text, 16384, "第%d次会议\n", i);
		while (n < 8000)
			n += (size_t)snprintf(text + n, 16384 - n, "会议研究了第%d项工作。", i);
		snprintf(p, sizeof p, "%s/in/%03d.txt", f->dir, i);
		write_file(p, text, n);
	}
	free(text);
	open_ok(f);
	pages = file_int(f->db, "PRAGMA page_count");
	snprintf(sql, sizeof sql, "PRAGMA max_page_count = %d", pages + 40);
	assert_int_equal(sqlite3_exec(f->s->db, sql, NULL, NULL, NULL), SQLITE_OK);
	o.batch = 5;
	snprintf(p, sizeof p, "%s/in", f->dir);
	paths[0] = p;
	assert_int_equal(hy_import_run(f->s, paths, 1, &o, &st, err, sizeof err), HY_ERR_IO);
	if (!strstr(err, "disk full"))
		fail_msg("%s", err);
	assert_int_equal(st.rejected, 0);
	hy_store_close(f->s);
	f->s = NULL;
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM"
					 " pragma_integrity_check()"
					 " WHERE integrity_check <> 'ok'"),
			 0);
	{
		int n = file_int(f->db, "SELECT count(*) FROM meetings");
		assert_true(n > 0 && n < 120);
		assert_int_equal(n % 5, 0);
		assert_int_equal((size_t)n, st.imported);
		assert_int_equal(file_int(f->db, "SELECT count(*) FROM sections"
						 " WHERE meeting_id NOT IN"
						 " (SELECT id FROM meetings)"),
				 0);
	}
	/* with room, the same import finishes the set */
	open_ok(f);
	assert_int_equal(hy_import_run(f->s, paths, 1, &o, &st, err, sizeof err), 0);
	assert_int_equal(st.imported + st.duplicates, 120);
	hy_store_close(f->s);
	f->s = NULL;
	assert_int_equal(file_int(f->db, "SELECT count(*) FROM meetings"), 120);
}

/* WAL's "locking protocol" (a reader gave up on locks another process
 * holds and does not release: a writer stopped with ^Z) is told as the
 * database being busy, with the wait, not as sqlite's bare message */
static void t_locking_protocol_is_busy(void **state)
{
	struct fx *f = *state;
	char err[512] = "";
	struct hy_store *s = open_ok(f);
	assert_int_equal(
		hy_store_fail(s, SQLITE_PROTOCOL, "reading the database header", err, sizeof err),
		HY_ERR_BUSY);
	assert_non_null(strstr(err, "reading the database header"));
	assert_non_null(strstr(err, "locked by another program"));
	assert_null(strstr(err, "locking protocol"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_sha256),
		cmocka_unit_test_setup_teardown(t_create_schema, setup, teardown),
		cmocka_unit_test_setup_teardown(t_missing_not_created, setup, teardown),
		cmocka_unit_test_setup_teardown(t_empty_file_not_initialised, setup, teardown),
		cmocka_unit_test_setup_teardown(t_insert_get, setup, teardown),
		cmocka_unit_test_setup_teardown(t_integrity, setup, teardown),
		cmocka_unit_test_setup_teardown(t_unknown_fields_null, setup, teardown),
		cmocka_unit_test_setup_teardown(t_duplicate, setup, teardown),
		cmocka_unit_test_setup_teardown(t_whole_or_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(t_batch_rollback, setup, teardown),
		cmocka_unit_test_setup_teardown(t_list, setup, teardown),
		cmocka_unit_test_setup_teardown(t_list_row, setup, teardown),
		cmocka_unit_test_setup_teardown(t_page_orders, setup, teardown),
		cmocka_unit_test_setup_teardown(t_page_ties_and_unknowns, setup, teardown),
		cmocka_unit_test_setup_teardown(t_page_key_any_order, setup, teardown),
		cmocka_unit_test_setup_teardown(t_page_plans, setup, teardown),
		cmocka_unit_test_setup_teardown(t_migrate_v1, setup, teardown),
		cmocka_unit_test_setup_teardown(t_migrate_v5_month_day, setup, teardown),
		cmocka_unit_test_setup_teardown(t_bodies_triggers, setup, teardown),
		cmocka_unit_test_setup_teardown(t_newer_version_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(t_not_a_database, setup, teardown),
		cmocka_unit_test_setup_teardown(t_foreign_database, setup, teardown),
		cmocka_unit_test_setup_teardown(t_import_tree, setup, teardown),
		cmocka_unit_test_setup_teardown(t_import_tree_one_thread, setup, teardown),
		cmocka_unit_test_setup_teardown(t_import_tree_lookup_here, setup, teardown),
		cmocka_unit_test_setup_teardown(t_import_tree_many_threads, setup, teardown),
		cmocka_unit_test_setup_teardown(t_import_bad_encoding, setup, teardown),
		cmocka_unit_test_setup_teardown(t_delete, setup, teardown),
		cmocka_unit_test_setup_teardown(t_import_replace, setup, teardown),
		cmocka_unit_test_setup_teardown(t_import_replace_one_thread, setup, teardown),
		cmocka_unit_test_setup_teardown(t_import_replace_lookup_here, setup, teardown),
		cmocka_unit_test_setup_teardown(t_replace_rolled_back, setup, teardown),
		cmocka_unit_test_setup_teardown(t_readonly_writes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(t_readonly_old_schema, setup, teardown),
		cmocka_unit_test_setup_teardown(t_readonly_missing_not_created, setup, teardown),
		cmocka_unit_test_setup_teardown(t_damaged_root_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(t_no_probe_checks_before_writing, setup, teardown),
		cmocka_unit_test_setup_teardown(t_mapped, setup, teardown),
		cmocka_unit_test_setup_teardown(t_import_disk_full, setup, teardown),
		cmocka_unit_test_setup_teardown(t_locking_protocol_is_busy, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
