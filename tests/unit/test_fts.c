/* test_fts.c: the tokenizer "huiyi", pinyin, the schema v3 index. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "tmpdir.h"

#include "huiyi/err.h"
#include "huiyi/fold.h"
#include "huiyi/fts.h"
#include "huiyi/search.h"
#include "huiyi/store.h"
#include "huiyi/utf8.h"
#include "../../src/store/cleanz.h"
#include "../../src/store/internal.h" /* hy_store_open_at, s->db */

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sqltest.h"

/* ---- collecting tokens ------------------------------------------------ */

struct token {
	int colo;
	char text[80];
	int start, end;
};

struct tokens {
	struct token t[2048];
	int n;
	int overflow;
};

static int collect(void *ctx, int tflags, const char *token, int ntoken, int start, int end)
{
	struct tokens *ts = ctx;
	struct token *t;

	if (ts->n == (int)(sizeof ts->t / sizeof ts->t[0])) {
		ts->overflow = 1;
		return SQLITE_OK;
	}
	t = &ts->t[ts->n++];
	assert_true(ntoken > 0 && ntoken < (int)sizeof t->text);
	t->colo = (tflags & FTS5_TOKEN_COLOCATED) != 0;
	memcpy(t->text, token, (size_t)ntoken);
	t->text[ntoken] = '\0';
	t->start = start;
	t->end = end;
	return SQLITE_OK;
}

static void tokenize(int flags, const char *s, struct tokens *ts)
{
	memset(ts, 0, sizeof *ts);
	assert_int_equal(hy_fts_tokenize(flags, s, strlen(s), collect, ts), SQLITE_OK);
	assert_false(ts->overflow);
}

/* The tokens as one line: "text@start-end" separated by spaces, "+" in
 * front of a colocated one, "^" for the pinyin prefix byte. */
static const char *show(const struct tokens *ts)
{
	static char buf[8192];
	size_t k = 0;

	buf[0] = '\0';
	for (int i = 0; i < ts->n; i++) {
		const struct token *t = &ts->t[i];
		const char *txt = t->text;
		if (strcmp(txt, HY_FTS_SEPARATOR) == 0)
			txt = "_";
		k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%s%s%s@%d-%d", i ? " " : "",
				      t->colo ? "+" : "", txt[0] == '\x01' ? "^" : "",
				      txt[0] == '\x01' ? txt + 1 : txt, t->start, t->end);
		assert_true(k < sizeof buf);
	}
	return buf;
}

/* Only the texts and colocation, for comparing two spellings. */
static const char *show_text(const struct tokens *ts)
{
	static char buf[8192];
	size_t k = 0;

	buf[0] = '\0';
	for (int i = 0; i < ts->n; i++) {
		k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%s%s", i ? " " : "",
				      ts->t[i].colo ? "+" : "", ts->t[i].text);
		assert_true(k < sizeof buf);
	}
	return buf;
}

#define DOC FTS5_TOKENIZE_DOCUMENT
#define QUERY FTS5_TOKENIZE_QUERY

static void expect(int flags, const char *in, const char *want)
{
	struct tokens ts;
	tokenize(flags, in, &ts);
	if (strcmp(show(&ts), want) != 0)
		fail_msg("%s \"%s\":\n  got  %s\n  want %s", flags == QUERY ? "query" : "document",
			 in, show(&ts), want);
}

/* ---- tokens ------------------------------------------------------------ */

static void t_doc_tokens(void **state)
{
	(void)state;
	/* 燃 0-3 氣 3-6 。6-9 Ａ 9-12 2 3 个 14-17 */
	expect(DOC, "燃氣。Ａ23个", "燃@0-3 气@3-6 _@6-9 a23@9-14 个@14-17");
	expect(DOC, "2024年底", "2024@0-4 年@4-7 底@7-10");
	/* letters and digits stay one word, case folds, punctuation
	 * separates (one separator for a run of it) */
	expect(DOC, "COVID-19 g20，5G", "covid@0-5 _@5-6 19@6-8 _@8-9 g20@9-12 _@12-15 5g@15-17");
	/* a character right before 。: no separator at the ends */
	expect(DOC, "“安全。”", "安@3-6 全@6-9");
	expect(DOC, "二〇二四年", "二@0-3 〇@3-6 二@6-9 四@9-12 年@12-15");
	/* invalid bytes and symbols: separators; kana: a character each */
	expect(DOC, "燃\xff气ア会", "燃@0-3 _@3-4 气@4-7 ア@7-10 会@10-13");
	/* letters of every script (issue 16, item 10): words where the
	 * script has spaces, case folded, accents kept; a character each
	 * for kana and Hangul */
	expect(DOC, "Жизнь É Ωmega",
	       "жизнь@0-10 _@10-11 é@11-13 _@13-14 "
	       "ωmega@14-20");
	expect(QUERY, "é", "é@0-2");
	expect(DOC, "한국은 ひらがな",
	       "한@0-3 국@3-6 은@6-9 _@9-10 ひ@10-13 ら@13-16 が@16-19 "
	       "な@19-22");
	expect(DOC, "ΑΛΦΑ计划", "αλφα@0-8 计@8-11 划@11-14");
	expect(DOC, "€1200，①★", "1200@3-7");
	/* nothing but separators */
	expect(DOC, " ，。！？、\t\n…—《》“”", "");
	expect(DOC, "", "");
	/* documents never make pinyin of text */
	expect(DOC, "\x01ran", "ran@1-4");
}

