/* query.c: the meeting list in three orders: keyset pages, counts and
 * ranks, each level of a page one index range (the filter and the key
 * are resolved first, list_filter.c; one meeting back is record.c). */
#include "list.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The list.
 *
 * An order is a tuple of key expressions (the same text as the indexes of
 * schema v2 in db.c: sqlite matches index expressions by their form):
 *   date   (DK DESC, id DESC)
 *   body   (BK ASC, DK DESC, id DESC)
 *   number (NK DESC, DK DESC, id DESC)
 * The rows strictly after a key (k0, k1, ..., kn) are the union of n + 1
 * disjoint ranges, read nearest first: level n is "k0..kn-1 equal, column
 * n after kn", ..., level 0 is "column 0 after k0". Each level is one
 * index range read in index order (ORDER BY names only the columns the
 * level does not fix: sqlite 3.40 sorts again when it sees an expression
 * that an equality fixes), so a page costs a few seeks plus the rows it
 * reads, at any depth. Backward is the same with the comparisons and the
 * ORDER BY turned around. No key: one range, the whole list.
 *
 * Filters, resolved once per call:
 * - body: against the bodies table. When the substring names at most
 *   MAX_MERGE bodies, every body is a stream of its own, read from an
 *   index that starts with the body (body = ? is one range), and the
 *   streams are merged here by the order's comparison: a rare body is as
 *   fast as the whole list. More bodies: one stream that tests the
 *   substring on every index entry it passes (counts still go body by
 *   body up to MAX_NAMES bodies: they need no merge).
 * - date: a range on the date column where the level leaves that column
 *   free, else a test on the index entries. In the body and number
 *   orders a page with a date filter walks the distinct bodies (numbers)
 *   instead: one seek finds the next value, one range reads its dates,
 *   so a narrow date range costs a few seeks per value, not a pass over
 *   every entry between two matches. The body order walks as well when
 *   the body filter is tested per row: bodies it does not take are
 *   stepped over by a seek each.
 * - person: the matching people's ids (up to MAX_PEOPLE, else a
 *   subquery). When their meetings are few for the page asked (see
 *   person_mode), each level reads just those meetings by id and sorts
 *   them (NOT INDEXED: the one place a sort is right); else the level
 *   walks its index and tests each row against meeting_people (v19: the
 *   meeting's appearances, which hold the names). Counts
 *   always read the meetings by id. */
#define BK "ifnull(m.body, x'')"
#define DK "ifnull(m.date, '')"
#define NK "ifnull(m.number, 0)"

enum col { C_BODY, C_DATE, C_NUM, C_ID };

static const struct {
	const char *expr;
	int asc; /* ascending in list order */
} col_info[] = {
	[C_BODY] = {BK, 1},
	[C_DATE] = {DK, 0},
	[C_NUM] = {NK, 0},
	[C_ID] = {"m.id", 0},
};

static const struct {
	enum col col[3];
	int n;
} orders[] = {
	[HY_SORT_DATE] = {{C_DATE, C_ID}, 2},
	[HY_SORT_BODY] = {{C_BODY, C_DATE, C_ID}, 3},
	[HY_SORT_NUMBER] = {{C_NUM, C_DATE, C_ID}, 3},
};

/* sqlite's BINARY collation: bytes, then length. */
static int cmp_bytes(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);
	if (c)
		return c < 0 ? -1 : 1;
	return an < bn ? -1 : an > bn;
}

/* BK: an unknown body (a BLOB) after every text. */
static int cmp_body(const char *a, size_t an, const char *b, size_t bn)
{
	if (!a || !b)
		return !a - !b;
	return cmp_bytes(a, an, b, bn);
}

static int cmp_i64(int64_t a, int64_t b)
{
	return a < b ? -1 : a > b;
}

/* The key expression of col, ascending. */
static int cmp_col(enum col c, const struct sv *a, const struct sv *b)
{
	switch (c) {
	case C_BODY:
		return cmp_body(a->body, a->blen, b->body, b->blen);
	case C_DATE:
		return cmp_bytes(a->date, a->dlen, b->date, b->dlen);
	case C_NUM:
		return cmp_i64(a->num, b->num);
	case C_ID:
		break;
	}
	return cmp_i64(a->id, b->id);
}

