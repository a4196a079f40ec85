/* effects.c: run the model's effects against the store (effects.h). */
#include "huiyi/effects.h"

#include "huiyi/err.h"
#include "huiyi/grow.h"
#include "huiyi/people.h"
#include "huiyi/search.h"
#include "huiyi/trend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(struct hy_store_key) <= HY_ROW_KEY_MAX,
	       "a store key must fit in a model row");

/* Room for one more element of size `size` in *v (n used, *cap
 * allocated). 0, or HY_ERR_NOMEM with *oom set. */
static int grow(void *v, size_t n, size_t *cap, size_t size, int *oom)
{
	if (hy_grow(v, cap, n + 1, size, 64) == 0)
		return 0;
	*oom = 1;
	return HY_ERR_NOMEM;
}

struct page {
	struct hy_row *rows;
	size_t n, cap;
	enum hy_store_sort sort;
	int oom;
};

/* Rows are only valid during the callback: the model copies them later,
 * so keep borrowed copies here. */
static int on_row(const struct hy_store_row *r, void *ctx)
{
	struct page *p = ctx;
	if (grow(&p->rows, p->n, &p->cap, sizeof *p->rows, &p->oom))
		return HY_ERR_NOMEM;
	struct hy_row *o = &p->rows[p->n];
	memset(o, 0, sizeof *o);
	o->id = r->id;
	o->number = r->number;
	o->n_sections = r->n_sections;
	char date[32];
	hy_meeting_date_label(r->date, r->month_day, r->year_guessed, date, sizeof date);
	o->date = date[0] ? strdup(date) : NULL;
	o->body = r->body ? strdup(r->body) : NULL;
	o->kind = r->kind ? strdup(r->kind) : NULL;
	o->chair = r->chair ? strdup(r->chair) : NULL;
	o->title = r->title ? strdup(r->title) : NULL;
	struct hy_store_key k;
	hy_store_key_of(r, p->sort, &k);
	memcpy(o->key, &k, sizeof k);
	p->n++;
	return 0;
}

static void page_free(struct page *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->rows[i].date);
		free(p->rows[i].body);
		free(p->rows[i].kind);
		free(p->rows[i].chair);
		free(p->rows[i].title);
	}
	free(p->rows);
}

/* A page could not be read: drop it, say why on the status line, ask
 * for nothing more. 0, or HY_ERR_NOMEM (fatal). */
static int page_failed(struct hy_model *m, struct hy_effects *fx, struct page *p, int rc,
		       const char *err)
{
	page_free(p);
	hy_model_error(m, err[0] ? err : hy_err_str(rc));
	memset(fx, 0, sizeof *fx);
	return rc == HY_ERR_NOMEM ? rc : 0;
}

/* Count the list, noting the database's data_version first: a change
 * after it is seen by hy_effects_idle. */
static int count_rows(struct hy_store *s, struct hy_model *m, const struct hy_store_filter *f,
		      size_t *total, char *err, size_t errlen)
{
	int64_t v;
	if (hy_store_data_version(s, &v, err, errlen) == 0) {
		m->list.db_version = v;
		m->list.db_seen = 1;
	}
	return hy_store_count(s, f, total, err, errlen);
}

/* The list's count, its rows in hand (hy_model_count). */
static int count_alone(struct hy_store *s, struct hy_model *m, struct hy_effects *fx)
{
	struct hy_store_filter f = {m->list.filter.from, m->list.filter.to, m->list.filter.body,
				    m->list.filter.person};
	char err[256] = "";
	size_t total = 0;
	int rc = count_rows(s, m, &f, &total, err, sizeof err);
	if (rc) {
		memset(fx, 0, sizeof *fx);
		hy_model_error(m, err[0] ? err : hy_err_str(rc));
		return rc == HY_ERR_NOMEM ? rc : 0;
	}
	return hy_model_total(m, total, fx);
}

static void reverse_rows(struct hy_row *r, size_t n)
{
	for (size_t i = 0; i < n / 2; i++) {
		struct hy_row t = r[i];
		r[i] = r[n - 1 - i];
		r[n - 1 - i] = t;
	}
}

/* HY_ROWS_AT (a refresh): from one snapshot, the count, the rank of the
 * kept row, half a page before it and a page from it on. */
