/* db.c: open the database, check what it is, bring its schema forward,
 * batches, and the prepared statements the other store files share. */
#include "internal.h"

#include "huiyi/err.h"
#include "huiyi/fts.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

/* PRAGMA application_id of a huiyi database: "HYI1". */
#define HY_STORE_APP_ID 0x48594931

#ifndef HY_STORE_PAGE_SIZE
#define HY_STORE_PAGE_SIZE "16384"
#endif

/* Schema v1 (DESIGN.md §2 store). Dates are TEXT "YYYY-MM-DD"; a date that
 * is not known is NULL and sorts after every known one (ifnull(date, '')
 * is the list key, indexed together with the implicit rowid). */
static const char schema_v1[] =
	"CREATE TABLE meetings ("
	" id INTEGER PRIMARY KEY,"
	" title TEXT, published TEXT, date TEXT, body TEXT, kind TEXT,"
	" number INTEGER,"
	" chair TEXT, chair_role TEXT, summary TEXT,"
	" sha256 TEXT NOT NULL UNIQUE,"
	" source TEXT NOT NULL,"
	" encoding TEXT,"
	" replaced INTEGER NOT NULL DEFAULT 0,"
	" imported_at TEXT NOT NULL"
	"  DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
	" clean TEXT NOT NULL,"  /* the big ones last: reading the list */
	" raw BLOB NOT NULL);"   /* columns never walks their overflow */
	"CREATE INDEX meetings_by_date ON meetings(ifnull(date, ''));"
	"CREATE TABLE sections ("
	" id INTEGER PRIMARY KEY,"
	" meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
	" n INTEGER NOT NULL,"
	" heading TEXT NOT NULL,"
	" text TEXT NOT NULL,"
	" UNIQUE (meeting_id, n));"
	"CREATE TABLE people ("
	" id INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL UNIQUE);"
	/* Key columns first: sqlite 3.40's integrity_check misreads a
	 * WITHOUT ROWID table whose other columns come before key ones. */
	"CREATE TABLE meeting_people ("
	" meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
	" role TEXT NOT NULL CHECK (role IN ('chair', 'attendee', 'observer')),"
	" position INTEGER NOT NULL,"
	" person_id INTEGER NOT NULL REFERENCES people(id),"
	" PRIMARY KEY (meeting_id, role, position)) WITHOUT ROWID;"
	"CREATE INDEX meeting_people_by_person"
	" ON meeting_people(person_id, meeting_id);";

/* Schema v2: the indexes of the list orders (store.h enum hy_store_sort)
 * and a table of the bodies for the body filter.
 *
 * Each order is a tuple of key expressions; every one is indexed so that
 * a page is one index range read in index order, forward or backward.
 * The expressions must be written in queries exactly as here
 * (src/store/query.c), or sqlite does not see the index:
 *   date   ifnull(date, '')     '' (unknown) below every date: last in DESC
 *   body   ifnull(body, x'')    a BLOB sorts after every TEXT: unknown last
 *   number ifnull(number, 0)    none (NULL) is 0: last in DESC
 * Date order: meetings_by_date (v1) backward: date DESC, rowid DESC.
 * Body order: ASC then DESC DESC, so the directions are spelled out.
 * Number order: meetings_by_number backward.
 * A body filter that names a few bodies reads one range per body:
 * meetings_by_body (date order within a body) and meetings_by_body_number.
 *
 * bodies: each distinct non-NULL body with its number of meetings, kept
 * by triggers, so a body substring is resolved against a few hundred
 * names instead of every meeting. */
static const char schema_v2[] =
	"CREATE INDEX meetings_by_body ON meetings("
	" ifnull(body, x''), ifnull(date, '') DESC, id DESC);"
	"CREATE INDEX meetings_by_number ON meetings("
	" ifnull(number, 0), ifnull(date, ''));"
	"CREATE INDEX meetings_by_body_number ON meetings("
	" ifnull(body, x''), ifnull(number, 0), ifnull(date, ''));"
	"CREATE TABLE bodies ("
	" name TEXT PRIMARY KEY,"
	" n INTEGER NOT NULL) WITHOUT ROWID;"
	"INSERT INTO bodies (name, n)"
	" SELECT body, count(*) FROM meetings WHERE body IS NOT NULL"
	" GROUP BY body;"
	"CREATE TRIGGER meetings_body_insert AFTER INSERT ON meetings"
	" WHEN new.body IS NOT NULL BEGIN"
	" INSERT INTO bodies (name, n) VALUES (new.body, 1)"
	"  ON CONFLICT (name) DO UPDATE SET n = n + 1;"
	" END;"
	"CREATE TRIGGER meetings_body_delete AFTER DELETE ON meetings"
	" WHEN old.body IS NOT NULL BEGIN"
	" UPDATE bodies SET n = n - 1 WHERE name = old.body;"
	" DELETE FROM bodies WHERE name = old.body AND n <= 0;"
	" END;"
	"CREATE TRIGGER meetings_body_update AFTER UPDATE OF body ON meetings"
	" WHEN old.body IS NOT new.body BEGIN"
	" UPDATE bodies SET n = n - 1 WHERE name = old.body;"
	" DELETE FROM bodies WHERE name = old.body AND n <= 0;"
	" INSERT INTO bodies (name, n) SELECT new.body, 1"
	"  WHERE new.body IS NOT NULL"
	"  ON CONFLICT (name) DO UPDATE SET n = n + 1;"
	" END;";

/* Schema v3: the search index (fts.h, DESIGN.md §5 search tokens).
 * sections_fts(heading, text) and meetings_fts(title, summary) are FTS5
 * tables with external content (rowid = the content row's id) and our
 * tokenizer, which every connection registers before this runs.
 *
 * New rows: sqlite 3.40's FTS5 writes its pending terms out as a new
 * segment at every statement savepoint, and an INSERT with a trigger opens
 * one inside a batch, so indexing each row from its insert trigger makes
 * one tiny segment per row to merge (importing 20,000 meetings took 2.8×
 * the CPU time of an import without an index; indexing a batch's rows in
 * one statement, 1.5×). So the insert triggers fire only WHEN
 * hy_fts_immediate() (fts.h), which hy_fts_register defines as 1 (the
 * sqlite3 shell with the extension: every row at once) and hy_store_open
 * as 0: its connections
 * index the rows a batch added when the batch commits (index_new), i.e.
 * every row above the highest rowid in the index (FTS5's %_docsize has a
 * row per indexed document). Deleting or updating a row takes it out of
 * the index only if it is in (FTS5's 'delete' of a row it never indexed
 * would corrupt it): a row not yet indexed waits for its commit with its
 * new values. Deleting a meeting cascades to its sections, whose delete
 * trigger fires too. automerge 16 (FTS5's default is 4) merges segments
 * less often: importing 100,000 meetings took 69 s of CPU instead of 85
 * (50 without an index), and queries were as fast. An existing database
 * is indexed by the 'rebuild' commands at the end. */
#define FTS_INDEXED(t, id) \
	" EXISTS (SELECT 1 FROM " t "_fts_docsize WHERE id = " id ")"
