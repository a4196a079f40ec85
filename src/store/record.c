/* record.c: one meeting back whole (hy_store_get: the meeting, its
 * sections, its people) and freeing it. */
#include "internal.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
		return HY_ERR_NOMEM;
	}
	nv[(*n)++] = s;
	*v = nv;
	return 0;
}

static int get_sections(struct hy_store *s, struct hy_store_record *r, char *err, size_t errlen)
{
	static const char sections_sql[] =
		"SELECT n, heading, text FROM sections WHERE meeting_id = ?1"
		" ORDER BY n";
	/* schema v15: a section may be a range of the clean text */
	static const char sections_v15_sql[] =
		"SELECT n, heading, text FROM sections_text WHERE meeting_id = ?1"
		" ORDER BY n";
	sqlite3_stmt *st;
	size_t cap = 0;
	int oom = 0;
	int rc =
		hy_store_stmt(s, HY_ST_GET_SECTIONS,
			      s->version >= 15 ? sections_v15_sql : sections_sql, &st, err, errlen);
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
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	}
	if (rc != SQLITE_DONE) {
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db), N_("reading sections"), err,
				   errlen);
		sqlite3_reset(st);
		return rc;
	}
	sqlite3_reset(st);
	return 0;
}

static int get_people(struct hy_store *s, struct hy_store_record *r, char *err, size_t errlen)
{
	static const char people_sql[] = "SELECT mp.role, p.name FROM meeting_people mp"
					 " JOIN people p ON p.id = mp.person_id"
					 " WHERE mp.meeting_id = ?1 AND mp.role <> 'chair'"
					 " ORDER BY mp.role, mp.position";
	/* (v19: the appearances, with the names as written; the index by
	 * meeting holds all but the name) */
	static const char people_v19_sql[] =
		"SELECT " HY_LINK_ROLE("a") ", p.name"
					    " FROM appearances a JOIN people p ON p.id = a.name_id"
					    " WHERE a.meeting_id = ?1 AND a.part <> 'chair'"
					    " ORDER BY 1, a.position";
	sqlite3_stmt *st;
	int oom = 0;
	int rc = hy_store_people_flush(s, err, errlen); /* a batch's own */
	if (rc == 0)
		rc = hy_store_stmt(s, HY_ST_GET_PEOPLE,
				   s->version >= 19 ? people_v19_sql : people_sql, &st, err,
				   errlen);
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
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	}
	if (rc != SQLITE_DONE) {
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db), N_("reading people"), err,
				   errlen);
		sqlite3_reset(st);
		return rc;
	}
	sqlite3_reset(st);
	return 0;
}

/* Lines of s into a new array *v of *n strings (none when s is NULL).
 * Returns 0, or 1 when out of memory. */
static int split_lines(const char *s, char ***v, size_t *n)
{
	*v = NULL;
	*n = 0;
	if (!s || !*s)
		return 0;
	size_t k = 1;
	for (const char *p = s; *p; p++)
		k += *p == '\n';
	*v = calloc(k, sizeof **v);
	if (!*v)
		return 1;
	for (const char *p = s;;) {
		size_t len = strcspn(p, "\n");
		(*v)[*n] = strndup(p, len);
		if (!(*v)[*n])
			return 1;
		++*n;
		if (!p[len])
			return 0;
		p += len + 1;
	}
}

int hy_store_get(struct hy_store *s, int64_t id, struct hy_store_record *r, char *err,
		 size_t errlen)
{
#define GET_MEETING(summary)                                                                       \
	"SELECT id, title, published, date, body, kind, number, chair,"                            \
	" chair_role, " summary ", source, sha256, encoding, replaced,"                            \
	" imported_at, month_day, date_basis, guessed, place, units"                               \
	" FROM meetings WHERE id = ?1"
	static const char meeting_sql[] = GET_MEETING("summary");
	/* schema v20: the summary may be a range of the clean text */
	static const char meeting_v20_sql[] = GET_MEETING(HY_STORE_SUMMARY_OF("meetings"));
	sqlite3_stmt *st;
	const unsigned char *sha;
	int oom = 0;
	int rc;

	memset(r, 0, sizeof *r);
	rc = hy_store_stmt(s, HY_ST_GET_MEETING, s->version >= 20 ? meeting_v20_sql : meeting_sql,
			   &st, err, errlen);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return hy_err_set(err, errlen, HY_ERR_NOTFOUND, _("no meeting with id %lld"),
				  (long long)id);
	}
	if (rc != SQLITE_ROW) {
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db), N_("reading a meeting"), err,
				   errlen);
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
	r->m.month_day = col_dup(st, 15, &oom);
	r->m.date_basis = hy_date_basis_from_name((const char *)sqlite3_column_text(st, 16));
	r->m.guessed = hy_meeting_guessed_from((const char *)sqlite3_column_text(st, 17));
	r->m.place = col_dup(st, 18, &oom);
	if (!oom &&
	    split_lines((const char *)sqlite3_column_text(st, 19), &r->m.units, &r->m.n_units))
		oom = 1;
	sqlite3_reset(st);
	if (oom) {
		rc = hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
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