static void t_query_tokens(void **state)
{
	struct tokens ts;

	(void)state;
	/* the same tokens as documents */
	expect(QUERY, "燃", "燃@0-3");
	expect(QUERY, "燃氣公司", "燃@0-3 气@3-6 公@6-9 司@9-12");
	expect(QUERY, "2024年", "2024@0-4 年@4-7");
	expect(QUERY, "23个", "23@0-2 个@2-5");
	expect(QUERY, "ＡＢＣ", "abc@0-9");
	expect(QUERY, "燃气 公司", "燃@0-3 气@3-6 _@6-7 公@7-10 司@10-13");
	/* "\x01" not followed by a letter is a separator */
	expect(QUERY, "\x01", "");
	expect(QUERY,
	       "1\x01"
	       "2",
	       "1@0-1 _@1-2 2@2-3");
	expect(QUERY, "\x01燃", "燃@1-4");
	/* an unknown syllable is a token no document has */
	expect(QUERY, "\x01xyz", "^xyz@0-4");
	/* a syllable: every folded character with that reading, colocated,
	 * over the syllable's bytes; no separator next to a syllable */
	tokenize(QUERY, "\x01Ran \x01qi，年", &ts);
	{
		int pos = -1, ran = 0, qi = 0, nian = 0, seen_ran = 0;
		for (int i = 0; i < ts.n; i++) {
			const struct token *t = &ts.t[i];
			if (!t->colo)
				pos++;
			if (pos == 0) {
				assert_int_equal(t->start, 0);
				assert_int_equal(t->end, 4);
				ran++;
				seen_ran |= strcmp(t->text, "燃") == 0;
			}
			if (pos <= 1) { /* only what the index can hold */
				uint32_t cp;
				size_t l = hy_utf8_decode(t->text, strlen(t->text), &cp);
				assert_int_equal(l, strlen(t->text));
				assert_true(hy_fold_is_han(cp));
				assert_int_equal(hy_fold_cp(cp), cp);
			}
			if (pos == 0) {
			} else if (pos == 1) {
				assert_int_equal(t->start, 5);
				assert_int_equal(t->end, 8);
				qi++;
				/* 气 yes, 氣 (folds to 气) no */
				assert_string_not_equal(t->text, "氣");
			} else {
				assert_int_equal(pos, 2);
				assert_string_equal(t->text, "年");
				nian++;
			}
		}
		assert_true(seen_ran);
		assert_true(ran >= 5);
		assert_true(qi > 50 && qi < 100); /* the common ones */
		assert_int_equal(nian, 1);
	}
	/* 重 reads zhong and chong */
	tokenize(QUERY,
		 "\x01"
		 "chong",
		 &ts);
	{
		int found = 0;
		for (int i = 0; i < ts.n; i++)
			found |= strcmp(ts.t[i].text, "重") == 0;
		assert_true(found);
	}
}

static void t_long_word(void **state)
{
	char in[201];
	char want[HY_FTS_MAX_WORD + 1];
	struct tokens ts;

	(void)state;
	memset(in, 'A', 200);
	in[200] = '\0';
	memset(want, 'a', HY_FTS_MAX_WORD);
	want[HY_FTS_MAX_WORD] = '\0';
	tokenize(DOC, in, &ts);
	assert_int_equal(ts.n, 1);
	assert_string_equal(ts.t[0].text, want);
	assert_int_equal(ts.t[0].start, 0);
	assert_int_equal(ts.t[0].end, 200);
	tokenize(QUERY, in, &ts);
	assert_int_equal(ts.n, 1);
	assert_string_equal(ts.t[0].text, want);
	/* a word of two-byte letters is cut between letters */
	for (int i = 0; i < 100; i++)
		memcpy(in + 2 * i, "Ж", 2);
	tokenize(DOC, in, &ts);
	assert_int_equal(ts.n, 1);
	assert_int_equal(strlen(ts.t[0].text), HY_FTS_MAX_WORD);
	assert_int_equal(memcmp(ts.t[0].text, "жжжж", 8), 0);
	assert_int_equal(ts.t[0].end, 200);
}

static void same_tokens(int flags, const char *a, const char *b)
{
	struct tokens ta, tb;
	char sa[8192];

	tokenize(flags, a, &ta);
	tokenize(flags, b, &tb);
	snprintf(sa, sizeof sa, "%s", show_text(&ta));
	if (strcmp(sa, show_text(&tb)) != 0)
		fail_msg("\"%s\" and \"%s\" differ:\n  %s\n  %s", a, b, sa, show_text(&tb));
	assert_true(ta.n > 0);
}

static void t_folding(void **state)
{
	static const char *const pairs[][2] = {
		{"燃氣管道", "燃气管道"},
		{"財政預算", "财政预算"},
		{"縣政府常務會議", "县政府常务会议"},
		{"ＡＢＣ１２３", "abc123"},
		{"HuiYi", "huiyi"},
		{"２０２４年", "2024年"},
		{"МОСКВА", "москва"},
		{"ΑΛΦΑ", "αλφα"},
		{"CAFÉ", "café"},
		{"會議研究了燃氣公司２０２４年安全工作。", "会议研究了燃气公司2024年安全工作。"},
		/* variant forms ICU's Hant-Hans keeps and OpenCC's t2s folds */
		{"高峯", "高峰"},
		{"衆議", "众议"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		same_tokens(DOC, pairs[i][0], pairs[i][1]);
		same_tokens(QUERY, pairs[i][0], pairs[i][1]);
	}
	/* folding twice is folding once, for every code point */
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++)
		if (hy_fold_cp(hy_fold_cp(cp)) != hy_fold_cp(cp))
			fail_msg("U+%04X folds to U+%04X, which folds again", (unsigned)cp,
				 (unsigned)hy_fold_cp(cp));
}

/* Offsets for random inputs of CJK (both scripts), ASCII, full-width,
 * punctuation, 0x01 and invalid bytes: in bounds, on character
 * boundaries (each token's span is valid UTF-8, starting at a lead byte),
 * and FTS5's rules (a colocated token never comes first). */
