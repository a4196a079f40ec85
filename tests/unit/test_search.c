/* test_search.c: search (search.h).
 *
 * - Translation: examples, refusals, long queries, and every translated
 *   query (a list of nasty ones and 10,000 random ones) runs in FTS5 with
 *   the huiyi tokenizer without an error.
 * - The corpus and cases of tests/search (README.md there): each case's
 *   hit set, order, counts and filters.
 * - A brute-force oracle: every 1- to 4-character query cut from the
 *   corpus (both scripts, mixed, Latin and digits, folded forms, pinyin),
 *   and pairs of them with AND, OR and NOT, must find exactly the
 *   (meeting, section) pairs a scan of the folded text finds; results
 *   are in order, pages add up, filters and counts agree. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "tmpdir.h"

#include "huiyi/err.h"
#include "huiyi/fold.h"
#include "huiyi/fts.h"
#include "huiyi/import.h"
#include "huiyi/search.h"
#include "huiyi/store.h"
#include "huiyi/utf8.h"
#include "../../src/store/cleanz.h"
#include "../../src/store/internal.h" /* s->reader */

#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>
#include <time.h>

#define MAX_MEETINGS 64
#define BIG 100000 /* a limit that takes every hit */

/* Helpers. */

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 4096, n = 0, k;
	char *s;
	if (!f)
		return NULL;
	s = malloc(cap);
	while (s && (k = fread(s + n, 1, cap - n - 1, f)) > 0) {
		n += k;
		if (n + 1 == cap) {
			char *t = realloc(s, cap *= 2);
			if (!t)
				free(s);
			s = t;
		}
	}
	fclose(f);
	if (s)
		s[n] = 0;
	*len = n;
	return s;
}

static const char *root(void)
{
	const char *r = getenv("HUIYI_ROOT");
	return r ? r : ".";
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

/* A set of (meeting, section) as sorted keys meeting * 1000 + section. */
struct set {
	int64_t *v;
	size_t n, cap;
};

static void set_add(struct set *s, int64_t k)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->v = realloc(s->v, s->cap * sizeof *s->v);
		assert_non_null(s->v);
	}
	s->v[s->n++] = k;
}

static void set_sort(struct set *s)
{
	size_t k = 0;
	if (s->n > 1)
		qsort(s->v, s->n, sizeof *s->v, cmp_i64);
	for (size_t i = 0; i < s->n; i++)
		if (k == 0 || s->v[k - 1] != s->v[i])
			s->v[k++] = s->v[i];
	s->n = k;
}

static int set_eq(const struct set *a, const struct set *b)
{
	return a->n == b->n && (a->n == 0 || memcmp(a->v, b->v, a->n * sizeof *a->v) == 0);
}

static int set_has(const struct set *s, int64_t k)
{
	return s->n && bsearch(&k, s->v, s->n, sizeof k, cmp_i64) != NULL;
}

/* Hits as delivered, in order. */
struct hit {
	int64_t meeting;
	int section;
	double score;
	char date[16];
	int marked; /* the snippet has a marked hit */
};

struct hits {
	struct hit *v;
	size_t n, cap;
};

static int collect(const struct hy_search_hit *h, void *ctx)
{
	struct hits *hs = ctx;
	struct hit *x;
	if (hs->n == hs->cap) {
		hs->cap = hs->cap ? hs->cap * 2 : 16;
		hs->v = realloc(hs->v, hs->cap * sizeof *hs->v);
		assert_non_null(hs->v);
	}
	x = &hs->v[hs->n++];
	x->meeting = h->meeting;
	x->section = h->section;
	x->score = h->score;
	snprintf(x->date, sizeof x->date, "%s", h->date ? h->date : "");
	x->marked =
		strstr(h->snippet, HY_SEARCH_MARK_OPEN) && strstr(h->snippet, HY_SEARCH_MARK_CLOSE);
	assert_non_null(h->heading);
	return 0;
}

static struct set keys_of(const struct hits *h)
{
	struct set s = {0};
	for (size_t i = 0; i < h->n; i++)
		set_add(&s, h->v[i].meeting * 1000 + h->v[i].section);
	set_sort(&s);
	return s;
}

/* The orders of search.h: 0 when a may come before b. */
static int date_after(const struct hit *a, const struct hit *b)
{
	int c = strcmp(b->date, a->date);
	if (c)
		return c > 0;
	if (a->meeting != b->meeting)
		return a->meeting < b->meeting;
	return a->section > b->section;
}

static int in_order(const struct hits *h, enum hy_search_order o)
{
	for (size_t i = 1; i < h->n; i++) {
		const struct hit *a = &h->v[i - 1], *b = &h->v[i];
		if (o == HY_SEARCH_RANK && a->score != b->score) {
			if (a->score < b->score)
				return 0;
			continue;
		}
		if (date_after(a, b))
			return 0;
	}
	return 1;
}

/* Translation. */

static char *tr(const char *q, int *rc)
{
	char err[256] = "", *out = NULL;
	*rc = hy_search_translate(q, &out, err, sizeof err);
	if (*rc) {
		assert_null(out);
		assert_true(err[0] != '\0');
	}
	return out;
}

static void expect_tr(const char *q, const char *want)
{
	int rc;
	char *got = tr(q, &rc);
	if (rc || strcmp(got, want) != 0)
		fail_msg("translate [%s]: got [%s] (rc %d), want [%s]", q, got ? got : "", rc,
			 want);
	free(got);
}

static void expect_invalid(const char *q, const char *msg_part)
{
	char err[256] = "", *out = NULL;
	int rc = hy_search_translate(q, &out, err, sizeof err);
	if (rc != HY_ERR_INVALID)
		fail_msg("translate [%s]: rc %d (%s), want invalid", q, rc, out ? out : "");
	assert_null(out);
	if (msg_part && !strstr(err, msg_part))
		fail_msg("translate [%s]: message [%s] lacks [%s]", q, err, msg_part);
}

