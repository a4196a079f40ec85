/* cleanz.c: the clean text kept as a zstd frame, with a dictionary
 * trained from the database's own texts (cleanz.h), and the SQL
 * functions every reader goes through. */
#ifdef HY_FTS_EXTENSION
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3
#else
#include <sqlite3.h>
#endif

#include "cleanz.h"

#include "huiyi/err.h"

#include <stdlib.h>
#include <string.h>
#include <zdict.h>
#include <zstd.h>
#include <zstd_errors.h>

/* Level 3, zstd's default: higher levels buy little on texts this short
 * once the dictionary holds what they share. */
#define CLEANZ_LEVEL 3
/* Dictionaries a connection keeps loaded (a database has one, or a few
 * if ever trained again). */
#define CLEANZ_DICTS 4
/* Texts unpacked kept: a meeting's sections read one after another
 * unpack it once; a trigger comparing old and new unpacks each once. */
#define CLEANZ_LAST 2

struct dict {
	uint32_t id;
	void *bytes;
	size_t len;
	ZSTD_CDict *c; /* made on first use */
	ZSTD_DDict *d;
};

struct last {
	void *frame; /* a copy of the frame */
	size_t n;
	char *text; /* NUL-terminated */
	size_t len, cap;
	int valid;
};

struct hy_cleanz {
	int refs;
	struct dict dicts[CLEANZ_DICTS];
	size_t ndicts, next_evict;
	ZSTD_CCtx *cctx;
	ZSTD_DCtx *dctx;
	struct last last[CLEANZ_LAST];
	size_t next_last;
};

static void dict_free(struct dict *d)
{
	ZSTD_freeCDict(d->c);
	ZSTD_freeDDict(d->d);
	free(d->bytes);
	memset(d, 0, sizeof *d);
}

void hy_cleanz_unref(struct hy_cleanz *z)
{
	if (!z || --z->refs > 0)
		return;
	for (size_t i = 0; i < z->ndicts; i++)
		dict_free(&z->dicts[i]);
	for (size_t i = 0; i < CLEANZ_LAST; i++) {
		free(z->last[i].frame);
		free(z->last[i].text);
	}
	ZSTD_freeCCtx(z->cctx);
	ZSTD_freeDCtx(z->dctx);
	free(z);
}

static void unref_void(void *p)
{
	hy_cleanz_unref(p);
}

static long dict_min = HY_CLEANZ_DICT_MIN;

long hy_cleanz_dict_min(void)
{
	return dict_min;
}

void hy_cleanz_set_dict_min(long n)
{
	dict_min = n > 0 ? n : HY_CLEANZ_DICT_MIN;
}

