/* people.c: the people of the stored meetings (people.h, schema v7,
 * DESIGN.md §2 people): their tables, how a meeting's people go in at
 * import, and the reads a list, a career or a screen needs. */
#include "internal.h"

#include "huiyi/err.h"
#include "huiyi/fold.h"
#include "huiyi/fts.h"
#include "huiyi/meeting.h"
#include "huiyi/people.h"
#include "huiyi/utf8.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>

/* ---- the schema ------------------------------------------------------ */

/* persons and appearances are derived (db.c hy_store_is_derived): made
 * again from meeting_people, people and meetings by PEOPLE_FILL, which
 * the migration and reindex run. The SQL functions hy_person_key,
 * hy_person_sort and hy_person_py (hy_people_register) are those of
 * hy_people_key, sort_key and pinyin_key below.
 *
 * persons: one row per (folded name, place); its counts, first and last
 * date and last role are kept up to date: by the import (P_BUMP after
 * each appearance: no trigger, which would make every insert write a
 * statement journal; with 16 KiB pages it spilled to a temporary file
 * and doubled the time of an import), by PEOPLE_FILL's aggregates, and
 * by the delete trigger of appearances (a meeting's cascade), so the
 * list of everyone is one index range: persons_by_count (n DESC, id),
 * persons_by_name (the ICU zh sort key, i.e. pinyin order), persons_by_
 * last (ifnull(last, '') DESC, id). py: the default pinyin of the name's
 * characters ("liurui"), for lookups by pinyin.
 *
 * appearances: one row per person per part per meeting, keyed by person
 * then date (a career is one range, oldest first; '' = date unknown,
 * sorts first and is read apart), with the meeting's side indexed for
 * the people met at the same meetings. */
#define PEOPLE_FILL \
	"DELETE FROM persons;" \
	"DELETE FROM appearances;" \
	"INSERT OR IGNORE INTO persons (key, place, name, sort, py)" \
	" SELECT hy_person_key(p.name), hy_person_key(ifnull(m.place, ''))," \
	" p.name," \
	" hy_person_sort(p.name), hy_person_py(hy_person_key(p.name))" \
	" FROM meeting_people mp JOIN people p ON p.id = mp.person_id" \
	" JOIN meetings m ON m.id = mp.meeting_id" \
	" WHERE hy_person_key(p.name) <> ''" \
	" ORDER BY mp.meeting_id, mp.role, mp.position;" \
	"INSERT INTO appearances (person_id, date, meeting_id, part, position," \
	" role)" \
	" SELECT q.id, ifnull(m.date, ''), mp.meeting_id," \
	" CASE WHEN mp.invited THEN 'invited' ELSE mp.role END, mp.position," \
	" nullif(mp.title, '')" \
	" FROM meeting_people mp JOIN people p ON p.id = mp.person_id" \
	" JOIN meetings m ON m.id = mp.meeting_id" \
	" JOIN persons q ON q.key = hy_person_key(p.name)" \
	" AND q.place = hy_person_key(ifnull(m.place, ''));" \
	"UPDATE persons SET (chaired, attended, observed, invited, n, first," \
	" last) = (SELECT sum(part = 'chair'), sum(part = 'attendee')," \
	" sum(part = 'observer'), sum(part = 'invited'), count(*)," \
	" min(nullif(date, '')), max(nullif(date, '')) FROM appearances" \
	" WHERE person_id = persons.id);" \
	"UPDATE persons SET (role, role_date) = (SELECT role, date" \
	" FROM appearances WHERE person_id = persons.id" \
	" AND ifnull(role, '') <> '' ORDER BY date DESC, meeting_id DESC" \
	" LIMIT 1);"

#define PART_SUB(col, part) col " = " col " - (old.part = '" part "'),"

const char hy_store_schema_v7[] =
	/* the role written beside the name, and 应邀 guests among the
	 * observers; a chair's role is the meeting's chair_role */
	"ALTER TABLE meeting_people ADD COLUMN title TEXT;"
	"ALTER TABLE meeting_people ADD COLUMN invited INTEGER NOT NULL"
	" DEFAULT 0;"
	"UPDATE meeting_people SET title = (SELECT chair_role FROM meetings"
	" WHERE meetings.id = meeting_people.meeting_id) WHERE role = 'chair';"
	"CREATE TABLE persons ("
	" id INTEGER PRIMARY KEY,"
	" key TEXT NOT NULL,"
	" place TEXT NOT NULL,"
	" name TEXT NOT NULL,"
	" sort BLOB,"
	" py TEXT,"
	" chaired INTEGER NOT NULL DEFAULT 0,"
	" attended INTEGER NOT NULL DEFAULT 0,"
	" observed INTEGER NOT NULL DEFAULT 0,"
	" invited INTEGER NOT NULL DEFAULT 0,"
	" n INTEGER NOT NULL DEFAULT 0,"
	" first TEXT, last TEXT, role TEXT, role_date TEXT,"
	" UNIQUE (key, place));"
	"CREATE INDEX persons_by_count ON persons(n DESC, id);"
	"CREATE INDEX persons_by_name ON persons(sort, id);"
	"CREATE INDEX persons_by_last ON persons(ifnull(last, '') DESC, id);"
	"CREATE INDEX persons_by_py ON persons(py) WHERE py IS NOT NULL;"
	"CREATE TABLE appearances ("
	" person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,"
	" date TEXT NOT NULL,"
	" meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
	" part TEXT NOT NULL"
	"  CHECK (part IN ('chair', 'attendee', 'observer', 'invited')),"
	" position INTEGER NOT NULL,"
	" role TEXT,"
	" PRIMARY KEY (person_id, date, meeting_id, part, position))"
	" WITHOUT ROWID;"
	"CREATE INDEX appearances_by_meeting ON appearances(meeting_id,"
	" person_id);"
	"CREATE TRIGGER appearances_delete AFTER DELETE ON appearances BEGIN"
	" UPDATE persons SET"
	PART_SUB(" chaired", "chair")
	PART_SUB(" attended", "attendee")
	PART_SUB(" observed", "observer")
	PART_SUB(" invited", "invited")
	" n = n - 1,"
	" first = (SELECT min(date) FROM appearances"
	"  WHERE person_id = old.person_id AND date > ''),"
	" last = (SELECT max(date) FROM appearances"
	"  WHERE person_id = old.person_id AND date > ''),"
	" (role, role_date) = (SELECT role, date FROM appearances"
	"  WHERE person_id = old.person_id AND ifnull(role, '') <> ''"
	"  ORDER BY date DESC, meeting_id DESC LIMIT 1)"
	" WHERE id = old.person_id;"
	" DELETE FROM persons WHERE id = old.person_id AND n <= 0;"
	" END;"
	PEOPLE_FILL;

