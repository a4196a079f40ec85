/* name.c: what the meeting is — body, number and kind (a title composed
 * when the page has none is group.c's).
 *
 * meeting_name() reads a meeting's name (县政府第26次常务会议, 十八届县委
 * 第24次常委会会议, 县长周例会) into body, number and kind (who convenes it,
 * before 召开 or owning a session, is convener.c's); from_title() fills what
 * the opening left unknown from the title line. Where the meeting is (its
 * place) is place.c's. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The body's text from its character at on (a date token or a topic
 * before the organ cut off), its view made again. 0 or HY_ERR_NOMEM. */
static int cut_front(struct buf *body, struct doc *bd, size_t at)
{
	size_t cut = bd->off[at];
	memmove(body->s, body->s + cut, body->n - cut + 1);
	body->n -= cut;
	doc_free(bd);
	return doc_init(bd, body->s, body->n) ? HY_ERR_NOMEM : 0;
}

/* Meeting name in [a,b) ending in 会议: body, number, kind. */
int meeting_name(const struct doc *d, size_t a, size_t b, struct hy_meeting *m)
{
	size_t wlen = 0, end = find_meeting_word(d, a, b, &wlen);
	/* 以电视电话会议形式召开常务会议: how it was held, then the meeting */
	while (end != NPOS && (match(d, end + wlen, b, "形式") || match(d, end + wlen, b, "方式")))
		end = find_meeting_word(d, end + wlen + 2, b, &wlen);
	if (end == NPOS)
		return 0;
	/* 市十七届人大四次会议主席团常务主席会议, 区政协十届三次会议召开各组
	 * 召集人会议: a session of a congress, then the meeting held at it.
	 * The session's owner is the body; its number is not this meeting's. */
	size_t session = NPOS, session_end = NPOS;
	if (end > a + 1 && match(d, end - 1, b, "次") && find(d, a, end, "届") != NPOS) {
		size_t l2, e2 = find_meeting_word(d, end + wlen, b, &l2);
		/* but 第二十七次会议举行第一次全体会议 is the session's sitting,
		 * 四次会议精神 no meeting, and 某届某党组第15次会议和第12次主席
		 * 会议 two meetings joined, the first the readout's */
		static const char *const joins[] = {"和", "暨", "及"};
		if (e2 != NPOS && e2 - (end + wlen) <= 24 &&
		    !match_any(d, end + wlen, b, joins, COUNT(joins), NULL) &&
		    clause_end(d, end + wlen, e2, 1) == e2 &&
		    /* (某州代表团召开全体会议: a delegation's plenary at it) */
		    (!(e2 >= 2 && match(d, e2 - 2, b, "全体")) ||
		     find(d, end + wlen, e2, "代表团") != NPOS) &&
		    find(d, end + wlen, e2, "精神") == NPOS &&
		    !match(d, e2 + l2, b, "议程")) { /* 完成各项会议议程: its agenda */
			session = end;
			session_end = end + wlen;
			end = e2;
			wlen = l2;
		}
	}
	end += wlen;
	/* 市长办公会2021年第一次会议, 常务会议2024年第8次会议: a name, then its
	 * year's number; 县长办公会议(第3次): its number in brackets */
	long tail_number = 0;
	if (session == NPOS) {
		size_t q = end, y = end;
		int bracket = q < b && is_open_bracket(d->cp[q]);
		if (bracket)
			q = y = q + 1;
		while (y < b && y - q < 4 && is_digit(d->cp[y]))
			y++;
		if (y - q == 4 && match(d, y, b, "年"))
			q = y + 1;
		/* 省人大常委会主任会议举行第57次会议: the series, then the
		 * sitting it held */
		if (!bracket && q == end && (match(d, q, b, "举行") || match(d, q, b, "召开")) &&
		    match(d, q + 2, b, "第"))
			q += 2;
		if (match(d, q, b, "第")) {
			size_t k = parse_num(d, q + 1, b, &tail_number);
			size_t r = q + 1 + k;
			if (!k || !(bracket ? match(d, r, b, "次") && r + 1 < b &&
						      is_close_bracket(d->cp[r + 1])
					    : match(d, r, b, "次会议") != 0))
				tail_number = 0;
		}
	}
	size_t cv = find_any(d, a, end, chair_verbs, COUNT(chair_verbs), NULL);
	if (cv == NPOS) /* 某市委员会…举行第一次全体会议 */
		cv = find(d, a, end, "举行");
	if (cv == NPOS) /* 某社区开展党建联席会 */
		cv = find(d, a, end, "开展");
	/* the name starts after the last verb or separator before it; a
	 * session's name before the session */
	size_t owner = session != NPOS ? name_start(d, a, session) : a;
	size_t s = session != NPOS ? name_start(d, session_end, end) : name_start(d, a, end);
	if (end - s < 2)
		return 0;
	/* 召开学习贯彻县十七届人大一次会议…精神会议: the meeting named is the one
	 * studied, not this one */
	static const char *const study[] = {"学习", "传达", "贯彻"};
	if (session == NPOS && match_any(d, s, end, study, COUNT(study), NULL) &&
	    (find(d, s, b, "精神") != NPOS)) {
		/* …全会精神专题会: but its own type, when it names one */
		size_t k = ends_short_meeting(d, s, end);
		if (!k && ends_with(d, s, end, "精神大会", NULL)) /* …会议精神大会 */
			k = 2;
		if (k && !(m->kind = doc_str(d, end - k, end)))
			return HY_ERR_NOMEM;
		/* 县政府党组召开学习贯彻…精神专题会: the convener before */
		if (cv != NPOS && cv < s &&
		    (convener_before(d, a, cv, &m->body) || group_to_kind(m)))
			return HY_ERR_NOMEM;
		return 0;
	}
	/* 二届市委召开108次常委会会议: the term is no part of the body (召开的
	 * 十二届某党组…: nor the 的 before it) */
	{
		size_t y = s + (match(d, s, end, "的") ? 1 : 0);
		while (y < end &&
		       (is_digit(d->cp[y]) || cn_digit(d->cp[y]) >= 0 || cn_unit(d->cp[y])))
			y++;
		if (y > s && match(d, y, end, "届") && end - (y + 1) >= 2)
			s = y + 1;
	}
	/* 2024年区政府第16次…: the year is no part of the body */
	{
		size_t y = s;
		while (y < end && is_digit(d->cp[y]))
			y++;
		if (y - s == 4 && match(d, y, end, "年")) {
			y += match(d, y, end, "年度") ? 2 : 1;
			/* (2026年2月县人民政府…: and its month) */
			size_t mo = y;
			while (mo < end && mo - y < 2 && is_digit(d->cp[mo]))
				mo++;
			if (mo > y && match(d, mo, end, "月"))
				y = mo + 1 + match(d, mo + 1, end, "份");
			if (end - y >= 2)
				s = y;
		}
	}
	/* 第N次 / N次 with optional 2020年 and 十六届 before */
	size_t body_end = NPOS, kind_start = NPOS;
	long number = 0;
	for (size_t i = s; i < end; i++) {
		size_t j = i;
		/* 2019年首次…全体会议: the first */
		if (match(d, i, end, "首次") && end - (i + 2) >= 2) {
			number = 1;
			body_end = i;
			kind_start = i + 2;
			break;
		}
		if (match(d, j, end, "第"))
			j = skip_spaces(d, j + 1, end);
		long v;
		size_t k = parse_num(d, j, end, &v);
		if (!k)
			continue;
		size_t q = skip_spaces(d, j + k, end);
		/* 第171、172次: two sittings at once, the first names it */
		if (q < end && (d->cp[q] == 0x3001 || d->cp[q] == ',')) {
			long v2;
			size_t k2 = parse_num(d, q + 1, end, &v2);
			if (k2 && v2 > v && match(d, q + 1 + k2, end, "次"))
				q = q + 1 + k2;
		}
		/* 每年定期召开四次…会报: how often, not which */
		if (match(d, q, end, "次") && j == i && i >= a + 4 &&
		    (find(d, i >= a + 12 ? i - 12 : a, i, "每") != NPOS ||
		     find(d, i >= a + 12 ? i - 12 : a, i, "定期") != NPOS)) {
			i = j + k - 1;
			continue;
		}
		/* 年前最后一次扩大主管会议: the last one, no count */
		if (match(d, q, end, "次") && j == i && i >= a + 2 && v == 1 &&
		    match(d, i - 2, end, "最后")) {
			body_end = i - 2;
			kind_start = q + 1;
			break;
		}
		if (match(d, q, end, "次")) {
			number = v;
			body_end = i;
			kind_start = q + 1;
			break;
		}
		i = j + k - 1;
	}
	size_t ks, ke = end;
	size_t bs = s, be;
	if (kind_start != NPOS) {
		ks = kind_start;
		be = body_end;
		/* drop "2020年" and "十六届" between body and number */
		for (int again = 1; again;) {
			again = 0;
			size_t y;
			size_t yl = 0;
			if (be > bs && (ends_with(d, bs, be, "年度", &yl) ||
					ends_with(d, bs, be, "年", &yl))) {
				/* (县政府 2024 年第二次: spaces around the year) */
				size_t z = be - yl;
				while (z > bs && is_space(d->cp[z - 1]))
					z--;
				y = z;
				while (y > bs &&
				       (is_digit(d->cp[y - 1]) || cn_digit(d->cp[y - 1]) >= 0))
					y--;
				if (y < z) {
					while (y > bs && is_space(d->cp[y - 1]))
						y--;
					be = y;
					again = 1;
				}
			}
			if (be > bs && (ends_with(d, bs, be, "届", NULL))) {
				y = be - 1;
				while (y > bs &&
				       (is_digit(d->cp[y - 1]) || cn_digit(d->cp[y - 1]) >= 0 ||
					cn_unit(d->cp[y - 1])))
					y--;
				if (y < be - 1) {
					be = y;
					again = 1;
				}
			}
			/* 市政府〔2010〕第一次全体会议: the year in brackets */
			if (be >= bs + 6 && is_close_bracket(d->cp[be - 1]) &&
			    is_open_bracket(d->cp[be - 6]) && is_digit(d->cp[be - 5]) &&
			    is_digit(d->cp[be - 4]) && is_digit(d->cp[be - 3]) &&
			    is_digit(d->cp[be - 2])) {
				be -= 6;
				again = 1;
			}
			/* 县人民政府第十八届第25次: the 第 of the term */
			if (be > bs && again && ends_with(d, bs, be, "第", NULL))
				be--;
		}
	} else {
		size_t which = 0;
		ks = NPOS;
		for (size_t i = s; i < end; i++) {
			size_t k = match_any(d, i, end, kinds, COUNT(kinds), &which);
			if (k && i + k == end) {
				ks = i;
				break;
			}
		}
		if (ks == NPOS)
			return 0;
		/* X长办公会议, 县长周例会 keep their X长 */
		static const char *const heads[] = {"办公会", "周例会", "月例会", "例会", "碰头会"};
		if (match_any(d, ks, end, heads, COUNT(heads), NULL) && ks >= s + 2 &&
		    match(d, ks - 1, end, "长"))
			ks -= 2;
		/* 市长工作例会, 主任工作例会: a head's own series, its 工作 kept */
		else if (match(d, ks, end, "例会") && ks >= s + 4 &&
			 match(d, ks - 2, end, "工作") &&
			 (match(d, ks - 3, end, "长") || match(d, ks - 4, end, "主任")))
			ks -= 4;
		/* 书记专题会: the secretary's own meeting */
		if (match(d, ks, end, "专题会") && ks >= s + 2 && match(d, ks - 2, end, "书记"))
			ks -= 2;
		if (session != NPOS) { /* 各组召集人会议: the whole name */
			ks = s;
			/* …第三次会议“三会”筹备工作安排部署会: but a topic's
			 * work goes, as elsewhere */
			size_t w = find(d, s, end, "工作");
			for (size_t i = w == NPOS ? end : w + 2; i + 2 <= end; i++)
				if (match_any(d, i, end, kinds, COUNT(kinds), NULL) == end - i) {
					ks = i;
					break;
				}
		}
		/* 各讨论组组长会议, 各代表团召集人会议: one meeting of them all */
		if (session != NPOS && match(d, ks, end, "各") && end - ks > 5 &&
		    !match(d, ks, end, "各组"))
			ks++;
		be = ks;
		/* 项目建设专题推进会, 规划编制专题工作会议: 专题 is of the type
		 * (the topic and whatever organ before it stay as they were) */
		if (ks >= s + 2 && match(d, ks - 2, end, "专题") && !match(d, ks, end, "会议") &&
		    !match(d, ks, end, "会"))
			ks -= 2;
	}
	/* …正常上班后的第一次县委常委会会议: a count of meetings since some
	 * event (…后的, …以来的), no number of the meeting's own; the body
	 * after it, as below */
	/* 州委书记第四次专题会议: the secretary's own series of the 州委 (as
	 * 书记专题会 unnumbered): body 州委, kind 书记专题会议 */
	int secretary = kind_start != NPOS && be >= bs + 4 && ends_with(d, bs, be, "书记", NULL) &&
			match(d, be - 3, be, "委");
	if (secretary)
		be -= 2;
	int since = kind_start != NPOS && be > bs && ends_with(d, bs, be, "的", NULL);
	if (since)
		number = 0;
	/* 2026年第1次旗政府常务会议, 五届104次区政府常务会议: the body
	 * comes after the number */
	if (kind_start != NPOS && (count_han(d, bs, be) == 0 || since)) {
		static const char *const levels[] = {"县", "区", "市", "旗", "镇", "乡", "街道"};
		static const char *const organ[] = {"人民政府", "政府", "党委", "党工委", "委"};
		size_t l = match_any(d, ks, ke, levels, COUNT(levels), NULL);
		size_t o = match_any(d, ks + l, ke, organ, COUNT(organ), NULL);
		/* 第十九次政府常务会议: the government without its level */
		if (!l && !match(d, ks, ke, "政府") && !match(d, ks, ke, "人民政府"))
			o = 0;
		if (o && ke - (ks + l + o) >= 3) {
			bs = ks;
			be = ks + l + o;
			ks = be;
		}
	}
	/* 县十六届第9次政府常务会议: the level before the number, the organ
	 * after it */
	size_t organ_after = 0;
	/* (某县2020年第四次政府常务会议: the place with its level, too) */
	if (kind_start != NPOS && be >= bs + 1 && be <= bs + 8 && count_han(d, bs, be) == be - bs &&
	    match_any(d, be - 1, be, place_levels, COUNT(place_levels), NULL)) {
		static const char *const organ2[] = {"人民政府", "政府"};
		organ_after = match_any(d, ks, ke, organ2, COUNT(organ2), NULL);
		if (organ_after && ke - (ks + organ_after) >= 2)
			ks += organ_after;
		else
			organ_after = 0;
	} else if (kind_start != NPOS && be >= bs + 2 && ends_with(d, bs, be, "政府", NULL) &&
		   match(d, ks, ke, "政府") && ke - (ks + 2) >= 2) {
		/* 某县人民政府2020年第四次政府常务会议: the organ said again
		 * after the number, no part of the kind */
		ks += 2;
	}
	/* 第24次重点项目建设工作周例会: the kind is the type, without its
	 * topic (as when no number stands before it); but 县长办公会议 keeps
	 * its 县长, 党组会议 and 常委会议 their stems */
	if (kind_start != NPOS) {
		size_t k0 = NPOS;
		for (size_t i = ks + 2; i + 2 <= ke && k0 == NPOS; i++) {
			size_t k = match_any(d, i, ke, kinds, COUNT(kinds), NULL);
			if (k && i + k == ke && !span_eq(d, i, ke, "会议") &&
			    !span_eq(d, i, ke, "大会")) /* 居民代表大会 */
				k0 = i;
		}
		int stemmed = 0;
		for (size_t t = 0; k0 != NPOS && t < COUNT(kind_stems); t++)
			stemmed |= ends_with(d, ks, k0, kind_stems[t], NULL);
		/* (市长工作例会, 主任工作例会: a head's series keeps its 工作) */
		int heads_work = k0 != NPOS && (ends_with(d, ks, k0, "长工作", NULL) ||
						ends_with(d, ks, k0, "主任工作", NULL));
		if (k0 != NPOS && !stemmed && !heads_work && !match(d, k0 - 1, ke, "长") &&
		    find(d, ks, k0, "(") == NPOS && count_han(d, ks, k0) == k0 - ks &&
		    (ends_with(d, ks, k0, "工作", NULL) || k0 - ks >= 4 ||
		     match(d, k0, ke, "集中"))) /* 项目集中办公会: a manner */
			ks = k0;
	}
	/* 市政会议: a bare 会议 with no number names no body, but 镇党委会议
	 * names the 镇党委 */
	static const char *const party_organs[] = {"党委", "党工委"};
	int party = be > bs + 2 && be - bs <= 10 &&
		    longest_end(d, bs, be, party_organs, COUNT(party_organs)) > 0;
	/* 市委议军会议: a party committee's meeting of a type we do not
	 * list, named with the committee before it: 市委 + 议军会议 */
	static const char *const lv_wei[] = {"县", "区", "市", "旗", "州", "盟", "省"};
	if (kind_start == NPOS && span_eq(d, ks, ke, "会议") && !party && ks - s >= 4 &&
	    ks - s <= 6 && match_any(d, s, ks, lv_wei, COUNT(lv_wei), NULL) &&
	    match(d, s + 1, ks, "委") && count_han(d, s, ks) == ks - s &&
	    !match(d, s + 2, ks, "员") && !match(d, s + 2, ks, "常委")) {
		if (!(m->body = doc_str(d, s, s + 2)) || !(m->kind = doc_str(d, s + 2, end)))
			return HY_ERR_NOMEM;
		return 0;
	}
	if (kind_start == NPOS && span_eq(d, ks, ke, "会议") && !party) {
		/* 秋冬季森林防火工作暨业务培训会议: two meetings share 会议, the
		 * first a 工作会议 (its topic dropped, as 社会事业工作会议) */
		/* (某县政府全体(扩大)暨务虚会议: the government's own plenary,
		 * the organ before it its body) */
		static const char *const firsts[] = {"工作", "全体(扩大)", "全体扩大",
						     "全体", "常务(扩大)", "常务"};
		size_t ji = find(d, s, ks, "暨");
		size_t fl = ji != NPOS ? longest_end(d, s, ji, firsts, COUNT(firsts)) : 0;
		if (fl) {
			struct buf k = {0};
			if (buf_add(&k, d->s + d->off[ji - fl], d->off[ji] - d->off[ji - fl]) ||
			    buf_add(&k, d->s + d->off[ks], d->off[ke] - d->off[ks])) {
				free(k.s);
				return HY_ERR_NOMEM;
			}
			m->kind = k.s;
			size_t o = ji - fl;
			if (!match(d, o, ks, "工作") && o >= s + 2 && count_han(d, s, o) == o - s &&
			    is_unit(d, s, o) && !m->body && !(m->body = doc_str(d, s, o)))
				return HY_ERR_NOMEM;
		} else {
			m->kind = doc_str(d, s, end);
		}
		if (!m->kind)
			return HY_ERR_NOMEM;
		/* but 市委常委会召开扩大会议 names its convener */
		return cv != NPOS && cv < s ? convener_before(d, a, cv, &m->body) : 0;
	}
	/* body stem moves to the kind: 县委常委会 + 会议 → 县委 + 常委会会议 */
	/* (县人大常委会第十次(扩大)会议: an enlarged bare meeting too) */
	int kind_bare = span_eq(d, ks, ke, "会议") || span_eq(d, ks, ke, "(扩大)会议");
	size_t stem = 0;
	if (kind_bare || ends_with(d, bs, be, "党组", NULL)) { /* 县政府党组 + 学习会议 */
		for (size_t t = 0; t < COUNT(kind_stems); t++) {
			size_t sl;
			if (ends_with(d, bs, be, kind_stems[t], &sl) && sl > stem)
				stem = sl;
		}
	}
	/* 县人大常委会 + 会议: the body keeps its 常委会, the kind gets it too */
	/* but 县政协党组 + 会议: the 党组's meeting is the 县政协's (README) */
	int keep_stem = stem && !ends_with(d, bs, be, "党组", NULL) &&
			(ends_with(d, bs, be - stem, "人大", NULL) ||
			 ends_with(d, bs, be - stem, "政协", NULL) || party);
	struct buf kind = {0}, body = {0};
	int rc = 0;
	/* body without any "N届" inside */
	for (size_t i = bs; i < (keep_stem ? be : be - stem) && !rc; i++) {
		size_t i0 = i;
		if (match(d, i, be, "第")) /* 文昌镇第十五届人民代表大会 */
			i++;
		if (is_digit(d->cp[i]) || cn_digit(d->cp[i]) >= 0 || cn_unit(d->cp[i])) {
			size_t j = i;
			while (j < be &&
			       (is_digit(d->cp[j]) || cn_digit(d->cp[j]) >= 0 || cn_unit(d->cp[j])))
				j++;
			if (j < be && match(d, j, be, "届")) {
				i = j;
				continue;
			}
		}
		i = i0;
		rc = buf_add(&body, d->s + d->off[i], d->off[i + 1] - d->off[i]);
	}
	if (!rc && organ_after)
		rc = buf_add(&body, d->s + d->off[ks - organ_after],
			     d->off[ks] - d->off[ks - organ_after]);
	if (!rc && secretary)
		rc = buf_add(&kind, d->s + d->off[be], d->off[be + 2] - d->off[be]);
	if (!rc && stem)
		rc = buf_add(&kind, d->s + d->off[be - stem], d->off[be] - d->off[be - stem]);
	if (!rc)
		rc = buf_add(&kind, d->s + d->off[ks], d->off[ke] - d->off[ks]);
	if (rc) {
		free(kind.s);
		free(body.s);
		return rc;
	}
	if (!rc)
		rc = study_group_organ(&body);
	/* a body is an office: 县政府, 县委, 县人大常委会, 云潭县; what else
	 * stands there is a topic (城镇燃气安全专项整治专题会议) */
	int body_ok = 0;
	if (body.n > 0 && body.n <= 60) {
		struct doc bd;
		if (cppcc_place_first(body.s, body.n) || doc_init(&bd, body.s, body.n)) {
			free(kind.s);
			free(body.s);
			return HY_ERR_NOMEM;
		}
		/* date 2025-11-05 南投县议会: a date token glued before the
		 * organ (digits and a space) is no part of it */
		size_t hr = bd.n;
		while (hr > 0 && is_han(bd.cp[hr - 1]))
			hr--;
		/* (but 第13 届区政府: a term, whose 届 the space left) */
		if (hr > 0 && bd.n - hr >= 3 && !match(&bd, hr, bd.n, "届") &&
		    is_digit(bd.cp[hr - 1 - (is_space(bd.cp[hr - 1]) && hr >= 2)])) {
			if (cut_front(&body, &bd, hr)) {
				free(kind.s);
				free(body.s);
				return HY_ERR_NOMEM;
			}
		}
		/* 县十八届政府2025年党组会议: the year after the organ is no
		 * part of it */
		if (bd.n >= 7 && match(&bd, bd.n - 1, bd.n, "年") && is_digit(bd.cp[bd.n - 2]) &&
		    is_digit(bd.cp[bd.n - 3]) && is_digit(bd.cp[bd.n - 4]) &&
		    is_digit(bd.cp[bd.n - 5]) && is_han(bd.cp[bd.n - 6])) {
			body.n = bd.off[bd.n - 5];
			body.s[body.n] = '\0';
			doc_free(&bd);
			if (doc_init(&bd, body.s, body.n)) {
				free(kind.s);
				free(body.s);
				return HY_ERR_NOMEM;
			}
		}
		{
			/* 中心组(扩大)第七次中心组学习会议: a group, no organ */
			/* 全镇农业农村工作会议: the whole town's, a topic */
			static const char *const whole[] = {"全", "本", "我", "该"};
			/* 今冬明春安全生产工作暨县安委会第五次会议: the numbered
			 * meeting is the organ's after 暨 */
			size_t ji = find(&bd, 0, bd.n, "暨");
			/* but 区委常委会暨区疫情防控指挥部第71次会议: the first is
			 * an organ's meeting itself, and the readout's */
			static const char *const own[] = {"常委会",   "常务会",        "党组会",
							  "全体会",   "党组会议",      "常务会议",
							  "全体会议", "党组(扩大)会议"};
			size_t ol = ji != NPOS && ji >= 4 ? longest_end(&bd, 0, ji, own, COUNT(own))
							  : 0;
			if (ol) {
				/* (县政府党组会暨…: the organ is 县政府, its party
				 * group's meeting the kind; 区委常委会 is an organ) */
				size_t e = match(&bd, ji - ol, ji, "常委会") ? ji : ji - ol;
				body.n = bd.off[e];
				body.s[body.n] = '\0';
				bd.n = e;
			} else if (ji != NPOS && bd.n - (ji + 1) >= 3 &&
				   is_unit(&bd, ji + 1, bd.n) &&
				   match_any(&bd, ji + 1, bd.n, place_levels, COUNT(place_levels),
					     NULL)) {
				if (cut_front(&body, &bd, ji + 1)) {
					free(kind.s);
					free(body.s);
					return HY_ERR_NOMEM;
				}
			}
			/* 县委政法工作会议, 县委政法暨全县依法治县工作会议: the
			 * party committee's conference on a topic */
			static const char *const lv1[] = {"县", "区", "市", "旗", "州"};
			/* (连城县委农村工作会议: the place written before it) */
			size_t lk = 0;
			while (lk < 6 && lk + 2 < bd.n && is_han(bd.cp[lk]) &&
			       !(match_any(&bd, lk, bd.n, lv1, COUNT(lv1), NULL) &&
				 match(&bd, lk + 1, bd.n, "委")))
				lk++;
			if (lk + 2 < bd.n && match_any(&bd, lk, bd.n, lv1, COUNT(lv1), NULL) &&
			    match(&bd, lk + 1, bd.n, "委")) {
				size_t o2 = lk + 2;
				size_t re = find(&bd, o2, bd.n, "暨");
				if (re == NPOS)
					re = bd.n;
				/* 县委农村工作会议: 农村 ends in 村 but is a topic,
				 * no village */
				static const char *const rural[] = {"农村", "乡村", "城乡"};
				/* (县委政协工作会议, 县委人大工作会议: the committee's
				 * conference on the CPPCC's or the congress's work) */
				static const char *const works[] = {"政协", "人大"};
				if (re == o2 || !is_unit(&bd, o2, re) || re < bd.n ||
				    longest_end(&bd, o2, re, rural, COUNT(rural)) == re - o2 ||
				    match_any(&bd, o2, re, works, COUNT(works), NULL) == re - o2) {
					body.n = bd.off[o2];
					body.s[body.n] = '\0';
					bd.n = o2;
				}
			}
			/* 市防汛抗旱指挥部汛情会商会: a headquarters, then the
			 * topic of its meeting (two to four characters) */
			static const char *const hq[] = {"指挥部"};
			size_t hq_at = find(&bd, 0, bd.n, "指挥部");
			if (hq_at != NPOS && hq_at + 3 < bd.n && bd.n - (hq_at + 3) <= 4 &&
			    hq_at >= 2 && count_han(&bd, 0, bd.n) == bd.n &&
			    !is_unit(&bd, 0, bd.n) && longest_end(&bd, 0, hq_at + 3, hq, 1)) {
				body.n = bd.off[hq_at + 3];
				body.s[body.n] = '\0';
				bd.n = hq_at + 3;
			}
			/* 县政府安全生产专题会议, 县人民政府抓落实专题会议: the
			 * government, then its meeting's topic (not its offices:
			 * 县政府办公室, 县政府党组) */
			{
				static const char *const govs[] = {"人民政府", "政府"};
				static const char *const own_parts[] = {"办",   "党组", "常务",
									"全体", "班子", "领导"};
				size_t gl = 0, g0 = match_any(&bd, 0, bd.n, head_levels,
							      COUNT(head_levels), NULL);
				if (g0)
					gl = match_any(&bd, g0, bd.n, govs, COUNT(govs), NULL);
				size_t ge = g0 + gl;
				if (gl && bd.n - ge >= 2 && count_han(&bd, ge, bd.n) == bd.n - ge &&
				    !match_any(&bd, ge, bd.n, own_parts, COUNT(own_parts), NULL) &&
				    /* (县政府工作报告…调度会议: the report, a topic) */
				    !match(&bd, ge, bd.n, "工作报告") &&
				    /* (区政府区政协…座谈会: two organs) */
				    !match_any(&bd, ge, bd.n, head_levels, COUNT(head_levels),
					       NULL) &&
				    !is_unit(&bd, ge, bd.n)) {
					body.n = bd.off[ge];
					body.s[body.n] = '\0';
					bd.n = ge;
				}
			}
			/* but 全国人大常委会, 全国政协 are the nation's organs */
			static const char *const national[] = {"全国人大", "全国政协"};
			/* 部务会理论学习中心组: an office's own meeting's group, whose
			 * organ is the convener (县委组织部召开部务会…学习会) */
			body_ok = is_unit(&bd, 0, bd.n) && !match(&bd, 0, bd.n, "关于") &&
				  !ends_with(&bd, 0, bd.n, "务会", NULL) &&
				  /* 创建文明城市推进会: a topic ending in 市 */
				  !ends_with(&bd, 0, bd.n, "城市", NULL) &&
				  /* but 全面依法治县委员会 is a committee's name */
				  (!match_any(&bd, 0, bd.n, whole, COUNT(whole), NULL) ||
				   (county_of_quan(&bd, 0) && organ_at(&bd, 3, bd.n)) ||
				   (match(&bd, 0, bd.n, "全面") &&
				    ends_with(&bd, 0, bd.n, "委员会", NULL)) ||
				   match_any(&bd, 0, bd.n, national, COUNT(national), NULL)) &&
				  find(&bd, 0, bd.n, "中心组") == NPOS;
			/* 县十五届县委 without its term: 县县委 is the 县委 */
			if (bd.n >= 3 && bd.cp[0] == bd.cp[1] &&
			    match_any(&bd, 0, bd.n, place_levels, COUNT(place_levels), NULL)) {
				size_t cut = bd.off[1];
				memmove(body.s, body.s + cut, body.n - cut + 1);
				body.n -= cut;
			}
			doc_free(&bd);
		}
	}
	/* 某区广中路街道党建工作区域化联席会议: a street (its office) and
	 * a topic; the street is the place (README: a street convening itself) */
	size_t street = body_ok ? NPOS : find(d, bs, be, "街道");
	int street_done = 0;
	if (street != NPOS && street >= bs + 2 && street + 2 < be && !m->body) {
		size_t p0 = street;
		while (p0 > bs && street - p0 < 5 && is_han(d->cp[p0 - 1]) &&
		       !match_any(d, p0 - 1, street, place_levels, COUNT(place_levels), NULL))
			p0--;
		if (street - p0 >= 2) {
			free(body.s);
			body.s = NULL;
			street_done = 1;
			if (!(m->body = doc_str(d, street, street + 2)) ||
			    (!m->place && !(m->place = doc_str(d, p0, street + 2)))) {
				free(kind.s);
				return HY_ERR_NOMEM;
			}
		}
	}
	/* 县妇联召开第十届执行委员会第四次会议: the convener's executive
	 * committee, no organ of its own: the convener, kind 执委会议 */
	if (body_ok && kind_start != NPOS && cv != NPOS && cv < s && span_eq(d, ks, ke, "会议")) {
		struct doc bd;
		if (doc_init(&bd, body.s, body.n)) {
			free(kind.s);
			free(body.s);
			return HY_ERR_NOMEM;
		}
		size_t wei = span_eq(&bd, 0, bd.n, "执行委员会") ? 2
			     : span_eq(&bd, 0, bd.n, "执委会")   ? 1
								 : 0;
		struct buf k2 = {0};
		int rc2 = wei ? buf_add(&k2, bd.s, bd.off[1]) ||
					  buf_add(&k2, bd.s + bd.off[wei],
						  bd.off[wei + 1] - bd.off[wei]) ||
					  buf_add(&k2, kind.s, kind.n)
			      : 0;
		doc_free(&bd);
		if (rc2) {
			free(k2.s);
			free(kind.s);
			free(body.s);
			return HY_ERR_NOMEM;
		}
		if (wei) {
			free(kind.s);
			kind = k2;
			body_ok = 0;
		}
	}
	/* 区政协召开十届委员会第三十六次主席会议: a term's committee with no
	 * name of its own is the convener's */
	if (body_ok && cv != NPOS && cv < s) {
		struct doc bd;
		if (doc_init(&bd, body.s, body.n)) {
			free(kind.s);
			free(body.s);
			return HY_ERR_NOMEM;
		}
		size_t t = match(&bd, 0, bd.n, "第");
		while (t < bd.n &&
		       (cn_digit(bd.cp[t]) >= 0 || cn_unit(bd.cp[t]) || is_digit(bd.cp[t])))
			t++;
		t += match(&bd, t, bd.n, "届");
		if (span_eq(&bd, t, bd.n, "委员会"))
			body_ok = 0;
		doc_free(&bd);
	}
	if (street_done) {
		/* the street's, above */
	} else if (body_ok) {
		m->body = body.s;
	} else {
		free(body.s);
		/* 市政府召开五届104次常务会议: the body stands before the verb */
		/* 市政协六届一次会议主席团举行第一次会议: the session's
		 * presidium meets, and is the body (大会主席团 too) */
		size_t pres = session != NPOS ? find(d, session_end, s, "主席团") : NPOS;
		/* (某州代表团召开全体会议: a delegation to the session meets) */
		size_t team = session != NPOS ? find(d, session_end, s, "代表团") : NPOS;
		if (pres != NPOS && pres - session_end <= 4) {
			if (!(m->body = doc_str(d, session_end, pres + 3))) {
				free(kind.s);
				return HY_ERR_NOMEM;
			}
		} else if (team != NPOS && team - session_end >= 2 && team - session_end <= 8 &&
			   count_han(d, session_end, team) == team - session_end) {
			if (!(m->body = doc_str(d, session_end, team + 3))) {
				free(kind.s);
				return HY_ERR_NOMEM;
			}
		} else if (session != NPOS) {
			/* 区政协召开六届四次会议…: the owner before the verb */
			static const char *const convene[] = {"召开", "举行"};
			size_t o0 = owner, o1 = session;
			if (owner >= a + 2 && count_han(d, owner, session) <= 6 &&
			    (match_any(d, owner - 2, session, convene, COUNT(convene), NULL))) {
				o1 = owner - 2;
				o0 = name_start(d, a, o1);
			}
			if (session_owner(d, o0, o1, &m->body)) {
				free(kind.s);
				return HY_ERR_NOMEM;
			}
		} else if (cv != NPOS && cv < end && convener_before(d, a, cv, &m->body)) {
			/* (县人大常委会召开人大机关全体会议: 召开人 read as 召集人
			 * keeps the verb inside the name; the convener is still
			 * before it) */
			free(kind.s);
			return HY_ERR_NOMEM;
		}
	}
	m->kind = kind.s;
	/* 某州政协庆祝…和…周年座谈会在…召开: the organ opens the clause, what
	 * the meeting marks between it and the kind */
	if (!m->body && session == NPOS) {
		static const char *const marks[] = {"庆祝", "纪念"};
		size_t cs = s;
		while (cs > a && !is_clause_end(d, cs - 1))
			cs--;
		cs = skip_spaces(d, cs, s);
		size_t tv = find_any(d, cs, end, marks, COUNT(marks), NULL);
		if (tv != NPOS && tv >= cs + 3 && tv <= cs + 12 &&
		    count_han(d, cs, tv) == tv - cs && is_unit(d, cs, tv) &&
		    !(m->body = doc_str(d, cs, tv)))
			return HY_ERR_NOMEM;
	}
	/* 县政协召开乡镇政协委员联络组和专委会工作会议: who attends, its
	 * groups joined by 和, named before the kind; the organ convening is
	 * the body */
	if (m->body && session == NPOS && cv != NPOS && cv < s && find(d, s, end, "和") != NPOS) {
		static const char *const proper[] = {"政协", "人大常委会", "政府", "县委",
						     "市委", "区委",       "党委", "党工委"};
		struct doc bd;
		if (doc_init(&bd, m->body, strlen(m->body)))
			return HY_ERR_NOMEM;
		int joined = find(&bd, 0, bd.n, "和") != NPOS;
		doc_free(&bd);
		char *full = NULL;
		if (joined && convener_before(d, a, cv, &full))
			return HY_ERR_NOMEM;
		struct doc fd;
		int organ = 0;
		if (full) {
			if (doc_init(&fd, full, strlen(full))) {
				free(full);
				return HY_ERR_NOMEM;
			}
			organ = fd.n <= 8 && longest_end(&fd, 0, fd.n, proper, COUNT(proper));
			doc_free(&fd);
		}
		if (organ)
			set_str(&m->body, full);
		else
			free(full);
	}
	/* 某镇人大主席团召开主席团第十二次会议: the organ said in full before
	 * the verb, then again in short in the meeting's name */
	if (m->body && session == NPOS && cv != NPOS && cv < s) {
		char *full = NULL;
		if (convener_before(d, a, cv, &full))
			return HY_ERR_NOMEM;
		size_t fl = full ? strlen(full) : 0, bl = strlen(m->body);
		if (fl > bl + 3 && strcmp(full + fl - bl, m->body) == 0)
			set_str(&m->body, full);
		else
			free(full);
	}
	/* 县政协党组召开2022年第9次会议: the group's meeting, its organ the
	 * body (README: the 党组 convention) */
	if (kind_bare && !stem && span_eq(d, ks, ke, "会议") && group_bare_meeting(m))
		return HY_ERR_NOMEM;
	if (!number)
		number = tail_number;
	m->number = number > 0 && number < 100000 ? (int)number : 0;
	/* 县长办公会议, 市长碰头会 are the 县政府's: body X政府 */
	static const char *const heads_of[] = {"县长", "区长", "市长", "旗长", "镇长", "乡长"};
	int bare_place = 0; /* 云潭县召开…县长办公会议: the body said is a place */
	if (m->body) {
		struct doc bd;
		if (doc_init(&bd, m->body, strlen(m->body)))
			return HY_ERR_NOMEM;
		size_t l0 = longest_end(&bd, 0, bd.n, place_levels, COUNT(place_levels));
		bare_place = l0 > 0 && bd.n > l0;
		doc_free(&bd);
	}
	if ((!m->body || bare_place) &&
	    match_any(d, ks, ke, heads_of, COUNT(heads_of), NULL) == 2 && ke - ks >= 4) {
		set_str(&m->body, NULL);
		struct buf g = {0};
		if (buf_add(&g, d->s + d->off[ks], d->off[ks + 1] - d->off[ks]) ||
		    buf_add(&g, "政府", strlen("政府")))
			return HY_ERR_NOMEM;
		m->body = g.s;
	}
	return 0;
}