static void test_translate_examples(void **state)
{
	(void)state;
	expect_tr("燃气", "\"燃气\"");
	expect_tr("  燃气\t安全  ", "\"燃气\" AND \"安全\"");
	expect_tr("燃气　安全", "\"燃气\" AND \"安全\""); /* U+3000 */
	expect_tr("\"燃气 安全\"", "\"燃气安全\"");       /* no spaces in Chinese */
	expect_tr("\"covid 19\" \"5G 网络\"", "\"covid 19\" AND \"5G网络\"");
	expect_tr("“燃气安全”", "\"燃气安全\"");
	expect_tr("＂燃气＂", "\"燃气\"");
	expect_tr("燃气 -安全", "(\"燃气\") NOT (\"安全\")");
	expect_tr("-安全 燃气 -\"生产 经营\"", "(\"燃气\") NOT (\"安全\" OR \"生产经营\")");
	expect_tr("燃气 －安全", "(\"燃气\") NOT (\"安全\")");
	expect_tr("燃气 - 安全", "\"燃气\" AND \"安全\""); /* a lone minus */
	expect_tr("燃气 OR 财政", "(\"燃气\" OR \"财政\")");
	expect_tr("会议 燃气 OR 财政 OR 安全 纪要",
		  "\"会议\" AND (\"燃气\" OR \"财政\" OR \"安全\") AND "
		  "\"纪要\"");
	/* OR with no term on a side, or next to an exclusion: a word */
	expect_tr("OR 燃气", "\"OR\" AND \"燃气\"");
	expect_tr("燃气 OR", "\"燃气\" AND \"OR\"");
	expect_tr("燃气 OR -安全", "(\"燃气\" AND \"OR\") NOT (\"安全\")");
	expect_tr("燃气 or 财政", "\"燃气\" AND \"or\" AND \"财政\"");
	expect_tr("-燃气 OR -安全", "(\"OR\") NOT (\"燃气\" OR \"安全\")");
	/* FTS5 syntax is text */
	expect_tr("燃气*", "\"燃气*\"");
	expect_tr("heading:燃气", "\"heading:燃气\"");
	expect_tr("NEAR(燃气 安全)", "\"NEAR(燃气\" AND \"安全)\"");
	expect_tr("燃气 AND 安全 NOT 生产",
		  "\"燃气\" AND \"AND\" AND \"安全\" AND \"NOT\" AND \"生产\"");
	expect_tr("^燃气 +安全", "\"^燃气\" AND \"+安全\"");
	expect_tr("(燃气)", "\"(燃气)\"");
	/* quotes: a quote inside a word starts a phrase; unbalanced: the
	 * rest is the phrase */
	expect_tr("燃\"气", "\"燃\" AND \"气\"");
	expect_tr("\"燃气 安全", "\"燃气安全\"");
	expect_tr("燃气 \"安全 -生产 OR", "\"燃气\" AND \"安全-生产OR\"");
	expect_tr("\"\" 燃气 \"", "\"燃气\"");
	/* punctuation-only terms are dropped */
	expect_tr("燃气 ， 。 ** ()", "\"燃气\"");
	/* pinyin */
	expect_tr("ranqi", "(\"ranqi\" OR \"\x01ran \x01qi\")");
	expect_tr("RanQi", "(\"RanQi\" OR \"\x01ran \x01qi\")");
	expect_tr("ｒａｎｑｉ", "(\"ｒａｎｑｉ\" OR \"\x01ran \x01qi\")");
	expect_tr("xi'an", "(\"xi'an\" OR \"\x01xi \x01"
			   "an\")");
	expect_tr("\"ran qi\"", "(\"ran qi\" OR \"\x01ran \x01qi\")");
	expect_tr("gdp", "\"gdp\"");
	expect_tr("5g", "\"5g\"");
	expect_tr("-ranqi 燃气", "(\"燃气\") NOT ((\"ranqi\" OR \"\x01ran \x01qi\"))");
	/* controls and invalid UTF-8 separate terms; \x01 cannot be typed */
	expect_tr("燃气\x01qi", "\"燃气\" AND (\"qi\" OR \"\x01qi\")");
	expect_tr("燃气\xff\xfe安全", "\"燃气\" AND \"安全\"");
}

static void test_translate_refusals(void **state)
{
	(void)state;
	int rc;
	char *out = tr(NULL, &rc);
	assert_int_equal(rc, HY_ERR_INVALID);
	free(out);
	expect_invalid("", "empty");
	expect_invalid("   \t\n　 ", "empty");
	expect_invalid("\"\"", "empty");
	expect_invalid("-", "empty");
	expect_invalid("。，！？…… “” 【】", "punctuation");
	expect_invalid("* : ^ ( ) + -", NULL);
	expect_invalid("\"。\"", "punctuation");
	expect_invalid("-燃气", "excluded");
	expect_invalid("-燃气 -\"安全\" -ranqi", "excluded");
	expect_invalid("-燃气 -OR", "excluded");
}

static void test_translate_long(void **state)
{
	(void)state;
	char *q = malloc(40001), *out;
	size_t n = 0;
	int rc, terms = 0;

	/* 10,000 characters of one word: cut to HY_SEARCH_MAX_TERM_CHARS */
	for (int i = 0; i < 10000; i++, n += 3)
		memcpy(q + n, "燃", 3);
	q[n] = 0;
	out = tr(q, &rc);
	assert_int_equal(rc, 0);
	assert_int_equal(strlen(out), 2 + 3 * HY_SEARCH_MAX_TERM_CHARS);
	free(out);
	/* 5,000 terms: the first HY_SEARCH_MAX_TERMS */
	n = 0;
	for (int i = 0; i < 5000; i++, n += 4)
		memcpy(q + n, "气 ", 4);
	q[n] = 0;
	out = tr(q, &rc);
	assert_int_equal(rc, 0);
	for (const char *p = out; (p = strstr(p, " AND ")); p++)
		terms++;
	assert_int_equal(terms + 1, HY_SEARCH_MAX_TERMS);
	free(out);
	/* 30,000 excluded words before the word to find: the cap keeps
	 * the word to find, then the first excluded ones (issue 16) */
	{
		char *big = malloc(30000 * 3 + 16), *p;
		size_t m = 0;
		int ors = 0;
		for (int i = 0; i < 30000; i++, m += 3)
			memcpy(big + m, "-x ", 3);
		memcpy(big + m, "会议 -y", sizeof "会议 -y");
		out = tr(big, &rc);
		assert_int_equal(rc, 0);
		assert_int_equal(strncmp(out, "(\"会议\") NOT (\"x\" OR ", 20), 0);
		for (p = out; (p = strstr(p, " OR ")); p++)
			ors++;
		assert_int_equal(ors + 2, HY_SEARCH_MAX_TERMS);
		assert_null(strstr(out, "\"y\""));
		free(out);
		free(big);
	}
	/* 10,000 quotes, minuses, parentheses: nothing to search */
	for (char c = 0, *cs = "\"-("; (c = *cs); cs++) {
		memset(q, c, 10000);
		q[10000] = 0;
		out = tr(q, &rc);
		assert_int_equal(rc, HY_ERR_INVALID);
		free(out);
	}
	free(q);
}

/* Every translation parses in FTS5: a table with the huiyi tokenizer. */
static sqlite3_stmt *open_probe(sqlite3 **db)
{
	char err[256];
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(":memory:", db), SQLITE_OK);
	assert_int_equal(hy_fts_register(*db, err, sizeof err), 0);
	assert_int_equal(sqlite3_exec(*db,
				      "CREATE VIRTUAL TABLE t USING fts5(heading, text,"
				      " tokenize='huiyi');"
				      "INSERT INTO t VALUES ('燃气安全', '会议研究了城镇"
				      "燃氣安全，2024年底前完成5G基站23个。');"
				      "INSERT INTO t VALUES ('财政', 'NEAR AND OR NOT "
				      "ranqi xi an 西安 方案 \"quoted\" a*b');",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(*db,
					    "SELECT bm25(t, 10.0, 1.0),"
					    " snippet(t, -1, '[', ']', '…', 8),"
					    " highlight(t, 0, '[', ']')"
					    " FROM t WHERE t MATCH ?1",
					    -1, &st, NULL),
			 SQLITE_OK);
	return st;
}

static void probe(sqlite3 *db, sqlite3_stmt *st, const char *q)
{
	int rc;
	char *expr = tr(q, &rc);
	if (rc) {
		assert_int_equal(rc, HY_ERR_INVALID);
		return;
	}
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE)
		fail_msg("query [%s] → [%s]: %s", q, expr, sqlite3_errmsg(db));
	sqlite3_reset(st);
	free(expr);
}