const char hy_store_people_fill[] = PEOPLE_FILL;

/* ---- keys ------------------------------------------------------------ */

char *hy_people_key(const char *name)
{
	size_t len = name ? strlen(name) : 0, at = 0;
	char *out = malloc(len * 2 + 1); /* a fold never grows past 4 bytes
					  * from fewer than 2 */
	if (!out)
		return NULL;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += hy_utf8_decode(name + i, len - i, &cp);
		uint32_t f = hy_fold_cp(cp);
		if (hy_fold_class(f) == HY_FOLD_OTHER)
			continue; /* spaces, ·, invisible characters */
		char b[4];
		size_t k = hy_utf8_encode(f, b);
		if (at + k > len * 2)
			break;
		memcpy(out + at, b, k);
		at += k;
	}
	out[at] = '\0';
	return out;
}

/* The default pinyin of every character of key, run together ("liurui");
 * NULL when one has none (or out of memory). */
static char *pinyin_key(const char *key)
{
	size_t len = key ? strlen(key) : 0, at = 0, cap = len * 3 + 1;
	char *out = len ? malloc(cap) : NULL;
	for (size_t i = 0; out && i < len;) {
		uint32_t cp;
		const char *syl[1];
		i += hy_utf8_decode(key + i, len - i, &cp);
		if (hy_fts_pinyin(cp, syl, 1) == 0) {
			free(out);
			return NULL;
		}
		size_t k = strlen(syl[0]);
		if (at + k + 1 > cap) {
			char *p = realloc(out, cap = (at + k + 1) * 2);
			if (!p) {
				free(out);
				return NULL;
			}
			out = p;
		}
		memcpy(out + at, syl[0], k);
		at += k;
	}
	if (out)
		out[at] = '\0';
	return out;
}

/* ICU's collator for zh: Han in pinyin order. One for the process, made
 * by hy_store_init at start-up (ICU sets up its cache then: mem.h), else
 * on first use; ucol_getSortKey is safe from several threads. */
static UCollator *zh_collator;
static pthread_once_t zh_once = PTHREAD_ONCE_INIT;

static void zh_open(void)
{
	UErrorCode e = U_ZERO_ERROR;
	zh_collator = ucol_open("zh", &e);
	if (U_FAILURE(e)) {
		ucol_close(zh_collator);
		zh_collator = NULL;
	}
}

int hy_store_init(void)
{
	pthread_once(&zh_once, zh_open);
	return 0;
}

/* The collation key of name into *key (malloc()ed, *n bytes); NULL when
 * there is no collator or memory. */
static uint8_t *sort_key(const char *name, int32_t *n)
{
	UChar buf[64], *u = buf;
	int32_t ulen = 0;
	UErrorCode e = U_ZERO_ERROR;
	uint8_t *key = NULL;

	*n = 0;
	pthread_once(&zh_once, zh_open);
	if (!zh_collator || !name)
		return NULL;
	u_strFromUTF8Lenient(buf, 64, &ulen, name, -1, &e);
	if (e == U_BUFFER_OVERFLOW_ERROR) {
		u = malloc(((size_t)ulen + 1) * sizeof *u);
		e = U_ZERO_ERROR;
		if (u)
			u_strFromUTF8Lenient(u, ulen + 1, &ulen, name, -1, &e);
	}
	if (u && U_SUCCESS(e)) {
		int32_t k = ucol_getSortKey(zh_collator, u, ulen, NULL, 0);
		key = k > 0 ? malloc((size_t)k) : NULL;
		if (key)
			*n = ucol_getSortKey(zh_collator, u, ulen, key, k);
	}
	if (u != buf)
		free(u);
	return key;
}

static void key_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	char *k = name ? hy_people_key(name) : NULL;
	if (!name)
		sqlite3_result_null(ctx);
	else if (!k)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, k, -1, free);
}

