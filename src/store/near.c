/* near.c: finding the stored meeting a new readout repeats (schema v11,
 * DESIGN.md §2 "The same meeting from many places"). Each meeting's
 * fingerprint (simhash.c) is stored with four bands of 16 bits; a new
 * readout's bands find the meetings that share one, and the nearest that
 * agrees on its day, number, body, place and chair is the same meeting.
 * A batch's bands wait in a temporary log until it commits (issue 14:
 * inserted in key order once, not at random leaves a meeting at a time).
 * sources.c adds the readout to what is found here. */
#include "internal.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"
#include "huiyi/meeting.h"
#include "huiyi/simhash.h"

#include <stdlib.h>
#include <string.h>

/* The key of band i of fingerprint h in simhash_bands (schema.c). */
static sqlite3_int64 band_key(uint64_t h, int i)
{
	return (sqlite3_int64)((uint64_t)i << 16 | (h >> (16 * i) & 0xffff));
}

/* ---- the batch's log of bands (schema v16 on) ------------------------
 *
 * A band's key is a random 16 bits of the fingerprint, so a meeting's four
 * rows land on four random leaves of simhash_bands and four of its index
 * simhash_bands_by_day. Inserted one meeting at a time, every leaf of both
 * became dirty and stayed in the page cache until the commit: once the
 * tables outgrew a fraction of the cache (a 60,000-readout database: 14
 * MB of 32), the batch's other pages were pushed out (spilled to the WAL)
 * and read again (bench/RESULTS.md, issue 14, thirteenth session). Now a
 * batch's bands go to a temporary table keyed like the real one, and
 * hy_store_bands_flush inserts them in key order when the batch commits,
 * so each leaf is changed once, in order. The lookups of the same meeting
 * (find_near) read the log beside the table, and a delete folds the log
 * first (the delete trigger of simhash removes a meeting's bands). */
static const char sql_bands_log_make[] = "CREATE TEMP TABLE IF NOT EXISTS bands_log ("
					 " key INTEGER NOT NULL,"
					 " meeting_id INTEGER NOT NULL,"
					 " hash INTEGER NOT NULL,"
					 " day TEXT NOT NULL,"
					 " PRIMARY KEY (key, meeting_id)) WITHOUT ROWID";
static const char sql_bands_fold[] = "INSERT INTO simhash_bands (key, meeting_id, hash, day)"
				     " SELECT key, meeting_id, hash, day FROM temp.bands_log"
				     " ORDER BY key, meeting_id;"
				     "DELETE FROM temp.bands_log;";

/* The log, made when the batch has none yet: 0 or an error. */
static int bands_log(struct hy_store *s, char *err, size_t errlen)
{
	int rc = 0;
	if (!s->bands_made) {
		rc = hy_store_exec(s, sql_bands_log_make, "storing a meeting's fingerprint", err,
				   errlen);
		s->bands_made = rc == 0;
	}
	return rc;
}

int hy_store_bands_flush(struct hy_store *s, char *err, size_t errlen)
{
	int rc;
	if (!s->bands_pending)
		return 0;
	rc = hy_store_exec(s, sql_bands_fold, "storing the fingerprints", err, errlen);
	if (rc)
		s->batch_spoiled = 1;
	else
		s->bands_pending = 0;
	return rc;
}

void hy_store_bands_forget(struct hy_store *s)
{
	s->bands_pending = 0; /* the rollback took the log's rows, maybe the log */
	s->bands_made = 0;
}

int hy_store_bands_insert(struct hy_store *s, int64_t mid, uint64_t h, char *err, size_t errlen)
{
	static const char bands_v11_sql[] =
		"INSERT INTO simhash_bands (key, meeting_id, hash)"
		" VALUES (?1, ?5, ?6), (?2, ?5, ?6), (?3, ?5, ?6), (?4, ?5, ?6)";
	/* (v16: with the meeting's month and day, '' when unknown, into the
	 * batch's log) */
	static const char bands_sql[] =
		"INSERT INTO temp.bands_log (key, meeting_id, hash, day)"
		" SELECT column1, ?5, ?6, ifnull((SELECT month_day FROM meetings WHERE id = ?5), '')"
		" FROM (VALUES (?1), (?2), (?3), (?4))";
	sqlite3_stmt *st;
	int v16 = s->version >= 16; /* (a log: its day comes from the meeting) */
	int rc = v16 ? bands_log(s, err, errlen) : 0;
	if (rc == 0)
		rc = v16 ? hy_store_stmt(s, HY_ST_INSERT_BANDS, bands_sql, &st, err, errlen)
			 : hy_store_stmt(s, HY_ST_INSERT_BANDS_V11, bands_v11_sql, &st, err,
					 errlen);
	if (rc)
		return rc;
	for (int i = 0; i < 4; i++)
		sqlite3_bind_int64(st, i + 1, band_key(h, i));
	sqlite3_bind_int64(st, 5, mid);
	sqlite3_bind_int64(st, 6, (sqlite3_int64)h);
	rc = hy_store_step_done(s, st, "storing a meeting's fingerprint", err, errlen);
	if (rc == 0 && v16)
		s->bands_pending++;
	return rc;
}

