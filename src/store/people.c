/* people.c: the people of the stored meetings (people.h, schema v7 and
 * v8, DESIGN.md §2 people): their tables, the statements the people's
 * files keep (people_int.h), and how a meeting's people go in at import.
 * The keys are people_key.c's, the reads people_read.c's. */
#include "internal.h"
#include "huiyi/i18n.h"
#include "people_int.h"

#include "huiyi/err.h"
#include "huiyi/meeting.h"
#include "huiyi/people.h"

#include <stdlib.h>
#include <string.h>

/* ---- the schema ------------------------------------------------------ */

/* persons and appearances were derived up to v18 (db.c
 * hy_store_is_derived): made again from meeting_people, people and
 * meetings by PEOPLE_FILL, which the v7 migration and reindex ran. From
 * v19 (below) appearances is what the meetings' people are, and persons
 * alone is derived, from appearances, people and meetings
 * (PEOPLE_FILL_V19). The SQL functions hy_person_key,
 * hy_person_sort and hy_person_py (hy_people_register) are those of
 * hy_people_key, hy_people_sort_key and hy_people_pinyin (people_key.c).
 *
 * persons: one row per (folded name, place); its counts, first and last
 * date and last role are kept up to date: by the import (the fold of a
 * batch's log, below, or PS_BUMP after each appearance before v13; no
 * trigger, which would make every insert write a statement journal), by
 * PEOPLE_FILL's aggregates, and
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
#define PEOPLE_FILL                                                                                \
	"DELETE FROM persons;"                                                                     \
	"DELETE FROM appearances;"                                                                 \
	"INSERT OR IGNORE INTO persons (key, place, name, sort, py)"                               \
	" SELECT hy_person_key(p.name), hy_person_key(ifnull(m.place, '')),"                       \
	" p.name,"                                                                                 \
	" hy_person_sort(p.name), hy_person_py(hy_person_key(p.name))"                             \
	" FROM meeting_people mp JOIN people p ON p.id = mp.person_id"                             \
	" JOIN meetings m ON m.id = mp.meeting_id"                                                 \
	" WHERE hy_person_key(p.name) <> ''"                                                       \
	" ORDER BY mp.meeting_id, mp.role, mp.position;"                                           \
	"INSERT INTO appearances (person_id, date, meeting_id, part, position,"                    \
	" role)"                                                                                   \
	" SELECT q.id, ifnull(m.date, ''), mp.meeting_id,"                                         \
	" CASE WHEN mp.invited THEN 'invited' ELSE mp.role END, mp.position,"                      \
	" nullif(mp.title, '')"                                                                    \
	" FROM meeting_people mp JOIN people p ON p.id = mp.person_id"                             \
	" JOIN meetings m ON m.id = mp.meeting_id"                                                 \
	" JOIN persons q ON q.key = hy_person_key(p.name)"                                         \
	" AND q.place = hy_person_key(ifnull(m.place, ''));" PEOPLE_COUNTS
/* each person's counts, dates and last role, from its appearances */
#define PEOPLE_COUNTS                                                                              \
	"UPDATE persons SET (chaired, attended, observed, invited, n, first,"                      \
	" last) = (SELECT sum(part = 'chair'), sum(part = 'attendee'),"                            \
	" sum(part = 'observer'), sum(part = 'invited'), count(*),"                                \
	" min(nullif(date, '')), max(nullif(date, '')) FROM appearances"                           \
	" WHERE person_id = persons.id);"                                                          \
	"UPDATE persons SET (role, role_date) = (SELECT role, date"                                \
	" FROM appearances WHERE person_id = persons.id"                                           \
	" AND ifnull(role, '') <> '' ORDER BY date DESC, meeting_id DESC"                          \
	" LIMIT 1);"
/* v19: the persons again from the appearances, which keep their rows:
 * each given the person of its name (as written, people) and its
 * meeting's place, 0 when the name has no letters, and its meeting's
 * date. The persons are made in the order PEOPLE_FILL made them (the
 * links' key: meeting, then chair|attendee|observer as text, an invited
 * guest an observer, then position), so reindex gives the same ids and
 * names as before v19. */