/* < 0 when a comes first in the list order of sort. */
static int cmp_list(enum hy_store_sort sort, const struct sv *a, const struct sv *b)
{
	for (int i = 0; i < orders[sort].n; i++) {
		enum col c = orders[sort].col[i];
		int r = cmp_col(c, a, b);
		if (r)
			return col_info[c].asc ? r : -r;
	}
	return 0;
}

/* One range chain: a level query at a time, kept in a pooled statement.
 * The order's first column may be fixed (pfx): BK = pbody (one body of
 * the filter, or of a walk; NULL: unknown) or NK = pnum (a walk). */
enum { PFX_NONE, PFX_BODY, PFX_NUM };

struct stream {
	int pfx;
	const char *pbody;
	size_t pblen;
	int64_t pnum;
	int walk;      /* move pfx on to the next value when done with it */
	int walk_from; /* the walk has a current value (else: the first) */
	char *wbuf;    /* walk: the current body */
	size_t wcap;
	enum col col[3]; /* the order's columns, less a fixed body */
	int ncol;
	int level, stop; /* levels level..stop remain (-1: no key) */
	int keyed;       /* one query for all levels: "after the key" as one
			  * condition (reading by id: no ranges to keep) */
	int slot;        /* pool slot of the running query, or -1 */
	int has_row;
	struct sv cur; /* the current row, while has_row */
};

struct run {
	struct hy_store *s;
	enum hy_store_sort sort;
	int backward;
	int count;            /* count(*) queries instead of rows */
	const struct sv *key; /* NULL: no key */
	const struct flt *f;
	size_t left; /* rows still wanted (the LIMIT of a new level) */
	char *err;
	size_t errlen;
};

/* A query being built: SQL text and its parameters, in order. */
enum { B_TEXT, B_BLOB0, B_INT };

struct q {
	char sql[3072];
	size_t n;
	int terms;
	struct {
		int type;
		const char *s;
		size_t n;
		int64_t i;
	} b[16 + MAX_PEOPLE];
	int nb;
};

static void q_add(struct q *q, const char *s)
{
	size_t l = strlen(s);
	if (q->n + l < sizeof q->sql) { /* sized for the longest shape */
		memcpy(q->sql + q->n, s, l + 1);
		q->n += l;
	}
}

/* " WHERE " before the first term, " AND " before the others. */
static void q_term(struct q *q, const char *a, const char *b, const char *c)
{
	q_add(q, q->terms++ ? " AND " : " WHERE ");
	q_add(q, a);
	q_add(q, b);
	q_add(q, c);
}

static void q_text(struct q *q, const char *s, size_t n)
{
	q->b[q->nb].type = s ? B_TEXT : B_BLOB0;
	q->b[q->nb].s = s;
	q->b[q->nb].n = n;
	q->nb++;
}

static void q_int(struct q *q, int64_t i)
{
	q->b[q->nb].type = B_INT;
	q->b[q->nb].i = i;
	q->nb++;
}

/* The value of col in v as a parameter. */
static void q_val(struct q *q, enum col c, const struct sv *v)
{
	switch (c) {
	case C_BODY:
		q_text(q, v->body, v->blen);
		break;
	case C_DATE:
		q_text(q, v->date, v->dlen);
		break;
	case C_NUM:
		q_int(q, v->num);
		break;
	case C_ID:
		q_int(q, v->id);
		break;
	}
}

/* The tighter of two lower (lower = 1) or upper bounds; at equal values
 * the exclusive one. */
static struct bound tighter(struct bound a, struct bound b, int lower)
{
	int c;
	if (!a.set)
		return b;
	if (!b.set)
		return a;
	c = cmp_bytes(a.v, a.n, b.v, b.n);
	if (c == 0)
		return a.incl ? b : a;
	return (c > 0) == lower ? a : b;
}

static int in_range(const struct bound *lo, const struct bound *hi, const char *v, size_t n)
{
	if (lo->set) {
		int c = cmp_bytes(v, n, lo->v, lo->n);
		if (c < 0 || (c == 0 && !lo->incl))
			return 0;
	}
	if (hi->set) {
		int c = cmp_bytes(v, n, hi->v, hi->n);
		if (c > 0 || (c == 0 && !hi->incl))
			return 0;
	}
	return 1;
}

static const char *index_of(enum hy_store_sort sort, int pfx)
{
	switch (sort) {
	case HY_SORT_BODY:
		return "meetings_by_body";
	case HY_SORT_NUMBER:
		return pfx == PFX_BODY ? "meetings_by_body_number" : "meetings_by_number";
	case HY_SORT_DATE:
		break;
	}
	return pfx == PFX_BODY ? "meetings_by_body" : "meetings_by_date";
}

