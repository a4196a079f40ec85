/* convener.c: who convenes a meeting — the organ written before 召开
 * (convener_before), the body that owns a session (session_owner), where
 * a meeting's name starts in its clause (name_start), and the CPPCC named
 * in its formal order (政协甘南州 → 甘南州政协). name.c reads the name
 * itself. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdlib.h>
#include <string.h>

/* 政协甘南州: the conference named in its formal order, its place after
 * it; turned in s (n bytes) to 甘南州政协, as the text says it elsewhere.
 * 0, or HY_ERR_NOMEM. */
int cppcc_place_first(char *s, size_t n)
{
	if (n < 3 || memcmp(s, "\xe6\x94\xbf", 3) != 0) /* 政, either script's */
		return 0;
	struct doc t;
	if (doc_init(&t, s, n))
		return HY_ERR_NOMEM;
	int turn = t.n >= 5 && match(&t, 0, t.n, "政协") &&
		   longest_end(&t, 2, t.n, place_levels, COUNT(place_levels)) &&
		   count_han(&t, 0, t.n) == t.n;
	size_t cut = turn ? t.off[2] : 0;
	doc_free(&t);
	if (turn) {
		char two[8];
		memcpy(two, s, cut);
		memmove(s, s + cut, n - cut);
		memcpy(s + n - cut, two, cut);
	}
	return 0;
}

/* The owner of a congress's session [a, b) (区第十六届人民代表大会第四次,
 * 市十七届人大四次): its name without the term and the number (区人民代表
 * 大会, 市人大), into *body when it reads as an office. 0 or HY_ERR_NOMEM. */
int session_owner(const struct doc *d, size_t a, size_t b, char **body)
{
	/* 召开学习贯彻县十七届人大一次会议精神…: a meeting about the session,
	 * which owns nothing of it */
	static const char *const study[] = {"学习", "传达", "贯彻", "落实"};
	if (match_any(d, a, b, study, COUNT(study), NULL))
		return 0;
	struct buf o = {0};
	for (size_t i = a; i < b; i++) {
		size_t j = i + (match(d, i, b, "第") ? 1 : 0), k = j;
		while (k < b &&
		       (is_digit(d->cp[k]) || cn_digit(d->cp[k]) >= 0 || cn_unit(d->cp[k])))
			k++;
		if (k > j && (match(d, k, b, "届") || match(d, k, b, "次"))) {
			i = k;
			continue;
		}
		if (!is_han(d->cp[i]))
			continue;
		if (buf_add(&o, d->s + d->off[i], d->off[i + 1] - d->off[i])) {
			free(o.s);
			return HY_ERR_NOMEM;
		}
	}
	if (!o.s)
		return 0;
	if (cppcc_place_first(o.s, o.n)) {
		free(o.s);
		return HY_ERR_NOMEM;
	}
	struct doc od;
	int ok = 0;
	if (doc_init(&od, o.s, o.n)) {
		free(o.s);
		return HY_ERR_NOMEM;
	}
	/* 松桃苗族自治县人民代表大会: an autonomous place's name is long */
	ok = od.n >= 2 && od.n <= (find(&od, 0, od.n, "自治") != NPOS ? 18 : 12) &&
	     is_unit(&od, 0, od.n);
	doc_free(&od);
	if (ok)
		*body = o.s;
	else
		free(o.s);
	return 0;
}

/* Where a name ending at end starts: after the last verb or separator
 * (召开, 了, 在, a comma, a space between words) in [a, end). */
size_t name_start(const struct doc *d, size_t a, size_t end)
{
	static const char *const seps[] = {"举行", "召开", "参加", "出席", "开展",
					   "了",   "在",   "日",   "号"};
	size_t s = a;
	for (size_t i = a; i < end; i++) {
		size_t k = match_any(d, i, end, chair_verbs, COUNT(chair_verbs), NULL);
		if (!k)
			k = match_any(d, i, end, seps, COUNT(seps), NULL);
		if (k && match(d, i + k, end, "人")) /* 召集人会议 */
			k = 0;
		if (k) {
			s = i + k;
			i += k - 1;
		} else if (is_clause_end(d, i) || d->cp[i] == 0x3011 /* 【…电】 */ ||
			   (is_space(d->cp[i]) && !(i > a && is_digit(d->cp[i - 1])) &&
			    !(i + 1 < end && is_digit(d->cp[i + 1])))) {
			s = i + 1;
		}
	}
	return s;
}