static void t_random_offsets(void **state)
{
	static const char *const pieces[] = {
		"燃",
		"氣",
		"气",
		"會",
		"议",
		"〇",
		"𠀀",
		"𪚥",
		"ａ",
		"Ｚ",
		"１",
		"a",
		"Z",
		"7",
		" ",
		"。",
		"，",
		"\x01",
		"\x80",
		"\xE4\xB8",
		"\xF0\x9F\x98\x80",
		"\xED\xA0\x80",
		"\xC0\xAF",
		"-",
		"é",
		"ア",
		"\xFF",
		"年",
		"个",
	};
	unsigned seed = 12345;

	(void)state;
	for (int round = 0; round < 1000; round++) {
		char in[400];
		size_t len = 0;
		int pieces_n;

		seed = seed * 1103515245u + 12345u;
		pieces_n = (int)((seed >> 16) % 60);
		for (int k = 0; k < pieces_n; k++) {
			const char *p;
			size_t l;
			seed = seed * 1103515245u + 12345u;
			p = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
			l = strlen(p);
			if (len + l >= sizeof in)
				break;
			memcpy(in + len, p, l);
			len += l;
		}
		in[len] = '\0';
		for (int q = 0; q < 2; q++) {
			struct tokens ts;
			memset(&ts, 0, sizeof ts);
			assert_int_equal(hy_fts_tokenize(q ? QUERY : DOC, in, len, collect, &ts),
					 SQLITE_OK);
			assert_false(ts.overflow);
			for (int i = 0; i < ts.n; i++) {
				const struct token *t = &ts.t[i];
				unsigned char lead;
				assert_true(t->start >= 0);
				assert_true(t->start < t->end);
				assert_true((size_t)t->end <= len);
				assert_true(strlen(t->text) > 0);
				if (strcmp(t->text, HY_FTS_SEPARATOR) == 0) {
					/* between two tokens, covering all
					 * that lies between them */
					assert_true(i > 0 && i + 1 < ts.n);
					assert_int_equal(t->start, ts.t[i - 1].end);
					assert_int_equal(t->end, ts.t[i + 1].start);
					continue;
				}
				lead = (unsigned char)in[t->start];
				assert_false(lead >= 0x80 && lead < 0xC0);
				assert_true(
					hy_utf8_valid(in + t->start, (size_t)(t->end - t->start)));
				if (i == 0)
					assert_false(t->colo);
				if (t->colo) /* same position, same start */
					assert_int_equal(t->start, ts.t[i - 1].start);
				else if (i > 0)
					assert_true(t->start >= ts.t[i - 1].start);
			}
		}
	}
}

/* ---- pinyin ------------------------------------------------------------ */

static const char *split(const char *s)
{
	static char buf[256];
	char **syl = NULL;
	size_t n = 9;
	int rc = hy_fts_pinyin_split(s, strlen(s), &syl, &n);

	assert_true(rc == 0 || rc == 1);
	if (rc == 0) {
		assert_null(syl);
		assert_int_equal(n, 0);
		return "-";
	}
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		strcat(buf, i ? " " : "");
		strcat(buf, syl[i]);
	}
	free(syl);
	return buf;
}

static void t_pinyin_split(void **state)
{
	(void)state;
	assert_string_equal(split("ranqi"), "ran qi");
	assert_string_equal(split("RanQi"), "ran qi");
	assert_string_equal(split("caizheng"), "cai zheng");
	assert_string_equal(split("xian"), "xian");      /* fewest syllables */
	assert_string_equal(split("fangan"), "fang an"); /* longer first */
	assert_string_equal(split("xianggang"), "xiang gang");
	assert_string_equal(split("zhongguo"), "zhong guo");
	assert_string_equal(split("changwuhuiyi"), "chang wu hui yi");
	assert_string_equal(split("lvse"), "lv se");
	assert_string_equal(split("lue"), "lve");
	assert_string_equal(split("nue"), "nve");
	assert_string_equal(split("a"), "a");
	assert_string_equal(split("bcd"), "-");
	assert_string_equal(split("ran qi"), "-");
	assert_string_equal(split("ran1"), "-");
	assert_string_equal(split(""), "-");
	{
		char many[100];
		for (int i = 0; i < 32; i++)
			memcpy(many + 2 * i, "an", 2);
		many[64] = '\0';
		assert_string_not_equal(split(many), "-");
		strcpy(many + 64, "a");
		assert_string_equal(split(many), "-"); /* over 64 letters */
	}
}

static void t_pinyin_lookup(void **state)
{
	const char *s[4];

	(void)state;
	assert_int_equal(hy_fts_pinyin(0x71C3, s, 4), 1); /* 燃 */
	assert_string_equal(s[0], "ran");
	assert_int_equal(hy_fts_pinyin(0x6C14, s, 4), 1); /* 气 */
	assert_string_equal(s[0], "qi");
	assert_int_equal(hy_fts_pinyin(0x3007, s, 4), 1); /* 〇 */
	assert_string_equal(s[0], "ling");
	assert_int_equal(hy_fts_pinyin(0x7EFF, s, 4), 1); /* 绿 */
	assert_string_equal(s[0], "lv");
	assert_int_equal(hy_fts_pinyin(0x91CD, s, 4), 2); /* 重 */
	assert_string_equal(s[0], "zhong");
	assert_string_equal(s[1], "chong");
	assert_int_equal(hy_fts_pinyin(0x91CD, s, 1), 2); /* count beyond max */
	assert_int_equal(hy_fts_pinyin('a', s, 4), 0);
	assert_int_equal(hy_fts_pinyin(0x3002, s, 4), 0); /* 。 */
	assert_int_equal(hy_fts_pinyin(0x10FFFF, s, 4), 0);
	/* every reading of every Han character is a syllable the split
	 * knows, so a query can spell any of them */
	for (uint32_t cp = 0x3400; cp < 0x32000; cp++) {
		size_t n = hy_fts_pinyin(cp, s, 4);
		for (size_t i = 0; i < n && i < 4; i++) {
			char **syl;
			size_t k;
			assert_int_equal(hy_fts_pinyin_split(s[i], strlen(s[i]), &syl, &k), 1);
			assert_int_equal(k, 1);
			free(syl);
		}
	}
}

