/* people_read.c: reading the people (people.h): the pages of everyone
 * (by an index of persons, from a row already read when there is one), how
 * many there are, who answers to a name, a career, one meeting's people. */
#include "internal.h"
#include "huiyi/i18n.h"
#include "people_int.h"

#include "huiyi/err.h"
#include "huiyi/grow.h"
#include "huiyi/people.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PERSON_COLS                                                                                \
	"id, name, place, chaired, attended, observed, invited, n, first,"                         \
	" last, role"

static const char sql_get[] = "SELECT " PERSON_COLS " FROM persons WHERE id = ?1";
static const char sql_by_key[] = "SELECT id FROM persons WHERE key = ?1 ORDER BY id";
static const char sql_by_py[] = "SELECT id FROM persons WHERE py = ?1 ORDER BY id";
static const char sql_roles[] = "SELECT role, date FROM appearances"
				" WHERE person_id = ?1 AND date > ''"
				" AND ifnull(role, '') <> '' ORDER BY date, meeting_id";
static const char sql_dated[] = "SELECT a.meeting_id, a.date, a.part, a.role, m.title"
				" FROM appearances a JOIN meetings m ON m.id = a.meeting_id"
				" WHERE a.person_id = ?1 AND a.date > ''"
				" ORDER BY a.date, a.meeting_id LIMIT ?2";
static const char sql_undated[] = "SELECT a.meeting_id, NULL, a.part, a.role, m.title"
				  " FROM appearances a JOIN meetings m ON m.id = a.meeting_id"
				  " WHERE a.person_id = ?1 AND a.date = ''"
				  " ORDER BY a.meeting_id LIMIT ?2";
/* counted from the indexes of appearances alone, the persons' rows read
 * for those shown only (a row each for everyone met was most of a
 * career's reads) */
static const char sql_met[] = "SELECT g.pid, g.c, p.name, p.place FROM"
			      " (SELECT b.person_id AS pid, count(DISTINCT b.meeting_id) AS c"
			      " FROM appearances a"
			      " JOIN appearances b ON b.meeting_id = a.meeting_id"
			      " AND b.person_id <> a.person_id AND b.person_id > 0"
			      " WHERE a.person_id = ?1"
			      " GROUP BY b.person_id ORDER BY c DESC, b.person_id LIMIT ?2) g"
			      " JOIN persons p ON p.id = g.pid ORDER BY g.c DESC, g.pid";
static const char sql_total_get[] = "SELECT n FROM people_total WHERE id = 0";
static const char sql_role_in[] = "SELECT role FROM appearances WHERE person_id = ?1"
				  " AND date BETWEEN ?2 AND ?3 AND ifnull(role, '') <> ''"
				  " ORDER BY date DESC, meeting_id DESC LIMIT 1";

static const char *const part_names[HY_PART_COUNT] = {
	"chair",
	"attendee",
	"observer",
	"invited",
};

const char *hy_part_name(enum hy_part p)
{
	return (unsigned)p < HY_PART_COUNT ? part_names[p] : "attendee";
}

int hy_part_from_name(const char *name)
{
	for (int i = 0; name && i < HY_PART_COUNT; i++)
		if (strcmp(name, part_names[i]) == 0)
			return i;
	return -1;
}

static char *col_dup(sqlite3_stmt *st, int i, int *oom)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	char *d = t ? strdup(t) : NULL;
	if (t && !d)
		*oom = 1;
	return d;
}

static void person_free(struct hy_person *p)
{
	free(p->name);
	free(p->place);
	free(p->first);
	free(p->last);
	free(p->role);
	memset(p, 0, sizeof *p);
}

void hy_people_free(struct hy_person *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		person_free(&v[i]);
	free(v);
}

