/* simhash.c: the near-duplicate fingerprint (simhash.h) and the SQL
 * functions that make it for rows already stored (schema v11). */
#include "huiyi/simhash.h"
#include "internal.h"

#include "huiyi/fold.h"
#include "huiyi/utf8.h"

#include <string.h>

/* What one pass over a text counts besides its grams: Han characters,
 * and those of them that fold to another (traditional-only). */
struct tally {
	size_t han, trad;
};

/* The next folded letter, digit or Han character of s[*i..len), or 0 at
 * the end; t (may be NULL) counts the Han ones. */
static uint32_t next_kept(const char *s, size_t len, size_t *i, struct tally *t)
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
		/* 、。〃 brackets and quotes, without a fold (not 々 〆 〇) */
		if ((cp >= 0x3000 && cp <= 0x3004) || (cp >= 0x3008 && cp <= 0x3020))
			continue;
		if (hy_fold_is_han(cp)) {
			uint32_t f = hy_fold_han(cp);
			if (t) {
				t->han++;
				t->trad += f != cp;
			}
			return f;
		}
		uint32_t f = hy_fold_cp(cp);
		if (f && hy_fold_class(f) != HY_FOLD_OTHER)
			return f;
	}
	return 0;
}

/* hy_script's rule on a tally. */
static const char *script_of(const struct tally *t)
{
	if (!t->han)
		return NULL;
	return t->trad >= 5 || t->trad * 50 > t->han ? "hant" : "hans";
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

/* Each bit of the fingerprint is the majority of that bit over the
 * grams' hashes. The 64 counts are kept bit-sliced: word k holds bit k of
 * every count, and adding a hash is a ripple-carry add that stops when
 * the carry is spent (two words on average), instead of 64 additions a
 * gram (which took twice the time of cleaning the text). */
uint64_t hy_simhash(const char *text, size_t len)
{
	return hy_simhash_script(text, len, NULL);
}

uint64_t hy_simhash_script(const char *text, size_t len, const char **script)
{
	struct tally t = {0, 0};
	uint64_t cnt[64] = {0};
	uint32_t g[4] = {0};
	size_t i = 0, n = 0, grams;
	uint32_t c;

	if (script)
		*script = NULL;
	if (!text)
		return 0;
	while ((c = next_kept(text, len, &i, &t)) != 0) {
		g[0] = g[1];
		g[1] = g[2];
		g[2] = g[3];
		g[3] = c;
		if (++n < 4)
			continue;
		uint64_t carry = gram_hash(g);
		for (int k = 0; carry && k < 64; k++) {
			uint64_t both = cnt[k] & carry;
			cnt[k] ^= carry;
			carry = both;
		}
	}
	if (script)
		*script = script_of(&t);
	if (n < HY_SIMHASH_MIN_CHARS)
		return 0;
	grams = n - 3;
	uint64_t out = 0;
	for (int b = 0; b < 64; b++) {
		size_t ones = 0;
		for (int k = 0; k < 64 && k < (int)(sizeof ones * 8); k++)
			ones |= (size_t)(cnt[k] >> b & 1) << k;
		if (ones > grams - ones) /* more ones than zeros */
			out |= (uint64_t)1 << b;
	}
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
	struct tally t = {0, 0};
	size_t i = 0;
	if (!text)
		return NULL;
	while (next_kept(text, len, &i, &t) != 0)
		;
	return script_of(&t);
}

int hy_fold_same(const char *a, const char *b)
{
	size_t i = 0, j = 0, la, lb;
	if (!a || !b)
		return 1;
	la = strlen(a);
	lb = strlen(b);
	for (;;) {
		uint32_t x = next_kept(a, la, &i, NULL), y = next_kept(b, lb, &j, NULL);
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
