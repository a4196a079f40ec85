/* internal.h: what the files of src/store share; not a public header.
 * The files: db.c (open, close, batches), schema.c (the schema, what is
 * derived), repair.c (making derived tables again, reindex), fail.c
 * (sqlite failures as hy_err codes and messages), stmt.c (prepared
 * statements), write.c and import.c (storing), query.c with list.h and
 * list_filter.c (the list), record.c (one meeting), fts.c (the
 * tokenizer), search_*.c with search_int.h (search), trend.c (counts per
 * period, the filter as SQL), export.c (meetings one at a time). */
#ifndef HUIYI_STORE_INTERNAL_H
#define HUIYI_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdint.h>

#include "huiyi/search.h"
#include "huiyi/store.h"

/* A macro's value as a string literal (SQL built from fts.h's sizes). */
#define HY_STR_(x) #x
#define HY_STR(x) HY_STR_(x)

/* Make every derived table, index and trigger that is missing (the
 * search index and its FTS5 tables, fts_lengths, bodies, the list
 * indexes: whatever the migrations make besides the tables of imported
 * data), as the migrations made them, empty, for reindex to fill; *made
 * counts them. Inside the caller's transaction (repair.c). */
int hy_store_restore_derived(struct hy_store *s, size_t *made, char *err, size_t errlen);

/* 1 if name ("main." allowed before it) is a table, index or trigger
 * huiyi can make again from the imported data (hy_store_restore_derived),
 * 0 for the tables that hold it (schema.c). */
int hy_store_is_derived(const char *name);

/* Statements prepared once per connection and reused (sqlite3_reset). */
enum hy_store_stmt {
	HY_ST_HAS,
	HY_ST_INSERT_MEETING,     /* schema v20: the summary a range of the clean text */
	HY_ST_INSERT_MEETING_V18, /* v18–v19: the clean text packed (cleanz.h) */
	HY_ST_INSERT_MEETING_V14, /* v14–v17: the raw bytes packed (pack.h) */
	HY_ST_INSERT_MEETING_V5,  /* a handle kept at schema v5–v13 (hy_store_open_at) */
	HY_ST_INSERT_MEETING_V1,  /* … at schema v1–v4 */
	HY_ST_INSERT_SECTION,
	HY_ST_SET_RUN,
	HY_ST_FIND_PERSON,
	HY_ST_INSERT_PERSON,
	HY_ST_INSERT_PERSON_V12,
	HY_ST_LINK_PERSON,
	HY_ST_KEY_BY_ID,
	HY_ST_BODIES_LIKE,
	HY_ST_PEOPLE_LIKE,
	HY_ST_PEOPLE_LIKE_V12,
	HY_ST_MAX_ID,
	HY_ST_GET_MEETING,
	HY_ST_GET_SECTIONS,
	HY_ST_GET_PEOPLE,
	HY_ST_INSERT_SOURCE, /* schema v14 (sources.c) */
	HY_ST_INSERT_SOURCE_V12,
	HY_ST_INSERT_SOURCE_V11,
	HY_ST_INSERT_SIMHASH,
	HY_ST_INSERT_BANDS, /* schema v16: with the day, into the batch's log */
	HY_ST_INSERT_BANDS_V11,
	HY_ST_NEAR,     /* v16: the table and the batch's log */
	HY_ST_NEAR_DAY, /* v16: the bands of one day and of none */
	HY_ST_NEAR_V11,
	HY_ST_NEAR_MEETING,
	HY_ST_SAME_DAY,
	HY_ST_SAME_DAY_MEETING,
	HY_ST_COUNT
};

/* List queries are built per shape (order, level, direction, filters)
 * and kept prepared in a small pool keyed by their SQL; several copies of
 * one shape can be busy at once (a page merges one stream per body). */
#define HY_STORE_POOL 48

struct hy_store_pooled {
	sqlite3_stmt *st; /* NULL: free slot */
	char *sql;
	uint32_t hash;
	int busy;
	uint64_t used; /* tick of the last use: the oldest idle one goes */
};

