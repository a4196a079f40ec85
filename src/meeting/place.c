/* place.c: where the meeting is — the place its body belongs to.
 *
 * find_place() takes it from the body itself (柏溪县政府 → 柏溪县 +
 * 县政府), else from the title, the site's greeting, the opening or the
 * places the text names most often (those across the whole text are
 * place_text.c's, the reading of a name before its level place_name.c's);
 * formal names (中国共产党某县委员会, 政协某县委员会)
 * become their short organ (县委, 县政协). What the chair's role says of
 * the body is role.c's. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdlib.h>
#include <string.h>

/* An association named after its place (某县历任乡镇长联谊协会, 某市青年
 * 商会) convening with no organ named: its place, from the opening. 0 or
 * HY_ERR_NOMEM. */
static int place_of_association(const char *s, size_t slen, char **place)
{
	static const char *const assoc[] = {"协会",   "学会",   "商会",  "联合会",
					    "联谊会", "促进会", "研究会"};
	struct doc t;
	if (doc_init(&t, s, slen))
		return HY_ERR_NOMEM;
	int rc = 0;
	for (size_t i = 1; i < t.n && !*place && !rc; i++) {
		size_t l = match_any(&t, i, t.n, place_levels, COUNT(place_levels), NULL);
		if (!l)
			continue;
		size_t j = place_start(&t, i);
		if (j == i || i - j < 2 || (j > 0 && is_han(t.cp[j - 1])))
			continue;
		size_t e = i + l, k = 0;
		while (e < t.n && e - (i + l) <= 12 && is_han(t.cp[e]) &&
		       !(k = match_any(&t, e, t.n, assoc, COUNT(assoc), NULL)))
			e++;
		if (k && e > i + l && !(*place = doc_str(&t, j, i + l)))
			rc = HY_ERR_NOMEM;
	}
	doc_free(&t);
	return rc;
}

/* A meeting named with no convener (…，开封市开发区高质量发展工作推进会召开，):
 * the place that opens its name, when the clause ends with 召开 or 举行, or
 * follows 召开 before the meeting's name. 0 or HY_ERR_NOMEM. */
static int place_opening_name(const char *s, size_t slen, char **place)
{
	struct doc t;
	if (doc_init(&t, s, slen))
		return HY_ERR_NOMEM;
	int rc = 0;
	for (size_t c = 0; c < t.n && !*place && !rc;) {
		size_t e = c;
		while (e < t.n && !is_clause_end(&t, e))
			e++;
		size_t wl;
		int passive =
			e >= c + 6 &&
			(ends_with(&t, c, e, "召开", NULL) || ends_with(&t, c, e, "举行", NULL)) &&
			find_meeting_word(&t, c, e - 2, &wl) != NPOS;
		/* (城步苗族自治县…推进大会在行政中心召开: an autonomous
		 * county's name is longer) */
		for (size_t i = c + 2; passive && i <= c + 12 && i < e && !*place; i++) {
			size_t l = match_any(&t, i, e, place_levels, COUNT(place_levels), NULL);
			if (l && place_start(&t, i) == c && !(*place = doc_str(&t, c, i + l)))
				rc = HY_ERR_NOMEM;
		}
		/* …主持召开朝阳区规划编制工作会议: the place that opens the
		 * name of the meeting someone convened */
		size_t v = passive ? NPOS : find(&t, c, e, "召开");
		for (size_t i = v + 4; v != NPOS && i <= v + 8 && i < e && !*place && !rc; i++) {
			size_t l = match_any(&t, i, e, place_levels, COUNT(place_levels), NULL);
			if (l && place_start(&t, i) == v + 2 &&
			    find_meeting_word(&t, i + l, e, &wl) != NPOS &&
			    !(*place = doc_str(&t, v + 2, i + l)))
				rc = HY_ERR_NOMEM;
		}
		c = e + 1;
	}
	doc_free(&t);
	return rc;
}

/* A bureau by its short name (市局召开党委会…): the bureau the chair's
 * title, the opening or the title names in full at the same level (市公安局
 * 党委书记、局长某某主持). 0 or HY_ERR_NOMEM. */
