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
 * This file is the driver: the order of the passes. The stages are in
 * their own files (DESIGN.md §3): folded.c (the folded view), lines.c
 * (pass 1), dates.c, people.c, name.c (body, kind, number, place, composed
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
		    !ends_with(&d, lines[i].a, lines[i].b, "会议", NULL))
			kind[i] = L_META;
		label = kind[i] == L_META && lines[i].b > lines[i].a && d.cp[lines[i].b - 1] == ':';
		nbody += kind[i] == L_BODY;
	}
	for (size_t i = footer_start(&d, lines, nl); i < nl; i++) /* lines.c */
		kind[i] = L_CHROME;
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
		if (site || pages || (k && match(&d, a0 + 1 + k, lines[i].b, "章")) ||
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
	for (size_t i = 0; i < nl && i < 60 && !rc && !line_chair.chair; i++)
		rc = chair_line(&d, lines[i].a, lines[i].b, &line_chair);
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
	if (!rc)
		rc = sitting_kind(m, text, len); /* group.c: …主持开幕大会 */
	if (!rc)
		rc = organ_in_kind(m); /* body.c: 第18—76次县政府常务会议 */
	if (!rc)
		rc = bare_name_government(m, text, len); /* place_fix.c: 疏勒人民政府 */
	if (!rc)
		rc = zone_committee(m); /* place_fix.c: 小蓝经开区管委会 */
	if (!rc)
		rc = find_place(m, text, len);
	if (!rc && m->body) /* 临河区 + 区委员会, once the place is off */
		rc = body_after_place(m);
	if (!rc) /* a bogus place (暨市, 开发区) leaves room for the documents' */
		rc = drop_no_place(m);
	if (!rc)                               /* 经开区召开…, 某某高新区党工委… */
		rc = zone_place(m, text, len); /* place_zone.c */
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

/* The keys that end a sentence of who attended (出席会议, 列席会议 …). */
static const char *const attend_keys[] = {"出席", "列席", "参加", "参会"};

int parse_body(const struct doc *d, const struct meta *mt, struct hy_meeting *m)
{
	struct sections ss = {0};
	struct people pp = {0};
	int last_point = 0; /* the last section is a remark with no item before */
	/* sections cut from the opening's own agenda sentences: the remarks
	 * in the paragraphs after them are points of their own, as readers
	 * take them (the items were the opening's summary) */
	size_t opening_items = 0;
	int cn_heads = 0; /* a section opened with 一、 */
	int rc = 0;
	/* paragraphs: separated by blank lines */
	size_t np = 0;
	struct span *p = split_spans(d, 1, &np);
	if (!p)
		return HY_ERR_NOMEM;
	size_t first = 0;
	/* what stands before the opening (a form's fields, the title again, a
	 * bait headline, subtitles) goes: opening.c */
	to_opening(d, p, &np, m->title);
	/* the opening paragraph: the first one, unless it is an agenda item */
	if (np > 0 && agenda_verb_at(d, p[0].a, p[0].b, NULL) == NPOS) {
		size_t a = p[0].a, b = p[0].b;
		first = 1;
		/* in a one-paragraph article, agenda items after the attendance
		 * sentences start the sections */
		size_t cut = b;
		size_t last_att = NPOS;
		/* 甲、乙及各部门负责人参加会议: the attendance's verb ends its
		 * sentence; an agenda sentence before it is the opening's */
		static const char *const att_keys[] = {"出席", "列席", "参加会议", "参会"};
		for (size_t i = a; i < b;) {
			size_t e = clause_end(d, i, b, 1);
			if (has_any(d, i, e, att_keys, COUNT(att_keys)))
				last_att = e;
			i = e + 1;
		}
		size_t from = last_att != NPOS ? last_att + 1 : clause_end(d, a, b, 1) + 1;
		for (size_t i = from; i < b; i++) {
			if (i > a && (is_sent_end(d, i - 1)) &&
			    agenda_verb_at(d, i, b, NULL) != NPOS && match(d, i, b, "会议")) {
				cut = i;
				break;
			}
		}
		m->summary = doc_str(d, a, cut);
		if (!m->summary) {
			rc = HY_ERR_NOMEM;
			goto out;
		}
		if ((rc = meeting_date(d, a, cut, mt, m)) ||
		    (np > 1 && (rc = date_in_next(d, p[1].a, p[1].b, mt, m))) ||
		    (rc = find_chair(d, a, clause_end(d, a, cut, 1), m)))
			goto out;
		if (!m->chair && (rc = find_chair(d, a, cut, m)))
			goto out;
		/* …“大工委”召开党建联席会议，…。会议由大工委书记某某召集: the
		 * chair in a later sentence of the opening */
		for (size_t i = clause_end(d, a, cut, 1) + 1; !m->chair && i < cut;) {
			size_t e = clause_end(d, i, cut, 1);
			if ((rc = find_chair(d, i, e, m)))
				goto out;
			i = e + 1;
		}
		static const char *const convene[] = {"召开", "举行"};
		/* 为深入贯彻区委工作会议精神，…，4月17日，某镇召开…: the meetings
		 * a purpose clause names are others; the name comes after it */
		size_t an = a;
		static const char *const purpose[] = {"为了", "为"};
		if (match_any(d, a, cut, purpose, COUNT(purpose), NULL)) {
			size_t cvp = find_any(d, a, cut, convene, COUNT(convene), NULL);
			size_t dt = find_date(d, a, cut, &(struct ymd){0}, 0);
			if (dt != NPOS && (cvp == NPOS || dt < cvp)) {
				an = dt;
			} else if (cvp != NPOS) {
				/* no date: the purpose ends with the clause of its
				 * last 精神 before the verb */
				for (size_t q = a; q < cvp; q++)
					if (match(d, q, cvp, "精神"))
						an = clause_end(d, q, cvp, 0) + 1;
				if (an > cvp)
					an = a;
			}
		}
		/* 省委常委会会议召开，…我县设分会场收听收看。会后，我县紧接着召开
		 * 县委常委会会议: the meeting watched by video is another's; the
		 * readout's is the one convened after it */
		static const char *const watched[] = {"分会场",   "收听收看", "收看收听",
						      "视频形式", "视频会议", "电视电话会议"};
		static const char *const after[] = {"会后", "随后", "紧接着", "会议结束后", "紧接"};
		if (has_any(d, an, cut, watched, COUNT(watched))) {
			size_t w = find_any(d, an, cut, watched, COUNT(watched), NULL);
			for (size_t i = w; i < cut; i++) {
				if (!(is_clause_end(d, i - 1) || is_sent_end(d, i - 1)) ||
				    !match_any(d, i, cut, after, COUNT(after), NULL))
					continue;
				size_t se = clause_end(d, i, cut, 1), ml2;
				size_t cv2 = find_any(d, i, se, convene, COUNT(convene), NULL);
				if (cv2 != NPOS && find_meeting_word(d, cv2, se, &ml2) != NPOS)
					an = i;
				break;
			}
		}
		size_t mlen, mn = find_meeting_word(d, an, cut, &mlen);
		/* 某人大会议各项准备工作已经就绪，将于1月19日开幕。1月18日，某代表
		 * 团在驻地召开全体会议: a session to come, then the meeting the
		 * next sentence convenes */
		if (mn != NPOS) {
			static const char *const opens[] = {"开幕", "闭幕"};
			size_t s1 = clause_end(d, an, cut, 1);
			if (mn < s1 && s1 < cut &&
			    find_any(d, an, s1, convene, COUNT(convene), NULL) == NPOS &&
			    has_any(d, an, s1, opens, COUNT(opens))) {
				size_t s2 = clause_end(d, s1 + 1, cut, 1), ml2;
				size_t cv2 = find_any(d, s1 + 1, s2, convene, COUNT(convene), NULL);
				size_t mn2 =
					cv2 != NPOS ? find_meeting_word(d, cv2, s2, &ml2) : NPOS;
				if (mn2 != NPOS) {
					an = s1 + 1;
					mn = mn2;
					mlen = ml2;
				}
			}
		}
		size_t name_from = an;
		/* 区九届人大二次会议闭幕后，区政府即召开…部署会: the meeting
		 * this readout is about is the one convened */
		size_t cv =
			find_any(d, an, clause_end(d, an, cut, 1), convene, COUNT(convene), NULL);
		if (mn != NPOS && cv != NPOS && mn < cv) {
			size_t mlen2, mn2 = find_meeting_word(d, cv, cut, &mlen2);
			/* but not 会议由…主持 in the next clause */
			if (mn2 != NPOS && mn2 < clause_end(d, an, cut, 1) &&
			    mn2 < clause_end(d, cv, cut, 0)) {
				mn = mn2;
				mlen = mlen2;
				name_from = cv;
				/* (县长某某通过视频会议主持召开了县政府…: a person
				 * convened it, the name starts after the verb) */
				if (!(cv >= an + 2 && match(d, cv - 2, cut, "主持")))
					while (name_from > an && !is_clause_end(d, name_from - 1))
						name_from--;
			}
		}
		if (mn != NPOS &&
		    ((rc = meeting_name(d, name_from, clause_end(d, mn, cut, 0), m)) ||
		     (rc = leading_group(d, an, clause_end(d, mn, cut, 0), m))))
			goto out;
		/* 政协某县第十一届委员会第一次会议第二次全体会议, …委员会第
		 * 三次会议举行第二次全体会议: a conference's session, and the
		 * sitting the readout is (a standing committee's 第27次会议举行
		 * 第一次全体会议 is its 27th meeting, as readers take it) */
		for (size_t q = an, qe = clause_end(d, an, cut, 1); mn != NPOS && q + 2 < qe; q++)
			if (match(d, q, qe, "会议") && find(d, an, q, "委员会") != NPOS &&
			    find(d, an, q, "常务委员会") == NPOS &&
			    find(d, an, q, "常委会") == NPOS &&
			    (rc = plenary_sitting(d, q + 2, qe, m)))
				goto out;
		/* 中国共产党某镇第二十次代表大会…召开 (congress.c) */
		if ((rc = party_congress(d, an, clause_end(d, an, cut, 1), m)))
			goto out;
		/* 枣园街道召开会议传达…: a meeting without a name, its
		 * convener before the verb */
		if (!m->body) {
			static const char *const bare[] = {"召开会议", "召开了会议", "召开专题会议",
							   "举行会议", "举行了会议"};
			size_t ce = clause_end(d, an, cut, 1);
			size_t bv = find_any(d, an, ce, bare, COUNT(bare), NULL);
			if (bv != NPOS && ((rc = convener_before(d, an, bv, &m->body)) ||
					   (rc = group_to_kind(m)) || (rc = group_body(m))))
				goto out;
		}
		/* 党组(扩大)会议和第9次常务会议, 党组会议暨三十一次主席会议: two
		 * meetings at once; the numbered one is the series it belongs to */
		static const char *const joins[] = {"和", "暨", "及"};
		size_t jn;
		if (mn != NPOS && m->kind && !m->number && mn + mlen < cut &&
		    match_any(d, mn + mlen, cut, joins, COUNT(joins), &jn)) {
			size_t from2 = mn + mlen + 1;
			size_t end2 = clause_end(d, from2, cut, 0);
			struct hy_meeting two = {0};
			if ((rc = meeting_name(d, from2, end2, &two))) {
				hy_meeting_free(&two);
				goto out;
			}
			/* but 省委常委会会议暨省委国家安全委员会第一次会议: a
			 * committee's bare 会议 (no type) is joined to the typed
			 * meeting, which the readout is */
			int untyped = 0;
			if (two.kind) {
				struct doc k1, k2;
				if ((rc = doc_init(&k1, m->kind, strlen(m->kind)))) {
					hy_meeting_free(&two);
					goto out;
				}
				if ((rc = doc_init(&k2, two.kind, strlen(two.kind)))) {
					doc_free(&k1);
					hy_meeting_free(&two);
					goto out;
				}
				untyped = span_eq(&k2, 0, k2.n, "会议") &&
					  !span_eq(&k1, 0, k1.n, "会议");
				doc_free(&k1);
				doc_free(&k2);
			}
			if (two.number && two.kind && !untyped) {
				set_str(&m->kind, two.kind);
				two.kind = NULL;
				m->number = two.number;
				/* but 区政府党组会议暨第十九次政府常务会议: the
				 * first names the organ in full */
				if (two.body && !(m->body && strlen(m->body) > strlen(two.body))) {
					set_str(&m->body, two.body);
					two.body = NULL;
				}
			}
			hy_meeting_free(&two);
		}
		/* 9月18日，某某在县政府十八届五次全体(扩大)会议上强调…: an opening
		 * on a day that names its meeting only as where someone spoke */
		if (!m->kind && np > 0) {
			static const char *const spoke[] = {"强调", "指出", "讲话", "表示", "要求"};
			size_t a0 = p[0].a, e0 = clause_end(d, a0, p[0].b, 1);
			size_t at = find(d, a0, e0, "在"), up = NPOS;
			if (at != NPOS && find_date(d, a0, at, &(struct ymd){0}, 0) == a0)
				up = find(d, at, e0, "会议上");
			if (up != NPOS && up - at <= 30 &&
			    match_any(d, up + 3, e0, spoke, COUNT(spoke), NULL) &&
			    (rc = meeting_name(d, at + 1, up + 2, m)))
				goto out;
		}
		/* 收看结束后，该镇随即召开座谈会: an opening that names no meeting
		 * (a viewing, a visit) leaves it to the next paragraph */
		if (!m->kind && np > 1) {
			size_t a2 = p[1].a, e2 = clause_end(d, a2, p[1].b, 1);
			size_t cv2 = find_any(d, a2, e2, convene, COUNT(convene), NULL), l2;
			size_t mn2 = cv2 != NPOS ? find_meeting_word(d, cv2, e2, &l2) : NPOS;
			/* but 在…之年召开的一次重要会议 describes another */
			if (mn2 != NPOS && (mn2 - cv2 > 14 || match(d, cv2 + 2, e2, "的")))
				mn2 = NPOS;
			if (mn2 != NPOS && (rc = meeting_name(d, a2, clause_end(d, mn2, e2, 0), m)))
				goto out;
		}
		for (size_t i = a; i < cut && !rc;) {
			size_t e = clause_end(d, i, cut, 1);
			/* 市委书记、市长甲；副市长：乙、丙；…出席会议: groups joined by
			 * semicolons share the key at the end (as in an attendance
			 * paragraph, below) */
			while (e < cut && d->cp[e] == ';' &&
			       !has_any(d, i, e, attend_keys, COUNT(attend_keys)) &&
			       !has_any(d, i, e, chair_verbs, COUNT(chair_verbs)))
				e = clause_end(d, e + 1, cut, 1);
			rc = people_in_sentence(d, i, e, &pp);
			i = e + 1;
		}
		if (rc)
			goto out;
		if (cut < b && (rc = add_items(d, cut, b, &ss)))
			goto out;
		opening_items = ss.n;
	}
	for (size_t k = first; k < np; k++) {
		size_t a = p[k].a, b = p[k].b;
		/* 本报讯(记者…)6月12日，…, 又讯 5月25日，…: a second article on
		 * the same page; this meeting's items ended before it */
		static const char *const leads[] = {"本报讯", "本网讯", "本台讯", "本刊讯", "又讯"};
		if (ss.n > 0 && match_any(d, skip_spaces(d, a, b), b, leads, COUNT(leads), NULL))
			break;
		if (is_attendance(d, a, b)) {
			/* 市委常委、副市长钟治峰主持会议并讲话，副市长…出席会议。 */
			size_t ce = clause_end(d, a, b, 0);
			if (!m->chair && ce - a <= 30 &&
			    (ends_with(d, a, ce, "主持会议", NULL) ||
			     ends_with(d, a, ce, "主持会议并讲话", NULL) ||
			     ends_with(d, a, ce, "主持并讲话", NULL))) {
				if ((rc = find_chair(d, a, ce, m)))
					goto out;
				a = ce + 1;
			}
			size_t rest = b; /* 会上，某某分享了…: an item after the people */
			for (size_t i = a; i < b && !rc;) {
				size_t e = clause_end(d, i, b, 1);
				if (i > a && (match(d, skip_spaces(d, i, e), e, "会上") ||
					      agenda_verb_at(d, i, e, NULL) != NPOS)) {
					rest = skip_spaces(d, i, e);
					break;
				}
				/* 副旗长某，院长某；各局的负责同志；各镇的人大主席列席
				 * 会议: groups joined by semicolons share the key at
				 * the end */
				while (e < b && d->cp[e] == ';' &&
				       !has_any(d, i, e, attend_keys, COUNT(attend_keys)))
					e = clause_end(d, e + 1, b, 1);
				rc = people_in_sentence(d, i, e, &pp);
				i = e + 1;
			}
			if (rc || (rest < b && (rc = add_items(d, rest, b, &ss))))
				goto out;
			continue;
		}
		if ((rc = people_in_clauses(d, a, b, &pp))) /* 某某到会并讲话 */
			goto out;
		if (k + 1 == np && (rc = leaders_cut_off(d, a, b, &pp)))
			goto out;
		/* "会议由副县长王某主持。" */
		if (b - a <= 60 && has_any(d, a, b, chair_verbs, 4) &&
		    (match(d, skip_spaces(d, a, b), b, "会议由") ||
		     match(d, skip_spaces(d, a, b), b, "由") ||
		     ends_with(d, a, b, "主持。", NULL) || ends_with(d, a, b, "主持", NULL))) {
			if (!m->chair && (rc = find_chair(d, a, b, m)))
				goto out;
			continue;
		}
		/* "会议由镇党委组织委员葛冰主持，共四项议程。一是…", "区委书记、
		 * 区长郭波主持会议，并做了总结发言。": the chair in the first
		 * clause of a paragraph */
		if (!m->chair) {
			size_t e = clause_end(d, a, b, 0);
			if ((match(d, skip_spaces(d, a, b), b, "会议由") &&
			     ends_with(d, a, e, "主持", NULL)) ||
			    (e - a <= 30 && (ends_with(d, a, e, "主持会议", NULL) ||
					     ends_with(d, a, e, "主持会议并讲话", NULL)))) {
				if ((rc = find_chair(d, a, e, m)))
					goto out;
				if (e - a <= 30 && b - a <= 60)
					continue;
			}
		}
		/* 王某在主持会议时要求，…: the chair speaking as he chairs
		 * (the paragraph is still a remark) */
		if (!m->chair) {
			size_t e = clause_end(d, a, b, 0);
			size_t at = find(d, a, e, "在主持会议时");
			if (at != NPOS && at >= skip_spaces(d, a, b) + 2 && at - a <= 12 &&
			    (rc = find_chair(d, a, at + 5, m)))
				goto out;
		}
		/* a repost notice: 《…》由某网提供，转载请注明出处; a site's
		 * plug: (某某发布——更多资讯请登录 http://…) */
		static const char *const repost[] = {
			"转载请注明",     "请注明出处",     "转载请注明来源", "更多资讯请登录",
			"更多资讯请关注", "更多内容请关注", "更多精彩请关注"};
		if (b - a <= 200 && has_any(d, a, b, repost, COUNT(repost)) &&
		    agenda_verb_at(d, a, b, NULL) == NPOS)
			continue;
		/* page chrome that reached the body: a line or a run of short
		 * lines with no sentence in it (网站首页 走进… , 展开详细, a
		 * trailing column name) is no agenda item */
		if (b - a <= 80 && !item_marker(d, a, b) && agenda_verb_at(d, a, b, NULL) == NPOS &&
		    !(k > 0 && number_cell(d, p[k - 1].a, p[k - 1].b))) {
			int sentence = 0;
			for (size_t i = a; i < b && !sentence; i++)
				sentence = is_sent_end(d, i) || d->cp[i] == ',';
			/* 会议就有关事项明确如下：: a sentence that leads into the
			 * item's list, part of the item */
			if (ss.n > 0 && b - a >= 8 && d->cp[b - 1] == ':' &&
			    find(d, a, b, "如下") != NPOS) {
				if ((rc = append_text(&ss.v[ss.n - 1], d, a, b)))
					goto out;
				continue;
			}
			if (!sentence || count_han(d, a, b) < 4) /* ?!?/p> */
				continue;
		}
		/* 市院班子成员、机关党委书记、处级干部、各部门正副职…: the page cut
		 * off in the closing list of who attended (the last paragraph, no
		 * sentence's end, offices listed with 、), no item */
		if (k + 1 == np && !is_remark(d, a, b) && agenda_verb_at(d, a, b, NULL) == NPOS &&
		    clause_end(d, a, b, 1) >= b && listed_offices(d, a, b))
			continue;
		/* 街道班子领导，各村党组织书记，…各单位主要负责人。: the last
		 * paragraph, who attended with the verb lost, no item */
		{
			static const char *const heads[] = {"负责人。", "负责同志。", "负责人",
							    "负责同志"};
			if (k + 1 == np && b - a <= 100 && !is_remark(d, a, b) &&
			    agenda_verb_at(d, a, b, NULL) == NPOS &&
			    longest_end(d, a, b, heads, COUNT(heads)) &&
			    clause_end(d, a, b, 1) + 1 >= b)
				continue;
		}
		/* 会议应到30人，实到22人 (实际到会65人)，符合法定人数: the quorum,
		 * no item */
		if (b - a <= 80 && find(d, a, b, "应到") != NPOS &&
		    (find(d, a, b, "实到") != NPOS || find(d, a, b, "到会") != NPOS ||
		     find(d, a, b, "出席") != NPOS))
			continue;
		/* 据悉，今年…: the reporter's background, no item; it joins the
		 * last one as 会后 does. 某某宣布大会开幕，全体起立，奏唱国歌: the
		 * ceremony, no item either */
		/* 根据该方案，…: the detail of an item the opening named (it
		 * refers back), no item of its own either */
		static const char *const background[] = {"据悉",   "据了解",   "据介绍", "近年来",
							 "多年来", "长期以来", "根据该", "根据上述",
							 "按照该", "据此"};
		static const char *const ceremony[] = {
			"奏唱国歌",     "奏国歌",       "宣布大会开幕", "宣布会议开幕",
			"宣布大会闭幕", "宣布会议闭幕", "完成所有议程", "完成各项议程"};
		/* but 某某宣布大会开幕。县长某某向大会作政府工作报告: a report follows */
		static const char *const report[] = {"作政府工作报告", "作工作报告", "报告工作"};
		if ((match_any(d, skip_spaces(d, a, b), b, background, COUNT(background), NULL) ||
		     (b - a <= 80 && has_any(d, a, b, ceremony, COUNT(ceremony)) &&
		      !has_any(d, a, b, report, COUNT(report))) ||
		     is_scene(d, a, b)) &&
		    agenda_verb_at(d, a, b, NULL) == NPOS) {
			if (ss.n > 0 && (rc = append_text(&ss.v[ss.n - 1], d, a, b)))
				goto out;
			continue;
		}
		/* 会后，全体代表还视察了…: what followed the meeting joins its
		 * last item */
		static const char *const after[] = {"会后,", "会议结束后,", "会后"};
		if (ss.n > 0 &&
		    (match_any(d, skip_spaces(d, a, b), b, after, COUNT(after), NULL) ||
		     closing_outlook(d, a, b)) &&
		    agenda_verb_at(d, a, b, NULL) == NPOS) {
			if ((rc = append_text(&ss.v[ss.n - 1], d, a, b)))
				goto out;
			continue;
		}
		/* 区政府第67次常务会议在某某大厦会议室召开。after a form's agenda:
		 * the meeting convening, one clause, is no item */
		{
			size_t f0 = skip_spaces(d, a, b), fe = b;
			while (fe > f0 && (is_space(d->cp[fe - 1]) || is_sent_end(d, fe - 1)))
				fe--;
			size_t se = f0;
			while (se < fe && !is_sent_end(d, se) && d->cp[se] != ',')
				se++;
			if (se == fe && fe - f0 <= 60 && ends_with(d, f0, fe, "召开", NULL) &&
			    find(d, f0, fe, "会议") != NPOS &&
			    agenda_verb_at(d, f0, fe, NULL) == NPOS)
				continue;
		}
		/* 二、地点:本会议事堂, 五、主席:某某　纪录:某某: a numbered form's
		 * fields before its parts (六、报告事项) are no items */
		{
			static const char *const fields[] = {
				"时间:",     "地点:",     "开会时间:", "开会地点:",
				"会议时间:", "会议地点:", "主席:",     "主持人:",
				"纪录:",     "记录:",     "记录人:",   "司仪:"};
			size_t f0 = skip_spaces(d, a, b), fm = item_marker(d, f0, b);
			if (fm && match_any(d, f0 + fm, b, fields, COUNT(fields), NULL))
				continue;
		}
		/* ——要…, 要…: a point under the paragraph before */
		size_t a1 = skip_spaces(d, a, b);
		if (ss.n > 0 && a1 < b &&
		    (d->cp[a1] == 0x2014 || d->cp[a1] == 0x2015 || match(d, a1, b, "要")) &&
		    agenda_verb_at(d, a1 + 1, b, NULL) == NPOS) {
			if ((rc = append_text(&ss.v[ss.n - 1], d, a, b)))
				goto out;
			continue;
		}
		/* 一、研究…, then 1.关于…, 2.关于…: decisions numbered under a
		 * heading are its own */
		if (ss.n > 0 && cn_heads && a1 < b && is_digit(d->cp[a1]) &&
		    item_marker(d, a1, b) &&
		    strstr(ss.v[ss.n - 1].text, "\xe3\x80\x82") /* 。: the item says something */) {
			if ((rc = append_text(&ss.v[ss.n - 1], d, a, b)))
				goto out;
			continue;
		}
		/* "会议强调，…" continues the previous item; a run of them with
		 * no item before is one point each */
		int remark = is_remark(d, a, b);
		if (ss.n > 0 && remark && !last_point && ss.n > opening_items) {
			if ((rc = append_text(&ss.v[ss.n - 1], d, a, b)))
				goto out;
			continue;
		}
		if ((rc = add_items(d, a, b, &ss)))
			goto out;
		/* 县委书记某某主持会议并讲话。…会议强调，…: a paragraph that
		 * opens with the chairing holds no item either; the remarks
		 * after it are points of their own */
		int chairing = 0;
		if (!remark && agenda_verb_at(d, a, b, NULL) == NPOS) {
			size_t e = clause_end(d, a, b, 0);
			chairing = e - a <= 24 && (ends_with(d, a, e, "主持会议", NULL) ||
						   ends_with(d, a, e, "主持会议并讲话", NULL) ||
						   ends_with(d, a, e, "主持会议并作讲话", NULL));
		}
		last_point = remark || chairing;
		cn_heads |= a1 < b && cn_digit(d->cp[a1]) >= 0 && item_marker(d, a1, b);
	}
	/* 区人大常委会主任党兴阳主持会议。 at the end of a paragraph, 由县长
	 * 某某主持, 开幕会由某某主持: a clause that ends with the chairing */
	static const char *const chaired[] = {
		"主持会议并讲话", "主持会议", "主持大会", "主持并讲话", "主持",
		/* a session's sitting */
		"主持开幕大会", "主持开幕会", "主持闭幕大会", "主持闭幕会"};
	for (size_t k = 0; k < np && k < 8 && !m->chair && !rc; k++) {
		for (size_t i = p[k].a; i < p[k].b && !m->chair && !rc;) {
			size_t e = clause_end(d, i, p[k].b, 0);
			size_t s0 = skip_spaces(d, i, e);
			size_t by = find(d, s0, e, "由"); /* 开幕会由某某主持 */
			if (by != NPOS && by < s0 + 10)
				s0 = by + 1;
			/* 某某主持会议并强调, 某某主持会议并逐一作点评: the chairing,
			 * then what the chair did */
			size_t pj = find(d, s0, e, "主持会议并");
			if (pj != NPOS && e - (pj + 5) <= 20) {
				size_t e2 = pj + 4;
				if (e2 - s0 > 4 && e2 - s0 <= 30 && (rc = find_chair(d, s0, e2, m)))
					break;
				if (m->chair)
					break;
			}
			for (size_t t = 0; t < COUNT(chaired); t++) {
				if (e - s0 > 4 && e - s0 <= 30 &&
				    ends_with(d, s0, e, chaired[t], NULL)) {
					rc = find_chair(d, s0, e, m);
					break;
				}
			}
			i = e + 1;
		}
	}
	for (size_t k = 0; k < np && k < 8 && !m->chair && !rc; k++)
		rc = opener_chair(d, p[k].a, p[k].b, m); /* 执行主席某某宣布大会开幕 */
out:
	free(p);
	if (people_finish(&pp, m) && rc == 0) /* the meeting owns the lists now */
		rc = HY_ERR_NOMEM;
	m->sections = ss.v;
	m->n_sections = ss.n;
	return rc;
}
