/* test_wrap.c: line breaking (wrap.h), and the width functions run over
 * the catalogue of hard strings (tests/fixtures/hard_strings.txt). */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "huiyi/utf8.h"
#include "huiyi/width.h"
#include "huiyi/wrap.h"

#define MAX_WIDTH 60

/* The Chinese rules, written out again here (not taken from wrap.c). */
static const char *const no_start =
	"，。、；：！？）」』》〉】〕〗〙〛］｝…‥”’．｡｣､〞〟｠,.;:!?)]}";
static const char *const no_end = "（「『《〈【〔〖〘〚［｛“‘｢〝｟([{";

static int in_set(const char *set, uint32_t cp)
{
	size_t n = strlen(set);

	for (size_t i = 0; i < n;) {
		uint32_t c;

		i += hy_utf8_decode(set + i, n - i, &c);
		if (c == cp)
			return 1;
	}
	return 0;
}

static int pair_char(uint32_t cp)
{
	return cp == 0x2014 || cp == 0x2015 || cp == 0x2026 || cp == 0x2025 || cp == 0x2E3A ||
	       cp == 0x2E3B;
}

/* ---- the catalogue ---- */

struct tcase {
	char *s;
	size_t len;
	int lineno;
};

struct catalogue {
	struct tcase *c;
	size_t n;
};