/* ---- through sqlite ---------------------------------------------------- */

static sqlite3 *mem_db(void)
{
	sqlite3 *db;
	char err[256] = "";
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	if (hy_fts_register(db, err, sizeof err) != 0)
		fail_msg("register: %s", err);
	return db;
}

static int count_match(sqlite3 *db, const char *table, const char *expr)
{
	sqlite3_stmt *st;
	char sql[256];
	int n = -1;

	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE %s MATCH ?1", table, table);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	else
		fail_msg("MATCH %s: %s", expr, sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return n;
}

/* highlight() of the first matching row, hits in [ ]. */
static const char *hl(sqlite3 *db, const char *expr)
{
	static char buf[1024];
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT highlight(t, 0, '[', ']')"
					    " FROM t WHERE t MATCH ?1"
					    " ORDER BY rowid LIMIT 1",
					    -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_TRANSIENT);
	buf[0] = '\0';
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(buf, sizeof buf, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

static void t_sql_match(void **state)
{
	sqlite3 *db = mem_db();

	(void)state;
	db_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='huiyi');"
		    "INSERT INTO t (rowid, x) VALUES"
		    " (1, '会议研究了城镇燃气管道改造方案。'),"
		    " (2, '會議審議了燃氣公司2024年安全工作。'),"
		    " (3, '财政局汇报23个项目。财政'),"
		    " (4, '全县共有123个村，２０２４年底完成。');");
	/* one and two characters, both scripts, both directions */
	assert_int_equal(count_match(db, "t", "燃"), 2);
	assert_int_equal(count_match(db, "t", "燃气"), 2);
	assert_int_equal(count_match(db, "t", "燃氣"), 2);
	assert_int_equal(count_match(db, "t", "\"燃氣管道\""), 1);
	assert_int_equal(count_match(db, "t", "\"燃气公司\""), 1);
	assert_int_equal(count_match(db, "t", "會議"), 2);
	assert_int_equal(count_match(db, "t", "议了"), 1);
	assert_int_equal(count_match(db, "t", "气燃"), 0);
	/* a character right before 。 and at the very end */
	assert_int_equal(count_match(db, "t", "案"), 1);
	assert_int_equal(count_match(db, "t", "方案"), 1);
	assert_int_equal(count_match(db, "t", "作"), 1);
	assert_int_equal(count_match(db, "t", "\"财政\""), 1);
	/* a run break is not a bigram: 。财 */
	assert_int_equal(count_match(db, "t", "\"目财\""), 0);
	/* digits and characters */
	assert_int_equal(count_match(db, "t", "\"23个\""), 1);
	assert_int_equal(count_match(db, "t", "\"123个\""), 1);
	assert_int_equal(count_match(db, "t", "\"2024年\""), 2);
	assert_int_equal(count_match(db, "t", "\"２０２４年底\""), 1);
	assert_int_equal(count_match(db, "t", "2024"), 2);
	/* pinyin, spelled as the query side does */
	assert_int_equal(count_match(db, "t", "\"\x01ran \x01qi\""), 2);
	assert_int_equal(count_match(db, "t",
				     "\"\x01"
				     "cai \x01zheng\""),
			 1);
	assert_int_equal(count_match(db, "t", "\"\x01qi \x01ran\""), 0);
	/* highlights cover exactly the characters asked for */
	assert_string_equal(hl(db, "燃气"), "会议研究了城镇[燃气]管道改造方案。");
	assert_string_equal(hl(db, "\"燃气管道\""), "会议研究了城镇[燃气管道]改造方案。");
	assert_string_equal(hl(db, "燃"), "会议研究了城镇[燃]气管道改造方案。");
	assert_string_equal(hl(db, "\"2024年\""), "會議審議了燃氣公司[2024年]安全工作。");
	assert_string_equal(hl(db, "\"２０２４年底\""), "全县共有123个村，[２０２４年底]完成。");
	assert_string_equal(hl(db, "\"\x01ran \x01qi\""), "会议研究了城镇[燃气]管道改造方案。");
	assert_string_equal(hl(db, "案"), "会议研究了城镇燃气管道改造方[案]。");
	sqlite3_close(db);
}

/* Positions as FTS5 stores them: fts5vocab 'instance'. */
static void t_vocab_positions(void **state)
{
	sqlite3 *db = mem_db();
	sqlite3_stmt *st;
	char got[512] = "";
	size_t k = 0;

	(void)state;
	db_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='huiyi');"
		    "CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');"
		    "INSERT INTO t VALUES ('23个燃氣。會');");
	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT term, offset FROM v"
					    " ORDER BY offset, term",
					    -1, &st, NULL),
			 SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *term = (const char *)sqlite3_column_text(st, 0);
		if (strcmp(term, HY_FTS_SEPARATOR) == 0)
			term = "_";
		k += (size_t)snprintf(got + k, sizeof got - k, "%s%s@%d", k ? " " : "", term,
				      sqlite3_column_int(st, 1));
	}
	sqlite3_finalize(st);
	assert_string_equal(got, "23@0 个@1 燃@2 气@3 _@4 会@5");
	sqlite3_close(db);
}

