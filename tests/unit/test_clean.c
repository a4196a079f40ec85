/* test_clean.c: decoded text → clean text (clean.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "huiyi/clean.h"
#include "huiyi/err.h"
#include "huiyi/utf8.h"

static char *clean(const char *in, struct hy_clean_stats *st)
{
	char *out = NULL;
	size_t n = 0;

	assert_int_equal(hy_clean(in, strlen(in), &out, &n, st), 0);
	assert_non_null(out);
	assert_int_equal(strlen(out), n);
	assert_true(hy_utf8_valid(out, n));
	return out;
}

static void expect_clean(const char *in, const char *want)
{
	char *out = clean(in, NULL);

	assert_string_equal(out, want);
	free(out);
}

/* Annotations left in s: "(" or "（", a pinyin syllable, ")" or "）". */
static size_t annotations_left(const char *s)
{
	size_t left = 0, n = strlen(s);

	for (size_t i = 0; i < n; i++) {
		size_t op = s[i] == '(' ? 1 : strncmp(s + i, "（", 3) == 0 ? 3 : 0;
		if (!op)
			continue;
		for (size_t k = i + op; k < n && k - i < 48; k++) {
			if (s[k] == ')' || strncmp(s + k, "）", 3) == 0) {
				left += hy_clean_is_pinyin(s + i + op, k - i - op);
				break;
			}
		}
	}
	return left;
}

/* ---- line ends, blank lines, trimming ---- */

static void test_line_ends(void **state)
{
	(void)state;
	expect_clean("一\r\n二\r三\n四", "一\n二\n三\n四");
	expect_clean("一\r\r\n二", "一\n二"); /* CR CRLF: a blank line, dropped */
	expect_clean("一\f二\v三", "一\n二\n三");
	expect_clean("一\xe2\x80\xa8二\xe2\x80\xa9三", "一\n二\n三");
}

static void test_blank_lines_and_trim(void **state)
{
	(void)state;
	expect_clean("\n\n  會議  \n\n\n\xe3\x80\x80\xe3\x80\x80研究\t \n\n", "會議\n研究");
	expect_clean("\xc2\xa0\xc2\xa0縣政府\xc2\xa0", "縣政府");
	expect_clean("a\tb", "a\tb"); /* inner TAB kept */
	expect_clean("", "");
	expect_clean(" \n\t\n\xe3\x80\x80", "");
}

/* An indent of ideographic spaces lost to question marks goes as an
 * indent does; a question mark that is text stays. */
static void test_lost_indent(void **state)
{
	(void)state;
	expect_clean("????會議傳達了有關精神。\n??? 某某主持會議。",
		     "會議傳達了有關精神。\n某某主持會議。");
	expect_clean("?会议研究了什么", "?会议研究了什么");
	expect_clean("? 某某主持会议", "某某主持会议"); /* one, before a space */
	expect_clean("? a b", "a b");
	expect_clean("??abc", "??abc");
	expect_clean("??", "??");
}

static void test_glued_url(void **state)
{
	(void)state;
	/* a scraper's address glued before the headline goes */
	expect_clean("https://mp.weixin.qq.com/s/AbC_1x县政府召开第5次常务会议",
		     "县政府召开第5次常务会议");
	expect_clean("http://www.example.gov.cn/a.html青禾县召开会议", "青禾县召开会议");
	/* an address inside a sentence, or set apart by a space, stays */
	expect_clean("见https://www.example.gov.cn/a.html", "见https://www.example.gov.cn/a.html");
	expect_clean("https://x.cn/a 县政府召开会议", "https://x.cn/a 县政府召开会议");
}

static void test_empty_and_null(void **state)
{
	char *out = (char *)1;
	size_t n = 99;
	struct hy_clean_stats st = {1, 1, 1, 1};

	(void)state;
	assert_int_equal(hy_clean(NULL, 0, &out, &n, &st), 0);
	assert_string_equal(out, "");
	assert_int_equal(n, 0);
	assert_int_equal(
		st.pinyin_removed + st.controls_removed + st.chrome_lines + st.punct_widened, 0);
	free(out);
	/* out_len and stats may be NULL */
	assert_int_equal(hy_clean("x", 1, &out, NULL, NULL), 0);
	assert_string_equal(out, "x");
	free(out);
}

