/* export.c: every meeting a filter and a query select, one at a time
 * (export.h). The ids come from one statement in the order of the date
 * index; each meeting is read whole (record.c) with its people's parts
 * and roles, handed over and freed. A query's matches are a set of
 * meeting ids that sqlite keeps while the walk goes on (8 bytes or so a
 * match), never the meetings. */
#include "internal.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"
#include "huiyi/export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct people {
	struct hy_export_person *v;
	size_t n, cap;
};

static void people_clear(struct people *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free((char *)p->v[i].name);
		free((char *)p->v[i].part);
		free((char *)p->v[i].role);
	}
	p->n = 0;
}

/* The people of meeting id into p: chair first, then attendees, then
 * observers (guests marked), each in the text's order. */
static int read_people(sqlite3_stmt *st, int64_t id, struct people *p)
{
	int rc;

	people_clear(p);
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *part = (const char *)sqlite3_column_text(st, 1);
		const char *role = (const char *)sqlite3_column_text(st, 2);
		struct hy_export_person *x;

		if (p->n == p->cap) {
			size_t ncap = p->cap ? p->cap * 2 : 16;
			x = realloc(p->v, ncap * sizeof *x);
			if (!x)
				return SQLITE_NOMEM;
			p->v = x;
			p->cap = ncap;
		}
		x = &p->v[p->n];
		x->name = strdup(name ? name : "");
		x->part = strdup(part ? part : "");
		x->role = role ? strdup(role) : NULL;
		p->n++; /* freed whole or not */
		if (!x->name || !x->part || (role && !x->role))
			return SQLITE_NOMEM;
	}
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static const char people_sql[] = "SELECT p.name,"
				 " CASE WHEN mp.invited THEN 'invited' ELSE mp.role END,"
				 " nullif(mp.title, '')"
				 " FROM meeting_people mp JOIN people p ON p.id = mp.person_id"
				 " WHERE mp.meeting_id = ?1"
				 " ORDER BY CASE mp.role WHEN 'chair' THEN 0"
				 "  WHEN 'attendee' THEN 1 ELSE 2 END, mp.position";
/* (v19: the appearances, which hold part and role as above) */
static const char people_v19_sql[] = "SELECT p.name, a.part, a.role"
				     " FROM appearances a JOIN people p ON p.id = a.name_id"
				     " WHERE a.meeting_id = ?1"
				     " ORDER BY CASE a.part WHEN 'chair' THEN 0"
				     "  WHEN 'attendee' THEN 1 ELSE 2 END, a.position";

/* Meeting id whole, with its people, to fn, then freed: 0, fn's
 * non-zero value, or a negative hy_err code. */
static int deliver(struct hy_store *s, sqlite3_stmt *ppl, int64_t id, struct people *people,
		   hy_export_fn fn, void *ctx, char *err, size_t errlen)
{
	struct hy_store_record rec;
	struct hy_export_item it;
	int rc = hy_store_get(s, id, &rec, err, errlen);

	if (rc)
		return rc;
	rc = read_people(ppl, id, people);
	if (rc == SQLITE_OK) {
		it.r = &rec;
		it.people = people->v;
		it.n_people = people->n;
		rc = fn(&it, ctx);
	} else if (rc == SQLITE_NOMEM) {
		rc = hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	} else {
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db),
				   N_("reading a meeting's people"), err, errlen);
	}
	hy_store_record_free(&rec);
	people_clear(people);
	return rc;
}

int hy_store_export_id(struct hy_store *s, int64_t id, hy_export_fn fn, void *ctx, char *err,
		       size_t errlen)
{
	struct people people = {0};
	sqlite3_stmt *ppl = NULL;
	int rc = hy_store_read_begin(s, err, errlen);

	if (rc)
		return rc;
	if (sqlite3_prepare_v2(s->db, s->version >= 19 ? people_v19_sql : people_sql, -1, &ppl,
			       NULL) != SQLITE_OK)
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db), N_("exporting"), err,
				   errlen);
	else
		rc = deliver(s, ppl, id, &people, fn, ctx, err, errlen);
	free(people.v);
	sqlite3_finalize(ppl);
	hy_store_read_end(s);
	return rc;
}

int hy_store_export(struct hy_store *s, const struct hy_store_filter *f, const char *query,
		    hy_export_fn fn, void *ctx, size_t *n, char *err, size_t errlen)
{
	static const char head_sql[] = "SELECT m.id FROM meetings m WHERE ";
	static const char match_sql[] = " AND m.id IN (SELECT s.meeting_id FROM sections s"
					"  WHERE s.id IN (SELECT rowid FROM sections_fts"
					"   WHERE sections_fts MATCH ?1)"
					" UNION SELECT rowid FROM meetings_fts"
					"  WHERE meetings_fts MATCH ?1)";
	static const char tail_sql[] = " ORDER BY ifnull(m.date, ''), m.id";
	char sql[2048]; /* the parts and the filter (trend.c), with room */
	sqlite3_stmt *ids = NULL, *ppl = NULL;
	struct people people = {0};
	char *expr = NULL;
	size_t count = 0;
	int rc;

	if (n)
		*n = 0;
	if (query) {
		rc = hy_search_translate(query, &expr, err, errlen);
		if (rc)
			return rc;
	}
	snprintf(sql, sizeof sql, "%s%s%s%s", head_sql, HY_STORE_FILTER_WHERE(s),
		 query ? match_sql : "", tail_sql);
	rc = hy_store_read_begin(s, err, errlen);
	if (rc) {
		free(expr);
		return rc;
	}
	rc = sqlite3_prepare_v2(s->db, sql, -1, &ids, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(s->db, s->version >= 19 ? people_v19_sql : people_sql, -1,
					&ppl, NULL);
	if (rc != SQLITE_OK) {
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db), N_("exporting"), err,
				   errlen);
		goto done;
	}
	if (expr)
		sqlite3_bind_text(ids, 1, expr, -1, SQLITE_STATIC);
	hy_store_filter_bind(ids, f);
	while ((rc = sqlite3_step(ids)) == SQLITE_ROW) {
		rc = deliver(s, ppl, sqlite3_column_int64(ids, 0), &people, fn, ctx, err, errlen);
		if (rc)
			goto done;
		count++;
	}
	if (rc != SQLITE_DONE)
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db), N_("exporting"), err,
				   errlen);
	else
		rc = 0;
done:
	if (n)
		*n = count;
	people_clear(&people);
	free(people.v);
	sqlite3_finalize(ids);
	sqlite3_finalize(ppl);
	hy_store_read_end(s);
	free(expr);
	return rc;
}