#define PEOPLE_FILL_V19                                                                                       \
	"DELETE FROM persons;"                                                                                \
	"INSERT OR IGNORE INTO persons (key, place, name, sort, py)"                                          \
	" SELECT hy_person_key(p.name), hy_person_key(ifnull(m.place, '')),"                                  \
	" p.name,"                                                                                            \
	" hy_person_sort(p.name), hy_person_py(hy_person_key(p.name))"                                        \
	" FROM appearances a JOIN people p ON p.id = a.name_id"                                               \
	" JOIN meetings m ON m.id = a.meeting_id"                                                             \
	" WHERE hy_person_key(p.name) <> ''"                                                                  \
	" ORDER BY a.meeting_id, " HY_LINK_ROLE(                                                              \
		"a") ", a.position;"                                                                          \
		     "UPDATE appearances SET (person_id, date) = (SELECT ifnull(q.id, 0), ifnull(m.date, '')" \
		     " FROM people p JOIN meetings m ON m.id = appearances.meeting_id"                        \
		     " LEFT JOIN persons q ON q.key = hy_person_key(p.name)"                                  \
		     " AND q.place = hy_person_key(ifnull(m.place, ''))"                                      \
		     " WHERE p.id = appearances.name_id);" PEOPLE_COUNTS

#define PART_SUB(col, part) col " = " col " - (old.part = '" part "'),"
/* an appearance gone (a meeting's cascade): its person's counts, dates
 * and role from the rest, the person gone with the last */
#define APPEARANCES_DELETE                                                                         \
	"CREATE TRIGGER appearances_delete AFTER DELETE ON appearances BEGIN"                      \
	" UPDATE persons SET" PART_SUB(" chaired", "chair") PART_SUB(" attended", "attendee")      \
		PART_SUB(" observed", "observer") PART_SUB(                                        \
			" invited",                                                                \
			"invited") " n = n - 1,"                                                   \
				   " first = (SELECT min(date) FROM appearances"                   \
				   "  WHERE person_id = old.person_id AND date > ''),"             \
				   " last = (SELECT max(date) FROM appearances"                    \
				   "  WHERE person_id = old.person_id AND date > ''),"             \
				   " (role, role_date) = (SELECT role, date FROM appearances"      \
				   "  WHERE person_id = old.person_id AND ifnull(role, '') <> ''"  \
				   "  ORDER BY date DESC, meeting_id DESC LIMIT 1)"                \
				   " WHERE id = old.person_id;"                                    \
				   " DELETE FROM persons WHERE id = old.person_id AND n <= 0;"     \
				   " END;"

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
	" person_id);" APPEARANCES_DELETE PEOPLE_FILL;

/* people_total: how many persons there are, so the people screen's first
 * paint need not count 300,000 rows of an index (10 ms with the file in
 * the cache, 80 ms without, at 100,000 meetings). One row; the import
 * adds one for each person it makes (PS_TOTAL, as P_BUMP and for the
 * same reason), the trigger takes one off for each that goes, PEOPLE_FILL
 * counts them again. Without the row hy_store_people_count counts. */
#define PEOPLE_TOTAL                                                                               \
	"DELETE FROM people_total;"                                                                \
	"INSERT INTO people_total (id, n) SELECT 0, count(*) FROM persons;"

const char hy_store_people_fill[] = PEOPLE_FILL PEOPLE_TOTAL;

/* Schema v8: the surname read as a surname (people_key.c: 单磊 shanlei,
 * sorted under s), and the name order's key made of the pinyin syllable
 * by syllable before ICU's: py and sort again for everyone; and
 * people_total. */
const char hy_store_schema_v8[] = "UPDATE persons SET sort = hy_person_sort(name),"
				  " py = hy_person_py(key);"
				  "CREATE TABLE people_total ("
				  " id INTEGER PRIMARY KEY CHECK (id = 0),"
				  " n INTEGER NOT NULL);"
				  "CREATE TRIGGER persons_delete AFTER DELETE ON persons BEGIN"
				  " UPDATE people_total SET n = n - 1;"
				  " END;" PEOPLE_TOTAL;