/* Every query of 1 to 4 characters over a small alphabet (with
 * traditional forms) finds exactly the rows whose folded text contains
 * it: the brute-force scan the bench checks against. */
static void t_brute_force(void **state)
{
	static const uint32_t alpha[] = {0x71C3, 0x6C14, 0x6C23, 0x516C,
					 0x53F8, 0x3002, 0x4F1A, 0x6703};
	/* 燃 气 氣 公 司 。 会 會 */
	enum { ROWS = 300, LEN = 24 };
	static uint32_t folded[ROWS][LEN];
	sqlite3 *db = mem_db();
	sqlite3_stmt *ins;
	unsigned seed = 7;

	(void)state;
	db_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='huiyi')");
	assert_int_equal(sqlite3_prepare_v2(db,
					    "INSERT INTO t (rowid, x)"
					    " VALUES (?1, ?2)",
					    -1, &ins, NULL),
			 SQLITE_OK);
	for (int r = 0; r < ROWS; r++) {
		char text[LEN * 3 + 1];
		size_t k = 0;
		for (int i = 0; i < LEN; i++) {
			uint32_t cp;
			seed = seed * 1103515245u + 12345u;
			cp = alpha[(seed >> 16) % 8];
			folded[r][i] = hy_fold_cp(cp);
			k += hy_utf8_encode(cp, text + k);
		}
		sqlite3_bind_int(ins, 1, r + 1);
		sqlite3_bind_text(ins, 2, text, (int)k, SQLITE_TRANSIENT);
		assert_int_equal(sqlite3_step(ins), SQLITE_DONE);
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	for (int q = 0; q < 600; q++) {
		uint32_t qf[4];
		char expr[32];
		size_t k = 0;
		int qlen, want = 0;

		seed = seed * 1103515245u + 12345u;
		qlen = 1 + (int)((seed >> 16) % 4);
		expr[k++] = '"';
		for (int i = 0; i < qlen; i++) {
			uint32_t cp;
			seed = seed * 1103515245u + 12345u;
			cp = alpha[(seed >> 16) % 8];
			if (cp == 0x3002) /* no punctuation in queries */
				cp = 0x53F8;
			qf[i] = hy_fold_cp(cp);
			k += hy_utf8_encode(cp, expr + k);
		}
		expr[k++] = '"';
		expr[k] = '\0';
		for (int r = 0; r < ROWS; r++) {
			int hit = 0;
			for (int i = 0; i + qlen <= LEN && !hit; i++)
				hit = memcmp(&folded[r][i], qf, (size_t)qlen * sizeof qf[0]) == 0;
			want += hit;
		}
		if (count_match(db, "t", expr) != want)
			fail_msg("%s: %d rows, brute force %d", expr, count_match(db, "t", expr),
				 want);
	}
	sqlite3_close(db);
}

static void t_register(void **state)
{
	sqlite3 *db = mem_db();
	char err[256] = "";
	char *msg = NULL;

	(void)state;
	/* again on the same connection: fine */
	assert_int_equal(hy_fts_register(db, err, sizeof err), 0);
	/* the tokenizer takes no options */
	assert_int_not_equal(sqlite3_exec(db,
					  "CREATE VIRTUAL TABLE t USING fts5(x,"
					  " tokenize='huiyi pinyin')",
					  NULL, NULL, &msg),
			     SQLITE_OK);
	sqlite3_free(msg);
	sqlite3_close(db);
}

/* ---- the store's index (schema v3) ------------------------------------- */

struct fx {
	char dir[64];
	char db[96];
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	assert_int_equal(test_tmpdir(f->dir, sizeof f->dir, "fts", f->db, sizeof f->db, "t.db"), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	test_rmdir(f->dir);
	free(f);
	return 0;
}

static int64_t put(struct hy_store *s, const char *title, const char *raw)
{
	static struct hy_section secs[] = {
		{1, "全县安全生产工作", "会议研究了全县安全生产工作。"},
		{2, "城鎮燃氣管道改造", "会议审议了城镇燃气管道改造方案。"},
	};
	struct hy_meeting m = {0};
	struct hy_store_doc d = {0};
	char err[256] = "";
	int64_t id = 0;

	m.title = (char *)title;
	m.date = "2024-01-05";
	m.summary = "1月5日，县长张三主持召开县政府第26次常务会议。";
	m.sections = secs;
	m.n_sections = 2;
	d.raw = raw;
	d.raw_len = strlen(raw);
	d.clean = raw;
	d.clean_len = strlen(raw);
	d.source = "/tmp/x.txt";
	if (hy_store_insert(s, &m, &d, &id, err, sizeof err) != 0)
		fail_msg("insert: %s", err);
	return id;
}

/* fts_lengths against %_docsize (schema v4, fts.h): every length it
 * knows is the one %_docsize holds; *known counts them, *rows the rows
 * of %_docsize. Returns the number of wrong lengths. */
static int lens_check(sqlite3 *db, int index, int *known, int *rows)
{
	sqlite3_stmt *d, *l;
	int wrong = 0;
	char sql[128];

	*known = *rows = 0;
	snprintf(sql, sizeof sql, "SELECT id, hy_doclen(sz) FROM %s_fts_docsize",
		 index ? "meetings" : "sections");
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &d, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT lens FROM fts_lengths"
					    " WHERE id = ?1",
					    -1, &l, NULL),
			 SQLITE_OK);
	while (sqlite3_step(d) == SQLITE_ROW) {
		sqlite3_int64 id = sqlite3_column_int64(d, 0);
		sqlite3_int64 want = sqlite3_column_int64(d, 1);
		if (id >> HY_FTS_LENS_ROWID_BITS) /* no block: %_docsize only */
			continue;
		(*rows)++;
		sqlite3_reset(l);
		sqlite3_bind_int64(l, 1,
				   (sqlite3_int64)index << HY_FTS_LENS_INDEX_SHIFT |
					   id >> HY_FTS_LENS_SHIFT);
		if (sqlite3_step(l) != SQLITE_ROW)
			continue;
		const unsigned char *b = sqlite3_column_blob(l, 0);
		int slot = (int)(id & (HY_FTS_LENS_ROWS - 1));
		assert_int_equal(sqlite3_column_bytes(l, 0), 4 * HY_FTS_LENS_ROWS);
		uint32_t got = (uint32_t)b[4 * slot] | (uint32_t)b[4 * slot + 1] << 8 |
			       (uint32_t)b[4 * slot + 2] << 16 | (uint32_t)b[4 * slot + 3] << 24;
		if (got == 0)
			continue;
		(*known)++;
		if (got != want) {
			printf("# index %d row %lld: length %u, docsize %lld\n", index,
			       (long long)id, got, (long long)want);
			wrong++;
		}
	}
	sqlite3_finalize(d);
	sqlite3_finalize(l);
	return wrong;
}

