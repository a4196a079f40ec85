/* test_source_rank.c: which of a meeting's sources is shown
 * (source_rank.h): an official site over a mirror, the original script
 * over a converted copy, the cleaner text, the more complete one, and the
 * one shown staying when nothing tells them apart. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "huiyi/source_rank.h"

static void t_official(void **state)
{
	(void)state;
	assert_true(hy_source_official("http://www.qingshi.gov.cn/zwgk/1.html"));
	assert_true(hy_source_official("https://GOV.CN/x"));
	assert_true(hy_source_official("https://www.taipei.gov.tw:8443/news?id=1"));
	assert_true(hy_source_official("http://www.gov.mo/zh-hant/news/1/"));
	/* "gov" must be a whole label of the host, not of the path */
	assert_false(hy_source_official("http://news.example.com/gov/1.html"));
	assert_false(hy_source_official("http://govnews.example.com/1.html"));
	assert_false(hy_source_official("http://www.mygov.cn/1.html"));
	assert_false(hy_source_official("/home/a/pages/gov.cn/1.txt"));
	assert_false(hy_source_official(NULL));
}

static void t_original_script(void **state)
{
	(void)state;
	/* a mainland county's page and its traditional version on its own
	 * site: simplified */
	struct hy_source_facts cn[] = {
		{.url = "http://big5.qingshi.gov.cn/1.html", .script = "hant"},
		{.url = "http://www.qingshi.gov.cn/1.html", .script = "hans"},
	};
	assert_string_equal(hy_source_original_script(cn, 2), "hans");
	/* a Taiwan county's page and a simplified repost on a .com: the
	 * official site's region decides */
	struct hy_source_facts tw[] = {
		{.url = "http://news.example.com/1.html", .script = "hans"},
		{.url = "https://www.hsinchu.gov.tw/News.aspx?n=1", .script = "hant"},
		{.url = "http://mirror.example.cn/2.html", .script = "hans"},
	};
	assert_string_equal(hy_source_original_script(tw, 3), "hant");
	/* no addresses: the script most sources share; a tie tells nothing */
	struct hy_source_facts files[] = {
		{.script = "hant"}, {.script = "hans"}, {.script = "hant"}};
	assert_string_equal(hy_source_original_script(files, 3), "hant");
	assert_null(hy_source_original_script(files, 2));
	assert_null(hy_source_original_script(files, 0));
}

static void t_compare(void **state)
{
	(void)state;
	struct hy_source_facts gov = {"http://www.qingshi.gov.cn/1.html", "hans", 0, 3000};
	struct hy_source_facts mirror = {"http://news.example.com/1.html", "hans", 0, 3000};
	struct hy_source_facts big5 = {"http://big5.qingshi.gov.cn/1.html", "hant", 0, 3000};
	struct hy_source_facts glossed = {NULL, "hans", 12, 3000};
	struct hy_source_facts plain = {NULL, "hans", 0, 3000};
	struct hy_source_facts cut = {NULL, "hans", 0, 2000};
	struct hy_source_facts unknown = {NULL, "hans", -1, 3000};

	/* 1. official first, whatever else */
	assert_true(hy_source_compare(&gov, &mirror, "hans") > 0);
	assert_true(hy_source_compare(&mirror, &gov, "hans") < 0);
	assert_true(hy_source_compare(&big5, &glossed, "hans") > 0);
	/* 2. then the original script */
	assert_true(hy_source_compare(&gov, &big5, "hans") > 0);
	assert_true(hy_source_compare(&big5, &gov, "hant") > 0);
	/* 3. then the fewest repairs, when both are known */
	assert_true(hy_source_compare(&plain, &glossed, NULL) > 0);
	assert_int_equal(hy_source_compare(&unknown, &glossed, NULL), 0);
	/* 4. then the more complete text (over 1/16 longer) */
	assert_true(hy_source_compare(&plain, &cut, NULL) > 0);
	struct hy_source_facts bit_longer = {NULL, "hans", 0, 3100};
	assert_int_equal(hy_source_compare(&bit_longer, &plain, NULL), 0);
	/* 5. nothing tells: 0, the shown one stays */
	assert_int_equal(hy_source_compare(&plain, &plain, "hans"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_official),
		cmocka_unit_test(t_original_script),
		cmocka_unit_test(t_compare),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
