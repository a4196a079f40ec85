/* title.c: pass 1, the title line and the subtitles under it.
 *
 * The title is the first body line that reads like one; what stands
 * before it on the page (a column's label, a place's label, a date stamp,
 * a channel's name before a bar) and what is glued after it on its line (a
 * byline, a site's name, a publish line) is no part of it. Short lines
 * after it that end like a title, or a deck of phrases, are subtitles:
 * chrome for the paragraphs. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdlib.h>
#include <string.h>

/* A field's label at i followed by its colon (主题分类：…). */
static int field_with_colon(const struct doc *d, size_t i, size_t e, const char *const *fields,
			    size_t n)
{
	size_t k = match_any(d, i, e, fields, n, NULL);
	return k && i + k < e && d->cp[i + k] == ':';
}

/* Does the line [a,b) hold no sentence (no 。，：；)? */
static int no_sentence(const struct doc *d, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		if (is_clause_end(d, i))
			return 0;
	return 1;
}

/* A bulletin's page: the title, its masthead (平度某讯 / 3 / 某部编
 * 2017221) and a rule, then the title again broken over lines (某委召开某
 * 某县二十一届 / 五次全委会议) above the story. The title again is chrome,
 * and so are the masthead's short lines between, which hold no sentence. */
static void title_again(const struct doc *d, const struct span *lines, enum line_kind *kind,
			size_t nl, size_t title, size_t ta, size_t tb)
{
	for (size_t s = title + 1; s < nl && s <= title + 40; s++) {
		if (kind[s] != L_BODY)
			continue;
		size_t pos = ta, j = s, used = 0;
		while (j < nl && pos < tb) {
			if (kind[j] == L_BLANK || (kind[j] == L_CHROME && used)) {
				j++;
				continue;
			}
			size_t la = skip_spaces(d, lines[j].a, lines[j].b), lb = lines[j].b;
			while (lb > la && is_space(d->cp[lb - 1]))
				lb--;
			if (kind[j] != L_BODY || lb - la > tb - pos || lb == la ||
			    memcmp(d->cp + la, d->cp + pos, (lb - la) * sizeof *d->cp) != 0)
				break;
			pos += lb - la;
			used++;
			j++;
		}
		if (pos != tb || used < 2) /* one line again: kept, as before */
			continue;
		for (size_t k = s; k < j; k++)
			if (kind[k] == L_BODY)
				kind[k] = L_CHROME;
		for (size_t k = title + 1; k < s; k++) {
			size_t ink = 0; /* 某部编          2017221: spaced out */
			for (size_t q = lines[k].a; q < lines[k].b; q++)
				ink += !is_space(d->cp[q]);
			if (kind[k] == L_BODY && ink <= 40 &&
			    no_sentence(d, lines[k].a, lines[k].b))
				kind[k] = L_CHROME;
		}
		return;
	}
}

/* The first pages of an index block name the title (名 称：某某召开…, 标题:
 * …): when a line further on says the same, the body lines before it are
 * page furniture (a site's name, a spammer's words), not the title. */
/* Line [a,b) as 标题: value (文件标题, 名称; spaces inside the label
 * allowed, 标      题; after a list's bullet): where its colon is, NPOS
 * when it is no such line; its label's start in *la. */
static size_t title_label(const struct doc *d, size_t a, size_t b, size_t *la)
{
	/* (称:, 题: an index table's label whose first character the page
	 * lost to its layout, as 号: for 索引号) */
	static const char *const labels[] = {"文件标题", "标题", "名称", "称", "题"};
	a = skip_spaces(d, a, b);
	if (a + 2 < b && (d->cp[a] == 0x2022 || d->cp[a] == 0x25CF))
		a = skip_spaces(d, a + 1, b);
	*la = a;
	for (size_t k = 0; k < COUNT(labels); k++) {
		const unsigned char *p = (const unsigned char *)labels[k];
		size_t q = a;
		while (*p && q < b) {
			q = skip_spaces(d, q, b);
			if (q >= b || d->cp[q] != pat_next(&p))
				break;
			q++;
		}
		if (!*p) {
			size_t j = skip_spaces(d, q, b);
			return j < b && d->cp[j] == ':' ? j : NPOS;
		}
	}
	return NPOS;
}

static void named_title(const struct doc *d, const struct span *lines, enum line_kind *kind,
			size_t nl)
{
	for (size_t i = 0; i < nl && i < 30; i++) {
		size_t a, b = lines[i].b;
		size_t j = title_label(d, lines[i].a, b, &a);
		if (j == NPOS)
			continue;
		size_t va = skip_spaces(d, j + 1, b), vn = b - va;
		/* 标题: 某某召开… [打印本页]: a forum's print view; the label and
		 * its value again further on are the same title, no opening */
		size_t pr = find(d, va, b, "[打印");
		if (pr != NPOS) {
			vn = pr - va;
			while (vn > 0 && is_space(d->cp[va + vn - 1]))
				vn--;
			for (size_t t = i + 1; t < nl && t < i + 12; t++) {
				size_t ta = skip_spaces(d, lines[t].a, lines[t].b);
				if (lines[t].b - ta > j - a + 1 &&
				    memcmp(d->cp + ta, d->cp + a, (j - a + 1) * sizeof *d->cp) ==
					    0) {
					size_t tv = skip_spaces(d, ta + (j - a + 1), lines[t].b);
					if (lines[t].b - tv == vn &&
					    memcmp(d->cp + tv, d->cp + va, vn * sizeof *d->cp) == 0)
						kind[t] = L_CHROME;
				}
			}
			return;
		}
		if (vn < 6)
			return;
		for (size_t t = i + 1; t < nl && t < i + 12; t++) {
			size_t ta = skip_spaces(d, lines[t].a, lines[t].b);
			if (kind[t] != L_BODY || lines[t].b - ta != vn ||
			    memcmp(d->cp + ta, d->cp + va, vn * sizeof *d->cp) != 0)
				continue;
			for (size_t u = 0; u < t; u++)
				if (kind[u] == L_BODY)
					kind[u] = L_CHROME;
			return;
		}
		return;
	}
}

/* 某某召开…会议 - 商务之窗 below the title: the title again with the site's
 * name after a dash or a bar, the page's own heading, no opening. */