/* Where a time that ends at e starts (上午, 近日, 13日, 十三日下午, 3月4日),
 * not before a; e itself when none ends there. */
static size_t before_time(const struct doc *d, size_t a, size_t e)
{
	static const char *const words[] = {"上午", "下午", "晚上", "中午", "近日", "日前",
					    "近期", "昨天", "今天", "昨日", "今日", "当天"};
	for (;;) {
		size_t k = e;
		if (e >= a + 2 && match_any(d, e - 2, e, words, COUNT(words), NULL) == 2)
			k = e - 2; /* each word is two characters */
		if (k == e && e > a + 1 && (match(d, e - 1, e, "日") || match(d, e - 1, e, "号"))) {
			size_t q = e - 1;
			while (q > a && (is_digit(d->cp[q - 1]) || cn_digit(d->cp[q - 1]) >= 0 ||
					 cn_unit(d->cp[q - 1]) || match(d, q - 1, q, "月")))
				q--;
			/* 今(23)日, 昨(22)日: the day in brackets */
			if (q == e - 1 && q >= a + 4 && d->cp[q - 1] == ')') {
				size_t o = q - 1;
				while (o > a && is_digit(d->cp[o - 1]))
					o--;
				static const char *const rel[] = {"今", "昨", "前"};
				if (o < q - 1 && o >= a + 2 && d->cp[o - 1] == '(' &&
				    match_any(d, o - 2, o - 1, rel, COUNT(rel), NULL))
					q = o - 2;
			}
			if (q < e - 1)
				k = q;
		}
		if (k == e || k <= a + 1)
			return e;
		e = k;
	}
}

/* The convener named before the verb at cv (区政府即召开…, 东安路街道党工委
 * 在…召开), from the clause's start, not before a: an office of 2 to 12 Han
 * characters, into *body (left NULL when none stands there). 0 or
 * HY_ERR_NOMEM. */