/* The dictionary id of db's clean_dicts, loaded once. */
static int load_dict(struct hy_cleanz *z, sqlite3 *db, uint32_t id, struct dict **out)
{
	sqlite3_stmt *st = NULL;
	struct dict d = {0};
	int rc;
	for (size_t i = 0; i < z->ndicts; i++)
		if (z->dicts[i].id == id) {
			*out = &z->dicts[i];
			return 0;
		}
	if (sqlite3_prepare_v2(db, "SELECT dict FROM clean_dicts WHERE id = ?1", -1, &st, NULL) !=
	    SQLITE_OK) {
		rc = sqlite3_errcode(db) == SQLITE_NOMEM ? HY_ERR_NOMEM : HY_ERR_CORRUPT;
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_bind_int64(st, 1, (sqlite3_int64)id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const void *b = sqlite3_column_blob(st, 0);
		d.len = (size_t)sqlite3_column_bytes(st, 0);
		d.bytes = b && d.len ? malloc(d.len) : NULL;
		if (d.bytes)
			memcpy(d.bytes, b, d.len);
		rc = d.bytes ? 0 : d.len ? HY_ERR_NOMEM : HY_ERR_CORRUPT;
	} else {
		rc = rc == SQLITE_NOMEM ? HY_ERR_NOMEM : HY_ERR_CORRUPT; /* none */
	}
	sqlite3_finalize(st);
	/* a dictionary is what its id says (zstd reads the id from it) */
	if (rc == 0 && ZDICT_getDictID(d.bytes, d.len) != id)
		rc = HY_ERR_CORRUPT;
	/* (its content was checked above: a failure here is memory) */
	if (rc == 0 && !(d.d = ZSTD_createDDict(d.bytes, d.len)))
		rc = HY_ERR_NOMEM;
	if (rc) {
		free(d.bytes);
		ZSTD_freeDDict(d.d);
		return rc;
	}
	d.id = id;
	size_t at = z->ndicts < CLEANZ_DICTS ? z->ndicts++ : z->next_evict++ % CLEANZ_DICTS;
	if (z->dicts[at].bytes)
		dict_free(&z->dicts[at]);
	z->dicts[at] = d;
	*out = &z->dicts[at];
	return 0;
}

int hy_cleanz_pack(struct hy_cleanz *z, sqlite3 *db, uint32_t dict, const char *text, size_t len,
		   void **out, size_t *outlen)
{
	struct dict *d = NULL;
	int rc;
	*out = NULL;
	*outlen = 0;
	if (len == 0)
		return 0;
	if (dict && (rc = load_dict(z, db, dict, &d)) != 0)
		return rc;
	if (d && !d->c && !(d->c = ZSTD_createCDict(d->bytes, d->len, CLEANZ_LEVEL)))
		return HY_ERR_NOMEM;
	if (!z->cctx && !(z->cctx = ZSTD_createCCtx()))
		return HY_ERR_NOMEM;
	size_t cap = ZSTD_compressBound(len);
	void *buf = malloc(cap);
	if (!buf)
		return HY_ERR_NOMEM;
	size_t r = ZSTD_CCtx_reset(z->cctx, ZSTD_reset_session_and_parameters);
	if (!ZSTD_isError(r))
		r = ZSTD_CCtx_setParameter(z->cctx, ZSTD_c_compressionLevel, CLEANZ_LEVEL);
	if (!ZSTD_isError(r))
		r = ZSTD_CCtx_setParameter(z->cctx, ZSTD_c_checksumFlag, 1);
	if (!ZSTD_isError(r) && d)
		r = ZSTD_CCtx_refCDict(z->cctx, d->c);
	if (!ZSTD_isError(r))
		r = ZSTD_compress2(z->cctx, buf, cap, text, len);
	if (ZSTD_isError(r)) {
		free(buf);
		return ZSTD_getErrorCode(r) == ZSTD_error_memory_allocation ? HY_ERR_NOMEM
									    : HY_ERR_INVALID;
	}
	*out = buf;
	*outlen = r;
	return 0;
}

uint32_t hy_cleanz_dict_of(const void *frame, size_t n)
{
	return frame && n ? ZSTD_getDictID_fromFrame(frame, n) : 0;
}

static int unpack_into(struct hy_cleanz *z, sqlite3 *db, const void *frame, size_t n,
		       struct last *l)
{
	unsigned long long size = ZSTD_getFrameContentSize(frame, n);
	uint32_t id = ZSTD_getDictID_fromFrame(frame, n);
	struct dict *d = NULL;
	int rc;
	if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN ||
	    size >= HY_CLEANZ_MAX)
		return HY_ERR_CORRUPT;
	if (id && (rc = load_dict(z, db, id, &d)) != 0)
		return rc;
	if (!z->dctx && !(z->dctx = ZSTD_createDCtx()))
		return HY_ERR_NOMEM;
	if (l->cap < (size_t)size + 1) {
		char *t = realloc(l->text, (size_t)size + 1);
		if (!t)
			return HY_ERR_NOMEM;
		l->text = t;
		l->cap = (size_t)size + 1;
	}
	if (l->n < n || !l->frame) {
		void *f = realloc(l->frame, n);
		if (!f)
			return HY_ERR_NOMEM;
		l->frame = f;
	}
	size_t r = d ? ZSTD_decompress_usingDDict(z->dctx, l->text, (size_t)size, frame, n, d->d)
		     : ZSTD_decompressDCtx(z->dctx, l->text, (size_t)size, frame, n);
	if (ZSTD_isError(r) || r != size)
		return ZSTD_isError(r) && ZSTD_getErrorCode(r) == ZSTD_error_memory_allocation
			       ? HY_ERR_NOMEM
			       : HY_ERR_CORRUPT;
	l->text[r] = '\0';
	l->len = r;
	memcpy(l->frame, frame, n);
	l->n = n;
	l->valid = 1;
	return 0;
}

