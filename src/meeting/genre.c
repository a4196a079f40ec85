/* genre.c: texts that speak of meetings but are no readout of one — a
 * chronicle (…大事记, a line a day or a month), a digest or a news-briefs
 * column, a yearbook's list, a resolution's text, a speech to the hall, a
 * meeting still to come, a visit, a book's contents (is_other_genre), and a meeting's rules or the
 * notice that issues them (rules_text). parse.c rejects them as
 * `not a meeting readout`; `import --force` stores them. */
#include "parse_int.h"

/* Does the paragraph [a, b) name the meeting 某某会 at [w, w + 3) of d
 * (the same three characters ending in 会)? */
static int names_meeting(const struct doc *d, size_t a, size_t b, size_t w)
{
	for (size_t i = a; i + 3 <= b; i++)
		if (d->cp[i + 2] == d->cp[w + 2] && d->cp[i] == d->cp[w] &&
		    d->cp[i + 1] == d->cp[w + 1])
			return 1;
	return 0;
}

/* A digest of several stories (a county's news roll, a column's day): three
 * paragraphs or more, each of thirty characters or more, opening with a
 * day (8月10日，县政协主席某某到某镇指导…; 8月8日晚，县委书记某某带领…), and no
 * meeting named in all of them but one (a work retreat told day by day,
 * 12月15日至16日…务虚会 / 12月15日，参加务虚会的… / 12月16日上午，…务虚会在…,
 * is one readout). */
static int several_stories(const struct doc *d, const struct span *lines,
			   const enum line_kind *kind, size_t nl)
{
	enum { MAXP = 16 };
	size_t pa[MAXP], pb[MAXP], np = 0;
	for (size_t i = 0; i < nl && np < MAXP; i++) {
		size_t a = skip_spaces(d, lines[i].a, lines[i].b);
		struct ymd t;
		size_t k = kind[i] == L_BODY && lines[i].b - a >= 30
				   ? parse_date(d, a, lines[i].b, &t)
				   : 0;
		if (k && t.m && t.d > 0) { /* (a story's first sentences say it) */
			pa[np] = a;
			pb[np++] = lines[i].b - a > 300 ? a + 300 : lines[i].b;
		}
	}
	if (np < 3)
		return 0;
	/* a meeting's name (某某会) in the first dated paragraph or the
	 * second, found again in all of them but one */
	for (size_t f = 0; f < 2; f++)
		for (size_t w = pa[f]; w + 3 <= pb[f]; w++) {
			if (d->cp[w + 2] != 0x4F1A /* 会 */ || !is_han(d->cp[w]) ||
			    !is_han(d->cp[w + 1]))
				continue;
			size_t in = 0;
			for (size_t q = 0; q < np; q++)
				in += names_meeting(d, pa[q], pb[q], w);
			if (in + 1 >= np)
				return 0;
		}
	return 1;
}

/* Texts of other genres that speak of meetings: a chronicle of a week's
 * events (…大事记, its title says so) and a speech (a line opening with
 * 同志们： among the first, as the speaker addresses the hall). */
