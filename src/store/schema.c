/* schema.c: what a huiyi database holds: the schema, version by version
 * (the migrations db.c runs), the SQL that keeps the search index's
 * derived tables up to date, which tables are derived from the imported
 * meetings (and so can be made again), and which of them a database
 * lacks. Nothing here opens or writes a store's database. */
#include "internal.h"

#include "huiyi/fts.h"
#include "cleanz.h"
#include "pack.h"

#include <stdio.h>
#include <string.h>

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
	" clean TEXT NOT NULL," /* the big ones last: reading the list */
	" raw BLOB NOT NULL);"  /* columns never walks their overflow */
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
 * index the rows a batch added when the batch commits (hy_store_index_new), i.e.
 * every row above the highest rowid in the index (FTS5's %_docsize has a
 * row per indexed document). Deleting or updating a row takes it out of
 * the index only if it is in (FTS5's 'delete' of a row it never indexed
 * would corrupt it): a row not yet indexed waits for its commit with its
 * new values. Deleting a meeting cascades to its sections, whose delete
 * trigger fires too. automerge 16 (FTS5's default is 4) merges segments
 * less often: importing 100,000 meetings took 69 s of CPU instead of 85
 * (50 without an index), and queries were as fast. An existing database
 * is indexed by the 'rebuild' commands at the end. */
#define FTS_INDEXED(t, id) " EXISTS (SELECT 1 FROM " t "_fts_docsize WHERE id = " id ")"
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
	" WHEN" FTS_INDEXED(
		"sections",
		"old.id") " BEGIN"
			  " INSERT INTO sections_fts (sections_fts, rowid, heading, text)"
			  "  VALUES ('delete', old.id, old.heading, old.text);"
			  " END;"
			  "CREATE TRIGGER sections_fts_update"
			  " AFTER UPDATE OF id, heading, text ON sections"
			  " WHEN" FTS_INDEXED(
				  "sections",
				  "old.id") " BEGIN"
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
					    " WHEN" FTS_INDEXED(
						    "meetings",
						    "old.id") " BEGIN"
							      " INSERT INTO meetings_fts (meetings_fts, rowid, title, summary)"
							      "  VALUES ('delete', old.id, old.title, old.summary);"
							      " END;"
							      "CREATE TRIGGER meetings_fts_update"
							      " AFTER UPDATE OF id, title, summary ON meetings"
							      " WHEN" FTS_INDEXED(
								      "meetings",
								      "old.id") " BEGIN"
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
 * every commit for the rows the batch indexed (hy_store_index_new), by reindex for
 * all; deleting or changing a row marks it unknown (its 4 bytes zeroed),
 * and
 * an unknown or missing length is read from %_docsize as before, so a
 * stale block can only cost time, never a wrong score. */
#define LENS_ID(index, expr)                                                                       \
	"((" #index " << " HY_STR(HY_FTS_LENS_INDEX_SHIFT) ") | ((" expr                           \
							   ") >> " HY_STR(HY_FTS_LENS_SHIFT) "))"
#define LENS_SLOT(expr) "((" expr ") & (" HY_STR(HY_FTS_LENS_ROWS) " - 1))"
/* Fill the blocks of index from its docsize rows with id >= from. */
#define LENS_FILL(index, t, from)                                                                  \
	"INSERT OR REPLACE INTO fts_lengths (id, lens)"                                            \
	" SELECT " LENS_ID(index, "id") ", hy_lens(" LENS_SLOT(                                    \
		"id") ", hy_doclen(sz)) FROM " t "_fts_docsize WHERE id >= " from                  \
		      " AND id < (1 << " HY_STR(                                                   \
			      HY_FTS_LENS_ROWID_BITS) ")"                                          \
						      " GROUP BY id >> " HY_STR(                   \
							      HY_FTS_LENS_SHIFT) ";"
/* The first rowid of the last block of index (0 when none): new rows go
 * from there (the last block is made again, with the rows it had). */
#define LENS_LAST(index)                                                                                              \
	"((SELECT ifnull(max(id) & ((1 << " HY_STR(                                                                   \
		HY_FTS_LENS_INDEX_SHIFT) ") - 1), 0) FROM fts_lengths WHERE id BETWEEN (" #index                      \
					 " << " HY_STR(HY_FTS_LENS_INDEX_SHIFT) ") AND ((" #index " + 1) << " HY_STR( \
						 HY_FTS_LENS_INDEX_SHIFT) ") - 1) << " HY_STR(HY_FTS_LENS_SHIFT) ")"
/* (plain SQL, so the sqlite3 shell can change rows without our
 * functions: the block with the row's 4 bytes zeroed) */
#define LENS_FORGET(index, name, when)                                                                                                                                          \
	"CREATE TRIGGER " name " AFTER " when " WHEN old.id BETWEEN 0 AND (1 << " HY_STR(                                                                                       \
		HY_FTS_LENS_ROWID_BITS) ") - 1"                                                                                                                                 \
					" BEGIN UPDATE fts_lengths SET lens = CAST(substr(lens, 1, 4 * " LENS_SLOT("old.id") ") || zeroblob(4) || substr(lens, 4 * " LENS_SLOT( \
						"old.id") " + 5) AS BLOB) WHERE id = " LENS_ID(index,                                                                           \
											       "old.id") "; END;"
static const char schema_v4[] =
	"CREATE TABLE fts_lengths (id INTEGER PRIMARY KEY, lens BLOB NOT NULL);" LENS_FILL(
		0, "sections", "0") LENS_FILL(1, "meetings", "0")
		LENS_FORGET(0, "sections_lens_delete", "DELETE ON sections") LENS_FORGET(
			0, "sections_lens_update", "UPDATE OF id, heading, text ON sections")
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
static const char schema_v5[] = "ALTER TABLE meetings ADD COLUMN month_day TEXT;"
				"ALTER TABLE meetings ADD COLUMN date_basis TEXT;"
				"ALTER TABLE meetings ADD COLUMN guessed TEXT;"
				"ALTER TABLE meetings ADD COLUMN place TEXT;"
				"ALTER TABLE meetings ADD COLUMN units TEXT;"
				"UPDATE meetings SET month_day = substr(date, 6, 5)"
				" WHERE date IS NOT NULL;";

/* The rows added since the index was last brought up to date (schema v3;
 * see there), and their lengths (schema v4). */