/* A row of PERSON_COLS (or the filtered page's, in the same order). */
static int read_person(sqlite3_stmt *st, struct hy_person *p)
{
	int oom = 0;
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, 0);
	p->name = col_dup(st, 1, &oom);
	p->place = col_dup(st, 2, &oom);
	for (int i = 0; i < HY_PART_COUNT; i++)
		p->count[i] = (long)sqlite3_column_int64(st, 3 + i);
	p->total = (long)sqlite3_column_int64(st, 7);
	p->first = col_dup(st, 8, &oom);
	p->last = col_dup(st, 9, &oom);
	p->role = col_dup(st, 10, &oom);
	if (!p->name && !oom)
		p->name = strdup(""), oom = !p->name;
	if (!p->place && !oom)
		p->place = strdup(""), oom = !p->place;
	if (oom) {
		person_free(p);
		return HY_ERR_NOMEM;
	}
	return 0;
}

/* Step st to its end, each row a person appended to *v. */
static int read_people(struct hy_store *s, sqlite3_stmt *st, struct hy_person **v, size_t *n,
		       char *err, size_t errlen)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		/* room for 32, then doubled: full at 32, 64, ... (so rows can
		 * be appended to an earlier call's) */
		if (*n == 0 || (*n >= 32 && (*n & (*n - 1)) == 0)) {
			struct hy_person *p = realloc(*v, (*n ? *n * 2 : 32) * sizeof *p);
			if (!p)
				return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
			*v = p;
		}
		if (read_person(st, &(*v)[*n]))
			return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
		++*n;
	}
	if (rc != SQLITE_DONE)
		return hy_store_fail(s, rc, N_("reading the people"), err, errlen);
	return 0;
}

/* A person whose name (folded, the key) or pinyin holds the folded
 * substring bound to `param`: 刘, 劉, liu all find 刘锐. */
#define NAME_IN(t, param)                                                                          \
	"(instr(" t "key, " param ") > 0 OR instr(ifnull(" t "py, ''), " param ") > 0)"

/* ---- pages of everyone, by an index of persons ------------------------ */

/* Each order as its index has it: a key, its direction, then id. */
static const struct order {
	const char *key; /* as persons_by_* index it */
	int desc;
} orders[] = {
	[HY_PEOPLE_BY_COUNT] = {"n", 1},
	[HY_PEOPLE_BY_NAME] = {"sort", 0},
	[HY_PEOPLE_BY_LAST] = {"ifnull(last, '')", 1},
};

/* Which way a stretch of the order is read. */
enum walk {
	FROM_START, /* from the first row (skip: rows before the page) */
	FROM_END,   /* backward from the last row */
	ON_FROM,    /* from the anchor on, the anchor included */
	BACK_FROM,  /* backward from the row before the anchor */
};

/* Rows [skip, skip + count) of the walk w of order o (with the name
 * filter `name` if not NULL; anchor: its key k and id), appended to *v in
 * the order's direction (a backward walk's rows are turned round). The
 * walks from the anchor are two ranges of the order's index, the rows of
 * its key after (before) it and the keys after (before) it, merged: each
 * reads what the page needs, however far into the order it is. */
