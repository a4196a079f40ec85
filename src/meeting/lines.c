/* lines.c: pass 1, the text as lines.
 *
 * Knows what starts an agenda item (一、, 会议听取了) and what ends a
 * heading or a paragraph, so the driver can find the title and join lines
 * broken mid-sentence into paragraphs; splits the text into lines or
 * paragraphs, and finds the site's footer. What kind each line is (body,
 * metadata, chrome, blank) and the publish line's rank are linekind.c's. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Numbered item marker at i: 一、 (一) 1. 1、 1) ① 第一 一是. Returns length. */
size_t item_marker(const struct doc *d, size_t i, size_t end)
{
	long v;
	size_t j = i, k;
	if (j < end && d->cp[j] >= 0x2460 && d->cp[j] <= 0x2473) /* ① */
		return 1;
	/* 壹、貳、參、: the numerals of accounts, as Taiwan's minutes number
	 * their parts */
	static const char *const formal[] = {"壹", "贰", "叁", "参", "肆", "伍",
					     "陆", "柒", "捌", "玖", "拾"};
	if (match_any(d, j, end, formal, COUNT(formal), NULL) && j + 1 < end &&
	    d->cp[j + 1] == 0x3001)
		return 2;
	/* I. II. IV.: the Roman numbers of minutes' items (a capital I, V or
	 * X run, a dot, then a space or Han) */
	{
		size_t r = j;
		while (r < end && r - j < 4 &&
		       (d->s[d->off[r]] == 'I' || d->s[d->off[r]] == 'V' || d->s[d->off[r]] == 'X'))
			r++;
		if (r > j && r + 1 < end && d->cp[r] == '.' &&
		    (is_space(d->cp[r + 1]) || is_han(d->cp[r + 1])))
			return r + 1 - i;
	}
	int paren = j < end && d->cp[j] == '(';
	if (paren)
		j++;
	if (match(d, j, end, "第"))
		j++;
	if (!(k = parse_num(d, j, end, &v)) || k > 3 || v < 1 || v > 50)
		return 0;
	j += k;
	if (j >= end)
		return 0;
	uint32_t c = d->cp[j];
	if (paren)
		return c == ')' ? j + 1 - i : 0;
	if (c == 0x3001 || c == ')' || c == ',' ||
	    (c == '.' && is_digit(d->cp[j - 1]) && !(j + 1 < end && is_digit(d->cp[j + 1]))))
		return j + 1 - i;
	if (match(d, j, end, "是") && !is_digit(d->cp[i]))
		return j + 1 - i;
	return 0;
}

/* Paragraph-initial agenda verb: returns the index just after the verb and
 * the verb's start in *vstart, or NPOS. Skips an item marker and a lead. */
size_t agenda_verb_at(const struct doc *d, size_t a, size_t end, size_t *vstart)
{
	size_t i = skip_spaces(d, a, end);
	i += item_marker(d, i, end);
	i = skip_spaces(d, i, end);
	/* “会议审议并通过了…: a stray quotation mark before the item (a quote
	 * closed in the same sentence is the item's words, not a stray one) */
	if (i < end && (d->cp[i] == 0x201C || d->cp[i] == 0x300C) && i + 1 < end) {
		size_t q = clause_end(d, i + 1, end, 1), k = i + 1;
		while (k < q && d->cp[k] != 0x201D && d->cp[k] != 0x300D)
			k++;
		if (k == q)
			i++;
	}
	for (int round = 0; round < 2; round++) {
		size_t m = match_any(d, i, end, verb_lead, COUNT(verb_lead), NULL);
		if (!m)
			break;
		i += m;
		if (i < end && d->cp[i] == ',')
			i++;
	}
	size_t m = match_any(d, i, end, agenda_verbs, COUNT(agenda_verbs), NULL);
	/* 会议邀请某局负责人作…的讲座: a lecture the meeting heard is an
	 * item (not 邀请某某列席, who attended) */
	if (!m && i > a && match(d, i, end, "邀请")) {
		static const char *const talks[] = {"讲座",     "辅导", "授课",    "解读",
						    "专题报告", "宣讲", "专题讲解"};
		size_t e = clause_end(d, i, end, 0);
		if (e - i <= 60 && has_any(d, i, e, talks, COUNT(talks)))
			m = 2;
	}
	if (!m)
		return NPOS;
	/* "会议研究决定，…", "会议学习贯彻…" are not agenda objects */
	static const char *const not_objects[] = {"决定", "认为", "同意", "表示",
						  "贯彻", "指出", "强调"};
	if (match_any(d, i + m, end, not_objects, COUNT(not_objects), NULL))
		return NPOS;
	if (vstart)
		*vstart = i;
	return i + m;
}

int starts_item(const struct doc *d, size_t a, size_t b)
{
	return agenda_verb_at(d, a, b, NULL) != NPOS || item_marker(d, a, b) > 0;
}

/* A line that cannot continue the one before: it starts with a date
 * ("25日，", "5月11日"), or a label and a colon ("出席：", "列席:"). */