static void title_with_site(const struct doc *d, const struct span *lines, enum line_kind *kind,
			    size_t nl, size_t t)
{
	size_t ta = skip_spaces(d, lines[t].a, lines[t].b), tn = lines[t].b - ta;
	for (size_t i = t + 1; i < nl && i < t + 8; i++) {
		size_t la = skip_spaces(d, lines[i].a, lines[i].b);
		if (kind[i] != L_BODY || lines[i].b - la <= tn + 1 || lines[i].b - la > tn + 20 ||
		    memcmp(d->cp + la, d->cp + ta, tn * sizeof *d->cp) != 0)
			continue;
		size_t r = skip_spaces(d, la + tn, lines[i].b);
		if (r < lines[i].b && (d->cp[r] == '-' || d->cp[r] == '_' || d->cp[r] == '|' ||
				       d->cp[r] == 0x2014 || d->cp[r] == 0x2013))
			kind[i] = L_CHROME;
	}
}

/* 市政府第22次常务会议召开 / 其他 / 3715810034/2019-4275393 / 2019-10-17 /
 * 临清市政府 / 市政府第22次常务会议召开: an index table whose labels were
 * lost, the title again at its end. The title again is chrome, and so are
 * the table's short values between (a category, an office). */
static void title_repeated(const struct doc *d, const struct span *lines, enum line_kind *kind,
			   size_t nl, size_t title, size_t ta, size_t tb)
{
	for (size_t s = title + 1; s < nl && s <= title + 12; s++) {
		size_t la = skip_spaces(d, lines[s].a, lines[s].b), lb = lines[s].b;
		while (lb > la && is_space(d->cp[lb - 1]))
			lb--;
		if (kind[s] == L_BODY && lb - la > 16)
			return; /* a paragraph first: no table */
		if (kind[s] != L_BODY || lb - la != tb - ta ||
		    memcmp(d->cp + la, d->cp + ta, (tb - ta) * sizeof *d->cp) != 0)
			continue;
		for (size_t k = title + 1; k <= s; k++)
			if (kind[k] == L_BODY)
				kind[k] = L_CHROME;
		return;
	}
}

/* Is [a,b) a subsequence of [c,e): each of its characters there, in
 * order (政府常务会议 in 某县人民政府第6次常务会议)? */
static int within(const struct doc *d, size_t a, size_t b, size_t c, size_t e)
{
	for (; a < b && c < e; c++)
		if (d->cp[c] == d->cp[a])
			a++;
	return a == b;
}

/* Two or three phrases of Han characters, six or more each, parted by
 * spaces and nothing else: a slogan's halves. */
static int slogan_pair(const struct doc *d, size_t a, size_t b)
{
	size_t parts = 0;
	for (size_t i = skip_spaces(d, a, b); i < b; i = skip_spaces(d, i, b)) {
		size_t e = i;
		while (e < b && is_han(d->cp[e]))
			e++;
		if (e - i < 6 || (e < b && !is_space(d->cp[e])))
			return 0;
		parts++;
		i = e;
	}
	return parts >= 2 && parts <= 3;
}

static int links_bar(const struct doc *d, size_t a, size_t b)
{
	size_t bars = 0;
	for (size_t i = a; i < b; i++)
		bars += d->cp[i] == '|';
	return bars >= 2 && find(d, a, b, "会") == NPOS;
}

/* 政务公开 / 政务服务 / 互动交流 / 走进某区, one a line above the story:
 * the site's menu of columns, three or more short lines of nothing but
 * Han characters before any line that names a meeting or a date. */
static void column_menu(const struct doc *d, const struct span *lines, enum line_kind *kind,
			size_t nl)
{
	size_t run = 0, first = 0;
	for (size_t i = 0; i < nl && i < 40; i++) {
		if (kind[i] == L_BLANK || kind[i] == L_CHROME)
			continue;
		size_t a = lines[i].a, b = lines[i].b;
		trim(d, &a, &b);
		if (find(d, a, b, "会") != NPOS || find_date(d, a, b, &(struct ymd){0}, 0) != NPOS)
			break;
		int item = kind[i] == L_BODY && b - a >= 2 && b - a <= 6 &&
			   count_han(d, a, b) == b - a;
		if (!item) {
			run = 0;
			continue;
		}
		if (run++ == 0)
			first = i;
		if (run == 3) { /* the menu's first three, then each one after */
			for (size_t k = first; k <= i; k++)
				if (kind[k] == L_BODY)
					kind[k] = L_CHROME;
		} else if (run > 3) {
			kind[i] = L_CHROME;
		}
	}
}

/* [a,b) of line i stands alone on a line below it too: 某某主持召开常务
 * 会议,研究…工作 over its two parts, each a line; the words before the
 * comma are the title's, no advertising glued on. */
static int head_on_its_line(const struct doc *d, const struct span *lines, size_t nl, size_t i,
			    size_t a, size_t b)
{
	for (size_t j = i + 1; j < nl && j < i + 12; j++) {
		size_t la = lines[j].a, lb = lines[j].b;
		trim(d, &la, &lb);
		if (lb - la == b - a && memcmp(d->cp + la, d->cp + a, (b - a) * sizeof *d->cp) == 0)
			return 1;
	}
	return 0;
}