/* Every row of both indexes has its right length in fts_lengths. */
static void lens_all_known(sqlite3 *db)
{
	for (int index = 0; index < 2; index++) {
		int known, rows;
		assert_int_equal(lens_check(db, index, &known, &rows), 0);
		assert_true(rows > 0);
		assert_int_equal(known, rows);
	}
}

/* A v4 database was indexed by a tokenizer for which Greek, Cyrillic,
 * kana … were separators. Opening it builds the index again (schema v6):
 * the letters are found, and deleting the row takes out exactly what the
 * index holds (else FTS5's integrity-check fails). */
/* The row of id as an older index held it (one made before v4, or with
 * another fold): its title indexed as 计划 alone. */
static void stale_row(sqlite3 *db, int64_t id)
{
	char sql[512];
	snprintf(sql, sizeof sql,
		 "INSERT INTO meetings_fts (meetings_fts, rowid, title, summary)"
		 " SELECT 'delete', id, title, summary FROM meetings"
		 " WHERE id = %lld;"
		 "INSERT INTO meetings_fts (rowid, title, summary)"
		 " SELECT id, '计划', summary FROM meetings WHERE id = %lld;",
		 (long long)id, (long long)id);
	db_exec(db, sql);
}

static void t_migrate_v4_letters(void **state)
{
	struct fx *f = *state;
	struct hy_store *s = NULL;
	char err[256] = "";
	int64_t id;
	size_t n = 0;

	assert_int_equal(hy_store_open_at(&s, f->db, HY_STORE_CREATE, 4, err, sizeof err), 0);
	id = put(s, "ΑΛΦΑ计划", "one");
	stale_row(s->db, id); /* as huiyi up to v4 indexed it: ΑΛΦΑ was no token */
	assert_int_equal(count_match(s->db, "meetings_fts", "αλφα"), 0);
	hy_store_close(s);

	if (hy_store_open(&s, f->db, 0, err, sizeof err) != 0)
		fail_msg("open: %s", err);
	assert_int_equal(hy_store_version(s), HY_STORE_SCHEMA_VERSION);
	fts_integrity(s->db);
	lens_all_known(s->db);
	assert_int_equal(count_match(s->db, "meetings_fts", "αλφα"), 1);
	assert_int_equal(count_match(s->db, "meetings_fts", "ΑΛΦΑ"), 1);
	assert_int_equal(hy_store_delete(s, &id, 1, &n, err, sizeof err), 0);
	assert_int_equal(n, 1);
	fts_integrity(s->db);
	assert_int_equal(count_match(s->db, "meetings_fts", "计划"), 0);
	hy_store_close(s);
}

/* Schema v10: the index remembers the fold it was made with, and a writer
 * that opens one made with another (a v8 database; a build whose ICU or
 * OpenCC folds more) makes it again: 高峯 is then found as 峰 and 峯. A
 * reader leaves it as it is. */
static void t_refold(void **state)
{
	struct fx *f = *state;
	struct hy_store *s = NULL;
	char err[256] = "";
	int64_t id;

	assert_int_equal(hy_store_open_at(&s, f->db, HY_STORE_CREATE, 8, err, sizeof err), 0);
	id = put(s, "高峯计划", "one");
	stale_row(s->db, id);
	assert_int_equal(count_match(s->db, "meetings_fts", "峰"), 0);
	hy_store_close(s);

	for (int round = 0; round < 2; round++) {
		if (hy_store_open(&s, f->db, 0, err, sizeof err) != 0)
			fail_msg("open: %s", err);
		assert_int_equal(hy_store_version(s), HY_STORE_SCHEMA_VERSION);
		assert_int_equal(HY_STORE_SCHEMA_VERSION, 21);
		fts_integrity(s->db);
		lens_all_known(s->db);
		assert_int_equal(count_match(s->db, "meetings_fts", "峰"), 1);
		assert_int_equal(count_match(s->db, "meetings_fts", "高峯"), 1);
		assert_int_equal(db_int(s->db, "SELECT count(*) FROM fold"), 1);
		/* then a build with another table */
		db_exec(s->db, "UPDATE fold SET id = 'older'");
		stale_row(s->db, id);
		hy_store_close(s);
	}
	if (hy_store_open(&s, f->db, HY_STORE_READONLY, err, sizeof err) != 0)
		fail_msg("open: %s", err);
	assert_int_equal(count_match(s->db, "meetings_fts", "峰"), 0);
	hy_store_close(s);
}

/* A v2 database with meetings is brought to the current schema and
 * indexed; from then on the triggers keep the index in step with
 * inserts, updates, deletes, and fts_lengths forgets what they change. */
