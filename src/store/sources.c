/* sources.c: the same meeting from many places (schema v11, DESIGN.md
 * §2 "The same meeting from many places"): a meeting's sources, adding a
 * readout as another source of the stored meeting it repeats (near.c
 * finds it), listing them, and splitting them off again. */
#include "internal.h"
#include "huiyi/i18n.h"
#include "pack.h"

#include "huiyi/err.h"
#include "huiyi/meeting.h"
#include "huiyi/simhash.h"
#include "huiyi/source_rank.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The recorded source "PATH URL" (prepare.c: a page or a JSON Lines line
 * that gives its address) as its path part's length and its URL, or the
 * whole string and NULL. */
static size_t split_source(const char *src, const char **url)
{
	const char *u = NULL;
	for (const char *p = strstr(src, " http"); p; p = strstr(p + 1, " http"))
		if (strncmp(p + 1, "http://", 7) == 0 || strncmp(p + 1, "https://", 8) == 0)
			u = p;
	*url = u ? u + 1 : NULL;
	return u ? (size_t)(u - src) : strlen(src);
}

int hy_store_source_rows(struct hy_store *s, int64_t mid, const struct hy_store_doc *doc,
			 const char *sha, int shown, char *err, size_t errlen)
{
#define INSERT_SOURCE(raw)                                                                         \
	"INSERT INTO sources (meeting_id, source, url, script,"                                    \
	" sha256, shown, clean, " raw ", repairs)"                                                 \
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
	static const char source_sql[] = INSERT_SOURCE("rawz");
	static const char source_v12_sql[] = INSERT_SOURCE("raw");
	static const char source_v11_sql[] =
		"INSERT INTO sources (meeting_id, source, url, script, sha256, shown, clean, raw)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	static const char simhash_sql[] = "INSERT INTO simhash (meeting_id, hash) VALUES (?1, ?2)";
	const char *src = doc->source ? doc->source : "-", *url;
	const char *clean = doc->clean ? doc->clean : "";
	size_t clean_len = doc->clean ? doc->clean_len : 0;
	size_t plen = split_source(src, &url);
	const char *script = doc->script ? doc->script : hy_script(clean, clean_len);
	sqlite3_stmt *st;
	int v12 = s->version >= 12, v14 = s->version >= 14;
	int rc = hy_store_stmt(s,
			       v14   ? HY_ST_INSERT_SOURCE
			       : v12 ? HY_ST_INSERT_SOURCE_V12
				     : HY_ST_INSERT_SOURCE_V11,
			       v14   ? source_sql
			       : v12 ? source_v12_sql
				     : source_v11_sql,
			       &st, err, errlen);
	if (rc)
		return rc;
	if (v12 && doc->repairs >= 0)
		sqlite3_bind_int64(st, 9, doc->repairs);
	sqlite3_bind_int64(st, 1, mid);
	sqlite3_bind_text64(st, 2, src, plen, SQLITE_STATIC, SQLITE_UTF8);
	sqlite3_bind_text(st, 3, url, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, script, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, sha, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, shown);
	if (!shown) { /* the shown one's are the meeting row's */
		sqlite3_bind_text64(st, 7, clean, clean_len, SQLITE_STATIC, SQLITE_UTF8);
		rc = hy_store_bind_raw(st, 8, doc, v14);
		if (rc)
			return hy_err_set(err, errlen, rc, _("%s: packing the raw bytes: %s"), src,
					  hy_err_str(rc));
	}
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE) {
		rc = sqlite3_extended_errcode(s->db);
		sqlite3_reset(st);
		if (rc == SQLITE_CONSTRAINT_UNIQUE && !shown) /* nothing written */
			return hy_err_set(err, errlen, HY_ERR_DUP,
					  _("%s: already stored (same content)"), src);
		return hy_store_fail(s, rc, N_("storing a meeting's source"), err, errlen);
	}
	sqlite3_reset(st);
	if (!shown)
		return 0;
	uint64_t h = doc->simhash ? doc->simhash : hy_simhash(clean, clean_len);
	rc = hy_store_stmt(s, HY_ST_INSERT_SIMHASH, simhash_sql, &st, err, errlen);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, mid);
	if (h)
		sqlite3_bind_int64(st, 2, (sqlite3_int64)h);
	rc = hy_store_step_done(s, st, "storing a meeting's fingerprint", err, errlen);
	if (rc || !h)
		return rc;
	return hy_store_bands_insert(s, mid, h, err, errlen); /* near.c */
}

