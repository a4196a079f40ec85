/* simhash.c: the near-duplicate fingerprint (simhash.h) and the SQL
 * functions that make it for rows already stored (schema v11). */
#include "huiyi/simhash.h"
#include "internal.h"

#include "huiyi/fold.h"
#include "huiyi/utf8.h"

#include <string.h>

/* The next folded letter, digit or Han character of s[*i..len), or 0 at
 * the end. */
static uint32_t next_kept(const char *s, size_t len, size_t *i)
{
	while (*i < len) {
		uint32_t cp;
		int bad = 0;
		size_t k = hy_utf8_next(s + *i, len - *i, &cp, &bad);
		if (k == 0)
			k = 1;
		*i += k;
		if (bad)
			continue;
		uint32_t f = hy_fold_cp(cp);
		if (f && hy_fold_class(f) != HY_FOLD_OTHER)
			return f;
	}
	return 0;
}

/* A 64-bit mix of four code points (splitmix64's finaliser). */
static uint64_t gram_hash(const uint32_t g[4])
{
	uint64_t x = ((uint64_t)g[0] << 42) ^ ((uint64_t)g[1] << 21) ^ g[2] ^
		     ((uint64_t)g[3] * 0x9e3779b97f4a7c15ull);
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebull;
	x ^= x >> 31;
	return x;
}

uint64_t hy_simhash(const char *text, size_t len)
{
	int32_t v[64] = {0};
	uint32_t g[4] = {0};
	size_t i = 0, n = 0;
	uint32_t c;

	if (!text)
		return 0;
	while ((c = next_kept(text, len, &i)) != 0) {
		g[0] = g[1];
		g[1] = g[2];
		g[2] = g[3];
		g[3] = c;
		if (++n < 4)
			continue;
		uint64_t h = gram_hash(g);
		for (int b = 0; b < 64; b++)
			v[b] += (h >> b & 1) ? 1 : -1;
	}
	if (n < HY_SIMHASH_MIN_CHARS)
		return 0;
	uint64_t out = 0;
	for (int b = 0; b < 64; b++)
		if (v[b] > 0)
			out |= (uint64_t)1 << b;
	return out ? out : 1; /* 0 means "none" */
}

int hy_simhash_distance(uint64_t a, uint64_t b)
{
	uint64_t x = a ^ b;
	int n = 0;
	while (x) {
		x &= x - 1;
		n++;
	}
	return n;
}

const char *hy_script(const char *text, size_t len)
{
	size_t i = 0, han = 0, trad = 0;
	if (!text)
		return NULL;
	while (i < len) {
		uint32_t cp;
		int bad = 0;
		size_t k = hy_utf8_next(text + i, len - i, &cp, &bad);
		i += k ? k : 1;
		if (bad || !hy_fold_is_han(cp))
			continue;
		han++;
		if (hy_fold_han(cp) != cp)
			trad++;
	}
	if (!han)
		return NULL;
	return trad >= 5 || trad * 50 > han ? "hant" : "hans";
}

int hy_fold_same(const char *a, const char *b)
{
	size_t i = 0, j = 0, la, lb;
	if (!a || !b)
		return 1;
	la = strlen(a);
	lb = strlen(b);
	for (;;) {
		uint32_t x = next_kept(a, la, &i), y = next_kept(b, lb, &j);
		if (x != y)
			return 0;
		if (!x)
			return 1;
	}
}

/* hy_simhash(text) as a signed 64-bit integer (NULL for none), and
 * hy_script(text), for the migration to schema v11 and refold. */
static void simhash_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *t = (const char *)sqlite3_value_text(argv[0]);
	uint64_t h = t ? hy_simhash(t, (size_t)sqlite3_value_bytes(argv[0])) : 0;
	if (h)
		sqlite3_result_int64(ctx, (sqlite3_int64)h);
	else
		sqlite3_result_null(ctx);
}

static void script_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *t = (const char *)sqlite3_value_text(argv[0]);
	const char *s = t ? hy_script(t, (size_t)sqlite3_value_bytes(argv[0])) : NULL;
	if (s)
		sqlite3_result_text(ctx, s, -1, SQLITE_STATIC);
	else
		sqlite3_result_null(ctx);
}

int hy_simhash_register(sqlite3 *db)
{
	int f = SQLITE_UTF8 | SQLITE_INNOCUOUS | SQLITE_DETERMINISTIC;
	int rc = sqlite3_create_function(db, "hy_simhash", 1, f, NULL, simhash_fn, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "hy_script", 1, f, NULL, script_fn, NULL, NULL);
	return rc;
}
