/* title_lines.c: a title set over more than one line. find_title
 * (title.c) has the title's first line [a0,b0); these read the lines
 * around it: a document's name in title marks going on below, a title
 * broken after its dash, a minutes' organ over its meeting, a verb left
 * hanging, the place on its own line above the verb, a paper's kicker
 * over the headline. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdlib.h>
#include <string.h>

/* 某市政府第38次常务会议审议并原则通过《市政府领导班子 / 及其成员…分解》 /
 * 《某市…办法》: a long title broken inside a document's title marks goes
 * on until they close, and takes a document's title on a line of its own
 * after it. The lines taken are the title's. 0 or HY_ERR_NOMEM. */
static int title_over_lines(const struct doc *d, const struct span *lines, enum line_kind *kind,
			    size_t nl, size_t t, size_t a0, size_t b0, struct hy_meeting *m)
{
	int open = 0;
	for (size_t q = a0; q < b0; q++)
		open += d->cp[q] == 0x300A ? 1 : d->cp[q] == 0x300B ? -1 : 0;
	if (open <= 0)
		return 0;
	struct buf o = {0};
	if (buf_add(&o, m->title, strlen(m->title)))
		return HY_ERR_NOMEM;
	for (size_t i = t + 1, taken = 0; i < nl && taken < 3; i++) {
		if (kind[i] == L_BLANK)
			continue;
		size_t la = skip_spaces(d, lines[i].a, lines[i].b), lb = lines[i].b;
		int whole = la < lb && d->cp[la] == 0x300A && d->cp[lb - 1] == 0x300B;
		/* (a line all in title marks reads as bracketed chrome) */
		if ((kind[i] != L_BODY && !(whole && kind[i] == L_CHROME)) || lb - la > 60 ||
		    (open <= 0 && !whole) || find(d, la, lb, ",") != NPOS || is_sent_end(d, lb - 1))
			break;
		for (size_t q = la; q < lb; q++)
			open += d->cp[q] == 0x300A ? 1 : d->cp[q] == 0x300B ? -1 : 0;
		if (buf_add(&o, d->s + d->off[la], d->off[lb] - d->off[la])) {
			free(o.s);
			return HY_ERR_NOMEM;
		}
		kind[i] = L_CHROME;
		taken++;
	}
	free(m->title);
	m->title = o.s;
	return 0;
}

/* The line after line t, past blank ones, trimmed to [*la, *lb): its
 * index, or nl when there is none (or, with body_only, when it is no body
 * line). */
static size_t next_line(const struct doc *d, const struct span *lines, const enum line_kind *kind,
			size_t nl, size_t t, int body_only, size_t *la, size_t *lb)
{
	size_t i = t + 1;
	while (i < nl && kind[i] == L_BLANK)
		i++;
	if (i >= nl || (body_only && kind[i] != L_BODY))
		return nl;
	*la = skip_spaces(d, lines[i].a, lines[i].b);
	*lb = lines[i].b;
	while (*lb > *la && is_space(d->cp[*lb - 1]))
		(*lb)--;
	return i;
}

/* The body line after line t, trimmed to [*la, *lb): its index, or nl. */
static size_t next_body_line(const struct doc *d, const struct span *lines,
			     const enum line_kind *kind, size_t nl, size_t t, size_t *la,
			     size_t *lb)
{
	return next_line(d, lines, kind, nl, t, 1, la, lb);
}

/* The title goes on with [la, lb) of line i, which is the title's now.
 * 0 or HY_ERR_NOMEM. */
static int title_goes_on(const struct doc *d, enum line_kind *kind, size_t i, size_t la, size_t lb,
			 struct hy_meeting *m)
{
	struct buf o = {0};
	if (buf_add(&o, m->title, strlen(m->title)) ||
	    buf_add(&o, d->s + d->off[la], d->off[lb] - d->off[la])) {
		free(o.s);
		return HY_ERR_NOMEM;
	}
	kind[i] = L_CHROME;
	free(m->title);
	m->title = o.s;
	return 0;
}

/* 某区某街道—— / 举行某某座谈会: a title broken after its dash (the
 * place, then what it did) goes on with the next line, short and no
 * sentence. 0 or HY_ERR_NOMEM. */
static int title_after_dash(const struct doc *d, const struct span *lines, enum line_kind *kind,
			    size_t nl, size_t t, size_t a0, size_t b0, struct hy_meeting *m)
{
	if (b0 < a0 + 3 || d->cp[b0 - 1] != 0x2014 /* — */)
		return 0;
	size_t la = 0, lb = 0, i = next_body_line(d, lines, kind, nl, t, &la, &lb);
	if (i == nl || lb - la < 4 || lb - la > 40 || find(d, la, lb, ",") != NPOS ||
	    clause_end(d, la, lb, 1) < lb || is_sent_end(d, lb - 1))
		return 0;
	return title_goes_on(d, kind, i, la, lb, m);
}

