/* test_parse_cases.c: table-driven parser tests (tests/parse/README.md).
 *
 * For every tests/parse/NAME.txt, parse it with hy_meeting_parse() and
 * compare each key of tests/parse/NAME.json with what was parsed. Keys not
 * in the .json are not checked; null asserts "unknown". `sections` is the
 * exception: every case must assert it ([] when the parser finds none). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huiyi/clean.h"
#include "huiyi/fold.h"
#include "huiyi/meeting.h"
#include "huiyi/utf8.h"

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *list(char **v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(v[i]));
	return a;
}

/* The first or last `n` characters (code points) of s, and its length in
 * characters. */
static json_t *chars_of(const char *s, size_t n, int last, size_t *chars)
{
	size_t len = strlen(s), count = 0;
	for (size_t i = 0; i < len; i++)
		count += ((unsigned char)s[i] & 0xC0) != 0x80;
	*chars = count;
	size_t skip = last && count > n ? count - n : 0, from = 0, seen = 0;
	while (from < len && seen < skip)
		if (((unsigned char)s[++from] & 0xC0) != 0x80)
			seen++;
	size_t to = from;
	for (seen = 0; to < len && seen < n; seen++) {
		to++;
		while (to < len && ((unsigned char)s[to] & 0xC0) == 0x80)
			to++;
	}
	return json_stringn(s + from, to - from);
}

/* A section as the case files spell it: its heading, its text's first and
 * last 20 characters and its length in characters, and the whole text
 * (compared only when a case gives it). */
static json_t *section_json(const struct hy_section *sec)
{
	size_t chars;
	json_t *o = json_object();
	json_object_set_new(o, "heading", json_string(sec->heading));
	json_object_set_new(o, "head", chars_of(sec->text, 20, 0, &chars));
	json_object_set_new(o, "tail", chars_of(sec->text, 20, 1, &chars));
	json_object_set_new(o, "chars", json_integer((json_int_t)chars));
	json_object_set_new(o, "text", json_string(sec->text));
	return o;
}

/* Whether the parsed sections `got` hold what `want` asserts: as many
 * sections, and in each the keys the case gives. */
static int sections_match(const json_t *want, const json_t *got)
{
	if (!json_is_array(want) || json_array_size(want) != json_array_size(got))
		return 0;
	for (size_t i = 0; i < json_array_size(want); i++) {
		json_t *w = json_array_get(want, i), *g = json_array_get(got, i), *val;
		const char *key;
		if (!json_is_object(w))
			return 0;
		json_object_foreach(w, key, val)
		{
			json_t *gv = json_object_get(g, key);
			if (!gv || !json_equal(gv, val))
				return 0;
		}
	}
	return 1;
}

/* The parsed meeting as the case files spell it. */
static json_t *as_json(const struct hy_meeting *m)
{
	json_t *o = json_object();
	json_object_set_new(o, "title", str_or_null(m->title));
	json_object_set_new(o, "published", str_or_null(m->published));
	json_object_set_new(o, "date", str_or_null(m->date));
	json_object_set_new(o, "month_day", str_or_null(m->month_day));
	json_object_set_new(o, "date_basis", str_or_null(hy_date_basis_name(m->date_basis)));
	json_object_set_new(o, "body", str_or_null(m->body));
	json_object_set_new(o, "place", str_or_null(m->place));
	char g[64];
	hy_meeting_guessed_names(m->guessed, g, sizeof g);
	json_object_set_new(o, "guessed", json_string(g));
	json_object_set_new(o, "not_readout", json_boolean(m->not_readout != 0));
	json_object_set_new(o, "kind", str_or_null(m->kind));
	json_object_set_new(o, "number", json_integer(m->number));
	json_object_set_new(o, "chair", str_or_null(m->chair));
	json_object_set_new(o, "chair_role", str_or_null(m->chair_role));
	json_object_set_new(o, "attendees", list(m->attendees, m->n_attendees));
	json_object_set_new(o, "observers", list(m->observers, m->n_observers));
	json_object_set_new(o, "units", list(m->units, m->n_units));
	json_object_set_new(o, "summary", str_or_null(m->summary));
	json_object_set_new(o, "n_sections", json_integer((json_int_t)m->n_sections));
	json_t *h = json_array();
	for (size_t i = 0; i < m->n_sections; i++)
		json_array_append_new(h, json_string(m->sections[i].heading));
	json_object_set_new(o, "headings", h);
	json_t *secs = json_array();
	for (size_t i = 0; i < m->n_sections; i++)
		json_array_append_new(secs, section_json(&m->sections[i]));
	json_object_set_new(o, "sections", secs);
	return o;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0, k;
	char *s = malloc(cap);
	while (s && (k = fread(s + n, 1, cap - n - 1, f)) > 0) {
		n += k;
		if (n + 1 == cap) {
			char *t = realloc(s, cap *= 2);
			if (!t) {
				free(s);
				s = NULL;
			}
			s = t;
		}
	}
	fclose(f);
	if (s)
		s[n] = 0;
	*len = n;
	return s;
}