/* ---- controls ---- */

static void test_bom_and_zero_width(void **state)
{
	struct hy_clean_stats st;
	char *out;

	(void)state;
	out = clean("\xef\xbb\xbf會議\xef\xbb\xbf研\xe2\x80\x8b究\xe2\x81\xa0了", &st);
	assert_string_equal(out, "會議研究了");
	assert_int_equal(st.controls_removed, 4);
	free(out);
	/* ZWJ stays: it holds emoji sequences together */
	expect_clean("👨\xe2\x80\x8d👩", "👨\xe2\x80\x8d👩");
}

static void test_c0_c1_removed(void **state)
{
	struct hy_clean_stats st;
	char in[64] = "會\0議";
	char *out = NULL;
	size_t n;

	(void)state;
	/* NUL inside the text */
	assert_int_equal(hy_clean(in, 7, &out, &n, &st), 0);
	assert_string_equal(out, "會議");
	assert_int_equal(st.controls_removed, 1);
	free(out);
	out = clean("a\x01"
		    "b\x7f"
		    "c\x08"
		    "d\xc2\x80"
		    "e\xc2\x85"
		    "f\xc2\x9c"
		    "g",
		    &st);
	assert_string_equal(out, "abcdefg");
	assert_int_equal(st.controls_removed, 6);
	free(out);
}

static void test_bidi_removed(void **state)
{
	struct hy_clean_stats st;
	char *out;

	(void)state;
	out = clean("\xe2\x80\xae會議\xe2\x80\xac \xe2\x81\xa6研究\xe2\x81\xa9"
		    "\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c",
		    &st);
	assert_string_equal(out, "會議 研究");
	assert_int_equal(st.controls_removed, 7);
	free(out);
}

static void test_escape_sequences_gone(void **state)
{
	struct hy_clean_stats st;
	char *out;

	(void)state;
	/* CSI: clear screen, colours, cursor moves, private modes */
	out = clean("\x1b[2J\x1b[H會議\x1b[1;31m研究\x1b[0m了\x1b[?1049h", &st);
	assert_string_equal(out, "會議研究了");
	assert_int_equal(st.controls_removed, 5);
	free(out);
	/* OSC 52 (clipboard) with BEL; OSC with ST; DCS; APC */
	expect_clean("前\x1b]52;c;ZXZpbA==\x07後", "前後");
	expect_clean("前\x1b]0;title\x1b\\後", "前後");
	expect_clean("前\x1b]8;;http://x.example/\x1b\\鏈接\x1b]8;;\x1b\\後", "前鏈接後");
	expect_clean("前\x1bPq#0;2;0;0;0\x1b\\後", "前後");
	expect_clean("前\x1b_payload\x07後", "前後");
	/* two- and three-character escapes */
	expect_clean("前\x1b(B後\x1b"
		     "7中\x1b"
		     "c尾",
		     "前後中尾");
	/* C1 CSI and C1 OSC with C1 ST */
	expect_clean("前\xc2\x9b"
		     "31m後",
		     "前後");
	expect_clean("前\xc2\x9d"
		     "0;t\xc2\x9c後",
		     "前後");
	/* an unterminated OSC ends at the line end; the next line stays */
	expect_clean("標題\x1b]0;abc\n下一行", "標題\n下一行");
	/* a lone ESC at the end, or before a non-ASCII character */
	expect_clean("尾\x1b", "尾");
	expect_clean("前\x1b會", "前會");
	/* no fragment of the sequence survives anywhere */
	out = clean("\x1b[2J\x1b]52;c;ZXZpbA==\x07\x1b[31;1m", NULL);
	assert_string_equal(out, "");
	free(out);
}

/* ---- NFC ---- */

