/* search_plan.c: hy_store_search and hy_store_search_count (search.h):
 * choosing how a page is found. Rank order: a scan of each index, a
 * filter read from indexes as a set of rows (or walked through the
 * list); date order: the matches joined to their meetings when few, the
 * meetings walked newest first when many; then candidates filled in,
 * sorted and delivered with snippets. Counts. */
#include "search_int.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Plans.
 *
 * Rank order: each index is scanned into a top of its own (so each
 * keeps its cut, and a deferred idf applies to one index), then the two
 * are merged. With a filter, hy_rank is given the set of rows of the
 * filter's meetings, read from indexes only (allowed_rows). (Joining
 * each row that passes hy_rank's bound to its meeting instead,
 * HY_SEARCH_PLAN_JOIN,
 * gives the same results, but its cut stays low while the scan, in rowid
 * order, meets no row of the filter: slow for a recent date range.)
 *
 * Date order: the matching row ids are read first (FTS5 alone, cheap).
 * Few of them: each is joined to its meeting and the newest kept (cost
 * per match). Many: the meetings are walked newest first through the
 * list (its indexes apply the filter) and their rows looked up in the
 * ids until enough are found (cost per meeting walked: about keep × rows
 * / matches). Either way, scores are computed for the rows kept only. */

/* Tests and the bench: struct hy_search_opts (search.h) forces the plan
 * of a search with a filter or in date order (each gives the same
 * results), keeps a scan in one thread, or reads row lengths from
 * %_docsize only. */
void hy_store_search_opts(struct hy_store *s, const struct hy_search_opts *o)
{
	static const struct hy_search_opts none;
	s->search = o ? *o : none;
}

void hy_store_search_scores(struct hy_store *s, int wanted)
{
	s->no_scores = !wanted;
}