int find_title(const struct doc *d, const struct span *lines, enum line_kind *kind, size_t nl,
	       int chinese, struct hy_meeting *m, size_t *title, struct span *glued_pub)
{
	int site_cut = 0;      /* a site's name cut off the title's line */
	size_t ta = 0, tb = 0; /* the title's span */
	/* title: the first body line that reads like one. A line without
	 * Chinese (a user name) or a short column label (旗级要闻) before a
	 * line that names a meeting is page chrome, not the title. */
	static const char *const columns[] = {"新闻", "动态", "要闻", "频道", "栏目", "资讯"};
	named_title(d, lines, kind, nl);
	column_menu(d, lines, kind, nl);
	for (size_t i = 0, seen = 0; i < nl && seen < 3; i++) {
		if (kind[i] != L_BODY)
			continue;
		/* 某某范文 > 某某召开…座谈会 above the title itself: a crumb whose
		 * last step is the title; 内容丰富有趣,生活中的好帮手!: a site's
		 * cry above it. Both the page's, unseen. */
		if (page_line(d, lines, kind, nl, i)) { /* title_page.c */
			kind[i] = L_CHROME;
			continue;
		}
		/* 某省人民政府网 | 某区网 | |: the site's bar of links, bars
		 * between names that hold no meeting */
		if (links_bar(d, lines[i].a, lines[i].b)) {
			kind[i] = L_CHROME;
			continue;
		}
		seen++;
		struct span l = lines[i];
		size_t e = clause_end(d, l.a, l.b, 1);
		uint32_t last = d->cp[l.b - 1];
		/* a line opening with a date is the opening paragraph, unless it
		 * is short and names the meeting convened (2023年12月12日区政府
		 * 召开第62次常务会议) */
		static const char *const convened[] = {"召开", "举行"};
		/* (2017年4月13日上午，某镇在…召开了 is the opening's first line:
		 * a comma after the time, a verb left hanging) */
		int dated_title = l.b - l.a <= 40 && find(d, l.a, l.b, "会") != NPOS &&
				  has_any(d, l.a, l.b, convened, COUNT(convened)) && e == l.b &&
				  find(d, l.a, l.b, ",") == NPOS && last != 0x4E86 /* 了 */;
		/* …专题会议(第7次), …会议(扩大): the name's own bracket */
		int named_tail = 0;
		if (last == ')' && l.b - l.a > 6) {
			size_t o = l.b - 1;
			while (o > l.a && l.b - o < 10 && d->cp[o - 1] != '(')
				o--;
			/* (…会议(图文报道), …(视频), …(含图解), …(图): the page's media
			 * tag) */
			static const char *const media[] = {"图文", "视频", "组图",   "多图",
							    "附图", "图解", "含图解", "含视频"};
			named_tail = o > l.a && d->cp[o - 1] == '(' &&
				     (match(d, o, l.b, "第") || match(d, o, l.b, "扩大") ||
				      match_any(d, o, l.b, media, COUNT(media), NULL) ||
				      (o + 2 == l.b && match(d, o, l.b, "图"))) && /* (图) */
				     find(d, l.a, o, "会") != NPOS;
		}
		/* 审议《…》和审查《…》的会议纪要: minutes titled by what they took
		 * up, an agenda verb first */
		int summary_title = ends_with(d, l.a, l.b, "纪要", NULL) &&
				    no_sentence(d, l.a, l.b) && find(d, l.a, l.b, ",") == NPOS;
		/* 某某召开…筹备工作会办会!: a headline's cry, one sentence */
		int cried = l.b - l.a <= 40 && d->cp[l.b - 1] == '!' && e + 1 == l.b &&
			    find(d, l.a, l.b, "会") != NPOS && find(d, l.a, l.b, ",") == NPOS;
		/* 1.某县…会议召开 at the top: a digest's first story's title */
		int digest_first = seen == 1 && l.b - l.a > 8 && d->cp[l.a] == '1' &&
				   (d->cp[l.a + 1] == 0x3001 || d->cp[l.a + 1] == '.') &&
				   is_han(d->cp[l.a + 2]) && find(d, l.a, l.b, "会") != NPOS;
		/* a long headline (…召开扩大会议 传达学习…精神和…重要指示精神)
		 * directly over its publish line: no sentence, no comma */
		size_t below = i + 1;
		while (below < nl && kind[below] == L_BLANK)
			below++;
		size_t most = below < nl && kind[below] == L_META && e == l.b &&
					      find(d, l.a, l.b, ",") == NPOS
				      ? 160
				      : 80;
		int titleish =
			l.b - l.a <= most && (e == l.b || e + 1 == l.b) && last != 0x3001 &&
			last != ',' && last != ':' &&
			(dated_title || find_date(d, l.a, l.b, &(struct ymd){0}, 0) != l.a) &&
			(summary_title || !starts_item(d, l.a, l.b) || digest_first ||
			 /* 研究安全生产等工作 over its publish line: a headline
			  * of what the meeting did, no item */
			 (below < nl && kind[below] == L_META && l.b - l.a <= 30 &&
			  no_sentence(d, l.a, l.b))) &&
			(named_tail || cried || !ends_paragraph(d, l.a, l.b));
		/* 王某李某张某参加: a caption of who took part, no title */
		if (titleish && find(d, l.a, l.b, "会") == NPOS &&
		    (ends_with(d, l.a, l.b, "参加", NULL) || ends_with(d, l.a, l.b, "出席", NULL)))
			titleish = 0;
		/* 某某网站讯 8月5日，…, 某某网3月2日讯 …: a news dateline opens
		 * the story, it is no title */
		size_t xun = find(d, l.a, l.a + 16 < l.b ? l.a + 16 : l.b, "讯");
		size_t after_xun = xun != NPOS ? skip_spaces(d, xun + 1, l.b) : l.b;
		if (titleish && xun != NPOS && xun > l.a &&
		    (d->cp[xun - 1] == 0x65E5 /* 日 */ ||
		     find_date(d, after_xun, l.b, &(struct ymd){0}, 0) == after_xun ||
		     /* 本报讯(记者 / 某某新闻网讯: the dateline alone, or its
		      * byline broken off at the line's end */
		     after_xun == l.b || d->cp[after_xun] == '('))
			titleish = 0;
		/* 会议地点：某村会议室: a form's field and its value, no title */
		static const char *const form_fields[] = {
			"会议时间", "会议地点", "会议主持", "主持人",   "记录人",  "参会人员",
			"出席人员", "列席人员", "缺席人员", "会议议题", "会议内容"};
		if (titleish && field_with_colon(d, l.a, l.b, form_fields, COUNT(form_fields)))
			titleish = 0;
		/* (原标题:…): the story's own title, whatever its colon */
		if (is_open_bracket(d->cp[l.a]) && match(d, l.a + 1, l.b, "原标题") &&
		    l.b - l.a <= 80)
			titleish = 1;
		/* a bracket opened and not closed: a line broken inside a byline */
		{
			int open = 0;
			for (size_t q = l.a; q < l.b; q++)
				open += d->cp[q] == '(' ? 1 : d->cp[q] == ')' ? -1 : 0;
			if (open > 0)
				titleish = 0;
		}
		/* 县区新闻: — a column's label, before the title */
		if (!titleish && last == ':' && l.b - l.a <= 10 &&
		    find(d, l.a, l.b, "会") == NPOS &&
		    has_any(d, l.a, l.b, columns, COUNT(columns))) {
			kind[i] = L_CHROME;
			continue;
		}
		/* 某某县 alone above the story: a place's label, not the title */
		if (titleish && l.b - l.a <= 12 && count_han(d, l.a, l.b) == l.b - l.a &&
		    find(d, l.a, l.b, "会") == NPOS &&
		    longest_end(d, l.a, l.b, place_levels, COUNT(place_levels))) {
			kind[i] = L_CHROME;
			continue;
		}
		/* 某县某镇民代表会 above 第十二届第七次定期大会第三次会议纪录:
		 * a council's minutes head their title with its name, which is
		 * the body (its place split off later) */
		static const char *const councils[] = {"民代表会", "议会", "代表会"};
		if (titleish && l.b - l.a <= 20 && count_han(d, l.a, l.b) == l.b - l.a &&
		    longest_end(d, l.a, l.b, councils, COUNT(councils)) && i + 1 < nl &&
		    kind[i + 1] == L_BODY && lines[i + 1].b - lines[i + 1].a <= 40) {
			static const char *const minutes[] = {"会议", "大会", "纪录", "记录",
							      "议事录"};
			struct span nx = lines[i + 1];
			if (has_any(d, nx.a, nx.b, minutes, COUNT(minutes)) &&
			    clause_end(d, nx.a, nx.b, 1) + 1 >= nx.b) {
				if (!m->body && !(m->body = doc_str(d, l.a, l.b)))
					return HY_ERR_NOMEM;
				kind[i] = L_CHROME;
				continue;
			}
		}
		/* 航头镇 建德新闻网, 萧山网 - 某某: the page's own heading (a
		 * site's name, after a dash or a space) above its menu, when a
		 * line further down names the meeting */
		static const char *const sites[] = {"网", "新闻网", "在线", "融媒", "发布"};
		/* (某省人民政府     某市委市政府: the site's links, set apart by
		 * a run of spaces) */
		if (titleish && l.b - l.a <= 30 && find(d, l.a, l.b, "会") == NPOS &&
		    (longest_end(d, l.a, l.b, sites, COUNT(sites)) ||
		     find(d, l.a, l.b, " - ") != NPOS || find(d, l.a, l.b, "   ") != NPOS)) {
			size_t j = i + 1;
			for (; j < nl && j <= i + 14; j++) {
				struct span n = lines[j];
				if (kind[j] == L_BODY && n.b - n.a <= 60 &&
				    (find(d, n.a, n.b, "会议") != NPOS ||
				     find(d, n.a, n.b, "召开") != NPOS) &&
				    clause_end(d, n.a, n.b, 1) + 1 >= n.b)
					break;
			}
			if (j < nl && j <= i + 14) {
				kind[i] = L_CHROME;
				continue;
			}
		}
		/* 政府常务会议 / 某县人民政府第6次常务会议: the column's name
		 * (the breadcrumb's last item, which the cleaner drops), then the
		 * title that holds all of it */
		if (titleish && l.b - l.a <= 12 && find(d, l.a, l.b, "会") != NPOS) {
			size_t j = i + 1;
			while (j < nl && kind[j] == L_BLANK)
				j++;
			if (j < nl && kind[j] == L_BODY && lines[j].b - lines[j].a <= 60 &&
			    lines[j].b - lines[j].a > l.b - l.a + 1 &&
			    no_sentence(d, lines[j].a, lines[j].b) &&
			    find(d, lines[j].a, lines[j].b, ",") == NPOS &&
			    within(d, l.a, l.b, lines[j].a, lines[j].b)) {
				kind[i] = L_CHROME;
				continue;
			}
		}
		/* 政府会议 above 4月21日，县长某某主持召开…: a column named for the
		 * kind of meeting, above the story */
		static const char *const kind_columns[] = {"政府会议",   "常务会议", "政府常务会议",
							   "常务会",     "会议纪要", "会议公开",
							   "会议动态",   "会议报道", "会议信息",
							   "政府常务会", "全体会议", "党组会议"};
		if (titleish && l.b - l.a <= 8) {
			size_t k = match_any(d, l.a, l.b, kind_columns, COUNT(kind_columns), NULL);
			size_t j = i + 1;
			while (j < nl && kind[j] == L_BLANK)
				j++;
			/* (or above the title: 经开区召开第4次管委会会议) */
			if (k == l.b - l.a && j < nl && kind[j] == L_BODY &&
			    find(d, lines[j].a, lines[j].b, "召开") != NPOS &&
			    (find_date(d, lines[j].a, lines[j].b, &(struct ymd){0}, 0) != NPOS ||
			     ends_with(d, lines[j].a, lines[j].b, "会议", NULL))) {
				kind[i] = L_CHROME;
				continue;
			}
		}
		/* 公报查询, 往期公报: a gazette portal's search box and archive;
		 * 政府信息公开: the portal's section */
		static const char *const portal[] = {"政府信息公开", "信息公开", "政务公开"};
		if (titleish && l.b - l.a <= 6 &&
		    (ends_with(d, l.a, l.b, "查询", NULL) || match(d, l.a, l.b, "往期") ||
		     match_any(d, l.a, l.b, portal, COUNT(portal), NULL) == l.b - l.a)) {
			kind[i] = L_CHROME;
			continue;
		}
		/* 2023某区两会专题报道: a special column's name above the story */
		static const char *const special[] = {"专题报道", "专题",     "专栏",
						      "特别报道", "系列报道", "报道"};
		/* (■自治区“两会”报道: a bullet before it) */
		if (titleish && l.b - l.a <= 20 &&
		    longest_end(d, l.a, l.b, special, COUNT(special)) && i + 1 < nl) {
			kind[i] = L_CHROME;
			continue;
		}
		if (!titleish)
			break;
		size_t next = i + 1; /* past other short labels (今日导读 / 本报新闻) */
		while (next < nl && (kind[next] != L_BODY ||
				     (count_han(d, lines[next].a, lines[next].b) <= 8 &&
				      lines[next].b - lines[next].a <= 8 &&
				      find(d, lines[next].a, lines[next].b, "会") == NPOS)))
			next++;
		int names_meeting = find(d, l.a, l.b, "会") != NPOS;
		/* 打造网上某某平台 致力于某某事业: a portal's slogan of two
		 * phrases parted by a space, above a title that names the
		 * meeting */
		if (!names_meeting && next < nl && slogan_pair(d, l.a, l.b) &&
		    find(d, lines[next].a, lines[next].b, "会") != NPOS &&
		    lines[next].b - lines[next].a <= 40 &&
		    find(d, lines[next].a, lines[next].b, ",") == NPOS) {
			kind[i] = L_CHROME;
			seen--;
			continue;
		}
		if ((chinese && count_han(d, l.a, l.b) < 2) ||
		    (!names_meeting && count_han(d, l.a, l.b) <= 8 && next < nl &&
		     d->cp[l.b - 1] != 0x2014 /* 某街道—— : the title goes on */ &&
		     lines[next].b - lines[next].a <= 80 &&
		     find(d, lines[next].a, lines[next].b, "会") != NPOS &&
		     clause_end(d, lines[next].a, lines[next].b, 1) + 1 >= lines[next].b)) {
			kind[i] = L_CHROME;
			/* (a menu of short words, a line each, before the title
			 * that names the meeting: none of them counts) */
			if (!names_meeting && count_han(d, l.a, l.b) <= 8)
				seen--;
			continue;
		}
		/* V视 | 【…】…, 今日关注丨…: a channel's name before a bar */
		size_t a0 = l.a;
		/* • 某某开发区:我区召开…: a list's bullet before it (- in a
		 * page saved as Markdown) */
		if (l.b - l.a > 4 &&
		    (d->cp[a0] == 0x2022 || d->cp[a0] == 0x25CF || d->cp[a0] == '-') &&
		    is_space(d->cp[a0 + 1]) && find(d, a0 + 1, l.b, "\u2022") == NPOS)
			a0 = skip_spaces(d, a0 + 1, l.b);
		/* 20230322三茅街道…: a date stamp glued before the title */
		if (l.b - l.a > 12 && is_han(d->cp[l.a + 8])) {
			size_t q = l.a;
			while (q < l.a + 8 && is_digit(d->cp[q]))
				q++;
			struct ymd st = {0};
			if (q == l.a + 8) {
				st.y = (int)((d->cp[l.a] - '0') * 1000 +
					     (d->cp[l.a + 1] - '0') * 100 +
					     (d->cp[l.a + 2] - '0') * 10 + (d->cp[l.a + 3] - '0'));
				st.m = (int)((d->cp[l.a + 4] - '0') * 10 + (d->cp[l.a + 5] - '0'));
				st.d = (int)((d->cp[l.a + 6] - '0') * 10 + (d->cp[l.a + 7] - '0'));
				if (st.y >= 1990 && st.y <= 2100 && st.m >= 1 && st.m <= 12 &&
				    st.d >= 1 && st.d <= 31)
					a0 = q;
			}
		}
		/* 1.茶陵县…会议召开: a digest's first story, its number before
		 * the title */
		if (l.b - a0 > 8 && is_digit(d->cp[a0]) &&
		    (d->cp[a0 + 1] == 0x3001 || (d->cp[a0 + 1] == '.' && is_han(d->cp[a0 + 2]))))
			a0 += 2;
		/* 01.24 县委书记某某主持召开…: a list's month and day stamped
		 * before the title */
		{
			size_t q = a0, m1 = 0, m2 = 0;
			while (q < l.b && is_digit(d->cp[q]) && m1 < 3)
				q++, m1++;
			if (m1 >= 1 && m1 <= 2 && q < l.b && d->cp[q] == '.') {
				q++;
				while (q < l.b && is_digit(d->cp[q]) && m2 < 3)
					q++, m2++;
				if (m2 >= 1 && m2 <= 2 && q < l.b && is_space(d->cp[q]) &&
				    l.b - q > 8)
					a0 = skip_spaces(d, q, l.b);
			}
		}
		/* 2017某某团讯第3期 团市委召开…: a bulletin's issue before the
		 * title, up to a space */
		{
			size_t sp = a0;
			while (sp < l.b && sp < a0 + 20 && !is_space(d->cp[sp]))
				sp++;
			if (sp < a0 + 20 && l.b - sp > 8 && issue_year(d, a0, sp))
				a0 = skip_spaces(d, sp, l.b);
		}
		/* | 区政府召开…会议 |: a table's bar before the title */
		while (a0 + 6 < l.b && (d->cp[a0] == '|' || is_space(d->cp[a0])))
			a0++;
		/* (喜迎二十大 合力保平安 | …: a slogan of two phrases) */
		for (size_t k = a0 + 1; k < l.b && k <= a0 + 14; k++)
			if ((d->cp[k] == '|' || d->cp[k] == 0xFF5C || d->cp[k] == 0x4E28 ||
			     d->cp[k] == 0x2016 /* ‖ */) &&
			    l.b - k > 6) {
				a0 = skip_spaces(d, k + 1, l.b);
				break;
			}
		/* 乡镇动态 北四平乡消防安全生产会: the column's name, then a
		 * space, before the title */
		{
			size_t sp = a0;
			while (sp < l.b && sp < a0 + 8 && is_han(d->cp[sp]))
				sp++;
			/* (龙泉驿新闻：政协…开幕: the column's name before a colon) */
			if (sp > a0 + 1 && sp < l.b && (is_space(d->cp[sp]) || d->cp[sp] == ':') &&
			    l.b - sp > 6 && longest_end(d, a0, sp, columns, COUNT(columns)) &&
			    find(d, a0, sp, "会") == NPOS)
				a0 = skip_spaces(d, sp + (d->cp[sp] == ':'), l.b);
			/* 聚焦两会 政协某旗…全体会议召开: a kicker (a special
			 * column's call) before a space and the title */
			static const char *const kickers[] = {"聚焦", "关注", "直击", "喜迎"};
			if (a0 < sp && sp > a0 + 2 && sp <= a0 + 6 && sp < l.b &&
			    is_space(d->cp[sp]) &&
			    match_any(d, a0, sp, kickers, COUNT(kickers), NULL) && l.b - sp > 8 &&
			    find(d, sp, l.b, "会") != NPOS)
				a0 = skip_spaces(d, sp, l.b);
		}
		/* 湖南衡阳· [南岳区] 某某主持召开…: a region's tag, its place in
		 * brackets, before the title */
		{
			size_t q = a0;
			while (q < l.b && q < a0 + 8 && is_han(d->cp[q]))
				q++;
			if (q > a0 + 1 && q < l.b && (d->cp[q] == 0xB7 || d->cp[q] == 0x30FB)) {
				size_t br = skip_spaces(d, q + 1, l.b);
				if (br < l.b && (d->cp[br] == '[' || d->cp[br] == 0x3010))
					a0 = br;
			}
		}
		/* 【时政新闻】… : the column's name (or a spammer's bracket,
		 * 【某某公司_官方网站：】) is no part of the title */
		if (d->cp[a0] == 0x3010 || d->cp[a0] == '[') {
			for (size_t k = a0 + 1; k < l.b && k <= a0 + 24; k++)
				if ((d->cp[k] == 0x3011 || d->cp[k] == ']') && k + 3 < l.b) {
					a0 = skip_spaces(d, k + 1, l.b);
					break;
				}
		}
		/* (原标题:…): the bracket and its label off; 原标题:… unbracketed,
		 * the story's title as its source wrote it, likewise */
		if (is_open_bracket(d->cp[a0]) && match(d, a0 + 1, l.b, "原标题")) {
			size_t q = skip_spaces(d, a0 + 4, l.b);
			if (q < l.b && d->cp[q] == ':')
				a0 = skip_spaces(d, q + 1, l.b);
		} else if (match(d, a0, l.b, "原标题")) {
			size_t q = skip_spaces(d, a0 + 3, l.b);
			if (q + 4 < l.b && d->cp[q] == ':')
				a0 = skip_spaces(d, q + 1, l.b);
		}
		/* 动态：某街道召开…: a column's name and a colon before the title */
		/* ( date 2025-11-12 某縣議會定期會閉幕: a page's date stamp) */
		if (match(d, a0, l.b, "date") && a0 + 5 < l.b && is_space(d->cp[a0 + 4])) {
			size_t q = skip_spaces(d, a0 + 4, l.b), de = q;
			while (de < l.b && (is_digit(d->cp[de]) || d->cp[de] == '-'))
				de++;
			if (de - q == 10 && de < l.b && is_space(d->cp[de])) {
				a0 = skip_spaces(d, de, l.b);
				*glued_pub = (struct span){q, de}; /* the publish date */
			}
		}
		{
			size_t q = a0;
			while (q < l.b && q < a0 + 4 && is_han(d->cp[q]))
				q++;
			/* (影音/某某座談會: a channel's name and a slash; before a
			 * colon only a column's word: 溧阳：某某召开… is the
			 * headline's place, which it keeps) */
			static const char
				*const channels[] = {"动态", "影音", "要闻", "新闻", "视频", "头条",
						     "快讯", "资讯", "时政", "图片", "直播", "聚焦",
						     "关注", "热点", "专题", "政务", "播报", "一线",
						     "回放", "名称" /* 图文回放:, 信息名称: */};
			if (q > a0 + 1 && q < l.b &&
			    (d->cp[q] == '/' ||
			     (d->cp[q] == ':' &&
			      longest_end(d, a0, q, channels, COUNT(channels)))) &&
			    l.b - q > 8 && find(d, a0, q, "会") == NPOS &&
			    find(d, q, l.b, "会") != NPOS && !match(d, a0, q, "标题") &&
			    !longest_end(d, a0, q, place_levels, COUNT(place_levels)))
				a0 = skip_spaces(d, q + 1, l.b);
		}
		/* 某某新闻网——某市政府召开…: the site's name and a dash before
		 * the title */
		{
			static const char *const brands[] = {"网", "新闻", "日报", "融媒", "在线"};
			size_t q = a0;
			while (q < l.b && q < a0 + 12 && is_han(d->cp[q]))
				q++;
			size_t dash = q;
			while (dash < l.b && (d->cp[dash] == 0x2014 || d->cp[dash] == '-'))
				dash++;
			if (q > a0 + 2 && dash > q && l.b - dash > 8 &&
			    longest_end(d, a0, q, brands, COUNT(brands)) &&
			    find(d, a0, q, "会") == NPOS && find(d, dash, l.b, "会") != NPOS)
				a0 = skip_spaces(d, dash, l.b);
		}
		/* 标题: 某某召开… [打印本页]: a print view's label and its button */
		{
			size_t q = a0 + match(d, a0, l.b, "标题");
			q = skip_spaces(d, q, l.b);
			if (q > a0 && q < l.b && d->cp[q] == ':')
				a0 = skip_spaces(d, q + 1, l.b);
		}
		/* 《直通县市》某某主持召开…: a column's name in title marks (a
		 * document's title names a kind of document: 《…方案》召开… is
		 * no column) */
		static const char *const documents[] = {"方案", "办法", "报告", "意见", "规划",
							"通知", "条例", "决定", "规定", "计划",
							"纲要", "细则", "法",   "要点", "纪要"};
		if (d->cp[a0] == 0x300A) {
			for (size_t k = a0 + 2; k < l.b && k <= a0 + 8; k++)
				if (d->cp[k] == 0x300B) {
					if (l.b - k > 8 && find(d, k, l.b, "会") != NPOS &&
					    !longest_end(d, a0 + 1, k, documents, COUNT(documents)))
						a0 = skip_spaces(d, k + 1, l.b);
					break;
				}
		}
		/* • 会议题目 • …: a label between bullets */
		if (d->cp[a0] == 0x2022 || d->cp[a0] == 0xB7 || d->cp[a0] == 0x25CF) {
			for (size_t k = a0 + 1; k < l.b && k <= a0 + 12; k++)
				if (d->cp[k] == d->cp[a0] && k + 4 < l.b) {
					a0 = skip_spaces(d, k + 1, l.b);
					break;
				}
		}
		/* …全体会议 于伟主持 王伶雅: a byline glued on after a space */
		size_t b0 = l.b;
		static const char *const byline[] = {"主持", "记者", "编辑", "通讯员"};
		for (size_t k = a0 + 8; k < l.b; k++)
			if (is_space(d->cp[k]) && !is_space(d->cp[k - 1]) && l.b - k <= 16 &&
			    has_any(d, k, l.b, byline, COUNT(byline)) &&
			    !ends_with(d, k, l.b, "主持", NULL)) { /* …召开 某某主持: a deck */
				b0 = k;
				break;
			}
		/* …推进会 —— 某某党媒云| 社区频道: a site's name after a dash,
		 * with a bar in it */
		for (size_t k = a0 + 6; k + 1 < b0; k++)
			if (((d->cp[k] == 0x2014 && d->cp[k + 1] == 0x2014) || d->cp[k] == '_') &&
			    (is_space(d->cp[k - 1]) || d->cp[k] == '_') &&
			    (find(d, k, b0, "|") != NPOS || find(d, k, b0, "丨") != NPOS)) {
				b0 = k;
				while (b0 > a0 && is_space(d->cp[b0 - 1]))
					b0--;
				site_cut = 1;
				break;
			}
		/* …常务会议--政府会议 -- 某市人民政府: a page's title with its
		 * column and site after double dashes (or " - ") */
		/* (…座談會--馬祖日報: a paper's) */
		static const char *const site_ends[] = {"人民政府", "政府网", "门户网站", "网",
							"日报",     "晚报",   "时报"};
		/* (…胜利召开 ..._某某传媒网: a search result's title, cut short,
		 * the site's after an underscore) */
		for (size_t k = a0 + 6; k + 2 < b0 && !site_cut; k++)
			if (((d->cp[k] == '-' && d->cp[k + 1] == '-') || d->cp[k] == '_' ||
			     (d->cp[k] == '-' && is_space(d->cp[k - 1]) &&
			      is_space(d->cp[k + 1]))) &&
			    longest_end(d, k, b0, site_ends, COUNT(site_ends)) > 0 &&
			    find(d, a0, k, "会") != NPOS) {
				b0 = k;
				while (b0 > a0 &&
				       (is_space(d->cp[b0 - 1]) || d->cp[b0 - 1] == '.' ||
					d->cp[b0 - 1] == 0x2026 /* … */))
					b0--;
				site_cut = 1;
			}
		{
			size_t pr = find(d, a0, b0, "[打印");
			if (pr != NPOS && pr > a0 + 4) {
				b0 = pr;
				while (b0 > a0 && is_space(d->cp[b0 - 1]))
					b0--;
			}
		}
		/* 某县召开县政府工作例会|当前视点, …常务会议-某某|某市|常务会议-新闻:
		 * the page's column or its keyword tags after the name, set off
		 * by a bar or a dash */
		for (size_t k = a0 + 6; k < b0; k++) {
			if (d->cp[k] != '|' && d->cp[k] != '-')
				continue;
			size_t bar = find(d, k + 1, b0, "|");
			int tags = bar != NPOS;
			int column =
				d->cp[k] == '|' && b0 - k <= 8 && find(d, k + 1, b0, "会") == NPOS;
			if (find(d, a0, k, "会") != NPOS && (tags || column)) {
				b0 = k;
				while (b0 > a0 && is_space(d->cp[b0 - 1]))
					b0--;
				break;
			}
		}
		/* …工作会议 | 主题分类：| 重大会议: an index block's fields after a bar */
		{
			static const char *const fields[] = {"主题分类", "体裁分类", "发布机构",
							     "索引号"};
			/* (信息名称：… 主题分类：…: or after a space, with its colon) */
			for (size_t k = a0 + 4; k < b0; k++)
				if ((d->cp[k] == '|' && match_any(d, skip_spaces(d, k + 1, b0), b0,
								  fields, COUNT(fields), NULL)) ||
				    (is_space(d->cp[k]) && !is_space(d->cp[k - 1]) &&
				     field_with_colon(d, k + 1, b0, fields, COUNT(fields)))) {
					b0 = k;
					while (b0 > a0 && is_space(d->cp[b0 - 1]))
						b0--;
					break;
				}
		}
		/* …主管工作會報 發布日期:2014-04-21: the publish line glued on */
		static const char *const glued[] = {"发布日期", "发布时间", "来源:"};
		for (size_t k = a0 + 4; k < l.b; k++)
			if (is_space(d->cp[k - 1]) &&
			    match_any(d, k, l.b, glued, COUNT(glued), NULL)) {
				b0 = k - 1;
				while (b0 > a0 && is_space(d->cp[b0 - 1]))
					b0--;
				*glued_pub = (struct span){k, l.b};
				break;
			}
		if (b0 > a0 + 1 && is_close_bracket(d->cp[b0 - 1]) && a0 > l.a &&
		    is_open_bracket(d->cp[l.a]) && match(d, l.a + 1, l.b, "原标题"))
			b0--; /* (原标题:…) */
		while (b0 > a0 + 1 && (d->cp[b0 - 1] == '|' || is_space(d->cp[b0 - 1])))
			b0--; /* …召集人會議 | */
		/* 某某常务会议召开 要闻-某某站 作者 3378347, and the same title
		 * alone on a line below: the words after the space are the
		 * page's (its column, its author, an id) */
		for (size_t k = a0 + 6; k < b0; k++) {
			/* (某镇召开 第八届…会议: a verb left hanging before the
			 * space goes on after it) */
			if (!is_space(d->cp[k]) || is_space(d->cp[k - 1]) ||
			    ((ends_with(d, a0, k, "召开", NULL) ||
			      ends_with(d, a0, k, "举行", NULL)) &&
			     find(d, a0, k, "会") == NPOS))
				continue;
			for (size_t j = 0; j < nl && j < i + 12; j++) {
				size_t la = skip_spaces(d, lines[j].a, lines[j].b), lb = lines[j].b;
				while (lb > la && is_space(d->cp[lb - 1]))
					lb--;
				if (j != i && lb - la == k - a0 &&
				    memcmp(d->cp + la, d->cp + a0, (k - a0) * sizeof *d->cp) == 0) {
					b0 = k;
					break;
				}
			}
			if (b0 == k)
				break;
		}
		/* 某购物商城，宅配，某縣政府施政總報告 … and the headline alone
		 * a line or two below: what comes before it (a spam mirror's
		 * advertising string, glued on with a comma) is no part of it */
		for (size_t j = i + 1; j < nl && j < i + 12; j++) {
			size_t la = skip_spaces(d, lines[j].a, lines[j].b), lb = lines[j].b;
			while (lb > la && is_space(d->cp[lb - 1]))
				lb--;
			size_t n = lb - la;
			if (n >= 8 && b0 - a0 > n + 2 && d->cp[b0 - n - 1] == ',' &&
			    memcmp(d->cp + la, d->cp + b0 - n, n * sizeof *d->cp) == 0) {
				size_t h = b0 - n - 1;
				/* (余某主持召开市政府常务会议,研究…: a head that
				 * convenes the meeting is the headline's too) */
				int convenes = find(d, a0, h, "会议") != NPOS &&
					       (find(d, a0, h, "召开") != NPOS ||
						find(d, a0, h, "主持") != NPOS);
				if (!convenes && !head_on_its_line(d, lines, nl, i, a0, h))
					a0 = b0 - n;
				break;
			}
		}
		*title = i;
		title_with_site(d, lines, kind, nl, i);
		ta = a0;
		tb = b0;
		m->title = doc_str(d, a0, b0);
		if (!m->title)
			return HY_ERR_NOMEM;
		{
			int rc = title_across_lines(d, lines, kind, nl, title, a0, b0, m);
			if (rc)
				return rc;
		}
		break;
	}
	/* • 标      题:某某主持召开州政府第33次常务会议 in an index table, and
	 * no title line: the table's is the title */
	/* (标题:某某召开… among the page's fields at its foot, after the
	 * story and its source: the last lines too) */
	for (size_t i = 0; *title == NPOS && i < nl; i++) {
		int foot = i + 4 >= nl;
		if (i >= 30 && !foot)
			continue;
		size_t a, b = lines[i].b, j = title_label(d, lines[i].a, b, &a);
		if (j == NPOS || (kind[i] == L_BODY && !foot))
			continue;
		size_t va = skip_spaces(d, j + 1, b), vb = b;
		while (vb > va && is_space(d->cp[vb - 1]))
			vb--;
		if (vb - va < 6 || vb - va > 80 || find(d, va, vb, "会") == NPOS)
			break;
		free(m->title);
		if (!(m->title = doc_str(d, va, vb)))
			return HY_ERR_NOMEM;
		break;
	}
	/* subtitles: short lines after the title that end like a title
	 * (县委十六届六次常委会会议召开) before the opening paragraph */
	for (size_t i = *title + 1; *title != NPOS && i < nl; i++) {
		if (kind[i] == L_BLANK || kind[i] == L_META || kind[i] == L_CHROME)
			continue;
		size_t a1 = lines[i].a, b1 = lines[i].b;
		/* the title again (the first line held it with the site's
		 * name after it) */
		size_t tl = strlen(m->title);
		if (site_cut && b1 > a1 && d->off[b1] - d->off[a1] == tl &&
		    !memcmp(d->s + d->off[a1], m->title, tl)) {
			kind[i] = L_CHROME;
			continue;
		}
		int whole = clause_end(d, a1, b1, 1) == b1;
		/* 研究部署“双节”期间重点工作等: a short line of no clause
		 * that says what the meeting did, with the article after it */
		/* 王某主持并讲话 孙某出席: phrases set apart by spaces, as a
		 * newspaper sets a deck, may name the chair */
		int phrases = 0;
		for (size_t k = a1 + 1; k + 1 < b1; k++)
			phrases |=
				is_space(d->cp[k]) && is_han(d->cp[k - 1]) && is_han(d->cp[k + 1]);
		/* 某某出席, 某某主持并讲话: who came or chaired, the deck alone */
		static const char *const present[] = {"出席", "出席并讲话", "主持",    "主持并讲话",
						      "讲话", "出席会议",   "主持会议"};
		int presence = b1 - a1 <= 14 && find(d, a1, b1, ",") == NPOS &&
			       longest_end(d, a1, b1, present, COUNT(present)) &&
			       count_han(d, a1, b1) >= b1 - a1 - 2;
		int deck = whole && b1 - a1 <= 40 &&
			   (phrases || presence || !is_content_line(d, a1, b1)) &&
			   !starts_new(d, a1, b1) && !item_marker(d, a1, b1) &&
			   !ends_paragraph(d, a1, b1);
		if (deck) {
			/* and only when the opening (主持召开…, 本报讯…, 5月8日…)
			 * comes next, not the rest of a sentence or an item */
			size_t j = i + 1;
			while (j < nl && kind[j] != L_BODY)
				j++;
			deck = j < nl &&
			       (is_content_line(d, lines[j].a, lines[j].b) ||
				starts_new(d, lines[j].a, lines[j].b)) &&
			       !starts_item(d, lines[j].a, lines[j].b);
		}
		/* 传达学习…精神，研究部署…等工作 (no full stop) above 某报讯 1月
		 * 12日，市长某某主持召开…: a longer deck of what the meeting did,
		 * when the next line is the opening that convenes it */
		if (!deck && whole && b1 - a1 <= 64 && !ends_paragraph(d, a1, b1) &&
		    !item_marker(d, a1, b1) && find(d, a1, b1, "主持") == NPOS &&
		    find(d, a1, b1, "召开") == NPOS && agenda_verb_at(d, a1, b1, NULL) != NPOS) {
			size_t j = i + 1;
			while (j < nl && kind[j] != L_BODY)
				j++;
			size_t cj = j < nl ? find(d, lines[j].a, lines[j].b, "主持召开") : NPOS;
			deck = cj != NPOS && cj - lines[j].a <= 80;
		}
		/* 记录摘要 / 某县人民政府办公室 二O一O年四月六日 / 某县人民政府第32次
		 * 常务会议纪要 above 3月24日，县长某某主持召开…: a minutes'
		 * heading, short lines of no sentence, before a dated opening
		 * that convenes the meeting */
		if (!deck && b1 - a1 <= 40 && no_sentence(d, a1, b1) && !item_marker(d, a1, b1) &&
		    find(d, a1, b1, ",") == NPOS) {
			size_t j = i + 1;
			while (j < nl && kind[j] != L_BODY)
				j++;
			while (j < nl && j <= i + 4 && kind[j] == L_BODY &&
			       lines[j].b - lines[j].a <= 40 &&
			       no_sentence(d, lines[j].a, lines[j].b))
				j++;
			deck = j < nl && kind[j] == L_BODY &&
			       starts_new(d, lines[j].a, lines[j].b) &&
			       find(d, lines[j].a, lines[j].b, "主持召开") != NPOS;
		}
		if ((ends_heading(d, a1, b1) && whole) || deck)
			kind[i] = L_CHROME;
		else
			break;
	}
	if (*title != NPOS) {
		title_again(d, lines, kind, nl, *title, ta, tb);
		title_repeated(d, lines, kind, nl, *title, ta, tb);
	}
	return 0;
}
