/* parse_int.h: what the stages of the meeting parser share (src/meeting/;
 * not a public header: meeting.h is the parser's face).
 *
 * The folded view (struct doc) and its inline matchers, the word lists the
 * rules are written in (simplified script, ASCII punctuation: the folded
 * view makes them match either script), the containers the stages fill,
 * and each stage's functions. DESIGN.md §2 names the stages. */
#ifndef HUIYI_MEETING_PARSE_INT_H
#define HUIYI_MEETING_PARSE_INT_H

#include "huiyi/fold.h"
#include "huiyi/meeting.h"
#include "huiyi/utf8.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NPOS ((size_t)-1)

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct doc {
	const char *s;
	size_t n;      /* code points */
	uint32_t *cp;  /* folded code points */
	uint32_t *off; /* byte offset of each code point, off[n] = length */
	int borrowed;  /* cp and off are the text's whole doc's (doc_share) */
};

struct ymd {
	int y, m, d; /* y == 0: year unknown */
	int hh, mm;  /* -1: no time */
};

struct strv {
	char **v;
	size_t n, cap;
};

struct buf {
	char *s;
	size_t n, cap;
};

struct span {
	size_t a, b;
};

enum line_kind { L_BODY, L_META, L_CHROME, L_BLANK };

/* Attendance in sentence [a,b): "X出席会议", "出席会议的有:X", "出席:X". */
/* Who was there: attendees, observers (列席, and 应邀 guests) and units. */
struct people {
	struct strv att, obs, units;
	/* "name\trole" for a listed name with a role before it (县委常委、
	 * 副县长张三), and the names of 应邀 guests: people_finish reads them
	 * into hy_meeting's attendee_roles, observer_roles, observer_invited */
	struct strv roles, guests;
};

struct meta {
	struct ymd pub;
	int has_pub;
	int year; /* a year the page gives without a day (an issue's, 2013年 第9期) */
};

struct sections {
	struct hy_section *v;
	size_t n, cap;
};

/* ---- matching on the folded view ---- */

/* Next code point of a pattern: our own string literals, valid UTF-8, so
 * no validation here (this is the parser's innermost loop). */
/* Replace the string *dst owns by s (malloc'd, or NULL): a meeting's
 * body, kind or place set anew. */
static inline void set_str(char **dst, char *s)
{
	free(*dst);
	*dst = s;
}