/* The row ids matching expr in one index (zero: meetings_fts). */
static int collect(struct plan *p, int zero, struct rowset *r)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(p->s->db,
				    zero ? "SELECT rowid FROM meetings_fts WHERE meetings_fts"
					   " MATCH ?1"
					 : "SELECT rowid FROM sections_fts WHERE sections_fts"
					   " MATCH ?1",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return hy_store_fail(p->s, sqlite3_extended_errcode(p->s->db), N_("searching"),
				     p->err, p->errlen);
	sqlite3_bind_text(st, 1, p->expr, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (hy_search_rowset_add(r, sqlite3_column_int64(st, 0))) {
			sqlite3_finalize(st);
			return hy_err_set(p->err, p->errlen, HY_ERR_NOMEM, _("out of memory"));
		}
	if (rc != SQLITE_DONE) {
		rc = hy_store_fail(p->s, sqlite3_extended_errcode(p->s->db), N_("searching"),
				   p->err, p->errlen);
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_finalize(st);
	hy_search_rowset_sort(r);
	return 0;
}

/* Walking the meetings of the filter through the list. */
struct walk {
	struct plan *p;
	sqlite3_stmt *secs;         /* the sections of one meeting */
	const struct rowset *match; /* NULL: every row (allowed sets) */
	struct rowset *rows[2];     /* or the rows, by index */
	int rc;
};

static int walk_row(const struct hy_store_row *row, void *ctx)
{
	struct walk *w = ctx;
	struct plan *p = w->p;
	struct cand c;
	int rc;

	memset(&c, 0, sizeof c);
	copy_date(c.date, (const unsigned char *)row->date);
	c.meeting = row->id;
	if (w->match ? hy_search_rowset_has(&w->match[1], row->id) : 1) {
		c.rowid = row->id;
		c.zero = 1;
		w->rc = w->match ? hy_search_top_add(&p->out, &c)
				 : hy_search_rowset_add(w->rows[1], row->id);
		if (w->rc)
			return w->rc;
	}
	sqlite3_reset(w->secs);
	sqlite3_bind_int64(w->secs, 1, row->id);
	while ((rc = sqlite3_step(w->secs)) == SQLITE_ROW) {
		c.rowid = sqlite3_column_int64(w->secs, 0);
		c.n = sqlite3_column_int(w->secs, 1);
		c.zero = 0;
		if (w->match && !hy_search_rowset_has(&w->match[0], c.rowid))
			continue;
		w->rc = w->match ? hy_search_top_add(&p->out, &c)
				 : hy_search_rowset_add(w->rows[0], c.rowid);
		if (w->rc)
			return w->rc;
	}
	if (rc != SQLITE_DONE)
		return w->rc = hy_store_fail(p->s, sqlite3_extended_errcode(p->s->db),
					     N_("reading sections"), p->err, p->errlen);
	/* in date order: enough once keep rows are in */
	return w->match && p->out.n >= p->keep ? 1 : 0;
}

/* Walk the filter's meetings newest first: into p->out the rows in match
 * (match[0] sections, match[1] meetings) until keep are found, or, with
 * match NULL, every row id into rows[0] and rows[1]. */
static int walk(struct plan *p, const struct rowset *match, struct rowset *rows)
{
	struct walk w = {p, NULL, match, {rows ? &rows[0] : NULL, rows ? &rows[1] : NULL}, 0};
	int rc = sqlite3_prepare_v2(p->s->db,
				    "SELECT id, n FROM sections"
				    " WHERE meeting_id = ?1 ORDER BY n",
				    -1, &w.secs, NULL);
	if (rc != SQLITE_OK)
		return hy_store_fail(p->s, sqlite3_extended_errcode(p->s->db),
				     N_("reading sections"), p->err, p->errlen);
	rc = hy_store_list(p->s, p->f, NULL, INT32_MAX, walk_row, &w, NULL, p->err, p->errlen);
	sqlite3_finalize(w.secs);
	if (w.rc < 0)
		return w.rc;
	if (rows) {
		hy_search_rowset_sort(&rows[0]);
		hy_search_rowset_sort(&rows[1]);
	}
	return rc < 0 ? rc : 0;
}

/* The row ids of the filter's meetings and of their sections, through
 * indexes only: the date range is a range of meetings_by_date; a body is
 * tested on each entry of meetings_by_body (which holds the body and the
 * date: no table row is read); a person's meetings come from
 * meeting_people (v19: appearances); the sections from their (meeting, n) index. The
 * filter's rules are the list's (store.h hy_store_filter). */
static int allowed_rows(struct plan *p, struct rowset *rows)
{
	const struct hy_store_filter *f = p->f;
	struct sb q = {0};
	sqlite3_stmt *st;
	int rc;

	sb_str(&q, "SELECT m.id, s.id FROM meetings m");
	if (has(f->body)) /* a person's meetings: by id (few) */
		sb_str(&q, " INDEXED BY meetings_by_body");
	else if (!has(f->person))
		sb_str(&q, " INDEXED BY meetings_by_date");
	sb_str(&q, " LEFT JOIN sections s ON s.meeting_id = m.id WHERE 1");
	if (has(f->from) || has(f->to))
		sb_str(&q, " AND ifnull(m.date, '') > ''");
	if (has(f->from))
		sb_str(&q, " AND ifnull(m.date, '') >= ?2");
	if (has(f->to))
		sb_str(&q, " AND ifnull(m.date, '') <= ?3");
	if (has(f->body))
		sb_str(&q, " AND instr(ifnull(m.body, x''), ?4) > 0");
	if (has(f->person) && p->s->version >= 19) /* the names as written */
		sb_str(&q, " AND m.id IN (" HY_NAMED_MEETINGS("instr(p.name, ?5) > 0") ")");
	else if (has(f->person))
		sb_str(&q, " AND m.id IN (SELECT mp.meeting_id"
			   " FROM meeting_people mp WHERE mp.person_id IN"
			   " (SELECT p.id FROM people p"
			   " WHERE instr(p.name, ?5) > 0))");
	if (q.oom)
		return hy_err_set(p->err, p->errlen, HY_ERR_NOMEM, _("out of memory"));
	rc = sqlite3_prepare_v2(p->s->db, q.p, (int)q.n, &st, NULL);
	free(q.p);
	if (rc != SQLITE_OK)
		return hy_store_fail(p->s, sqlite3_extended_errcode(p->s->db), N_("searching"),
				     p->err, p->errlen);
	hy_search_bind_filter(st, f);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t m = sqlite3_column_int64(st, 0);
		if ((rows[1].n == 0 || rows[1].v[rows[1].n - 1] != m) &&
		    hy_search_rowset_add(&rows[1], m))
			break;
		if (sqlite3_column_type(st, 1) != SQLITE_NULL &&
		    hy_search_rowset_add(&rows[0], sqlite3_column_int64(st, 1)))
			break;
	}
	if (rc == SQLITE_ROW)
		rc = hy_err_set(p->err, p->errlen, HY_ERR_NOMEM, _("out of memory"));
	else if (rc != SQLITE_DONE)
		rc = hy_store_fail(p->s, sqlite3_extended_errcode(p->s->db), N_("searching"),
				   p->err, p->errlen);
	else
		rc = 0;
	sqlite3_finalize(st);
	hy_search_rowset_sort(&rows[0]);
	hy_search_rowset_sort(&rows[1]);
	return rc;
}

static int rank_plan(struct plan *p)
{
	struct rowset allow[2] = {{0}, {0}};
	enum hy_search_plan plan = p->s->search.plan;
	int rc;

	if (!hy_search_any_filter(p->f))
		return hy_search_scan_both(p, NULL, 0, NULL);
	if (plan == HY_SEARCH_PLAN_JOIN)
		return hy_search_scan_both(p, NULL, 1, NULL);
	rc = plan == HY_SEARCH_PLAN_WALK ? walk(p, NULL, allow) : allowed_rows(p, allow);
	if (rc == 0)
		rc = hy_search_scan_both(p, allow, 0, NULL);
	free(allow[0].v);
	free(allow[1].v);
	return rc;
}

static int cmp_row(const void *pa, const void *pb)
{
	const struct cand *a = pa, *b = pb;
	if (a->zero != b->zero)
		return a->zero - b->zero;
	return a->rowid < b->rowid ? -1 : a->rowid > b->rowid;
}

/* The rows in p->out are kept by date; their scores, from a scan of
 * just them. */
static int score_kept(struct plan *p)
{
	struct rowset only[2] = {{0}, {0}};
	struct plan q = *p;
	int rc = 0;

	for (size_t i = 0; i < p->out.n && rc == 0; i++)
		rc = hy_search_rowset_add(&only[p->out.v[i].zero], p->out.v[i].rowid);
	if (rc) {
		rc = hy_err_set(p->err, p->errlen, rc, _("out of memory"));
		goto done;
	}
	hy_search_rowset_sort(&only[0]);
	hy_search_rowset_sort(&only[1]);
	hy_search_top_init(&q.out, p->out.n + 1, 0);
	rc = hy_search_scan_both(&q, only, 0, NULL);
	if (rc == 0 && q.out.n > 1)
		qsort(q.out.v, q.out.n, sizeof *q.out.v, cmp_row);
	for (size_t i = 0; rc == 0 && i < p->out.n; i++) {
		struct cand *c = &p->out.v[i];
		const struct cand *x = bsearch(c, q.out.v, q.out.n, sizeof *q.out.v, cmp_row);
		if (x)
			c->score = x->score;
	}
	free(q.out.v);
done:
	free(only[0].v);
	free(only[1].v);
	return rc;
}

static int date_plan(struct plan *p)
{
	struct rowset m[2] = {{0}, {0}};
	double matches, rows = 0;
	sqlite3_stmt *st;
	int rc = collect(p, 0, &m[0]);

	if (rc == 0)
		rc = collect(p, 1, &m[1]);
	matches = (double)(m[0].n + m[1].n);
	if (rc || matches == 0)
		goto done;
	if (sqlite3_prepare_v2(p->s->db,
			       "SELECT (SELECT ifnull(max(id), 0) FROM sections)"
			       " + (SELECT ifnull(max(id), 0) FROM meetings)",
			       -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			rows = sqlite3_column_double(st, 0);
		sqlite3_finalize(st);
	}
	/* join: ~5 units a match; walk: ~1 unit a row walked, about
	 * keep × rows / matches of them */
	if (p->s->search.plan == HY_SEARCH_PLAN_JOIN ||
	    (p->s->search.plan == HY_SEARCH_PLAN_AUTO &&
	     matches * matches * 5 <= (double)p->keep * rows)) {
		rc = hy_search_scan_both(p, NULL, 1, m);
	} else {
		rc = walk(p, m, NULL);
		if (rc == 0)
			rc = score_kept(p);
	}
done:
	free(m[0].v);
	free(m[1].v);
	return rc;
}

int hy_store_search(struct hy_store *s, const char *query, const struct hy_store_filter *f,
		    enum hy_search_order order, size_t offset, size_t limit, hy_search_fn fn,
		    void *ctx, char *err, size_t errlen)
{
	struct plan p;
	struct lex L = {0};
	struct hlq q = {0};
	char *expr = NULL;
	int rc;

	if (order != HY_SEARCH_RANK && order != HY_SEARCH_DATE)
		return hy_err_set(err, errlen, HY_ERR_INVALID, _("unknown search order %d"),
				  (int)order);
	rc = hy_search_translate_lex(query, &expr, &L, err, errlen);
	if (rc)
		return rc;
	if (limit > INT32_MAX)
		limit = INT32_MAX; /* the count is returned as an int */
	memset(&p, 0, sizeof p);
	if (limit == 0 || offset > SIZE_MAX / 4 - limit)
		goto done; /* nothing that far */
	p.s = s;
	p.expr = expr;
	p.single = hy_search_one_phrase(&L);
	p.f = f;
	p.keep = offset + limit;
	p.err = err;
	p.errlen = errlen;
	hy_search_top_init(&p.out, p.keep, order == HY_SEARCH_DATE);
	rc = order == HY_SEARCH_DATE ? date_plan(&p) : rank_plan(&p);
	if (rc == 0) {
		hy_search_top_prune(&p.out);
		rc = hy_search_fill(s, &p.out, err, errlen);
	}
	if (rc == 0) {
		if (p.out.n > 1)
			qsort(p.out.v, p.out.n, sizeof *p.out.v,
			      p.out.by_date ? hy_search_cmp_date : hy_search_cmp_rank);
		if (p.out.n > p.keep)
			p.out.n = p.keep;
		rc = hy_search_hlq_init(&q, &L);
		if (rc)
			rc = hy_err_set(err, errlen, rc, _("out of memory"));
	}
	if (rc == 0)
		rc = hy_search_deliver(s, &q, &p.out, offset, fn, ctx, err, errlen);
done:
	hy_search_hlq_free(&q);
	free(p.out.v);
	free(expr);
	free(L.txt.p);
	free(L.v);
	return rc;
}

/* Distinct meetings of the section rows r plus the meetings m. Few rows:
 * each looked up; many: one pass over the sections' (meeting, n) index,
 * which holds every row id. */
static int count_meetings(struct hy_store *s, const struct rowset *r, const struct rowset *m,
			  size_t *out, char *err, size_t errlen)
{
	struct rowset ids = {0};
	sqlite3_stmt *st;
	int many = r->n > 50000, rc;

	rc = sqlite3_prepare_v2(s->db,
				many ? "SELECT id, meeting_id FROM sections"
				       " INDEXED BY sqlite_autoindex_sections_1"
				     : "SELECT id, meeting_id FROM sections"
				       " WHERE id = ?1",
				-1, &st, NULL);
	if (rc != SQLITE_OK)
		return hy_store_fail(s, sqlite3_extended_errcode(s->db),
				     N_("counting search results"), err, errlen);
	for (size_t i = 0; rc == SQLITE_OK && i < (many ? 1 : r->n); i++) {
		if (!many) {
			sqlite3_reset(st);
			sqlite3_bind_int64(st, 1, r->v[i]);
		}
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			if ((!many || hy_search_rowset_has(r, sqlite3_column_int64(st, 0))) &&
			    hy_search_rowset_add(&ids, sqlite3_column_int64(st, 1))) {
				rc = SQLITE_NOMEM;
				break;
			}
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	for (size_t i = 0; rc == SQLITE_OK && i < m->n; i++)
		if (hy_search_rowset_add(&ids, m->v[i]))
			rc = SQLITE_NOMEM;
	if (rc == SQLITE_NOMEM)
		rc = hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	else if (rc != SQLITE_OK)
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db),
				   N_("counting search results"), err, errlen);
	sqlite3_finalize(st);
	hy_search_rowset_sort(&ids);
	*out = ids.n;
	free(ids.v);
	return rc;
}

int hy_store_search_count(struct hy_store *s, const char *query, const struct hy_store_filter *f,
			  size_t *sections, size_t *meetings, char *err, size_t errlen)
{
	struct rowset r[2] = {{0}, {0}}, allow[2] = {{0}, {0}};
	struct plan p;
	size_t n = 0, nm = 0;
	char *expr = NULL;
	int rc;

	if (sections)
		*sections = 0;
	if (meetings)
		*meetings = 0;
	rc = hy_search_translate(query, &expr, err, errlen);
	if (rc)
		return rc;
	memset(&p, 0, sizeof p);
	p.s = s;
	p.expr = expr;
	p.f = f;
	p.err = err;
	p.errlen = errlen;
	rc = collect(&p, 0, &r[0]);
	if (rc == 0)
		rc = collect(&p, 1, &r[1]);
	if (rc == 0 && hy_search_any_filter(f)) {
		/* the rows of the filter's meetings, matched */
		rc = s->search.plan == HY_SEARCH_PLAN_WALK ? walk(&p, NULL, allow)
							   : allowed_rows(&p, allow);
		for (int z = 0; z < 2 && rc == 0; z++) {
			size_t k = 0;
			for (size_t i = 0; i < r[z].n; i++)
				if (hy_search_rowset_has(&allow[z], r[z].v[i]))
					r[z].v[k++] = r[z].v[i];
			r[z].n = k;
		}
	}
	if (rc == 0)
		rc = count_meetings(s, &r[0], &r[1], &nm, err, errlen);
	n = r[0].n + r[1].n;
	if (rc == 0) {
		if (sections)
			*sections = n;
		if (meetings)
			*meetings = nm;
	}
	free(r[0].v);
	free(r[1].v);
	free(allow[0].v);
	free(allow[1].v);
	free(expr);
	return rc;
}
