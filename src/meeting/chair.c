/* chair.c: who chaired — the chair read from a sentence (县长某某主持召开…,
 * 会议由某某主持, 某区政府某某区长主持), from a line of its own (主持人：某某)
 * or from the executive chairman who opens a session. people.c reads who
 * else was there. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdlib.h>
#include <string.h>

/* A minutes' label line names the chair: 主席:柯某某, 主持人:王某. */
static const char *const chair_labels[] = {
	"主席:", "主持人:", "主席 :", "主持人 :", "会议主持人:", "会议主持:"};

/* The label's length when line [a, b) is a chair's label alone (会议主持人:
 * with the name on the next line, as a form's fields are laid out), else 0. */
int chair_label_alone(const struct doc *d, size_t a, size_t b)
{
	a = skip_spaces(d, a, b);
	a += item_marker(d, a, b);
	size_t k = match_any(d, a, b, chair_labels, COUNT(chair_labels), NULL);
	return k && skip_spaces(d, a + k, b) >= b;
}

/* Sets m->chair when [a, b) is a chair's label line. 0 or HY_ERR_NOMEM. */
int chair_line(const struct doc *d, size_t a, size_t b, struct hy_meeting *m)
{
	size_t k;
	a = skip_spaces(d, a, b);
	a += item_marker(d, a, b); /* 五、主席:… in numbered minutes */
	if (m->chair || !(k = match_any(d, a, b, chair_labels, COUNT(chair_labels), NULL)))
		return 0;
	return chair_value(d, a + k, b, m);
}

/* The chair named by a label's value [s, b): 王某, 区委副书记、区长某某, and
 * Taiwan's 丁局長育群 (the surname, the title, the given name) is 丁育群.
 * 0 or HY_ERR_NOMEM. */
int chair_value(const struct doc *d, size_t s, size_t b, struct hy_meeting *m)
{
	if (m->chair)
		return 0;
	s = skip_spaces(d, s, b);
	size_t e = s;
	/* 主席:林主席志远　纪录:某某: the name ends at a space */
	while (e < b && !is_space(d->cp[e]))
		e++;
	if (name_ok(d, s, e))
		return (m->chair = doc_str(d, s, e)) ? 0 : HY_ERR_NOMEM;
	/* 主席 / 市長 黃某某: the title, a space, the name */
	if (e < b && e > s && longest_end(d, s, e, title_ends, COUNT(title_ends))) {
		size_t s2 = skip_spaces(d, e, b), e2 = s2;
		while (e2 < b && !is_space(d->cp[e2]))
			e2++;
		if (e2 > s2 && name_ok(d, s2, e2))
			return (m->chair = doc_str(d, s2, e2)) ? 0 : HY_ERR_NOMEM;
	}
	size_t t = titled_given_name(d, s, e);
	if (t) {
		struct buf o = {0};
		if (buf_add(&o, d->s + d->off[s], d->off[s + 1] - d->off[s]) ||
		    buf_add(&o, d->s + d->off[s + 1 + t], d->off[e] - d->off[s + 1 + t])) {
			free(o.s);
			return HY_ERR_NOMEM;
		}
		m->chair = o.s;
		return 0;
	}
	/* 会议主持人:区委副书记、区长某某: the titles, then the name */
	for (size_t p = e >= 3 ? e - 3 : s; p + 2 <= e && p > s; p++) {
		if (!longest_end(d, last_title(d, p) > s ? last_title(d, p) : s, p, title_ends,
				 COUNT(title_ends)) ||
		    !name_ok(d, p, e))
			continue;
		char *role = doc_str(d, s, p);
		if (!role || !(m->chair = doc_str(d, p, e))) {
			free(role);
			return HY_ERR_NOMEM;
		}
		set_str(&m->chair_role, role);
		return 0;
	}
	return 0;
}