static void test_nfc(void **state)
{
	(void)state;
	expect_clean("Cafe\xcc\x81", "Caf\xc3\xa9");
	/* CJK compatibility ideograph U+F900 → U+8C48 */
	expect_clean("\xef\xa4\x80", "\xe8\xb1\x88");
	/* already NFC: untouched */
	expect_clean("縣政府 café", "縣政府 café");
	/* Hangul jamo compose */
	expect_clean("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab", "한");
}

/* ---- pinyin ---- */

static void test_is_pinyin(void **state)
{
	static const char *const yes[] = {
		"wù",
		"lǐng",
		"lüè",
		"xué",
		"zhuàng",
		"nǚ",
		"lǘ",
		"ér",
		"ā",
		"ōu",
		"yuán",
		"jiǒng",
		"Wù",
		"ZHÈN",
		"chǎn",
		"fā",
		"qū",
		"shù",
		"tài",
		"tǒng",
		"zé",
		"xiāng",
		"huār",
		"wánr",
		"yī",
		"nǘe",
		"lü",
		"jǖ",
		"ê̄",
		"ế",
		"hăo",
		"wu\xcc\x80",
		"lu\xcc\x88\xcc\x81",
		"lv\xcc\x8c",
		"\xc9\x91\xcc\x80",
		"ch\xc3\xa0ng",
		"m\xc3\xa8",
		"\xc9\xa1\xc4\x81o",
	};
	static const char *const no[] = {
		"",    "wu",   "ok",  "A",     "2024", "辦",      "试行", "de",
		"lv",  "ü",    "wùù", "wù wù", "wù1",  "xyz",     "ǹg",   "ḿ",
		"wùa", "fōng", "ziē", "bǖ",    "gǖ",   "zhǖ",     "jiūu", "érr",
		"ng",  "wù)",  "(wù", "lüè ",  "ā-",   "shì shì", "bīàn", "zhèr\xcc\x80",
	};

	(void)state;
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (!hy_clean_is_pinyin(yes[i], strlen(yes[i])))
			fail_msg("should be pinyin: '%s'", yes[i]);
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		if (hy_clean_is_pinyin(no[i], strlen(no[i])))
			fail_msg("should not be pinyin: '%s'", no[i]);
	assert_false(hy_clean_is_pinyin(NULL, 0));
	assert_false(hy_clean_is_pinyin("\xff", 1));
}

/* Step 7: ASCII punctuation among Chinese made Chinese; numbers, times,
 * Latin words and addresses keep theirs. */
static void test_punct_widened(void **state)
{
	struct hy_clean_stats st;
	char *out;

	(void)state;
	out = clean("会议,研究了有关事项;会议指出:要加强管理!为何如此?", &st);
	assert_string_equal(out, "会议，研究了有关事项；会议指出：要加强管理！为何如此？");
	assert_int_equal(st.punct_widened, 5);
	free(out);
	/* a pair holding Chinese among Chinese; the spaces around marks go */
	expect_clean("县政府党组(扩大)会议", "县政府党组（扩大）会议");
	expect_clean("会议 , 研究", "会议，研究");
	expect_clean("《办法(试行)》", "《办法（试行）》");
	/* after a number before Chinese, and after Chinese punctuation */
	expect_clean("增长5%,高于预期", "增长5%，高于预期");
	expect_clean("完成3项;其中", "完成3项；其中");
	expect_clean("“好”,他说", "“好”，他说");
	/* kept: numbers, times, Latin words, addresses, a ( after a letter */
	expect_clean("投资3,000万元", "投资3,000万元");
	expect_clean("上午10:30召开", "上午10:30召开");
	expect_clean("全市GDP(2024)增长", "全市GDP(2024)增长");
	expect_clean("详见http://www.example.cn/a", "详见http://www.example.cn/a");
	expect_clean("比例为3:1", "比例为3:1");
	expect_clean("A(扩大)", "A(扩大)");
	expect_clean("Hello, world: ok!", "Hello, world: ok!");
	/* a ( with no ) on its line, a pair holding no Chinese */
	expect_clean("会议(扩大\n会议)", "会议(扩大\n会议)");
	expect_clean("会议(2)次", "会议(2)次");
	/* the step alone, for stored text (huiyi reindex) */
	size_t n = 0, count = 0;
	assert_int_equal(
		hy_clean_punct("会议,研究\n3,000", strlen("会议,研究\n3,000"), &out, &n, &count),
		0);
	assert_string_equal(out, "会议，研究\n3,000");
	assert_int_equal(n, strlen(out));
	assert_int_equal(count, 1);
	free(out);
	/* an empty text (a section kept as a range stores '') */
	assert_int_equal(hy_clean_punct("", 0, &out, &n, NULL), 0);
	assert_string_equal(out, "");
	assert_int_equal(n, 0);
	free(out);
}