static int merge_into(struct hy_store *s, int64_t target, const struct hy_meeting *m,
		      const struct hy_store_doc *d, char *err, size_t errlen);

int hy_store_add(struct hy_store *s, const struct hy_meeting *m, const struct hy_store_doc *doc,
		 int merge, int64_t *id, int *merged, char *err, size_t errlen)
{
	struct hy_store_doc d = *doc;
	char hex[65];
	int64_t target = 0;
	int own, rc;

	if (merged)
		*merged = 0;
	if (!merge || s->version < 11)
		return hy_store_insert(s, m, doc, id, err, errlen);
	if (!d.simhash)
		d.simhash = hy_simhash(d.clean ? d.clean : "", d.clean ? d.clean_len : 0);
	if (!d.simhash) /* too short to tell */
		return hy_store_insert(s, m, &d, id, err, errlen);
	if (!d.sha256) {
		rc = hy_store_sha256(d.raw ? d.raw : "", d.raw_len, hex);
		if (rc)
			return hy_err_set(err, errlen, rc, _("cannot compute a content hash"));
		d.sha256 = hex;
	}
	own = !s->in_batch;
	if (own && (rc = hy_store_begin(s, err, errlen)) != 0)
		return rc;
	rc = hy_store_find_same(s, m, d.simhash, &target, err, errlen); /* near.c */
	if (rc == 0 && !target) {
		rc = hy_store_insert(s, m, &d, id, err, errlen);
		return own ? hy_store_end_write(s, own, rc, HY_ERR_DUP, err, errlen) : rc;
	}
	if (rc == 0) {
		rc = merge_into(s, target, m, &d, err, errlen);
		if (rc == 0) {
			if (id)
				*id = target;
			if (merged)
				*merged = 1;
		}
	}
	return hy_store_end_write(s, own, rc, HY_ERR_DUP, err, errlen);
}

int hy_store_sources(struct hy_store *s, int64_t id,
		     int (*fn)(const struct hy_store_source *src, void *ctx), void *ctx, char *err,
		     size_t errlen)
{
	sqlite3_stmt *st = NULL;
	int rc, n = 0;

	if (s->version < 11)
		return 0;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT id, source, url, script, sha256, shown FROM sources"
			       " WHERE meeting_id = ?1 ORDER BY shown DESC, id",
			       -1, &st, NULL) != SQLITE_OK)
		return hy_store_fail(s, sqlite3_extended_errcode(s->db),
				     N_("reading a meeting's sources"), err, errlen);
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct hy_store_source src = {
			.id = sqlite3_column_int64(st, 0),
			.source = (const char *)sqlite3_column_text(st, 1),
			.url = (const char *)sqlite3_column_text(st, 2),
			.script = (const char *)sqlite3_column_text(st, 3),
			.sha256 = (const char *)sqlite3_column_text(st, 4),
			.shown = sqlite3_column_int(st, 5),
		};
		if (!src.source || !src.sha256) {
			rc = SQLITE_NOMEM;
			break;
		}
		n++;
		if (fn && fn(&src, ctx) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return hy_store_fail(s, rc == SQLITE_NOMEM ? rc : sqlite3_extended_errcode(s->db),
				     N_("reading a meeting's sources"), err, errlen);
	return n;
}

/* A source taken off its meeting, to become a meeting of its own. */
struct taken {
	char *source; /* as recorded: "PATH URL" */
	char *url;
	char sha[65];
	void *raw;
	size_t raw_len;
	char *clean;
	size_t clean_len;
	long repairs; /* -1: not known */
};

static void taken_free_one(struct taken *t)
{
	free(t->source);
	free(t->raw);
	free(t->clean);
}

