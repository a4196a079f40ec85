/* repair.c: making again what huiyi derives from the imported meetings:
 * the search index and its tables (hy_store_reindex, search.h), and any
 * derived table, index or trigger that was dropped
 * (hy_store_restore_derived), and both when the fold changed
 * (hy_store_refold). */
#include "internal.h"
#include "huiyi/i18n.h"

#include "huiyi/clean.h"
#include "huiyi/err.h"
#include "huiyi/fold.h"
#include "huiyi/search.h"

#include <stdlib.h>
#include <string.h>

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

/* The tables FTS5 keeps for the virtual table vtab (those of ref, whose
 * names start "vtab_"): with have_vtab 0, drop what is left of them; with
 * 1, make the missing ones as ref has them (a _config with ref's rows),
 * counting them in *made. A sqlite code. */
static int shadows(struct hy_store *s, sqlite3 *ref, const char *vtab, int have_vtab, size_t *made)
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
		int have = name ? hy_store_has_object(s->db, name) : 1;
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
				rc = q ? sqlite3_prepare_v2(s->db, q, -1, &to, NULL) : SQLITE_NOMEM;
				sqlite3_free(q);
			}
			while (rc == SQLITE_OK && to && sqlite3_step(from) == SQLITE_ROW) {
				for (int k = 0; k < n; k++)
					sqlite3_bind_value(to, k + 1,
							   sqlite3_column_value(from, k));
				rc = sqlite3_step(to) == SQLITE_DONE
					     ? SQLITE_OK
					     : sqlite3_extended_errcode(s->db);
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

int hy_store_restore_derived(struct hy_store *s, size_t *made, char *err, size_t errlen)
{
	sqlite3 *ref;
	sqlite3_stmt *st = NULL;
	int rc;

	*made = 0;
	ref = hy_store_reference_schema(s->version);
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
		rc = hy_err_set(err, errlen, HY_ERR_DB, _("%s: making the search index again: %s"),
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
		have = hy_store_has_object(s->db, name);
		if (vtab && have >= 0) {
			/* FTS5 makes its own tables with it: what is left of
			 * them goes first when it is gone; when one of them is
			 * gone, it is made again empty (its config copied) for
			 * the rebuild to fill */
			int x = shadows(s, ref, name, have, made);
			if (x != SQLITE_OK) {
				rc = hy_store_fail(s, x, N_("making the search index again"), err,
						   errlen);
				break;
			}
		}
		if (have < 0) {
			rc = hy_store_fail(s, -have, N_("reading the schema"), err, errlen);
			break;
		}
		if (have)
			continue;
		if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK ||
		    (vtab && set_automerge(s, name) != SQLITE_OK)) {
			rc = hy_store_fail(s, sqlite3_extended_errcode(s->db),
					   N_("making the search index again"), err, errlen);
			break;
		}
		++*made;
	}
	sqlite3_finalize(st);
	sqlite3_close(ref);
	return rc;
}

/* hy_widen(text): the cleaner's punctuation step (clean.h, step 7) on
 * stored text, for databases made before it (huiyi reindex). */
static void widen_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *t = (const char *)sqlite3_value_text(argv[0]);
	char *out;
	size_t n;
	if (!t) {
		sqlite3_result_null(ctx);
		return;
	}
	if (hy_clean_punct(t, (size_t)sqlite3_value_bytes(argv[0]), &out, &n, NULL) != 0) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, out, (int)n, free);
}