/* Schema v19: the people stored once (DESIGN.md §2 People, issue 14).
 * Up to v18 every name was stored twice: as written, linked to its
 * meeting (people, meeting_people: content) and as a person's
 * appearance (persons, appearances: derived from them). From v19 the
 * appearance is the link: appearances gains name_id, the name as
 * written (people, which stays: the names' dictionary, that the name
 * filters scan), and holds every name, one with no letters (its key
 * '') under person 0, which is no person; meeting_people and its index
 * go. appearances is content now: no foreign key to persons (reindex
 * makes the persons again and gives every appearance its person,
 * PEOPLE_FILL_V19), and appearances_by_meeting holds the name too, so
 * a meeting's names and the filters by name read no table row. The
 * migration takes each link's person from persons by its name's key and
 * its meeting's place, as PEOPLE_FILL and the import found it, so the
 * persons keep their ids. */
const char hy_store_schema_v19[] =
	"CREATE TABLE appearances_v19 ("
	" person_id INTEGER NOT NULL,"
	" date TEXT NOT NULL,"
	" meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
	" part TEXT NOT NULL"
	"  CHECK (part IN ('chair', 'attendee', 'observer', 'invited')),"
	" position INTEGER NOT NULL,"
	" name_id INTEGER NOT NULL REFERENCES people(id),"
	" role TEXT,"
	" PRIMARY KEY (person_id, date, meeting_id, part, position))"
	" WITHOUT ROWID;"
	"INSERT INTO appearances_v19 (person_id, date, meeting_id, part, position, name_id,"
	" role)"
	" SELECT ifnull(q.id, 0), ifnull(m.date, ''), mp.meeting_id,"
	" CASE WHEN mp.invited THEN 'invited' ELSE mp.role END, mp.position, p.id,"
	" nullif(mp.title, '')"
	" FROM meeting_people mp JOIN people p ON p.id = mp.person_id"
	" JOIN meetings m ON m.id = mp.meeting_id"
	" LEFT JOIN persons q ON q.key = hy_person_key(p.name)"
	" AND q.place = hy_person_key(ifnull(m.place, ''))"
	" ORDER BY 1, 2, 3, 4, 5;"
	/* (IF EXISTS: derived until now, maybe dropped by hand) */
	"DROP TRIGGER IF EXISTS appearances_delete;"
	"DROP TABLE IF EXISTS appearances;"
	"DROP TABLE meeting_people;"
	"ALTER TABLE appearances_v19 RENAME TO appearances;"
	"CREATE INDEX appearances_by_meeting ON appearances(meeting_id, person_id, name_id);" APPEARANCES_DELETE;

const char hy_store_people_fill_v19[] = PEOPLE_FILL_V19 PEOPLE_TOTAL;

/* ---- statements ------------------------------------------------------- */

struct hy_people_stmts {
	sqlite3_stmt *st[PS_COUNT];
	size_t pending; /* appearances in temp.people_log */
	int made;       /* temp.people_log exists */
};

void hy_store_people_close(struct hy_store *s)
{
	if (!s || !s->people)
		return;
	for (int i = 0; i < PS_COUNT; i++)
		sqlite3_finalize(s->people->st[i]);
	free(s->people);
	s->people = NULL;
}

int hy_people_stmt(struct hy_store *s, int slot, const char *sql, sqlite3_stmt **out, char *err,
		   size_t errlen)
{
	*out = NULL;
	if (s->version < 7)
		return hy_err_set(err, errlen, HY_ERR_DB,
				  _("%s: the database has no people yet "
				    "(schema version %d)"),
				  s->path, s->version);
	if (!s->people && !(s->people = calloc(1, sizeof *s->people)))
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	if (!s->people->st[slot]) {
		int rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
					    &s->people->st[slot], NULL);
		if (rc != SQLITE_OK)
			return hy_store_fail(s, rc, N_("reading the people"), err, errlen);
	}
	*out = s->people->st[slot];
	sqlite3_reset(*out);
	sqlite3_clear_bindings(*out);
	return 0;
}

