/* test_people.c: the people of the store (people.h, schemas v7 and v8) and the
 * roles and guests the parser gives them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "tmpdir.h"

#include "huiyi/err.h"
#include "huiyi/export.h"
#include "huiyi/fts.h"
#include "huiyi/meeting.h"
#include "huiyi/people.h"
#include "huiyi/search.h"
#include "huiyi/store.h"
#include "../../src/store/internal.h" /* hy_store_open_at */

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sqltest.h"

struct fx {
	char dir[64];
	char db[128];
	struct hy_store *s;
	int seq;
	unsigned char *invited; /* the next put's observers' 应邀, or NULL */
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	assert_int_equal(test_tmpdir(f->dir, sizeof f->dir, "people", f->db, sizeof f->db, "t.db"),
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
	if (hy_store_open_at(&f->s, f->db, HY_STORE_CREATE, upto, err, sizeof err))
		fail_msg("open: %s", err);
}

static void reopen(struct fx *f)
{
	hy_store_close(f->s);
	f->s = NULL;
	open_at(f, 0);
}

/* How many people there are (hy_store_people_count: people_total from
 * v8), asserted equal to the rows of persons. */
static size_t total(struct fx *f)
{
	struct hy_people_query q = {0};
	size_t n = 0;
	char err[256] = "";
	if (hy_store_people_count(f->s, &q, &n, err, sizeof err))
		fail_msg("count: %s", err);
	assert_int_equal(n, db_int(f->s->db, "SELECT count(*) FROM persons"));
	return n;
}

/* Store a meeting: date, place, chair (with role), attendees (with
 * roles, NULL for none) and observers; strings are the caller's. */
static int64_t put(struct fx *f, const char *date, const char *place, const char *chair,
		   const char *chair_role, char **att, char **att_roles, size_t n_att, char **obs,
		   size_t n_obs)
{
	char raw[64], err[256] = "";
	int64_t id = 0;
	struct hy_meeting m = {0};
	static char *units[] = {"县发改委"};
	m.title = "会议";
	m.date = (char *)date;
	m.place = (char *)place;
	m.body = "县政府";
	m.chair = (char *)chair;
	m.chair_role = (char *)chair_role;
	m.attendees = att;
	m.attendee_roles = att_roles;
	m.n_attendees = n_att;
	m.observers = obs;
	m.n_observers = n_obs;
	m.observer_invited = f->invited;
	m.units = units;
	m.n_units = 1;
	snprintf(raw, sizeof raw, "meeting %d", f->seq++);
	struct hy_store_doc doc = {.raw = raw,
				   .raw_len = strlen(raw),
				   .clean = raw,
				   .clean_len = strlen(raw),
				   .source = "t"};
	if (hy_store_insert(f->s, &m, &doc, &id, err, sizeof err))
		fail_msg("insert: %s", err);
	return id;
}

/* The ids of what answers to name. */
static size_t find(struct fx *f, const char *name, int64_t *first)
{
	int64_t *ids;
	size_t n;
	char err[256] = "";
	if (hy_store_people_find(f->s, name, &ids, &n, err, sizeof err))
		fail_msg("find: %s", err);
	if (first)
		*first = n ? ids[0] : 0;
	free(ids);
	return n;
}

/* A 副县长 who becomes 县长: two spans, oldest first, each from its first
 * to its last meeting; the meetings by date; the people met, most first. */
static void t_career_spans(void **state)
{
	struct fx *f = *state;
	static char *liu[] = {"刘锐", "王芳"};
	static char *liu_roles[] = {"副县长", "副县长"};
	static char *wang[] = {"王芳"};
	struct hy_career c;
	char err[256] = "";
	int64_t id;

	open_at(f, 0);
	put(f, "2021-03-05", "青川县", "张伟", "县长", liu, liu_roles, 2, NULL, 0);
	put(f, "2022-06-10", "青川县", "张伟", "县长", liu, liu_roles, 2, NULL, 0);
	put(f, "2023-04-20", "青川县", "张伟", "县长", liu, liu_roles, 1, NULL, 0);
	put(f, "2024-01-08", "青川县", "刘锐", "县长", wang, NULL, 1, NULL, 0);
	put(f, "2023-05-15", "青川县", "刘锐", "县长", wang, NULL, 1, NULL, 0);
	put(f, NULL, "青川县", "刘锐", NULL, NULL, NULL, 0, NULL, 0);
	assert_int_equal(find(f, "刘锐", &id), 1);
	assert_int_equal(hy_store_career(f->s, id, 0, 0, &c, err, sizeof err), 0);
	assert_int_equal(c.who.count[HY_PART_CHAIR], 3);
	assert_int_equal(c.who.count[HY_PART_ATTENDEE], 3);
	assert_string_equal(c.who.first, "2021-03-05");
	assert_string_equal(c.who.last, "2024-01-08");
	assert_string_equal(c.who.role, "县长");
	assert_int_equal(c.n_roles, 2);
	assert_string_equal(c.roles[0].role, "副县长");
	assert_string_equal(c.roles[0].from, "2021-03-05");
	assert_string_equal(c.roles[0].to, "2023-04-20");
	assert_string_equal(c.roles[1].role, "县长");
	assert_string_equal(c.roles[1].from, "2023-05-15");
	assert_string_equal(c.roles[1].to, "2024-01-08");
	assert_int_equal(c.n_meetings, 6);
	assert_string_equal(c.meetings[3].date, "2023-05-15");
	assert_int_equal(c.meetings[3].part, HY_PART_CHAIR);
	assert_null(c.meetings[5].date); /* undated last */
	assert_int_equal(c.n_met, 2);
	assert_string_equal(c.met[0].name, "王芳"); /* 1, 2, 4, 5 */
	assert_int_equal(c.met[0].count, 4);
	assert_string_equal(c.met[1].name, "张伟"); /* 1, 2, 3 */
	assert_int_equal(c.met[1].count, 3);
	hy_career_free(&c);
	/* a bound on the meetings: the oldest */
	assert_int_equal(hy_store_career(f->s, id, 2, 1, &c, err, sizeof err), 0);
	assert_int_equal(c.n_meetings, 2);
	assert_int_equal(c.n_met, 1);
	hy_career_free(&c);
	assert_int_equal(hy_store_career(f->s, 9999, 0, 0, &c, err, sizeof err), HY_ERR_NOTFOUND);
}

/* 劉銳 and 刘锐 in one place are one person; in two places, two; by
 * pinyin, both; units are never people. */
static void t_scripts_and_places(void **state)
{
	struct fx *f = *state;
	static char *a[] = {"劉銳"};
	static char *b[] = {"刘锐", "县财政局"};
	static char *c[] = {"刘 锐"};
	int64_t id;

	open_at(f, 0);
	put(f, "2021-01-01", "青川縣", NULL, NULL, a, NULL, 1, NULL, 0);
	put(f, "2021-02-01", "青川县", NULL, NULL, b, NULL, 1, NULL, 0);
	put(f, "2021-03-01", "白水县", NULL, NULL, c, NULL, 1, NULL, 0);
	put(f, "2021-04-01", NULL, NULL, NULL, a, NULL, 1, NULL, 0);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM persons"), 3);
	assert_int_equal(db_int(f->s->db, "SELECT n FROM persons WHERE place = '青川县'"), 2);
	assert_int_equal(db_int(f->s->db, "SELECT n FROM persons WHERE place = ''"), 1);
	assert_int_equal(find(f, "刘锐", NULL), 3);
	assert_int_equal(find(f, "劉銳", &id), 3);
	assert_int_equal(find(f, "liurui", NULL), 3);
	assert_int_equal(find(f, "Liu Rui", NULL), 3);
	assert_int_equal(find(f, "liu", NULL), 0);
	char num[24];
	snprintf(num, sizeof num, "%lld", (long long)id);
	assert_int_equal(find(f, num, NULL), 1);
	assert_int_equal(find(f, "县发改委", NULL), 0);
	/* a variant form (峯, OpenCC's, not ICU's) is the same name too */
	static char *d[] = {"高峯"}, *e[] = {"高峰"};
	put(f, "2021-05-01", "白水县", NULL, NULL, d, NULL, 1, NULL, 0);
	put(f, "2021-06-01", "白水县", NULL, NULL, e, NULL, 1, NULL, 0);
	assert_int_equal(db_int(f->s->db, "SELECT n FROM persons WHERE key = '高峰'"), 2);
	assert_int_equal(find(f, "县财政局", NULL), 0);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM persons WHERE key LIKE '%局%'"
					  " OR key LIKE '%委%'"),
			 0);
}