static void t_migrate_v2(void **state)
{
	struct fx *f = *state;
	struct hy_store *s = NULL;
	char err[256] = "";

	assert_int_equal(hy_store_open_at(&s, f->db, HY_STORE_CREATE, 2, err, sizeof err), 0);
	assert_int_equal(hy_store_version(s), 2);
	put(s, "县政府第26次常务会议", "one");
	put(s, "縣政府第27次常務會議", "two");
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM sqlite_master"
				       " WHERE name = 'sections_fts'"),
			 0);
	hy_store_close(s);

	if (hy_store_open(&s, f->db, 0, err, sizeof err) != 0)
		fail_msg("open: %s", err);
	assert_int_equal(hy_store_version(s), HY_STORE_SCHEMA_VERSION);
	assert_int_equal(HY_STORE_SCHEMA_VERSION, 21);
	fts_integrity(s->db);
	lens_all_known(s->db);
	assert_int_equal(db_int(s->db, "SELECT v FROM sections_fts_config"
				       " WHERE k = 'automerge'"),
			 16);
	assert_int_equal(count_match(s->db, "sections_fts", "燃气"), 2);
	assert_int_equal(count_match(s->db, "sections_fts", "燃氣"), 2);
	assert_int_equal(count_match(s->db, "sections_fts", "heading : 燃气"), 2);
	assert_int_equal(count_match(s->db, "sections_fts", "text : 城鎮"), 2);
	assert_int_equal(count_match(s->db, "meetings_fts", "常务"), 2);
	assert_int_equal(count_match(s->db, "meetings_fts", "title : \"27次\""), 1);
	assert_int_equal(count_match(s->db, "meetings_fts", "summary : 张三"), 2);

	/* new rows are indexed as they are stored */
	put(s, "县政府第28次常务会议", "three");
	assert_int_equal(count_match(s->db, "sections_fts", "燃气"), 3);
	assert_int_equal(count_match(s->db, "meetings_fts", "\"28次\""), 1);
	lens_all_known(s->db);
	/* updates and deletes (a deleted meeting takes its sections) */
	db_exec(s->db, "UPDATE sections SET text = '财政预算' WHERE id = 2;"
		       "UPDATE meetings SET title = '党组会' WHERE id = 3;");
	assert_int_equal(count_match(s->db, "sections_fts", "text : 燃气"), 2);
	assert_int_equal(count_match(s->db, "sections_fts", "财政"), 1);
	assert_int_equal(count_match(s->db, "meetings_fts", "\"28次\""), 0);
	assert_int_equal(count_match(s->db, "meetings_fts", "党组"), 1);
	{ /* the changed rows' lengths are forgotten, the others kept */
		int known, rows;
		assert_int_equal(lens_check(s->db, 0, &known, &rows), 0);
		assert_int_equal(known, rows - 1);
		assert_int_equal(lens_check(s->db, 1, &known, &rows), 0);
		assert_int_equal(known, rows - 1);
	}
	db_exec(s->db, "DELETE FROM meetings WHERE id = 1");
	assert_int_equal(count_match(s->db, "sections_fts", "燃气"), 2);
	assert_int_equal(count_match(s->db, "sections_fts", "财政"), 0);
	assert_int_equal(count_match(s->db, "meetings_fts", "常务"), 2);
	fts_integrity(s->db);
	db_exec(s->db, "INSERT INTO sections_fts (sections_fts)"
		       " VALUES ('rebuild')");
	fts_integrity(s->db);
	assert_int_equal(count_match(s->db, "sections_fts", "燃气"), 2);
	hy_store_close(s);
}

struct scores {
	size_t n;
	int64_t key[64];
	double score[64];
};

static int on_score(const struct hy_search_hit *h, void *ctx)
{
	struct scores *sc = ctx;
	if (sc->n < 64) {
		sc->key[sc->n] = h->meeting * 1000 + h->section;
		sc->score[sc->n++] = h->score;
	}
	return 0;
}

/* The scores of q with row lengths from fts_lengths equal those from
 * %_docsize alone (struct hy_search_opts no_lens). */
static void same_as_docsize(struct hy_store *s, const char *q)
{
	struct scores a = {0}, b = {0};
	char err[256] = "";
	const struct hy_search_opts docsize = {.no_lens = 1};
	hy_store_search_opts(s, &docsize);
	assert_true(hy_store_search(s, q, NULL, HY_SEARCH_RANK, 0, 64, on_score, &a, err,
				    sizeof err) > 0);
	hy_store_search_opts(s, NULL);
	assert_true(hy_store_search(s, q, NULL, HY_SEARCH_RANK, 0, 64, on_score, &b, err,
				    sizeof err) > 0);
	assert_int_equal(a.n, b.n);
	for (size_t i = 0; i < a.n; i++) {
		assert_int_equal(a.key[i], b.key[i]);
		if (a.score[i] != b.score[i])
			fail_msg("[%s] %lld: %.17g from %%_docsize, %.17g from"
				 " fts_lengths",
				 q, (long long)a.key[i], a.score[i], b.score[i]);
	}
}

/* Rowids from 2^48 on have no block in fts_lengths (their block number
 * would fall among the next index's): a section moved there, and the
 * sections a later import numbers after it, never get a length there,
 * and the meetings' blocks stay right. */