static const char schema_v3[] =
	"CREATE VIRTUAL TABLE sections_fts USING fts5("
	" heading, text, content='sections', content_rowid='id',"
	" tokenize='" HY_FTS_TOKENIZER "');"
	"CREATE TRIGGER sections_fts_insert AFTER INSERT ON sections"
	" WHEN hy_fts_immediate() BEGIN"
	" INSERT INTO sections_fts (rowid, heading, text)"
	"  VALUES (new.id, new.heading, new.text);"
	" END;"
	"CREATE TRIGGER sections_fts_delete AFTER DELETE ON sections"
	" WHEN" FTS_INDEXED("sections", "old.id") " BEGIN"
	" INSERT INTO sections_fts (sections_fts, rowid, heading, text)"
	"  VALUES ('delete', old.id, old.heading, old.text);"
	" END;"
	"CREATE TRIGGER sections_fts_update"
	" AFTER UPDATE OF id, heading, text ON sections"
	" WHEN" FTS_INDEXED("sections", "old.id") " BEGIN"
	" INSERT INTO sections_fts (sections_fts, rowid, heading, text)"
	"  VALUES ('delete', old.id, old.heading, old.text);"
	" INSERT INTO sections_fts (rowid, heading, text)"
	"  VALUES (new.id, new.heading, new.text);"
	" END;"
	"CREATE VIRTUAL TABLE meetings_fts USING fts5("
	" title, summary, content='meetings', content_rowid='id',"
	" tokenize='" HY_FTS_TOKENIZER "');"
	"CREATE TRIGGER meetings_fts_insert AFTER INSERT ON meetings"
	" WHEN hy_fts_immediate() BEGIN"
	" INSERT INTO meetings_fts (rowid, title, summary)"
	"  VALUES (new.id, new.title, new.summary);"
	" END;"
	"CREATE TRIGGER meetings_fts_delete AFTER DELETE ON meetings"
	" WHEN" FTS_INDEXED("meetings", "old.id") " BEGIN"
	" INSERT INTO meetings_fts (meetings_fts, rowid, title, summary)"
	"  VALUES ('delete', old.id, old.title, old.summary);"
	" END;"
	"CREATE TRIGGER meetings_fts_update"
	" AFTER UPDATE OF id, title, summary ON meetings"
	" WHEN" FTS_INDEXED("meetings", "old.id") " BEGIN"
	" INSERT INTO meetings_fts (meetings_fts, rowid, title, summary)"
	"  VALUES ('delete', old.id, old.title, old.summary);"
	" INSERT INTO meetings_fts (rowid, title, summary)"
	"  VALUES (new.id, new.title, new.summary);"
	" END;"
	"INSERT INTO sections_fts (sections_fts, rank) VALUES ('automerge', 16);"
	"INSERT INTO meetings_fts (meetings_fts, rank) VALUES ('automerge', 16);"
	"INSERT INTO sections_fts (sections_fts) VALUES ('rebuild');"
	"INSERT INTO meetings_fts (meetings_fts) VALUES ('rebuild');";

/* Schema v4: fts_lengths, each indexed row's length in tokens in blocks
 * of HY_FTS_LENS_ROWS rowids (fts.h). Ranking needs the length of every
 * row that could make the page; read from FTS5's %_docsize that is one
 * b-tree lookup a row (about half the time of a search for a word in
 * 60,000 sections), from here one a block. The blocks are made from
 * %_docsize itself (hy_doclen, hy_lens): here for an existing index, at
 * every commit for the rows the batch indexed (index_new), by reindex for
 * all; deleting or changing a row marks it unknown (its 4 bytes zeroed),
 * and
 * an unknown or missing length is read from %_docsize as before, so a
 * stale block can only cost time, never a wrong score. */
#define LENS_ID(index, expr) \
	"((" #index " << " HY_STR(HY_FTS_LENS_INDEX_SHIFT) ") | ((" expr ") >> " \
	HY_STR(HY_FTS_LENS_SHIFT) "))"
#define LENS_SLOT(expr) "((" expr ") & (" HY_STR(HY_FTS_LENS_ROWS) " - 1))"
/* Fill the blocks of index from its docsize rows with id >= from. */
#define LENS_FILL(index, t, from) \
	"INSERT OR REPLACE INTO fts_lengths (id, lens)" \
	" SELECT " LENS_ID(index, "id") ", hy_lens(" LENS_SLOT("id") \
	", hy_doclen(sz)) FROM " t "_fts_docsize WHERE id >= " from \
	" AND id < (1 << " HY_STR(HY_FTS_LENS_ROWID_BITS) ")" \
	" GROUP BY id >> " HY_STR(HY_FTS_LENS_SHIFT) ";"
/* The first rowid of the last block of index (0 when none): new rows go
 * from there (the last block is made again, with the rows it had). */
#define LENS_LAST(index) \
	"((SELECT ifnull(max(id) & ((1 << " HY_STR(HY_FTS_LENS_INDEX_SHIFT) \
	") - 1), 0) FROM fts_lengths WHERE id BETWEEN (" #index " << " \
	HY_STR(HY_FTS_LENS_INDEX_SHIFT) ") AND ((" #index " + 1) << " \
	HY_STR(HY_FTS_LENS_INDEX_SHIFT) ") - 1) << " HY_STR(HY_FTS_LENS_SHIFT) ")"
/* (plain SQL, so the sqlite3 shell can change rows without our
 * functions: the block with the row's 4 bytes zeroed) */
#define LENS_FORGET(index, name, when) \
	"CREATE TRIGGER " name " AFTER " when \
	" WHEN old.id BETWEEN 0 AND (1 << " HY_STR(HY_FTS_LENS_ROWID_BITS) \
	") - 1" \
	" BEGIN UPDATE fts_lengths SET lens = CAST(substr(lens, 1, 4 * " \
	LENS_SLOT("old.id") ") || zeroblob(4) || substr(lens, 4 * " \
	LENS_SLOT("old.id") " + 5) AS BLOB) WHERE id = " \
	LENS_ID(index, "old.id") "; END;"
static const char schema_v4[] =
	"CREATE TABLE fts_lengths (id INTEGER PRIMARY KEY, lens BLOB NOT NULL);"
	LENS_FILL(0, "sections", "0")
	LENS_FILL(1, "meetings", "0")
	LENS_FORGET(0, "sections_lens_delete", "DELETE ON sections")
	LENS_FORGET(0, "sections_lens_update",
		    "UPDATE OF id, heading, text ON sections")
	LENS_FORGET(1, "meetings_lens_delete", "DELETE ON meetings")
	LENS_FORGET(1, "meetings_lens_update",
		    "UPDATE OF id, title, summary ON meetings");

/* Schema v5: partial dates and what was guessed (DESIGN.md §2 dates).
 * month_day "MM-DD" whenever the text gives them (a readout without a
 * year keeps them); date_basis where date's year came from (meeting.h
 * hy_date_basis_name, NULL when unknown: meetings stored before v5);
 * guessed the names of fields not read from the text ("year,title");
 * place the body's place (张家川县); units the offices listed with the
 * people (县财政局), one a line. Existing rows keep their date and
 * get its month and day. */
static const char schema_v5[] =
	"ALTER TABLE meetings ADD COLUMN month_day TEXT;"
	"ALTER TABLE meetings ADD COLUMN date_basis TEXT;"
	"ALTER TABLE meetings ADD COLUMN guessed TEXT;"
	"ALTER TABLE meetings ADD COLUMN place TEXT;"
	"ALTER TABLE meetings ADD COLUMN units TEXT;"
	"UPDATE meetings SET month_day = substr(date, 6, 5)"
	" WHERE date IS NOT NULL;";

/* The rows added since the index was last brought up to date (schema v3;
 * see there), and their lengths (schema v4). */
static const char index_new[] =
	"INSERT INTO sections_fts (rowid, heading, text)"
	" SELECT id, heading, text FROM sections"
	" WHERE id > (SELECT ifnull(max(id), 0) FROM sections_fts_docsize);"
	"INSERT INTO meetings_fts (rowid, title, summary)"
	" SELECT id, title, summary FROM meetings"
	" WHERE id > (SELECT ifnull(max(id), 0) FROM meetings_fts_docsize);";