static int full_bureau(struct hy_meeting *m)
{
	struct doc b;
	if (!m->body || doc_init(&b, m->body, strlen(m->body)))
		return m->body ? HY_ERR_NOMEM : 0;
	int bare = b.n == 2 && match(&b, 1, 2, "局") &&
		   match_any(&b, 0, 1, place_levels, COUNT(place_levels), NULL);
	const char *const where[] = {m->chair_role, m->summary, m->title};
	int rc = 0;
	char *full = NULL;
	for (size_t w = 0; bare && w < COUNT(where) && !full && !rc; w++) {
		struct doc t;
		if (!where[w])
			continue;
		if (doc_init(&t, where[w], strlen(where[w]))) {
			rc = HY_ERR_NOMEM;
			break;
		}
		for (size_t i = 0; i + 3 < t.n && !full; i++) {
			if (t.cp[i] != b.cp[0])
				continue;
			size_t j = i + 1;
			while (j < t.n && j - i <= 5 && is_han(t.cp[j]) &&
			       !match(&t, j, t.n, "局") && !not_place_at(&t, j, t.n))
				j++;
			if (j >= i + 3 && match(&t, j, t.n, "局") &&
			    !(full = doc_str(&t, i, j + 1)))
				rc = HY_ERR_NOMEM;
		}
		doc_free(&t);
	}
	doc_free(&b);
	if (full) {
		set_str(&m->body, full);
	}
	return rc;
}