static void taken_free(struct taken *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		taken_free_one(&t[i]);
	free(t);
}

static char *dup_n(const void *p, size_t n)
{
	char *d = malloc(n + 1);
	if (d) {
		if (n)
			memcpy(d, p, n);
		d[n] = '\0';
	}
	return d;
}

/* The raw bytes of column col of st's row into t, whose clean text is
 * read: unpacked against it from schema v14 on (pack.h), copied before.
 * 0, HY_ERR_NOMEM or HY_ERR_CORRUPT. */
static int raw_of(struct hy_store *s, sqlite3_stmt *st, int col, struct taken *t)
{
	const void *b = sqlite3_column_blob(st, col);
	size_t n = (size_t)sqlite3_column_bytes(st, col);
	void *raw;
	if (!b && n)
		return HY_ERR_NOMEM;
	if (s->version < 14) {
		t->raw_len = n;
		t->raw = dup_n(b, n);
		return t->raw ? 0 : HY_ERR_NOMEM;
	}
	int rc = hy_unpack_raw(b, n, t->clean, t->clean_len, &raw, &t->raw_len);
	t->raw = raw;
	return rc;
}

/* The non-shown sources of meeting id into *out (*n of them). */
static int take_sources(struct hy_store *s, int64_t id, struct taken **out, size_t *n, char *err,
			size_t errlen)
{
	sqlite3_stmt *st = NULL;
	struct taken *v = NULL;
	size_t k = 0;
	int rc, oom = 0, unpacked = 0;

	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(
		    s->db,
		    s->version >= 14
			    ? "SELECT source, url, sha256, rawz, clean, repairs FROM sources"
			      " WHERE meeting_id = ?1 AND shown = 0 AND clean IS NOT NULL"
			      " ORDER BY id"
		    : s->version >= 12
			    ? "SELECT source, url, sha256, raw, clean, repairs FROM sources"
			      " WHERE meeting_id = ?1 AND shown = 0 AND clean IS NOT NULL"
			      " ORDER BY id"
			    : "SELECT source, url, sha256, raw, clean, NULL FROM sources"
			      " WHERE meeting_id = ?1 AND shown = 0 AND clean IS NOT NULL"
			      " ORDER BY id",
		    -1, &st, NULL) != SQLITE_OK)
		return hy_store_fail(s, sqlite3_extended_errcode(s->db),
				     N_("reading a meeting's sources"), err, errlen);
	sqlite3_bind_int64(st, 1, id);
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct taken *nv = realloc(v, (k + 1) * sizeof *v);
		if (!nv) {
			oom = 1;
			break;
		}
		v = nv;
		struct taken *t = &v[k++];
		memset(t, 0, sizeof *t);
		const char *src = (const char *)sqlite3_column_text(st, 0);
		const char *url = (const char *)sqlite3_column_text(st, 1);
		const char *sha = (const char *)sqlite3_column_text(st, 2);
		size_t sl = src ? strlen(src) : 0, ul = url ? strlen(url) : 0;
		t->source = malloc(sl + ul + 2);
		if (t->source)
			snprintf(t->source, sl + ul + 2, "%s%s%s", src ? src : "-", url ? " " : "",
				 url ? url : "");
		snprintf(t->sha, sizeof t->sha, "%s", sha ? sha : "");
		const unsigned char *c = sqlite3_column_text(st, 4);
		t->clean_len = (size_t)sqlite3_column_bytes(st, 4);
		t->clean = c ? dup_n(c, t->clean_len) : NULL;
		t->repairs = sqlite3_column_type(st, 5) == SQLITE_NULL
				     ? -1
				     : (long)sqlite3_column_int64(st, 5);
		if (!t->source || !t->clean || !sha)
			oom = 1;
		else if ((unpacked = raw_of(s, st, 3, t)) != 0)
			break;
	}
	sqlite3_finalize(st);
	if (oom || unpacked == HY_ERR_NOMEM) {
		taken_free(v, k);
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	}
	if (unpacked) {
		taken_free(v, k);
		return hy_err_set(
			err, errlen, unpacked,
			_("%s: meeting %lld: a source's raw bytes are damaged (they do not"
			  " unpack against its clean text); nothing was changed"),
			s->path, (long long)id);
	}
	if (rc != SQLITE_DONE) {
		taken_free(v, k);
		return hy_store_fail(s, sqlite3_extended_errcode(s->db),
				     N_("reading a meeting's sources"), err, errlen);
	}
	*out = v;
	*n = k;
	return 0;
}