/* 某旗第十七届人民政府 / 2020年第15次常务会议纪要: a minutes' heading set
 * over two lines, the organ on the first and its meeting on the second
 * (a year, a count or 第 first; 会议, 纪要 or 会 last). 0 or HY_ERR_NOMEM. */
static int title_after_organ(const struct doc *d, const struct span *lines, enum line_kind *kind,
			     size_t nl, size_t t, size_t a0, size_t b0, struct hy_meeting *m)
{
	static const char *const organs[] = {"人民政府", "政府", "委员会", "党委", "党工委",
					     "县委",     "市委", "区委",   "旗委", "政协"};
	static const char *const ends[] = {"会议纪要", "会议", "纪要", "会"};
	if (b0 - a0 > 30 || !longest_end(d, a0, b0, organs, COUNT(organs)) ||
	    find(d, a0, b0, "会议") != NPOS)
		return 0;
	size_t la = 0, lb = 0, i = next_body_line(d, lines, kind, nl, t, &la, &lb);
	if (i == nl || lb - la < 4 || lb - la > 30 || find(d, la, lb, ",") != NPOS ||
	    !(is_digit(d->cp[la]) || cn_digit(d->cp[la]) >= 0 || match(d, la, lb, "第")) ||
	    !longest_end(d, la, lb, ends, COUNT(ends)))
		return 0;
	return title_goes_on(d, kind, i, la, lb, m);
}

/* 中国人民政治协商会议 / 第十届某县委员会 / 第一次会议闭幕: a session's
 * banner, the conference's formal name set over lines (its head alone on
 * the first), goes on until it names its meeting (at most two lines more,
 * short and no sentence). 0 or HY_ERR_NOMEM. */
static int title_formal_head(const struct doc *d, const struct span *lines, enum line_kind *kind,
			     size_t nl, size_t t, size_t a0, size_t b0, struct hy_meeting *m)
{
	static const char *const heads[] = {"中国人民政治协商会议", "中国共产党"};
	static const char *const ends[] = {"会议", "大会", "闭幕", "开幕", "召开", "举行", "会"};
	if (match_any(d, a0, b0, heads, COUNT(heads), NULL) != b0 - a0)
		return 0;
	int rc = 0;
	for (size_t taken = 0, named = 0; taken < 2 && !named && !rc; taken++) {
		/* (the next line whatever it was read as: 第一次会议开幕 may
		 * pass for an item's heading) */
		size_t la = 0, lb = 0, i = next_line(d, lines, kind, nl, t, 0, &la, &lb);
		if (i == nl || lb - la < 2 || lb - la > 30 || find(d, la, lb, ",") != NPOS ||
		    is_sent_end(d, lb - 1))
			break;
		named = longest_end(d, la, lb, ends, COUNT(ends)) > 0 &&
			!ends_with(d, la, lb, "委员会", NULL); /* (the conference, no meeting) */
		rc = title_goes_on(d, kind, i, la, lb, m);
		t = i;
	}
	return rc;
}

/* 某县某镇召开 / 第八届人民代表大会第二次会议 (an e-paper's headline over
 * two lines, its verb left hanging), 某区 / 召开区政府第三次全会 (the place
 * on a line of its own above its verb): one title. 0 or HY_ERR_NOMEM. */
static int title_round_verb(const struct doc *d, const struct span *lines, enum line_kind *kind,
			    size_t nl, size_t t, size_t a0, size_t b0, struct hy_meeting *m)
{
	static const char *const verbs[] = {"召开", "举行"};
	if (b0 - a0 < 2 || b0 - a0 > 30)
		return 0;
	if (longest_end(d, a0, b0, verbs, COUNT(verbs)) && find(d, a0, b0, "会") == NPOS) {
		size_t la = 0, lb = 0, i = next_body_line(d, lines, kind, nl, t, &la, &lb);
		if (i == nl || lb - la < 4 || lb - la > 40 || find(d, la, lb, ",") != NPOS ||
		    find(d, la, lb, "会") == NPOS || clause_end(d, la, lb, 1) < lb)
			return 0;
		return title_goes_on(d, kind, i, la, lb, m);
	}
	if (!match_any(d, a0, b0, verbs, COUNT(verbs), NULL) || t == 0)
		return 0;
	size_t p = t;
	while (p > 0 && kind[p - 1] == L_BLANK)
		p--;
	if (p == 0)
		return 0;
	p--;
	size_t pa = skip_spaces(d, lines[p].a, lines[p].b), pb = lines[p].b;
	while (pb > pa && is_space(d->cp[pb - 1]))
		pb--;
	if (pb - pa < 2 || pb - pa > 8 || count_han(d, pa, pb) != pb - pa ||
	    !longest_end(d, pa, pb, place_levels, COUNT(place_levels)))
		return 0;
	struct buf o = {0};
	if (buf_add(&o, d->s + d->off[pa], d->off[pb] - d->off[pa]) ||
	    buf_add(&o, m->title, strlen(m->title))) {
		free(o.s);
		return HY_ERR_NOMEM;
	}
	kind[p] = L_CHROME;
	set_str(&m->title, o.s);
	return 0;
}

