/* role.c: what the chair's role says of the meeting's body. A body named
 * only in the chair's title (市人大常委会党组书记李某主持召开党组会议: the
 * 市人大常委会's party group), an institution's party committee, and the
 * level of a government named without one (第十七届人民政府 chaired by a
 * 县长: the 县人民政府). parse.c and place.c call them; they depend on
 * nothing but the folded view. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The body named only in the chair's title: 市人大常委会党组书记李某主持召开
 * 党组扩大会议 is the 市人大常委会's 党组 meeting; 区政府常务副区长某召开
 * 调度会 the 区政府's. Only when the text named no body. 0 or HY_ERR_NOMEM. */
/* A school's, a college's or a company's party committee (学校党委, 公司
 * 党委) is the 党委: no place holds it (README, conventions: a041); a
 * forest bureau or a farm under its own name is the unit (below); and a
 * party committee's meeting with no organ before it (召开第二十一次党委会,
 * 2021年第6次党委(扩大)会) is the 党委's. 0 or HY_ERR_NOMEM. */
static int institution_party(struct hy_meeting *m)
{
	static const char *const owners[] = {"集团公司", "学校", "学院", "大学",
					     "公司",     "集团", "校"};
	const char *s = m->body ? m->body : m->kind;
	if (!s)
		return 0;
	struct doc b;
	int rc = doc_init(&b, s, strlen(s));
	if (rc)
		return rc;
	size_t o = 0;
	if (m->body && b.n > 2 && ends_with(&b, 0, b.n, "党委", NULL))
		o = match_any(&b, 0, b.n, owners, COUNT(owners), NULL) == b.n - 2 ? b.n - 2 : 0;
	/* a forest bureau, a forest farm, a state farm under its own name
	 * (五岔沟林业局, 合水林业总场, 东河农场) is the unit: a name that ends
	 * with no level (县, 市 …) is no place of one */
	static const char *const units[] = {"林业管理局", "林业总场", "林业局", "林场",
					    "农场",       "牧场",     "总场"};
	size_t ul = m->body ? longest_end(&b, 0, b.n, units, COUNT(units)) : 0;
	int named = ul && b.n > ul && count_han(&b, 0, b.n) == b.n &&
		    !longest_end(&b, 0, b.n - ul, place_levels, COUNT(place_levels));
	if (named)
		o = b.n - ul;
	/* the name stays as the place, when none is known (titles keep it) */
	if (named && !m->place && !(m->place = doc_str(&b, 0, o))) {
		doc_free(&b);
		return HY_ERR_NOMEM;
	}
	char *party = NULL;
	if (o)
		party = doc_str(&b, o, b.n);
	else if (!m->body && b.n >= 3 &&
		 (match(&b, 0, b.n, "党委会") || match(&b, 0, b.n, "党委(扩大)会") ||
		  match(&b, 0, b.n, "党委扩大会")))
		party = doc_str(&b, 0, 2);
	else {
		doc_free(&b);
		return 0;
	}
	doc_free(&b);
	if (!party)
		return HY_ERR_NOMEM;
	set_str(&m->body, party);
	return 0;
}

/* 区人民政府区长某某主持召开六届16次政府常务会议: a 政府 written without
 * its level is the government the chair's title names with it. */
static int leveled_government(struct hy_meeting *m)
{
	static const char *const govs[] = {"人民政府", "政府"};
	struct doc r;
	if (!m->body || !m->chair_role ||
	    (strcmp(m->body, "政府") != 0 && strcmp(m->body, "人民政府") != 0))
		return 0;
	if (doc_init(&r, m->chair_role, strlen(m->chair_role)))
		return HY_ERR_NOMEM;
	size_t l = match_any(&r, 0, r.n, place_levels, COUNT(place_levels), NULL);
	size_t g = l == 1 ? match_any(&r, l, r.n, govs, COUNT(govs), NULL) : 0;
	int rc = 0;
	if (g && match_any(&r, l + g, r.n, head_levels, COUNT(head_levels), NULL) &&
	    match(&r, l + g + 1, r.n, "长")) {
		char *b = doc_str(&r, 0, l + g);
		if (!b) {
			rc = HY_ERR_NOMEM;
		} else {
			set_str(&m->body, b);
		}
	}
	doc_free(&r);
	return rc;
}

/* 县政协主席某某主持召开政协党组会议: a conference (or a congress's
 * standing committee) named without its level, the chair's role opening
 * with it leveled: 县政协. 0 or HY_ERR_NOMEM. */
