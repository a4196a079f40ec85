/* db.c: opening a store: the file's permissions and journals, what it
 * is (a huiyi database, new, or something else), its schema brought
 * forward (schema.c's migrations); closing it; batches. */
#include "internal.h"
#include "huiyi/i18n.h"
#include "cleanz.h"
#include "pack.h"

#include "huiyi/err.h"
#include "huiyi/fold.h"
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
static int identify(struct hy_store *s, int *version, char *err, size_t errlen)
{
	int app = 0, tables = 0;
	int rc = hy_store_read_int(s, "PRAGMA application_id", &app);
	if (rc == SQLITE_OK)
		rc = hy_store_read_int(s, "PRAGMA user_version", version);
	if (rc == SQLITE_OK)
		rc = hy_store_read_int(s,
				       "SELECT count(*) FROM sqlite_master"
				       " WHERE name NOT LIKE 'sqlite%'",
				       &tables);
	if (rc != SQLITE_OK) {
		if ((rc & 0xff) == SQLITE_NOTADB)
			return hy_err_set(err, errlen, HY_ERR_CORRUPT,
					  _("%s: not a huiyi database (%s); "
					    "nothing was changed"),
					  s->path, sqlite3_errmsg(s->db));
		if ((rc & 0xff) == SQLITE_CORRUPT)
			return hy_err_set(err, errlen, HY_ERR_CORRUPT,
					  _("%s: the database is damaged (%s); "
					    "nothing was changed"),
					  s->path, sqlite3_errmsg(s->db));
		return hy_store_fail(s, rc, N_("reading the database header"), err, errlen);
	}
	if (app == HY_STORE_APP_ID) {
		/* the version set back by hand (PRAGMA user_version = 0, or
		 * any number below what its tables are) over huiyi's tables:
		 * neither new nor empty nor to be upgraded again (that fails
		 * with "table ... already exists"); say what it looks like */
		if (tables > 0 && *version < HY_STORE_SCHEMA_VERSION) {
			static const char *const marks[] = {
				("SELECT count(*) FROM sqlite_master WHERE name = 'sections_fts'"
				 " AND sql LIKE '%( text, heading,%'"),
				/* v21 and v20 (schema.c), v19 (people.c), v18 to v9
				 * (schema.c), v8 and v7 (people.c);
				 * v6 leaves no mark, and running it again is
				 * harmless */
				("SELECT count(*) FROM pragma_table_info('meetings')"
				 " WHERE name = 'summary_at'"),
				("SELECT count(*) FROM pragma_table_info('appearances')"
				 " WHERE name = 'name_id'"),
				"SELECT count(*) FROM sqlite_master WHERE name = 'clean_dicts'",
				"SELECT count(*) FROM sqlite_master WHERE name = 'fts_bounds'",
				("SELECT count(*) FROM pragma_table_info('simhash_bands')"
				 " WHERE name = 'day'"),
				("SELECT count(*) FROM pragma_table_info('sections')"
				 " WHERE name = 'at'"),
				("SELECT count(*) FROM pragma_table_info('meetings')"
				 " WHERE name = 'rawz'"),
				("SELECT count(*) FROM pragma_table_info('people')"
				 " WHERE name = 'key'"),
				("SELECT count(*) FROM pragma_table_info('sources')"
				 " WHERE name = 'repairs'"),
				"SELECT count(*) FROM sqlite_master WHERE name = 'simhash'",
				"SELECT count(*) FROM sqlite_master WHERE name = 'fold'",
				"SELECT count(*) FROM sqlite_master WHERE name = 'meeting_runs'",
				"SELECT count(*) FROM sqlite_master WHERE name = 'people_total'",
				"SELECT count(*) FROM sqlite_master WHERE name = 'persons'",
				("SELECT count(*) FROM pragma_table_info('meetings')"
				 " WHERE name = 'units'"),
				"SELECT count(*) FROM sqlite_master WHERE name = 'fts_lengths'",
				"SELECT count(*) FROM sqlite_master WHERE name = 'sections_fts'",
				"SELECT count(*) FROM sqlite_master WHERE name = 'bodies'",
				"SELECT count(*) FROM sqlite_master WHERE name = 'meetings'",
			};
			static const int looks[] = {21, 20, 19, 18, 17, 16, 15, 14, 13, 12,
						    11, 10, 9,  8,  7,  5,  4,  3,  2,  1};
			int like = 0, n = 0, meetings = -1;
			for (size_t i = 0; i < sizeof looks / sizeof looks[0] && !like; i++)
				if (hy_store_read_int(s, marks[i], &n) == SQLITE_OK && n > 0)
					like = looks[i];
			if (*version <= 0 || like > *version) {
				char *quoted = shell_quoted(s->path);
				hy_store_read_int(s, "SELECT count(*) FROM meetings", &meetings);
				rc = hy_err_set(
					err, errlen, HY_ERR_CORRUPT,
					_("%s: the database's schema version is %d, but it "
					  "holds huiyi's tables (%d meetings) that look like "
					  "version %d: the version was changed by hand; to "
					  "recover, run sqlite3 %s 'PRAGMA user_version = %d' "
					  "and open it again (huiyi then upgrades it); "
					  "nothing was changed"),
					s->path, *version, meetings, like,
					quoted ? quoted : s->path, like);
				free(quoted);
				return rc;
			}
		}
		if (*version > HY_STORE_SCHEMA_VERSION)
			return hy_err_set(err, errlen, HY_ERR_VERSION,
					  _("%s: database schema version %d is "
					    "newer than this huiyi knows (%d); "
					    "use a newer huiyi; nothing was "
					    "changed"),
					  s->path, *version, HY_STORE_SCHEMA_VERSION);
		return 0;
	}
	if (app == 0 && *version == 0 && tables == 0)
		return 0; /* a new, empty database */
	return hy_err_set(err, errlen, HY_ERR_CORRUPT,
			  _("%s: not a huiyi database (a sqlite database of "
			    "another program); nothing was changed"),
			  s->path);
}

