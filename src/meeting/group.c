/* group.c: groups and their organs — a study group, a party group, a
 * standing committee and a leading group meet as their organ's (README,
 * conventions): 区委理论学习中心组 → 区委, 县政府党组 → 县政府 + 党组会议,
 * 县委农村工作领导小组 → 县委 + 领导小组会议. name.c calls these while it
 * reads a meeting's name. Then what is made of the name afterwards: a kind
 * under its formal name made short (tidy_kind), a session's sitting
 * (sitting_kind), and a title composed from
 * the fields for a page that has none (compose_title). */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A study group is its organ's (README, conventions): 区委理论学习中心组 →
 * 区委, 市人大常委会党组(机关党组)中心组 → 市人大常委会. Where the organ of
 * the name [a, e) ends: e when it names no study group. */
size_t study_group_end(const struct doc *d, size_t a, size_t e)
{
	size_t k, e0 = e;
	if (ends_with(d, a, e, "中心组(扩大)", &k)) /* the group enlarged */
		e -= 4;
	if (!ends_with(d, a, e, "中心组", &k) || e - k < a + 2)
		return e0;
	e -= k;
	if (ends_with(d, a, e, "理论学习", &k))
		e -= k;
	if (e > a && is_close_bracket(d->cp[e - 1])) { /* (机关党组) */
		size_t o = e - 1;
		while (o > a && !is_open_bracket(d->cp[o - 1]))
			o--;
		if (o > a)
			e = o - 1;
	}
	if (ends_with(d, a, e, "党组", &k) && e - k >= a + 2) /* but 镇党委 stays */
		e -= k;
	return e >= a + 2 ? e : e0;
}

/* The same for a body already cut out: cuts it in place; 0 or
 * HY_ERR_NOMEM. */
int study_group_organ(struct buf *body)
{
	struct doc bd;
	if (body->n == 0)
		return 0;
	if (doc_init(&bd, body->s, body->n))
		return HY_ERR_NOMEM;
	size_t e = study_group_end(&bd, 0, bd.n);
	if (e < bd.n) {
		body->n = bd.off[e];
		body->s[body->n] = '\0';
	}
	doc_free(&bd);
	return 0;
}

/* 县政府党组, 县委常委会 convening: the organ, its group's meeting the
 * kind when none is named (README: the 党组 convention). 0 or
 * HY_ERR_NOMEM. */