static void sort_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	int32_t n;
	uint8_t *k = sort_key((const char *)sqlite3_value_text(argv[0]), &n);
	if (k)
		sqlite3_result_blob(ctx, k, n, free);
	else
		sqlite3_result_null(ctx);
}

static void py_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	char *p = pinyin_key((const char *)sqlite3_value_text(argv[0]));
	if (p)
		sqlite3_result_text(ctx, p, -1, free);
	else
		sqlite3_result_null(ctx);
}

int hy_people_register(sqlite3 *db)
{
	int f = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc = sqlite3_create_function(db, "hy_person_key", 1, f, NULL,
					 key_fn, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "hy_person_sort", 1, f, NULL,
					     sort_fn, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "hy_person_py", 1, f, NULL,
					     py_fn, NULL, NULL);
	return rc;
}

/* ---- statements ------------------------------------------------------- */

enum {
	P_LINK,        /* meeting_people, with title and invited */
	P_FIND,        /* persons by (key, place) */
	P_INSERT,
	P_APPEAR,
	P_BUMP,        /* a person's counts, dates and role after an appearance */
	P_GET,         /* one person */
	P_BY_KEY,
	P_BY_PY,
	P_PAGE_COUNT,  /* a page of everyone, each order */
	P_PAGE_NAME,
	P_PAGE_LAST,
	P_ROLES,       /* a career */
	P_DATED,
	P_UNDATED,
	P_MET,
	P_ROLE_IN,     /* the last role between two dates */
	P_COUNT
};

#define PERSON_COLS \
	"id, name, place, chaired, attended, observed, invited, n, first," \
	" last, role"

static const char *const p_sql[P_COUNT] = {
	[P_LINK] = "INSERT INTO meeting_people (meeting_id, person_id, role,"
		   " position, title, invited) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[P_FIND] = "SELECT id FROM persons WHERE key = ?1 AND place = ?2",
	[P_INSERT] = "INSERT INTO persons (key, place, name, sort, py)"
		     " VALUES (?1, ?2, ?3, ?4, ?5)",
	[P_APPEAR] = "INSERT INTO appearances (person_id, date, meeting_id,"
		     " part, position, role) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[P_BUMP] = "UPDATE persons SET"
		   " chaired = chaired + (?2 = 'chair'),"
		   " attended = attended + (?2 = 'attendee'),"
		   " observed = observed + (?2 = 'observer'),"
		   " invited = invited + (?2 = 'invited'),"
		   " n = n + 1,"
		   " first = CASE WHEN ?3 = '' OR ?3 >= ifnull(first, '9')"
		   "  THEN first ELSE ?3 END,"
		   " last = CASE WHEN ?3 = '' OR ?3 <= ifnull(last, '')"
		   "  THEN last ELSE ?3 END,"
		   " role = CASE WHEN ifnull(?4, '') = ''"
		   "  OR ?3 < ifnull(role_date, '') THEN role ELSE ?4 END,"
		   " role_date = CASE WHEN ifnull(?4, '') = ''"
		   "  OR ?3 < ifnull(role_date, '') THEN role_date ELSE ?3 END"
		   " WHERE id = ?1",
	[P_GET] = "SELECT " PERSON_COLS " FROM persons WHERE id = ?1",
	[P_BY_KEY] = "SELECT id FROM persons WHERE key = ?1 ORDER BY id",
	[P_BY_PY] = "SELECT id FROM persons WHERE py = ?1 ORDER BY id",
	[P_PAGE_COUNT] = "SELECT " PERSON_COLS " FROM persons"
			 " ORDER BY n DESC, id LIMIT ?1 OFFSET ?2",
	[P_PAGE_NAME] = "SELECT " PERSON_COLS " FROM persons"
			" ORDER BY sort, id LIMIT ?1 OFFSET ?2",
	[P_PAGE_LAST] = "SELECT " PERSON_COLS " FROM persons"
			" ORDER BY ifnull(last, '') DESC, id LIMIT ?1 OFFSET ?2",
	[P_ROLES] = "SELECT role, date FROM appearances"
		    " WHERE person_id = ?1 AND date > ''"
		    " AND ifnull(role, '') <> '' ORDER BY date, meeting_id",
	[P_DATED] = "SELECT a.meeting_id, a.date, a.part, a.role, m.title"
		    " FROM appearances a JOIN meetings m ON m.id = a.meeting_id"
		    " WHERE a.person_id = ?1 AND a.date > ''"
		    " ORDER BY a.date, a.meeting_id LIMIT ?2",
	[P_UNDATED] = "SELECT a.meeting_id, NULL, a.part, a.role, m.title"
		      " FROM appearances a JOIN meetings m ON m.id = a.meeting_id"
		      " WHERE a.person_id = ?1 AND a.date = ''"
		      " ORDER BY a.meeting_id LIMIT ?2",
	[P_MET] = "SELECT b.person_id, count(DISTINCT b.meeting_id) AS c,"
		  " p.name, p.place"
		  " FROM appearances a"
		  " JOIN appearances b ON b.meeting_id = a.meeting_id"
		  " AND b.person_id <> a.person_id"
		  " JOIN persons p ON p.id = b.person_id"
		  " WHERE a.person_id = ?1"
		  " GROUP BY b.person_id ORDER BY c DESC, b.person_id LIMIT ?2",
	[P_ROLE_IN] = "SELECT role FROM appearances WHERE person_id = ?1"
		      " AND date BETWEEN ?2 AND ?3 AND ifnull(role, '') <> ''"
		      " ORDER BY date DESC, meeting_id DESC LIMIT 1",
};

