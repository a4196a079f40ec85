/* stmt.c: running SQL on a store's connection: statements prepared
 * once and kept (hy_store_stmt: each caller keeps its SQL beside the
 * code that binds it), the pool of list queries prepared per shape, and
 * two small helpers (hy_store_exec, hy_store_read_int). */
#include "internal.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int hy_store_stmt(struct hy_store *s, enum hy_store_stmt id, const char *sql, sqlite3_stmt **out,
		  char *err, size_t errlen)
{
	if (!s->st[id]) {
		int rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->st[id],
					    NULL);
		if (rc != SQLITE_OK) {
			s->st[id] = NULL;
			return hy_store_fail(s, rc, N_("preparing a query"), err, errlen);
		}
	} else {
		sqlite3_reset(s->st[id]);
		sqlite3_clear_bindings(s->st[id]);
	}
	*out = s->st[id];
	return 0;
}

int hy_store_exec(struct hy_store *s, const char *sql, const char *doing, char *err, size_t errlen)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return hy_store_fail(s, sqlite3_extended_errcode(s->db), doing, err, errlen);
	return 0;
}

/* Step a statement that returns no rows (INSERT, UPDATE, DELETE) to its
 * end and reset it; a failure is told as doing. */
int hy_store_step_done(struct hy_store *s, sqlite3_stmt *st, const char *doing, char *err,
		       size_t errlen)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return 0;
	}
	rc = hy_store_fail(s, sqlite3_extended_errcode(s->db), doing, err, errlen);
	sqlite3_reset(st);
	return rc;
}

/* The first column of a bound lookup (SELECT id ... WHERE key = ?):
 * 1 and *id when a row is found, 0 when none is, or an error; the
 * statement is reset either way. The find half of find-or-insert. */
int hy_store_find_id(struct hy_store *s, sqlite3_stmt *st, int64_t *id, const char *doing,
		     char *err, size_t errlen)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		return 1;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	return hy_store_fail(s, rc, doing, err, errlen);
}

/* One integer from a PRAGMA or SELECT; the raw sqlite code on failure. */
int hy_store_read_int(struct hy_store *s, const char *sql, int *val)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return sqlite3_extended_errcode(s->db);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*val = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		*val = 0;
		rc = SQLITE_OK;
	} else {
		rc = sqlite3_extended_errcode(s->db);
	}
	sqlite3_finalize(st);
	return rc;
}

static uint32_t hash_sql(const char *s)
{
	uint32_t h = 2166136261u;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* A prepared statement for sql from the pool, marked busy, into *slot. */
int hy_store_pool_get(struct hy_store *s, const char *sql, int *slot, char *err, size_t errlen)
{
	uint32_t h = hash_sql(sql);
	int victim = -1, rc;
	struct hy_store_pooled *p;

	for (int i = 0; i < HY_STORE_POOL; i++) {
		p = &s->pool[i];
		if (p->st && !p->busy && p->hash == h && strcmp(p->sql, sql) == 0) {
			p->busy = 1;
			p->used = ++s->tick;
			*slot = i;
			return 0;
		}
		if (p->busy)
			continue;
		if (victim < 0 || !p->st || (s->pool[victim].st && p->used < s->pool[victim].used))
			victim = i;
	}
	if (victim < 0) /* cannot happen: at most MAX_MERGE are busy */
		return hy_err_set(err, errlen, HY_ERR_DB, _("%s: too many list queries at once"),
				  s->path);
	p = &s->pool[victim];
	sqlite3_finalize(p->st);
	free(p->sql);
	memset(p, 0, sizeof *p);
	p->sql = strdup(sql);
	if (!p->sql)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &p->st, NULL);
	if (rc != SQLITE_OK) {
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db), N_("preparing a list query"),
				   err, errlen);
		sqlite3_finalize(p->st);
		free(p->sql);
		memset(p, 0, sizeof *p);
		return rc;
	}
	if (s->on_prepare)
		s->on_prepare(sql, s->on_prepare_ctx);
	p->hash = h;
	p->busy = 1;
	p->used = ++s->tick;
	*slot = victim;
	return 0;
}

void hy_store_pool_put(struct hy_store *s, int slot)
{
	struct hy_store_pooled *p = &s->pool[slot];
	sqlite3_reset(p->st);
	sqlite3_clear_bindings(p->st);
	p->busy = 0;
}

void hy_store_pool_free(struct hy_store *s)
{
	for (int i = 0; i < HY_STORE_POOL; i++) {
		sqlite3_finalize(s->pool[i].st);
		free(s->pool[i].sql);
		memset(&s->pool[i], 0, sizeof s->pool[i]);
	}
}