/* ---- import ---------------------------------------------------------- */

static const char sql_link[] = "INSERT INTO meeting_people (meeting_id, person_id, role,"
			       " position, title, invited) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char sql_find[] = "SELECT id FROM persons WHERE key = ?1 AND place = ?2";
static const char sql_total[] = "UPDATE people_total SET n = n + 1";
static const char sql_insert[] = "INSERT INTO persons (key, place, name, sort, py)"
				 " VALUES (?1, ?2, ?3, ?4, ?5)";
static const char sql_appear[] = "INSERT INTO appearances (person_id, date, meeting_id,"
				 " part, position, role) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char sql_bump[] = "UPDATE persons SET"
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
			       " WHERE id = ?1";

/* The id of the person (key, place), made when new. */
static int person_of(struct hy_store *s, const char *name, const char *key, const char *place,
		     int64_t *id, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc = hy_people_stmt(s, PS_FIND, sql_find, &st, err, errlen);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, place, -1, SQLITE_STATIC);
	rc = hy_store_find_id(s, st, id, "looking up a person", err, errlen);
	if (rc)
		return rc > 0 ? 0 : rc;
	rc = hy_people_stmt(s, PS_INSERT, sql_insert, &st, err, errlen);
	if (rc)
		return rc;
	int32_t n;
	int oom_sk, oom_py;
	uint8_t *sk = hy_people_sort_key(name, &n, &oom_sk);
	char *py = hy_people_pinyin(key, &oom_py);
	if (oom_sk || oom_py) { /* not "no reading": the row would lack it */
		free(sk);
		free(py);
		return hy_err_set(err, errlen, HY_ERR_NOMEM,
				  _("%s: storing a person: out of memory"), s->path);
	}
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, place, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
	if (sk)
		sqlite3_bind_blob(st, 4, sk, n, free);
	sqlite3_bind_text(st, 5, py, -1, free);
	rc = hy_store_step_done(s, st, "storing a person", err, errlen);
	if (rc == 0 && s->version >= 8) {
		sqlite3_int64 made = sqlite3_last_insert_rowid(s->db);
		rc = hy_people_stmt(s, PS_TOTAL, sql_total, &st, err, errlen);
		if (rc == 0)
			rc = hy_store_step_done(s, st, "counting the people", err, errlen);
		if (rc == 0)
			*id = made;
		return rc;
	}
	if (rc == 0)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

/* One name of meeting mid: its link (content) and its appearance, written
 * at once (a database before v13, whose people have no key). */
static int add_one(struct hy_store *s, int64_t mid, const struct hy_meeting *m, enum hy_part part,
		   const char *name, const char *role, size_t position, char *err, size_t errlen)
{
	const char *as = part == HY_PART_INVITED ? "observer" : hy_part_name(part);
	sqlite3_stmt *st;
	int64_t raw = 0, pid = 0;
	int rc = hy_store_person_row(s, name, &raw, err, errlen);
	if (rc == 0)
		rc = hy_people_stmt(s, PS_LINK, sql_link, &st, err, errlen);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, mid);
	sqlite3_bind_int64(st, 2, raw);
	sqlite3_bind_text(st, 3, as, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)position);
	sqlite3_bind_text(st, 5, role && role[0] ? role : NULL, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, part == HY_PART_INVITED);
	rc = hy_store_step_done(s, st, "linking a person", err, errlen);
	if (rc)
		return rc;
	char *key = hy_people_key(name);
	if (!key)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	if (!key[0]) { /* nothing but punctuation: no person */
		free(key);
		return 0;
	}
	char *place = hy_people_key(m->place ? m->place : "");
	rc = place ? person_of(s, name, key, place, &pid, err, errlen)
		   : hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	free(key);
	free(place);
	if (rc == 0)
		rc = hy_people_stmt(s, PS_APPEAR, sql_appear, &st, err, errlen);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, pid);
	sqlite3_bind_text(st, 2, m->date ? m->date : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, mid);
	sqlite3_bind_text(st, 4, hy_part_name(part), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)position);
	sqlite3_bind_text(st, 6, role && role[0] ? role : NULL, -1, SQLITE_STATIC);
	rc = hy_store_step_done(s, st, "storing a person's meeting", err, errlen);
	if (rc == 0)
		rc = hy_people_stmt(s, PS_BUMP, sql_bump, &st, err, errlen);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, pid);
	sqlite3_bind_text(st, 2, hy_part_name(part), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, m->date ? m->date : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, role && role[0] ? role : NULL, -1, SQLITE_STATIC);
	return hy_store_step_done(s, st, "counting a person's meetings", err, errlen);
}