/* The ids of the people the person filter names: a list of parameters
 * (its length rounded up to a power of two, so a few shapes serve every
 * list), or a subquery when they are many. */
static void q_people(struct q *q, const struct flt *f)
{
	size_t n = 1;
	if (f->many_people) {
		q_add(q, "(SELECT p.id FROM people p WHERE instr(p.name, ?) > 0)");
		q_text(q, f->person, strlen(f->person));
		return;
	}
	while (n < f->npid)
		n *= 2;
	q_add(q, "(");
	for (size_t i = 0; i < n; i++) {
		q_add(q, i ? ", ?" : "?");
		q_int(q, f->pid[i < f->npid ? i : f->npid - 1]);
	}
	q_add(q, ")");
}

/* (v19) The meetings of the names the person filter names, through the
 * persons of their keys (internal.h HY_NAMED_KEYED; a name the list
 * finds has letters): the names many, tested as they are read (a list of
 * their ids would read each name's row twice). */
static void q_named(struct q *q, const struct flt *f)
{
	if (f->many_people) {
		q_add(q, HY_NAMED_KEYED("instr(p.name, ?) > 0"));
		q_text(q, f->person, strlen(f->person));
		return;
	}
	q_add(q, HY_NAMED_KEYED("p.id IN "));
	q_people(q, f);
}

#define ROW_COLS                                                                                   \
	"m.id, m.date, m.body, m.kind, m.number, m.chair, m.title,"                                \
	" (SELECT count(*) FROM sections x WHERE x.meeting_id = m.id),"                            \
	" m.published, instr(ifnull(m.guessed, ''), 'year') > 0, m.month_day"

/* The query of the stream's current level into q. Returns 0, or 1 when
 * the level cannot hold a row (skip it). */
static int build(const struct run *r, const struct stream *st, struct q *q)
{
	const struct flt *f = r->f;
	struct bound lo = f->lo, hi = f->hi;
	int level = st->level, date_free = 1;

	memset(q, 0, sizeof *q);
	q_add(q, r->count ? "SELECT count(*)" : "SELECT " ROW_COLS);
	if (f->person && f->by_id) {
		q_add(q, " FROM meetings m NOT INDEXED");
	} else {
		q_add(q, " FROM meetings m INDEXED BY ");
		/* a count with no range: the index that holds the body */
		q_add(q, r->count && f->per_row && level < 0 && !st->pfx
				 ? "meetings_by_body"
				 : index_of(r->sort, st->pfx));
	}
	if (st->pfx == PFX_BODY) {
		q_term(q, BK, " = ?", "");
		q_text(q, st->pbody, st->pblen);
	} else if (st->pfx == PFX_NUM) {
		q_term(q, NK, " = ?", "");
		q_int(q, st->pnum);
	}
	if (st->keyed) { /* (c0 > k0) OR (c0 = k0 AND c1 > k1) OR ... */
		q_term(q, "(", "", "");
		for (int j = 0; j < st->ncol; j++) {
			enum col c = st->col[j];
			int gt = col_info[c].asc != r->backward;
			q_add(q, j ? " OR (" : "(");
			for (int i = 0; i < j; i++) {
				q_add(q, col_info[st->col[i]].expr);
				q_add(q, " = ? AND ");
				q_val(q, st->col[i], r->key);
			}
			q_add(q, col_info[c].expr);
			q_add(q, gt ? " > ?)" : " < ?)");
			q_val(q, c, r->key);
		}
		q_add(q, ")");
	}
	for (int i = 0; i < level; i++) { /* fixed to the key's values */
		enum col c = st->col[i];
		if (c == C_DATE) {
			if (!in_range(&lo, &hi, r->key->date, r->key->dlen))
				return 1;
			date_free = 0;
		}
		q_term(q, col_info[c].expr, " = ?", "");
		q_val(q, c, r->key);
	}
	if (level >= 0) { /* the column that moves past the key */
		enum col c = st->col[level];
		int gt = col_info[c].asc != r->backward;
		if (c == C_DATE) {
			struct bound k = {1, 0, r->key->date, r->key->dlen};
			if (gt)
				lo = tighter(lo, k, 1);
			else
				hi = tighter(hi, k, 0);
		} else {
			q_term(q, col_info[c].expr, gt ? " > ?" : " < ?", "");
			q_val(q, c, r->key);
		}
	}
	if (date_free) {
		if (lo.set && hi.set) {
			int c = cmp_bytes(lo.v, lo.n, hi.v, hi.n);
			if (c > 0 || (c == 0 && !(lo.incl && hi.incl)))
				return 1;
		}
		if (lo.set) {
			q_term(q, DK, lo.incl ? " >= ?" : " > ?", "");
			q_text(q, lo.v, lo.n);
		}
		if (hi.set) {
			q_term(q, DK, hi.incl ? " <= ?" : " < ?", "");
			q_text(q, hi.v, hi.n);
		}
	}
	if (f->body && f->per_row) {
		q_term(q, "instr(" BK ", ?) > 0", "", "");
		q_text(q, f->body, strlen(f->body));
	}
	if (f->person && f->by_id && r->s->version >= 19) {
		/* the names' appearances (a name the list finds has letters) */
		q_term(q, "m.id IN (", "", "");
		q_named(q, f);
		q_add(q, ")");
	} else if (f->person && r->s->version >= 19) {
		q_term(q, "EXISTS (SELECT 1 FROM appearances a",
		       " WHERE a.meeting_id = m.id AND +a.name_id IN ", "");
		q_people(q, f);
		q_add(q, ")");
	} else if (f->person && f->by_id) {
		q_term(q, "m.id IN (SELECT mp.meeting_id FROM meeting_people mp",
		       " WHERE mp.person_id IN ", "");
		q_people(q, f);
		q_add(q, ")");
	} else if (f->person) {
		/* +: look the meeting's links up, do not walk the ids */
		q_term(q, "EXISTS (SELECT 1 FROM meeting_people mp",
		       " WHERE mp.meeting_id = m.id AND +mp.person_id IN ", "");
		q_people(q, f);
		q_add(q, ")");
	}
	if (r->count)
		return 0;
	q_add(q, " ORDER BY ");
	for (int i = level < 0 ? 0 : level; i < st->ncol; i++) {
		enum col c = st->col[i];
		if (i > (level < 0 ? 0 : level))
			q_add(q, ", ");
		q_add(q, col_info[c].expr);
		q_add(q, col_info[c].asc != r->backward ? " ASC" : " DESC");
	}
	q_add(q, " LIMIT ?");
	q_int(q, r->left > INT64_MAX ? INT64_MAX : (int64_t)r->left);
	return 0;
}