const char hy_store_index_new[] =
	"INSERT INTO sections_fts (rowid, heading, text)"
	" SELECT id, heading, text FROM sections"
	" WHERE id > (SELECT ifnull(max(id), 0) FROM sections_fts_docsize);"
	"INSERT INTO meetings_fts (rowid, title, summary)"
	" SELECT id, title, summary FROM meetings"
	" WHERE id > (SELECT ifnull(max(id), 0) FROM meetings_fts_docsize);";
/* (schema v15: the sections' text from sections_text) */
const char hy_store_index_new_v15[] =
	"INSERT INTO sections_fts (rowid, heading, text)"
	" SELECT id, heading, text FROM sections_text"
	" WHERE id > (SELECT ifnull(max(id), 0) FROM sections_fts_docsize);"
	"INSERT INTO meetings_fts (rowid, title, summary)"
	" SELECT id, title, summary FROM meetings"
	" WHERE id > (SELECT ifnull(max(id), 0) FROM meetings_fts_docsize);";
const char hy_store_lens_new[] =
	LENS_FILL(0, "sections", LENS_LAST(0)) LENS_FILL(1, "meetings", LENS_LAST(1));
/* All of them again (hy_store_reindex). */
const char hy_store_lens_rebuild[] =
	"DELETE FROM fts_lengths;" LENS_FILL(0, "sections", "0") LENS_FILL(1, "meetings", "0");

/* Schema v6: the tokenizer indexes the letters of every script (fts.h
 * CLASSES; up to v4 only Han, a–z and 0–9, the rest separated tokens).
 * Both indexes and the row lengths are built again with it: besides
 * making those letters searchable, a row's 'delete' (the triggers above)
 * must take out exactly the tokens its insert put in, or the index is
 * damaged. Costs about what huiyi reindex does, once. */
static const char schema_v6[] =
	"INSERT INTO sections_fts (sections_fts) VALUES ('rebuild');"
	"INSERT INTO meetings_fts (meetings_fts) VALUES ('rebuild');"
	"DELETE FROM fts_lengths;" LENS_FILL(0, "sections", "0") LENS_FILL(1, "meetings", "0");

/* Schema v9: meeting_runs, a narrow copy of what huiyi trend reads of
 * each meeting (DESIGN.md §2 Trend and export): its date as the list
 * keys it (ifnull(date, '')), and its sections as one run of rowids
 * [first, first + n). Counting a query per month is then one walk of
 * this table, each meeting's matching sections counted by a binary
 * search of the sorted matching rowids, instead of a walk of the
 * sections' (meeting_id, n) index (600,000 entries at 100,000 meetings)
 * and another of the date index. A row for every meeting, kept by
 * triggers on meetings (plain SQL, so the sqlite3 shell keeps it too).
 * The run follows one rule: every rowid in it is a section of that
 * meeting, or no section at all; first is NULL when there is no such
 * run (trend then looks those sections up as before). So a run is only
 * written whole (the import writes it after a meeting's sections, when
 * their rowids fill it; the fill below keeps a meeting's sections when
 * their count fills their span), and a section deleted or moved clears
 * its meeting's run (a rowid freed inside a run could become another
 * meeting's). */
#define RUNS_FILL                                                                                  \
	"INSERT INTO meeting_runs (id, date, first, n)"                                            \
	" SELECT m.id, ifnull(m.date, ''), r.first, r.n"                                           \
	" FROM meetings m INDEXED BY meetings_by_date LEFT JOIN"                                   \
	" (SELECT meeting_id, min(id) AS first, count(*) AS n FROM sections"                       \
	"  GROUP BY meeting_id HAVING max(id) - min(id) + 1 = count(*)) r"                         \
	" ON r.meeting_id = m.id;"
static const char schema_v9[] =
	"CREATE TABLE meeting_runs ("
	" id INTEGER PRIMARY KEY," /* the meeting's */
	" date TEXT NOT NULL,"     /* ifnull(date, '') */
	" first INTEGER,"
	" n INTEGER);"
	"CREATE TRIGGER meeting_runs_insert AFTER INSERT ON meetings BEGIN"
	" INSERT OR REPLACE INTO meeting_runs (id, date) VALUES (new.id, ifnull(new.date, ''));"
	" END;"
	"CREATE TRIGGER meeting_runs_date AFTER UPDATE OF id, date ON meetings BEGIN"
	" DELETE FROM meeting_runs WHERE id = old.id AND old.id IS NOT new.id;"
	" INSERT INTO meeting_runs (id, date) VALUES (new.id, ifnull(new.date, ''))"
	"  ON CONFLICT (id) DO UPDATE SET date = excluded.date;"
	" END;"
	"CREATE TRIGGER meeting_runs_delete AFTER DELETE ON meetings BEGIN"
	" DELETE FROM meeting_runs WHERE id = old.id;"
	" END;"
	"CREATE TRIGGER meeting_runs_section_delete AFTER DELETE ON sections BEGIN"
	" UPDATE meeting_runs SET first = NULL, n = NULL WHERE id = old.meeting_id;"
	" END;"
	"CREATE TRIGGER meeting_runs_section_update"
	" AFTER UPDATE OF id, meeting_id ON sections BEGIN"
	" UPDATE meeting_runs SET first = NULL, n = NULL"
	"  WHERE id IN (old.meeting_id, new.meeting_id);"
	" END;" RUNS_FILL;
/* All of them again (hy_store_reindex). */
const char hy_store_runs_rebuild[] = "DELETE FROM meeting_runs;" RUNS_FILL;

/* Schema v10: the fold the index was made with (fold.h hy_fold_id), one
 * row. Empty after the migration, so the first writer to open the
 * database makes the search index and the people's keys again with this
 * build's fold (db.c refold), as it does whenever the fold table changes
 * (v10's own change: OpenCC's variant forms, 峯 = 峰). */
static const char schema_v10[] = "CREATE TABLE fold (id TEXT NOT NULL);";
const char hy_store_fold_set[] = "DELETE FROM fold;"
				 "INSERT INTO fold (id) VALUES (hy_fold_id());";