static int check_case(const char *dir, const char *name)
{
	char path[4096];
	size_t len;
	if (snprintf(path, sizeof path, "%s/%s.txt", dir, name) >= (int)sizeof path)
		return 1;
	char *text = slurp(path, &len);
	if (snprintf(path, sizeof path, "%s/%s.json", dir, name) >= (int)sizeof path) {
		free(text);
		return 1;
	}
	json_error_t jerr;
	json_t *want = json_load_file(path, 0, &jerr);
	if (!text || !want) {
		printf("# %s: cannot read case (%s)\n", name, want ? "txt" : jerr.text);
		free(text);
		json_decref(want);
		return 1;
	}
	struct hy_meeting m;
	int rc = hy_meeting_parse(text, len, &m);
	int bad = 0;
	if (rc) {
		printf("# %s: parse failed: %d\n", name, rc);
		bad = 1;
	} else {
		json_t *got = as_json(&m);
		const char *key;
		json_t *val;
		if (!json_object_get(want, "sections")) {
			printf("# %s: no sections key: every case asserts its sections "
			       "(\"sections\": [] when there are none; the parser found %zu)\n",
			       name, m.n_sections);
			bad = 1;
		}
		json_object_foreach(want, key, val)
		{
			json_t *g = json_object_get(got, key);
			if (!g) {
				printf("# %s: unknown key %s\n", name, key);
				bad = 1;
			} else if (strcmp(key, "sections") == 0 ? !sections_match(val, g)
								: !json_equal(g, val)) {
				char *ws = json_dumps(val, JSON_ENCODE_ANY);
				char *gs = json_dumps(g, JSON_ENCODE_ANY);
				printf("# %s: %s\n#   want %s\n#   got  %s\n", name, key, ws, gs);
				free(ws);
				free(gs);
				bad = 1;
			}
		}
		json_decref(got);
		hy_meeting_free(&m);
	}
	json_decref(want);
	free(text);
	return bad;
}

static void test_cases(void **state)
{
	(void)state;
	const char *root = getenv("HUIYI_ROOT");
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/tests/parse", root ? root : ".");
	DIR *dp = opendir(dir);
	assert_non_null(dp);
	struct dirent *e;
	int cases = 0, failed = 0;
	const char *only = getenv("PARSE_CASE");
	while ((e = readdir(dp))) {
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 4, ".txt") != 0)
			continue;
		char name[1024];
		if (snprintf(name, sizeof name, "%.*s", (int)(n - 4), e->d_name) >=
		    (int)sizeof name)
			continue;
		if (only && !strstr(name, only))
			continue;
		cases++;
		failed += check_case(dir, name);
	}
	closedir(dp);
	printf("# parse cases: %d, failed: %d\n", cases, failed);
	assert_true(cases > 0);
	assert_int_equal(failed, 0);
}

/* Parsing never fails on odd input and never invents fields. */
static void test_degenerate(void **state)
{
	(void)state;
	struct hy_meeting m;
	assert_int_equal(hy_meeting_parse("", 0, &m), -3);
	assert_int_equal(hy_meeting_parse("\n\n\n", 3, &m), -3);
	const char *one = "只有一行标题";
	assert_int_equal(hy_meeting_parse(one, strlen(one), &m), 0);
	assert_string_equal(m.title, one);
	assert_null(m.date);
	assert_null(m.chair);
	assert_int_equal(m.n_sections, 0);
	hy_meeting_free(&m);
	/* a paragraph of 2 MB with no punctuation: its heading stays short */
	size_t n = 2u << 20;
	char *big = malloc(n + 64);
	assert_non_null(big);
	size_t at = (size_t)snprintf(big, 64, "会议听取了");
	while (at + 3 < n) {
		memcpy(big + at, "农", 3);
		at += 3;
	}
	big[at] = '\0';
	assert_int_equal(hy_meeting_parse(big, at, &m), 0);
	assert_true(m.n_sections >= 1);
	assert_true(strlen(m.sections[0].heading) <= 80 * 3 + 3);
	hy_meeting_free(&m);
	free(big);
	const char *odd = "，，。。：；\n)))(((\n第次会议\n会议\n12月99日";
	assert_int_equal(hy_meeting_parse(odd, strlen(odd), &m), 0);
	assert_null(m.date);
	hy_meeting_free(&m);
}