static const char lens_new[] =
	LENS_FILL(0, "sections", LENS_LAST(0))
	LENS_FILL(1, "meetings", LENS_LAST(1));
/* All of them again (hy_store_reindex). */
const char hy_store_lens_rebuild[] =
	"DELETE FROM fts_lengths;"
	LENS_FILL(0, "sections", "0")
	LENS_FILL(1, "meetings", "0");

/* Schema v6: the tokenizer indexes the letters of every script (fts.h
 * CLASSES; up to v4 only Han, a–z and 0–9, the rest separated tokens).
 * Both indexes and the row lengths are built again with it: besides
 * making those letters searchable, a row's 'delete' (the triggers above)
 * must take out exactly the tokens its insert put in, or the index is
 * damaged. Costs about what huiyi reindex does, once. */
static const char schema_v6[] =
	"INSERT INTO sections_fts (sections_fts) VALUES ('rebuild');"
	"INSERT INTO meetings_fts (meetings_fts) VALUES ('rebuild');"
	"DELETE FROM fts_lengths;"
	LENS_FILL(0, "sections", "0")
	LENS_FILL(1, "meetings", "0");

/* Forward migrations: step i takes user_version from i to i + 1. Adding a
 * version is adding a line here and bumping HY_STORE_SCHEMA_VERSION. */
static const char *const migrations[] = {
	schema_v1,
	schema_v2,
	schema_v3,
	schema_v4,
	schema_v5,
	schema_v6,
	hy_store_schema_v7, /* the people: src/store/people.c */
};

_Static_assert(sizeof migrations / sizeof migrations[0] ==
		       HY_STORE_SCHEMA_VERSION,
	       "one migration step per schema version");

/* The tables that hold what was imported; everything else huiyi makes
 * (the search index and its shadow tables, fts_lengths, bodies, every
 * index and trigger) is derived from them and can be made again. */
static int is_content_table(const char *name)
{
	static const char *const content[] = {"meetings", "sections", "people",
					      "meeting_people"};
	for (size_t i = 0; i < sizeof content / sizeof content[0]; i++)
		if (strcmp(name, content[i]) == 0)
			return 1;
	return 0;
}

int hy_store_is_derived(const char *name)
{
	if (strncmp(name, "main.", 5) == 0)
		name += 5;
	return name[0] && strncmp(name, "sqlite_", 7) != 0 &&
	       !is_content_table(name);
}

/* 1 if the schema of db holds an object called name, 0 if not, else the
 * sqlite error code (negative). */
static int has_object(sqlite3 *db, const char *name)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE name = ?1",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return -rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -rc;
}

/* FTS5's automerge for a search index table made again (schema v3). */
static int set_automerge(struct hy_store *s, const char *table)
{
	char *q = sqlite3_mprintf("INSERT INTO \"%w\" (\"%w\", rank)"
				  " VALUES ('automerge', 16)",
				  table, table);
	int rc = q ? sqlite3_exec(s->db, q, NULL, NULL, NULL) : SQLITE_NOMEM;
	sqlite3_free(q);
	return rc;
}

/* What the schema of a database at version should hold: the migrations
 * run on an empty database in memory, with the same functions; NULL when
 * that fails (memory). */
static sqlite3 *reference_schema(int version)
{
	sqlite3 *ref = NULL;
	char ferr[256];
	int rc = sqlite3_open_v2(":memory:", &ref,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK && hy_fts_register(ref, ferr, sizeof ferr) != 0)
		rc = SQLITE_ERROR;
	if (rc == SQLITE_OK)
		rc = hy_people_register(ref);
	for (int v = 0; v < version && v < HY_STORE_SCHEMA_VERSION && rc == SQLITE_OK; v++)
		rc = sqlite3_exec(ref, migrations[v], NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_close(ref);
		return NULL;
	}
	return ref;
}

/* The name of the first derived table, index or trigger (above) that s
 * lacks, into buf; "" when none is missing or it cannot be known. */
static void missing_derived(struct hy_store *s, char *buf, size_t len)
{
	sqlite3 *ref = s->version > 0 ? reference_schema(s->version) : NULL;
	sqlite3_stmt *st = NULL;
	buf[0] = '\0';
	if (ref && sqlite3_prepare_v2(ref,
				      "SELECT name FROM sqlite_master WHERE sql IS NOT NULL"
				      " AND name NOT LIKE 'sqlite%' ORDER BY rowid",
				      -1, &st, NULL) == SQLITE_OK)
		while (!buf[0] && sqlite3_step(st) == SQLITE_ROW) {
			const char *name = (const char *)sqlite3_column_text(st, 0);
			if (name && hy_store_is_derived(name) && has_object(s->db, name) == 0)
				snprintf(buf, len, "%s", name);
		}
	sqlite3_finalize(st);
	sqlite3_close(ref);
}

/* The tables FTS5 keeps for the virtual table vtab (those of ref, whose
 * names start "vtab_"): with have_vtab 0, drop what is left of them; with
 * 1, make the missing ones as ref has them (a _config with ref's rows),
 * counting them in *made. A sqlite code. */
static int shadows(struct hy_store *s, sqlite3 *ref, const char *vtab,
		   int have_vtab, size_t *made)
{
	sqlite3_stmt *sh;
	int rc = sqlite3_prepare_v2(ref,
				    "SELECT name, sql FROM sqlite_master"
				    " WHERE type = 'table'"
				    " AND substr(name, 1, length(?1) + 1) = ?1 || '_'"
				    " ORDER BY rowid",
				    -1, &sh, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(sh, 1, vtab, -1, SQLITE_TRANSIENT);
	while (rc == SQLITE_OK && sqlite3_step(sh) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(sh, 0);
		const char *sql = (const char *)sqlite3_column_text(sh, 1);
		int have = name ? has_object(s->db, name) : 1;
		char *q;
		if (have < 0) {
			rc = -have;
			break;
		}
		if (!have_vtab) {
			q = sqlite3_mprintf("DROP TABLE IF EXISTS \"%w\"", name);
			rc = q ? sqlite3_exec(s->db, q, NULL, NULL, NULL) : SQLITE_NOMEM;
			sqlite3_free(q);
			continue;
		}
		if (have || !sql)
			continue;
		rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
		if (rc == SQLITE_OK) {
			/* with ref's rows: those FTS5 needs to open an empty
			 * index (its version in _config, its structure in
			 * _data); the rebuild then replaces them all */
			sqlite3_stmt *from = NULL, *to = NULL;
			q = sqlite3_mprintf("SELECT * FROM \"%w\"", name);
			rc = q ? sqlite3_prepare_v2(ref, q, -1, &from, NULL) : SQLITE_NOMEM;
			sqlite3_free(q);
			int n = rc == SQLITE_OK ? sqlite3_column_count(from) : 0;
			if (rc == SQLITE_OK && n > 0) {
				sqlite3_str *ins = sqlite3_str_new(s->db);
				sqlite3_str_appendf(ins, "INSERT INTO \"%w\" VALUES (?", name);
				for (int k = 1; k < n; k++)
					sqlite3_str_appendall(ins, ", ?");
				sqlite3_str_appendall(ins, ")");
				q = sqlite3_str_finish(ins);
				rc = q ? sqlite3_prepare_v2(s->db, q, -1, &to, NULL) :
					 SQLITE_NOMEM;
				sqlite3_free(q);
			}
			while (rc == SQLITE_OK && to && sqlite3_step(from) == SQLITE_ROW) {
				for (int k = 0; k < n; k++)
					sqlite3_bind_value(to, k + 1,
							   sqlite3_column_value(from, k));
				rc = sqlite3_step(to) == SQLITE_DONE ?
					     SQLITE_OK :
					     sqlite3_extended_errcode(s->db);
				sqlite3_reset(to);
			}
			sqlite3_finalize(to);
			sqlite3_finalize(from);
		}
		if (rc == SQLITE_OK)
			++*made;
	}
	sqlite3_finalize(sh);
	return rc;
}

int hy_store_restore_derived(struct hy_store *s, size_t *made, char *err,
			     size_t errlen)
{
	sqlite3 *ref;
	sqlite3_stmt *st = NULL;
	int rc;

	*made = 0;
	ref = reference_schema(s->version);
	rc = ref ? SQLITE_OK : SQLITE_NOMEM;
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(
			ref,
			"SELECT name, type, sql,"
			" sql LIKE 'CREATE VIRTUAL TABLE%',"
			" (SELECT group_concat(v.name, ' ') FROM sqlite_master v"
			"  WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%'"
			"  AND m.type = 'table'"
			"  AND substr(m.name, 1, length(v.name) + 1) = v.name || '_')"
			" FROM sqlite_master m"
			" WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite%'"
			" ORDER BY rowid",
			-1, &st, NULL);
	if (rc != SQLITE_OK) {
		rc = hy_err_set(err, errlen, HY_ERR_DB,
				"%s: making the search index again: %s",
				s->path, ref ? sqlite3_errmsg(ref) : "out of memory");
		sqlite3_close(ref);
		return rc;
	}
	rc = 0;
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *sql = (const char *)sqlite3_column_text(st, 2);
		int vtab = sqlite3_column_int(st, 3);
		int have;
		if (!name || !sql || !hy_store_is_derived(name) ||
		    sqlite3_column_type(st, 4) != SQLITE_NULL)
			continue; /* content, or a virtual table's own table */
		have = has_object(s->db, name);
		if (vtab && have >= 0) {
			/* FTS5 makes its own tables with it: what is left of
			 * them goes first when it is gone; when one of them is
			 * gone, it is made again empty (its config copied) for
			 * the rebuild to fill */
			int x = shadows(s, ref, name, have, made);
			if (x != SQLITE_OK) {
				rc = hy_store_fail(s, x, "making the search index again",
						   err, errlen);
				break;
			}
		}
		if (have < 0) {
			rc = hy_store_fail(s, -have, "reading the schema", err, errlen);
			break;
		}
		if (have)
			continue;
		if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK ||
		    (vtab && set_automerge(s, name) != SQLITE_OK)) {
			rc = hy_store_fail(s, sqlite3_extended_errcode(s->db),
					   "making the search index again", err, errlen);
			break;
		}
		++*made;
	}
	sqlite3_finalize(st);
	sqlite3_close(ref);
	return rc;
}