/* Deleting meetings takes their appearances: counts, dates and the last
 * role follow, and a person no meeting names is gone. */
static void t_delete(void **state)
{
	struct fx *f = *state;
	static char *att[] = {"王芳"};
	static char *roles1[] = {"副县长"};
	static char *roles2[] = {"常务副县长"};
	char err[256] = "";
	struct hy_person *v;
	size_t n;

	open_at(f, 0);
	int64_t m1 = put(f, "2021-01-01", "青川县", "张伟", "县长", att, roles1, 1, NULL, 0);
	int64_t m2 = put(f, "2022-01-01", "青川县", "李强", "县长", att, roles2, 1, NULL, 0);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM persons"), 3);
	assert_int_equal(total(f), 3);
	assert_int_equal(hy_store_delete(f->s, &m2, 1, NULL, err, sizeof err), 0);
	assert_int_equal(total(f), 2); /* kept as they go */
	struct hy_people_query q = {.sort = HY_PEOPLE_BY_COUNT};
	assert_int_equal(hy_store_people_page(f->s, &q, &v, &n, err, sizeof err), 0);
	assert_int_equal(n, 2); /* 李强 is gone */
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(v[i].total, 1);
		assert_string_equal(v[i].last, "2021-01-01");
		if (strcmp(v[i].name, "王芳") == 0)
			assert_string_equal(v[i].role, "副县长");
	}
	hy_people_free(v, n);
	assert_int_equal(hy_store_delete(f->s, &m1, 1, NULL, err, sizeof err), 0);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM persons"), 0);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM appearances"), 0);
	assert_int_equal(total(f), 0);
	/* reindex counts them again; without the row they are counted */
	put(f, "2021-01-01", "青川县", "张伟", "县长", att, roles1, 1, NULL, 0);
	assert_int_equal(sqlite3_exec(f->s->db, "UPDATE people_total SET n = 99", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(hy_store_reindex(f->s, err, sizeof err), 0);
	assert_int_equal(total(f), 2);
	assert_int_equal(sqlite3_exec(f->s->db, "DELETE FROM people_total", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(total(f), 2);
}

/* The rows of the people's tables, as one string (ids left out where
 * they are only the order of insertion). */
static void people_rows(struct fx *f, char *out, size_t len)
{
	static const char *const sql[] = {
		"SELECT key, place, name, chaired, attended, observed, invited, n,"
		" first, last, role, role_date, hex(sort), py FROM persons ORDER BY id",
		"SELECT q.key, q.place, a.date, a.meeting_id, a.part, a.position, a.role"
		" FROM appearances a JOIN persons q ON q.id = a.person_id ORDER BY 1, 2, 3, 4, 5, 6",
		/* the names as written (v19: with the appearances; a name
		 * with no letters under person 0) */
		"SELECT a.meeting_id, a.part, a.position, p.name, p.key, a.role,"
		" a.person_id = 0 FROM appearances a JOIN people p ON p.id = a.name_id"
		" ORDER BY 1, 2, 3",
		"SELECT n FROM people_total"};
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; i < sizeof sql / sizeof *sql; i++) {
		sqlite3_stmt *st;
		assert_int_equal(sqlite3_prepare_v2(f->s->db, sql[i], -1, &st, NULL), SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW)
			for (int c = 0; c < sqlite3_column_count(st); c++) {
				const char *v = (const char *)sqlite3_column_text(st, c);
				int k = snprintf(out + used, len - used, "%s|", v ? v : "-");
				assert_true(k > 0 && (size_t)k < len - used);
				used += (size_t)k;
			}
		sqlite3_finalize(st);
		assert_true(used + 1 < len);
		out[used++] = '\n';
		out[used] = '\0';
	}
}

/* A person seen again and again, roles on one date and on later and
 * earlier ones, a guest, a name that is no person, a meeting deleted
 * half-way: in one batch or one meeting at a time, the same rows. */
static void put_story(struct fx *f, int batch)
{
	static char *a1[] = {"刘锐", "王芳", "——"}, *r1[] = {"副县长", "县长助理", NULL};
	static char *a2[] = {"王芳", "劉銳"}, *r2[] = {"常务副县长", "副县长"};
	static char *a3[] = {"刘锐"}, *r3[] = {"县长助理"};
	static char *obs[] = {"赵敏"};
	char err[256] = "";
	int64_t gone;

	if (batch)
		assert_int_equal(hy_store_begin(f->s, err, sizeof err), 0);
	put(f, "2022-06-10", "青川县", "张伟", "县长", a1, r1, 3, obs, 1);
	put(f, "2022-06-10", "青川县", "张伟", "县长", a2, r2, 2, NULL, 0);
	gone = put(f, "2023-01-02", "青川县", "刘锐", "县长", a2, NULL, 2, obs, 1);
	put(f, "2021-03-05", "青川县", NULL, NULL, a3, r3, 1, NULL, 0);
	assert_int_equal(hy_store_delete(f->s, &gone, 1, NULL, err, sizeof err), 0);
	put(f, NULL, "白水县", "刘锐", "县长", a1, NULL, 2, NULL, 0);
	put(f, "2024-01-08", "青川县", "刘锐", "县长", a3, NULL, 1, obs, 1);
	put(f, "2024-05-06", "青川县", NULL, NULL, a1, r1, 2, NULL, 0); /* the later of */
	put(f, "2024-05-06", "青川县", NULL, NULL, a2, r2, 1, NULL, 0); /* one date wins */
	if (batch && hy_store_commit(f->s, err, sizeof err))
		fail_msg("commit: %s", err);
}

static void t_batch(void **state)
{
	struct fx *f = *state;
	static char one[8192], many[8192];
	char err[256] = "";

	open_at(f, 0);
	put_story(f, 0);
	people_rows(f, one, sizeof one);
	hy_store_close(f->s);
	f->s = NULL;
	assert_int_equal(unlink(f->db), 0);
	open_at(f, 0);
	f->seq = 0;
	put_story(f, 1);
	people_rows(f, many, sizeof many);
	assert_string_equal(many, one);
	/* a batch rolled back leaves nothing of its people behind, and the
	 * next one logs again */
	assert_int_equal(hy_store_begin(f->s, err, sizeof err), 0);
	static char *x[] = {"孙丽"};
	put(f, "2025-01-01", "青川县", NULL, NULL, x, NULL, 1, NULL, 0);
	hy_store_rollback(f->s);
	people_rows(f, many, sizeof many);
	assert_string_equal(many, one);
	put(f, "2025-01-01", "青川县", NULL, NULL, x, NULL, 1, NULL, 0);
	assert_int_equal(db_int(f->s->db, "SELECT n FROM persons WHERE key = '孙丽'"), 1);
}

/* Pages: each order, offset and limit; the dates count what they hold. */
static void t_pages(void **state)
{
	struct fx *f = *state;
	static char *att[] = {"王芳", "赵敏", "陈明"};
	char err[256] = "";
	struct hy_person *v;
	size_t n;

	open_at(f, 0);
	put(f, "2021-01-01", "青川县", "张伟", NULL, att, NULL, 3, NULL, 0);
	put(f, "2022-01-01", "青川县", "张伟", NULL, att, NULL, 1, NULL, 0);
	put(f, "2023-01-01", "青川县", "张伟", NULL, att + 1, NULL, 1, NULL, 0);
	struct hy_people_query q = {.sort = HY_PEOPLE_BY_COUNT, .limit = 2};
	assert_int_equal(hy_store_people_page(f->s, &q, &v, &n, err, sizeof err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].name, "张伟");
	assert_string_equal(v[1].name, "王芳");
	hy_people_free(v, n);
	q.offset = 2;
	q.limit = 0;
	assert_int_equal(hy_store_people_page(f->s, &q, &v, &n, err, sizeof err), 0);
	assert_int_equal(n, 2);
	hy_people_free(v, n);
	q = (struct hy_people_query){.sort = HY_PEOPLE_BY_NAME};
	assert_int_equal(hy_store_people_page(f->s, &q, &v, &n, err, sizeof err), 0);
	assert_int_equal(n, 4); /* chen wang zhang zhao */
	assert_string_equal(v[0].name, "陈明");
	assert_string_equal(v[1].name, "王芳");
	assert_string_equal(v[2].name, "张伟");
	assert_string_equal(v[3].name, "赵敏");
	hy_people_free(v, n);
	q = (struct hy_people_query){.sort = HY_PEOPLE_BY_LAST};
	assert_int_equal(hy_store_people_page(f->s, &q, &v, &n, err, sizeof err), 0);
	assert_string_equal(v[n - 1].name, "陈明");
	hy_people_free(v, n);
	q = (struct hy_people_query){.from = "2022-01-01", .to = "2023-12-31"};
	assert_int_equal(hy_store_people_page(f->s, &q, &v, &n, err, sizeof err), 0);
	assert_int_equal(n, 3); /* 陈明 came only in 2021 */
	assert_string_equal(v[0].name, "张伟");
	assert_int_equal(v[0].count[HY_PART_CHAIR], 2);
	assert_string_equal(v[0].first, "2022-01-01");
	hy_people_free(v, n);
	/* seen last within the dates, not over all of them (赵敏 came in
	 * 2023 too) */
	q = (struct hy_people_query){.sort = HY_PEOPLE_BY_LAST, .to = "2022-12-31"};
	assert_int_equal(hy_store_people_page(f->s, &q, &v, &n, err, sizeof err), 0);
	assert_int_equal(n, 4);
	assert_string_equal(v[0].name, "张伟");
	assert_string_equal(v[1].name, "王芳");
	assert_string_equal(v[2].name, "赵敏");
	assert_string_equal(v[3].last, "2021-01-01");
	hy_people_free(v, n);
	q = (struct hy_people_query){.body = "市政府"};
	assert_int_equal(hy_store_people_page(f->s, &q, &v, &n, err, sizeof err), 0);
	assert_int_equal(n, 0);
	hy_people_free(v, n);
}

/* A database of schema v6 with meetings and people: opened, it is v7 (and
 * on)
 * with everyone a person (the chair's role from chair_role), and list
 * --person still finds the meetings. */
static void t_migrate_v6(void **state)
{
	struct fx *f = *state;
	static char *att[] = {"劉銳", "县财政局"};
	static char *obs[] = {"赵敏"};
	char err[256] = "";
	size_t n = 0;

	open_at(f, 6);
	assert_int_equal(hy_store_version(f->s), 6);
	put(f, "2021-03-05", "青川县", "张伟", "县长", att, NULL, 1, obs, 1);
	put(f, "2022-03-05", "青川县", "刘锐", "县委副书记、县长", NULL, NULL, 0, NULL, 0);
	put(f, "2022-04-05", "白水县", "刘锐", "县长", NULL, NULL, 0, NULL, 0);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM sqlite_master"
					  " WHERE name = 'persons'"),
			 0);
	reopen(f);
	assert_int_equal(hy_store_version(f->s), HY_STORE_SCHEMA_VERSION);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM persons"), 4);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM appearances"), 5);
	int64_t id;
	assert_int_equal(find(f, "刘锐", &id), 2);
	struct hy_career c;
	assert_int_equal(hy_store_career(f->s, id, 0, 0, &c, err, sizeof err), 0);
	assert_string_equal(c.who.place, "青川县");
	assert_int_equal(c.who.count[HY_PART_ATTENDEE], 1);
	assert_int_equal(c.who.count[HY_PART_CHAIR], 1);
	assert_int_equal(c.n_roles, 1);
	assert_string_equal(c.roles[0].role, "县委副书记、县长");
	hy_career_free(&c);
	assert_int_equal(find(f, "赵敏", &id), 1);
	assert_int_equal(db_int(f->s->db, "SELECT observed FROM persons WHERE key = '赵敏'"), 1);
	/* the old links are kept and still filter the list, the name in
	 * either script: 劉銳 (one readout) and 刘锐 (two) */
	struct hy_store_filter flt = {.person = "劉銳"};
	assert_int_equal(hy_store_count(f->s, &flt, &n, err, sizeof err), 0);
	assert_int_equal(n, 3);
	flt.person = "锐";
	assert_int_equal(hy_store_count(f->s, &flt, &n, err, sizeof err), 0);
	assert_int_equal(n, 3);
	flt.person = "张伟";
	assert_int_equal(hy_store_count(f->s, &flt, &n, err, sizeof err), 0);
	assert_int_equal(n, 1);
	/* new meetings go on the same way */
	put(f, "2023-01-01", "青川县", "刘锐", "县长", NULL, NULL, 0, NULL, 0);
	assert_int_equal(db_int(f->s->db, "SELECT chaired FROM persons WHERE key = '刘锐'"
					  " AND place = '青川县'"),
			 2);
}