/* What the opening paragraph did not say, the title may: 县长张三主持召开
 * 县政府第5次常务会议, 2024年5月11日县政府召开… */
/* The title's organ and the sentence's the same one, however each names
 * it: 浑江区人民政府 in the title, 区政府 in the opening. */
static int same_organ(const char *title_body, const char *body)
{
	struct doc t, b;
	if (strcmp(title_body, body) == 0)
		return 1;
	if (doc_init(&t, title_body, strlen(title_body)))
		return 0;
	if (doc_init(&b, body, strlen(body))) {
		doc_free(&t);
		return 0;
	}
	/* (人民政府 and 政府 alike: the government's two names) */
	size_t te = t.n - (ends_with(&t, 0, t.n, "人民政府", NULL) ? 4 : 0);
	size_t be = b.n - (ends_with(&b, 0, b.n, "人民政府", NULL) ? 4 : 0);
	int gov_t = te < t.n || ends_with(&t, 0, t.n, "政府", NULL);
	int gov_b = be < b.n || ends_with(&b, 0, b.n, "政府", NULL);
	if (te < t.n || be < b.n) {
		te -= te < t.n ? 0 : 2;
		be -= be < b.n ? 0 : 2;
	}
	int same = gov_t == gov_b && be >= 1 && te >= be &&
		   memcmp(t.cp + te - be, b.cp, be * sizeof *b.cp) == 0;
	doc_free(&b);
	doc_free(&t);
	return same;
}

