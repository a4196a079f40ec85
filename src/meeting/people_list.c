/* people_list.c: one list of people, item by item.
 *
 * A list such as 县领导杨道刚、黄德庆，县纪委监委、县发改委等有关部门负责同志
 * is split at 、 ， 及 and each item read: a role before a name (noted in
 * roles), a surname and a title (许县长), a name in Latin letters, or a unit
 * (offices go with the units, never with the names). people.c finds the
 * lists in the attendance sentences. */
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
int add_person(const struct doc *d, size_t a, size_t b, struct strv *out, struct strv *units,
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

/* 向阳、洄水、瓦庙、汉王四镇人大主席: two or more short names parted by
 * 、, the last one followed by a count and a place's level, name places,
 * no one. Where that run starts in [a,e) (after a comma or at a), its
 * end in *end (the counted item's, at the next mark); or NPOS. */
static size_t places_counted(const struct doc *d, size_t a, size_t e, size_t *end)
{
	static const char *const levels[] = {"镇", "乡", "街道", "村", "县", "区", "社区"};
	size_t items = 0, s = a, run = a;
	for (size_t i = a; i < e; i++) {
		uint32_t c = d->cp[i];
		if (c == 0x3001 || c == ',') { /* 、 , */
			int name = i - s >= 2 && i - s <= 4 && count_han(d, s, i) == i - s;
			items = c == 0x3001 && name ? items + 1 : 0;
			if (!items)
				run = i + 1;
			s = i + 1;
			continue;
		}
		if (items && i - s >= 2 && i - s <= 4 && count_han(d, s, i) == i - s &&
		    (cn_digit(c) >= 0 || c == 0x4E24 /* 两 */) && i + 1 < e &&
		    match_any(d, i + 1, e, levels, COUNT(levels), NULL)) {
			size_t q = i + 1;
			while (q < e && d->cp[q] != 0x3001 && d->cp[q] != ',' &&
			       !match(d, q, e, "及"))
				q++;
			*end = q;
			return run;
		}
		if (!is_han(c) && c != ' ')
			items = 0, run = i + 1, s = i + 1;
	}
	return NPOS;
}

/* Split a list [a,b) at 、 , 及 and add each item. */
int add_people_list(const struct doc *d, size_t a, size_t b, struct strv *out, struct strv *units,
		    struct strv *roles)
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
	/* 向阳、洄水、瓦庙、汉王四镇人大主席: places named short, then their
	 * count and level; no one is named */
	{
		size_t pe, ps = places_counted(d, a, e0, &pe);
		if (ps != NPOS) {
			int rc = ps > a + 1 ? add_people_list(d, a, ps - 1, out, units, roles) : 0;
			return rc || pe + 1 >= b ? rc
						 : add_people_list(d, pe + 1, b, out, units, roles);
		}
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
			/* 双新、双林街道办书记: a place's name cut short before
			 * the next, which carries the level for both */
			static const char *const shared[] = {"街道", "镇", "乡", "社区", "村"};
			int cut_place = !abbrev && he == NPOS && ie == s + 2 && c == 0x3001 &&
					i + 3 < b && is_han(d->cp[i + 1]) && is_han(d->cp[i + 2]) &&
					match_any(d, i + 3, b, shared, COUNT(shared), NULL);
			if (abbrev || cut_place)
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
			/* 执行主席是:辛某、敖登其其格、李某: a Mongolian name of five
			 * or six among names (after a name or a title's colon, more
			 * names after it) */
			else if ((prev_person || titled) && he == NPOS && c == 0x3001 && i < b &&
				 long_name_ok(d, s, ie) && find(d, s, ie, "等") == NPOS &&
				 split_role_name(d, s, ie, 0) == NPOS)
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
