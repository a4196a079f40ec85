/* people.c: who was there.
 *
 * Splits "role name" (县委副书记、县长刘锐 → 刘锐) and reads attendance
 * sentences (X出席会议, 出席会议的有：X, 应邀参加) into attendees, observers
 * and units (offices listed with the people). The chair in the chairing
 * clause (…主持召开, 会议由…主持, 受…委托) is chair.c's. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 县委常委 is a title (常委 beats 委); 县纪委监委 is a unit. */
int is_title_only(const struct doc *d, size_t a, size_t b)
{
	size_t t = longest_end(d, a, b, title_ends, COUNT(title_ends));
	return t > 0 && t >= longest_end(d, a, b, unit_ends, COUNT(unit_ends));
}

int is_unit(const struct doc *d, size_t a, size_t b)
{
	size_t u = longest_end(d, a, b, unit_ends, COUNT(unit_ends));
	return u > 0 && u > longest_end(d, a, b, title_ends, COUNT(title_ends));
}

/* "name\trole" for the name [p,b) written after its role [a,p) into roles
 * (struct people). */
static int note_role(const struct doc *d, size_t a, size_t p, size_t b, struct strv *roles)
{
	/* 县领导, 市领导: which group the list is, no one's role */
	size_t m;
	if (ends_with(d, a, p, "领导", &m) && p - a <= 3)
		return 0;
	char *name = doc_str(d, p, b), *role = doc_str(d, a, p), *both = NULL;
	if (name && role) {
		size_t nl = strlen(name), rl = strlen(role);
		both = malloc(nl + rl + 2);
		if (both) {
			memcpy(both, name, nl);
			both[nl] = '\t';
			memcpy(both + nl + 1, role, rl + 1);
		}
	}
	free(name);
	free(role);
	return strv_push(roles, both);
}