const char hy_store_sql_has[] = "SELECT 1 FROM meetings WHERE sha256 = ?1";

static const char *const stmt_sql[HY_ST_COUNT] = {
	[HY_ST_HAS] = hy_store_sql_has,
	[HY_ST_INSERT_MEETING] =
		"INSERT INTO meetings (title, published, date, body, kind,"
		" number, chair, chair_role, summary, raw, clean, sha256,"
		" source, encoding, replaced, month_day, date_basis, guessed,"
		" place, units)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
		" ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
	[HY_ST_INSERT_MEETING_V1] =
		"INSERT INTO meetings (title, published, date, body, kind,"
		" number, chair, chair_role, summary, raw, clean, sha256,"
		" source, encoding, replaced)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
		" ?13, ?14, ?15)",
	[HY_ST_INSERT_SECTION] =
		"INSERT INTO sections (meeting_id, n, heading, text)"
		" VALUES (?1, ?2, ?3, ?4)",
	[HY_ST_FIND_PERSON] = "SELECT id FROM people WHERE name = ?1",
	[HY_ST_INSERT_PERSON] = "INSERT INTO people (name) VALUES (?1)",
	[HY_ST_LINK_PERSON] =
		"INSERT INTO meeting_people (meeting_id, person_id, role,"
		" position) VALUES (?1, ?2, ?3, ?4)",
	[HY_ST_KEY_BY_ID] = "SELECT ifnull(date, ''), body, ifnull(number, 0)"
			    " FROM meetings WHERE id = ?1",
	[HY_ST_BODIES_LIKE] = "SELECT name FROM bodies"
			      " WHERE instr(name, ?1) > 0 ORDER BY name"
			      " LIMIT ?2",
	[HY_ST_PEOPLE_LIKE] = "SELECT id FROM people WHERE instr(name, ?1) > 0"
			      " LIMIT ?2",
	[HY_ST_MAX_ID] = "SELECT ifnull(max(id), 0) FROM meetings",
	[HY_ST_GET_MEETING] =
		"SELECT id, title, published, date, body, kind, number, chair,"
		" chair_role, summary, source, sha256, encoding, replaced,"
		" imported_at, month_day, date_basis, guessed, place, units"
		" FROM meetings WHERE id = ?1",
	[HY_ST_GET_SECTIONS] =
		"SELECT n, heading, text FROM sections WHERE meeting_id = ?1"
		" ORDER BY n",
	[HY_ST_GET_PEOPLE] =
		"SELECT mp.role, p.name FROM meeting_people mp"
		" JOIN people p ON p.id = mp.person_id"
		" WHERE mp.meeting_id = ?1 AND mp.role <> 'chair'"
		" ORDER BY mp.role, mp.position",
};

/* What the operating system said about the last failed write ("File too
 * large", "No space left on device"), else fallback. The files remember
 * their last errno (the -wal, where a batch is written, then the database
 * file); sqlite3_system_errno is the global errno, read later. */
static const char *sys_reason(struct hy_store *s, const char *fallback)
{
	sqlite3_file *wal = NULL;
	int e = 0;

	if (!s || !s->db)
		return fallback;
	if (sqlite3_file_control(s->db, "main", SQLITE_FCNTL_JOURNAL_POINTER,
				 &wal) == SQLITE_OK &&
	    wal && wal->pMethods)
		wal->pMethods->xFileControl(wal, SQLITE_FCNTL_LAST_ERRNO, &e);
	if (e == 0)
		sqlite3_file_control(s->db, "main", SQLITE_FCNTL_LAST_ERRNO,
				     &e);
	if (e == 0)
		e = sqlite3_system_errno(s->db);
	return e ? strerror(e) : fallback;
}

/* path + suffix ("-wal", "-shm"), or NULL. */
static char *beside(const char *path, const char *suffix)
{
	size_t n = strlen(path), k = strlen(suffix);
	char *w = malloc(n + k + 1);
	if (w) {
		memcpy(w, path, n);
		memcpy(w + n, suffix, k + 1);
	}
	return w;
}

/* What process pid is, into buf: its name, and for a huiyi the command
 * it runs ("huiyi import (pid 4242)"); controls in it as '?'. */