/* Prepare (from the pool) and bind the query q. */
static int start(struct run *r, const struct q *q, int *slot)
{
	sqlite3_stmt *st;
	int rc = hy_store_pool_get(r->s, q->sql, slot, r->err, r->errlen);
	if (rc)
		return rc;
	st = r->s->pool[*slot].st;
	for (int i = 0; i < q->nb; i++) {
		if (q->b[i].type == B_TEXT)
			rc = sqlite3_bind_text64(st, i + 1, q->b[i].s, q->b[i].n, SQLITE_STATIC,
						 SQLITE_UTF8);
		else if (q->b[i].type == B_BLOB0)
			rc = sqlite3_bind_zeroblob(st, i + 1, 0);
		else
			rc = sqlite3_bind_int64(st, i + 1, q->b[i].i);
		if (rc != SQLITE_OK) {
			rc = hy_store_fail(r->s, rc, N_("listing meetings"), r->err, r->errlen);
			hy_store_pool_put(r->s, *slot);
			*slot = -1;
			return rc;
		}
	}
	return 0;
}

/* Set up stream st, positioned before its first level: the whole list
 * (PFX_NONE), one body of the filter (PFX_BODY, pbody), or with walk a
 * walk over the values of the order's first column. */
static void stream_init(const struct run *r, struct stream *st, int pfx, const char *pbody,
			int walk)
{
	enum col lead = orders[r->sort].col[0];
	int lv;

	memset(st, 0, sizeof *st);
	st->slot = -1;
	st->pfx = pfx;
	st->pbody = pbody;
	st->pblen = pbody ? strlen(pbody) : 0;
	st->walk = walk;
	for (int i = 0; i < orders[r->sort].n; i++) {
		enum col c = orders[r->sort].col[i];
		if (!((pfx == PFX_BODY && c == C_BODY) || (pfx == PFX_NUM && c == C_NUM)))
			st->col[st->ncol++] = c;
	}
	lv = r->key ? st->ncol - 1 : -1;
	if (walk) {
		/* from the key's value, or (no key) from the first one */
		st->walk_from = r->key != NULL;
		if (r->key && lead == C_BODY) {
			st->pbody = r->key->body;
			st->pblen = r->key->blen;
		} else if (r->key) {
			st->pnum = r->key->num;
		} else {
			lv = -2;
		}
	} else if (r->key && pfx == PFX_BODY && lead == C_BODY) {
		/* the whole stream is after the key, at it, or before it */
		int c = cmp_body(pbody, st->pblen, r->key->body, r->key->blen);
		if (r->backward)
			c = -c;
		if (c > 0)
			lv = -1;
		else if (c < 0)
			lv = -2; /* nothing */
	}
	st->level = lv;
	st->stop = lv == -1 ? -1 : 0;
	if (lv >= 0 && r->f->person && r->f->by_id) {
		st->keyed = 1;
		st->level = st->stop = -1;
	}
}