struct hy_people_stmts {
	sqlite3_stmt *st[P_COUNT];
};

void hy_store_people_close(struct hy_store *s)
{
	if (!s || !s->people)
		return;
	for (int i = 0; i < P_COUNT; i++)
		sqlite3_finalize(s->people->st[i]);
	free(s->people);
	s->people = NULL;
}

static int pstmt(struct hy_store *s, int id, sqlite3_stmt **out, char *err,
		 size_t errlen)
{
	*out = NULL;
	if (s->version < 7)
		return hy_err_set(err, errlen, HY_ERR_DB,
				  "%s: the database has no people yet "
				  "(schema version %d)",
				  s->path, s->version);
	if (!s->people && !(s->people = calloc(1, sizeof *s->people)))
		return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
	if (!s->people->st[id]) {
		int rc = sqlite3_prepare_v3(s->db, p_sql[id], -1,
					    SQLITE_PREPARE_PERSISTENT,
					    &s->people->st[id], NULL);
		if (rc != SQLITE_OK)
			return hy_store_fail(s, rc, "reading the people", err,
					     errlen);
	}
	*out = s->people->st[id];
	sqlite3_reset(*out);
	sqlite3_clear_bindings(*out);
	return 0;
}

static int step_done(struct hy_store *s, sqlite3_stmt *st, const char *doing,
		     char *err, size_t errlen)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	return hy_store_fail(s, sqlite3_extended_errcode(s->db), doing, err,
			     errlen);
}

/* ---- import ---------------------------------------------------------- */

/* The id of the person (key, place), made when new. */
static int person_of(struct hy_store *s, const char *name, const char *key,
		     const char *place, int64_t *id, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc = pstmt(s, P_FIND, &st, err, errlen);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, place, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		return 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return hy_store_fail(s, rc, "looking up a person", err, errlen);
	rc = pstmt(s, P_INSERT, &st, err, errlen);
	if (rc)
		return rc;
	int32_t n;
	uint8_t *sk = sort_key(name, &n);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, place, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
	if (sk)
		sqlite3_bind_blob(st, 4, sk, n, free);
	sqlite3_bind_text(st, 5, pinyin_key(key), -1, free);
	rc = step_done(s, st, "storing a person", err, errlen);
	if (rc == 0)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

/* One name of meeting mid: its link (content) and its appearance. */
static int add_one(struct hy_store *s, int64_t mid, const struct hy_meeting *m,
		   enum hy_part part, const char *name, const char *role,
		   size_t position, char *err, size_t errlen)
{
	const char *as = part == HY_PART_INVITED ? "observer" : hy_part_name(part);
	sqlite3_stmt *st;
	int64_t raw = 0, pid = 0;
	int rc = hy_store_person_row(s, name, &raw, err, errlen);
	if (rc == 0)
		rc = pstmt(s, P_LINK, &st, err, errlen);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, mid);
	sqlite3_bind_int64(st, 2, raw);
	sqlite3_bind_text(st, 3, as, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)position);
	sqlite3_bind_text(st, 5, role && role[0] ? role : NULL, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, part == HY_PART_INVITED);
	rc = step_done(s, st, "linking a person", err, errlen);
	if (rc)
		return rc;
	char *key = hy_people_key(name);
	if (!key)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
	if (!key[0]) { /* nothing but punctuation: no person */
		free(key);
		return 0;
	}
	char *place = hy_people_key(m->place ? m->place : "");
	rc = place ? person_of(s, name, key, place, &pid, err, errlen) :
		     hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
	free(key);
	free(place);
	if (rc == 0)
		rc = pstmt(s, P_APPEAR, &st, err, errlen);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, pid);
	sqlite3_bind_text(st, 2, m->date ? m->date : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, mid);
	sqlite3_bind_text(st, 4, hy_part_name(part), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)position);
	sqlite3_bind_text(st, 6, role && role[0] ? role : NULL, -1, SQLITE_STATIC);
	rc = step_done(s, st, "storing a person's meeting", err, errlen);
	if (rc == 0)
		rc = pstmt(s, P_BUMP, &st, err, errlen);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, pid);
	sqlite3_bind_text(st, 2, hy_part_name(part), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, m->date ? m->date : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, role && role[0] ? role : NULL, -1, SQLITE_STATIC);
	return step_done(s, st, "counting a person's meetings", err, errlen);
}

int hy_store_people_add(struct hy_store *s, int64_t mid,
			const struct hy_meeting *m, char *err, size_t errlen)
{
	int rc = 0;
	if (m->chair && m->chair[0])
		rc = add_one(s, mid, m, HY_PART_CHAIR, m->chair, m->chair_role, 0,
			     err, errlen);
	for (size_t i = 0; rc == 0 && i < m->n_attendees; i++)
		if (m->attendees[i] && m->attendees[i][0])
			rc = add_one(s, mid, m, HY_PART_ATTENDEE, m->attendees[i],
				     m->attendee_roles ? m->attendee_roles[i] : NULL,
				     i, err, errlen);
	for (size_t i = 0; rc == 0 && i < m->n_observers; i++)
		if (m->observers[i] && m->observers[i][0])
			rc = add_one(s, mid, m,
				     m->observer_invited && m->observer_invited[i] ?
					     HY_PART_INVITED :
					     HY_PART_OBSERVER,
				     m->observers[i],
				     m->observer_roles ? m->observer_roles[i] : NULL,
				     i, err, errlen);
	return rc;
}