static int find_place_at(struct hy_meeting *m, const char *text, size_t len)
{
	int rc0 = full_bureau(m);
	if (!rc0)
		rc0 = province_office(m, text, len); /* organ.c */
	if (rc0)
		return rc0;
	/* 福建省人民政府: the 省人民政府 of 福建省 (省 is no level of place_levels) */
	if (m->body && !m->place) {
		struct doc b;
		if (doc_init(&b, m->body, strlen(m->body)))
			return HY_ERR_NOMEM;
		size_t pv = match_any(&b, 0, b.n, provinces, COUNT(provinces), NULL);
		int split = pv && match(&b, pv, b.n, "省") && b.n - pv >= 3 &&
			    is_unit(&b, pv, b.n) && count_han(&b, 0, b.n) == b.n;
		/* but 江西省青岚市人民检察院 is the city's */
		for (size_t q = pv + 1; split && q < b.n; q++)
			if (match_any(&b, q, b.n, place_levels, COUNT(place_levels), NULL))
				split = 0;
		char *place = split ? doc_str(&b, 0, pv + 1) : NULL;
		size_t at = split ? b.off[pv] : 0;
		doc_free(&b);
		if (split && !place)
			return HY_ERR_NOMEM;
		if (split) {
			memmove(m->body, m->body + at, strlen(m->body + at) + 1);
			m->place = place;
		}
	}
	/* 自治县人大常委会, the autonomous county's name left out: the 县人大常委会 */
	if (m->body) {
		struct doc b;
		if (doc_init(&b, m->body, strlen(m->body)))
			return HY_ERR_NOMEM;
		static const char *const own[] = {"县", "州", "旗"};
		int cut = b.n >= 5 && match(&b, 0, b.n, "自治") &&
			  match_any(&b, 2, b.n, own, COUNT(own), NULL);
		size_t at = cut ? b.off[2] : 0;
		doc_free(&b);
		if (cut)
			memmove(m->body, m->body + at, strlen(m->body + at) + 1);
	}
	/* 余下街道热电厂社区召开…: the 社区 (its committee) in 热电厂社区, as
	 * a 街道 convenes in its street */
	if (m->body && !m->place) {
		struct doc b;
		int rc = doc_init(&b, m->body, strlen(m->body));
		if (rc)
			return rc;
		/* 兰郡社区居委会: the community's committee, in 兰郡社区 */
		static const char *const committees[] = {"居委会", "居民委员会", "党委", "党总支",
							 "党支部"};
		size_t ce = b.n, cl = longest_end(&b, 0, b.n, committees, COUNT(committees));
		if (cl && b.n > cl + 2 && ends_with(&b, 0, b.n - cl, "社区", NULL))
			ce = b.n - cl;
		if (ce > 3 && b.n <= 14 && ends_with(&b, 0, ce, "社区", NULL) &&
		    count_han(&b, 0, b.n) == b.n) {
			size_t from = 0;
			for (size_t i = 0; i + 4 < ce; i++) {
				size_t l = match_any(&b, i, ce - 2, place_levels,
						     COUNT(place_levels), NULL);
				if (l && i >= 2)
					from = i + l;
			}
			char *place = doc_str(&b, from, ce), *office = doc_str(&b, ce - 2, b.n);
			if (!place || !office) {
				free(place);
				free(office);
				rc = HY_ERR_NOMEM;
			} else {
				set_str(&m->body, office);
				m->place = place;
			}
		}
		doc_free(&b);
		if (rc || m->place)
			return rc;
	}
	/* 高新园召开…: a park (its 管委会 unnamed) convenes in itself, as a
	 * town does */
	if (m->body && !m->place) {
		struct doc b;
		if (doc_init(&b, m->body, strlen(m->body)))
			return HY_ERR_NOMEM;
		static const char *const parks[] = {"高新园", "产业园", "科技园", "工业园",
						    "经开园", "物流园", "创业园", "开发园"};
		int park = b.n <= 8 && count_han(&b, 0, b.n) == b.n &&
			   longest_end(&b, 0, b.n, parks, COUNT(parks)) > 0;
		doc_free(&b);
		if (park) {
			m->place = m->body;
			m->body = NULL;
			return 0;
		}
	}
	if (m->body) {
		int rc = league_body(m); /* organ.c */
		if (!rc)
			rc = congress_body(m);
		if (!rc)
			rc = formal_body(m);
		if (rc || m->place)
			return rc;
	}
	if (!m->body) { /* 三道通镇召开…, 文昌镇第十五届人民代表大会… */
		int rc = 0;
		if (m->title && !(m->guessed & HY_GUESSED_TITLE))
			rc = place_in(m->title, strlen(m->title), "", 1, 0, &m->place, NULL);
		if (!rc && !m->place && m->summary)
			rc = place_in(m->summary, strlen(m->summary), "", 2, 1, &m->place, NULL);
		if (!rc && !m->place)
			rc = place_from_greeting(text, len, "", &m->place);
		if (!rc && !m->place && m->summary)
			rc = place_of_association(m->summary, strlen(m->summary), &m->place);
		if (!rc && !m->place && m->title && !(m->guessed & HY_GUESSED_TITLE))
			rc = place_opening_name(m->title, strlen(m->title), &m->place);
		if (!rc && !m->place && m->summary)
			rc = place_opening_name(m->summary, strlen(m->summary), &m->place);
		return rc;
	}
	size_t at = 0;
	int rc = place_in(m->body, strlen(m->body), NULL, 1, 0, &m->place, &at);
	if (!rc && !m->place) { /* the body is a place alone: 青岚县 */
		struct doc b0;
		if ((rc = doc_init(&b0, m->body, strlen(m->body))))
			return rc;
		size_t l0 = level_at_end(&b0, 0, b0.n);
		/* 苏州市北桥街道召开…: the street named after its city */
		size_t c0 =
			l0 && b0.n > l0 && place_start(&b0, b0.n - l0) != 0 ? place_chain(&b0) : 0;
		if (l0 && b0.n > l0 && c0 != NPOS) {
			/* 膏田镇召开…: a town is a place, its organs (镇党委,
			 * 镇政府) unnamed; but 五星街道召开… is the 街道 (its
			 * office) convening in 五星街道 */
			char *office = NULL;
			if (match(&b0, b0.n - l0, b0.n, "街道") &&
			    !(office = doc_str(&b0, b0.n - l0, b0.n)))
				rc = HY_ERR_NOMEM;
			if (!rc && c0) {
				char *pl = doc_str(&b0, c0, b0.n);
				if (!pl) {
					free(office);
					rc = HY_ERR_NOMEM;
				} else {
					set_str(&m->body, pl);
				}
			}
			if (!rc) {
				m->place = m->body;
				m->body = office;
			}
		}
		doc_free(&b0);
		if (rc || m->place)
			return rc;
	}
	if (rc || m->place) {
		if (!rc && at) {
			memmove(m->body, m->body + at, strlen(m->body + at) + 1);
		}
		return rc;
	}
	/* the level the body starts with */
	struct doc b;
	if ((rc = doc_init(&b, m->body, strlen(m->body))))
		return rc;
	size_t which, l = match_any(&b, 0, b.n, place_levels, COUNT(place_levels), &which);
	doc_free(&b);
	if (!l) { /* 党委政府, 人民代表大会: any level, in the title or the opening */
		if (m->title && !(m->guessed & HY_GUESSED_TITLE))
			rc = place_in(m->title, strlen(m->title), "", 1, 0, &m->place, NULL);
		if (!rc && !m->place && m->summary)
			rc = place_in(m->summary, strlen(m->summary), "", 2, 0, &m->place, NULL);
		/* 某县…联谊协会 convenes: the association's place */
		if (!rc && !m->place)
			rc = place_of_association(m->body, strlen(m->body), &m->place);
		/* 行政公署: a prefecture's (地区) administration, the 地区 the
		 * text names most */
		if (!rc && !m->place &&
		    (strcmp(m->body, "行政公署") == 0 || strcmp(m->body, "行署") == 0))
			rc = place_by_count(text, len, "地区", &m->place);
		/* 省检察院, 自治区政协: the province or the region, however it
		 * is named */
		if (!rc && !m->place) {
			struct doc bd;
			if (doc_init(&bd, m->body, strlen(m->body)))
				return HY_ERR_NOMEM;
			int top = match(&bd, 0, bd.n, "省") || match(&bd, 0, bd.n, "自治区");
			doc_free(&bd);
			if (top)
				rc = province_by_count(text, len, &m->place);
		}
		return rc;
	}
	const char *level = place_levels[which];
	if (m->title && (rc = place_in(m->title, strlen(m->title), level, 1, 0, &m->place, NULL)))
		return rc;
	if (!m->place && m->summary &&
	    (rc = place_in(m->summary, strlen(m->summary), level, 2, 0, &m->place, NULL)))
		return rc;
	if (!m->place) { /* the first lines only: later ones speak of others */
		size_t n = len;
		if (n > 600) { /* cut at 600 bytes, back to a character's start */
			n = 600;
			while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
				n--;
		}
		rc = place_in(text, n, level, 2, 0, &m->place, NULL);
	}
	if (!rc && !m->place)
		rc = place_from_greeting(text, len, level, &m->place);
	if (!rc && !m->place)
		rc = place_glued_to_body(m->body, text, len, &m->place);
	if (!rc && !m->place)
		rc = place_from_source_line(text, len, level, &m->place); /* place_text.c */
	if (!rc && !m->place)
		rc = place_by_count(text, len, level, &m->place);
	return rc;
}

