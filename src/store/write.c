/* write.c: storing one parsed meeting whole. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem */
#endif
#include "internal.h"
#include "huiyi/i18n.h"
#include "cleanz.h"
#include "pack.h"

#include "huiyi/err.h"
#include "huiyi/people.h"
#include "huiyi/simhash.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char hy_store_sql_has[] = "SELECT 1 FROM meetings WHERE sha256 = ?1";
/* schema v11: a file stored as another source of a meeting too */
static const char sql_has_v11[] = "SELECT 1 FROM sources WHERE sha256 = ?1";

int hy_store_has(struct hy_store *s, const char *sha256_hex, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc = hy_store_stmt(s, HY_ST_HAS, s->version >= 11 ? sql_has_v11 : hy_store_sql_has, &st,
			       err, errlen);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, sha256_hex, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return hy_store_fail(s, rc, N_("looking up a content hash"), err, errlen);
}

struct hy_store_probe {
	sqlite3 *db;
	sqlite3_stmt *has;
};

struct hy_store_probe *hy_store_probe_open(struct hy_store *s)
{
	struct hy_store_probe *p;
	const char *file = sqlite3_db_filename(s->db, "main");

	if (!file || !file[0]) /* in memory, or a temporary file */
		return NULL;
	p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	if (sqlite3_open_v2(file, &p->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) !=
		    SQLITE_OK ||
	    sqlite3_busy_timeout(p->db, HY_STORE_BUSY_MS) != SQLITE_OK ||
	    /* lookups of random hashes: a small cache, whatever the size of
	     * the index (sqlite's default 2 MiB a connection would grow the
	     * importer by 2 MiB a worker as the corpus grows) */
	    sqlite3_exec(p->db, "PRAGMA cache_size = -256", NULL, NULL, NULL) != SQLITE_OK ||
	    (sqlite3_prepare_v2(p->db, sql_has_v11, -1, &p->has, NULL) != SQLITE_OK &&
	     sqlite3_prepare_v2(p->db, hy_store_sql_has, -1, &p->has, NULL) != SQLITE_OK)) {
		hy_store_probe_close(p);
		return NULL;
	}
	return p;
}

