/* store.h: the sqlite database of meetings (DESIGN.md §2 store, query).
 *
 * One file, WAL mode, busy_timeout 5000 ms, foreign keys on. The schema
 * version lives in PRAGMA user_version and is brought forward on open by a
 * table of migration steps (src/store/schema.c); PRAGMA application_id marks
 * the file as ours. A file that is not a sqlite database, or a database of
 * another program, is refused (HY_ERR_CORRUPT) and left untouched; a
 * database from a newer huiyi is refused (HY_ERR_VERSION).
 *
 * Writes are grouped by the caller into batches (hy_store_begin ...
 * hy_store_commit), and a meeting is stored whole — row, sections, people
 * — or not at all: an insert that fails with HY_ERR_DUP changes nothing
 * and the batch goes on; any other failure spoils the batch, which
 * hy_store_commit then rolls back whole (and says so). Every function
 * returns 0 or a negative hy_err code and fills err[0..errlen) with one
 * plain-language line on failure. */
#ifndef HUIYI_STORE_H
#define HUIYI_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "huiyi/meeting.h"

/* The schema version this build writes (PRAGMA user_version). */
#define HY_STORE_SCHEMA_VERSION 21

struct hy_store;

enum hy_store_flags {
	HY_STORE_CREATE = 1, /* create the file (not its folder) if missing */
	/* Only read: the file is opened read-only and nothing is written
	 * to it or next to it (no journal mode change, no migration; a
	 * WAL database in a read-only folder is read as immutable). An
	 * older schema that needs an upgrade is refused (HY_ERR_READONLY)
	 * and so is every write (HY_ERR_READONLY). Overrides CREATE. */
	HY_STORE_READONLY = 2,
	/* With READONLY: read without making a -shm beside the file even
	 * where one could be made (a full disk): as immutable when no -shm
	 * shows another connection. */
	HY_STORE_NO_SHM = 4,
	/* Without the check at open that the first row of every table and
	 * index can be read (below): for a caller that reads only what it
	 * needs and reports damage where it meets it (a one-shot search;
	 * a second connection to a file the first has just checked). It
	 * saves a page or three of every b-tree, ~1 ms of a search's start
	 * (bench/RESULTS.md "Search (issue 14): the process start"). */
	HY_STORE_NO_PROBE = 8,
	/* Pages read through a memory map of the file (PRAGMA mmap_size,
	 * after any upgrade) instead of copied into sqlite's cache: a
	 * process that starts, searches and ends reads its index pages
	 * once, so the copies were all cost (3-5 ms of a search of a few
	 * thousand matches at 100,000 meetings). Not for a long-lived
	 * connection or a writer (the browser, import): their cache is
	 * reused, and a map sees a file another process shrinks as a
	 * SIGBUS where a read sees an error. */
	HY_STORE_MAPPED = 16,
};

/* Open (and with HY_STORE_CREATE create) the database at path, bringing
 * its schema up to HY_STORE_SCHEMA_VERSION. A handle is for one thread at
 * a time (the connection is opened without sqlite's mutexes). Errors:
 * HY_ERR_NOTFOUND (no such file, or an empty one, and no HY_STORE_CREATE:
 * nothing is written then), HY_ERR_CORRUPT (not a sqlite
 * database, damaged, or another program's database; nothing written),
 * HY_ERR_VERSION (newer schema), HY_ERR_BUSY, HY_ERR_READONLY (without
 * HY_STORE_READONLY: the file or its folder cannot be written; with it:
 * the schema needs an upgrade), HY_ERR_IO, HY_ERR_DB, HY_ERR_NOMEM.
 * Before anything is written, the first row of every table is read, so
 * a file damaged there is refused (HY_ERR_CORRUPT) untouched (not with
 * HY_STORE_NO_PROBE). */
int hy_store_open(struct hy_store **out, const char *path, int flags, char *err, size_t errlen);

/* 1 if s was opened with HY_STORE_READONLY, else 0. */
int hy_store_readonly(const struct hy_store *s);

/* Close; rolls back an open batch. Safe on NULL. */
void hy_store_close(struct hy_store *s);

/* The schema version of the open database (PRAGMA user_version). */
int hy_store_version(struct hy_store *s);

/* A batch of writes: BEGIN IMMEDIATE ... COMMIT. Inserts outside a batch
 * commit one by one. hy_store_commit of a spoiled batch (see above) rolls
 * it back and returns HY_ERR_INVALID. */