/* ---- the batch's log of appearances (schema v13 on) -------------------
 *
 * Written one appearance at a time, the people's tables were the import's
 * cost that grew with the corpus: each name looked up and linked, each
 * person's counts, dates and role changed in place, each of those moving
 * entries in indexes ordered by name, count and date, so a batch touched
 * pages all over tables as large as the corpus (at 100,000 meetings 5,000
 * more readouts took 8.4 s, 4.7 s without their people; bench/RESULTS.md
 * "Scale"). Now a batch's appearances go to a temporary table as they
 * come, and hy_store_people_flush folds them in when the batch commits: one
 * statement a table, each in the order of the index it writes, so every
 * page is changed once a batch however many names land on it, and a
 * person's counts change once a batch, not once an appearance. The result
 * is the same rows as writing them one by one (a person's id is still
 * given in the order of first appearance; role and dates as PS_BUMP would
 * leave them); anything that reads or deletes people inside the batch
 * folds the log first (hy_store_people_flush). */
static const char sql_log_make[] = "CREATE TEMP TABLE IF NOT EXISTS people_log ("
				   " seq INTEGER PRIMARY KEY,"
				   " meeting_id INTEGER NOT NULL,"
				   " link TEXT NOT NULL," /* meeting_people.role */
				   " part TEXT NOT NULL," /* appearances.part */
				   " position INTEGER NOT NULL,"
				   " name TEXT NOT NULL,"
				   " role TEXT,"
				   " invited INTEGER NOT NULL,"
				   " key TEXT NOT NULL," /* hy_people_key(name) */
				   " place TEXT NOT NULL,"
				   " date TEXT NOT NULL)";
static const char sql_log[] = "INSERT INTO temp.people_log (meeting_id, link, part, position,"
			      " name, role, invited, key, place, date)"
			      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

/* The fold, in the order each table's index wants its rows. */
/* the names as written */
#define FOLD_NAMES                                                                                 \
	"INSERT OR IGNORE INTO people (name, key)"                                                 \
	" SELECT name, key FROM temp.people_log GROUP BY name ORDER BY name;"
/* (before v19) each meeting's links to them, in the order of the links'
 * key (meeting, role, position): the check of each link's foreign key
 * reads its meeting's row, so in person order it read the batch's
 * meeting rows at random, a cache miss a link once they outgrew the
 * cache (61,000 for 10,000 readouts into a 60,000-readout database,
 * against 10,000 misses in this order for the random inserts into
 * meeting_people_by_person; bench/RESULTS.md, issue 14, thirteenth
 * session) */
#define FOLD_LINKS                                                                                 \
	"INSERT INTO meeting_people (meeting_id, person_id, role, position, title,"                \
	" invited)"                                                                                \
	" SELECT l.meeting_id, p.id, l.link, l.position, l.role, l.invited"                        \
	" FROM temp.people_log l JOIN people p ON p.name = l.name"                                 \
	" ORDER BY l.meeting_id, l.link, l.position;"