struct hy_store {
	sqlite3 *db;
	char *path;
	int version;
	int readonly;  /* HY_STORE_READONLY: nothing is ever written */
	int immutable; /* read-only through ?immutable=1 (no -shm) */
	int no_shm;    /* HY_STORE_NO_SHM */
	int unprobed;  /* HY_STORE_NO_PROBE: the roots were not read at open */
	int mapped;    /* HY_STORE_MAPPED */
	int in_batch;
	/* An insert failed after writing part of its meeting (write.c):
	 * the batch can only be rolled back. */
	int batch_spoiled;
	sqlite3_stmt *st[HY_ST_COUNT];
	struct hy_store_pooled pool[HY_STORE_POOL];
	uint64_t tick;
	/* A second connection to the same file, for searches that rank
	 * half an index in another thread (search_threads.c); NULL until then. */
	struct hy_store *reader;
	int reader_failed;            /* it could not be opened: do not try again */
	struct hy_search_opts search; /* hy_store_search_opts */
	int no_scores;                /* hy_store_search_scores(s, 0) */
	/* phrases ranked so: pages ordered without counting the matches,
	 * and pages whose order needed the count (tests read them) */
	int64_t uncounted, counted;
	/* people.c's statements, prepared on first use (people.h). */
	struct hy_people_stmts *people;
	/* The batch's fingerprint bands, logged until it commits (sources.c
	 * hy_store_bands_flush): the log is made, rows are in it. */
	int bands_made, bands_pending;
	/* The connection's dictionaries for the clean text (cleanz.h, schema
	 * v18), and the newest one, which texts are packed with (0: none;
	 * clean_dict_checked: looked up since the batch began); a commit
	 * trains the first when there are enough meetings (clean_train_failed:
	 * zstd could not, not tried again). */
	struct hy_cleanz *cz;
	uint32_t clean_dict;
	int clean_dict_checked, clean_train_failed;
	long clean_plain; /* texts stored without one since the last try */
	/* query.c person_mode's last answer (the filter's person, the page's
	 * limit, the highest meeting id then): the pages of one listing ask
	 * again with the same, and the count it takes is a page's worth. */
	char *mode_person;
	size_t mode_limit;
	int64_t mode_maxid;
	int mode_by_id;
	/* Tests: called with the SQL of each list query as it is prepared. */
	void (*on_prepare)(const char *sql, void *ctx);
	void *on_prepare_ctx;
};

/* hy_store_open, but bring the schema only up to version `upto` (tests:
 * make an old database with today's code). */
int hy_store_open_at(struct hy_store **out, const char *path, int flags, int upto, char *err,
		     size_t errlen);

/* How long a connection waits for another one's lock. */
#define HY_STORE_BUSY_MS 5000
/* Is a content hash stored? (HY_ST_HAS, and hy_store_probe's; write.c.) */
extern const char hy_store_sql_has[];

/* Schema v7, the people (people.c), and the SQL that fills its tables
 * again from the meetings (the migration's end; reindex). */
extern const char hy_store_schema_v7[];
extern const char hy_store_people_fill[];
/* Schema v8: the people's pinyin and name order again (people.c). */
extern const char hy_store_schema_v8[];
/* Schema v19: the people stored once, appearances with the names as
 * written, and the persons made again from them (people.c). */
extern const char hy_store_schema_v19[];
extern const char hy_store_people_fill_v19[];
/* (v19) An appearance's part as meeting_people's role was: an invited
 * guest an observer. */
#define HY_LINK_ROLE(a) "CASE " a ".part WHEN 'invited' THEN 'observer' ELSE " a ".part END"
/* (v19) The meetings whose names as written (people p) meet cond: each
 * name's appearances are those of the persons of its key (persons'
 * unique index, then a range of appearances' key) that have that name; a
 * name with no letters (key '') is person 0's. In that order (CROSS
 * JOIN): else sqlite may walk every appearance of the index by meeting,
 * which holds the name. A join, so that a LIMIT stops it early (the
 * list's count of a name's meetings): the names' ids, keys and persons
 * as sorted lists were as fast in full but read every name first. */
