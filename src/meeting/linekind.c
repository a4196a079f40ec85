/* linekind.c: pass 1, what kind each line of the page is.
 *
 * A line is body, metadata (a publish line, a byline, a form's label),
 * page chrome (menus, share bars, slogans, an e-paper's list of titles)
 * or blank (classify_line); a publish line's rank among the candidates
 * for the page's publish time (publish_rank). lines.c knows the rest of
 * a line's shape: what starts an agenda item, what ends a paragraph. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Markers of byline / metadata lines (publish time, source, editor). */
static const char *const meta_marks[] = {
	"发表于",
	"发布于",
	"发布时间",
	"发布日期",
	"发表时间",
	"发表日期",
	"更新时间",
	"更新日期",
	"生成日期",
	"成文日期",
	"印发日期",
	"日期",
	"时间",
	"来源",
	"信息来源",
	"文章来源",
	"作者",
	"编辑",
	"责任编辑",
	"编审",
	"审核",
	"校对",
	"摄影",
	"记者",
	"通讯员",
	"撰稿",
	"供稿",
	"索引号",
	"发布机构",
	"发文机关",
	"主题分类",
	"文号",
	"字体",
	"【字体",
	"浏览次数",
	"浏览",
	"点击数",
	"点击",
	"阅读",
	"访问量",
	"字号",
	"分享",
	"打印",
	"关闭",
	"发布人",
	/* 发稿单位:某处 / 发稿日期:… / 发稿人:某某: a press release's
	 * block */
	"发稿单位",
	"发稿日期",
	"发稿时间",
	"发稿人",
	"稿源",
	"签发",
	"初审",
	"复审",
	"终审",
	"分类",
	"体裁",
	"主题词",
	"上一篇",
	"请假",
	"缺席",
	"记录",
	"记录人",
	"抄送",
	"主送",
	"印发",
	"会议记录",
	"下一篇",
	"相关链接",
	"附件",
	"相关新闻",
	"相关阅读",
	"来自",
	"新闻来源",
	"转自",
	"投稿邮箱",
	"投稿信箱",
	"公开方式",
	"公开范围",
	"组配分类",
	"公开时限",
	"联系热线",
	"网站投稿",
	"新闻热线",
	"投稿热线",
	"举报电话",
	"阅读量",
	"浏览量",
	"点击量",
	"废止日期",
	"失效日期",
	"关键词",
	"关 键 词",
	"文 号",
	"信息分类",
	/* a catalogue record's fields around a paper's story */
	"唯一号",
	"分类号",
	"知识类型",
	"内容出处",
	"颗粒名称",
};

static const char *const publish_marks[] = {
	"发表于",   "发布于",   "发布时间", "发布日期", "发表时间",
	"发表日期", "更新时间", "更新日期", "生成日期", "成文日期",
	"印发日期", "日期",     "时间",     "||",       "发布",
};

/* A line that is only a date (and time), maybe in brackets. */
static int is_bare_date(const struct doc *d, size_t a, size_t b)
{
	struct ymd t;
	while (a < b && (is_open_bracket(d->cp[a]) || is_space(d->cp[a])))
		a++;
	/* 2024年 / 06月04日 / 10:01: a publish date broken over short lines
	 * (the year alone, the month zero-padded: a machine's, no sentence's) */
	size_t z = skip_spaces(d, a, b);
	int year_alone = b >= z + 5 && skip_spaces(d, z + 5, b) == b && match(d, z + 4, b, "年");
	for (size_t i = z; i < z + 4 && year_alone; i++)
		year_alone = is_digit(d->cp[i]);
	if (year_alone)
		return 1;
	/* 2023年06月19星期一: an e-paper's date, its 日 lost before the weekday */
	{
		size_t q = a;
		while (q < b && q < a + 4 && is_digit(d->cp[q]))
			q++;
		if (q == a + 4 && q + 9 <= b && match(d, q, b, "年") && is_digit(d->cp[q + 1]) &&
		    is_digit(d->cp[q + 2]) && match(d, q + 3, b, "月") && is_digit(d->cp[q + 4]) &&
		    is_digit(d->cp[q + 5]) && match(d, q + 6, b, "星期") &&
		    skip_spaces(d, q + 9, b) == b)
			return 1;
	}
	size_t k = parse_date(d, a, b, &t);
	/* 铜川日报 2018-02-03 12:24, 民生   2025-01-16 21:40: the paper's or
	 * the column's name before a machine's date */
	if (!k) {
		size_t h = a;
		while (h < b && h - a <= 8 && is_han(d->cp[h]))
			h++;
		size_t q = skip_spaces(d, h, b);
		if (h >= a + 2 && h - a <= 8 && q > h && q + 10 <= b && is_digit(d->cp[q]) &&
		    is_digit(d->cp[q + 3]) && d->cp[q + 4] == '-' &&
		    (k = parse_date(d, q, b, &t)) && t.y)
			a = q;
		else
			k = 0;
	}
	if (!k || (!t.y && d->cp[a] != '0'))
		return 0;
	a += k;
	while (a < b && (is_close_bracket(d->cp[a]) || is_space(d->cp[a])))
		a++;
	/* 星期三, 周三: the weekday's name and its day */
	size_t wk = match(d, a, b, "星期") ? 2 : match(d, a, b, "周") ? 1 : 0;
	if (wk && a + wk < b)
		a += wk + 1;
	while (a < b && (is_close_bracket(d->cp[a]) || is_space(d->cp[a])))
		a++;
	/* 2021-12-29 14:07    松花江网: the site's name after the time */
	{
		static const char *const sites[] = {"网", "报", "台", "发布", "新闻", "在线"};
		size_t h = a;
		while (h < b && is_han(d->cp[h]))
			h++;
		if (h > a + 1 && h - a <= 10 && skip_spaces(d, h, b) == b &&
		    longest_end(d, a, h, sites, COUNT(sites)))
			a = b;
	}
	/* 2013-12-25 15:15:06 人气:, … 浏览次数：128: the page's counter */
	static const char *const counters[] = {"人气", "浏览次数", "浏览", "点击数",
					       "点击", "阅读次数", "阅读"};
	size_t c = match_any(d, a, b, counters, COUNT(counters), NULL);
	if (c) {
		a += c;
		while (a < b && (d->cp[a] == ':' || is_digit(d->cp[a]) || is_space(d->cp[a]) ||
				 match(d, a, b, "次")))
			a++;
	}
	/* …12:24 大字, …21:40   辽宁, …16 16 今日衢江: a font widget, a
	 * region's tag, counters and the site after it (a few short words,
	 * no sentence, no meeting) */
	for (size_t words = 0; a < b && words < 4; words++) {
		size_t e = a;
		while (e < b && !is_space(d->cp[e]))
			e++;
		if (e - a > 6 || find(d, a, e, "会") != NPOS)
			return 0;
		for (size_t q = a; q < e; q++)
			if (is_sent_end(d, q) || d->cp[q] == ',')
				return 0;
		a = skip_spaces(d, e, b);
	}
	return a >= b;
}

int is_content_line(const struct doc *d, size_t a, size_t b)
{
	static const char *const content[] = {"主持", "召开", "出席",  "列席",
					      "听取", "审议", "研究了"};
	return has_any(d, a, b, content, COUNT(content));
}

/* 中国某刊 2013年 第9期 要闻, 2017某某团讯第3期: a journal's or a bulletin's
 * issue (第N期 and a year, no meeting). Returns the year, 0 when the line
 * [a,b) is none. */