/* ---- reading ----------------------------------------------------------- */

static const char *const part_names[HY_PART_COUNT] = {
	"chair", "attendee", "observer", "invited",
};

const char *hy_part_name(enum hy_part p)
{
	return (unsigned)p < HY_PART_COUNT ? part_names[p] : "attendee";
}

int hy_part_from_name(const char *name)
{
	for (int i = 0; name && i < HY_PART_COUNT; i++)
		if (strcmp(name, part_names[i]) == 0)
			return i;
	return -1;
}

static char *col_dup(sqlite3_stmt *st, int i, int *oom)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	char *d = t ? strdup(t) : NULL;
	if (t && !d)
		*oom = 1;
	return d;
}

static void person_free(struct hy_person *p)
{
	free(p->name);
	free(p->place);
	free(p->first);
	free(p->last);
	free(p->role);
	memset(p, 0, sizeof *p);
}

void hy_people_free(struct hy_person *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		person_free(&v[i]);
	free(v);
}

/* A row of PERSON_COLS (or the filtered page's, in the same order). */
static int read_person(sqlite3_stmt *st, struct hy_person *p)
{
	int oom = 0;
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, 0);
	p->name = col_dup(st, 1, &oom);
	p->place = col_dup(st, 2, &oom);
	for (int i = 0; i < HY_PART_COUNT; i++)
		p->count[i] = (long)sqlite3_column_int64(st, 3 + i);
	p->total = (long)sqlite3_column_int64(st, 7);
	p->first = col_dup(st, 8, &oom);
	p->last = col_dup(st, 9, &oom);
	p->role = col_dup(st, 10, &oom);
	if (!p->name && !oom)
		p->name = strdup(""), oom = !p->name;
	if (!p->place && !oom)
		p->place = strdup(""), oom = !p->place;
	if (oom) {
		person_free(p);
		return HY_ERR_NOMEM;
	}
	return 0;
}

/* Step st to its end, each row a person appended to *v. */
static int read_people(struct hy_store *s, sqlite3_stmt *st,
		       struct hy_person **v, size_t *n, char *err,
		       size_t errlen)
{
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 32;
			struct hy_person *p = realloc(*v, nc * sizeof *p);
			if (!p)
				return hy_err_set(err, errlen, HY_ERR_NOMEM,
						  "out of memory");
			*v = p;
			cap = nc;
		}
		if (read_person(st, &(*v)[*n]))
			return hy_err_set(err, errlen, HY_ERR_NOMEM,
					  "out of memory");
		++*n;
	}
	if (rc != SQLITE_DONE)
		return hy_store_fail(s, rc, "reading the people", err, errlen);
	return 0;
}

/* A person whose name (folded, the key) or pinyin holds the folded
 * substring bound to `param`: 刘, 劉, liu all find 刘锐. */
#define NAME_IN(t, param) \
	"(instr(" t "key, " param ") > 0 OR instr(ifnull(" t "py, ''), " \
	param ") > 0)"

/* A page of everyone whose name holds q->name: the order's index, the
 * names tested as it goes. */
static int named_page(struct hy_store *s, const struct hy_people_query *q,
		      struct hy_person **out, size_t *n, char *err,
		      size_t errlen)
{
	static const char *const order[] = {
		[HY_PEOPLE_BY_COUNT] = "n DESC, id",
		[HY_PEOPLE_BY_NAME] = "sort, id",
		[HY_PEOPLE_BY_LAST] = "ifnull(last, '') DESC, id",
	};
	sqlite3_stmt *st = NULL;
	char *name = hy_people_key(q->name);
	if (!name)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
	char *sql = sqlite3_mprintf("SELECT " PERSON_COLS " FROM persons"
				    " WHERE " NAME_IN("", "?3")
				    " ORDER BY %s LIMIT ?1 OFFSET ?2",
				    order[q->sort <= HY_PEOPLE_BY_LAST ? q->sort : 0]);
	int rc = sql ? sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, q->limit ? (sqlite3_int64)q->limit : -1);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)q->offset);
		sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
		rc = read_people(s, st, out, n, err, errlen);
	} else {
		rc = hy_store_fail(s, rc, "reading the people", err, errlen);
	}
	sqlite3_finalize(st);
	free(name);
	return rc;
}