#define HY_NAMED_KEYED(cond)                                                                       \
	"SELECT a.meeting_id FROM people p CROSS JOIN persons q ON q.key = p.key"                  \
	" CROSS JOIN appearances a ON a.person_id = q.id AND a.name_id = p.id WHERE " cond
#define HY_NAMED_MEETINGS(cond)                                                                    \
	HY_NAMED_KEYED(cond)                                                                       \
	" UNION ALL SELECT a.meeting_id FROM appearances a"                                        \
	" JOIN people p ON p.id = a.name_id WHERE a.person_id = 0 AND " cond
/* The SQL functions those use (hy_person_key ...): a sqlite code. */
int hy_people_register(sqlite3 *db);

/* hy_simhash(text) and hy_script(text) as SQL functions (simhash.c), for
 * schema v11; an sqlite result code. */
int hy_simhash_register(sqlite3 *db);
/* The end of one write (write.c): a failure other than harmless spoils
 * the batch; own: commit or roll back the write's own transaction. */
int hy_store_end_write(struct hy_store *s, int own, int rc, int harmless, char *err, size_t errlen);
/* Bind doc's raw bytes to parameter i of st (write.c): packed against its
 * clean text when packed (schema v14, pack.h), else as they are. 0 or a
 * negative HY_ERR_* (HY_ERR_NOMEM). */
int hy_store_bind_raw(sqlite3_stmt *st, int i, const struct hy_store_doc *doc, int packed);
/* The first dictionary for the clean texts (cleanz.h hy_cleanz_train),
 * once the database holds enough meetings: trained from them and the
 * texts stored so far packed again with it, in the batch's transaction
 * (write.c; a commit, and every HY_CLEANZ_DICT_MIN texts stored without
 * one). A training that fails leaves the texts as they are (nothing is
 * lost, they are only larger) and is not tried again by this handle. */
void hy_store_clean_train(struct hy_store *s);

/* Bind doc's clean text to parameter i of st packed (schema v18,
 * cleanz.h) with s's newest dictionary. 0 or a code of huiyi/err.h. */
int hy_store_bind_clean(struct hy_store *s, sqlite3_stmt *st, int i,
			const struct hy_store_doc *doc);
/* Store doc as a source of meeting mid (sources.c): its row in sources
 * (shown: the meeting's own, whose raw and clean are the meeting row's),
 * and with shown its fingerprint. */
int hy_store_source_rows(struct hy_store *s, int64_t mid, const struct hy_store_doc *doc,
			 const char *sha, int shown, char *err, size_t errlen);

/* import --replace of the file with hash sha, inside the batch, before
 * hy_store_delete_sha (sources.c): the other sources of the meeting it is
 * the shown source of are read into *held (NULL when none), to be given
 * to the meeting its new parse goes to (hy_store_sources_give), so that
 * deleting the meeting loses none of them; when sha is a source not shown,
 * its row goes (the new parse is stored in its place). */
struct hy_store_held;
int hy_store_sources_hold(struct hy_store *s, const char *sha, struct hy_store_held **held,
			  char *err, size_t errlen);
int hy_store_sources_give(struct hy_store *s, int64_t mid, const struct hy_store_held *held,
			  char *err, size_t errlen);
void hy_store_held_free(struct hy_store_held *h);

/* Every name's key made again (schema.c, v13; reindex, refold). */
extern const char hy_store_people_keys[];
/* Every fingerprint made again (schema.c; reindex, refold). */
extern const char hy_store_simhash_rebuild[], hy_store_simhash_rebuild_v11[];
extern const char hy_store_simhash_days[];
/* Store meeting mid's people: links, persons and appearances (v7). */
struct hy_meeting;
int hy_store_people_add(struct hy_store *s, int64_t mid, const struct hy_meeting *m, char *err,
			size_t errlen);
