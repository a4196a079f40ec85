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
	char *kind = strdup("全体会议");
	if (!kind)
		return HY_ERR_NOMEM;
	set_str(&m->kind, kind);
	if (n > 0 && n < 1000)
		m->number = (int)n;
	return 0;
}

/* 中国共产党长白镇第二十次代表大会在…召开, 中共某县第十二次党员代表大会
 * 开幕: a party congress in [a, b) when no body was found: body 代表大会 (or
 * 党员代表大会) as written, place the town's or the county's name, number
 * its count. 0 or HY_ERR_NOMEM. */
int party_congress(const struct doc *d, size_t a, size_t b, struct hy_meeting *m)
{
	static const char *const party[] = {"中国共产党", "中共"};
	static const char *const levels[] = {"镇", "乡", "县", "区", "市", "旗", "街道"};
	static const char *const congresses[] = {"党员代表大会", "代表大会"};
	if (m->body)
		return 0;
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
		static const char *const not_it[] = {"第", "、", "筹备", "各", "召集", "代表"};
		if (ce < b && match_any(d, ce, b, not_it, COUNT(not_it), NULL))
			continue;
		char *body = strdup(congresses[which]), *place = doc_str(d, p0, p1);
		if (!body || !place) {
			free(body);
			free(place);
			return HY_ERR_NOMEM;
		}
		m->body = body;
		set_str(&m->place, place);
		if (n > 0 && n < 1000 && !m->number)
			m->number = (int)n;
		return 0;
	}
	return 0;
}
