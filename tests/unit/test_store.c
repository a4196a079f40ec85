/* test_store.c: the store (store.h) and the importer (import.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "huiyi/err.h"
#include "huiyi/import.h"
#include "huiyi/store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct fx {
	char dir[64];
	char db[128];
	struct hy_store *s;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	snprintf(f->dir, sizeof f->dir, "%s", "/tmp/huiyi-test-store.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->db, sizeof f->db, "%s/t.db", f->dir);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	char cmd[256];
	hy_store_close(f->s);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", f->dir);
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
static int sql_int(const char *db, const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	int v = -1;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

static void sql_exec(const char *db, const char *sql)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
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
static struct hy_meeting sample(const char *title, const char *date,
				const char *body, const char *chair)
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

static int64_t put(struct hy_store *s, const struct hy_meeting *m,
		   const char *raw)
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
	assert_int_equal(hy_store_sha256("abc", 3, hex), 0);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223"
				 "b00361a396177a9cb410ff61f20015ad");
}

static void t_create_schema(void **state)
{
	struct fx *f = *state;
	struct hy_store *s = open_ok(f);
	assert_int_equal(hy_store_version(s), HY_STORE_SCHEMA_VERSION);
	hy_store_close(s);
	f->s = NULL;
	assert_int_equal(sql_int(f->db, "PRAGMA user_version"),
			 HY_STORE_SCHEMA_VERSION);
	assert_int_equal(sql_int(f->db,
				 "SELECT count(*) FROM sqlite_master WHERE "
				 "type = 'table' AND name IN ('meetings', "
				 "'sections', 'people', 'meeting_people')"),
			 4);
	assert_int_equal(sql_int(f->db, "SELECT count(*) FROM sqlite_master"
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
	assert_int_equal(hy_store_open(&f->s, f->db, 0, err, sizeof err),
			 HY_ERR_NOTFOUND);
	assert_null(f->s);
	assert_int_not_equal(stat(f->db, &sb), 0);
}

static void t_empty_file_not_initialised(void **state)
{
	struct fx *f = *state;
	char err[256] = "";
	struct stat sb;
	write_file(f->db, "", 0);
	assert_int_equal(hy_store_open(&f->s, f->db, 0, err, sizeof err),
			 HY_ERR_NOTFOUND);
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
	assert_int_equal(sql_int(f->db, "SELECT count(*) FROM"
					" pragma_integrity_check"
					" WHERE integrity_check <> 'ok'"),
			 0);
	assert_int_equal(sql_int(f->db, "SELECT count(*) FROM"
					" pragma_foreign_key_check"),
			 0);
}

static void t_insert_get(void **state)
{
	struct fx *f = *state;
	struct hy_store *s = open_ok(f);
	struct hy_meeting m = sample("县政府召开第26次常务会议", "2024-01-05",
				     "县政府", "张三");
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
	assert_string_equal(r.m.sections[1].text,
			    "会议审议了城镇燃气管道改造方案。");
	assert_string_equal(r.source, "/tmp/x.txt");
	assert_string_equal(r.encoding, "UTF-8");
	hy_store_sha256("raw bytes one", 13, hex);
	assert_string_equal(r.sha256, hex);
	assert_non_null(r.imported_at);
	hy_store_record_free(&r);

	assert_int_equal(hy_store_get(s, id + 100, &r, err, sizeof err),
			 HY_ERR_NOTFOUND);
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
	assert_int_equal(hy_store_insert(s, &m, &d, NULL, err, sizeof err),
			 HY_ERR_DUP);
	hy_store_sha256("same bytes", 10, hex);
	assert_int_equal(hy_store_has(s, hex, err, sizeof err), 1);
	hy_store_sha256("other bytes", 11, hex);
	assert_int_equal(hy_store_has(s, hex, err, sizeof err), 0);
	hy_store_close(s);
	f->s = NULL;
	assert_int_equal(sql_int(f->db, "SELECT count(*) FROM meetings"), 1);
	assert_int_equal(sql_int(f->db, "SELECT count(*) FROM sections"), 2);
	/* people are shared between meetings, linked per meeting */
	assert_int_equal(sql_int(f->db, "SELECT count(*) FROM people"), 5);
	assert_int_equal(sql_int(f->db, "SELECT count(*) FROM meeting_people"),
			 5);
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
	assert_int_equal(hy_store_begin(s, err, sizeof err), 0);
	put(s, &(struct hy_meeting){.title = "先存的"}, "first in batch");
	rc = hy_store_insert(s, &m, &d, NULL, err, sizeof err);
	assert_true(rc < 0);
	assert_int_not_equal(rc, HY_ERR_DUP);
	put(s, &(struct hy_meeting){.title = "后存的"}, "last in batch");
	assert_int_equal(hy_store_commit(s, err, sizeof err), 0);
	hy_store_close(s);
	f->s = NULL;
	assert_int_equal(sql_int(f->db, "SELECT count(*) FROM meetings"), 2);
	assert_int_equal(sql_int(f->db, "SELECT count(*) FROM sections"), 0);
	assert_int_equal(sql_int(f->db, "SELECT count(*) FROM meeting_people"),
			 0);
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
	assert_int_equal(sql_int(f->db, "SELECT count(*) FROM meetings"), 0);
	assert_int_equal(hy_store_begin(s, err, sizeof err), 0);
	put(s, &(struct hy_meeting){.title = "c"}, "c");
	/* not visible to another connection before the commit */
	assert_int_equal(sql_int(f->db, "SELECT count(*) FROM meetings"), 0);
	assert_int_equal(hy_store_commit(s, err, sizeof err), 0);
	assert_int_equal(sql_int(f->db, "SELECT count(*) FROM meetings"), 1);
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
static struct ids paged(struct hy_store *s, const struct hy_store_filter *f,
			size_t page)
{
	struct hy_store_cursor cur = {0};
	struct ids x = {0};
	char err[256] = "";
	for (;;) {
		int n = hy_store_list(s, f, &cur, page, collect, &x, &cur, err,
				      sizeof err);
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
		int64_t want[] = {id[5], id[7], id[4], id[2],
				  id[1], id[6], id[3]};
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
		assert_int_equal(hy_store_list(s, NULL, NULL, 10, collect, &x,
					       NULL, err, sizeof err),
				 2);
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
	assert_int_equal(hy_store_list(s, NULL, NULL, 5, grab_first, &r, NULL,
				       err, sizeof err),
			 1);
}

static void t_newer_version_refused(void **state)
{
	struct fx *f = *state;
	char err[256] = "";
	open_ok(f);
	hy_store_close(f->s);
	f->s = NULL;
	sql_exec(f->db, "PRAGMA user_version = 99");
	assert_int_equal(hy_store_open(&f->s, f->db, HY_STORE_CREATE, err,
				       sizeof err),
			 HY_ERR_VERSION);
	assert_null(f->s);
	assert_non_null(strstr(err, "newer"));
	assert_int_equal(sql_int(f->db, "PRAGMA user_version"), 99);
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
	static const char text[] =
		"这不是数据库。This is a plain text file, not sqlite.\n";
	char err[256] = "", side[160];
	struct stat sb;
	size_t n;
	char *back;

	write_file(f->db, text, sizeof text - 1);
	assert_int_equal(hy_store_open(&f->s, f->db, HY_STORE_CREATE, err,
				       sizeof err),
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
	sql_exec(f->db, "CREATE TABLE notes (x TEXT); INSERT INTO notes "
			"VALUES ('keep me')");
	assert_int_equal(hy_store_open(&f->s, f->db, HY_STORE_CREATE, err,
				       sizeof err),
			 HY_ERR_CORRUPT);
	assert_non_null(strstr(err, "another program"));
	assert_int_equal(sql_int(f->db, "SELECT count(*) FROM sqlite_master"),
			 1);
	assert_int_equal(sql_int(f->db, "PRAGMA user_version"), 0);
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
		snprintf(r->lines[r->n++], sizeof r->lines[0], "%s: %s",
			 strrchr(path, '/') + 1, reason);
}

static void import_tree(void **state, size_t threads)
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
#define PUT(name, s) \
	do { \
		snprintf(p, sizeof p, "%s/in/%s", f->dir, name); \
		write_file(p, s, strlen(s)); \
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

	o.threads = threads; /* same order and results with any number */
	o.max_bytes = sizeof big - 2; /* large.txt is over the limit */
	o.batch = 2;
	o.reject = on_reject;
	o.ctx = &rj;
	o.count_first = 1;
	snprintf(p, sizeof p, "%s/in", f->dir);
	paths[0] = p;
	assert_int_equal(hy_import_run(s, paths, 1, &o, &st, err, sizeof err),
			 0);
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
	assert_int_equal(sql_int(f->db, "SELECT id FROM meetings WHERE source"
					" LIKE '%/in/a.txt'"),
			 1);
	assert_int_equal(sql_int(f->db, "SELECT id FROM meetings WHERE source"
					" LIKE '%/in/b.txt'"),
			 2);
	assert_int_equal(sql_int(f->db, "SELECT id FROM meetings WHERE source"
					" LIKE '%/in/sub/c.txt'"),
			 3);
	assert_int_equal(sql_int(f->db, "SELECT count(*) FROM meetings WHERE "
					"substr(source, 1, 1) <> '/'"),
			 0);

	/* again: nothing new */
	open_ok(f);
	rj.n = 0;
	o.reject = NULL;
	assert_int_equal(hy_import_run(f->s, paths, 1, &o, &st, err,
				       sizeof err),
			 0);
	assert_int_equal(st.imported, 0);
	assert_int_equal(st.duplicates, 4);
	assert_int_equal(st.rejected, 3);
}

static void t_import_tree(void **state)
{
	import_tree(state, 0);
}

static void t_import_tree_one_thread(void **state)
{
	import_tree(state, 1);
}

static void t_import_tree_many_threads(void **state)
{
	import_tree(state, 8);
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
	assert_int_equal(hy_import_run(s, paths, 1, &o, &st, err, sizeof err),
			 HY_ERR_INVALID);
	assert_int_equal(st.seen, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_sha256),
		cmocka_unit_test_setup_teardown(t_create_schema, setup,
						teardown),
		cmocka_unit_test_setup_teardown(t_missing_not_created, setup,
						teardown),
		cmocka_unit_test_setup_teardown(t_empty_file_not_initialised,
						setup, teardown),
		cmocka_unit_test_setup_teardown(t_insert_get, setup, teardown),
		cmocka_unit_test_setup_teardown(t_integrity, setup, teardown),
		cmocka_unit_test_setup_teardown(t_unknown_fields_null, setup,
						teardown),
		cmocka_unit_test_setup_teardown(t_duplicate, setup, teardown),
		cmocka_unit_test_setup_teardown(t_whole_or_nothing, setup,
						teardown),
		cmocka_unit_test_setup_teardown(t_batch_rollback, setup,
						teardown),
		cmocka_unit_test_setup_teardown(t_list, setup, teardown),
		cmocka_unit_test_setup_teardown(t_list_row, setup, teardown),
		cmocka_unit_test_setup_teardown(t_newer_version_refused, setup,
						teardown),
		cmocka_unit_test_setup_teardown(t_not_a_database, setup,
						teardown),
		cmocka_unit_test_setup_teardown(t_foreign_database, setup,
						teardown),
		cmocka_unit_test_setup_teardown(t_import_tree, setup,
						teardown),
		cmocka_unit_test_setup_teardown(t_import_tree_one_thread, setup,
						teardown),
		cmocka_unit_test_setup_teardown(t_import_tree_many_threads, setup,
						teardown),
		cmocka_unit_test_setup_teardown(t_import_bad_encoding, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