int find_chair(const struct doc *d, size_t a, size_t b, struct hy_meeting *m)
{
	size_t vlen;
	size_t v = find_any(d, a, b, chair_verbs, 4, &vlen); /* 主持… */
	/* 主席团会议主持人李某主持: the host's title is no verb */
	while (v != NPOS && match(d, v, b, "主持人"))
		v = find_any(d, v + 3, b, chair_verbs, 4, &vlen);
	if (v == NPOS)
		v = find_any(d, a, b, chair_verbs, COUNT(chair_verbs), &vlen);
	if (v == NPOS)
		return 0;
	/* clause start */
	size_t s = v;
	while (s > a && !is_clause_end(d, s - 1) && d->cp[s - 1] != ' ')
		s--;
	/* 区长某某在区政府会议室，主持召开…: the room's clause before the
	 * verb's holds the chair */
	static const char *const rooms[] = {"会议室", "室", "楼", "厅", "中心", "礼堂"};
	size_t cap = v; /* where the chair's span must end */
	if (s == v && s > a + 1 && d->cp[s - 1] == ',') {
		size_t p = s - 1, s2 = p;
		while (s2 > a && !is_clause_end(d, s2 - 1) && d->cp[s2 - 1] != ' ')
			s2--;
		if (p > s2 + 4 && longest_end(d, s2, p, rooms, COUNT(rooms)) &&
		    (find(d, s2 + 2, p, "在") != NPOS || find(d, s2 + 2, p, "于") != NPOS))
			s = s2;
		/* …示范区党工委书记、管委会主任某某，主持召开…: a long role and
		 * the name, a comma before the verb */
		else if (p > s2 + 2) {
			size_t r = split_role_name(d, s2, p, 0);
			if (r != NPOS && r > s2 && r + 2 <= p && name_ok(d, r, p))
				s = s2, cap = p;
		}
	}
	/* 市长某某带领…，到某街道调研，并主持召开…: the verb's clause holds
	 * nothing but 并; the sentence's first clause, its subject, the chair */
	if (v - s <= 1 && (s == v || match(d, s, v, "并")) && s > a && d->cp[s - 1] == ',') {
		size_t ss = s - 1;
		while (ss > a && !is_sent_end(d, ss - 1))
			ss--;
		size_t c1 = ss;
		while (c1 < s - 1 && !is_clause_end(d, c1))
			c1++;
		/* (12月28日，市长某某…: past the day's own clause, a dateline's
		 * 本报讯 before the day too) */
		size_t xun = find(d, ss, c1, "讯"),
		       ds = xun != NPOS && xun <= ss + 8 ? skip_spaces(d, xun + 1, c1) : ss;
		if (c1 < s - 1 && after_leading_day(d, ds, c1) == c1) {
			ss = c1 + 1;
			for (c1 = ss; c1 < s - 1 && !is_clause_end(d, c1);)
				c1++;
		}
		if (c1 > ss + 2 && c1 <= s - 1)
			s = ss, cap = c1;
	}
	/* 8月15日县长某某主持召开…: the day before the role, no comma between */
	{
		size_t s1 = after_leading_day(d, s, v); /* dates.c */
		if (s1 > s && v > s1 + 2)
			s = s1;
	}
	/* the span ends at a date, 于/在 + place/time, or the verb (于 + a
	 * room: 区长某某于区机关二楼会议室召开) */
	size_t e = cap;
	for (size_t i = s; i < cap; i++) {
		struct ymd t;
		long dv;
		size_t dk;
		if ((is_digit(d->cp[i]) || cn_digit(d->cp[i]) >= 0) && i > s &&
		    (parse_date(d, i, v, &t) ||
		     ((dk = parse_num(d, i, v, &dv)) &&
		      (match(d, i + dk, v, "日") || match(d, i + dk, v, "号"))))) {
			e = i;
			break;
		}
		/* (在 + a place, or 在 + the verb: 某某在主持会议时; but 宋在军
		 * 主持, one character between: a name's 在) */
		if (i > s + 1 && ((match(d, i, v, "在") && v != i + 2) ||
				  (match(d, i, v, "于") && i + 1 < v &&
				   (is_digit(d->cp[i + 1]) || cn_digit(d->cp[i + 1]) >= 0 ||
				    match(d, i + 1, v, "今") || match(d, i + 1, v, "昨") ||
				    match(d, i + 1, v, "近") || match(d, i + 1, v, "上午") ||
				    match(d, i + 1, v, "下午") ||
				    (!match(d, i + 1, v, "在") &&
				     find_any(d, i + 1, v, rooms, COUNT(rooms), NULL) != NPOS))))) {
			e = i;
			break;
		}
		if (i > s + 1 && (match(d, i, v, "上午") || match(d, i, v, "下午"))) {
			e = i;
			break;
		}
		/* 县长某某通过视频连线方式主持召开: the manner ends the span */
		if (i > s + 1 && (match(d, i, v, "通过") || match(d, i, v, "以视频"))) {
			e = i;
			break;
		}
		/* 主任某某率有关部门负责人来某镇召开…: who led them there; 带领
		 * likewise, and 到, 赴 (市长某某到某街道调研并主持…): where he went */
		if (i > s + 1 &&
		    ((match(d, i, v, "率") && i + 1 < v && !match(d, i + 1, v, "先")) ||
		     match(d, i, v, "带领") || match(d, i, v, "到") || match(d, i, v, "赴"))) {
			e = i;
			break;
		}
	}
	/* strip a leading date, 会议由 / 由, 受…委托 */
	struct ymd t;
	size_t k;
	if ((k = parse_date(d, s, e, &t)))
		s += k;
	size_t w = find(d, s, e, "委托");
	if (w != NPOS)
		s = w + 2;
	if ((k = match(d, s, e, "会议由")) || (k = match(d, s, e, "由")))
		s += k;
	/* 大会由某某主持, 全会由…: the meeting's word before 由 likewise */
	for (size_t i = s + 1; i < e && i <= s + 4; i++)
		if (d->cp[i] == 0x7531 /* 由 */ &&
		    (d->cp[i - 1] == 0x4F1A /* 会 */ || d->cp[i - 1] == 0x8BAE /* 议 */)) {
			s = i + 1;
			break;
		}
	trim(d, &s, &e);
	/* 会议由县政府办公室某某同志主持: the courtesy after the name off,
	 * so an office before it reads as one */
	{
		size_t tz = 0;
		if (e - s > 4 && ends_with(d, s, e, "同志", &tz))
			e -= tz;
	}
	/* 由乡长某某亲自主持: an adverb before the verb is no part of the name */
	/* 副縣長某某昨主持, 某某分批召开: a day or a manner likewise */
	/* 某某先后主持召开…党组会议和常务会议: one after the other */
	/* 区长某某出席并主持会议: a first verb joined by 并 likewise */
	static const char *const adverbs[] = {
		"迅速", "立即",   "随即",   "当即",   "及时",   "亲自",   "专门",
		"再次", "首次",   "昨",     "今",     "昨日",   "今日",   "昨天",
		"今天", "分批",   "分别",   "先后",   "日前",   "近日",   "当天",
		"当日", "参加并", "出席并", "到会并", "莅临并", "参会并", "第一时间"};
	if ((k = longest_end(d, s, e, adverbs, COUNT(adverbs))) && e - s > k + 2)
		e -= k;
	/* 由召集人某某担任主席主持, 由召集人某某(中)主持会议: the seat he took
	 * and a photo's place mark after the name */
	if (e - s > 6 && ends_with(d, s, e, "担任主席", NULL))
		e -= 4;
	if (e - s > 4 && d->cp[e - 1] == ')') {
		static const char *const marks[] = {"(中)",   "(左)",   "(右)",
						    "(左一)", "(左二)", "(左三)",
						    "(右一)", "(右二)", "(右三)"};
		size_t mk = longest_end(d, s, e, marks, COUNT(marks));
		if (mk && e - s > mk + 2)
			e -= mk;
	}
	if (e <= s)
		return 0;
	/* 主任甲，副主任乙分别主持会议: the first of those who took turns */
	if (k && match(d, e, b, "分别") && s >= a + 4 && d->cp[s - 1] == ',') {
		size_t ps = s - 1;
		while (ps > a && !is_clause_end(d, ps - 1) && d->cp[ps - 1] != ' ')
			ps--;
		size_t p0 = split_role_name(d, ps, s - 1, 1);
		if (p0 != NPOS && p0 > ps && s - 1 - p0 >= 2 && s - 1 - p0 <= 3) {
			e = s - 1;
			s = ps;
		}
	}
	/* 袁某某副镇长在…主持召开, 赵某某委员长主持会议: the name, then a
	 * short title (a longer one would not follow the name); read first,
	 * as the name-then-title span also reads as a four-character name or
	 * splits inside the title (委员|长) */
	static const char *const short_titles[] = {
		"县长",   "副县长",   "区长",     "副区长",     "市长",   "副市长", "旗长",
		"副旗长", "镇长",     "副镇长",   "乡长",       "副乡长", "书记",   "副书记",
		"主任",   "副主任",   "主席",     "副主席",     "局长",   "副局长", "场长",
		"副场长", "院长",     "副院长",   "校长",       "副校长", "部长",   "副部长",
		"委员长", "副委员长", "主任委员", "副主任委员", "秘书长", "厅长",   "副厅长",
		"处长",   "副处长",   "检察长",   "副检察长",   "庭长",   "所长",   "会长",
		"理事长", "省长",     "副省长",   "州长",       "盟长",   "主委"};
	size_t role_at = NPOS, n0 = s;
	/* 某区政府程某某区长主持: the organ, then the name and its title */
	for (size_t u = s; role_at == NPOS && u + 4 <= e && u <= s + 12; u++) {
		if (u > s && !(u >= s + 2 && is_unit(d, s, u) && count_han(d, s, u) == u - s))
			continue;
		for (size_t q = u + 2; role_at == NPOS && q <= u + 3 && q + 2 <= e; q++)
			if (name_ok(d, u, q) &&
			    match_any(d, q, e, short_titles, COUNT(short_titles), NULL) == e - q)
				role_at = q, n0 = u;
	}
	if (role_at != NPOS && match(d, v, b, "主持")) {
		m->chair = doc_str(d, n0, role_at);
		m->chair_role = doc_str(d, role_at, e);
		return m->chair && m->chair_role ? 0 : HY_ERR_NOMEM;
	}
	size_t p = split_role_name(d, s, e, 1);
	/* 会议由镇党委尚金楼主持: an office, then the name */
	for (size_t q = e >= s + 2 ? e - 2 : s;
	     p == NPOS && match(d, v, b, "主持") && q + 4 >= e && q > s + 1; q--)
		if (name_ok(d, q, e) && is_unit(d, s, q) && !is_title_only(d, s, e))
			p = q; /* (镇党委书记: a title, no name) */
	if (p == NPOS)
		return 0;
	/* 召开 without 主持: "市府今日召开…" names no one; a chair needs a title */
	if (p == s && !match(d, v, b, "主持"))
		return 0;
	size_t ne = e;
	if (ends_with(d, p, e, "同志", &k))
		ne -= k;
	m->chair = doc_str(d, p, ne);
	if (!m->chair)
		return HY_ERR_NOMEM;
	if (p > s) {
		m->chair_role = doc_str(d, s, p);
		if (!m->chair_role)
			return HY_ERR_NOMEM;
	}
	return 0;
}