/* Schema v11: the same meeting from many places (DESIGN.md §2 "The
 * same meeting from many places").
 * sources: every file (or JSON Lines line) a meeting was read from, one
 * row each, with its sha256 (UNIQUE: a file is stored once, as a meeting
 * or as another source of one), the path or FILE#LINE it came from, its
 * address when it gave one, its script (simhash.h hy_script) and whether
 * it is the one shown. The shown source is the one the meeting's row was
 * parsed from, and its raw bytes and clean text are that row's (NULL
 * here); the others keep theirs, so they can be shown or split off
 * (huiyi split). Each existing meeting gets itself as its one source.
 * simhash: each meeting's fingerprint (simhash.h; NULL for a text too
 * short to have one), derived from its clean text and the fold, and
 * simhash_bands its 4 bands of 16 bits (key = band << 16 | bits) with
 * the whole fingerprint, where a new readout's candidates are looked up:
 * boilerplate makes crowded bands (a 3,000 meeting gencorpus corpus has
 * 22,000 pairs sharing one), so each candidate's distance is read from
 * the band's own row, and only the near ones' meetings are read. The
 * import writes the bands (sources.c: an insert trigger would cost a
 * statement journal a meeting); a trigger takes them out. */
#define SIMHASH_KEYS(h)                                                                            \
	"((" h ") & 65535, 65536 | ((" h ") >> 16 & 65535),"                                       \
	" 131072 | ((" h ") >> 32 & 65535), 196608 | ((" h ") >> 48 & 65535))"
#define SIMHASH_FILL_OF(clean)                                                                     \
	"INSERT INTO simhash (meeting_id, hash) SELECT id, hy_simhash(" clean ") FROM meetings;"   \
	"INSERT INTO simhash_bands (key, meeting_id, hash)"                                        \
	" SELECT b << 16 | (hash >> (16 * b) & 65535), meeting_id, hash FROM simhash,"             \
	" (SELECT 0 AS b UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3)"                \
	" WHERE hash IS NOT NULL;"
#define SIMHASH_FILL SIMHASH_FILL_OF("clean")
/* clang-format off */
static const char schema_v11[] =
	"CREATE TABLE sources ("
	" id INTEGER PRIMARY KEY,"
	" meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
	" source TEXT NOT NULL,"
	" url TEXT,"
	" script TEXT,"
	" sha256 TEXT NOT NULL UNIQUE,"
	" shown INTEGER NOT NULL DEFAULT 0,"
	" imported_at TEXT NOT NULL"
	"  DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
	" clean TEXT," /* NULL: the meeting row's (the shown source) */
	" raw BLOB);"
	"CREATE INDEX sources_by_meeting ON sources(meeting_id);"
	"INSERT INTO sources (meeting_id, source, url, script, sha256, shown, imported_at)"
	" SELECT id,"
	"  CASE WHEN instr(source, ' http') > 0"
	"   THEN substr(source, 1, instr(source, ' http') - 1) ELSE source END,"
	"  CASE WHEN instr(source, ' http') > 0"
	"   THEN substr(source, instr(source, ' http') + 1) END,"
	"  hy_script(clean), sha256, 1, imported_at FROM meetings;"
	"CREATE TABLE simhash ("
	" meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,"
	" hash INTEGER);"
	"CREATE TABLE simhash_bands ("
	" key INTEGER NOT NULL,"
	" meeting_id INTEGER NOT NULL,"
	" hash INTEGER NOT NULL," /* the whole fingerprint */
	" PRIMARY KEY (key, meeting_id)) WITHOUT ROWID;"
	"CREATE TRIGGER simhash_delete AFTER DELETE ON simhash"
	" WHEN old.hash IS NOT NULL BEGIN"
	" DELETE FROM simhash_bands WHERE meeting_id = old.meeting_id"
	"  AND key IN " SIMHASH_KEYS("old.hash") ";"
	" END;" SIMHASH_FILL;
/* clang-format on */
/* Schema v12: how much the cleaner had to mend in each source (pinyin
 * glosses taken out, U+FFFD put in for bytes that decoded to nothing,
 * control characters dropped), one of the facts that choose the source
 * shown (source_rank.h); NULL for sources stored before it was kept. */
static const char schema_v12[] = "ALTER TABLE sources ADD COLUMN repairs INTEGER;";

/* Schema v13: each name as written with its key (people.h: folded to
 * one script, spaces and dots out), so that list --person finds a piece
 * of a name in either script by a plain scan of a column, as it found it
 * in the name before (a function called on every name was 10 ms more at
 * 20,000 meetings, and grows with the people). */
static const char schema_v13[] = "ALTER TABLE people ADD COLUMN key TEXT;"
				 "UPDATE people SET key = hy_person_key(name);";
/* Again, with another fold (refold) or on reindex. */
const char hy_store_people_keys[] = "UPDATE people SET key = hy_person_key(name)"
				    " WHERE key IS NOT hy_person_key(name);";

/* Schema v14: the raw bytes of meetings and of their other sources kept
 * as what differs from the clean text (pack.h: a zstd frame with the
 * clean text as its prefix), in a column of a new name (rawz), so that
 * nothing reads packed bytes as raw ones. A database of 10,000 gencorpus
 * readouts: 211 MB before, 155 MB after. The file keeps its size until
 * VACUUM; sqlite reuses the freed pages. Triggers refuse a clean text
 * changed without its raw bytes packed again (in the sqlite3 shell, say):
 * the raw bytes could not be read back. */
static const char schema_v14[] = "ALTER TABLE meetings ADD COLUMN rawz BLOB NOT NULL DEFAULT x'';"
				 "UPDATE meetings SET rawz = hy_raw_pack(raw, clean);"
				 "ALTER TABLE meetings DROP COLUMN raw;"
				 "ALTER TABLE sources ADD COLUMN rawz BLOB;"
				 "UPDATE sources SET rawz = hy_raw_pack(raw, clean)"
				 " WHERE raw IS NOT NULL;"
				 "ALTER TABLE sources DROP COLUMN raw;"
				 /* a clean text changed without its raw bytes packed
				  * again would lose them: the change is refused */
				 "CREATE TRIGGER meetings_rawz_check"
				 " BEFORE UPDATE OF clean, rawz ON meetings BEGIN"
				 " SELECT hy_raw(new.rawz, new.clean);"
				 " END;"
				 "CREATE TRIGGER sources_rawz_check"
				 " BEFORE UPDATE OF clean, rawz ON sources BEGIN"
				 " SELECT hy_raw(new.rawz, new.clean);"
				 " END;";

