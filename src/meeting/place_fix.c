/* place_fix.c: the place found, made right.
 *
 * A town written after its county (宝清夹信子镇, 澧县澧南镇: the town alone),
 * a township's council named after the township (花莲县玉溪乡民代表会: body
 * 乡民代表会, place 玉溪乡), and places that name none (开发区 alone,
 * 黄淮四市, 成都都市 of a paper's name). place.c calls the first two as it
 * finds the place; parse.c calls the last one when everything else is done. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdlib.h>
#include <string.h>

/* 宝清夹信子镇 where the text also writes 宝清县: a town after its county's
 * short name, the town alone is the place. 0 or HY_ERR_NOMEM. */
int town_after_county(struct hy_meeting *m, const char *text, size_t len)
{
	static const char *const towns[] = {"镇", "乡", "街道"};
	static const char *const counties[] = {"县", "市", "区", "旗"};
	struct doc p, t;
	if (!m->place)
		return 0;
	if (doc_init(&p, m->place, strlen(m->place)))
		return HY_ERR_NOMEM;
	size_t cut = 0, tl = longest_end(&p, 0, p.n, towns, COUNT(towns));
	if (tl && p.n >= 5 && count_han(&p, 0, p.n) == p.n) {
		if (doc_init_head(&t, text, len)) {
			doc_free(&p);
			return HY_ERR_NOMEM;
		}
		for (size_t k = 2; k <= 3 && !cut && p.n - k >= tl + 2; k++) {
			/* 澧县澧南镇, 清水县城关镇: the county written whole
			 * before the town */
			if (match_any(&p, k - 1, p.n, counties, COUNT(counties), NULL)) {
				cut = k;
				break;
			}
			if (match_any(&p, k, p.n, counties, COUNT(counties), NULL)) {
				if (p.n - (k + 1) >= tl + 2)
					cut = k + 1;
				break;
			}
			for (size_t i = 0; i + k < t.n && !cut; i++)
				if (memcmp(t.cp + i, p.cp, k * sizeof *p.cp) == 0 &&
				    match_any(&t, i + k, t.n, counties, COUNT(counties), NULL))
					cut = k;
		}
		doc_free(&t);
	}
	char *o = cut ? strdup(m->place + p.off[cut]) : NULL;
	doc_free(&p);
	if (cut && !o)
		return HY_ERR_NOMEM;
	if (o) {
		set_str(&m->place, o);
	}
	return 0;
}

/* 小蓝经开区管委会: a development zone's management committee, named after
 * its zone: body 管委会, place the zone as written (README: w006, ag008).
 * 0 or HY_ERR_NOMEM. */