int hy_store_people_count(struct hy_store *s, const struct hy_people_query *q,
			  size_t *total, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	int dates = q->from || q->to;
	int rc = pstmt(s, P_GET, &st, err, errlen); /* the schema has people */
	if (rc)
		return rc;
	st = NULL; /* kept by pstmt: not ours to finalize */
	char *name = q->name ? hy_people_key(q->name) : NULL;
	if (q->name && !name)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
	char *sql;
	if (q->body || dates)
		sql = sqlite3_mprintf(
			"SELECT count(DISTINCT a.person_id) FROM meetings m"
			" JOIN appearances a ON a.meeting_id = m.id"
			" JOIN persons p ON p.id = a.person_id"
			" WHERE %s %s %s",
			dates ? "ifnull(m.date, '') BETWEEN ?1 AND ?2" :
				"?1 = ?1 AND ?2 = ?2",
			q->body ? "AND instr(m.body, ?3) > 0" : "",
			name ? "AND " NAME_IN("p.", "?4") : "");
	else
		sql = sqlite3_mprintf("SELECT count(*) FROM persons WHERE %s",
				      name ? NAME_IN("", "?4") : "1");
	rc = sql ? sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	if (rc == SQLITE_OK) {
		if (q->body || dates) {
			sqlite3_bind_text(st, 1, q->from ? q->from : "0", -1,
					  SQLITE_STATIC);
			sqlite3_bind_text(st, 2, q->to ? q->to : "9", -1,
					  SQLITE_STATIC);
		}
		if (q->body)
			sqlite3_bind_text(st, 3, q->body, -1, SQLITE_STATIC);
		if (name)
			sqlite3_bind_text(st, 4, name, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*total = (size_t)sqlite3_column_int64(st, 0);
			rc = 0;
		} else {
			rc = hy_store_fail(s, rc, "counting the people", err,
					   errlen);
		}
	} else {
		rc = hy_store_fail(s, rc, "counting the people", err, errlen);
	}
	sqlite3_finalize(st);
	free(name);
	return rc;
}

/* The page with a body or dates: counts over the meetings they name. */
static int filtered_page(struct hy_store *s, const struct hy_people_query *q,
			 struct hy_person **out, size_t *n, char *err,
			 size_t errlen)
{
	static const char *const order[] = {
		[HY_PEOPLE_BY_COUNT] = "n DESC, id",
		[HY_PEOPLE_BY_NAME] = "p.sort, id",
		[HY_PEOPLE_BY_LAST] = "ifnull(last, '') DESC, id",
	};
	const char *lo = q->from ? q->from : "0", *hi = q->to ? q->to : "9";
	int dates = q->from || q->to;
	sqlite3_stmt *st = NULL;
	char *name = q->name ? hy_people_key(q->name) : NULL;
	if (q->name && !name)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
	char *sql = sqlite3_mprintf(
		"SELECT p.id AS id, p.name, p.place,"
		" sum(a.part = 'chair'), sum(a.part = 'attendee'),"
		" sum(a.part = 'observer'), sum(a.part = 'invited'),"
		" count(*) AS n, min(nullif(a.date, '')),"
		" max(nullif(a.date, '')) AS last, NULL"
		" FROM meetings m JOIN appearances a ON a.meeting_id = m.id"
		" JOIN persons p ON p.id = a.person_id"
		" WHERE %s %s %s"
		" GROUP BY p.id ORDER BY %s LIMIT ?3 OFFSET ?4",
		dates ? "ifnull(m.date, '') BETWEEN ?1 AND ?2" : "?1 = ?1 AND ?2 = ?2",
		q->body ? "AND instr(m.body, ?5) > 0" : "",
		name ? "AND " NAME_IN("p.", "?6") : "",
		order[q->sort <= HY_PEOPLE_BY_LAST ? q->sort : 0]);
	int rc = sql ? sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	if (rc != SQLITE_OK) {
		free(name);
		return hy_store_fail(s, rc, "reading the people", err, errlen);
	}
	sqlite3_bind_text(st, 1, lo, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, q->limit ? (sqlite3_int64)q->limit : -1);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)q->offset);
	if (q->body)
		sqlite3_bind_text(st, 5, q->body, -1, SQLITE_STATIC);
	if (name)
		sqlite3_bind_text(st, 6, name, -1, SQLITE_STATIC);
	rc = read_people(s, st, out, n, err, errlen);
	sqlite3_finalize(st);
	free(name);
	/* each one's last role within the dates */
	for (size_t i = 0; rc == 0 && i < *n; i++) {
		rc = pstmt(s, P_ROLE_IN, &st, err, errlen);
		if (rc)
			break;
		sqlite3_bind_int64(st, 1, (*out)[i].id);
		sqlite3_bind_text(st, 2, dates ? lo : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, hi, -1, SQLITE_STATIC);
		int x = sqlite3_step(st);
		int oom = 0;
		if (x == SQLITE_ROW)
			(*out)[i].role = col_dup(st, 0, &oom);
		else if (x != SQLITE_DONE)
			rc = hy_store_fail(s, x, "reading the people", err, errlen);
		sqlite3_reset(st);
		if (oom)
			rc = hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
	}
	return rc;
}