static void describe_pid(long pid, char *buf, size_t len)
{
	char comm[64] = "", cmd[32] = "", path[64], args[4096];
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/comm", pid);
	if ((f = fopen(path, "r")) != NULL) {
		if (fgets(comm, sizeof comm, f))
			comm[strcspn(comm, "\n")] = '\0';
		fclose(f);
	}
	snprintf(path, sizeof path, "/proc/%ld/cmdline", pid);
	if (strcmp(comm, "huiyi") == 0 && (f = fopen(path, "r")) != NULL) {
		/* its command: the first word that is neither an option nor
		 * the file after -d or --db */
		size_t n = fread(args, 1, sizeof args - 1, f), at = 0;
		int skip = 1; /* argv[0] */
		args[n] = '\0';
		fclose(f);
		while (at < n && !cmd[0]) {
			const char *a = args + at;
			at += strlen(a) + 1;
			if (skip) {
				skip = 0;
			} else if (strcmp(a, "-d") == 0 || strcmp(a, "--db") == 0) {
				skip = 1;
			} else if (a[0] != '-') {
				snprintf(cmd, sizeof cmd, " %.24s", a);
			}
		}
	}
	snprintf(buf, len, "%s%s (pid %ld)", comm[0] ? comm : "a process", cmd, pid);
	for (char *p = buf; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
}

/* The other process that holds the write lock of the database at path,
 * described into buf (above); "" when none is found. Read from
 * /proc/locks (Linux), which lists every process's locks without opening
 * the files (opening and closing one here would drop this process's own
 * sqlite locks on it): a WAL writer holds byte 120 of the -shm (sqlite's
 * WAL_WRITE_LOCK), a writer in another journal mode the RESERVED byte
 * (and up) of the file itself. */
static void holder_of(const char *path, char *buf, size_t len)
{
	static const struct {
		const char *suffix;
		unsigned long long lo, hi;
	} held[] = {{"-shm", 120, 120}, {"", 0x40000001ULL, 0x400001ffULL}};
	char line[256];
	FILE *locks;

	buf[0] = '\0';
	if (!path || (locks = fopen("/proc/locks", "r")) == NULL)
		return;
	for (size_t i = 0; i < sizeof held / sizeof held[0] && !buf[0]; i++) {
		char *f = beside(path, held[i].suffix);
		struct stat sb;
		int ok = f && stat(f, &sb) == 0;
		free(f);
		if (!ok)
			continue;
		rewind(locks);
		while (!buf[0] && fgets(line, sizeof line, locks)) {
			char kind[16], mode[16];
			unsigned int maj, min;
			unsigned long long ino, lo;
			char hi[24];
			long pid;
			/* "1: POSIX  ADVISORY  WRITE 4242 fe:00:1234 120 120";
			 * a waiter's line has "->" after the number */
			if (strstr(line, "->") ||
			    sscanf(line, "%*d: %15s %*s %15s %ld %x:%x:%llu %llu %23s",
				   kind, mode, &pid, &maj, &min, &ino, &lo, hi) != 8)
				continue;
			unsigned long long top = strcmp(hi, "EOF") == 0 ?
							 ~0ULL :
							 strtoull(hi, NULL, 10);
			if (strcmp(kind, "POSIX") != 0 || strcmp(mode, "WRITE") != 0 ||
			    pid <= 0 || pid == (long)getpid() || ino != (unsigned long long)sb.st_ino ||
			    maj != major(sb.st_dev) || min != minor(sb.st_dev) ||
			    lo > held[i].hi || top < held[i].lo)
				continue;
			describe_pid(pid, buf, len);
		}
	}
	fclose(locks);
}

int hy_store_fail(struct hy_store *s, int rc, const char *doing, char *err,
		  size_t errlen)
{
	const char *msg = s && s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);
	const char *path = s && s->path ? s->path : "database";
	int code;

	switch (rc & 0xff) {
	case SQLITE_NOMEM:
		code = HY_ERR_NOMEM;
		break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED: {
		char who[128];
		holder_of(s ? s->path : NULL, who, sizeof who);
		if (who[0])
			return hy_err_set(err, errlen, HY_ERR_BUSY,
					  "%s: %s: %s is writing the database (waited "
					  "%d ms); try again when it has finished",
					  path, doing, who, HY_STORE_BUSY_MS);
		return hy_err_set(err, errlen, HY_ERR_BUSY,
				  "%s: %s: database is locked by another "
				  "program (waited %d ms)",
				  path, doing, HY_STORE_BUSY_MS);
	}
	case SQLITE_READONLY:
	case SQLITE_PERM:
		return hy_err_set(err, errlen, HY_ERR_READONLY,
				  "%s: %s: the database is read-only (%s)",
				  path, doing, msg);
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		code = HY_ERR_CORRUPT;
		if (strstr(msg, "vtable constructor failed"))
			break; /* a table of the search index is gone: below */
		return hy_err_set(err, errlen, HY_ERR_CORRUPT,
				  "%s: not a huiyi database, or damaged (%s)",
				  path, msg);
	case SQLITE_FULL:
		return hy_err_set(err, errlen, HY_ERR_IO,
				  "%s: %s: disk full (%s)", path, doing,
				  sys_reason(s, strerror(ENOSPC)));
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
		return hy_err_set(err, errlen, HY_ERR_IO,
				  "%s: %s: I/O error (%s)",
				  path, doing, sys_reason(s, msg));
	default:
		code = HY_ERR_DB;
		break;
	}
	/* a derived table or index dropped by hand: reindex makes it */
	char gone[128] = "";
	if (s && s->db)
		missing_derived(s, gone, sizeof gone);
	if (gone[0])
		return hy_err_set(err, errlen, code,
				  "%s: %s: %s (%s is missing, which huiyi makes "
				  "from the meetings: huiyi reindex makes it again)",
				  path, doing, msg, gone);
	if (strstr(msg, "vtable constructor failed"))
		return hy_err_set(err, errlen, HY_ERR_CORRUPT,
				  "%s: %s: the search index is damaged (%s): huiyi "
				  "reindex makes it again",
				  path, doing, msg);
	return hy_err_set(err, errlen, code, "%s: %s: %s", path, doing, msg);
}

int hy_store_stmt(struct hy_store *s, enum hy_store_stmt id,
		  sqlite3_stmt **out, char *err, size_t errlen)
{
	if (!s->st[id]) {
		int rc = sqlite3_prepare_v3(s->db, stmt_sql[id], -1,
					    SQLITE_PREPARE_PERSISTENT,
					    &s->st[id], NULL);
		if (rc != SQLITE_OK) {
			s->st[id] = NULL;
			return hy_store_fail(s, rc, "preparing a query", err,
					     errlen);
		}
	} else {
		sqlite3_reset(s->st[id]);
		sqlite3_clear_bindings(s->st[id]);
	}
	*out = s->st[id];
	return 0;
}

static int exec(struct hy_store *s, const char *sql, const char *doing,
		char *err, size_t errlen)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return hy_store_fail(s, sqlite3_extended_errcode(s->db), doing,
				     err, errlen);
	return 0;
}

/* One integer from a PRAGMA or SELECT; the raw sqlite code on failure. */
static int read_int(struct hy_store *s, const char *sql, int *val)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return sqlite3_extended_errcode(s->db);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*val = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		*val = 0;
		rc = SQLITE_OK;
	} else {
		rc = sqlite3_extended_errcode(s->db);
	}
	sqlite3_finalize(st);
	return rc;
}

/* path as one word for a POSIX shell: as it is when it is made of
 * letters, digits and ./_-+,:@% (or bytes above ASCII), else in single
 * quotes; malloc()ed, NULL without memory. */