int zone_committee(struct hy_meeting *m)
{
	static const char *const zones[] = {"经济技术开发区", "开发区",   "经开区", "高新区",
					    "新区",           "工业园区", "园区",   "保税区"};
	struct doc b;
	if (m->place || !m->body)
		return 0;
	if (doc_init(&b, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	size_t cl = 0, zl = 0;
	int rc = 0;
	if (ends_with(&b, 0, b.n, "管委会", &cl) && b.n > cl + 3 && count_han(&b, 0, b.n) == b.n &&
	    (zl = longest_end(&b, 0, b.n - cl, zones, COUNT(zones))) && b.n - cl > zl + 1)
		rc = set_place_body(m, &b, 0, b.n - cl, b.n - cl, b.n); /* organ.c */
	/* 经开区召开第4次管委会会议: the zone convenes its committee's meeting:
	 * body 管委会, the zone its place as written */
	else if (m->kind && strncmp(m->kind, "管委会", strlen("管委会")) == 0 &&
		 count_han(&b, 0, b.n) == b.n && longest_end(&b, 0, b.n, zones, COUNT(zones))) {
		char *body = strdup("管委会");
		if (!body) {
			rc = HY_ERR_NOMEM;
		} else {
			m->place = m->body;
			m->body = body;
		}
	}
	doc_free(&b);
	return rc;
}

/* 喀什地区行政公署, 某盟行署: a prefecture's administration named after its
 * 地区 or 盟: body 行政公署 (行署), place the prefecture as written (as
 * place.c reads a bare 行政公署); its party committee (中共某某地委) the
 * 地委 of its name. 0 or HY_ERR_NOMEM. */
int prefecture_office(struct hy_meeting *m)
{
	static const char *const offices[] = {"行政公署", "行署"};
	static const char *const areas[] = {"地区", "盟"};
	struct doc b;
	if (m->place || !m->body)
		return 0;
	if (doc_init(&b, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	size_t ol = longest_end(&b, 0, b.n, offices, COUNT(offices));
	size_t al = ol ? longest_end(&b, 0, b.n - ol, areas, COUNT(areas)) : 0;
	int rc = 0;
	/* (中共阿勒泰地委: its party committee, 地委 of 阿勒泰; prefecture_place
	 * gives the place as the text writes it) */
	size_t cp = match(&b, 0, b.n, "中共");
	if (al && b.n - ol - al >= 1 && count_han(&b, 0, b.n) == b.n)
		rc = set_place_body(m, &b, 0, b.n - ol, b.n - ol, b.n); /* organ.c */
	else if (!ol && b.n - cp >= 4 && ends_with(&b, cp, b.n, "地委", NULL) &&
		 count_han(&b, 0, b.n) == b.n)
		rc = set_place_body(m, &b, cp, b.n - 2, b.n - 2, b.n);
	doc_free(&b);
	return rc;
}

/* 中共阿勒泰地委 (body 地委, place 阿勒泰): the prefecture as the text
 * writes it, 阿勒泰地区, when it does. 0 or HY_ERR_NOMEM. */
int prefecture_place(struct hy_meeting *m, const char *text, size_t len)
{
	struct doc b, p, t;
	if (!m->place || !m->body)
		return 0;
	if (doc_init(&b, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	int prefecture = span_eq(&b, 0, b.n, "地委");
	doc_free(&b);
	if (!prefecture)
		return 0;
	if (doc_init(&p, m->place, strlen(m->place)))
		return HY_ERR_NOMEM;
	int rc = 0;
	if (p.n >= 2 && count_han(&p, 0, p.n) == p.n && !ends_with(&p, 0, p.n, "地区", NULL)) {
		if (doc_init_head(&t, text, len)) {
			doc_free(&p);
			return HY_ERR_NOMEM;
		}
		size_t at = NPOS;
		for (size_t i = 0; i + p.n + 2 <= t.n && at == NPOS; i++)
			if (memcmp(t.cp + i, p.cp, p.n * sizeof *t.cp) == 0 &&
			    match(&t, i + p.n, t.n, "地区"))
				at = i;
		char *o = at != NPOS ? doc_str(&t, at, at + p.n + 2) : NULL;
		if (at != NPOS && !o)
			rc = HY_ERR_NOMEM;
		else if (o)
			set_str(&m->place, o);
		doc_free(&t);
	}
	doc_free(&p);
	return rc;
}

/* 疏勒十六届人民政府 (the term dropped by the cleaner of names: 疏勒人民
 * 政府) where the title or the text writes 疏勒县: the name without its
 * level before 人民政府 is the place, the body the level's government.
 * 0 or HY_ERR_NOMEM. */
int bare_name_government(struct hy_meeting *m, const char *text, size_t len)
{
	static const char *const levels[] = {"县", "市", "区", "旗"};
	struct doc b, t;
	if (m->place || !m->body)
		return 0;
	if (doc_init(&b, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	size_t k = b.n >= 6 ? b.n - 4 : 0;
	int rc = 0;
	if (k >= 2 && k <= 3 && count_han(&b, 0, b.n) == b.n && match(&b, k, b.n, "人民政府") &&
	    !match_any(&b, k - 1, b.n, levels, COUNT(levels), NULL)) {
		if (doc_init_head(&t, text, len)) {
			doc_free(&b);
			return HY_ERR_NOMEM;
		}
		size_t which = 0;
		for (size_t i = 0; i + k < t.n; i++) {
			if (memcmp(t.cp + i, b.cp, k * sizeof *b.cp) != 0 ||
			    !match_any(&t, i + k, t.n, levels, COUNT(levels), &which))
				continue;
			char *place = doc_str(&t, i, i + k + 1);
			char *body = str_join(levels[which], strlen(levels[which]), "人民政府");
			if (!place || !body) {
				free(place);
				free(body);
				rc = HY_ERR_NOMEM;
				break;
			}
			set_str(&m->body, body);
			m->place = place;
			break;
		}
		doc_free(&t);
	}
	doc_free(&b);
	return rc;
}

/* 花莲县玉溪乡民代表会: a township's (a town's, a city's) council of
 * representatives, named after the township: body 乡民代表会, place 玉溪乡
 * (the county before it aside). 0 or HY_ERR_NOMEM. */
int council_body(struct hy_meeting *m)
{
	static const char *const levels[] = {"乡", "镇", "市"};
	struct doc b;
	if (!m->body || m->place)
		return 0;
	if (doc_init(&b, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	size_t k = 0, n = b.n;
	int rc = 0;
	if (n >= 7 && ends_with(&b, 0, n, "民代表会", &k) &&
	    match_any(&b, n - k - 1, n, levels, COUNT(levels), NULL)) {
		size_t lv = n - k - 1, p0 = lv;
		/* the place: back to the level before it (花莲县|玉溪乡) */
		while (p0 > 0 &&
		       !match_any(&b, p0 - 1, p0, county_levels, COUNT(county_levels), NULL))
			p0--;
		/* (南屏镇 + 镇民代表会: the place named whole before the
		 * council's level) */
		size_t pe = b.cp[lv - 1] == b.cp[lv] ? lv : lv + 1;
		if (lv - p0 >= 2)
			rc = set_place_body(m, &b, p0, pe, lv, n);
	}
	doc_free(&b);
	return rc;
}

/* 开发区召开…: a zone's word alone names no place; nor do 黄淮四市 (four
 * cities) or 成都都市 (of 成都都市报, a paper). 0 or HY_ERR_NOMEM. */
/* The place becomes o (NULL: out of memory), p its view again. 0 or
 * HY_ERR_NOMEM (p freed then). */
static int place_becomes(struct hy_meeting *m, struct doc *p, char *o)
{
	doc_free(p);
	if (!o)
		return HY_ERR_NOMEM;
	set_str(&m->place, o);
	return doc_init(p, m->place, strlen(m->place)) ? HY_ERR_NOMEM : 0;
}

int drop_no_place(struct hy_meeting *m)
{
	static const char *const zones[] = {"开发区", "高新区",     "园区",   "新区",    "经开区",
					    "管委会", "产业集聚区", "集聚区", "工业园区"};
	struct doc p;
	if (!m->place)
		return 0;
	if (doc_init(&p, m->place, strlen(m->place)))
		return HY_ERR_NOMEM;
	/* 中国共产党祁阳市 (of …市第一次代表大会): the party's name before the
	 * place is no part of it */
	static const char *const party[] = {"中国共产党", "中共"};
	size_t pl = match_any(&p, 0, p.n, party, COUNT(party), NULL);
	if (pl && p.n - pl >= 2 && place_becomes(m, &p, strdup(m->place + p.off[pl])))
		return HY_ERR_NOMEM;
	/* 汶上汶上县: a mirror's name written twice before its level */
	if (p.n >= 5 && p.n <= 9 && (p.n - 1) % 2 == 0 && count_han(&p, 0, p.n) == p.n &&
	    memcmp(p.cp, p.cp + (p.n - 1) / 2, (p.n - 1) / 2 * sizeof *p.cp) == 0 &&
	    match_any(&p, p.n - 1, p.n, place_levels, COUNT(place_levels), NULL) &&
	    place_becomes(m, &p, doc_str(&p, (p.n - 1) / 2, p.n)))
		return HY_ERR_NOMEM;
	int bare = 0;
	for (size_t z = 0; z < COUNT(zones) && !bare; z++)
		bare = span_eq(&p, 0, p.n, zones[z]);
	/* 生态环境分区, 功能分区: a division of some plan, no place */
	if (p.n >= 3 && ends_with(&p, 0, p.n, "分区", NULL))
		bare = 1;
	/* 乡镇, 县区, 镇街: the levels together, no place's name */
	static const char *const pairs[] = {"乡镇", "镇街", "街镇", "县区", "区县", "市县", "县市"};
	for (size_t z = 0; z < COUNT(pairs) && !bare; z++)
		bare = span_eq(&p, 0, p.n, pairs[z]);
	/* 暨市 (of 常委会会议暨市委…): a conjunction, then a level */
	static const char *const joins[] = {"暨", "及", "和", "与", "并"};
	if (p.n == 2 && match_any(&p, 0, 1, joins, COUNT(joins), NULL))
		bare = 1;
	/* 会暨区 (of …(扩大)会暨区政协…): a meeting's end and 暨 before a level */
	if (find(&p, 0, p.n, "暨") != NPOS)
		bare = 1;
	if (p.n >= 3 && (cn_digit(p.cp[p.n - 2]) >= 1 || p.cp[p.n - 2] == 0x4E24 /* 两 */ ||
			 (p.n >= 4 && ends_with(&p, 0, p.n, "都市", NULL)))) /* (成都市 is one) */
		bare = 1;
	doc_free(&p);
	if (bare) {
		set_str(&m->place, NULL);
	}
	return 0;
}