int hy_store_people_page(struct hy_store *s, const struct hy_people_query *q,
			 struct hy_person **out, size_t *n, char *err,
			 size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if (q->body || q->from || q->to)
		rc = filtered_page(s, q, out, n, err, errlen);
	else if (q->name)
		rc = named_page(s, q, out, n, err, errlen);
	else {
		int which = q->sort == HY_PEOPLE_BY_NAME   ? P_PAGE_NAME :
			    q->sort == HY_PEOPLE_BY_LAST   ? P_PAGE_LAST :
							     P_PAGE_COUNT;
		rc = pstmt(s, which, &st, err, errlen);
		if (rc == 0) {
			sqlite3_bind_int64(st, 1, q->limit ? (sqlite3_int64)q->limit : -1);
			sqlite3_bind_int64(st, 2, (sqlite3_int64)q->offset);
			rc = read_people(s, st, out, n, err, errlen);
			sqlite3_reset(st);
		}
	}
	if (rc) {
		hy_people_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

/* The ids st gives (one column), appended to *ids. */
static int read_ids(struct hy_store *s, sqlite3_stmt *st, int64_t **ids,
		    size_t *n, char *err, size_t errlen)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t *p = realloc(*ids, (*n + 1) * sizeof *p);
		if (!p) {
			sqlite3_reset(st);
			return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
		}
		*ids = p;
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 :
				   hy_store_fail(s, rc, "looking up a person", err, errlen);
}

int hy_store_people_find(struct hy_store *s, const char *what, int64_t **ids,
			 size_t *n, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc, digits = what && what[0], letters = what && what[0];
	*ids = NULL;
	*n = 0;
	for (const char *p = what; p && *p; p++) {
		unsigned char c = (unsigned char)*p;
		digits &= c >= '0' && c <= '9';
		letters &= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			   c == ' ' || c == '\'' || c == '-';
	}
	if (digits && strlen(what) <= 18) {
		rc = pstmt(s, P_GET, &st, err, errlen);
		if (rc)
			return rc;
		sqlite3_bind_int64(st, 1, strtoll(what, NULL, 10));
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*ids = malloc(sizeof **ids);
			if (!*ids) {
				sqlite3_reset(st);
				return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
			}
			(*ids)[0] = sqlite3_column_int64(st, 0);
			*n = 1;
		}
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return hy_store_fail(s, rc, "looking up a person", err, errlen);
		return 0;
	}
	char *key = hy_people_key(what);
	if (!key)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
	rc = pstmt(s, P_BY_KEY, &st, err, errlen);
	if (rc == 0) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		rc = read_ids(s, st, ids, n, err, errlen);
	}
	if (rc == 0 && *n == 0 && letters && key[0]) {
		/* the key of latin letters is them folded, without spaces and
		 * apostrophes: liurui */
		rc = pstmt(s, P_BY_PY, &st, err, errlen);
		if (rc == 0) {
			sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
			rc = read_ids(s, st, ids, n, err, errlen);
		}
	}
	free(key);
	if (rc) {
		free(*ids);
		*ids = NULL;
		*n = 0;
	}
	return rc;
}

void hy_career_free(struct hy_career *c)
{
	if (!c)
		return;
	person_free(&c->who);
	for (size_t i = 0; i < c->n_roles; i++) {
		free(c->roles[i].role);
		free(c->roles[i].from);
		free(c->roles[i].to);
	}
	free(c->roles);
	for (size_t i = 0; i < c->n_meetings; i++) {
		free(c->meetings[i].date);
		free(c->meetings[i].role);
		free(c->meetings[i].title);
	}
	free(c->meetings);
	for (size_t i = 0; i < c->n_met; i++) {
		free(c->met[i].name);
		free(c->met[i].place);
	}
	free(c->met);
	memset(c, 0, sizeof *c);
}

/* Room for one more in *v of n elements: 8 first, then doubled. */
static int grow(void **v, size_t n, size_t size)
{
	if (n != 0 && (n < 8 || (n & (n - 1)) != 0))
		return 0;
	void *p = realloc(*v, (n ? n * 2 : 8) * size);
	if (!p)
		return HY_ERR_NOMEM;
	*v = p;
	return 0;
}

/* 1 if roles a and b are the same once folded (縣長 = 县长). */
static int same_role(const char *a, const char *b, int *oom)
{
	char *ka = hy_people_key(a), *kb = hy_people_key(b);
	int same = ka && kb && strcmp(ka, kb) == 0;
	*oom |= !ka || !kb;
	free(ka);
	free(kb);
	return same;
}

/* Role spans: consecutive appearances with the same role (folded) are
 * one, named as first written. */
static int read_roles(struct hy_store *s, struct hy_career *c, char *err,
		      size_t errlen)
{
	sqlite3_stmt *st;
	int rc = pstmt(s, P_ROLES, &st, err, errlen), oom = 0;
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, c->who.id);
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *role = (const char *)sqlite3_column_text(st, 0);
		const char *date = (const char *)sqlite3_column_text(st, 1);
		struct hy_role_span *last = c->n_roles ? &c->roles[c->n_roles - 1] : NULL;
		int same = last && same_role(last->role, role, &oom);
		if (oom) /* not known whether the same: no new span either */
			break;
		if (same) {
			char *d = strdup(date);
			if (!d) {
				oom = 1;
				break;
			}
			free(last->to);
			last->to = d;
			continue;
		}
		if (grow((void **)&c->roles, c->n_roles, sizeof *c->roles)) {
			oom = 1;
			break;
		}
		struct hy_role_span *r = &c->roles[c->n_roles];
		r->role = strdup(role);
		r->from = strdup(date);
		r->to = strdup(date);
		c->n_roles++;
		oom = !r->role || !r->from || !r->to;
	}
	sqlite3_reset(st);
	if (oom)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
	return rc == SQLITE_DONE ? 0 : hy_store_fail(s, rc, "reading a career", err, errlen);
}

