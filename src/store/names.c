/* names.c: the bodies and people a value may be, for shell completion
 * (hy_store_names, store.h). */
#include "internal.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"
#include "huiyi/store.h"

#include <string.h>

int hy_store_names(struct hy_store *s, enum hy_store_names what, const char *prefix, size_t max,
		   void (*fn)(void *ctx, const char *name), void *ctx, char *err, size_t errlen)
{
	/* by how often they are seen: the likely ones first */
	static const char *const sql[] = {
		[HY_NAMES_BODIES] = "SELECT name FROM bodies WHERE substr(name, 1, length(?1)) = ?1"
				    " ORDER BY n DESC, name LIMIT ?2",
		[HY_NAMES_PEOPLE] = "SELECT p.name FROM people p"
				    " WHERE substr(p.name, 1, length(?1)) = ?1"
				    " ORDER BY (SELECT count(*) FROM meeting_people mp"
				    " WHERE mp.person_id = p.id) DESC, p.name LIMIT ?2",
	};
	/* (v19: each name's appearances, those of the persons of its key
	 * that have that name, or person 0's) */
	static const char people_v19_sql[] =
		"SELECT p.name FROM people p"
		" WHERE substr(p.name, 1, length(?1)) = ?1"
		" ORDER BY (SELECT count(*) FROM appearances a"
		" WHERE a.person_id IN (SELECT q.id FROM persons q WHERE q.key = p.key"
		" UNION ALL SELECT 0 WHERE p.key = '') AND a.name_id = p.id) DESC, p.name"
		" LIMIT ?2";
	sqlite3_stmt *st;
	int rc;

	if ((unsigned)what > HY_NAMES_PEOPLE)
		return hy_err_set(err, errlen, HY_ERR_INVALID, _("no such list of names"));
	rc = sqlite3_prepare_v2(
		s->db, what == HY_NAMES_PEOPLE && s->version >= 19 ? people_v19_sql : sql[what], -1,
		&st, NULL);
	if (rc != SQLITE_OK)
		return hy_store_fail(s, rc, N_("reading names"), err, errlen);
	sqlite3_bind_text(st, 1, prefix ? prefix : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)max);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		if (name)
			fn(ctx, name);
	}
	if (rc != SQLITE_DONE) {
		rc = hy_store_fail(s, rc, N_("reading names"), err, errlen);
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_finalize(st);
	return 0;
}