static int load_around(struct hy_store *s, struct hy_model *m, struct hy_effects *fx)
{
	struct hy_store_filter f = {m->list.filter.from, m->list.filter.to, m->list.filter.body,
				    m->list.filter.person};
	struct page p = {0};
	struct hy_store_key key, from;
	char err[256] = "";
	size_t total = 0, rank = 0, limit = fx->limit ? fx->limit : 200, nb = 0;
	int rc;

	p.sort = (enum hy_store_sort)m->list.sort;
	memcpy(&key, fx->key, sizeof key);
	rc = hy_store_read_begin(s, err, sizeof err);
	if (rc == 0)
		rc = count_rows(s, m, &f, &total, err, sizeof err);
	if (rc == 0)
		rc = hy_store_rank(s, &f, p.sort, &key, &rank, err, sizeof err);
	if (rc == 0) {
		int got = hy_store_page(s, &f, p.sort, &key, 1, limit / 2, on_row, &p, err,
					sizeof err);
		rc = got < 0 ? got : 0;
		nb = p.n;
		reverse_rows(p.rows, nb);
	}
	if (rc == 0) {
		if (nb)
			memcpy(&from, p.rows[nb - 1].key, sizeof from);
		int got = hy_store_page(s, &f, p.sort, nb ? &from : NULL, 0, limit, on_row, &p, err,
					sizeof err);
		rc = got < 0 ? got : 0;
	}
	hy_store_read_end(s);
	if (p.oom)
		rc = HY_ERR_NOMEM;
	if (rc)
		return page_failed(m, fx, &p, rc, err);
	rc = hy_model_rows_at(m, rank >= nb ? rank - nb : 0, rank, p.rows, p.n, total, fx);
	page_free(&p);
	return rc;
}

static int load_rows(struct hy_store *s, struct hy_model *m, struct hy_effects *fx)
{
	struct hy_store_filter f = {m->list.filter.from, m->list.filter.to, m->list.filter.body,
				    m->list.filter.person};
	struct page p = {0};
	struct hy_store_key key;
	char err[256] = "";
	size_t total = 0;
	int rc = 0, backward = fx->rows == HY_ROWS_END || fx->rows == HY_ROWS_BEFORE;
	enum hy_rows_at at = fx->rows;
	int counted = fx->count;

	p.sort = (enum hy_store_sort)m->list.sort;
	memcpy(&key, fx->key, sizeof key);
	if (counted)
		rc = count_rows(s, m, &f, &total, err, sizeof err);
	if (rc == 0) {
		const struct hy_store_key *after =
			at == HY_ROWS_AFTER || at == HY_ROWS_BEFORE ? &key : NULL;
		int got = hy_store_page(s, &f, p.sort, after, backward, fx->limit ? fx->limit : 200,
					on_row, &p, err, sizeof err);
		rc = got < 0 ? got : 0;
	}
	if (p.oom)
		rc = HY_ERR_NOMEM;
	if (rc)
		return page_failed(m, fx, &p, rc, err);
	if (backward) /* delivered last first: back into list order */
		reverse_rows(p.rows, p.n);
	rc = hy_model_rows(m, at, p.rows, p.n, counted, total, fx);
	page_free(&p);
	return rc;
}

static int count_source(const struct hy_store_source *src, void *ctx)
{
	(void)src;
	(void)ctx;
	return 0;
}

/* Meeting id, as stored (k 0) or as its source k (S). */
static int load_meeting(struct hy_store *s, struct hy_model *m, int64_t id, size_t k)
{
	struct hy_store_record r;
	char err[256] = "";
	int rc = hy_store_get(s, id, &r, err, sizeof err);
	if (rc) {
		hy_model_error(m, err[0] ? err : hy_err_str(rc));
		return rc == HY_ERR_NOMEM ? rc : 0;
	}
	int n = hy_store_sources(s, id, count_source, NULL, err, sizeof err);
	struct hy_meeting other;
	char *from = NULL;
	if (k > 0 && n > 1) {
		rc = hy_store_source_meeting(s, id, k, &other, &from, err, sizeof err);
		if (rc) {
			hy_model_error(m, err[0] ? err : hy_err_str(rc));
			hy_store_record_free(&r);
			return rc == HY_ERR_NOMEM ? rc : 0;
		}
		hy_meeting_free(&r.m);
		r.m = other;
	} else {
		k = 0;
	}
	rc = hy_model_meeting(m, id, &r.m);
	if (rc == 0 && m->reader.has_meeting && m->reader.meeting_id == id) {
		hy_model_meeting_sources(m, n > 0 ? (size_t)n : 1, k, from ? from : r.source);
		if (from) { /* for Y's citation line: what is shown */
			m->reader.source = from;
			from = NULL;
		} else {
			m->reader.source = r.source;
			r.source = NULL;
		}
	}
	free(from);
	hy_store_record_free(&r);
	return rc == HY_ERR_NOMEM ? rc : 0;
}