/* the persons not seen before, in the order they first appear */
#define FOLD_PERSONS                                                                               \
	"INSERT INTO persons (key, place, name, sort, py)"                                         \
	" SELECT key, place, name, hy_person_sort(name), hy_person_py(key)"                        \
	" FROM (SELECT key, place, name, min(seq) AS first FROM temp.people_log"                   \
	"  WHERE key <> '' GROUP BY key, place) n"                                                 \
	" WHERE NOT EXISTS (SELECT 1 FROM persons q"                                               \
	"  WHERE q.key = n.key AND q.place = n.place)"                                             \
	" ORDER BY first;"                                                                         \
	"UPDATE people_total SET n = n + changes();"
#define FOLD_APPEARANCES                                                                           \
	"INSERT INTO appearances (person_id, date, meeting_id, part, position, role)"              \
	" SELECT q.id, l.date, l.meeting_id, l.part, l.position, l.role"                           \
	" FROM temp.people_log l JOIN persons q ON q.key = l.key AND q.place = l.place"            \
	" WHERE l.key <> ''"                                                                       \
	" ORDER BY q.id, l.date, l.meeting_id, l.part, l.position;"
/* v19: every name, with the name as written; one with no letters under
 * person 0 */
#define FOLD_APPEARANCES_V19                                                                       \
	"INSERT INTO appearances (person_id, date, meeting_id, part, position, name_id, role)"     \
	" SELECT ifnull(q.id, 0), l.date, l.meeting_id, l.part, l.position, p.id, l.role"          \
	" FROM temp.people_log l JOIN people p ON p.name = l.name"                                 \
	" LEFT JOIN persons q ON q.key = l.key AND q.place = l.place AND l.key <> ''"              \
	" ORDER BY 1, 2, 3, 4, 5;"
/* each person's counts and dates once */
#define FOLD_COUNTS                                                                                \
	"UPDATE persons SET chaired = persons.chaired + d.c,"                                      \
	" attended = persons.attended + d.a, observed = persons.observed + d.o,"                   \
	" invited = persons.invited + d.i, n = persons.n + d.n,"                                   \
	" first = CASE WHEN d.lo IS NULL OR d.lo >= ifnull(persons.first, '9')"                    \
	"  THEN persons.first ELSE d.lo END,"                                                      \
	" last = CASE WHEN d.hi IS NULL OR d.hi <= ifnull(persons.last, '')"                       \
	"  THEN persons.last ELSE d.hi END"                                                        \
	" FROM (SELECT q.id AS id, sum(l.part = 'chair') AS c,"                                    \
	"  sum(l.part = 'attendee') AS a, sum(l.part = 'observer') AS o,"                          \
	"  sum(l.part = 'invited') AS i, count(*) AS n,"                                           \
	"  min(nullif(l.date, '')) AS lo, max(nullif(l.date, '')) AS hi"                           \
	"  FROM temp.people_log l JOIN persons q"                                                  \
	"  ON q.key = l.key AND q.place = l.place"                                                 \
	"  WHERE l.key <> '' GROUP BY q.id) d"                                                     \
	" WHERE persons.id = d.id;"
/* the role of the latest dated appearance that gives one (the later of
 * two on one date), unless the person's is newer; and the log emptied */
#define FOLD_ROLES                                                                                 \
	"UPDATE persons SET role = r.role, role_date = r.date"                                     \
	" FROM (SELECT id, role, date FROM (SELECT q.id AS id, l.role AS role,"                    \
	"  l.date AS date, row_number() OVER (PARTITION BY q.id"                                   \
	"  ORDER BY l.date DESC, l.seq DESC) AS k"                                                 \
	"  FROM temp.people_log l JOIN persons q"                                                  \
	"  ON q.key = l.key AND q.place = l.place"                                                 \
	"  WHERE l.key <> '' AND ifnull(l.role, '') <> '') WHERE k = 1) r"                         \
	" WHERE persons.id = r.id AND r.date >= ifnull(persons.role_date, '');"                    \
	"DELETE FROM temp.people_log;"