/* 大会执行主席某某宣布大会开幕: a session's sitting is presided over by
 * the one who opens it (the executive chairman, the host 主持人某某, a
 * standing committee's vice-chair), the text saying no 主持. Sets
 * m->chair from the first clause in [a,b) that says so. */
int opener_chair(const struct doc *d, size_t a, size_t b, struct hy_meeting *m)
{
	static const char *const opens[] = {"宣布大会开幕", "宣布会议开幕", "宣布开幕"};
	for (size_t i = a; i < b && !m->chair;) {
		size_t e = clause_end(d, i, b, 0);
		size_t s = skip_spaces(d, i, e), v = find_any(d, s, e, opens, COUNT(opens), NULL);
		/* (主持人某某宣布大会开幕: the sitting's host by name) */
		/* (县人大常委会副主任某某宣布大会开幕: whoever opens it, his
		 * title before his name) */
		if (v != NPOS && v > s + 4) {
			size_t p = split_role_name(d, s, v, 0);
			if (p != NPOS && p > s) {
				/* (主持人 names the part he plays, no title) */
				int host = span_eq(d, s, p, "主持人");
				m->chair = doc_str(d, p, v);
				m->chair_role = host ? NULL : doc_str(d, s, p);
				if (!m->chair || (!host && !m->chair_role))
					return HY_ERR_NOMEM;
			}
		}
		i = e + 1;
	}
	return 0;
}