int convener_before(const struct doc *d, size_t a, size_t cv, char **body)
{
	/* 市政府就《…》（征求意见稿）在…组织召开座谈会: the organ that opens
	 * the clause, before the matter it convenes on */
	static const char *const on[] = {"就", "围绕", "针对"};
	size_t cs = cv;
	while (cs > a && !is_clause_end(d, cs - 1))
		cs--;
	static const char *const preps[] = {"在", "于", "由", "对", "经", "为", "从"};
	for (size_t j = cs + 2; j < cv && j <= cs + 12; j++) {
		if (!is_han(d->cp[j - 1]) || match_any(d, cs, cv, preps, COUNT(preps), NULL))
			break;
		if (match_any(d, j, cv, on, COUNT(on), NULL) && is_unit(d, cs, j) &&
		    count_han(d, cs, j) == j - cs && !is_title_only(d, cs, j)) {
			*body = doc_str(d, cs, j);
			return *body ? 0 : HY_ERR_NOMEM;
		}
	}
	size_t c0 = cv;
	while (c0 > a && !is_clause_end(d, c0 - 1) && !is_space(d->cp[c0 - 1]) &&
	       (!is_close_bracket(d->cp[c0 - 1]) ||    /* 【记者…报道】县政府召开 */
		(c0 >= 3 && is_digit(d->cp[c0 - 2])))) /* (but 县政府今(23)日召开) */
		c0--;
	/* 1月12日下午建设街道办事处召开: the day before the convener, with
	 * no comma between */
	{
		size_t c1 = after_leading_day(d, c0, cv); /* dates.c */
		if (c1 > c0 && cv > c1 + 1)
			c0 = c1;
	}
	/* 二届市委召开…: the term is no part of the body */
	size_t t0 = c0;
	while (t0 < cv && (cn_digit(d->cp[t0]) >= 0 || cn_unit(d->cp[t0]) || is_digit(d->cp[t0])))
		t0++;
	if (t0 > c0 && match(d, t0, cv, "届") && cv - t0 >= 3)
		c0 = t0 + 1;
	/* 区政府即召开, 区政府专题召开, 县府昨召开: an adverb is no part of the body */
	static const char *const adverbs[] = {"随即", "即",   "又",       "再次", "专题",
					      "紧急", "昨日", "昨",       "今日", "今天",
					      "今",   "及时", "每年定期", "定期", "每年"};
	for (size_t q = c0 + 2; q < cv; q++)
		if (match_any(d, q, cv, adverbs, COUNT(adverbs), NULL) == cv - q) {
			cv = q;
			break;
		}
	/* 尧塘街道联合华科园召开, 县应急局会同县消防救援大队召开: the first
	 * organ convenes, the others join it */
	static const char *const jointly[] = {"联合", "会同"};
	for (size_t q = c0 + 2; q + 2 < cv; q++)
		if (match_any(d, q, cv, jointly, COUNT(jointly), NULL) && is_unit(d, c0, q)) {
			cv = q;
			break;
		}
	/* 某街道组织机关干部、各社区书记…召开: the organ that gathers them
	 * convenes, those gathered are no part of it */
	{
		size_t org = find(d, c0 + 2, cv, "组织");
		if (org != NPOS && org + 2 < cv && is_unit(d, c0, org) &&
		    count_han(d, c0, org) == org - c0)
			cv = org;
	}
	/* 区政府以电视电话会议形式召开: the body before how it met */
	{
		size_t yi = find(d, c0, cv, "以");
		if (yi != NPOS && yi > c0 + 1 && cv >= yi + 4 &&
		    (match(d, cv - 2, cv, "形式") || match(d, cv - 2, cv, "方式")))
			cv = yi;
	}
	/* 东安路街道党工委在鸿翔社区会议室召开: the body before 在 */
	size_t zai = find(d, c0, cv, "在");
	if (zai == NPOS) /* 县府于3楼会议室召开 */
		zai = find(d, c0, cv, "于");
	if (zai != NPOS && zai > c0 + 1)
		cv = zai;
	else if (zai == c0) /* ，在镇政府二楼会议室召开了…: a room, no convener */
		return 0;
	/* 苗栗县政府十三日召开, 县委近日召开, 县政府13日上午召开: a time is no
	 * part of the body */
	cv = before_time(d, c0, cv);
	/* 中国共产党某市第八届委员会3月4日下午举行…: the body before the day */
	size_t day = find_date(d, c0, cv, &(struct ymd){0}, 0);
	if (day != NPOS && day > c0 + 1)
		cv = day;
	cv = study_group_end(d, c0, cv);
	/* a formal name is long: 中国人民政治协商会议某县委员会 */
	static const char *const formal[] = {"中国共产党", "中共", "中国人民政治协商会议", "政协"};
	/* and so is a committee's: 某某县委全面依法治县委员会 */
	static const char *const committees[] = {"委员会", "领导小组"};
	size_t most = match_any(d, c0, cv, formal, COUNT(formal), NULL)       ? 24
		      : longest_end(d, c0, cv, committees, COUNT(committees)) ? 18
									      : 12;
	/* 南洲街召开…: a street office in Guangzhou's way (某某街), not a street
	 * (大街, 步行街, 商业街) */
	static const char *const streets[] = {"大街", "步行街", "商业街", "老街", "古街", "美食街"};
	int street = cv - c0 >= 3 && cv - c0 <= 4 && match(d, cv - 1, cv, "街") &&
		     count_han(d, c0, cv) == cv - c0 &&
		     !longest_end(d, c0, cv, streets, COUNT(streets));
	/* 各村书记收看收听市召开…: a clause with a verb of its own names no
	 * convener */
	static const char *const verbs[] = {"收看", "收听", "参加", "出席", "书记"};
	if (cv - c0 >= 2 && cv - c0 <= most && (is_unit(d, c0, cv) || street) &&
	    count_han(d, c0, cv) == cv - c0 && !is_title_only(d, c0, cv) &&
	    !has_any(d, c0, cv, verbs, COUNT(verbs))) {
		*body = doc_str(d, c0, cv);
		if (!*body)
			return HY_ERR_NOMEM;
	} else if (c0 < cv && is_digit(d->cp[c0])) {
		/* 某乡公所为推动…，18日于亲民堂召开 (促…): a clause that opens
		 * with the day; the organ opens the sentence, before its
		 * purpose (the longest office there) */
		static const char *const purposes[] = {"为", "促", "推动", "围绕", "就"};
		size_t ss = c0, best = 0;
		while (ss > a && !is_sent_end(d, ss - 1))
			ss--;
		ss = skip_spaces(d, ss, c0);
		for (size_t q = ss + 2; !best && q < ss + 12 && q + 1 < c0 && is_han(d->cp[q - 1]);
		     q++)
			if (match_any(d, q, c0, purposes, COUNT(purposes), NULL) &&
			    is_unit(d, ss, q) && !is_title_only(d, ss, q))
				best = q;
		if (best) {
			*body = doc_str(d, ss, best);
			return *body ? 0 : HY_ERR_NOMEM;
		}
	}
	return 0;
}