int hy_cleanz_unpack(struct hy_cleanz *z, sqlite3 *db, const void *frame, size_t n,
		     const char **text, size_t *len)
{
	*text = "";
	*len = 0;
	if (n == 0)
		return 0;
	if (!frame)
		return HY_ERR_CORRUPT;
	for (size_t i = 0; i < CLEANZ_LAST; i++) {
		struct last *l = &z->last[i];
		if (l->valid && l->n == n && memcmp(l->frame, frame, n) == 0) {
			*text = l->text;
			*len = l->len;
			return 0;
		}
	}
	struct last *l = &z->last[z->next_last++ % CLEANZ_LAST];
	l->valid = 0;
	int rc = unpack_into(z, db, frame, n, l);
	if (rc)
		return rc;
	*text = l->text;
	*len = l->len;
	return 0;
}

/* sqlite's result code rc as ours: 0, HY_ERR_NOMEM or HY_ERR_DB (a
 * negated sqlite code would read as one of ours: -7 is HY_ERR_TOOBIG). */
static int from_sqlite(int rc)
{
	return rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW ? 0
	       : rc == SQLITE_NOMEM                                     ? HY_ERR_NOMEM
									: HY_ERR_DB;
}

int hy_cleanz_current(sqlite3 *db, uint32_t *dict)
{
	sqlite3_stmt *st = NULL;
	int rc;
	*dict = 0;
	rc = sqlite3_prepare_v2(db, "SELECT id FROM clean_dicts ORDER BY n DESC LIMIT 1", -1, &st,
				NULL);
	if (rc != SQLITE_OK) { /* a schema before v18: no table */
		sqlite3_finalize(st);
		return rc == SQLITE_ERROR ? 0 : rc;
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*dict = (uint32_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : rc;
}

/* The texts a dictionary is trained from: up to HY_CLEANZ_SAMPLES
 * meetings spread evenly over the ids (the same ones every time for the
 * same meetings, so a dictionary can be made again). */
struct samples {
	char *buf;
	size_t len, cap;
	size_t *sizes;
	unsigned n;
};

static int sample_add(struct samples *s, const char *text, size_t len)
{
	if (len > ((size_t)128 << 10)) /* the start of a huge one is enough */
		len = (size_t)128 << 10;
	if (s->len + len > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : (size_t)1 << 20;
		while (cap < s->len + len)
			cap *= 2;
		char *b = realloc(s->buf, cap);
		if (!b)
			return HY_ERR_NOMEM;
		s->buf = b;
		s->cap = cap;
	}
	memcpy(s->buf + s->len, text, len);
	s->len += len;
	s->sizes[s->n++] = len;
	return 0;
}

static int take_samples(struct hy_cleanz *z, sqlite3 *db, long min, struct samples *s)
{
	sqlite3_stmt *st = NULL;
	sqlite3_int64 lo = 0, hi = 0, count = 0, prev = -1;
	int rc = sqlite3_prepare_v2(db, "SELECT min(id), max(id), count(*) FROM meetings", -1, &st,
				    NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		lo = sqlite3_column_int64(st, 0);
		hi = sqlite3_column_int64(st, 1);
		count = sqlite3_column_int64(st, 2);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return from_sqlite(rc);
	if (count < min)
		return 0;
	if (!(s->sizes = calloc(HY_CLEANZ_SAMPLES, sizeof *s->sizes)))
		return HY_ERR_NOMEM;
	rc = sqlite3_prepare_v2(
		db, "SELECT id, cleanz FROM meetings WHERE id >= ?1 ORDER BY id LIMIT 1", -1, &st,
		NULL);
	if (rc != SQLITE_OK)
		return from_sqlite(rc);
	for (int k = 0; k < HY_CLEANZ_SAMPLES && s->len < HY_CLEANZ_SAMPLE_BYTES; k++) {
		sqlite3_int64 at =
			lo + (sqlite3_int64)((double)(hi - lo + 1) * k / HY_CLEANZ_SAMPLES);
		const char *text;
		size_t len;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, at > prev ? at : prev + 1);
		rc = sqlite3_step(st);
		if (rc == SQLITE_DONE)
			break;
		if (rc != SQLITE_ROW) {
			sqlite3_finalize(st);
			return from_sqlite(rc);
		}
		prev = sqlite3_column_int64(st, 0);
		rc = hy_cleanz_unpack(z, db, sqlite3_column_blob(st, 1),
				      (size_t)sqlite3_column_bytes(st, 1), &text, &len);
		if (!rc && len)
			rc = sample_add(s, text, len);
		if (rc) {
			sqlite3_finalize(st);
			return rc;
		}
	}
	sqlite3_finalize(st);
	return 0;
}

int hy_cleanz_train(struct hy_cleanz *z, sqlite3 *db, long min, uint32_t *dict)
{
	struct samples s = {0};
	sqlite3_stmt *st = NULL;
	void *d = NULL;
	int rc = hy_cleanz_current(db, dict);
	if (rc)
		return from_sqlite(rc);
	if (*dict)
		return 0;
	rc = take_samples(z, db, min, &s);
	if (rc == 0 && s.n > 0 && !(d = malloc(HY_CLEANZ_DICT_SIZE)))
		rc = HY_ERR_NOMEM;
	if (rc == 0 && d) {
		size_t dlen = ZDICT_trainFromBuffer(d, HY_CLEANZ_DICT_SIZE, s.buf, s.sizes, s.n);
		/* texts zstd finds nothing in: frames without one */
		uint32_t id = ZDICT_isError(dlen) ? 0 : ZDICT_getDictID(d, dlen);
		if (id) {
			rc = sqlite3_prepare_v2(db,
						"INSERT OR IGNORE INTO clean_dicts (id, dict)"
						" VALUES (?1, ?2)",
						-1, &st, NULL);
			if (rc == SQLITE_OK) {
				sqlite3_bind_int64(st, 1, (sqlite3_int64)id);
				sqlite3_bind_blob64(st, 2, d, dlen, SQLITE_STATIC);
				rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK
								     : sqlite3_errcode(db);
			}
			sqlite3_finalize(st);
			st = NULL;
			rc = from_sqlite(rc);
			if (rc == 0)
				*dict = id;
		}
	}
	free(d);
	free(s.buf);
	free(s.sizes);
	if (rc || !*dict)
		return rc;
	/* every text packed again with it (triggers that compare a text
	 * before and after see the same text) */
	rc = sqlite3_prepare_v2(
		db,
		"UPDATE meetings SET cleanz = hy_clean_pack(hy_clean(cleanz, id), ?1)"
		" WHERE length(cleanz) > 0 AND hy_clean_dict(cleanz) <> ?1",
		-1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, (sqlite3_int64)*dict);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
	}
	sqlite3_finalize(st);
	return from_sqlite(rc);
}

/* hy_clean(cleanz[, id]): the text, NULL for NULL; a value that is not a
 * frame (or whose dictionary is missing) an error naming meeting id. */
static void clean_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct hy_cleanz *z = sqlite3_user_data(ctx);
	const char *text;
	size_t len;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	const void *v = sqlite3_value_blob(argv[0]);
	size_t n = (size_t)sqlite3_value_bytes(argv[0]);
	if (!v && n) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	int rc = hy_cleanz_unpack(z, sqlite3_context_db_handle(ctx), v, n, &text, &len);
	if (rc == HY_ERR_NOMEM) {
		sqlite3_result_error_nomem(ctx);
	} else if (rc) {
		char *msg = argc > 1 && sqlite3_value_type(argv[1]) != SQLITE_NULL
				    ? sqlite3_mprintf("meeting %lld: its clean text is damaged (not"
						      " a zstd frame, its checksum wrong, or its"
						      " dictionary missing)",
						      sqlite3_value_int64(argv[1]))
				    : sqlite3_mprintf("hy_clean: a damaged clean text (not a zstd"
						      " frame, its checksum wrong, or its"
						      " dictionary missing)");
		if (msg)
			sqlite3_result_error(ctx, msg, -1);
		else
			sqlite3_result_error_nomem(ctx);
		sqlite3_free(msg);
	} else {
		sqlite3_result_text64(ctx, text, len, SQLITE_TRANSIENT, SQLITE_UTF8);
	}
}