/* 西演镇召开十八届人民代表大会第五次会议: an organ written without its level
 * (人民代表大会, 人大, 政协, 人民政府) is its place's, the level the place's
 * own (镇人民代表大会). */
/* 谷城县长黄某主持召开县政府…: the place and the title share 县 (谷城县
 * + 县长), so the chair's role holds the place of a body named without
 * one. The role's last part: a name of 2 or 3 before the body's level and
 * 长. The role becomes the title alone. */
static int place_in_chair_role(struct hy_meeting *m)
{
	struct doc b, r;
	size_t which = 0;
	int rc = 0;
	if (doc_init(&b, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	size_t bl = match_any(&b, 0, b.n, head_levels, COUNT(head_levels), &which);
	doc_free(&b);
	if (!bl || doc_init(&r, m->chair_role, strlen(m->chair_role)))
		return bl ? HY_ERR_NOMEM : 0;
	size_t r0 = last_title(&r, r.n);
	size_t name = r.n - r0 - 2;
	if (r.n - r0 >= 4 && name <= 3 && count_han(&r, r0, r.n) == r.n - r0 &&
	    match(&r, r.n - 2, r.n, head_levels[which]) && match(&r, r.n - 1, r.n, "长")) {
		/* 代理区长, 常务副县长, 时任县长, 兼任市长: titles, no names */
		static const char *const titles[] = {"代", "副",   "常务", "兼",  "原",
						     "前", "时任", "新任", "首任"};
		int plain = !match_any(&r, r0, r.n, titles, COUNT(titles), NULL);
		for (size_t i = r0; i < r.n - 2 && plain; i++)
			plain = !not_place_at(&r, i, r.n - 2) &&
				!match_any(&r, i, i + 1, head_levels, COUNT(head_levels), NULL);
		char *role = NULL;
		if (plain && (!(m->place = doc_str(&r, r0, r.n - 1)) ||
			      !(role = doc_str(&r, r.n - 2, r.n)))) {
			rc = HY_ERR_NOMEM;
		} else if (plain) {
			/* 县委副书记、谷城县长: the titles before stay */
			char *nr = str_join(m->chair_role, r0 ? r.off[r0] : 0, role);
			if (!nr)
				rc = HY_ERR_NOMEM;
			else
				set_str(&m->chair_role, nr);
		}
		free(role);
	}
	doc_free(&r);
	return rc;
}

int find_place(struct hy_meeting *m, const char *text, size_t len)
{
	int rc = council_body(m);
	if (!rc)
		rc = find_place_at(m, text, len);
	if (!rc)
		rc = town_after_county(m, text, len);
	/* (新疆)自治区召开…: the region convening itself names no organ, as
	 * a town convening itself */
	if (!rc && m->body) {
		struct doc b0;
		if (doc_init(&b0, m->body, strlen(m->body)))
			return HY_ERR_NOMEM;
		int bare = span_eq(&b0, 0, b0.n, "自治区") || span_eq(&b0, 0, b0.n, "省");
		doc_free(&b0);
		if (bare) {
			set_str(&m->body, NULL);
		}
	}
	/* 某镇…召开镇党政联席会议: the town convening itself, its organ
	 * unnamed (README), not a body called 镇 */
	if (!rc && m->body && m->place) {
		struct doc b0;
		if (doc_init(&b0, m->body, strlen(m->body)))
			return HY_ERR_NOMEM;
		int bare = span_eq(&b0, 0, b0.n, "镇") || span_eq(&b0, 0, b0.n, "乡");
		doc_free(&b0);
		if (bare)
			set_str(&m->body, NULL);
	}
	if (!rc)
		rc = zone_organ(m); /* organ.c */
	if (!rc && (!m->body || strcmp(m->body, "街道") == 0) && m->place && m->kind)
		rc = town_party(m); /* organ.c */
	if (!rc && m->body && !m->place && m->chair_role)
		rc = place_in_chair_role(m);
	if (!rc && m->body && m->chair_role)
		rc = level_from_chair(m);
	if (!rc && !m->place)
		rc = bare_place(m, text, len); /* organ.c: 结合某某实际 */

	/* 市政府召开十届四十二次政府常务会议: a bare 政府 said again before
	 * the kind; the title writes the level with the first */
	if (!rc && m->body && m->title && strcmp(m->body, "政府") == 0) {
		struct doc tt;
		if (doc_init(&tt, m->title, strlen(m->title)))
			return HY_ERR_NOMEM;
		size_t l = match_any(&tt, 0, tt.n, head_levels, COUNT(head_levels), NULL);
		if (l && (match(&tt, l, tt.n, "政府") || match(&tt, l, tt.n, "人民政府"))) {
			char *o = str_join(m->title, tt.off[l], m->body);
			if (!o)
				rc = HY_ERR_NOMEM;
			else
				set_str(&m->body, o);
		}
		doc_free(&tt);
	}
	if (rc || !m->body || !m->place)
		return rc;
	static const char *const bare[] = {"人民代表大会", "人大", "政协", "人民政府", "政府"};
	struct doc b, p;
	if (doc_init(&b, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	if (doc_init(&p, m->place, strlen(m->place))) {
		doc_free(&b);
		return HY_ERR_NOMEM;
	}
	size_t l = level_at_end(&p, 0, p.n);
	char *o = NULL;
	/* 三桥镇党委: a town's party committee is its 镇党委, a street's its
	 * 街道党工委 (a county's is its 县委, named so) */
	int town_party =
		(span_eq(&b, 0, b.n, "党委") && l == 1 &&
		 (match(&p, p.n - 1, p.n, "镇") || match(&p, p.n - 1, p.n, "乡"))) ||
		/* (某街道…于6月9日召开党工委会议: the street's 街道党工委) */
		(span_eq(&b, 0, b.n, "党工委") && l == 2 && match(&p, p.n - 2, p.n, "街道"));
	if (l && p.n > l && (town_party || match_any(&b, 0, b.n, bare, COUNT(bare), NULL))) {
		/* the level in the place's own script (鎮, 縣) */
		o = str_join(m->place + p.off[p.n - l], p.off[p.n] - p.off[p.n - l], m->body);
		if (!o)
			rc = HY_ERR_NOMEM;
	}
	doc_free(&p);
	doc_free(&b);
	if (o) {
		set_str(&m->body, o);
	}
	return rc;
}
