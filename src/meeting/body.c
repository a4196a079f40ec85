/* body.c: the body as readers call it. The organ a meeting's name or its
 * convener gives is tidied (no term inside, no pronoun for a place),
 * a party committee is named as readers name it (区委员会 → 区委, 某某地委 →
 * 地委 of 某某), and a street office convening is the 街道 in its street.
 * parse.c calls tidy_body before the place is found (place.c) and
 * body_after_place once it is. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdlib.h>
#include <string.h>

/* The party committee by its short name, as readers call it: 中共某区第十四届
 * 委员会 (its place and term taken off: 区委员会) is the 区委; 阿克苏地委,
 * a prefecture's (地区) committee, is the 地委 of 阿克苏. */
static int party_committee(struct hy_meeting *m)
{
	struct doc b;
	int rc = doc_init(&b, m->body, strlen(m->body));
	if (rc)
		return rc;
	if (b.n == 4 && match_any(&b, 0, 1, county_levels, COUNT(county_levels), NULL) &&
	    match(&b, 1, b.n, "委员会")) {
		/* 区委员会 → 区委; but 政协某旗第十一届委员会 is the 旗政协 (政協
		 * too: the title read folded) */
		struct doc t;
		int cppcc = 0;
		if (m->title && doc_init(&t, m->title, strlen(m->title)) == 0) {
			cppcc = find(&t, 0, t.n, "政协") != NPOS;
			doc_free(&t);
		} else if (m->title) {
			doc_free(&b);
			return HY_ERR_NOMEM;
		}
		if (cppcc)
			memcpy(m->body + b.off[1], "政协", strlen("政协") + 1);
		else
			m->body[b.off[2]] = '\0';
	} else if (b.n >= 5 && b.n <= 9 && ends_with(&b, 0, b.n, "政协委员会", NULL) &&
		   count_han(&b, 0, b.n) == b.n) {
		/* 县政协第十一届委员会, its term taken off: the 县政协 */
		m->body[b.off[b.n - 3]] = '\0';
	} else if (b.n >= 4 && b.n <= 6 && ends_with(&b, 0, b.n, "地委", NULL) &&
		   count_han(&b, 0, b.n) == b.n) {
		if (!m->place && !(m->place = doc_str(&b, 0, b.n - 2)))
			rc = HY_ERR_NOMEM;
		if (!rc)
			memmove(m->body, m->body + b.off[b.n - 2],
				strlen(m->body + b.off[b.n - 2]) + 1);
	}
	doc_free(&b);
	return rc;
}

/* 建设街道召开…, 建设街道办事处召开…: a street office convening is the
 * 街道 meeting in its street (README), body 街道 and place 建设街道. */