/* One taken source as a meeting of its own: its row in sources goes, its
 * clean text is parsed again and stored as a new meeting. */
static int make_meeting(struct hy_store *s, const struct taken *t, int64_t *id, char *err,
			size_t errlen)
{
	struct hy_meeting m;
	sqlite3_stmt *st = NULL;
	const char *url;
	int rc;

	if (sqlite3_prepare_v2(s->db, "DELETE FROM sources WHERE sha256 = ?1", -1, &st, NULL) !=
	    SQLITE_OK)
		return hy_store_fail(s, sqlite3_extended_errcode(s->db), N_("splitting a meeting"),
				     err, errlen);
	sqlite3_bind_text(st, 1, t->sha, -1, SQLITE_STATIC);
	rc = hy_store_step_done(s, st, "splitting a meeting", err, errlen);
	sqlite3_finalize(st);
	if (rc)
		return rc;
	rc = hy_meeting_parse(t->clean, t->clean_len, &m);
	if (rc)
		return hy_err_set(err, errlen, rc, _("%s: cannot be parsed again: %s"), t->source,
				  hy_err_str(rc));
	split_source(t->source, &url);
	struct hy_date_hints at = {.source = url ? url : t->source};
	rc = hy_meeting_complete_date(&m, &at);
	if (rc == 0) {
		struct hy_store_doc doc = {
			.raw = t->raw,
			.raw_len = t->raw_len,
			.clean = t->clean,
			.clean_len = t->clean_len,
			.sha256 = t->sha,
			.source = t->source,
			.repairs = t->repairs,
		};
		rc = hy_store_insert(s, &m, &doc, id, err, errlen);
	} else {
		hy_err_set(err, errlen, rc, "%s", hy_err_str(rc));
	}
	hy_meeting_free(&m);
	return rc;
}

int hy_store_split(struct hy_store *s, int64_t id, size_t *made, int64_t *new_ids, size_t max,
		   char *err, size_t errlen)
{
	struct taken *t = NULL;
	size_t n = 0, k = 0;
	int own = !s->in_batch, rc;

	if (made)
		*made = 0;
	if (own && (rc = hy_store_begin(s, err, errlen)) != 0)
		return rc;
	sqlite3_stmt *st = NULL;
	rc = sqlite3_prepare_v2(s->db, "SELECT 1 FROM meetings WHERE id = ?1", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		rc = hy_err_set(err, errlen, HY_ERR_NOTFOUND, _("no meeting with id %lld in %s"),
				(long long)id, s->path);
	else if (rc != SQLITE_ROW)
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db), N_("looking up a meeting"),
				   err, errlen);
	else
		rc = s->version < 11 ? 0 : take_sources(s, id, &t, &n, err, errlen);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		int64_t nid = 0;
		rc = make_meeting(s, &t[i], &nid, err, errlen);
		if (rc == 0 && new_ids && k < max)
			new_ids[k] = nid;
		k += rc == 0;
	}
	taken_free(t, n);
	if (rc && !own) {
		if (rc != HY_ERR_NOTFOUND)
			s->batch_spoiled = 1;
		return rc;
	}
	rc = hy_store_end_write(s, own, rc, HY_ERR_NOTFOUND, err, errlen);
	if (rc == 0 && made)
		*made = k;
	return rc;
}

/* import --replace (sources.c, internal.h). */
struct hy_store_held {
	struct taken *t;
	size_t n;
};

void hy_store_held_free(struct hy_store_held *h)
{
	if (!h)
		return;
	taken_free(h->t, h->n);
	free(h);
}