static void test_pinyin_removed(void **state)
{
	struct hy_clean_stats st;
	char *out;

	(void)state;
	out = clean("常務(wù)會議傳達學(xué)習(xí)了", &st);
	assert_string_equal(out, "常務會議傳達學習了");
	assert_int_equal(st.pinyin_removed, 3);
	free(out);
	/* full-width parentheses, and mixed ones */
	expect_clean("常務（wù）會議", "常務會議");
	expect_clean("常務（wù)會議常務(wù）會議", "常務會議常務會議");
	/* decomposed tone marks (NFC first, then the check) */
	expect_clean("常務(wu\xcc\x80)會議", "常務會議");
	/* upper case and ü forms */
	expect_clean("常務(WÙ)會議，女(nǚ)士，綠(lv\xcc\x8c)色", "常務會議，女士，綠色");
	/* an annotation right after a kept parenthesis pair */
	expect_clean("鄉鎮(辦)(bàn)", "鄉鎮（辦）"); /* and the pair made Chinese (step 7) */
	/* at the end of a line and of the text */
	expect_clean("會議(yì)\n研究(jiū)", "會議\n研究");
	/* a space the site left inside the brackets */
	expect_clean("會(huì )議召開(kāi )了", "會議召開了");
	expect_clean("會( huì)議", "會議");
	/* a space the site puts after each gloss splits no word… */
	expect_clean("會議研究擴(kuò) 大內需的措(cuò) 施", "會議研究擴大內需的措施");
	/* …unless the line spaces names or words apart elsewhere */
	expect_clean("出席：張(zhāng) 林 王強 李(lǐ) 明", "出席：張 林 王強 李 明");
}

static void test_pinyin_kept(void **state)
{
	struct hy_clean_stats st;
	char *out;

	(void)state;
	out = clean("各鄉鎮(辦)、條例(试行)、附件(2024)、方案(A)、反饋(ok)、"
		    "的(de)、Abc(wù)、會議 (wù)",
		    &st);
	/* (辦) and (试行) hold Chinese among Chinese: made full-width (step 7) */
	assert_string_equal(out, "各鄉鎮（辦）、條例（试行）、附件(2024)、方案(A)、"
				 "反饋(ok)、的(de)、Abc(wù)、會議 (wù)");
	assert_int_equal(st.pinyin_removed, 0);
	free(out);
	/* at the start of a line there is nothing to annotate */
	expect_clean("(wù)開頭", "(wù)開頭");
	/* full-width parentheses around Chinese stay */
	expect_clean("各鄉鎮（辦）", "各鄉鎮（辦）");
	/* two syllables are not one annotation */
	expect_clean("會議(huì yì)", "會議(huì yì)");
	/* digits before: 2(wù) is not an annotation */
	expect_clean("第2(wù)", "第2(wù)");
}

static void test_pinyin_after_garbage(void **state)
{
	(void)state;
	/* the seed's garbled run: the annotation follows ^, not a Han */
	expect_clean("融入?yún)^(qū)域發(fā)展", "融入？yún)^域發展");
	/* after U+FFFD and after CJK punctuation */
	expect_clean("\xef\xbf\xbd(xué)習", "\xef\xbf\xbd習");
	expect_clean("。(xué)", "。");
}

/* A made-up readout shaped like the real scrapes: traditional text,
 * pinyin glued to characters (ASCII and full-width parentheses), a
 * garbled run, CRLF, an escape sequence, and page chrome. */