static int hexval(int ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* Expand the escapes of one catalogue line into out (as long as line at
 * most: every escape is at least as long as what it stands for). Returns
 * the length, or -1 on a malformed escape. */
static long unescape(const char *line, size_t n, char *out)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		if (line[i] != '\\') {
			out[o++] = line[i];
			continue;
		}
		if (++i >= n)
			return -1;
		switch (line[i]) {
		case 't':
			out[o++] = '\t';
			break;
		case 'n':
			out[o++] = '\n';
			break;
		case 's':
			out[o++] = ' ';
			break;
		case 'e':
			out[o++] = '\x1b';
			break;
		case 'a':
			out[o++] = '\a';
			break;
		case 'r':
			out[o++] = '\r';
			break;
		case 'v':
			out[o++] = '\v';
			break;
		case 'f':
			out[o++] = '\f';
			break;
		case '\\':
			out[o++] = '\\';
			break;
		case '.':
			break;
		case 'x': {
			int hi, lo;

			if (i + 2 >= n)
				return -1;
			hi = hexval(line[i + 1]);
			lo = hexval(line[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			out[o++] = (char)(hi * 16 + lo);
			i += 2;
			break;
		}
		case 'u': {
			uint32_t cp = 0;
			int digits = 0;

			if (i + 1 >= n || line[i + 1] != '{')
				return -1;
			for (i += 2; i < n && line[i] != '}'; i++) {
				int v = hexval(line[i]);

				if (v < 0 || ++digits > 6)
					return -1;
				cp = cp * 16 + (uint32_t)v;
			}
			if (i >= n || digits == 0)
				return -1;
			o += hy_utf8_encode(cp, out + o);
			break;
		}
		default:
			return -1;
		}
	}
	return (long)o;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0;

	if (!f)
		return NULL;
	for (;;) {
		size_t got;

		if (n + 4096 + 1 > cap) {
			char *nb;

			cap = cap ? cap * 2 : 65536;
			nb = realloc(buf, cap);
			if (!nb) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
		}
		got = fread(buf + n, 1, 4096, f);
		n += got;
		if (got < 4096)
			break;
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

static void load_catalogue(struct catalogue *cat)
{
	const char *root = getenv("HUIYI_ROOT");
	char path[4096];
	size_t len = 0, cap = 0;
	char *text;
	int lineno = 0;

	snprintf(path, sizeof path, "%s/tests/fixtures/hard_strings.txt", root ? root : ".");
	text = slurp(path, &len);
	if (!text) {
		fail_msg("cannot read %s (run from the repository root or set "
			 "HUIYI_ROOT)",
			 path);
		return;
	}
	cat->c = NULL;
	cat->n = 0;
	for (size_t i = 0; i < len;) {
		char *nl = memchr(text + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - (text + i)) : len - i;
		const char *line = text + i;
		long got;

		i += n + 1;
		lineno++;
		if (n == 0 || line[0] == '#')
			continue;
		if (cat->n == cap) {
			cap = cap ? cap * 2 : 64;
			cat->c = realloc(cat->c, cap * sizeof *cat->c);
			assert_non_null(cat->c);
		}
		cat->c[cat->n].s = malloc(n + 1);
		assert_non_null(cat->c[cat->n].s);
		got = unescape(line, n, cat->c[cat->n].s);
		if (got < 0)
			fail_msg("hard_strings.txt:%d: bad escape", lineno);
		cat->c[cat->n].len = (size_t)got;
		cat->c[cat->n].lineno = lineno;
		cat->n++;
	}
	free(text);
	assert_true(cat->n >= 40);
}

static void free_catalogue(struct catalogue *cat)
{
	for (size_t i = 0; i < cat->n; i++)
		free(cat->c[i].s);
	free(cat->c);
}

/* ---- what a character is, computed here independently ---- */

/* For each byte offset 0..len: 1 if a code point starts there (or len),
 * 2 if a character (code point plus the ones that join it) starts. */
static unsigned char *starts(const char *t, size_t len)
{
	unsigned char *m = calloc(len + 1, 1);
	uint32_t prev = '\n';

	assert_non_null(m);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = hy_utf8_decode(t + i, len - i, &cp);
		int joined = prev != '\t' && prev != '\n' && cp != '\t' && cp != '\n' &&
			     (hy_width_cp(cp) == 0 ||
			      (prev == 0x200D && cp > ' ' && !(cp >= 0x7F && cp < 0xA0)));

		m[i] = joined ? 1 : 2;
		prev = cp;
		i += k;
	}
	m[len] = 2;
	return m;
}

/* The code point that starts at off, or the last one before off. */
static uint32_t cp_at(const char *t, size_t len, size_t off)
{
	uint32_t cp;

	hy_utf8_decode(t + off, len - off, &cp);
	return cp;
}

/* First code point of the character that ends at off. */
static uint32_t base_before(const char *t, const unsigned char *m, size_t off)
{
	size_t b = off;

	do
		b--;
	while (b > 0 && m[b] != 2);
	return cp_at(t, off, b);
}

/* Columns of the two characters either side of offset b. */
static size_t pair_width(const char *t, const unsigned char *m, size_t b)
{
	size_t a = b, e = b;

	do
		a--;
	while (m[a] != 2);
	do
		e++;
	while (m[e] != 2);
	return hy_width_str(t + a, e - a);
}

static size_t chars_in(const unsigned char *m, size_t a, size_t b)
{
	size_t n = 0;

	for (size_t i = a; i < b; i++)
		n += m[i] == 2;
	return n;
}

/* Whether line [a, b) could have given its end away: a boundary inside it
 * where a break keeps every rule. */
static int can_give(const char *t, size_t len, const unsigned char *m, size_t a, size_t b)
{
	uint32_t last = 0; /* last code point before j that is no space */
	int have_last = 0;

	for (size_t j = a; j < b; j++) {
		uint32_t cp;

		if (m[j] != 2)
			continue;
		cp = cp_at(t, len, j);
		if (j > a && cp != ' ' && cp != '\t' && !in_set(no_start, cp) &&
		    !(have_last && in_set(no_end, last)) &&
		    !(pair_char(cp) && base_before(t, m, j) == cp))
			return 1;
		if (cp != ' ' && cp != '\t') {
			last = cp;
			have_last = 1;
		}
	}
	return 0;
}

/* t[0..len) for a failure message, controls escaped, into buf[512]. */
static const char *show(const char *t, size_t len, char buf[512])
{
	size_t o = 0;

	for (size_t i = 0; i < len && o + 5 < 512; i++) {
		unsigned char c = (unsigned char)t[i];

		if (c < 0x20 || c == 0x7F)
			o += (size_t)snprintf(buf + o, 512 - o, "\\x%02x", c);
		else
			buf[o++] = (char)c;
	}
	buf[o] = '\0';
	return buf;
}

#define CHECK(cond, ...)                                                                           \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			print_error("hard_strings.txt:%d width %zu line %zu: ", lineno, width, k); \
			print_error(__VA_ARGS__);                                                  \
			print_error(" [%s]\n", show(t, len, sbuf));                                \
			goto done;                                                                 \
		}                                                                                  \
	} while (0)