int is_other_genre(const struct doc *d, const struct span *lines, const enum line_kind *kind,
		   size_t nl, size_t title)
{
	static const char *const digests[] = {"大事记",   "要事记",   "一周要闻",    "要闻回顾",
					      "要闻简报", "新闻简报", "工作动态汇总"};
	if (title != NPOS && has_any(d, lines[title].a, lines[title].b, digests, COUNT(digests)))
		return 1;
	/* 2018年工作回顾: a year's review of work, no meeting in its title */
	static const char *const reviews[] = {"工作回顾", "工作总结", "年度总结"};
	if (title != NPOS && lines[title].b - lines[title].a <= 20 &&
	    longest_end(d, lines[title].a, lines[title].b, reviews, COUNT(reviews)) &&
	    find(d, lines[title].a, lines[title].b, "会") == NPOS)
		return 1;
	for (size_t i = 0, seen = 0; i < nl && seen < 3; i++) {
		if (kind[i] == L_BLANK)
			continue;
		seen++; /* the title may have been taken for a column's name */
		if (lines[i].b - lines[i].a <= 40 &&
		    has_any(d, lines[i].a, lines[i].b, digests, COUNT(digests)))
			return 1;
	}
	/* xx年xx月xx日，某某主持召开了县政府第xx次常务会议: a template for
	 * minutes, its dates and counts left as placeholders (three or more) */
	{
		static const char *const holes[] = {"xx年", "xx月", "xx日", "第xx次",
						    "××年", "××月", "××日", "第××次"};
		size_t n = 0;
		for (size_t i = 0; i < d->n && n < 3; i++) /* (x, ×, 第 open them) */
			if (d->cp[i] == 'x' || d->cp[i] == 0xD7 || d->cp[i] == 0x7B2C)
				n += match_any(d, i, d->n, holes, COUNT(holes), NULL) > 0;
		if (n >= 3)
			return 1;
	}
	/* (2020年5月15日某市十三届人大三次会议第三次全体会议通过): a
	 * resolution's text under the line that says which sitting adopted
	 * it, among the first lines, the whole line in brackets */
	for (size_t i = 0, seen = 0; i < nl && seen < 3; i++) {
		if (kind[i] == L_BLANK)
			continue;
		seen++;
		size_t a = skip_spaces(d, lines[i].a, lines[i].b), b = lines[i].b;
		while (b > a && is_space(d->cp[b - 1]))
			b--;
		struct ymd t;
		if (b > a + 8 && is_open_bracket(d->cp[a]) && is_close_bracket(d->cp[b - 1]) &&
		    (ends_with(d, a + 1, b - 1, "通过", NULL) ||
		     ends_with(d, a + 1, b - 1, "批准", NULL)) &&
		    find_date(d, a + 1, b - 1, &t, 1) != NPOS)
			return 1;
	}
	/* 某会议到会情况的通报: an office's notice about a meeting (who came,
	 * who was absent), not its readout */
	if (title != NPOS && ends_with(d, lines[title].a, lines[title].b, "通报", NULL))
		return 1;
	/* a yearbook's list: 市政府第十二次全体会议 2017年4月14日举行。…, a
	 * line a meeting, three or more */
	size_t held = 0;
	for (size_t i = 0; i < nl; i++) {
		size_t a = skip_spaces(d, lines[i].a, lines[i].b);
		size_t e = lines[i].b - a > 60 ? a + 60 : lines[i].b;
		size_t h = find(d, a, e, "举行");
		size_t w = find(d, a, e, "会议");
		struct ymd t = {0};
		size_t dk = w != NPOS && h != NPOS && w < h ? find_date(d, w, h, &t, 0) : NPOS;
		held += kind[i] == L_BODY && dk != NPOS && t.y && find(d, a, w, "第") != NPOS;
	}
	if (held >= 3)
		return 1;
	/* a list page: three meetings or more, each under its own date line
	 * (2023/02/01, then 会议摘要：市长某主持召开…) */
	size_t dated = 0, convened = 0;
	for (size_t i = 0; i < nl; i++) {
		struct ymd t;
		size_t a = skip_spaces(d, lines[i].a, lines[i].b);
		if (kind[i] == L_META && lines[i].b - a <= 20 && parse_date(d, a, lines[i].b, &t) &&
		    t.y)
			dated++;
		else if (kind[i] == L_BODY && find(d, a, lines[i].b, "主持召开") != NPOS)
			convened++;
	}
	if (dated >= 3 && convened >= 3)
		return 1;
	/* a chronicle: five lines or more opening with a month (2 月3 日 林场
	 *召开…), over three months at least */
	size_t entries = 0, months = 0; /* months: a bit each */
	for (size_t i = 0; i < nl; i++) {
		long v;
		size_t a = skip_spaces(d, lines[i].a, lines[i].b);
		size_t k =
			a < lines[i].b && is_digit(d->cp[a]) ? parse_num(d, a, lines[i].b, &v) : 0;
		if (k && k <= 2 && v >= 1 && v <= 12 &&
		    match(d, skip_spaces(d, a + k, lines[i].b), lines[i].b, "月")) {
			entries++;
			months |= (size_t)1 << v;
		}
	}
	size_t distinct = 0;
	for (; months; months &= months - 1)
		distinct++;
	if (entries >= 5 && distinct >= 3)
		return 1;
	/* a chronicle of one month, a line a day (★8月2日 旗委书记某某…,
	 * ★8月3日 …, 同日 …, or a gazette's 1月4日,…): four lines or more
	 * opening with a day, three days at least */
	size_t daily = 0, days = 0;
	int last_day = -1;
	for (size_t i = 0; i < nl; i++) {
		size_t a = skip_spaces(d, lines[i].a, lines[i].b);
		if (a < lines[i].b && !is_han(d->cp[a]) && !is_digit(d->cp[a]))
			a = skip_spaces(d, a + 1, lines[i].b); /* ★, ◆, ● */
		struct ymd t;
		size_t k = kind[i] == L_BODY ? parse_date(d, a, lines[i].b, &t) : 0;
		/* (1月4日,某旗人民政府与…签订…; 9月16日至18日,…: a comma
		 * or a span after the day likewise) */
		if (k && t.m && t.d > 0 && a + k < lines[i].b &&
		    (is_space(d->cp[a + k]) || d->cp[a + k] == ',' ||
		     match(d, a + k, lines[i].b, "至"))) {
			daily++;
			days += t.m * 32 + t.d != last_day;
			last_day = t.m * 32 + t.d;
		} else if (match(d, a, lines[i].b, "同日") && daily) {
			daily++;
		}
	}
	if (daily >= 4 && days >= 3)
		return 1;
	if (several_stories(d, lines, kind, nl))
		return 1;
	/* a session's programme announced: 议程安排如下, then a line a day
	 * (4月27日 代表报到, 4月28日 停会 …) */
	static const char *const programme[] = {"议程安排如下", "议程如下", "议程规划如",
						"议程排定"};
	if (entries >= 6 && has_any(d, 0, d->n, programme, COUNT(programme)))
		return 1;
	/* 同志们：, 各位代表：(a work report read to a congress, under its
	 * cover lines: 政 府 工 作 报 告 / ——在…会议上 / 市长 某某) */
	static const char *const hall[] = {"同志们", "各位代表", "各位委员"};
	for (size_t i = 0, seen = 0; i < nl && seen < 16; i++) {
		/* 各位代表: alone reads as a label with no value */
		if (kind[i] != L_BODY && kind[i] != L_META)
			continue;
		seen += kind[i] == L_BODY;
		size_t a = skip_spaces(d, lines[i].a, lines[i].b);
		size_t k = match_any(d, a, lines[i].b, hall, COUNT(hall), NULL);
		if (k && (seen <= 6 || k > 3) && a + k < lines[i].b &&
		    (d->cp[a + k] == ':' || d->cp[a + k] == ','))
			return 1;
	}
	/* a meeting still to come (某会宣布，将于2月2日至4日召开临时会; 27日起
	 * 召开): the text's first 召开 is future, and nothing in it was heard,
	 * reviewed or decided */
	size_t cv = find(d, 0, d->n, "召开");
	if (cv != NPOS) {
		size_t st = cv;
		while (st > 0 && d->cp[st - 1] != 0x3002 /* 。 */ && d->cp[st - 1] != '\n')
			st--;
		static const char *const future[] = {"将于", "定于", "拟于", "将在", "将召开"};
		static const char *const done[] = {"听取了",   "审议了",   "研究了",   "通过了",
						   "讨论了",   "部署了",   "传达了",   "学习了",
						   "审定了",   "决定了",   "会议指出", "会议强调",
						   "会议要求", "会议认为", "会议决定", "主持"};
		int later = has_any(d, st, cv, future, COUNT(future)) ||
			    (cv > 0 && d->cp[cv - 1] == 0x8D77 /* 起: 27日起召开 */);
		if (later && !has_any(d, 0, d->n, done, COUNT(done)))
			return 1;
	}
	/* a visit, not a meeting (县委书记某某来到委员驻地，看望慰问出席…会议
	 * 的委员): a visiting verb in the first sentence, and nothing in the
	 * text convened, held, chaired, opened or closed */
	{
		size_t e1 = clause_end(d, 0, d->n, 1);
		static const char *const visit[] = {"看望", "慰问", "走访", "调研", "考察"};
		static const char *const meets[] = {"召开", "举行",     "主持",     "开幕",
						    "闭幕", "会议指出", "会议强调", "会议要求"};
		if (has_any(d, 0, e1, visit, COUNT(visit)) &&
		    !has_any(d, 0, d->n, meets, COUNT(meets)))
			return 1;
	}
	/* a book's or a compilation's contents: titles with dot leaders and
	 * their page numbers (1.某市河长制实施成效……………1), three or more */
	size_t leaders = 0;
	for (size_t i = 0; i + 3 < d->n && leaders < 3; i++)
		if (d->cp[i] == 0x2026 && d->cp[i + 1] == 0x2026 && d->cp[i + 2] != 0x2026 &&
		    is_digit(d->cp[skip_spaces(d, i + 2, d->n)]))
			leaders++;
	if (leaders >= 3)
		return 1;
	return 0;
}