static int walk_page(struct hy_store *s, const struct order *o, const char *name, enum walk w,
		     sqlite3_value *k, int64_t id, size_t skip, size_t count, struct hy_person **v,
		     size_t *n, char *err, size_t errlen)
{
	int back = w == FROM_END || w == BACK_FROM;
	const char *dir = o->desc != back ? "DESC" : "ASC";
	const char *iddir = back ? "DESC" : "ASC";
	const char *filter = name ? " AND " NAME_IN("", "?4") : "";
	char *sql;
	if (w == FROM_START || w == FROM_END)
		sql = sqlite3_mprintf("SELECT " PERSON_COLS " FROM persons"
				      " WHERE 1%s ORDER BY %s %s, id %s"
				      " LIMIT ?1 OFFSET ?2",
				      filter, o->key, dir, iddir);
	else
		sql = sqlite3_mprintf("SELECT * FROM (SELECT " PERSON_COLS ", %s AS k FROM persons"
				      " WHERE %s = ?3 AND id %s ?5%s ORDER BY id %s LIMIT ?6)"
				      " UNION ALL"
				      " SELECT * FROM (SELECT " PERSON_COLS ", %s AS k FROM persons"
				      " WHERE %s %s ?3%s ORDER BY %s %s, id %s LIMIT ?6)"
				      " ORDER BY k %s, id %s LIMIT ?1 OFFSET ?2",
				      o->key, o->key, w == ON_FROM ? ">=" : "<", filter, iddir,
				      o->key, o->key, !strcmp(dir, "DESC") ? "<" : ">", filter,
				      o->key, dir, iddir, dir, iddir);
	sqlite3_stmt *st = NULL;
	int rc = sql ? sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	if (rc != SQLITE_OK)
		return hy_store_fail(s, rc, N_("reading the people"), err, errlen);
	sqlite3_bind_int64(st, 1, (sqlite3_int64)count);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)skip);
	if (k) {
		sqlite3_bind_value(st, 3, k);
		sqlite3_bind_int64(st, 5, id);
		sqlite3_bind_int64(st, 6, (sqlite3_int64)(skip + count));
	}
	if (name)
		sqlite3_bind_text(st, 4, name, -1, SQLITE_STATIC);
	size_t from = *n;
	rc = read_people(s, st, v, n, err, errlen);
	sqlite3_finalize(st);
	if (rc == 0 && back) /* turned round */
		for (size_t i = from, j = *n; i + 1 < j; i++, j--) {
			struct hy_person t = (*v)[i];
			(*v)[i] = (*v)[j - 1];
			(*v)[j - 1] = t;
		}
	return rc;
}

/* The anchor's key in order o, into *k (sqlite3_value_free); NULL when it
 * is gone or has none. */
static int anchor_key(struct hy_store *s, const struct order *o, int64_t id, sqlite3_value **k,
		      char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	char *sql = sqlite3_mprintf("SELECT %s FROM persons WHERE id = ?1", o->key);
	int rc = sql ? sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	*k = NULL;
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL &&
		    !(*k = sqlite3_value_dup(sqlite3_column_value(st, 0))))
			rc = SQLITE_NOMEM;
		else if (rc == SQLITE_ROW || rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? 0 : hy_store_fail(s, rc, N_("reading the people"), err, errlen);
}

/* A page of everyone (whose name holds q->name, tested as the index is
 * walked): from the start, from the end or from the anchor, whichever
 * reads the fewest rows before the page. */
static int order_page(struct hy_store *s, const struct hy_people_query *q, struct hy_person **out,
		      size_t *n, char *err, size_t errlen)
{
	const struct order *o = &orders[q->sort <= HY_PEOPLE_BY_LAST ? q->sort : 0];
	size_t off = q->offset, lim = q->limit, end = off + lim;
	sqlite3_value *k = NULL;
	char *name = NULL;
	int rc = 0;
	if (q->name && !(name = hy_people_key(q->name)))
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	/* rows read and thrown away by each walk */
	size_t by_start = off, by_end = SIZE_MAX, by_anchor = SIZE_MAX;
	if (lim && q->total)
		by_end = q->total > end ? q->total - end : 0;
	if (lim && q->anchor)
		by_anchor = q->anchor_at <= off  ? off - q->anchor_at
			    : q->anchor_at > end ? q->anchor_at - end
						 : 0;
	if (by_anchor < by_start && by_anchor <= by_end) {
		rc = anchor_key(s, o, q->anchor, &k, err, errlen);
		if (rc == 0 && !k)
			by_anchor = SIZE_MAX; /* gone meanwhile */
	}
	if (rc) {
	} else if (by_anchor < by_start && by_anchor <= by_end) {
		if (q->anchor_at <= off) {
			rc = walk_page(s, o, name, ON_FROM, k, q->anchor, by_anchor, lim, out, n,
				       err, errlen);
		} else {
			size_t before = (end < q->anchor_at ? end : q->anchor_at) - off;
			rc = walk_page(s, o, name, BACK_FROM, k, q->anchor, by_anchor, before, out,
				       n, err, errlen);
			if (rc == 0 && end > q->anchor_at)
				rc = walk_page(s, o, name, ON_FROM, k, q->anchor, 0,
					       end - q->anchor_at, out, n, err, errlen);
		}
	} else if (by_end < by_start) {
		size_t count = q->total > off ? (q->total < end ? q->total : end) - off : 0;
		rc = walk_page(s, o, name, FROM_END, NULL, 0, by_end, count, out, n, err, errlen);
	} else {
		rc = walk_page(s, o, name, FROM_START, NULL, 0, off, lim ? lim : (size_t)INT64_MAX,
			       out, n, err, errlen);
	}
	sqlite3_value_free(k);
	free(name);
	return rc;
}

