/* fts.c: the FTS5 tokenizer "huiyi" (fts.h: the token scheme) and pinyin.
 *
 * Compiled twice: into libhuiyi, and with HY_FTS_EXTENSION into the
 * loadable sqlite extension build/huiyi_fts.so (ext/huiyi_fts.c), where
 * every sqlite call goes through the sqlite3_api routines. */
#ifdef HY_FTS_EXTENSION
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3
#else
#include <sqlite3.h>
#endif

#include "huiyi/fts.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "huiyi/err.h"
#include "huiyi/fold.h"
#include "huiyi/i18n.h"
#include "huiyi/utf8.h"

#include "pinyin_table.h"

/* ---- pinyin ---------------------------------------------------------- */

size_t hy_fts_pinyin(uint32_t cp, const char **out, size_t max)
{
	size_t n = 0;
	int v;

	if (cp >= sizeof hy_pinyin_page / sizeof hy_pinyin_page[0] * 256)
		return 0;
	v = hy_pinyin_cp[hy_pinyin_page[cp >> 8]][cp & 0xFF] & ~HY_PINYIN_COMMON;
	if (!v)
		return 0;
	if (max > 0)
		out[0] = hy_pinyin_syl[v - 1];
	n = 1;
	for (size_t i = 0; i < HY_PINYIN_NMORE; i++) {
		if (hy_pinyin_more[i][0] != cp)
			continue;
		if (n < max)
			out[n] = hy_pinyin_syl[hy_pinyin_more[i][1]];
		n++;
	}
	return n;
}