static int leveled_conference(struct hy_meeting *m)
{
	static const char *const bare[] = {"政协", "人大常委会", "人大"};
	if (!m->body || !m->chair_role)
		return 0;
	struct doc b, r;
	if (doc_init(&b, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	size_t w = 0;
	int is_bare = match_any(&b, 0, b.n, bare, COUNT(bare), &w) == b.n;
	doc_free(&b);
	if (!is_bare)
		return 0;
	if (doc_init(&r, m->chair_role, strlen(m->chair_role)))
		return HY_ERR_NOMEM;
	size_t l = match_any(&r, 0, r.n, place_levels, COUNT(place_levels), NULL);
	size_t bl = strlen(bare[w]) / 3; /* Han characters, three bytes each */
	int rc = 0;
	if (l == 1 && match(&r, l, r.n, bare[w])) {
		char *nb = doc_str(&r, 0, l + bl);
		if (!nb)
			rc = HY_ERR_NOMEM;
		else
			set_str(&m->body, nb);
	}
	doc_free(&r);
	return rc;
}

/* 县政协党组会议暨第十届委员会第25次主席会议: the committee after 暨,
 * named without its conference, is the one the chair's role names (清水县
 * 政协党组书记、主席 → 县政协); with no body, a prefecture's commissioner
 * (行署专员) convenes its 行署. 0 or HY_ERR_NOMEM. */
static int committee_of_conference(struct hy_meeting *m)
{
	if (!m->chair_role)
		return 0;
	struct doc r;
	if (doc_init(&r, m->chair_role, strlen(m->chair_role)))
		return HY_ERR_NOMEM;
	int rc = 0;
	int bare = 0;
	if (m->body) {
		struct doc b;
		if (doc_init(&b, m->body, strlen(m->body))) {
			doc_free(&r);
			return HY_ERR_NOMEM;
		}
		bare = span_eq(&b, 0, b.n, "委员会");
		doc_free(&b);
	}
	size_t at = bare ? find(&r, 0, r.n, "政协") : NPOS;
	if (at != NPOS && at >= 1 &&
	    match_any(&r, at - 1, at, county_levels, COUNT(county_levels), NULL)) {
		char *o = doc_str(&r, at - 1, at + 2);
		if (!o)
			rc = HY_ERR_NOMEM;
		else
			set_str(&m->body, o);
	}
	size_t ex = !m->body && m->kind ? find(&r, 0, r.n, "行署专员") : NPOS;
	if (!rc && ex != NPOS && ex + 4 == r.n && !(m->body = doc_str(&r, ex, ex + 2)))
		rc = HY_ERR_NOMEM;
	doc_free(&r);
	return rc;
}

int body_from_chair_role(struct hy_meeting *m)
{
	int rc0 = institution_party(m);
	if (rc0)
		return rc0;
	if ((rc0 = leveled_government(m)) || (rc0 = leveled_conference(m)))
		return rc0;
	if ((rc0 = committee_of_conference(m)))
		return rc0;
	if (m->body || !m->chair_role || !m->kind)
		return 0;
	struct doc r, k;
	int rc = doc_init(&r, m->chair_role, strlen(m->chair_role));
	if (rc)
		return rc;
	if ((rc = doc_init(&k, m->kind, strlen(m->kind)))) {
		doc_free(&r);
		return rc;
	}
	size_t end = 0;
	size_t pg = find(&r, 0, r.n, "党组");
	/* a party committee's study session: 某街道党工委书记…主持召开中心组学习会议 */
	static const char *const secretaries[] = {"党工委书记", "党委书记"};
	size_t ps = find_any(&r, 0, r.n, secretaries, COUNT(secretaries), NULL);
	/* the government's own working meetings, convened by one of its heads
	 * (a county-wide conference a 副县长 presides over is no 县政府's) */
	static const char *const working[] = {"调度会",   "办公会", "办公会议", "专题会",
					      "专题会议", "碰头会", "协调会",   "例会"};
	int works = 0;
	for (size_t t = 0; t < COUNT(working); t++)
		works |= ends_with(&k, 0, k.n, working[t], NULL);
	if (match(&k, 0, k.n, "党组") && pg != NPOS && pg >= 2 && pg <= 12 && is_unit(&r, 0, pg) &&
	    count_han(&r, 0, pg) == pg) {
		end = pg;
	} else if (ps != NPOS && ps >= 1 && ps <= 12 && count_han(&r, 0, ps) == ps &&
		   (find(&k, 0, k.n, "中心组") != NPOS || find(&k, 0, k.n, "学习") != NPOS)) {
		end = ps + (match(&r, ps, r.n, "党工委") ? 3 : 2);
	} else if (ends_with(&r, 0, r.n, "主任", NULL) && find(&k, 0, k.n, "主任") != NPOS &&
		   find(&r, 0, r.n, "人大常委会") != NPOS) {
		/* 区人大常委会党组书记、主任某某主持召开主任(扩大)会议: the
		 * 区人大常委会's, named in the first of his titles */
		size_t at = find(&r, 0, r.n, "人大常委会");
		size_t r0 = last_title(&r, at);
		if (count_han(&r, r0, at + 5) == at + 5 - r0 &&
		    !(m->body = doc_str(&r, r0, at + 5)))
			rc = HY_ERR_NOMEM;
	} else if ((ends_with(&r, 0, r.n, "政协主席", NULL) &&
		    (find(&k, 0, k.n, "主席") != NPOS || match(&k, 0, k.n, "党组"))) ||
		   (ends_with(&r, 0, r.n, "常委会主任", NULL) &&
		    (find(&k, 0, k.n, "主任") != NPOS || match(&k, 0, k.n, "党组")))) {
		/* 省政协主席某主持召开…主席会议: the 省政协's (人大常委会 主任会议 too);
		 * 县政协主席某主持召开党组…学习会议: its party group's */
		size_t r0 = last_title(&r, r.n - 2);
		if (r.n - 2 - r0 >= 3 && count_han(&r, r0, r.n) == r.n - r0 &&
		    !(m->body = doc_str(&r, r0, r.n - 2)))
			rc = HY_ERR_NOMEM;
	} else if ((match(&k, 0, k.n, "书记") ||
		    (match(&k, 0, k.n, "常委") && ends_with(&r, 0, r.n, "委书记", NULL))) &&
		   r.n >= 4 && ends_with(&r, 0, r.n, "书记", NULL)) {
		/* 区委书记某某主持召开书记专题会: the 区委's; 县委书记某某主持召开
		 * 七届常委会第67次会议: the 县委's 常委会 */
		size_t r0 = last_title(&r, r.n - 2);
		if (r.n - 2 - r0 >= 2 && count_han(&r, r0, r.n) == r.n - r0 &&
		    is_unit(&r, r0, r.n - 2) && !(m->body = doc_str(&r, r0, r.n - 2)))
			rc = HY_ERR_NOMEM;
	} else if (ends_with(&r, 0, r.n, "管委会主任", NULL) && match(&k, 0, k.n, "主任")) {
		/* 管委会主任某某主持召开主任办公会: the zone's 管委会 */
		size_t r0 = last_title(&r, r.n - 2);
		if (count_han(&r, r0, r.n) == r.n - r0 &&
		    !(m->body = doc_str(&r, r.n - 5, r.n - 2)))
			rc = HY_ERR_NOMEM;
	} else if (find(&k, 0, k.n, "党工委") != NPOS && find(&r, 0, r.n, "党工委书记") != NPOS) {
		/* 区党工委书记某某主持召开党工委扩大会议: the 区党工委's */
		size_t at = find(&r, 0, r.n, "党工委书记");
		size_t r0 = last_title(&r, at);
		if (at + 3 - r0 <= 8 && count_han(&r, r0, at + 3) == at + 3 - r0 &&
		    !(m->body = doc_str(&r, r0, at + 3)))
			rc = HY_ERR_NOMEM;
	} else if (works) {
		static const char *const govs[] = {"人民政府", "政府"};
		size_t l = match_any(&r, 0, r.n, place_levels, COUNT(place_levels), NULL);
		size_t g = l ? match_any(&r, l, r.n, govs, COUNT(govs), NULL) : 0;
		if (g && l + g < r.n)
			end = l + g;
	}
	if (end && !(m->body = doc_str(&r, 0, end)))
		rc = HY_ERR_NOMEM;
	doc_free(&k);
	doc_free(&r);
	return rc;
}

/* 县第十七届人民政府第22次…会议召开 (十七届县人民政府…) / 县长某某主持召开第十七届人民政府第
 * 22次…会议: the government the opening names without its level (its term
 * gone: 人民政府) is the one the title names with it and the chair heads,
 * 县人民政府. A bare 政府 is never a body (issue 10): its chair's level
 * names it. */
int level_from_chair(struct hy_meeting *m)
{
	/* (区长某某主持召开2022年第一次政府常务会议: a 政府 its head
	 * convenes is his level's, 区政府; 人民政府 only where the title
	 * writes the level with it) */
	int bare = strcmp(m->body, "政府") == 0;
	if (!bare && (strcmp(m->body, "人民政府") != 0 || !m->title || !strstr(m->title, "届")))
		return 0;
	struct doc r;
	if (doc_init(&r, m->chair_role, strlen(m->chair_role)))
		return HY_ERR_NOMEM;
	size_t r0 = last_title(&r, r.n);
	/* (公主岭市市长: the title after its place) */
	if (r.n - r0 > 2 && r.n >= 2 && match(&r, r.n - 1, r.n, "长") &&
	    match_any(&r, r.n - 2, r.n - 1, head_levels, COUNT(head_levels), NULL))
		r0 = r.n - 2;
	int rc = 0;
	size_t ll = r.n - r0 == 2 ? r.off[r0 + 1] - r.off[r0] : 0;
	char lv[8] = "";
	if (ll && ll < sizeof lv)
		memcpy(lv, m->chair_role + r.off[r0], ll);
	char named[32] = ""; /* 县人民政府, as the title writes it */
	if (ll && ll < sizeof lv)
		snprintf(named, sizeof named, "%s%s", lv, m->body);
	if (ll && ll < sizeof lv && match_any(&r, r0, r.n, head_levels, COUNT(head_levels), NULL) &&
	    match(&r, r0 + 1, r.n, "长") &&
	    (bare || strncmp(m->title, lv, ll) == 0 || strstr(m->title, named))) {
		char *o = str_join(m->chair_role + r.off[r0], ll, m->body);
		if (!o)
			rc = HY_ERR_NOMEM;
		else
			set_str(&m->body, o);
	}
	doc_free(&r);
	return rc;
}