static char *shell_quoted(const char *path)
{
	size_t n = 0, k = 0;
	int plain = path[0] != '\0';
	for (const char *p = path; *p; p++, n++)
		if (!((unsigned char)*p >= 0x80 || strchr("./_-+,:@%", *p) ||
		      (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
		      (*p >= 'A' && *p <= 'Z')))
			plain = 0;
	char *q = malloc(4 * n + 3);
	if (!q || plain)
		return q ? strcpy(q, path) : NULL;
	q[k++] = '\'';
	for (const char *p = path; *p; p++) {
		if (*p == '\'') {
			memcpy(q + k, "'\\''", 4);
			k += 4;
		} else {
			q[k++] = *p;
		}
	}
	q[k++] = '\'';
	q[k] = '\0';
	return q;
}

/* What the file is, before anything is written to it. */
static int identify(struct hy_store *s, int *version, char *err,
		    size_t errlen)
{
	int app = 0, tables = 0;
	int rc = read_int(s, "PRAGMA application_id", &app);
	if (rc == SQLITE_OK)
		rc = read_int(s, "PRAGMA user_version", version);
	if (rc == SQLITE_OK)
		rc = read_int(s,
			      "SELECT count(*) FROM sqlite_master"
			      " WHERE name NOT LIKE 'sqlite%'",
			      &tables);
	if (rc != SQLITE_OK) {
		if ((rc & 0xff) == SQLITE_NOTADB)
			return hy_err_set(err, errlen, HY_ERR_CORRUPT,
					  "%s: not a huiyi database (%s); "
					  "nothing was changed",
					  s->path, sqlite3_errmsg(s->db));
		if ((rc & 0xff) == SQLITE_CORRUPT)
			return hy_err_set(err, errlen, HY_ERR_CORRUPT,
					  "%s: the database is damaged (%s); "
					  "nothing was changed",
					  s->path, sqlite3_errmsg(s->db));
		return hy_store_fail(s, rc, "reading the database header",
				     err, errlen);
	}
	if (app == HY_STORE_APP_ID) {
		/* the version set back by hand (PRAGMA user_version = 0, or
		 * any number below what its tables are) over huiyi's tables:
		 * neither new nor empty nor to be upgraded again (that fails
		 * with "table ... already exists"); say what it looks like */
		if (tables > 0 && *version < HY_STORE_SCHEMA_VERSION) {
			static const char *const marks[] = {
				/* v7 (people.c); v6 leaves no mark, and
				 * running it again is harmless */
				"SELECT count(*) FROM sqlite_master WHERE name = 'persons'",
				("SELECT count(*) FROM pragma_table_info('meetings')"
				 " WHERE name = 'units'"),
				"SELECT count(*) FROM sqlite_master WHERE name = 'fts_lengths'",
				"SELECT count(*) FROM sqlite_master WHERE name = 'sections_fts'",
				"SELECT count(*) FROM sqlite_master WHERE name = 'bodies'",
				"SELECT count(*) FROM sqlite_master WHERE name = 'meetings'",
			};
			static const int looks[] = {7, 5, 4, 3, 2, 1};
			int like = 0, n = 0, meetings = -1;
			for (size_t i = 0; i < sizeof looks / sizeof looks[0] && !like; i++)
				if (read_int(s, marks[i], &n) == SQLITE_OK && n > 0)
					like = looks[i];
			if (*version <= 0 || like > *version) {
				char *quoted = shell_quoted(s->path);
				read_int(s, "SELECT count(*) FROM meetings", &meetings);
				rc = hy_err_set(err, errlen, HY_ERR_CORRUPT,
						"%s: the database's schema version is %d, but it "
						"holds huiyi's tables (%d meetings) that look like "
						"version %d: the version was changed by hand; to "
						"recover, run sqlite3 %s 'PRAGMA user_version = %d' "
						"and open it again (huiyi then upgrades it); "
						"nothing was changed",
						s->path, *version, meetings, like,
						quoted ? quoted : s->path, like);
				free(quoted);
				return rc;
			}
		}
		if (*version > HY_STORE_SCHEMA_VERSION)
			return hy_err_set(err, errlen, HY_ERR_VERSION,
					  "%s: database schema version %d is "
					  "newer than this huiyi knows (%d); "
					  "use a newer huiyi; nothing was "
					  "changed",
					  s->path, *version,
					  HY_STORE_SCHEMA_VERSION);
		return 0;
	}
	if (app == 0 && *version == 0 && tables == 0)
		return 0; /* a new, empty database */
	return hy_err_set(err, errlen, HY_ERR_CORRUPT,
			  "%s: not a huiyi database (a sqlite database of "
			  "another program); nothing was changed",
			  s->path);
}

static int migrate(struct hy_store *s, int upto, char *err, size_t errlen)
{
	while (s->version < upto) {
		char sql[96];
		int now = 0, rc;

		rc = exec(s, "BEGIN IMMEDIATE", "upgrading the schema", err,
			  errlen);
		if (rc)
			return rc;
		/* Another process may have upgraded while we waited. */
		if (read_int(s, "PRAGMA user_version", &now) != SQLITE_OK) {
			rc = hy_store_fail(s, sqlite3_extended_errcode(s->db),
					   "upgrading the schema", err, errlen);
			goto fail;
		}
		if (now > s->version) {
			s->version = now;
			rc = exec(s, "COMMIT", "upgrading the schema", err,
				  errlen);
			if (rc)
				goto fail;
			continue;
		}
		if (now == 0) {
			snprintf(sql, sizeof sql, "PRAGMA application_id = %d",
				 HY_STORE_APP_ID);
			rc = exec(s, sql, "creating the schema", err, errlen);
			if (rc)
				goto fail;
		}
		rc = exec(s, migrations[now], "upgrading the schema", err,
			  errlen);
		if (rc)
			goto fail;
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", now + 1);
		rc = exec(s, sql, "upgrading the schema", err, errlen);
		if (rc)
			goto fail;
		rc = exec(s, "COMMIT", "upgrading the schema", err, errlen);
		if (rc)
			goto fail;
		s->version = now + 1;
		continue;
fail:
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return rc;
	}
	return 0;
}

/* hy_fts_immediate() on our connections: 0, see schema v3. */
static void fts_deferred(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_int(ctx, 0);
}

int hy_store_open(struct hy_store **out, const char *path, int flags,
		  char *err, size_t errlen)
{
	return hy_store_open_at(out, path, flags, HY_STORE_SCHEMA_VERSION, err,
				errlen);
}

/* A file: URI naming path (sqlite's URI rules: '%', '?' and '#' are
 * escaped; an absolute path gets an empty authority), then query. */
static char *uri_of(const char *path, const char *query)
{
	size_t n = strlen(path), k = 0;
	char *u = malloc(3 * n + strlen(query) + sizeof "file://");
	if (!u)
		return NULL;
	k += (size_t)sprintf(u, "%s", path[0] == '/' ? "file://" : "file:");
	for (const char *p = path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			k += (size_t)sprintf(u + k, "%%%02X", (unsigned char)*p);
		else
			u[k++] = *p;
	}
	strcpy(u + k, query);
	return u;
}

/* The folder that holds path ("." for a bare name), malloc()ed. */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *d;
	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	d = strndup(path, (size_t)(slash - path));
	return d;
}

/* Writing needs the file and its folder (sqlite puts the -wal and -shm
 * files next to the database): say which one cannot be written, before
 * sqlite would fail with a vaguer message. 0 when both can. */
static int check_writable(const char *path, int exists, char *err,
			  size_t errlen)
{
	char *dir = folder_of(path);
	int rc = 0;

	if (!dir)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
	if (access(dir, W_OK) != 0 && errno != EACCES && errno != EROFS &&
	    errno != EPERM)
		rc = hy_err_set(err, errlen, HY_ERR_IO,
				"%s: cannot use its folder %s (%s)", path,
				dir, strerror(errno));
	else if (access(dir, W_OK) != 0)
		rc = hy_err_set(err, errlen, HY_ERR_READONLY,
				exists ? "%s: its folder %s is read-only (%s); "
					 "writing needs to create the "
					 "database's journal files there; "
					 "nothing was changed" :
					 "%s: cannot create the database: its "
					 "folder %s is read-only (%s)",
				path, dir, strerror(errno));
	else if (exists && access(path, W_OK) != 0)
		rc = hy_err_set(err, errlen, HY_ERR_READONLY,
				"%s: the database is read-only (%s); writing "
				"to it needs write access; nothing was "
				"changed",
				path, strerror(errno));
	free(dir);
	return rc;
}