/* The id of the people row for name as written, made when new (write.c;
 * people.c links the person to it). */
int hy_store_person_row(struct hy_store *s, const char *name, int64_t *id, char *err,
			size_t errlen);
/* Finalize people.c's statements (hy_store_close). */
void hy_store_people_close(struct hy_store *s);
/* Fold the batch's log of appearances into the people's tables (people.c):
 * at the commit, and before anything reads or deletes people inside the
 * batch. A failure spoils the batch. */
int hy_store_people_flush(struct hy_store *s, char *err, size_t errlen);
/* The batch was rolled back, and its log with it. */
void hy_store_people_forget(struct hy_store *s);
/* Insert the batch's logged fingerprint bands into simhash_bands in key
 * order (sources.c): at the commit, and before anything deletes a
 * meeting inside the batch. A failure spoils the batch. */
int hy_store_bands_flush(struct hy_store *s, char *err, size_t errlen);
/* The batch was rolled back, and the bands' log with it. */
void hy_store_bands_forget(struct hy_store *s);
/* Store fingerprint h's four bands for meeting mid (near.c: into the
 * batch's log from schema v16 on). 0 or an error. */
int hy_store_bands_insert(struct hy_store *s, int64_t mid, uint64_t h, char *err, size_t errlen);
/* The stored meeting m (fingerprint h) repeats, by its bands or, failing
 * them, among the meetings of its day and number (near.c): *found = its
 * id, or 0. 0 or an error. */
int hy_store_find_same(struct hy_store *s, const struct hy_meeting *m, uint64_t h, int64_t *found,
		       char *err, size_t errlen);

/* Block-max score bounds (bounds.c, schema v17, fts.h
 * HY_FTS_BOUNDS_ROWS): the SQL functions hy_bounds_build(index) and
 * hy_bounds_fold(index) on db; an index's average row length and row
 * count as FTS5 keeps them (its %_data averages record); the score no
 * row of a block with value q can pass, for bounds made at an average
 * length rho × today's (rho >= 1: as made). */
int hy_bounds_register(sqlite3 *db);
int hy_bounds_avgdl(sqlite3 *db, int idx, double *avgdl, int64_t *nrow);
double hy_bounds_upper(unsigned q, double rho);
/* SQL: every bound made again (reindex, refold; schema v17), and the
 * rows a batch added or changed folded in (its commit). */
extern const char hy_store_bounds_rebuild[];
extern const char hy_store_bounds_fold[];

/* A section is stored as a range of its meeting's clean text (schema
 * v15) only when the range starts within this many characters: sqlite's
 * substr() walks the characters before a range on every read (write.c,
 * schema.c SECTIONS_RANGE). A readout is a few thousand characters; a
 * 4 MB one-line readout of 33,000 items took a minute to index. */
#define HY_STORE_RANGE_MAX_AT 65536

/* A meeting's summary as it reads (schema v20, DESIGN.md §2 "The summary
 * as a range"): a range of its clean text (summary_at, 1-based, and
 * summary_len, in characters as substr() counts them) when summary is ''
 * and summary_at is set, else summary itself. row is the meetings row
 * (a table alias, old or new). */
#define HY_STORE_SUMMARY_OF(row)                                                                   \
	"(CASE WHEN " row ".summary_at IS NOT NULL AND " row ".summary = ''"                       \
	" THEN substr(hy_clean(" row ".cleanz, " row ".id), " row ".summary_at, " row              \
	".summary_len) ELSE " row ".summary END)"

/* The schema (schema.c): migration step i takes user_version from i to
 * i + 1; the rows a batch added, indexed at its commit (schema v3), and
 * their lengths (v4); every block of fts_lengths again (reindex). */
extern const char *const hy_store_migrations[];
extern const char *const hy_store_migrations_then[];
extern const char hy_store_index_new[];
extern const char hy_store_index_new_v15[];
extern const char hy_store_index_new_v20[];
extern const char hy_store_lens_new[];
extern const char hy_store_sections_range[];
/* (schema v20: each summary that is a piece of its clean text made a
 * range of it, the others kept as text) */