/* Index of syllable s[0..len) in hy_pinyin_syl, or -1. */
static int syllable_find(const char *s, size_t len)
{
	size_t lo = 0, hi = HY_PINYIN_NSYL;

	if (len == 0 || len >= sizeof hy_pinyin_syl[0])
		return -1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strncmp(hy_pinyin_syl[mid], s, len);
		if (c == 0 && hy_pinyin_syl[mid][len] != '\0')
			c = 1; /* the table's entry is longer: sorts after */
		if (c == 0)
			return (int)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

#define PINYIN_MAX_IN 64
#define SYL_MAX ((int)sizeof hy_pinyin_syl[0] - 1)

/* The syllable of w[i..i+k), with "lue"/"nue" read as lve/nve. */
static int syllable_at(const char *w, size_t i, size_t k)
{
	char buf[sizeof hy_pinyin_syl[0]];
	if (k >= sizeof buf)
		return -1;
	memcpy(buf, w + i, k);
	if (k == 3 && (buf[0] == 'l' || buf[0] == 'n') && buf[1] == 'u' && buf[2] == 'e')
		buf[1] = 'v';
	return syllable_find(buf, k);
}

/* 1 if code point cp, whose default reading is v - 1, reads syl. */
static int pinyin_has(uint32_t cp, int v, int syl)
{
	if (v - 1 == syl)
		return 1;
	for (size_t i = 0; i < HY_PINYIN_NMORE; i++)
		if (hy_pinyin_more[i][0] == cp && (int)hy_pinyin_more[i][1] == syl)
			return 1;
	return 0;
}

int hy_fts_pinyin_split(const char *ascii, size_t len, char ***syllables, size_t *n)
{
	char w[PINYIN_MAX_IN];
	/* best[i]: fewest syllables that spell w[i..len) (INT_MAX: none);
	 * take[i]: the length of the first of them. Filled from the end, so
	 * the longest first syllable wins ties. */
	int best[PINYIN_MAX_IN + 1];
	int take[PINYIN_MAX_IN + 1];
	int sylidx[PINYIN_MAX_IN];
	size_t count = 0, bytes = 0;
	char **arr;
	char *p;

	*syllables = NULL;
	*n = 0;
	if (len == 0 || len > PINYIN_MAX_IN)
		return 0;
	for (size_t i = 0; i < len; i++) {
		char c = ascii[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (c < 'a' || c > 'z')
			return 0;
		w[i] = c;
	}
	best[len] = 0;
	for (size_t i = len; i-- > 0;) {
		best[i] = INT_MAX;
		take[i] = 0;
		for (int k = SYL_MAX; k >= 1; k--) {
			if ((size_t)k > len - i || best[i + (size_t)k] == INT_MAX)
				continue;
			if (syllable_at(w, i, (size_t)k) < 0)
				continue;
			if (best[i + (size_t)k] + 1 < best[i]) {
				best[i] = best[i + (size_t)k] + 1;
				take[i] = k;
			}
		}
	}
	if (best[0] == INT_MAX)
		return 0;
	for (size_t i = 0; i < len; i += (size_t)take[i]) {
		sylidx[count] = syllable_at(w, i, (size_t)take[i]);
		bytes += strlen(hy_pinyin_syl[sylidx[count]]) + 1;
		count++;
	}
	arr = malloc(count * sizeof *arr + bytes);
	if (!arr)
		return HY_ERR_NOMEM;
	p = (char *)(arr + count);
	for (size_t i = 0; i < count; i++) {
		size_t l = strlen(hy_pinyin_syl[sylidx[i]]) + 1;
		memcpy(p, hy_pinyin_syl[sylidx[i]], l);
		arr[i] = p;
		p += l;
	}
	*syllables = arr;
	*n = count;
	return 1;
}

/* ---- the tokenizer --------------------------------------------------- */

typedef int (*token_fn)(void *ctx, int tflags, const char *token, int ntoken, int start, int end);

/* One pass over a text. */
struct tok {
	token_fn fn;
	void *ctx;
	int query;
	int any;         /* a token has been delivered */
	int sep;         /* "other" characters since the last token */
	int last_pinyin; /* the last token was a query's pinyin syllable */
	int sep_start, sep_end;
	/* the word (or, in queries, pinyin syllable) being collected */
	int in_word, pinyin;
	char word[HY_FTS_MAX_WORD];
	int wlen, w_start, w_end;
};

/* Deliver a token at a new position, after the separator token when
 * "other" characters came between it and the previous one. */
static int emit(struct tok *t, const char *token, int n, int start, int end, int pinyin)
{
	/* spaces between the syllables of a query ("\x01ran \x01qi") are
	 * how the query side writes them, not text */
	if (t->sep && t->any && !pinyin && !t->last_pinyin) {
		int rc = t->fn(t->ctx, 0, HY_FTS_SEPARATOR, (int)sizeof HY_FTS_SEPARATOR - 1,
			       t->sep_start, t->sep_end);
		if (rc)
			return rc;
	}
	t->sep = 0;
	t->any = 1;
	t->last_pinyin = pinyin;
	return t->fn(t->ctx, 0, token, n, start, end);
}

/* The characters a query syllable stands for: every common Han character
 * (genpinyin) that can be in the index (its own fold) with that reading,
 * as alternatives at one position (FTS5_TOKEN_COLOCATED). An unknown
 * syllable, or one without such characters, is its own token, which no
 * document has. */
static int pinyin_query(struct tok *t)
{
	int syl = syllable_at(t->word, 0, (size_t)t->wlen);
	int n = 0, rc = 0;

	if (syl >= 0) {
		size_t npages = sizeof hy_pinyin_page / sizeof hy_pinyin_page[0];
		for (size_t hi = 0; hi < npages && rc == 0; hi++) {
			const uint16_t *pg = hy_pinyin_cp[hy_pinyin_page[hi]];
			if (!hy_pinyin_page[hi])
				continue;
			for (uint32_t lo = 0; lo < 256 && rc == 0; lo++) {
				uint32_t cp = (uint32_t)(hi << 8) | lo;
				char u[4];
				int ul;
				if (!(pg[lo] & HY_PINYIN_COMMON) ||
				    !pinyin_has(cp, pg[lo] & ~HY_PINYIN_COMMON, syl) ||
				    hy_fold_han(cp) != cp)
					continue;
				ul = (int)hy_utf8_encode(cp, u);
				rc = n == 0 ? emit(t, u, ul, t->w_start, t->w_end, 1)
					    : t->fn(t->ctx, FTS5_TOKEN_COLOCATED, u, ul, t->w_start,
						    t->w_end);
				n++;
			}
		}
	}
	if (rc == 0 && n == 0) {
		char tok[HY_FTS_MAX_WORD + 1];
		tok[0] = HY_FTS_PINYIN_PREFIX[0];
		memcpy(tok + 1, t->word, (size_t)t->wlen);
		rc = emit(t, tok, t->wlen + 1, t->w_start, t->w_end, 1);
	}
	return rc;
}

static int word_end(struct tok *t)
{
	int rc = 0;

	if (t->in_word && t->pinyin)
		rc = pinyin_query(t);
	else if (t->in_word)
		rc = emit(t, t->word, t->wlen, t->w_start, t->w_end, 0);
	t->in_word = 0;
	t->pinyin = 0;
	t->wlen = 0;
	return rc;
}

static void other(struct tok *t, int start, int end)
{
	if (!t->sep) {
		t->sep = 1;
		t->sep_start = start;
	}
	t->sep_end = end;
}

int hy_fts_tokenize(int flags, const char *text, size_t len, token_fn fn, void *ctx)
{
	struct tok t;
	size_t i = 0;
	int rc = SQLITE_OK;

	if (len > INT_MAX)
		return SQLITE_TOOBIG;
	memset(&t, 0, sizeof t);
	t.fn = fn;
	t.ctx = ctx;
	t.query = (flags & FTS5_TOKENIZE_QUERY) != 0;
	while (i < len && rc == SQLITE_OK) {
		uint32_t cp, f;
		int bad = 0, cls;
		size_t n = hy_utf8_next(text + i, len - i, &cp, &bad);
		int start = (int)i, end = (int)(i + n);

		i += n;
		f = bad ? HY_UTF8_REPLACEMENT : hy_fold_cp(cp);
		if (t.pinyin && !(f >= 'a' && f <= 'z'))
			rc = word_end(&t);
		if (rc)
			break;
		cls = hy_fold_class(f);
		if (cls == HY_FOLD_WORD) {
			char u[4];
			size_t ul = f < 0x80 ? (u[0] = (char)f, 1) : hy_utf8_encode(f, u);
			if (!t.in_word) {
				t.in_word = 1;
				t.w_start = start;
			}
			/* cut at HY_FTS_MAX_WORD bytes, between characters */
			if ((size_t)t.wlen + ul <= HY_FTS_MAX_WORD) {
				memcpy(t.word + t.wlen, u, ul);
				t.wlen += (int)ul;
			}
			t.w_end = end;
			continue;
		}
		if ((rc = word_end(&t)) != SQLITE_OK)
			break;
		if (cls == HY_FOLD_UNIGRAM) {
			char u[4];
			size_t ul = hy_utf8_encode(f, u);
			rc = emit(&t, u, (int)ul, start, end, 0);
			continue;
		}
		if (t.query && f == (uint32_t)HY_FTS_PINYIN_PREFIX[0] && i < len) {
			/* a pinyin syllable when a letter follows */
			uint32_t nc;
			hy_utf8_next(text + i, len - i, &nc, NULL);
			nc = hy_fold_cp(nc);
			if (nc >= 'a' && nc <= 'z') {
				t.in_word = 1;
				t.pinyin = 1;
				t.w_start = start;
				t.w_end = end;
				continue;
			}
		}
		other(&t, start, end);
	}
	if (rc == SQLITE_OK)
		rc = word_end(&t);
	return rc;
}

/* ---- FTS5 glue ------------------------------------------------------- */

/* The tokenizer object: no options, no state between calls; FTS5 wants a
 * distinct non-NULL object per table. */
struct hy_fts_tokenizer {
	int unused;
};

static int tok_create(void *udata, const char **argv, int argc, Fts5Tokenizer **out)
{
	struct hy_fts_tokenizer *t;

	(void)udata;
	(void)argv;
	*out = NULL;
	if (argc > 0)
		return SQLITE_ERROR; /* the tokenizer takes no options */
	t = sqlite3_malloc(sizeof *t);
	if (!t)
		return SQLITE_NOMEM;
	t->unused = 0;
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

static void tok_delete(Fts5Tokenizer *t)
{
	sqlite3_free(t);
}

static int tok_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text, int len,
			token_fn fn)
{
	(void)t;
	if (len <= 0 || !text)
		return SQLITE_OK;
	return hy_fts_tokenize(flags, text, (size_t)len, fn, ctx);
}

/* hy_fts_immediate(): 1, the insert triggers index each row at once
 * (schema.c schema v3; hy_store_open redefines it as 0). */
static void fts_immediate(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_int(ctx, 1);
}

/* Row lengths (fts.h, HY_FTS_LENS_ROWS): hy_doclen(sz) is the length in
 * tokens a %_docsize record holds (the sum of its varints, one a column;
 * 0 when it is not that shape); hy_lens(slot, len) is the block of a
 * group of rows (HY_FTS_LENS_ROWS little-endian uint32, 0 = unknown). */
static void doclen_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *p = sqlite3_value_blob(argv[0]);
	int n = sqlite3_value_bytes(argv[0]);
	sqlite3_int64 sum = 0;
	uint64_t v = 0;
	int k = 0;

	(void)argc;
	for (int i = 0; p && i < n; i++) {
		v = (v << 7) | (p[i] & 0x7f);
		if (++k > 4) { /* a column of more than 2^28 tokens: no */
			sqlite3_result_int(ctx, 0);
			return;
		}
		if (!(p[i] & 0x80)) {
			sum += (sqlite3_int64)v;
			v = 0;
			k = 0;
		}
	}
	sqlite3_result_int64(ctx, k || sum > UINT32_MAX ? 0 : sum);
}

static void put_len(unsigned char *b, int slot, uint32_t len)
{
	b += 4 * slot;
	b[0] = (unsigned char)len;
	b[1] = (unsigned char)(len >> 8);
	b[2] = (unsigned char)(len >> 16);
	b[3] = (unsigned char)(len >> 24);
}

static void lens_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	unsigned char *b = sqlite3_aggregate_context(ctx, 4 * HY_FTS_LENS_ROWS);
	sqlite3_int64 slot = sqlite3_value_int64(argv[0]);
	sqlite3_int64 len = sqlite3_value_int64(argv[1]);

	(void)argc;
	if (!b) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (slot >= 0 && slot < HY_FTS_LENS_ROWS && len > 0 && len <= UINT32_MAX)
		put_len(b, (int)slot, (uint32_t)len);
}