static uint64_t rnd(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

static void test_translate_parses(void **state)
{
	static const char *const nasty[] = {
		"\"",
		"\"\"",
		"\"\"\"",
		"a\"b\"c",
		"\"a",
		"a\"",
		"*",
		"a*",
		"*a",
		"燃*气",
		":",
		"a:b",
		"heading:燃气",
		"text:",
		":燃气",
		"{heading text}:燃气",
		"-heading:燃气",
		"^",
		"^燃气",
		"燃气^",
		"(",
		")",
		"()",
		"(燃气",
		"燃气)",
		"((((燃气))))",
		"NEAR",
		"NEAR(",
		"NEAR(燃气 安全, 2)",
		"NEAR/3",
		"燃气 NEAR 安全",
		"AND",
		"OR",
		"NOT",
		"AND OR NOT",
		"燃气 AND",
		"OR OR OR",
		"燃气 OR OR 安全",
		"- -- ---",
		"-\"\"",
		"-\"燃气",
		"+",
		"+燃气",
		"燃气 + 安全",
		"'",
		"''",
		"xi'an",
		"'ranqi'",
		"\x01",
		"\x01ran",
		"燃\x01qi",
		"\\",
		"\\\"",
		"%",
		"_",
		"%燃%",
		"';DROP TABLE t;--",
		"\xff",
		"\xc3",
		"\xe7\x87",
		"燃\xe7\x87",
		"\xf0\x9f\x98\x80",
		"😀燃气😀",
		"ｒａｎｑｉ",
		"＂燃气＂",
		"“燃气",
		"燃气”",
		"－燃气",
		"−燃气 安全",
		"〇",
		"\xe2\x80\x8b",
		"a\xc2\xa0"
		"b",
		"ŕanqi",
		"0",
		"00000000000000000000000000000000000000000000000000000000"
		"00000000000000000000000000",
		"zhongzhongzhongzhong",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		"aaaaaaaaaaaaaaaa",
	};
	static const char *const pieces[] = {
		"\"",     "\"",  "*",    ":",        "^",       "(",    ")",     "NEAR", "AND",
		"OR",     "NOT", "+",    "-",        "－",      " ",    " ",     " ",    "\t",
		"　",     "燃",  "气",   "燃气",     "燃氣",    "安全", "財政",  "会议", "2024",
		"年",     "5G",  "23个", "a",        "ran",     "qi",   "ranqi", "xi",   "'",
		"an",     "“",   "”",    "＂",       ",",       "。",   "\x01",  "\xff", "\xe7",
		"\x80",   "😀",   "{",    "}",        "heading", "text", "/",     "\\",   "%",
		"ｒａｎ", "Ｇ",  "〇",   "\xc2\xa0", "e",
	};
	sqlite3 *db;
	sqlite3_stmt *st = open_probe(&db);
	uint64_t seed = 0x9e3779b97f4a7c15u;
	char q[512];

	(void)state;
	for (size_t i = 0; i < sizeof nasty / sizeof nasty[0]; i++)
		probe(db, st, nasty[i]);
	for (int i = 0; i < 10000; i++) {
		size_t n = 0, k = 1 + rnd(&seed) % 12;
		for (size_t j = 0; j < k; j++) {
			const char *p = pieces[rnd(&seed) % (sizeof pieces / sizeof pieces[0])];
			size_t l = strlen(p);
			if (n + l >= sizeof q)
				break;
			memcpy(q + n, p, l);
			n += l;
		}
		q[n] = 0;
		probe(db, st, q);
	}
	/* random bytes */
	for (int i = 0; i < 1000; i++) {
		size_t n = 1 + rnd(&seed) % 40;
		for (size_t j = 0; j < n; j++)
			q[j] = (char)(1 + rnd(&seed) % 255);
		q[n] = 0;
		probe(db, st, q);
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
}

/* The corpus. */

struct col {
	char *text;   /* as stored */
	uint32_t *cp; /* folded */
	size_t n;
};

struct doc {
	int64_t meeting;
	int section;
	struct col col[2]; /* heading, text (0: title, summary) */
};

struct corpus {
	char dir[64], db[128];
	struct hy_store *s;
	char *name[MAX_MEETINGS]; /* by meeting id */
	char *date[MAX_MEETINGS];
	int64_t nmeetings;
	struct doc *docs;
	size_t ndocs;
};

static void fold_col(struct col *c, const char *s)
{
	size_t len = s ? strlen(s) : 0;
	c->text = strdup(s ? s : "");
	c->cp = malloc((len + 1) * sizeof *c->cp);
	assert_non_null(c->cp);
	c->n = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += hy_utf8_next(s + i, len - i, &cp, NULL);
		c->cp[c->n++] = hy_fold_cp(cp);
	}
}

static void add_doc(struct corpus *c, int64_t m, int sec, const char *a, const char *b)
{
	struct doc *d;
	c->docs = realloc(c->docs, (c->ndocs + 1) * sizeof *c->docs);
	assert_non_null(c->docs);
	d = &c->docs[c->ndocs++];
	d->meeting = m;
	d->section = sec;
	fold_col(&d->col[0], a);
	fold_col(&d->col[1], b);
}

static int setup_corpus(void **state)
{
	struct corpus *c = calloc(1, sizeof *c);
	char path[4096], err[256] = "";
	struct hy_import_stats st = {0};
	struct dirent *e;
	DIR *dp;
	size_t n;

	assert_non_null(c);
	assert_int_equal(test_tmpdir(c->dir, sizeof c->dir, "search", c->db, sizeof c->db, "t.db"),
			 0);
	if (hy_store_open(&c->s, c->db, HY_STORE_CREATE, err, sizeof err))
		fail_msg("open: %s", err);
	snprintf(path, sizeof path, "%s/tests/search/corpus", root());
	/* in name order, so meeting ids do not depend on the file system */
	char *names[MAX_MEETINGS];
	size_t nn = 0;
	dp = opendir(path);
	assert_non_null(dp);
	while ((e = readdir(dp))) {
		n = strlen(e->d_name);
		if (n > 4 && strcmp(e->d_name + n - 4, ".txt") == 0) {
			assert_true(nn < MAX_MEETINGS - 1);
			names[nn++] = strndup(e->d_name, n - 4);
		}
	}
	closedir(dp);
	for (size_t i = 0; i < nn; i++)
		for (size_t j = i + 1; j < nn; j++)
			if (strcmp(names[j], names[i]) < 0) {
				char *t = names[i];
				names[i] = names[j];
				names[j] = t;
			}
	for (size_t i = 0; i < nn; i++) {
		char file[4200], *raw;
		size_t len;
		snprintf(file, sizeof file, "%s/%s.txt", path, names[i]);
		raw = slurp(file, &len);
		assert_non_null(raw);
		if (hy_import_bytes(c->s, raw, len, names[i], NULL, &st, err, sizeof err))
			fail_msg("import %s: %s", names[i], err);
		free(raw);
		free(names[i]);
	}
	assert_int_equal(hy_store_count(c->s, NULL, &n, err, sizeof err), 0);
	assert_int_equal(n, nn);
	c->nmeetings = (int64_t)n;
	for (int64_t id = 1; id <= c->nmeetings; id++) {
		struct hy_store_record r;
		assert_int_equal(hy_store_get(c->s, id, &r, err, sizeof err), 0);
		c->name[id] = strdup(r.source);
		c->date[id] = r.m.date ? strdup(r.m.date) : NULL;
		add_doc(c, id, 0, r.m.title, r.m.summary);
		for (size_t k = 0; k < r.m.n_sections; k++)
			add_doc(c, id, r.m.sections[k].n, r.m.sections[k].heading,
				r.m.sections[k].text);
		hy_store_record_free(&r);
	}
	*state = c;
	return 0;
}

static int teardown_corpus(void **state)
{
	struct corpus *c = *state;
	hy_store_close(c->s);
	for (int64_t i = 0; i < MAX_MEETINGS; i++) {
		free(c->name[i]);
		free(c->date[i]);
	}
	for (size_t i = 0; i < c->ndocs; i++)
		for (int k = 0; k < 2; k++) {
			free(c->docs[i].col[k].text);
			free(c->docs[i].col[k].cp);
		}
	free(c->docs);
	test_rmdir(c->dir);
	free(c);
	return 0;
}

/* Force a plan on the corpus's store (every plan gives the same
 * results). */
static void set_plan(struct corpus *c, enum hy_search_plan plan)
{
	const struct hy_search_opts o = {.plan = plan};
	hy_store_search_opts(c->s, &o);
}

static int search(struct corpus *c, const char *q, const struct hy_store_filter *f,
		  enum hy_search_order o, size_t offset, size_t limit, struct hits *h)
{
	char err[256] = "";
	int rc;
	h->n = 0;
	rc = hy_store_search(c->s, q, f, o, offset, limit, collect, h, err, sizeof err);
	if (rc < 0 && rc != HY_ERR_INVALID)
		fail_msg("search [%s]: %s", q, err);
	if (rc >= 0)
		assert_int_equal((size_t)rc, h->n);
	return rc;
}

/* "name:n" → key, or -1. */
static int64_t key_of(const struct corpus *c, const char *s, size_t len)
{
	const char *colon = memchr(s, ':', len);
	if (!colon)
		return -1;
	for (int64_t id = 1; id <= c->nmeetings; id++)
		if (strlen(c->name[id]) == (size_t)(colon - s) &&
		    memcmp(c->name[id], s, (size_t)(colon - s)) == 0)
			return id * 1000 + atoi(colon + 1);
	return -1;
}

static void print_keys(const struct corpus *c, const char *label, const int64_t *v, size_t n)
{
	printf("#   %s:", label);
	for (size_t i = 0; i < n; i++)
		printf(" %s:%d", c->name[v[i] / 1000], (int)(v[i] % 1000));
	printf("\n");
}

/* Keys listed on a line ("-" for none), in order. */
static struct set parse_keys(const struct corpus *c, const char *s, int *bad)
{
	struct set out = {0};
	while (*s) {
		size_t n;
		int64_t k;
		while (*s == ' ')
			s++;
		n = strcspn(s, " ");
		if (n == 0)
			break;
		if (!(n == 1 && *s == '-')) {
			k = key_of(c, s, n);
			if (k < 0) {
				printf("# unknown hit '%.*s'\n", (int)n, s);
				*bad = 1;
			} else {
				set_add(&out, k);
			}
		}
		s += n;
	}
	return out;
}

struct tcase {
	int line;
	char query[512];
	int has_query, error, has_hits, has_order, has_first, has_count;
	char hits[1024], order[1024], first[128];
	size_t count_s, count_m;
	enum hy_search_order sort;
	char from[16], to[16], body[64], person[64];
};

static int run_case(struct corpus *c, const struct tcase *t)
{
	struct hy_store_filter f = {t->from[0] ? t->from : NULL, t->to[0] ? t->to : NULL,
				    t->body[0] ? t->body : NULL, t->person[0] ? t->person : NULL};
	struct hits h = {0};
	int bad = 0, rc;

	rc = search(c, t->query, &f, t->sort, 0, BIG, &h);
	if (t->error) {
		if (rc != HY_ERR_INVALID) {
			printf("# line %d [%s]: rc %d, want invalid\n", t->line, t->query, rc);
			bad = 1;
		}
		free(h.v);
		return bad;
	}
	if (rc < 0) {
		printf("# line %d [%s]: rc %d\n", t->line, t->query, rc);
		free(h.v);
		return 1;
	}
	struct set got = keys_of(&h);
	if (t->has_hits || t->has_order) {
		struct set want = parse_keys(c, t->has_hits ? t->hits : t->order, &bad);
		set_sort(&want);
		if (!set_eq(&got, &want)) {
			printf("# line %d [%s]: hits differ\n", t->line, t->query);
			print_keys(c, "want", want.v, want.n);
			print_keys(c, "got ", got.v, got.n);
			bad = 1;
		}
		free(want.v);
	}
	if (t->has_order) {
		struct set want = parse_keys(c, t->order, &bad);
		int same = want.n == h.n;
		for (size_t i = 0; same && i < h.n; i++)
			same = want.v[i] == h.v[i].meeting * 1000 + h.v[i].section;
		if (!same) {
			struct set g = {0};
			for (size_t i = 0; i < h.n; i++)
				set_add(&g, h.v[i].meeting * 1000 + h.v[i].section);
			printf("# line %d [%s]: order differs\n", t->line, t->query);
			print_keys(c, "want", want.v, want.n);
			print_keys(c, "got ", g.v, g.n);
			free(g.v);
			bad = 1;
		}
		free(want.v);
	}
	if (t->has_first) {
		struct set want = parse_keys(c, t->first, &bad);
		if (want.n != 1 || h.n == 0 ||
		    want.v[0] != h.v[0].meeting * 1000 + h.v[0].section) {
			printf("# line %d [%s]: first hit differs\n", t->line, t->query);
			bad = 1;
		}
		free(want.v);
	}
	if (t->has_count) {
		size_t s = 0, m = 0;
		char err[256];
		rc = hy_store_search_count(c->s, t->query, &f, &s, &m, err, sizeof err);
		if (rc || s != t->count_s || m != t->count_m) {
			printf("# line %d [%s]: count %zu %zu (rc %d), want "
			       "%zu %zu\n",
			       t->line, t->query, s, m, rc, t->count_s, t->count_m);
			bad = 1;
		}
	}
	if (!in_order(&h, t->sort)) {
		printf("# line %d [%s]: results out of order\n", t->line, t->query);
		bad = 1;
	}
	for (size_t i = 0; i < h.n; i++)
		if (!h.v[i].marked) {
			printf("# line %d [%s]: a snippet without a marked "
			       "hit\n",
			       t->line, t->query);
			bad = 1;
			break;
		}
	free(got.v);
	free(h.v);
	return bad;
}

static void test_cases(void **state)
{
	struct corpus *c = *state;
	char path[4096], *text, *line, *save = NULL;
	struct tcase t;
	size_t len;
	int cases = 0, failed = 0, lineno = 0, open = 0;
	const char *only = getenv("SEARCH_CASE");

	snprintf(path, sizeof path, "%s/tests/search/cases.txt", root());
	text = slurp(path, &len);
	assert_non_null(text);
	memset(&t, 0, sizeof t);
	/* one block per case; a NULL line at the end closes the last */
	for (char *p = text;; p = NULL) {
		line = p ? p : save;
		if (line && *line == '\0')
			line = NULL;
		if (line) {
			char *nl = strchr(line, '\n');
			if (nl) {
				*nl = '\0';
				save = nl + 1;
			} else {
				save = line + strlen(line);
			}
			lineno++;
		}
		if (!line || line[0] == '\0') {
			if (open && t.has_query && (!only || strstr(t.query, only))) {
				cases++;
				failed += run_case(c, &t);
			}
			memset(&t, 0, sizeof t);
			open = 0;
			if (!line)
				break;
			continue;
		}
		if (line[0] == '#')
			continue;
		if (!open)
			t.line = lineno;
		open = 1;
		const char *rest = strchr(line, ' ');
		size_t klen = rest ? (size_t)(rest - line) : strlen(line);
		rest = rest ? rest + 1 : "";
#define KEY(k) (klen == strlen(k) && strncmp(line, k, klen) == 0)
		if (KEY("query")) {
			snprintf(t.query, sizeof t.query, "%s", rest);
			t.has_query = 1;
		} else if (KEY("hits")) {
			snprintf(t.hits, sizeof t.hits, "%s", rest);
			t.has_hits = 1;
		} else if (KEY("order")) {
			snprintf(t.order, sizeof t.order, "%s", rest);
			t.has_order = 1;
		} else if (KEY("first")) {
			snprintf(t.first, sizeof t.first, "%s", rest);
			t.has_first = 1;
		} else if (KEY("count")) {
			t.has_count = sscanf(rest, "%zu %zu", &t.count_s, &t.count_m) == 2;
			assert_true(t.has_count);
		} else if (KEY("sort")) {
			t.sort = strcmp(rest, "date") == 0 ? HY_SEARCH_DATE : HY_SEARCH_RANK;
		} else if (KEY("from")) {
			snprintf(t.from, sizeof t.from, "%s", rest);
		} else if (KEY("to")) {
			snprintf(t.to, sizeof t.to, "%s", rest);
		} else if (KEY("body")) {
			snprintf(t.body, sizeof t.body, "%s", rest);
		} else if (KEY("person")) {
			snprintf(t.person, sizeof t.person, "%s", rest);
		} else if (KEY("error")) {
			t.error = 1;
		} else {
			fail_msg("cases.txt:%d: unknown key '%.*s'", lineno, (int)klen, line);
		}
#undef KEY
	}
	free(text);
	printf("# search cases: %d, failed: %d\n", cases, failed);
	assert_true(cases > 0);
	assert_int_equal(failed, 0);
}

/* The oracle: the tokens of fts.h, computed independently. Folded text →
 * tokens: a CJK character is one, a run of a–z 0–9 is one (the word, cut
 * at HY_FTS_MAX_WORD bytes), and anything else between two tokens is one
 * separator. A query of one term matches where its tokens stand in a row
 * in a column; a term of letters that splits into pinyin also matches
 * characters in a row that read so. */
enum { K_HAN, K_WORD, K_SEP };

struct tk {
	int kind;
	uint32_t cp;
	char word[HY_FTS_MAX_WORD + 1];
};

/* A token per character: Han, and kana, Hangul … (fold.h classes). */
static int is_han(uint32_t cp)
{
	return hy_fold_is_han(cp) || cp == 0x3007 || hy_fold_class(cp) == HY_FOLD_UNIGRAM;
}

/* Letters and digits of any other script run into words. */
static int is_word(uint32_t cp)
{
	return hy_fold_class(cp) == HY_FOLD_WORD;
}

static size_t tokens(const uint32_t *cp, size_t n, struct tk *out)
{
	size_t nt = 0;
	int sep = 0;
	for (size_t i = 0; i < n;) {
		if (!is_han(cp[i]) && !is_word(cp[i])) {
			sep = 1;
			i++;
			continue;
		}
		if (sep && nt > 0)
			out[nt++].kind = K_SEP;
		sep = 0;
		if (is_han(cp[i])) {
			out[nt].kind = K_HAN;
			out[nt++].cp = cp[i++];
		} else {
			size_t w = 0;
			out[nt].kind = K_WORD;
			while (i < n && is_word(cp[i])) {
				char u[4];
				size_t ul = hy_utf8_encode(cp[i], u);
				if (w + ul <= HY_FTS_MAX_WORD) {
					memcpy(out[nt].word + w, u, ul);
					w += ul;
				}
				i++;
			}
			out[nt++].word[w] = 0;
		}
	}
	return nt;
}

struct term {
	struct tk *q;
	size_t nq;
	char **syl; /* pinyin, or NULL */
	size_t nsyl;
};

static int reads(uint32_t cp, const char *syl)
{
	const char *r[16];
	size_t n = hy_fts_pinyin(cp, r, 16);
	for (size_t i = 0; i < n && i < 16; i++)
		if (strcmp(r[i], syl) == 0)
			return 1;
	return 0;
}

static int col_match(const struct col *c, const struct term *t)
{
	struct tk *d = malloc((c->n + 1) * sizeof *d);
	size_t nd = tokens(c->cp, c->n, d);
	int found = 0;
	for (size_t p = 0; !found && p + t->nq <= nd; p++) {
		size_t j;
		for (j = 0; j < t->nq; j++) {
			const struct tk *a = &t->q[j], *b = &d[p + j];
			if (a->kind != b->kind || (a->kind == K_HAN && a->cp != b->cp) ||
			    (a->kind == K_WORD && strcmp(a->word, b->word)))
				break;
		}
		found = j == t->nq;
	}
	for (size_t p = 0; !found && t->syl && p + t->nsyl <= nd; p++) {
		size_t j;
		for (j = 0; j < t->nsyl; j++)
			if (d[p + j].kind != K_HAN || !reads(d[p + j].cp, t->syl[j]))
				break;
		found = j == t->nsyl;
	}
	free(d);
	return found;
}

static void term_init(struct term *t, const char *q)
{
	struct col c;
	char ascii[HY_FTS_MAX_WORD + 1];
	size_t na = 0;
	int letters = 1;

	fold_col(&c, q);
	t->q = malloc((c.n + 1) * sizeof *t->q);
	t->nq = tokens(c.cp, c.n, t->q);
	t->syl = NULL;
	t->nsyl = 0;
	for (size_t i = 0; i < c.n; i++) {
		if (c.cp[i] < 'a' || c.cp[i] > 'z' || na == HY_FTS_MAX_WORD)
			letters = 0;
		else
			ascii[na++] = (char)c.cp[i];
	}
	if (letters && na > 0 && hy_fts_pinyin_split(ascii, na, &t->syl, &t->nsyl) != 1) {
		t->syl = NULL;
		t->nsyl = 0;
	}
	free(c.text);
	free(c.cp);
}

static void term_free(struct term *t)
{
	free(t->q);
	free(t->syl);
}

/* The docs matching one term, as a set. */
static struct set oracle(const struct corpus *c, const char *q)
{
	struct set s = {0};
	struct term t;
	term_init(&t, q);
	for (size_t i = 0; i < c->ndocs; i++) {
		const struct doc *d = &c->docs[i];
		if (col_match(&d->col[0], &t) || col_match(&d->col[1], &t))
			set_add(&s, d->meeting * 1000 + d->section);
	}
	term_free(&t);
	set_sort(&s);
	return s;
}

/* Queries: every 1..4-character piece of the corpus made of CJK, letters
 * and digits (strings, deduplicated), in original and folded form. */
struct strs {
	char **v;
	size_t n, cap;
};

static void strs_add(struct strs *s, const char *p, size_t n)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 256;
		s->v = realloc(s->v, s->cap * sizeof *s->v);
		assert_non_null(s->v);
	}
	s->v[s->n++] = strndup(p, n);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void strs_uniq(struct strs *s)
{
	size_t k = 0;
	qsort(s->v, s->n, sizeof *s->v, cmp_str);
	for (size_t i = 0; i < s->n; i++) {
		if (k && strcmp(s->v[k - 1], s->v[i]) == 0)
			free(s->v[i]);
		else
			s->v[k++] = s->v[i];
	}
	s->n = k;
}