int hy_store_reindex(struct hy_store *s, char *err, size_t errlen)
{
	/* (the clean text through hy_clean and packed again with the
	 * newest dictionary from schema v18 on, cleanz.h; from v20 the
	 * summary as it reads, widened, kept as text until
	 * hy_store_summary_range below makes it a range again: the clean
	 * text's characters move) */
#define SUMMARY_V20 HY_STORE_SUMMARY_OF("meetings")
	const char *widen_meetings =
		s->version >= 20 ? "UPDATE meetings SET title = hy_widen(title),"
				   " summary = hy_widen(" SUMMARY_V20
				   "), summary_at = NULL, summary_len = NULL,"
				   " rawz = hy_raw_pack(hy_raw(rawz, hy_clean(cleanz, id)),"
				   " hy_widen(hy_clean(cleanz, id))),"
				   " cleanz = hy_clean_pack(hy_widen(hy_clean(cleanz, id)))"
				   " WHERE title IS NOT hy_widen(title)"
				   " OR " SUMMARY_V20 " IS NOT hy_widen(" SUMMARY_V20 ")"
				   " OR hy_clean(cleanz, id) <> hy_widen(hy_clean(cleanz, id))"
		: s->version >= 18
			? "UPDATE meetings SET title = hy_widen(title), summary = hy_widen(summary),"
			  " rawz = hy_raw_pack(hy_raw(rawz, hy_clean(cleanz, id)),"
			  " hy_widen(hy_clean(cleanz, id))),"
			  " cleanz = hy_clean_pack(hy_widen(hy_clean(cleanz, id)))"
			  " WHERE title IS NOT hy_widen(title) OR summary IS NOT hy_widen(summary)"
			  " OR hy_clean(cleanz, id) <> hy_widen(hy_clean(cleanz, id))"
			: "UPDATE meetings SET title = hy_widen(title), summary = hy_widen(summary),"
			  " rawz = hy_raw_pack(hy_raw(rawz, clean), hy_widen(clean)),"
			  " clean = hy_widen(clean) WHERE title IS NOT hy_widen(title)"
			  " OR summary IS NOT hy_widen(summary) OR clean <> hy_widen(clean)";
	const char *const steps[] = {
		"BEGIN IMMEDIATE",
		/* the index is made again below: emptied first, so that the
		 * triggers of the rows changed here have nothing to take out
		 * of it (a 'delete' of what a damaged or stale index does not
		 * hold would fail) */
		"INSERT INTO sections_fts(sections_fts) VALUES ('delete-all')",
		"INSERT INTO meetings_fts(meetings_fts) VALUES ('delete-all')",
		/* ASCII , ; : ? ! ( ) among Chinese made full-width in the text
		 * of meetings imported before the cleaner did it (issue 15).
		 * The raw bytes are packed against the clean text (pack.h):
		 * packed again against the new one, in the same statement.
		 * Sections that are ranges of a clean text changed here get
		 * their text back first (schema v15, meetings_clean_sections:
		 * widening takes out the spaces around a mark, characters
		 * move), so the meetings go before the sections */
		widen_meetings,
		"UPDATE sections SET heading = hy_widen(heading), text = hy_widen(text)"
		" WHERE heading <> hy_widen(heading) OR text <> hy_widen(text)",
		/* and ranges of the new clean text again where they are pieces
		 * of it (v15) */
		hy_store_sections_range,
		hy_store_summary_range, /* and the summaries (v20) */
		"INSERT INTO sections_fts(sections_fts) VALUES ('rebuild')",
		"INSERT INTO meetings_fts(meetings_fts) VALUES ('rebuild')",
		"INSERT INTO sections_fts(sections_fts) VALUES ('optimize')",
		"INSERT INTO meetings_fts(meetings_fts) VALUES ('optimize')",
		hy_store_lens_rebuild,
		hy_store_bounds_rebuild, /* the score bounds (schema v17) */
		hy_store_runs_rebuild,   /* the meetings' runs (schema v9) */
		/* bodies too: its counts are stale if a trigger was gone */
		"DELETE FROM bodies",
		"INSERT INTO bodies (name, n) SELECT body, count(*) FROM meetings"
		" WHERE body IS NOT NULL GROUP BY body",
		/* the people (people.c; from v19 the persons only) */
		s->version >= 19 ? hy_store_people_fill_v19 : hy_store_people_fill,
		hy_store_people_keys, /* the names' keys (schema v13) */
		/* the fingerprints (schema v11) */
		s->version >= 18 ? hy_store_simhash_rebuild : hy_store_simhash_rebuild_v11,
		hy_store_simhash_days, /* their bands' days (v16) */
		hy_store_fold_set,     /* made with this build's fold (v10) */
		"COMMIT",
	};

	if (s->in_batch)
		return hy_err_set(err, errlen, HY_ERR_INVALID,
				  _("%s: cannot rebuild the index inside a "
				    "batch"),
				  s->path);
	int frc = sqlite3_create_function(s->db, "hy_widen", 1,
					  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
					  NULL, widen_fn, NULL, NULL);
	if (frc != SQLITE_OK)
		return hy_store_fail(s, frc, N_("rebuilding the search index"), err, errlen);
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		if (i == 1) { /* a table or index dropped: made again, then filled */
			size_t made;
			int rc = hy_store_restore_derived(s, &made, err, errlen);
			if (rc) {
				sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
				return rc;
			}
		}
		if ((steps[i] == hy_store_runs_rebuild && s->version < 9) ||
		    (steps[i] == hy_store_fold_set && s->version < 10) ||
		    (steps[i] == hy_store_simhash_rebuild_v11 && s->version < 11) ||
		    (steps[i] == hy_store_simhash_days && s->version < 16) ||
		    (steps[i] == hy_store_people_keys && s->version < 13) ||
		    (steps[i] == hy_store_sections_range && s->version < 15) ||
		    (steps[i] == hy_store_summary_range && s->version < 20) ||
		    (steps[i] == hy_store_bounds_rebuild && s->version < 17))
			continue;
		if (sqlite3_exec(s->db, steps[i], NULL, NULL, NULL) != SQLITE_OK) {
			int rc = hy_store_fail(s, sqlite3_extended_errcode(s->db),
					       N_("rebuilding the search index"), err, errlen);
			if (sqlite3_get_autocommit(s->db) == 0)
				sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
			return rc;
		}
	}
	return 0;
}