/* A walk's next value of the order's first column after the current one
 * (the first one if none yet): one index seek, repeated past bodies the
 * body filter does not take. Returns 0 (the stream reads that value's
 * rows next), 1 at the end, or < 0. */
static int walk_next(struct run *r, struct stream *st)
{
	enum col lead = orders[r->sort].col[0];
	int gt = col_info[lead].asc != r->backward;

	for (;;) {
		sqlite3_stmt *ps;
		struct q q;
		int slot, rc;

		memset(&q, 0, sizeof q);
		q_add(&q, "SELECT ");
		q_add(&q, col_info[lead].expr);
		q_add(&q, " FROM meetings m INDEXED BY ");
		q_add(&q, lead == C_BODY ? "meetings_by_body" : "meetings_by_number");
		if (st->walk_from) {
			q_term(&q, col_info[lead].expr, gt ? " > ?" : " < ?", "");
			if (lead == C_BODY)
				q_text(&q, st->pbody, st->pblen);
			else
				q_int(&q, st->pnum);
		}
		q_add(&q, " ORDER BY ");
		q_add(&q, col_info[lead].expr);
		q_add(&q, gt ? " ASC LIMIT 1" : " DESC LIMIT 1");
		rc = start(r, &q, &slot);
		if (rc)
			return rc;
		ps = r->s->pool[slot].st;
		rc = sqlite3_step(ps);
		if (rc == SQLITE_DONE) {
			hy_store_pool_put(r->s, slot);
			return 1;
		}
		if (rc != SQLITE_ROW) {
			rc = hy_store_fail(r->s, sqlite3_extended_errcode(r->s->db),
					   N_("listing meetings"), r->err, r->errlen);
			hy_store_pool_put(r->s, slot);
			return rc;
		}
		st->walk_from = 1;
		if (lead == C_NUM) {
			st->pnum = sqlite3_column_int64(ps, 0);
		} else if (sqlite3_column_type(ps, 0) == SQLITE_BLOB) {
			st->pbody = NULL; /* unknown: the last */
			st->pblen = 0;
		} else {
			const char *b = (const char *)sqlite3_column_text(ps, 0);
			size_t n = (size_t)sqlite3_column_bytes(ps, 0);
			if (!b || n + 1 > st->wcap) {
				char *nb = b ? realloc(st->wbuf, n + 1) : NULL;
				if (!nb) {
					hy_store_pool_put(r->s, slot);
					return hy_err_set(r->err, r->errlen, HY_ERR_NOMEM,
							  _("out of memory"));
				}
				st->wbuf = nb;
				st->wcap = n + 1;
			}
			memcpy(st->wbuf, b, n);
			st->wbuf[n] = 0;
			st->pbody = st->wbuf;
			st->pblen = n;
		}
		hy_store_pool_put(r->s, slot);
		if (lead == C_BODY && r->f->body && r->f->per_row &&
		    (!st->pbody || !strstr(st->pbody, r->f->body)))
			continue; /* a body the filter does not take */
		st->level = st->stop = -1;
		return 0;
	}
}

static void stream_close(struct run *r, struct stream *st)
{
	if (st->slot >= 0)
		hy_store_pool_put(r->s, st->slot);
	st->slot = -1;
	st->has_row = 0;
}