/* hy_clean_pack(text[, dict]): NULL for NULL; with the newest
 * dictionary when none is named (0: none). */
static void pack_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct hy_cleanz *z = sqlite3_user_data(ctx);
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	uint32_t dict = 0;
	void *out;
	size_t len;
	int rc = 0;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	const char *text = (const char *)sqlite3_value_text(argv[0]);
	size_t n = (size_t)sqlite3_value_bytes(argv[0]);
	if (!text) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (argc > 1)
		dict = (uint32_t)sqlite3_value_int64(argv[1]);
	else if ((rc = hy_cleanz_current(db, &dict)) != 0)
		rc = rc == SQLITE_NOMEM ? HY_ERR_NOMEM : HY_ERR_CORRUPT;
	if (!rc)
		rc = hy_cleanz_pack(z, db, dict, text, n, &out, &len);
	if (rc == HY_ERR_NOMEM)
		sqlite3_result_error_nomem(ctx);
	else if (rc)
		sqlite3_result_error(ctx, "hy_clean_pack: no such dictionary, or zstd refused", -1);
	else
		sqlite3_result_blob64(ctx, out ? out : "", len, out ? free : SQLITE_TRANSIENT);
}

static void dict_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	const void *v = sqlite3_value_blob(argv[0]);
	size_t n = (size_t)sqlite3_value_bytes(argv[0]);
	sqlite3_result_int64(ctx, (sqlite3_int64)hy_cleanz_dict_of(v, n));
}