int hy_store_probe_has(struct hy_store_probe *p, const char *sha256_hex)
{
	int rc;
	sqlite3_bind_text(p->has, 1, sha256_hex, -1, SQLITE_STATIC);
	rc = sqlite3_step(p->has);
	sqlite3_reset(p->has);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

void hy_store_probe_close(struct hy_store_probe *p)
{
	if (!p)
		return;
	sqlite3_finalize(p->has);
	sqlite3_close(p->db);
	free(p);
}

int hy_store_person_row(struct hy_store *s, const char *name, int64_t *id, char *err, size_t errlen)
{
	static const char find_sql[] = "SELECT id FROM people WHERE name = ?1";
	static const char insert_sql[] = "INSERT INTO people (name, key) VALUES (?1, ?2)";
	static const char insert_v12_sql[] = "INSERT INTO people (name) VALUES (?1)";
	sqlite3_stmt *st;
	int rc = hy_store_stmt(s, HY_ST_FIND_PERSON, find_sql, &st, err, errlen);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	rc = hy_store_find_id(s, st, id, "looking up a person", err, errlen);
	if (rc)
		return rc > 0 ? 0 : rc;
	int v13 = s->version >= 13;
	rc = hy_store_stmt(s, v13 ? HY_ST_INSERT_PERSON : HY_ST_INSERT_PERSON_V12,
			   v13 ? insert_sql : insert_v12_sql, &st, err, errlen);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (v13) {
		char *key = hy_people_key(name);
		if (!key) {
			sqlite3_reset(st);
			return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
		}
		sqlite3_bind_text(st, 2, key, -1, free);
	}
	rc = hy_store_step_done(s, st, "storing a person", err, errlen);
	if (rc == 0)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

static int link_people(struct hy_store *s, int64_t meeting, const char *role, char *const *names,
		       size_t n, char *err, size_t errlen)
{
	static const char link_sql[] = "INSERT INTO meeting_people (meeting_id, person_id, role,"
				       " position) VALUES (?1, ?2, ?3, ?4)";
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *st;
		int64_t pid = 0;
		int rc;

		if (!names[i] || !names[i][0])
			continue;
		rc = hy_store_person_row(s, names[i], &pid, err, errlen);
		if (rc)
			return rc;
		rc = hy_store_stmt(s, HY_ST_LINK_PERSON, link_sql, &st, err, errlen);
		if (rc)
			return rc;
		sqlite3_bind_int64(st, 1, meeting);
		sqlite3_bind_int64(st, 2, pid);
		sqlite3_bind_text(st, 3, role, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, (sqlite3_int64)i);
		rc = hy_store_step_done(s, st, "linking a person", err, errlen);
		if (rc)
			return rc;
	}
	return 0;
}

/* v[0..n) one a line, or NULL when n is 0 (or out of memory). */
static char *join_lines(char *const *v, size_t n)
{
	size_t len = 0;
	for (size_t i = 0; i < n; i++)
		len += strlen(v[i]) + 1;
	char *s = n ? malloc(len) : NULL;
	for (size_t i = 0, at = 0; s && i < n; i++) {
		size_t k = strlen(v[i]);
		memcpy(s + at, v[i], k);
		at += k;
		s[at++] = i + 1 < n ? '\n' : '\0';
	}
	return s;
}

/* The columns of schema v5 (schema.c schema_v5): 0, or HY_ERR_NOMEM. */
static int bind_v5(sqlite3_stmt *st, const struct hy_meeting *m)
{
	char guessed[32];
	sqlite3_bind_text(st, 16, m->month_day, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 17, hy_date_basis_name(m->date_basis), -1, SQLITE_STATIC);
	hy_meeting_guessed_names(m->guessed, guessed, sizeof guessed);
	sqlite3_bind_text(st, 18, guessed[0] ? guessed : NULL, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 19, m->place, -1, SQLITE_STATIC);
	char *units = join_lines(m->units, m->n_units);
	if (m->n_units && !units)
		return HY_ERR_NOMEM;
	sqlite3_bind_text(st, 20, units, -1, free);
	return 0;
}

int hy_store_bind_raw(sqlite3_stmt *st, int i, const struct hy_store_doc *doc, int packed)
{
	void *z;
	size_t n;
	int rc;
	if (!doc->raw || doc->raw_len == 0)
		return sqlite3_bind_zeroblob(st, i, 0) == SQLITE_OK ? 0 : HY_ERR_NOMEM;
	if (!packed)
		return sqlite3_bind_blob64(st, i, doc->raw, doc->raw_len, SQLITE_STATIC) ==
				       SQLITE_OK
			       ? 0
			       : HY_ERR_NOMEM;
	if (doc->packed) /* (packed ahead by the caller) */
		return sqlite3_bind_blob64(st, i, doc->packed, doc->packed_len, SQLITE_TRANSIENT) ==
				       SQLITE_OK
			       ? 0
			       : HY_ERR_NOMEM;
	rc = hy_pack_raw(doc->raw, doc->raw_len, doc->clean ? doc->clean : "",
			 doc->clean ? doc->clean_len : 0, &z, &n);
	if (rc)
		return rc;
	/* sqlite frees z, even when it cannot bind it */
	return sqlite3_bind_blob64(st, i, z, n, free) == SQLITE_OK ? 0 : HY_ERR_NOMEM;
}

void hy_store_clean_dict_min(long n)
{
	hy_cleanz_set_dict_min(n);
}

void hy_store_clean_train(struct hy_store *s)
{
	uint32_t dict = 0;
	if (s->clean_train_failed || (s->clean_dict_checked && s->clean_dict))
		return;
	if (hy_cleanz_train(s->cz, s->db, hy_cleanz_dict_min(), &dict) != 0)
		s->clean_train_failed = 1;
	s->clean_dict = dict;
	s->clean_dict_checked = 1;
}

int hy_store_bind_clean(struct hy_store *s, sqlite3_stmt *st, int i, const struct hy_store_doc *doc)
{
	void *z;
	size_t n;
	int rc;
	if (!s->clean_dict_checked) { /* another process may have trained one */
		if ((rc = hy_cleanz_current(s->db, &s->clean_dict)) != 0)
			return rc == SQLITE_NOMEM ? HY_ERR_NOMEM : HY_ERR_CORRUPT;
		s->clean_dict_checked = 1;
	}
	/* none yet: tried every HY_CLEANZ_DICT_MIN texts stored without one
	 * inside a batch, so that an import's first batch packs most of its
	 * texts with it (texts packed again leave their pages part empty) */
	if (!s->clean_dict && s->in_batch && !s->clean_train_failed &&
	    ++s->clean_plain >= hy_cleanz_dict_min()) {
		s->clean_plain = 0;
		hy_store_clean_train(s);
	}
	rc = hy_cleanz_pack(s->cz, s->db, s->clean_dict, doc->clean ? doc->clean : "",
			    doc->clean ? doc->clean_len : 0, &z, &n);
	if (rc)
		return rc;
	if (!z)
		return sqlite3_bind_zeroblob(st, i, 0) == SQLITE_OK ? 0 : HY_ERR_NOMEM;
	/* sqlite frees z, even when it cannot bind it */
	return sqlite3_bind_blob64(st, i, z, n, free) == SQLITE_OK ? 0 : HY_ERR_NOMEM;
}

/* Where a section's text is in its meeting's clean text (schema v15),
 * as sqlite's substr() counts on TEXT: a character is a byte below 0xc0,
 * or a byte from 0xc0 up with the bytes 0x80–0xbf after it, and a NUL
 * ends the text. The sections come in the order of the text, so each is
 * looked for from where the one before ended, then from the start. */
struct ranger {
	const char *clean;
	size_t len;
	size_t byte, chr; /* a character boundary and its index (0-based) */
};

static size_t next_char(const char *t, size_t n, size_t i)
{
	if ((unsigned char)t[i++] >= 0xc0)
		while (i < n && ((unsigned char)t[i] & 0xc0) == 0x80)
			i++;
	return i;
}

/* The first occurrence of needle in hay[from, n), or n. */
static size_t find_bytes(const char *hay, size_t n, size_t from, const char *needle, size_t k)
{
	const char *p = from < n ? memmem(hay + from, n - from, needle, k) : NULL;
	return p ? (size_t)(p - hay) : n;
}

/* Walk r from its boundary to byte at: 0 when at is a boundary reached
 * without a NUL, else -1 (r is left at the last boundary before at). */
static int walk_to(struct ranger *r, size_t at)
{
	while (r->byte < at) {
		if (r->clean[r->byte] == '\0')
			return -1;
		r->byte = next_char(r->clean, r->len, r->byte);
		r->chr++;
	}
	return r->byte == at ? 0 : -1;
}

/* text as a range of r's clean text: *at (1-based) and *len in
 * characters; 0, or -1 when it is not one (or is empty). */
static int find_range(struct ranger *r, const char *text, int64_t *at, int64_t *len)
{
	size_t k = strlen(text);
	const struct ranger was = *r;
	for (int pass = 0; pass < 2 && k > 0; pass++) {
		size_t from;
		if (pass && was.byte == 0)
			break; /* the first pass looked from the start */
		if (pass)
			r->byte = r->chr = 0;
		from = r->byte;
		while ((from = find_bytes(r->clean, r->len, from, text, k)) < r->len) {
			struct ranger e;
			if (walk_to(r, from) == 0) {
				e = *r;
				if (walk_to(&e, from + k) == 0) {
					*at = (int64_t)r->chr + 1;
					*len = (int64_t)(e.chr - r->chr);
					*r = e;
					return 0;
				}
			} else if (r->byte < from || r->clean[r->byte] == '\0') {
				break; /* a NUL before it: substr() would stop there */
			}
			from++;
		}
	}
	*r = was;
	return -1;
}

static int insert_rows(struct hy_store *s, const struct hy_meeting *m,
		       const struct hy_store_doc *doc, const char *sha, int64_t *id, char *err,
		       size_t errlen)
{
#define INSERT_MEETING(raw, clean)                                                                 \
	"INSERT INTO meetings (title, published, date, body, kind,"                                \
	" number, chair, chair_role, summary, " raw ", " clean ", sha256,"                         \
	" source, encoding, replaced, month_day, date_basis, guessed,"                             \
	" place, units, id)"                                                                       \
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"                              \
	" ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)"
	/* schema v20: the summary a range of the clean text when it is one */
	static const char insert_sql[] =
		"INSERT INTO meetings (title, published, date, body, kind,"
		" number, chair, chair_role, summary, rawz, cleanz, sha256,"
		" source, encoding, replaced, month_day, date_basis, guessed,"
		" place, units, id, summary_at, summary_len)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
		" ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)";
	static const char insert_v18_sql[] = INSERT_MEETING("rawz", "cleanz");
	static const char insert_v14_sql[] = INSERT_MEETING("rawz", "clean");
	static const char insert_v5_sql[] = INSERT_MEETING("raw", "clean");
	static const char insert_v1_sql[] =
		"INSERT INTO meetings (title, published, date, body, kind,"
		" number, chair, chair_role, summary, raw, clean, sha256,"
		" source, encoding, replaced)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
		" ?13, ?14, ?15)";
	static const char section_sql[] = "INSERT INTO sections (meeting_id, n, heading, text)"
					  " VALUES (?1, ?2, ?3, ?4)";
	/* schema v15: a range of the clean text when the text is one */
	static const char section_v15_sql[] =
		"INSERT INTO sections (meeting_id, n, heading, text, at, len)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	struct ranger ranger = {doc->clean ? doc->clean : "", doc->clean ? doc->clean_len : 0, 0,
				0};
	int v15 = s->version >= 15;
	static const char run_sql[] = "UPDATE meeting_runs SET first = ?2, n = ?3 WHERE id = ?1";
	sqlite3_stmt *st;
	int64_t mid, id_s, first = 0, last = 0;
	int v5 = s->version >= 5; /* else a handle kept at an older schema */
	int v14 = s->version >= 14, v18 = s->version >= 18, v20 = s->version >= 20;
	int rc = hy_store_stmt(s,
			       v20   ? HY_ST_INSERT_MEETING
			       : v18 ? HY_ST_INSERT_MEETING_V18
			       : v14 ? HY_ST_INSERT_MEETING_V14
			       : v5  ? HY_ST_INSERT_MEETING_V5
				     : HY_ST_INSERT_MEETING_V1,
			       v20   ? insert_sql
			       : v18 ? insert_v18_sql
			       : v14 ? insert_v14_sql
			       : v5  ? insert_v5_sql
				     : insert_v1_sql,
			       &st, err, errlen);
	if (rc)
		return rc;
	rc = v18 ? hy_store_bind_clean(s, st, 11, doc) : 0;
	if (rc)
		return hy_err_set(err, errlen, rc, _("%s: packing the clean text: %s"),
				  doc->source ? doc->source : "-", hy_err_str(rc));
	rc = hy_store_bind_raw(st, 10, doc, v14);
	if (rc)
		return hy_err_set(err, errlen, rc, _("%s: packing the raw bytes: %s"),
				  doc->source ? doc->source : "-", hy_err_str(rc));
	sqlite3_bind_text(st, 1, m->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, m->published, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, m->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, m->body, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, m->kind, -1, SQLITE_STATIC);
	if (m->number > 0)
		sqlite3_bind_int(st, 6, m->number);
	sqlite3_bind_text(st, 7, m->chair, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, m->chair_role, -1, SQLITE_STATIC);
	/* schema v20: the summary '' and where it is when it is a piece of
	 * the clean text near enough its start (as a section, below) */
	struct ranger sr = ranger;
	int64_t sum_at = 0, sum_len = 0;
	int ranged = v20 && m->summary && find_range(&sr, m->summary, &sum_at, &sum_len) == 0 &&
		     sum_at <= HY_STORE_RANGE_MAX_AT;
	sqlite3_bind_text(st, 9, ranged ? "" : m->summary, -1, SQLITE_STATIC);
	if (ranged) {
		sqlite3_bind_int64(st, 22, sum_at);
		sqlite3_bind_int64(st, 23, sum_len);
	} else if (v20) { /* (a statement reused: its range cleared) */
		sqlite3_bind_null(st, 22);
		sqlite3_bind_null(st, 23);
	}
	if (!v18)
		sqlite3_bind_text64(st, 11, doc->clean ? doc->clean : "",
				    doc->clean ? doc->clean_len : 0, SQLITE_STATIC, SQLITE_UTF8);
	sqlite3_bind_text(st, 12, sha, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 13, doc->source ? doc->source : "-", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 14, doc->encoding, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 15, (sqlite3_int64)doc->replaced);
	if (v5 && doc->id > 0) /* a meeting that keeps its id (sources.c) */
		sqlite3_bind_int64(st, 21, doc->id);
	if (v5 && bind_v5(st, m)) {
		sqlite3_reset(st);
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	}
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE) {
		rc = sqlite3_extended_errcode(s->db);
		sqlite3_reset(st);
		if (rc == SQLITE_CONSTRAINT_UNIQUE) /* only sha256 is UNIQUE */
			return hy_err_set(err, errlen, HY_ERR_DUP,
					  _("%s: already stored (same content)"),
					  doc->source ? doc->source : "-");
		return hy_store_fail(s, rc, N_("storing a meeting"), err, errlen);
	}
	sqlite3_reset(st);
	mid = sqlite3_last_insert_rowid(s->db);

	for (size_t i = 0; i < m->n_sections; i++) {
		const struct hy_section *sec = &m->sections[i];
		int64_t at, len;
		rc = hy_store_stmt(s, HY_ST_INSERT_SECTION, v15 ? section_v15_sql : section_sql,
				   &st, err, errlen);
		if (rc)
			return rc;
		sqlite3_bind_int64(st, 1, mid);
		sqlite3_bind_int(st, 2, sec->n > 0 ? sec->n : (int)i + 1);
		sqlite3_bind_text(st, 3, sec->heading ? sec->heading : "", -1, SQLITE_STATIC);
		/* (only near enough the start: substr() walks the characters
		 * before its range on every read, so ranges deep in a huge text
		 * would make reading all its sections quadratic) */
		if (v15 && sec->text && find_range(&ranger, sec->text, &at, &len) == 0 &&
		    at <= HY_STORE_RANGE_MAX_AT) {
			sqlite3_bind_text(st, 4, "", 0, SQLITE_STATIC);
			sqlite3_bind_int64(st, 5, at);
			sqlite3_bind_int64(st, 6, len);
		} else {
			sqlite3_bind_text(st, 4, sec->text ? sec->text : "", -1, SQLITE_STATIC);
			if (v15) { /* (a statement reused: its ranges cleared) */
				sqlite3_bind_null(st, 5);
				sqlite3_bind_null(st, 6);
			}
		}
		rc = hy_store_step_done(s, st, "storing a section", err, errlen);
		if (rc)
			return rc;
		id_s = sqlite3_last_insert_rowid(s->db);
		if (i == 0 || id_s < first)
			first = id_s;
		if (i == 0 || id_s > last)
			last = id_s;
	}
	/* the sections' run (schema v9), when their rowids fill one: n
	 * distinct rowids from first to last (they follow one another, but
	 * for rowids freed by hand or past the largest) */
	if (s->version >= 9 && m->n_sections > 0 && last - first + 1 == (int64_t)m->n_sections) {
		rc = hy_store_stmt(s, HY_ST_SET_RUN, run_sql, &st, err, errlen);
		if (rc)
			return rc;
		sqlite3_bind_int64(st, 1, mid);
		sqlite3_bind_int64(st, 2, first);
		sqlite3_bind_int64(st, 3, (int64_t)m->n_sections);
		rc = hy_store_step_done(s, st, "storing a meeting's sections", err, errlen);
		if (rc)
			return rc;
	}
	if (s->version >= 11) { /* its source and fingerprint */
		rc = hy_store_source_rows(s, mid, doc, sha, 1, err, errlen);
		if (rc)
			return rc;
	}
	if (s->version >= 7) { /* the people with their roles (people.c) */
		rc = hy_store_people_add(s, mid, m, err, errlen);
		if (rc == 0 && id)
			*id = mid;
		return rc;
	}
	if (m->chair && m->chair[0]) {
		char *chair[1] = {m->chair};
		rc = link_people(s, mid, "chair", chair, 1, err, errlen);
		if (rc)
			return rc;
	}
	rc = link_people(s, mid, "attendee", m->attendees, m->n_attendees, err, errlen);
	if (rc)
		return rc;
	rc = link_people(s, mid, "observer", m->observers, m->n_observers, err, errlen);
	if (rc)
		return rc;
	if (id)
		*id = mid;
	return 0;
}