/* The meetings a body or dates name, then their appearances: with a body,
 * along meetings_by_body (its key holds body and date, so no meeting's row
 * is read), the bodies being those of the table of them whose name holds
 * it (every distinct body, a few hundred); with dates alone, along
 * meetings_by_date. Reading every meeting's row for its body instead
 * took 1 to 2 s at 100,000 meetings. */
#define FILTERED_FROM(body)                                                                        \
	((body) ? " FROM meetings m INDEXED BY meetings_by_body"                                   \
		  " CROSS JOIN appearances a ON a.meeting_id = m.id"                               \
		: " FROM meetings m CROSS JOIN appearances a ON a.meeting_id = m.id")
#define BODY_IN(param)                                                                             \
	"AND ifnull(m.body, x'') IN (SELECT name FROM bodies"                                      \
	" WHERE instr(name, " param ") > 0)"

int hy_store_people_count(struct hy_store *s, const struct hy_people_query *q, size_t *total,
			  char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	int dates = q->from || q->to;
	int rc = hy_people_stmt(s, PS_GET, sql_get, &st, err, errlen); /* the schema has people */
	if (rc)
		return rc;
	st = NULL; /* kept by the store: not ours to finalize */
	char *name = q->name ? hy_people_key(q->name) : NULL;
	if (q->name && !name)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	char *sql;
	if (q->body || dates)
		sql = sqlite3_mprintf(
			"SELECT count(DISTINCT a.person_id)%s%s"
			" WHERE a.person_id > 0 AND %s %s %s",
			FILTERED_FROM(q->body), name ? " JOIN persons p ON p.id = a.person_id" : "",
			dates ? "ifnull(m.date, '') BETWEEN ?1 AND ?2" : "?1 = ?1 AND ?2 = ?2",
			q->body ? BODY_IN("?3") : "", name ? "AND " NAME_IN("p.", "?4") : "");
	else if (!name && s->version >= 8) {
		/* kept (people.c people_total); counted without its row */
		rc = hy_people_stmt(s, PS_TOTAL_GET, sql_total_get, &st, err, errlen);
		if (rc == 0) {
			rc = sqlite3_step(st);
			if (rc == SQLITE_ROW)
				*total = (size_t)sqlite3_column_int64(st, 0);
			sqlite3_reset(st);
			if (rc == SQLITE_ROW)
				return 0;
			if (rc != SQLITE_DONE)
				return hy_store_fail(s, rc, N_("counting the people"), err, errlen);
		} else {
			return rc;
		}
		st = NULL;
		sql = sqlite3_mprintf("SELECT count(*) FROM persons");
	} else
		sql = sqlite3_mprintf("SELECT count(*) FROM persons WHERE %s",
				      name ? NAME_IN("", "?4") : "1");
	rc = sql ? sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	if (rc == SQLITE_OK) {
		if (q->body || dates) {
			sqlite3_bind_text(st, 1, q->from ? q->from : "0", -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, q->to ? q->to : "9", -1, SQLITE_STATIC);
		}
		if (q->body)
			sqlite3_bind_text(st, 3, q->body, -1, SQLITE_STATIC);
		if (name)
			sqlite3_bind_text(st, 4, name, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*total = (size_t)sqlite3_column_int64(st, 0);
			rc = 0;
		} else {
			rc = hy_store_fail(s, rc, N_("counting the people"), err, errlen);
		}
	} else {
		rc = hy_store_fail(s, rc, N_("counting the people"), err, errlen);
	}
	sqlite3_finalize(st);
	free(name);
	return rc;
}