static const char sql_fold[] =
	FOLD_NAMES FOLD_LINKS FOLD_PERSONS FOLD_APPEARANCES FOLD_COUNTS FOLD_ROLES;
static const char sql_fold_v19[] =
	FOLD_NAMES FOLD_PERSONS FOLD_APPEARANCES_V19 FOLD_COUNTS FOLD_ROLES;

int hy_store_people_flush(struct hy_store *s, char *err, size_t errlen)
{
	int rc;
	if (!s->people || !s->people->pending)
		return 0;
	rc = hy_store_exec(s, s->version >= 19 ? sql_fold_v19 : sql_fold, "storing the people", err,
			   errlen);
	if (rc)
		s->batch_spoiled = 1;
	else
		s->people->pending = 0;
	return rc;
}

void hy_store_people_forget(struct hy_store *s)
{
	if (s->people) { /* the rollback took the log's rows, maybe the log */
		s->people->pending = 0;
		s->people->made = 0;
	}
}

/* One name of meeting mid, into the batch's log. */
static int log_one(struct hy_store *s, int64_t mid, const struct hy_meeting *m, enum hy_part part,
		   const char *name, const char *role, size_t position, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	char *key = hy_people_key(name);
	char *place = hy_people_key(m->place ? m->place : "");
	int rc = key && place && (s->people || (s->people = calloc(1, sizeof *s->people)))
			 ? 0
			 : hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));

	if (rc == 0 && !s->people->made) {
		rc = hy_store_exec(s, sql_log_make, "storing the people", err, errlen);
		s->people->made = rc == 0;
	}
	if (rc == 0)
		rc = hy_people_stmt(s, PS_LOG, sql_log, &st, err, errlen);
	if (rc) {
		free(key);
		free(place);
		return rc;
	}
	sqlite3_bind_int64(st, 1, mid);
	sqlite3_bind_text(st, 2, part == HY_PART_INVITED ? "observer" : hy_part_name(part), -1,
			  SQLITE_STATIC);
	sqlite3_bind_text(st, 3, hy_part_name(part), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)position);
	sqlite3_bind_text(st, 5, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, role && role[0] ? role : NULL, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 7, part == HY_PART_INVITED);
	sqlite3_bind_text(st, 8, key, -1, free);
	sqlite3_bind_text(st, 9, place, -1, free);
	sqlite3_bind_text(st, 10, m->date ? m->date : "", -1, SQLITE_STATIC);
	rc = hy_store_step_done(s, st, "storing the people", err, errlen);
	if (rc == 0)
		s->people->pending++;
	return rc;
}

static int add_name(struct hy_store *s, int64_t mid, const struct hy_meeting *m, enum hy_part part,
		    const char *name, const char *role, size_t position, char *err, size_t errlen)
{
	if (s->version >= 13)
		return log_one(s, mid, m, part, name, role, position, err, errlen);
	return add_one(s, mid, m, part, name, role, position, err, errlen);
}

int hy_store_people_add(struct hy_store *s, int64_t mid, const struct hy_meeting *m, char *err,
			size_t errlen)
{
	int rc = 0;
	if (m->chair && m->chair[0])
		rc = add_name(s, mid, m, HY_PART_CHAIR, m->chair, m->chair_role, 0, err, errlen);
	for (size_t i = 0; rc == 0 && i < m->n_attendees; i++)
		if (m->attendees[i] && m->attendees[i][0])
			rc = add_name(s, mid, m, HY_PART_ATTENDEE, m->attendees[i],
				      m->attendee_roles ? m->attendee_roles[i] : NULL, i, err,
				      errlen);
	for (size_t i = 0; rc == 0 && i < m->n_observers; i++)
		if (m->observers[i] && m->observers[i][0])
			rc = add_name(
				s, mid, m,
				m->observer_invited && m->observer_invited[i] ? HY_PART_INVITED
									      : HY_PART_OBSERVER,
				m->observers[i], m->observer_roles ? m->observer_roles[i] : NULL, i,
				err, errlen);
	return rc;
}