/* Whether the stored meeting's date, number and body (columns 0..4 of
 * st: date, month_day, guessed, number, body) agree with m's: 0 one of
 * them contradicts, 2 none does and the day or the number is known to
 * both and equal, 1 none does but nothing could be compared (then only
 * a nearer fingerprint is enough: HY_SIMHASH_NEAR_BLIND). */
/* 0 when a and b are both known and not the same (scripts folded). */
static int known_same(const char *a, const char *b)
{
	return !a || !b || !*a || !*b || hy_fold_same(a, b);
}

static int agrees(sqlite3_stmt *st, const struct hy_meeting *m)
{
	const char *date = (const char *)sqlite3_column_text(st, 0);
	const char *md = (const char *)sqlite3_column_text(st, 1);
	const char *guessed = (const char *)sqlite3_column_text(st, 2);
	int number = sqlite3_column_type(st, 3) == SQLITE_NULL ? 0 : sqlite3_column_int(st, 3);
	const char *body = (const char *)sqlite3_column_text(st, 4);
	const char *place = (const char *)sqlite3_column_text(st, 5);
	const char *chair = (const char *)sqlite3_column_text(st, 6);
	int years_known = !(m->guessed & HY_GUESSED_YEAR) && !(guessed && strstr(guessed, "year"));

	if (md && m->month_day && strcmp(md, m->month_day) != 0)
		return 0;
	if (years_known && date && m->date && strcmp(date, m->date) != 0)
		return 0;
	if (number > 0 && m->number > 0 && number != m->number)
		return 0;
	if (!hy_fold_same(body, m->body))
		return 0;
	/* two counties' standing meetings of one day share most of their
	 * words and their body (县政府): a place or a chair that both give
	 * and that differ are two meetings */
	if (!known_same(place, m->place) || !known_same(chair, m->chair))
		return 0;
	return (md && m->month_day) || (number > 0 && m->number > 0) ? 2 : 1;
}

/* Near candidates of one lookup, at most (more are not looked at). */
#define MAX_NEAR 64

/* The stored meeting m is the same meeting as (fingerprint h): the
 * nearest within HY_SIMHASH_NEAR bits that agrees (lowest id on a tie);
 * *found = its id, or 0. The bands give each candidate's fingerprint;
 * only the near ones' meetings are read. */