static void strs_free(struct strs *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
}

static void pieces_of(const char *text, struct strs *out, struct strs *py)
{
	size_t len = strlen(text), off[4096], n = 0;
	uint32_t cps[4096];

	for (size_t i = 0; i < len && n < 4095;) {
		off[n] = i;
		i += hy_utf8_next(text + i, len - i, &cps[n], NULL);
		cps[n] = hy_fold_cp(cps[n]);
		n++;
	}
	off[n] = len;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 1; k <= 4 && i + k <= n; k++) {
			uint32_t c = cps[i + k - 1];
			char folded[64], pin[128] = "";
			size_t fl = 0;
			int all_han = 1;
			if (!is_han(c) && !is_word(c))
				break;
			strs_add(out, text + off[i], off[i + k] - off[i]);
			for (size_t j = i; j < i + k; j++) {
				fl += hy_utf8_encode(cps[j], folded + fl);
				all_han &= is_han(cps[j]);
			}
			strs_add(out, folded, fl);
			/* the pinyin of a CJK piece, default readings */
			for (size_t j = i; all_han && j < i + k; j++) {
				const char *r[1];
				if (hy_fts_pinyin(cps[j], r, 1) == 0) {
					all_han = 0;
					break;
				}
				strcat(pin, r[0]);
			}
			if (all_han && k <= 3)
				strs_add(py, pin, strlen(pin));
		}
}

