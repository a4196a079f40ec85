/* query.c: the meeting list (keyset pagination) and one meeting back. */
#include "internal.h"

#include "huiyi/err.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Run one page query; adds the rows delivered to *n. Returns 0, 1 when
 * the callback asked to stop (*stop_rc is its value), or < 0. */
static int list_step(struct hy_store *s, enum hy_store_stmt which,
		     const char *k1, const char *k2, int64_t id,
		     const struct hy_store_filter *f, size_t limit,
		     hy_store_row_fn fn, void *ctx,
		     struct hy_store_cursor *next, int *n, int *stop_rc,
		     char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc = hy_store_stmt(s, which, &st, err, errlen);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, k1, -1, SQLITE_TRANSIENT);
	if (which == HY_ST_LIST_SAME)
		sqlite3_bind_int64(st, 2, id);
	else
		sqlite3_bind_text(st, 2, k2, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, f->body && f->body[0] ? f->body : NULL, -1,
			  SQLITE_STATIC);
	sqlite3_bind_text(st, 4, f->person && f->person[0] ? f->person : NULL,
			  -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, limit > INT64_MAX ? INT64_MAX
						   : (sqlite3_int64)limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct hy_store_row row;
		const char *key;
		int stop;

		row.id = sqlite3_column_int64(st, 0);
		row.date = (const char *)sqlite3_column_text(st, 1);
		row.body = (const char *)sqlite3_column_text(st, 2);
		row.kind = (const char *)sqlite3_column_text(st, 3);
		row.number = sqlite3_column_int(st, 4);
		row.chair = (const char *)sqlite3_column_text(st, 5);
		row.title = (const char *)sqlite3_column_text(st, 6);
		row.n_sections = sqlite3_column_int(st, 7);
		key = (const char *)sqlite3_column_text(st, 8);
		if (next) {
			next->set = 1;
			next->id = row.id;
			snprintf(next->key, sizeof next->key, "%s",
				 key ? key : "");
		}
		(*n)++;
		stop = fn(&row, ctx);
		if (stop) {
			sqlite3_reset(st);
			*stop_rc = stop;
			return 1;
		}
	}
	if (rc != SQLITE_DONE) {
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db),
				   "listing meetings", err, errlen);
		sqlite3_reset(st);
		return rc;
	}
	sqlite3_reset(st);
	return 0;
}

int hy_store_list(struct hy_store *s, const struct hy_store_filter *f,
		  const struct hy_store_cursor *after, size_t limit,
		  hy_store_row_fn fn, void *ctx, struct hy_store_cursor *next,
		  char *err, size_t errlen)
{
	static const struct hy_store_filter none;
	char lo[16] = "", below[24] = "~~";
	int n = 0, stop_rc = 0, rc;

	if (!f)
		f = &none;
	if (f->from || f->to) { /* a bound leaves out unknown dates ("") */
		snprintf(lo, sizeof lo, "%s", f->from ? f->from : "0");
		/* dates are "YYYY-MM-DD": "<D>~" sorts just after D */
		snprintf(below, sizeof below, "%s~", f->to ? f->to : "~");
	}
	if (limit == 0)
		return 0;
	if (after && after->set) {
		char key[sizeof after->key];
		int64_t id = after->id;
		snprintf(key, sizeof key, "%s", after->key);
		rc = list_step(s, HY_ST_LIST_SAME, key, NULL, id, f, limit, fn,
			       ctx, next, &n, &stop_rc, err, errlen);
		if (rc == 0 && (size_t)n < limit)
			rc = list_step(s, HY_ST_LIST_BELOW, lo, key, 0, f,
				       limit - (size_t)n, fn, ctx, next, &n,
				       &stop_rc, err, errlen);
	} else {
		rc = list_step(s, HY_ST_LIST_BELOW, lo, below, 0, f, limit, fn,
			       ctx, next, &n, &stop_rc, err, errlen);
	}
	if (rc < 0)
		return rc;
	if (rc == 1 && stop_rc < 0)
		return stop_rc;
	return n;
}

/* A copy of column i, NULL for SQL NULL; sets *oom on failure. */
static char *col_dup(sqlite3_stmt *st, int i, int *oom)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	char *d;
	if (!t)
		return NULL;
	d = strdup((const char *)t);
	if (!d)
		*oom = 1;
	return d;
}