static int find_near(struct hy_store *s, const struct hy_meeting *m, uint64_t h, int64_t *found,
		     char *err, size_t errlen)
{
	static const char near_v11_sql[] = "SELECT meeting_id, hash FROM simhash_bands"
					   " WHERE key IN (?1, ?2, ?3, ?4)";
	/* v16: the batch's bands too (their log), in the order of the index
	 * simhash_bands_by_day (key, day, hash, meeting_id) */
#define NEAR(where)                                                                                \
	"SELECT meeting_id, hash, key, day FROM simhash_bands WHERE " where                        \
	" UNION ALL SELECT meeting_id, hash, key, day FROM temp.bands_log WHERE " where            \
	" ORDER BY 3, 4, 2, 1"
	static const char near_sql[] = NEAR("key IN (?1, ?2, ?3, ?4)");
	/* a readout with its day: the stored meetings of that day or of an
	 * unknown one (agrees() turns the others down) */
	static const char near_day_sql[] = NEAR("key IN (?1, ?2, ?3, ?4) AND day IN (?5, '')");
#undef NEAR
	static const char meeting_sql[] = "SELECT date, month_day, guessed, number, body, place,"
					  " chair FROM meetings WHERE id = ?1";
	struct {
		int64_t id;
		int d;
	} near[MAX_NEAR];
	size_t n = 0;
	sqlite3_stmt *st;
	int rc;

	*found = 0;
	int v16 = s->version >= 16, by_day = v16 && m->month_day && m->month_day[0];
	rc = v16 ? bands_log(s, err, errlen) : 0;
	if (rc == 0)
		rc = by_day ? hy_store_stmt(s, HY_ST_NEAR_DAY, near_day_sql, &st, err, errlen)
		     : v16  ? hy_store_stmt(s, HY_ST_NEAR, near_sql, &st, err, errlen)
			    : hy_store_stmt(s, HY_ST_NEAR_V11, near_v11_sql, &st, err, errlen);
	if (rc)
		return rc;
	for (int i = 0; i < 4; i++)
		sqlite3_bind_int64(st, i + 1, band_key(h, i));
	if (by_day)
		sqlite3_bind_text(st, 5, m->month_day, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int d = hy_simhash_distance(h, (uint64_t)sqlite3_column_int64(st, 1));
		int64_t id = sqlite3_column_int64(st, 0);
		size_t k = 0;
		if (d > HY_SIMHASH_NEAR)
			continue;
		while (k < n && near[k].id != id)
			k++;
		if (k == n && n < MAX_NEAR) { /* a meeting shares up to 4 bands */
			near[n].id = id;
			near[n++].d = d;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return hy_store_fail(s, sqlite3_extended_errcode(s->db),
				     N_("looking for the same meeting"), err, errlen);
	int best = HY_SIMHASH_NEAR + 1;
	for (size_t k = 0; k < n; k++) {
		if (near[k].d > best || (near[k].d == best && near[k].id > *found))
			continue;
		rc = hy_store_stmt(s, HY_ST_NEAR_MEETING, meeting_sql, &st, err, errlen);
		if (rc)
			return rc;
		sqlite3_bind_int64(st, 1, near[k].id);
		rc = sqlite3_step(st);
		int ok = rc == SQLITE_ROW ? agrees(st, m) : 0;
		if (ok == 2 || (ok == 1 && near[k].d <= HY_SIMHASH_NEAR_BLIND)) {
			best = near[k].d;
			*found = near[k].id;
		}
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return hy_store_fail(s, sqlite3_extended_errcode(s->db),
					     N_("looking for the same meeting"), err, errlen);
	}
	return 0;
}

/* No near fingerprint: a stored meeting of the same body and kind, with
 * the same number (or, when neither has one, the same title read from
 * the text), on the same day (years read from both texts) is the same
 * meeting when its fingerprint is within HY_SIMHASH_NEAR_SAME_DAY
 * bits (a repost that lost its byline or its last paragraph moves the
 * fingerprint further than different meetings that share boilerplate,
 * so the bands alone would miss it). Looked up along meetings_by_number
 * (number, then date: at a million, a day holds 250 meetings, a number
 * on a day a few). */
static int find_same_day(struct hy_store *s, const struct hy_meeting *m, uint64_t h, int64_t *found,
			 char *err, size_t errlen)
{
	/* the candidates' fingerprints first, and only a near one's meeting
	 * row (a random page of the largest table: read for every candidate,
	 * they were the lookup's cost once the table outgrew the cache) */
	static const char day_sql[] =
		"SELECT m.id, h.hash"
		" FROM meetings m INDEXED BY meetings_by_number JOIN simhash h ON h.meeting_id = m.id"
		" WHERE ifnull(m.number, 0) = ?2 AND ifnull(m.date, '') = ?1 AND h.hash IS NOT NULL";
	static const char meeting_sql[] = "SELECT guessed, body, kind, title, place, chair"
					  " FROM meetings WHERE id = ?1";
	sqlite3_stmt *st, *row;
	int best = HY_SIMHASH_NEAR_SAME_DAY + 1, rc;

	*found = 0;
	if (!m->date || (m->guessed & HY_GUESSED_YEAR) || !m->body || !m->kind ||
	    (m->number <= 0 && (!m->title || (m->guessed & HY_GUESSED_TITLE))))
		return 0;
	rc = hy_store_stmt(s, HY_ST_SAME_DAY, day_sql, &st, err, errlen);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, m->date, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, m->number > 0 ? m->number : 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		int d = hy_simhash_distance(h, (uint64_t)sqlite3_column_int64(st, 1));
		if (d >= best)
			continue;
		rc = hy_store_stmt(s, HY_ST_SAME_DAY_MEETING, meeting_sql, &row, err, errlen);
		if (rc) {
			sqlite3_reset(st);
			return rc;
		}
		sqlite3_bind_int64(row, 1, id);
		rc = sqlite3_step(row);
		if (rc != SQLITE_ROW) {
			int e = sqlite3_extended_errcode(s->db);
			sqlite3_reset(row);
			if (rc == SQLITE_DONE) /* (the join found it) */
				continue;
			sqlite3_reset(st);
			return hy_store_fail(s, e, N_("looking for the same meeting"), err, errlen);
		}
		const char *guessed = (const char *)sqlite3_column_text(row, 0);
		const char *body = (const char *)sqlite3_column_text(row, 1);
		const char *kind = (const char *)sqlite3_column_text(row, 2);
		const char *title = (const char *)sqlite3_column_text(row, 3);
		const char *place = (const char *)sqlite3_column_text(row, 4);
		const char *chair = (const char *)sqlite3_column_text(row, 5);
		/* without a number to tell two meetings of a day apart, the
		 * title must be the same too */
		int titled = m->number > 0 || (title && !(guessed && strstr(guessed, "title")) &&
					       hy_fold_same(title, m->title));
		if (!(guessed && strstr(guessed, "year")) && body && kind && titled &&
		    hy_fold_same(body, m->body) && hy_fold_same(kind, m->kind) &&
		    known_same(place, m->place) && known_same(chair, m->chair)) {
			best = d;
			*found = id;
		}
		sqlite3_reset(row);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return hy_store_fail(s, sqlite3_extended_errcode(s->db),
				     N_("looking for the same meeting"), err, errlen);
	return 0;
}

int hy_store_find_same(struct hy_store *s, const struct hy_meeting *m, uint64_t h, int64_t *found,
		       char *err, size_t errlen)
{
	int rc = find_near(s, m, h, found, err, errlen);
	if (rc == 0 && !*found)
		rc = find_same_day(s, m, h, found, err, errlen);
	return rc;
}