/* The parser compares its word lists with folded text as they are: every
 * string literal in the parser's rule files (src/meeting/ but year.c, which
 * writes what users read) must already be in folded form (simplified
 * script, ASCII punctuation, lower case), or a rule silently never
 * matches. */
static int literals_folded(const char *path, int *literals)
{
	size_t len;
	char *src = slurp(path, &len);
	assert_non_null(src);
	int bad = 0;
	for (size_t i = 0; i < len; i++) {
		if (src[i] == '/' && src[i + 1] == '*') {
			char *e = strstr(src + i + 2, "*/");
			assert_non_null(e);
			i = (size_t)(e - src) + 1;
		} else if (src[i] == '/' && src[i + 1] == '/') {
			while (i < len && src[i] != '\n')
				i++;
		} else if (src[i] == '\'') {
			i += src[i + 1] == '\\' ? 3 : 2;
		} else if (src[i] == '"') {
			size_t j = i + 1;
			while (j < len && src[j] != '"')
				j += src[j] == '\\' ? 2 : 1;
			++*literals;
			for (size_t k = i + 1; k < j;) {
				uint32_t c;
				k += hy_utf8_decode(src + k, j - k, &c);
				if (hy_fold_cp(c) != c) {
					printf("# %s: not folded: %.*s\n", path, (int)(j - i + 1),
					       src + i);
					bad++;
					break;
				}
			}
			i = j;
		}
	}
	free(src);
	return bad;
}

static void test_patterns_folded(void **state)
{
	(void)state;
	/* every file of the parser, as the directory holds them (a new one
	 * cannot be forgotten) */
	const char *root = getenv("HUIYI_ROOT");
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/src/meeting", root ? root : ".");
	DIR *dp = opendir(dir);
	assert_non_null(dp);
	int literals = 0, bad = 0, files = 0;
	for (struct dirent *de; (de = readdir(dp));) {
		size_t n = strlen(de->d_name);
		if (n < 3 || (strcmp(de->d_name + n - 2, ".c") && strcmp(de->d_name + n - 2, ".h")))
			continue;
		char path[8192];
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		bad += literals_folded(path, &literals);
		files++;
	}
	closedir(dp);
	printf("# %d literals checked in %d files\n", literals, files);
	assert_true(files > 20);
	assert_true(literals > 100);
	assert_int_equal(bad, 0);
}

/* The string literals of the array `name` in the file at path (its first
 * definition), appended to out. */
static size_t array_literals(const char *path, const char *name, char **out, size_t max)
{
	size_t len, n = 0;
	char *src = slurp(path, &len);
	assert_non_null(src);
	char *at = strstr(src, name);
	assert_non_null(at);
	char *end = strstr(at, "};");
	assert_non_null(end);
	for (char *q = strchr(at, '{'); q && q < end && n < max; q++) {
		if (q[0] == '/' && q[1] == '*') {
			q = strstr(q + 2, "*/") + 1;
		} else if (*q == '"') {
			char *e = strchr(q + 1, '"');
			out[n++] = strndup(q + 1, (size_t)(e - q - 1));
			q = e;
		}
	}
	free(src);
	return n;
}

/* A meeting's short name that find_meeting_word finds (word.c) must also
 * be a kind the name reader knows (parse_int.h), or "主持召开区政府常务会，"
 * finds the meeting and reads none. */
static void test_kinds_in_step(void **state)
{
	(void)state;
	const char *root = getenv("HUIYI_ROOT");
	char word[4096], kinds[4096];
	snprintf(word, sizeof word, "%s/src/meeting/word.c", root ? root : ".");
	snprintf(kinds, sizeof kinds, "%s/src/meeting/parse_int.h", root ? root : ".");
	char *sm[256], *kv[512];
	size_t nsm = array_literals(word, "short_meetings[] = {", sm, 256);
	size_t nk = array_literals(kinds, "kinds[] = {", kv, 512);
	assert_true(nsm > 20 && nk > 50);
	int missing = 0;
	for (size_t i = 0; i < nsm; i++) {
		int found = 0;
		for (size_t j = 0; j < nk && !found; j++)
			found = strcmp(sm[i], kv[j]) == 0;
		if (!found) {
			printf("# word.c short_meetings has %s, parse_int.h kinds not\n", sm[i]);
			missing++;
		}
	}
	for (size_t i = 0; i < nsm; i++)
		free(sm[i]);
	for (size_t j = 0; j < nk; j++)
		free(kv[j]);
	assert_int_equal(missing, 0);
}

/* The page as scraped, cleaned and parsed as the import does: the place
 * that only the page's furniture names (which the cleaner removes). NULL
 * when none; the parse alone must have found `parsed` (NULL: none). */