/* A -wal or -shm beside path that this user cannot write (a reader's,
 * left by an older huiyi or another program): say whose it is and what to
 * do, before sqlite says only "read-only". 0 when there is none. */
static int check_journal_files(const char *path, char *err, size_t errlen)
{
	static const char *const suffix[] = {"-wal", "-shm"};
	for (size_t i = 0; i < 2; i++) {
		char *f = beside(path, suffix[i]);
		struct stat sb;
		if (!f)
			return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
		/* (a file that goes between the two calls is a writer's that
		 * just closed: no obstacle) */
		if (stat(f, &sb) == 0 && access(f, W_OK) != 0 &&
		    (errno == EACCES || errno == EPERM || errno == EROFS)) {
			struct passwd *pw = getpwuid(sb.st_uid);
			char who[64];
			if (pw)
				snprintf(who, sizeof who, "%s", pw->pw_name);
			else
				snprintf(who, sizeof who, "uid %u", (unsigned)sb.st_uid);
			int rc = hy_err_set(err, errlen, HY_ERR_READONLY,
					    "%s: its %s file %s belongs to %s and this user "
					    "cannot write it, so the database cannot be "
					    "written; when no one is using the database, "
					    "remove %s (and %s%s) or ask %s to; nothing "
					    "was changed",
					    path, suffix[i], f, who, f, path,
					    i ? "-wal" : "-shm", who);
			free(f);
			return rc;
		}
		free(f);
	}
	return 0;
}

/* The -wal file next to path holds frames (a writer is at work, or one
 * stopped without checkpointing). */
static int wal_has_frames(const char *path)
{
	size_t n = strlen(path);
	char *w = malloc(n + sizeof "-wal");
	struct stat sb;
	int has;

	if (!w)
		return 1;
	memcpy(w, path, n);
	memcpy(w + n, "-wal", sizeof "-wal");
	has = stat(w, &sb) == 0 && sb.st_size > 0;
	free(w);
	return has;
}

static int open_conn(struct hy_store *s, const char *name, int oflags,
		   char *err, size_t errlen)
{
	int rc = sqlite3_open_v2(name, &s->db, oflags, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_extended_result_codes(s->db, 1);
		sqlite3_busy_timeout(s->db, HY_STORE_BUSY_MS);
		return 0;
	}
	if (!s->db)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
	return hy_err_set(err, errlen,
			  (rc & 0xff) == SQLITE_CANTOPEN ? HY_ERR_IO : HY_ERR_DB,
			  "%s: cannot open the database (%s)", s->path,
			  sqlite3_errmsg(s->db));
}

/* Read-only: the file is opened with SQLITE_OPEN_READONLY, and nothing is
 * ever written to it or next to it by us. A WAL database needs its -shm
 * file, which a read-only folder cannot hold when no writer made one; then
 * the file is opened again as immutable (sqlite reads it without locks or
 * -shm), but only when no -wal holds frames that this would ignore.
 * Immutable assumes nobody writes the file while we read it: true of a
 * read-only copy, a read-only mount or an archive; an owner importing into
 * it at the same time could show us damaged pages (an error, not a crash). */
static int connect_readonly(struct hy_store *s, char *err, size_t errlen)
{
	const int oflags =
		SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
	char *uri = uri_of(s->path, "");
	int v = 0, rc;

	if (!uri)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
	/* A reader that cannot write the database must not create its -shm
	 * (and -wal) either, even where the folder would let it: owned by
	 * the reader, they lock the owner out of the next import (a shared
	 * folder, a sticky /tmp). With no -shm, no connection is open on the
	 * file; with no -wal, none is writing (a -shm left alone by one that
	 * was killed: opening would make a -wal): read it as immutable, which
	 * creates nothing. */
	char *shm = beside(s->path, "-shm"), *wal = beside(s->path, "-wal");
	int no_shm = shm && access(shm, F_OK) != 0;
	int no_wal = wal && access(wal, F_OK) != 0;
	free(shm);
	free(wal);
	if ((access(s->path, W_OK) != 0 && (no_shm || no_wal)) ||
	    (s->no_shm && !wal_has_frames(s->path))) {
		free(uri);
		goto immutable;
	}
	rc = open_conn(s, uri, oflags, err, errlen);
	free(uri);
	if (rc)
		return rc;
	rc = read_int(s, "PRAGMA user_version", &v);
	if ((rc & 0xff) != SQLITE_READONLY && (rc & 0xff) != SQLITE_CANTOPEN)
		return 0; /* readable, or a problem identify will name */
	sqlite3_close(s->db);
	s->db = NULL;
immutable:
	if (wal_has_frames(s->path))
		return hy_err_set(err, errlen, HY_ERR_READONLY,
				  "%s: cannot read it read-only: its "
				  "write-ahead log (%s-wal) holds changes, and "
				  "reading them needs a -shm file this user "
				  "may not make; open it once with write "
				  "access (or ask its owner to), or copy the "
				  "database with its -wal file to a writable "
				  "folder",
				  s->path, s->path);
	uri = uri_of(s->path, "?immutable=1");
	if (!uri)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
	rc = open_conn(s, uri, oflags, err, errlen);
	free(uri);
	if (rc == 0)
		s->immutable = 1;
	return rc;
}

/* Damage that would stop every command, found at open rather than on the
 * first screen: read the first entry of every table and index (its root
 * page and the leftmost path down; NOT INDEXED / INDEXED BY, or sqlite
 * would answer from whichever b-tree is smallest). Costs a few pages per
 * b-tree, not a scan, so damage elsewhere is found when it is read
 * (PRAGMA integrity_check finds all). */
static int probe(struct hy_store *s, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db,
				    "SELECT type, name, tbl_name FROM sqlite_master"
				    " WHERE type IN ('table', 'index')"
				    " AND rootpage > 0",
				    -1, &st, NULL);
	while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(st, 0);
		const char *name = (const char *)sqlite3_column_text(st, 1);
		const char *tbl = (const char *)sqlite3_column_text(st, 2);
		char *q = strcmp(type, "table") == 0 ?
				  sqlite3_mprintf("SELECT 1 FROM \"%w\" NOT INDEXED"
						  " LIMIT 1",
						  name) :
				  sqlite3_mprintf("SELECT 1 FROM \"%w\" INDEXED BY"
						  " \"%w\" LIMIT 1",
						  tbl, name);
		int one = 0;
		if (!q) {
			rc = SQLITE_NOMEM;
			break;
		}
		rc = read_int(s, q, &one);
		sqlite3_free(q);
		if ((rc & 0xff) == SQLITE_ERROR)
			rc = SQLITE_OK; /* no plan reads this one (a partial
					 * index): nothing learnt, go on */
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_reset(st) == SQLITE_OK ?
			     SQLITE_OK :
			     sqlite3_extended_errcode(s->db);
	sqlite3_finalize(st);
	if (rc == SQLITE_OK)
		return 0;
	if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
		return hy_err_set(err, errlen, HY_ERR_CORRUPT,
				  "%s: the database is damaged (%s); nothing "
				  "was changed",
				  s->path, sqlite3_errstr(rc));
	return hy_store_fail(s, rc, "reading the database", err, errlen);
}

/* The connection's settings, and for a writer the journal mode and the
 * schema brought up to upto. */