int starts_new(const struct doc *d, size_t a, size_t b)
{
	struct ymd t;
	long v;
	size_t k = parse_num(d, a, b, &v);
	if (k && (parse_date(d, a, b, &t) || match(d, a + k, b, "日") || match(d, a + k, b, "号")))
		return 1;
	/* 本报讯 (记者 …): a news lead opens the article, after any subtitle
	 * (本报兰州讯 with the paper's city; 日报讯 with its name cut off) */
	static const char *const leads[] = {"本报", "本网", "本台", "本刊", "日报", "晚报"};
	size_t lk = match_any(d, a, b, leads, COUNT(leads), NULL);
	for (size_t i = a + lk; lk && i < b && i <= a + lk + 4 && is_han(d->cp[i]); i++)
		if (d->cp[i] == 0x8BAF /* 讯 */)
			return 1;
	/* 闭幕式上,…: a stage of the meeting opens a paragraph of its own */
	static const char *const stages[] = {"在开幕式上,", "开幕式上,",   "在闭幕式上,",
					     "闭幕式上,",   "在开幕会上,", "在闭幕会上,",
					     "会上,",       "会议首先,"};
	if (match_any(d, a, b, stages, COUNT(stages), NULL))
		return 1;
	for (size_t i = a; i < b && i < a + 8; i++) {
		if (d->cp[i] == ':')
			return i > a;
		if (!is_han(d->cp[i]))
			break;
	}
	return 0;
}

/* A line that reads as a title or subtitle: it ends with 会议 or 召开. */
int is_field_label(const struct doc *d, size_t a, size_t b)
{
	static const char *const fields[] = {"会议时间", "会议地点", "会议议题", "会议内容",
					     "列席情况", "出席情况", "参会人员", "出席人员",
					     "列席人员", "会议主持", "主持人"};
	while (b > a && is_space(d->cp[b - 1]))
		b--;
	a = skip_spaces(d, a, b);
	size_t k = match_any(d, a, b, fields, COUNT(fields), NULL);
	return k && a + k == b;
}

int ends_heading(const struct doc *d, size_t a, size_t b)
{
	if (is_field_label(d, a, b)) /* 会议时间 / 2023-04-03: its value below */
		return 1;
	static const char *const ends[] = {"召开", "举行", "会议", "会议召开"};
	for (size_t t = 0; t < COUNT(ends); t++)
		if (ends_with(d, a, b, ends[t], NULL))
			return b - a <= 40;
	return 0;
}

int ends_paragraph(const struct doc *d, size_t a, size_t b)
{
	if (a >= b)
		return 1;
	uint32_t c = d->cp[b - 1];
	if (c == 0x3002 || c == '!' || c == '?' || c == ';' || c == 0x2026)
		return 1;
	if (is_close_bracket(c) && b - a >= 2) {
		uint32_t p = d->cp[b - 2];
		return p == 0x3002 || p == '!' || p == '?' || c == ')' || c == 0x3011;
	}
	return 0;
}

/* The text cut at every '\n' (lines; blank ones kept, as empty spans), or
 * with paragraphs = 1 at every "\n\n" (paragraphs; blank ones dropped).
 * Each span is trimmed. NULL when out of memory. */
struct span *split_spans(const struct doc *d, int paragraphs, size_t *n)
{
	size_t cap = 16, k = 0, step = paragraphs ? 2 : 1;
	struct span *v = malloc(cap * sizeof *v);
	if (!v)
		return NULL;
	for (size_t i = 0, s = 0; i <= d->n; i++) {
		if (i < d->n &&
		    !(d->cp[i] == '\n' && (!paragraphs || (i + 1 < d->n && d->cp[i + 1] == '\n'))))
			continue;
		if (k == cap) {
			cap *= 2;
			struct span *nv = realloc(v, cap * sizeof *v);
			if (!nv) {
				free(v);
				return NULL;
			}
			v = nv;
		}
		v[k].a = s;
		v[k].b = i;
		trim(d, &v[k].a, &v[k].b);
		if (!paragraphs || v[k].b > v[k].a)
			k++;
		s = i + step;
		i += step - 1;
	}
	*n = k;
	return v;
}

/* How many of the n words occur in d, each counted once: one pass over
 * the text, a word tried only where its first character stands (n at most
 * 64). */
size_t count_words(const struct doc *d, const char *const *words, size_t n)
{
	uint32_t first[64];
	uint64_t seen = 0;
	unsigned char opens[256] = {0}; /* by a first character's low byte */
	if (n > 64)
		n = 64;
	for (size_t w = 0; w < n; w++) {
		const unsigned char *p = (const unsigned char *)words[w];
		first[w] = pat_next(&p);
		opens[first[w] & 0xFF] = 1;
	}
	for (size_t i = 0; i < d->n; i++)
		for (size_t w = 0; opens[d->cp[i] & 0xFF] && w < n; w++)
			if (d->cp[i] == first[w] && !(seen >> w & 1) && match(d, i, d->n, words[w]))
				seen |= (uint64_t)1 << w;
	size_t c = 0;
	for (size_t w = 0; w < n; w++)
		c += seen >> w & 1;
	return c;
}