struct found {
	struct hy_result *v;
	size_t n, cap;
	int oom;
};

static int on_hit(const struct hy_search_hit *h, void *ctx)
{
	struct found *f = ctx;
	if (grow(&f->v, f->n, &f->cap, sizeof *f->v, &f->oom))
		return HY_ERR_NOMEM;
	struct hy_result *r = &f->v[f->n++];
	r->meeting = h->meeting;
	r->section = h->section;
	r->date = h->date ? strdup(h->date) : NULL;
	r->title = h->title ? strdup(h->title) : NULL;
	r->heading = h->heading ? strdup(h->heading) : NULL;
	r->snippet = h->snippet ? strdup(h->snippet) : NULL;
	return 0;
}

static void found_free(struct found *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->v[i].date);
		free(f->v[i].title);
		free(f->v[i].heading);
		free(f->v[i].snippet);
	}
	free(f->v);
}

static int run_search(struct hy_store *s, struct hy_model *m, struct hy_effects *fx)
{
	struct hy_store_filter f = {m->list.filter.from, m->list.filter.to, m->list.filter.body,
				    m->list.filter.person};
	struct found found = {0};
	char err[256] = "";
	size_t sections = 0, meetings = 0, limit = fx->limit ? fx->limit : 50;
	int counted = fx->count, rc = 0;
	if (counted)
		rc = hy_store_search_count(s, m->results.query, &f, &sections, &meetings, err,
					   sizeof err);
	int got = rc ? rc
		     : hy_store_search(s, m->results.query, &f, HY_SEARCH_RANK, fx->search_from,
				       limit, on_hit, &found, err, sizeof err);
	memset(fx, 0, sizeof *fx);
	if (found.oom)
		got = HY_ERR_NOMEM;
	if (got < 0) {
		found_free(&found);
		hy_model_error(m, err[0] ? err : hy_err_str(got));
		return got == HY_ERR_NOMEM ? got : 0;
	}
	rc = hy_model_results(m, found.v, found.n, counted, sections, meetings, (size_t)got < limit,
			      fx);
	found_free(&found);
	return rc;
}

/* ---- the people's screens ---- */

_Static_assert((int)HY_UI_PARTS == (int)HY_PART_COUNT && (int)HY_UI_INVITED == (int)HY_PART_INVITED,
	       "the browser's parts are the store's");
_Static_assert((int)HY_PEOPLE_SORT_LAST == (int)HY_PEOPLE_BY_LAST,
	       "the browser's orders of people are the store's");

/* A page of the people table (hy_effects.people). */
static int load_people(struct hy_store *s, struct hy_model *m, struct hy_effects *fx)
{
	const struct hy_filter *f = &m->people.filter;
	struct hy_people_query q = {
		.sort = (enum hy_people_sort)m->people.sort,
		.body = f->body,
		.from = f->from,
		.to = f->to,
		.name = f->person,
		.offset = fx->people_from,
		.limit = fx->people_limit ? fx->people_limit : 200,
		.anchor = fx->people_anchor,
		.anchor_at = fx->people_anchor_at,
		.total = fx->people_total,
	};
	struct hy_person *v = NULL;
	struct hy_person_row *rows = NULL;
	char err[256] = "";
	size_t n = 0, total = 0, from = fx->people_from;
	int counted = fx->people_count, rc = 0;
	if (counted) {
		rc = hy_store_people_count(s, &q, &total, err, sizeof err);
		q.total = total;
	}
	if (rc == 0)
		rc = hy_store_people_page(s, &q, &v, &n, err, sizeof err);
	if (rc == 0 && n && !(rows = calloc(n, sizeof *rows)))
		rc = HY_ERR_NOMEM;
	memset(fx, 0, sizeof *fx);
	if (rc) {
		hy_people_free(v, n);
		hy_model_error(m, err[0] ? err : hy_err_str(rc));
		return rc == HY_ERR_NOMEM ? rc : 0;
	}
	for (size_t i = 0; i < n; i++) { /* borrowed: the model copies them */
		rows[i].id = v[i].id;
		rows[i].name = v[i].name;
		rows[i].place = v[i].place;
		for (int p = 0; p < HY_UI_PARTS; p++)
			rows[i].count[p] = v[i].count[p];
		rows[i].total = v[i].total;
		rows[i].first = v[i].first;
		rows[i].last = v[i].last;
		rows[i].role = v[i].role;
	}
	rc = hy_model_people(m, from, rows, n, counted, total, fx);
	free(rows);
	hy_people_free(v, n);
	return rc;
}