int hy_store_sources_hold(struct hy_store *s, const char *sha, struct hy_store_held **held,
			  char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	int64_t mid = 0;
	int rc;

	*held = NULL;
	if (s->version < 11)
		return 0;
	rc = sqlite3_prepare_v2(s->db, "SELECT meeting_id, shown FROM sources WHERE sha256 = ?1",
				-1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, sha, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
	}
	int shown = rc == SQLITE_ROW ? sqlite3_column_int(st, 1) : 0;
	if (rc == SQLITE_ROW)
		mid = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return hy_store_fail(s, sqlite3_extended_errcode(s->db),
				     N_("reading a meeting's sources"), err, errlen);
	if (!shown) { /* another source of a meeting: it goes, the new parse comes */
		rc = sqlite3_prepare_v2(s->db, "DELETE FROM sources WHERE sha256 = ?1", -1, &st,
					NULL);
		if (rc == SQLITE_OK) {
			sqlite3_bind_text(st, 1, sha, -1, SQLITE_STATIC);
			rc = hy_store_step_done(s, st, "replacing a meeting's source", err, errlen);
		} else {
			rc = hy_store_fail(s, sqlite3_extended_errcode(s->db),
					   N_("replacing a meeting's source"), err, errlen);
		}
		sqlite3_finalize(st);
		if (rc)
			s->batch_spoiled = 1;
		return rc;
	}
	struct hy_store_held *h = calloc(1, sizeof *h);
	if (!h)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	rc = take_sources(s, mid, &h->t, &h->n, err, errlen);
	if (rc || h->n == 0) {
		hy_store_held_free(h);
		return rc;
	}
	*held = h;
	return 0;
}

/* The taken sources t[0..n) as sources, not shown, of meeting mid. */
static int give(struct hy_store *s, int64_t mid, const struct taken *t, size_t n, char *err,
		size_t errlen)
{
	for (size_t i = 0; i < n; i++) {
		struct hy_store_doc doc = {
			.raw = t[i].raw,
			.raw_len = t[i].raw_len,
			.clean = t[i].clean,
			.clean_len = t[i].clean_len,
			.sha256 = t[i].sha,
			.source = t[i].source,
			.repairs = t[i].repairs,
		};
		int rc = hy_store_source_rows(s, mid, &doc, t[i].sha, 0, err, errlen);
		if (rc) {
			s->batch_spoiled = 1;
			return rc;
		}
	}
	return 0;
}

int hy_store_sources_give(struct hy_store *s, int64_t mid, const struct hy_store_held *held,
			  char *err, size_t errlen)
{
	return held ? give(s, mid, held->t, held->n, err, errlen) : 0;
}

int hy_store_source_meeting(struct hy_store *s, int64_t id, size_t k, struct hy_meeting *out,
			    char **source, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	int rc;

	memset(out, 0, sizeof *out);
	*source = NULL;
	if (k == 0)
		return hy_err_set(err, errlen, HY_ERR_INVALID, _("source 0 is the meeting itself"));
	if (sqlite3_prepare_v2(s->db,
			       "SELECT source, url, clean FROM sources WHERE meeting_id = ?1"
			       " AND shown = 0 AND clean IS NOT NULL ORDER BY id LIMIT 1 OFFSET ?2",
			       -1, &st, NULL) != SQLITE_OK)
		return hy_store_fail(s, sqlite3_extended_errcode(s->db),
				     N_("reading a meeting's sources"), err, errlen);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)(k - 1));
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		rc = rc == SQLITE_DONE
			     ? hy_err_set(err, errlen, HY_ERR_NOTFOUND,
					  _("meeting %lld has no source %zu"), (long long)id, k + 1)
			     : hy_store_fail(s, sqlite3_extended_errcode(s->db),
					     N_("reading a meeting's sources"), err, errlen);
		sqlite3_finalize(st);
		return rc;
	}
	const char *src = (const char *)sqlite3_column_text(st, 0);
	const char *url = (const char *)sqlite3_column_text(st, 1);
	const char *clean = (const char *)sqlite3_column_text(st, 2);
	size_t clean_len = (size_t)sqlite3_column_bytes(st, 2);
	*source = dup_n(url ? url : src ? src : "-", strlen(url ? url : src ? src : "-"));
	rc = *source ? hy_meeting_parse(clean ? clean : "", clean_len, out) : HY_ERR_NOMEM;
	if (rc == 0) {
		struct hy_date_hints at = {.source = *source};
		rc = hy_meeting_complete_date(out, &at);
	}
	sqlite3_finalize(st);
	if (rc) {
		hy_meeting_free(out);
		free(*source);
		*source = NULL;
		return hy_err_set(err, errlen, rc, "%s", hy_err_str(rc));
	}
	return 0;
}

