/* test_html.c: a saved page → the readout's text (html.h): the article
 * picker, title, publish time, address, charset and sniffing. The picker's
 * cases are data: a page and the text it must give. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "huiyi/err.h"
#include "huiyi/html.h"

#define P1 "会议听取了县财政局关于一季度预算执行情况的汇报，要求各部门严格落实过紧日子要求。"
#define P2 "会议研究了城区供水管网改造工作，强调要倒排工期，确保汛期前完成主体工程建设任务。"
#define LINKS                                                                                              \
	"<ul><li><a href='/1'>全县召开春季农业生产工作推进会议部署相关工作</a></li>" \
	"<li><a href='/2'>县领导到重点项目建设现场调研督导工作进展情况</a></li>"     \
	"<li><a href='/3'>我县开展安全生产大检查行动排查整治各类隐患问题</a></li>"  \
	"<li><a href='/4'>县政府召开专题会议研究部署城区供水保障有关工作</a></li></ul>"

static const struct {
	const char *name, *page, *want;
} cases[] = {
	{"text density: the article, not the longer list of links",
	 "<html><body><div class='side'>" LINKS "</div><div class='main'><p>" P1 "</p><p>" P2
	 "</p></div></body></html>",
	 P1 "\n" P2},
	{"the smallest block worth 90%: a byline outside is left",
	 "<html><body><div id='wrap'><div id='x'><p>" P1 "</p><p>" P2
	 "</p></div><div>责任编辑：张三</div></div></body></html>",
	 P1 "\n" P2},
	{"a TRS_Editor container is preferred over the larger block around it",
	 "<html><body><div class='box'><div>会议指出要抓好春耕生产和防汛准备工作。</div>"
	 "<div class='TRS_Editor'><p>" P1 "</p><p>" P2 "</p></div></div></body></html>",
	 P1 "\n" P2},
	{"id=zoom with <br> and &nbsp;: each line a paragraph, blanks trimmed by clean later",
	 "<html><body><table><tr><td><div id='zoom'>&nbsp;&nbsp;" P1 "<br>　　" P2
	 "</div></td></tr></table></body></html>",
	 "\xc2\xa0\xc2\xa0" P1 "\n　　" P2},
	{"script, style, comments, nav, footer and share widgets are dropped",
	 "<html><head><style>p{}</style></head><body><nav>" LINKS
	 "</nav><div class='content'><script>var a='脚本文字';</script><p>" P1
	 "<!-- 注释文字 --></p><div class='bdsharebuttonbox'>分享到微信微博</div><p>" P2
	 "</p></div><footer>版权所有某县人民政府</footer></body></html>",
	 P1 "\n" P2},
	{"a form that wraps the whole page (ASP.NET) is kept",
	 "<html><body><form id='form1'><div><p>" P1 "</p><p>" P2 "</p></div></form></body></html>",
	 P1 "\n" P2},
	{"a source line break between Chinese characters is no space",
	 "<html><body><div class='article'><p>会议听取了县财政局\n关于一季度预算执行情况的汇报。</p><p>"
	 "Line one\nand two 中文</p></div></body></html>",
	 "会议听取了县财政局关于一季度预算执行情况的汇报。\nLine one and two 中文"},
	{"a scraper's fragment (no <html>): each paragraph's tags a break",
	 "<p class=\"ql-block\"> " P1 "</p> <p class=\"ql-block\"> " P2 "</p>", P1 "\n" P2},
	{"a fragment whose every paragraph is a heading's tag: each a paragraph",
	 "<h3> " P1 "</h3> <h3> " P2 " </h3>", P1 "\n" P2},
	{"a fragment under its headline kept as plain lines: each line a paragraph",
	 "某乡召开党委(扩大)会议\n\n光明\n\n<p class=\"ql-block\"> " P1
	 "</p> <p class=\"ql-block\"> " P2 "</p> <p>" P1 "</p>",
	 "某乡召开党委(扩大)会议\n光明\n" P1 "\n" P2 "\n" P1},
	{"the heading before the article is the title; the metadata line after it is kept",
	 "<html><head><title>县政府召开第3次常务会议_政务要闻_某县人民政府</title></head><body>"
	 "<h1>某县人民政府</h1><div class='t'><h2>县政府召开第3次常务会议</h2></div>"
	 "<div class='info'><span>发布时间：2024-05-13</span> <span>浏览次数：12</span></div>"
	 "<div class='detail'><p>" P1 "</p><p>" P2 "</p></div></body></html>",
	 "县政府召开第3次常务会议\n发布时间：2024-05-13 浏览次数：12\n" P1 "\n" P2},
	{"no heading: <title> without the site and column; publish time from the metadata",
	 "<html><head><meta name='PubDate' content='2024-05-13T10:22:31+08:00'>"
	 "<title>政务要闻 - 县政府召开第3次常务会议 - 某县人民政府网</title></head><body>"
	 "<div class='detail'><p>" P1 "</p><p>" P2 "</p></div></body></html>",
	 "县政府召开第3次常务会议\n发布时间：2024-05-13 10:22\n" P1 "\n" P2},
	{"a heading at the start of the article is the title, written once",
	 "<html><body><article><header><h1>县政府召开第3次常务会议</h1><p>2024年5月13日 来源：县政府办"
	 "</p></header><p>" P1 "</p><p>" P2 "</p></article></body></html>",
	 "县政府召开第3次常务会议\n2024年5月13日 来源：县政府办\n" P1 "\n" P2},
	{"cells of a row are joined by a space",
	 "<html><body><div class='content'><p>" P1 "</p><table><tr><td>项目</td><td>金额</td></tr>"
	 "<tr><td>供水</td><td>100</td></tr></table><p>" P2 "</p></div></body></html>",
	 P1 "\n项目 金额\n供水 100\n" P2},
	{"no Chinese at all: the page's text",
	 "<html><body><p>Hello <b>world</b></p></body></html>", "Hello world"},
};

static void test_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct hy_html h;
		int rc = hy_html_extract(cases[i].page, strlen(cases[i].page), &h);
		if (rc != 0)
			fail_msg("%s: rc %d", cases[i].name, rc);
		if (strcmp(h.text, cases[i].want) != 0)
			fail_msg("%s:\n got: %s\nwant: %s", cases[i].name, h.text, cases[i].want);
		hy_html_free(&h);
	}
}

static void test_meta(void **state)
{
	(void)state;
	const char *page =
		"<html><head><meta property='og:url' content='http://m.x.gov.cn/1.html'>"
		"<link rel='canonical' href='https://www.x.gov.cn/art/2023/3/9/art_1.html'>"
		"<meta name='publishdate' content='2023/3/9'></head><body><p>" P1
		"</p></body></html>";
	struct hy_html h;
	assert_int_equal(hy_html_extract(page, strlen(page), &h), 0);
	assert_string_equal(h.url, "https://www.x.gov.cn/art/2023/3/9/art_1.html");
	assert_string_equal(h.published, "2023-03-09");
	assert_null(h.title);
	hy_html_free(&h);
	/* a relative address says nothing: og:url stands */
	page = "<html><head><meta property='og:url' content='http://m.x.gov.cn/1.html'>"
	       "<link rel='canonical' href='/art/1.html'></head><body><p>" P1 "</p></body></html>";
	assert_int_equal(hy_html_extract(page, strlen(page), &h), 0);
	assert_string_equal(h.url, "http://m.x.gov.cn/1.html");
	hy_html_free(&h);
	hy_html_free(&h); /* twice is safe */
}