int hy_store_begin(struct hy_store *s, char *err, size_t errlen);
int hy_store_commit(struct hy_store *s, char *err, size_t errlen);
/* Roll back the open batch (no-op without one). */
void hy_store_rollback(struct hy_store *s);

/* What the store sets up once for the process, at start-up for the
 * commands that write (else on first use): ICU's zh collator (people's
 * sort keys), made while ICU's allocator is strict (mem.h). 0. */
int hy_store_init(void);

/* Called (when set) before an open makes the search index again because
 * the character folding changed (schema v10: a database made by an older
 * huiyi, or a build on newer ICU/OpenCC tables), which takes about as long
 * as huiyi reindex: the CLI says so on stderr before the wait. */
void hy_store_on_refold(void (*fn)(const char *path));

/* Called (when set) before an open upgrades an existing database's schema
 * from version `from` to `to` in place: some steps read every row (v17's
 * score bounds: minutes at a million meetings), so the CLI says so on
 * stderr before the wait. */
void hy_store_on_upgrade(void (*fn)(const char *path, int from, int to));

/* The meetings a database holds before a dictionary for their clean
 * texts is trained (schema v18, src/store/cleanz.h; 1,000 unless set:
 * the tests set fewer, through HUIYI_CLEAN_DICT_MIN in the CLI). For the
 * whole process; n below 1 sets it back. */
void hy_store_clean_dict_min(long n);

/* Lower-case hex SHA-256 of data[0..n) (src/store/sha256.c: no memory,
 * cannot fail). Returns 0. */
int hy_store_sha256(const void *data, size_t n, char hex[65]);

/* 1 if a meeting with this content hash is stored, 0 if not, or < 0. */
int hy_store_has(struct hy_store *s, const char *sha256_hex, char *err, size_t errlen);

/* Duplicate checks from another thread (the importer's workers): a
 * read-only second connection to s's file that only answers
 * hy_store_has. NULL when none can be opened (an in-memory database, no
 * memory); the caller then asks s itself. It sees what s has committed,
 * not its open batch. */
struct hy_store_probe;
struct hy_store_probe *hy_store_probe_open(struct hy_store *s);
/* 1 stored, 0 not, < 0 it could not tell (ask s). */
int hy_store_probe_has(struct hy_store_probe *p, const char *sha256_hex);
void hy_store_probe_close(struct hy_store_probe *p);

/* Where a meeting came from: kept next to the parsed structure. */
struct hy_store_doc {
	const void *raw; /* the file's bytes, as read */
	size_t raw_len;
	const char *clean; /* clean text (clean.h) */
	size_t clean_len;
	const char *sha256;   /* hex of raw (hy_store_sha256), or NULL */
	const char *source;   /* absolute path, or "-" for stdin */
	const char *encoding; /* as detected or forced, or NULL */
	size_t replaced;      /* U+FFFD substitutions while decoding */
	/* schema v11: the clean text's fingerprint (simhash.h) and script;
	 * 0 / NULL: made here from clean */
	uint64_t simhash;
	const char *script;
	/* schema v12: what the cleaner mended (pinyin glosses removed, U+FFFD
	 * put in, control characters dropped; source_rank.h), -1 not known */
	long repairs;
	/* store under this id, free (a meeting whose shown source changes
	 * keeps its id: sources.c); 0: a new id */
	int64_t id;
	/* schema v14: raw packed against clean ahead (an importer's worker
	 * thread, so the storing thread need not); NULL: packed when stored */
	const void *packed;
	size_t packed_len;
};

/* Store one parsed meeting with its provenance; *id (may be NULL) gets
 * the new id. HY_ERR_DUP when the raw bytes' hash is already stored
 * (nothing changes then). */
int hy_store_insert(struct hy_store *s, const struct hy_meeting *m, const struct hy_store_doc *doc,
		    int64_t *id, char *err, size_t errlen);

/* hy_store_insert, or with merge: when a stored meeting is the same
 * meeting (DESIGN.md §2 "The same meeting from many places": its
 * fingerprint near, its date, number and body not contradicting m's),
 * doc is added to it as another source instead (*merged = 1, *id = that
 * meeting; the meeting shown does not change). merged may be NULL. */
int hy_store_add(struct hy_store *s, const struct hy_meeting *m, const struct hy_store_doc *doc,
		 int merge, int64_t *id, int *merged, char *err, size_t errlen);