/* The end of one write: a failure other than harmless (nothing was
 * written: a duplicate, an unknown id) spoils the batch; a write that
 * began its own transaction (own) commits or rolls it back here. */
int hy_store_end_write(struct hy_store *s, int own, int rc, int harmless, char *err, size_t errlen)
{
	if (rc && rc != harmless)
		s->batch_spoiled = 1;
	if (own) {
		if (rc)
			hy_store_rollback(s);
		else
			rc = hy_store_commit(s, err, errlen);
	}
	return rc;
}

int hy_store_insert(struct hy_store *s, const struct hy_meeting *m, const struct hy_store_doc *doc,
		    int64_t *id, char *err, size_t errlen)
{
	char hex[65];
	const char *sha = doc->sha256;
	int own = !s->in_batch;
	int rc;

	if (!sha) {
		rc = hy_store_sha256(doc->raw ? doc->raw : "", doc->raw_len, hex);
		if (rc)
			return hy_err_set(err, errlen, rc, _("cannot compute a content hash"));
		sha = hex;
	}
	if (own) {
		rc = hy_store_begin(s, err, errlen);
		if (rc)
			return rc;
	}
	/* No savepoint around the meeting: it cost a copy of every page the
	 * meeting touched (about 45 µs of the writing thread's ~400 a
	 * readout). HY_ERR_DUP comes from the first statement, which sqlite
	 * undoes by itself; any later failure leaves part of a meeting, so
	 * the batch is spoiled and hy_store_commit rolls it back whole. */
	rc = insert_rows(s, m, doc, sha, id, err, errlen);
	return hy_store_end_write(s, own, rc, HY_ERR_DUP, err, errlen);
}