/* HOME / MENU / 议会简介 / 议长 / 副议长 / 审查会 / …: a site's menu set a
 * word a line above the story, eight lines or more of ten characters at
 * most with no sentence and no date in them, before the first longer line.
 * Its lines become chrome. */
void nav_menu(const struct doc *d, const struct span *lines, enum line_kind *kind, size_t nl)
{
	size_t run = 0, from = 0;
	for (size_t i = 0; i <= nl; i++) {
		size_t a = i < nl ? skip_spaces(d, lines[i].a, lines[i].b) : 0,
		       b = i < nl ? lines[i].b : 0;
		/* (a line known as chrome, the site's greeting above the menu,
		 * neither begins the story nor breaks the menu) */
		if (i < nl && (kind[i] == L_BLANK || kind[i] == L_CHROME))
			continue;
		int menu_word = i < nl && b - a <= 10 && clause_end(d, a, b, 1) == b &&
				!is_sent_end(d, b - 1) &&
				find_date(d, a, b, &(struct ymd){0}, 0) == NPOS;
		if (menu_word) {
			if (!run)
				from = i;
			run++;
			continue;
		}
		if (run >= 8)
			for (size_t k = from; k < i; k++)
				if (kind[k] != L_BLANK)
					kind[k] = L_CHROME;
		if (i < nl && b - a > 10)
			return; /* the story has begun */
		run = 0;
	}
}

/* A site's footer block: from a short line 联系我们, 友情链接 or 关于我们 in
 * the second half of the page, what follows (addresses, phones, the
 * paper's holidays) is page furniture. Returns that line, nl when none. */
size_t footer_start(const struct doc *d, const struct span *lines, size_t nl)
{
	static const char *const marks[] = {"联系我们", "友情链接", "关于我们", "网站声明"};
	/* or its first contact line, when a cleaner took those away */
	static const char *const contact[] = {"email:", "e-mail:", "电子邮箱:", "电子信箱:"};
	/* 1.某县…会议召开 at the top, 2.某某… below: a digest, its next
	 * story's headline ends the first */
	size_t first = 0;
	while (first < nl && skip_spaces(d, lines[first].a, lines[first].b) >= lines[first].b)
		first++;
	int digest = first < nl && lines[first].b - lines[first].a > 4 &&
		     d->cp[lines[first].a] == '1' && d->cp[lines[first].a + 1] == '.' &&
		     is_han(d->cp[lines[first].a + 2]);
	for (size_t i = first + 1; digest && i < nl; i++) {
		size_t a = lines[i].a, b = lines[i].b;
		int sentence = 0;
		for (size_t q = a; q < b && !sentence; q++)
			sentence = is_sent_end(d, q);
		if (b - a > 4 && d->cp[a] == '2' && d->cp[a + 1] == '.' && is_han(d->cp[a + 2]) &&
		    !sentence)
			return i;
	}
	for (size_t i = nl / 2; i < nl; i++) {
		size_t a = skip_spaces(d, lines[i].a, lines[i].b), b = lines[i].b;
		while (b > a && is_space(d->cp[b - 1]))
			b--;
		if (b > a && (match_any(d, a, b, marks, COUNT(marks), NULL) == b - a ||
			      match_any(d, a, b, contact, COUNT(contact), NULL)))
			return i;
		/* 相关新闻: and the headlines of other stories under it */
		static const char *const related[] = {
			"相关新闻", "相关阅读", "相关文章", "延伸阅读", "推荐阅读", "相关报道",
			"新闻推荐", "推荐新闻", "热点推荐", "猜你喜欢", "相关推荐"};
		size_t b2 = b > a && d->cp[b - 1] == ':' ? b - 1 : b;
		if (b2 > a && match_any(d, a, b2, related, COUNT(related), NULL) == b2 - a)
			return i;
		/* 免责声明：本文内容来源于…, 某网版权与免责声明 |: the site's
		 * disclaimer, its numbered clauses after it */
		static const char *const disclaim[] = {
			"免责声明", "版权声明", "不代表本网观点", "不代表本站观点",
			"仅代表作者个人观点", "以上文章仅代表", "小编寄语", "发布留言", "发表评论",
			"数据仅供参考",
			/* 版权作品，未经授权严禁转载: the rights notice, other
			 * stories' headlines after it */
			"未经授权严禁转载", "未经授权不得转载", "版权作品"};
		if (b > a && (match_any(d, a, b, disclaim, COUNT(disclaim), NULL) ||
			      (b - a <= 40 && has_any(d, a, b, disclaim, COUNT(disclaim)))))
			return i;
	}
	return nl;
}

/* 某某副主任做工作通报, 某某院士做专题讲座: photos' captions after the
 * opening, short lines with no punctuation at all, one after another; the
 * paragraph after them does not continue the last */
int is_caption(const struct doc *d, size_t a, size_t b)
{
	trim(d, &a, &b);
	if (b <= a || b - a > 24)
		return 0;
	for (size_t i = a; i < b; i++)
		if (!is_han(d->cp[i]) && !is_space(d->cp[i]) && d->cp[i] != 0x300A &&
		    d->cp[i] != 0x300B) /* 镇长某某作《政府工作报告》 */
			return 0;
	return 1;
}
