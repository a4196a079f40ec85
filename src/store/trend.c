/* trend.c: counts per period (trend.h) for huiyi trend, and the list
 * filter as SQL that trend and export share (internal.h).
 *
 * Without a body or person filter (the usual case), no meeting row is
 * read: each query's matching rowids (FTS5 alone), then one walk of
 * meeting_runs (schema v9: each meeting's date and its sections' run of
 * rowids) that counts per month the corpus and, for every query at
 * once, the matching meetings and sections: a meeting's sections by a
 * binary search of its run in the sorted matches, its title and summary
 * by merging. Matching sections in no run (cleared by a hand edit; all
 * of them when struct hy_search_opts's plan is forced, for tests) go to
 * their meetings the old way, a lookup each or one walk of the
 * sections' (meeting_id, n) index. With a body or a person, one
 * statement a series: the matches joined to their meetings, filtered,
 * grouped by month. Either way the months are gathered into quarters or
 * years here, which is exact because a meeting has one date: its
 * matches all fall in one month. */
#include "internal.h"
#include "huiyi/i18n.h"
#include "search_int.h"

#include "huiyi/err.h"
#include "huiyi/trend.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char hy_store_filter_where[] = "(?2 IS NULL OR m.date >= ?2) AND (?3 IS NULL OR m.date <= ?3)"
				     " AND (?4 IS NULL OR instr(m.body, ?4) > 0)"
				     " AND (?5 IS NULL OR EXISTS (SELECT 1 FROM meeting_people mp"
				     "  JOIN people p ON p.id = mp.person_id"
				     "  WHERE mp.meeting_id = m.id AND instr(p.name, ?5) > 0))";
/* (v19: the meeting's appearances, with the names as written) */
const char hy_store_filter_where_v19[] =
	"(?2 IS NULL OR m.date >= ?2) AND (?3 IS NULL OR m.date <= ?3)"
	" AND (?4 IS NULL OR instr(m.body, ?4) > 0)"
	" AND (?5 IS NULL OR EXISTS (SELECT 1 FROM appearances a"
	"  JOIN people p ON p.id = a.name_id"
	"  WHERE a.meeting_id = m.id AND instr(p.name, ?5) > 0))";

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

struct hits {
	struct hit *v;
	size_t n, cap;
};

static int hits_add(struct hits *h, int64_t id, size_t n)
{
	if (h->n == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 256;
		struct hit *v = realloc(h->v, cap * sizeof *v);
		if (!v)
			return -1;
		h->v = v;
		h->cap = cap;
	}
	h->v[h->n].id = id;
	h->v[h->n].n = n;
	h->n++;
	return 0;
}

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