static void (*on_upgrade)(const char *path, int from, int to);

void hy_store_on_upgrade(void (*fn)(const char *path, int from, int to))
{
	on_upgrade = fn;
}

static int migrate(struct hy_store *s, int upto, char *err, size_t errlen)
{
	/* an existing database (not one being made) is told once */
	if (on_upgrade && s->version > 0 && s->version < upto)
		on_upgrade(s->path, s->version, upto);
	while (s->version < upto) {
		char sql[96];
		int now = 0, rc;

		rc = hy_store_exec(s, "BEGIN IMMEDIATE", "upgrading the schema", err, errlen);
		if (rc)
			return rc;
		/* Another process may have upgraded while we waited. */
		if (hy_store_read_int(s, "PRAGMA user_version", &now) != SQLITE_OK) {
			rc = hy_store_fail(s, sqlite3_extended_errcode(s->db),
					   N_("upgrading the schema"), err, errlen);
			goto fail;
		}
		if (now > s->version) {
			s->version = now;
			rc = hy_store_exec(s, "COMMIT", "upgrading the schema", err, errlen);
			if (rc)
				goto fail;
			continue;
		}
		if (now == 0) {
			snprintf(sql, sizeof sql, "PRAGMA application_id = %d", HY_STORE_APP_ID);
			rc = hy_store_exec(s, sql, "creating the schema", err, errlen);
			if (rc)
				goto fail;
		}
		rc = hy_store_exec(s, hy_store_migrations[now], "upgrading the schema", err,
				   errlen);
		if (rc == 0 && hy_store_migrations_then[now])
			rc = hy_store_exec(s, hy_store_migrations_then[now], "upgrading the schema",
					   err, errlen);
		if (rc)
			goto fail;
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", now + 1);
		rc = hy_store_exec(s, sql, "upgrading the schema", err, errlen);
		if (rc)
			goto fail;
		rc = hy_store_exec(s, "COMMIT", "upgrading the schema", err, errlen);
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

/* hy_fold_id(): the fold this build indexes with (fold.h, schema v10). */
static void fold_id(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_text(ctx, hy_fold_id(), -1, SQLITE_STATIC);
}

/* hy_fts_immediate() on our connections: 0, see schema v3. */
static void fts_deferred(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_int(ctx, 0);
}

int hy_store_open(struct hy_store **out, const char *path, int flags, char *err, size_t errlen)
{
	return hy_store_open_at(out, path, flags, HY_STORE_SCHEMA_VERSION, err, errlen);
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
static int check_writable(const char *path, int exists, char *err, size_t errlen)
{
	char *dir = folder_of(path);
	int rc = 0;

	if (!dir)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	if (access(dir, W_OK) != 0 && errno != EACCES && errno != EROFS && errno != EPERM)
		rc = hy_err_set(err, errlen, HY_ERR_IO, _("%s: cannot use its folder %s (%s)"),
				path, dir, strerror(errno));
	else if (access(dir, W_OK) != 0)
		rc = hy_err_set(err, errlen, HY_ERR_READONLY,
				exists ? "%s: its folder %s is read-only (%s); "
					 "writing needs to create the "
					 "database's journal files there; "
					 "nothing was changed"
				       : "%s: cannot create the database: its "
					 "folder %s is read-only (%s)",
				path, dir, strerror(errno));
	else if (exists && access(path, W_OK) != 0)
		rc = hy_err_set(err, errlen, HY_ERR_READONLY,
				_("%s: the database is read-only (%s); writing "
				  "to it needs write access; nothing was "
				  "changed"),
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
		char *f = hy_store_beside(path, suffix[i]);
		struct stat sb;
		if (!f)
			return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
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
					    _("%s: its %s file %s belongs to %s and this user "
					      "cannot write it, so the database cannot be "
					      "written; when no one is using the database, "
					      "remove %s (and %s%s) or ask %s to; nothing "
					      "was changed"),
					    path, suffix[i], f, who, f, path, i ? "-wal" : "-shm",
					    who);
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

static int open_conn(struct hy_store *s, const char *name, int oflags, char *err, size_t errlen)
{
	int rc = sqlite3_open_v2(name, &s->db, oflags, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_extended_result_codes(s->db, 1);
		sqlite3_busy_timeout(s->db, HY_STORE_BUSY_MS);
		return 0;
	}
	if (!s->db)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	return hy_err_set(err, errlen, (rc & 0xff) == SQLITE_CANTOPEN ? HY_ERR_IO : HY_ERR_DB,
			  _("%s: cannot open the database (%s)"), s->path, sqlite3_errmsg(s->db));
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
	const int oflags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
	char *uri = uri_of(s->path, "");
	int v = 0, rc;

	if (!uri)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	/* A reader that cannot write the database must not create its -shm
	 * (and -wal) either, even where the folder would let it: owned by
	 * the reader, they lock the owner out of the next import (a shared
	 * folder, a sticky /tmp). With no -shm, no connection is open on the
	 * file; with no -wal, none is writing (a -shm left alone by one that
	 * was killed: opening would make a -wal): read it as immutable, which
	 * creates nothing. */
	char *shm = hy_store_beside(s->path, "-shm"), *wal = hy_store_beside(s->path, "-wal");
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
	rc = hy_store_read_int(s, "PRAGMA user_version", &v);
	if ((rc & 0xff) != SQLITE_READONLY && (rc & 0xff) != SQLITE_CANTOPEN)
		return 0; /* readable, or a problem identify will name */
	sqlite3_close(s->db);
	s->db = NULL;
immutable:
	if (wal_has_frames(s->path))
		return hy_err_set(err, errlen, HY_ERR_READONLY,
				  _("%s: cannot read it read-only: its "
				    "write-ahead log (%s-wal) holds changes, and "
				    "reading them needs a -shm file this user "
				    "may not make; open it once with write "
				    "access (or ask its owner to), or copy the "
				    "database with its -wal file to a writable "
				    "folder"),
				  s->path, s->path);
	uri = uri_of(s->path, "?immutable=1");
	if (!uri)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
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
		char *q = strcmp(type, "table") == 0
				  ? sqlite3_mprintf("SELECT 1 FROM \"%w\" NOT INDEXED"
						    " LIMIT 1",
						    name)
				  : sqlite3_mprintf("SELECT 1 FROM \"%w\" INDEXED BY"
						    " \"%w\" LIMIT 1",
						    tbl, name);
		int one = 0;
		if (!q) {
			rc = SQLITE_NOMEM;
			break;
		}
		rc = hy_store_read_int(s, q, &one);
		sqlite3_free(q);
		if ((rc & 0xff) == SQLITE_ERROR)
			rc = SQLITE_OK; /* no plan reads this one (a partial
					 * index): nothing learnt, go on */
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_reset(st) == SQLITE_OK ? SQLITE_OK : sqlite3_extended_errcode(s->db);
	sqlite3_finalize(st);
	if (rc == SQLITE_OK)
		return 0;
	if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
		return hy_err_set(err, errlen, HY_ERR_CORRUPT,
				  _("%s: the database is damaged (%s); nothing "
				    "was changed"),
				  s->path, sqlite3_errstr(rc));
	return hy_store_fail(s, rc, N_("reading the database"), err, errlen);
}

int hy_store_probe_late(struct hy_store *s, char *err, size_t errlen)
{
	if (!s->unprobed)
		return 0;
	s->unprobed = 0;
	return probe(s, err, errlen);
}

/* The connection's settings, and for a writer the journal mode and the
 * schema brought up to upto. */
static int set_up(struct hy_store *s, int upto, char *err, size_t errlen)
{
	int rc;
	if (s->readonly) {
		if (s->version < HY_STORE_SCHEMA_VERSION)
			return hy_err_set(err, errlen, HY_ERR_READONLY,
					  _("%s: the database is read-only, and "
					    "its schema (version %d) needs an "
					    "upgrade to version %d, which writes "
					    "to it: run huiyi on it once with "
					    "write access; nothing was changed"),
					  s->path, s->version, HY_STORE_SCHEMA_VERSION);
		return hy_store_exec(s,
				     "PRAGMA query_only = ON;"
				     "PRAGMA foreign_keys = ON;"
				     "PRAGMA cache_size = -8192;",
				     "setting up the connection", err, errlen);
	}
	/* From here on the file is ours (or new) and may be written. A new
	 * file gets bigger pages: a readout with its raw bytes is a few KiB
	 * and would leave most of a 4 KiB page empty. And it can give back
	 * the pages it no longer uses (hy_store_close): FTS5's merges free
	 * the segments they read, up to a quarter of the file at the end of
	 * an import (which only VACUUM gave back before). sqlite lets a file
	 * choose this only before its first table. */
	if (s->version == 0) {
		rc = hy_store_exec(s,
				   "PRAGMA page_size = " HY_STORE_PAGE_SIZE ";"
				   "PRAGMA auto_vacuum = INCREMENTAL;",
				   "setting up the database", err, errlen);
		if (rc)
			return rc;
	}
	rc = hy_store_exec(s,
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
	rc = migrate(s, upto, err, errlen);
	return rc ? rc : hy_store_refold(s, err, errlen);
}

int hy_store_open_at(struct hy_store **out, const char *path, int flags, int upto, char *err,
		     size_t errlen)
{
	struct stat sb;
	struct hy_store *s;
	int oflags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	int ro = (flags & HY_STORE_READONLY) != 0, exists, rc;

	*out = NULL;
	exists = stat(path, &sb) == 0;
	if (exists && S_ISDIR(sb.st_mode))
		return hy_err_set(err, errlen, HY_ERR_INVALID, _("%s: is a folder, not a database"),
				  path);
	if (!exists && errno == ENOENT && (ro || !(flags & HY_STORE_CREATE)))
		return hy_err_set(err, errlen, HY_ERR_NOTFOUND,
				  _("%s: no database here yet (run huiyi "
				    "import first)"),
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
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	}
	s->readonly = ro;
	s->no_shm = (flags & HY_STORE_NO_SHM) != 0;
	rc = ro ? connect_readonly(s, err, errlen) : open_conn(s, path, oflags, err, errlen);
	if (rc)
		goto fail;
	rc = identify(s, &s->version, err, errlen);
	if (rc)
		goto fail;
	if (!ro && sqlite3_db_readonly(s->db, "main") == 1) {
		/* sqlite fell back to reading (a read-only mount) */
		rc = hy_err_set(err, errlen, HY_ERR_READONLY,
				_("%s: the database is read-only (sqlite could "
				  "open it for reading only); nothing was "
				  "changed"),
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
	if (rc == SQLITE_OK)
		rc = hy_simhash_register(s->db); /* schema v11's */
	if (rc == SQLITE_OK)
		rc = hy_pack_register(s->db); /* schema v14's */
	if (rc == SQLITE_OK)
		rc = hy_bounds_register(s->db); /* schema v17's */
	if (rc == SQLITE_OK)
		rc = hy_cleanz_register(s->db, &s->cz); /* schema v18's */
	if (rc != SQLITE_OK) {
		rc = hy_store_fail(s, rc, N_("setting up the people"), err, errlen);
		goto fail;
	}
	/* our connections index new rows when a batch commits */
	rc = sqlite3_create_function(s->db, "hy_fts_immediate", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS,
				     NULL, fts_deferred, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(s->db, "hy_fold_id", 0,
					     SQLITE_UTF8 | SQLITE_INNOCUOUS | SQLITE_DETERMINISTIC,
					     NULL, fold_id, NULL, NULL);
	if (rc != SQLITE_OK) {
		rc = hy_store_fail(s, rc, N_("setting up search"), err, errlen);
		goto fail;
	}
	if (s->version == 0 && !(flags & HY_STORE_CREATE)) {
		/* An empty file: only an import makes it a database. */
		rc = hy_err_set(err, errlen, HY_ERR_NOTFOUND,
				_("%s: no meetings yet (run huiyi import first)"), path);
		goto fail;
	}
	/* A schema to upgrade is written to at once: checked first, as
	 * always. A current one is read as it is, and a late check
	 * precedes any write (hy_store_probe_late). */
	s->unprobed = (flags & HY_STORE_NO_PROBE) && s->version == HY_STORE_SCHEMA_VERSION;
	if (s->version > 0 && !s->unprobed && (rc = probe(s, err, errlen)) != 0)
		goto fail;
	rc = set_up(s, upto, err, errlen);
	if (rc)
		goto fail;
	/* up to sqlite's limit (SQLITE_MAX_MMAP_SIZE, 2 GiB as built by
	 * Debian): a larger file's pages past it are read as before */
	s->mapped = (flags & HY_STORE_MAPPED) != 0;
	if (s->mapped) {
		rc = hy_store_exec(s, "PRAGMA mmap_size = 4294967296", "setting up the connection",
				   err, errlen);
		if (rc)
			goto fail;
	}
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

/* Give the file's free pages back when they are more than a 32nd of it
 * (an import's last merges, reindex, deletes): sqlite moves the pages
 * after them into their place and cuts the file short. Only a file made
 * with auto_vacuum INCREMENTAL (set_up: new files since schema v21) can;
 * older ones keep their free pages for their next writes, or until
 * VACUUM. Only after this connection changed rows: a command that only
 * read (list, search, show) neither asks nor writes. Best effort: a
 * failure (another writer, a full disk) leaves the file as it was. */
static void give_back_free_pages(struct hy_store *s)
{
	int mode = 0, free_pages = 0, pages = 0;
	if (!s->db || s->readonly || sqlite3_total_changes(s->db) == 0 ||
	    hy_store_read_int(s, "PRAGMA auto_vacuum", &mode) != SQLITE_OK || mode != 2 ||
	    hy_store_read_int(s, "PRAGMA freelist_count", &free_pages) != SQLITE_OK ||
	    hy_store_read_int(s, "PRAGMA page_count", &pages) != SQLITE_OK || free_pages < 16 ||
	    free_pages < pages / 32)
		return;
	sqlite3_exec(s->db, "PRAGMA incremental_vacuum", NULL, NULL, NULL);
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
	give_back_free_pages(s);
	sqlite3_close(s->db);
	hy_cleanz_unref(s->cz);
	free(s->mode_person);
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
		return hy_err_set(err, errlen, HY_ERR_INVALID, _("%s: a batch is already open"),
				  s->path);
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
	rc = hy_store_probe_late(s, err, errlen);
	if (rc == 0)
		rc = hy_store_exec(s, "BEGIN IMMEDIATE", "starting a batch", err, errlen);
	if (rc == 0) {
		s->in_batch = 1;
		s->batch_spoiled = 0;
		s->clean_dict_checked = 0;
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
				  _("%s: a meeting in this batch could not be "
				    "stored whole, so the batch was rolled back"),
				  s->path);
	}
	rc = hy_store_bands_flush(s, err, errlen);
	if (rc == 0)
		rc = hy_store_people_flush(s, err, errlen);
	if (rc == 0 && s->version >= 18)
		hy_store_clean_train(s);
	if (rc == 0)
		rc = s->version >= 3 ? hy_store_exec(s,
						     s->version >= 20   ? hy_store_index_new_v20
						     : s->version >= 15 ? hy_store_index_new_v15
									: hy_store_index_new,
						     "indexing a batch", err, errlen)
				     : 0;
	if (rc == 0 && s->version >= 4)
		rc = hy_store_exec(s, hy_store_lens_new, "indexing a batch", err, errlen);
	if (rc == 0 && s->version >= 17)
		rc = hy_store_exec(s, hy_store_bounds_fold, "indexing a batch", err, errlen);
	if (rc == 0)
		rc = hy_store_exec(s, "COMMIT", "saving a batch", err, errlen);
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
	hy_store_people_forget(s);
	hy_store_bands_forget(s);
	s->in_batch = 0;
}

/* Other connections' writes: a snapshot to read in, and whether the
 * database changed since. */
int hy_store_data_version(struct hy_store *s, int64_t *v, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, "PRAGMA data_version", -1, &st, NULL);

	*v = 0;
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*v = sqlite3_column_int64(st, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? 0 : hy_store_fail(s, rc, N_("checking for changes"), err, errlen);
}

int hy_store_read_begin(struct hy_store *s, char *err, size_t errlen)
{
	int rc;

	if (s->in_batch)
		return 0; /* a write batch is already one snapshot */
	rc = sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : hy_store_fail(s, rc, N_("starting to read"), err, errlen);
}

/* Never leaves the snapshot open: a reader that kept it would see no new
 * meeting again and keep the importer from checkpointing the WAL. */
void hy_store_read_end(struct hy_store *s)
{
	if (s->in_batch || sqlite3_get_autocommit(s->db))
		return;
	if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK &&
	    !sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}