/* Whether the readout d should be shown instead of meeting mid's shown
 * source (source_rank.h): 1 yes, 0 no, or < 0. */
static int shows_better(struct hy_store *s, int64_t mid, const struct hy_store_doc *d, char *err,
			size_t errlen)
{
	static const char facts_sql[] =
		"SELECT s.url, s.script, %s, s.shown, length(CAST(CASE WHEN s.shown"
		" THEN %s ELSE s.clean END AS BLOB))"
		" FROM sources s JOIN meetings m ON m.id = s.meeting_id"
		" WHERE s.meeting_id = ?1 ORDER BY s.shown DESC, s.id";
	char sql[sizeof facts_sql + 40];
	struct hy_source_facts *v = NULL, *nv;
	sqlite3_stmt *st = NULL;
	size_t n = 0;
	int rc, oom = 0;

	snprintf(sql, sizeof sql, facts_sql, s->version >= 12 ? "s.repairs" : "NULL",
		 s->version >= 18 ? "hy_clean(m.cleanz, m.id)" : "m.clean");
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return hy_store_fail(s, sqlite3_extended_errcode(s->db),
				     N_("reading a meeting's sources"), err, errlen);
	sqlite3_bind_int64(st, 1, mid);
	/* v[0]: the readout; v[1]: the shown source; then the others (their
	 * addresses copied: a row's text lasts until the next step) */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *url = (const char *)sqlite3_column_text(st, 0);
		const char *script = (const char *)sqlite3_column_text(st, 1);
		char *u = url ? dup_n(url, strlen(url)) : NULL;
		if ((url && !u) || !(nv = realloc(v, (n + 2) * sizeof *v))) {
			free(u);
			oom = 1;
			break;
		}
		v = nv;
		v[++n] = (struct hy_source_facts){
			.url = u,
			.script = !script                       ? NULL
				  : strcmp(script, "hant") == 0 ? "hant"
								: "hans",
			.repairs = sqlite3_column_type(st, 2) == SQLITE_NULL
					   ? -1
					   : (long)sqlite3_column_int64(st, 2),
			.clean_len = (size_t)sqlite3_column_int64(st, 4),
		};
	}
	int better = 0;
	if (!oom && rc == SQLITE_DONE && n > 0) {
		const char *url;
		split_source(d->source ? d->source : "-", &url);
		v[0] = (struct hy_source_facts){
			.url = url,
			.script = d->script ? d->script : hy_script(d->clean, d->clean_len),
			.repairs = d->repairs,
			.clean_len = d->clean_len,
		};
		better = hy_source_compare(&v[0], &v[1], hy_source_original_script(v, n + 1)) > 0;
	}
	if (!oom && rc != SQLITE_DONE)
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db),
				   N_("reading a meeting's sources"), err, errlen);
	else
		rc = oom ? hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory")) : better;
	sqlite3_finalize(st);
	for (size_t i = 1; i <= n; i++)
		free((char *)v[i].url);
	free(v);
	return rc;
}