/* Deleting meetings (hy_store_delete, hy_store_delete_sha). The meeting's
 * row goes, and with it, by the schema: its sections and people links
 * (ON DELETE CASCADE), its search index rows and its fts_lengths slots
 * (the delete triggers of schema v3 and v4), its count in bodies (v2).
 * What no trigger does is done here: a person linked to no meeting any
 * more is removed too. The statements are prepared per call: deleting is
 * rare, and the cached ones (stmt.c) stay those of the import. */
struct deleter {
	sqlite3_stmt *people, *meeting, *orphan;
	int64_t *pids;
	size_t npids, cap;
};

static int deleter_init(struct hy_store *s, struct deleter *d, char *err, size_t errlen)
{
	/* the batch's people and bands first (the cascade deletes them) */
	int rc = hy_store_people_flush(s, err, errlen);

	if (rc == 0)
		rc = hy_store_bands_flush(s, err, errlen);
	memset(d, 0, sizeof *d);
	if (rc)
		return rc;
	/* (v19: the names as written of the meeting's appearances, and a
	 * name's appearances those of the persons of its key, or person
	 * 0's) */
	int v19 = s->version >= 19;
	if (sqlite3_prepare_v2(
		    s->db,
		    v19 ? "SELECT DISTINCT name_id FROM appearances WHERE meeting_id = ?1"
			: "SELECT DISTINCT person_id FROM meeting_people"
			  " WHERE meeting_id = ?1",
		    -1, &d->people, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(s->db, "DELETE FROM meetings WHERE id = ?1", -1, &d->meeting,
			       NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(s->db,
			       v19 ? "DELETE FROM people WHERE id = ?1 AND NOT EXISTS"
				     " (SELECT 1 FROM appearances a WHERE a.person_id IN"
				     " (SELECT q.id FROM persons q WHERE q.key = people.key"
				     " UNION ALL SELECT 0 WHERE people.key = '')"
				     " AND a.name_id = ?1)"
				   : "DELETE FROM people WHERE id = ?1 AND NOT EXISTS"
				     " (SELECT 1 FROM meeting_people"
				     " WHERE person_id = ?1)",
			       -1, &d->orphan, NULL) != SQLITE_OK)
		return hy_store_fail(s, sqlite3_extended_errcode(s->db), N_("deleting a meeting"),
				     err, errlen);
	return 0;
}

static void deleter_free(struct deleter *d)
{
	sqlite3_finalize(d->people);
	sqlite3_finalize(d->meeting);
	sqlite3_finalize(d->orphan);
	free(d->pids);
	memset(d, 0, sizeof *d);
}

/* Delete meeting id (nothing when there is none); *gone = rows deleted. */
static int delete_one(struct hy_store *s, struct deleter *d, int64_t id, int *gone, char *err,
		      size_t errlen)
{
	int rc;

	*gone = 0;
	d->npids = 0;
	sqlite3_bind_int64(d->people, 1, id);
	while ((rc = sqlite3_step(d->people)) == SQLITE_ROW) {
		if (d->npids == d->cap) {
			size_t cap = d->cap ? d->cap * 2 : 16;
			int64_t *v = realloc(d->pids, cap * sizeof *v);
			if (!v) {
				sqlite3_reset(d->people);
				return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
			}
			d->pids = v;
			d->cap = cap;
		}
		d->pids[d->npids++] = sqlite3_column_int64(d->people, 0);
	}
	sqlite3_reset(d->people);
	if (rc != SQLITE_DONE)
		return hy_store_fail(s, sqlite3_extended_errcode(s->db), N_("deleting a meeting"),
				     err, errlen);
	sqlite3_bind_int64(d->meeting, 1, id);
	rc = hy_store_step_done(s, d->meeting, "deleting a meeting", err, errlen);
	if (rc)
		return rc;
	*gone = sqlite3_changes(s->db) > 0;
	for (size_t i = 0; i < d->npids; i++) {
		sqlite3_bind_int64(d->orphan, 1, d->pids[i]);
		rc = hy_store_step_done(s, d->orphan, "deleting a meeting", err, errlen);
		if (rc)
			return rc;
	}
	return 0;
}

/* 1 if meeting id is stored, 0 if not, or < 0. */
static int exists(struct hy_store *s, sqlite3_stmt *st, int64_t id, char *err, size_t errlen)
{
	int rc;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return hy_store_fail(s, sqlite3_extended_errcode(s->db), N_("looking up a meeting"), err,
			     errlen);
}

/* The ids of ids[0..n) that are not stored, as "7, 9" (at most a few,
 * then "…") into msg; the number of them, or < 0. */
static int unknown_ids(struct hy_store *s, const int64_t *ids, size_t n, char *msg, size_t msglen,
		       char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	int missing = 0;
	size_t used = 0;

	msg[0] = '\0';
	if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM meetings WHERE id = ?1", -1, &st, NULL) !=
	    SQLITE_OK)
		return hy_store_fail(s, sqlite3_extended_errcode(s->db), N_("looking up a meeting"),
				     err, errlen);
	for (size_t i = 0; i < n; i++) {
		int rc = exists(s, st, ids[i], err, errlen);
		if (rc < 0) {
			sqlite3_finalize(st);
			return rc;
		}
		if (rc == 1)
			continue;
		if (missing++ < 8) {
			int k = snprintf(msg + used, msglen - used, "%s%lld", used ? ", " : "",
					 (long long)ids[i]);
			if (k > 0 && (size_t)k < msglen - used)
				used += (size_t)k;
		} else if (missing == 9 && msglen - used > 8) {
			snprintf(msg + used, msglen - used, ", …");
		}
	}
	sqlite3_finalize(st);
	return missing;
}

int hy_store_delete(struct hy_store *s, const int64_t *ids, size_t n, size_t *deleted, char *err,
		    size_t errlen)
{
	struct deleter d;
	char which[128];
	size_t count = 0;
	int own = !s->in_batch;
	int rc;

	if (deleted)
		*deleted = 0;
	if (own) {
		rc = hy_store_begin(s, err, errlen);
		if (rc)
			return rc;
	}
	/* every id is looked up inside the write transaction, so none can
	 * vanish between the check and the delete */
	rc = unknown_ids(s, ids, n, which, sizeof which, err, errlen);
	if (rc > 0)
		rc = hy_err_set(err, errlen, HY_ERR_NOTFOUND,
				_("no meeting with id %s in %s: nothing was "
				  "deleted (see huiyi list)"),
				which, s->path);
	if (rc == 0)
		rc = deleter_init(s, &d, err, errlen);
	else
		memset(&d, 0, sizeof d);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		int gone = 0;
		rc = delete_one(s, &d, ids[i], &gone, err, errlen);
		count += (size_t)gone; /* an id given twice goes once */
	}
	deleter_free(&d);
	rc = hy_store_end_write(s, own, rc, HY_ERR_NOTFOUND, err, errlen);
	if (rc == 0 && deleted)
		*deleted = count;
	return rc;
}