/* One person's career (hy_effects.load_career): every role span and
 * meeting, handed over to the model. */
static int load_career(struct hy_store *s, struct hy_model *m, int64_t id)
{
	struct hy_career c;
	struct hy_ui_career u = {0};
	char err[256] = "";
	int rc = hy_store_career(s, id, 0, HY_UI_CAREER_MET, &c, err, sizeof err);
	if (rc) {
		hy_model_error(m, err[0] ? err : hy_err_str(rc));
		return rc == HY_ERR_NOMEM ? rc : 0;
	}
	/* the strings move over; the store's arrays are freed empty */
	u.id = c.who.id;
	u.name = c.who.name;
	u.place = c.who.place;
	u.first = c.who.first;
	u.last = c.who.last;
	c.who.name = c.who.place = c.who.first = c.who.last = NULL;
	for (int p = 0; p < HY_UI_PARTS; p++)
		u.count[p] = c.who.count[p];
	u.spans = c.n_roles ? calloc(c.n_roles, sizeof *u.spans) : NULL;
	u.meetings = c.n_meetings ? calloc(c.n_meetings, sizeof *u.meetings) : NULL;
	u.met = c.n_met ? calloc(c.n_met, sizeof *u.met) : NULL;
	if ((c.n_roles && !u.spans) || (c.n_meetings && !u.meetings) || (c.n_met && !u.met)) {
		hy_career_free(&c);
		hy_ui_career_clear(&u);
		return HY_ERR_NOMEM;
	}
	for (size_t i = 0; i < c.n_roles; i++, u.n_spans++) {
		u.spans[i].role = c.roles[i].role;
		u.spans[i].from = c.roles[i].from;
		u.spans[i].to = c.roles[i].to;
		c.roles[i].role = c.roles[i].from = c.roles[i].to = NULL;
	}
	for (size_t i = 0; i < c.n_meetings; i++, u.n_meetings++) {
		struct hy_appearance *a = &c.meetings[i];
		u.meetings[i].meeting = a->meeting;
		u.meetings[i].date = a->date;
		u.meetings[i].part = (int)a->part;
		u.meetings[i].role = a->role;
		u.meetings[i].title = a->title;
		a->date = a->role = a->title = NULL;
	}
	for (size_t i = 0; i < c.n_met && i < HY_UI_CAREER_MET; i++, u.n_met++) {
		u.met[i].id = c.met[i].id;
		u.met[i].name = c.met[i].name;
		u.met[i].place = c.met[i].place;
		u.met[i].count = c.met[i].count;
		c.met[i].name = c.met[i].place = NULL;
	}
	hy_career_free(&c);
	rc = hy_model_career(m, &u);
	hy_ui_career_clear(&u);
	return rc == HY_ERR_NOMEM ? rc : 0;
}

/* One meeting's people (hy_effects.load_attend). */
static int load_attend(struct hy_store *s, struct hy_model *m, int64_t meeting)
{
	struct hy_meeting_person *v = NULL;
	struct hy_attendee *a = NULL;
	char err[256] = "", *title = NULL;
	size_t n = 0;
	int rc = hy_store_meeting_people(s, meeting, &v, &n, &title, err, sizeof err);
	if (rc == 0 && n && !(a = calloc(n, sizeof *a)))
		rc = HY_ERR_NOMEM;
	if (rc) {
		hy_meeting_people_free(v, n);
		free(title);
		hy_model_error(m, err[0] ? err : hy_err_str(rc));
		return rc == HY_ERR_NOMEM ? rc : 0;
	}
	for (size_t i = 0; i < n; i++) { /* borrowed: the model copies them */
		a[i].person = v[i].id;
		a[i].name = v[i].name;
		a[i].part = (int)v[i].part;
		a[i].role = v[i].role;
	}
	rc = hy_model_attend(m, meeting, title, a, n);
	free(a);
	free(title);
	hy_meeting_people_free(v, n);
	return rc == HY_ERR_NOMEM ? rc : 0;
}

/* The trend screen's periods (fx->trend: 1 + the grouping): the corpus
 * and the search counted with the list's filter, as huiyi trend counts
 * them, every period from the first to the last, gaps too. */