/* Meeting mid's shown source, taken off its row into *t. */
static int take_shown(struct hy_store *s, int64_t mid, struct taken *t, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	int rc;

	memset(t, 0, sizeof *t);
	rc = sqlite3_prepare_v2(
		s->db,
		s->version >= 18
			? "SELECT s.source, s.url, m.sha256, m.rawz, hy_clean(m.cleanz, m.id),"
			  " s.repairs FROM meetings m JOIN sources s ON s.meeting_id = m.id"
			  " AND s.shown = 1 WHERE m.id = ?1"
		: s->version >= 14 ? "SELECT s.source, s.url, m.sha256, m.rawz, m.clean, s.repairs"
				     " FROM meetings m JOIN sources s ON s.meeting_id = m.id"
				     " AND s.shown = 1 WHERE m.id = ?1"
		: s->version >= 12 ? "SELECT s.source, s.url, m.sha256, m.raw, m.clean, s.repairs"
				     " FROM meetings m JOIN sources s ON s.meeting_id = m.id"
				     " AND s.shown = 1 WHERE m.id = ?1"
				   : "SELECT s.source, s.url, m.sha256, m.raw, m.clean, NULL"
				     " FROM meetings m JOIN sources s ON s.meeting_id = m.id"
				     " AND s.shown = 1 WHERE m.id = ?1",
		-1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, mid);
		rc = sqlite3_step(st);
	}
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return hy_store_fail(
			s, rc == SQLITE_DONE ? SQLITE_CORRUPT : sqlite3_extended_errcode(s->db),
			N_("reading a meeting's shown source"), err, errlen);
	}
	const char *src = (const char *)sqlite3_column_text(st, 0);
	const char *url = (const char *)sqlite3_column_text(st, 1);
	const char *sha = (const char *)sqlite3_column_text(st, 2);
	size_t sl = src ? strlen(src) : 1, ul = url ? strlen(url) : 0;
	if ((t->source = malloc(sl + ul + 2)) != NULL)
		snprintf(t->source, sl + ul + 2, "%s%s%s", src ? src : "-", url ? " " : "",
			 url ? url : "");
	snprintf(t->sha, sizeof t->sha, "%s", sha ? sha : "");
	t->clean_len = (size_t)sqlite3_column_bytes(st, 4);
	const unsigned char *c = sqlite3_column_text(st, 4);
	t->clean = dup_n(c ? (const char *)c : "", c ? t->clean_len : 0);
	t->repairs =
		sqlite3_column_type(st, 5) == SQLITE_NULL ? -1 : (long)sqlite3_column_int64(st, 5);
	rc = !t->source || !t->clean || !sha ? HY_ERR_NOMEM : raw_of(s, st, 3, t);
	sqlite3_finalize(st);
	if (rc) {
		taken_free_one(t);
		if (rc != HY_ERR_NOMEM)
			return hy_err_set(
				err, errlen, rc,
				_("%s: meeting %lld: its raw bytes are damaged (they do not"
				  " unpack against its clean text); nothing was changed"),
				s->path, (long long)mid);
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	}
	return 0;
}

/* The readout d (parsed as m) becomes another source of meeting target;
 * when it is the better one to show (source_rank.h), the meeting is
 * parsed again from it under the same id, and the source shown until now
 * joins the others. Inside a batch. */
static int merge_into(struct hy_store *s, int64_t target, const struct hy_meeting *m,
		      const struct hy_store_doc *d, char *err, size_t errlen)
{
	struct taken old, *others = NULL;
	size_t n = 0;
	int64_t id = 0;
	int rc = shows_better(s, target, d, err, errlen);

	if (rc <= 0)
		return rc ? rc : hy_store_source_rows(s, target, d, d->sha256, 0, err, errlen);
	if ((rc = take_shown(s, target, &old, err, errlen)) != 0)
		return rc;
	rc = take_sources(s, target, &others, &n, err, errlen);
	if (rc == 0 && (rc = hy_store_delete_sha(s, old.sha, NULL, err, errlen)) == 1) {
		struct hy_store_doc shown = *d;
		shown.id = target; /* its place in lists, its links stay */
		rc = hy_store_insert(s, m, &shown, &id, err, errlen);
	} else if (rc == 0) {
		rc = hy_store_fail(s, SQLITE_CORRUPT, N_("showing another source"), err, errlen);
	}
	if (rc == 0)
		rc = give(s, target, &old, 1, err, errlen);
	if (rc == 0)
		rc = give(s, target, others, n, err, errlen);
	taken_free_one(&old);
	taken_free(others, n);
	if (rc)
		s->batch_spoiled = 1;
	return rc;
}