int issue_year(const struct doc *d, size_t a, size_t b)
{
	if (b - a > 30 || find(d, a, b, "会") != NPOS)
		return 0;
	int year = 0, issue = 0;
	for (size_t i = a; i < b; i++) {
		if (!is_digit(d->cp[i]) || (i > a && is_digit(d->cp[i - 1])))
			continue;
		long v;
		size_t k = parse_num(d, i, b, &v);
		if (k == 4 && v >= 1949 && v < 2200 && !year)
			year = (int)v;
		else if (k <= 3 && i > a && match(d, i - 1, b, "第") && match(d, i + k, b, "期"))
			issue = 1;
	}
	return issue ? year : 0;
}

enum line_kind classify_line(const struct doc *d, size_t a, size_t b, int chinese)
{
	if (a >= b)
		return L_BLANK;
	if (menu_line(d, a, b)) /* menus.c */
		return L_CHROME;
	/* 图说：某某(左二)主持…: a photo's caption, labelled */
	if (match(d, skip_spaces(d, a, b), b, "图说:"))
		return L_CHROME;
	/* 声明：转载此文是出于传递更多信息…, 其他报道：…, ◎影音相关新闻：…: a
	 * site's disclaimer and its links to other stories, however long */
	{
		static const char *const notices[] = {
			"声明:",     "免责声明:", "版权声明:",     "特别声明:", "其他报道:",
			"相关报道:", "延伸阅读:", "影音相关新闻:", "相关新闻:"};
		size_t a1 = skip_spaces(d, a, b);
		if (a1 < b && (d->cp[a1] == 0x25CE || d->cp[a1] == 0x25A0 || d->cp[a1] == 0x25CF))
			a1 = skip_spaces(d, a1 + 1, b); /* ◎ ■ ● */
		if (match_any(d, a1, b, notices, COUNT(notices), NULL))
			return L_CHROME;
		/* 某某座谈会发言盈庭--2018-12-15: a link to another story, its
		 * title and its day after a double dash */
		size_t dd = find(d, a1, b, "--");
		struct ymd y;
		if (dd != NPOS && b - a1 <= 80 && !is_sent_end(d, dd - (dd > a1)) &&
		    find_date(d, dd + 2, b, &y, 1) == skip_spaces(d, dd + 2, b) &&
		    count_han(d, dd, b) == 0)
			return L_CHROME;
	}
	/* 某某(左)与某某(右)交接…, 某某(左二)察看…: a photo's caption, who
	 * stands where (no agenda in it) */
	if (b - a <= 100 && agenda_verb_at(d, a, b, NULL) == NPOS) {
		static const char *const sides[] = {"左", "右", "中"};
		for (size_t i = a; i + 2 < b; i++) {
			if (d->cp[i] != '(' ||
			    !match_any(d, i + 1, i + 2, sides, COUNT(sides), NULL))
				continue;
			size_t c = i + 2;
			if (c < b && (cn_digit(d->cp[c]) > 0 || is_digit(d->cp[c])))
				c++;
			if (c < b && d->cp[c] == ')' && i > a && is_han(d->cp[i - 1]))
				return L_CHROME;
		}
	}
	/* ▲在汽车站指导志愿者服务: a photo's caption under its mark (an item
	 * marked so opens with its verb: ▲会议听取了…) */
	{
		size_t a1 = skip_spaces(d, a, b);
		if (a1 < b && (d->cp[a1] == 0x25B2 || d->cp[a1] == 0x25B3) &&
		    agenda_verb_at(d, skip_spaces(d, a1 + 1, b), b, NULL) == NPOS &&
		    !match(d, skip_spaces(d, a1 + 1, b), b, "会议"))
			return L_CHROME;
	}
	/* bfca98183d836321569876a9775e061c: an image's or a file's hash left
	 * where its picture was */
	{
		size_t a1 = skip_spaces(d, a, b), b1 = b, digits = 0, letters = 0;
		while (b1 > a1 && is_space(d->cp[b1 - 1]))
			b1--;
		int hex = b1 - a1 >= 16 && b1 - a1 <= 64;
		for (size_t i = a1; i < b1 && hex; i++) {
			uint32_t c = d->cp[i];
			digits += is_digit(c);
			letters += (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
			hex = is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
		}
		if (hex && digits && letters)
			return L_CHROME;
	}
	/* 内容详情 2020年07月22日 返回该版首页: an e-paper's bar over the story,
	 * the issue's day in it */
	{
		static const char *const bar[] = {"返回该版首页", "返回本版", "返回目录",
						  "内容详情"};
		if (b - a <= 40 && has_any(d, a, b, bar, COUNT(bar)) &&
		    find(d, a, b, "召开") == NPOS && find(d, a, b, "会议") == NPOS)
			return L_META;
	}
	/* 2023-02-28 09:17来源: 某某新闻传媒中心: a date first, then a source's
	 * (an author's) label glued on: a publish line */
	if (b - a <= 60) {
		struct ymd t0;
		size_t a1 = skip_spaces(d, a, b);
		static const char *const credit_marks[] = {"来源", "作者", "编辑", "稿源", "发布"};
		if (find_date(d, a1, b, &t0, 1) == a1 && is_digit(d->cp[a1]) &&
		    has_any(d, a1, b, credit_marks, COUNT(credit_marks)) &&
		    find(d, a1, b, "召开") == NPOS && find(d, a1, b, "主持") == NPOS)
			return L_META;
	}
	/* 2018年06月12日 14:41 某某新闻: a date with its year and a time, then
	 * at most a short name (the source's) and nothing of a sentence: a
	 * publish line without its labels (2020-06-15 21:04 某某融媒体中心 某某:
	 * the source and its author, short words apart; ©原创 2022-09-17 10:34
	 * 某某: the site's mark of its own story before) */
	if (b - a <= 48) {
		struct ymd t0 = {0};
		size_t a1 = skip_spaces(d, a, b);
		static const char *const own[] = {"©原创", "原创", "©"};
		size_t ow = match_any(d, a1, b, own, COUNT(own), NULL);
		if (ow && a1 + ow < b && is_space(d->cp[a1 + ow]))
			a1 = skip_spaces(d, a1 + ow, b);
		size_t k = parse_date(d, a1, b, &t0), colon = 0;
		for (size_t i = a1; i < a1 + k; i++)
			colon += d->cp[i] == ':';
		size_t r = k ? skip_spaces(d, a1 + k, b) : b;
		int plain = 1;
		size_t word = 0, words = r < b, longest = 0;
		for (size_t i = r; i < b; i++) {
			plain &= d->cp[i] != ',' && d->cp[i] != 0x3002 &&
				 d->cp[i] != 0x4F1A /* 会 */;
			if (is_space(d->cp[i])) {
				words += word > 0 && i + 1 < b && !is_space(d->cp[i + 1]);
				word = 0;
			} else if (++word > longest) {
				longest = word;
			}
		}
		if (k && colon && t0.y > 0 && is_digit(d->cp[a1]) && plain &&
		    (b - r <= 12 || (words <= 3 && longest <= 12 && b - r <= 30)) &&
		    (r == b || r > a1 + k))
			return L_META;
	}
	/* • 2024年01月22日来源:某某: a list's bullet before a publish line */
	/* (- 2022年02月10日来源:…: a Markdown list's hyphen likewise) */
	if (b - a > 4 && b - a <= 60 &&
	    (d->cp[a] == 0x2022 || d->cp[a] == 0x25CF || d->cp[a] == '-' || d->cp[a] == '*') &&
	    is_space(d->cp[a + 1])) {
		struct ymd t0;
		size_t a1 = skip_spaces(d, a + 1, b);
		if (find_date(d, a1, b, &t0, 1) == a1 &&
		    has_any(d, a1, b, meta_marks, COUNT(meta_marks)))
			return L_META;
	}
	size_t len = b - a;
	uint32_t c0 = d->cp[a], cz = d->cp[b - 1];
	struct ymd t;
	static const char *const header[] = {"星期", "今天是", "今日是", "欢迎"};
	/* 标 题某县政府召开…, 索 引 号000014349/…: an index table's row, its
	 * label glued to its value (标题: 某某 with its colon is a title's
	 * line, read as such) */
	{
		static const char *const rows[] = {"标 题",    "标题",     "发文机关",
						   "主题分类", "索 引 号", "主 题 词"};
		size_t k = len <= 80 ? match_any(d, a, b, rows, COUNT(rows), NULL) : 0;
		if (k && a + k < b && (is_han(d->cp[a + k]) || is_digit(d->cp[a + k])))
			return L_META;
	}
	/* 索引号  X  公开目录  Y, 标题  某某主持召开…: an index table's row,
	 * its labels set apart from their values by a gap of spaces */
	{
		static const char *const cells[] = {"索引号",   "公开目录", "发布机构", "发布日期",
						    "公开方式", "文号",     "标题",     "主题分类",
						    "发文机关", "成文日期", "生成日期", "有效性",
						    "组配分类", "主题词",   "公开范围", "公开时限"};
		size_t a1 = skip_spaces(d, a, b);
		size_t k = len <= 80 ? match_any(d, a1, b, cells, COUNT(cells), NULL) : 0;
		if (k && a1 + k + 1 < b && is_space(d->cp[a1 + k]) && is_space(d->cp[a1 + k + 1]))
			return L_META;
		/* 索引号 0000/2024-… 统一登记号 … 文号 …, 公布时间 2024-05-30 来源 …:
		 * one space apart, two labels of such a table or more */
		static const char *const more[] = {
			"统一登记号", "公布时间", "信息有效期", "来源", "发布时间", "体裁分类",
			"服务对象", "关键词", "所属主题",
			/* 信息有效性 有效 公开形式 主动公开 */
			"信息有效性", "公开形式", "公开日期", "公开信息来源",
			/* 效力状况 有效 公开程序 …, 主题(一) 综合政务 … */
			"文件编号", "效力状况", "公开程序", "主题(一)", "分类词"};
		if (!k && len <= 80)
			k = match_any(d, a1, b, more, COUNT(more), NULL);
		size_t labels = 0;
		for (size_t i = a1; k && i < b; i++)
			labels += (i == a1 || is_space(d->cp[i - 1])) &&
				  (match_any(d, i, b, cells, COUNT(cells), NULL) ||
				   match_any(d, i, b, more, COUNT(more), NULL));
		if (k && (labels >= 2 || match(d, a1, b, "索引号")) && a1 + k < b &&
		    is_space(d->cp[a1 + k]))
			return L_META;
		/* 内容概述 研究了…, 内容概况 …: the table's summary of the story
		 * below; 文件下载: its button */
		static const char *const summaries[] = {"内容概述", "内容概况"};
		if (match_any(d, a1, b, summaries, COUNT(summaries), NULL) && a1 + 4 < b &&
		    (is_space(d->cp[a1 + 4]) || d->cp[a1 + 4] == ':'))
			return L_META;
		if (span_eq(d, a1, b, "文件下载"))
			return L_CHROME;
	}
	/* [索引号] 1161…/2025-00068 [ 主题分类 ] 其他, [ 名 称 ] 某某: an index
	 * table's row, each label in brackets (spaces inside) */
	if (len <= 80 && (d->cp[a] == '[' || d->cp[a] == 0x3010 /* 【 */)) {
		static const char *const labels[] = {
			"索引号",   "主题分类", "发布机构", "发文日期", "效力状态", "文号",
			"名称",     "标题",     "成文日期", "发布日期", "有效性",   "公开方式",
			"公开范围", "发文机关", "主题词",   "体裁分类", "所属主题", "生成日期"};
		uint32_t in[8];
		size_t n = 0, i = a + 1;
		for (; i < b && i < a + 14 && d->cp[i] != ']' && d->cp[i] != 0x3011; i++)
			if (!is_space(d->cp[i]) && n < 8)
				in[n++] = d->cp[i];
		for (size_t w = 0; i < b && n >= 2 && w < COUNT(labels); w++) {
			struct doc lw;
			if (doc_init(&lw, labels[w], strlen(labels[w])))
				break;
			int same = lw.n == n && memcmp(lw.cp, in, n * sizeof *in) == 0;
			doc_free(&lw);
			if (same)
				return L_META;
		}
	}
	/* 幻灯一, 幻灯二: a slideshow's items, their pictures gone */
	if (len <= 5 && match(d, a, b, "幻灯")) {
		size_t i = a + 2;
		while (i < b && (cn_digit(d->cp[i]) >= 0 || is_digit(d->cp[i])))
			i++;
		if (i == b && i > a + 2)
			return L_CHROME;
	}
	/* 新闻, 要闻 alone: a column's label above the story */
	static const char *const column_words[] = {"新闻", "要闻", "动态", "资讯", "时政"};
	if (len == 2 && match_any(d, a, b, column_words, COUNT(column_words), NULL) == 2)
		return L_CHROME;
	/* 海南切换: a site's region switcher */
	if (len <= 8 && ends_with(d, a, b, "切换", NULL) && find(d, a, b, "会") == NPOS)
		return L_CHROME;
	/* 星期五 alone: a page's date widget, the day's name left */
	if (len <= 4 && (match(d, a, b, "星期") || match(d, a, b, "礼拜")) &&
	    find(d, a, b, "会") == NPOS)
		return L_CHROME;
	/* 欢迎访问某县人民政府! : a site's greeting */
	static const char *const welcome[] = {"欢迎访问", "欢迎进入", "欢迎来到", "欢迎光临",
					      "欢迎您"};
	if (len <= 40 && match_any(d, a, b, welcome, COUNT(welcome), NULL))
		return L_CHROME;
	/* 某县人民政府门户网站欢迎您! : the site's name before it */
	if (len <= 40) {
		size_t e = b;
		while (e > a && (is_space(d->cp[e - 1]) || d->cp[e - 1] == '!' ||
				 d->cp[e - 1] == 0xFF01 || d->cp[e - 1] == 0x3002))
			e--;
		if (ends_with(d, a, e, "欢迎您", NULL) || ends_with(d, a, e, "欢迎你", NULL))
			return L_CHROME;
	}
	/* 新某某2018年第17 期(某镇召开…现场会)24: a photo's caption, a
	 * bulletin's issue and the story's title in brackets, the image's
	 * number after (the same line again under every photo) */
	if (len <= 80) {
		size_t q = find(d, a, b, "年第");
		size_t k = q == NPOS ? NPOS : q + 2;
		while (k != NPOS && k < b && is_digit(d->cp[k]))
			k++;
		if (k != NPOS && k > q + 2) {
			k = skip_spaces(d, k, b);
			size_t c = k < b && match(d, k, b, "期") ? k + 1 : NPOS;
			size_t close =
				c != NPOS && c < b && d->cp[c] == '(' ? find(d, c, b, ")") : NPOS;
			size_t r = close != NPOS ? close + 1 : b;
			while (r < b && is_digit(d->cp[r]))
				r++;
			if (close != NPOS && skip_spaces(d, r, b) == b)
				return L_CHROME;
		}
	}
	/* 某县人大常委会欢迎您!N/A 返回某省人大常委会门户网站: the greeting, then
	 * the banner's other links on its line */
	if (len <= 80) {
		static const char *const greet[] = {"欢迎您!", "欢迎你!"};
		static const char *const acts[] = {"召开", "主持", "举行"};
		if (has_any(d, a, b, greet, COUNT(greet)) && !has_any(d, a, b, acts, COUNT(acts)))
			return L_CHROME;
	}
	if (len <= 40 && find_date(d, a, b, &t, 1) != NPOS &&
	    has_any(d, a, b, header, COUNT(header)) &&
	    !has_any(d, a, b, publish_marks, COUNT(publish_marks)))
		return L_CHROME;
	/* a forum's page (Discuz and the like): its menu (找回密码, 立即注册,
	 * 快捷登录), the login prompt, the thread's counters (查看: 959|回复: 0,
	 * [复制链接]) and the poster's card (主题 / 516 / 回帖 / 积分 /
	 * 中级会员), a word a line */
	static const char *const forum_words[] = {
		"找回密码", "立即注册", "快捷登录", "马上注册", "复制链接", "[复制链接]", "主题",
		"回帖", "积分", "帖子", "精华", "中级会员", "高级会员", "注册会员", "新手上路",
		"金牌会员", "论坛元老", "只看该作者", "电梯直达", "返回列表", "发新帖", "搜索",
		"楼主",
		/* a portal's login box, a word a line */
		"用户名", "密码", "注册", "登录", "我来说两句"};
	{
		size_t a1 = skip_spaces(d, a, b);
		size_t fw = match_any(d, a1, b, forum_words, COUNT(forum_words), NULL);
		if (fw && skip_spaces(d, a1 + fw, b) == b)
			return L_CHROME;
	}
	static const char *const forum_lines[] = {"热搜",     "才可以下载或查看", "没有帐号",
						  "马上注册", "显示全部楼层",     "回复:"};
	if (len <= 60 && has_any(d, a, b, forum_lines, COUNT(forum_lines)) &&
	    (find(d, a, b, "显示全部楼层") != NPOS || find(d, a, b, "会") == NPOS)) {
		/* 发表于 2012-3-29 13:07:05 | 显示全部楼层: the post's date */
		if (find_date(d, a, b, &t, 1) != NPOS)
			return L_META;
		return L_CHROME;
	}
	/* 3715810034/2019-4275393, 11500114009130039C/2020-07124: an index
	 * number alone, its label lost with the table's */
	if (len >= 12 && len <= 40) {
		size_t i = a, dig = 0;
		while (i < b && (is_digit(d->cp[i]) || (d->cp[i] >= 'A' && d->cp[i] <= 'Z')))
			dig += is_digit(d->cp[i++]);
		if (dig >= 6 && i < b && d->cp[i] == '/' && i + 5 < b && is_digit(d->cp[i + 1])) {
			size_t j = i + 1;
			while (j < b && (is_digit(d->cp[j]) || d->cp[j] == '-'))
				j++;
			if (j == b)
				return L_META;
		}
	}
	/* 正在加载数据...: a script's placeholder */
	if (len <= 16 && match(d, a, b, "正在加载"))
		return L_CHROME;
	/* [an error occurred while processing the directive]: a server's
	 * include that failed */
	if (len <= 60 && match(d, a, b, "[an error occurred"))
		return L_CHROME;
	/* 跳到主要內容區塊: a site's link for screen readers; 形象圖: its
	 * banner's label */
	static const char *const skip_links[] = {"跳到主要内容", "跳至主要内容", "跳过主要内容",
						 "跳到主内容", "跳过导航"};
	if (len <= 16 && match_any(d, a, b, skip_links, COUNT(skip_links), NULL))
		return L_CHROME;
	if (len <= 6 && ends_with(d, a, b, "形象图", NULL))
		return L_CHROME;
	/* 天气预报: and the forecast under it (某区气象台…发布:今天白天晴…,气温
	 * 19℃至6℃): a weather widget above the story */
	if (len <= 12 && match(d, a, b, "天气预报") && find(d, a, b, "会") == NPOS)
		return L_CHROME;
	if (len <= 200 && find(d, a, b, "会") == NPOS &&
	    (find(d, a, b, "℃") != NPOS || find(d, a, b, "气温") != NPOS) &&
	    (find(d, a, b, "风") != NPOS || find(d, a, b, "晴") != NPOS ||
	     find(d, a, b, "雨") != NPOS) &&
	    find(d, a, b, "气象") != NPOS)
		return L_CHROME;
	/* 您好!今天是 — the date the page's script would write is gone; 某县
	 * 人民政府网站欢迎您! 今天是: the site's name before its greeting */
	static const char *const today[] = {"今天是", "今日是"};
	if (len <= 12 && ends_with(d, a, b, today[0], NULL) + ends_with(d, a, b, today[1], NULL))
		return L_CHROME;
	if (len <= 40 && has_any(d, a, b, today, COUNT(today)) &&
	    has_any(d, a, b, welcome, COUNT(welcome)))
		return L_CHROME;
	/* 社交网站: — a label with no value, no meeting in it */
	static const char *const people_labels[] = {"出席", "列席", "主持", "主席", "参加", "请假",
						    "缺席", "记录", "议",   "会",   "们"};
	size_t spaces = 0; /* (标 题: a form's label spaced out) */
	for (size_t i = a; i < b && len <= 7; i++)
		spaces += is_space(d->cp[i]);
	if (len <= 7 && cz == ':' && count_han(d, a, b) + spaces == len - 1 &&
	    count_han(d, a, b) >= 1 && !has_any(d, a, b, people_labels, COUNT(people_labels)))
		return L_META;
	if (issue_year(d, a, b))
		return L_META;
	/* ━━━━━━ ━━━━━━, ==========: a rule across the page */
	{
		size_t marks = 0, other = 0;
		for (size_t i = a; i < b; i++) {
			uint32_t c = d->cp[i];
			if ((c >= 0x2500 && c <= 0x257F) || c == 0x2014 || c == '=' || c == '_' ||
			    c == '-' || c == '~' || c == '*')
				marks++;
			else if (!is_space(c))
				other++;
		}
		if (marks >= 6 && !other)
			return L_CHROME;
	}
	/* 〔2021〕第8期, [2023]12号: a document number */
	if (len <= 24 && (c0 == 0x3014 || c0 == '[' || c0 == 0x3010) &&
	    (ends_with(d, a, b, "号", NULL) || ends_with(d, a, b, "期", NULL)))
		return L_CHROME;
	/* "市人民政府办公室      2021年4月15日": an office and a date */
	if (len <= 60 && !is_content_line(d, a, b) && clause_end(d, a, b, 1) == b) {
		size_t at = find_date(d, a, b, &t, 1);
		if (at != NPOS && at + parse_date(d, at, b, &t) == b)
			return L_META;
	}
	if (len <= 80 && !is_content_line(d, a, b) && find_date(d, a, b, &t, 1) != NPOS &&
	    (has_any(d, a, b, publish_marks, COUNT(publish_marks)) || is_bare_date(d, a, b)))
		return L_META;
	/* (原标题:某某主持召开…调度会): the story's own title, bracketed by a
	 * site that gave it another (title.c takes the brackets off) */
	if (is_open_bracket(c0) && match(d, a + 1, b, "原标题"))
		return L_BODY;
	/* (图为会议现场) 【责任编辑：王五】: a short line all in brackets */
	if (len <= 40 && is_open_bracket(c0) && is_close_bracket(cz) &&
	    clause_end(d, a, b, 1) >= b - 1 && !is_content_line(d, a, b))
		return L_CHROME;
	/* 凡本报记者署名文字…未经授权不得转载…: a copyright notice */
	static const char *const rights[] = {
		"未经授权", "不得转载", "版权均属", "依法追究", "转载请", "原文出处", "原创文章",
		"不得非法使用", "本网转载", "本网确认后", "许可,任何人", "凡本网注明",
		"本站编辑转载", "版权归原作者", "本文转载自", "真实性请自行核实",
		/* 某网原创稿件…其版权均归某报社所有,未经某报社书面授权 */
		"版权均归", "未经", "严禁复制"};
	if (len <= 300 &&
	    (find(d, a, b, "授权") != NPOS || find(d, a, b, "转载") != NPOS ||
	     find(d, a, b, "版权") != NPOS || find(d, a, b, "追究") != NPOS ||
	     find(d, a, b, "本网") != NPOS) &&
	    has_any(d, a, b, rights, COUNT(rights)))
		return L_CHROME;
	/* a site's footer: who runs it, its phones and offices, what it does
	 * not answer for, its lawyers (北京某研究院主办 | …, 联系电话:010-…,
	 * 本站部分信息由…自行提供, 本站法律顾问:某律师事务所, 某某地址:…|
	 * 邮编:…) */
	static const char *const footer[] = {
		"版权所有",  "联系电话", "举报电话", "监督电话",   "办公区:",    "主办 |",
		"主办|",     "备案号",   "技术支持", "网站标识码", "不承担任何", "无法联系到权利人",
		"法律顾问:", "邮编:"};
	if (len <= 200 && find(d, a, b, "会") == NPOS && has_any(d, a, b, footer, COUNT(footer)))
		return L_CHROME;
	/* --> 2023-11-24 5 5 某报 content_1.html … /enpproperty-->: a markup
	 * comment the scraper kept, the page's metadata */
	if (match(d, a, b, "-->") || match(d, a, b, "<!--") || ends_with(d, a, b, "-->", NULL))
		return L_CHROME;
	/* 副县长某某昨主持…会议。(某某摄): a photo's caption with its credit */
	if (len <= 60 && (ends_with(d, a, b, "摄)", NULL) || ends_with(d, a, b, "摄影)", NULL)))
		return L_CHROME;
	/* 本篇文章464字,读完约1分钟: a page's reading time */
	if (len <= 30 && match(d, a, b, "本篇文章") && find(d, a, b, "读完") != NPOS)
		return L_CHROME;
	/* 会员服务| 客服热线:0527-…: a site's bar, its hotline */
	static const char *const hotlines[] = {"客服热线", "服务热线", "会员服务"};
	if (len <= 40 && has_any(d, a, b, hotlines, COUNT(hotlines)) &&
	    find(d, a, b, "召开") == NPOS)
		return L_CHROME;
	/* 瓷都德化报: a paper's masthead, its name alone */
	if (len >= 3 && len <= 8 && count_han(d, a, b) == len && find(d, a, b, "会") == NPOS &&
	    ends_with(d, a, b, "报", NULL))
		return L_CHROME;
	/* 新湖南湖南日报新媒体, 关于某某每日新闻: a paper's app and its "about"
	 * header, the site's own name */
	static const char *const apps[] = {"新媒体", "客户端", "融媒体中心", "融媒体"};
	static const char *const papers[] = {"新闻", "日报", "晚报", "报"};
	if (len >= 4 && len <= 14 && count_han(d, a, b) == len && find(d, a, b, "会") == NPOS &&
	    (longest_end(d, a, b, apps, COUNT(apps)) ||
	     (match(d, a, b, "关于") && longest_end(d, a, b, papers, COUNT(papers)))))
		return L_CHROME;
	/* 扫描下载某某, 扫码下载客户端: a prompt to fetch the site's app */
	static const char *const fetch_app[] = {"扫描下载", "扫码下载", "扫一扫下载", "下载客户端"};
	if (len <= 20 && find(d, a, b, "会议") == NPOS &&
	    match_any(d, skip_spaces(d, a, b), b, fetch_app, COUNT(fetch_app), NULL))
		return L_CHROME;
	/* 开幕会会场, 会议现场: a photo's caption over the story */
	static const char *const scenes[] = {"会场", "现场"};
	/* 会场, 现场: the caption alone */
	if (len == 2 && match_any(d, a, b, scenes, COUNT(scenes), NULL) == 2)
		return L_CHROME;
	/* (某某垸防汛工作调度会现场: a longer one) */
	if (len >= 4 && len <= 16 && count_han(d, a, b) == len &&
	    longest_end(d, a, b, scenes, COUNT(scenes)) && find(d, a, b, "会") != NPOS)
		return L_CHROME;
	/* 新华丝路首页: a site's link home, its name and 首页; 某某国家级信息服务
	 * 平台: the site's tagline under it */
	static const char *const homes[] = {"首页", "平台", "门户网站"};
	if (len >= 4 && len <= 16 && count_han(d, a, b) == len && find(d, a, b, "会") == NPOS &&
	    longest_end(d, a, b, homes, COUNT(homes)))
		return L_CHROME;
	/* 这是记者从某地发回的报道。: the paper's note on where it was written */
	if (len <= 40 && match(d, a, b, "这是记者") && ends_with(d, a, b, "报道。", NULL))
		return L_CHROME;
	/* 12月27日，…会议召开。 实习记者 某某摄: a caption, its credit after a
	 * space (a name of two to four, a reporter's title before it) */
	if (len <= 100 && ends_with(d, a, b, "摄", NULL)) {
		size_t w = b - 1;
		while (w > a && is_han(d->cp[w - 1]))
			w--;
		size_t tl = w > a && is_space(d->cp[w - 1]) ? w - 1 : w;
		while (tl > a && is_space(d->cp[tl - 1]))
			tl--;
		size_t ts = tl;
		while (ts > a && is_han(d->cp[ts - 1]))
			ts--;
		int titled = tl - ts >= 2 && ends_with(d, ts, tl, "记者", NULL);
		if (w > a && is_space(d->cp[w - 1]) && b - 1 - w >= 2 && b - 1 - w <= 4 &&
		    (titled || is_sent_end(d, tl - 1)))
			return L_CHROME;
	}
	/* 微信图片_20191025152831.jpg: a photo's file name */
	static const char *const images[] = {".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp"};
	for (size_t x = 0, k; len <= 60 && x < COUNT(images); x++)
		if (ends_with(d, a, b, images[x], &k) && b - k > a &&
		    clause_end(d, a, b - k, 1) == b - k) /* 李某.jpg */
			return L_CHROME;
	/* 642a5967-…-8c992cae245ccopy.jpg): an image's file name the scraper
	 * left of a link, no Chinese in it */
	for (size_t x = 0; len <= 120 && x < COUNT(images); x++)
		if (find(d, a, b, images[x]) != NPOS && count_han(d, a, b) == 0)
			return L_CHROME;
	/* <image>data:image/png;base64,…: an image the scraper wrote out */
	if (match(d, a, b, "<image") || match(d, a, b, "<img") ||
	    find(d, a, b < a + 40 ? b : a + 40, "data:image/") != NPOS)
		return L_CHROME;
	/* 本篇文章303字，读完约1分钟; 第A1版:要闻 总第391期; an e-paper's page
	 * bar (下一版»本期共4版(1-2-3-4)) */
	static const char *const widgets[] = {
		"读完约", "阅读时间", "总第", "版:", "本期共", "下一版", "上一版"};
	if (len <= 40 && has_any(d, a, b, widgets, COUNT(widgets)) && find(d, a, b, "会") == NPOS)
		return L_CHROME;
	/* 您当前使用的浏览器版本过低…, 建议使用 IE9及以上版本: the site's
	 * warning about the reader's browser */
	static const char *const browsers[] = {
		"浏览器版本过低", "浏览器版本较低",     "ie9及以上",     "ie8及以上",
		"ie10及以上",     "建议使用谷歌浏览器", "更新您的浏览器"};
	if (len <= 60 && has_any(d, a, b, browsers, COUNT(browsers)))
		return L_CHROME;
	/* 即时 热门 政治 军武 社会 生活 …: a news site's menu, words of two a
	 * line (half of them at least a news section's name: a roster of
	 * names spaced out is no menu) */
	if (len <= 80) {
		static const char *const news_sections[] = {
			"即时", "热门", "政治", "军武", "社会", "生活", "健康",
			"国际", "地方", "财经", "娱乐", "体育", "科技", "教育",
			"旅游", "文化", "房产", "汽车", "时尚", "视频", "图片",
			"首页", "要闻", "专题", "评论", "国内", "军事", "新闻"};
		size_t items = 0, known = 0, i = skip_spaces(d, a, b);
		int menu = 1;
		while (i < b && menu) {
			size_t j = i;
			while (j < b && !is_space(d->cp[j]))
				j++;
			menu = j - i == 2 && count_han(d, i, j) == 2;
			items++;
			known += match_any(d, i, j, news_sections, COUNT(news_sections), NULL) == 2;
			i = skip_spaces(d, j, b);
		}
		if (menu && items >= 6 && 2 * known >= items)
			return L_CHROME;
	}
	/* 要闻.快讯, 首页·动态: a site's columns joined by a dot, a line of
	 * their own */
	if (len <= 16) {
		static const char *const columns[] = {"要闻", "快讯", "新闻", "动态", "首页",
						      "政务", "头条", "本地", "资讯", "时政"};
		size_t words = 0, i = a;
		while (i < b) {
			size_t k = match_any(d, i, b, columns, COUNT(columns), NULL);
			if (!k)
				break;
			words++;
			i += k;
			if (i < b && (d->cp[i] == '.' || d->cp[i] == 0xB7 || d->cp[i] == '/' ||
				      d->cp[i] == '>' || is_space(d->cp[i])))
				i = skip_spaces(d, i + 1, b);
			else if (i < b)
				break;
		}
		if (i == b && words >= 2)
			return L_CHROME;
	}
	/* 最权威及时的某某综合新闻, 某某网—某某最具影响力门户网站: a site's
	 * slogan, no meeting named */
	static const char *const slogans[] = {"最权威", "最具影响力", "门户网站", "综合新闻"};
	if (len <= 50 && has_any(d, a, b, slogans, COUNT(slogans)) && find(d, a, b, "会") == NPOS &&
	    find_date(d, a, b, &t, 0) == NPOS)
		return L_CHROME;
	/* 某某新闻|记者张某/台北报导: a byline on a line of its own */
	if (len <= 40 && find(d, a, b, "记者") != NPOS &&
	    (ends_with(d, a, b, "报导", NULL) || ends_with(d, a, b, "报道", NULL)))
		return L_META;
	/* ◎ 某某日报记者 某某某, 本报记者 甲 乙: the reporters' names on a
	 * line of their own, nothing said */
	if (len <= 30) {
		size_t rj = find(d, a, b, "记者");
		int byline = rj != NPOS && rj + 2 < b && is_space(d->cp[rj + 2]);
		for (size_t i = a; byline && i < b; i++)
			byline = !is_sent_end(d, i) && d->cp[i] != ',' && d->cp[i] != ':';
		for (size_t i = rj + 2; byline && i < b; i++)
			byline = is_han(d->cp[i]) || is_space(d->cp[i]);
		if (byline)
			return L_META;
	}
	/* 工作时间：周一至周五，9:30-18:00，节假日休息: a business's hours */
	if (len <= 60 && match(d, a, b, "工作时间") && find(d, a, b, "周一至周") != NPOS)
		return L_CHROME;
	/* 我要投稿, 微信扫一扫分享, 内容详情, 打开某某新闻 查看精彩图片: a site's
	 * links and labels, a line each */
	static const char *const links[] = {"我要投稿", "微信扫一扫", "扫一扫分享",  "手机扫码",
					    "内容详情", "正文内容",   "查看精彩图片"};
	if (len <= 16 && has_any(d, a, b, links, COUNT(links)))
		return L_CHROME;
	/* 某市新闻传媒中心 主办, 某市精神文明建设指导委员会 某市文明办 主办: who
	 * runs the site (a committee's name holds 会, a meeting's 会议) */
	static const char *const held[] = {"会议", "召开", "举行", "大会"};
	if (len <= 40 && ends_with(d, a, b, "主办", NULL) && !has_any(d, a, b, held, COUNT(held)) &&
	    (len <= 24 || is_space(d->cp[b - 3])))
		return L_CHROME;
	/* 登录/注册 用户中心 支持IPV6: a site's toolbar */
	static const char *const toolbar[] = {
		"登录", "注册", "用户中心", "无障碍",   "设为首页", "加入收藏", "网站地图",
		"繁体", "简体", "english",  "ipv6",     "长者",     "手机版",   "微信",
		"微博", "退出", "设为主页", "收藏本页", "社交网站"};
	if (len <= 40 && find(d, a, b, "会") == NPOS) {
		size_t hits = 0;
		for (size_t k = 0; k < COUNT(toolbar); k++)
			hits += find(d, a, b, toolbar[k]) != NPOS;
		if (hits >= 2)
			return L_CHROME;
	}
	static const char *const credits[] = {"图片来源", "供图", "摄影"};
	if (len <= 40 && has_any(d, a, b, credits, COUNT(credits)))
		return L_CHROME;
	/* "- 注册时间", "• 设为首页": a short item of a menu or a profile */
	if ((c0 == '-' || c0 == 0x2022 || c0 == 0xB7 || c0 == '*') && a + 1 < b &&
	    is_space(d->cp[a + 1])) {
		/* • 新聞日期:98-12-23: a date's label, short as it is */
		for (size_t i = a + 2; i < b && i < a + 12; i++)
			if (d->cp[i] == ':' &&
			    has_any(d, a + 2, i, publish_marks, COUNT(publish_marks)))
				return L_META;
		/* (but - 某开发区召开…过堂会: a headline as a list's item) */
		size_t wl;
		if (len <= 20 &&
		    !(find(d, a, b, "召开") != NPOS && find_meeting_word(d, a + 2, b, &wl) != NPOS))
			return L_CHROME;
		/* • 发文字号:长府会议纪要〔2023〕39号: an index block's item */
		for (size_t i = a + 2; i < b && i < a + 12; i++)
			if (d->cp[i] == ':')
				return L_META;
		/* • 文件标题 某区政府召开…, • 主题分类 行政事务: its label and a space */
		static const char *const index_labels[] = {
			"文件标题", "标题", "名称", "发文字号", "主题分类", "体裁分类", "有效性"};
		size_t k = match_any(d, a + 2, b, meta_marks, COUNT(meta_marks), NULL);
		if (!k)
			k = match_any(d, a + 2, b, index_labels, COUNT(index_labels), NULL);
		if (k && (a + 2 + k == b || is_space(d->cp[a + 2 + k])))
			return L_META;
	}
	/* 您的位置：某某网 > 时政新闻 > 正文 | 2022-12-12 阅读量：: a breadcrumb
	 * that carries the publish time and a count of readers */
	{
		static const char *const counts[] = {"阅读量", "浏览量", "点击量", "阅读", "浏览"};
		struct ymd t0;
		size_t dt = len <= 120 ? find_date(d, a, b, &t0, 1) : NPOS;
		if (dt != NPOS && t0.y && has_any(d, dt, b, counts, COUNT(counts)))
			return L_META;
	}
	/* 您当前所在的位置:首页, the breadcrumb's label on a line of its own */
	static const char *const here[] = {"您当前所在的位置", "您现在的位置", "您当前的位置",
					   "当前所在位置",     "您的位置",     "你的位置",
					   "当前位置"};
	if (len <= 30 && match_any(d, a, b, here, COUNT(here), NULL))
		return L_CHROME;
	/* 大会现场, 活动现场: a photo's caption */
	if (len <= 8 && ends_with(d, a, b, "现场", NULL))
		return L_CHROME;
	if (match(d, a, b, "图为") || match(d, a, b, "图片") || match(d, a, b, "会议现场")) {
		if (len <= 60)
			return L_CHROME;
	}
	if (len <= 30 && (ends_with(d, a, b, "摄", NULL) || ends_with(d, a, b, "供图", NULL)))
		return L_CHROME;
	/* 某县头图: a page's header image, by its alt text */
	static const char *const header_images[] = {"头图", "题图", "配图"};
	if (len <= 10 && longest_end(d, a, b, header_images, COUNT(header_images)))
		return L_CHROME;
	if (len <= 80) { /* 首页 > 新闻中心 > 政务动态 */
		size_t arrows = 0;
		for (size_t i = a; i < b; i++) {
			/* (http://www.example.cn  (2017-03-14 11:45:03)  来源:…: an
			 * address's slashes are no steps; one with a date glued
			 * to it, http://…/2019年4月2日, is a scraper's chrome) */
			if (d->cp[i] == ':' && i + 2 < b && d->cp[i + 1] == '/' &&
			    d->cp[i + 2] == '/') {
				size_t e = i;
				while (e + 1 < b && !is_space(d->cp[e + 1]) && d->cp[e + 1] < 0x80)
					e++;
				if (e + 1 == b || is_space(d->cp[e + 1])) {
					i = e;
					continue;
				}
			}
			arrows += d->cp[i] == '>' || d->cp[i] == 0xBB || d->cp[i] == 0x2192 ||
				  d->cp[i] == 0x203A ||
				  (d->cp[i] == '/' && i > a &&
				   !is_digit(d->cp[i - 1])); /* not 2020/1/17 */
		}
		if (arrows >= 1 && (match(d, a, b, "首页") || match(d, a, b, "当前位置") ||
				    match(d, a, b, "您的位置") || match(d, a, b, "你的位置") ||
				    match(d, a, b, "位置") || arrows >= 2))
			return L_CHROME;
		/* 某某网 > 某某新闻: a site's name and its column, one arrow set
		 * apart by spaces, short on both sides */
		for (size_t i = a + 1; arrows == 1 && i + 1 < b; i++)
			if (d->cp[i] == '>' && is_space(d->cp[i - 1]) && is_space(d->cp[i + 1]) &&
			    i - a <= 14 && b - i <= 14 && find(d, a, b, "会") == NPOS &&
			    find(d, a, b, ",") == NPOS)
				return L_CHROME;
	}
	/* 推荐27 / 09月03 / 08月17 /: a list of recommended stories' dates */
	if (len <= 60 && match(d, a, b, "推荐") && find(d, a, b, "会") == NPOS) {
		size_t slashes = 0;
		for (size_t i = a; i < b; i++)
			slashes += d->cp[i] == '/';
		if (slashes >= 2)
			return L_CHROME;
	}
	/* 思思久久99热只有精品_…: a spammer's line of adult sites' words */
	static const char *const spam[] = {"久久",   "精品", "国产",     "午夜", "av",
					   "热只有", "蜜臀", "一区二区", "欧美", "日韩",
					   "自拍",   "偷拍", "无码",     "成人"};
	{
		size_t hits = 0;
		for (size_t k = 0; len <= 120 && k < COUNT(spam); k++)
			hits += find(d, a, b, spam[k]) != NPOS;
		if (hits >= 3 && find(d, a, b, "会议") == NPOS)
			return L_CHROME;
	}
	/* 上一期 下一期, 这已经是最后一期了哦! 我知道了: an e-paper's issue bar
	 * and its notice */
	static const char *const issue_bar[] = {"上一期", "下一期", "最后一期", "我知道了", "往期"};
	if (len <= 20 && has_any(d, a, b, issue_bar, COUNT(issue_bar)) &&
	    find(d, a, b, "会") == NPOS)
		return L_CHROME;
	/* 加载中..., 正在加载: a page's loading notice */
	static const char *const loading[] = {"加载中", "正在加载", "载入中"};
	if (len <= 12 && match_any(d, a, b, loading, COUNT(loading), NULL))
		return L_CHROME;
	/* 松花江网讯, 本报讯 on a line of their own: the dateline, the opening
	 * on the next line */
	if (len <= 12 && d->cp[b - 1] == 0x8BAF /* 讯 */ && count_han(d, a, b) == len &&
	    find(d, a, b, "会") == NPOS)
		return L_CHROME;
	/* 评论一下 0人参与，0条评论 抢沙发: a comment box's counters */
	static const char *const comments[] = {"人参与",   "条评论",           "抢沙发",
					       "发表评论", "查看更多精彩评论", "点评此文章",
					       "写评论",   "我要点评"};
	if (len <= 60 && has_any(d, a, b, comments, COUNT(comments)))
		return L_CHROME;
	/* 关键词：某市，市政府，大气: a page's keywords */
	static const char *const keywords[] = {"关键词", "关键字", "标签"};
	size_t kw = match_any(d, a, b, keywords, COUNT(keywords), NULL);
	if (len <= 60 && kw && a + kw < b && (d->cp[a + kw] == ':' || is_space(d->cp[a + kw])))
		return L_CHROME;
	/* 新闻中心, 微信矩阵, 要闻动态: a column of the site's menu on its own line */
	static const char *const columns[] = {"中心", "要闻", "动态", "资讯",
					      "矩阵", "频道", "新闻"};
	if (len >= 4 && len <= 6 && count_han(d, a, b) == len && find(d, a, b, "会") == NPOS &&
	    longest_end(d, a, b, columns, COUNT(columns)))
		return L_CHROME;
	/* 重大会议信息, 电视直播: a column's or a live channel's button */
	static const char *const buttons[] = {"信息", "直播"};
	if (len >= 4 && len <= 8 && count_han(d, a, b) == len &&
	    longest_end(d, a, b, buttons, COUNT(buttons)) && find(d, a, b, "召开") == NPOS &&
	    find(d, a, b, "举行") == NPOS)
		return L_CHROME;
	/* 某某商报·某某新闻网 甲 通讯员 乙: a byline of names, no sentence */
	{
		static const char *const reporters[] = {"通讯员", "记者"};
		int named = 0;
		for (size_t i = a; i + 2 < b && !named; i++) {
			size_t k = match_any(d, i, b, reporters, COUNT(reporters), NULL);
			named = k && i > a && is_space(d->cp[i - 1]) && i + k < b &&
				(is_space(d->cp[i + k]) || d->cp[i + k] == ':');
		}
		if (named && len <= 40 && find(d, a, b, "召开") == NPOS &&
		    find(d, a, b, "。") == NPOS && find(d, a, b, ",") == NPOS)
			return L_META;
	}
	/* 国内统一刊号：CN63-0012 某某日报出版: a digital paper's masthead */
	static const char *const masthead[] = {"统一刊号", "连续出版物号", "国内统一"};
	if (len <= 120 && has_any(d, a, b, masthead, COUNT(masthead)))
		return L_CHROME; /* (with the paper's phone lines, it runs long) */
	/* 某某日报    某某都市报 旧版入口: … (…前数字报): a paper site's bar */
	static const char *const paper_bar[] = {"旧版入口", "数字报", "电子版", "往期回顾"};
	if (len <= 80 && has_any(d, a, b, paper_bar, COUNT(paper_bar)) &&
	    find(d, a, b, "会") == NPOS)
		return L_CHROME;
	/* 正文内容区域请使用tab按钮切换浏览, 无障碍阅读, 长者模式, 打开适老化
	 * 模式: a page's accessibility hints and switches */
	static const char *const access[] = {"请使用tab", "按钮切换", "无障碍阅读", "长者模式",
					     "读屏专用",  "适老化",   "无障碍浏览"};
	if (len <= 30 && has_any(d, a, b, access, COUNT(access)) && find(d, a, b, "会") == NPOS)
		return L_CHROME;
	/* 政府信息 / 公开指南 / 公开制度: a disclosure page's menu, a word a line */
	static const char *const disclosure[] = {"政府信息", "公开指南",   "公开制度", "公开目录",
						 "公开年报", "依申请公开", "信息公开"};
	if (len <= 8 && match_any(d, a, b, disclosure, COUNT(disclosure), NULL) == len)
		return L_CHROME;
	/* 站群导航, 市政府网站, 县区政府站群: a government site's links to its
	 * sister sites */
	static const char *const sites[] = {"网站", "站群", "导航"};
	if (len <= 12 && find(d, a, b, "会") == NPOS &&
	    (find(d, a, b, "站群") != NPOS || longest_end(d, a, b, sites, COUNT(sites))))
		return L_CHROME;
	/* 首页 新闻中心 政务要闻: a trail of short words from the home page */
	int home = match(d, a, b, "首页") || match(d, a, b, "网站首页") ||
		   (match(d, a, b, "首") && match(d, skip_spaces(d, a + 1, b), b, "页"));
	if (len <= 60 && home && find(d, a, b, "会") == NPOS) {
		size_t words = 0, longest = 0, run = 0;
		for (size_t i = a; i <= b; i++) {
			if (i == b || is_space(d->cp[i])) {
				words += run > 0;
				longest = run > longest ? run : longest;
				run = 0;
			} else {
				run++;
			}
		}
		if (words >= 2 && longest <= 8) /* 首 页 区县招商 产业园区 … */
			return L_CHROME;
	}
	/* ?!?/p>, admin, a lone digit: nothing Chinese in a short line */
	if (chinese && len <= 16 && count_han(d, a, b) == 0 && find_date(d, a, b, &t, 1) == NPOS &&
	    !item_marker(d, a, b))
		return L_CHROME;
	if (len > 100 || is_content_line(d, a, b))
		return L_BODY;
	if (is_bare_date(d, a, b))
		return L_META;
	if (match(d, a, b, "||") || match(d, a, b, "|"))
		return L_META;
	/* 保存为word 打印 关闭: a page's toolbar */
	{
		static const char *const tools[] = {"打印", "关闭", "保存", "收藏",   "分享",
						    "字体", "放大", "缩小", "上一篇", "下一篇"};
		size_t n = 0;
		for (size_t w = 0; w < COUNT(tools); w++)
			n += find(d, a, b, tools[w]) != NPOS;
		if (len <= 24 && n >= 2)
			return L_CHROME;
	}
	/* marker followed by a colon, near the start or after a gap */
	for (size_t i = a; i < b; i++) {
		size_t m = match_any(d, i, b, meta_marks, COUNT(meta_marks), NULL);
		if (!m)
			continue;
		size_t j = skip_spaces(d, i + m, b);
		if (j < b && d->cp[j] == ':' &&
		    (i == a || is_space(d->cp[i - 1]) || is_close_bracket(d->cp[i - 1]) ||
		     is_open_bracket(d->cp[i - 1]) || d->cp[i - 1] == '|'))
			return L_META;
	}
	return L_BODY;
}

/* 新聞日期:98-12-23, 發布日期:108/04/10: a Taiwan site's ROC year, two
 * or three digits, in a labelled date (not 2-digit western years: ROC 60
 * is 1971). Returns where it starts, NPOS when there is none. */
static size_t roc_dashed(const struct doc *d, struct span l, struct ymd *t)
{
	for (size_t i = l.a + 1; i + 5 <= l.b; i++) {
		if (!is_digit(d->cp[i]) || is_digit(d->cp[i - 1]))
			continue;
		long y, mo, dy;
		size_t k = parse_num(d, i, l.b, &y), j = i + k;
		if (k < 2 || k > 3 || j + 4 > l.b)
			continue;
		uint32_t sep = d->cp[j];
		if (sep != '-' && sep != '/' && sep != '.')
			continue;
		size_t k2 = parse_num(d, j + 1, l.b, &mo), j2 = j + 1 + k2;
		if (!k2 || k2 > 2 || !is_digit(d->cp[j + 1]) || j2 >= l.b || d->cp[j2] != sep)
			continue;
		size_t k3 = parse_num(d, j2 + 1, l.b, &dy);
		if (!k3 || k3 > 2 || !is_digit(d->cp[j2 + 1]) ||
		    (j2 + 1 + k3 < l.b && is_digit(d->cp[j2 + 1 + k3])))
			continue;
		if (!(k == 3 ? y >= 100 && y <= 200 : y >= 60) ||
		    !has_any(d, l.a, i, publish_marks, COUNT(publish_marks)))
			continue;
		memset(t, 0, sizeof *t);
		t->hh = t->mm = -1;
		t->y = (int)y + 1911;
		t->m = (int)mo;
		t->d = (int)dy;
		if (t->m < 1 || t->m > 12 || t->d < 1 || t->d > 31)
			continue;
		return i;
	}
	return NPOS;
}

int publish_rank(const struct doc *d, struct span l, int before_title, struct ymd *t)
{
	size_t at = find_date(d, l.a, l.b, t, 1);
	if (at == NPOS)
		at = roc_dashed(d, l, t);
	if (at == NPOS)
		return 0;
	static const char *const header[] = {"星期", "今天是", "今日是", "欢迎"};
	/* (2021-11-24 08:41:57 星期三 来源:…: a stamp to the second opening
	 * the line is the story's, its weekday after it) */
	int stamp = at == skip_spaces(d, l.a, l.b) && t->hh >= 0 && !match(d, l.a, l.b, "今天") &&
		    !match(d, l.a, l.b, "今日");
	if (!stamp && has_any(d, l.a, l.b, header, COUNT(header)) &&
	    !has_any(d, l.a, l.b, publish_marks, COUNT(publish_marks) - 1))
		return 0;
	if (has_any(d, l.a, at, publish_marks, COUNT(publish_marks)))
		return 4;
	if (before_title)
		return 1;
	if (is_bare_date(d, l.a, l.b))
		return 3;
	return 2;
}