static const char readout[] =
	"\xef\xbb\xbf字體:【 大 中 小 】 打印\r\n"
	"您的位置：首頁 >> 政務(wù)公開 >> 常務(wù)會議\r\n"
	"縣政府召開第12次常務(wù)會議\r\n"
	"(發(fā)布于:2023-11-02 10:15)\r\n"
	"\r\n"
	"  11月1日，縣長主持召開縣政府第12次常務(wù)會議。會議傳達學(xué)習(xí)了"
	"上級文件精神，審議了城鎮(zhèn)燃氣等領(lǐng)域安全生產(chǎn)標準導(dǎo)則。\r\n"
	"會議指出，各鄉(xiāng)鎮(zhèn)(辦)、各相關(guān)部門要落實責(zé)任，融入?yún)^(qū)域"
	"發(fā)展新格局\x1b[0m，加強財政預(yù)算（yù）管理，做好打印、歸檔等基礎工作。"
	"\r\n\r\n\r\n"
	"會議還研究了其他事項。\r\n"
	"扫一扫在手机打开当前页\r\n"
	"【關閉窗口】\r\n"
	"上一篇：縣政府召開第11次常務會議\r\n"
	"下一篇:縣政府召開第13次常務會議\r\n"
	"![](http://www.example.gov.cn/images/qr.png)\r\n"
	"主辦單位：某某縣人民政府辦公室  網站標識碼：4109280001\r\n"
	"豫ICP備05000000號-1 豫公網安備 41092802000101號\r\n";

static void test_readout(void **state)
{
	struct hy_clean_stats st;
	char *out = clean(readout, &st);

	(void)state;
	assert_string_equal(
		out, "縣政府召開第12次常務會議\n"
		     "（發布于：2023-11-02 10:15）\n"
		     "11月1日，縣長主持召開縣政府第12次常務會議。會議傳達學習了上級文件"
		     "精神，審議了城鎮燃氣等領域安全生產標準導則。\n"
		     "會議指出，各鄉鎮（辦）、各相關部門要落實責任，融入？yún)^域發展新格局，"
		     "加強財政預算管理，做好打印、歸檔等基礎工作。\n"
		     "會議還研究了其他事項。");
	assert_int_equal(annotations_left(out), 0);
	assert_non_null(strstr(out, "各鄉鎮（辦）"));
	/* 務×4 (two on the breadcrumb), 發×2, 學 習 鎮×2 領 產 導 鄉 關 責,
	 * ^(qū), 預(yù), 算（yù） */
	assert_int_equal(st.pinyin_removed, 19);
	assert_int_equal(st.chrome_lines, 9);
	assert_int_equal(st.controls_removed, 2); /* BOM, ESC [0m */
	free(out);
}

/* ---- chrome ---- */