/* A meeting's rules, not a readout of one: about meetings in general
 * (…一般每月召开1-2次, 议事范围), or named so by the title (某校校长办公会
 * 规定, …办法); *regulation is set when lines open with articles (第五条
 * …), a regulation whatever dates it holds. Returns 1 for rules. */
int rules_text(const struct doc *d, const struct span *lines, size_t nl, size_t title,
	       int *regulation)
{
	static const char *const rules[] = {
		"一般每月召开",   "一般每周召开",     "不定期召开",
		"原则上每周召开", "议事规则",         "工作规则",
		"议题由",         "纪要由",           "议事制度",
		"每周召开一次",   "每月召开一次",     "议事范围",
		"本办法",         "本规定",           "例会制度",
		"工作准则",       "会议的主要任务是", "组成人员的半数以上"};
	int about_rules = has_any(d, 0, d->n, rules, COUNT(rules));
	/* 某会议制度 (a meeting's rules by name), but not 完善…会议制度, what a
	 * readout resolves to do about one */
	static const char *const improve[] = {"完善", "健全", "建立", "落实", "执行", "严格"};
	for (size_t at = find(d, 0, d->n, "会议制度"); at != NPOS && !about_rules;
	     at = find(d, at + 1, d->n, "会议制度")) {
		size_t from = at >= 12 ? at - 12 : 0;
		about_rules = find_any(d, from, at, improve, COUNT(improve), NULL) == NPOS;
	}
	/* 一般每两周召开1次, 原则上每季度召开一次: how often, in any period */
	static const char *const usually[] = {"一般每", "原则上每"};
	for (size_t at = find_any(d, 0, d->n, usually, COUNT(usually), NULL);
	     at != NPOS && !about_rules;
	     at = find_any(d, at + 1, d->n, usually, COUNT(usually), NULL)) {
		size_t e = at + 10 < d->n ? at + 10 : d->n, cv = find(d, at, e, "召开");
		about_rules = cv != NPOS && cv + 2 < d->n &&
			      (cn_digit(d->cp[cv + 2]) >= 0 || is_digit(d->cp[cv + 2]));
	}
	/* 某中学校长办公会规定: the title names a rule (规定, 办法, 细则) */
	static const char *const rule_names[] = {"规定", "办法", "细则", "规则",
						 "制度", "章程", "准则"};
	about_rules |= title != NPOS && longest_end(d, lines[title].a, lines[title].b, rule_names,
						    COUNT(rule_names)) > 0;
	/* 第五条 以下事项不提交…: a regulation's articles */
	size_t articles = 0;
	for (size_t i = 0; i < nl && articles < 2; i++) {
		size_t a = skip_spaces(d, lines[i].a, lines[i].b);
		long v;
		size_t k = match(d, a, lines[i].b, "第") ? parse_num(d, a + 1, lines[i].b, &v) : 0;
		articles += k && match(d, a + 1 + k, lines[i].b, "条");
	}
	*regulation = articles >= 2;
	/* 某县人民政府关于印发《…工作规则》的通知: the notice that issues a
	 * document, whatever dates its form gives; its body says so with no
	 * title (各乡镇人民政府，县直各单位：现将《…》印发给你们) */
	if ((title != NPOS && find(d, lines[title].a, lines[title].b, "印发") != NPOS &&
	     ends_with(d, lines[title].a, lines[title].b, "通知", NULL)) ||
	    find(d, 0, d->n, "印发给你们") != NPOS)
		*regulation = about_rules = 1;
	return about_rules;
}