extern const char hy_store_summary_range[];
extern const char hy_store_lens_rebuild[];
extern const char hy_store_runs_rebuild[];
/* The fold this build indexes with, kept (schema v10): SQL. */
extern const char hy_store_fold_set[];
/* A writer's open: when the database's index was made with another fold
 * (fold.h hy_fold_id; a v9 database, a build with newer tables), the
 * search index and the people are made again with this one (repair.c). */
int hy_store_refold(struct hy_store *s, char *err, size_t errlen);
/* The check an open without HY_STORE_NO_PROBE makes (the first row of
 * every b-tree), made now if that open skipped it: before the first
 * write to the file (db.c). 0 or HY_ERR_CORRUPT and others. */
int hy_store_probe_late(struct hy_store *s, char *err, size_t errlen);
/* 1 if the schema of db holds an object called name, 0 if not, else the
 * sqlite error code (negative). */
int hy_store_has_object(sqlite3 *db, const char *name);
/* What the schema of a database at version should hold: the migrations
 * run on an empty database in memory; NULL when that fails (memory). */
sqlite3 *hy_store_reference_schema(int version);
/* The name of the first derived table, index or trigger that s lacks,
 * into buf; "" when none is missing or it cannot be known. */
void hy_store_missing_derived(struct hy_store *s, char *buf, size_t len);

/* Statements (stmt.c). The statement for id, prepared from sql on first
 * use (each caller keeps its SQL beside the code that binds it; one id,
 * one SQL text), later reset and unbound. */
int hy_store_stmt(struct hy_store *s, enum hy_store_stmt id, const char *sql, sqlite3_stmt **out,
		  char *err, size_t errlen);
/* A prepared list query for sql from the pool, marked busy, into *slot;
 * given back (reset, unbound) with hy_store_pool_put. */
int hy_store_pool_get(struct hy_store *s, const char *sql, int *slot, char *err, size_t errlen);
void hy_store_pool_put(struct hy_store *s, int slot);
/* Finalize the pooled list queries (hy_store_close). */
void hy_store_pool_free(struct hy_store *s);
/* Run sql (no rows); an hy_err code with a message saying what was being
 * done. */
int hy_store_exec(struct hy_store *s, const char *sql, const char *doing, char *err, size_t errlen);
/* One integer from a PRAGMA or SELECT; the raw sqlite code on failure. */
int hy_store_read_int(struct hy_store *s, const char *sql, int *val);
int hy_store_step_done(struct hy_store *s, sqlite3_stmt *st, const char *doing, char *err,
		       size_t errlen);
int hy_store_find_id(struct hy_store *s, sqlite3_stmt *st, int64_t *id, const char *doing,
		     char *err, size_t errlen);

/* Turn a sqlite result code into an hy_err code with a message naming
 * the database and what was being done (fail.c). */
int hy_store_fail(struct hy_store *s, int rc, const char *doing, char *err, size_t errlen);
/* path + suffix ("-wal", "-shm"), or NULL. */
char *hy_store_beside(const char *path, const char *suffix);

/* The list filter (store.h hy_store_filter) as a WHERE clause on a
 * meetings row `m`, its values bound at ?2 (from), ?3 (to), ?4 (body)
 * and ?5 (person), NULL for none, by hy_store_filter_bind: the same
 * meetings as the list (a date bound leaves out unknown dates, body and
 * person are substrings). trend.c and export.c; ?1 is theirs. */
extern const char hy_store_filter_where[];
extern const char hy_store_filter_where_v19[];
/* the one of s's schema */
#define HY_STORE_FILTER_WHERE(s)                                                                   \
	((s)->version >= 19 ? hy_store_filter_where_v19 : hy_store_filter_where)
void hy_store_filter_bind(sqlite3_stmt *st, const struct hy_store_filter *f);

#endif