static void read_sv(sqlite3_stmt *st, struct sv *v)
{
	v->id = sqlite3_column_int64(st, 0);
	v->date = (const char *)sqlite3_column_text(st, 1);
	v->dlen = (size_t)sqlite3_column_bytes(st, 1);
	if (!v->date) {
		v->date = "";
		v->dlen = 0;
	}
	v->body = (const char *)sqlite3_column_text(st, 2);
	v->blen = (size_t)sqlite3_column_bytes(st, 2);
	v->num = sqlite3_column_int64(st, 4);
}

/* Move st to its next row (has_row = 0 at the end). */
static int stream_next(struct run *r, struct stream *st)
{
	st->has_row = 0;
	for (;;) {
		int rc;
		if (st->slot < 0) {
			struct q q;
			if (st->level < st->stop) {
				if (!st->walk)
					return 0;
				rc = walk_next(r, st);
				if (rc)
					return rc < 0 ? rc : 0;
				continue;
			}
			if (build(r, st, &q)) {
				st->level--;
				continue;
			}
			rc = start(r, &q, &st->slot);
			if (rc)
				return rc;
		}
		rc = sqlite3_step(r->s->pool[st->slot].st);
		if (rc == SQLITE_ROW) {
			read_sv(r->s->pool[st->slot].st, &st->cur);
			st->has_row = 1;
			return 0;
		}
		if (rc != SQLITE_DONE) {
			rc = hy_store_fail(r->s, sqlite3_extended_errcode(r->s->db),
					   N_("listing meetings"), r->err, r->errlen);
			stream_close(r, st);
			return rc;
		}
		stream_close(r, st);
		st->level--;
	}
}

/* Add the count of every level of st to *n. */
static int stream_count(struct run *r, struct stream *st, size_t *n)
{
	for (; st->level >= st->stop; st->level--) {
		sqlite3_stmt *ps;
		struct q q;
		int rc;
		if (build(r, st, &q))
			continue;
		rc = start(r, &q, &st->slot);
		if (rc)
			return rc;
		ps = r->s->pool[st->slot].st;
		rc = sqlite3_step(ps);
		if (rc != SQLITE_ROW) {
			rc = hy_store_fail(r->s, sqlite3_extended_errcode(r->s->db),
					   N_("counting meetings"), r->err, r->errlen);
			stream_close(r, st);
			return rc;
		}
		*n += (size_t)sqlite3_column_int64(ps, 0);
		stream_close(r, st);
	}
	return 0;
}

/* How a page reads a person's meetings: by id then sorted (by_id), or by
 * walking the order's index and testing each row. By id costs about the
 * number of links L; walking costs about limit * N / L rows for N
 * meetings. By id when L * L <= limit * N (N from the largest id, L
 * counted only that far). */
static int person_mode(struct run *r, struct flt *f, size_t limit)
{
	static const char max_sql[] = "SELECT ifnull(max(id), 0) FROM meetings";
	struct hy_store *s = r->s;
	struct q q;
	sqlite3_stmt *st;
	int64_t maxid = 0, links = 0;
	double cap;
	int slot, rc;

	rc = hy_store_stmt(s, HY_ST_MAX_ID, max_sql, &st, r->err, r->errlen);
	if (rc)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		maxid = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return hy_store_fail(s, sqlite3_extended_errcode(s->db), N_("counting meetings"),
				     r->err, r->errlen);
	/* the same question as the last call's (the next page of a list):
	 * its answer, which only chooses how the same rows are read */
	if (s->mode_person && strcmp(s->mode_person, f->person) == 0 && s->mode_limit == limit &&
	    s->mode_maxid == maxid) {
		f->by_id = s->mode_by_id;
		return 0;
	}
	cap = (double)limit * (double)maxid;
	memset(&q, 0, sizeof q);
	if (s->version >= 19) {
		q_add(&q, "SELECT count(*) FROM (");
		q_named(&q, f);
	} else {
		q_add(&q, "SELECT count(*) FROM (SELECT 1 FROM meeting_people mp"
			  " WHERE mp.person_id IN ");
		q_people(&q, f);
	}
	q_add(&q, " LIMIT ?)");
	/* a little over sqrt(cap): L past it decides the same */
	for (links = 1; (double)links * (double)links <= cap; links *= 2)
		;
	q_int(&q, links + 1);
	rc = start(r, &q, &slot);
	if (rc)
		return rc;
	st = s->pool[slot].st;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		links = sqlite3_column_int64(st, 0);
	else
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db),
				   N_("counting a person's meetings"), r->err, r->errlen);
	hy_store_pool_put(s, slot);
	if (rc != SQLITE_ROW)
		return rc;
	f->by_id = (double)links * (double)links <= cap;
	char *keep = strdup(f->person);
	if (keep) { /* (else asked again next time) */
		free(s->mode_person);
		s->mode_person = keep;
		s->mode_limit = limit;
		s->mode_maxid = maxid;
		s->mode_by_id = f->by_id;
	}
	return 0;
}