/* The page with a body or dates: counts over the meetings they name. */
static int filtered_page(struct hy_store *s, const struct hy_people_query *q,
			 struct hy_person **out, size_t *n, char *err, size_t errlen)
{
	static const char *const order[] = {
		[HY_PEOPLE_BY_COUNT] = "n DESC, id",
		[HY_PEOPLE_BY_NAME] = "p.sort, id",
		[HY_PEOPLE_BY_LAST] = "ifnull(last, '') DESC, id",
	};
	const char *lo = q->from ? q->from : "0", *hi = q->to ? q->to : "9";
	int dates = q->from || q->to;
	sqlite3_stmt *st = NULL;
	char *name = q->name ? hy_people_key(q->name) : NULL;
	if (q->name && !name)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	/* (person 0, v19, is a name with no letters: no person) */
	const char *where = dates ? "a.person_id > 0 AND ifnull(m.date, '') BETWEEN ?1 AND ?2"
				  : "a.person_id > 0 AND ?1 = ?1 AND ?2 = ?2";
	const char *by = order[q->sort <= HY_PEOPLE_BY_LAST ? q->sort : 0];
	char *sql;
	if (name || q->sort == HY_PEOPLE_BY_NAME)
		/* every person's row is needed: for the name or its sort key */
		sql = sqlite3_mprintf("SELECT p.id AS id, p.name, p.place,"
				      " sum(a.part = 'chair'), sum(a.part = 'attendee'),"
				      " sum(a.part = 'observer'), sum(a.part = 'invited'),"
				      " count(*) AS n, min(nullif(a.date, '')),"
				      " max(nullif(a.date, '')) AS last, NULL"
				      "%s JOIN persons p ON p.id = a.person_id"
				      " WHERE %s %s %s"
				      " GROUP BY p.id ORDER BY %s LIMIT ?3 OFFSET ?4",
				      FILTERED_FROM(q->body), where, q->body ? BODY_IN("?5") : "",
				      name ? "AND " NAME_IN("p.", "?6") : "", by);
	else
		/* the counts from the indexes alone (appearances_by_meeting
		 * holds the part and date), the persons' rows for the page
		 * only: reading a row for each of 40,000 people took most of
		 * half a second */
		sql = sqlite3_mprintf(
			"SELECT g.id, p.name, p.place, g.c, g.t, g.o, g.i, g.n, g.f,"
			" g.last, NULL"
			" FROM (SELECT a.person_id AS id,"
			" sum(a.part = 'chair') AS c, sum(a.part = 'attendee') AS t,"
			" sum(a.part = 'observer') AS o, sum(a.part = 'invited') AS i,"
			" count(*) AS n, min(nullif(a.date, '')) AS f,"
			" max(nullif(a.date, '')) AS last"
			"%s WHERE %s %s GROUP BY a.person_id"
			" ORDER BY %s LIMIT ?3 OFFSET ?4) g"
			" JOIN persons p ON p.id = g.id ORDER BY %s",
			FILTERED_FROM(q->body), where, q->body ? BODY_IN("?5") : "", by,
			q->sort == HY_PEOPLE_BY_LAST ? "ifnull(g.last, '') DESC, g.id"
						     : "g.n DESC, g.id");
	int rc = sql ? sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	if (rc != SQLITE_OK) {
		free(name);
		return hy_store_fail(s, rc, N_("reading the people"), err, errlen);
	}
	sqlite3_bind_text(st, 1, lo, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, q->limit ? (sqlite3_int64)q->limit : -1);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)q->offset);
	if (q->body)
		sqlite3_bind_text(st, 5, q->body, -1, SQLITE_STATIC);
	if (name)
		sqlite3_bind_text(st, 6, name, -1, SQLITE_STATIC);
	rc = read_people(s, st, out, n, err, errlen);
	sqlite3_finalize(st);
	free(name);
	/* each one's last role within the dates */
	for (size_t i = 0; rc == 0 && i < *n; i++) {
		rc = hy_people_stmt(s, PS_ROLE_IN, sql_role_in, &st, err, errlen);
		if (rc)
			break;
		sqlite3_bind_int64(st, 1, (*out)[i].id);
		sqlite3_bind_text(st, 2, dates ? lo : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, hi, -1, SQLITE_STATIC);
		int x = sqlite3_step(st);
		int oom = 0;
		if (x == SQLITE_ROW)
			(*out)[i].role = col_dup(st, 0, &oom);
		else if (x != SQLITE_DONE)
			rc = hy_store_fail(s, x, N_("reading the people"), err, errlen);
		sqlite3_reset(st);
		if (oom)
			rc = hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	}
	return rc;
}

