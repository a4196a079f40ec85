/* trend.c: counts per period (trend.h) for huiyi trend, and the list
 * filter as SQL that trend and export share (internal.h).
 *
 * Without a body or person filter (the usual case), no meeting row is
 * read: the matching rows of both indexes (FTS5 alone), the sections'
 * meetings from the sections' (meeting_id, n) index (one lookup a match,
 * or one walk of that index when the matches are many; struct
 * hy_search_opts's plan forces one, join the lookups, walk the walk, for
 * tests), then one walk of
 * the date index (meetings_by_date: the date and the id, nothing else)
 * that counts the corpus and the matches per month. With a body or a
 * person, one statement: the matches joined to their meetings, filtered,
 * grouped by month. Either way the months are gathered into quarters or
 * years here, which is exact because a meeting has one date: its
 * matches all fall in one month. */
#include "internal.h"
#include "search_int.h"

#include "huiyi/err.h"
#include "huiyi/trend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char hy_store_filter_where[] = "(?2 IS NULL OR m.date >= ?2) AND (?3 IS NULL OR m.date <= ?3)"
				     " AND (?4 IS NULL OR instr(m.body, ?4) > 0)"
				     " AND (?5 IS NULL OR EXISTS (SELECT 1 FROM meeting_people mp"
				     "  JOIN people p ON p.id = mp.person_id"
				     "  WHERE mp.meeting_id = m.id AND instr(p.name, ?5) > 0))";