/* The names of a page of q, space-separated, into buf. */
static const char *names(struct fx *f, const struct hy_people_query *q, char *buf, size_t len)
{
	struct hy_person *v;
	size_t n, at = 0;
	char err[256] = "";
	if (hy_store_people_page(f->s, q, &v, &n, err, sizeof err))
		fail_msg("page: %s", err);
	buf[0] = '\0';
	for (size_t i = 0; i < n && at < len; i++)
		at += (size_t)snprintf(buf + at, len - at, "%s%s", i ? " " : "", v[i].name);
	hy_people_free(v, n);
	return buf;
}

/* A surname is read as a surname: 单磊 is shanlei and sorts under s, 曾华
 * zenghua under z (ICU and the default readings say dan and ceng); the
 * double surnames too. */
static void t_surnames(void **state)
{
	struct fx *f = *state;
	static char *att[] = {"单磊", "曾华", "刘锐", "陈明", "张伟", "欧阳明", "万俟文", "李安"};
	char buf[512];
	int64_t a, b;

	open_at(f, 0);
	put(f, "2021-01-01", "青川县", "單磊", NULL, att, NULL, 8, NULL, 0);
	assert_int_equal(find(f, "shanlei", &a), 1);
	assert_int_equal(find(f, "单磊", &b), 1);
	assert_true(a == b);
	assert_int_equal(find(f, "Shan Lei", NULL), 1);
	assert_int_equal(find(f, "danlei", NULL), 0);
	assert_int_equal(find(f, "zenghua", &a), 1);
	assert_int_equal(find(f, "曾华", &b), 1);
	assert_true(a == b);
	assert_int_equal(find(f, "ouyangming", NULL), 1);
	assert_int_equal(find(f, "moqiwen", NULL), 1);
	struct hy_people_query q = {.sort = HY_PEOPLE_BY_NAME};
	/* chen li liu moqi ouyang shan zeng zhang: syllable by syllable, so
	 * li before liu */
	assert_string_equal(names(f, &q, buf, sizeof buf),
			    "陈明 李安 刘锐 万俟文 欧阳明 單磊 曾华 张伟");
	/* a piece of the name in pinyin finds it too */
	q.name = "shan";
	assert_string_equal(names(f, &q, buf, sizeof buf), "單磊"); /* as first written */
}

