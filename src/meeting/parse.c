/* parse.c: clean text → struct hy_meeting (meeting.h). Pure: no I/O.
 *
 * The text is read through a folded view (fold.h): traditional and
 * simplified script, full- and half-width punctuation and digits all look
 * the same to the rules below, which are written once, in simplified
 * script with ASCII punctuation. What the parser returns is always cut from the original text, so
 * the record keeps its own script.
 *
 * Two passes. Pass 1 works on lines: it finds the title, the publish line
 * and page chrome, and joins lines that were broken mid-sentence into
 * paragraphs. Pass 2 works on that paragraph text: the opening paragraph
 * gives date, chair, meeting name and people; each later paragraph gives
 * one or more agenda sections.
 *
 * This file is the driver: the order of the passes, pass 1 and what is
 * made of the fields after pass 2 (paragraphs.c). The stages are in their
 * own files (DESIGN.md §3): folded.c (the folded view), linekind.c and
 * lines.c (pass 1), dates.c, people.c, name.c (body, kind, number, place, composed
 * title), body.c and role.c (the body as readers call it, what the chair's
 * role says of it), place.c and sections.c; parse_int.h is what they
 * share. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The text rewritten (re: a headline unglued, joined paragraphs split)
 * is parsed from the start instead; what the first reading held goes. */
static int parse_again(struct doc *d, struct span *lines, enum line_kind *kind, struct buf *re,
		       struct hy_meeting *m)
{
	free(lines);
	free(kind);
	doc_share(NULL); /* (d is the view shared) */
	doc_free(d);
	int rc = hy_meeting_parse(re->s, re->n, m);
	free(re->s);
	return rc;
}

static int parse_text(const char *text, size_t len, struct hy_meeting *m);

/* The parse with the text's fold shared (folded.c doc_share): the place
 * finders and the others that read the text again borrow it, pass 1's
 * doc, then its head's. Whichever way the parse returns (a second parse
 * of a text re-lined included), the view shared before is given back. */
int hy_meeting_parse(const char *text, size_t len, struct hy_meeting *m)
{
	const struct doc *was = doc_share(NULL);
	int rc = parse_text(text, len, m);
	doc_share(was);
	return rc;
}

/* Does the opening give the meeting's day, if only the day (18日，…)? */
static int opening_day(const struct hy_meeting *m)
{
	struct doc s;
	if (!m->summary || doc_init(&s, m->summary, strlen(m->summary)))
		return 0;
	struct ymd t = {0};
	int day = find_date(&s, 0, s.n, &t, 0) != NPOS && t.d > 0;
	for (size_t i = 0; i < s.n && !day; i++) { /* (18日: a day alone) */
		long v = 0;
		size_t k = (i == 0 || !is_digit(s.cp[i - 1])) && is_digit(s.cp[i])
				   ? parse_num(&s, i, s.n, &v)
				   : 0;
		day = k && k <= 2 && v >= 1 && v <= 31 && match(&s, i + k, s.n, "日");
	}
	doc_free(&s);
	return day;
}