static void test_chrome_lines_removed(void **state)
{
	static const char *const chrome[] = {
		"字体:【 大 中 小 】 打印",
		/* a page's script saved as text */
		("(function(){var s=document.createElement('script');s.async=true;"
		 "if(window.top!==window.self){return;}document.body.appendChild(s);})();"),
		"【字体：大 中 小】【打印】【关闭】",
		"【字體：大 中 小】【列印】【關閉】",
		"[ 打印本页 ] [ 关闭窗口 ]",
		"打印本頁 | 關閉窗口 | 返回頂部",
		"文章播报",
		"查看更多图片",
		"打开网易新闻 查看更多图片",
		"语音播报 暂停",
		"廣告 更多內容請繼續往下閱讀", /* an advertisement's slot in the story */
		"广告",
		"扫一扫在手机打开当前页",
		"打开 · 手机版",
		"关注 · 政务微博",
		"Hi!读懂河湾，请点上方“河湾日报”关注",
		"您访问的链接即将离开“青岚县人民政府”门户网站，是否继续？",
		"点击查看全文",
		"本网站含有烟草内容，未成年人谢绝访问", /* a trade site's notice */
		"打开微信，点击底部的“发现”，",         /* a share widget's instructions */
		"使用“扫一扫”即可将网页分享至朋友圈。",
		"掃一掃在手機打開當前頁",
		"分享到：",
		"分享到： 微信 微博 QQ空间",
		"【关闭窗口】",
		"上一篇",
		"上一篇：县政府召开第25次常务会议",
		"下一篇:縣政府召開第27次常務會議",
		"【上一篇】关于印发某某办法的通知",
		"![](http://www.example.gov.cn/a.jpg)",
		"![二维码](https://x.example/qr.png) ![logo](/l.png)",
		"[![](a.png)](http://x.example/)",
		"http://www.example.gov.cn/art/2024/5/13/art_1.html",
		"www.example.gov.cn",
		"版权所有：某某县人民政府办公室",
		"Copyright © 2024 某某县人民政府 All Rights Reserved",
		"版權所有 © 某某縣人民政府",
		"主办单位：某某县人民政府办公室",
		"主辦單位: 某某縣人民政府辦公室 承辦單位：某某縣大數據中心",
		"技术支持：某某科技有限公司",
		"网站标识码：4109280001",
		"京ICP备05000000号",
		"豫ICP備 05000000號-1",
		"京公网安备 11010502000001号",
		"联系我们 | 网站地图 | 网站声明",
		"網站地圖",
		"验证码：",
		"发表评论",
		"網友評論",
		"当前位置：首页 > 新闻中心 > 政务要闻",
		"您的位置：首页>>政务公开>>常务会议",
		"您的位置：某某网 > 时政新闻 > 正文   |   阅读量：", /* no day: no publish time */
		"您現在的位置：首頁 > 政務公開",
		"首页 > 政务公开 > 常务会议",
		"首頁 / 政務公開",
		"首页",                         /* the menu's first item alone on its line */
		"政协要闻 位置: 首页>政协要闻", /* a column's name, then the crumbs */
		"您当前所在位置: 某某县人民政府 信息公开 政府常务会",
		"按Enter到主內容區", /* an accessibility link */
		"首頁",
		"设为首页 | 加入收藏",
		"视力保护色：",
		"返回顶部",
		"回到頂端", /* a traditional site's back-to-top link */
		"我要收藏", /* a bookmark widget over the story */
		"搜 索",    /* a search box's button, spaced out */
		/* a site's menu: items parted by bars or by spaces */
		"云岭门户|新闻|本地|文旅|房产|健康|图片|评论",
		"欢迎光临某某新闻网 邮箱：news@example.cn 加入收藏|繁體版|广告服务|网站地图",
		"首页 政务公开 办事服务 互动交流 走进汀州 专题专栏",
		/* a newspaper's e-edition, a news-by-SMS offer */
		"展开通版",
		"收縮通版",
		"通版阅读请点击：",
		"字数：449",
		"中文域名：澄源县人民政府.政务",
		"限制級",
		"我已年滿18歲進入進入",
		"根據「電腦網路內容分級處理辦法」修正條文第六條",
		"电子报阅读机",
		"当前报纸名称：江州日报",
		"版面：第01版：要闻       上一篇    下一篇",
		"版次：01",
		"订阅《江州手机报》 移动用户编辑短信 JZB发送到1065800001（3元/月）",
	};

	(void)state;
	for (size_t i = 0; i < sizeof chrome / sizeof chrome[0]; i++) {
		struct hy_clean_stats st;
		char *out;
		if (!hy_clean_is_chrome(chrome[i], strlen(chrome[i])))
			fail_msg("should be chrome: '%s'", chrome[i]);
		out = clean(chrome[i], &st);
		assert_string_equal(out, "");
		assert_int_equal(st.chrome_lines, 1);
		free(out);
	}
}