static void t_lens_high_rowids(void **state)
{
	struct fx *f = *state;
	struct hy_store *s = NULL;
	char err[256] = "";
	int known, rows;

	assert_int_equal(hy_store_open(&s, f->db, HY_STORE_CREATE, err, sizeof err), 0);
	put(s, "县政府第26次常务会议", "one");
	put(s, "县政府第27次常务会议", "two");
	db_exec(s->db, "UPDATE sections SET id = (1 << 48) + 1"
		       " WHERE id = (SELECT max(id) FROM sections)");
	put(s, "县政府第28次常务会议", "three"); /* its sections: above 2^48 */
	assert_true(db_int(s->db, "SELECT count(*) FROM sections"
				  " WHERE id >= (1 << 48)") >= 2);
	fts_integrity(s->db);
	for (int index = 0; index < 2; index++) {
		assert_int_equal(lens_check(s->db, index, &known, &rows), 0);
		assert_true(known > 0);
	}
	/* meetings' lengths all known and right */
	assert_int_equal(lens_check(s->db, 1, &known, &rows), 0);
	assert_int_equal(known, rows);
	same_as_docsize(s, "燃气");
	same_as_docsize(s, "常务");
	same_as_docsize(s, "安全 OR 张三");
	hy_store_close(s);
}

/* Rows a batch adds are indexed when it commits, with the values they
 * have then; rows that another program (with the tokenizer, like the
 * sqlite3 shell with the extension) adds are indexed at once. */
static void t_batch_index(void **state)
{
	struct fx *f = *state;
	struct hy_store *s = NULL;
	sqlite3 *other;
	char err[256] = "";

	if (hy_store_open(&s, f->db, HY_STORE_CREATE, err, sizeof err) != 0)
		fail_msg("open: %s", err);
	assert_int_equal(hy_store_begin(s, err, sizeof err), 0);
	put(s, "县政府第1次常务会议", "a");
	put(s, "县政府第2次常务会议", "b");
	put(s, "县政府第3次常务会议", "c");
	/* not yet in the index; changed and deleted before the commit */
	assert_int_equal(count_match(s->db, "sections_fts", "燃气"), 0);
	db_exec(s->db, "UPDATE sections SET text = '财政预算' WHERE id = 2;"
		       "DELETE FROM meetings WHERE id = 3;"
		       "UPDATE meetings SET title = '党组会议' WHERE id = 2;");
	assert_int_equal(hy_store_commit(s, err, sizeof err), 0);
	fts_integrity(s->db);
	assert_int_equal(count_match(s->db, "sections_fts", "燃气"), 2);
	assert_int_equal(count_match(s->db, "sections_fts", "财政"), 1);
	assert_int_equal(count_match(s->db, "sections_fts", "生产"), 2);
	assert_int_equal(count_match(s->db, "meetings_fts", "title : 常务"), 1);
	assert_int_equal(count_match(s->db, "meetings_fts", "党组"), 1);
	assert_int_equal(db_int(s->db, "SELECT count(*) FROM"
				       " sections_fts_docsize"),
			 4);

	/* another program inserts: indexed at once, not twice */
	assert_int_equal(sqlite3_open(f->db, &other), SQLITE_OK);
	assert_int_equal(hy_fts_register(other, err, sizeof err), 0);
	assert_int_equal(hy_cleanz_register(other, NULL), SQLITE_OK); /* hy_clean */
	db_exec(other, "INSERT INTO sections (meeting_id, n, heading, text)"
		       " VALUES (1, 9, '营商环境', '优化营商环境。')");
	assert_int_equal(count_match(other, "sections_fts", "营商"), 1);
	sqlite3_close(other);
	put(s, "县政府第4次常务会议", "d");
	fts_integrity(s->db);
	assert_int_equal(count_match(s->db, "sections_fts", "营商"), 1);
	assert_int_equal(count_match(s->db, "sections_fts", "燃气"), 3);
	hy_store_close(s);
}

/* bm25(sections_fts, 1.0, 10.0): a hit in the heading ranks above the
 * same hit in the text. */
static void t_bm25_heading(void **state)
{
	struct fx *f = *state;
	struct hy_store *s = NULL;
	char err[256] = "";
	sqlite3_stmt *st;

	if (hy_store_open(&s, f->db, HY_STORE_CREATE, err, sizeof err) != 0)
		fail_msg("open: %s", err);
	put(s, "会议", "one");
	db_exec(s->db, "UPDATE sections SET heading = '全县安全生产工作',"
		       " text = '会议审议了城镇燃气管道改造方案。' WHERE id = 1;"
		       "UPDATE sections SET heading = '城镇燃气管道改造',"
		       " text = '会议研究了全县安全生产工作。' WHERE id = 2;");
	assert_int_equal(sqlite3_prepare_v2(s->db,
					    "SELECT rowid FROM sections_fts"
					    " WHERE sections_fts MATCH '燃气'"
					    " ORDER BY bm25(sections_fts,"
					    " 1.0, 10.0)",
					    -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 2); /* heading hit */
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 1);
	sqlite3_finalize(st);
	hy_store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_doc_tokens),
		cmocka_unit_test(t_query_tokens),
		cmocka_unit_test(t_long_word),
		cmocka_unit_test(t_folding),
		cmocka_unit_test(t_random_offsets),
		cmocka_unit_test(t_pinyin_split),
		cmocka_unit_test(t_pinyin_lookup),
		cmocka_unit_test(t_sql_match),
		cmocka_unit_test(t_vocab_positions),
		cmocka_unit_test(t_brute_force),
		cmocka_unit_test(t_register),
		cmocka_unit_test_setup_teardown(t_lens_high_rowids, setup, teardown),
		cmocka_unit_test_setup_teardown(t_migrate_v2, setup, teardown),
		cmocka_unit_test_setup_teardown(t_migrate_v4_letters, setup, teardown),
		cmocka_unit_test_setup_teardown(t_refold, setup, teardown),
		cmocka_unit_test_setup_teardown(t_batch_index, setup, teardown),
		cmocka_unit_test_setup_teardown(t_bm25_heading, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
