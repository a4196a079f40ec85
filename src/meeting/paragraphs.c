/* paragraphs.c: pass 2, the paragraph text (parse.c hands it over).
 *
 * The opening paragraph gives the date, the chair, the meeting's name and
 * who attended; each later paragraph gives one or more agenda sections, a
 * paragraph of who attended its people, a remark with no item before it a
 * point of its own; a chair named only in a closing clause (…主持会议) or
 * by a session's executive chairman is found last. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The keys that end a sentence of who attended (出席会议, 列席会议 …). */
static const char *const attend_keys[] = {"出席", "列席", "参加", "参会"};

/* 公告, 公 告: a notice's heading, alone on its line */
static int is_notice_head(const struct doc *d, size_t a, size_t b)
{
	size_t n = 0, at = NPOS;
	for (size_t i = a; i < b; i++) {
		if (is_space(d->cp[i]))
			continue;
		if (n == 0)
			at = i;
		n++;
	}
	if (n != 2)
		return 0;
	size_t second = at + 1;
	while (second < b && is_space(d->cp[second]))
		second++;
	return match(d, at, at + 1, "公") && match(d, second, b, "告");
}

int parse_body(const struct doc *d, const struct meta *mt, struct hy_meeting *m)
{
	struct sections ss = {0};
	struct people pp = {0};
	int last_point = 0; /* the last section is a remark with no item before */
	/* sections cut from the opening's own agenda sentences: the remarks
	 * in the paragraphs after them are points of their own, as readers
	 * take them (the items were the opening's summary) */
	size_t opening_items = 0;
	int cn_heads = 0; /* a section opened with 一、 */
	int rc = 0;
	/* paragraphs: separated by blank lines */
	size_t np = 0;
	struct span *p = split_spans(d, 1, &np);
	if (!p)
		return HY_ERR_NOMEM;
	size_t first = 0;
	/* what stands before the opening (a form's fields, the title again, a
	 * bait headline, subtitles) goes: opening.c */
	to_opening(d, p, &np, m->title);
	/* the opening paragraph: the first one, unless it is an agenda item */
	if (np > 0 && agenda_verb_at(d, p[0].a, p[0].b, NULL) == NPOS) {
		size_t a = p[0].a, b = p[0].b;
		first = 1;
		/* in a one-paragraph article, agenda items after the attendance
		 * sentences start the sections */
		size_t cut = b;
		size_t last_att = NPOS;
		/* 甲、乙及各部门负责人参加会议: the attendance's verb ends its
		 * sentence; an agenda sentence before it is the opening's */
		static const char *const att_keys[] = {"出席", "列席", "参加会议", "参会"};
		for (size_t i = a; i < b;) {
			size_t e = clause_end(d, i, b, 1);
			if (has_any(d, i, e, att_keys, COUNT(att_keys)))
				last_att = e;
			i = e + 1;
		}
		size_t from = last_att != NPOS ? last_att + 1 : clause_end(d, a, b, 1) + 1;
		for (size_t i = from; i < b; i++) {
			if (i > a && (is_sent_end(d, i - 1)) &&
			    agenda_verb_at(d, i, b, NULL) != NPOS && match(d, i, b, "会议")) {
				cut = i;
				break;
			}
		}
		m->summary = doc_str(d, a, cut);
		if (!m->summary) {
			rc = HY_ERR_NOMEM;
			goto out;
		}
		if ((rc = meeting_date(d, a, cut, mt, m)) ||
		    (np > 1 && (rc = date_in_next(d, p[1].a, p[1].b, mt, m))) ||
		    (rc = find_chair(d, a, clause_end(d, a, cut, 1), m)))
			goto out;
		if (!m->chair && (rc = find_chair(d, a, cut, m)))
			goto out;
		/* …“大工委”召开党建联席会议，…。会议由大工委书记某某召集: the
		 * chair in a later sentence of the opening */
		for (size_t i = clause_end(d, a, cut, 1) + 1; !m->chair && i < cut;) {
			size_t e = clause_end(d, i, cut, 1);
			if ((rc = find_chair(d, i, e, m)))
				goto out;
			i = e + 1;
		}
		static const char *const convene[] = {"召开", "举行"};
		/* 为深入贯彻区委工作会议精神，…，4月17日，某镇召开…: the meetings
		 * a purpose clause names are others; the name comes after it */
		size_t an = a;
		static const char *const purpose[] = {"为了", "为"};
		if (match_any(d, a, cut, purpose, COUNT(purpose), NULL)) {
			size_t cvp = find_any(d, a, cut, convene, COUNT(convene), NULL);
			size_t dt = find_date(d, a, cut, &(struct ymd){0}, 0);
			if (dt != NPOS && (cvp == NPOS || dt < cvp)) {
				an = dt;
			} else if (cvp != NPOS) {
				/* no date: the purpose ends with the clause of its
				 * last 精神 before the verb */
				for (size_t q = a; q < cvp; q++)
					if (match(d, q, cvp, "精神"))
						an = clause_end(d, q, cvp, 0) + 1;
				if (an > cvp)
					an = a;
			}
		}
		/* 省委常委会会议召开，…我县设分会场收听收看。会后，我县紧接着召开
		 * 县委常委会会议: the meeting watched by video is another's; the
		 * readout's is the one convened after it */
		static const char *const watched[] = {"分会场",   "收听收看", "收看收听",
						      "视频形式", "视频会议", "电视电话会议"};
		static const char *const after[] = {"会后", "随后", "紧接着", "会议结束后", "紧接"};
		if (has_any(d, an, cut, watched, COUNT(watched))) {
			size_t w = find_any(d, an, cut, watched, COUNT(watched), NULL);
			for (size_t i = w; i < cut; i++) {
				if (!(is_clause_end(d, i - 1) || is_sent_end(d, i - 1)) ||
				    !match_any(d, i, cut, after, COUNT(after), NULL))
					continue;
				size_t se = clause_end(d, i, cut, 1), ml2;
				size_t cv2 = find_any(d, i, se, convene, COUNT(convene), NULL);
				if (cv2 != NPOS && find_meeting_word(d, cv2, se, &ml2) != NPOS)
					an = i;
				break;
			}
		}
		size_t mlen, mn = find_meeting_word(d, an, cut, &mlen);
		/* 某人大会议各项准备工作已经就绪，将于1月19日开幕。1月18日，某代表
		 * 团在驻地召开全体会议: a session to come, then the meeting the
		 * next sentence convenes */
		if (mn != NPOS) {
			static const char *const opens[] = {"开幕", "闭幕"};
			size_t s1 = clause_end(d, an, cut, 1);
			if (mn < s1 && s1 < cut &&
			    find_any(d, an, s1, convene, COUNT(convene), NULL) == NPOS &&
			    has_any(d, an, s1, opens, COUNT(opens))) {
				size_t s2 = clause_end(d, s1 + 1, cut, 1), ml2;
				size_t cv2 = find_any(d, s1 + 1, s2, convene, COUNT(convene), NULL);
				size_t mn2 =
					cv2 != NPOS ? find_meeting_word(d, cv2, s2, &ml2) : NPOS;
				if (mn2 != NPOS) {
					an = s1 + 1;
					mn = mn2;
					mlen = ml2;
				}
			}
		}
		size_t name_from = an;
		/* 区九届人大二次会议闭幕后，区政府即召开…部署会: the meeting
		 * this readout is about is the one convened */
		size_t cv =
			find_any(d, an, clause_end(d, an, cut, 1), convene, COUNT(convene), NULL);
		if (mn != NPOS && cv != NPOS && mn < cv) {
			size_t mlen2, mn2 = find_meeting_word(d, cv, cut, &mlen2);
			/* but not 会议由…主持 in the next clause */
			if (mn2 != NPOS && mn2 < clause_end(d, an, cut, 1) &&
			    mn2 < clause_end(d, cv, cut, 0)) {
				mn = mn2;
				mlen = mlen2;
				name_from = cv;
				/* (县长某某通过视频会议主持召开了县政府…: a person
				 * convened it, the name starts after the verb) */
				if (!(cv >= an + 2 && match(d, cv - 2, cut, "主持")))
					while (name_from > an && !is_clause_end(d, name_from - 1))
						name_from--;
			}
		}
		if (mn != NPOS &&
		    ((rc = meeting_name(d, name_from, clause_end(d, mn, cut, 0), m)) ||
		     (rc = leading_group(d, an, clause_end(d, mn, cut, 0), m))))
			goto out;
		/* 政协某县第十一届委员会第一次会议第二次全体会议, …委员会第
		 * 三次会议举行第二次全体会议: a conference's session, and the
		 * sitting the readout is (a standing committee's 第27次会议举行
		 * 第一次全体会议 is its 27th meeting, as readers take it) */
		for (size_t q = an, qe = clause_end(d, an, cut, 1); mn != NPOS && q + 2 < qe; q++)
			if (match(d, q, qe, "会议") &&
			    (find(d, an, q, "委员会") != NPOS || find(d, an, q, "政协") != NPOS) &&
			    find(d, an, q, "常务委员会") == NPOS &&
			    find(d, an, q, "常委会") == NPOS &&
			    (rc = plenary_sitting(d, q + 2, qe, m)))
				goto out;
		/* 中国共产党某镇第二十次代表大会…召开 (congress.c) */
		if ((rc = party_congress(d, an, clause_end(d, an, cut, 1), m)))
			goto out;
		/* 枣园街道召开会议传达…: a meeting without a name, its
		 * convener before the verb */
		if (!m->body) {
			static const char *const bare[] = {"召开会议", "召开了会议", "召开专题会议",
							   "举行会议", "举行了会议"};
			size_t ce = clause_end(d, an, cut, 1);
			size_t bv = find_any(d, an, ce, bare, COUNT(bare), NULL);
			if (bv != NPOS && ((rc = convener_before(d, an, bv, &m->body)) ||
					   (rc = group_to_kind(m)) || (rc = group_body(m))))
				goto out;
		}
		/* 党组(扩大)会议和第9次常务会议, 党组会议暨三十一次主席会议: two
		 * meetings at once; the numbered one is the series it belongs to */
		static const char *const joins[] = {"和", "暨", "及"};
		size_t jn;
		if (mn != NPOS && m->kind && !m->number && mn + mlen < cut &&
		    match_any(d, mn + mlen, cut, joins, COUNT(joins), &jn)) {
			size_t from2 = mn + mlen + 1;
			size_t end2 = clause_end(d, from2, cut, 0);
			struct hy_meeting two = {0};
			if ((rc = meeting_name(d, from2, end2, &two))) {
				hy_meeting_free(&two);
				goto out;
			}
			/* but 省委常委会会议暨省委国家安全委员会第一次会议: a
			 * committee's bare 会议 (no type) is joined to the typed
			 * meeting, which the readout is */
			int untyped = two.kind && bare_kind(two.kind) && !bare_kind(m->kind);
			/* (党组(扩大)会暨第三十一次主席会议, 党组会议和第二十六次主任
			 * 会议: a conference's or a congress's party group meets with
			 * its chairmen; the readout is the party group's, as the labels
			 * take it, numbered by the other) */
			int group_first = 0;
			if (two.number && two.kind && !untyped) {
				struct doc k1, k2;
				if ((rc = doc_init(&k1, m->kind, strlen(m->kind)))) {
					hy_meeting_free(&two);
					goto out;
				}
				if ((rc = doc_init(&k2, two.kind, strlen(two.kind)))) {
					doc_free(&k1);
					hy_meeting_free(&two);
					goto out;
				}
				group_first = match(&k1, 0, k1.n, "党组") &&
					      (span_eq(&k2, 0, k2.n, "主席会议") ||
					       span_eq(&k2, 0, k2.n, "主任会议"));
				doc_free(&k1);
				doc_free(&k2);
			}
			if (group_first) {
				m->number = two.number;
			} else if (two.number && two.kind && !untyped) {
				set_str(&m->kind, two.kind);
				two.kind = NULL;
				m->number = two.number;
				/* but 区政府党组会议暨第十九次政府常务会议: the
				 * first names the organ in full */
				if (two.body && !(m->body && strlen(m->body) > strlen(two.body))) {
					set_str(&m->body, two.body);
					two.body = NULL;
				}
			}
			hy_meeting_free(&two);
		}
		/* 9月18日，某某在县政府十八届五次全体(扩大)会议上强调…: an opening
		 * on a day that names its meeting only as where someone spoke */
		if (!m->kind && np > 0) {
			static const char *const spoke[] = {"强调", "指出", "讲话", "表示", "要求"};
			size_t a0 = p[0].a, e0 = clause_end(d, a0, p[0].b, 1);
			size_t at = find(d, a0, e0, "在"), up = NPOS;
			if (at != NPOS && find_date(d, a0, at, &(struct ymd){0}, 0) == a0)
				up = find(d, at, e0, "会议上");
			if (up != NPOS && up - at <= 30 &&
			    match_any(d, up + 3, e0, spoke, COUNT(spoke), NULL) &&
			    (rc = meeting_name(d, at + 1, up + 2, m)))
				goto out;
		}
		/* 收看结束后，该镇随即召开座谈会: an opening that names no meeting
		 * (a viewing, a visit) leaves it to the next paragraph */
		if (!m->kind && np > 1) {
			size_t a2 = p[1].a, e2 = clause_end(d, a2, p[1].b, 1);
			size_t cv2 = find_any(d, a2, e2, convene, COUNT(convene), NULL), l2;
			size_t mn2 = cv2 != NPOS ? find_meeting_word(d, cv2, e2, &l2) : NPOS;
			/* but 在…之年召开的一次重要会议 describes another */
			if (mn2 != NPOS && (mn2 - cv2 > 14 || match(d, cv2 + 2, e2, "的")))
				mn2 = NPOS;
			if (mn2 != NPOS && (rc = meeting_name(d, a2, clause_end(d, mn2, e2, 0), m)))
				goto out;
		}
		for (size_t i = a; i < cut && !rc;) {
			size_t e = clause_end(d, i, cut, 1);
			/* 市委书记、市长甲；副市长：乙、丙；…出席会议: groups joined by
			 * semicolons share the key at the end (as in an attendance
			 * paragraph, below) */
			while (e < cut && d->cp[e] == ';' &&
			       !has_any(d, i, e, attend_keys, COUNT(attend_keys)) &&
			       !has_any(d, i, e, chair_verbs, COUNT(chair_verbs)))
				e = clause_end(d, e + 1, cut, 1);
			rc = people_in_sentence(d, i, e, &pp);
			i = e + 1;
		}
		if (rc)
			goto out;
		if (cut < b && (rc = add_items(d, cut, b, &ss)))
			goto out;
		opening_items = ss.n;
	}
	for (size_t k = first; k < np; k++) {
		size_t a = p[k].a, b = p[k].b;
		/* 本报讯(记者…)6月12日，…, 又讯 5月25日，…: a second article on
		 * the same page; this meeting's items ended before it */
		static const char *const leads[] = {"本报讯", "本网讯", "本台讯", "本刊讯", "又讯"};
		if (ss.n > 0 && match_any(d, skip_spaces(d, a, b), b, leads, COUNT(leads), NULL))
			break;
		/* 某县人大常委会 / 公 告 / 〔2021〕第2号: a public notice set
		 * after the readout (the coming session's agenda), no item of
		 * this meeting's */
		if (ss.n > 0 && is_notice_head(d, a, b))
			break;
		if (is_attendance(d, a, b)) {
			/* 市委常委、副市长钟治峰主持会议并讲话，副市长…出席会议。 */
			size_t ce = clause_end(d, a, b, 0);
			if (!m->chair && ce - a <= 30 &&
			    (ends_with(d, a, ce, "主持会议", NULL) ||
			     ends_with(d, a, ce, "主持会议并讲话", NULL) ||
			     ends_with(d, a, ce, "主持并讲话", NULL))) {
				if ((rc = find_chair(d, a, ce, m)))
					goto out;
				a = ce + 1;
			}
			size_t rest = b; /* 会上，某某分享了…: an item after the people */
			for (size_t i = a; i < b && !rc;) {
				size_t e = clause_end(d, i, b, 1);
				if (i > a && (match(d, skip_spaces(d, i, e), e, "会上") ||
					      agenda_verb_at(d, i, e, NULL) != NPOS)) {
					rest = skip_spaces(d, i, e);
					break;
				}
				/* 副旗长某，院长某；各局的负责同志；各镇的人大主席列席
				 * 会议: groups joined by semicolons share the key at
				 * the end */
				while (e < b && d->cp[e] == ';' &&
				       !has_any(d, i, e, attend_keys, COUNT(attend_keys)))
					e = clause_end(d, e + 1, b, 1);
				/* …列席会议。县政协副主席某某主持开幕式。: who chaired,
				 * a sentence of its own among the people */
				static const char *const hosts[] = {"主持开幕式",   "主持闭幕式",
								    "主持开幕大会", "主持闭幕大会",
								    "主持大会",     "主持会议"};
				size_t se = e > i && is_sent_end(d, e - 1) ? e - 1 : e;
				if (!m->chair && e > i && se - i <= 40 &&
				    longest_end(d, i, se, hosts, COUNT(hosts)) &&
				    (rc = find_chair(d, i, se, m)))
					goto out;
				rc = people_in_sentence(d, i, e, &pp);
				i = e + 1;
			}
			if (rc || (rest < b && (rc = add_items(d, rest, b, &ss))))
				goto out;
			continue;
		}
		if ((rc = people_in_clauses(d, a, b, &pp))) /* 某某到会并讲话 */
			goto out;
		if (k + 1 == np && (rc = leaders_cut_off(d, a, b, &pp)))
			goto out;
		/* 某某主持会议并宣布大会开幕。: who chaired the sitting, no item */
		{
			static const char *const opens[] = {"主持会议并宣布", "主持大会并宣布"};
			size_t s0 = skip_spaces(d, a, b), pv = find_any(d, s0, b, opens, 2, NULL);
			if (b - a <= 60 && pv != NPOS && pv > s0 && pv - s0 <= 12 &&
			    count_han(d, s0, pv) == pv - s0) {
				if (!m->chair && (rc = find_chair(d, s0, pv + 4, m)))
					goto out;
				continue;
			}
		}
		/* 市委常委、政法委书记某某主持会议并逐一作点评。: a short
		 * paragraph that is the chairing and what the chair did, no
		 * item (but 某某主持会议并听取了…汇报 holds one) */
		{
			size_t s0 = skip_spaces(d, a, b), pv = find(d, s0, b, "主持会议并");
			size_t se = clause_end(d, s0, b, 0);
			if (b - a <= 50 && pv != NPOS && pv > s0 + 1 && pv - s0 <= 30 &&
			    se >= pv + 5 && (se + 1 >= b || is_sent_end(d, se)) &&
			    skip_spaces(d, se + 1, b) >= b && se - (pv + 5) <= 12 &&
			    agenda_verb_at(d, pv, b, NULL) == NPOS &&
			    !has_any(d, pv, b, agenda_verbs, COUNT(agenda_verbs))) {
				if (!m->chair && (rc = find_chair(d, s0, pv + 4, m)))
					goto out;
				if (m->chair)
					continue;
			}
		}
		/* "会议由副县长王某主持。" */
		/* (大会执行主席某某主持闭幕大会。: the sitting's chair) */
		static const char *const sittings[] = {
			"主持闭幕大会。", "主持开幕大会。", "主持闭幕会。", "主持开幕会。",
			"主持大会。",     "主持全体会议。", "主持开幕式。", "主持闭幕式。"};
		if (b - a <= 60 && has_any(d, a, b, chair_verbs, 4) &&
		    (match(d, skip_spaces(d, a, b), b, "会议由") ||
		     match(d, skip_spaces(d, a, b), b, "由") ||
		     ends_with(d, a, b, "主持。", NULL) || ends_with(d, a, b, "主持", NULL) ||
		     (clause_end(d, a, b, 0) + 1 >= b &&
		      longest_end(d, a, b, sittings, COUNT(sittings))))) {
			if (!m->chair && (rc = find_chair(d, a, b, m)))
				goto out;
			continue;
		}
		/* "会议由镇党委组织委员葛冰主持，共四项议程。一是…", "区委书记、
		 * 区长郭波主持会议，并做了总结发言。": the chair in the first
		 * clause of a paragraph */
		if (!m->chair) {
			size_t e = clause_end(d, a, b, 0);
			if ((match(d, skip_spaces(d, a, b), b, "会议由") &&
			     ends_with(d, a, e, "主持", NULL)) ||
			    (e - a <= 30 && (ends_with(d, a, e, "主持会议", NULL) ||
					     ends_with(d, a, e, "主持会议并讲话", NULL)))) {
				if ((rc = find_chair(d, a, e, m)))
					goto out;
				if (e - a <= 30 && b - a <= 60)
					continue;
			}
		}
		/* 王某在主持会议时要求，…: the chair speaking as he chairs
		 * (the paragraph is still a remark) */
		if (!m->chair) {
			size_t e = clause_end(d, a, b, 0);
			size_t at = find(d, a, e, "在主持会议时");
			if (at != NPOS && at >= skip_spaces(d, a, b) + 2 && at - a <= 12 &&
			    (rc = find_chair(d, a, at + 5, m)))
				goto out;
		}
		/* a repost notice: 《…》由某网提供，转载请注明出处; a site's
		 * plug: (某某发布——更多资讯请登录 http://…) */
		static const char *const repost[] = {
			"转载请注明",     "请注明出处",     "转载请注明来源", "更多资讯请登录",
			"更多资讯请关注", "更多内容请关注", "更多精彩请关注"};
		if (b - a <= 200 && has_any(d, a, b, repost, COUNT(repost)) &&
		    agenda_verb_at(d, a, b, NULL) == NPOS)
			continue;
		/* page chrome that reached the body: a line or a run of short
		 * lines with no sentence in it (网站首页 走进… , 展开详细, a
		 * trailing column name) is no agenda item */
		if (b - a <= 80 && !item_marker(d, a, b) && agenda_verb_at(d, a, b, NULL) == NPOS &&
		    !(k > 0 && number_cell(d, p[k - 1].a, p[k - 1].b))) {
			int sentence = 0;
			for (size_t i = a; i < b && !sentence; i++)
				sentence = is_sent_end(d, i) || d->cp[i] == ',';
			/* 会议就有关事项明确如下：: a sentence that leads into the
			 * item's list, part of the item */
			if (ss.n > 0 && b - a >= 8 && d->cp[b - 1] == ':' &&
			    find(d, a, b, "如下") != NPOS) {
				if ((rc = append_text(&ss.v[ss.n - 1], d, a, b)))
					goto out;
				continue;
			}
			if (!sentence || count_han(d, a, b) < 4) /* ?!?/p> */
				continue;
		}
		/* 市院班子成员、机关党委书记、处级干部、各部门正副职…: the page cut
		 * off in the closing list of who attended (the last paragraph, no
		 * sentence's end, offices listed with 、), no item */
		if (k + 1 == np && !is_remark(d, a, b) && agenda_verb_at(d, a, b, NULL) == NPOS &&
		    clause_end(d, a, b, 1) >= b && listed_offices(d, a, b))
			continue;
		/* 街道班子领导，各村党组织书记，…各单位主要负责人。: the last
		 * paragraph, who attended with the verb lost, no item */
		{
			static const char *const heads[] = {"负责人。", "负责同志。", "负责人",
							    "负责同志"};
			if (k + 1 == np && b - a <= 100 && !is_remark(d, a, b) &&
			    agenda_verb_at(d, a, b, NULL) == NPOS &&
			    longest_end(d, a, b, heads, COUNT(heads)) &&
			    clause_end(d, a, b, 1) + 1 >= b)
				continue;
		}
		/* 会议应到30人，实到22人 (实际到会65人)，符合法定人数: the quorum,
		 * no item */
		if (b - a <= 80 && find(d, a, b, "应到") != NPOS &&
		    (find(d, a, b, "实到") != NPOS || find(d, a, b, "到会") != NPOS ||
		     find(d, a, b, "出席") != NPOS))
			continue;
		/* 据悉，今年…: the reporter's background, no item; it joins the
		 * last one as 会后 does. 某某宣布大会开幕，全体起立，奏唱国歌: the
		 * ceremony, no item either */
		/* 根据该方案，…: the detail of an item the opening named (it
		 * refers back), no item of its own either */
		static const char *const background[] = {"据悉",   "据了解",   "据介绍", "近年来",
							 "多年来", "长期以来", "根据该", "根据上述",
							 "按照该", "据此"};
		static const char *const ceremony[] = {
			"奏唱国歌",     "奏国歌",       "宣布大会开幕", "宣布会议开幕",
			"宣布大会闭幕", "宣布会议闭幕", "完成所有议程", "完成各项议程"};
		/* 大会在雄壮的国歌声中开幕, 会议在《国际歌》声中闭幕: alone */
		static const char *const anthem[] = {"国歌声中", "国际歌》声中", "国际歌声中"};
		int sung = b - a <= 60 && has_any(d, a, b, anthem, COUNT(anthem)) &&
			   !has_any(d, a, b, agenda_verbs, COUNT(agenda_verbs));
		/* but 某某宣布大会开幕。县长某某向大会作政府工作报告: a report follows */
		static const char *const report[] = {"作政府工作报告", "作工作报告", "报告工作"};
		if ((match_any(d, skip_spaces(d, a, b), b, background, COUNT(background), NULL) ||
		     (b - a <= 80 && has_any(d, a, b, ceremony, COUNT(ceremony)) &&
		      !has_any(d, a, b, report, COUNT(report))) ||
		     is_scene(d, a, b) || sung) &&
		    agenda_verb_at(d, a, b, NULL) == NPOS) {
			if (ss.n > 0 && (rc = append_text(&ss.v[ss.n - 1], d, a, b)))
				goto out;
			continue;
		}
		/* 十九届区政府第42次常务会议结束。: the meeting's end, one clause */
		if (ss.n > 0 && b - a <= 40 && clause_end(d, a, b, 1) + 1 >= b &&
		    (ends_with(d, a, b, "会议结束。", NULL) ||
		     ends_with(d, a, b, "会议结束", NULL)) &&
		    agenda_verb_at(d, a, b, NULL) == NPOS) {
			if ((rc = append_text(&ss.v[ss.n - 1], d, a, b)))
				goto out;
			continue;
		}
		/* 会后，全体代表还视察了…: what followed the meeting joins its
		 * last item */
		static const char *const after[] = {"会后,", "会议结束后,", "会后"};
		if (ss.n > 0 &&
		    (match_any(d, skip_spaces(d, a, b), b, after, COUNT(after), NULL) ||
		     closing_outlook(d, a, b)) &&
		    agenda_verb_at(d, a, b, NULL) == NPOS) {
			if ((rc = append_text(&ss.v[ss.n - 1], d, a, b)))
				goto out;
			continue;
		}
		/* 区政府第67次常务会议在某某大厦会议室召开。after a form's agenda:
		 * the meeting convening, one clause, is no item */
		{
			size_t f0 = skip_spaces(d, a, b), fe = b;
			while (fe > f0 && (is_space(d->cp[fe - 1]) || is_sent_end(d, fe - 1)))
				fe--;
			size_t se = f0;
			while (se < fe && !is_sent_end(d, se) && d->cp[se] != ',')
				se++;
			if (se == fe && fe - f0 <= 60 && ends_with(d, f0, fe, "召开", NULL) &&
			    find(d, f0, fe, "会议") != NPOS &&
			    agenda_verb_at(d, f0, fe, NULL) == NPOS)
				continue;
		}
		/* 二、地点:本会议事堂, 五、主席:某某　纪录:某某: a numbered form's
		 * fields before its parts (六、报告事项) are no items */
		{
			static const char *const fields[] = {
				"时间:",     "地点:",     "开会时间:", "开会地点:",
				"会议时间:", "会议地点:", "主席:",     "主持人:",
				"纪录:",     "记录:",     "记录人:",   "司仪:"};
			size_t f0 = skip_spaces(d, a, b), fm = item_marker(d, f0, b);
			if (fm && match_any(d, f0 + fm, b, fields, COUNT(fields), NULL))
				continue;
		}
		/* ——要…, 要…: a point under the paragraph before */
		size_t a1 = skip_spaces(d, a, b);
		if (ss.n > 0 && a1 < b &&
		    (d->cp[a1] == 0x2014 || d->cp[a1] == 0x2015 || match(d, a1, b, "要")) &&
		    agenda_verb_at(d, a1 + 1, b, NULL) == NPOS) {
			if ((rc = append_text(&ss.v[ss.n - 1], d, a, b)))
				goto out;
			continue;
		}
		/* 一、研究…, then 1.关于…, 2.关于…: decisions numbered under a
		 * heading are its own */
		if (ss.n > 0 && cn_heads && a1 < b && is_digit(d->cp[a1]) &&
		    item_marker(d, a1, b) &&
		    strstr(ss.v[ss.n - 1].text, "\xe3\x80\x82") /* 。: the item says something */) {
			if ((rc = append_text(&ss.v[ss.n - 1], d, a, b)))
				goto out;
			continue;
		}
		/* "会议强调，…" continues the previous item; a run of them with
		 * no item before is one point each */
		int remark = is_remark(d, a, b);
		if (ss.n > 0 && remark && !last_point && ss.n > opening_items) {
			if ((rc = append_text(&ss.v[ss.n - 1], d, a, b)))
				goto out;
			continue;
		}
		if ((rc = add_items(d, a, b, &ss)))
			goto out;
		/* 县委书记某某主持会议并讲话。…会议强调，…: a paragraph that
		 * opens with the chairing holds no item either; the remarks
		 * after it are points of their own */
		int chairing = 0;
		if (!remark && agenda_verb_at(d, a, b, NULL) == NPOS) {
			size_t e = clause_end(d, a, b, 0);
			chairing = e - a <= 24 && (ends_with(d, a, e, "主持会议", NULL) ||
						   ends_with(d, a, e, "主持会议并讲话", NULL) ||
						   ends_with(d, a, e, "主持会议并作讲话", NULL));
		}
		/* 安全生产…三项工作，事关…。各地各部门要…。: a paragraph that
		 * says something with no agenda verb and no heading's shape is a
		 * point too; the remarks after it are points of their own */
		int statement = !remark && !chairing && b - a > 40 && !item_marker(d, a1, b) &&
				!has_any(d, a, b, agenda_verbs, COUNT(agenda_verbs)) &&
				!match(d, a1, b, "会上") && find(d, a, b, "\u3002") != NPOS;
		last_point = remark || chairing || statement;
		cn_heads |= a1 < b && cn_digit(d->cp[a1]) >= 0 && item_marker(d, a1, b);
	}
	/* 区人大常委会主任党兴阳主持会议。 at the end of a paragraph, 由县长
	 * 某某主持, 开幕会由某某主持: a clause that ends with the chairing */
	static const char *const chaired[] = {
		"主持会议并讲话", "主持会议", "主持大会", "主持并讲话", "主持",
		/* a session's sitting */
		"主持开幕大会", "主持开幕会", "主持闭幕大会", "主持闭幕会"};
	for (size_t k = 0; k < np && k < 8 && !m->chair && !rc; k++) {
		for (size_t i = p[k].a; i < p[k].b && !m->chair && !rc;) {
			size_t e = clause_end(d, i, p[k].b, 0);
			size_t s0 = skip_spaces(d, i, e);
			size_t by = find(d, s0, e, "由"); /* 开幕会由某某主持 */
			if (by != NPOS && by < s0 + 10)
				s0 = by + 1;
			/* 某某主持会议并强调, 某某主持会议并逐一作点评: the chairing,
			 * then what the chair did */
			size_t pj = find(d, s0, e, "主持会议并");
			if (pj != NPOS && e - (pj + 5) <= 20) {
				size_t e2 = pj + 4;
				if (e2 - s0 > 4 && e2 - s0 <= 30 && (rc = find_chair(d, s0, e2, m)))
					break;
				if (m->chair)
					break;
			}
			for (size_t t = 0; t < COUNT(chaired); t++) {
				if (e - s0 > 4 && e - s0 <= 30 &&
				    ends_with(d, s0, e, chaired[t], NULL)) {
					rc = find_chair(d, s0, e, m);
					break;
				}
			}
			i = e + 1;
		}
	}
	for (size_t k = 0; k < np && k < 8 && !m->chair && !rc; k++)
		rc = opener_chair(d, p[k].a, p[k].b, m); /* 执行主席某某宣布大会开幕 */
out:
	free(p);
	if (people_finish(&pp, m) && rc == 0) /* the meeting owns the lists now */
		rc = HY_ERR_NOMEM;
	m->sections = ss.v;
	m->n_sections = ss.n;
	return rc;
}