/* One source of a meeting (schema v11), valid during the callback. */
struct hy_store_source {
	int64_t id;
	const char *source; /* path, FILE#LINE or "-" */
	const char *url;    /* or NULL */
	const char *script; /* "hans", "hant" or NULL */
	const char *sha256;
	int shown;
};

/* Call fn for each source of meeting id, the shown one first, then in
 * the order they came; fn returns 0 to go on. The number of sources
 * (0 for a meeting of a database before v11, or an unknown id), or < 0. */
int hy_store_sources(struct hy_store *s, int64_t id,
		     int (*fn)(const struct hy_store_source *src, void *ctx), void *ctx, char *err,
		     size_t errlen);

/* Source k (1..: the ones not shown, in the order they came; 0 is the
 * meeting itself) of meeting id, parsed from its stored clean text as a
 * meeting for reading (the browser's S): *out (hy_meeting_free) and
 * *source, its address or path (free()). HY_ERR_NOTFOUND when there is
 * no such source. */
int hy_store_source_meeting(struct hy_store *s, int64_t id, size_t k, struct hy_meeting *out,
			    char **source, char *err, size_t errlen);

/* Undo a merge: every source of meeting id but the shown one becomes a
 * meeting of its own again, parsed from the clean text stored with it
 * (made from its raw bytes when it was imported; never merged), in one
 * transaction. *made (may be NULL) gets the
 * number of meetings made and new_ids (may be NULL, room for max) their
 * ids. HY_ERR_NOTFOUND when there is no meeting id; 0 with *made = 0
 * when it has one source. */
int hy_store_split(struct hy_store *s, int64_t id, size_t *made, int64_t *new_ids, size_t max,
		   char *err, size_t errlen);

/* Delete the meetings ids[0..n) whole: each meeting's row, sections,
 * people links, search index rows and row lengths, and every person no
 * other meeting names; in one transaction (the caller's batch, or its
 * own, which waits for another writer like any write). If any id is not
 * stored, nothing is deleted: HY_ERR_NOTFOUND, and err names the unknown
 * ids. *deleted (may be NULL) gets the number of meetings deleted (an id
 * given twice counts once). */
int hy_store_delete(struct hy_store *s, const int64_t *ids, size_t n, size_t *deleted, char *err,
		    size_t errlen);

/* Inside a batch: delete the meeting whose raw bytes have this hash, as
 * hy_store_delete does (import --replace, before the new parse is
 * inserted in the same batch). Returns 1 and *id (may be NULL) = its id
 * when one was deleted, 0 when none is stored, or < 0 (the batch is then
 * spoiled); HY_ERR_INVALID outside a batch. */
int hy_store_delete_sha(struct hy_store *s, const char *sha256_hex, int64_t *id, char *err,
			size_t errlen);

/* List filter; NULL or "" members do not filter. Dates are inclusive
 * "YYYY-MM-DD" bounds on the meeting date (a bound excludes meetings whose
 * date is unknown). body: substring of the body; person: substring of any
 * name linked to the meeting (chair, attendee or observer). */
struct hy_store_filter {
	const char *from;
	const char *to;
	const char *body;
	const char *person;
};

/* Keyset position in the date order (HY_SORT_DATE) for hy_store_list.
 * A zeroed cursor (set == 0) is the start. */
struct hy_store_cursor {
	int set;
	char key[16]; /* the date, "" when unknown */
	int64_t id;
};

/* One list row; strings are NULL when unknown and valid only during the
 * callback. */
struct hy_store_row {
	int64_t id;
	const char *date;
	const char *body;
	const char *kind;
	int number; /* 0 when none */
	const char *chair;
	const char *title;
	int n_sections;
	const char *published; /* "YYYY-MM-DD[ HH:MM]" */
	const char *month_day; /* "MM-DD" or NULL (a date without a year) */
	int year_guessed;      /* date's year is a guess (file time) */
};

/* Return 0 to go on, anything else to stop (hy_store_list and
 * hy_store_page then return that value if it is negative, else the rows
 * seen so far, the stopping one included). */
typedef int (*hy_store_row_fn)(const struct hy_store_row *row, void *ctx);

/* Call fn for up to limit rows after cursor `after` (NULL = from the
 * start) that match f (NULL = all). If next is not NULL it receives the
 * cursor of the last row delivered (unchanged when no row). Returns the
 * number of rows delivered or a negative hy_err code. */
int hy_store_list(struct hy_store *s, const struct hy_store_filter *f,
		  const struct hy_store_cursor *after, size_t limit, hy_store_row_fn fn, void *ctx,
		  struct hy_store_cursor *next, char *err, size_t errlen);

