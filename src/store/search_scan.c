/* search_scan.c: running one scan: the SQL that streams the matches of
 * one index (sections_fts or meetings_fts) through hy_rank into a struct
 * top, with the list filter joined in or not, and reading the meeting,
 * section and date of the candidates the scan left unread. */
#include "search_int.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"

#include <stdlib.h>
#include <string.h>

int hy_search_any_filter(const struct hy_store_filter *f)
{
	return f && (has(f->from) || has(f->to) || has(f->body) || has(f->person));
}

/* Conditions on the meeting row `m` for the filter: ?2 from, ?3 to,
 * ?4 body, ?5 person. */
static void add_filter(struct sb *q, const struct hy_store_filter *f, int v19)
{
	if (!f)
		return;
	if (has(f->from))
		sb_str(q, " AND m.date >= ?2");
	if (has(f->to))
		sb_str(q, " AND m.date <= ?3");
	if (has(f->body))
		sb_str(q, " AND instr(m.body, ?4) > 0");
	if (has(f->person) && v19) /* the names as written */
		sb_str(q, " AND m.id IN (" HY_NAMED_MEETINGS("instr(p.name, ?5) > 0") ")");
	else if (has(f->person))
		sb_str(q, " AND m.id IN (SELECT mp.meeting_id"
			  " FROM meeting_people mp WHERE mp.person_id IN"
			  " (SELECT p.id FROM people p"
			  " WHERE instr(p.name, ?5) > 0))");
}

void hy_search_bind_filter(sqlite3_stmt *st, const struct hy_store_filter *f)
{
	if (!f)
		return;
	if (has(f->from))
		sqlite3_bind_text(st, 2, f->from, -1, SQLITE_STATIC);
	if (has(f->to))
		sqlite3_bind_text(st, 3, f->to, -1, SQLITE_STATIC);
	if (has(f->body))
		sqlite3_bind_text(st, 4, f->body, -1, SQLITE_STATIC);
	if (has(f->person))
		sqlite3_bind_text(st, 5, f->person, -1, SQLITE_STATIC);
}

/* Stream the matches of one index into t. zero: meetings_fts.
 * Parameters: ?1 the expression, ?2..?5 the filter, ?6 t. */
int hy_search_scan(struct hy_store *s, const char *expr, int zero, const struct hy_store_filter *f,
		   struct top *t, char *err, size_t errlen)
{
	int join = t->by_date || hy_search_any_filter(f);
	/* rank order, no join: hy_rank runs once a row, in the WHERE
	 * clause, and the rows it keeps take their score from t (a second
	 * call in the result cost ~10% of a scan) */
	int side = !t->by_date && !join;
	const char *tbl = zero ? "meetings_fts" : "sections_fts";
	const char *row = zero ? "m.date, m.id, 0" : "m.date, s.meeting_id, s.n";
	struct sb q = {0};
	sqlite3_stmt *st;
	int rc;