static void test_content_lines_kept(void **state)
{
	static const char *const keep[] = {
		/* date and byline lines: the parser needs them */
		"发布时间：2024-05-13 09:02 来源：县政府办 【字体：大 中 小】 打印",
		"發布時間：2024-05-13", "来源：某某县人民政府", "编辑：张三",
		"|| 2022-03-23 11:02 编辑：李四", "索引号：11410928MB1234567X/2024-00012",
		"生成日期：2024-05-13", "作者：王五 日期：2024-05-13",
		"时间：2024年05月13日 浏览次数：1024 【打印】【关闭】",
		"上一篇：关于2024年度工作 发布时间：2024-05-13",
		/* a breadcrumb that carries the publish time and a readers' count */
		"您的位置：某某网 > 时政新闻 > 正文   |   2022-12-12   阅读量：",
		/* content that merely contains chrome words */
		("会议要求，各部门要做好文件打印、归档、分享到位等工作，"
		 "关闭不合规网站，版权所有人的合法权益要依法保护。"),
		"会议要求，主办单位要切实履行职责。", "主办单位要切实履行安全生产主体责任",
		"会议审议了《某某县网站管理办法》，要求做好ICP备案工作。", "打印机采购项目", "大",
		"中小", "首页设计要简洁", "会议要求规范户外广告设置，继续阅读相关文件。",
		/* no menus: units and names parted by spaces, a publish line
		 * with bars, a title with one */
		"县发改局 县财政局 县住建局 县交通局 县自然资源局",
		"张立新 王海 李秀英 赵明 陈国平 周丽",
		"发布时间：2023-05-29 | 来源：县政府办 | 浏览：12 | 字号：大 中 小",
		"2023-05-29 | 县政府办 | 浏览 | 打印 | 关闭", "某县召开常务会议|研究部署春耕工作",
		"会议要求通过短信平台及时发布预警信息，确保群众2小时内知晓。",
		/* (code words in a sentence of Chinese) */
		"会议要求window.统计平台（试运行）与function(数据)接口于9月上线；{测试}{验收}",
		/* a marker of other stories below: the parser ends the
		 * readout there (lines.c footer_start) */
		"新闻推荐", "新聞推薦", "分享", /* a lone short word is chrome… */
	};

	(void)state;
	/* …so the last entry is checked the other way round below */
	for (size_t i = 0; i + 1 < sizeof keep / sizeof keep[0]; i++) {
		char *out;
		if (hy_clean_is_chrome(keep[i], strlen(keep[i])))
			fail_msg("should be kept: '%s'", keep[i]);
		out = clean(keep[i], NULL);
		assert_string_equal(out, keep[i]);
		free(out);
	}
	assert_true(hy_clean_is_chrome("分享", strlen("分享")));
	assert_false(hy_clean_is_chrome("", 0));
	assert_false(hy_clean_is_chrome(NULL, 0));
}

static void test_long_line_never_chrome(void **state)
{
	char buf[4096] = "上一篇";
	size_t n;

	(void)state;
	/* a navigation prefix is only chrome on short lines */
	for (int i = 0; i < 160; i++)
		strcat(buf, "会议");
	n = strlen(buf);
	assert_false(hy_clean_is_chrome(buf, n));
}

/* Large input: linear, nothing lost. */
static void test_large_input(void **state)
{
	static const char unit[] = "常務(wù)會議\r\n\r\n打印\r\n研究了(2024)事項。\r\n";
	size_t times = 200000, ul = sizeof unit - 1;
	char *in = malloc(ul * times + 1), *out = NULL;
	struct hy_clean_stats st;
	size_t n;

	(void)state;
	assert_non_null(in);
	for (size_t i = 0; i < times; i++)
		memcpy(in + i * ul, unit, ul);
	in[ul * times] = '\0';
	assert_int_equal(hy_clean(in, ul * times, &out, &n, &st), 0);
	assert_int_equal(st.pinyin_removed, times);
	assert_int_equal(st.chrome_lines, times);
	assert_int_equal(n, (strlen("常務會議\n研究了(2024)事項。\n")) * times - 1);
	assert_memory_equal(out, "常務會議\n研究了(2024)事項。\n常務會議",
			    strlen("常務會議\n研究了(2024)事項。\n常務會議"));
	free(in);
	free(out);
}