/* 找差距抓落实，再掀各项工作新高潮 / 某县人民政府召开全体(扩大)会议: a
 * paper's kicker (a slogan, no meeting in it; one or two lines) over the
 * headline that names the meeting convened: the headline is the title.
 * *title moves to it. 0 or HY_ERR_NOMEM. */
static int kicker_line(const struct doc *d, size_t a, size_t b)
{
	/* (a slogan of phrases set apart by spaces runs longer: 振奋精神 咬定
	 * 目标 鼓足干劲 …) */
	size_t most = 30;
	for (size_t i = a; i < b && most == 30; i++)
		most = is_space(d->cp[i]) ? 40 : 30;
	/* (no meeting in it: 会议, 大会, 召开; but 社会 is no meeting) */
	static const char *const meets[] = {"会议", "大会", "会上", "召开", "举行", "会见"};
	return b - a <= most && !has_any(d, a, b, meets, COUNT(meets)) && !is_sent_end(d, b - 1);
}

static int title_under_kicker(const struct doc *d, const struct span *lines, enum line_kind *kind,
			      size_t nl, size_t *title, size_t a0, size_t b0, struct hy_meeting *m)
{
	static const char *const convened[] = {"召开", "举行"};
	if (!kicker_line(d, a0, b0))
		return 0;
	/* (保持定力 攻坚克难 / 坚决打好…之战 / 市政府…全体会议召开: two
	 * kickers, the second maybe taken for a slogan's chrome) */
	size_t second = *title + 1;
	while (second < nl && kind[second] == L_BLANK)
		second++;
	size_t sa = second < nl ? skip_spaces(d, lines[second].a, lines[second].b) : 0;
	size_t sb = second < nl ? lines[second].b : 0;
	while (sb > sa && is_space(d->cp[sb - 1]))
		sb--;
	if (second == nl || (kind[second] != L_BODY && kind[second] != L_CHROME) || sb - sa < 4 ||
	    !kicker_line(d, sa, sb) || find(d, sa, sb, ",") != NPOS)
		second = NPOS;
	size_t la = 0, lb = 0,
	       i = next_body_line(d, lines, kind, nl, second != NPOS ? second : *title, &la, &lb);
	if (i == nl || lb - la < 6 || lb - la > 40 || find(d, la, lb, ",") != NPOS ||
	    find(d, la, lb, "会") == NPOS || !has_any(d, la, lb, convened, COUNT(convened)) ||
	    clause_end(d, la, lb, 1) < lb || find_date(d, la, lb, &(struct ymd){0}, 0) != NPOS)
		return 0;
	char *t = doc_str(d, la, lb);
	if (!t)
		return HY_ERR_NOMEM;
	kind[*title] = L_CHROME;
	if (second != NPOS)
		kind[second] = L_CHROME;
	*title = i;
	set_str(&m->title, t);
	return 0;
}

int title_across_lines(const struct doc *d, const struct span *lines, enum line_kind *kind,
		       size_t nl, size_t *title, size_t a0, size_t b0, struct hy_meeting *m)
{
	size_t t = *title;
	int rc = title_over_lines(d, lines, kind, nl, t, a0, b0, m);
	if (!rc)
		rc = title_after_dash(d, lines, kind, nl, t, a0, b0, m);
	if (!rc)
		rc = title_after_organ(d, lines, kind, nl, t, a0, b0, m);
	if (!rc)
		rc = title_formal_head(d, lines, kind, nl, t, a0, b0, m);
	if (!rc)
		rc = title_under_kicker(d, lines, kind, nl, title, a0, b0, m);
	if (!rc)
		rc = title_round_verb(d, lines, kind, nl, t, a0, b0, m);
	return rc;
}