	sb_str(&q, "SELECT ");
	sb_str(&q, tbl);
	if (side) {
		sb_str(&q, ".rowid, 0");
	} else {
		sb_str(&q, ".rowid, hy_rank(");
		sb_str(&q, tbl);
		sb_str(&q, ", ?6");
		if (t->by_date) {
			sb_str(&q, ", ");
			sb_str(&q, row);
		}
		sb_str(&q, ")");
	}
	if (join) {
		sb_str(&q, ", ");
		sb_str(&q, row);
	} else {
		sb_str(&q, ", NULL, NULL, -1");
	}
	sb_str(&q, " FROM ");
	sb_str(&q, tbl);
	if (join && zero)
		sb_str(&q, " CROSS JOIN meetings m"
			   " ON m.id = meetings_fts.rowid");
	else if (join)
		sb_str(&q, " CROSS JOIN sections s"
			   " ON s.id = sections_fts.rowid"
			   " CROSS JOIN meetings m ON m.id = s.meeting_id");
	sb_str(&q, " WHERE ");
	sb_str(&q, tbl);
	sb_str(&q, " MATCH ?1");
	if (!t->by_date) { /* bounded here: before the join, and rows that
			    * cannot be kept never come back */
		sb_str(&q, " AND hy_rank(");
		sb_str(&q, tbl);
		sb_str(&q, ", ?6) IS NOT NULL");
	}
	if (t->hi > 0) { /* FTS5 seeks its lists to the range */
		sb_str(&q, " AND ");
		sb_str(&q, tbl);
		sb_str(&q, ".rowid BETWEEN ?7 AND ?8");
	}
	add_filter(&q, f, s->version >= 19);
	if (q.oom) {
		free(q.p);
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	}
	rc = sqlite3_prepare_v2(s->db, q.p, (int)q.n, &st, NULL);
	if (rc != SQLITE_OK && strstr(sqlite3_errmsg(s->db), "no such function: hy_rank")) {
		rc = hy_search_rank_register(s, err, errlen);
		if (rc == 0)
			rc = sqlite3_prepare_v2(s->db, q.p, (int)q.n, &st, NULL);
		else
			st = NULL;
	}
	free(q.p);
	if (rc != SQLITE_OK) {
		if (rc > 0)
			rc = hy_store_fail(s, sqlite3_extended_errcode(s->db), N_("searching"), err,
					   errlen);
		return rc;
	}
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
	hy_search_bind_filter(st, f);
	sqlite3_bind_pointer(st, 6, t, "hy_search_top", NULL);
	if (t->hi > 0) {
		sqlite3_bind_int64(st, 7, t->lo);
		sqlite3_bind_int64(st, 8, t->hi);
	}
	t->db = s->db;
	t->docsize = zero ? "meetings_fts_docsize" : "sections_fts_docsize";
	t->lens_index = zero;
	t->nolens = s->version < 4 || s->search.no_lens;
	t->weighted = s->version >= 21; /* the heading or title last (schema.c) */
	t->lens_have = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct cand c;
		if (sqlite3_column_type(st, 1) == SQLITE_NULL)
			continue; /* cannot be among the results */
		c.rowid = sqlite3_column_int64(st, 0);
		if (side && (!t->have_last || t->last_rowid != c.rowid)) {
			rc = SQLITE_INTERNAL; /* never: the row just ranked */
			break;
		}
		c.score = side ? t->last_score : sqlite3_column_double(st, 1);
		copy_date(c.date, sqlite3_column_text(st, 2));
		c.meeting = zero ? c.rowid : sqlite3_column_int64(st, 3);
		c.n = sqlite3_column_int(st, 4);
		c.zero = zero;
		rc = hy_search_top_add(t, &c);
		if (rc) {
			sqlite3_finalize(st);
			sqlite3_blob_close(t->blob);
			t->blob = NULL;
			sqlite3_blob_close(t->lblob);
			t->lblob = NULL;
			return hy_err_set(err, errlen, rc, _("out of memory"));
		}
	}
	if (rc == SQLITE_INTERNAL)
		rc = hy_err_set(err, errlen, HY_ERR_DB,
				_("%s: searching: a row came back unranked"), s->path);
	else if (rc != SQLITE_DONE)
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db), N_("searching"), err,
				   errlen);
	else
		rc = 0;
	sqlite3_finalize(st);
	sqlite3_blob_close(t->blob);
	t->blob = NULL;
	sqlite3_blob_close(t->lblob);
	t->lblob = NULL;
	return rc;
}

/* The meeting, section and date of the candidates the scan left unread
 * (rank order without a filter). */
int hy_search_fill(struct hy_store *s, struct top *t, char *err, size_t errlen)
{
	static const char sec_sql[] = "SELECT s.meeting_id, s.n, m.date FROM sections s"
				      " JOIN meetings m ON m.id = s.meeting_id WHERE s.id = ?1";
	static const char mtg_sql[] = "SELECT id, 0, date FROM meetings WHERE id = ?1";
	sqlite3_stmt *st[2] = {NULL, NULL};
	int rc = 0;

	for (size_t i = 0; i < t->n && rc == 0; i++) {
		struct cand *c = &t->v[i];
		int z = c->zero;
		if (c->n >= 0)
			continue;
		if (!st[z] && sqlite3_prepare_v2(s->db, z ? mtg_sql : sec_sql, -1, &st[z], NULL) !=
				      SQLITE_OK) {
			rc = -1;
			break;
		}
		sqlite3_reset(st[z]);
		sqlite3_bind_int64(st[z], 1, c->rowid);
		rc = sqlite3_step(st[z]);
		if (rc == SQLITE_ROW) {
			c->meeting = sqlite3_column_int64(st[z], 0);
			c->n = sqlite3_column_int(st[z], 1);
			copy_date(c->date, sqlite3_column_text(st[z], 2));
			rc = 0;
		} else if (rc == SQLITE_DONE) {
			/* gone since the scan (another process): drop it */
			c->n = -3;
			rc = 0;
		} else {
			rc = -1;
		}
	}
	if (rc)
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db), N_("reading search results"),
				   err, errlen);
	sqlite3_finalize(st[0]);
	sqlite3_finalize(st[1]);
	if (rc == 0) { /* drop the rows that went away */
		size_t k = 0;
		for (size_t i = 0; i < t->n; i++)
			if (t->v[i].n != -3)
				t->v[k++] = t->v[i];
		t->n = k;
	}
	return rc;
}