int hy_store_people_page(struct hy_store *s, const struct hy_people_query *q,
			 struct hy_person **out, size_t *n, char *err, size_t errlen)
{
	int rc;

	*out = NULL;
	*n = 0;
	if (q->body || q->from || q->to)
		rc = filtered_page(s, q, out, n, err, errlen);
	else
		rc = order_page(s, q, out, n, err, errlen);
	if (rc) {
		hy_people_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

/* The ids st gives (one column), appended to *ids. */
static int read_ids(struct hy_store *s, sqlite3_stmt *st, int64_t **ids, size_t *n, char *err,
		    size_t errlen)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t *p = realloc(*ids, (*n + 1) * sizeof *p);
		if (!p) {
			sqlite3_reset(st);
			return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
		}
		*ids = p;
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : hy_store_fail(s, rc, N_("looking up a person"), err, errlen);
}

int hy_store_people_find(struct hy_store *s, const char *what, int64_t **ids, size_t *n, char *err,
			 size_t errlen)
{
	sqlite3_stmt *st;
	int rc, digits = what && what[0], letters = what && what[0];
	*ids = NULL;
	*n = 0;
	for (const char *p = what; p && *p; p++) {
		unsigned char c = (unsigned char)*p;
		digits &= c >= '0' && c <= '9';
		letters &= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ' ||
			   c == '\'' || c == '-';
	}
	if (digits && strlen(what) <= 18) {
		rc = hy_people_stmt(s, PS_GET, sql_get, &st, err, errlen);
		if (rc)
			return rc;
		sqlite3_bind_int64(st, 1, strtoll(what, NULL, 10));
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*ids = malloc(sizeof **ids);
			if (!*ids) {
				sqlite3_reset(st);
				return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
			}
			(*ids)[0] = sqlite3_column_int64(st, 0);
			*n = 1;
		}
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return hy_store_fail(s, rc, N_("looking up a person"), err, errlen);
		return 0;
	}
	char *key = hy_people_key(what);
	if (!key)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	rc = hy_people_stmt(s, PS_BY_KEY, sql_by_key, &st, err, errlen);
	if (rc == 0) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		rc = read_ids(s, st, ids, n, err, errlen);
	}
	if (rc == 0 && *n == 0 && letters && key[0]) {
		/* the key of latin letters is them folded, without spaces and
		 * apostrophes: liurui */
		rc = hy_people_stmt(s, PS_BY_PY, sql_by_py, &st, err, errlen);
		if (rc == 0) {
			sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
			rc = read_ids(s, st, ids, n, err, errlen);
		}
	}
	free(key);
	if (rc) {
		free(*ids);
		*ids = NULL;
		*n = 0;
	}
	return rc;
}

void hy_career_free(struct hy_career *c)
{
	if (!c)
		return;
	person_free(&c->who);
	for (size_t i = 0; i < c->n_roles; i++) {
		free(c->roles[i].role);
		free(c->roles[i].from);
		free(c->roles[i].to);
	}
	free(c->roles);
	for (size_t i = 0; i < c->n_meetings; i++) {
		free(c->meetings[i].date);
		free(c->meetings[i].role);
		free(c->meetings[i].title);
	}
	free(c->meetings);
	for (size_t i = 0; i < c->n_met; i++) {
		free(c->met[i].name);
		free(c->met[i].place);
	}
	free(c->met);
	memset(c, 0, sizeof *c);
}