/* Schema v15: a section kept as a range of its meeting's clean text
 * (DESIGN.md §2 "Sections as ranges"): at and len, in characters as
 * sqlite's substr() counts them on TEXT (at 1-based), with text ''; a
 * section whose text is not a piece of the clean text keeps it (at and
 * len NULL). A row with a text that is not '' is read as that text
 * whatever at says (so a text set by hand, in the sqlite3 shell, is what
 * it reads). sections_text is what sections held before: the search
 * index's content (FTS5 reads its rows from it: a 'rebuild', snippets'
 * text, the integrity-check), show's and search's text. The triggers
 * that keep the index give FTS5 a row's text as it reads: a 'delete'
 * with another text than its insert had would damage the index. So a
 * meeting's sections go before it (meetings_sections_delete: the
 * cascade of sections.meeting_id runs after the meeting's row is gone,
 * when its ranges can no longer be read), and a clean text changed
 * first gives its sections their text back (meetings_clean_sections). A database
 * of 10,000 gencorpus readouts: 155.5 MB before, 125.3 MB after. */
#define SECTION_TEXT_OF(clean, row)                                                                \
	"CASE WHEN " row ".at IS NOT NULL AND " row ".text = ''"                                   \
	" THEN (SELECT substr(" clean ", " row ".at, " row ".len) FROM meetings"                   \
	" WHERE id = " row ".meeting_id) ELSE " row ".text END"
#define SECTION_TEXT(row) SECTION_TEXT_OF("clean", row)
/* Each section that keeps its text made a range when the text is a
 * piece of its meeting's clean text, checked by reading it back (instr()
 * and substr() count characters alike only in valid UTF-8 without NUL);
 * a range whose text was set by hand over it (the text not '') is kept
 * when it reads that text, else dropped. The migration, and reindex
 * (for the sections of the clean texts it widened, which
 * meetings_clean_sections below stored again, and any set by hand). */
#define RANGE_MAX_AT_(n) #n
#define RANGE_MAX_AT_S(n) RANGE_MAX_AT_(n)
#define RANGE_MAX_AT RANGE_MAX_AT_S(HY_STORE_RANGE_MAX_AT)
#define SECTIONS_RANGE_OF(clean)                                                                   \
	"UPDATE sections SET at = (SELECT instr(" clean ", sections.text) FROM meetings"           \
	" WHERE id = sections.meeting_id), len = length(text) WHERE at IS NULL AND text <> '';"    \
	"UPDATE sections SET text = '' WHERE at > 0 AND at <= " RANGE_MAX_AT " AND text <> ''"     \
	" AND text ="                                                                              \
	" (SELECT substr(" clean ", sections.at, sections.len) FROM meetings"                      \
	"  WHERE id = sections.meeting_id);"                                                       \
	"UPDATE sections SET at = NULL, len = NULL WHERE at IS NOT NULL AND text <> '';"
#define SECTIONS_RANGE SECTIONS_RANGE_OF("clean")
/* clang-format off */
static const char schema_v15[] =
	/* (IF EXISTS: a derived object dropped by hand does not stop the
	 * upgrade; this makes them again) */
	"DROP TRIGGER IF EXISTS sections_fts_insert;"
	"DROP TRIGGER IF EXISTS sections_fts_delete;"
	"DROP TRIGGER IF EXISTS sections_fts_update;"
	"DROP TRIGGER IF EXISTS sections_lens_update;"
	"DROP TABLE IF EXISTS sections_fts;"
	"ALTER TABLE sections ADD COLUMN at INTEGER;"
	"ALTER TABLE sections ADD COLUMN len INTEGER;"
	SECTIONS_RANGE
	"CREATE VIEW sections_text (id, meeting_id, n, heading, text) AS"
	" SELECT s.id, s.meeting_id, s.n, s.heading, " SECTION_TEXT("s") " FROM sections s;"
	"CREATE VIRTUAL TABLE sections_fts USING fts5("
	" heading, text, content='sections_text', content_rowid='id',"
	" tokenize='" HY_FTS_TOKENIZER "');"
	"CREATE TRIGGER sections_fts_insert AFTER INSERT ON sections"
	" WHEN hy_fts_immediate() BEGIN"
	" INSERT INTO sections_fts (rowid, heading, text)"
	"  VALUES (new.id, new.heading, " SECTION_TEXT("new") ");"
	" END;"
	"CREATE TRIGGER sections_fts_delete AFTER DELETE ON sections"
	" WHEN" FTS_INDEXED("sections", "old.id") " BEGIN"
	" INSERT INTO sections_fts (sections_fts, rowid, heading, text)"
	"  VALUES ('delete', old.id, old.heading, " SECTION_TEXT("old") ");"
	" END;"
	"CREATE TRIGGER sections_fts_update"
	" AFTER UPDATE OF id, meeting_id, heading, text, at, len ON sections"
	" WHEN" FTS_INDEXED("sections", "old.id") " BEGIN"
	" INSERT INTO sections_fts (sections_fts, rowid, heading, text)"
	"  VALUES ('delete', old.id, old.heading, " SECTION_TEXT("old") ");"
	" INSERT INTO sections_fts (rowid, heading, text)"
	"  VALUES (new.id, new.heading, " SECTION_TEXT("new") ");"
	" END;"
	"CREATE TRIGGER meetings_sections_delete BEFORE DELETE ON meetings BEGIN"
	" DELETE FROM sections WHERE meeting_id = old.id;"
	" END;"
	/* a clean text changed (reindex's widening, the sqlite3 shell):
	 * its sections keep the text they had, as before v15, stored again
	 * while the old clean text is still the meeting's (reindex then
	 * makes ranges of those that are pieces of the new one) */
	"CREATE TRIGGER meetings_clean_sections BEFORE UPDATE OF clean ON meetings"
	" WHEN old.clean IS NOT new.clean BEGIN"
	" UPDATE sections SET text = substr(old.clean, at, len), at = NULL, len = NULL"
	"  WHERE meeting_id = old.id AND at IS NOT NULL AND text = '';"
	" END;"
	LENS_FORGET(0, "sections_lens_update",
		    "UPDATE OF id, meeting_id, heading, text, at, len ON sections")
	"INSERT INTO sections_fts (sections_fts, rank) VALUES ('automerge', 16);"
	"INSERT INTO sections_fts (sections_fts) VALUES ('rebuild');"
	"DELETE FROM fts_lengths;" LENS_FILL(0, "sections", "0") LENS_FILL(1, "meetings", "0");
/* clang-format on */

/* Schema v16: each band row holds its meeting's month and day (`day`,
 * '' when unknown), indexed after the key. A stored meeting whose known
 * day differs from a new readout's is never the same meeting (sources.c
 * agrees), so a readout with a day looks up its bands on that day and on
 * the unknown one only: at a million gencorpus meetings a band's key held
 * up to 15,000 rows (boilerplate), which every readout read four times
 * (5,000 readouts into the million: 27.5 s, 12.9 s without the search for
 * the same meeting; bench/RESULTS.md). A trigger moves a meeting's bands
 * when its day changes. */
