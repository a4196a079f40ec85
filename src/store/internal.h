/* internal.h: what the files of src/store share; not a public header. */
#ifndef HUIYI_STORE_INTERNAL_H
#define HUIYI_STORE_INTERNAL_H

#include <sqlite3.h>

#include "huiyi/store.h"

/* Statements prepared once per connection and reused (sqlite3_reset). */
enum hy_store_stmt {
	HY_ST_HAS,
	HY_ST_INSERT_MEETING,
	HY_ST_INSERT_SECTION,
	HY_ST_FIND_PERSON,
	HY_ST_INSERT_PERSON,
	HY_ST_LINK_PERSON,
	HY_ST_SAVEPOINT,
	HY_ST_RELEASE,
	HY_ST_ROLLBACK_TO,
	HY_ST_LIST_SAME,
	HY_ST_LIST_BELOW,
	HY_ST_GET_MEETING,
	HY_ST_GET_SECTIONS,
	HY_ST_GET_PEOPLE,
	HY_ST_COUNT
};

struct hy_store {
	sqlite3 *db;
	char *path;
	int version;
	int in_batch;
	sqlite3_stmt *st[HY_ST_COUNT];
};

/* The statement for id, prepared on first use; reset and unbound. */
int hy_store_stmt(struct hy_store *s, enum hy_store_stmt id,
		  sqlite3_stmt **out, char *err, size_t errlen);

/* Turn a sqlite result code into an hy_err code with a message naming
 * the database and what was being done. */
int hy_store_fail(struct hy_store *s, int rc, const char *doing, char *err,
		  size_t errlen);

#endif