/* Everything a call shares: the filter, the key, the streams. */
struct call {
	struct run r;
	struct flt f;
	struct sv key;
	char *own;
	struct stream st[MAX_MERGE];
	int nst;
	int by_name; /* one stream per body of the filter */
	int none;    /* no row can match */
};

static int call_init(struct call *c, struct hy_store *s, const struct hy_store_filter *f,
		     enum hy_store_sort sort, const struct hy_store_key *k, int backward, int count,
		     char *err, size_t errlen)
{
	int rc;

	memset(c, 0, sizeof *c);
	if ((unsigned)sort > HY_SORT_NUMBER)
		return hy_err_set(err, errlen, HY_ERR_INVALID, _("unknown list order %d"),
				  (int)sort);
	c->r.s = s;
	c->r.sort = sort;
	c->r.backward = backward;
	c->r.count = count;
	c->r.err = err;
	c->r.errlen = errlen;
	c->r.f = &c->f;
	rc = hy_store_flt_init(s, f, &c->f, count ? MAX_NAMES : MAX_MERGE, err, errlen);
	if (rc < 0)
		return rc;
	if (rc == 1) {
		c->none = 1;
		return 0;
	}
	if (k && k->set) {
		rc = hy_store_key_sv(s, k, &c->key, &c->own, err, errlen);
		if (rc) {
			hy_store_flt_free(&c->f);
			return rc;
		}
		c->r.key = &c->key;
	}
	c->f.by_id = c->f.person != NULL; /* a page may change it */
	c->by_name = c->f.body && !c->f.many_names;
	c->f.per_row = c->f.body && !c->by_name;
	return 0;
}

/* The streams of a page: one per body of the filter, or one for the
 * whole list: a walk in the body and number orders with a date filter,
 * and in the body order with a body filter of many bodies (the walk
 * steps over the bodies it does not take). */
static void call_streams(struct call *c)
{
	const struct flt *f = &c->f;
	if (c->by_name) {
		for (size_t i = 0; i < f->nnames; i++)
			stream_init(&c->r, &c->st[c->nst++], PFX_BODY, f->names[i], 0);
	} else if (c->r.sort != HY_SORT_DATE && !(f->person && f->by_id) &&
		   (f->lo.set || f->hi.set || (c->r.sort == HY_SORT_BODY && f->per_row))) {
		stream_init(&c->r, &c->st[c->nst++], c->r.sort == HY_SORT_BODY ? PFX_BODY : PFX_NUM,
			    NULL, 1);
	} else {
		stream_init(&c->r, &c->st[c->nst++], PFX_NONE, NULL, 0);
	}
}

/* Count and rank: the rows of every level, body by body when the filter
 * names its bodies. */
static int call_count(struct call *c, size_t *n)
{
	struct stream st;
	int rc = 0;

	if (c->none)
		return 0;
	if (!c->by_name) {
		stream_init(&c->r, &st, PFX_NONE, NULL, 0);
		return stream_count(&c->r, &st, n);
	}
	for (size_t i = 0; i < c->f.nnames && rc == 0; i++) {
		stream_init(&c->r, &st, PFX_BODY, c->f.names[i], 0);
		rc = stream_count(&c->r, &st, n);
	}
	return rc;
}

static void call_end(struct call *c)
{
	for (int i = 0; i < c->nst; i++) {
		stream_close(&c->r, &c->st[i]);
		free(c->st[i].wbuf);
	}
	hy_store_flt_free(&c->f);
	free(c->own);
}