/* Sort by meeting (when not sorted yet) and add up a meeting's rows. */
static void hits_fold(struct hits *h)
{
	size_t k = 0;

	for (size_t i = 1; i < h->n; i++)
		if (h->v[i - 1].id > h->v[i].id) {
			qsort(h->v, h->n, sizeof *h->v, cmp_hit);
			break;
		}
	for (size_t i = 0; i < h->n; i++) {
		if (k > 0 && h->v[k - 1].id == h->v[i].id)
			h->v[k - 1].n += h->v[i].n;
		else
			h->v[k++] = h->v[i];
	}
	h->n = k;
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

/* The meeting of each of the sorted section rowids sec, from the
 * sections' (meeting_id, n) index, into *h (a hit each): one lookup a
 * section, or one walk of that index when they are many (struct
 * hy_search_opts's plan forces one, join the lookups, walk the walk, for
 * tests). */
static int by_lookup(struct hy_store *s, const struct rowset *sec, struct hits *h)
{
	unsigned char *bits = NULL;
	sqlite3_stmt *st = NULL;
	int64_t max_id = 0;
	int rc, walk;

	if (sec->n == 0)
		return SQLITE_OK;
	/* a lookup costs some 50 times a step of the index walk */
	rc = sqlite3_prepare_v2(s->db, "SELECT max(id) FROM sections", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW)
		max_id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	walk = s->search.plan == HY_SEARCH_PLAN_WALK   ? 1
	       : s->search.plan == HY_SEARCH_PLAN_JOIN ? 0
						       : (int64_t)sec->n * 50 > max_id;
	rc = sqlite3_prepare_v2(s->db,
				walk ? "SELECT id, meeting_id FROM sections"
				       " INDEXED BY sqlite_autoindex_sections_1"
				     : "SELECT id, meeting_id FROM sections WHERE id = ?1",
				-1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	/* the walk tests each section against the matches: a bit per rowid
	 * up to the largest (8 MiB at most), else a binary search */
	if (walk && max_id > 0 && max_id < ((int64_t)1 << 26) &&
	    (bits = calloc((size_t)max_id / 8 + 1, 1)) != NULL)
		for (size_t i = 0; i < sec->n; i++)
			if (sec->v[i] >= 0 && sec->v[i] <= max_id)
				bits[sec->v[i] >> 3] |= (unsigned char)(1u << (sec->v[i] & 7));
	for (size_t i = 0; rc == SQLITE_OK && i < (walk ? 1 : sec->n); i++) {
		if (!walk) {
			sqlite3_reset(st);
			sqlite3_bind_int64(st, 1, sec->v[i]);
		}
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			int64_t id = sqlite3_column_int64(st, 0);
			int in = !walk  ? 1
				 : bits ? id >= 0 && id <= max_id && (bits[id >> 3] >> (id & 7) & 1)
					: hy_search_rowset_has(sec, id);
			if (in && hits_add(h, sqlite3_column_int64(st, 1), 1)) {
				rc = SQLITE_NOMEM;
				break;
			}
		}
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	free(bits);
	sqlite3_finalize(st);
	return rc;
}

/* The number of months a month key (year × 12 + month − 1) can take. */
#define MONTHS (10000 * 12)

/* The month key of a date ("YYYY-MM…"), or -1 when it has none: the
 * dates hy_trend_period takes. */
static int month_key(const char *d)
{
	int y, m;

	if (!digits(d, 4) || d[4] != '-' || !digits(d + 5, 2))
		return -1;
	y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
	m = (d[5] - '0') * 10 + (d[6] - '0');
	return m >= 1 && m <= 12 ? y * 12 + m - 1 : -1;
}

/* The first of the sorted v[0..n) that is >= x (n when none). */
static size_t lower_bound(const int64_t *v, size_t n, int64_t x)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The same, starting from where the last one ended (hint): the walk
 * goes by meeting id, and the runs mostly follow in the same order, so
 * the answer is mostly hint itself or a little after it. */
static size_t seek(const int64_t *v, size_t n, size_t hint, int64_t x)
{
	size_t lo, step = 1;

	if (hint > n)
		hint = n;
	if (hint > 0 && v[hint - 1] >= x)
		return lower_bound(v, hint, x);
	if (hint == n || v[hint] >= x)
		return hint;
	/* v[lo - 1] < x: gallop to the right */
	lo = hint + 1;
	while (lo + step <= n && v[lo + step - 1] < x) {
		lo += step;
		step *= 2;
	}
	return lo + lower_bound(v + lo, step - 1 < n - lo ? step - 1 : n - lo, x);
}

/* One count under way: a query's matches (none for the corpus) and its
 * counts by month key (two a month: meetings, sections). */
struct series {
	struct hy_trend *out;
	struct rowset sec, mtg; /* matching rowids, sorted */
	unsigned char *covered; /* sec.v[i] is in a run */
	size_t next;            /* the first of mtg not walked past */
	size_t at;              /* where the last run's search ended in sec */
	size_t *month, undated, cap;
};

/* How many of the matches of x are sections in the run [first, first +
 * n) of columns col and col + 1 of st (0 when the row has none: first
 * NULL), marking them covered when mark. */
static size_t in_run(struct series *x, sqlite3_stmt *st, int col, int mark)
{
	int64_t first, n;
	size_t lo, hi;

	if (sqlite3_column_type(st, col) == SQLITE_NULL || x->sec.n == 0)
		return 0;
	first = sqlite3_column_int64(st, col);
	n = sqlite3_column_int64(st, col + 1);
	if (n <= 0 || first > INT64_MAX - n)
		return 0; /* none such is written */
	lo = seek(x->sec.v, x->sec.n, x->at, first);
	hi = seek(x->sec.v, x->sec.n, lo, first + n);
	x->at = hi;
	if (mark && hi > lo && x->covered)
		memset(x->covered + lo, 1, hi - lo);
	return hi - lo;
}

/* Count one matching meeting (rows its matching rows) in its month. */
static void count(struct series *x, int key, size_t rows)
{
	if (key < 0) {
		x->undated++;
	} else {
		x->month[2 * key]++;
		x->month[2 * key + 1] += rows;
	}
}

/* The sections of x in no run (none has one with a forced plan, or a
 * run was cleared): their meetings by by_lookup, each then read from
 * meeting_runs (its date, within the bounds; its run) and counted, as a
 * matching meeting unless the walk counted it already. */
static int uncovered(struct hy_store *s, struct series *x, int runs, sqlite3_stmt *one)
{
	struct rowset rest = {0};
	struct hits h = {0};
	int rc = SQLITE_OK;

	for (size_t i = 0; i < x->sec.n; i++)
		if (!(x->covered && x->covered[i]) && hy_search_rowset_add(&rest, x->sec.v[i])) {
			rc = SQLITE_NOMEM;
			break;
		}
	if (rc == SQLITE_OK)
		rc = by_lookup(s, &rest, &h);
	free(rest.v);
	if (rc == SQLITE_OK)
		hits_fold(&h);
	for (size_t i = 0; rc == SQLITE_OK && i < h.n; i++) {
		sqlite3_reset(one);
		sqlite3_bind_int64(one, 3, h.v[i].id);
		rc = sqlite3_step(one);
		if (rc == SQLITE_ROW) {
			int key = month_key((const char *)sqlite3_column_text(one, 0));
			int before = bsearch(&h.v[i].id, x->mtg.v, x->mtg.n, sizeof *x->mtg.v,
					     cmp_i64) != NULL;
			if (!before && runs)
				before = in_run(x, one, 1, 0) > 0;
			if (key < 0 && !before)
				x->undated++;
			else if (key >= 0 && !before)
				count(x, key, h.v[i].n);
			else if (key >= 0)
				x->month[2 * key + 1] += h.v[i].n;
			rc = SQLITE_OK;
		} else if (rc == SQLITE_DONE) {
			rc = SQLITE_OK; /* outside the bounds, or no meeting */
		}
	}
	free(h.v);
	return rc;
}

/* The fast way (no body or person): the matching rowids of each query,
 * then one walk of meeting_runs (schema v9) within the date bounds, in
 * id order: every meeting counted in its month for the corpus, and for
 * each query with its sections in its run (a binary search) and its
 * title and summary (the meetings' matches, merged); then the matching
 * sections in no run (uncovered). The months are gathered into periods
 * here, oldest first. */
static int by_index(struct hy_store *s, char *const *expr, size_t nq,
		    const struct hy_store_filter *f, enum hy_trend_by by, struct hy_trend *corpus,
		    struct hy_trend *out, char *err, size_t errlen)
{
	static const char walk_sql[] = "SELECT id, date, first, n FROM meeting_runs"
				       " WHERE date >= ?1 AND date <= ?2 ORDER BY id";
	static const char one_sql[] = "SELECT date, first, n FROM meeting_runs"
				      " WHERE id = ?3 AND date >= ?1 AND date <= ?2";
	size_t ns = nq + 1; /* the corpus first */
	struct series *v = calloc(ns, sizeof *v);
	int runs = s->search.plan == HY_SEARCH_PLAN_AUTO; /* else as before v9 (tests) */
	int rc = SQLITE_OK, lo = MONTHS, hi = -1;
	sqlite3_stmt *st = NULL, *one = NULL;
	const char *from = f && f->from ? f->from : f && f->to ? "0" : "";
	const char *to = f && f->to ? f->to : "\x7f";

	if (!v)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	v[0].out = corpus;
	for (size_t q = 0; q < ns && rc == SQLITE_OK; q++) {
		if (q > 0)
			v[q].out = &out[q - 1];
		/* calloc: the pages of months never counted are never touched */
		v[q].month = calloc(2 * (size_t)MONTHS, sizeof *v[q].month);
		if (!v[q].month)
			rc = SQLITE_NOMEM;
		if (q == 0 || rc != SQLITE_OK)
			continue;
		rc = matching(s, expr[q - 1], 0, &v[q].sec);
		if (rc == SQLITE_OK)
			rc = matching(s, expr[q - 1], 1, &v[q].mtg);
		if (rc != SQLITE_OK)
			break;
		hy_search_rowset_sort(&v[q].sec);
		hy_search_rowset_sort(&v[q].mtg);
		if (runs && v[q].sec.n && !(v[q].covered = calloc(v[q].sec.n, 1)))
			rc = SQLITE_NOMEM;
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(s->db, walk_sql, -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(s->db, one_sql, -1, &one, NULL);
	if (rc != SQLITE_OK)
		goto done;
	/* a bound leaves out the unknown dates (''), as the list does */
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(one, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(one, 2, to, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		int key = month_key((const char *)sqlite3_column_text(st, 1));

		count(&v[0], key, 0);
		if (key >= 0 && key < lo)
			lo = key;
		if (key > hi)
			hi = key;
		for (size_t q = 1; q < ns; q++) {
			struct series *x = &v[q];
			size_t rows = runs ? in_run(x, st, 2, 1) : 0;
			while (x->next < x->mtg.n && x->mtg.v[x->next] < id)
				x->next++;
			if (x->next < x->mtg.n && x->mtg.v[x->next] == id)
				rows++;
			if (rows)
				count(x, key, rows);
		}
	}
	if (rc != SQLITE_DONE)
		goto done;
	rc = SQLITE_OK;
	for (size_t q = 1; q < ns && rc == SQLITE_OK; q++)
		rc = uncovered(s, &v[q], runs, one);
	/* every month with a meeting, in every series */
	for (int k = lo; k <= hi && rc == SQLITE_OK; k++) {
		char month[16], period[16];
		if (v[0].month[2 * k] == 0)
			continue;
		snprintf(month, sizeof month, "%04d-%02d", k / 12, k % 12 + 1);
		if (hy_trend_period(month, by, period) != 0)
			continue; /* cannot be: month_key took it */
		for (size_t q = 0; q < ns && rc == SQLITE_OK; q++)
			if (v[q].out && add(v[q].out, &v[q].cap, period, v[q].month[2 * k],
					    v[q].month[2 * k + 1]) != 0)
				rc = SQLITE_NOMEM;
	}
	for (size_t q = 0; q < ns; q++)
		if (v[q].out)
			v[q].out->undated += v[q].undated;
done:
	sqlite3_finalize(st);
	sqlite3_finalize(one);
	for (size_t q = 0; q < ns; q++) {
		free(v[q].sec.v);
		free(v[q].mtg.v);
		free(v[q].covered);
		free(v[q].month);
	}
	free(v);
	if (rc == SQLITE_NOMEM)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	if (rc != SQLITE_OK)
		return hy_store_fail(s, sqlite3_extended_errcode(s->db), N_("counting per period"),
				     err, errlen);
	return 0;
}

/* With a body or a person: one statement, the matches (expr) or the
 * corpus (expr NULL) joined to their meetings, filtered, grouped by
 * month. */
static int by_sql(struct hy_store *s, const char *expr, const struct hy_store_filter *f,
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
	char sql[sizeof match_sql + sizeof hy_store_filter_where +
		 sizeof hy_store_filter_where_v19 + sizeof tail_sql];
	sqlite3_stmt *st = NULL;
	size_t cap = 0;
	int rc;

	snprintf(sql, sizeof sql, "%s%s%s", expr ? match_sql : corpus_sql, HY_STORE_FILTER_WHERE(s),
		 tail_sql);
	rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return hy_store_fail(s, sqlite3_extended_errcode(s->db), N_("counting per period"),
				     err, errlen);
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
		rc = hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	else if (rc != SQLITE_DONE)
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db), N_("counting per period"),
				   err, errlen);
	else
		rc = 0;
	sqlite3_finalize(st);
	return rc;
}

int hy_store_trends(struct hy_store *s, const char *const *queries, size_t nq,
		    const struct hy_store_filter *f, enum hy_trend_by by, struct hy_trend *corpus,
		    struct hy_trend *series, char *err, size_t errlen)
{
	char **expr = nq ? calloc(nq, sizeof *expr) : NULL;
	int rc = 0;

	if (corpus)
		memset(corpus, 0, sizeof *corpus);
	for (size_t q = 0; q < nq; q++)
		memset(&series[q], 0, sizeof series[q]);
	if (nq && !expr)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	for (size_t q = 0; rc == 0 && q < nq; q++)
		rc = hy_search_translate(queries[q], &expr[q], err, errlen);
	if (rc == 0 && (!f || (!f->body && !f->person)) && s->version >= 9) {
		rc = by_index(s, expr, nq, f, by, corpus, series, err, errlen);
	} else if (rc == 0) {
		if (corpus)
			rc = by_sql(s, NULL, f, by, corpus, err, errlen);
		for (size_t q = 0; rc == 0 && q < nq; q++)
			rc = by_sql(s, expr[q], f, by, &series[q], err, errlen);
	}
	for (size_t q = 0; q < nq; q++)
		free(expr[q]);
	free(expr);
	if (rc) {
		hy_trend_free(corpus);
		for (size_t q = 0; q < nq; q++)
			hy_trend_free(&series[q]);
	}
	return rc;
}

int hy_store_trend(struct hy_store *s, const char *query, const struct hy_store_filter *f,
		   enum hy_trend_by by, struct hy_trend *out, char *err, size_t errlen)
{
	return query ? hy_store_trends(s, &query, 1, f, by, NULL, out, err, errlen)
		     : hy_store_trends(s, NULL, 0, f, by, out, NULL, err, errlen);
}