static inline uint32_t pat_next(const unsigned char **p)
{
	const unsigned char *s = *p;
	uint32_t c;
	if (s[0] < 0x80) {
		c = s[0];
		*p = s + 1;
	} else if (s[0] < 0xE0) {
		c = (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
		*p = s + 2;
	} else if (s[0] < 0xF0) {
		c = (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
		*p = s + 3;
	} else {
		c = (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 |
		    (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
		*p = s + 4;
	}
	return c;
}

/* Does the folded text at i (before end) start with pat? Returns the number
 * of code points matched, or 0. Patterns are written in simplified script
 * with ASCII punctuation, the form hy_fold_cp() gives, so they are compared
 * as they are (test_parse_cases checks that every literal here is folded). */
static inline size_t match(const struct doc *d, size_t i, size_t end, const char *pat)
{
	const unsigned char *p = (const unsigned char *)pat;
	size_t j = i;
	while (*p) {
		if (j >= end || d->cp[j] != pat_next(&p))
			return 0;
		j++;
	}
	return j - i;
}

/* Longest of pats matching at i; *which = its index. */
static inline size_t match_any(const struct doc *d, size_t i, size_t end, const char *const *pats,
			       size_t npats, size_t *which)
{
	size_t best = 0;
	for (size_t p = 0; p < npats; p++) {
		size_t m = match(d, i, end, pats[p]);
		if (m > best) {
			best = m;
			if (which)
				*which = p;
		}
	}
	return best;
}

/* The scans below look at a pattern only where the text has its first
 * code point, decoded once (most positions match no pattern's). */
static inline size_t find(const struct doc *d, size_t from, size_t end, const char *pat)
{
	const unsigned char *p = (const unsigned char *)pat;
	uint32_t first = pat_next(&p);
	for (size_t i = from; i < end; i++)
		if (d->cp[i] == first && match(d, i, end, pat))
			return i;
	return NPOS;
}

/* The first position in [from,end) where one of pats starts (the longest
 * there: *mlen), or NPOS. */
static inline size_t find_any(const struct doc *d, size_t from, size_t end, const char *const *pats,
			      size_t npats, size_t *mlen)
{
	uint32_t first[64];
	size_t nf = npats < 64 ? npats : 64;
	for (size_t k = 0; k < nf; k++) {
		const unsigned char *p = (const unsigned char *)pats[k];
		first[k] = pat_next(&p);
	}
	for (size_t i = from; i < end; i++) {
		uint32_t c = d->cp[i];
		size_t best = 0;
		for (size_t k = 0; k < npats; k++) {
			if (k < nf && first[k] != c)
				continue;
			size_t m = match(d, i, end, pats[k]);
			if (m > best)
				best = m;
		}
		if (best) {
			if (mlen)
				*mlen = best;
			return i;
		}
	}
	return NPOS;
}

/* Does the span [a,b) end with pat? */
static inline int ends_with(const struct doc *d, size_t a, size_t b, const char *pat, size_t *plen)
{
	size_t k = 0;
	for (const unsigned char *p = (const unsigned char *)pat; *p; p++)
		k += (*p & 0xC0) != 0x80;
	if (k == 0 || k > b - a || match(d, b - k, b, pat) != k)
		return 0;
	if (plen)
		*plen = k;
	return 1;
}

static inline int is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000 || c == '\r';
}

static inline int is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

static inline int is_han(uint32_t c)
{
	return hy_fold_is_han(c);
}

/* 。！？；… and a full stop after Han. */
static inline int is_sent_end(const struct doc *d, size_t i)
{
	uint32_t c = d->cp[i];
	/* 張?zhí)忑: a garbled character's ? before its pinyin (two letters or
	 * more) ends nothing; but 舉行?h人大 is a garbled 。縣 */
	if (c == '?' && i + 2 < d->n &&
	    ((d->cp[i + 1] >= 'a' && d->cp[i + 1] <= 'z') ||
	     (d->cp[i + 1] >= 0xE0 && d->cp[i + 1] <= 0x1DC)) &&
	    ((d->cp[i + 2] >= 'a' && d->cp[i + 2] <= 'z') ||
	     (d->cp[i + 2] >= 0xE0 && d->cp[i + 2] <= 0x1DC)))
		return 0;
	if (c == 0x3002 || c == '!' || c == '?' || c == ';' || c == 0xFF61 || c == '\n')
		return 1;
	if (c == '.' && i > 0 && is_han(d->cp[i - 1])) {
		/* 甲、巴干.巴萬、乙: a dot inside a name of a list of names */
		size_t l = i, r = i + 1;
		while (l > 0 && i - l < 5 && is_han(d->cp[l - 1]))
			l--;
		while (r < d->n && r - i <= 5 && is_han(d->cp[r]))
			r++;
		if (l > 0 && d->cp[l - 1] == 0x3001 && r > i + 1 && r < d->n &&
		    (d->cp[r] == 0x3001 || d->cp[r] == '('))
			return 0;
		return 1;
	}
	return 0;
}

static inline int is_clause_end(const struct doc *d, size_t i)
{
	uint32_t c = d->cp[i];
	return is_sent_end(d, i) || c == ',' || c == ':';
}

static inline int is_open_bracket(uint32_t c)
{
	return c == 0x300A || c == 0x201C || c == '(' || c == 0x300C || c == 0x300E ||
	       c == 0x3010 || c == 0x3008 || c == '[' || c == 0x2018 || c == 0x3014;
}

static inline int is_close_bracket(uint32_t c)
{
	return c == 0x300B || c == 0x201D || c == ')' || c == 0x300D || c == 0x300F ||
	       c == 0x3011 || c == 0x3009 || c == ']' || c == 0x2019 || c == 0x3015;
}

static inline void trim(const struct doc *d, size_t *a, size_t *b)
{
	while (*a < *b && (is_space(d->cp[*a]) || d->cp[*a] == '\n'))
		(*a)++;
	while (*b > *a && (is_space(d->cp[*b - 1]) || d->cp[*b - 1] == '\n'))
		(*b)--;
}

static inline size_t count_han(const struct doc *d, size_t a, size_t b)
{
	size_t n = 0;
	for (size_t i = a; i < b; i++)
		n += is_han(d->cp[i]) != 0;
	return n;
}

static inline size_t skip_spaces(const struct doc *d, size_t i, size_t end)
{
	while (i < end && is_space(d->cp[i]))
		i++;
	return i;
}

static inline int has_any(const struct doc *d, size_t a, size_t b, const char *const *pats,
			  size_t n)
{
	return find_any(d, a, b, pats, n, NULL) != NPOS;
}

/* Length of the longest of words that [a,b) ends with (0: none). */
/* 1月12日下午建设街道…, 8月15日县长…: the end of a day (and a part of the
 * day) opening [a,e) with no comma after it, or a when none does. dates.c */
size_t after_leading_day(const struct doc *d, size_t a, size_t e);

/* The start of the last part of a role [.., e) of d, after its last 、 or
 * comma (县委副书记、县长 → 县长). */
static inline size_t last_title(const struct doc *d, size_t e)
{
	while (e > 0 && d->cp[e - 1] != 0x3001 && d->cp[e - 1] != ',')
		e--;
	return e;
}

static inline size_t longest_end(const struct doc *d, size_t a, size_t b, const char *const *words,
				 size_t n)
{
	size_t best = 0, l;
	for (size_t t = 0; t < n; t++)
		if (ends_with(d, a, b, words[t], &l) && l > best)
			best = l;
	return best;
}

/* Whether a kind is the bare word 会议 (會議 on a traditional page): a
 * meeting named by no type of its own. */
static inline int bare_kind(const char *kind)
{
	return kind && (strcmp(kind, "会议") == 0 ||
			strcmp(kind, "\xe6\x9c\x83\xe8\xad\xb0") == 0 /* 會議 */);
}

static inline int span_eq(const struct doc *d, size_t a, size_t b, const char *s)
{
	return match(d, a, b, s) == b - a && b > a;
}

/* ---- word lists ---- */

static const char *const agenda_verbs[] = {
	"审议并原则通过了",
	"研究并原则通过了",
	"审议并原则同意了",
	"听取并审议通过了",
	"听取并原则同意了",
	"听取审议了",
	"选举产生了",
	"推定了", /* a presidium 推定 its chairmen */
	"讨论提出了",
	"推选了",
	"听取和审议了",
	"听取并审议了",
	"审议和通过了",
	"听取和讨论了",
	"学习和传达了",
	"传达学习了",
	"集中学习了",
	"专题学习了",
	"学习传达了",
	"传达学习",
	"审议并通过了",
	"审议通过了",
	"原则通过了",
	"审议并原则通过",
	"研究并原则通过",
	"审议并原则同意",
	"审议并通过",
	"研究并通过",
	"专题研究了",
	"研究部署了",
	"研究讨论了",
	"讨论研究了",
	"讨论通过了",
	"讨论并通过了",
	"听取了",
	"审议了",
	"研究了",
	"讨论了",
	"传达了",
	"通过了",
	"选举了",
	"学习了",
	"通报了",
	"部署了",
	"回顾了", /* 会议回顾了去年以来…工作, 部署了…: the year's review */
	"审定了",
	"审阅了",
	"观看了",
	"收看了",
	"集中收看了",
	"审议通过",
	"原则通过",
	"讨论通过",
	"研究部署",
	"听取",
	"审议",
	"研究",
	"传达",
	"学习",
	"审定",
	"通报",
	"原则同意了",
	"原则同意",
	"决定了",
	"决定",
};

/* Words that may come before an agenda verb at the start of a paragraph. */
static const char *const verb_lead[] = {
	"会议还",   "会议并",   "会议首先", "会议先后", "会议最后", "会议同时", "会议一并",
	"会议集体", "会议认真", "会议又",   "会议也",   "会议",     "大会还",   "大会",
	"会上还",   "会上",     "会前",     "会中还",   "会中",     "会议中",   "与会人员还",
	"与会人员", "与会同志", "还",       "并",       "首先",     "随后",     "最后",
	"同时",     "另外",     "此外",     "会议专题", "重点",     "逐项",     "专门",
	"分别", /* 会议重点审议了…, 会议逐项研究了… */
};

static const char *const remark_verbs[] = {
	"会议指出",   "会议强调",   "会议要求",     "会议认为",     "会议明确",
	"会议提出",   "会议号召",   "会议研究决定", /* but 会议决定, 会议原则同意: an item of its own */
	"会议还强调", "会议还指出", "会议还要求",   "会议最后强调",
};

/* Endings of job titles: the name follows them. */
static const char *const title_ends[] = {
	"长",       "书记",   "主任", "主席",   "委员",   "常委", "成员", "领导",
	"总经理",   "助理",   "专员", "巡视员", "调研员", "总监", "参事", "负责人",
	"代表",     "督学",   "秘书", "干部",   "总师",   "局长", "总理", "理事",
	"主持人",   "会计",   "出纳", "工程师", "顾问",   "高管", "官", /* 二级大法官, 检察官 */
	"参议",     "政委",                                             /* 人武部政委 */
	"司令员",   "司令",                                             /* 军分区司令员 */
	"提名人选", "候选人", /* 主席提名人选某某: a nominee, before the vote */
	"召集人",             /* a council committee's convener (召集人某某) */
};

/* Endings of units (bodies, offices) in attendee and observer lists. */
static const char *const unit_ends[] = {
	"办",
	"机构", /* 直属机构 */
	"局",
	"委",
	"部",
	"厅",
	"院",
	"所",
	"中心",
	"公司",
	"单位",
	"部门",
	"街道",
	"乡镇",
	"政府",
	"队",
	"站",
	"会",
	"处",
	"室",
	"团",
	"组",
	/* a bank and its branches (经济运行, 执行 are no units) */
	"银行",
	"支行",
	"分行",
	"总行",
	"农发行",
	"工行",
	"农行",
	"中行",
	"建行",
	"交行",
	"社",
	"馆",
	"区",
	"县",
	"市",
	"镇",
	"乡",
	")",
	"庭",
	"监委",
	"防指", /* 县防指: a county's flood headquarters, by its short name */
	"公署", /* 行政公署: a prefecture's administration */
	"人大",
	"政协",
	"集团",
	"企业",
	"学校",
	"医院",
	"园",
	"村",
	"社区",
	"府",
	"林场",
	"农场",
	"总场",
	"牧场",
	/* mass organisations */
	"妇联",
	"工商联",
	"残联",
	"文联",
	"侨联",
	"科协",
};

/* Last words of a place name: a body that belongs to a place starts with
 * one (县政府, 旗政府, 街道党工委), the name before it (张家川县). */
/* The levels of a county and its peers, whose organs are named after them
 * (县委, 区政府, 旗长, 州委, 盟委), and the four whose head is a 长 of the
 * same name (县长, 区长, 市长, 旗长). */
static const char *const county_levels[] = {"县", "区", "市", "旗", "州", "盟"};
static const char *const head_levels[] = {"县", "区", "市", "旗"};

static const char *const place_levels[] = {"街道", "县", "区", "市", "旗",
					   "镇",   "乡", "州", "盟", "苏木"};

/* The length of the place level [a, b) ends with (某县 → 1, 某街道 → 2),
 * or 0. */
static inline size_t level_at_end(const struct doc *d, size_t a, size_t b)
{
	size_t l = 0;
	for (size_t t = 0; t < COUNT(place_levels) && !l; t++)
		ends_with(d, a, b, place_levels[t], &l);
	return l;
}

/* The provinces, regions and cities under the centre by their short
 * names: 河南驻马店市 is 驻马店市 of 河南, and a provincial organ's place
 * is its province however the text names it (平安海南). */
static const char *const provinces[] = {"黑龙江", "内蒙古", "河北", "山西", "辽宁", "吉林", "江苏",
					"浙江",   "安徽",   "福建", "江西", "山东", "河南", "湖北",
					"湖南",   "广东",   "海南", "四川", "贵州", "云南", "陕西",
					"甘肃",   "青海",   "台湾", "广西", "西藏", "宁夏", "新疆",
					"北京",   "天津",   "上海", "重庆", "香港", "澳门"};

/* Meeting kinds when no 第N次 separates body from kind. Longest first. */
static const char *const kinds[] = {
	"常务委员会会议",
	"党组(扩大)会议",
	"常委(扩大)会议",
	"全体(扩大)会议",
	"党组扩大会议",
	"常委扩大会议",
	"全体扩大会议",
	"全体成员会议", /* 指挥部召开全体成员会议 */
	"主任办公会议",
	"办公会扩大会议",
	"办公会(扩大)会议",
	"书记办公会议",
	"常委会会议",
	"理论学习中心组学习会议",
	"常务会议",
	"理论学习中心组(扩大)学习会议",
	"中心组(扩大)学习会议",
	"中心组学习会议",
	"党委扩大会议",
	"党委(扩大)会议",
	"专题讨论会议",
	"专班会议", /* a task force's (…招商引资工作专班会议) */
	/* a congress's own meetings, joint and special meetings */
	"主席团常务主席会议",
	"主席团会议",
	"代表团召集人会议",
	"召集人会议",
	"讨论组组长会议",
	"党政联席会议",
	"党政班子会议", /* 镇党政班子会议: a town's leading group */
	"领导班子会议",
	"班子会议",
	"常委会扩大会议",
	"常委会(扩大)会议",
	"专题调度会议",
	"专题办公会议",
	"专题办公会",
	"集中办公会议",
	"集中办公会",
	"党组会议",
	"常委会议",
	"全体会议",
	"全体会", /* 区政府召开全体会 */
	"全会",   /* 区政府第三次全会暨…调度会: the government's plenary */
	"推进大会",
	"冲刺会",
	"总河长会",
	"推进工作会议",
	"推进工作会",
	"专题会议",
	"主任会议",
	"主席会议",
	"办公会议",
	"联席会议",
	"局务扩大会议",
	"局务(扩大)会议",
	"局务扩大会",
	"局务(扩大)会",
	"部务会议",
	"部务扩大会",
	"局务会议",
	"委务会议",
	"院务会议",
	"厅务会议",
	"所务会议",
	"校务会议",
	"局务会",
	"部务会",
	"委务会",
	"院务会",
	"厅务会",
	"所务会",
	"校务会",
	"会商会议",
	"会商会",
	"会办会",
	"居民代表大会",
	"成员会议",
	"审判委员会会议",
	"检察委员会会议",
	"审判委员会",
	"检察委员会",
	"宣布会议",
	"宣布大会",
	"调度会议",
	/* two types at once (推进部署会, 部署动员会: to push and to deploy;
	 * the labels keep both, but 现场推进会 is a 推进会, held on the site) */
	"推进部署会议",
	"部署动员会议",
	"推进会议",
	"协调会议",
	"审查会议", /* 某县重点项目规划审查会议召开 */
	"评审会议",
	"工作会议",
	"动员部署会议",
	"安排部署会议",
	"部署会议",
	"述职评议会议", /* 社区党委书记抓基层党建工作专项述职会议 */
	"述职会议",
	/* (and as word.c's short names have them: 述职评议大会, 述职会) */
	"述职评议大会",
	"双述双评大会",
	"述职大会",
	"述职会",
	"管委会扩大会议",
	"扩大会议", /* 中共某某地委扩大会议暨…: the committee enlarged */
	"会议",
	"周例会",
	"月例会",
	"例会",
	"碰头会",
	"办公会",
	"常务会",     /* 区长某某主持召开区政府常务会，…: no count before it */
	"主题年会",   /* 街道联合党工委举行首届主题年会 */
	"指挥长会议", /* 某水库2023年防汛抗旱指挥长会议: the commanders' meeting */
	"年会",
	"调度会",
	"推进部署会",
	"部署动员会",
	"务虚研讨会",
	"推进会",
	"座谈会",
	"对接会",
	"专题会",
	"常委会",
	"常委会扩大会",
	"党组(扩大)会",
	"党组扩大会",
	"常委会(扩大)会",
	"常委(扩大)会",
	"常委扩大会",
	"党委会",
	"党委(扩大)会",
	"党委扩大会",
	"全委会",
	"主管月报",
	"主管周报",
	"主管会报",
	"业务会报",
	"县务会议",
	"动员部署会",
	"安排部署会",
	"部署会",
	"动员会",
	"工作会",
	/* study sessions and other short names */
	"集中学习会议",
	"集中学习会",
	"专题学习会",
	"学习研讨会",
	"视频学习会",
	"学习会",
	"研讨会",
	/* named without 会 (中心组开展集体学习研讨: word.c study_session) */
	"集体学习研讨",
	"集中交流研讨",
	"集体学习",
	"集中学习",
	"学习研讨",
	"视频会议",
	"电视电话会议",
	"预备会",
	"分析会",
	"汇报会",
	"协调会",
	"务虚会",
	"述职评议会议",
	"述职评议会",
	"民主测评大会",
	"党员大会",
	"干部职工大会",
	"职工大会",
	"干部大会",
	"现场办公会",
	"现场会",
	"过堂会",
	"主任办公会",
	"书记办公会",
	"定期会",
	"临时会",
	"动员大会",
	"成立大会",
	"表彰大会",
	"誓师大会",
	"大会",
	"年终总结会",
	"总结会",
	"联席会",
	"主席会",
	"民主生活会",
	"评议会",
};

/* A body ending with one of these stems lends it to the kind:
 * 县委常委会 + 会议 → 县委 + 常委会会议. */
static const char *const kind_stems[] = {
	"常委会", "常委", "党组", "全体", "常务委员会", "主任", "主席", "党委", "党工委",
};

static const char *const chair_verbs[] = {
	"主持召开", "主持召集", "主持举行", "主持", "召集召开", "组织召开", "召开", "召集",
};

/* ---- the stages ---- */

/* folded.c: the view and the containers */
int doc_init(struct doc *d, const char *s, size_t len);
/* A meeting's body in b and its kind in k, both or neither (when either
 * is NULL, or on HY_ERR_NOMEM, nothing to free). 0 or HY_ERR_NOMEM. */
int doc_init_body_kind(struct doc *b, struct doc *k, const struct hy_meeting *m);
/* doc_init of s's first 64 KiB (the first pages, cut back to a
 * character's start): what a whole-text look-up reads. */
int doc_init_head(struct doc *d, const char *s, size_t len);
/* organ.c: the organ built in o (its result rc so far) becomes m's body,
 * and b[pa,pe) its place when none was known; o is freed on failure.
 * Returns rc, or HY_ERR_NOMEM. */
struct buf;
struct hy_meeting;
int organ_set(struct hy_meeting *m, struct buf *o, const struct doc *b, size_t pa, size_t pe,
	      int rc);
void doc_free(struct doc *d);
/* The text being parsed, folded once: doc_init and doc_init_head of the
 * same text (or a head of it) borrow its arrays instead of folding it
 * again (the place finders read the whole text several times). Per thread;
 * returns the doc shared before, to give back when the parse ends. */
const struct doc *doc_share(const struct doc *d);
char *doc_str(const struct doc *d, size_t a, size_t b);
size_t clause_end(const struct doc *d, size_t a, size_t end, int sentence);
int strv_push(struct strv *l, char *s);
int buf_add(struct buf *b, const char *s, size_t n);
/* a[0..an) then the string b, in a new string (malloc); NULL when out of
 * memory. */
char *str_join(const char *a, size_t an, const char *b);

/* dates.c */
int cn_digit(uint32_t c);
int cn_unit(uint32_t c);
size_t parse_num(const struct doc *d, size_t i, size_t end, long *val);
size_t parse_time(const struct doc *d, size_t i, size_t end, struct ymd *t);
size_t parse_date(const struct doc *d, size_t i, size_t end, struct ymd *t);
size_t find_date(const struct doc *d, size_t a, size_t end, struct ymd *t, int need_year);
char *fmt_date(const struct ymd *t, int with_time);
int date_from_title_year(struct hy_meeting *m);
int title_date(const struct doc *t, const struct meta *mt, struct hy_meeting *m);
int meeting_date(const struct doc *d, size_t a, size_t b, const struct meta *mt,
		 struct hy_meeting *m);
int stated_year(const struct doc *d, size_t a, size_t b, int month);
int date_of_year(struct hy_meeting *m, int y);
int date_in_next(const struct doc *d, size_t a, size_t b, const struct meta *mt,
		 struct hy_meeting *m);

/* title_lines.c: the title [a0,b0) of line *title goes on over the lines
 * around it (a document's name in marks, a dash, a minutes' organ, a verb
 * left hanging, a place above its verb; *title moves to a headline under
 * its kicker). 0 or HY_ERR_NOMEM. */
int title_across_lines(const struct doc *d, const struct span *lines, enum line_kind *kind,
		       size_t nl, size_t *title, size_t a0, size_t b0, struct hy_meeting *m);
/* title.c: pass 1, the title line and its subtitles; *title is its line
 * (NPOS when none), *glued_pub a publish line on the title's line. */
int page_line(const struct doc *d, const struct span *lines, const enum line_kind *kind, size_t nl,
	      size_t i);
int find_title(const struct doc *d, const struct span *lines, enum line_kind *kind, size_t nl,
	       int chinese, struct hy_meeting *m, size_t *title, struct span *glued_pub);

/* docplace.c: a place named only first in a document's title (《某旗…》) */
int place_from_documents(struct hy_meeting *m, const char *text, size_t len);

/* genre.c: texts of other genres that speak of meetings (1 for one), a
 * meeting's rules (1; *regulation when articles make it a regulation) */
int is_other_genre(const struct doc *d, const struct span *lines, const enum line_kind *kind,
		   size_t nl, size_t title);
int rules_text(const struct doc *d, const struct span *lines, size_t nl, size_t title,
	       int *regulation);

/* menus.c: is [a,b) one of the site's menus (an e-paper's titles in marks,
 * keywords by underscores or bars, places or columns parted by spaces, the
 * site's name and its columns)? */
int menu_line(const struct doc *d, size_t a, size_t b);
/* lines.c: pass 1 */
int issue_year(const struct doc *d, size_t a, size_t b);
int is_content_line(const struct doc *d, size_t a, size_t b);
size_t count_words(const struct doc *d, const char *const *words, size_t n);
void nav_menu(const struct doc *d, const struct span *lines, enum line_kind *kind, size_t nl);
size_t footer_start(const struct doc *d, const struct span *lines, size_t nl);
int unglue_headline(const struct doc *d, const struct span *lines, const enum line_kind *kind,
		    size_t nl, struct buf *re);
enum line_kind classify_line(const struct doc *d, size_t a, size_t b, int chinese);
size_t item_marker(const struct doc *d, size_t i, size_t end);
size_t agenda_verb_at(const struct doc *d, size_t a, size_t end, size_t *vstart);
int starts_item(const struct doc *d, size_t a, size_t b);
int starts_new(const struct doc *d, size_t a, size_t b);
/* A form's field named alone on its line, its value on the next
 * (会议时间 / 2023-04-03, 会议议题, 列席情况, 会议内容). */
int is_field_label(const struct doc *d, size_t a, size_t b);
int ends_heading(const struct doc *d, size_t a, size_t b);
int ends_paragraph(const struct doc *d, size_t a, size_t b);
struct span *split_spans(const struct doc *d, int paragraphs, size_t *n);
int split_article_line(const struct doc *d, struct span l, struct buf *out);
int publish_rank(const struct doc *d, struct span l, int before_title, struct ymd *t);

/* people.c */
int name_ok(const struct doc *d, size_t a, size_t b);
/* 林主席志远 [a,b): the length of the title between a surname and a given
 * name of one or two characters (Taiwan's minutes), or 0. people.c */
size_t titled_given_name(const struct doc *d, size_t a, size_t b);
size_t split_role_name(const struct doc *d, size_t a, size_t b, int long_names);
int long_name_ok(const struct doc *d, size_t a, size_t b);
/* people_list.c: one list [a,b) split at 、 ， 及, each item a person
 * (into out, its role into roles as "name\trole") or a unit. 0 or
 * HY_ERR_NOMEM. */
int is_title_only(const struct doc *d, size_t a, size_t b);
int is_unit(const struct doc *d, size_t a, size_t b);
int add_person(const struct doc *d, size_t a, size_t b, struct strv *out, struct strv *units,
	       struct strv *roles);
int add_people_list(const struct doc *d, size_t a, size_t b, struct strv *out, struct strv *units,
		    struct strv *roles);
/* people.c */
int people_in_sentence(const struct doc *d, size_t a, size_t b, struct people *pp);
int is_attendance(const struct doc *d, size_t a, size_t b);
int presiding_list_at(const struct doc *d, size_t i, size_t b);
int listed_offices(const struct doc *d, size_t a, size_t b);
int is_caption(const struct doc *d, size_t a, size_t b);
/* A numbered form run together on one long line (一、…二、…三、…):
 * written out a part a paragraph into re; 1 when it did. lines.c */
int split_numbered_runs(const struct doc *d, const struct span *lines, const enum line_kind *kind,
			size_t nl, struct buf *re);
int split_joined_paragraphs(const struct doc *d, const struct span *lines,
			    const enum line_kind *kind, size_t nl, struct buf *re);
int speaker_remark(const struct doc *d, size_t a, size_t b);
int people_in_clauses(const struct doc *d, size_t a, size_t b, struct people *pp);
/* The text's last paragraph cut off in a list of leaders before its verb
 * (县领导甲、乙、丙、县高新区管委会主: a page the scraper or the corpus
 * cut short): the names are the attendees they were going to be. */
int leaders_cut_off(const struct doc *d, size_t a, size_t b, struct people *pp);
/* Hand pp's lists to m (pp is emptied). 0 or HY_ERR_NOMEM. */
int people_finish(struct people *pp, struct hy_meeting *m);
/* role.c: the government named without its level whose chair heads one
 * (县长某某主持召开第十七届人民政府…: 县人民政府). 0 or HY_ERR_NOMEM. */
int level_from_chair(struct hy_meeting *m);
/* body.c: the body as an organ, before the place is found (no term inside,
 * no pronoun) and after (区委员会 → 区委, 某某地委, a street office). 0 or
 * HY_ERR_NOMEM. */
int tidy_body(struct hy_meeting *m);
int body_after_place(struct hy_meeting *m);
int government_as_titled(struct hy_meeting *m, const char *text, size_t len);
int headquarters_in_kind(struct hy_meeting *m);
/* chair.c */
int find_chair(const struct doc *d, size_t a, size_t b, struct hy_meeting *m);
int chair_label_alone(const struct doc *d, size_t a, size_t b);
int chair_value(const struct doc *d, size_t s, size_t b, struct hy_meeting *m);
int chair_line(const struct doc *d, size_t a, size_t b, struct hy_meeting *m);
int opener_chair(const struct doc *d, size_t a, size_t b, struct hy_meeting *m);
/* minutes.c: attendance blocks one entry a line, each read again on one
 * line into re. 1: rewritten, 0: none, or HY_ERR_NOMEM. */
int minutes_blocks(const struct doc *d, const struct span *lines, size_t nl, struct buf *re);
/* minutes.c: labels each on its line with its value on the next, read
 * again as 主席:X. 1: rewritten, 0: none, or HY_ERR_NOMEM. */
int label_lines(const struct doc *d, const struct span *lines, const enum line_kind *kind,
		size_t nl, struct buf *re);
/* minutes.c: an agenda table, one cell a line, read again one item a line. */
int table_agenda(const struct doc *d, const struct span *lines, size_t nl, struct buf *re);
/* minutes.c: 1 |, 6a |: an agenda table's number cell (its digits), else 0. */
size_t number_cell(const struct doc *d, size_t a, size_t b);

/* name.c */
size_t find_meeting_word(const struct doc *d, size_t from, size_t end, size_t *len);
/* word.c: the length of the short meeting name (周例会, 专题会 …) that
 * [a,b) ends with, or 0. */
size_t ends_short_meeting(const struct doc *d, size_t a, size_t b);
int meeting_name(const struct doc *d, size_t a, size_t b, struct hy_meeting *m);
int cppcc_place_first(char *s, size_t n);
int session_owner(const struct doc *d, size_t a, size_t b, char **body);
size_t name_start(const struct doc *d, size_t a, size_t end);
int convener_before(const struct doc *d, size_t a, size_t cv, char **body);
int traditional(const char *s);

/* group.c */
size_t study_group_end(const struct doc *d, size_t a, size_t e);
int study_group_organ(struct buf *body);
int group_to_kind(struct hy_meeting *m);
/* 县政协党组召开2022年第9次会议: a bare 会议 a 党组 convenes is its 党组会议,
 * the organ the body (README: the 党组 convention). 0 or HY_ERR_NOMEM. */
int group_bare_meeting(struct hy_meeting *m);
int leading_group(const struct doc *d, size_t a, size_t e, struct hy_meeting *m);
int group_body(struct hy_meeting *m);
int compose_title(struct hy_meeting *m);
int from_title(struct hy_meeting *m, const struct meta *mt);
int tidy_kind(struct hy_meeting *m);
int sitting_kind(struct hy_meeting *m, const char *text, size_t len);

/* organ.c */
int league_body(struct hy_meeting *m);
int formal_body(struct hy_meeting *m);
size_t place_chain(const struct doc *b);
int town_party(struct hy_meeting *m);
/* m's place becomes [pa, pb) of b (a view of its body) and its body
 * [ba, bb). 0 or HY_ERR_NOMEM. */
int set_place_body(struct hy_meeting *m, const struct doc *b, size_t pa, size_t pb, size_t ba,
		   size_t bb);
int zone_organ(struct hy_meeting *m);
int province_office(struct hy_meeting *m, const char *text, size_t len);
int bare_place(struct hy_meeting *m, const char *text, size_t len);
/* place_zone.c: a development zone that convenes (经开区召开…, 某某高新区党工委…)
 * is the place, when nothing else named one. 0 or HY_ERR_NOMEM. */
int zone_place(struct hy_meeting *m, const char *text, size_t len);
int zone_party_body(struct hy_meeting *m, const char *text, size_t len);
int congress_in_session(struct hy_meeting *m);
int congress_body(struct hy_meeting *m);

/* role.c: an organ read from the chair's title when the text names none */
int body_from_chair_role(struct hy_meeting *m);
/* place.c */
/* place_fix.c: a town after its county (the town alone is the place), a
 * township's council (乡民代表会 and its township), a place that names
 * none dropped (开发区 alone, 黄淮四市, 成都都市 of a paper's name), the
 * last step. 0 or HY_ERR_NOMEM. */
int town_after_county(struct hy_meeting *m, const char *text, size_t len);
int council_body(struct hy_meeting *m);
int bare_name_government(struct hy_meeting *m, const char *text, size_t len);
int zone_committee(struct hy_meeting *m);
int prefecture_office(struct hy_meeting *m);
int prefecture_place(struct hy_meeting *m, const char *text, size_t len);
int organ_in_kind(struct hy_meeting *m);
int drop_no_place(struct hy_meeting *m);
int find_place(struct hy_meeting *m, const char *text, size_t len);
/* place_name.c, the readers place.c and place_text.c share: the start of a place's name
 * ending at e of t (e when none); an organ after a level, a word no place
 * begins with (their lengths at i, or 0); the place and body in s
 * (柏溪县政府 → 柏溪县 + 县政府; with want_level only that level). */
size_t place_start(const struct doc *t, size_t e);
size_t organ_at(const struct doc *t, size_t i, size_t e);
size_t not_place_at(const struct doc *t, size_t i, size_t e);
int county_of_one(const struct doc *t, size_t j);
int handed_to(const struct doc *t, size_t i);
int county_of_quan(const struct doc *t, size_t i);
int relayed_after_province(const struct doc *t, size_t j);
/* [j,e) before a level at e is no place's name: a slogan (贸易兴市, 生态
 * 立县) or one character before 市 (驻市). */
int no_name_before_level(const struct doc *t, size_t j, size_t e);
int after_level_above(const struct doc *t, size_t j);
int place_in(const char *s, size_t slen, const char *want_level, size_t min_len, int bodiless,
	     char **place, size_t *body_at);

/* place_text.c: a place the whole text names, when nothing nearer does
 * (with level, only at that level). 0 and *place set or left NULL, or
 * HY_ERR_NOMEM. */
int place_from_greeting(const char *text, size_t len, const char *level, char **place);
int place_from_source_line(const char *text, size_t len, const char *level, char **place);
int place_by_count(const char *text, size_t len, const char *level, char **place);
/* Last of all, the place of a body below the province's (县政府, 市委) that
 * nothing else placed: the site's brand (竹溪新闻网讯). place_text.c. */
int place_from_brand(struct hy_meeting *m, const char *text, size_t len);
int place_most_named(struct hy_meeting *m, const char *text, size_t len);
int place_glued_to_body(const char *body, const char *text, size_t len, char **place);
int province_by_count(const char *text, size_t len, char **place);

/* sections.c */
int is_remark(const struct doc *d, size_t a, size_t b);
int is_scene(const struct doc *d, size_t a, size_t b);
int closing_outlook(const struct doc *d, size_t a, size_t b);
int add_items(const struct doc *d, size_t a, size_t b, struct sections *ss);
int append_text(struct hy_section *sec, const struct doc *d, size_t a, size_t b);

/* parse.c: the driver */
/* The paragraphs p[0..*np) of a readout's body with what stands before
 * its opening set aside (opening.c); title is the readout's, or NULL. */
void to_opening(const struct doc *d, struct span *p, size_t *np, const char *title);
int parse_body(const struct doc *d, const struct meta *mt, struct hy_meeting *m);

/* congress.c */
int plenary_sitting(const struct doc *d, size_t at, size_t end, struct hy_meeting *m);
int party_congress(const struct doc *d, size_t a, size_t b, struct hy_meeting *m);
int number_named_later(struct hy_meeting *m, const char *text, size_t len);

#endif