static void lens_final(sqlite3_context *ctx)
{
	unsigned char *b = sqlite3_aggregate_context(ctx, 0);
	if (b)
		sqlite3_result_blob(ctx, b, 4 * HY_FTS_LENS_ROWS, SQLITE_TRANSIENT);
	else
		sqlite3_result_zeroblob(ctx, 4 * HY_FTS_LENS_ROWS);
}

static int lens_register(sqlite3 *db)
{
	int f = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc = sqlite3_create_function(db, "hy_doclen", 1, f, NULL, doclen_fn, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "hy_lens", 2, f, NULL, NULL, lens_step,
					     lens_final);
	return rc;
}

int hy_fts_register(sqlite3 *db, char *err, size_t errlen)
{
	fts5_api *api = NULL;
	fts5_tokenizer tk = {tok_create, tok_delete, tok_tokenize};
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL);

	if (rc == SQLITE_OK) {
		sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
		sqlite3_step(st);
		rc = sqlite3_finalize(st);
	}
	if (rc == SQLITE_NOMEM)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	if (rc != SQLITE_OK || !api || api->iVersion < 2)
		return hy_err_set(err, errlen, HY_ERR_DB,
				  _("this sqlite has no FTS5 (%s); huiyi needs "
				    "it for search"),
				  sqlite3_errmsg(db));
	rc = api->xCreateTokenizer(api, HY_FTS_TOKENIZER, NULL, &tk, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "hy_fts_immediate", 0,
					     SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL, fts_immediate,
					     NULL, NULL);
	if (rc == SQLITE_OK)
		rc = lens_register(db);
	if (rc == SQLITE_NOMEM)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	if (rc != SQLITE_OK)
		return hy_err_set(err, errlen, HY_ERR_DB, _("registering the search tokenizer: %s"),
				  sqlite3_errstr(rc));
	return 0;
}