/* 1 when the database's index was made with this build's fold, 0 when
 * not (or when it does not say: just migrated to v10), else a negative
 * sqlite code. */
static int fold_is_current(struct hy_store *s)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, "SELECT id = hy_fold_id() FROM fold", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return -rc;
	rc = sqlite3_step(st);
	int same = rc == SQLITE_ROW && sqlite3_column_int(st, 0) == 1;
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		rc = sqlite3_reset(st);
	else
		rc = sqlite3_extended_errcode(s->db);
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? same : -rc;
}

static void (*on_refold)(const char *path);

void hy_store_on_refold(void (*fn)(const char *path))
{
	on_refold = fn;
}

int hy_store_refold(struct hy_store *s, char *err, size_t errlen)
{
	const char *const steps[] = {
		"INSERT INTO sections_fts(sections_fts) VALUES ('rebuild')",
		"INSERT INTO meetings_fts(meetings_fts) VALUES ('rebuild')",
		hy_store_lens_rebuild,
		hy_store_bounds_rebuild,
		s->version >= 19 ? hy_store_people_fill_v19 : hy_store_people_fill,
		hy_store_people_keys,
		s->version >= 18 ? hy_store_simhash_rebuild : hy_store_simhash_rebuild_v11,
		hy_store_simhash_days,
		hy_store_fold_set,
	};
	/* (fold dropped: reindex makes it again, and the index with it) */
	if (s->readonly || s->version < 10 || hy_store_has_object(s->db, "fold") == 0)
		return 0;
	int now = fold_is_current(s);
	if (now == 1)
		return 0;
	if (now < 0)
		return hy_store_fail(s, -now, N_("reading the database's fold"), err, errlen);
	int rc = hy_store_probe_late(s, err, errlen);
	if (rc == 0)
		rc = hy_store_exec(s, "BEGIN IMMEDIATE", "making the search index again", err,
				   errlen);
	if (rc)
		return rc;
	now = fold_is_current(s); /* another writer may have done it */
	if (now == 0 && on_refold)
		on_refold(s->path);
	for (size_t i = 0; now == 0 && i < sizeof steps / sizeof steps[0]; i++)
		if (!(steps[i] == hy_store_simhash_days && s->version < 16) &&
		    !(steps[i] == hy_store_bounds_rebuild && s->version < 17) &&
		    sqlite3_exec(s->db, steps[i], NULL, NULL, NULL) != SQLITE_OK)
			now = -sqlite3_extended_errcode(s->db);
	if (now >= 0)
		return hy_store_exec(s, "COMMIT", "making the search index again", err, errlen);
	rc = hy_store_fail(s, -now, N_("making the search index again with this build's fold"), err,
			   errlen);
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}