static void test_brute_force(void **state)
{
	struct corpus *c = *state;
	struct strs all = {0}, py = {0}, qs = {0};
	struct hits h = {0}, hd = {0};
	int failed = 0, checked = 0, unmarked = 0, nonempty = 0;
	size_t len1 = 0;
	clock_t t0 = clock();

	for (size_t i = 0; i < c->ndocs; i++)
		for (int k = 0; k < 2; k++)
			pieces_of(c->docs[i].col[k].text, &all, &py);
	strs_uniq(&all);
	strs_uniq(&py);
	/* every piece; every 8th pinyin spelling (a syllable expands to
	 * every character read so: slow in FTS5) */
	for (size_t i = 0; i < all.n; i++) {
		size_t ncp = 0;
		for (const char *p = all.v[i]; *p; p++)
			ncp += ((unsigned char)*p & 0xc0) != 0x80;
		strs_add(&qs, all.v[i], strlen(all.v[i]));
		len1 += ncp == 1;
	}
	for (size_t i = 0; i < py.n; i += 8)
		strs_add(&qs, py.v[i], strlen(py.v[i]));
	for (size_t i = 0; i < qs.n; i++) {
		const char *q = qs.v[i];
		struct set want = oracle(c, q), got, gotd;
		size_t cs = 0, cm = 0;
		char err[256];
		int rc = search(c, q, NULL, HY_SEARCH_RANK, 0, BIG, &h);

		assert_true(rc >= 0);
		got = keys_of(&h);
		checked++;
		nonempty += want.n > 0;
		if (!set_eq(&got, &want) || got.n != h.n) {
			if (failed++ < 20) {
				printf("# [%s]: hits differ from the oracle\n", q);
				print_keys(c, "oracle", want.v, want.n);
				print_keys(c, "search", got.v, got.n);
			}
		}
		for (size_t k = 0; k < h.n; k++)
			unmarked += !h.v[k].marked;
		if (!in_order(&h, HY_SEARCH_RANK)) {
			printf("# [%s]: rank order broken\n", q);
			failed++;
		}
		search(c, q, NULL, HY_SEARCH_DATE, 0, BIG, &hd);
		gotd = keys_of(&hd);
		if (!set_eq(&gotd, &want) || !in_order(&hd, HY_SEARCH_DATE)) {
			printf("# [%s]: date order: wrong hits or order\n", q);
			failed++;
		}
		assert_int_equal(hy_store_search_count(c->s, q, NULL, &cs, &cm, err, sizeof err),
				 0);
		if (cs != want.n) {
			printf("# [%s]: count %zu, want %zu\n", q, cs, want.n);
			failed++;
		} else {
			size_t m = 0;
			for (size_t k = 0; k < want.n; k++)
				m += k == 0 || want.v[k] / 1000 != want.v[k - 1] / 1000;
			if (m != cm) {
				printf("# [%s]: %zu meetings, want %zu\n", q, cm, m);
				failed++;
			}
		}
		free(want.v);
		free(got.v);
		free(gotd.v);
	}
	printf("# brute force: %d queries of %zu pieces and %zu pinyin (%zu of"
	       " one character, %d with hits), %d failed, %.1f s\n",
	       checked, all.n, py.n, len1, nonempty, failed,
	       (double)(clock() - t0) / CLOCKS_PER_SEC);
	assert_true(len1 > 300);
	assert_int_equal(unmarked, 0);

	/* Pairs: AND, OR, NOT against the oracle's sets. */
	uint64_t seed = 12345;
	int pairs = 0;
	for (int i = 0; i < 600; i++) {
		const char *a = qs.v[rnd(&seed) % qs.n];
		const char *b = qs.v[rnd(&seed) % qs.n];
		struct set sa = oracle(c, a), sb = oracle(c, b), want = {0}, got;
		char q[256];
		int op = i % 3;
		if (op == 0) {
			snprintf(q, sizeof q, "%s %s", a, b);
			for (size_t k = 0; k < sa.n; k++)
				if (set_has(&sb, sa.v[k]))
					set_add(&want, sa.v[k]);
		} else if (op == 1) {
			snprintf(q, sizeof q, "%s OR %s", a, b);
			for (size_t k = 0; k < sa.n; k++)
				set_add(&want, sa.v[k]);
			for (size_t k = 0; k < sb.n; k++)
				set_add(&want, sb.v[k]);
		} else {
			snprintf(q, sizeof q, "%s -%s", a, b);
			for (size_t k = 0; k < sa.n; k++)
				if (!set_has(&sb, sa.v[k]))
					set_add(&want, sa.v[k]);
		}
		set_sort(&want);
		search(c, q, NULL, HY_SEARCH_RANK, 0, BIG, &h);
		got = keys_of(&h);
		pairs++;
		if (!set_eq(&got, &want)) {
			if (failed++ < 40) {
				printf("# [%s]: hits differ from the oracle\n", q);
				print_keys(c, "oracle", want.v, want.n);
				print_keys(c, "search", got.v, got.n);
			}
		}
		free(sa.v);
		free(sb.v);
		free(want.v);
		free(got.v);
	}
	printf("# pairs: %d, failed so far: %d\n", pairs, failed);
	strs_free(&all);
	strs_free(&py);
	strs_free(&qs);
	free(h.v);
	free(hd.v);
	assert_int_equal(failed, 0);
}