/* Check every invariant of w (t wrapped at width). Returns 0 if all hold. */
static int check_lines(const struct hy_wrap *w, const char *t, size_t len, size_t width, int lineno)
{
	unsigned char *m = starts(t, len);
	char sbuf[512];
	size_t k = 0;
	int bad = 1;

	CHECK(w->n >= 1, "no lines");
	CHECK(w->lines[0].start == 0, "first line starts at %zu", w->lines[0].start);
	CHECK(w->lines[w->n - 1].next == len, "last line ends at %zu of %zu",
	      w->lines[w->n - 1].next, len);
	for (k = 0; k < w->n; k++) {
		const struct hy_wrap_line *l = &w->lines[k];
		const struct hy_wrap_line *nx = k + 1 < w->n ? l + 1 : NULL;
		int para_end; /* a '\n' or the end of the text follows */

		CHECK(l->start <= l->end && l->end <= l->next && l->next <= len,
		      "offsets %zu %zu %zu", l->start, l->end, l->next);
		CHECK(!nx || nx->start == l->next, "gap or overlap");
		CHECK(!nx || l->next > l->start, "empty line mid-text");
		/* lines start and end on character boundaries */
		CHECK(m[l->start] == 2 && m[l->end] == 2 && m[l->next] == 2,
		      "offsets %zu %zu %zu not on character boundaries", l->start, l->end, l->next);
		CHECK(!memchr(t + l->start, '\n', l->end - l->start), "newline inside the line");
		for (size_t i = l->end; i < l->next; i++)
			CHECK(t[i] == ' ' || t[i] == '\t' || (t[i] == '\n' && i + 1 == l->next),
			      "[end, next) holds more than blanks");
		para_end = l->next == len || t[l->next - 1] == '\n';
		CHECK(l->end == l->start || (t[l->end - 1] != ' ' && t[l->end - 1] != '\t'),
		      "trailing blank kept in [start, end)");
		CHECK(l->width == hy_width_str(t + l->start, l->end - l->start),
		      "width %zu, hy_width_str says %zu", l->width,
		      hy_width_str(t + l->start, l->end - l->start));
		CHECK(l->width <= width || chars_in(m, l->start, l->end) == 1, "%zu columns",
		      l->width);
		if (l->start > 0 && t[l->start - 1] != '\n') {
			/* a line made by a break: it starts on text */
			CHECK(!((t[l->start] == ' ' || t[l->start] == '\t') &&
				m[l->start + 1] == 2),
			      "continuation line starts with a blank");
			CHECK(l->end > l->start, "blank continuation line");
		}
		if (!nx || para_end || l->end == l->start || nx->end == nx->start)
			continue;
		/* the Chinese rules at the break between l and nx */
		{
			uint32_t last = base_before(t, m, l->end);
			uint32_t first = cp_at(t, len, nx->start);

			if (in_set(no_start, first) || in_set(no_end, last))
				CHECK(!can_give(t, len, m, l->start, l->end),
				      "break before U+%04X after U+%04X, but the "
				      "line had a character to give",
				      (unsigned)first, (unsigned)last);
			if (pair_char(first) && l->end == l->next && last == first &&
			    pair_width(t, m, l->end) <= width) {
				/* a run of —— or …… splits only between
				 * pairs */
				size_t run = 0, b = l->end;

				while (b > 0 && base_before(t, m, b) == first) {
					run++;
					do
						b--;
					while (m[b] != 2);
				}
				CHECK(run % 2 == 0, "—— or …… split");
			}
		}
	}
	bad = 0;
done:
	free(m);
	return bad;
}