static void test_date(void **state)
{
	static const char *const in[][2] = {
		{"2024-05-13 10:22:31", "2024-05-13 10:22"},
		{"2024/5/3", "2024-05-03"},
		{"2024-05-13T10:22:31+08:00", "2024-05-13 10:22"},
		{"2024年5月13日", "2024-05-13"},
		{"2024-05-13-10:22:31", "2024-05-13 10:22"},
		{"13/05/2024", NULL},
		{"2024-13-01", NULL},
		{"", NULL},
	};
	(void)state;
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
		char *out = (char *)1;
		assert_int_equal(hy_html_date(in[i][0], &out), 0);
		if (in[i][1])
			assert_string_equal(out, in[i][1]);
		else
			assert_null(out);
		free(out);
	}
}

static void test_charset(void **state)
{
	char buf[64];
	(void)state;
#define CS(s) hy_html_charset(s, strlen(s), buf, sizeof buf)
	assert_string_equal(CS("<html><head><meta charset=gb2312>"), "GB18030");
	assert_string_equal(CS("<meta charset=\"GBK\" />"), "GB18030");
	assert_string_equal(
		CS("<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=big5'>"), "Big5");
	assert_string_equal(CS("<meta content=\"text/html; charset=utf-8\" "
			       "http-equiv=\"content-type\">"),
			    "UTF-8");
	assert_null(CS("<!-- <meta charset=gbk> --><html>"));
	assert_null(CS("<meta charset=iso-8859-1>"));
	assert_null(CS("<meta name=keywords content='charset=gbk'>"));
	assert_null(CS("<html><body>no meta</body></html>"));
	assert_string_equal(CS("<meta charset=' gbk '>"), "GB18030");
	assert_null(CS("<meta charset='gb 2312'>"));
	assert_null(CS("<meta charset='\x01gbk'>"));
#undef CS
}