/* Pages of any size add up to the whole list, in both orders, under
 * every plan (struct hy_search_opts, search_plan.c). */
static void paging(void **state);

static void test_paging(void **state)
{
	static const enum hy_search_plan plans[] = {HY_SEARCH_PLAN_AUTO, HY_SEARCH_PLAN_JOIN,
						    HY_SEARCH_PLAN_WALK};
	for (size_t i = 0; i < 3; i++) {
		set_plan(*state, plans[i]);
		paging(state);
	}
	hy_store_search_opts(((struct corpus *)*state)->s, NULL);
}

static void paging(void **state)
{
	static const char *const qs[] = {"会议", "会", "县", "燃气", "要", "财政", "工作"};
	struct corpus *c = *state;
	struct hits all = {0}, page = {0};

	for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++)
		for (int o = 0; o < 2; o++)
			for (size_t size = 1; size <= 7; size += 3) {
				size_t at = 0;
				search(c, qs[i], NULL, (enum hy_search_order)o, 0, BIG, &all);
				assert_true(all.n > 0);
				for (;;) {
					int n = search(c, qs[i], NULL, (enum hy_search_order)o, at,
						       size, &page);
					assert_true((size_t)n <= size);
					for (int k = 0; k < n; k++) {
						assert_true(at + (size_t)k < all.n);
						assert_int_equal(page.v[k].meeting,
								 all.v[at + (size_t)k].meeting);
						assert_int_equal(page.v[k].section,
								 all.v[at + (size_t)k].section);
					}
					at += (size_t)n;
					if ((size_t)n < size)
						break;
				}
				assert_int_equal(at, all.n);
			}
	/* limit 0 and an offset past the end: nothing, no error */
	assert_int_equal(search(c, "会议", NULL, HY_SEARCH_RANK, 0, 0, &page), 0);
	assert_int_equal(search(c, "会议", NULL, HY_SEARCH_RANK, 100000, 5, &page), 0);
	assert_int_equal(search(c, "会议", NULL, HY_SEARCH_RANK, SIZE_MAX, SIZE_MAX, &page), 0);
	free(all.v);
	free(page.v);
}

struct ids {
	struct set s;
};

static int on_row(const struct hy_store_row *row, void *ctx)
{
	set_add(&((struct ids *)ctx)->s, row->id);
	return 0;
}

/* A filter keeps exactly the hits of the meetings the list keeps, under
 * every plan. */
static void filters(void **state);

static void test_filters(void **state)
{
	static const enum hy_search_plan plans[] = {HY_SEARCH_PLAN_AUTO, HY_SEARCH_PLAN_JOIN,
						    HY_SEARCH_PLAN_WALK};
	for (size_t i = 0; i < 3; i++) {
		set_plan(*state, plans[i]);
		filters(state);
	}
	hy_store_search_opts(((struct corpus *)*state)->s, NULL);
}