/* Wrap t at width and check it (fails the test on the first problem). */
static void check_wrap(const char *t, size_t len, size_t width, int lineno)
{
	struct hy_wrap w = {0};

	assert_int_equal(hy_wrap_text(&w, t, len, width), 0);
	if (check_lines(&w, t, len, width, lineno)) {
		char sbuf[512];

		for (size_t k = 0; k < w.n; k++)
			print_error("  %2zu %3zu [%s]\n", k, w.lines[k].width,
				    show(t + w.lines[k].start, w.lines[k].next - w.lines[k].start,
					 sbuf));
		hy_wrap_free(&w);
		fail();
	}
	hy_wrap_free(&w);
}

static void test_catalogue_wrap(void **state)
{
	struct catalogue cat;

	(void)state;
	load_catalogue(&cat);
	for (size_t i = 0; i < cat.n; i++)
		for (size_t width = 1; width <= MAX_WIDTH; width++)
			check_wrap(cat.c[i].s, cat.c[i].len, width, cat.c[i].lineno);
	free_catalogue(&cat);
}

/* Nothing drawn from truncate's output can move the cursor, ring, or
 * reorder: no C0 but none, no DEL, no C1, no bidi control, valid UTF-8. */
static void assert_safe(const char *s)
{
	size_t n = strlen(s);

	assert_true(hy_utf8_valid(s, n));
	for (size_t i = 0; i < n;) {
		uint32_t cp;

		i += hy_utf8_decode(s + i, n - i, &cp);
		assert_false(cp < 0x20 || (cp >= 0x7F && cp < 0xA0));
		assert_false((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069));
	}
}

static void test_catalogue_width(void **state)
{
	struct catalogue cat;

	(void)state;
	load_catalogue(&cat);
	for (size_t i = 0; i < cat.n; i++) {
		const char *t = cat.c[i].s;
		size_t len = cat.c[i].len, total = hy_width_str(t, len);
		unsigned char *m = starts(t, len);

		for (size_t width = 0; width <= MAX_WIDTH; width++) {
			char out[256];
			size_t used = 99, got, tw;

			/* fit: a character boundary, as wide as it says, and
			 * the next character would not fit */
			got = hy_width_fit(t, len, width, &used);
			assert_true(got <= len);
			assert_int_equal(m[got], 2);
			assert_int_equal(used, hy_width_str(t, got));
			assert_true(used <= width);
			if (got < len) {
				size_t more = got + 1;

				while (m[more] != 2)
					more++;
				assert_true(hy_width_str(t, more) > width);
			}
			/* truncate: fits, safe, measured the same way */
			tw = hy_width_truncate(t, len, width, out, sizeof out);
			assert_true(tw <= width);
			assert_int_equal(tw, hy_width_str(out, strlen(out)));
			assert_safe(out);
			if (total <= width && len * 4 + 1 < sizeof out)
				assert_int_equal(tw, total);
			if (total > width && width > 0) {
				size_t ol = strlen(out);

				assert_true(ol >= 3);
				assert_string_equal(out + ol - 3, "…");
			}
			/* tiny buffers still get a terminated string */
			for (size_t ol = 1; ol < 6; ol++) {
				char small[6];

				memset(small, 'x', sizeof small);
				hy_width_truncate(t, len, width, small, ol);
				assert_true(strlen(small) < ol);
				assert_safe(small);
			}
		}
		free(m);
	}
	free_catalogue(&cat);
}

/* ---- exact results ---- */

/* Wrap s at width and compare the lines' [start, end) with want[]
 * (NULL-terminated). */
static void expect_lines(const char *s, size_t width, const char *const *want)
{
	struct hy_wrap w = {0};
	size_t n = 0, len = strlen(s);

	while (want[n])
		n++;
	assert_int_equal(hy_wrap_text(&w, s, len, width), 0);
	check_wrap(s, len, width, 0);
	for (size_t k = 0; k < w.n || k < n; k++) {
		const char *got = k < w.n ? s + w.lines[k].start : "(none)";
		size_t gl = k < w.n ? w.lines[k].end - w.lines[k].start : 6;

		if (k >= n || k >= w.n || gl != strlen(want[k]) || memcmp(got, want[k], gl) != 0)
			fail_msg("width %zu line %zu: got [%.*s], want [%s]", width, k, (int)gl,
				 got, k < n ? want[k] : "(none)");
	}
	hy_wrap_free(&w);
}