int hy_store_delete_sha(struct hy_store *s, const char *sha256_hex, int64_t *id, char *err,
			size_t errlen)
{
	struct deleter d;
	sqlite3_stmt *st = NULL;
	int64_t old = 0;
	int rc, gone = 0;

	if (id)
		*id = 0;
	if (!s->in_batch)
		return hy_err_set(err, errlen, HY_ERR_INVALID,
				  _("%s: replacing a meeting needs a batch"), s->path);
	if (sqlite3_prepare_v2(s->db, "SELECT id FROM meetings WHERE sha256 = ?1", -1, &st, NULL) !=
	    SQLITE_OK) {
		s->batch_spoiled = 1;
		return hy_store_fail(s, sqlite3_extended_errcode(s->db),
				     N_("looking up a content hash"), err, errlen);
	}
	sqlite3_bind_text(st, 1, sha256_hex, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		old = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW) {
		s->batch_spoiled = 1;
		return hy_store_fail(s, sqlite3_extended_errcode(s->db),
				     N_("looking up a content hash"), err, errlen);
	}
	rc = deleter_init(s, &d, err, errlen);
	if (rc == 0)
		rc = delete_one(s, &d, old, &gone, err, errlen);
	deleter_free(&d);
	if (rc) {
		s->batch_spoiled = 1;
		return rc;
	}
	if (id)
		*id = old;
	return gone;
}