static int street_convening(struct hy_meeting *m)
{
	struct doc b;
	if (doc_init(&b, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	size_t e = b.n;
	if (ends_with(&b, 0, b.n, "街道办事处", NULL))
		e = b.n - 3;
	int rc = 0;
	/* 南洲街: a street office written 某某街 (Guangzhou): the 街道 of 南洲街;
	 * 交口街办: a street office written short (街道办), the place as
	 * written */
	int short_office = b.n >= 4 && b.n <= 6 && match(&b, b.n - 2, b.n, "街办");
	if (((b.n >= 3 && b.n <= 4 && match(&b, b.n - 1, b.n, "街")) || short_office) &&
	    count_han(&b, 0, b.n) == b.n &&
	    !match_any(&b, 0, 1, place_levels, COUNT(place_levels), NULL)) {
		char *body = strdup("街道"); /* the organ's name, one in both scripts */
		if (!body) {
			doc_free(&b);
			return HY_ERR_NOMEM;
		}
		if (!m->place)
			m->place = m->body;
		else
			free(m->body);
		m->body = body;
		doc_free(&b);
		return 0;
	}
	if (e == 2 && b.n == 5) { /* 建设街道 + 街道办事处, the place taken off */
		m->body[b.off[2]] = '\0';
		doc_free(&b);
		return 0;
	}
	if (e >= 4 && e <= 8 && match(&b, e - 2, b.n, "街道") && count_han(&b, 0, e) == e &&
	    !match_any(&b, 0, e - 2, place_levels, COUNT(place_levels), NULL)) {
		char *place = m->place ? NULL : doc_str(&b, 0, e);
		char *body = doc_str(&b, e - 2, e);
		if (!body || (!m->place && !place)) {
			free(place);
			free(body);
			rc = HY_ERR_NOMEM;
		} else {
			if (place)
				m->place = place;
			set_str(&m->body, body);
		}
	}
	doc_free(&b);
	return rc;
}

/* The body as an organ: no term inside (区第十六届人大常委会 → 区人大常委会),
 * none that is only a pronoun and a level (我县, 本区, 全县). */
/* 召开县委常委紧急会议, 2022年第8次区委会议 with no organ before the
 * verb: the kind opens with the party committee, which is the body (the
 * kind keeps what follows it, or the whole name when nothing does). 0 or
 * HY_ERR_NOMEM. */
static int party_in_kind(struct hy_meeting *m)
{
	struct doc k;
	if (m->body || !m->kind)
		return 0;
	if (doc_init(&k, m->kind, strlen(m->kind)))
		return HY_ERR_NOMEM;
	int rc = 0;
	size_t l = match_any(&k, 0, k.n, county_levels, COUNT(county_levels), NULL);
	if (l && match(&k, l, k.n, "委") && k.n > l + 1 && !match(&k, l + 1, k.n, "员")) {
		size_t rest = l + 1;
		m->body = doc_str(&k, 0, l + 1);
		if (!m->body)
			rc = HY_ERR_NOMEM;
		else if (!span_eq(&k, rest, k.n, "会议")) {
			char *o = doc_str(&k, rest, k.n);
			if (!o) {
				rc = HY_ERR_NOMEM;
			} else {
				set_str(&m->kind, o);
			}
		}
	}
	doc_free(&k);
	return rc;
}

/* 新街镇召开人大 (of 新街镇召开人大主席团会议): the verb inside the
 * body; the organ named after it is the body, with the level of the place
 * before it (镇人大), the place found later. 0 or HY_ERR_NOMEM. */
static int verb_in_body(struct hy_meeting *m)
{
	static const char *const verbs[] = {"召开", "举行"};
	struct doc b;
	if (!m->body)
		return 0;
	if (doc_init(&b, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	size_t v = find_any(&b, 0, b.n, verbs, COUNT(verbs), NULL);
	int rc = 0;
	/* (县委召开人大工作会议: an organ before the verb, read below) */
	if (v != NPOS && v + 2 < b.n && v > 0 &&
	    match_any(&b, v - 1, v, place_levels, COUNT(place_levels), NULL)) {
		struct buf o = {0};
		/* the place's level before the verb (镇, 鎮 as written) */
		rc = buf_add(&o, b.s + b.off[v - 1], b.off[v] - b.off[v - 1]);
		if (!rc)
			rc = buf_add(&o, b.s + b.off[v + 2], b.off[b.n] - b.off[v + 2]);
		if (rc) {
			free(o.s);
			rc = HY_ERR_NOMEM;
		} else {
			set_str(&m->body, o.s);
		}
	}
	doc_free(&b);
	return rc;
}

/* The body read is a place convening itself: [from, to) of b, the body's
 * view, becomes the place and the body goes. 0 or HY_ERR_NOMEM. */
static int body_to_place(struct hy_meeting *m, const struct doc *b, size_t from, size_t to)
{
	char *pl = doc_str(b, from, to);
	if (!pl)
		return HY_ERR_NOMEM;
	set_str(&m->body, NULL);
	set_str(&m->place, pl);
	return 0;
}

/* 仁怀市与某集团举行联席会议: a place meeting its partner (a company, a
 * university), no organ named: the place convening itself (README: a town
 * convening itself), the partner no part of it. 0 or HY_ERR_NOMEM. */
static int place_with_partner(struct hy_meeting *m)
{
	struct doc b;
	if (!m->body || doc_init(&b, m->body, strlen(m->body)))
		return m->body ? HY_ERR_NOMEM : 0;
	static const char *const joins[] = {"与", "和", "同"};
	size_t w = 0, at = find_any(&b, 2, b.n, joins, COUNT(joins), &w);
	int rc = 0;
	if (at != NPOS && at <= 8 && b.n - at >= 3 && count_han(&b, 0, b.n) == b.n &&
	    longest_end(&b, 0, at, place_levels, COUNT(place_levels)) &&
	    place_start(&b, at - 1) == 0 && !organ_at(&b, at + 1, b.n) &&
	    !match_any(&b, at + 1, b.n, place_levels, COUNT(place_levels), NULL)) {
		rc = body_to_place(m, &b, 0, at);
	}
	doc_free(&b);
	return rc;
}

/* 中国共产党某市第一次代表大会: the party's congress of a place, no
 * organ named before its kind: the place alone (README: a place convening
 * itself). 0 or HY_ERR_NOMEM. */
static int party_of_place(struct hy_meeting *m)
{
	struct doc b;
	if (!m->body || doc_init(&b, m->body, strlen(m->body)))
		return m->body ? HY_ERR_NOMEM : 0;
	static const char *const party[] = {"中国共产党", "中共"};
	size_t pl = match_any(&b, 0, b.n, party, COUNT(party), NULL);
	int rc = 0;
	if (pl && b.n - pl >= 3 && b.n - pl <= 8 && count_han(&b, pl, b.n) == b.n - pl &&
	    longest_end(&b, pl, b.n, place_levels, COUNT(place_levels))) {
		rc = body_to_place(m, &b, pl, b.n);
	} else if (b.n >= 5 && ends_with(&b, 0, b.n, "代表大会", NULL) &&
		   !ends_with(&b, 0, b.n, "人民代表大会", NULL) &&
		   count_han(&b, pl, b.n) == b.n - pl &&
		   longest_end(&b, pl, b.n - 4, place_levels, COUNT(place_levels))) {
		/* 中国共产党鲟鱼镇代表大会, 沙头镇代表大会: a town's party
		 * congress, the place before it (a level alone: the place's,
		 * said before) */
		int named = b.n - 4 - pl >= 2 && !m->place;
		char *pl_name = named ? doc_str(&b, pl, b.n - 4) : NULL;
		/* (代表大會 on a traditional page: output, no pattern) */
		char *bd = strdup(traditional(m->body) ? "代表大\xe6\x9c\x83" : "代表大会");
		if (!bd || (named && !pl_name)) {
			free(bd);
			free(pl_name);
			rc = HY_ERR_NOMEM;
		} else {
			set_str(&m->body, bd);
			if (pl_name)
				set_str(&m->place, pl_name);
		}
	}
	doc_free(&b);
	return rc;
}

/* 静海区委常委会召开会议暨…集体学习, 市政协十二届常委会召开第三次会议:
 * a party committee's or a conference's standing committee convening is
 * the committee's 常委会会议 (README): body the 区委, the 市政协; a
 * congress's 人大常委会 is an organ of its own and stays. 0 or
 * HY_ERR_NOMEM. */
static int standing_committee_body(struct hy_meeting *m)
{
	int keep = 0, enlarged = 0;
	if (m->kind) {
		struct doc k;
		if (doc_init(&k, m->kind, strlen(m->kind)))
			return HY_ERR_NOMEM;
		keep = find(&k, 0, k.n, "常委") != NPOS;
		enlarged = find(&k, 0, k.n, "扩大") != NPOS;
		doc_free(&k);
	}
	/* ((扩大)会议: tidy_kind makes the pair its 区委 + 常委会(扩大)会议) */
	if (enlarged)
		return 0;
	struct doc b;
	if (doc_init(&b, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	int cut = b.n >= 4 && count_han(&b, 0, b.n) == b.n &&
		  (ends_with(&b, 0, b.n, "委常委会", NULL) ||
		   ends_with(&b, 0, b.n, "政协常委会", NULL)) &&
		  !ends_with(&b, 0, b.n, "人大常委会", NULL);
	size_t at = cut ? b.off[b.n - 3] : 0;
	doc_free(&b);
	if (!cut)
		return 0;
	int trad = traditional(m->body);
	m->body[at] = '\0';
	if (keep)
		return 0;
	/* (常委會會議 on a traditional page: output, no pattern) */
	char *kind = strdup(trad ? "常委\xe6\x9c\x83\xe6\x9c\x83\xe8\xad\xb0" : "常委会会议");
	if (!kind)
		return HY_ERR_NOMEM;
	set_str(&m->kind, kind);
	return 0;
}

/* 市委中心学习组召开会议: the committee's study group meeting is the
 * committee's (README: body 市委, kind 中心学习组会议). 0 or
 * HY_ERR_NOMEM. */
static int study_group_body(struct hy_meeting *m)
{
	static const char *const groups[] = {"理论学习中心组", "中心学习组", "学习中心组",
					     "中心组"};
	struct doc b;
	if (doc_init(&b, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	size_t gl = longest_end(&b, 0, b.n, groups, COUNT(groups));
	/* (县政府党组理论学习中心组: the party group's, the organ's still) */
	size_t ge = b.n - gl, pz = gl && ge >= 2 && match(&b, ge - 2, b.n, "党组") ? 2 : 0;
	int cut = gl && ge - pz >= 2 && count_han(&b, 0, b.n) == b.n && is_unit(&b, 0, ge - pz);
	size_t at = cut ? b.off[ge - pz] : 0;
	doc_free(&b);
	if (!cut)
		return 0;
	int bare = !m->kind || strcmp(m->kind, "会议") == 0 ||
		   strcmp(m->kind, "\xe6\x9c\x83\xe8\xad\xb0") == 0; /* 會議 */
	char *kind = bare ? str_join(m->body + at, strlen(m->body + at),
				     m->kind                ? m->kind
				     : traditional(m->body) ? "\xe6\x9c\x83\xe8\xad\xb0"
							    : "会议")
			  : NULL;
	if (bare && !kind)
		return HY_ERR_NOMEM;
	m->body[at] = '\0';
	if (kind)
		set_str(&m->kind, kind);
	return 0;
}

int tidy_body(struct hy_meeting *m)
{
	int rc0 = party_in_kind(m);
	if (!rc0)
		rc0 = verb_in_body(m);
	if (!rc0)
		rc0 = place_with_partner(m);
	if (!rc0)
		rc0 = party_of_place(m);
	if (rc0)
		return rc0;
	if (!m->body)
		return 0;
	if ((rc0 = standing_committee_body(m)) || (rc0 = study_group_body(m)))
		return rc0;
	/* 召开某县2020年第次县政府常务会议: a form's numbers left blank (年第次)
	 * before the organ, no part of it */
	{
		static const char *const blanks[] = {"年第次", "年第", "第次", "届第次",
						     "年度第次"};
		struct doc g;
		if (doc_init(&g, m->body, strlen(m->body)))
			return HY_ERR_NOMEM;
		size_t l = match_any(&g, 0, g.n, blanks, COUNT(blanks), NULL);
		int cut = l && g.n - l >= 2 && is_unit(&g, l, g.n);
		size_t at = cut ? g.off[l] : 0;
		doc_free(&g);
		if (cut)
			memmove(m->body, m->body + at, strlen(m->body + at) + 1);
	}
	/* 街道创建全国文明城区 (of …动员部署会): the organ, then what it sets
	 * out to do, no part of it */
	{
		static const char *const doing[] = {"创建", "开展", "推进", "加强", "做好", "部署"};
		struct doc g;
		if (doc_init(&g, m->body, strlen(m->body)))
			return HY_ERR_NOMEM;
		size_t at = find_any(&g, 2, g.n, doing, COUNT(doing), NULL);
		char *o = at != NPOS && is_unit(&g, 0, at) ? doc_str(&g, 0, at) : NULL;
		int oom = at != NPOS && is_unit(&g, 0, at) && !o;
		doc_free(&g);
		if (oom)
			return HY_ERR_NOMEM;
		if (o) {
			set_str(&m->body, o);
		}
	}
	/* 哈报网讯(某某)市人大常委会: a paper's dateline and byline glued
	 * before the organ; 通过州政协…决议, 创建…示范县: a verb opens no
	 * organ (what follows it is kept only when it is one) */
	{
		struct doc g;
		if (doc_init(&g, m->body, strlen(m->body)))
			return HY_ERR_NOMEM;
		size_t cut = 0, xun = find(&g, 0, g.n, "讯");
		if (xun != NPOS && xun + 1 < g.n && is_open_bracket(g.cp[xun + 1])) {
			size_t c = xun + 2;
			while (c < g.n && !is_close_bracket(g.cp[c]))
				c++;
			if (c + 1 < g.n)
				cut = c + 1;
		}
		/* (创建…示范县, 开展…, 到某乡: a title to strive for, an action,
		 * where they went: never an organ after them) */
		static const char *const verbs[] = {"通过", "审议", "创建", "开展",
						    "推进", "到",   "赴"};
		size_t which = 0, vl = match_any(&g, cut, g.n, verbs, COUNT(verbs), &which);
		int none = vl && (which >= 2 || !is_unit(&g, cut + vl, g.n));
		if (vl && !none)
			cut += vl;
		char *o = cut && !none ? doc_str(&g, cut, g.n) : NULL;
		int oom = cut && !none && !o;
		doc_free(&g);
		if (oom)
			return HY_ERR_NOMEM;
		if (none) {
			set_str(&m->body, NULL);
			return 0;
		}
		if (o)
			set_str(&m->body, o);
	}
	/* 副市长某某深入我县 (…召开座谈会): who went where, no organ */
	{
		static const char *const went[] = {"深入", "来到", "走进", "莅临"};
		struct doc g;
		if (doc_init(&g, m->body, strlen(m->body)))
			return HY_ERR_NOMEM;
		size_t at = find_any(&g, 0, g.n, went, COUNT(went), NULL);
		doc_free(&g);
		if (at != NPOS && at >= 2) {
			set_str(&m->body, NULL);
			return 0;
		}
	}
	/* 的县人大常委会 (…同意召开的县人大常委会…): 的 opens no organ */
	if (strncmp(m->body, "的", strlen("的")) == 0 && strlen(m->body) > strlen("的") + 3) {
		char *o = strdup(m->body + strlen("的"));
		if (!o)
			return HY_ERR_NOMEM;
		set_str(&m->body, o);
	}
	/* 某镇召开中心工作会议: 中心 is the work's (the central tasks), and a
	 * bare 部门 or 单位 names no organ */
	{
		static const char *const generic[] = {"中心", "部门", "单位"};
		struct doc g;
		if (doc_init(&g, m->body, strlen(m->body)))
			return HY_ERR_NOMEM;
		int none = 0;
		for (size_t i = 0; i < COUNT(generic) && !none; i++)
			none = span_eq(&g, 0, g.n, generic[i]);
		/* 镇村干部大会, 乡村干部会议: the town's and the villages'
		 * cadres, who meet; no organ, the words the kind's */
		static const char *const levels_of[] = {"镇村", "乡村", "村镇"};
		int cadres = 0;
		for (size_t i = 0; i < COUNT(levels_of) && !cadres && m->kind; i++)
			cadres = span_eq(&g, 0, g.n, levels_of[i]);
		doc_free(&g);
		if (cadres) {
			size_t bl = strlen(m->body), kl = strlen(m->kind);
			char *k = malloc(bl + kl + 1);
			if (!k)
				return HY_ERR_NOMEM;
			memcpy(k, m->body, bl);
			memcpy(k + bl, m->kind, kl + 1);
			set_str(&m->kind, k);
			none = 1;
		}
		if (none) {
			set_str(&m->body, NULL);
			return 0;
		}
	}
	struct doc b;
	int rc = doc_init(&b, m->body, strlen(m->body));
	if (rc)
		return rc;
	/* 县委召开人大工作会议: the meeting's topic names an organ (人大); the
	 * body is the convener before the verb */
	static const char *const verbs[] = {"召开", "举行"};
	/* (but 新街镇召开人大主席团会议: the presidium's own meeting) */
	static const char *const own[] = {"主席团", "常委会", "主任", "党组", "全体", "代表大会"};
	int own_meeting = 0;
	if (m->kind) {
		struct doc k;
		if ((rc = doc_init(&k, m->kind, strlen(m->kind)))) {
			doc_free(&b);
			return rc;
		}
		own_meeting = match_any(&k, 0, k.n, own, COUNT(own), NULL) > 0;
		doc_free(&k);
	}
	size_t cv = find_any(&b, 0, b.n, verbs, COUNT(verbs), NULL);
	if (cv != NPOS && cv >= 2 && !own_meeting) {
		m->body[b.off[cv]] = '\0';
		doc_free(&b);
		if ((rc = doc_init(&b, m->body, strlen(m->body))))
			return rc;
	}
	/* 州人大会议州政协: meetings' names run together are no organ, nor is a
	 * topic joined by 暨 (文峰区（高新区）招商引资暨经济运行) */
	if ((find(&b, 0, b.n, "会议") != NPOS && find(&b, 0, b.n, "政治协商会议") == NPOS) ||
	    find(&b, 0, b.n, "暨") != NPOS) {
		doc_free(&b);
		set_str(&m->body, NULL);
		return 0;
	}
	static const char *const pronouns[] = {"我", "本", "全", "该"};
	if (b.n <= 3 && match_any(&b, 0, b.n, pronouns, COUNT(pronouns), NULL)) {
		doc_free(&b);
		set_str(&m->body, NULL);
		return 0;
	}
	/* 区委常委会召开第138次(扩大)会议: the 区委's 常委会(扩大)会议, as
	 * 区委 + 常委会会议 (a 人大常委会 or 政协常委会 is a body itself) */
	size_t sl = 0;
	if (m->kind && b.n >= 5 && ends_with(&b, 0, b.n, "委常委会", &sl) &&
	    !ends_with(&b, 0, b.n - 3, "人大", NULL) && !ends_with(&b, 0, b.n - 3, "政协", NULL)) {
		struct doc k;
		if ((rc = doc_init(&k, m->kind, strlen(m->kind)))) {
			doc_free(&b);
			return rc;
		}
		int bare = match(&k, 0, k.n, "(扩大)") || match(&k, 0, k.n, "扩大") ||
			   span_eq(&k, 0, k.n, "会议");
		/* (市委常委会召开扩大会议: its 常委会(扩大)会议, the enlarged
		 * meeting written as the labels and most pages write it) */
		size_t plain = match(&k, 0, k.n, "扩大会议") ? k.off[2] : 0;
		doc_free(&k);
		if (bare) {
			size_t cut = b.off[b.n - 3];
			struct buf kd = {0};
			if (buf_add(&kd, m->body + cut, strlen(m->body + cut)) ||
			    (plain && (buf_add(&kd, "(", 1) || buf_add(&kd, m->kind, plain) ||
				       buf_add(&kd, ")", 1))) ||
			    buf_add(&kd, m->kind + plain, strlen(m->kind + plain))) {
				free(kd.s);
				doc_free(&b);
				return HY_ERR_NOMEM;
			}
			set_str(&m->kind, kd.s);
			m->body[cut] = '\0';
			doc_free(&b);
			if ((rc = doc_init(&b, m->body, strlen(m->body))))
				return rc;
		}
	}
	/* 旗人大常委会召开第九次会议: its 常委会会议, as 旗人大常委会第九次会议
	 * names it; so 大会主席团第二次会议 is a 主席团会议 and 乡第十届人民代表
	 * 大会第九次会议 a 人民代表大会会议 */
	static const char *const stems[] = {"人民代表大会", "常委会", "主席团"};
	size_t stem = 0;
	for (size_t t = 0; t < COUNT(stems) && !stem; t++)
		if (b.n > 3 || t == 2)
			ends_with(&b, 0, b.n, stems[t], &stem);
	/* (镇十八届人大一次会议, 縣人大第2次會議: the congress named short is
	 * still the congress in session, its 人民代表大会会议) */
	int short_congress = !stem && b.n >= 3 && b.n <= 8 && ends_with(&b, 0, b.n, "人大", NULL);
	if (bare_kind(m->kind) && (stem || short_congress)) {
		struct buf kd = {0};
		/* (人民代表大會 on a traditional page: output, no pattern) */
		const char *congress =
			traditional(m->kind) ? "人民代表大\xe6\x9c\x83" : "人民代表大会";
		if ((stem ? buf_add(&kd, m->body + b.off[b.n - stem],
				    b.off[b.n] - b.off[b.n - stem])
			  : buf_add(&kd, congress, strlen(congress))) ||
		    buf_add(&kd, m->kind, strlen(m->kind))) {
			free(kd.s);
			doc_free(&b);
			return HY_ERR_NOMEM;
		}
		set_str(&m->kind, kd.s);
	}
	/* 旗党委, 县党委: a county's party committee is its 旗委, 县委 (but a
	 * town's is its 镇党委) */
	static const char *const zones[] = {"开发区", "高新区", "园区", "新区", "经开区",
					    "社区",   "小区",   "片区", "景区"};
	size_t party_at = b.n >= 3 && ends_with(&b, 0, b.n, "党委", NULL) &&
					  match_any(&b, b.n - 3, b.n - 2, county_levels,
						    COUNT(county_levels), NULL) &&
					  !longest_end(&b, 0, b.n - 2, zones, COUNT(zones))
				  ? b.n - 2
				  : NPOS;
	struct buf o = {0};
	for (size_t i = 0; i < b.n && !rc; i++) {
		if (i == party_at)
			continue;
		/* 新一届县政府: the new term's, 新 no place's name */
		if (i == 0 && match(&b, 0, b.n, "新一届"))
			continue;
		size_t j = i + match(&b, i, b.n, "第");
		size_t k = j;
		while (k < b.n && (is_digit(b.cp[k]) || cn_digit(b.cp[k]) >= 0 || cn_unit(b.cp[k])))
			k++;
		size_t l = k; /* (第13 届区政府: a space before 届) */
		while (k > j && l < b.n && is_space(b.cp[l]))
			l++;
		if (k > j && match(&b, l, b.n, "届")) {
			i = l; /* the term goes, 届 and all */
			continue;
		}
		rc = buf_add(&o, b.s + b.off[i], b.off[i + 1] - b.off[i]);
	}
	doc_free(&b);
	if (rc || !o.s) {
		free(o.s);
		return rc ? HY_ERR_NOMEM : 0;
	}
	set_str(&m->body, o.s);
	return party_committee(m);
}

/* 同庆镇在该镇政府会议室召开…: a town convening itself names a place,
 * whose organs (镇党委, 镇政府) the text leaves unnamed (README): no body,
 * the town its place. */
static int town_convening(struct hy_meeting *m)
{
	static const char *const towns[] = {"镇", "乡"};
	struct doc b;
	if (doc_init(&b, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	int town = b.n >= 3 && b.n <= 5 && count_han(&b, 0, b.n) == b.n &&
		   match_any(&b, b.n - 1, b.n, towns, COUNT(towns), NULL) &&
		   !match_any(&b, 0, b.n - 1, place_levels, COUNT(place_levels), NULL);
	doc_free(&b);
	if (!town)
		return 0;
	if (!m->place) {
		m->place = m->body;
	} else {
		free(m->body);
	}
	m->body = NULL;
	return 0;
}

/* 陇东第十九届人民代表大会 in the opening, 陇东镇… in the title: the organ
 * written after its place's bare name is the place level's (镇人民代表大会).
 * 0 or HY_ERR_NOMEM. */
static int organ_after_bare_name(struct hy_meeting *m)
{
	struct doc p, b;
	if (doc_init(&p, m->place, strlen(m->place)))
		return HY_ERR_NOMEM;
	if (doc_init(&b, m->body, strlen(m->body))) {
		doc_free(&p);
		return HY_ERR_NOMEM;
	}
	static const char *const organs[] = {"人民代表大会", "人大",   "人民政府", "政府",
					     "党委",         "党工委", "政协"};
	size_t l = level_at_end(&p, 0, p.n), name = p.n - l;
	int rc = 0;
	if (l && name >= 2 && b.n >= name + 2 && p.off[name] <= b.off[b.n] &&
	    memcmp(b.s, p.s, p.off[name]) == 0 &&
	    match_any(&b, name, b.n, organs, COUNT(organs), NULL)) {
		char *o = str_join(p.s + p.off[name], p.off[p.n] - p.off[name], b.s + b.off[name]);
		if (o)
			set_str(&m->body, o);
		else
			rc = HY_ERR_NOMEM;
	}
	doc_free(&b);
	doc_free(&p);
	return rc;
}

int body_after_place(struct hy_meeting *m)
{
	int rc = m->place ? organ_after_bare_name(m) : 0;
	if (!rc)
		rc = party_committee(m);
	if (!rc && m->body)
		rc = street_convening(m);
	return rc ? rc : m->body ? town_convening(m) : 0;
}

/* Title 某县十五届人民政府召开第14次常务会议, opening 主持召开某县十五届
 * 政府第14次常务会议: the government convenes itself under its formal
 * name in the title, and keeps it (README), 县人民政府 in the title's
 * script. level is the body's (县). 0 or HY_ERR_NOMEM. */
static int government_convening_itself(struct hy_meeting *m, const char *level)
{
	struct doc t;
	if (doc_init(&t, m->title, strlen(m->title)))
		return HY_ERR_NOMEM;
	size_t i = find(&t, 0, t.n, "人民政府召开"), j = i;
	/* the level, 第 at most, the term, 届: 县十五届, 县第十五届 */
	int titled = i != NPOS && i >= 3 && match(&t, i - 1, i, "届");
	if (titled) {
		j = i - 1;
		while (j > 0 && i - j <= 6 &&
		       (cn_digit(t.cp[j - 1]) >= 0 || cn_unit(t.cp[j - 1]) ||
			is_digit(t.cp[j - 1])))
			j--;
		j -= j > 0 && match(&t, j - 1, j, "第");
		titled = j + 1 < i && j >= 1 && match(&t, j - 1, j, level);
	}
	int rc = 0;
	if (titled) {
		char *gov = doc_str(&t, i, i + 4);
		char *o = gov ? str_join(m->title + t.off[j - 1], t.off[j] - t.off[j - 1], gov)
			      : NULL;
		free(gov);
		if (o)
			set_str(&m->body, o);
		else
			rc = HY_ERR_NOMEM;
	}
	doc_free(&t);
	return rc;
}

/* Title 市政府常务会议召开, opening 主持召开市第十届人民政府第三次常务会议:
 * the opening writes the government's formal name with its term, the
 * title the name readers call it by, and the title's is the body (README).
 * A government that convenes itself (某县第十七届人民政府召开…) keeps its
 * formal name: the term then stands right before 召开. 0 or HY_ERR_NOMEM. */
int government_as_titled(struct hy_meeting *m, const char *text, size_t len)
{
	static const char *const levels[] = {"市", "区", "县", "旗", "州"};
	if (!m->body || !m->title)
		return 0;
	struct doc b, t, d;
	if (doc_init(&b, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	size_t which = 0;
	int formal = b.n == 5 && match_any(&b, 0, 1, levels, COUNT(levels), &which) &&
		     match(&b, 1, b.n, "人民政府");
	int short_name = b.n == 3 && match_any(&b, 0, 1, levels, COUNT(levels), &which) &&
			 match(&b, 1, b.n, "政府");
	doc_free(&b);
	if (short_name)
		return government_convening_itself(m, levels[which]);
	if (!formal)
		return 0;
	if (doc_init(&t, m->title, strlen(m->title)))
		return HY_ERR_NOMEM;
	size_t at = find(&t, 0, t.n, "政府");
	int plain = at != NPOS && at >= 1 && match(&t, at - 1, at, levels[which]) &&
		    find(&t, 0, t.n, "人民政府") == NPOS;
	char *o = plain ? doc_str(&t, at - 1, at + 2) : NULL;
	doc_free(&t);
	if (!plain)
		return 0;
	if (!o)
		return HY_ERR_NOMEM;
	if (doc_init_head(&d, text, len)) {
		free(o);
		return HY_ERR_NOMEM;
	}
	/* 市第十届人民政府第三次常务会议: the level, 第, the term, 届 */
	int named = 0;
	for (size_t i = find(&d, 0, d.n, "人民政府"); i != NPOS && !named;
	     i = find(&d, i + 4, d.n, "人民政府")) {
		if (i < 4 || !match(&d, i - 1, i, "届"))
			continue;
		size_t j = i - 1;
		while (j > 0 && i - j <= 6 && !match(&d, j, j + 1, "第"))
			j--;
		named = match(&d, j, j + 1, "第") && j >= 1 && match(&d, j - 1, j, levels[which]) &&
			!match(&d, i + 4, d.n, "召开");
	}
	doc_free(&d);
	if (named)
		set_str(&m->body, o);
	else
		free(o);
	return 0;
}

/* 主持召开县防汛抗旱指挥部会议, 安多县召开脱贫攻坚指挥部会议: a
 * headquarters' meeting named whole, no body found: the headquarters is
 * the body (its place's name off when the place opens it: 安多县脱贫攻坚
 * 指挥部 → 县脱贫攻坚指挥部), the kind its 指挥部会议. Runs after the
 * place is found. 0 or HY_ERR_NOMEM. */
int headquarters_in_kind(struct hy_meeting *m)
{
	static const char *const tails[] = {"指挥部会议", "指挥部全体会议", "指挥部(扩大)会议"};
	if (m->body || !m->kind)
		return 0;
	struct doc k;
	if (doc_init(&k, m->kind, strlen(m->kind)))
		return HY_ERR_NOMEM;
	size_t tl = longest_end(&k, 0, k.n, tails, COUNT(tails));
	size_t he = tl ? k.n - tl + 3 : 0; /* past 指挥部 */
	int whole = tl && k.n - tl >= 2 && count_han(&k, 0, k.n - tl) == k.n - tl;
	size_t from = 0;
	if (whole && m->place) {
		size_t pl = strlen(m->place);
		struct doc p;
		if (doc_init(&p, m->place, pl)) {
			doc_free(&k);
			return HY_ERR_NOMEM;
		}
		size_t lv = level_at_end(&p, 0, p.n);
		/* (the place as written opens the kind: keep its level) */
		if (lv && p.n > lv && strncmp(m->kind, m->place, pl) == 0 && p.n < k.n - tl)
			from = k.off[p.n - lv];
		doc_free(&p);
	}
	char *body = whole ? strndup(m->kind + from, k.off[he] - from) : NULL;
	char *kind = whole ? strdup(m->kind + k.off[k.n - tl]) : NULL;
	doc_free(&k);
	if (whole && (!body || !kind)) {
		free(body);
		free(kind);
		return HY_ERR_NOMEM;
	}
	if (whole) {
		m->body = body;
		set_str(&m->kind, kind);
	}
	return 0;
}

/* 主持召开第18—76次县政府常务会议: the count before the organ, so the
 * kind read holds it (县政府常务会议) and no body was found: the organ
 * is the body, the rest the kind. 0 or HY_ERR_NOMEM. */
int organ_in_kind(struct hy_meeting *m)
{
	static const char *const organs[] = {
		"县人民政府", "区人民政府", "市人民政府", "县政府", "区政府", "市政府", "州政府",
		"旗政府", "县委", "区委", "市委", "州委", "旗委", "县政协", "区政协", "市政协",
		"旗政协",
		/* 县人大常委会党组理论学习中心组…: the organ whose group studies */
		"县人大常委会", "区人大常委会", "市人大常委会"};
	if (m->body || !m->kind)
		return 0;
	struct doc k;
	if (doc_init(&k, m->kind, strlen(m->kind)))
		return HY_ERR_NOMEM;
	size_t ol = match_any(&k, 0, k.n, organs, COUNT(organs), NULL);
	int rc = 0;
	/* (…专题学习(扩大)会议: enlarged too) */
	size_t marks = 0;
	for (size_t i = ol; ol && i < k.n; i++)
		marks += k.cp[i] == '(' || k.cp[i] == ')';
	if (ol && k.n - ol >= 2 && count_han(&k, ol, k.n) + marks == k.n - ol &&
	    (ends_with(&k, ol, k.n, "会议", NULL) || ends_with(&k, ol, k.n, "会", NULL))) {
		/* (the organ as written: 縣政府 on a traditional page) */
		char *body = strndup(m->kind, k.off[ol]), *kind = strdup(m->kind + k.off[ol]);
		if (!body || !kind) {
			free(body);
			free(kind);
			rc = HY_ERR_NOMEM;
		} else {
			set_str(&m->kind, kind);
			m->body = body;
		}
	}
	doc_free(&k);
	return rc;
}