static void test_prose(void **state)
{
	const char *s = "要坚持问题导向，逐项建立台账，明确责任单位和完成时限。";

	(void)state;
	/* five characters a line; ， and 。 fall where they are allowed */
	expect_lines(s, 10,
		     (const char *const[]){"要坚持问题", "导向，逐项", "建立台账，", "明确责任单",
					   "位和完成时", "限。", NULL});
	expect_lines(s, 11,
		     (const char *const[]){"要坚持问题", "导向，逐项", "建立台账，", "明确责任单",
					   "位和完成时", "限。", NULL});
	expect_lines(s, 12,
		     (const char *const[]){"要坚持问题导", "向，逐项建立", "台账，明确责",
					   "任单位和完成", "时限。", NULL});
	/* at 14, ， would start line 2: 向 moves down with it */
	expect_lines(s, 14,
		     (const char *const[]){"要坚持问题导", "向，逐项建立台", "账，明确责任单",
					   "位和完成时限。", NULL});
	expect_lines(s, 60, (const char *const[]){s, NULL});
}

static void test_move_down(void **state)
{
	(void)state;
	/* ， may not start a line: 四 goes down with it */
	expect_lines("一二三四，五六七八。", 8,
		     (const char *const[]){"一二三", "四，五六", "七八。", NULL});
	/* ”。 both: the move repeats past both */
	expect_lines("一二三四”。五", 8, (const char *const[]){"一二三", "四”。五", NULL});
	/* （ may not end a line: it goes down */
	expect_lines("一二三（四）五", 8, (const char *const[]){"一二三", "（四）五", NULL});
	/* 《 and “ at the end of a full line */
	expect_lines("一二三《四》", 8, (const char *const[]){"一二三", "《四》", NULL});
	/* a word longer than the line splits, but never right after （ */
	expect_lines("（abcdefghijkl", 6, (const char *const[]){"（abcd", "efghij", "kl", NULL});
	expect_lines("“abcdefghijkl", 6, (const char *const[]){"“abcde", "fghijk", "l", NULL});
	/* nothing to give: a line of one character keeps its width */
	expect_lines("一，", 2, (const char *const[]){"一", "，", NULL});
	/* all punctuation: break anyway, never an empty line */
	expect_lines("。。。。。", 4, (const char *const[]){"。。", "。。", "。", NULL});
}

static void test_quotes(void **state)
{
	const char *s = "会议指出“两个维护”是根本。";

	(void)state;
	/* a break before “ and after ”, never after “ or before ” */
	expect_lines(s, 10, (const char *const[]){"会议指出", "“两个维护”", "是根本。", NULL});
	expect_lines(s, 9, (const char *const[]){"会议指出", "“两个维", "护”是根", "本。", NULL});
	/* ICU keeps ‘ ’ glued to both neighbours; we let them break like “ ” */
	expect_lines("会议指出‘两个维护’是根本。", 10,
		     (const char *const[]){"会议指出", "‘两个维护’", "是根本。", NULL});
	/* ’ as an apostrophe stays inside its word */
	expect_lines("don’t stop", 6, (const char *const[]){"don’t", "stop", NULL});
}

/* No line break falls strictly inside needle (any occurrence). */
static void assert_whole(const char *s, const char *needle, size_t width)
{
	struct hy_wrap w = {0};
	size_t len = strlen(s), nl = strlen(needle);

	assert_int_equal(hy_wrap_text(&w, s, len, width), 0);
	for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle)) {
		size_t a = (size_t)(p - s);

		for (size_t k = 1; k < w.n; k++)
			if (w.lines[k].start > a && w.lines[k].start < a + nl)
				fail_msg("width %zu splits %s", width, needle);
	}
	hy_wrap_free(&w);
}

