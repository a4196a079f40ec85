/* repair.c: making again what huiyi derives from the imported meetings:
 * the search index and its tables (hy_store_reindex, search.h), and any
 * derived table, index or trigger that was dropped
 * (hy_store_restore_derived). */
#include "internal.h"

#include "huiyi/err.h"
#include "huiyi/search.h"


int hy_store_reindex(struct hy_store *s, char *err, size_t errlen)
{
	static const char *const steps[] = {
		"BEGIN IMMEDIATE",
		"INSERT INTO sections_fts(sections_fts) VALUES ('rebuild')",
		"INSERT INTO meetings_fts(meetings_fts) VALUES ('rebuild')",
		"INSERT INTO sections_fts(sections_fts) VALUES ('optimize')",
		"INSERT INTO meetings_fts(meetings_fts) VALUES ('optimize')",
		hy_store_lens_rebuild,
		/* bodies too: its counts are stale if a trigger was gone */
		"DELETE FROM bodies",
		"INSERT INTO bodies (name, n) SELECT body, count(*) FROM meetings"
		" WHERE body IS NOT NULL GROUP BY body",
		hy_store_people_fill, /* the people (people.c) */
		"COMMIT",
	};

	if (s->in_batch)
		return hy_err_set(err, errlen, HY_ERR_INVALID,
				  "%s: cannot rebuild the index inside a "
				  "batch",
				  s->path);
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		if (i == 1) { /* a table or index dropped: made again, then filled */
			size_t made;
			int rc = hy_store_restore_derived(s, &made, err, errlen);
			if (rc) {
				sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
				return rc;
			}
		}
		if (sqlite3_exec(s->db, steps[i], NULL, NULL, NULL) !=
		    SQLITE_OK) {
			int rc = hy_store_fail(s,
					       sqlite3_extended_errcode(s->db),
					       "rebuilding the search index",
					       err, errlen);
			if (sqlite3_get_autocommit(s->db) == 0)
				sqlite3_exec(s->db, "ROLLBACK", NULL, NULL,
					     NULL);
			return rc;
		}
	}
	return 0;
}