/* 1 if roles a and b are the same once folded (縣長 = 县长). */
static int same_role(const char *a, const char *b, int *oom)
{
	char *ka = hy_people_key(a), *kb = hy_people_key(b);
	int same = ka && kb && strcmp(ka, kb) == 0;
	*oom |= !ka || !kb;
	free(ka);
	free(kb);
	return same;
}

/* Role spans: consecutive appearances with the same role (folded) are
 * one, named as first written. */
static int read_roles(struct hy_store *s, struct hy_career *c, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc = hy_people_stmt(s, PS_ROLES, sql_roles, &st, err, errlen), oom = 0;
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, c->who.id);
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *role = (const char *)sqlite3_column_text(st, 0);
		const char *date = (const char *)sqlite3_column_text(st, 1);
		struct hy_role_span *last = c->n_roles ? &c->roles[c->n_roles - 1] : NULL;
		int same = last && same_role(last->role, role, &oom);
		if (oom) /* not known whether the same: no new span either */
			break;
		if (same) {
			char *d = strdup(date);
			if (!d) {
				oom = 1;
				break;
			}
			free(last->to);
			last->to = d;
			continue;
		}
		if (hy_grow_implied(&c->roles, c->n_roles, sizeof *c->roles)) {
			oom = 1;
			break;
		}
		struct hy_role_span *r = &c->roles[c->n_roles];
		r->role = strdup(role);
		r->from = strdup(date);
		r->to = strdup(date);
		c->n_roles++;
		oom = !r->role || !r->from || !r->to;
	}
	sqlite3_reset(st);
	if (oom)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	return rc == SQLITE_DONE ? 0 : hy_store_fail(s, rc, N_("reading a career"), err, errlen);
}

static int read_meetings(struct hy_store *s, int dated, size_t max, struct hy_career *c, char *err,
			 size_t errlen)
{
	sqlite3_stmt *st;
	int rc = dated ? hy_people_stmt(s, PS_DATED, sql_dated, &st, err, errlen)
		       : hy_people_stmt(s, PS_UNDATED, sql_undated, &st, err, errlen);
	int oom = 0;
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, c->who.id);
	sqlite3_bind_int64(st, 2, max ? (sqlite3_int64)(max - c->n_meetings) : -1);
	if (max && c->n_meetings >= max) {
		sqlite3_reset(st);
		return 0;
	}
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (hy_grow_implied(&c->meetings, c->n_meetings, sizeof *c->meetings)) {
			oom = 1;
			break;
		}
		struct hy_appearance *a = &c->meetings[c->n_meetings++];
		memset(a, 0, sizeof *a);
		a->meeting = sqlite3_column_int64(st, 0);
		a->date = col_dup(st, 1, &oom);
		int part = hy_part_from_name((const char *)sqlite3_column_text(st, 2));
		a->part = part < 0 ? HY_PART_ATTENDEE : (enum hy_part)part;
		a->role = col_dup(st, 3, &oom);
		a->title = col_dup(st, 4, &oom);
	}
	sqlite3_reset(st);
	if (oom)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	return rc == SQLITE_DONE ? 0 : hy_store_fail(s, rc, N_("reading a career"), err, errlen);
}

static int read_met(struct hy_store *s, size_t max, struct hy_career *c, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc = hy_people_stmt(s, PS_MET, sql_met, &st, err, errlen), oom = 0;
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, c->who.id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)(max ? max : 10));
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (hy_grow_implied(&c->met, c->n_met, sizeof *c->met)) {
			oom = 1;
			break;
		}
		struct hy_met *m = &c->met[c->n_met++];
		memset(m, 0, sizeof *m);
		m->id = sqlite3_column_int64(st, 0);
		m->count = (long)sqlite3_column_int64(st, 1);
		m->name = col_dup(st, 2, &oom);
		m->place = col_dup(st, 3, &oom);
	}
	sqlite3_reset(st);
	if (oom)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	return rc == SQLITE_DONE ? 0 : hy_store_fail(s, rc, N_("reading a career"), err, errlen);
}