/* Pages read from an anchor (a row already read), from the end or from
 * the start are the same rows as by offset, in every order, across ties,
 * with a name filter too. */
static void t_keyset(void **state)
{
	struct fx *f = *state;
	static char *pool[] = {"王芳", "赵敏", "陈明", "刘锐", "李安", "张伟", "单磊",
			       "曾华", "孙力", "周涛", "吴昊", "郑洁", "冯刚", "蒋琳"};
	char err[256] = "", want[2048], got[2048];
	char date[16];

	open_at(f, 0);
	for (int i = 0; i < 40; i++) { /* counts with ties, dates with ties */
		char *att[14];
		size_t k = 0;
		for (size_t j = 0; j < 14; j++)
			if ((i * 7 + (int)j * 3) % (int)(j + 2) == 0)
				att[k++] = pool[j];
		snprintf(date, sizeof date, "20%02d-01-0%d", 10 + i % 5, 1 + i % 3);
		put(f, date, i % 3 ? "青川县" : "白水县", pool[i % 14], NULL, att, NULL, k, NULL,
		    0);
	}
	for (int sort = 0; sort <= HY_PEOPLE_BY_LAST; sort++)
		for (int named = 0; named < 2; named++) {
			struct hy_people_query q = {.sort = (enum hy_people_sort)sort,
						    .name = named ? "n" : NULL};
			struct hy_person *all;
			size_t total;
			assert_int_equal(
				hy_store_people_page(f->s, &q, &all, &total, err, sizeof err), 0);
			assert_true(total > 10);
			for (size_t at = 0; at < total; at++)
				for (size_t off = 0; off < total; off += 3)
					for (size_t lim = 1; lim < 9; lim += 4) {
						struct hy_people_query p = q;
						p.offset = off;
						p.limit = lim;
						p.anchor = all[at].id;
						p.anchor_at = at;
						p.total = at % 2 ? total : 0;
						struct hy_people_query o = q;
						o.offset = off;
						o.limit = lim;
						names(f, &o, want, sizeof want);
						names(f, &p, got, sizeof got);
						if (strcmp(want, got))
							fail_msg("sort %d named %d anchor %zu "
								 "offset %zu limit %zu: %s, "
								 "not %s",
								 sort, named, at, off, lim, got,
								 want);
					}
			hy_people_free(all, total);
		}
}

