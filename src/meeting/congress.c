/* congress.c: meetings named as sessions of a congress or a conference.
 *
 * A conference's plenary sitting inside its session (政协某县第十一届委员会
 * 第一次会议第二次全体会议: the readout is the sitting, kind 全体会议, its
 * own number) and a party congress (中国共产党某镇第二十次代表大会: the
 * congress is the body, as written, the place its town or county, the
 * number its count). parse.c calls both on the opening's first sentence. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdlib.h>
#include <string.h>

/* 政协某县第十一届委员会第一次会议第二次全体会议, 第三次会议举行第二
 * 次全体会议, 政协某州十三届四次会议举行第二次全体会议: after the session's 会议 at [at, end), its plenary sitting,
 * which the readout is: kind 全体会议, the sitting's number. */
int plenary_sitting(const struct doc *d, size_t at, size_t end, struct hy_meeting *m)
{
	size_t q = at + (match(d, at, end, "举行") || match(d, at, end, "召开") ? 2 : 0);
	/* (…第三次会议举行大会第二次全体会议: the session's plenary) */
	if (q > at && match(d, q, end, "大会第"))
		q += 2;
	if (!match(d, q, end, "第"))
		return 0;
	long n = 0;
	size_t k = parse_num(d, q + 1, end, &n);
	if (!k || !match(d, q + 1 + k, end, "次全体会议"))
		return 0;
	/* (in the text's own script: 全體會議 on a traditional page) */
	char *kind = doc_str(d, q + 2 + k, q + 1 + k + 5);
	if (!kind)
		return HY_ERR_NOMEM;
	set_str(&m->kind, kind);
	if (n > 0 && n < 1000)
		m->number = (int)n;
	return 0;
}

/* The body as written is the text's [.., pe) (新北区春江镇 before 召开). */
static int body_ends_at(const struct doc *d, size_t a, size_t pe, const char *body)
{
	size_t n = strlen(body), at = d->off[pe];
	return at >= d->off[a] + n && memcmp(d->s + at - n, body, n) == 0;
}

/* 黄石镇召开第二次党代会, 某县第十五次党员代表大会召开: the party
 * congress named short, without the party's name: body the congress as
 * written (党代会), number its count, place the town's or the county's
 * name before it or before the verb when none is known. 0 or
 * HY_ERR_NOMEM. */
static int party_congress_short(const struct doc *d, size_t a, size_t b, struct hy_meeting *m)
{
	static const char *const congresses[] = {"党代会", "党员代表大会", "党代表大会"};
	static const char *const verbs[] = {"召开了", "召开", "举行了", "举行"};
	for (size_t i = a; i + 5 < b; i++) {
		long n = 0;
		size_t k = match(d, i, b, "第") ? parse_num(d, i + 1, b, &n) : 0;
		size_t cl =
			k && match(d, i + 1 + k, b, "次")
				? match_any(d, i + 2 + k, b, congresses, COUNT(congresses), NULL)
				: 0;
		if (!cl)
			continue;
		/* (…党代会筹备工作, 第二次党代会代表: about it, not it) */
		size_t ce = i + 2 + k + cl;
		static const char *const not_it[] = {"第", "、", "筹备", "代表", "精神", "报告"};
		if (ce < b && match_any(d, ce, b, not_it, COUNT(not_it), NULL))
			continue;
		/* the place right before the count or the verb that convened it */
		size_t pe = i;
		for (size_t v = 0; v < COUNT(verbs); v++) {
			size_t vl = strlen(verbs[v]) / 3;
			if (pe >= vl && match(d, pe - vl, b, verbs[v])) {
				pe -= vl;
				break;
			}
		}
		/* (春江镇于10月15、16日召开了…: the days between) */
		if (pe > a && (match(d, pe - 1, b, "日") || match(d, pe - 1, b, "号")))
			for (size_t q = pe - 1; q > a && pe - q <= 14; q--)
				if (match(d, q - 1, b, "于")) {
					pe = q - 1;
					break;
				}
		size_t ll = level_at_end(d, a, pe);
		size_t ps = ll && pe - a > ll ? place_start(d, pe - ll) : pe;
		int named = ps + 2 <= pe - ll;
		/* a body read from the name so far is that place (黄石镇, 新北区
		 * 春江镇) or none: another organ's (某县人大) stays */
		if (m->body && !(named && body_ends_at(d, a, pe, m->body)))
			return 0;
		char *body = doc_str(d, i + 2 + k, ce);
		char *place = named && !m->place ? doc_str(d, ps, pe) : NULL;
		if (!body || (named && !m->place && !place)) {
			free(body);
			free(place);
			return HY_ERR_NOMEM;
		}
		set_str(&m->body, body);
		if (place)
			m->place = place;
		if (n > 0 && n < 1000 && (!m->kind || bare_kind(m->kind)) && !m->number)
			m->number = (int)n;
		return 0;
	}
	return 0;
}