static int push(char ***v, size_t *n, char *s)
{
	char **nv = realloc(*v, (*n + 1) * sizeof **v);
	if (!nv) {
		free(s);
		return -1;
	}
	nv[(*n)++] = s;
	*v = nv;
	return 0;
}

static int get_sections(struct hy_store *s, struct hy_store_record *r,
			char *err, size_t errlen)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int oom = 0;
	int rc = hy_store_stmt(s, HY_ST_GET_SECTIONS, &st, err, errlen);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, r->id);
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct hy_section *sec;
		if (r->m.n_sections == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			sec = realloc(r->m.sections, ncap * sizeof *sec);
			if (!sec) {
				oom = 1;
				break;
			}
			r->m.sections = sec;
			cap = ncap;
		}
		sec = &r->m.sections[r->m.n_sections];
		sec->n = sqlite3_column_int(st, 0);
		sec->heading = col_dup(st, 1, &oom);
		sec->text = col_dup(st, 2, &oom);
		r->m.n_sections++;
		if (!oom && (!sec->heading || !sec->text))
			oom = 1; /* NOT NULL columns: only OOM gives NULL */
	}
	if (oom) {
		sqlite3_reset(st);
		return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
	}
	if (rc != SQLITE_DONE) {
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db),
				   "reading sections", err, errlen);
		sqlite3_reset(st);
		return rc;
	}
	sqlite3_reset(st);
	return 0;
}

static int get_people(struct hy_store *s, struct hy_store_record *r,
		      char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int oom = 0;
	int rc = hy_store_stmt(s, HY_ST_GET_PEOPLE, &st, err, errlen);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, r->id);
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *role = (const char *)sqlite3_column_text(st, 0);
		char *name = col_dup(st, 1, &oom);
		if (!name)
			break;
		if (role && strcmp(role, "observer") == 0)
			oom = push(&r->m.observers, &r->m.n_observers, name);
		else
			oom = push(&r->m.attendees, &r->m.n_attendees, name);
	}
	if (oom) {
		sqlite3_reset(st);
		return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
	}
	if (rc != SQLITE_DONE) {
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db),
				   "reading people", err, errlen);
		sqlite3_reset(st);
		return rc;
	}
	sqlite3_reset(st);
	return 0;
}

int hy_store_get(struct hy_store *s, int64_t id, struct hy_store_record *r,
		 char *err, size_t errlen)
{
	sqlite3_stmt *st;
	const unsigned char *sha;
	int oom = 0;
	int rc;

	memset(r, 0, sizeof *r);
	rc = hy_store_stmt(s, HY_ST_GET_MEETING, &st, err, errlen);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return hy_err_set(err, errlen, HY_ERR_NOTFOUND,
				  "no meeting with id %lld", (long long)id);
	}
	if (rc != SQLITE_ROW) {
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db),
				   "reading a meeting", err, errlen);
		sqlite3_reset(st);
		return rc;
	}
	r->id = sqlite3_column_int64(st, 0);
	r->m.title = col_dup(st, 1, &oom);
	r->m.published = col_dup(st, 2, &oom);
	r->m.date = col_dup(st, 3, &oom);
	r->m.body = col_dup(st, 4, &oom);
	r->m.kind = col_dup(st, 5, &oom);
	r->m.number = sqlite3_column_int(st, 6);
	r->m.chair = col_dup(st, 7, &oom);
	r->m.chair_role = col_dup(st, 8, &oom);
	r->m.summary = col_dup(st, 9, &oom);
	r->source = col_dup(st, 10, &oom);
	sha = sqlite3_column_text(st, 11);
	snprintf(r->sha256, sizeof r->sha256, "%s", sha ? (const char *)sha : "");
	r->encoding = col_dup(st, 12, &oom);
	r->replaced = (size_t)sqlite3_column_int64(st, 13);
	r->imported_at = col_dup(st, 14, &oom);
	sqlite3_reset(st);
	if (oom) {
		rc = hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
		goto fail;
	}
	rc = get_sections(s, r, err, errlen);
	if (rc == 0)
		rc = get_people(s, r, err, errlen);
	if (rc == 0)
		return 0;
fail:
	hy_store_record_free(r);
	return rc;
}

void hy_store_record_free(struct hy_store_record *r)
{
	if (!r)
		return;
	hy_meeting_free(&r->m);
	free(r->source);
	free(r->encoding);
	free(r->imported_at);
	memset(r, 0, sizeof *r);
}