static void bind_opt(sqlite3_stmt *st, int i, const char *v)
{
	if (v && v[0])
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

void hy_store_filter_bind(sqlite3_stmt *st, const struct hy_store_filter *f)
{
	bind_opt(st, 2, f ? f->from : NULL);
	bind_opt(st, 3, f ? f->to : NULL);
	bind_opt(st, 4, f ? f->body : NULL);
	bind_opt(st, 5, f ? f->person : NULL);
}

int hy_trend_by_name(const char *name)
{
	static const char *const names[] = {"month", "quarter", "year"};

	for (int i = 0; name && i < 3; i++)
		if (strcmp(name, names[i]) == 0)
			return i; /* the order of HY_TREND_* */
	return -1;
}

static int digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int hy_trend_period(const char *date, enum hy_trend_by by, char out[16])
{
	int y, m;

	if (!date || strlen(date) < 7 || !digits(date, 4) || date[4] != '-' || !digits(date + 5, 2))
		return -1;
	y = (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + (date[3] - '0');
	m = (date[5] - '0') * 10 + (date[6] - '0');
	if (m < 1 || m > 12)
		return -1;
	switch (by) {
	case HY_TREND_MONTH:
		snprintf(out, 16, "%04d-%02d", y, m);
		return 0;
	case HY_TREND_QUARTER:
		snprintf(out, 16, "%04d-Q%d", y, (m + 2) / 3);
		return 0;
	case HY_TREND_YEAR:
		snprintf(out, 16, "%04d", y);
		return 0;
	}
	return -1;
}

int hy_trend_next(const char *p, enum hy_trend_by by, char out[16])
{
	size_t n = p ? strlen(p) : 0;
	int y, k;

	if (n < 4 || !digits(p, 4))
		return -1;
	y = atoi(p);
	switch (by) {
	case HY_TREND_MONTH:
		if (n != 7 || p[4] != '-' || !digits(p + 5, 2))
			return -1;
		k = atoi(p + 5);
		if (k < 1 || k > 12)
			return -1;
		if (k == 12) {
			y++;
			k = 0;
		}
		if (y > 9999)
			return -1;
		snprintf(out, 16, "%04d-%02d", y % 10000, (k + 1) % 100);
		return 0;
	case HY_TREND_QUARTER:
		if (n != 7 || p[4] != '-' || p[5] != 'Q' || p[6] < '1' || p[6] > '4')
			return -1;
		k = p[6] - '0';
		if (k == 4) {
			y++;
			k = 0;
		}
		if (y > 9999)
			return -1;
		snprintf(out, 16, "%04d-Q%d", y % 10000, (k + 1) % 10);
		return 0;
	case HY_TREND_YEAR:
		if (n != 4 || y >= 9999)
			return -1;
		snprintf(out, 16, "%04d", (y + 1) % 10000);
		return 0;
	}
	return -1;
}

void hy_trend_free(struct hy_trend *t)
{
	if (!t)
		return;
	free(t->v);
	memset(t, 0, sizeof *t);
}

/* Add a month's counts to the period it falls in; months come in order,
 * so its period is the last one or a new one. */
static int add(struct hy_trend *t, size_t *cap, const char *period, size_t meetings,
	       size_t sections)
{
	struct hy_trend_count *c;

	if (t->n > 0 && strcmp(t->v[t->n - 1].period, period) == 0) {
		t->v[t->n - 1].meetings += meetings;
		t->v[t->n - 1].sections += sections;
		return 0;
	}
	if (t->n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 64;
		c = realloc(t->v, ncap * sizeof *c);
		if (!c)
			return -1;
		t->v = c;
		*cap = ncap;
	}
	c = &t->v[t->n++];
	memset(c, 0, sizeof *c);
	snprintf(c->period, sizeof c->period, "%s", period);
	c->meetings = meetings;
	c->sections = sections;
	return 0;
}

/* A meeting with matches: its id and how many of its rows matched. */
struct hit {
	int64_t id;
	size_t n;
};

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

static int cmp_hit(const void *a, const void *b)
{
	int64_t x = ((const struct hit *)a)->id, y = ((const struct hit *)b)->id;
	return x < y ? -1 : x > y;
}

/* The rowids of one index that match expr, in *r (in rowid order). */
static int matching(struct hy_store *s, const char *expr, int zero, struct rowset *r)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(
		s->db,
		zero ? "SELECT rowid FROM meetings_fts WHERE meetings_fts MATCH ?1"
		     : "SELECT rowid FROM sections_fts WHERE sections_fts MATCH ?1",
		-1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (hy_search_rowset_add(r, sqlite3_column_int64(st, 0))) {
			rc = SQLITE_NOMEM;
			break;
		}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The meeting of every matching section, and every matching meeting,
 * as (meeting, rows) sorted by meeting into *out. */
static int hits_of(struct hy_store *s, const char *expr, struct hit **out, size_t *nout)
{
	struct rowset sec = {0}, mtg = {0}, ids = {0};
	unsigned char *bits = NULL;
	sqlite3_stmt *st = NULL;
	int64_t max_id = 0;
	struct hit *h = NULL;
	size_t nh = 0;
	int rc, walk;

	*out = NULL;
	*nout = 0;
	rc = matching(s, expr, 0, &sec);
	if (rc == SQLITE_OK)
		rc = matching(s, expr, 1, &mtg);
	if (rc != SQLITE_OK)
		goto done;
	hy_search_rowset_sort(&sec);
	/* a lookup costs some 50 times a step of the index walk */
	rc = sqlite3_prepare_v2(s->db, "SELECT max(id) FROM sections", -1, &st, NULL);
	if (rc != SQLITE_OK)
		goto done;
	if (sqlite3_step(st) == SQLITE_ROW)
		max_id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	walk = s->search.plan == HY_SEARCH_PLAN_WALK   ? 1
	       : s->search.plan == HY_SEARCH_PLAN_JOIN ? 0
						       : (int64_t)sec.n * 50 > max_id;
	if (sec.n == 0)
		walk = 0;
	rc = sqlite3_prepare_v2(s->db,
				walk ? "SELECT id, meeting_id FROM sections"
				       " INDEXED BY sqlite_autoindex_sections_1"
				     : "SELECT id, meeting_id FROM sections WHERE id = ?1",
				-1, &st, NULL);
	if (rc != SQLITE_OK)
		goto done;
	/* the walk tests each section against the matches: a bit per rowid
	 * up to the largest (8 MiB at most), else a binary search */
	if (walk && max_id > 0 && max_id < ((int64_t)1 << 26) &&
	    (bits = calloc((size_t)max_id / 8 + 1, 1)) != NULL)
		for (size_t i = 0; i < sec.n; i++)
			if (sec.v[i] >= 0 && sec.v[i] <= max_id)
				bits[sec.v[i] >> 3] |= (unsigned char)(1u << (sec.v[i] & 7));
	for (size_t i = 0; rc == SQLITE_OK && i < (walk ? 1 : sec.n); i++) {
		if (!walk) {
			sqlite3_reset(st);
			sqlite3_bind_int64(st, 1, sec.v[i]);
		}
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			int64_t id = sqlite3_column_int64(st, 0);
			int in = !walk  ? 1
				 : bits ? id >= 0 && id <= max_id && (bits[id >> 3] >> (id & 7) & 1)
					: hy_search_rowset_has(&sec, id);
			if (in && hy_search_rowset_add(&ids, sqlite3_column_int64(st, 1))) {
				rc = SQLITE_NOMEM;
				break;
			}
		}
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	free(bits);
	sqlite3_finalize(st);
	st = NULL;
	for (size_t i = 0; rc == SQLITE_OK && i < mtg.n; i++)
		if (hy_search_rowset_add(&ids, mtg.v[i]))
			rc = SQLITE_NOMEM;
	if (rc != SQLITE_OK)
		goto done;
	/* ids holds a meeting once per matching row: count the repeats */
	if (ids.n > 0)
		qsort(ids.v, ids.n, sizeof *ids.v, cmp_i64);
	h = malloc((ids.n ? ids.n : 1) * sizeof *h);
	if (!h) {
		rc = SQLITE_NOMEM;
		goto done;
	}
	for (size_t i = 0; i < ids.n; i++) {
		if (nh > 0 && h[nh - 1].id == ids.v[i]) {
			h[nh - 1].n++;
		} else {
			h[nh].id = ids.v[i];
			h[nh].n = 1;
			nh++;
		}
	}
	*out = h;
	*nout = nh;
	h = NULL;
done:
	free(h);
	free(sec.v);
	free(mtg.v);
	free(ids.v);
	return rc;
}

/* The fast way (no body or person): the date index walked once, each
 * meeting counted in its month, and its matches with it. */
static int by_index(struct hy_store *s, const char *expr, const struct hy_store_filter *f,
		    enum hy_trend_by by, struct hy_trend *out, char *err, size_t errlen)
{
	static const char walk_sql[] = "SELECT ifnull(date, ''), id FROM meetings"
				       " INDEXED BY meetings_by_date"
				       " WHERE ifnull(date, '') >= ?1 AND ifnull(date, '') <= ?2"
				       " ORDER BY ifnull(date, '')";
	struct hit *hits = NULL;
	size_t nhits = 0, cap = 0, nm = 0, ns = 0;
	char month[16] = "", period[16];
	int have = 0, rc = SQLITE_OK;
	sqlite3_stmt *st = NULL;

	if (expr)
		rc = hits_of(s, expr, &hits, &nhits);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(s->db, walk_sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		goto done;
	/* a bound leaves out the unknown dates (''), as the list does */
	sqlite3_bind_text(st, 1, f && f->from ? f->from : f && f->to ? "0" : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, f && f->to ? f->to : "\x7f", -1, SQLITE_STATIC);
	for (;;) {
		const char *d = NULL;
		int64_t id = 0;
		struct hit key, *h = NULL;
		int row;

		rc = sqlite3_step(st);
		row = rc == SQLITE_ROW;
		if (row) {
			d = (const char *)sqlite3_column_text(st, 0);
			id = sqlite3_column_int64(st, 1);
			if (!d)
				d = "";
		}
		/* a new month: the last one's counts go in */
		if (have && (!row || strncmp(d, month, 7) != 0 || strlen(d) < 7)) {
			if (hy_trend_period(month, by, period) != 0)
				out->undated += nm;
			else if (add(out, &cap, period, nm, ns) != 0) {
				rc = SQLITE_NOMEM;
				break;
			}
			have = 0;
		}
		if (!row)
			break;
		if (!have) {
			snprintf(month, sizeof month, "%.7s", d);
			nm = ns = 0;
			have = 1;
		}
		key.id = id;
		if (nhits)
			h = bsearch(&key, hits, nhits, sizeof *hits, cmp_hit);
		if (!expr) {
			nm++;
		} else if (h) {
			nm++;
			ns += h->n;
		}
	}
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
done:
	sqlite3_finalize(st);
	free(hits);
	if (rc == SQLITE_NOMEM)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
	if (rc != SQLITE_OK)
		return hy_store_fail(s, sqlite3_extended_errcode(s->db), "counting per period", err,
				     errlen);
	return 0;
}

int hy_store_trend(struct hy_store *s, const char *query, const struct hy_store_filter *f,
		   enum hy_trend_by by, struct hy_trend *out, char *err, size_t errlen)
{
	static const char match_sql[] =
		"WITH hit(mid) AS ("
		" SELECT s.meeting_id FROM sections_fts"
		"  JOIN sections s ON s.id = sections_fts.rowid"
		"  WHERE sections_fts MATCH ?1"
		" UNION ALL"
		" SELECT rowid FROM meetings_fts WHERE meetings_fts MATCH ?1)"
		" SELECT substr(m.date, 1, 7), count(DISTINCT m.id), count(*)"
		" FROM hit JOIN meetings m ON m.id = hit.mid WHERE ";
	static const char corpus_sql[] = "SELECT substr(m.date, 1, 7), count(*), 0 FROM meetings m"
					 " WHERE ";
	static const char tail_sql[] = " GROUP BY 1 ORDER BY 1";
	char sql[sizeof match_sql + sizeof hy_store_filter_where + sizeof tail_sql];
	sqlite3_stmt *st = NULL;
	char *expr = NULL;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (query) {
		rc = hy_search_translate(query, &expr, err, errlen);
		if (rc)
			return rc;
	}
	if (!f || (!f->body && !f->person)) {
		rc = by_index(s, expr, f, by, out, err, errlen);
		free(expr);
		if (rc)
			hy_trend_free(out);
		return rc;
	}
	snprintf(sql, sizeof sql, "%s%s%s", query ? match_sql : corpus_sql, hy_store_filter_where,
		 tail_sql);
	rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		free(expr);
		return hy_store_fail(s, sqlite3_extended_errcode(s->db), "counting per period", err,
				     errlen);
	}
	if (expr)
		sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
	hy_store_filter_bind(st, f);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *month = (const char *)sqlite3_column_text(st, 0);
		size_t nm = (size_t)sqlite3_column_int64(st, 1);
		size_t ns = (size_t)sqlite3_column_int64(st, 2);
		char period[16];

		if (hy_trend_period(month, by, period) != 0) {
			out->undated += nm; /* no date, or none we can read */
			continue;
		}
		if (add(out, &cap, period, nm, ns) != 0) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	if (rc == SQLITE_NOMEM)
		rc = hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
	else if (rc != SQLITE_DONE)
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db), "counting per period", err,
				   errlen);
	else
		rc = 0;
	sqlite3_finalize(st);
	free(expr);
	if (rc)
		hy_trend_free(out);
	return rc;
}