#define SIMHASH_DAY_FILL                                                                           \
	"UPDATE simhash_bands SET day = ifnull((SELECT month_day FROM meetings"                    \
	" WHERE id = simhash_bands.meeting_id), '');"
/* clang-format off */
static const char schema_v16[] =
	"ALTER TABLE simhash_bands ADD COLUMN day TEXT NOT NULL DEFAULT '';"
	SIMHASH_DAY_FILL
	"CREATE INDEX simhash_bands_by_day ON simhash_bands(key, day, hash);"
	"CREATE TRIGGER simhash_day AFTER UPDATE OF month_day ON meetings"
	" WHEN old.month_day IS NOT new.month_day BEGIN"
	" UPDATE simhash_bands SET day = ifnull(new.month_day, '')"
	"  WHERE meeting_id = new.id AND key IN (SELECT value FROM (SELECT"
	"  hash & 65535 AS value FROM simhash WHERE meeting_id = new.id UNION ALL SELECT"
	"  65536 | (hash >> 16 & 65535) FROM simhash WHERE meeting_id = new.id UNION ALL SELECT"
	"  131072 | (hash >> 32 & 65535) FROM simhash WHERE meeting_id = new.id UNION ALL SELECT"
	"  196608 | (hash >> 48 & 65535) FROM simhash WHERE meeting_id = new.id));"
	" END;";
/* clang-format on */

/* Schema v17: block-max score bounds (fts.h HY_FTS_BOUNDS_ROWS,
 * src/store/bounds.c, DESIGN.md §5 "Ranking that stops early").
 * fts_bounds: per index, token and chunk of 256 blocks, two bytes a
 * block bounding the term score of the token's rows there;
 * fts_bounds_meta: per index, the average row length the bounds were
 * made for (abound: a score grows with it; a search corrects for a
 * larger one, and a commit makes them again past 1.25 × abound) and the
 * highest rowid they cover (top; rows above it are ranked in full); fts_bounds_pending: the rows at or
 * below top that were inserted or changed since the last fold, logged by
 * triggers in plain SQL (so any writer logs them), folded in by
 * hy_bounds_fold at the next commit; while any is there, searches rank
 * that index in full. A deleted row needs nothing in the bounds (they
 * stay bounds). fts_df: per index and token, the number of rows at or
 * below top that hold it (a one-token query's count of matches, which
 * its idf needs); fts_bounds_gone: the text of the rows it counts that
 * were deleted or changed since the last fold (the same triggers log it,
 * the fold takes it out). */
#define BOUNDS_TOP(index) "(SELECT top FROM fts_bounds_meta WHERE idx = " #index ")"
#define BOUNDS_NOT_PENDING(index, id)                                                              \
	" NOT EXISTS (SELECT 1 FROM fts_bounds_pending WHERE idx = " #index " AND id = " id ")"
/* a row the counts hold (at or below top, not pending): its text as
 * FTS5 was given it, logged so that the next fold takes it out */
#define BOUNDS_GONE(index, c0, c1)                                                                 \
	" INSERT INTO fts_bounds_gone (idx, c0, c1) SELECT " #index ", " c0 ", " c1                \
	" WHERE old.id <= " BOUNDS_TOP(index) " AND" BOUNDS_NOT_PENDING(index, "old.id") ";"
#define BOUNDS_PENDING(index)                                                                      \
	" INSERT OR IGNORE INTO fts_bounds_pending (idx, id) SELECT " #index ", new.id"            \
	" WHERE new.id <= " BOUNDS_TOP(index) ";"
/* clang-format off */
static const char schema_v17[] =
	"CREATE TABLE fts_bounds (idx INTEGER NOT NULL, token BLOB NOT NULL,"
	" chunk INTEGER NOT NULL, b BLOB NOT NULL,"
	" PRIMARY KEY (idx, token, chunk)) WITHOUT ROWID;"
	"CREATE TABLE fts_bounds_meta (idx INTEGER PRIMARY KEY, abound REAL NOT NULL,"
	" top INTEGER NOT NULL);"
	"CREATE TABLE fts_bounds_pending (idx INTEGER NOT NULL, id INTEGER NOT NULL,"
	" PRIMARY KEY (idx, id)) WITHOUT ROWID;"
	"CREATE TABLE fts_df (idx INTEGER NOT NULL, token BLOB NOT NULL, n INTEGER NOT NULL,"
	" PRIMARY KEY (idx, token)) WITHOUT ROWID;"
	"CREATE TABLE fts_bounds_gone (id INTEGER PRIMARY KEY, idx INTEGER NOT NULL,"
	" c0 TEXT, c1 TEXT);"
	"CREATE TRIGGER sections_bounds_insert AFTER INSERT ON sections BEGIN"
	BOUNDS_PENDING(0) " END;"
	"CREATE TRIGGER sections_bounds_update"
	" AFTER UPDATE OF id, meeting_id, heading, text, at, len ON sections BEGIN"
	BOUNDS_GONE(0, "old.heading", SECTION_TEXT("old")) BOUNDS_PENDING(0) " END;"
	"CREATE TRIGGER sections_bounds_delete AFTER DELETE ON sections BEGIN"
	BOUNDS_GONE(0, "old.heading", SECTION_TEXT("old")) " END;"
	"CREATE TRIGGER meetings_bounds_insert AFTER INSERT ON meetings BEGIN"
	BOUNDS_PENDING(1) " END;"
	"CREATE TRIGGER meetings_bounds_update AFTER UPDATE OF id, title, summary ON meetings BEGIN"
	BOUNDS_GONE(1, "old.title", "old.summary") BOUNDS_PENDING(1) " END;"
	"CREATE TRIGGER meetings_bounds_delete AFTER DELETE ON meetings BEGIN"
	BOUNDS_GONE(1, "old.title", "old.summary") " END;"
	"SELECT hy_bounds_build(0), hy_bounds_build(1);";
/* clang-format on */
const char hy_store_bounds_rebuild[] = "SELECT hy_bounds_build(0), hy_bounds_build(1);";
const char hy_store_bounds_fold[] = "SELECT hy_bounds_fold(0), hy_bounds_fold(1);";

