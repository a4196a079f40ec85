/* huiyi_fts.c: the tokenizer "huiyi" as a loadable sqlite extension, so the
 * sqlite3 shell can query a huiyi database's search index:
 *
 *   sqlite3 huiyi.db
 *   sqlite> .load build/huiyi_fts
 *   sqlite> SELECT rowid, heading FROM sections_fts
 *      ...>   WHERE sections_fts MATCH '燃气' LIMIT 5;
 *
 * Without it the shell cannot read or write sections_fts / meetings_fts,
 * nor insert into sections or meetings (their triggers feed the index).
 * It also gives hy_clean(cleanz), a meeting's clean text (schema v18 keeps
 * it as a zstd frame, cleanz.h), and hy_raw(rawz, clean), the raw bytes a
 * readout was imported from (schema v14 keeps them packed against the
 * clean text, pack.h):
 *   sqlite> SELECT hy_clean(cleanz) FROM meetings WHERE id = 1;
 *   sqlite> SELECT hy_raw(rawz, hy_clean(cleanz)) FROM meetings WHERE id = 1;
 * Built by `make` as build/huiyi_fts.so from this file and src/store/{fts,pack,cleanz}.c,
 * src/text/{fold,utf8,err}.c, compiled with HY_FTS_EXTENSION. */
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include "huiyi/fts.h"
#include "../src/store/cleanz.h"
#include "../src/store/pack.h"

/* The entry point sqlite derives from the file name huiyi_fts. */
int sqlite3_huiyifts_init(sqlite3 *db, char **errmsg,
			  const sqlite3_api_routines *api);

int sqlite3_huiyifts_init(sqlite3 *db, char **errmsg,
			  const sqlite3_api_routines *api)
{
	char err[256];

	SQLITE_EXTENSION_INIT2(api);
	if (hy_fts_register(db, err, sizeof err) != 0) {
		if (errmsg)
			*errmsg = sqlite3_mprintf("%s", err);
		return SQLITE_ERROR;
	}
	if (hy_pack_register(db) != SQLITE_OK) { /* hy_raw(rawz, clean) */
		if (errmsg)
			*errmsg = sqlite3_mprintf("huiyi_fts: could not add hy_raw");
		return SQLITE_ERROR;
	}
	if (hy_cleanz_register(db, NULL) != SQLITE_OK) { /* hy_clean(cleanz) */
		if (errmsg)
			*errmsg = sqlite3_mprintf("huiyi_fts: could not add hy_clean");
		return SQLITE_ERROR;
	}
	return SQLITE_OK;
}