static void test_numbers_and_words(void **state)
{
	const char *s = "会议要求在2024年底前完成23个项目，投资3.5亿元，"
			"由Shanghai公司承建，2035年远景目标……不变——坚持。";

	(void)state;
	for (size_t width = 1; width <= MAX_WIDTH; width++) {
		check_wrap(s, strlen(s), width, 0);
		if (width >= 6) {
			assert_whole(s, "2024年", width);
			assert_whole(s, "3.5亿", width);
			assert_whole(s, "2035年", width);
		}
		if (width >= 4)
			assert_whole(s, "23个", width);
		if (width >= 8)
			assert_whole(s, "Shanghai", width);
		if (width >= 2) {
			assert_whole(s, "……", width);
			assert_whole(s, "——", width);
		}
	}
	/* a number too long for the line keeps its unit, if that fits */
	expect_lines("2024年。", 6, (const char *const[]){"2024", "年。", NULL});
	/* a word longer than the line splits at character boundaries */
	expect_lines("abcdefghijklmnopqrstuvwxyz", 10,
		     (const char *const[]){"abcdefghij", "klmnopqrst", "uvwxyz", NULL});
	/* and where it must split, rather between its parts */
	expect_lines("abcd.efghij", 6, (const char *const[]){"abcd.", "efghij", NULL});
	/* but only once it is on a line of its own */
	expect_lines("中 abcdefghijklmn", 10,
		     (const char *const[]){"中", "abcdefghij", "klmn", NULL});
	/* ——, …… and runs of them */
	expect_lines("一——二", 3, (const char *const[]){"一", "——", "二", NULL});
	expect_lines("————————", 3, (const char *const[]){"——", "——", "——", "——", NULL});
	expect_lines("……", 1, (const char *const[]){"…", "…", NULL});
}

static void test_spaces_newlines_tabs(void **state)
{
	struct hy_wrap w = {0};

	(void)state;
	assert_int_equal(hy_wrap_text(&w, "hello world", 11, 5), 0);
	assert_int_equal(w.n, 2);
	assert_int_equal(w.lines[0].end, 5); /* the space hangs */
	assert_int_equal(w.lines[0].next, 6);
	assert_int_equal(w.lines[0].width, 5);
	assert_int_equal(w.lines[1].start, 6);
	/* many spaces at a break all go to [end, next) */
	assert_int_equal(hy_wrap_text(&w, "ab      cd", 10, 3), 0);
	assert_int_equal(w.n, 2);
	assert_int_equal(w.lines[0].end, 2);
	assert_int_equal(w.lines[0].next, 8);
	/* a newline forces a break and belongs to [end, next) */
	assert_int_equal(hy_wrap_text(&w, "ab  \ncd", 7, 60), 0);
	assert_int_equal(w.n, 2);
	assert_int_equal(w.lines[0].end, 2);
	assert_int_equal(w.lines[0].next, 5);
	assert_int_equal(w.lines[1].start, 5);
	/* "" and "\n" are one empty line; a final '\n' opens no line */
	assert_int_equal(hy_wrap_text(&w, "", 0, 10), 0);
	assert_int_equal(w.n, 1);
	assert_int_equal(w.lines[0].next, 0);
	assert_int_equal(hy_wrap_text(&w, NULL, 5, 10), 0);
	assert_int_equal(w.n, 1);
	assert_int_equal(w.lines[0].next, 0);
	assert_int_equal(hy_wrap_text(&w, "\n", 1, 10), 0);
	assert_int_equal(w.n, 1);
	assert_int_equal(w.lines[0].next, 1);
	assert_int_equal(hy_wrap_text(&w, "a\n", 2, 10), 0);
	assert_int_equal(w.n, 1);
	assert_int_equal(hy_wrap_text(&w, "a\n\n", 3, 10), 0);
	assert_int_equal(w.n, 2);
	assert_int_equal(w.lines[1].start, 2);
	assert_int_equal(w.lines[1].end, 2);
	/* only spaces: one blank line */
	assert_int_equal(hy_wrap_text(&w, "     ", 5, 3), 0);
	assert_int_equal(w.n, 1);
	assert_int_equal(w.lines[0].end, 0);
	assert_int_equal(w.lines[0].next, 5);
	/* TAB: next multiple of 4 from the start of the line */
	assert_int_equal(hy_wrap_text(&w, "\tx", 2, 60), 0);
	assert_int_equal(w.lines[0].width, 5);
	assert_int_equal(hy_wrap_text(&w, "abc\tx\ty", 7, 60), 0);
	assert_int_equal(w.lines[0].width, 9);
	assert_int_equal(hy_wrap_text(&w, "abcdef\tgh", 9, 8), 0);
	assert_int_equal(w.n, 2);
	assert_int_equal(w.lines[0].end, 6); /* the TAB hangs */
	assert_int_equal(w.lines[0].next, 7);
	/* width 0 is taken as 1 */
	assert_int_equal(hy_wrap_text(&w, "ab", 2, 0), 0);
	assert_int_equal(w.n, 2);
	hy_wrap_free(&w);
	hy_wrap_free(&w); /* twice is fine */
	hy_wrap_free(NULL);
}