/* hy_clean_train(): the migration's, and by hand in the shell. */
static void train_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct hy_cleanz *z = sqlite3_user_data(ctx);
	uint32_t dict = 0;
	(void)argc;
	(void)argv;
	int rc = hy_cleanz_train(z, sqlite3_context_db_handle(ctx), hy_cleanz_dict_min(), &dict);
	if (rc == HY_ERR_NOMEM)
		sqlite3_result_error_nomem(ctx);
	else if (rc == HY_ERR_CORRUPT)
		sqlite3_result_error(ctx, "hy_clean_train: a clean text could not be read", -1);
	else if (rc)
		sqlite3_result_error(
			ctx, "hy_clean_train: the database could not be read or written", -1);
	else if (dict)
		sqlite3_result_int64(ctx, (sqlite3_int64)dict);
	else
		sqlite3_result_null(ctx);
}

int hy_cleanz_register(sqlite3 *db, struct hy_cleanz **out)
{
	static const struct {
		const char *name;
		int argc, flags;
		void (*fn)(sqlite3_context *, int, sqlite3_value **);
	} fns[] = {
		{"hy_clean", 1, SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, clean_fn},
		{"hy_clean", 2, SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, clean_fn},
		{"hy_clean_pack", 1, 0, pack_fn},
		{"hy_clean_pack", 2, SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, pack_fn},
		{"hy_clean_dict", 1, SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, dict_fn},
		{"hy_clean_train", 0, SQLITE_DIRECTONLY, train_fn},
	};
	struct hy_cleanz *z = calloc(1, sizeof *z);
	int rc = SQLITE_OK;
	if (out)
		*out = NULL;
	if (!z)
		return SQLITE_NOMEM;
	z->refs = 1;
	for (size_t i = 0; i < sizeof fns / sizeof fns[0] && rc == SQLITE_OK; i++) {
		z->refs++; /* each function's, released when it goes */
		rc = sqlite3_create_function_v2(db, fns[i].name, fns[i].argc,
						SQLITE_UTF8 | fns[i].flags, z, fns[i].fn, NULL,
						NULL, unref_void);
	}
	if (rc == SQLITE_OK && out)
		*out = z;
	else
		hy_cleanz_unref(z); /* (sqlite released a failed one's) */
	return rc;
}