static void filters(void **state)
{
	static const char *const qs[] = {"会议", "燃气", "财政", "县", "安全"};
	struct corpus *c = *state;
	struct hy_store_filter fs[] = {
		{"2023-01-01", NULL, NULL, NULL},
		{NULL, "2023-12-31", NULL, NULL},
		{"2022-01-01", "2024-06-30", NULL, NULL},
		{NULL, NULL, "县", NULL},
		{NULL, NULL, "市政府", NULL},
		{NULL, NULL, NULL, "林一"},
		{NULL, NULL, NULL, "周"},
		{"2021-01-01", NULL, "县", "周"},
		{NULL, NULL, "no such body", NULL},
	};
	struct hits all = {0}, part = {0};
	char err[256];

	for (size_t i = 0; i < sizeof fs / sizeof fs[0]; i++) {
		struct ids m = {0};
		assert_true(hy_store_list(c->s, &fs[i], NULL, BIG, on_row, &m, NULL, err,
					  sizeof err) >= 0);
		set_sort(&m.s);
		for (size_t j = 0; j < sizeof qs / sizeof qs[0]; j++)
			for (int o = 0; o < 2; o++) {
				struct set want = {0}, got;
				size_t cs, cm;
				search(c, qs[j], NULL, (enum hy_search_order)o, 0, BIG, &all);
				search(c, qs[j], &fs[i], (enum hy_search_order)o, 0, BIG, &part);
				for (size_t k = 0; k < all.n; k++)
					if (set_has(&m.s, all.v[k].meeting))
						set_add(&want,
							all.v[k].meeting * 1000 + all.v[k].section);
				set_sort(&want);
				got = keys_of(&part);
				if (!set_eq(&got, &want))
					fail_msg("filter %zu, [%s]: %zu hits, "
						 "want %zu",
						 i, qs[j], got.n, want.n);
				assert_true(in_order(&part, (enum hy_search_order)o));
				assert_int_equal(hy_store_search_count(c->s, qs[j], &fs[i], &cs,
								       &cm, err, sizeof err),
						 0);
				assert_int_equal(cs, want.n);
				free(want.v);
				free(got.v);
			}
		free(m.s.v);
	}
	free(all.v);
	free(part.v);
}

/* Long queries run; a query with nothing to search is refused. */
static void test_long_and_refused(void **state)
{
	struct corpus *c = *state;
	struct hits h = {0}, one = {0};
	char *q = malloc(60001);
	size_t n = 0;
	char err[256];

	for (int i = 0; i < 5000; i++, n += 7)
		memcpy(q + n, "燃气 ", 7);
	q[n] = 0;
	assert_true(search(c, q, NULL, HY_SEARCH_RANK, 0, BIG, &h) > 0);
	search(c, "燃气", NULL, HY_SEARCH_RANK, 0, BIG, &one);
	assert_int_equal(h.n, one.n);
	n = 0;
	for (int i = 0; i < 10000; i++, n += 3)
		memcpy(q + n, i % 2 ? "气" : "燃", 3);
	q[n] = 0;
	assert_true(search(c, q, NULL, HY_SEARCH_RANK, 0, BIG, &h) >= 0);
	/* excluded words before the one to find do not push it out */
	n = 0;
	for (int i = 0; i < 5000; i++, n += 8)
		memcpy(q + n, "-秸秆 ", 8);
	q[n] = 0;
	strcat(q, "燃气");
	assert_true(search(c, q, NULL, HY_SEARCH_RANK, 0, BIG, &h) > 0);
	search(c, "燃气 -秸秆", NULL, HY_SEARCH_RANK, 0, BIG, &one);
	assert_int_equal(h.n, one.n);
	assert_int_equal(search(c, "  ", NULL, HY_SEARCH_RANK, 0, 10, &h), HY_ERR_INVALID);
	assert_int_equal(hy_store_search_count(c->s, "-燃气", NULL, NULL, NULL, err, sizeof err),
			 HY_ERR_INVALID);
	assert_int_equal(search(c, "燃气", NULL, (enum hy_search_order)7, 0, 10, &h),
			 HY_ERR_INVALID);
	free(q);
	free(h.v);
	free(one.v);
}

/* Scores are exactly -bm25(table, 1.0, 10.0), in both orders and
 * under every plan. */
static void test_scores_exact(void **state)
{
	static const char *const qs[] = {
		"燃气",       "会议",  "会",   "财政",         "燃气 安全", "燃气 -安全",
		"秸秆 OR 5G", "ranqi", "23个", "\"燃气安全\"", "县 政府",
	};
	static const enum hy_search_plan plans[] = {HY_SEARCH_PLAN_AUTO, HY_SEARCH_PLAN_JOIN,
						    HY_SEARCH_PLAN_WALK};
	struct corpus *c = *state;
	struct hy_store_filter f = {"2020-01-01", NULL, NULL, NULL};
	struct hits h = {0};
	char err[256];
	sqlite3 *db;
	sqlite3_stmt *st;
	int checked = 0;

	assert_int_equal(sqlite3_open(c->db, &db), SQLITE_OK);
	assert_int_equal(hy_fts_register(db, err, sizeof err), 0);
	assert_int_equal(hy_cleanz_register(db, NULL), SQLITE_OK); /* hy_clean */
	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT s.meeting_id * 1000 + s.n,"
					    " -bm25(sections_fts, 1.0, 10.0) FROM sections_fts"
					    " JOIN sections s ON s.id = sections_fts.rowid"
					    " WHERE sections_fts MATCH ?1 UNION ALL"
					    " SELECT meetings_fts.rowid * 1000,"
					    " -bm25(meetings_fts, 1.0, 10.0) FROM meetings_fts"
					    " WHERE meetings_fts MATCH ?1",
					    -1, &st, NULL),
			 SQLITE_OK);
	for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
		char *expr;
		int rc;
		expr = tr(qs[i], &rc);
		assert_int_equal(rc, 0);
		for (size_t pl = 0; pl < 3; pl++)
			for (int o = 0; o < 4; o++) {
				set_plan(c, plans[pl]);
				search(c, qs[i], o >= 2 ? &f : NULL, (enum hy_search_order)(o % 2),
				       0, BIG, &h);
				if (o < 2 && h.n == 0)
					fail_msg("[%s]: no hits", qs[i]);
				for (size_t k = 0; k < h.n; k++) {
					int64_t key = h.v[k].meeting * 1000 + h.v[k].section;
					int found = 0;
					sqlite3_reset(st);
					sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
					while (sqlite3_step(st) == SQLITE_ROW)
						if (sqlite3_column_int64(st, 0) == key) {
							double want = sqlite3_column_double(st, 1);
							if (want != h.v[k].score)
								fail_msg(
									"[%s] %lld: score %.17g, bm25 %.17g",
									qs[i], (long long)key,
									h.v[k].score, want);
							found = 1;
						}
					assert_true(found);
					checked++;
				}
			}
		free(expr);
	}
	hy_store_search_opts(((struct corpus *)*state)->s, NULL);
	printf("# scores compared with bm25: %d\n", checked);
	sqlite3_finalize(st);
	sqlite3_close(db);
	free(h.v);
}

/* A big index is ranked in two halves on two connections (search_threads.c,
 * scan_sections): the same hits, in the same order, with the same
 * scores as one scan, for every limit. split_min = 2 makes
 * our small corpus big enough. */
