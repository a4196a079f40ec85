/* trend.c: counts per period (trend.h) for huiyi trend, and the list
 * filter as SQL that trend and export share (internal.h).
 *
 * One statement: the rows of both indexes that match (sections, and a
 * meeting's title and summary as its section 0), joined to their
 * meetings, grouped by the month of the date; the months are then
 * gathered into quarters or years here, which is exact because a
 * meeting has one date: its matches all fall in one month. */
#include "internal.h"

#include "huiyi/err.h"
#include "huiyi/trend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char hy_store_filter_where[] =
	"(?2 IS NULL OR m.date >= ?2) AND (?3 IS NULL OR m.date <= ?3)"
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

	if (!date || strlen(date) < 7 || !digits(date, 4) || date[4] != '-' ||
	    !digits(date + 5, 2))
		return -1;
	y = (date[0] - '0') * 1000 + (date[1] - '0') * 100 +
	    (date[2] - '0') * 10 + (date[3] - '0');
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
		if (n != 7 || p[4] != '-' || p[5] != 'Q' || p[6] < '1' ||
		    p[6] > '4')
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
static int add(struct hy_trend *t, size_t *cap, const char *period,
	       size_t meetings, size_t sections)
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

int hy_store_trend(struct hy_store *s, const char *query,
		   const struct hy_store_filter *f, enum hy_trend_by by,
		   struct hy_trend *out, char *err, size_t errlen)
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
	static const char corpus_sql[] =
		"SELECT substr(m.date, 1, 7), count(*), 0 FROM meetings m"
		" WHERE ";
	static const char tail_sql[] = " GROUP BY 1 ORDER BY 1";
	char sql[sizeof match_sql + sizeof hy_store_filter_where +
		 sizeof tail_sql];
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
	snprintf(sql, sizeof sql, "%s%s%s", query ? match_sql : corpus_sql,
		 hy_store_filter_where, tail_sql);
	rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		free(expr);
		return hy_store_fail(s, sqlite3_extended_errcode(s->db),
				     "counting per period", err, errlen);
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
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db),
				   "counting per period", err, errlen);
	else
		rc = 0;
	sqlite3_finalize(st);
	free(expr);
	if (rc)
		hy_trend_free(out);
	return rc;
}