/* 中国共产党长白镇第二十次代表大会在…召开, 中共某县第十二次党员代表大会
 * 开幕: a party congress in [a, b) when no body was found: body 代表大会 (or
 * 党员代表大会) as written, place the town's or the county's name, number
 * its count. 0 or HY_ERR_NOMEM. */
/* The presidium at pr of a party congress of the place [p0, p1): body
 * 主席团, its meeting a 主席团会议 (both as written). 0 or HY_ERR_NOMEM. */
static int congress_presidium(const struct doc *d, size_t p0, size_t p1, size_t pr,
			      struct hy_meeting *m)
{
	/* (a bare 会议 read after it: the presidium's 主席团会议) */
	int named = m->kind && bare_kind(m->kind);
	char *body = doc_str(d, pr, pr + 3), *place = doc_str(d, p0, p1);
	char *kind = body && named ? str_join(body, strlen(body), m->kind) : NULL;
	if (!body || !place || (named && !kind)) {
		free(body);
		free(place);
		free(kind);
		return HY_ERR_NOMEM;
	}
	set_str(&m->body, body);
	set_str(&m->place, place);
	if (kind)
		set_str(&m->kind, kind);
	return 0;
}

int party_congress(const struct doc *d, size_t a, size_t b, struct hy_meeting *m)
{
	static const char *const party[] = {"中国共产党", "中共"};
	static const char *const levels[] = {"镇", "乡", "县", "区", "市", "旗", "街道"};
	static const char *const congresses[] = {"党员代表大会", "代表大会"};
	/* (a body the meeting's name made of it, 中国共产党某县第十三次代表大
	 * 会召开预备会议, is this congress too) */
	if (m->body) {
		struct doc bd;
		if (doc_init(&bd, m->body, strlen(m->body)))
			return HY_ERR_NOMEM;
		int formal = match_any(&bd, 0, bd.n, party, COUNT(party), NULL) > 0;
		doc_free(&bd);
		if (!formal)
			return party_congress_short(d, a, b, m);
	}
	for (size_t i = a; i + 8 < b; i++) {
		size_t pl = match_any(d, i, b, party, COUNT(party), NULL);
		if (!pl)
			continue;
		size_t p0 = i + pl, p1 = p0;
		size_t ll = 0;
		while (p1 < b && p1 - p0 < 8 && is_han(d->cp[p1]) && !match(d, p1, b, "第"))
			p1++;
		if (p1 - p0 < 2 || !(ll = longest_end(d, p0, p1, levels, COUNT(levels))) ||
		    p1 - p0 <= ll || !match(d, p1, b, "第"))
			continue;
		long n = 0;
		size_t k = parse_num(d, p1 + 1, b, &n);
		size_t which = 0, cl;
		if (!k || !match(d, p1 + 1 + k, b, "次") ||
		    !(cl = match_any(d, p1 + 2 + k, b, congresses, COUNT(congresses), &which)))
			continue;
		/* 中共某县第十五次代表大会第三次会议、…“三会”筹备工作: a
		 * sitting of it, or one of the meetings another prepares */
		size_t ce = p1 + 2 + k + cl;
		/* 中国共产党某市第九次代表大会主席团举行第三次会议: the
		 * congress's presidium meets, and is the body (README) */
		if (match(d, ce, b, "主席团") && !match(d, ce + 3, b, "常务"))
			return congress_presidium(d, p0, p1, ce, m);
		static const char *const not_it[] = {"第", "、", "筹备", "各", "召集", "代表"};
		if (ce < b && match_any(d, ce, b, not_it, COUNT(not_it), NULL))
			continue;
		/* (the congress as written: 代表大會 on a traditional page) */
		char *body = doc_str(d, p1 + 2 + k, ce), *place = doc_str(d, p0, p1);
		if (!body || !place) {
			free(body);
			free(place);
			return HY_ERR_NOMEM;
		}
		set_str(&m->body, body);
		set_str(&m->place, place);
		/* (代表大会圆满完成各项会议议程: the congress's name and what it
		 * did, no kind) */
		if (m->kind) {
			struct doc kd;
			if (doc_init(&kd, m->kind, strlen(m->kind)))
				return HY_ERR_NOMEM;
			size_t cw = match_any(&kd, 0, kd.n, congresses, COUNT(congresses), NULL);
			/* (代表大会预备会议: a sitting of it, the kind after the
			 * congress's word) */
			int sitting = cw && kd.n - cw >= 2 && kd.n - cw <= 5 &&
				      (ends_with(&kd, cw, kd.n, "会议", NULL) ||
				       ends_with(&kd, cw, kd.n, "会", NULL));
			char *rest = sitting ? strdup(m->kind + kd.off[cw]) : NULL;
			doc_free(&kd);
			if (sitting && !rest)
				return HY_ERR_NOMEM;
			if (cw)
				set_str(&m->kind, rest);
		}
		/* (the congress's count is the readout's number, not a sitting's
		 * of it: 代表大会召开预备会议) */
		/* (参加了会议: the bare word, no sitting's) */
		if (n > 0 && n < 1000 && (!m->kind || bare_kind(m->kind)) && !m->number)
			m->number = (int)n;
		return 0;
	}
	return party_congress_short(d, a, b, m);
}