/* Schema v18: the clean text as a zstd frame (cleanz.h, DESIGN.md §2
 * "The clean text compressed"), in a column of a new name (cleanz), read
 * through hy_clean(cleanz, id) by everything that read clean: the view
 * sections_text and the triggers that give FTS5 a section's text, the
 * check that the raw bytes still unpack against the text, and the
 * sections given their text back when the text changes. The texts are
 * packed without a dictionary, then (hy_clean_train) with one trained
 * from them when there are enough; the file keeps its size until VACUUM.
 * A database of 100,000 gencorpus readouts: bench/RESULTS.md. */
#define CLEAN_Z "hy_clean(cleanz, id)"
#define SECTION_TEXT_Z(row) SECTION_TEXT_OF(CLEAN_Z, row)
const char hy_store_sections_range[] = SECTIONS_RANGE_OF(CLEAN_Z);
/* clang-format off */
static const char schema_v18[] =
	"CREATE TABLE clean_dicts (n INTEGER PRIMARY KEY, id INTEGER NOT NULL UNIQUE,"
	" dict BLOB NOT NULL);"
	"ALTER TABLE meetings ADD COLUMN cleanz BLOB NOT NULL DEFAULT x'';"
	"UPDATE meetings SET cleanz = hy_clean_pack(clean, 0);"
	/* what reads clean goes, and comes back reading cleanz (IF
	 * EXISTS: a derived object dropped by hand does not stop it) */
	"DROP TRIGGER IF EXISTS meetings_rawz_check;"
	"DROP TRIGGER IF EXISTS meetings_clean_sections;"
	"DROP TRIGGER IF EXISTS sections_fts_insert;"
	"DROP TRIGGER IF EXISTS sections_fts_delete;"
	"DROP TRIGGER IF EXISTS sections_fts_update;"
	"DROP TRIGGER IF EXISTS sections_bounds_update;"
	"DROP TRIGGER IF EXISTS sections_bounds_delete;"
	"DROP VIEW IF EXISTS sections_text;"
	"ALTER TABLE meetings DROP COLUMN clean;"
	"SELECT hy_clean_train();"
	"CREATE VIEW sections_text (id, meeting_id, n, heading, text) AS"
	" SELECT s.id, s.meeting_id, s.n, s.heading, " SECTION_TEXT_Z("s") " FROM sections s;"
	"CREATE TRIGGER sections_fts_insert AFTER INSERT ON sections"
	" WHEN hy_fts_immediate() BEGIN"
	" INSERT INTO sections_fts (rowid, heading, text)"
	"  VALUES (new.id, new.heading, " SECTION_TEXT_Z("new") ");"
	" END;"
	"CREATE TRIGGER sections_fts_delete AFTER DELETE ON sections"
	" WHEN" FTS_INDEXED("sections", "old.id") " BEGIN"
	" INSERT INTO sections_fts (sections_fts, rowid, heading, text)"
	"  VALUES ('delete', old.id, old.heading, " SECTION_TEXT_Z("old") ");"
	" END;"
	"CREATE TRIGGER sections_fts_update"
	" AFTER UPDATE OF id, meeting_id, heading, text, at, len ON sections"
	" WHEN" FTS_INDEXED("sections", "old.id") " BEGIN"
	" INSERT INTO sections_fts (sections_fts, rowid, heading, text)"
	"  VALUES ('delete', old.id, old.heading, " SECTION_TEXT_Z("old") ");"
	" INSERT INTO sections_fts (rowid, heading, text)"
	"  VALUES (new.id, new.heading, " SECTION_TEXT_Z("new") ");"
	" END;"
	"CREATE TRIGGER sections_bounds_update"
	" AFTER UPDATE OF id, meeting_id, heading, text, at, len ON sections BEGIN"
	BOUNDS_GONE(0, "old.heading", SECTION_TEXT_Z("old")) BOUNDS_PENDING(0) " END;"
	"CREATE TRIGGER sections_bounds_delete AFTER DELETE ON sections BEGIN"
	BOUNDS_GONE(0, "old.heading", SECTION_TEXT_Z("old")) " END;"
	"CREATE TRIGGER meetings_clean_sections BEFORE UPDATE OF cleanz ON meetings"
	" WHEN hy_clean(old.cleanz, old.id) IS NOT hy_clean(new.cleanz, new.id) BEGIN"
	" UPDATE sections SET text = substr(hy_clean(old.cleanz, old.id), at, len),"
	"  at = NULL, len = NULL"
	"  WHERE meeting_id = old.id AND at IS NOT NULL AND text = '';"
	" END;"
	"CREATE TRIGGER meetings_rawz_check"
	" BEFORE UPDATE OF cleanz, rawz ON meetings BEGIN"
	" SELECT hy_raw(new.rawz, hy_clean(new.cleanz, new.id));"
	" END;";
/* clang-format on */

/* Schema v20: a meeting's summary kept as a range of its clean text
 * (DESIGN.md §2 "The summary as a range"), as v15 keeps the sections:
 * summary_at and summary_len, in characters as substr() counts them on
 * TEXT (summary_at 1-based), with summary ''; a summary that is not a
 * piece of the clean text (composed, or cleaned otherwise) keeps its
 * text, summary_at and summary_len NULL. A summary that is not '' reads
 * as that text whatever summary_at says (a text set by hand in the
 * sqlite3 shell is what it reads). meetings_text(id, title, summary) is
 * what meetings held before: the search index's content (FTS5's
 * 'rebuild', its integrity-check) and what the batch's indexing reads;
 * show, search's snippets and the bounds read HY_STORE_SUMMARY_OF
 * (internal.h). The triggers give FTS5 the summary as it reads (a
 * 'delete' must be given the text its insert had): the meeting's row,
 * and so its clean text, is still there in AFTER DELETE and UPDATE
 * triggers (old.cleanz). A clean text changed under a summary that is a
 * range of it, the summary's columns left as they were, would change
 * what the summary reads: refused (meetings_summary_check), as a clean
 * text changed without its raw bytes is (v14); the same text packed
 * again (a dictionary trained) is not a change. The migration drops
 * meetings_fts and what reads the summary, makes the ranges, and makes
 * the index again over the view, with its lengths and bounds. */