/* Arbitrary bytes never crash and always give valid UTF-8. */
static void test_garbage(void **state)
{
	char buf[2048];
	uint32_t x = 99;

	(void)state;
	for (int round = 0; round < 200; round++) {
		size_t n = (size_t)round * 10;
		char *out;
		size_t on;
		for (size_t i = 0; i < n; i++) {
			x = x * 1103515245u + 12345u;
			/* bias towards interesting bytes */
			switch ((x >> 8) & 7) {
			case 0:
				buf[i] = '(';
				break;
			case 1:
				buf[i] = '\x1b';
				break;
			case 2:
				buf[i] = '\n';
				break;
			default:
				buf[i] = (char)(x >> 16);
				break;
			}
		}
		assert_int_equal(hy_clean(buf, n, &out, &on, NULL), 0);
		assert_true(hy_utf8_valid(out, on));
		assert_null(memchr(out, '\x1b', on));
		free(out);
	}
}

/* Spam mirrors' advertisements where a place's name was are cut; a
 * website's own name (县政府官网) and the words around stay. */
static void test_ads_removed(void **state)
{
	(void)state;
	expect_clean("6月20日，某乐体育官网入口·(中国)官方网站召开第七次常务会议。",
		     "6月20日，召开第七次常务会议。");
	expect_clean("会议审议了《某乐体育官网入口·(中国)官方网站2022年防汛预案》。",
		     "会议审议了《2022年防汛预案》。");
	expect_clean("地点:win888网页版登录_Win888_12345会议中心", "地点：会议中心");
	expect_clean("县长主持召开某某APP官网入口第5次常务会议。", "县长主持召开第5次常务会议。");
	expect_clean("请在县政府官网查看全文。", "请在县政府官网查看全文。");
	expect_clean("全文见市政府官方网站。", "全文见市政府官方网站。");
	/* a betting brand glued to 体育在线, the readout's words around it */
	expect_clean("会议审议了《win88体育在线进一步推进win88体育在线老旧小区改造方案》。",
		     "会议审议了《进一步推进老旧小区改造方案》。");
	expect_clean("会议听取了win88体育在线城区教育工作汇报。", "会议听取了城区教育工作汇报。");
	expect_clean("省体育在线直播平台", "省体育在线直播平台");
}

/* A forum's anti-copying strings (src/text/jammer.c) go; letters, a
 * pager's numbers and Latin words stay. */
static void test_jammer_removed(void **state)
{
	(void)state;
	expect_clean("7 R2 k( P0 v; q3 d县长周明远主持召开县政府常务会议。",
		     "县长周明远主持召开县政府常务会议。");
	expect_clean("会议听取了汇报。4 g8 ^; K2 {7 s0 H", "会议听取了汇报。");
	expect_clean("论坛首页+ w' c; N; t5 P6 e", "论坛首页");
	expect_clean("上一页1 2 3 4 5下一页", "上一页1 2 3 4 5下一页");
	expect_clean("附件A B C D E五份", "附件A B C D E五份");
	expect_clean("会议由 Li Wei 主持 GDP CPI PMI", "会议由 Li Wei 主持 GDP CPI PMI");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_line_ends),
		cmocka_unit_test(test_blank_lines_and_trim),
		cmocka_unit_test(test_lost_indent),
		cmocka_unit_test(test_glued_url),
		cmocka_unit_test(test_empty_and_null),
		cmocka_unit_test(test_bom_and_zero_width),
		cmocka_unit_test(test_c0_c1_removed),
		cmocka_unit_test(test_bidi_removed),
		cmocka_unit_test(test_escape_sequences_gone),
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_is_pinyin),
		cmocka_unit_test(test_pinyin_removed),
		cmocka_unit_test(test_pinyin_kept),
		cmocka_unit_test(test_pinyin_after_garbage),
		cmocka_unit_test(test_readout),
		cmocka_unit_test(test_chrome_lines_removed),
		cmocka_unit_test(test_content_lines_kept),
		cmocka_unit_test(test_long_line_never_chrome),
		cmocka_unit_test(test_large_input),
		cmocka_unit_test(test_garbage),
		cmocka_unit_test(test_ads_removed),
		cmocka_unit_test(test_jammer_removed),
		cmocka_unit_test(test_punct_widened),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