/* A database of schema v8 (before v10), keyed with a fold that kept 峯 apart from 峰
 * (ICU's alone): opened, it is current (v10) and 高峯 and 高峰 are one person. */
static void t_migrate_v8(void **state)
{
	struct fx *f = *state;
	static char *a[] = {"高峯"}, *b[] = {"高峰"};

	open_at(f, 8);
	put(f, "2021-03-05", "青川县", NULL, NULL, a, NULL, 1, NULL, 0);
	assert_int_equal(
		sqlite3_exec(f->s->db, "UPDATE persons SET key = '高峯'", NULL, NULL, NULL),
		SQLITE_OK);
	put(f, "2021-04-05", "青川县", NULL, NULL, b, NULL, 1, NULL, 0);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM persons"), 2);
	reopen(f);
	assert_int_equal(hy_store_version(f->s), HY_STORE_SCHEMA_VERSION);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM persons"), 1);
	assert_int_equal(db_int(f->s->db, "SELECT attended FROM persons WHERE key = '高峰'"), 2);
	assert_int_equal(db_int(f->s->db, "SELECT n FROM people_total"), 1);
}

/* A database of schema v7 whose people were keyed the old way (py
 * danlei, the sort key ICU's alone): opened, it is v8 (and on) with the
 * surname's reading. */