static char *place_of_page(const char *page, const char *parsed)
{
	char *clean = NULL;
	size_t n = 0;
	struct hy_meeting m;
	assert_int_equal(hy_clean(page, strlen(page), &clean, &n, NULL), 0);
	assert_int_equal(hy_meeting_parse(clean, n, &m), 0);
	if (parsed)
		assert_string_equal(m.place, parsed);
	else
		assert_null(m.place);
	assert_int_equal(hy_meeting_place_from_page(&m, page, strlen(page)), 0);
	char *place = m.place ? strdup(m.place) : NULL;
	hy_meeting_free(&m);
	free(clean);
	return place;
}

static void test_place_from_page(void **state)
{
	(void)state;
	static const char story[] = "县政府召开第12次常务会议\n"
				    "3月2日，县长马骏主持召开县政府第12次常务会议。\n"
				    "会议研究了春季农田水利建设工作。\n";
	/* the place only in a remark, bare (as its people say it) */
	static const char remark[] = "区政府召开第7次常务会议\n"
				     "5月9日，区长马骏主持召开区政府第7次常务会议。\n"
				     "会议研究了老旧管网改造工作。\n"
				     "会议强调，要奋力谱写中国式现代化青岚新篇章。\n";
	static const struct {
		const char *head, *story, *tail, *parsed, *want;
	} pages[] = {
		/* a breadcrumb through the county's site */
		{"当前位置：首页 > 青岚县人民政府 > 政府信息公开\n", story, "", NULL, "青岚县"},
		/* the footer's publisher */
		{"", story, "主办单位：青岚县融媒体中心  技术支持：某某科技\n", NULL, "青岚县"},
		/* the credit after the publish time, the place alone */
		{"发布日期：2024-03-02 10:11 文章来源：青岚县 浏览次数：\n", story, "", NULL,
		 "青岚县"},
		/* in traditional script, in its own script */
		{"當前位置：首頁 > 青嵐縣人民政府 > 政務公開\n", story, "", NULL, "青嵐縣"},
		/* a city's site for a county's meeting: not the body's level */
		{"", story, "主办单位：白川市融媒体中心\n", NULL, NULL},
		/* two counties: none */
		{"当前位置：首页 > 青岚县人民政府 > 政府信息公开\n", story,
		 "版权所有©石门县人民政府网\n", NULL, NULL},
		/* the remark's bare name, with its level in the breadcrumb */
		{"当前位置：首页 >> 青岚区政府常务会议 >>\n", remark, "", "青岚", "青岚区"},
		/* another district's site: the remark's name stands */
		{"当前位置：首页 >> 石门区政府常务会议 >>\n", remark, "", "青岚", "青岚"},
		/* nothing in the furniture */
		{"", remark, "", "青岚", "青岚"},
		/* the site's first column, the county's own news by its bare name */
		{"当前位置：首页 > 青岚要闻\n", story, "", NULL, "青岚"},
		{"您的位置：首页 > 信息公开 > 青岚动态\n", story, "", NULL, "青岚"},
		/* the county's paper in the credit line (kept: the parse reads it) */
		{"发布时间：2024-03-02 来源：今日青岚\n", story, "", "青岚", "青岚"},
		/* a column of news no place's */
		{"当前位置：首页 > 国内要闻\n", story, "", NULL, NULL},
		{"当前位置：首页 > 新闻中心 > 部门动态\n", story, "", NULL, NULL},
		/* a city's site for a county's meeting, by the city's name */
		{"来源：白川市融媒体中心\n", story, "", NULL, NULL},
		/* a crumb through a column of the counties, to the county's own */
		{"当前位置: >> 县区人大 >> 青岚县\n", story, "", NULL, "青岚县"},
		/* (one through the cities: another level's) */
		{"当前位置: >> 市州人大 >> 白川市\n", story, "", NULL, NULL},
	};
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		char page[1024];
		snprintf(page, sizeof page, "%s%s%s", pages[i].head, pages[i].story, pages[i].tail);
		char *got = place_of_page(page, pages[i].parsed);
		if (!got != !pages[i].want || (got && strcmp(got, pages[i].want) != 0))
			print_message("# page %zu: want %s got %s\n", i,
				      pages[i].want ? pages[i].want : "null", got ? got : "null");
		if (pages[i].want)
			assert_string_equal(got, pages[i].want);
		else
			assert_null(got);
		free(got);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),           cmocka_unit_test(test_patterns_folded),
		cmocka_unit_test(test_kinds_in_step),   cmocka_unit_test(test_degenerate),
		cmocka_unit_test(test_place_from_page),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