int hy_store_page(struct hy_store *s, const struct hy_store_filter *f, enum hy_store_sort sort,
		  const struct hy_store_key *after, int backward, size_t limit, hy_store_row_fn fn,
		  void *ctx, char *err, size_t errlen)
{
	struct call c;
	int n = 0, rc;

	if (limit == 0)
		return 0;
	if (limit > INT32_MAX)
		limit = INT32_MAX; /* the count is returned as an int */
	rc = call_init(&c, s, f, sort, after, backward != 0, 0, err, errlen);
	if (rc)
		return rc;
	if (c.none)
		goto out;
	c.r.left = limit;
	if (c.f.person) {
		rc = person_mode(&c.r, &c.f, limit);
		if (rc)
			goto out;
	}
	call_streams(&c);
	for (int i = 0; i < c.nst; i++) {
		rc = stream_next(&c.r, &c.st[i]);
		if (rc)
			goto out;
	}
	while ((size_t)n < limit) {
		struct hy_store_row row;
		struct stream *best = NULL;
		sqlite3_stmt *st;
		int stop;

		for (int i = 0; i < c.nst; i++) {
			struct stream *x = &c.st[i];
			int cmp;
			if (!x->has_row)
				continue;
			if (!best) {
				best = x;
				continue;
			}
			cmp = cmp_list(sort, &x->cur, &best->cur);
			if (c.r.backward ? cmp > 0 : cmp < 0)
				best = x;
		}
		if (!best)
			break;
		st = s->pool[best->slot].st;
		row.id = best->cur.id;
		row.date = (const char *)sqlite3_column_text(st, 1);
		row.body = best->cur.body;
		row.kind = (const char *)sqlite3_column_text(st, 3);
		row.number = sqlite3_column_int(st, 4);
		row.chair = (const char *)sqlite3_column_text(st, 5);
		row.title = (const char *)sqlite3_column_text(st, 6);
		row.n_sections = sqlite3_column_int(st, 7);
		row.published = (const char *)sqlite3_column_text(st, 8);
		row.year_guessed = sqlite3_column_int(st, 9);
		row.month_day = (const char *)sqlite3_column_text(st, 10);
		n++;
		stop = fn(&row, ctx);
		if (stop) {
			rc = stop < 0 ? stop : 0;
			goto out;
		}
		c.r.left = limit - (size_t)n;
		if ((size_t)n < limit) {
			rc = stream_next(&c.r, best);
			if (rc)
				goto out;
		}
	}
out:
	call_end(&c);
	return rc ? rc : n;
}

int hy_store_count(struct hy_store *s, const struct hy_store_filter *f, size_t *n, char *err,
		   size_t errlen)
{
	struct call c;
	int rc = call_init(&c, s, f, HY_SORT_DATE, NULL, 0, 1, err, errlen);

	*n = 0;
	if (rc)
		return rc;
	rc = call_count(&c, n);
	call_end(&c);
	return rc;
}

int hy_store_rank(struct hy_store *s, const struct hy_store_filter *f, enum hy_store_sort sort,
		  const struct hy_store_key *k, size_t *rank, char *err, size_t errlen)
{
	struct call c;
	int rc;

	*rank = 0;
	if (!k || !k->set)
		return (unsigned)sort > HY_SORT_NUMBER
			       ? hy_err_set(err, errlen, HY_ERR_INVALID, _("unknown list order %d"),
					    (int)sort)
			       : 0;
	rc = call_init(&c, s, f, sort, k, 1, 1, err, errlen);
	if (rc)
		return rc;
	rc = call_count(&c, rank);
	call_end(&c);
	return rc;
}

/* hy_store_list: the date order through hy_store_page, with a cursor. */
struct list_ctx {
	hy_store_row_fn fn;
	void *ctx;
	struct hy_store_cursor *next;
};

static int list_row(const struct hy_store_row *row, void *ctx)
{
	struct list_ctx *l = ctx;
	if (l->next) {
		l->next->set = 1;
		l->next->id = row->id;
		snprintf(l->next->key, sizeof l->next->key, "%s", row->date ? row->date : "");
	}
	return l->fn(row, l->ctx);
}

int hy_store_list(struct hy_store *s, const struct hy_store_filter *f,
		  const struct hy_store_cursor *after, size_t limit, hy_store_row_fn fn, void *ctx,
		  struct hy_store_cursor *next, char *err, size_t errlen)
{
	struct list_ctx l = {fn, ctx, next};
	struct hy_store_key k;

	memset(&k, 0, sizeof k);
	if (after && after->set) {
		size_t n = strnlen(after->key, sizeof after->key);
		k.set = 1;
		k.id = after->id;
		if (n >= sizeof k.date) /* cannot be: same size */
			n = sizeof k.date - 1;
		memcpy(k.date, after->key, n);
	}
	return hy_store_page(s, f, HY_SORT_DATE, &k, 0, limit, list_row, &l, err, errlen);
}