int hy_store_career(struct hy_store *s, int64_t id, size_t max_meetings, size_t max_met,
		    struct hy_career *c, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	memset(c, 0, sizeof *c);
	rc = hy_people_stmt(s, PS_GET, sql_get, &st, err, errlen);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		rc = read_person(st, &c->who)
			     ? hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"))
			     : 0;
	else if (rc == SQLITE_DONE)
		rc = hy_err_set(err, errlen, HY_ERR_NOTFOUND, _("no person %lld"), (long long)id);
	else
		rc = hy_store_fail(s, rc, N_("reading a person"), err, errlen);
	sqlite3_reset(st);
	if (rc == 0)
		rc = read_roles(s, c, err, errlen);
	if (rc == 0)
		rc = read_meetings(s, 1, max_meetings, c, err, errlen);
	if (rc == 0)
		rc = read_meetings(s, 0, max_meetings, c, err, errlen);
	if (rc == 0)
		rc = read_met(s, max_met, c, err, errlen);
	if (rc)
		hy_career_free(c);
	return rc;
}

/* ---- one meeting's people -------------------------------------------- */

void hy_meeting_people_free(struct hy_meeting_person *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++) {
		free(v[i].name);
		free(v[i].role);
	}
	free(v);
}

/* The title of meeting id into *title (malloc()ed, NULL when none). */
static int meeting_title(struct hy_store *s, int64_t id, char **title, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	int oom = 0, rc = sqlite3_prepare_v2(s->db, "SELECT title FROM meetings WHERE id = ?1", -1,
					     &st, NULL);
	*title = NULL;
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			*title = col_dup(st, 0, &oom);
	}
	sqlite3_finalize(st);
	if (oom)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return hy_store_fail(s, rc, N_("reading a meeting's title"), err, errlen);
	return 0;
}

int hy_store_meeting_people(struct hy_store *s, int64_t meeting, struct hy_meeting_person **out,
			    size_t *n, char **title, char *err, size_t errlen)
{
	static const char sql[] = "SELECT a.person_id, p.name, a.part, a.role FROM appearances a"
				  " JOIN persons p ON p.id = a.person_id WHERE a.meeting_id = ?1"
				  " ORDER BY CASE a.part WHEN 'chair' THEN 0 WHEN 'attendee' THEN 1"
				  " WHEN 'observer' THEN 2 ELSE 3 END, a.position, a.person_id";
	sqlite3_stmt *st = NULL;
	int rc = hy_people_stmt(s, PS_GET, sql_get, &st, err, errlen), oom = 0; /* v7 */
	*out = NULL;
	*n = 0;
	if (rc)
		return rc;
	st = NULL;
	rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return hy_store_fail(s, rc, N_("reading a meeting's people"), err, errlen);
	sqlite3_bind_int64(st, 1, meeting);
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (hy_grow_implied(out, *n, sizeof **out)) {
			oom = 1;
			break;
		}
		struct hy_meeting_person *p = &(*out)[(*n)++];
		memset(p, 0, sizeof *p);
		p->id = sqlite3_column_int64(st, 0);
		p->name = col_dup(st, 1, &oom);
		int part = hy_part_from_name((const char *)sqlite3_column_text(st, 2));
		p->part = part < 0 ? HY_PART_ATTENDEE : (enum hy_part)part;
		p->role = col_dup(st, 3, &oom);
	}
	sqlite3_finalize(st);
	if (oom)
		rc = hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	else if (rc != SQLITE_DONE)
		rc = hy_store_fail(s, rc, N_("reading a meeting's people"), err, errlen);
	else
		rc = title ? meeting_title(s, meeting, title, err, errlen) : 0;
	if (rc) {
		hy_meeting_people_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}