#define SUMMARY_OF(row) HY_STORE_SUMMARY_OF(row)
#define SUMMARY_RANGE_OF(clean)                                                                    \
	"UPDATE meetings SET summary_at = instr(" clean ", summary),"                              \
	" summary_len = length(summary) WHERE summary_at IS NULL AND summary <> '';"               \
	"UPDATE meetings SET summary = '' WHERE summary_at > 0 AND summary_at <= " RANGE_MAX_AT    \
	" AND summary <> '' AND summary = substr(" clean ", summary_at, summary_len);"             \
	"UPDATE meetings SET summary_at = NULL, summary_len = NULL"                                \
	" WHERE summary_at IS NOT NULL AND summary <> '';"
const char hy_store_summary_range[] = SUMMARY_RANGE_OF(CLEAN_Z);
/* clang-format off */
static const char schema_v20[] =
	/* (IF EXISTS: a derived object dropped by hand does not stop the
	 * upgrade; this makes them again) */
	"DROP TRIGGER IF EXISTS meetings_fts_insert;"
	"DROP TRIGGER IF EXISTS meetings_fts_delete;"
	"DROP TRIGGER IF EXISTS meetings_fts_update;"
	"DROP TRIGGER IF EXISTS meetings_lens_update;"
	"DROP TRIGGER IF EXISTS meetings_bounds_update;"
	"DROP TRIGGER IF EXISTS meetings_bounds_delete;"
	"DROP TABLE IF EXISTS meetings_fts;"
	"ALTER TABLE meetings ADD COLUMN summary_at INTEGER;"
	"ALTER TABLE meetings ADD COLUMN summary_len INTEGER;"
	SUMMARY_RANGE_OF(CLEAN_Z)
	"CREATE VIEW meetings_text (id, title, summary) AS"
	" SELECT m.id, m.title, " SUMMARY_OF("m") " FROM meetings m;"
	"CREATE VIRTUAL TABLE meetings_fts USING fts5("
	" title, summary, content='meetings_text', content_rowid='id',"
	" tokenize='" HY_FTS_TOKENIZER "');"
	"CREATE TRIGGER meetings_fts_insert AFTER INSERT ON meetings"
	" WHEN hy_fts_immediate() BEGIN"
	" INSERT INTO meetings_fts (rowid, title, summary)"
	"  VALUES (new.id, new.title, " SUMMARY_OF("new") ");"
	" END;"
	"CREATE TRIGGER meetings_fts_delete AFTER DELETE ON meetings"
	" WHEN" FTS_INDEXED("meetings", "old.id") " BEGIN"
	" INSERT INTO meetings_fts (meetings_fts, rowid, title, summary)"
	"  VALUES ('delete', old.id, old.title, " SUMMARY_OF("old") ");"
	" END;"
	"CREATE TRIGGER meetings_fts_update"
	" AFTER UPDATE OF id, title, summary, summary_at, summary_len ON meetings"
	" WHEN" FTS_INDEXED("meetings", "old.id") " BEGIN"
	" INSERT INTO meetings_fts (meetings_fts, rowid, title, summary)"
	"  VALUES ('delete', old.id, old.title, " SUMMARY_OF("old") ");"
	" INSERT INTO meetings_fts (rowid, title, summary)"
	"  VALUES (new.id, new.title, " SUMMARY_OF("new") ");"
	" END;";
/* (the rest of the step: one string is at most 4,095 characters in C) */
static const char schema_v20_then[] =
	"CREATE TRIGGER meetings_summary_check BEFORE UPDATE OF cleanz ON meetings"
	" WHEN new.summary_at IS NOT NULL AND new.summary = '' AND old.summary = ''"
	" AND old.summary_at IS new.summary_at AND old.summary_len IS new.summary_len"
	" AND " SUMMARY_OF("old") " IS NOT " SUMMARY_OF("new") " BEGIN"
	" SELECT RAISE(ABORT, 'the summary is a range of the clean text: set it with the text');"
	" END;"
	LENS_FORGET(1, "meetings_lens_update",
		    "UPDATE OF id, title, summary, summary_at, summary_len ON meetings")
	"CREATE TRIGGER meetings_bounds_update"
	" AFTER UPDATE OF id, title, summary, summary_at, summary_len ON meetings BEGIN"
	BOUNDS_GONE(1, "old.title", SUMMARY_OF("old")) BOUNDS_PENDING(1) " END;"
	"CREATE TRIGGER meetings_bounds_delete AFTER DELETE ON meetings BEGIN"
	BOUNDS_GONE(1, "old.title", SUMMARY_OF("old")) " END;"
	"INSERT INTO meetings_fts (meetings_fts, rank) VALUES ('automerge', 16);"
	"INSERT INTO meetings_fts (meetings_fts) VALUES ('rebuild');"
	"DELETE FROM fts_lengths WHERE id >= (1 << " HY_STR(HY_FTS_LENS_INDEX_SHIFT) ");"
	LENS_FILL(1, "meetings", "0")
	"SELECT hy_bounds_build(1);";
/* clang-format on */

/* Schema v21: each index's weighted column (the heading, the title)
 * declared last. FTS5 writes a row's positions in its first column
 * bare and those in any other after two bytes (0x01, the column's
 * number); a section's text holds most of its (token, row) entries (58
 * million of 66 at 100,000 gencorpus readouts) and a summary most of a
 * meeting's, so with the text first those two bytes go to the few
 * entries of the short heading or title instead (sections_fts_data 362
 * → 262 MB, meetings_fts_data 56 → 40 MB at 100,000). Only FTS5's
 * storage changes: the triggers, the views and the batch's indexing name
 * the columns, the bounds, the lengths and the document frequencies
 * count by token and row and stay as they are, and hy_rank weighs the
 * column that is last from v21 on (search_rank.c). The migration drops
 * both indexes and builds them again from their views. */
#define HY_FTS_SECTIONS_V21                                                                        \
	"CREATE VIRTUAL TABLE sections_fts USING fts5("                                            \
	" text, heading, content='sections_text', content_rowid='id',"                             \
	" tokenize='" HY_FTS_TOKENIZER "');"
#define HY_FTS_MEETINGS_V21                                                                        \
	"CREATE VIRTUAL TABLE meetings_fts USING fts5("                                            \
	" summary, title, content='meetings_text', content_rowid='id',"                            \
	" tokenize='" HY_FTS_TOKENIZER "');"
static const char schema_v21[] =
	"DROP TABLE IF EXISTS sections_fts;" HY_FTS_SECTIONS_V21
	"INSERT INTO sections_fts (sections_fts, rank) VALUES ('automerge', 16);"
	"INSERT INTO sections_fts (sections_fts) VALUES ('rebuild');"
	"DROP TABLE IF EXISTS meetings_fts;" HY_FTS_MEETINGS_V21
	"INSERT INTO meetings_fts (meetings_fts, rank) VALUES ('automerge', 16);"
	"INSERT INTO meetings_fts (meetings_fts) VALUES ('rebuild');";