static void test_decode_declared(void **state)
{
	/* 会议 in GBK, declared: read as such */
	const char gbk[] = "<meta charset=gbk><p>\xbb\xe1\xd2\xe9</p>";
	struct hy_decoded d;
	(void)state;
	assert_int_equal(hy_html_decode(gbk, strlen(gbk), NULL, &d, NULL, 0), 0);
	assert_string_equal(d.encoding, "GB18030");
	assert_non_null(strstr(d.text, "会议"));
	hy_decoded_free(&d);
	/* declared GBK, but the bytes are UTF-8: detection reads more */
	const char *utf8 = "<meta charset=gbk><p>会议研究了春耕生产工作，要求抓好落实。</p>";
	assert_int_equal(hy_html_decode(utf8, strlen(utf8), NULL, &d, NULL, 0), 0);
	assert_string_equal(d.encoding, "UTF-8");
	assert_int_equal(d.replaced, 0);
	hy_decoded_free(&d);
}

static void test_sniff(void **state)
{
	(void)state;
#define SN(s, name) hy_html_sniff(s, strlen(s), name)
	assert_true(SN("<!DOCTYPE html><html>", NULL));
	assert_true(SN("\xEF\xBB\xBF  <html lang=zh>", NULL));
	assert_true(SN("<?xml version='1.0'?><!-- saved --><html>", NULL));
	assert_true(SN("<div>x</div><body>", NULL));
	assert_true(SN("<div class=a>会议</div>", "page.HTM"));
	assert_false(SN("<div class=a>会议</div>", "page.txt"));
	assert_false(SN("县政府召开常务会议 <b>", NULL));
	assert_false(SN("会议纪要\n<html>会议</html> quoted later", "a.html"));
	assert_false(SN("", NULL));
	/* a scraper's fragment: it opens with a block and closes two */
	assert_true(SN("<p class=\"ql-block\"> 5月6日，会议召开。</p> <p> 会议研究了工作。</p>",
		       "page.txt"));
	assert_true(SN("<div>会议召开。</div><div>会议研究了工作。</div>", NULL));
	assert_false(SN("<p>会议召开。</p> 此后一段没有标签", NULL));
	/* (its paragraphs headings' tags: <h3>…</h3> <h3>…</h3>) */
	assert_true(SN("<h3> 5月6日，会议召开。</h3> <h3> 会议研究了工作。</h3>", "page.txt"));
	assert_false(SN("<h3> 5月6日，会议召开。</h3> 此后一段没有标签", NULL));
	assert_false(SN("<会议纪要>\n会议召开。</p></p>", NULL));
	/* a headline and a line above the fragment: three closing tags */
	assert_true(
		SN("某乡召开党委会议\n\n光明\n<p class=\"a\">会议召开。</p> <p>会议研究了工作。</p>"
		   "<p>会议强调。</p>",
		   "page.txt"));
	assert_false(SN("某乡召开党委会议\n<p>会议召开。</p> <p>会议研究了工作。</p>", NULL));
	assert_false(SN("某乡召开党委会议，会议研究了 <p> 的用法。</p></p></p>", NULL));
#undef SN
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_meta),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_charset),
		cmocka_unit_test(test_decode_declared),
		cmocka_unit_test(test_sniff),
	};
	hy_html_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