static int set_up(struct hy_store *s, int upto, char *err, size_t errlen)
{
	int rc;
	if (s->readonly) {
		if (s->version < HY_STORE_SCHEMA_VERSION)
			return hy_err_set(err, errlen, HY_ERR_READONLY,
					  "%s: the database is read-only, and "
					  "its schema (version %d) needs an "
					  "upgrade to version %d, which writes "
					  "to it: run huiyi on it once with "
					  "write access; nothing was changed",
					  s->path, s->version,
					  HY_STORE_SCHEMA_VERSION);
		return exec(s,
			    "PRAGMA query_only = ON;"
			    "PRAGMA foreign_keys = ON;"
			    "PRAGMA cache_size = -8192;",
			    "setting up the connection", err, errlen);
	}
	/* From here on the file is ours (or new) and may be written. A new
	 * file gets bigger pages: a readout with its raw bytes is a few KiB
	 * and would leave most of a 4 KiB page empty. */
	if (s->version == 0) {
		rc = exec(s, "PRAGMA page_size = " HY_STORE_PAGE_SIZE,
			  "setting up the database", err, errlen);
		if (rc)
			return rc;
	}
	rc = exec(s,
		  "PRAGMA journal_mode = WAL;"
		  "PRAGMA synchronous = NORMAL;"
		  "PRAGMA foreign_keys = ON;"
		  /* up to 8 MiB of pages: a list page reads ~200 rows spread
		   * over the table (~100 pages); sqlite's default 2 MiB reads
		   * them from the file again on every page. More would buy
		   * little and cost the browser its 32 MB budget. */
		  "PRAGMA cache_size = -8192;",
		  "setting up the connection", err, errlen);
	if (rc)
		return rc;
	if (upto < 1 || upto > HY_STORE_SCHEMA_VERSION)
		upto = HY_STORE_SCHEMA_VERSION;
	return migrate(s, upto, err, errlen);
}

int hy_store_open_at(struct hy_store **out, const char *path, int flags,
		     int upto, char *err, size_t errlen)
{
	struct stat sb;
	struct hy_store *s;
	int oflags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	int ro = (flags & HY_STORE_READONLY) != 0, exists, rc;

	*out = NULL;
	exists = stat(path, &sb) == 0;
	if (exists && S_ISDIR(sb.st_mode))
		return hy_err_set(err, errlen, HY_ERR_INVALID,
				  "%s: is a folder, not a database", path);
	if (!exists && errno == ENOENT && (ro || !(flags & HY_STORE_CREATE)))
		return hy_err_set(err, errlen, HY_ERR_NOTFOUND,
				  "%s: no database here yet (run huiyi "
				  "import first)",
				  path);
	if (!ro && (exists || errno == ENOENT)) {
		rc = check_writable(path, exists, err, errlen);
		if (rc == 0 && exists)
			rc = check_journal_files(path, err, errlen);
		if (rc)
			return rc;
	}
	if (!ro && (flags & HY_STORE_CREATE))
		oflags |= SQLITE_OPEN_CREATE;
	s = calloc(1, sizeof *s);
	if (!s || !(s->path = strdup(path))) {
		free(s);
		return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
	}
	s->readonly = ro;
	s->no_shm = (flags & HY_STORE_NO_SHM) != 0;
	rc = ro ? connect_readonly(s, err, errlen) :
		  open_conn(s, path, oflags, err, errlen);
	if (rc)
		goto fail;
	rc = identify(s, &s->version, err, errlen);
	if (rc)
		goto fail;
	if (!ro && sqlite3_db_readonly(s->db, "main") == 1) {
		/* sqlite fell back to reading (a read-only mount) */
		rc = hy_err_set(err, errlen, HY_ERR_READONLY,
				"%s: the database is read-only (sqlite could "
				"open it for reading only); nothing was "
				"changed",
				path);
		goto fail;
	}
	/* The search tokenizer: schema v3's tables and the triggers that
	 * feed them need it on every connection (after identify, which must
	 * be the first to read a file that may not be a database). */
	rc = hy_fts_register(s->db, err, errlen);
	if (rc)
		goto fail;
	rc = hy_people_register(s->db); /* schema v7's functions */
	if (rc != SQLITE_OK) {
		rc = hy_store_fail(s, rc, "setting up the people", err, errlen);
		goto fail;
	}
	/* our connections index new rows when a batch commits */
	rc = sqlite3_create_function(s->db, "hy_fts_immediate", 0,
				     SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL,
				     fts_deferred, NULL, NULL);
	if (rc != SQLITE_OK) {
		rc = hy_store_fail(s, rc, "setting up search", err, errlen);
		goto fail;
	}
	if (s->version == 0 && !(flags & HY_STORE_CREATE)) {
		/* An empty file: only an import makes it a database. */
		rc = hy_err_set(err, errlen, HY_ERR_NOTFOUND,
				"%s: no meetings yet (run huiyi import first)",
				path);
		goto fail;
	}
	if (s->version > 0 && (rc = probe(s, err, errlen)) != 0)
		goto fail;
	rc = set_up(s, upto, err, errlen);
	if (rc)
		goto fail;
	*out = s;
	return 0;
fail:
	hy_store_close(s);
	return rc;
}

int hy_store_readonly(const struct hy_store *s)
{
	return s->readonly;
}

void hy_store_close(struct hy_store *s)
{
	if (!s)
		return;
	if (s->in_batch)
		hy_store_rollback(s);
	hy_store_close(s->reader);
	hy_store_people_close(s);
	for (int i = 0; i < HY_ST_COUNT; i++)
		sqlite3_finalize(s->st[i]);
	hy_store_pool_free(s);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

int hy_store_version(struct hy_store *s)
{
	return s->version;
}

int hy_store_begin(struct hy_store *s, char *err, size_t errlen)
{
	int rc;
	if (s->in_batch)
		return hy_err_set(err, errlen, HY_ERR_INVALID,
				  "%s: a batch is already open", s->path);
	/* Statement journals stay sqlite's: in memory up to 64 KiB, then a
	 * temporary file. A meeting's INSERT (its triggers make it need one)
	 * changes about six 16 KiB pages, so most spill: about 4 GB of writes
	 * for 10,000 readouts, deleted before they reach the disk. Keeping
	 * them in memory (temp_store = MEMORY) made the storing thread about a
	 * fifth faster, but FTS5's merges at a commit can journal hundreds of
	 * MB (a folder of 300 one-MB readouts: 349 MiB peak instead of 135),
	 * and SQLITE_CONFIG_STMTJRNL_SPILL above 64 KiB fails with SQLITE_FULL
	 * on sqlite 3.40 (import_report.sh imports the readout that showed
	 * it). */
	rc = exec(s, "BEGIN IMMEDIATE", "starting a batch", err, errlen);
	if (rc == 0) {
		s->in_batch = 1;
		s->batch_spoiled = 0;
	}
	return rc;
}

int hy_store_commit(struct hy_store *s, char *err, size_t errlen)
{
	int rc;
	if (!s->in_batch)
		return 0;
	if (s->batch_spoiled) {
		hy_store_rollback(s);
		return hy_err_set(err, errlen, HY_ERR_INVALID,
				  "%s: a meeting in this batch could not be "
				  "stored whole, so the batch was rolled back",
				  s->path);
	}
	rc = s->version >= 3 ? exec(s, index_new, "indexing a batch", err,
				    errlen) :
			       0;
	if (rc == 0 && s->version >= 4)
		rc = exec(s, lens_new, "indexing a batch", err, errlen);
	if (rc == 0)
		rc = exec(s, "COMMIT", "saving a batch", err, errlen);
	if (rc) {
		hy_store_rollback(s);
		return rc;
	}
	s->in_batch = 0;
	return 0;
}

void hy_store_rollback(struct hy_store *s)
{
	if (!s->in_batch)
		return;
	for (int i = 0; i < HY_ST_COUNT; i++)
		if (s->st[i])
			sqlite3_reset(s->st[i]);
	for (int i = 0; i < HY_STORE_POOL; i++)
		if (s->pool[i].st)
			sqlite3_reset(s->pool[i].st);
	if (sqlite3_get_autocommit(s->db) == 0)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->in_batch = 0;
}