static void test_split_scan(void **state)
{
	static const char *const qs[] = {
		"会",         "会议",  "燃气", "县",           "燃气 安全", "燃气 -安全",
		"秸秆 OR 5G", "ranqi", "23个", "\"燃气安全\"", "工作",
	};
	static const size_t limits[] = {1, 5, 20, BIG};
	struct corpus *c = *state;
	struct hits one = {0}, two = {0};
	const struct hy_search_opts one_scan = {.one_thread = 1};
	const struct hy_search_opts halves = {.split_min = 2};
	int compared = 0;

	for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++)
		for (size_t l = 0; l < sizeof limits / sizeof limits[0]; l++) {
			hy_store_search_opts(c->s, &one_scan);
			search(c, qs[i], NULL, HY_SEARCH_RANK, 0, limits[l], &one);
			hy_store_search_opts(c->s, &halves);
			search(c, qs[i], NULL, HY_SEARCH_RANK, 0, limits[l], &two);
			hy_store_search_opts(c->s, NULL);
			if (one.n != two.n)
				fail_msg("[%s] limit %zu: %zu hits in one scan,"
					 " %zu in two halves",
					 qs[i], limits[l], one.n, two.n);
			for (size_t k = 0; k < one.n; k++) {
				if (one.v[k].meeting != two.v[k].meeting ||
				    one.v[k].section != two.v[k].section ||
				    one.v[k].score != two.v[k].score)
					fail_msg("[%s] limit %zu, hit %zu:"
						 " %lld:%d %.17g in one scan,"
						 " %lld:%d %.17g in two",
						 qs[i], limits[l], k, (long long)one.v[k].meeting,
						 one.v[k].section, one.v[k].score,
						 (long long)two.v[k].meeting, two.v[k].section,
						 two.v[k].score);
				compared++;
			}
		}
	printf("# hits compared, one scan vs two halves: %d\n", compared);
	assert_true(compared > 100);
	/* the halves really ran: the second connection was opened */
	if (sysconf(_SC_NPROCESSORS_ONLN) >= 2)
		assert_non_null(c->s->reader);
	else
		printf("# one CPU: no split to compare\n");
	free(one.v);
	free(two.v);
}

/* Row lengths come from fts_lengths (schema v4) when it knows them: the
 * same scores as from %_docsize (no_lens), and the table is
 * really read (lengths made to lie change the scores); reindex makes it
 * right again. */
static int same_scores(const struct hits *a, const struct hits *b)
{
	if (a->n != b->n)
		return 0;
	for (size_t k = 0; k < a->n; k++)
		if (a->v[k].meeting != b->v[k].meeting || a->v[k].section != b->v[k].section ||
		    a->v[k].score != b->v[k].score)
			return 0;
	return 1;
}

/* q's hits with row lengths from %_docsize only (ref) and as searches
 * get them (got). */
static void both_ways(struct corpus *c, const char *q, struct hits *ref, struct hits *got)
{
	const struct hy_search_opts docsize = {.no_lens = 1};
	hy_store_search_opts(c->s, &docsize);
	search(c, q, NULL, HY_SEARCH_RANK, 0, BIG, ref);
	hy_store_search_opts(c->s, NULL);
	search(c, q, NULL, HY_SEARCH_RANK, 0, BIG, got);
}

static void test_lengths(void **state)
{
	static const char *const qs[] = {"会议", "燃气", "会", "县 政府"};
	struct corpus *c = *state;
	struct hits ref = {0}, got = {0};
	unsigned char ones[4 * HY_FTS_LENS_ROWS];
	sqlite3_stmt *st;
	char err[256];
	int changed = 0;

	for (size_t i = 0; i < sizeof ones; i++)
		ones[i] = i % 4 == 0; /* every length 1 */
	for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
		both_ways(c, qs[i], &ref, &got);
		if (!same_scores(&ref, &got))
			fail_msg("[%s]: fts_lengths and %%_docsize disagree", qs[i]);
	}
	assert_int_equal(
		sqlite3_prepare_v2(c->s->db, "UPDATE fts_lengths SET lens = ?1", -1, &st, NULL),
		SQLITE_OK);
	sqlite3_bind_blob(st, 1, ones, (int)sizeof ones, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
		both_ways(c, qs[i], &ref, &got);
		changed += !same_scores(&ref, &got);
	}
	assert_int_equal(changed, (int)(sizeof qs / sizeof qs[0]));
	assert_int_equal(hy_store_reindex(c->s, err, sizeof err), 0);
	for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
		both_ways(c, qs[i], &ref, &got);
		if (!same_scores(&ref, &got))
			fail_msg("[%s]: after reindex, fts_lengths is still wrong", qs[i]);
	}
	free(ref.v);
	free(got.v);
}

/* The callback stops the results. */
static int stop_after_two(const struct hy_search_hit *h, void *ctx)
{
	(void)h;
	return ++*(int *)ctx == 2 ? 1 : 0;
}

static int fail_at_once(const struct hy_search_hit *h, void *ctx)
{
	(void)h;
	(void)ctx;
	return HY_ERR_NOMEM;
}

static void test_callback_stops(void **state)
{
	struct corpus *c = *state;
	char err[256];
	int seen = 0;
	assert_int_equal(hy_store_search(c->s, "会议", NULL, HY_SEARCH_RANK, 0, 10, stop_after_two,
					 &seen, err, sizeof err),
			 2);
	assert_int_equal(hy_store_search(c->s, "会议", NULL, HY_SEARCH_RANK, 0, 10, fail_at_once,
					 NULL, err, sizeof err),
			 HY_ERR_NOMEM);
}

/* Reindex rebuilds an emptied index; the results come back the same. */
static void test_reindex(void **state)
{
	struct corpus *c = *state;
	struct hits before = {0}, after = {0};
	char err[256];
	sqlite3 *db;

	search(c, "燃气", NULL, HY_SEARCH_RANK, 0, BIG, &before);
	assert_true(before.n > 0);
	assert_int_equal(sqlite3_open(c->db, &db), SQLITE_OK);
	assert_int_equal(hy_fts_register(db, err, sizeof err), 0);
	assert_int_equal(hy_cleanz_register(db, NULL), SQLITE_OK); /* hy_clean */
	assert_int_equal(sqlite3_exec(db,
				      "INSERT INTO sections_fts(sections_fts)"
				      " VALUES ('delete-all');"
				      "INSERT INTO meetings_fts(meetings_fts)"
				      " VALUES ('delete-all');",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	search(c, "燃气", NULL, HY_SEARCH_RANK, 0, BIG, &after);
	assert_int_equal(after.n, 0);
	assert_int_equal(hy_store_reindex(c->s, err, sizeof err), 0);
	search(c, "燃气", NULL, HY_SEARCH_RANK, 0, BIG, &after);
	assert_int_equal(after.n, before.n);
	for (size_t i = 0; i < after.n; i++) {
		assert_int_equal(after.v[i].meeting, before.v[i].meeting);
		assert_int_equal(after.v[i].section, before.v[i].section);
	}
	/* not inside a batch */
	assert_int_equal(hy_store_begin(c->s, err, sizeof err), 0);
	assert_int_equal(hy_store_reindex(c->s, err, sizeof err), HY_ERR_INVALID);
	hy_store_rollback(c->s);
	free(before.v);
	free(after.v);
}

int main(void)
{
	const struct CMUnitTest pure[] = {
		cmocka_unit_test(test_translate_examples),
		cmocka_unit_test(test_translate_refusals),
		cmocka_unit_test(test_translate_long),
		cmocka_unit_test(test_translate_parses),
	};
	const struct CMUnitTest corpus[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_brute_force),
		cmocka_unit_test(test_paging),
		cmocka_unit_test(test_filters),
		cmocka_unit_test(test_long_and_refused),
		cmocka_unit_test(test_scores_exact),
		cmocka_unit_test(test_split_scan),
		cmocka_unit_test(test_lengths),
		cmocka_unit_test(test_callback_stops),
		cmocka_unit_test(test_reindex),
	};
	int rc = cmocka_run_group_tests(pure, NULL, NULL);
	return rc | cmocka_run_group_tests(corpus, setup_corpus, teardown_corpus);
}