int group_to_kind(struct hy_meeting *m)
{
	static const char *const groups[] = {"党组", "常委会"};
	struct doc bd;
	if (!m->body)
		return 0;
	if (doc_init(&bd, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	size_t k = 0;
	for (size_t g = 0; g < COUNT(groups) && !k; g++)
		if (ends_with(&bd, 0, bd.n, groups[g], &k) && bd.n - k < 2)
			k = 0;
	/* but 县人大常委会 is a body of its own */
	if (k && match(&bd, bd.n - k, bd.n, "常委会") &&
	    (ends_with(&bd, 0, bd.n - k, "人大", NULL) ||
	     ends_with(&bd, 0, bd.n - k, "政协", NULL)))
		k = 0;
	int rc = 0;
	if (k) {
		size_t cut = bd.off[bd.n - k];
		if (!m->kind) {
			struct buf kind = {0};
			rc = buf_add(&kind, m->body + cut, strlen(m->body + cut));
			/* 會議, written so the fold check passes it (output, not a pattern) */
			const char *word =
				traditional(m->body) ? "\xe6\x9c\x83\xe8\xad\xb0" : "会议";
			if (!rc)
				rc = buf_add(&kind, word, strlen(word));
			if (rc)
				free(kind.s);
			else
				m->kind = kind.s;
		}
		if (!rc)
			m->body[cut] = '\0';
	}
	doc_free(&bd);
	return rc;
}

int group_bare_meeting(struct hy_meeting *m)
{
	struct doc bd;
	if (!m->body)
		return 0;
	if (doc_init(&bd, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	int group = bd.n > 3 && ends_with(&bd, 0, bd.n, "党组", NULL);
	doc_free(&bd);
	if (!group)
		return 0;
	set_str(&m->kind, NULL);
	return group_to_kind(m);
}

/* A party committee's leading group (县委农村工作领导小组, 市委全面深化
 * 改革领导小组, 县十七届委员会…领导小组) is its committee's, like a study
 * group (README, conventions): the body is the committee (县委), the kind
 * the group's meeting without its topic (领导小组会议, 领导小组(扩大)会议;
 * a type of its own stays: 全体会议). Reads the opening clause [a, e);
 * leaves m alone when no group stands before the meeting word. 0 or
 * HY_ERR_NOMEM. */
int leading_group(const struct doc *d, size_t a, size_t e, struct hy_meeting *m)
{
	size_t wl, mw = find_meeting_word(d, a, e, &wl);
	/* the group nearest the meeting word (not one in the chair's title:
	 * 县委…领导小组组长某某主持召开…领导小组会议) */
	size_t g = NPOS;
	for (size_t q = mw == NPOS ? NPOS : find(d, a, mw, "领导小组"); q != NPOS;
	     q = find(d, q + 4, mw, "领导小组")) {
		/* but not an alias in brackets: 领导小组(某某领导小组)全体会议 */
		int inside = 0;
		for (size_t r = q; r > a && !inside; r--) {
			if (is_close_bracket(d->cp[r - 1]))
				break;
			inside = is_open_bracket(d->cp[r - 1]);
		}
		if (!inside)
			g = q;
	}
	if (g == NPOS)
		return 0;
	/* the group's name starts after the verb or the clause's start */
	size_t c0 = g;
	while (c0 > a && !is_clause_end(d, c0 - 1) && !is_space(d->cp[c0 - 1]) &&
	       !(c0 >= a + 2 && match(d, c0 - 2, e, "召开")))
		c0--;
	/* the committee: a level and 委 (县委, 市委), a place before it
	 * (秦安县委), or 县十七届委员会 */
	static const char *const levels[] = {"县", "区", "市", "旗", "州", "盟", "省"};
	size_t lv = NPOS, wei = NPOS;
	for (size_t i = c0; i + 1 < g && i <= c0 + 6 && lv == NPOS; i++) {
		if (!match_any(d, i, g, levels, COUNT(levels), NULL))
			continue;
		size_t j = i + 1;
		if (match(d, j, g, "委")) {
			lv = i, wei = j;
			break;
		}
		while (j < g &&
		       (cn_digit(d->cp[j]) >= 0 || cn_unit(d->cp[j]) || is_digit(d->cp[j])))
			j++;
		if (j > i + 1 && match(d, j, g, "届委员会"))
			lv = i, wei = j + 1;
	}
	/* a commission's or a bureau's own group (市卫生健康委健康某某行动领导
	 * 小组): the organ is the first office the name holds */
	size_t organ_end = NPOS;
	if (lv == NPOS && c0 + 3 < g && match_any(d, c0, g, levels, COUNT(levels), NULL)) {
		static const char *const offices[] = {"委", "局", "厅"};
		for (size_t p = c0 + 3; p < g && p <= c0 + 10 && organ_end == NPOS; p++) {
			if (!is_han(d->cp[p - 1]))
				break;
			if (match_any(d, p - 1, g, offices, COUNT(offices), NULL) && p + 2 <= g &&
			    is_unit(d, c0, p))
				organ_end = p;
		}
	}
	/* the kind: what follows the group, past an alias in brackets (but
	 * not (扩大)) and a number (2021年第三次) */
	size_t k = g + 4, ke = mw + wl;
	if (k < ke && is_open_bracket(d->cp[k]) && !match(d, k + 1, ke, "扩大")) {
		size_t q = k + 1;
		while (q < ke && !is_close_bracket(d->cp[q]))
			q++;
		if (q < ke)
			k = q + 1;
	}
	if (match(d, k, ke, "召开")) /* 领导小组召开第七次会议 */
		k += 2;
	for (;;) {
		size_t q = k;
		if (match(d, q, ke, "第"))
			q++;
		while (q < ke &&
		       (is_digit(d->cp[q]) || cn_digit(d->cp[q]) >= 0 || cn_unit(d->cp[q])))
			q++;
		if (q > k && q < ke && match(d, q, ke, "年度")) /* 2022年度第三次 */
			k = q + 2;
		else if (q > k && q < ke && (match(d, q, ke, "年") || match(d, q, ke, "次")))
			k = q + 1;
		else
			break;
	}
	if (k >= ke || ke - k > 8)
		return 0;
	struct buf kind = {0};
	int bare = span_eq(d, k, ke, "会议") || span_eq(d, k, ke, "(扩大)会议");
	int rc = bare ? buf_add(&kind, d->s + d->off[g], d->off[g + 4] - d->off[g]) : 0;
	if (!rc)
		rc = buf_add(&kind, d->s + d->off[k], d->off[ke] - d->off[k]);
	char *body = NULL;
	if (!rc && organ_end != NPOS && !(body = doc_str(d, c0, organ_end)))
		rc = HY_ERR_NOMEM;
	if (!rc && lv != NPOS) {
		struct buf o = {0};
		rc = buf_add(&o, d->s + d->off[lv], d->off[lv + 1] - d->off[lv]) ||
		     buf_add(&o, d->s + d->off[wei], d->off[wei + 1] - d->off[wei]);
		if (rc)
			free(o.s);
		body = o.s;
	}
	if (rc) {
		free(kind.s);
		return HY_ERR_NOMEM;
	}
	set_str(&m->kind, kind.s);
	if (body) {
		set_str(&m->body, body);
	}
	return 0;
}

/* A leading group that convenes a bare meeting (党委巡察工作领导小组召开
 * 会议, 县委某某领导小组召开会议) is its committee's: the body is the
 * committee its name opens with (党委, 县委, 某某公司党委), the kind
 * 领导小组会议 when none is named. A group with no committee before it
 * stays. 0 or HY_ERR_NOMEM. */
int group_body(struct hy_meeting *m)
{
	if (!m->body)
		return 0;
	struct doc bd;
	if (doc_init(&bd, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	size_t gl = 0, cut = 0;
	if (ends_with(&bd, 0, bd.n, "领导小组", &gl)) {
		static const char *const levels[] = {"县", "区", "市", "旗", "州", "盟", "省"};
		static const char *const party[] = {"党委", "党工委", "党组"};
		/* the last committee word in the group's first few characters */
		for (size_t i = 0; i + gl < bd.n && i <= 8; i++) {
			size_t k = match_any(&bd, i, bd.n, party, COUNT(party), NULL);
			if (k && i + k + gl < bd.n)
				cut = i + k;
			else if (!k && i + 2 + gl < bd.n &&
				 match_any(&bd, i, bd.n, levels, COUNT(levels), NULL) &&
				 match(&bd, i + 1, bd.n, "委") && !match(&bd, i + 2, bd.n, "员"))
				cut = i + 2;
		}
	}
	int rc = 0;
	/* 領導小組會議 in traditional text (output, not a pattern) */
	const char *word = traditional(m->body) ? "\xe9\xa0\x98\xe5\xb0\x8e\xe5\xb0\x8f"
						  "\xe7\xb5\x84\xe6\x9c\x83\xe8\xad\xb0"
						: "领导小组会议";
	if (cut) {
		if (!m->kind && !(m->kind = strdup(word)))
			rc = HY_ERR_NOMEM;
		if (!rc)
			m->body[bd.off[cut]] = '\0';
	} else if (gl) { /* (领导小组 alone: the same) */
		/* 某县和美城乡“四大行动”领导小组 with no committee before it: a
		 * group is no organ (README: the labels leave such a body
		 * none); the place its name opens with is the meeting's, its
		 * kind the group's meeting */
		if (!m->place)
			rc = place_in(m->body, strlen(m->body), "", 2, 0, &m->place, NULL);
		if (!rc && (!m->kind || bare_kind(m->kind))) {
			char *k = strdup(word);
			if (!k)
				rc = HY_ERR_NOMEM;
			else
				set_str(&m->kind, k);
		}
		if (!rc)
			set_str(&m->body, NULL);
	}
	doc_free(&bd);
	return rc;
}

/* A kind under its formal name: 常务委员会第十六次会议 is a 常委会会议, as
 * the short names write it (README: formal names read as short ones), in
 * the text's script. 0 or HY_ERR_NOMEM. */
/* 某某街道2019年党员代表会议隆重召开: the place and the year stand in the
 * name of a meeting named before its verb; the type is what follows the
 * year, the place is the meeting's (and a street's own meeting is the
 * 街道's, as 某某街道召开2019年党员代表会议 gives it). 0 or HY_ERR_NOMEM. */
static int place_year_kind(struct hy_meeting *m, struct doc *k)
{
	static const char *const levels[] = {"街道", "镇", "乡", "县", "区", "市", "旗"};
	for (size_t y = 3; y + 5 < k->n && y <= 10; y++) {
		size_t l = 0, which = 0;
		for (size_t t = 0; t < COUNT(levels) && !l; t++)
			if (ends_with(k, 0, y, levels[t], &l))
				which = t;
		long v;
		if (!l || y - l < 2 || count_han(k, 0, y) != y || parse_num(k, y, k->n, &v) != 4 ||
		    !match(k, y + 4, k->n, "年"))
			continue;
		size_t r = y + 5 + match(k, y + 5, k->n, "度");
		if (k->n - r < 3 || count_han(k, r, k->n) != k->n - r)
			return 0;
		char *kind = doc_str(k, r, k->n);
		char *place = m->place ? NULL : doc_str(k, 0, y);
		char *body = !m->body && which == 0 ? doc_str(k, y - l, y) : NULL;
		if (!kind || (!m->place && !place) || (!m->body && which == 0 && !body)) {
			free(kind);
			free(place);
			free(body);
			return HY_ERR_NOMEM;
		}
		set_str(&m->kind, kind);
		if (place)
			m->place = place;
		if (body)
			m->body = body;
		return 0;
	}
	return 0;
}

/* 某县委召开常委(扩大)会议: a party committee's standing committee
 * enlarged is its 常委会(扩大)会议, as most pages and the labels write it
 * (README: a party committee's 常委会; not a conference's 常委(扩大)会议,
 * whose standing committee is a body of its own). 0 or HY_ERR_NOMEM. */
static int committee_enlarged(struct hy_meeting *m, struct doc *k)
{
	if (!m->body || !span_eq(k, 0, k->n, "常委(扩大)会议"))
		return 0;
	struct doc b;
	if (doc_init(&b, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	int party = b.n >= 2 && match(&b, b.n - 1, b.n, "委") &&
		    match_any(&b, b.n - 2, b.n - 1, county_levels, COUNT(county_levels), NULL);
	doc_free(&b);
	if (!party)
		return 0;
	/* (常委會 on a traditional page: output, no pattern) */
	size_t two = k->off[2];
	char *o = str_join(traditional(m->kind) ? "常委\xe6\x9c\x83" : "常委会", 9, m->kind + two);
	if (!o)
		return HY_ERR_NOMEM;
	set_str(&m->kind, o);
	return 0;
}

/* 省人大常委会党组召开第二十一次(扩大)会议: the party group's meeting is
 * its organ's (README: 县政协党组 + 会议 → 县政协 + 党组会议), enlarged
 * too. 0 or HY_ERR_NOMEM. */
static int group_meeting_enlarged(struct hy_meeting *m, struct doc *k)
{
	if (!m->body || !(span_eq(k, 0, k->n, "(扩大)会议") || span_eq(k, 0, k->n, "扩大会议")))
		return 0;
	struct doc bd;
	if (doc_init(&bd, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	int rc = 0;
	if (bd.n >= 4 && ends_with(&bd, 0, bd.n, "党组", NULL)) {
		size_t cut = bd.off[bd.n - 2];
		struct buf o = {0};
		if (buf_add(&o, m->body + cut, strlen(m->body + cut)) ||
		    buf_add(&o, m->kind, strlen(m->kind))) {
			free(o.s);
			rc = HY_ERR_NOMEM;
		} else {
			set_str(&m->kind, o.s);
			m->body[cut] = '\0';
		}
	}
	doc_free(&bd);
	return rc;
}

/* 潘燕)全市领导干部会议: a byline's end before the name (本报讯(记者 某某)
 * 全市…会议昨日召开) is no part of the kind; the kind's own bracket
 * ((扩大)) stays. 0 or HY_ERR_NOMEM. */
static int kind_after_byline(struct hy_meeting *m, struct doc *k)
{
	size_t close = NPOS;
	for (size_t i = 0; i < k->n; i++)
		if (k->cp[i] == ')' && !(i >= 2 && match(k, i - 2, k->n, "扩大)")))
			close = i;
	if (close == NPOS || close + 3 > k->n)
		return 0;
	char *o = doc_str(k, close + 1, k->n);
	if (!o)
		return HY_ERR_NOMEM;
	set_str(&m->kind, o);
	return 0;
}

/* m's kind becomes [a, b) of its view k, and k the view of the new kind.
 * 0 or HY_ERR_NOMEM (k freed then). */
static int kind_to(struct hy_meeting *m, struct doc *k, size_t a, size_t b)
{
	char *o = doc_str(k, a, b);
	doc_free(k);
	if (!o)
		return HY_ERR_NOMEM;
	set_str(&m->kind, o);
	return doc_init(k, m->kind, strlen(m->kind)) ? HY_ERR_NOMEM : 0;
}

/* 某县第十七届人民代表大会常务委员会第十一次会议, 县人大第十八届常委会
 * 第二十七次会议: a congress's standing committee meeting is the standing
 * committee's, 县人大常委会 as its people call it (README), not the
 * congress's. 0 or HY_ERR_NOMEM. */
static int congress_standing_committee(struct hy_meeting *m)
{
	if (!m->body || !m->kind)
		return 0;
	struct doc k, bd;
	if (doc_init(&k, m->kind, strlen(m->kind)))
		return HY_ERR_NOMEM;
	int standing = span_eq(&k, 0, k.n, "常委会会议") || span_eq(&k, 0, k.n, "常委会(扩大)会议");
	doc_free(&k);
	if (!standing)
		return 0;
	if (doc_init(&bd, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	int rc = 0;
	size_t el = 0;
	if ((ends_with(&bd, 0, bd.n, "人民代表大会", &el) ||
	     ends_with(&bd, 0, bd.n, "人大", &el)) &&
	    bd.n > el) {
		/* (會, U+6703, where the page writes it so) */
		const char *sc = traditional(m->body) ? "人大常委\xe6\x9c\x83" : "人大常委会";
		char *nb = str_join(m->body, bd.off[bd.n - el], sc);
		if (!nb)
			rc = HY_ERR_NOMEM;
		else
			set_str(&m->body, nb);
	}
	doc_free(&bd);
	return rc;
}

/* 政协某县委员会第六次会议开幕 … 张某主持开幕大会: a session's sitting
 * is the meeting the readout tells (README: the kind as the text names
 * it), when the kind read is the session's bare 会议. 0 or HY_ERR_NOMEM. */
int sitting_kind(struct hy_meeting *m, const char *text, size_t len)
{
	struct doc t;
	if (!bare_kind(m->kind))
		return 0;
	if (doc_init_head(&t, text, len))
		return HY_ERR_NOMEM;
	static const char *const sittings[] = {"开幕大会", "开幕会", "闭幕大会",
					       "闭幕会",   "开幕式", "闭幕式"};
	int rc = 0;
	size_t l = 0, at = find_any(&t, 0, t.n, sittings, COUNT(sittings), NULL);
	if (at != NPOS)
		l = match_any(&t, at, t.n, sittings, COUNT(sittings), NULL);
	char *kind = l ? doc_str(&t, at, at + l) : NULL;
	if (l && !kind)
		rc = HY_ERR_NOMEM;
	else if (kind)
		set_str(&m->kind, kind);
	doc_free(&t);
	return rc;
}

int tidy_kind(struct hy_meeting *m)
{
	if (!m->kind)
		return 0;
	struct doc k;
	/* each step reads the kind the one before left */
	static int (*const steps[])(struct hy_meeting *, struct doc *) = {
		kind_after_byline, group_meeting_enlarged, place_year_kind, committee_enlarged};
	for (size_t i = 0; i < COUNT(steps); i++) {
		if (doc_init(&k, m->kind, strlen(m->kind)))
			return HY_ERR_NOMEM;
		int rc = steps[i](m, &k);
		doc_free(&k);
		if (rc)
			return rc;
	}
	if (doc_init(&k, m->kind, strlen(m->kind)))
		return HY_ERR_NOMEM;
	int rc = 0;
	/* 党组会议、十八届县人民政府第28次常务会议: two meetings held at one
	 * sitting, the first is the readout's kind */
	{
		size_t dun = find(&k, 0, k.n, "、"), wl;
		if (dun != NPOS && dun >= 2 && find_meeting_word(&k, dun + 1, k.n, &wl) != NPOS &&
		    ends_with(&k, 0, dun, "会议", NULL) && kind_to(m, &k, 0, dun))
			return HY_ERR_NOMEM;
	}
	/* 全市检察长会议, 第二季度委务会议: the scope (the whole city's) and
	 * the period (a quarter) before the type are no part of it */
	size_t cut = 0;
	for (int again = 1; again;) {
		again = 0;
		static const char *const scopes[] = {"全省", "全市", "全县", "全区", "全州",
						     "全旗", "全盟", "全镇", "全乡"};
		size_t q = cut + (match(&k, cut, k.n, "第") ? 1 : 0), l;
		while (q < k.n && (cn_digit(k.cp[q]) >= 0 || is_digit(k.cp[q])))
			q++;
		if ((l = match_any(&k, cut, k.n, scopes, COUNT(scopes), NULL)) != 0) {
			q = cut + l;
		} else if (q > cut && match(&k, q, k.n, "季度")) {
			q += 2;
		} else {
			q = cut;
		}
		if (q > cut && k.n - q >= 4 && count_han(&k, q, k.n) == k.n - q) {
			cut = q;
			again = 1;
		}
	}
	if (cut && kind_to(m, &k, cut, k.n))
		return HY_ERR_NOMEM;
	/* 区委召开常委会议, 主持召开第29次区委常委会，: a party committee's
	 * standing committee meets in its 常委会会议 (README), however the
	 * page shortens it; a congress's or a conference's keeps its own */
	int party = 0;
	if (m->body) {
		struct doc bd;
		if (doc_init(&bd, m->body, strlen(m->body))) {
			doc_free(&k);
			return HY_ERR_NOMEM;
		}
		party = bd.n >= 2 && ends_with(&bd, 0, bd.n, "委", NULL) &&
			find(&bd, 0, bd.n, "人大") == NPOS && find(&bd, 0, bd.n, "政协") == NPOS;
		doc_free(&bd);
	}
	if (party && (span_eq(&k, 0, k.n, "常委会议") || span_eq(&k, 0, k.n, "常委会"))) {
		struct buf o = {0}; /* 常委 + 会 + 会议, each in the page's script */
		/* 議 (U+8B70) where the page wrote 會 */
		int trad = memcmp(k.s + k.off[2], "会", strlen("会")) != 0;
		size_t tail = k.n == 4 ? 3 : 2; /* 常委会议 → its 议; 常委会 → 会议 */
		rc = buf_add(&o, k.s, k.off[3]) || buf_add(&o, k.s + k.off[2], k.off[3] - k.off[2]);
		if (!rc && tail == 3)
			rc = buf_add(&o, k.s + k.off[3], k.off[4] - k.off[3]);
		else if (!rc)
			rc = buf_add(&o, trad ? "\xe8\xad\xb0" : "议", strlen("议"));
		if (rc) {
			free(o.s);
			doc_free(&k);
			return HY_ERR_NOMEM;
		}
		set_str(&m->kind, o.s);
	}
	/* 常务委员会会议, 常务委员会(扩大)会议: a 常委会's meeting under its
	 * formal name, read short (常 委 会 and the rest: 务 and 员 left out) */
	if (match(&k, 0, k.n, "常务委员会") &&
	    (span_eq(&k, 5, k.n, "会议") || span_eq(&k, 5, k.n, "(扩大)会议"))) {
		struct buf o = {0};
		for (size_t i = 0; i < k.n && !rc; i++)
			if (i != 1 && i != 3)
				rc = buf_add(&o, k.s + k.off[i], k.off[i + 1] - k.off[i]);
		if (rc) {
			free(o.s);
		} else {
			set_str(&m->kind, o.s);
		}
	}
	doc_free(&k);
	if (!rc)
		rc = congress_standing_committee(m);
	return rc;
}

/* Whether s is written in traditional characters: one Han character that
 * folds to another (縣 → 县) says so. */
int traditional(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = hy_utf8_decode(s + i, n - i, &cp);
		if (!k)
			break;
		if (cp >= 0x4E00 && cp <= 0x9FFF && hy_fold_cp(cp) != cp)
			return 1;
		i += k;
	}
	return 0;
}

/* A title for a page that has none, from what the text says: place,
 * body, number, kind and the day (柏溪县政府第19次常务会议 4月18日); left
 * NULL when the text names no meeting. Marked HY_GUESSED_TITLE. */
/* Nothing known to name the meeting by: the opening's first clause, or
 * the first section's heading (a page that starts mid-story), up to 30
 * characters, so that the list shows something. 0 or HY_ERR_NOMEM. */
static int title_from_text(struct hy_meeting *m)
{
	const char *from = m->summary                                ? m->summary
			   : m->n_sections && m->sections[0].heading ? m->sections[0].heading
								     : NULL;
	if (!from || !*from)
		return 0;
	size_t n = 0, len = strlen(from), at = 0;
	while (at < len && n < 30) {
		uint32_t c;
		size_t k = hy_utf8_decode(from + at, len - at, &c);
		if (!k || c == 0xFF0C /* ， */ || c == 0x3002 /* 。 */ || c == ',' || c == ';' ||
		    c == 0xFF1B /* ； */ || c == '\n')
			break;
		at += k;
		n++;
	}
	if (n < 4)
		return 0;
	if (!(m->title = malloc(at + 1)))
		return HY_ERR_NOMEM;
	memcpy(m->title, from, at);
	m->title[at] = '\0';
	m->guessed |= HY_GUESSED_TITLE;
	return 0;
}

int compose_title(struct hy_meeting *m)
{
	if (!m->body && !m->kind && !m->month_day && !m->chair)
		return title_from_text(m);
	const char *place = m->place ? m->place : "";
	const char *body = m->body ? m->body : "";
	/* 主席团 + 主席团会议: the kind names the body already; 湖滨街道 + 街道:
	 * so does the place */
	size_t bl0 = strlen(body), pl0 = strlen(place);
	/* (交口街办 + 街道: the street office written short) */
	int street_short =
		strcmp(body, "街道") == 0 && pl0 > 6 && strcmp(place + pl0 - 6, "街办") == 0;
	if (*body && ((m->kind && strncmp(m->kind, body, bl0) == 0) ||
		      (pl0 > bl0 && strcmp(place + pl0 - bl0, body) == 0) || street_short))
		body = "";
	/* 某镇 + 镇党委 + 党委扩大会, 某街道 + 街道党工委 + 党工委会议: the kind
	 * names the organ after the level (one character or two) */
	if (*body && m->kind && pl0) {
		size_t l1 = hy_utf8_decode(body, bl0, &(uint32_t){0});
		size_t l2 = l1 && l1 < bl0
				    ? l1 + hy_utf8_decode(body + l1, bl0 - l1, &(uint32_t){0})
				    : 0;
		if ((l1 && l1 < bl0 && strncmp(m->kind, body + l1, bl0 - l1) == 0) ||
		    (l2 > l1 && l2 < bl0 && strncmp(m->kind, body + l2, bl0 - l2) == 0))
			body = "";
	}
	/* 园区党工委 + 党工委会议: the kind names the party organ,
	 * the body its level (园区第3次党工委会议; 县人大常委会 + 常委会会议
	 * keeps its body whole) */
	/* (县防汛抗旱指挥部 + 指挥部会议 likewise) */
	static const char *const party[] = {"党工委", "党委", "指挥部"};
	size_t drop = 0;
	if (*body && m->kind) {
		struct doc b, k;
		if (doc_init(&b, body, bl0))
			return HY_ERR_NOMEM;
		if (doc_init(&k, m->kind, strlen(m->kind))) {
			doc_free(&b);
			return HY_ERR_NOMEM;
		}
		for (size_t t = 0; t < COUNT(party) && !drop; t++) {
			size_t ol = 0;
			if (ends_with(&b, 0, b.n, party[t], &ol) && ol < b.n &&
			    match(&k, 0, k.n, party[t]))
				drop = bl0 - b.off[b.n - ol];
		}
		doc_free(&k);
		doc_free(&b);
	}
	/* 青川高新区 + 高新区党工委 + 党工委会议: the place names the level too */
	if (drop && pl0 >= bl0 - drop && strncmp(place + pl0 - (bl0 - drop), body, bl0 - drop) == 0)
		body = "", drop = 0;
	/* 清水县 + 县政府 → 清水县政府 */
	size_t pl = strlen(place), cl = 0;
	if (pl && *body) {
		uint32_t a, b;
		size_t n = hy_utf8_decode(body, strlen(body), &b);
		const char *p = place + pl;
		do
			p--;
		while (p > place && ((unsigned char)*p & 0xC0) == 0x80);
		hy_utf8_decode(p, (size_t)(place + pl - p), &a);
		if (a == b || (hy_fold_cp(a) == hy_fold_cp(b)))
			cl = n;
	}
	char num[24] = "", day[24] = "";
	if (m->number > 0)
		snprintf(num, sizeof num, "第%d次", m->number);
	int mm, dd;
	if (m->month_day && sscanf(m->month_day, "%d-%d", &mm, &dd) == 2)
		snprintf(day, sizeof day, " %d月%d日", mm, dd);
	size_t n =
		pl + strlen(body) + strlen(num) + (m->kind ? strlen(m->kind) : 8) + strlen(day) + 1;
	m->title = malloc(n);
	if (!m->title)
		return HY_ERR_NOMEM;
	/* 茶地鎮 + 會議: the generic word in the text's script */
	const char *generic = traditional(place) || traditional(body)
				      ? "\xe6\x9c\x83\xe8\xad\xb0" /* 會議, output, no pattern */
				      : "会议";
	/* 某镇 + 第18次 + 代表大会: a congress is its own meeting, counted */
	static const char congress[] =
		"\xe4\xbb\xa3\xe8\xa1\xa8\xe5\xa4\xa7\xe4\xbc\x9a"; /* 代表大会 */
	size_t bl = strlen(body + cl) - drop;
	if (!m->kind && bl >= sizeof congress - 1 &&
	    strcmp(body + cl + bl - (sizeof congress - 1), congress) == 0)
		snprintf(m->title, n, "%s%s%s%s", place, num, body + cl, day);
	else
		snprintf(m->title, n, "%s%.*s%s%s%s", place, (int)bl, body + cl, num,
			 m->kind ? m->kind : generic, day);
	m->guessed |= HY_GUESSED_TITLE;
	return 0;
}