static int parse_text(const char *text, size_t len, struct hy_meeting *m)
{
	memset(m, 0, sizeof *m);
	if (!text)
		return HY_ERR_INVALID;
	struct doc d, head = {0};
	int rc = doc_init(&d, text, len);
	if (rc)
		return rc;
	doc_share(&d);
	size_t nl;
	struct span *lines = split_spans(&d, 0, &nl);
	struct buf body = {0};
	struct meta mt = {0};
	struct hy_meeting line_chair = {0};
	enum line_kind *kind = NULL;
	if (!lines) {
		rc = HY_ERR_NOMEM;
		goto out;
	}
	kind = malloc((nl + 1) * sizeof *kind);
	if (!kind) {
		rc = HY_ERR_NOMEM;
		goto out;
	}
	size_t nbody = 0, title = NPOS;
	/* a text in Chinese at all (a short line without any is chrome there) */
	int chinese = count_han(&d, 0, d.n < 4096 ? d.n : 4096) >= 8;
	int novel = 0;
	struct span glued_pub = {0, 0}; /* a publish line on the title's line */
	size_t crumbs = 0;              /* a breadcrumb written as a numbered list */
	for (size_t i = 0, label = 0; i < nl; i++) {
		kind[i] = classify_line(&d, lines[i].a, lines[i].b, chinese);
		/* 1. 您现在的位置:首页 / 2. 时政要闻 / 3. (the title): each crumb
		 * an item of a list; the title is the page's next line */
		{
			static const char *const here[] = {"您现在的位置", "您当前的位置",
							   "当前位置", "您的位置"};
			size_t a0 = skip_spaces(&d, lines[i].a, lines[i].b), mk = 0;
			/* (1. with a space after it, as a list prints it) */
			if (a0 + 2 < lines[i].b && is_digit(d.cp[a0]) && d.cp[a0 + 1] == '.')
				mk = skip_spaces(&d, a0 + 2, lines[i].b) - a0;
			if (mk && lines[i].b - a0 <= 60 &&
			    (match_any(&d, a0 + mk, lines[i].b, here, COUNT(here), NULL) ||
			     (crumbs && i == crumbs)))
				kind[i] = L_CHROME, crumbs = i + 1;
			else if (kind[i] != L_BLANK)
				crumbs = 0;
		}
		/* 信息来源: on one line, 今日开鲁 on the next: the label's value
		 * (but 成文日期: empty, then the title that names a meeting) */
		if (label && kind[i] == L_BODY && lines[i].b - lines[i].a <= 20 &&
		    clause_end(&d, lines[i].a, lines[i].b, 1) == lines[i].b &&
		    !is_content_line(&d, lines[i].a, lines[i].b) &&
		    (label == 2 || !ends_with(&d, lines[i].a, lines[i].b, "会议", NULL)))
			kind[i] = L_META;
		/* 信息分类 / 政府会议: an index table's cell alone on its line,
		 * its value (a category, however it ends) on the next */
		static const char *const cells[] = {"索引号",   "信息分类", "主题分类", "发布机构",
						    "文号",     "组配分类", "体裁分类", "公开方式",
						    "公开范围", "服务对象", "所属机构"};
		if (kind[i] == L_BLANK)
			continue;
		label = lines[i].b > lines[i].a && d.cp[lines[i].b - 1] == ':' && kind[i] == L_META;
		if (!label) {
			size_t c0 = skip_spaces(&d, lines[i].a, lines[i].b), c1 = lines[i].b;
			while (c1 > c0 && is_space(d.cp[c1 - 1]))
				c1--;
			size_t k = match_any(&d, c0, c1, cells, COUNT(cells), NULL);
			label = k && c0 + k == c1 ? 2 : 0;
		}
		nbody += kind[i] == L_BODY;
	}
	for (size_t i = footer_start(&d, lines, nl); i < nl; i++) /* lines.c */
		kind[i] = L_CHROME;
	nav_menu(&d, lines, kind, nl); /* lines.c: HOME / 议会简介 / 议长 / … */
	/* 某农场召开…大会 1月22日,某农场召开…: a headline glued to the opening
	 * by a space; read again with it on a line of its own (lines.c) */
	{
		struct buf re = {0};
		if ((rc = unglue_headline(&d, lines, kind, nl, &re)) == 1)
			return parse_again(&d, lines, kind, &re, m);
		free(re.s);
		if (rc)
			goto out;
	}
	/* attendance blocks of minutes, one entry a line (minutes.c) */
	{
		struct buf re = {0};
		if ((rc = minutes_blocks(&d, lines, nl, &re)) == 1)
			return parse_again(&d, lines, kind, &re, m);
		free(re.s);
		if (rc)
			goto out;
	}
	{
		struct buf re = {0};
		if ((rc = table_agenda(&d, lines, nl, &re)) == 1)
			return parse_again(&d, lines, kind, &re, m);
		free(re.s);
		if (rc)
			goto out;
	}
	/* minutes set out as labels, each on its line with its value on the
	 * next (minutes.c) */
	{
		struct buf re = {0};
		if ((rc = label_lines(&d, lines, kind, nl, &re)) == 1)
			return parse_again(&d, lines, kind, &re, m);
		free(re.s);
		if (rc)
			goto out;
	}
	/* paragraphs joined by spaces on one line, a numbered form run
	 * together on one line: parse them apart */
	{
		static int (*const splitters[])(const struct doc *, const struct span *,
						const enum line_kind *, size_t, struct buf *) = {
			split_joined_paragraphs, split_numbered_runs};
		for (size_t k = 0; k < COUNT(splitters); k++) {
			struct buf re = {0};
			int sp = splitters[k](&d, lines, kind, nl, &re);
			if (sp == 1)
				return parse_again(&d, lines, kind, &re, m);
			free(re.s);
			if (sp) {
				rc = sp;
				goto out;
			}
		}
	}
	/* a whole article on one line */
	if (nbody <= 2) {
		for (size_t i = 0; i < nl; i++) {
			if (kind[i] != L_BODY || lines[i].b - lines[i].a < 100)
				continue;
			struct buf re = {0};
			for (size_t j = 0; j < nl && !rc; j++) {
				if (j == i)
					rc = split_article_line(&d, lines[j], &re);
				else if (lines[j].b > lines[j].a)
					rc = buf_add(&re, d.s + d.off[lines[j].a],
						     d.off[lines[j].b] - d.off[lines[j].a]) ||
							     buf_add(&re, "\n", 1)
						     ? HY_ERR_NOMEM
						     : 0;
			}
			if (!rc && re.s) {
				/* parse the re-lined text instead (it has more lines) */
				struct doc d2;
				size_t nl2;
				struct span *l2;
				if (doc_init(&d2, re.s, re.n)) {
					rc = HY_ERR_NOMEM;
				} else {
					l2 = split_spans(&d2, 0, &nl2);
					free(l2);
					doc_free(&d2);
					if (!l2)
						rc = HY_ERR_NOMEM;
					if (l2 && nl2 > nl) {
						free(lines);
						free(kind);
						doc_share(NULL);
						doc_free(&d);
						rc = hy_meeting_parse(re.s, re.n, m);
						free(re.s);
						return rc;
					}
				}
			}
			free(re.s);
			if (rc)
				goto out;
			break;
		}
	}
	/* a novel's scene with its chapter mark cut off: lines of dialogue
	 * (opening with a quotation mark), which no readout has */
	size_t dialogue = 0;
	for (size_t i = 0; i < nl; i++) {
		size_t a0 = skip_spaces(&d, lines[i].a, lines[i].b);
		dialogue += kind[i] != L_BLANK && a0 < lines[i].b &&
			    (d.cp[a0] == '"' || d.cp[a0] == 0x201C || d.cp[a0] == 0x300C) &&
			    lines[i].b - a0 > 20; /* “ folds to " */
		/* 薛某说：“…”, 某某说道：“…”: a character speaking */
		static const char *const says[] = {"说:\"", "道:\"", "说:\u300c", "道:\u300c"};
		dialogue += kind[i] != L_BLANK && has_any(&d, a0, lines[i].b, says, COUNT(says));
	}
	/* a scene told as fiction: what characters do with their faces and
	 * cups (喝了一口茶, 清了清嗓子, 望着…感叹不已), or a narrator's own
	 * words (我说:), which no readout tells; two such gestures or more */
	static const char *const gestures[] = {
		"喝了一口茶", "清了清嗓子", "点了点头",   "皱了皱眉", "笑了笑",   "叹了口气",
		"微微一笑",   "咳嗽了一声", "感叹不已",   "心里暗",   "心中暗想", "眼神",
		"愣了一下",   "摆了摆手",   "抬起头",     "低下头",   "望着",     "心想",
		"苦笑",       "冷笑",       "笑道",       "问道",     "窃窃私语", "铁青着脸",
		"一言不发",   "眉头紧锁",   "深吸一口气", "嘴角",     "看了眼",   "看了一眼",
		"示意",       "我说:"};
	size_t narrative = count_words(&d, gestures, COUNT(gestures));
	if (narrative >= 2 && dialogue < 2)
		dialogue = 2; /* (read as dialogue is: no readout, when undated) */
	/* a story: it opens on a day the text never dates (当天上午, 第二天)
	 * or fills a notice with placeholders (自某年某月某日) */
	static const char *const story_days[] = {"当天", "这天", "那天", "第二天", "次日"};
	int story = find(&d, 0, d.n, "某年某月") != NPOS;
	for (size_t i = 0; i < nl && !story; i++)
		if (kind[i] == L_BODY) {
			story = match_any(&d, skip_spaces(&d, lines[i].a, lines[i].b), lines[i].b,
					  story_days, COUNT(story_days), NULL) > 0;
			break;
		}
	/* a chapter of a novel about a meeting (第663章 …) among the first lines */
	for (size_t i = 0, seen = 0; i < nl && seen < 8; i++) {
		if (kind[i] == L_BLANK)
			continue;
		seen++;
		long ch;
		size_t a0 = skip_spaces(&d, lines[i].a, lines[i].b);
		size_t k = match(&d, a0, lines[i].b, "第") ? parse_num(&d, a0 + 1, lines[i].b, &ch)
							   : 0;
		static const char *const reader_site[] = {"加入书签", "本章报错", "全文阅读",
							  "下一章",   "上一章",   "返回目录"};
		/* 某某小说网 > 言情小说 > …: a novel site's breadcrumb */
		int site = lines[i].b - lines[i].a <= 80 &&
			   find(&d, lines[i].a, lines[i].b, "小说") != NPOS &&
			   find(&d, lines[i].a, lines[i].b, ">") != NPOS;
		/* 第(3/3)页 opening the text: a novel site's page of a chapter */
		long pg;
		size_t kp = match(&d, a0, lines[i].b, "第(")
				    ? parse_num(&d, a0 + 2, lines[i].b, &pg)
				    : 0;
		size_t sl = kp && match(&d, a0 + 2 + kp, lines[i].b, "/")
				    ? parse_num(&d, a0 + 3 + kp, lines[i].b, &pg)
				    : 0;
		int pages = sl && match(&d, a0 + 3 + kp + sl, lines[i].b, ")页");
		/* 某某提示您:看后求收藏(某某小说 www…): a novel site's plea */
		int plea = lines[i].b - lines[i].a <= 100 &&
			   find(&d, lines[i].a, lines[i].b, "求收藏") != NPOS;
		if (site || pages || plea || (k && match(&d, a0 + 1 + k, lines[i].b, "章")) ||
		    (lines[i].b - lines[i].a <= 40 &&
		     has_any(&d, lines[i].a, lines[i].b, reader_site, COUNT(reader_site))))
			novel = 1;
	}
	/* 会议现场 / 图为…: the photo's captions follow, line by line, up to
	 * the opening (党组书记李某传达…精神): a caption names no meeting
	 * convened, so it is no title either */
	for (size_t i = 0, seen = 0; i < nl && seen < 6; i++) {
		if (kind[i] == L_BLANK)
			continue;
		seen++;
		static const char *const photo[] = {"会议现场", "图为", "图片"};
		if (kind[i] != L_CHROME ||
		    !match_any(&d, lines[i].a, lines[i].b, photo, COUNT(photo), NULL))
			continue;
		static const char *const convened[] = {"召开", "举行", "会议", "会"};
		for (size_t j = i + 1; j < nl && j <= i + 4; j++) {
			struct span l = lines[j];
			if (kind[j] == L_BLANK)
				continue;
			if (kind[j] != L_BODY || l.b - l.a > 60 || is_sent_end(&d, l.b - 1) ||
			    find_date(&d, l.a, l.b, &(struct ymd){0}, 0) != NPOS ||
			    has_any(&d, l.a, l.b, convened, 2) ||
			    match_any(&d, l.b - 2 < l.a ? l.a : l.b - 2, l.b, convened + 2, 2,
				      NULL))
				break;
			kind[j] = L_CHROME;
		}
		break;
	}
	/* the title and its subtitles (title.c) */
	if ((rc = find_title(&d, lines, kind, nl, chinese, m, &title, &glued_pub)))
		goto out;
	/* publish time: the best-ranked date line */
	int best = 0;
	for (size_t i = 0; i < nl; i++) {
		if (kind[i] == L_META && !mt.year)
			mt.year = issue_year(&d, lines[i].a, lines[i].b);
		if (kind[i] != L_META &&
		    !(kind[i] == L_BODY && i == title + 1 && lines[i].b - lines[i].a < 60 &&
		      !is_content_line(&d, lines[i].a, lines[i].b) &&
		      clause_end(&d, lines[i].a, lines[i].b, 0) == lines[i].b))
			continue;
		struct ymd t;
		int r = publish_rank(&d, lines[i], title != NPOS && i < title, &t);
		if (r > best) {
			best = r;
			mt.pub = t;
			mt.has_pub = 1;
		}
		if (kind[i] == L_BODY && r)
			kind[i] = L_META;
	}
	/* [ 政协 ] / 2022 / 02-14 / 09:47: a widget's stamp, the year on a line
	 * of its own above the month and day (after the title) */
	for (size_t i = title + 1; title != NPOS && !best && i + 1 < nl && i < title + 8; i++) {
		size_t a = skip_spaces(&d, lines[i].a, lines[i].b), b = lines[i].b;
		while (b > a && is_space(d.cp[b - 1]))
			b--;
		size_t j = i + 1;
		while (j < nl && kind[j] == L_BLANK)
			j++;
		if (b - a != 4 || j == nl || !is_digit(d.cp[a]) || !is_digit(d.cp[a + 3]))
			continue;
		size_t ja = skip_spaces(&d, lines[j].a, lines[j].b), jb = lines[j].b;
		while (jb > ja && is_space(d.cp[jb - 1]))
			jb--;
		long y = 0, mo = 0, dd = 0;
		size_t ky = parse_num(&d, a, b, &y), km = parse_num(&d, ja, jb, &mo);
		size_t kd = km && ja + km < jb && d.cp[ja + km] == '-'
				    ? parse_num(&d, ja + km + 1, jb, &dd)
				    : 0;
		struct ymd t = {.y = (int)y, .m = (int)mo, .d = (int)dd, .hh = -1, .mm = -1};
		if (ky == 4 && km == 2 && kd == 2 && ja + km + 1 + kd == jb && y >= 1990 &&
		    y <= 2100 && mo >= 1 && mo <= 12 && dd >= 1 && dd <= 31) {
			best = 1;
			mt.pub = t;
			mt.has_pub = 1;
		}
	}
	if (glued_pub.b > glued_pub.a) {
		struct ymd t;
		int r = publish_rank(&d, glued_pub, 0, &t);
		if (r > best) {
			best = r;
			mt.pub = t;
			mt.has_pub = 1;
		}
	}
	if (mt.has_pub) {
		m->published = fmt_date(&mt.pub, 1);
		if (!m->published) {
			rc = HY_ERR_NOMEM;
			goto out;
		}
	}
	/* join body lines into paragraphs (blank-line separated) */
	int open = 0;         /* a paragraph is open and wants its continuation */
	int prev_heading = 0; /* the last line was "一、关于…" alone */
	int in_part = 0;      /* inside 壹、… of minutes */
	int said = 0;         /* a paragraph has ended: the opening is behind */
	size_t captions = 0;  /* photo captions in a row, up to the last line */
	static const char *const formal_numerals[] = {"壹", "贰", "叁", "参", "肆", "伍",
						      "陆", "柒", "捌", "玖", "拾"};
	size_t prev = 0; /* the last body line */
	for (size_t i = 0; i < nl; i++) {
		/* 2 |: an agenda table's number, a paragraph of its own before
		 * its item's (parse_body keeps the item, however short) */
		if (number_cell(&d, lines[i].a, lines[i].b)) {
			if ((body.n && (rc = buf_add(&body, "\n\n", 2))) ||
			    (rc = buf_add(&body, d.s + d.off[lines[i].a],
					  d.off[lines[i].b] - d.off[lines[i].a])))
				goto out;
			open = 0;
			prev = i;
			continue;
		}
		if (kind[i] != L_BODY || i == title)
			continue;
		struct span l = lines[i];
		/* "一、关于春季森林防火工作" on its own line: what follows is
		 * its text, even when that starts with 会议听取了 */
		int under_heading = open && prev_heading;
		/* 壹、頒獎 / 貳、… / 參、討論事項: a part of minutes runs to the
		 * next part, its numbered cases (一、 (一)) and rulings inside */
		size_t l0 = skip_spaces(&d, l.a, l.b);
		int part = l0 + 1 < l.b && d.cp[l0 + 1] == 0x3001 &&
			   match_any(&d, l0, l.b, formal_numerals, COUNT(formal_numerals), NULL);
		if (in_part && !part) {
			rc = buf_add(&body, "\n", 1);
			if (!rc)
				rc = buf_add(&body, d.s + d.off[l.a], d.off[l.b] - d.off[l.a]);
			if (rc)
				goto out;
			prev = i;
			continue;
		}
		in_part = part;
		if (part)
			open = 0;
		if (open && !under_heading &&
		    (starts_item(&d, l.a, l.b) || starts_new(&d, l.a, l.b) ||
		     is_field_label(&d, l.a, l.b) ||
		     ends_heading(&d, lines[prev].a, lines[prev].b) ||
		     (said && is_caption(&d, lines[prev].a, lines[prev].b) &&
		      (captions >= 2 || is_caption(&d, l.a, l.b)))))
			open = 0;
		if (under_heading && item_marker(&d, l.a, l.b))
			open = 0; /* the next numbered heading */
		/* …8个议题进行了深入研究 / 会议指出，…: a long paragraph that lost
		 * its full stop, then a remark that opens one of its own */
		if (open && !under_heading && lines[prev].b - lines[prev].a >= 40 &&
		    (is_han(d.cp[lines[prev].b - 1]) ||
		     d.cp[lines[prev].b - 1] == 0x300B /* 》 */ ||
		     d.cp[lines[prev].b - 1] == 0x201D /* ” */) &&
		    is_remark(&d, l.a, l.b))
			open = 0;
		if (open && is_remark(&d, l.a, l.b) && body.n && body.s[body.n - 1] == ':')
			open = 1;
		if (body.n && !open)
			rc = buf_add(&body, "\n\n", 2);
		else if (body.n && open && item_marker(&d, lines[prev].a, lines[prev].b))
			rc = buf_add(&body, "\n", 1);
		if (!rc)
			rc = buf_add(&body, d.s + d.off[l.a], d.off[l.b] - d.off[l.a]);
		if (rc)
			goto out;
		open = !ends_paragraph(&d, l.a, l.b);
		{
			size_t ta = l.a, tb = l.b;
			trim(&d, &ta, &tb);
			said |= ends_paragraph(&d, ta, tb);
		}
		captions = is_caption(&d, l.a, l.b) ? captions + 1 : 0;
		/* a bare "会议强调：" line wants the next line */
		if (!open && d.cp[l.b - 1] == ':')
			open = 1;
		prev_heading = open && item_marker(&d, l.a, l.b) && l.b - l.a <= 40 &&
			       agenda_verb_at(&d, l.a, l.b, NULL) == NPOS;
		prev = i;
	}
	/* a readout names its meeting somewhere (会议, 会上, 例会, 办公会) */
	static const char *const meeting_words[] = {"会议",   "会上",   "会前",  "例会",
						    "办公会", "常务会", "常委会"};
	int meeting_word = find_any(&d, 0, d.n, meeting_words, COUNT(meeting_words), NULL) != NPOS;
	int other_genre = is_other_genre(&d, lines, kind, nl, title); /* genre.c */
	/* a meeting's rules or a regulation's articles (genre.c) */
	int regulation = 0, about_rules = rules_text(&d, lines, nl, title, &regulation);
	/* 主席:柯某某, a minutes' label line: the chair when the text names
	 * none in a sentence */
	for (size_t i = 0; i < nl && i < 60 && !rc && !line_chair.chair; i++) {
		rc = chair_line(&d, lines[i].a, lines[i].b, &line_chair);
		/* 会议主持人: / 区委副书记、区长某某: a form's value on the next line */
		if (!rc && i + 1 < nl && chair_label_alone(&d, lines[i].a, lines[i].b))
			rc = chair_value(&d, lines[i + 1].a, lines[i + 1].b, &line_chair);
	}
	/* 開會日期:2020-12-22 09:00:00, a minutes' date line: the meeting's
	 * day when no sentence gives one */
	struct ymd line_day = {0};
	int body_year = 0;
	for (size_t i = 0; i < nl && i < 60 && !line_day.y; i++) {
		static const char *const day_labels[] = {
			"开会日期:", "开会时间:", "会议日期:", "会议时间:"};
		/* 一、时间:中华民国112年5月16日: a numbered form's first field */
		static const char *const item_labels[] = {"时间:", "日期:"};
		size_t a0 = skip_spaces(&d, lines[i].a, lines[i].b);
		size_t mk = item_marker(&d, a0, lines[i].b);
		size_t k = match_any(&d, a0, lines[i].b, day_labels, COUNT(day_labels), NULL);
		if (!k && mk &&
		    ((k = match_any(&d, a0 + mk, lines[i].b, day_labels, COUNT(day_labels),
				    NULL)) ||
		     (k = match_any(&d, a0 + mk, lines[i].b, item_labels, COUNT(item_labels),
				    NULL))))
			a0 += mk;
		/* 時間:民國109年11月24日(星期二)下午4時: a form's field alone on
		 * its short line (label_lines joined it to its value) */
		if (!k && lines[i].b - a0 <= 40)
			k = match_any(&d, a0, lines[i].b, item_labels, COUNT(item_labels), NULL);
		if (k && find_date(&d, a0 + k, lines[i].b, &line_day, 1) == NPOS)
			line_day = (struct ymd){0};
	}
	if (rc)
		goto out;
	/* pass 1's view is done with: free it before pass 2 makes its own
	 * (8 bytes a character each; a huge file would hold both) */
	free(kind);
	kind = NULL;
	free(lines);
	lines = NULL;
	doc_share(NULL); /* (the head folded anew, not borrowed from d) */
	doc_free(&d);
	if (doc_init_head(&head, text, len)) {
		rc = HY_ERR_NOMEM;
		goto out;
	}
	doc_share(&head);
	if (body.n) {
		struct doc bd;
		rc = doc_init(&bd, body.s, body.n);
		if (!rc) {
			rc = parse_body(&bd, &mt, m);
			/* 2007年，…将要召开 in the remarks: the year when nothing
			 * else gives one (dates.c) */
			if (!rc && m->month_day && !m->date && !mt.has_pub)
				body_year = stated_year(&bd, 0, bd.n, atoi(m->month_day));
			doc_free(&bd);
		}
	}
	if (!rc && !m->date && !m->month_day && line_day.y) {
		char md[8];
		snprintf(md, sizeof md, "%02d-%02d", line_day.m, line_day.d);
		m->month_day = strdup(md);
		m->date = fmt_date(&line_day, 0);
		m->date_basis = HY_DATE_BASIS_TEXT;
		if (!m->month_day || !m->date)
			rc = HY_ERR_NOMEM;
	}
	if (!rc && !m->chair) { /* 主席:柯某某, read before pass 2 */
		m->chair = line_chair.chair;
		line_chair.chair = NULL;
		if (m->chair && !m->chair_role) {
			m->chair_role = line_chair.chair_role;
			line_chair.chair_role = NULL;
		}
	}
	if (!rc && m->title &&
	    (!m->kind || !m->body || !m->chair || !m->date || !m->number || strlen(m->kind) <= 9))
		rc = from_title(m, &mt); /* name.c */
	if (!rc)
		rc = date_from_title_year(m); /* dates.c: 召开2017年…会议 */
	if (!rc && body_year && !m->date)
		rc = date_of_year(m, body_year); /* dates.c */
	if (!rc && !m->title && !m->summary && m->n_sections == 0)
		rc = HY_ERR_INVALID;
	if (!rc)
		m->not_readout =
			/* (前日，…第五十七次主任会议召开。主任某某主持会议: a
			 * numbered meeting of its own, with no day, that took up
			 * rules, who chaired it named) */
			/* (18日，某某主持召开…常务会议，研究…政府工作规则等事宜:
			 * a meeting on a day, chaired, that took up rules) */
			regulation || (about_rules && !m->month_day && !m->date &&
				       !(m->chair && (m->number || opening_day(m))))
				? HY_NOT_READOUT_RULES
			: novel || (dialogue >= 2 && !m->month_day && !m->date) ||
					(story && !m->month_day && !m->date && !m->published)
				? HY_NOT_READOUT_NOVEL
			: other_genre ? HY_NOT_READOUT_GENRE
			: !meeting_word && !m->kind && !m->chair && !m->date && !m->month_day
				? HY_NOT_READOUT_NOTHING
				: HY_READOUT;
	if (!rc)
		rc = body_from_chair_role(m);
	if (!rc)
		rc = tidy_body(m);
	if (!rc)
		rc = tidy_kind(m);
	if (!rc) /* group.c: a leading group with no committee is no organ */
		rc = group_body(m);
	if (!rc)
		rc = sitting_kind(m, text, len); /* group.c: …主持开幕大会 */
	if (!rc)
		rc = number_named_later(m, text, len); /* congress.c: 第5次定期會 */
	if (!rc)
		rc = organ_in_kind(m); /* body.c: 第18—76次县政府常务会议 */
	if (!rc)
		rc = bare_name_government(m, text, len); /* place_fix.c: 疏勒人民政府 */
	if (!rc)
		rc = zone_committee(m); /* place_fix.c: 小蓝经开区管委会 */
	if (!rc)
		rc = prefecture_office(m); /* place_fix.c: 喀什地区行政公署 */
	if (!rc)
		rc = find_place(m, text, len);
	if (!rc && m->body) /* 临河区 + 区委员会, once the place is off */
		rc = body_after_place(m);
	if (!rc) /* body.c: title 市政府…, opening 市第十届人民政府… */
		rc = government_as_titled(m, text, len);
	if (!rc)                                     /* 地委 + 阿勒泰 → 阿勒泰地区 */
		rc = prefecture_place(m, text, len); /* place_fix.c */
	if (!rc) /* a bogus place (暨市, 开发区) leaves room for the documents' */
		rc = drop_no_place(m);
	if (!rc)                                     /* 地委 + 阿勒泰 → 阿勒泰地区 */
		rc = prefecture_place(m, text, len); /* place_fix.c */
	if (!rc)                               /* 经开区召开…, 某某高新区党工委… */
		rc = zone_place(m, text, len); /* place_zone.c */
	if (!rc) /* 园区党工委, 某某高新区召开党工委会议 */
		rc = zone_party_body(m, text, len); /* place_zone.c */
	/* (a spam mirror's place dropped: a frame's name, 某某动态 in its
	 * breadcrumb) */
	if (!rc && !m->place)
		rc = bare_place(m, text, len); /* organ.c */
	if (!rc)
		rc = drop_no_place(m);
	if (!rc)
		rc = place_from_documents(m, text, len); /* docplace.c: 《某旗…计划》 */
	if (!rc)
		rc = place_most_named(m, text, len); /* place_text.c */
	if (!rc)
		rc = drop_no_place(m);
	if (!rc)
		rc = place_from_brand(m, text, len); /* place_text.c: 竹溪新闻网讯 */
	if (!rc)
		rc = congress_in_session(m); /* organ.c: 县人大 + 预备会议 */
	if (!rc) /* body.c: 县防汛抗旱指挥部会议, no body; the place found */
		rc = headquarters_in_kind(m);
	if (!rc && !m->title)
		rc = compose_title(m);
out:
	free(line_chair.chair);
	free(line_chair.chair_role);
	free(kind);
	free(lines);
	free(body.s);
	doc_share(NULL);
	doc_free(&head);
	doc_free(&d);
	if (rc)
		hy_meeting_free(m);
	return rc;
}