static void t_migrate_v7(void **state)
{
	struct fx *f = *state;
	static char *att[] = {"单磊", "曾华", "张伟"};
	char buf[256];

	open_at(f, 7);
	assert_int_equal(hy_store_version(f->s), 7);
	put(f, "2021-03-05", "青川县", "刘锐", NULL, att, NULL, 3, NULL, 0);
	assert_int_equal(sqlite3_exec(f->s->db,
				      "UPDATE persons SET py = 'danlei', sort = x'00'"
				      " WHERE key = '单磊';"
				      "UPDATE persons SET py = 'cenghua', sort = x'01'"
				      " WHERE key = '曾华'",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	reopen(f);
	assert_int_equal(hy_store_version(f->s), HY_STORE_SCHEMA_VERSION);
	assert_int_equal(db_int(f->s->db, "PRAGMA user_version"), HY_STORE_SCHEMA_VERSION);
	assert_int_equal(db_int(f->s->db, "SELECT n FROM people_total"), 4);
	assert_int_equal(total(f), 4);
	assert_int_equal(find(f, "shanlei", NULL), 1);
	assert_int_equal(find(f, "danlei", NULL), 0);
	struct hy_people_query q = {.sort = HY_PEOPLE_BY_NAME};
	assert_string_equal(names(f, &q, buf, sizeof buf), "刘锐 单磊 曾华 张伟");
}

/* A growing string (the snapshot of what the people's readers give). */
struct text {
	char *p;
	size_t n, cap;
};

static void text_add(struct text *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	assert_true(k >= 0);
	if (t->n + (size_t)k + 1 > t->cap) {
		t->cap = (t->n + (size_t)k + 1) * 2;
		t->p = realloc(t->p, t->cap);
		assert_non_null(t->p);
	}
	va_start(ap, fmt);
	vsnprintf(t->p + t->n, t->cap - t->n, fmt, ap);
	va_end(ap);
	t->n += (size_t)k;
}

static void text_rows(struct fx *f, struct text *t, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(f->s->db, sql, -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int c = 0; c < sqlite3_column_count(st); c++) {
			const char *v = (const char *)sqlite3_column_text(st, c);
			text_add(t, "%s|", v ? v : "-");
		}
		text_add(t, "\n");
	}
	sqlite3_finalize(st);
}

static int on_export(const struct hy_export_item *it, void *ctx)
{
	struct text *t = ctx;
	text_add(t, "export %lld:", (long long)it->r->id);
	for (size_t i = 0; i < it->n_people; i++)
		text_add(t, " %s/%s/%s", it->people[i].name, it->people[i].part,
			 it->people[i].role ? it->people[i].role : "-");
	text_add(t, "\n");
	return 0;
}

static int on_hit(const struct hy_search_hit *h, void *ctx)
{
	text_add(ctx, " %lld", (long long)h->meeting);
	return 0;
}

static void on_name(void *ctx, const char *name)
{
	text_add(ctx, " %s", name);
}

/* What every reader of the people gives: each meeting's record, people
 * and export; the list, export, search and completion by name; the pages
 * of everyone; every career; the persons' rows with their ids. */
static void snapshot(struct fx *f, struct text *t)
{
	static const char *const who[] = {"刘锐", "劉",   "锐", "王",  "——",
					  "—",    "赵敏", "芳", "Liu", "张伟"};
	static const struct hy_people_query pages[] = {
		{.sort = HY_PEOPLE_BY_COUNT},
		{.sort = HY_PEOPLE_BY_NAME},
		{.sort = HY_PEOPLE_BY_LAST, .name = "刘"},
		{.sort = HY_PEOPLE_BY_COUNT, .from = "2022-01-01", .to = "2023-12-31"},
		{.sort = HY_PEOPLE_BY_NAME, .body = "县政府"},
		{.sort = HY_PEOPLE_BY_LAST, .body = "县", .name = "锐"},
	};
	char err[256] = "";
	sqlite3_stmt *st;
	assert_int_equal(
		sqlite3_prepare_v2(f->s->db, "SELECT id FROM meetings ORDER BY id", -1, &st, NULL),
		SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		struct hy_store_record r;
		assert_int_equal(hy_store_get(f->s, id, &r, err, sizeof err), 0);
		text_add(t, "meeting %lld chair %s:", (long long)id, r.m.chair ? r.m.chair : "-");
		for (size_t i = 0; i < r.m.n_attendees; i++)
			text_add(t, " a:%s", r.m.attendees[i]);
		for (size_t i = 0; i < r.m.n_observers; i++)
			text_add(t, " o:%s", r.m.observers[i]);
		hy_store_record_free(&r);
		struct hy_meeting_person *v;
		size_t n;
		char *title = NULL;
		assert_int_equal(hy_store_meeting_people(f->s, id, &v, &n, &title, err, sizeof err),
				 0);
		text_add(t, "\n people of %s:", title ? title : "-");
		for (size_t i = 0; i < n; i++)
			text_add(t, " %lld/%s/%d/%s", (long long)v[i].id, v[i].name, (int)v[i].part,
				 v[i].role ? v[i].role : "-");
		hy_meeting_people_free(v, n);
		free(title);
		text_add(t, "\n");
		assert_int_equal(hy_store_export_id(f->s, id, on_export, t, err, sizeof err), 0);
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < sizeof who / sizeof *who; i++) {
		struct hy_store_filter flt = {.person = who[i]};
		size_t n = 0;
		assert_int_equal(hy_store_count(f->s, &flt, &n, err, sizeof err), 0);
		text_add(t, "%s: list %zu, export", who[i], n);
		assert_int_equal(
			hy_store_export(f->s, &flt, NULL, on_export, t, &n, err, sizeof err), 0);
		text_add(t, "search");
		assert_true(hy_store_search(f->s, "会议", &flt, HY_SEARCH_DATE, 0, 50, on_hit, t,
					    err, sizeof err) >= 0);
		text_add(t, "\n names");
		assert_int_equal(hy_store_names(f->s, HY_NAMES_PEOPLE, who[i], 10, on_name, t, err,
						sizeof err),
				 0);
		text_add(t, "\n");
	}
	text_add(t, "names");
	assert_int_equal(hy_store_names(f->s, HY_NAMES_PEOPLE, "", 20, on_name, t, err, sizeof err),
			 0);
	text_add(t, "\n");
	for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
		struct hy_person *v;
		size_t n, total = 0;
		assert_int_equal(hy_store_people_count(f->s, &pages[i], &total, err, sizeof err),
				 0);
		assert_int_equal(hy_store_people_page(f->s, &pages[i], &v, &n, err, sizeof err), 0);
		text_add(t, "page %zu of %zu:", i, total);
		for (size_t j = 0; j < n; j++)
			text_add(t, " %lld/%s/%s/%ld/%ld/%s/%s/%s", (long long)v[j].id, v[j].name,
				 v[j].place, v[j].count[HY_PART_INVITED], v[j].total,
				 v[j].first ? v[j].first : "-", v[j].last ? v[j].last : "-",
				 v[j].role ? v[j].role : "-");
		text_add(t, "\n");
		if (i == 0)
			for (size_t j = 0; j < n; j++) {
				struct hy_career c;
				assert_int_equal(
					hy_store_career(f->s, v[j].id, 0, 0, &c, err, sizeof err),
					0);
				text_add(t, "career %lld:", (long long)v[j].id);
				for (size_t k = 0; k < c.n_roles; k++)
					text_add(t, " %s %s-%s", c.roles[k].role, c.roles[k].from,
						 c.roles[k].to);
				for (size_t k = 0; k < c.n_meetings; k++)
					text_add(t, " m%lld/%d/%s",
						 (long long)c.meetings[k].meeting,
						 (int)c.meetings[k].part,
						 c.meetings[k].role ? c.meetings[k].role : "-");
				for (size_t k = 0; k < c.n_met; k++)
					text_add(t, " met %s %ld", c.met[k].name, c.met[k].count);
				text_add(t, "\n");
				hy_career_free(&c);
			}
		hy_people_free(v, n);
	}
	text_rows(f, t, "SELECT * FROM persons ORDER BY id");
	text_rows(f, t, "SELECT * FROM people ORDER BY id");
	text_rows(f, t, "SELECT * FROM people_total");
}