/* Orders of the list. Every order ends in id descending, so it is total:
 * rows that tie on the other keys keep one fixed order. */
enum hy_store_sort {
	HY_SORT_DATE = 0, /* date newest first (unknown last), id descending */
	HY_SORT_BODY,     /* body A-Z by UTF-8 bytes (unknown last), then
			   * date newest first, id descending */
	HY_SORT_NUMBER,   /* number highest first (none last), then date
			   * newest first, id descending */
};

/* A position in the list: the sort values of one row. Made by
 * hy_store_key_of; a plain value (copy it, keep it, no freeing). It holds
 * the values of every order, so a key taken in one order pages in any
 * other (to find the same row after the sort changes). A zeroed key
 * (set == 0) is "no position". Callers use `set` only. */
struct hy_store_key {
	int set;
	int flags; /* internal: which values are known or cut short */
	int64_t id;
	int number;    /* 0 when none */
	char date[16]; /* "" when unknown */
	char body[124];
};

/* The key of a row delivered by hy_store_page or hy_store_list (during
 * the callback), to page on from it. sort is accepted for symmetry: the
 * key fits every order. A body longer than the key holds is read back by
 * id when the key is used. */
void hy_store_key_of(const struct hy_store_row *row, enum hy_store_sort sort,
		     struct hy_store_key *k);

/* Call fn for up to limit rows of the list (filter f, NULL = all; order
 * sort) that come strictly after key `after` (NULL or !set: from the
 * first row), or with backward = 1 strictly before it (NULL or !set: from
 * the last row). Forward rows arrive in list order, backward ones in
 * reverse list order (nearest to the key first). Each call is a few
 * index range reads, however deep the position (DESIGN.md §2 query).
 * Returns the number of rows delivered or a negative hy_err code. */
int hy_store_page(struct hy_store *s, const struct hy_store_filter *f, enum hy_store_sort sort,
		  const struct hy_store_key *after, int backward, size_t limit, hy_store_row_fn fn,
		  void *ctx, char *err, size_t errlen);

/* The number of meetings matching f (NULL = all) into *n. */
int hy_store_count(struct hy_store *s, const struct hy_store_filter *f, size_t *n, char *err,
		   size_t errlen);

/* Into *rank: the number of rows matching f that come before key k in
 * order sort, i.e. the 0-based position of k's row in that list when the
 * row matches f. A key that is not set has rank 0. Costs a count of the
 * rows before k (an index walk, linear in the rank). */
int hy_store_rank(struct hy_store *s, const struct hy_store_filter *f, enum hy_store_sort sort,
		  const struct hy_store_key *k, size_t *rank, char *err, size_t errlen);

/* PRAGMA data_version into *v: it changes when another connection (an
 * import) has committed since the last call on this handle. */
int hy_store_data_version(struct hy_store *s, int64_t *v, char *err, size_t errlen);

/* Read several queries from one snapshot (a deferred read transaction in
 * WAL mode: writers go on, and what they commit meanwhile is not seen):
 * hy_store_read_begin, then counts and pages, then hy_store_read_end. */
int hy_store_read_begin(struct hy_store *s, char *err, size_t errlen);
void hy_store_read_end(struct hy_store *s);

/* A stored meeting: the parsed structure plus its provenance. */
struct hy_store_record {
	int64_t id;
	struct hy_meeting m;
	char *source;
	char sha256[65];
	char *encoding; /* or NULL */
	size_t replaced;
	char *imported_at; /* "YYYY-MM-DDTHH:MM:SSZ" */
};

/* Load meeting id with its sections and people into *r (zeroed first).
 * HY_ERR_NOTFOUND if there is no such meeting. */
int hy_store_get(struct hy_store *s, int64_t id, struct hy_store_record *r, char *err,
		 size_t errlen);

/* Free what r owns and zero it. Safe on a zeroed record. */
void hy_store_record_free(struct hy_store_record *r);

/* Names a value may be, for shell completion (huiyi _complete): the
 * bodies, or the people, that start with prefix ("" or NULL: all), most
 * often seen first, at most max; fn gets each. 0 or an HY_ERR_ code with
 * err set. */
enum hy_store_names { HY_NAMES_BODIES, HY_NAMES_PEOPLE };
int hy_store_names(struct hy_store *s, enum hy_store_names what, const char *prefix, size_t max,
		   void (*fn)(void *ctx, const char *name), void *ctx, char *err, size_t errlen);

#endif