/* (schema v20: the summaries from meetings_text) */
const char hy_store_index_new_v20[] =
	"INSERT INTO sections_fts (rowid, heading, text)"
	" SELECT id, heading, text FROM sections_text"
	" WHERE id > (SELECT ifnull(max(id), 0) FROM sections_fts_docsize);"
	"INSERT INTO meetings_fts (rowid, title, summary)"
	" SELECT id, title, summary FROM meetings_text"
	" WHERE id > (SELECT ifnull(max(id), 0) FROM meetings_fts_docsize);";

/* All of them again (reindex, and refold: the fingerprint is of the
 * folded text). */
const char hy_store_simhash_rebuild[] = "DELETE FROM simhash;"
					"DELETE FROM simhash_bands;" SIMHASH_FILL_OF(CLEAN_Z);
/* (a handle kept at schema v11–v17: the column clean) */
const char hy_store_simhash_rebuild_v11[] = "DELETE FROM simhash;"
					    "DELETE FROM simhash_bands;" SIMHASH_FILL;
/* and the bands' days (schema v16 on) */
const char hy_store_simhash_days[] = SIMHASH_DAY_FILL;

/* Forward migrations: step i takes user_version from i to i + 1. Adding a
 * version is adding a line here and bumping HY_STORE_SCHEMA_VERSION. */
const char *const hy_store_migrations[] = {
	schema_v1,           schema_v2, schema_v3,          schema_v4,
	schema_v5,           schema_v6, hy_store_schema_v7, /* the people: src/store/people.c */
	hy_store_schema_v8,  /* their surnames' pinyin: src/store/people.c */
	schema_v9,           /* trend's meeting_runs */
	schema_v10,          /* the fold the index was made with */
	schema_v11,          /* sources and fingerprints (sources.c) */
	schema_v12,          /* what the cleaner mended in each source */
	schema_v13,          /* people's keys */
	schema_v14,          /* raw bytes packed against the clean text */
	schema_v15,          /* sections as ranges of the clean text */
	schema_v16,          /* the day beside each fingerprint's bands */
	schema_v17,          /* block-max score bounds */
	schema_v18,          /* the clean text compressed (cleanz.c) */
	hy_store_schema_v19, /* the people stored once: src/store/people.c */
	schema_v20,          /* the summary as a range of the clean text */
	schema_v21,          /* each index's weighted column last */
};

/* What a step runs after its line above, when it is too long for one
 * string: NULL for most. */
const char *const hy_store_migrations_then[HY_STORE_SCHEMA_VERSION] = {
	[19] = schema_v20_then,
};

_Static_assert(sizeof hy_store_migrations / sizeof hy_store_migrations[0] ==
		       HY_STORE_SCHEMA_VERSION,
	       "one migration step per schema version");

/* The tables that hold what was imported; everything else huiyi makes
 * (the search index and its shadow tables, fts_lengths, bodies, every
 * index and trigger) is derived from them and can be made again. */
static int is_content_table(const char *name)
{
	/* (appearances: derived up to v18, the people's links since v19) */
	static const char *const content[] = {"meetings",       "sections", "people",
					      "meeting_people", "sources",  "appearances"};
	for (size_t i = 0; i < sizeof content / sizeof content[0]; i++)
		if (strcmp(name, content[i]) == 0)
			return 1;
	return 0;
}

int hy_store_is_derived(const char *name)
{
	if (strncmp(name, "main.", 5) == 0)
		name += 5;
	return name[0] && strncmp(name, "sqlite_", 7) != 0 && !is_content_table(name);
}

/* 1 if the schema of db holds an object called name, 0 if not, else the
 * sqlite error code (negative). */
int hy_store_has_object(sqlite3 *db, const char *name)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE name = ?1", -1, &st,
				    NULL);
	if (rc != SQLITE_OK)
		return -rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -rc;
}

/* What the schema of a database at version should hold: the migrations
 * run on an empty database in memory, with the same functions; NULL when
 * that fails (memory). */
sqlite3 *hy_store_reference_schema(int version)
{
	sqlite3 *ref = NULL;
	char ferr[256];
	int rc = sqlite3_open_v2(":memory:", &ref, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
				 NULL);
	if (rc == SQLITE_OK && hy_fts_register(ref, ferr, sizeof ferr) != 0)
		rc = SQLITE_ERROR;
	if (rc == SQLITE_OK)
		rc = hy_people_register(ref);
	if (rc == SQLITE_OK)
		rc = hy_simhash_register(ref);
	if (rc == SQLITE_OK)
		rc = hy_pack_register(ref);
	if (rc == SQLITE_OK)
		rc = hy_bounds_register(ref);
	if (rc == SQLITE_OK)
		rc = hy_cleanz_register(ref, NULL);
	for (int v = 0; v < version && v < HY_STORE_SCHEMA_VERSION && rc == SQLITE_OK; v++)
		if ((rc = sqlite3_exec(ref, hy_store_migrations[v], NULL, NULL, NULL)) ==
			    SQLITE_OK &&
		    hy_store_migrations_then[v])
			rc = sqlite3_exec(ref, hy_store_migrations_then[v], NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_close(ref);
		return NULL;
	}
	return ref;
}

/* The name of the first derived table, index or trigger (above) that s
 * lacks, into buf; "" when none is missing or it cannot be known. */
void hy_store_missing_derived(struct hy_store *s, char *buf, size_t len)
{
	sqlite3 *ref = s->version > 0 ? hy_store_reference_schema(s->version) : NULL;
	sqlite3_stmt *st = NULL;
	buf[0] = '\0';
	if (ref && sqlite3_prepare_v2(ref,
				      "SELECT name FROM sqlite_master WHERE sql IS NOT NULL"
				      " AND name NOT LIKE 'sqlite%' ORDER BY rowid",
				      -1, &st, NULL) == SQLITE_OK)
		while (!buf[0] && sqlite3_step(st) == SQLITE_ROW) {
			const char *name = (const char *)sqlite3_column_text(st, 0);
			if (name && hy_store_is_derived(name) &&
			    hy_store_has_object(s->db, name) == 0)
				snprintf(buf, len, "%s", name);
		}
	sqlite3_finalize(st);
	sqlite3_close(ref);
}