/* A database of schema v18 with people (every part, roles, guests, both
 * scripts, a name with no letters, a meeting deleted): opened, it is v19,
 * the links are the appearances with their names as written, and every
 * reader gives what it gave, the persons with their ids; then it goes on
 * as a new database does (the same tables, a delete, reindex). */
static void t_migrate_v18(void **state)
{
	struct fx *f = *state;
	static char *obs[] = {"罗勤", "白冰", "——"};
	static unsigned char inv[] = {1, 0, 1};
	struct text before = {0}, after = {0}, links = {0}, apps = {0};
	char err[256] = "";

	open_at(f, 18);
	assert_int_equal(hy_store_version(f->s), 18);
	put_story(f, 1);
	f->invited = inv;
	put(f, "2024-06-01", "白水县", "劉銳", "县长", NULL, NULL, 0, obs, 3);
	f->invited = NULL;
	snapshot(f, &before);
	char copy[192], sql[256];
	snprintf(copy, sizeof copy, "%s/v18.db", f->dir);
	snprintf(sql, sizeof sql, "VACUUM INTO '%s'", copy);
	assert_int_equal(sqlite3_exec(f->s->db, sql, NULL, NULL, NULL), SQLITE_OK);
	text_rows(f, &links,
		  "SELECT mp.meeting_id, CASE WHEN mp.invited THEN 'invited' ELSE mp.role END,"
		  " mp.position, p.name, nullif(mp.title, '') FROM meeting_people mp"
		  " JOIN people p ON p.id = mp.person_id ORDER BY 1, 2, 3");
	assert_non_null(strstr(links.p, "|invited|"));
	assert_non_null(strstr(links.p, "|——|"));
	assert_non_null(strstr(links.p, "|劉銳|"));
	reopen(f);
	assert_int_equal(hy_store_version(f->s), HY_STORE_SCHEMA_VERSION);
	assert_int_equal(HY_STORE_SCHEMA_VERSION, 21);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM sqlite_master"
					  " WHERE name LIKE 'meeting_people%'"),
			 0);
	/* every link is an appearance, with its name as written */
	text_rows(f, &apps,
		  "SELECT a.meeting_id, a.part, a.position, p.name, a.role FROM appearances a"
		  " JOIN people p ON p.id = a.name_id ORDER BY 1, 2, 3");
	assert_string_equal(apps.p, links.p);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM appearances a JOIN people p"
					  " ON p.id = a.name_id WHERE a.person_id = 0"),
			 2); /* ——, twice */
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM pragma_integrity_check"
					  " WHERE integrity_check <> 'ok'"),
			 0);
	snapshot(f, &after);
	assert_string_equal(after.p, before.p);
	/* the schema is a new database's */
	sqlite3 *ref = hy_store_reference_schema(HY_STORE_SCHEMA_VERSION);
	assert_non_null(ref);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(ref,
					    "SELECT name, sql FROM sqlite_master WHERE name LIKE"
					    " 'appearances%' ORDER BY name",
					    -1, &st, NULL),
			 SQLITE_OK);
	int objects = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		char q[256];
		sqlite3_stmt *mine;
		snprintf(q, sizeof q, "SELECT sql FROM sqlite_master WHERE name = '%s'",
			 (const char *)sqlite3_column_text(st, 0));
		assert_int_equal(sqlite3_prepare_v2(f->s->db, q, -1, &mine, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(mine), SQLITE_ROW);
		assert_string_equal(sqlite3_column_text(mine, 0), sqlite3_column_text(st, 1));
		sqlite3_finalize(mine);
		objects++;
	}
	sqlite3_finalize(st);
	sqlite3_close(ref);
	assert_int_equal(objects, 3); /* the table, its index, its trigger */
	/* reindex makes the persons again from the appearances: the same
	 * readers' answers as reindex gives at v18 (the persons' ids are
	 * PEOPLE_FILL's there, not the import's) */
	struct text want = {0};
	struct hy_store *mine = f->s;
	if (hy_store_open_at(&f->s, copy, 0, 18, err, sizeof err))
		fail_msg("open the copy: %s", err);
	assert_int_equal(hy_store_version(f->s), 18);
	assert_int_equal(hy_store_reindex(f->s, err, sizeof err), 0);
	snapshot(f, &want);
	hy_store_close(f->s);
	f->s = mine;
	assert_int_equal(hy_store_reindex(f->s, err, sizeof err), 0);
	free(after.p);
	after = (struct text){0};
	snapshot(f, &after);
	assert_string_equal(after.p, want.p);
	assert_string_not_equal(want.p, before.p); /* (the ids did change) */
	free(want.p);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM appearances WHERE person_id = 0"),
			 2);
	assert_int_equal(db_int(f->s->db,
				"SELECT count(*) FROM appearances a WHERE person_id > 0"
				" AND NOT EXISTS (SELECT 1 FROM persons WHERE id = a.person_id)"),
			 0);
	/* a meeting deleted takes its names no other meeting has */
	int64_t last = db_int(f->s->db, "SELECT max(id) FROM meetings");
	assert_int_equal(hy_store_delete(f->s, &last, 1, NULL, err, sizeof err), 0);
	assert_int_equal(
		db_int(f->s->db, "SELECT count(*) FROM people WHERE name IN ('罗勤', '白冰')"), 0);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM people WHERE name = '——'"), 1);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM people WHERE name = '劉銳'"), 1);
	assert_int_equal(db_int(f->s->db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	total(f);
	free(before.p);
	free(after.p);
	free(links.p);
	free(apps.p);
}

/* The parser: the role written before a listed name, and 应邀 guests. */
static void t_parse_roles(void **state)
{
	(void)state;
	static const char text[] =
		"3月9日，县委副书记、县长祝安主持召开县政府第3次常务会议。"
		"副县长孔丽、邱明出席会议，副县长张小兵应邀参加。"
		"县人大常委会副主任罗勤、县政协副主席白冰应邀列席会议。"
		"县政府办、督查局负责同志列席会议。\n\n会议审议了《县城市容管理办法》。\n";
	struct hy_meeting m;
	assert_int_equal(hy_meeting_parse(text, strlen(text), &m), 0);
	assert_int_equal(m.n_attendees, 2);
	assert_non_null(m.attendee_roles);
	assert_string_equal(m.attendees[0], "孔丽");
	assert_string_equal(m.attendee_roles[0], "副县长");
	assert_null(m.attendee_roles[1]); /* 邱明: none written beside */
	assert_int_equal(m.n_observers, 3);
	assert_non_null(m.observer_invited);
	assert_non_null(m.observer_roles);
	for (size_t i = 0; i < m.n_observers; i++) {
		assert_int_equal(m.observer_invited[i], 1);
		if (strcmp(m.observers[i], "罗勤") == 0)
			assert_string_equal(m.observer_roles[i], "县人大常委会副主任");
		if (strcmp(m.observers[i], "张小兵") == 0)
			assert_string_equal(m.observer_roles[i], "副县长");
	}
	hy_meeting_free(&m);
	/* 县领导 names a group, not anyone's role; 列席 is no invitation */
	static const char t2[] = "3月9日，县长祝安主持召开县政府第3次常务会议。"
				 "县领导孔丽、邱明出席会议，县审计局局长吴刚列席会议。\n\n"
				 "会议审议了《县城市容管理办法》。\n";
	assert_int_equal(hy_meeting_parse(t2, strlen(t2), &m), 0);
	assert_null(m.attendee_roles);
	assert_null(m.observer_invited);
	hy_meeting_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(t_career_spans, setup, teardown),
		cmocka_unit_test_setup_teardown(t_scripts_and_places, setup, teardown),
		cmocka_unit_test_setup_teardown(t_delete, setup, teardown),
		cmocka_unit_test_setup_teardown(t_batch, setup, teardown),
		cmocka_unit_test_setup_teardown(t_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(t_migrate_v6, setup, teardown),
		cmocka_unit_test_setup_teardown(t_surnames, setup, teardown),
		cmocka_unit_test_setup_teardown(t_keyset, setup, teardown),
		cmocka_unit_test_setup_teardown(t_migrate_v7, setup, teardown),
		cmocka_unit_test_setup_teardown(t_migrate_v8, setup, teardown),
		cmocka_unit_test_setup_teardown(t_migrate_v18, setup, teardown),
		cmocka_unit_test(t_parse_roles),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