static int read_meetings(struct hy_store *s, int which, size_t max,
			 struct hy_career *c, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc = pstmt(s, which, &st, err, errlen), oom = 0;
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, c->who.id);
	sqlite3_bind_int64(st, 2, max ? (sqlite3_int64)(max - c->n_meetings) : -1);
	if (max && c->n_meetings >= max) {
		sqlite3_reset(st);
		return 0;
	}
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (grow((void **)&c->meetings, c->n_meetings, sizeof *c->meetings)) {
			oom = 1;
			break;
		}
		struct hy_appearance *a = &c->meetings[c->n_meetings++];
		memset(a, 0, sizeof *a);
		a->meeting = sqlite3_column_int64(st, 0);
		a->date = col_dup(st, 1, &oom);
		int part = hy_part_from_name((const char *)sqlite3_column_text(st, 2));
		a->part = part < 0 ? HY_PART_ATTENDEE : (enum hy_part)part;
		a->role = col_dup(st, 3, &oom);
		a->title = col_dup(st, 4, &oom);
	}
	sqlite3_reset(st);
	if (oom)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
	return rc == SQLITE_DONE ? 0 : hy_store_fail(s, rc, "reading a career", err, errlen);
}

static int read_met(struct hy_store *s, size_t max, struct hy_career *c,
		    char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc = pstmt(s, P_MET, &st, err, errlen), oom = 0;
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, c->who.id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)(max ? max : 10));
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (grow((void **)&c->met, c->n_met, sizeof *c->met)) {
			oom = 1;
			break;
		}
		struct hy_met *m = &c->met[c->n_met++];
		memset(m, 0, sizeof *m);
		m->id = sqlite3_column_int64(st, 0);
		m->count = (long)sqlite3_column_int64(st, 1);
		m->name = col_dup(st, 2, &oom);
		m->place = col_dup(st, 3, &oom);
	}
	sqlite3_reset(st);
	if (oom)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
	return rc == SQLITE_DONE ? 0 : hy_store_fail(s, rc, "reading a career", err, errlen);
}

int hy_store_career(struct hy_store *s, int64_t id, size_t max_meetings,
		    size_t max_met, struct hy_career *c, char *err,
		    size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	memset(c, 0, sizeof *c);
	rc = pstmt(s, P_GET, &st, err, errlen);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		rc = read_person(st, &c->who) ?
			     hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory") :
			     0;
	else if (rc == SQLITE_DONE)
		rc = hy_err_set(err, errlen, HY_ERR_NOTFOUND, "no person %lld",
				(long long)id);
	else
		rc = hy_store_fail(s, rc, "reading a person", err, errlen);
	sqlite3_reset(st);
	if (rc == 0)
		rc = read_roles(s, c, err, errlen);
	if (rc == 0)
		rc = read_meetings(s, P_DATED, max_meetings, c, err, errlen);
	if (rc == 0)
		rc = read_meetings(s, P_UNDATED, max_meetings, c, err, errlen);
	if (rc == 0)
		rc = read_met(s, max_met, c, err, errlen);
	if (rc)
		hy_career_free(c);
	return rc;
}

/* ---- one meeting's people -------------------------------------------- */

void hy_meeting_people_free(struct hy_meeting_person *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++) {
		free(v[i].name);
		free(v[i].role);
	}
	free(v);
}

/* The title of meeting id into *title (malloc()ed, NULL when none). */
static int meeting_title(struct hy_store *s, int64_t id, char **title,
			 char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	int oom = 0, rc = sqlite3_prepare_v2(
		s->db, "SELECT title FROM meetings WHERE id = ?1", -1, &st, NULL);
	*title = NULL;
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			*title = col_dup(st, 0, &oom);
	}
	sqlite3_finalize(st);
	if (oom)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return hy_store_fail(s, rc, "reading a meeting's title", err, errlen);
	return 0;
}

int hy_store_meeting_people(struct hy_store *s, int64_t meeting,
			    struct hy_meeting_person **out, size_t *n,
			    char **title, char *err, size_t errlen)
{
	static const char sql[] =
		"SELECT a.person_id, p.name, a.part, a.role FROM appearances a"
		" JOIN persons p ON p.id = a.person_id WHERE a.meeting_id = ?1"
		" ORDER BY CASE a.part WHEN 'chair' THEN 0 WHEN 'attendee' THEN 1"
		" WHEN 'observer' THEN 2 ELSE 3 END, a.position, a.person_id";
	sqlite3_stmt *st = NULL;
	int rc = pstmt(s, P_GET, &st, err, errlen), oom = 0; /* v7 */
	*out = NULL;
	*n = 0;
	if (rc)
		return rc;
	st = NULL;
	rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return hy_store_fail(s, rc, "reading a meeting's people", err,
				     errlen);
	sqlite3_bind_int64(st, 1, meeting);
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (grow((void **)out, *n, sizeof **out)) {
			oom = 1;
			break;
		}
		struct hy_meeting_person *p = &(*out)[(*n)++];
		memset(p, 0, sizeof *p);
		p->id = sqlite3_column_int64(st, 0);
		p->name = col_dup(st, 1, &oom);
		int part = hy_part_from_name((const char *)sqlite3_column_text(st, 2));
		p->part = part < 0 ? HY_PART_ATTENDEE : (enum hy_part)part;
		p->role = col_dup(st, 3, &oom);
	}
	sqlite3_finalize(st);
	if (oom)
		rc = hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
	else if (rc != SQLITE_DONE)
		rc = hy_store_fail(s, rc, "reading a meeting's people", err,
				   errlen);
	else
		rc = title ? meeting_title(s, meeting, title, err, errlen) : 0;
	if (rc) {
		hy_meeting_people_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}