/* The 第 at i of t opens the meeting of body itself: after its organ (past
 * a term, 某縣議會第20屆第5次), after the verb that convened it (召开第30
 * 次), or after no word; not another organ's (传达市政府第6次全体会议). */
static int own_meeting(const struct doc *t, size_t i, const char *body)
{
	size_t p = i;
	/* (第20屆: the term before the count) */
	for (size_t q = p; q > 0 && p - q < 6; q--)
		if (match(t, q - 1, p, "届") && q >= 3) {
			size_t r = q - 1;
			while (r > 0 && (cn_digit(t->cp[r - 1]) >= 0 || is_digit(t->cp[r - 1]) ||
					 cn_unit(t->cp[r - 1])))
				r--;
			if (r > 0 && r < q - 1 && match(t, r - 1, p, "第"))
				p = r - 1;
			break;
		}
	static const char *const convened[] = {"召开", "举行", "召开了", "举行了"};
	if (p == 0 || !is_han(t->cp[p - 1]) || longest_end(t, 0, p, convened, COUNT(convened)))
		return 1;
	if (!body) { /* (an organ the parse kept as none: 某縣議會第二十屆第十八次) */
		for (size_t q = p > 6 ? p - 6 : 0; q < p; q++)
			if (organ_at(t, q, p) == p - q)
				return 1;
		return 0;
	}
	struct doc b;
	if (doc_init(&b, body, strlen(body)))
		return 0;
	/* the organ's last three characters (县政府, 縣議會, 常委会): the body
	 * may still hold its place here, the text name it without */
	size_t want = b.n < 3 ? b.n : 3, j = 0;
	while (j < want && j < p && t->cp[p - 1 - j] == b.cp[b.n - 1 - j])
		j++;
	int own = want > 0 && j == want;
	doc_free(&b);
	return own;
}

/* 某縣議會定期會今天…。某縣議會第20屆第5次定期會，…: a meeting named
 * first without its number, then with it a sentence or two later. When m
 * has a kind of its own (not the bare 会议) and no number, the first
 * 第N次 right before that kind in the text's first 800 characters gives
 * it (the opening's, not a later paragraph's 上次 meeting). 0 or
 * HY_ERR_NOMEM. */
int number_named_later(struct hy_meeting *m, const char *text, size_t len)
{
	if (m->number || !m->kind || bare_kind(m->kind))
		return 0;
	struct doc k, t;
	if (doc_init(&k, m->kind, strlen(m->kind)))
		return HY_ERR_NOMEM;
	if (k.n < 3) {
		doc_free(&k);
		return 0;
	}
	if (doc_init_head(&t, text, len)) {
		doc_free(&k);
		return HY_ERR_NOMEM;
	}
	size_t end = t.n < 800 ? t.n : 800;
	for (size_t i = 0; i + 2 + k.n <= end && !m->number; i++) {
		if (!match(&t, i, end, "第"))
			continue;
		long n = 0;
		size_t q = parse_num(&t, i + 1, end, &n);
		if (!q || !match(&t, i + 1 + q, end, "次") || i + 2 + q + k.n > t.n)
			continue;
		size_t at = i + 2 + q, j = 0;
		while (j < k.n && t.cp[at + j] == k.cp[j])
			j++;
		if (j == k.n && n > 0 && n < 1000 && own_meeting(&t, i, m->body))
			m->number = (int)n;
	}
	doc_free(&t);
	doc_free(&k);
	return 0;
}