static int is_latin(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

/* A space inside a name in Latin letters (André Duarte Sales): letters on
 * both sides. */
static int latin_gap(const struct doc *d, size_t i, size_t b)
{
	return i > 0 && i + 1 < b && is_latin(d->cp[i - 1]) && is_latin(d->cp[i + 1]);
}

/* A name in Latin letters among Han ones (Macau's Portuguese names): two to
 * six words, each a capital (as written) and letters. */
static int latin_name_ok(const struct doc *d, size_t a, size_t b)
{
	size_t words = 0;
	if (b - a > 60)
		return 0;
	for (size_t i = a; i < b; i++) {
		if (d->cp[i] == ' ')
			continue;
		if (!is_latin(d->cp[i]) && d->cp[i] != '-' && d->cp[i] != '\'')
			return 0;
		if (i == a || d->cp[i - 1] == ' ') {
			unsigned char c0 = (unsigned char)d->s[d->off[i]];
			if (!(c0 >= 'A' && c0 <= 'Z') && c0 < 0x80)
				return 0;
			words++;
		}
	}
	return words >= 2 && words <= 6;
}

/* [a,b) a surname and a title (许县长, 王副市长): where the text names
 * the person in full after the title (县长许淑华), the name's start (three
 * characters), else NPOS. */
static size_t surname_title(const struct doc *d, size_t a, size_t b)
{
	static const char *const titles[] = {"县长",   "副县长", "市长", "副市长", "区长",
					     "副区长", "镇长",   "乡长", "局长",   "议长"};
	size_t w = 0;
	if (b - a < 3 || !is_han(d->cp[a]) ||
	    match_any(d, a + 1, b, titles, COUNT(titles), &w) != b - a - 1)
		return NPOS;
	const char *t = titles[w];
	for (size_t i = find(d, 0, d->n, t); i != NPOS; i = find(d, i + 1, d->n, t)) {
		size_t n0 = i + match(d, i, d->n, t);
		if (n0 + 3 <= d->n && d->cp[n0] == d->cp[a] && name_ok(d, n0, n0 + 3))
			return n0;
	}
	return NPOS;
}

/* One list item: "县领导杨道刚", "黄德庆", "县纪委监委", "县发改委等有关部门负责同志". */
static int add_person(const struct doc *d, size_t a, size_t b, struct strv *out, struct strv *units,
		      struct strv *roles)
{
	static const char *const tails[] = {
		"分管负责同志", "分管负责人",   "分管同志",     "分管领导",     "和委员",
		"及委员",       "主要负责同志", "有关负责同志", "相关负责同志", "负责同志",
		"负责人",       "主要负责人",   "有关同志",     "同志",         "出席会议",
		"列席会议",     "参加会议",     "会议",         "出席",         "列席",
		"参加",         "的",           "分别",         "等",           "一行",
		"有关人员",     "相关人员",     "工作人员",     "组成人员",     "人员",
		"应邀",         "常务",         "应",           "也",           "均",
		"亦",           "全程",         "一同",         "一起", /* 某某全程列席 */
		"讲话", /* 甲主持会议，乙讲话，丙参加: who spoke, no part of the name */
	};
	static const char *const heads[] = {"以及", "及",   "和",   "还有",
					    "特邀", "邀请", "其中", "以及"};
	/* 林业站负责人: whoever heads an office, the office is what is named */
	static const char *const heads_of[] = {"负责同志", "负责人",   "有关人员", "相关人员",
					       "工作人员", "组成人员", "人员",     "分管领导"};
	int office = 0;
	/* 宋朝均、徐某: an item inside the list, before its 、, holds no adverb
	 * (甲、乙均参加: only the last) */
	int inner = b < d->n && d->cp[b] == 0x3001;
	static const char *const adverbs[] = {"应", "也", "均", "亦"};
	/* 甲、和永忠、乙: 和 right after 、 is a surname, no conjunction */
	int after_comma = a > 0 && d->cp[a - 1] == 0x3001;
	trim(d, &a, &b);
	size_t m;
	for (int again = 1; again && a < b;) {
		again = 0;
		if ((m = match_any(d, a, b, heads, COUNT(heads), NULL)) && b - a > m + 1 &&
		    !(after_comma && m == 1 && match(d, a, b, "和") && b - a == 3)) {
			a += m;
			again = 1;
		}
		for (size_t t = 0; t < COUNT(tails); t++)
			if (ends_with(d, a, b, tails[t], &m) && b - a > m &&
			    !(inner && m == 1 &&
			      match_any(d, b - 1, b, adverbs, COUNT(adverbs), NULL))) {
				office |= longest_end(d, a, b, heads_of, COUNT(heads_of)) > 0;
				b -= m;
				again = 1;
			}
		trim(d, &a, &b);
	}
	/* 罗 罡, 贺    伟: a two-character name padded to three columns, the
	 * name without its spaces */
	size_t pad = a + 1;
	while (pad < b && d->cp[pad] == ' ')
		pad++;
	if (b > a + 2 && b == pad + 1 && is_han(d->cp[a]) && is_han(d->cp[b - 1])) {
		struct buf nm = {0};
		if (buf_add(&nm, d->s + d->off[a], d->off[a + 1] - d->off[a]) ||
		    buf_add(&nm, d->s + d->off[b - 1], d->off[b] - d->off[b - 1])) {
			free(nm.s);
			return HY_ERR_NOMEM;
		}
		return strv_push(out, nm.s);
	}
	/* 林主席志远, 本会刘秘书师政: the surname, the title, the given name */
	{
		size_t a2 = a + (match(d, a, b, "本会") ? 2 : 0), t = titled_given_name(d, a2, b);
		if (t) {
			struct buf nm = {0};
			if (buf_add(&nm, d->s + d->off[a2], d->off[a2 + 1] - d->off[a2]) ||
			    buf_add(&nm, d->s + d->off[a2 + 1 + t],
				    d->off[b] - d->off[a2 + 1 + t])) {
				free(nm.s);
				return HY_ERR_NOMEM;
			}
			return strv_push(out, nm.s);
		}
	}
	/* 所有涉及…站所负责人, 机关全体: everyone of a kind, no one named */
	if (match(d, a, b, "所有") || ends_with(d, a, b, "全体", NULL))
		return 0;
	/* "樊立群和委员共24人" → cut at 共 + number */
	for (size_t i = a + 1; i + 1 < b; i++)
		if (match(d, i, b, "共") &&
		    (is_digit(d->cp[i + 1]) || cn_digit(d->cp[i + 1]) >= 0)) {
			b = i;
			for (size_t t = 0; t < COUNT(tails); t++)
				if (ends_with(d, a, b, tails[t], &m) && b - a > m)
					b -= m;
			break;
		}
	/* "司学军在研究相关议题时" → cut at 在 */
	size_t zai = find(d, a, b, "在");
	if (zai != NPOS && zai >= a + 2)
		b = zai;
	/* "县发改委等有关部门" → cut at 等 (and 甲等县政府常务会议组成人员:
	 * the group named after 等 is the list's, not this item's office) */
	size_t deng = find(d, a, b, "等");
	if (deng != NPOS && deng > a + 1) {
		b = deng;
		/* (副主任赵强同志等: the name without 同志) */
		if (ends_with(d, a, b, "同志", &m) && b - a > m + 1)
			b -= m;
		/* (a name of three; 交通等部门: an office cut short) */
		if (deng - a >= 3 && name_ok(d, a, deng))
			office = 0;
	}
	trim(d, &a, &b);
	if (b > a && latin_name_ok(d, a, b))
		return strv_push(out, doc_str(d, a, b));
	if (b <= a || count_han(d, a, b) < 2)
		return 0;
	if (b - a > 40)
		return 0; /* not a list item: a sentence */
	/* 许县长: a surname and a title, the name the text gives in full
	 * elsewhere (县长许淑华) */
	{
		size_t at = surname_title(d, a, b);
		if (at != NPOS)
			return strv_push(out, doc_str(d, at, at + 3));
	}
	/* 罗某某书记及全体党政领导: a name, then a short title after it */
	static const char *const after_name[] = {
		"书记", "副书记", "镇长", "副镇长", "乡长", "副乡长", "县长", "副县长",
		"区长", "副区长", "市长", "副市长", "主任", "副主任", "主席", "副主席"};
	/* (but 市政协副主席、…: an organ, then its title) */
	static const char *const organs_of[] = {"政协", "人大", "政府", "委"};
	for (size_t q = a + 2; q <= a + 3 && q + 2 <= b; q++)
		if (name_ok(d, a, q) && !longest_end(d, a, q, organs_of, COUNT(organs_of)) &&
		    match_any(d, q, b, after_name, COUNT(after_name), NULL) == b - q)
			return strv_push(out, doc_str(d, a, q));
	if (is_title_only(d, a, b))
		return 0; /* 县委常委 alone: the name is in the next item */
	/* 某某院士, 某某教授: a guest's name, then the title he is known by */
	static const char *const honours[] = {"院士", "教授", "博士", "研究员", "先生",
					      "女士", "小姐", "太太", "议员"};
	/* 区某某先生: before an honorific, 区 (區, Ou) is a surname */
	if ((m = longest_end(d, a, b, honours, COUNT(honours))) &&
	    (name_ok(d, a, b - m) ||
	     (b - m == a + 3 && match(d, a, b, "区") && name_ok(d, a + 1, b - m))))
		return strv_push(out, doc_str(d, a, b - m));
	size_t p = split_role_name(d, a, b, 0);
	/* 旗委副书记、政府旗长希尼，旗人大常委会主任宝音满都呼，…: an item of its
	 * own between commas, a title and a name of five or six characters
	 * (a Mongolian or Uyghur name written in Han), as a chair's may be */
	if (p == NPOS && !inner && b - a <= 20) {
		static const char *const heads_t[] = {"主任", "主席", "书记", "旗长",
						      "盟长", "县长", "区长", "市长",
						      "局长", "部长", "院长"};
		static const char *const words[] = {"精神", "讲话", "工作", "新闻", "人",
						    "会",   "议",   "的",   "和",   "者"};
		size_t lp = split_role_name(d, a, b, 1);
		if (lp != NPOS && lp > a && longest_end(d, a, lp, heads_t, COUNT(heads_t)) &&
		    !has_any(d, lp, b, words, COUNT(words)))
			p = lp;
	}
	if (p != NPOS && p > a) {
		int rc = note_role(d, a, p, b, roles);
		return rc ? rc : strv_push(out, doc_str(d, p, b));
	}
	/* 区政府林卫东, 区政府办公室周敏: a form's list of who came, each name
	 * written after its office with nothing between */
	static const char *const no_name_ends[] = {"要", "校", "员"}; /* 主要, 党校, 委员 */
	if (p == NPOS && !office && b - a <= 12 &&
	    !longest_end(d, a, b, unit_ends, COUNT(unit_ends)) &&
	    !longest_end(d, a, b, no_name_ends, COUNT(no_name_ends))) {
		static const char *const offices[] = {"政府", "办公室", "人大", "政协", "局", "委"};
		for (size_t q = b - 3; q <= b - 2; q++)
			if (q >= a + 2 && longest_end(d, a, q, offices, COUNT(offices)) &&
			    name_ok(d, q, b))
				return strv_push(out, doc_str(d, q, b));
	}
	/* 直属单位 is no name, 孙立行 is (a one-character ending proves nothing),
	 * but 法院, 检察院 (及法院、人大代表…等应邀参加) are organs */
	static const char *const organs[] = {"法院", "检察院", "银行", "武警", "我司",
					     "我局", "我委",   "我院", "我办", "我部"};
	size_t og = match_any(d, a, b, organs, COUNT(organs), NULL);
	if (p == a && !office && !(og && a + og == b) &&
	    longest_end(d, a, b, unit_ends, COUNT(unit_ends)) < 2)
		return strv_push(out, doc_str(d, a, b));
	/* 县财政局, 县直有关部门, 各镇: a unit, never a person */
	if (p == a || is_unit(d, a, b) || b - a > 4)
		return strv_push(units, doc_str(d, a, b));
	return 0;
}

/* 许县长偕副县长王某率各局处长: at i (the item began at s) 偕 or 率 joins
 * one person to the next, each three characters or more (单仲偕议员 is
 * a name and its honorific). *m its length. */
static int joins_people(const struct doc *d, size_t s, size_t i, size_t b, size_t *m)
{
	static const char *const joins[] = {"偕同", "率领", "偕", "率"};
	static const char *const honours[] = {"议员", "先生", "女士", "小姐", "同志"};
	size_t k = match_any(d, i, b, joins, COUNT(joins), NULL);
	if (!k || i < s + 3 || i + k + 2 > b || !is_han(d->cp[i + k]) ||
	    match_any(d, i + k, b, honours, COUNT(honours), NULL))
		return 0;
	*m = k;
	return 1;
}

/* Split a list [a,b) at 、 , 及 and add each item. */
static int add_people_list(const struct doc *d, size_t a, size_t b, struct strv *out,
			   struct strv *units, struct strv *roles)
{
	/* 各镇(街)、发改、统计、住建等部门参加: a list of offices, however
	 * short their names */
	static const char *const of_units[] = {
		"等乡镇市长",     "等乡镇长",     "等乡镇负责人", /* places */
		"等部门",         "等单位",       "等部门负责人",    "等部门负责同志",
		"等单位负责同志", "等单位负责人", "等部门主要负责人"};
	size_t e0 = b;
	trim(d, &a, &e0);
	/* 福建漳州、泉州，广东汕头、潮州…等13市代表参加: a list of cities,
	 * two or more items opening with their province, names no one */
	{
		size_t provs = 0;
		for (size_t i = a; i < e0 && provs < 2; i++) {
			if (!(i == a || d->cp[i - 1] == 0x3001 || d->cp[i - 1] == ',') ||
			    !match_any(d, i, e0, provinces, COUNT(provinces), NULL))
				continue;
			size_t e = i; /* (the item a province and a city's name) */
			while (e < e0 && is_han(d->cp[e]) && e - i <= 5)
				e++;
			provs += e - i <= 5 && (e == e0 || d->cp[e] == 0x3001 || d->cp[e] == ',');
		}
		if (provs >= 2)
			return 0;
	}
	struct strv *people_out = out;
	for (size_t t = 0; t < COUNT(of_units); t++)
		if (ends_with(d, a, e0, of_units[t], NULL))
			out = units;
	/* 副县长甲，政法委书记乙及县民政、发改等部门负责人: the people
	 * before 及, the offices after it */
	if (out == units && people_out != units) {
		size_t ji = NPOS;
		for (size_t i = a + 2; i < e0; i++)
			if (match(d, i, e0, "及"))
				ji = i;
		if (ji != NPOS) {
			size_t j0 = ji >= a + 1 && match(d, ji - 1, e0, "以及") ? ji - 1 : ji;
			int rc = add_people_list(d, a, j0, people_out, units, roles);
			if (rc)
				return rc;
			a = ji + 1;
		}
	}
	/* 市委办、财政、规划等有关部门主要负责人: a list of offices, however
	 * short their names; a bare name is a person only right after one
	 * (副县长李红、张伟，县政府办…等单位负责人) */
	int office_list = 0, prev_person = 0, prev_unit = 0, titled = 0;
	{
		size_t t0 = e0 > a + 12 ? e0 - 12 : a, dg = find(d, t0, e0, "等");
		static const char *const of[] = {"部门", "单位"};
		office_list = out != units && dg != NPOS && has_any(d, dg, e0, of, COUNT(of));
	}
	int depth = 0;
	size_t s = a;
	for (size_t i = a; i <= b; i++) {
		uint32_t c = i < b ? d->cp[i] : 0x3001;
		if (i < b && is_open_bracket(c))
			depth++;
		else if (i < b && is_close_bracket(c) && depth > 0)
			depth--;
		size_t m = 0;
		/* 黄文业、罗 罡: a two-character name padded to three columns;
		 * in a roster set apart by spaces, 贺    伟 likewise */
		if (i < b && c == ' ' && i == s + 1 && is_han(d->cp[s])) {
			size_t j = i;
			while (j < b && d->cp[j] == ' ')
				j++;
			if (j < b && is_han(d->cp[j]) &&
			    (j + 1 == b || d->cp[j + 1] == 0x3001 || d->cp[j + 1] == ',' ||
			     (j > i + 1 && d->cp[j + 1] == ' ') ||
			     (j == i + 1 && d->cp[j + 1] == ' '))) {
				i = j;
				continue;
			}
		}
		/* 大会执行主席:甲、乙: a title, then its names */
		if (depth == 0 &&
		    (c == 0x3001 || c == ',' || c == ';' || (c == ' ' && !latin_gap(d, i, b)) ||
		     (c == ':' && i < b && is_title_only(d, s, i)) ||
		     (i < b && (m = match(d, i, b, "以及"))) ||
		     (i < b && joins_people(d, s, i, b, &m)) ||
		     (i < b && (m = match(d, i, b, "及"))))) {
			/* 苏祖翔和胡树杰, 蒋道成和县政府办主任李安模: two people
			 * joined by 和 */
			size_t he = find(d, s, i, "和");
			int rc;
			/* 彭某某(公假), 張某某(王某某代): a name and a note on it */
			size_t ie = i;
			if (ie > s + 3 && d->cp[ie - 1] == ')') {
				size_t o = ie - 1;
				while (o > s && d->cp[o - 1] != '(')
					o--;
				if (o > s + 2 && name_ok(d, s, o - 1))
					ie = o - 1;
			}
			size_t rn = he != NPOS ? split_role_name(d, he + 1, ie, 0) : NPOS;
			/* 韩某和专班组成人员: a name, then a group */
			static const char *const groups[] = {"人员",     "成员", "负责人",
							     "负责同志", "干部", "代表",
							     "委员",     "常委", "同志"};
			/* 某某和各委员, 某某和全体…: a name, then everyone else */
			static const char *const all[] = {"各", "全体", "其他", "有关", "相关"};
			/* 发展和改革局等单位负责人, 住房和城乡建设局: an office's
			 * name holds 和 */
			static const char *const offices[] = {"局", "委员会", "办公室", "中心",
							      "厅"};
			int office_name = he != NPOS &&
					  has_any(d, he + 1, ie, offices, COUNT(offices)) &&
					  !name_ok(d, he + 1, ie);
			int group = he != NPOS && ie > he + 3 && !office_name &&
				    (longest_end(d, he + 1, ie, groups, COUNT(groups)) > 0 ||
				     match_any(d, he + 1, ie, all, COUNT(all), NULL));
			int two = name_ok(d, he + 1, ie) || (rn != NPOS && rn > he + 1);
			/* 关工委常务副主任宦某和副主任林某: a role and a name
			 * before 和 too */
			size_t rs = he != NPOS && !name_ok(d, s, he) ? split_role_name(d, s, he, 0)
								     : NPOS;
			size_t n0 = out->n, u0 = units->n;
			/* 某局某执法大队、江南、滘头、滘北派出所负责人: bare words
			 * right after an office are offices cut short, no names */
			int abbrev = prev_unit && he == NPOS && ie <= s + 3 && name_ok(d, s, ie);
			if (abbrev)
				rc = strv_push(units, doc_str(d, s, ie));
			else if (he != NPOS && (name_ok(d, s, he) || (rs != NPOS && rs > s)) &&
				 (two || group))
				rc = add_person(d, s, he, out, units, roles) ? HY_ERR_NOMEM
				     : two ? add_person(d, he + 1, ie, out, units, roles)
					   : 0;
			else if (office_list && !prev_person && name_ok(d, s, ie))
				rc = strv_push(units, doc_str(d, s, ie));
			/* 副市长：钱建科、周海平: after a title and its colon, or
			 * after a name, three characters ending in 科 are a
			 * name (an office's 科 comes after an office) */
			else if ((prev_person || titled) && he == NPOS && ie == s + 3 &&
				 match(d, ie - 1, ie, "科") && name_ok(d, s, ie - 1))
				rc = strv_push(out, doc_str(d, s, ie));
			else
				rc = add_person(d, s, ie, out, units, roles);
			titled = c == ':';
			prev_person = out->n > n0;
			{
				size_t ts = s, te = ie;
				trim(d, &ts, &te);
				prev_unit = !prev_person && units->n > u0 &&
					    (abbrev || (te > ts && is_unit(d, ts, te)));
			}
			if (rc)
				return rc;
			s = i + (m ? m : 1);
			i = s - 1;
		}
	}
	return 0;
}

/* The observers from n0 on are 应邀 guests. */
static int note_guests(struct people *pp, size_t n0)
{
	for (size_t i = n0; i < pp->obs.n; i++) {
		char *g = strdup(pp->obs.v[i]);
		int rc = strv_push(&pp->guests, g);
		if (rc)
			return rc;
	}
	return 0;
}

/* The role noted for name (roles: "name\trole"), a copy; NULL when none
 * (*oom set when out of memory). */
static char *role_of(const struct strv *roles, const char *name, int *oom)
{
	size_t n = strlen(name);
	for (size_t i = 0; i < roles->n; i++)
		if (strncmp(roles->v[i], name, n) == 0 && roles->v[i][n] == '\t') {
			char *r = strdup(roles->v[i] + n + 1);
			*oom |= !r;
			return r;
		}
	return NULL;
}

static void strv_free(struct strv *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Roles parallel to names, or NULL when none has one. */
static char **roles_for(const struct strv *roles, const struct strv *names, int *oom)
{
	char **v = NULL;
	int any = 0;
	if (!roles->n || !names->n)
		return NULL;
	v = calloc(names->n, sizeof *v);
	if (!v) {
		*oom = 1;
		return NULL;
	}
	for (size_t i = 0; i < names->n; i++)
		any |= (v[i] = role_of(roles, names->v[i], oom)) != NULL;
	if (!any || *oom) {
		for (size_t i = 0; i < names->n; i++)
			free(v[i]);
		free(v);
		return NULL;
	}
	return v;
}

int people_finish(struct people *pp, struct hy_meeting *m)
{
	int oom = 0;
	m->attendees = pp->att.v;
	m->n_attendees = pp->att.n;
	m->observers = pp->obs.v;
	m->n_observers = pp->obs.n;
	m->units = pp->units.v;
	m->n_units = pp->units.n;
	m->attendee_roles = roles_for(&pp->roles, &pp->att, &oom);
	m->observer_roles = roles_for(&pp->roles, &pp->obs, &oom);
	if (pp->guests.n && pp->obs.n && !oom) {
		m->observer_invited = calloc(pp->obs.n, 1);
		oom |= !m->observer_invited;
		for (size_t i = 0; m->observer_invited && i < pp->obs.n; i++)
			for (size_t g = 0; g < pp->guests.n; g++)
				if (strcmp(pp->obs.v[i], pp->guests.v[g]) == 0)
					m->observer_invited[i] = 1;
	}
	strv_free(&pp->roles);
	strv_free(&pp->guests);
	memset(&pp->att, 0, sizeof pp->att);
	memset(&pp->obs, 0, sizeof pp->obs);
	memset(&pp->units, 0, sizeof pp->units);
	return oom ? HY_ERR_NOMEM : 0;
}

/* 由甲、乙等八位议员联合质询: the councillors who question at a council's
 * sitting are there, attendees. */
static int questioners(const struct doc *d, size_t a, size_t b, struct people *pp)
{
	static const char *const who[] = {"位议员", "名议员"};
	size_t m;
	for (size_t i = find_any(d, a, b, who, COUNT(who), &m); i != NPOS;
	     i = find_any(d, i + m, b, who, COUNT(who), &m)) {
		size_t q = i + m, e = q + 6 < b ? q + 6 : b;
		if (find(d, q, e, "质询") == NPOS)
			continue;
		size_t g = i;
		while (g > a && (is_digit(d->cp[g - 1]) || cn_digit(d->cp[g - 1]) >= 0))
			g--;
		if (g == i || g == a || !match(d, g - 1, b, "等"))
			continue;
		size_t s = g - 1; /* back to the clause's start or its 由 */
		while (s > a && d->cp[s - 1] != ',' && !is_sent_end(d, s - 1) &&
		       !match(d, s - 1, b, "由"))
			s--;
		int rc = add_people_list(d, s, g - 1, &pp->att, &pp->units, &pp->roles);
		if (rc)
			return rc;
	}
	return 0;
}

int people_in_sentence(const struct doc *d, size_t a, size_t b, struct people *pp)
{
	{
		int rc = questioners(d, a, b, pp);
		if (rc)
			return rc;
	}
	static const char *const keys[] = {
		"出席",
		"列席",
		"参加",
		"参会",
		"收听收看", /* 在分会场收听收看会议 */
		"收看收听",
		"与会",
		"到会指导",
		"到会祝贺",
		"到会",
		"在主席台前排就座",
		"在主席台就座",
		"在主席台前排就坐",
		"在主席台就坐",
		"在主席台执行主席席就座", /* 大会主席团执行主席甲、乙在主席台执行主席席就座 */
		"旁听",                   /* 市人大代表甲、乙应邀旁听会议 */
		"执行主席" /* 大会执行主席是甲、乙: the session's presiding members */};
	size_t from = a;
	size_t i = a;
	while (i < b) {
		size_t which = 0, m = match_any(d, i, b, keys, COUNT(keys), &which);
		if (!m) {
			i++;
			continue;
		}
		/* 以及固定列席单位主要领导参加了会议: the units that always
		 * attend, a name of a kind of unit, no verb */
		if (which == 1 && i >= a + 2 && match(d, i - 2, b, "固定") &&
		    match(d, i + m, b, "单位")) {
			i += m;
			continue;
		}
		/* 区长某某参加并主持会议: who chaired, not who attended */
		if (match(d, i + m, b, "并主持")) {
			i += m + 3;
			from = i;
			continue;
		}
		/* 应邀参加 / 应邀列席: a guest, with the observers; 常务列席 */
		/* 特邀列席, 受邀参加: a guest too */
		int invited =
			i >= a + 2 && (match(d, i - 2, b, "应邀") || match(d, i - 2, b, "特邀") ||
				       match(d, i - 2, b, "受邀"));
		size_t lead = invited || (i >= a + 2 && match(d, i - 2, b, "常务")) ? 2 : 0;
		/* 到会祝贺: a guest who came to congratulate, with the observers */
		/* (甲、乙等在主席台就座，祝贺大会召开: guests seated, likewise) */
		int greets = match(d, i, b, "到会祝贺") == 4 ||
			     (which >= 10 && which <= 13 && find(d, i + m, b, "祝贺") != NPOS);
		int hears = which == COUNT(keys) - 2; /* 旁听, who sits in: with the observers */
		int presiding = which == COUNT(keys) - 1;
		struct strv *dst = which == 1 || greets || invited || hears ? &pp->obs : &pp->att;
		size_t j = i + m;
		size_t k;
		/* 出席会议的有: / 出席人员: / 出席: → the list follows */
		static const char *const after[] = {
			"并在主席台就座的还有", "并在主席台就坐的还有",
			/* 出席会议并在主席台就座的领导有县委书记甲，… */
			"会议并在主席台就座的领导有", "会议并在主席台就坐的领导有",
			"会议并在主席台就座的有", "会议的领导有", "会议的人员有", "的还有",
			"此次会议的有", /* 参加此次会议的有:(1)市领导:… */
			"本次会议的有", "会议的有", "的有", "人员",
			"人",   /* 出席人:甲、乙 (numbered minutes) */
			"情况", /* 列席情况 | 县领导甲…: a form's field */
			"会议人员", "领导", "单位", "会议",
			"范围" /* 参加范围:甲、乙, a form's field */};
		size_t am = match_any(d, j, b, after, COUNT(after), NULL);
		size_t j2 = skip_spaces(d, j + am, b);
		int guest = invited;
		size_t n0 = dst->n;
		/* 出席者包括甲、乙及丙: the list follows without a colon */
		static const char *const include[] = {"者包括", "人员包括", "者有"};
		size_t il = match_any(d, j, b, include, COUNT(include), NULL);
		/* 执行主席是甲、乙 / 执行主席为甲、乙 */
		if (presiding && !il && (match(d, j, b, "是") || match(d, j, b, "为")))
			il = 1 + (j + 1 < b && d->cp[j + 1] == ':'); /* 执行主席是:甲 */
		/* 出席投票的委员包括: 甲、乙: who attended, a short clause, then
		 * 包括 and the list */
		if (!il) {
			size_t ie = j + 12 < b ? j + 12 : b, inc = find(d, j, ie, "包括");
			if (inc != NPOS && clause_end(d, j, inc, 0) == inc) {
				il = inc + 2 - j;
				if (j + il < b && d->cp[j + il] == ':')
					il++;
			}
		}
		/* (…就座的领导有县委书记甲，…: a list after 有 needs no colon) */
		if (!il && am > 4 && match(d, j + am - 1, b, "有") && j2 < b && d->cp[j2] != ':')
			il = am;
		if (il) {
			j2 = j + il - 1;
			while (j2 + 1 < b && is_space(d->cp[j2 + 1]))
				j2++;
		}
		if (j2 < b && (d->cp[j2] == ':' || il)) {
			size_t e = b;
			int rc = add_people_list(d, j2 + 1, e, dst, &pp->units, &pp->roles);
			return rc ? rc : guest ? note_guests(pp, n0) : 0;
		}
		/* 执行主席由甲、乙担任: the names between; no list before the
		 * title (开幕会执行主席…: the sitting's name) */
		if (presiding) {
			size_t by = match(d, j, b, "由") ? j + 1 : NPOS,
			       to = by != NPOS ? find(d, by, b, "担任") : NPOS;
			if (to != NPOS && to > by + 1)
				return add_people_list(d, by, to, dst, &pp->units, &pp->roles);
			i = j;
			from = i;
			continue;
		}
		/* the list is before the keyword, back to the last clause that
		 * holds no chairing verb and no earlier keyword */
		size_t s = from;
		for (size_t q = i; q > from;) {
			size_t c = q; /* the comma before q */
			while (c > from && d->cp[c - 1] != ',')
				c--;
			if (c == from)
				break;
			size_t c0 = c - 1; /* the clause before that comma */
			while (c0 > from && d->cp[c0 - 1] != ',')
				c0--;
			/* 刘某请假，吴某列席会议: the absent are no list */
			static const char *const absent[] = {"请假", "缺席"};
			/* 由甲、乙等议员质询, 许县长偕…列席: another verb's agents */
			if (has_any(d, c0, c - 1, chair_verbs, COUNT(chair_verbs)) ||
			    find(d, c0, c - 1, "由") != NPOS ||
			    has_any(d, c0, c - 1, absent, COUNT(absent)) ||
			    find_date(d, c0, c - 1, &(struct ymd){0}, 0) != NPOS) {
				s = c;
				break;
			}
			q = c - 1;
		}
		/* 决定了大会列席人员: who may attend, the object of a clause that
		 * opens with an agenda verb, no list */
		size_t lc = i; /* the keyword's own clause */
		while (lc > s && d->cp[lc - 1] != ',' && !is_sent_end(d, lc - 1))
			lc--;
		int rc = agenda_verb_at(d, skip_spaces(d, lc, i), i, NULL) != NPOS
				 ? 0
				 : add_people_list(d, s, i - lead, dst, &pp->units, &pp->roles);
		if (rc == 0 && guest)
			rc = note_guests(pp, n0);
		if (rc)
			return rc;
		/* skip 会议 (出席活动: the event) after the keyword and a separator */
		k = j;
		if (match(d, k, b, "了"))
			k++;
		if (match(d, k, b, "会议") || match(d, k, b, "活动"))
			k += 2;
		/* 部分公众代表列席会议(甲、乙、丙): the names in brackets after it */
		if (k < b && d->cp[k] == '(') {
			size_t c = k + 1;
			while (c < b && c - k <= 60 && d->cp[c] != ')')
				c++;
			if (c < b && d->cp[c] == ')' && c > k + 2) {
				int rc2 = add_people_list(d, k + 1, c, dst, &pp->units, &pp->roles);
				if (rc2)
					return rc2;
				k = c + 1;
			}
		}
		/* 参加会议并讲话: what the listed did, no one's name */
		if (match(d, k, b, "并")) {
			size_t ke = k;
			while (ke < b && d->cp[ke] != ',' && !is_sent_end(d, ke))
				ke++;
			if (!has_any(d, k, ke, keys, COUNT(keys)))
				k = ke;
		}
		while (k < b && (d->cp[k] == ',' || is_space(d->cp[k])))
			k++;
		from = k;
		i = k > i ? k : i + 1;
	}
	return 0;
}

/* 王某指出，…: a paragraph that opens with someone's remarks (its first
 * clause a short subject and a verb of saying) or with the background
 * (近年来), whatever it mentions */
int speaker_remark(const struct doc *d, size_t a, size_t b)
{
	static const char *const say[] = {"指出", "强调", "表示", "要求", "认为", "说"};
	/* 近年来，两院…邀请检察长列席审委会: the background, no one there */
	static const char *const since[] = {"近年来", "多年来", "长期以来", "一直以来", "近年"};
	a = skip_spaces(d, a, b);
	if (match_any(d, a, b, since, COUNT(since), NULL))
		return 1;
	size_t e = a;
	while (e < b && d->cp[e] != ',' && d->cp[e] != ':' && !is_sent_end(d, e))
		e++;
	return e < b && e - a <= 16 && longest_end(d, a, e, say, COUNT(say)) > 0;
}

int leaders_cut_off(const struct doc *d, size_t a, size_t b, struct people *pp)
{
	static const char *const leaders[] = {"县领导", "市领导", "区领导", "旗领导", "州领导"};
	a = skip_spaces(d, a, b);
	size_t l = match_any(d, a, b, leaders, COUNT(leaders), NULL);
	size_t first = find(d, a, b, "、");
	/* 自治区政协副主席甲、乙、丙、: a title before the first name will do */
	if (!l && first != NPOS && first <= a + 24) {
		size_t p = split_role_name(d, a, first, 0);
		if (p != NPOS && p > a && is_title_only(d, a, p))
			l = p - a;
	}
	/* 县委常委、常务副县长甲，副县长乙、丙、: titles, then a name, ending
	 * its clause: the list is read whole, each name after its titles */
	int whole = 0;
	if (!l && first != NPOS) {
		size_t c = a;
		while (c < b && d->cp[c] != ',' && c - a <= 24)
			c++;
		size_t p = c < b && d->cp[c] == ',' ? split_role_name(d, a, c, 0) : NPOS;
		whole = p != NPOS && p > a + 1 && c - p >= 2;
	}
	if ((!l && !whole) || b <= a + l + 2 || first == NPOS)
		return 0;
	for (size_t i = a; i < b; i++)
		if (is_sent_end(d, i))
			return 0;
	/* up to the last 、 and the name after it, at most 4 characters: what
	 * follows (县高新区管委会主任…) was cut with the verb */
	size_t e = b, last = a + l;
	for (size_t i = a + l; i < b; i++)
		if (d->cp[i] == 0x3001)
			last = i;
	for (e = last + 1; e < b && e - last <= 4 && is_han(d->cp[e]); e++)
		;
	return add_people_list(d, a + l, last + 1 + (e - last - 1 <= 3 ? e - last - 1 : 0),
			       &pp->att, &pp->units, &pp->roles);
}

/* People named in a clause of a later paragraph: 局党委委员某某到会并
 * 讲话, 甲、乙等人与会 (a clause that ends with the attending), 会议还特邀
 * 某某院士作讲座 (a guest, with the observers). The opening and the
 * attendance paragraphs are read whole elsewhere. */
int people_in_clauses(const struct doc *d, size_t a, size_t b, struct people *pp)
{
	static const char *const ends[] = {"出席会议", "列席会议", "参加会议", "与会",
					   "到会",     "出席",     "列席"};
	static const char *const then[] = {"并讲话", "并作讲话",     "并发表讲话", "并致辞",
					   "并发言", "并作重要讲话", "并指导"};
	static const char *const invite[] = {"特邀", "邀请"};
	static const char *const does[] = {"进行", "作", "做", "就", "为"};
	/* 县政协主席某某，县委常委，…负责同志参加。: a whole sentence of who
	 * attended, its names in the clauses before the verb */
	static const char *const sentence_ends[] = {
		"参加", "参加会议", "出席会议", "列席会议", "参加学习", "参加调度会", "参加推进会"};
	size_t se = a; /* the end of the sentence i is in (one per sentence) */
	for (size_t i = a; i < b;) {
		size_t e = clause_end(d, i, b, 0), k = e, l;
		i = skip_spaces(d, i, e);
		if (i >= se) {
			se = clause_end(d, i, b, 1);
			/* 大会由某某主持。10日大会的执行主席是:甲、乙。: the
			 * presiding members after the chair's sentence */
			if (presiding_list_at(d, i, se)) {
				int rc = people_in_sentence(d, i, se, pp);
				if (rc)
					return rc;
				i = se + 1;
				continue;
			}
		}
		if (se > e && se - i <= 150 &&
		    longest_end(d, i, se, sentence_ends, COUNT(sentence_ends)) &&
		    !has_any(d, i, se, chair_verbs, COUNT(chair_verbs)) &&
		    !has_any(d, i, se, remark_verbs, COUNT(remark_verbs)) &&
		    agenda_verb_at(d, i, se, NULL) == NPOS) {
			int rc = people_in_sentence(d, i, se, pp);
			if (rc)
				return rc;
			i = se + 1;
			continue;
		}
		if ((l = longest_end(d, i, k, then, COUNT(then))))
			k -= l;
		if (k - i <= 60 && longest_end(d, i, k, ends, COUNT(ends)) &&
		    !has_any(d, i, k, chair_verbs, COUNT(chair_verbs))) {
			int rc = people_in_sentence(d, i, k, pp);
			if (rc)
				return rc;
		}
		/* (a guest is invited in the clause's first words) */
		size_t v = find_any(d, i, e < i + 10 ? e : i + 10, invite, COUNT(invite), &l);
		if (v != NPOS && v < i + 8) {
			size_t s = v + l, w = find_any(d, s, e, does, COUNT(does), NULL);
			size_t n0 = pp->obs.n;
			/* 定期邀请专家进行指导: a practice to come, and guests of a
			 * kind, no one named */
			static const char *const plan[] = {"定期", "要", "将", "适时", "经常"};
			static const char *const kinds_of[] = {"专家", "学者", "律师",
							       "老师", "嘉宾", "专家学者"};
			int generic =
				w != NPOS && w > s &&
				(match_any(d, s, w, kinds_of, COUNT(kinds_of), NULL) == w - s ||
				 (v >= i + 1 && longest_end(d, i, v, plan, COUNT(plan)) > 0));
			if (w != NPOS && w > s + 1 && w - s <= 12 && !generic) {
				int rc = add_person(d, s, w, &pp->obs, &pp->units, &pp->roles);
				if (!rc)
					rc = note_guests(pp, n0);
				if (rc)
					return rc;
			}
		}
		i = e + 1;
	}
	return 0;
}

/* Does [a,b) open with a list of offices and titles (甲成员、乙书记、丙委员
 * …: four items or more in its first clause, none longer than 10, two in
 * three ending as a unit or a title does)? */
int listed_offices(const struct doc *d, size_t a, size_t b)
{
	size_t e = clause_end(d, a, b, 0), n = 0, good = 0, s = a;
	for (size_t i = a; i <= e; i++) {
		if (i < e && d->cp[i] != 0x3001)
			continue;
		if (i - s > 10 || i == s)
			return 0;
		size_t ts = s, te = i;
		trim(d, &ts, &te);
		good += is_unit(d, ts, te) || longest_end(d, ts, te, title_ends, COUNT(title_ends));
		n++;
		s = i + 1;
	}
	return n >= 4 && good * 3 >= n * 2;
}

/* Does a list of a session's presiding members open at i: 大会执行主席是
 * 甲、乙, 10日大会的执行主席是:甲、乙 (the sitting's day before it)? */
int presiding_list_at(const struct doc *d, size_t i, size_t b)
{
	static const char *const presiding[] = {"执行主席是", "执行主席为",
						"执行主席:", "执行主席由"};
	size_t k = i;
	while (k < b && k < i + 3 && is_digit(d->cp[k]))
		k++;
	if (k > i && !match(d, k, b, "日"))
		return 0;
	k += k > i;
	/* (本次会议的执行主席是: a sitting's) */
	static const char *const whose[] = {"本次会议", "本次大会", "大会", "会议"};
	k += match_any(d, k, b, whose, COUNT(whose), NULL);
	k += match(d, k, b, "的");
	return match_any(d, k, b, presiding, COUNT(presiding), NULL) > 0;
}

/* Is paragraph [a,b) about attendance only? */
int is_attendance(const struct doc *d, size_t a, size_t b)
{
	static const char *const keys[] = {
		"出席", "列席", "参加会议", "参会", "到会祝贺", "参加此次会议", "参加本次会议",
		"主席台就座", "主席台就坐", "主席台前排就座", "主席台前排就坐", "执行主席席就座",
		"参加了会议", "参加了座谈会", "参加座谈会", "参加学习",
		"参加了学习", /* a study session's */
		"参加调度会", "参加推进会", "参加专题会",
		/* 各部门负责人在主会场参加会商 */
		"在主会场参加", "在分会场参加", "收听收看", "收看收听",
		"参加范围" /* a form's field: 参加范围:副区长甲、乙 */};
	if (agenda_verb_at(d, a, b, NULL) != NPOS || speaker_remark(d, a, b))
		return 0;
	size_t i = skip_spaces(d, a, b);
	i += item_marker(d, i, b); /* 三、出席:… in numbered minutes */
	if (match_any(d, i, b, keys, COUNT(keys), NULL))
		return 1;
	if (presiding_list_at(d, i, b))
		return 1;
	/* 组织参会人员学习了…, 随后,参会人员围绕…交流, 某局参会领导进行了交流
	 * 发言: 参会人员 as who did something, no list of who attended
	 * (参会人员有:, 参会人员包括 are) */
	static const char *const doers[] = {"参会人员", "参会领导", "参会同志",
					    "参会代表", "参会常委", "参会委员"};
	int keyed = 0;
	for (size_t k = find_any(d, a, b, keys, COUNT(keys), NULL), m; k != NPOS && !keyed;
	     k = find_any(d, k + 1, b, keys, COUNT(keys), NULL)) {
		static const char *const lists[] = {"有", "包括", ":", "为"};
		m = match_any(d, k, b, doers, COUNT(doers), NULL);
		keyed = !m || match_any(d, k + m, b, lists, COUNT(lists), NULL);
	}
	/* 会议还对…工作进行了部署。会上…参加了会议。: an item first, the
	 * people after it */
	size_t s1 = a;
	while (s1 < b && !is_sent_end(d, s1))
		s1++;
	int item_first = s1 < b && match(d, i, b, "会议") &&
			 !has_any(d, i, s1, keys, COUNT(keys)) && find(d, i, s1, "主持") == NPOS;
	if (b - a < 200 && keyed && !item_first &&
	    !has_any(d, a, b, remark_verbs, COUNT(remark_verbs)))
		return 1;
	/* 主任某、副主任某…出席会议。then the long list of offices that
	 * 列席: the first sentence says what the paragraph is */
	size_t e = a;
	while (e < b && !is_sent_end(d, e))
		e++;
	static const char *const ends[] = {
		"出席会议",   "列席会议",       "参加会议",      "出席",       "列席",
		"参加",       "参加了会议",     "参加了座谈会",  "参加座谈会", "主席台就座",
		"主席台就坐", "主席台前排就座", "主席台前排就坐"};
	int said = 0;
	for (size_t t = 0; t < COUNT(ends) && !said; t++)
		said = ends_with(d, a, e, ends[t], NULL);
	/* 大会由某某主持。12日大会的执行主席是:甲、乙。: who presided, then the
	 * session's presiding members */
	if (e < b && e - a <= 40 &&
	    (ends_with(d, a, e, "主持", NULL) || ends_with(d, a, e, "主持会议", NULL) ||
	     ends_with(d, a, e, "主持大会", NULL)) &&
	    (presiding_list_at(d, skip_spaces(d, e + 1, b), b) ||
	     match(d, skip_spaces(d, e + 1, b), b, "大会主席团执行主席")))
		return 1;
	/* 李某讲话,王某主持会议。: a short line of who spoke and who chaired */
	if (e - a <= 30 && skip_spaces(d, e + 1, b) >= b && ends_with(d, a, e, "主持会议", NULL) &&
	    !has_any(d, a, e, remark_verbs, COUNT(remark_verbs)))
		return 1;
	return e < b && e - a < 200 && said &&
	       !has_any(d, a, e, remark_verbs, COUNT(remark_verbs)) &&
	       !has_any(d, e, b, remark_verbs, COUNT(remark_verbs));
}