int from_title(struct hy_meeting *m, const struct meta *mt)
{
	struct doc t;
	int rc = doc_init(&t, m->title, strlen(m->title));
	if (rc)
		return rc;
	/* 会议于…举行: an opening that names no more than 会议 */
	int bare = m->kind &&
		   (!strcmp(m->kind, "会议") || !strcmp(m->kind, "\xe6\x9c\x83\xe8\xad\xb0"));
	if (!m->kind || !m->body || bare || strlen(m->kind) <= 9 || !m->number) {
		struct hy_meeting n = {0};
		rc = meeting_name(&t, 0, t.n, &n);
		if (!rc)
			rc = tidy_kind(&n);
		/* fill only what the opening left unknown, and only when the
		 * title speaks of the same meeting */
		/* 委务会 in the sentence, 委务会议 in the title: the full name */
		size_t kl = m->kind ? strlen(m->kind) : 0;
		if (!rc && n.kind && kl && strlen(n.kind) == kl + 3 &&
		    strncmp(n.kind, m->kind, kl) == 0 && n.number == m->number &&
		    (!strcmp(n.kind + kl, "议") || !strcmp(n.kind + kl, "\xe8\xad\xb0"))) {
			set_str(&m->kind, n.kind);
			n.kind = NULL;
		}
		/* 常务会 in the title, 常务会议 in the sentence: the same kind */
		size_t nl = n.kind ? strlen(n.kind) : 0;
		int short_form =
			nl && kl == nl + 3 && strncmp(n.kind, m->kind, nl) == 0 &&
			(!strcmp(m->kind + nl, "议") || !strcmp(m->kind + nl, "\xe8\xad\xb0"));
		if (!rc && n.kind &&
		    (!m->kind || bare || short_form || strcmp(n.kind, m->kind) == 0) &&
		    (!m->number || n.number == m->number)) {
			if (!m->body) {
				m->body = n.body;
				n.body = NULL;
			}
			if (!m->kind || bare) {
				set_str(&m->kind, n.kind);
				m->number = n.number;
				n.kind = NULL;
			} else if (!m->number && n.number > 0 &&
				   (!n.body || !m->body || same_organ(n.body, m->body))) {
				/* 主持召开市政府常务会议 under 市政府第22次常务会议召开 */
				m->number = n.number;
			}
		}
		hy_meeting_free(&n);
	}
	if (!rc && !m->chair)
		rc = find_chair(&t, 0, t.n, m);
	if (!rc && !m->date) {
		struct ymd y;
		if (find_date(&t, 0, t.n, &y, 0) != NPOS)
			rc = title_date(&t, mt, m); /* dates.c */
	}
	doc_free(&t);
	return rc;
}