static int run_trend(struct hy_store *s, struct hy_model *m, struct hy_effects *fx)
{
	struct hy_store_filter f = {m->list.filter.from, m->list.filter.to, m->list.filter.body,
				    m->list.filter.person};
	enum hy_trend_by by = (enum hy_trend_by)(fx->trend - 1);
	struct hy_trend corpus = {0}, q = {0};
	struct hy_trend_row *rows = NULL;
	size_t n = 0, cap = 0, ci = 0, qi = 0;
	char err[256] = "", p[16];
	const char *query = m->trend.query;
	int rc = hy_store_trends(s, &query, query ? 1 : 0, &f, by, &corpus, &q, err, sizeof err);
	memset(fx, 0, sizeof *fx);
	if (rc == 0 && corpus.n > 0) {
		snprintf(p, sizeof p, "%s", corpus.v[0].period);
		for (;;) {
			if (n == cap) {
				size_t ncap = cap ? cap * 2 : 64;
				struct hy_trend_row *v =
					ncap > 100000 ? NULL : realloc(rows, ncap * sizeof *v);
				if (!v) {
					rc = HY_ERR_NOMEM;
					break;
				}
				rows = v;
				cap = ncap;
			}
			struct hy_trend_row *r = &rows[n++];
			memset(r, 0, sizeof *r);
			memcpy(r->period, p, sizeof p);
			if (ci < corpus.n && strcmp(corpus.v[ci].period, p) == 0)
				r->corpus = corpus.v[ci++].meetings;
			if (qi < q.n && strcmp(q.v[qi].period, p) == 0) {
				r->meetings = q.v[qi].meetings;
				r->sections = q.v[qi++].sections;
			}
			if (ci >= corpus.n || hy_trend_next(p, by, p) != 0)
				break;
		}
	}
	size_t undated = corpus.undated;
	hy_trend_free(&corpus);
	hy_trend_free(&q);
	if (rc) {
		free(rows);
		hy_model_error(m, err[0] ? err : hy_err_str(rc));
		return rc == HY_ERR_NOMEM ? rc : 0;
	}
	return hy_model_trend(m, rows, n, undated, fx);
}

int hy_effects_run(struct hy_store *s, struct hy_model *m, struct hy_effects *fx)
{
	int rc = 0;
	for (int guard = 0; rc == 0 && guard < 64; guard++) {
		if (fx->search) {
			int quit = fx->quit;
			int64_t load = fx->load_meeting;
			rc = run_search(s, m, fx);
			fx->quit |= quit;
			if (load)
				fx->load_meeting = load;
			continue;
		}
		if (fx->trend) {
			int quit = fx->quit;
			rc = run_trend(s, m, fx);
			fx->quit |= quit;
			continue;
		}
		if (fx->load_meeting) {
			int64_t id = fx->load_meeting;
			size_t k = fx->load_source;
			fx->load_meeting = 0;
			fx->load_source = 0;
			rc = load_meeting(s, m, id, k);
			continue;
		}
		if (fx->load_career) {
			int64_t id = fx->load_career;
			fx->load_career = 0;
			rc = load_career(s, m, id);
			continue;
		}
		if (fx->load_attend) {
			int64_t id = fx->load_attend;
			fx->load_attend = 0;
			rc = load_attend(s, m, id);
			continue;
		}
		if (fx->people) {
			int quit = fx->quit;
			rc = load_people(s, m, fx);
			fx->quit |= quit;
			continue;
		}
		if (fx->count_alone) {
			rc = count_alone(s, m, fx);
			continue;
		}
		if (fx->rows == HY_ROWS_NONE)
			break;
		int quit = fx->quit;
		rc = fx->rows == HY_ROWS_AT ? load_around(s, m, fx) : load_rows(s, m, fx);
		fx->quit |= quit;
	}
	return rc;
}

int hy_effects_idle(struct hy_store *s, struct hy_model *m, struct hy_effects *fx)
{
	char err[256];
	int64_t v;
	memset(fx, 0, sizeof *fx);
	if (m->screen != HY_SCREEN_LIST || m->prompt || m->list.pending || !m->list.db_seen)
		return 0;
	if (hy_store_data_version(s, &v, err, sizeof err) || v == m->list.db_version)
		return 0; /* unchanged (or not known now: the next tick asks again) */
	hy_model_refresh(m, fx);
	int rc = hy_effects_run(s, m, fx);
	return rc < 0 ? rc : 1;
}