static void test_wide_and_joined(void **state)
{
	(void)state;
	/* a wide character that does not fit moves down */
	expect_lines("abc中", 4, (const char *const[]){"abc", "中", NULL});
	/* wider than the line: alone on its line */
	expect_lines("中文", 1, (const char *const[]){"中", "文", NULL});
	expect_lines("𠀀a", 1, (const char *const[]){"𠀀", "a", NULL});
	/* a base keeps its marks; a ZWJ sequence is one character */
	expect_lines("e\xcc\x81"
		     "e\xcc\x81",
		     1, (const char *const[]){"e\xcc\x81", "e\xcc\x81", NULL});
	expect_lines("👨‍👩‍👧ab", 4,
		     (const char *const[]){"👨‍👩‍👧", "ab", NULL});
	expect_lines("a👨‍👩‍👧", 8, (const char *const[]){"a👨‍👩‍👧", NULL});
	/* a space after a stray ZWJ is still a space (found by fuzzing) */
	expect_lines("ab\xe2\x80\x8d cd", 3, (const char *const[]){"ab\xe2\x80\x8d", "cd", NULL});
	/* placeholders count: ESC is ^[ (2 columns) */
	expect_lines("ab\x1b"
		     "cd",
		     4, (const char *const[]){"ab\x1b", "cd", NULL});
}

/* A million characters of readout-like text at width 80. Measured on the
 * development machine: 0.05 s with -O2, 0.1 s under ASan+UBSan (ICU itself
 * is not instrumented). The time is printed, not asserted. */
static void test_big_paragraph(void **state)
{
	static const char *const unit[] = {
		"要坚持问题导向，",
		"逐项建立台账，",
		"2024年",
		"hello world ",
		"“两个维护”",
		"……",
		"——",
		"。",
		"e\xcc\x81",
		"👨‍👩‍👧",
	};
	size_t cap = 8u << 20, len = 0, chars = 0;
	char *t = malloc(cap);
	struct hy_wrap w = {0};
	struct timespec a, b;
	uint32_t r = 1;

	(void)state;
	assert_non_null(t);
	while (chars < 1000000) {
		const char *u;
		size_t l;

		r = r * 1103515245u + 12345u;
		u = unit[(r >> 16) % (sizeof unit / sizeof *unit)];
		l = strlen(u);
		memcpy(t + len, u, l);
		len += l;
		for (size_t i = 0; i < l; i++)
			chars += ((unsigned char)u[i] & 0xC0) != 0x80;
	}
	clock_gettime(CLOCK_MONOTONIC, &a);
	assert_int_equal(hy_wrap_text(&w, t, len, 80), 0);
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("# %zu characters, %zu lines at width 80: %.3f s\n", chars, w.n,
	       (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9);
	assert_true(w.n > 10000);
	assert_int_equal(check_lines(&w, t, len, 80, 0), 0);
	hy_wrap_free(&w);
	free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prose),
		cmocka_unit_test(test_move_down),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_numbers_and_words),
		cmocka_unit_test(test_spaces_newlines_tabs),
		cmocka_unit_test(test_wide_and_joined),
		cmocka_unit_test(test_catalogue_wrap),
		cmocka_unit_test(test_catalogue_width),
		cmocka_unit_test(test_big_paragraph),
	};

	if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "en_US.UTF-8")) {
		printf("skip: no UTF-8 locale (C.UTF-8, en_US.UTF-8)\n");
		return 77;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
