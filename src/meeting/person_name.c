/* person_name.c: what reads as a person's name.
 *
 * Two to four Han characters with none of an office's (会, 县, 局 …) and
 * no adverb or pronoun in front (随后, 有关); names with middle dots
 * (Uyghur, Tibetan, Mongolian names written in Han), Tibetan syllables
 * with 次; five or six characters only after a title; Taiwan's 林主席志远
 * (a surname, a title, a given name); and the split of "role name" spans
 * (县委书记张三). people.c and chair.c read names through these. */
#include "parse_int.h"

#include <stdint.h>

/* Characters that occur in offices and meeting names but hardly ever in a
 * person's name: they keep 会议, 县委 and 常委会 from being read as names. */
static const char *const not_in_names[] = {
	"议", "届", "次", "召", "府", "局", "办", "县", "省", "镇", "乡", "区",
	"厅", "部", "委", "科", "处", "室", "们", "的", "各", "该", "市",
};

/* Invisible format characters (U+200B–U+200F, U+2060–U+2064, U+FEFF): a
 * hostile page may hide them inside a name, which is still a name. */
static int is_invisible(uint32_t c)
{
	return (c >= 0x200B && c <= 0x200F) || (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF;
}

/* Two-character words that read like names but are not: adverbs and
 * pronouns that open a clause before 出席/参加 (随后，出席会议的…). */
static const char *const not_names[] = {
	"其他",   /* 及其他在职副县级领导干部 */
	"实际",   /* 应出席委员162名，实际出席委员143名: a count */
	"据了解", /* 据了解，…: a source, no one */
	"据悉",
	"据介绍",
	"实到",
	"时任", /* 时任市长主持召开…: a title's time, the name left out */
	"现任",
	"原任",
	"情况", /* 列席情况 | 县领导甲…: a form's label */
	"其它",
	"随后",
	"首先",
	"最后",
	"同时",
	"其中",
	"会上",
	"会后",
	"会前",
	"此外",
	"另外",
	"今天",
	"目前",
	"近日",
	"组织",
	"第一", /* 第一书记 */
	"宣传", /* 负责组织、宣传、民政的同志: their work, no names */
	"民政",
	"纪检",
	"综治",
	"信访",
	"大家",
	"他们",
	"我们",
	"全体",
	"相关",
	"有关",
	"以上",
	"上述",
	"各位",
	"分别",
	"共同",
	"统一", /* 代表们统一着装出席: a manner, no one */
	"集体",
	"并且",
	"然后",
	"之后",
	"大会",
	"会议",
	"代表",
	"委员",
	"职工",
	"干部",
	"群众",
	"党员",
	"同志",
	"村民",
	"居民",
	"单位",
	"部门",
	"成员",
	"小组",
	"主管",
	"分管",
	"共计",
	"共有",
	"合计",
	"常务",
	"党组",
	"党委",
	"常委",
	"执行",
	"代理",
	"专职",
	"驻会",
	"名誉",
	"近年",
	"多年",
	"今年",
	"去年",
	"此前",
	"以来",
	"长期",
	"会商",
	"正职",
	"副职", /* 各部门正职、副职: ranks, no one */
	"报告", /* 秘书报告出席代表已达法定人数 */
	"班子", /* 某镇领导班子: a body of people, no one */
	"妇女", /* 妇女代表 */
	"会",   /* 省人大常委会党组: 常委 + 会党组 is no title and name */
	/* 当日，…党支部书记、后备力量共30人参会: a day, a group */
	"当日",
	"当天",
	"次日",
	"后备",
	/* 民主党派、未能出席、深入学习: groups, verbs, no one */
	"民主",
	"未能",
	"深入",
	/* 一级主管、二级主管列席: ranks, no one */
	"一级",
	"二级",
	"三级",
	/* 本报讯 县经济工作会议后，…: a dateline, no one */
	"本报",
	"本网",
	"本台",
	"本刊",
	/* 海外侨胞、港澳政协之友代表列席: groups invited, no one */
	"海外",
	"港澳",
	"侨胞",
	"台胞",
};

/* A name's middle dot: 阿不都克力木·艾力, 嘉木样·洛桑久美·图丹却吉尼玛
 * (Uyghur, Tibetan, Mongolian names written in Han). */
static int is_name_dot(uint32_t c)
{
	return c == 0xB7 || c == 0x2022 || c == 0x2027 || c == 0x30FB || c == 0xFF65 ||
	       c == 0x2219 || c == '.'; /* 巴干.巴萬, as Taiwan's minutes write it */
}

/* A name with middle dots: 2 to 24 characters, Han parts between dots,
 * neither first nor last a dot. */
static int dotted_name_ok(const struct doc *d, size_t a, size_t b)
{
	size_t dots = 0;
	if (b - a < 4 || b - a > 24 || is_name_dot(d->cp[a]) || is_name_dot(d->cp[b - 1]))
		return 0;
	for (size_t i = a; i < b; i++) {
		if (is_name_dot(d->cp[i])) {
			if (is_name_dot(d->cp[i - 1]))
				return 0;
			dots++;
		} else if (!is_han(d->cp[i]) ||
			   match_any(d, i, i + 1, not_in_names, COUNT(not_in_names), NULL)) {
			return 0;
		}
	}
	return dots > 0;
}

/* 次仁, 次珠, 次旦: 次 opening a syllable pair of a Tibetan name (格桑次仁,
 * 多吉次珠), not a count's 次 (第三次, 此次) */
static int tibetan_ci(const struct doc *d, size_t i, size_t b)
{
	static const char *const seconds[] = {"仁", "珠", "旦", "央", "卓", "顿", "松", "拉"};
	return match(d, i, b, "次") && i + 1 < b &&
	       match_any(d, i + 1, b, seconds, COUNT(seconds), NULL);
}

/* 洛桑江村, 白玛江村: a Tibetan name of two syllable pairs, the first
 * one of the common ones (a village's name, 桃花江村, opens with none) */
static int tibetan_pairs(const struct doc *d, size_t a, size_t b)
{
	static const char *const firsts[] = {
		"洛桑", "格桑", "次仁", "扎西", "多吉", "丹增", "白玛", "尼玛", "达瓦", "边巴",
		"旦增", "平措", "索朗", "顿珠", "央金", "卓玛", "拉巴", "普布", "次旦", "益西",
		"强巴", "罗布", "群培", "土登", "巴桑", "米玛", "贡嘎", "曲珍", "德吉", "阿旺"};
	return b - a == 4 && match_any(d, a, b, firsts, COUNT(firsts), NULL) == 2;
}

int name_ok(const struct doc *d, size_t a, size_t b)
{
	if (dotted_name_ok(d, a, b))
		return 1;
	/* 市法院, 市检察院: a city's office (市 is no surname) */
	if (match(d, a, b, "市"))
		return 0;
	/* and no name starts with one (单位主要 of …成员单位主要负责人) */
	for (size_t w = 0; w < COUNT(not_names); w++)
		if (match(d, a, b, not_names[w]))
			return 0;
	/* 开幕会后，…: the sitting's time, no name */
	static const char *const sittings[] = {"会后", "会前", "会上", "开幕", "闭幕"};
	if (has_any(d, a, b, sittings, COUNT(sittings)))
		return 0;
	/* 委员会日前召开: a time word is no part of a name, nor a day
	 * (委员会于十日召开) */
	if (find(d, a, b, "日前") != NPOS || find(d, a, b, "近日") != NPOS)
		return 0;
	for (size_t i = a + 1; i < b; i++)
		if ((match(d, i, b, "日") || match(d, i, b, "号")) &&
		    (cn_digit(d->cp[i - 1]) >= 0 || cn_unit(d->cp[i - 1]) > 0 ||
		     is_digit(d->cp[i - 1])))
			return 0;
	size_t n = 0;
	for (size_t i = a; i < b; i++)
		n += !is_invisible(d->cp[i]);
	if (n < 2 || n > 4 || is_invisible(d->cp[a]))
		return 0;
	/* 广东汕头, 江西赣州: a province and its city, in a list of places */
	if (b - a == 4 && match_any(d, a, b, provinces, COUNT(provinces), NULL) == 2)
		return 0;
	/* 人大副 (of 人大副主席 cut before its title), 团联络员 (of 各代表团联络员):
	 * a rank or a post left over, no one's name */
	static const char *const posts_end[] = {"副",   "联络员", "人员", "成员",
						"队员", "委员",   "街道", /* (长|安街道) */
						"专干",                   /* 党建专干: a post */
						"干事"};                  /* 里干事, 村干事 */
	/* (51名党代表和23名列席人员参加: a post alone, counted) */
	size_t pe = longest_end(d, a, b, posts_end, COUNT(posts_end));
	if (pe && (n >= 3 || match(d, b - 1, b, "副") || pe == b - a))
		return 0;
	/* (纪委委员和出席党代会代表: 员和 starts inside the post before it) */
	if (a > 0 && match_any(d, a - 1, b, posts_end, COUNT(posts_end), NULL) == 2)
		return 0;
	/* 派出所、中心校、司法所: a town's offices by their common names */
	static const char *const town_offices[] = {"派出所", "司法所", "财政所", "国土所", "供电所",
						   "中心校", "卫生院", "林业站", "农技站", "水利站",
						   "兽医站", "信用社", "税务所", "邮政所", "中学",
						   "小学",   "幼儿园"};
	if (match_any(d, a, b, town_offices, COUNT(town_offices), NULL) == b - a)
		return 0;
	/* 三江村, 杨开村: a village's name, no one's */
	static const char *const places_end[] = {"村", "社区"};
	if (n >= 3 && longest_end(d, a, b, places_end, COUNT(places_end)) &&
	    !tibetan_pairs(d, a, b))
		return 0;
	for (size_t i = a; i < b; i++) {
		if (is_invisible(d->cp[i]))
			continue;
		if (!is_han(d->cp[i]))
			return 0;
		/* 李镇祥, 王乡平: a town's word inside a name (never first or
		 * last, never 镇长) */
		int town_inside = i > a && i + 1 < b &&
				  (match(d, i, b, "镇") || match(d, i, b, "乡")) &&
				  !match(d, i + 1, b, "长");
		/* 李科加: 科 inside a given name (an office's 科 ends it: 财务科) */
		int ke_inside = i > a && i + 1 < b && match(d, i, b, "科") && b - a == 3;
		/* (周科同志主持会议: 同志 after it, a person's name ending so) */
		ke_inside |=
			i > a && i + 1 == b && match(d, i, b, "科") && match(d, b, d->n, "同志");
		if (match_any(d, i, i + 1, not_in_names, COUNT(not_in_names), NULL) &&
		    !tibetan_ci(d, i, b) && !town_inside && !ke_inside)
			return 0;
	}
	return 1;
}

size_t titled_given_name(const struct doc *d, size_t a, size_t b)
{
	static const char *const titles[] = {
		"副主席", "主席",   "副议长",   "议长",   "代表", "议员", "副镇长",
		"镇长",   "副乡长", "乡长",     "副市长", "市长", "县长", "副局长",
		"局长",   "副处长", "处长",     "课长",   "科长", "股长", "主任秘书",
		"秘书长", "秘书",   "主任委员", "主任",   "主计", "主委", "署长",
		"部长",   "院长",   "村长",     "里长",   "所长", "队长"};
	/* 副主任何某, 常务副县长: a rank before the title, no surname */
	static const char *const ranks[] = {"副", "总", "常", "正", "原", "前", "代", "驻", "市"};
	if (b < a + 4 || !is_han(d->cp[a]) || match_any(d, a, a + 1, ranks, COUNT(ranks), NULL))
		return 0;
	size_t t = match_any(d, a + 1, b, titles, COUNT(titles), NULL);
	size_t g = t ? b - (a + 1 + t) : 0;
	if (!t || g < 1 || g > 2 || count_han(d, a + 1 + t, b) != g)
		return 0;
	/* 各代表团, 王主任委员: no name in it */
	for (size_t i = a; i < b; i = i == a ? a + 1 + t : i + 1)
		if (match_any(d, i, i + 1, not_in_names, COUNT(not_in_names), NULL))
			return 0;
	for (size_t w = 0; w < COUNT(not_names); w++)
		if (match(d, a + 1 + t, b, not_names[w]))
			return 0;
	return t;
}

/* A name of five or six Han characters, none of them one a name never
 * holds (会, 的, 和 …): only after a title, or among names. */
int long_name_ok(const struct doc *d, size_t a, size_t b)
{
	if (b - a < 5 || b - a > 6)
		return 0;
	for (size_t i = a; i < b; i++)
		if (!is_han(d->cp[i]) ||
		    match_any(d, i, i + 1, not_in_names, COUNT(not_in_names), NULL))
			return 0;
	for (size_t t = 0; t < COUNT(title_ends); t++)
		if (find(d, a, b, title_ends[t]) != NPOS)
			return 0;
	/* 书记收看收听市召开…: verbs and a city, no name */
	/* (…常委 + 会意见座谈会: a meeting's name after a title's word) */
	/* (相关工作岗、片区负责人: who else, no name) */
	static const char *const words[] = {"收看", "收听", "市",   "召",   "组织", "带领", "率",
					    "会",   "意见", "座谈", "相关", "有关", "工作", "负责"};
	for (size_t w = 0; w < COUNT(words); w++)
		if (find(d, a, b, words[w]) != NPOS)
			return 0;
	return 1;
}

/* Split "role name" [a,b): returns the start of the name, or NPOS. The name
 * is 2–4 Han characters right after a title ending; when there is no title
 * at all, the whole span is the name if it is 2–4 Han characters. */
size_t split_role_name(const struct doc *d, size_t a, size_t b, int long_names)
{
	size_t m;
	if (ends_with(d, a, b, "同志", &m))
		b -= m;
	size_t best = NPOS;
	for (size_t p = a + 1; p < b; p++) {
		for (size_t t = 0; t < COUNT(title_ends); t++) {
			size_t tl;
			/* (官开华: a one-character title alone, 官 or 长, is a
			 * surname: 法官某某 has a title, 官某某 none) */
			if (ends_with(d, a, p, title_ends[t], &tl) && (tl > 1 || p > a + 1) &&
			    name_ok(d, p, b)) {
				/* the rightmost split that leaves a 2–4 character
				 * name: 秘书长邹文杰 → 邹文杰, and 副县长张长江
				 * cannot end at 长 (江 alone is no name) */
				best = p;
			}
		}
	}
	if (best != NPOS)
		return best;
	if (name_ok(d, a, b))
		return a;
	/* 区领导孙殿镇, 副县长王永乡, 县长王建科: right after a title a name
	 * may end in 镇, 乡 or 科 (which end towns' names and offices'
	 * elsewhere) */
	for (size_t p = b >= a + 4 ? b - 3 : b; p < b && p == b - 3; p++)
		for (size_t t = 0; t < COUNT(title_ends); t++) {
			size_t tl;
			if (ends_with(d, a, p, title_ends[t], &tl) &&
			    (match(d, b - 1, b, "镇") || match(d, b - 1, b, "乡") ||
			     match(d, b - 1, b, "科")) &&
			    name_ok(d, p, b - 1) && !match(d, p, b, "乡镇"))
				return p;
		}
	/* 旗人大常委会主任宝音满都呼 (主持): after a title, a chair's name of
	 * five or six characters too (Mongolian, Tibetan names written in
	 * Han); in a list a long run is more often words than a name */
	for (size_t t = 0; t < COUNT(title_ends) && long_names; t++) {
		size_t tl, p = b >= a + 7 ? b - 6 : a + 1;
		for (; p + 5 <= b && best == NPOS; p++)
			if (ends_with(d, a, p, title_ends[t], &tl) && long_name_ok(d, p, b))
				best = p;
	}
	return best;
}
