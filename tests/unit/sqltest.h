/* sqltest.h: a unit test's one value or one statement of SQL on a
 * connection, failing the test with sqlite's message when the SQL does
 * not run (for the tests that look into a database's tables). Include
 * after <cmocka.h> and <sqlite3.h>, and for reopen_migrated() after
 * huiyi/store.h and store/internal.h. */
#ifndef HUIYI_TEST_SQLTEST_H
#define HUIYI_TEST_SQLTEST_H

/* The first column of sql's first row, or -1 when it returns no row. */
static inline sqlite3_int64 db_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	sqlite3_int64 v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return v;
}

/* sql run to its end. */
static inline void db_exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg ? msg : "?");
	sqlite3_free(msg);
}

/* Both search indexes checked against their content (FTS5's
 * integrity-check): a test fails when an index lost or kept a row. */
static inline void fts_integrity(sqlite3 *db)
{
	db_exec(db, "INSERT INTO sections_fts (sections_fts, rank) VALUES ('integrity-check', 1);"
		    "INSERT INTO meetings_fts (meetings_fts, rank) VALUES ('integrity-check', 1);");
}

#ifdef HUIYI_STORE_INTERNAL_H
/* The database at path opened again after a migration: at the schema
 * this build writes (the tests that use this were written for v21: a
 * new version makes them be read again), both search indexes whole. */
static inline struct hy_store *reopen_migrated(const char *path)
{
	struct hy_store *s;
	char err[256];
	if (hy_store_open(&s, path, 0, err, sizeof err) != 0)
		fail_msg("open: %s", err);
	assert_int_equal(hy_store_version(s), HY_STORE_SCHEMA_VERSION);
	assert_int_equal(HY_STORE_SCHEMA_VERSION, 21);
	fts_integrity(s->db);
	return s;
}
#endif

#endif
