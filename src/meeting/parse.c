/* parse.c: clean text → struct hy_meeting (meeting.h). Pure: no I/O.
 *
 * The text is read through a folded view (fold.h): traditional and
 * simplified script, full- and half-width punctuation and digits all look
 * the same to the rules below, which are written once, in simplified
 * script with ASCII punctuation. What the parser returns is always cut from the original text, so
 * the record keeps its own script.
 *
 * Two passes. Pass 1 works on lines: it finds the title, the publish line
 * and page chrome, and joins lines that were broken mid-sentence into
 * paragraphs. Pass 2 works on that paragraph text: the opening paragraph
 * gives date, chair, meeting name and people; each later paragraph gives
 * one or more agenda sections. */
#include "huiyi/meeting.h"

#include "huiyi/err.h"
#include "huiyi/fold.h"
#include "huiyi/utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NPOS ((size_t)-1)
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------ */
/* Folded view of a text                                                 */

struct doc {
	const char *s;
	size_t n;       /* code points */
	uint32_t *cp;   /* folded code points */
	uint32_t *off;  /* byte offset of each code point, off[n] = length */
};

/* 8 bytes per code point: texts are capped well below 4 GiB upstream. */
static int doc_init(struct doc *d, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t cap = 1;
	d->s = s;
	d->n = 0;
	if (len >= UINT32_MAX)
		return HY_ERR_TOOBIG;
	for (size_t i = 0; i < len; i++) /* exact for valid UTF-8 */
		cap += (u[i] & 0xC0) != 0x80;
	d->cp = malloc(cap * sizeof *d->cp);
	d->off = malloc(cap * sizeof *d->off);
	size_t i = 0;
	while (d->cp && d->off && i < len) {
		uint32_t c;
		size_t k;
		if (d->n + 1 >= cap) { /* invalid bytes decode one by one */
			cap = cap * 3 / 2 + 16;
			uint32_t *a = realloc(d->cp, cap * sizeof *a);
			if (a)
				d->cp = a;
			uint32_t *b = a ? realloc(d->off, cap * sizeof *b) : NULL;
			if (!b)
				break;
			d->off = b;
		}
		if (u[i] < 0x80) { /* the common cases inline: ASCII, and */
			c = u[i];
			k = 1;
		} else if ((u[i] & 0xF0) == 0xE0 && i + 2 < len && /* BMP Han */
			   (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80 &&
			   (c = (uint32_t)(u[i] & 0x0F) << 12 |
				(uint32_t)(u[i + 1] & 0x3F) << 6 | (u[i + 2] & 0x3F)) >= 0x800 &&
			   (c < 0xD800 || c > 0xDFFF)) {
			k = 3;
		} else {
			k = hy_utf8_decode(s + i, len - i, &c);
		}
		d->off[d->n] = (uint32_t)i;
		d->cp[d->n++] = hy_fold_cp(c);
		i += k;
	}
	if (!d->cp || !d->off || i < len) {
		free(d->cp);
		free(d->off);
		return HY_ERR_NOMEM;
	}
	d->off[d->n] = (uint32_t)len;
	return 0;
}

static void doc_free(struct doc *d)
{
	free(d->cp);
	free(d->off);
	d->cp = NULL;
	d->off = NULL;
}

static char *doc_str(const struct doc *d, size_t a, size_t b)
{
	if (b < a)
		b = a;
	return strndup(d->s + d->off[a], d->off[b] - d->off[a]);
}

/* Next code point of a pattern: our own string literals, valid UTF-8, so
 * no validation here (this is the parser's innermost loop). */
static uint32_t pat_next(const unsigned char **p)
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
static size_t match(const struct doc *d, size_t i, size_t end, const char *pat)
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
static size_t match_any(const struct doc *d, size_t i, size_t end,
			const char *const *pats, size_t npats, size_t *which)
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

static size_t find(const struct doc *d, size_t from, size_t end, const char *pat)
{
	for (size_t i = from; i < end; i++)
		if (match(d, i, end, pat))
			return i;
	return NPOS;
}

static size_t find_any(const struct doc *d, size_t from, size_t end,
		       const char *const *pats, size_t npats, size_t *mlen)
{
	for (size_t i = from; i < end; i++) {
		size_t m = match_any(d, i, end, pats, npats, NULL);
		if (m) {
			if (mlen)
				*mlen = m;
			return i;
		}
	}
	return NPOS;
}

/* Does the span [a,b) end with pat? */
static int ends_with(const struct doc *d, size_t a, size_t b, const char *pat,
		     size_t *plen)
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

/* ------------------------------------------------------------------ */
/* Character classes (on folded code points)                              */

static int is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000 || c == '\r';
}

static int is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

static int is_han(uint32_t c)
{
	return hy_fold_is_han(c);
}

/* 。！？；… and a full stop after Han. */
static int is_sent_end(const struct doc *d, size_t i)
{
	uint32_t c = d->cp[i];
	if (c == 0x3002 || c == '!' || c == '?' || c == ';' || c == 0xFF61 ||
	    c == '\n')
		return 1;
	if (c == '.' && i > 0 && is_han(d->cp[i - 1]))
		return 1;
	return 0;
}

static int is_clause_end(const struct doc *d, size_t i)
{
	uint32_t c = d->cp[i];
	return is_sent_end(d, i) || c == ',' || c == ':';
}

static int is_open_bracket(uint32_t c)
{
	return c == 0x300A || c == 0x201C || c == '(' || c == 0x300C ||
	       c == 0x300E || c == 0x3010 || c == 0x3008 || c == '[' ||
	       c == 0x2018 || c == 0x3014;
}

static int is_close_bracket(uint32_t c)
{
	return c == 0x300B || c == 0x201D || c == ')' || c == 0x300D ||
	       c == 0x300F || c == 0x3011 || c == 0x3009 || c == ']' ||
	       c == 0x2019 || c == 0x3015;
}

/* Index of the first clause (or sentence) end at depth 0 in [a,end). */
static size_t clause_end(const struct doc *d, size_t a, size_t end, int sentence)
{
	int depth = 0;
	for (size_t i = a; i < end; i++) {
		uint32_t c = d->cp[i];
		if (c == '"') /* straight quotes toggle */
			depth = depth ? depth - 1 : depth + 1;
		else if (is_open_bracket(c))
			depth++;
		else if (is_close_bracket(c) && depth > 0)
			depth--;
		else if (depth == 0 &&
			 (sentence ? is_sent_end(d, i) : is_clause_end(d, i)))
			return i;
		if (c == '\n')
			return i;
	}
	return end;
}

static void trim(const struct doc *d, size_t *a, size_t *b)
{
	while (*a < *b && (is_space(d->cp[*a]) || d->cp[*a] == '\n'))
		(*a)++;
	while (*b > *a && (is_space(d->cp[*b - 1]) || d->cp[*b - 1] == '\n'))
		(*b)--;
}

static size_t count_han(const struct doc *d, size_t a, size_t b)
{
	size_t n = 0;
	for (size_t i = a; i < b; i++)
		n += is_han(d->cp[i]) != 0;
	return n;
}

/* ------------------------------------------------------------------ */
/* Numbers and dates                                                      */

static int cn_digit(uint32_t c)
{
	static const char *const digits[] = {"零", "一", "二", "三", "四",
					     "五", "六", "七", "八", "九"};
	if (c == 0x3007) /* 〇 */
		return 0;
	if (c == 0x4E24) /* 两 */
		return 2;
	for (int v = 0; v < 10; v++) {
		uint32_t x;
		hy_utf8_decode(digits[v], strlen(digits[v]), &x);
		if (c == x)
			return v;
	}
	return -1;
}

static int cn_unit(uint32_t c)
{
	if (c == 0x5341) /* 十 */
		return 10;
	if (c == 0x767E) /* 百 */
		return 100;
	if (c == 0x5343) /* 千 */
		return 1000;
	return 0;
}

/* A number at i: ASCII digits, or Chinese numerals (四十二, 一一五, 二〇二四).
 * Returns code points used (0 if none); spaces inside are not allowed. */
static size_t parse_num(const struct doc *d, size_t i, size_t end, long *val)
{
	size_t j = i;
	long v = 0;
	if (j < end && is_digit(d->cp[j])) {
		while (j < end && is_digit(d->cp[j]) && j - i < 9)
			v = v * 10 + (long)(d->cp[j++] - '0');
		*val = v;
		return j - i;
	}
	int has_unit = 0;
	while (j < end && (cn_digit(d->cp[j]) >= 0 || cn_unit(d->cp[j])) && j - i < 12) {
		has_unit |= cn_unit(d->cp[j]) != 0;
		j++;
	}
	if (j == i)
		return 0;
	if (!has_unit) {
		for (size_t k = i; k < j; k++)
			v = v * 10 + cn_digit(d->cp[k]);
	} else {
		long section = 0, digit = -1;
		for (size_t k = i; k < j; k++) {
			int u = cn_unit(d->cp[k]);
			if (u) {
				section += (digit < 0 ? 1 : digit) * u;
				digit = -1;
			} else {
				digit = cn_digit(d->cp[k]);
			}
		}
		v = section + (digit > 0 ? digit : 0);
	}
	*val = v;
	return j - i;
}

struct ymd {
	int y, m, d; /* y == 0: year unknown */
	int hh, mm;  /* -1: no time */
};

static int days_in_month(int y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && y > 0 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	if (m == 2 && y == 0)
		return 29;
	return dm[m - 1];
}

static int ymd_valid(const struct ymd *t)
{
	return t->m >= 1 && t->m <= 12 && t->d >= 1 &&
	       t->d <= days_in_month(t->y, t->m) &&
	       (t->y == 0 || (t->y >= 1900 && t->y <= 2200));
}

static size_t skip_spaces(const struct doc *d, size_t i, size_t end)
{
	while (i < end && is_space(d->cp[i]))
		i++;
	return i;
}

/* A year: 4 ASCII digits, 4 Chinese digits, or a ROC year (2–3 digits,
 * 一一五) that must be followed by 年. Returns the Gregorian year. */
static int year_value(long v, size_t ndigits, int roc_ok)
{
	if (ndigits == 4 && v >= 1900 && v <= 2200)
		return (int)v;
	if (roc_ok && v >= 1 && v <= 200)
		return (int)v + 1911;
	return 0;
}

/* Time "HH:MM[:SS]" at i. */
static size_t parse_time(const struct doc *d, size_t i, size_t end, struct ymd *t)
{
	long h, m;
	size_t j = skip_spaces(d, i, end), k;
	if (!(k = parse_num(d, j, end, &h)) || k > 2 || !is_digit(d->cp[j]))
		return 0;
	j += k;
	if (j >= end || d->cp[j] != ':')
		return 0;
	j++;
	if (!(k = parse_num(d, j, end, &m)) || k != 2)
		return 0;
	j += k;
	if (h > 23 || m > 59)
		return 0;
	if (j + 2 < end && d->cp[j] == ':' && is_digit(d->cp[j + 1]))
		j += 3;
	t->hh = (int)h;
	t->mm = (int)m;
	return j - i;
}

/* A date at i: YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYY年M月D日|号,
 * (ROC)年M月D日, M月D日 (year 0). Optional time after. Returns length. */
static size_t parse_date(const struct doc *d, size_t i, size_t end, struct ymd *t)
{
	long a, b, c;
	size_t j = i, k;
	memset(t, 0, sizeof *t);
	t->hh = t->mm = -1;
	if (!(k = parse_num(d, j, end, &a)))
		return 0;
	int ascii = is_digit(d->cp[j]);
	j += k;
	size_t na = k;
	if (j >= end)
		return 0;
	uint32_t sep = d->cp[j];
	if (ascii && na == 4 && (sep == '-' || sep == '/' || sep == '.')) {
		j++;
		if (!(k = parse_num(d, j, end, &b)) || k > 2 || !is_digit(d->cp[j]))
			return 0;
		j += k;
		if (j >= end || d->cp[j] != sep)
			return 0;
		j++;
		if (!(k = parse_num(d, j, end, &c)) || k > 2 || !is_digit(d->cp[j]))
			return 0;
		j += k;
		t->y = (int)a;
		t->m = (int)b;
		t->d = (int)c;
		if (!ymd_valid(t))
			return 0;
		j += parse_time(d, j, end, t);
		return j - i;
	}
	if (match(d, j, end, "年")) {
		int y = year_value(a, na, 1);
		if (!y)
			return 0;
		j = skip_spaces(d, j + 1, end);
		if (!(k = parse_num(d, j, end, &b)))
			return 0;
		j = skip_spaces(d, j + k, end);
		if (!match(d, j, end, "月"))
			return 0;
		j = skip_spaces(d, j + 1, end);
		if (!(k = parse_num(d, j, end, &c)))
			return 0;
		j = skip_spaces(d, j + k, end);
		if (!match(d, j, end, "日") && !match(d, j, end, "号"))
			return 0;
		j++;
		t->y = y;
		t->m = (int)b;
		t->d = (int)c;
		if (!ymd_valid(t))
			return 0;
		j += parse_time(d, j, end, t);
		return j - i;
	}
	j = skip_spaces(d, j, end);
	if (match(d, j, end, "月") && na <= 3) {
		j = skip_spaces(d, j + 1, end);
		if (!(k = parse_num(d, j, end, &c)))
			return 0;
		j = skip_spaces(d, j + k, end);
		if (!match(d, j, end, "日") && !match(d, j, end, "号"))
			return 0;
		j++;
		t->m = (int)a;
		t->d = (int)c;
		if (!ymd_valid(t))
			return 0;
		return j - i;
	}
	return 0;
}

/* First date in [a,end) that is not part of a longer number. */
static size_t find_date(const struct doc *d, size_t a, size_t end, struct ymd *t,
			int need_year)
{
	for (size_t i = a; i < end; i++) {
		if (i > a && (is_digit(d->cp[i - 1]) || cn_digit(d->cp[i - 1]) >= 0 ||
			      cn_unit(d->cp[i - 1])))
			continue;
		if (!is_digit(d->cp[i]) && cn_digit(d->cp[i]) < 0 && !cn_unit(d->cp[i]))
			continue;
		size_t k = parse_date(d, i, end, t);
		if (k && (!need_year || t->y))
			return i;
	}
	return NPOS;
}

static long days_from_civil(int y, int m, int dd)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, struct ymd *t)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	t->d = (int)(doy - (153 * mp + 2) / 5 + 1);
	t->m = (int)(mp < 10 ? mp + 3 : mp - 9);
	t->y = (int)(y + (t->m <= 2));
}

static char *fmt_date(const struct ymd *t, int with_time)
{
	char buf[32];
	if (with_time && t->hh >= 0)
		snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", t->y, t->m,
			 t->d, t->hh, t->mm);
	else
		snprintf(buf, sizeof buf, "%04d-%02d-%02d", t->y, t->m, t->d);
	return strdup(buf);
}

/* ------------------------------------------------------------------ */
/* Word lists (simplified script; the folded view makes them match either) */

static const char *const agenda_verbs[] = {
	"审议并原则通过了", "研究并原则通过了", "审议并原则同意了",
	"听取和审议了", "听取并审议了", "审议和通过了", "听取和讨论了",
	"学习和传达了", "传达学习了", "集中学习了", "专题学习了", "学习传达了", "传达学习",
	"审议并通过了", "审议通过了", "原则通过了",
	"专题研究了", "研究部署了", "研究讨论了", "讨论研究了", "讨论通过了",
	"讨论并通过了", "听取了", "审议了", "研究了", "讨论了", "传达了",
	"学习了", "通报了", "部署了", "审定了", "审阅了", "观看了", "收看了",
	"集中收看了", "审议通过", "原则通过", "讨论通过", "研究部署", "听取",
	"审议", "研究", "传达", "学习", "审定", "通报",
};

/* Words that may come before an agenda verb at the start of a paragraph. */
static const char *const verb_lead[] = {
	"会议还", "会议并", "会议首先", "会议先后", "会议最后", "会议同时",
	"会议一并", "会议集体", "会议认真", "会议又", "会议也", "会议",
	"会上还", "会上", "会前", "会中还", "会中", "会议中", "与会人员还", "与会人员", "与会同志",
	"还", "并", "首先", "随后", "最后", "同时", "另外", "此外", "会议专题",
};

static const char *const remark_verbs[] = {
	"会议指出", "会议强调", "会议要求", "会议认为", "会议明确", "会议提出",
	"会议号召", "会议决定", "会议同意", "会议研究决定", "会议原则同意",
	"会议还强调", "会议还指出", "会议还要求", "会议最后强调",
};

/* Endings of job titles: the name follows them. */
static const char *const title_ends[] = {
	"长", "书记", "主任", "主席", "委员", "常委", "成员", "领导", "总经理",
	"助理", "专员", "巡视员", "调研员", "总监", "参事", "负责人", "代表",
	"督学", "秘书", "干部", "总师", "局长", "总理", "理事",
};

/* Endings of units (bodies, offices) in attendee and observer lists. */
static const char *const unit_ends[] = {
	"办", "局", "委", "部", "厅", "院", "所", "中心", "公司", "单位",
	"部门", "街道", "乡镇", "政府", "队", "站", "会", "处", "室", "团",
	"组", "行", "社", "馆", "区", "县", "市", "镇", "乡", ")", "庭",
	"监委", "人大", "政协", "集团", "企业", "学校", "医院", "园", "村", "社区",
};

/* Last words of a place name: a body that belongs to a place starts with
 * one (县政府, 旗政府, 街道党工委), the name before it (张家川县). */
static const char *const place_levels[] = {"街道", "县", "区", "市", "旗", "镇", "乡", "州", "盟"};

/* Meeting kinds when no 第N次 separates body from kind. Longest first. */
static const char *const kinds[] = {
	"常务委员会会议", "党组(扩大)会议", "常委(扩大)会议", "全体(扩大)会议",
	"党组扩大会议", "常委扩大会议", "全体扩大会议", "主任办公会议",
	"书记办公会议", "常委会会议", "理论学习中心组学习会议", "常务会议",
	"理论学习中心组(扩大)学习会议", "中心组(扩大)学习会议", "中心组学习会议",
	"党委扩大会议", "党委(扩大)会议", "专题讨论会议",
	"党组会议", "常委会议", "全体会议", "专题会议", "主任会议", "主席会议",
	"办公会议", "联席会议", "调度会议", "推进会议", "协调会议", "工作会议",
	"会议", "周例会", "例会", "碰头会", "办公会", "调度会", "推进会", "座谈会",
	"对接会", "专题会", "常委会",
};

/* A body ending with one of these stems lends it to the kind:
 * 县委常委会 + 会议 → 县委 + 常委会会议. */
static const char *const kind_stems[] = {
	"常委会", "常委", "党组", "全体", "常务委员会", "主任", "主席", "党委", "党工委",
};

static const char *const chair_verbs[] = {
	"主持召开", "主持召集", "主持举行", "主持", "召集召开", "组织召开", "召开", "召集",
};

/* ------------------------------------------------------------------ */
/* String list helpers                                                    */

struct strv {
	char **v;
	size_t n, cap;
};

static int strv_push(struct strv *l, char *s)
{
	if (!s)
		return HY_ERR_NOMEM;
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0) {
			free(s);
			return 0;
		}
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		char **v = realloc(l->v, cap * sizeof *v);
		if (!v) {
			free(s);
			return HY_ERR_NOMEM;
		}
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = s;
	return 0;
}

struct buf {
	char *s;
	size_t n, cap;
};

static int buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->n + n + 1)
			cap *= 2;
		char *p = realloc(b->s, cap);
		if (!p)
			return HY_ERR_NOMEM;
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = 0;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Pass 1: lines                                                          */

struct span {
	size_t a, b;
};

enum line_kind { L_BODY, L_META, L_CHROME, L_BLANK };

/* Markers of byline / metadata lines (publish time, source, editor). */
static const char *const meta_marks[] = {
	"发布于", "发布时间", "发布日期", "发表时间", "发表日期", "更新时间",
	"更新日期", "生成日期", "成文日期", "印发日期", "日期", "时间", "来源",
	"信息来源", "文章来源", "作者", "编辑", "责任编辑", "编审", "审核",
	"校对", "摄影", "记者", "通讯员", "撰稿", "供稿", "索引号", "发布机构",
	"发文机关", "主题分类", "文号", "字体", "【字体", "浏览次数", "浏览", "点击数", "点击",
	"阅读", "访问量", "字号", "分享", "打印", "关闭", "发布人", "稿源",
	"签发", "初审", "复审", "终审", "分类", "体裁", "主题词", "上一篇",
	"请假", "缺席", "记录", "记录人", "抄送", "主送", "印发", "会议记录",
	"下一篇", "相关链接", "附件", "相关新闻", "相关阅读",
};

static const char *const publish_marks[] = {
	"发布于", "发布时间", "发布日期", "发表时间", "发表日期", "更新时间",
	"更新日期", "生成日期", "成文日期", "印发日期", "日期", "时间", "||",
	"发布",
};

static int has_any(const struct doc *d, size_t a, size_t b,
		   const char *const *pats, size_t n)
{
	return find_any(d, a, b, pats, n, NULL) != NPOS;
}

/* A line that is only a date (and time), maybe in brackets. */
static int is_bare_date(const struct doc *d, size_t a, size_t b)
{
	struct ymd t;
	while (a < b && (is_open_bracket(d->cp[a]) || is_space(d->cp[a])))
		a++;
	size_t k = parse_date(d, a, b, &t);
	if (!k || !t.y)
		return 0;
	a += k;
	while (a < b && (is_close_bracket(d->cp[a]) || is_space(d->cp[a])))
		a++;
	if (match(d, a, b, "星期") || match(d, a, b, "周"))
		a += 3;
	while (a < b && (is_close_bracket(d->cp[a]) || is_space(d->cp[a])))
		a++;
	return a >= b;
}

static int is_content_line(const struct doc *d, size_t a, size_t b)
{
	static const char *const content[] = {"主持", "召开", "出席", "列席",
					      "听取", "审议", "研究了"};
	return has_any(d, a, b, content, COUNT(content));
}

static size_t item_marker(const struct doc *d, size_t i, size_t end);

static enum line_kind classify_line(const struct doc *d, size_t a, size_t b, int chinese)
{
	if (a >= b)
		return L_BLANK;
	size_t len = b - a;
	uint32_t c0 = d->cp[a], cz = d->cp[b - 1];
	struct ymd t;
	static const char *const header[] = {"星期", "今天是", "今日是", "欢迎"};
	if (len <= 40 && find_date(d, a, b, &t, 1) != NPOS &&
	    has_any(d, a, b, header, COUNT(header)) &&
	    !has_any(d, a, b, publish_marks, COUNT(publish_marks)))
		return L_CHROME;
	/* 〔2021〕第8期, [2023]12号: a document number */
	if (len <= 24 && (c0 == 0x3014 || c0 == '[' || c0 == 0x3010) &&
	    (ends_with(d, a, b, "号", NULL) || ends_with(d, a, b, "期", NULL)))
		return L_CHROME;
	/* "市人民政府办公室      2021年4月15日": an office and a date */
	if (len <= 60 && !is_content_line(d, a, b) &&
	    clause_end(d, a, b, 1) == b) {
		size_t at = find_date(d, a, b, &t, 1);
		if (at != NPOS && at + parse_date(d, at, b, &t) == b)
			return L_META;
	}
	if (len <= 80 && !is_content_line(d, a, b) &&
	    find_date(d, a, b, &t, 1) != NPOS &&
	    (has_any(d, a, b, publish_marks, COUNT(publish_marks)) || is_bare_date(d, a, b)))
		return L_META;
	/* (图为会议现场) 【责任编辑：王五】: a short line all in brackets */
	if (len <= 40 && is_open_bracket(c0) && is_close_bracket(cz) &&
	    clause_end(d, a, b, 1) >= b - 1 && !is_content_line(d, a, b))
		return L_CHROME;
	if (match(d, a, b, "图为") || match(d, a, b, "图片") ||
	    match(d, a, b, "会议现场")) {
		if (len <= 60)
			return L_CHROME;
	}
	if (len <= 30 && (ends_with(d, a, b, "摄", NULL) ||
			  ends_with(d, a, b, "供图", NULL)))
		return L_CHROME;
	if (len <= 80) { /* 首页 > 新闻中心 > 政务动态 */
		size_t arrows = 0;
		for (size_t i = a; i < b; i++)
			arrows += d->cp[i] == '>' || d->cp[i] == 0xBB || d->cp[i] == 0x2192 ||
				  d->cp[i] == 0x203A;
		if (arrows >= 1 && (match(d, a, b, "首页") || match(d, a, b, "当前位置") ||
				    match(d, a, b, "您的位置") || match(d, a, b, "你的位置") ||
				    match(d, a, b, "位置") || arrows >= 2))
			return L_CHROME;
	}
	/* ?!?/p>, admin, a lone digit: nothing Chinese in a short line */
	if (chinese && len <= 16 && count_han(d, a, b) == 0 &&
	    find_date(d, a, b, &t, 1) == NPOS && !item_marker(d, a, b))
		return L_CHROME;
	if (len > 100 || is_content_line(d, a, b))
		return L_BODY;
	if (is_bare_date(d, a, b))
		return L_META;
	if (match(d, a, b, "||") || match(d, a, b, "|"))
		return L_META;
	/* marker followed by a colon, near the start or after a gap */
	for (size_t i = a; i < b; i++) {
		size_t m = match_any(d, i, b, meta_marks, COUNT(meta_marks), NULL);
		if (!m)
			continue;
		size_t j = skip_spaces(d, i + m, b);
		if (j < b && d->cp[j] == ':' &&
		    (i == a || is_space(d->cp[i - 1]) || is_close_bracket(d->cp[i - 1]) ||
		     is_open_bracket(d->cp[i - 1]) || d->cp[i - 1] == '|'))
			return L_META;
	}
	return L_BODY;
}

/* Numbered item marker at i: 一、 (一) 1. 1、 1) ① 第一 一是. Returns length. */
static size_t item_marker(const struct doc *d, size_t i, size_t end)
{
	long v;
	size_t j = i, k;
	if (j < end && d->cp[j] >= 0x2460 && d->cp[j] <= 0x2473) /* ① */
		return 1;
	int paren = j < end && d->cp[j] == '(';
	if (paren)
		j++;
	if (match(d, j, end, "第"))
		j++;
	if (!(k = parse_num(d, j, end, &v)) || k > 3 || v < 1 || v > 50)
		return 0;
	j += k;
	if (j >= end)
		return 0;
	uint32_t c = d->cp[j];
	if (paren)
		return c == ')' ? j + 1 - i : 0;
	if (c == 0x3001 || c == ')' || c == ',' || (c == '.' && is_digit(d->cp[j - 1]) &&
						  !(j + 1 < end && is_digit(d->cp[j + 1]))))
		return j + 1 - i;
	if (match(d, j, end, "是") && !is_digit(d->cp[i]))
		return j + 1 - i;
	return 0;
}

/* Paragraph-initial agenda verb: returns the index just after the verb and
 * the verb's start in *vstart, or NPOS. Skips an item marker and a lead. */
static size_t agenda_verb_at(const struct doc *d, size_t a, size_t end, size_t *vstart)
{
	size_t i = skip_spaces(d, a, end);
	i += item_marker(d, i, end);
	i = skip_spaces(d, i, end);
	for (int round = 0; round < 2; round++) {
		size_t m = match_any(d, i, end, verb_lead, COUNT(verb_lead), NULL);
		if (!m)
			break;
		i += m;
		if (i < end && d->cp[i] == ',')
			i++;
	}
	size_t m = match_any(d, i, end, agenda_verbs, COUNT(agenda_verbs), NULL);
	if (!m)
		return NPOS;
	/* "会议研究决定，…", "会议学习贯彻…" are not agenda objects */
	static const char *const not_objects[] = {"决定", "认为", "同意", "表示",
						  "贯彻", "指出", "强调"};
	if (match_any(d, i + m, end, not_objects, COUNT(not_objects), NULL))
		return NPOS;
	if (vstart)
		*vstart = i;
	return i + m;
}

static int starts_item(const struct doc *d, size_t a, size_t b)
{
	return agenda_verb_at(d, a, b, NULL) != NPOS || item_marker(d, a, b) > 0;
}

/* A line that cannot continue the one before: it starts with a date
 * ("25日，", "5月11日"), or a label and a colon ("出席：", "列席:"). */
static int starts_new(const struct doc *d, size_t a, size_t b)
{
	struct ymd t;
	long v;
	size_t k = parse_num(d, a, b, &v);
	if (k && (parse_date(d, a, b, &t) || match(d, a + k, b, "日") ||
		  match(d, a + k, b, "号")))
		return 1;
	for (size_t i = a; i < b && i < a + 8; i++) {
		if (d->cp[i] == ':')
			return i > a;
		if (!is_han(d->cp[i]))
			break;
	}
	return 0;
}

/* A line that reads as a title or subtitle: it ends with 会议 or 召开. */
static int ends_heading(const struct doc *d, size_t a, size_t b)
{
	static const char *const ends[] = {"召开", "举行", "会议", "会议召开"};
	for (size_t t = 0; t < COUNT(ends); t++)
		if (ends_with(d, a, b, ends[t], NULL))
			return b - a <= 40;
	return 0;
}

static int ends_paragraph(const struct doc *d, size_t a, size_t b)
{
	if (a >= b)
		return 1;
	uint32_t c = d->cp[b - 1];
	if (c == 0x3002 || c == '!' || c == '?' || c == ';' || c == 0x2026)
		return 1;
	if (is_close_bracket(c) && b - a >= 2) {
		uint32_t p = d->cp[b - 2];
		return p == 0x3002 || p == '!' || p == '?' || c == ')' || c == 0x3011;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Pass 2 helpers: people                                                 */

/* Characters that occur in offices and meeting names but hardly ever in a
 * person's name: they keep 会议, 县委 and 常委会 from being read as names. */
static const char *const not_in_names[] = {
	"议", "届", "次", "召", "府", "局", "办", "县", "省", "镇", "乡", "区",
	"厅", "部", "委", "科", "处", "室", "们", "的",
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
	"随后", "首先", "最后", "同时", "其中", "会上", "会后", "会前", "此外", "另外",
	"今天", "目前", "近日", "组织", "大家", "他们", "我们", "全体", "相关", "有关",
	"以上", "上述", "各位", "分别", "共同", "集体", "并且", "然后", "之后",
};

static int name_ok(const struct doc *d, size_t a, size_t b)
{
	for (size_t w = 0; w < COUNT(not_names); w++)
		if (match(d, a, b, not_names[w]) == b - a)
			return 0;
	size_t n = 0;
	for (size_t i = a; i < b; i++)
		n += !is_invisible(d->cp[i]);
	if (n < 2 || n > 4 || is_invisible(d->cp[a]))
		return 0;
	for (size_t i = a; i < b; i++) {
		if (is_invisible(d->cp[i]))
			continue;
		if (!is_han(d->cp[i]))
			return 0;
		if (match_any(d, i, i + 1, not_in_names, COUNT(not_in_names), NULL))
			return 0;
	}
	return 1;
}

/* Split "role name" [a,b): returns the start of the name, or NPOS. The name
 * is 2–4 Han characters right after a title ending; when there is no title
 * at all, the whole span is the name if it is 2–4 Han characters. */
static size_t split_role_name(const struct doc *d, size_t a, size_t b)
{
	size_t m;
	if (ends_with(d, a, b, "同志", &m))
		b -= m;
	size_t best = NPOS;
	for (size_t p = a + 1; p < b; p++) {
		for (size_t t = 0; t < COUNT(title_ends); t++) {
			size_t tl;
			if (ends_with(d, a, p, title_ends[t], &tl) && name_ok(d, p, b)) {
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
	return NPOS;
}

/* Length of the longest of words that [a,b) ends with (0: none). */
static size_t longest_end(const struct doc *d, size_t a, size_t b,
			  const char *const *words, size_t n)
{
	size_t best = 0, l;
	for (size_t t = 0; t < n; t++)
		if (ends_with(d, a, b, words[t], &l) && l > best)
			best = l;
	return best;
}

/* 县委常委 is a title (常委 beats 委); 县纪委监委 is a unit. */
static int is_title_only(const struct doc *d, size_t a, size_t b)
{
	size_t t = longest_end(d, a, b, title_ends, COUNT(title_ends));
	return t > 0 && t >= longest_end(d, a, b, unit_ends, COUNT(unit_ends));
}

static int is_unit(const struct doc *d, size_t a, size_t b)
{
	size_t u = longest_end(d, a, b, unit_ends, COUNT(unit_ends));
	return u > 0 && u > longest_end(d, a, b, title_ends, COUNT(title_ends));
}

/* One list item: "县领导杨道刚", "黄德庆", "县纪委监委", "县发改委等有关部门负责同志". */
static int add_person(const struct doc *d, size_t a, size_t b, struct strv *out,
		      struct strv *units)
{
	static const char *const tails[] = {
		"分管负责同志", "分管负责人", "分管同志", "分管领导", "和委员",
		"及委员", "主要负责同志", "有关负责同志", "相关负责同志", "负责同志", "负责人",
		"主要负责人", "有关同志", "同志", "出席会议", "列席会议", "参加会议",
		"会议", "出席", "列席", "参加", "的", "分别", "等", "一行", "有关人员",
		"相关人员", "工作人员", "人员", "应邀", "常务",
	};
	static const char *const heads[] = {"以及", "及", "和", "还有", "特邀",
					    "邀请", "其中", "以及"};
	trim(d, &a, &b);
	size_t m;
	for (int again = 1; again && a < b;) {
		again = 0;
		if ((m = match_any(d, a, b, heads, COUNT(heads), NULL)) && b - a > m + 1) {
			a += m;
			again = 1;
		}
		for (size_t t = 0; t < COUNT(tails); t++)
			if (ends_with(d, a, b, tails[t], &m) && b - a > m) {
				b -= m;
				again = 1;
			}
		trim(d, &a, &b);
	}
	/* "樊立群和委员共24人" → cut at 共 + number */
	for (size_t i = a + 1; i + 1 < b; i++)
		if (match(d, i, b, "共") && (is_digit(d->cp[i + 1]) || cn_digit(d->cp[i + 1]) >= 0)) {
			b = i;
			for (size_t t = 0; t < COUNT(tails); t++)
				if (ends_with(d, a, b, tails[t], &m) && b - a > m)
					b -= m;
			break;
		}
	/* "县发改委等有关部门" → cut at 等 */
	size_t deng = find(d, a, b, "等");
	if (deng != NPOS && deng > a + 1)
		b = deng;
	trim(d, &a, &b);
	if (b <= a || count_han(d, a, b) < 2)
		return 0;
	if (b - a > 40)
		return 0; /* not a list item: a sentence */
	if (is_title_only(d, a, b))
		return 0; /* 县委常委 alone: the name is in the next item */
	size_t p = split_role_name(d, a, b);
	if (p != NPOS && p > a)
		return strv_push(out, doc_str(d, p, b));
	if (p == a)
		return strv_push(out, doc_str(d, a, b));
	/* 县财政局, 县直有关部门, 各镇: a unit, never a person */
	if (is_unit(d, a, b) || b - a > 4)
		return strv_push(units, doc_str(d, a, b));
	return 0;
}

/* Split a list [a,b) at 、 , 及 and add each item. */
static int add_people_list(const struct doc *d, size_t a, size_t b, struct strv *out,
			   struct strv *units)
{
	int depth = 0;
	size_t s = a;
	for (size_t i = a; i <= b; i++) {
		uint32_t c = i < b ? d->cp[i] : 0x3001;
		if (i < b && is_open_bracket(c))
			depth++;
		else if (i < b && is_close_bracket(c) && depth > 0)
			depth--;
		size_t m = 0;
		if (depth == 0 && (c == 0x3001 || c == ',' || c == ';' || c == ' ' ||
				   (i < b && (m = match(d, i, b, "以及"))) ||
				   (i < b && (m = match(d, i, b, "及"))))) {
			int rc = add_person(d, s, i, out, units);
			if (rc)
				return rc;
			s = i + (m ? m : 1);
			i = s - 1;
		}
	}
	return 0;
}

/* Attendance in sentence [a,b): "X出席会议", "出席会议的有:X", "出席:X". */
/* Who was there: attendees, observers (列席, and 应邀 guests) and units. */
struct people {
	struct strv att, obs, units;
};

static int people_in_sentence(const struct doc *d, size_t a, size_t b, struct people *pp)
{
	static const char *const keys[] = {"出席", "列席", "参加", "参会", "到会指导"};
	size_t from = a;
	size_t i = a;
	while (i < b) {
		size_t which = 0, m = match_any(d, i, b, keys, COUNT(keys), &which);
		if (!m) {
			i++;
			continue;
		}
		/* 应邀参加 / 应邀列席: a guest, with the observers; 常务列席 */
		size_t lead = i >= a + 2 && (match(d, i - 2, b, "应邀") || match(d, i - 2, b, "常务"))
				      ? 2
				      : 0;
		struct strv *dst = which == 1 || (lead && match(d, i - 2, b, "应邀")) ? &pp->obs
										: &pp->att;
		size_t j = i + m;
		size_t k;
		/* 出席会议的有: / 出席人员: / 出席: → the list follows */
		static const char *const after[] = {"会议的领导有", "会议的人员有",
						    "会议的有", "的有", "人员",
						    "会议人员", "领导", "单位", "会议"};
		size_t j2 = j + match_any(d, j, b, after, COUNT(after), NULL);
		j2 = skip_spaces(d, j2, b);
		if (j2 < b && d->cp[j2] == ':') {
			size_t e = b;
			int rc = add_people_list(d, j2 + 1, e, dst, &pp->units);
			if (rc)
				return rc;
			return 0;
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
			if (has_any(d, c0, c - 1, chair_verbs, COUNT(chair_verbs)) ||
			    find_date(d, c0, c - 1, &(struct ymd){0}, 0) != NPOS) {
				s = c;
				break;
			}
			q = c - 1;
		}
		int rc = add_people_list(d, s, i - lead, dst, &pp->units);
		if (rc)
			return rc;
		/* skip 会议 after the keyword and a separator */
		k = j;
		if (match(d, k, b, "了"))
			k++;
		if (match(d, k, b, "会议"))
			k += 2;
		while (k < b && (d->cp[k] == ',' || is_space(d->cp[k])))
			k++;
		from = k;
		i = k > i ? k : i + 1;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Pass 2: the opening paragraph                                          */

struct meta {
	struct ymd pub;
	int has_pub;
};

/* The chairing clause in [a,b): fill chair and role. */
static int find_chair(const struct doc *d, size_t a, size_t b, struct hy_meeting *m)
{
	size_t vlen;
	size_t v = find_any(d, a, b, chair_verbs, 4, &vlen); /* 主持… */
	if (v == NPOS)
		v = find_any(d, a, b, chair_verbs, COUNT(chair_verbs), &vlen);
	if (v == NPOS)
		return 0;
	/* clause start */
	size_t s = v;
	while (s > a && !is_clause_end(d, s - 1) && d->cp[s - 1] != ' ')
		s--;
	/* the span ends at a date, 于/在 + place/time, or the verb */
	size_t e = v;
	for (size_t i = s; i < v; i++) {
		struct ymd t;
		if ((is_digit(d->cp[i]) || cn_digit(d->cp[i]) >= 0) && i > s &&
		    parse_date(d, i, v, &t)) {
			e = i;
			break;
		}
		if (i > s + 1 && (match(d, i, v, "在") ||
				  (match(d, i, v, "于") && i + 1 < v &&
				   (is_digit(d->cp[i + 1]) || cn_digit(d->cp[i + 1]) >= 0 ||
				    match(d, i + 1, v, "今") || match(d, i + 1, v, "昨") ||
				    match(d, i + 1, v, "近") || match(d, i + 1, v, "上午") ||
				    match(d, i + 1, v, "下午"))))) {
			e = i;
			break;
		}
		if (i > s + 1 && (match(d, i, v, "上午") || match(d, i, v, "下午"))) {
			e = i;
			break;
		}
	}
	/* strip a leading date, 会议由 / 由, 受…委托 */
	struct ymd t;
	size_t k;
	if ((k = parse_date(d, s, e, &t)))
		s += k;
	size_t w = find(d, s, e, "委托");
	if (w != NPOS)
		s = w + 2;
	if ((k = match(d, s, e, "会议由")) || (k = match(d, s, e, "由")))
		s += k;
	trim(d, &s, &e);
	if (e <= s)
		return 0;
	size_t p = split_role_name(d, s, e);
	/* 会议由镇党委尚金楼主持: an office, then the name */
	for (size_t q = e >= s + 2 ? e - 2 : s; p == NPOS && q + 4 >= e && q > s + 1; q--)
		if (name_ok(d, q, e) && is_unit(d, s, q))
			p = q;
	if (p == NPOS)
		return 0;
	/* 召开 without 主持: "市府今日召开…" names no one; a chair needs a title */
	if (p == s && !match(d, v, b, "主持"))
		return 0;
	size_t ne = e;
	if (ends_with(d, p, e, "同志", &k))
		ne -= k;
	m->chair = doc_str(d, p, ne);
	if (!m->chair)
		return HY_ERR_NOMEM;
	if (p > s) {
		m->chair_role = doc_str(d, s, p);
		if (!m->chair_role)
			return HY_ERR_NOMEM;
	}
	return 0;
}

/* Short names of meetings that do without 会议 (县长周例会, 市长碰头会). */
static const char *const short_meetings[] = {"周例会", "例会", "碰头会", "办公会", "调度会",
					     "推进会", "座谈会", "对接会", "专题会"};

/* The word naming a meeting: 会议 (not 会议室, 会议厅, 会议中心, nor
 * 召开会议), or one of short_meetings not followed by 议. Returns its
 * start and its length in *len, or NPOS. */
static size_t find_meeting_word(const struct doc *d, size_t from, size_t end, size_t *len)
{
	/* 会议室, 会议精神, 在…会议上的讲话: no meeting of this readout */
	static const char *const rooms[] = {"室", "厅", "中心", "楼", "大厅", "精神", "上"};
	static const char *const verbs[] = {"主持", "出席", "列席", "参加", "参会",
					    "召开", "举行", "学习", "传达"};
	for (size_t i = from; i + 1 < end; i++) {
		size_t k;
		if (match(d, i, end, "会议")) {
			int bare_verb = 0;
			for (size_t v = 0; v < COUNT(verbs) && i >= from + 2; v++)
				bare_verb |= match(d, i - 2, end, verbs[v]) == 2;
			/* 中心组(扩大)学习会议 is a meeting's name */
			if (bare_verb && i >= from + 3 && match(d, i - 2, end, "学习") &&
			    (d->cp[i - 3] == ')' || match(d, i - 3, end, "组")))
				bare_verb = 0;
			if (!match_any(d, i + 2, end, rooms, COUNT(rooms), NULL) && !bare_verb) {
				*len = 2;
				return i;
			}
		} else if ((k = match_any(d, i, end, short_meetings, COUNT(short_meetings),
					  NULL)) &&
			   !match(d, i + k, end, "议")) {
			*len = k;
			return i;
		} else if (match(d, i, end, "常委会") &&
			   (i + 3 == end || d->cp[i + 3] == ',' || is_sent_end(d, i + 3))) {
			*len = 3; /* 主持召开区委常委会，… */
			return i;
		}
	}
	return NPOS;
}

static int span_eq(const struct doc *d, size_t a, size_t b, const char *s)
{
	return match(d, a, b, s) == b - a && b > a;
}

/* Meeting name in [a,b) ending in 会议: body, number, kind. */
static int meeting_name(const struct doc *d, size_t a, size_t b, struct hy_meeting *m)
{
	size_t wlen = 0, end = find_meeting_word(d, a, b, &wlen);
	if (end == NPOS)
		return 0;
	end += wlen;
	size_t cv = find_any(d, a, end, chair_verbs, COUNT(chair_verbs), NULL);
	/* the name starts after the last verb or separator before it */
	size_t s = a;
	for (size_t i = a; i < end; i++) {
		size_t k = match_any(d, i, end, chair_verbs, COUNT(chair_verbs), NULL);
		static const char *const seps[] = {"举行", "召开", "参加", "出席", "了",
						   "在", "日", "号"};
		if (!k)
			k = match_any(d, i, end, seps, COUNT(seps), NULL);
		if (k) {
			s = i + k;
			i += k - 1;
		} else if (is_clause_end(d, i) ||
			   (is_space(d->cp[i]) && !(i > a && is_digit(d->cp[i - 1])) &&
			    !(i + 1 < end && is_digit(d->cp[i + 1])))) {
			s = i + 1;
		}
	}
	if (end - s < 2)
		return 0;
	/* 2024年区政府第16次…: the year is no part of the body */
	{
		size_t y = s;
		while (y < end && is_digit(d->cp[y]))
			y++;
		if (y - s == 4 && match(d, y, end, "年")) {
			y += match(d, y, end, "年度") ? 2 : 1;
			if (end - y >= 2)
				s = y;
		}
	}
	/* 第N次 / N次 with optional 2020年 and 十六届 before */
	size_t body_end = NPOS, kind_start = NPOS;
	long number = 0;
	for (size_t i = s; i < end; i++) {
		size_t j = i;
		if (match(d, j, end, "第"))
			j = skip_spaces(d, j + 1, end);
		long v;
		size_t k = parse_num(d, j, end, &v);
		if (!k)
			continue;
		size_t q = skip_spaces(d, j + k, end);
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
				y = be - yl;
				while (y > bs && (is_digit(d->cp[y - 1]) || cn_digit(d->cp[y - 1]) >= 0))
					y--;
				if (y < be - yl) {
					be = y;
					again = 1;
				}
			}
			if (be > bs && (ends_with(d, bs, be, "届", NULL))) {
				y = be - 1;
				while (y > bs && (is_digit(d->cp[y - 1]) || cn_digit(d->cp[y - 1]) >= 0 ||
						  cn_unit(d->cp[y - 1])))
					y--;
				if (y < be - 1) {
					be = y;
					again = 1;
				}
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
		static const char *const heads[] = {"办公会", "周例会", "例会", "碰头会"};
		if (match_any(d, ks, end, heads, COUNT(heads), NULL) && ks >= s + 2 &&
		    match(d, ks - 1, end, "长"))
			ks -= 2;
		be = ks;
	}
	/* 2026年第1次旗政府常务会议, 五届104次区政府常务会议: the body
	 * comes after the number */
	if (kind_start != NPOS && count_han(d, bs, be) == 0) {
		static const char *const levels[] = {"县", "区", "市", "旗", "镇", "乡", "街道"};
		static const char *const organ[] = {"人民政府", "政府", "党委", "党工委", "委"};
		size_t l = match_any(d, ks, ke, levels, COUNT(levels), NULL);
		size_t o = l ? match_any(d, ks + l, ke, organ, COUNT(organ), NULL) : 0;
		if (o && ke - (ks + l + o) >= 3) {
			bs = ks;
			be = ks + l + o;
			ks = be;
		}
	}
	/* 县十六届第9次政府常务会议: the level before the number, the organ
	 * after it */
	size_t organ_after = 0;
	if (kind_start != NPOS && be == bs + 1 &&
	    match_any(d, bs, be, place_levels, COUNT(place_levels), NULL)) {
		static const char *const organ2[] = {"人民政府", "政府"};
		organ_after = match_any(d, ks, ke, organ2, COUNT(organ2), NULL);
		if (organ_after && ke - (ks + organ_after) >= 2)
			ks += organ_after;
		else
			organ_after = 0;
	}
	/* 市政会议: a bare 会议 with no number names no body, but 镇党委会议
	 * names the 镇党委 */
	static const char *const party_organs[] = {"党委", "党工委"};
	int party = be > bs + 2 && be - bs <= 10 &&
		    longest_end(d, bs, be, party_organs, COUNT(party_organs)) > 0;
	if (kind_start == NPOS && span_eq(d, ks, ke, "会议") && !party) {
		m->kind = doc_str(d, s, end);
		return m->kind ? 0 : HY_ERR_NOMEM;
	}
	/* body stem moves to the kind: 县委常委会 + 会议 → 县委 + 常委会会议 */
	int kind_bare = span_eq(d, ks, ke, "会议");
	size_t stem = 0;
	if (kind_bare) {
		for (size_t t = 0; t < COUNT(kind_stems); t++) {
			size_t sl;
			if (ends_with(d, bs, be, kind_stems[t], &sl) && sl > stem)
				stem = sl;
		}
	}
	/* 县人大常委会 + 会议: the body keeps its 常委会, the kind gets it too */
	int keep_stem = stem && (ends_with(d, bs, be - stem, "人大", NULL) ||
				 ends_with(d, bs, be - stem, "政协", NULL) || party);
	struct buf kind = {0}, body = {0};
	int rc = 0;
	/* body without any "N届" inside */
	for (size_t i = bs; i < (keep_stem ? be : be - stem) && !rc; i++) {
		if (is_digit(d->cp[i]) || cn_digit(d->cp[i]) >= 0 || cn_unit(d->cp[i])) {
			size_t j = i;
			while (j < be && (is_digit(d->cp[j]) || cn_digit(d->cp[j]) >= 0 || cn_unit(d->cp[j])))
				j++;
			if (j < be && match(d, j, be, "届")) {
				i = j;
				continue;
			}
		}
		rc = buf_add(&body, d->s + d->off[i], d->off[i + 1] - d->off[i]);
	}
	if (!rc && organ_after)
		rc = buf_add(&body, d->s + d->off[ks - organ_after],
			     d->off[ks] - d->off[ks - organ_after]);
	if (!rc && stem)
		rc = buf_add(&kind, d->s + d->off[be - stem], d->off[be] - d->off[be - stem]);
	if (!rc)
		rc = buf_add(&kind, d->s + d->off[ks], d->off[ke] - d->off[ks]);
	if (rc) {
		free(kind.s);
		free(body.s);
		return rc;
	}
	/* a body is an office: 县政府, 县委, 县人大常委会, 云潭县; what else
	 * stands there is a topic (城镇燃气安全专项整治专题会议) */
	int body_ok = 0;
	if (body.n > 0 && body.n <= 60) {
		struct doc bd;
		if (doc_init(&bd, body.s, body.n) == 0) {
			body_ok = is_unit(&bd, 0, bd.n) && !match(&bd, 0, bd.n, "关于");
			doc_free(&bd);
		}
	}
	if (body_ok) {
		m->body = body.s;
	} else {
		free(body.s);
		/* 市政府召开五届104次常务会议: the body stands before the verb */
		if (cv != NPOS && cv < s) {
			size_t c0 = cv;
			while (c0 > a && !is_clause_end(d, c0 - 1) && !is_space(d->cp[c0 - 1]))
				c0--;
			/* 东安路街道党工委在鸿翔社区会议室召开: the body before 在 */
			size_t zai = find(d, c0, cv, "在");
			if (zai != NPOS && zai > c0 + 1)
				cv = zai;
			if (cv - c0 >= 2 && cv - c0 <= 12 && is_unit(d, c0, cv) &&
			    count_han(d, c0, cv) == cv - c0 && !is_title_only(d, c0, cv)) {
				m->body = doc_str(d, c0, cv);
				if (!m->body) {
					free(kind.s);
					return HY_ERR_NOMEM;
				}
			}
		}
	}
	m->kind = kind.s;
	m->number = number > 0 && number < 100000 ? (int)number : 0;
	/* 县长办公会议, 市长碰头会 are the 县政府's: body X政府 */
	static const char *const heads_of[] = {"县长", "区长", "市长", "旗长", "镇长", "乡长"};
	int bare_place = 0; /* 云潭县召开…县长办公会议: the body said is a place */
	if (m->body) {
		struct doc bd;
		if (doc_init(&bd, m->body, strlen(m->body)) == 0) {
			size_t l0 = longest_end(&bd, 0, bd.n, place_levels, COUNT(place_levels));
			bare_place = l0 > 0 && bd.n > l0;
			doc_free(&bd);
		}
	}
	if ((!m->body || bare_place) &&
	    match_any(d, ks, ke, heads_of, COUNT(heads_of), NULL) == 2 && ke - ks >= 4) {
		free(m->body);
		m->body = NULL;
		struct buf g = {0};
		if (buf_add(&g, d->s + d->off[ks], d->off[ks + 1] - d->off[ks]) ||
		    buf_add(&g, "政府", strlen("政府")))
			return HY_ERR_NOMEM;
		m->body = g.s;
	}
	return 0;
}

/* A year written as "2023年" or an ROC "一一五年度" in [a,b), or 0. */
static int sentence_year(const struct doc *d, size_t a, size_t b)
{
	for (size_t i = a + 1; i < b; i++) {
		if (!match(d, i, b, "年"))
			continue;
		size_t j = i;
		while (j > a && (is_digit(d->cp[j - 1]) || cn_digit(d->cp[j - 1]) >= 0))
			j--;
		long v;
		size_t k = parse_num(d, j, i, &v);
		if (k == i - j && k >= 2) {
			int y = year_value(v, k, k == 3 || !is_digit(d->cp[j]));
			if (y)
				return y;
		}
	}
	return 0;
}

/* Set m's date (when t has a year) or its month and day alone. */
static int set_date(struct hy_meeting *m, const struct ymd *t, enum hy_date_basis basis)
{
	char md[8];
	snprintf(md, sizeof md, "%02d-%02d", t->m, t->d);
	free(m->month_day);
	m->month_day = strdup(md);
	if (!m->month_day)
		return HY_ERR_NOMEM;
	if (!t->y)
		return 0;
	m->date = fmt_date(t, 0);
	if (!m->date)
		return HY_ERR_NOMEM;
	m->date_basis = basis;
	return 0;
}

/* The meeting date from [a,b) (opening paragraph, else title). */
static int meeting_date(const struct doc *d, size_t a, size_t b, const struct meta *mt,
			struct hy_meeting *m)
{
	struct ymd t;
	size_t first_sent = clause_end(d, a, b, 1);
	size_t at = find_date(d, a, first_sent, &t, 0);
	if (at == NPOS)
		at = find_date(d, a, b, &t, 0);
	if (at == NPOS) {
		/* day only at the start: "25日，" / "18號" */
		long v;
		size_t i = skip_spaces(d, a, b), k = parse_num(d, i, b, &v);
		/* 33日 for 3月3日, 1030日 for 10月30日: a slip a reader resolves
		 * by the publish date */
		if (k >= 2 && k <= 4 && v > 31 && mt->has_pub && is_digit(d->cp[i]) &&
		    (match(d, i + k, b, "日") || match(d, i + k, b, "号"))) {
			struct ymd best = {0};
			long best_gap = 0;
			for (size_t ml = 1; ml <= 2 && ml < k; ml++) {
				long div = ml == k - 1 ? 10 : 100;
				struct ymd c = {mt->pub.y, (int)(v / div), (int)(v % div), 0, 0};
				if (k - ml > 2 || !ymd_valid(&c))
					continue;
				long gap = days_from_civil(mt->pub.y, mt->pub.m, mt->pub.d) -
					   days_from_civil(c.y, c.m, c.d);
				if (gap < -7) { /* a December meeting published in January */
					c.y--;
					gap = days_from_civil(mt->pub.y, mt->pub.m, mt->pub.d) -
					      days_from_civil(c.y, c.m, c.d);
				}
				if (!best.m || gap < best_gap) {
					best = c;
					best_gap = gap;
				}
			}
			if (best.m)
				return set_date(m, &best, HY_DATE_BASIS_PUBLISH);
		}
		if (k && (match(d, i + k, b, "日") || match(d, i + k, b, "号")) && v >= 1 &&
		    v <= 31 && mt->has_pub) {
			t = mt->pub;
			if (v > t.d + 2) {
				t.m--;
				if (t.m == 0) {
					t.m = 12;
					t.y--;
				}
			}
			t.d = (int)v;
			if (!ymd_valid(&t))
				return 0;
			return set_date(m, &t, HY_DATE_BASIS_PUBLISH);
		}
		/* relative days */
		static const char *const rel[] = {"今天", "今日", "昨天", "昨日", "前天",
						  "近日", "日前", "近期"};
		size_t which;
		for (size_t i2 = a; i2 < first_sent; i2++) {
			if (!match_any(d, i2, first_sent, rel, COUNT(rel), &which))
				continue;
			if (which >= 5 || !mt->has_pub)
				return 0;
			long back = which < 2 ? 0 : which < 4 ? 1 : 2;
			long z = days_from_civil(mt->pub.y, mt->pub.m, mt->pub.d) - back;
			civil_from_days(z, &t);
			return set_date(m, &t, HY_DATE_BASIS_PUBLISH);
		}
		return 0;
	}
	enum hy_date_basis basis = HY_DATE_BASIS_TEXT;
	if (!t.y && !mt->has_pub) {
		/* no publish date: a year named in the same sentence
		 * (一一五年度第1次縣務會議, 2023年第5次) still places it */
		t.y = sentence_year(d, a, first_sent);
		if (!t.y) {
			/* no year anywhere in the text: the month and day stay */
			struct ymd leap = t;
			leap.y = 2000;
			return ymd_valid(&leap) ? set_date(m, &t, basis) : 0;
		}
		if (!ymd_valid(&t))
			return 0;
	}
	if (!t.y) {
		basis = HY_DATE_BASIS_PUBLISH;
		t.y = mt->pub.y;
		/* a December meeting published in January */
		long md = days_from_civil(t.y, t.m, t.d > days_in_month(t.y, t.m) ? 28 : t.d);
		long pd = days_from_civil(mt->pub.y, mt->pub.m, mt->pub.d);
		if (md > pd + 7)
			t.y--;
		if (!ymd_valid(&t))
			return 0;
	}
	return set_date(m, &t, basis);
}

/* ------------------------------------------------------------------ */
/* Sections                                                              */

struct sections {
	struct hy_section *v;
	size_t n, cap;
};

static int section_add(struct sections *ss, char *heading, char *text)
{
	if (!heading || !text) {
		free(heading);
		free(text);
		return HY_ERR_NOMEM;
	}
	if (ss->n == ss->cap) {
		size_t cap = ss->cap ? ss->cap * 2 : 8;
		struct hy_section *v = realloc(ss->v, cap * sizeof *v);
		if (!v) {
			free(heading);
			free(text);
			return HY_ERR_NOMEM;
		}
		ss->v = v;
		ss->cap = cap;
	}
	ss->v[ss->n].n = (int)ss->n + 1;
	ss->v[ss->n].heading = heading;
	ss->v[ss->n].text = text;
	ss->n++;
	return 0;
}

/* "(会议)(还)对|就 X 进行了|作了 …": returns X's start, *xe its end. */
static size_t dui_object(const struct doc *d, size_t a, size_t b, size_t *xe)
{
	static const char *const preps[] = {"对", "就"};
	static const char *const did[] = {"进行了", "作了", "作出了", "做了", "进行"};
	size_t i = skip_spaces(d, a, b);
	i += item_marker(d, i, b);
	for (int round = 0; round < 2; round++) {
		size_t m = match_any(d, i, b, verb_lead, COUNT(verb_lead), NULL);
		if (!m)
			break;
		i += m;
	}
	size_t m = match_any(d, i, b, preps, COUNT(preps), NULL);
	if (!m || i == skip_spaces(d, a, b))
		return NPOS; /* a bare 对… is no agenda item */
	size_t s = i + m, e = clause_end(d, s, b, 0);
	size_t k = find_any(d, s, e, did, COUNT(did), NULL);
	if (k == NPOS || k == s)
		return NPOS;
	*xe = k;
	return s;
}

/* Heading of an item [a,b): object of its opening verb, cut at the first
 * clause end; else its first clause. */
static char *heading_of(const struct doc *d, size_t a, size_t b)
{
	size_t v = agenda_verb_at(d, a, b, NULL);
	size_t s, e;
	/* "会议还对其他事项进行了研究" / "会议就X进行了专题研究": X */
	size_t o = dui_object(d, a, b, &e);
	if (v == NPOS && o != NPOS)
		return doc_str(d, o, e);
	if (v != NPOS) {
		s = v;
		while (s < b && (d->cp[s] == ':' || is_space(d->cp[s])))
			s++;
		e = clause_end(d, s, b, 0);
		if (e > s) {
			trim(d, &s, &e);
			return doc_str(d, s, e);
		}
	}
	s = skip_spaces(d, a, b);
	s += item_marker(d, s, b);
	e = clause_end(d, s, b, 0);
	if (e == s) /* "会上，…" */
		e = clause_end(d, s + 1, b, 0);
	trim(d, &s, &e);
	if (e - s > 60)
		e = s + 60;
	return doc_str(d, s, e);
}

static int is_remark(const struct doc *d, size_t a, size_t b)
{
	size_t i = skip_spaces(d, a, b);
	return match_any(d, i, b, remark_verbs, COUNT(remark_verbs), NULL) > 0;
}

/* Split a paragraph into items: at ；/。 followed by (会议)(还) + agenda verb. */
static int add_items(const struct doc *d, size_t a, size_t b, struct sections *ss)
{
	size_t s = a;
	for (size_t i = a; i <= b; i++) {
		int cut = i == b;
		size_t next = i + 1;
		if (!cut && (d->cp[i] == ';' || d->cp[i] == 0x3002)) {
			size_t j = skip_spaces(d, i + 1, b);
			size_t vs, ve = j < b ? agenda_verb_at(d, j, b, &vs) : NPOS;
			/* after 。 only a full "会议…了" (or 会议还…) starts an item:
			 * "会议原则通过该草案" continues the one before */
			int strong = ve != NPOS && (d->cp[ve - 1] == 0x4E86 /* 了 */ ||
						    find(d, j, vs, "还") != NPOS);
			if (ve != NPOS &&
			    (d->cp[i] == ';' ||
			     (match(d, j, b, "会议") && strong) || item_marker(d, j, b))) {
				/* a bare verb after 。 continues the sentence's subject;
				 * only ；-lists and 会议… sentences start new items */
				cut = 1;
				next = j;
			}
		}
		if (!cut)
			continue;
		size_t e = i < b ? i + 1 : b;
		if (i < b && d->cp[i] == ';')
			e = i + 1;
		size_t ts = s, te = e;
		trim(d, &ts, &te);
		if (te > ts) {
			int rc = section_add(ss, heading_of(d, ts, te), doc_str(d, ts, te));
			if (rc)
				return rc;
		}
		s = next;
		i = next - 1;
	}
	return 0;
}

static int append_text(struct hy_section *sec, const struct doc *d, size_t a, size_t b)
{
	size_t old = strlen(sec->text), add = d->off[b] - d->off[a];
	char *t = realloc(sec->text, old + add + 2);
	if (!t)
		return HY_ERR_NOMEM;
	t[old] = '\n';
	memcpy(t + old + 1, d->s + d->off[a], add);
	t[old + 1 + add] = 0;
	sec->text = t;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Entry point                                                            */

/* The text cut at every '\n' (lines; blank ones kept, as empty spans), or
 * with paragraphs = 1 at every "\n\n" (paragraphs; blank ones dropped).
 * Each span is trimmed. NULL when out of memory. */
static struct span *split_spans(const struct doc *d, int paragraphs, size_t *n)
{
	size_t cap = 16, k = 0, step = paragraphs ? 2 : 1;
	struct span *v = malloc(cap * sizeof *v);
	if (!v)
		return NULL;
	for (size_t i = 0, s = 0; i <= d->n; i++) {
		if (i < d->n && !(d->cp[i] == '\n' &&
				  (!paragraphs || (i + 1 < d->n && d->cp[i + 1] == '\n'))))
			continue;
		if (k == cap) {
			cap *= 2;
			struct span *nv = realloc(v, cap * sizeof *v);
			if (!nv) {
				free(v);
				return NULL;
			}
			v = nv;
		}
		v[k].a = s;
		v[k].b = i;
		trim(d, &v[k].a, &v[k].b);
		if (!paragraphs || v[k].b > v[k].a)
			k++;
		s = i + step;
		i += step - 1;
	}
	*n = k;
	return v;
}

/* A long single line that holds a whole article: split it at wide gaps
 * (spaces between non-digits, or after a time) into pseudo-lines. */
static int split_article_line(const struct doc *d, struct span l, struct buf *out)
{
	size_t s = l.a;
	for (size_t i = l.a; i < l.b; i++) {
		if (!is_space(d->cp[i]))
			continue;
		size_t j = i;
		while (j < l.b && is_space(d->cp[j]))
			j++;
		int keep = 0;
		if (i > l.a && j < l.b && is_digit(d->cp[i - 1]) && is_digit(d->cp[j])) {
			struct ymd t = {0};
			keep = parse_time(d, j, l.b, &t) > 0; /* date␠time */
		}
		if (i > l.a && j < l.b && d->cp[i - 1] < 0x80 && d->cp[j] < 0x80 &&
		    !is_digit(d->cp[j]))
			keep = 1; /* Latin words */
		if (!keep) {
			if (buf_add(out, d->s + d->off[s], d->off[i] - d->off[s]) ||
			    buf_add(out, "\n", 1))
				return HY_ERR_NOMEM;
			s = j;
		}
		i = j - 1;
	}
	if (buf_add(out, d->s + d->off[s], d->off[l.b] - d->off[s]) || buf_add(out, "\n", 1))
		return HY_ERR_NOMEM;
	return 0;
}

static int publish_rank(const struct doc *d, struct span l, int before_title,
			struct ymd *t)
{
	size_t at = find_date(d, l.a, l.b, t, 1);
	if (at == NPOS)
		return 0;
	static const char *const header[] = {"星期", "今天是", "今日是", "欢迎"};
	if (has_any(d, l.a, l.b, header, COUNT(header)) &&
	    !has_any(d, l.a, l.b, publish_marks, COUNT(publish_marks) - 1))
		return 0;
	if (has_any(d, l.a, at, publish_marks, COUNT(publish_marks)))
		return 4;
	if (before_title)
		return 1;
	if (is_bare_date(d, l.a, l.b))
		return 3;
	return 2;
}

static int parse_body(const struct doc *d, const struct meta *mt, struct hy_meeting *m);

/* What the opening paragraph did not say, the title may: 县长张三主持召开
 * 县政府第5次常务会议, 2024年5月11日县政府召开… */
static int from_title(struct hy_meeting *m, const struct meta *mt)
{
	struct doc t;
	int rc = doc_init(&t, m->title, strlen(m->title));
	if (rc)
		return rc;
	if (!m->kind || !m->body) {
		struct hy_meeting n = {0};
		rc = meeting_name(&t, 0, t.n, &n);
		/* fill only what the opening left unknown, and only when the
		 * title speaks of the same meeting */
		if (!rc && n.kind && (!m->kind || strcmp(n.kind, m->kind) == 0) &&
		    (!m->number || n.number == m->number)) {
			if (!m->body) {
				m->body = n.body;
				n.body = NULL;
			}
			if (!m->kind) {
				m->kind = n.kind;
				m->number = n.number;
				n.kind = NULL;
			}
		}
		hy_meeting_free(&n);
	}
	if (!rc && !m->chair)
		rc = find_chair(&t, 0, t.n, m);
	if (!rc && !m->date) {
		struct ymd y;
		if (find_date(&t, 0, t.n, &y, 0) != NPOS)
			rc = meeting_date(&t, 0, t.n, mt, m);
	}
	doc_free(&t);
	return rc;
}

/* ------------------------------------------------------------------ */
/* The body's place                                                       */

/* What follows a level in a body: the organ. */
static const char *const organs[] = {"人民政府", "政府", "党工委", "党委", "委", /* proper */
				     "人大", "政协", "办事处", "长办公会", "常务会", "党组"};
/* Words a place name cannot hold: verbs, pronouns and numbers before a
 * body (主持召开县政府, 全县, 十六届县人民政府). */
static const char *const not_place[] = {
	"召开", "主持", "举行", "召集", "出席", "参加", "列席", "全", "本", "我", "该", "各",
	"了", "在", "的", "和", "及", "与", "日", "年", "届", "次", "第", "由", "为", "对",
	"副", "长", "记", "任", "员", "委", "府", "会", "议", "上", "下", "午", "前", "后",
	"向", "以", "经", "按", "将", "把", "从", "到", "给", "请", "同", "并", "使", "报",
	"是", "就", "等",
};

/* A place name ending at [.., e) of t: 1 to 4 Han characters before the
 * level, after a boundary (not Han, the start, or a word a place cannot
 * hold: 主持召开柏溪县政府). Returns its start, or e when there is none. */
static size_t place_start(const struct doc *t, size_t e)
{
	size_t j = e;
	while (j > 0 && e - j < 5 && is_han(t->cp[j - 1]))
		j--;
	int bounded = j == 0 || !is_han(t->cp[j - 1]);
	for (size_t i = j; i < e; i++) {
		size_t k = match_any(t, i, e, not_place, COUNT(not_place), NULL);
		if (k) {
			j = i + k;
			bounded = 1;
			i = j - 1;
		}
	}
	if (!bounded || e - j > 4)
		return e;
	return j;
}

/* In s: a place and the body after it, as 柏溪县政府 → 柏溪县 + 县政府.
 * With want_level, only that level. 0 and *place set (or left NULL), or
 * HY_ERR_NOMEM. */
static int place_in(const char *s, size_t slen, const char *want_level, size_t min_len,
		    char **place, size_t *body_at)
{
	struct doc t;
	int rc = doc_init(&t, s, slen);
	if (rc)
		return rc;
	for (size_t i = 1; i < t.n && !*place; i++) {
		size_t which, l = match_any(&t, i, t.n, place_levels, COUNT(place_levels), &which);
		if (!l || (want_level && *want_level && !match(&t, i, t.n, want_level)))
			continue;
		/* 柏溪县政府, or 东垣区召开区政府… when the level is wanted */
		static const char *const verbs[] = {"召开", "召集", "举行"};
		/* outside the title only the organs proper: 提交县人大 is no place */
		if (!match_any(&t, i + l, t.n, organs, COUNT(organs), NULL) &&
		    !(want_level && match_any(&t, i + l, t.n, verbs, COUNT(verbs), NULL)))
			continue;
		size_t j = place_start(&t, i);
		if (j == i || i - j < min_len)
			continue;
		/* outside the title a place opens a clause (，清水县政府县长…) */
		if (min_len > 1 && j > 0 && is_han(t.cp[j - 1]))
			continue;
		*place = doc_str(&t, j, i + l);
		if (!*place)
			rc = HY_ERR_NOMEM;
		if (body_at)
			*body_at = t.off[i];
	}
	doc_free(&t);
	return rc;
}

/* The place of m's body: from the body itself (柏溪县政府: the body is
 * then 县政府), else from the title, the opening or the text. */
static int find_place(struct hy_meeting *m, const char *text, size_t len)
{
	if (!m->body) /* 三道通镇召开党委政府工作会议 */
		return m->title ? place_in(m->title, strlen(m->title), "", 1, &m->place, NULL) : 0;
	size_t at = 0;
	int rc = place_in(m->body, strlen(m->body), NULL, 1, &m->place, &at);
	if (!rc && !m->place) { /* the body is a place alone: 青岚县 */
		struct doc b0;
		if ((rc = doc_init(&b0, m->body, strlen(m->body))))
			return rc;
		size_t l0 = 0;
		for (size_t t = 0; t < COUNT(place_levels) && !l0; t++)
			ends_with(&b0, 0, b0.n, place_levels[t], &l0);
		if (l0 && b0.n > l0 && place_start(&b0, b0.n - l0) == 0) {
			m->place = strdup(m->body);
			rc = m->place ? 0 : HY_ERR_NOMEM;
		}
		doc_free(&b0);
		if (rc || m->place)
			return rc;
	}
	if (rc || m->place) {
		if (!rc && at) {
			memmove(m->body, m->body + at, strlen(m->body + at) + 1);
		}
		return rc;
	}
	/* the level the body starts with */
	struct doc b;
	if ((rc = doc_init(&b, m->body, strlen(m->body))))
		return rc;
	size_t which, l = match_any(&b, 0, b.n, place_levels, COUNT(place_levels), &which);
	doc_free(&b);
	if (!l) /* 党委政府: any level, in the title */
		return m->title ? place_in(m->title, strlen(m->title), "", 1, &m->place, NULL) : 0;
	const char *level = place_levels[which];
	if (m->title && (rc = place_in(m->title, strlen(m->title), level, 1, &m->place, NULL)))
		return rc;
	if (!m->place && m->summary &&
	    (rc = place_in(m->summary, strlen(m->summary), level, 2, &m->place, NULL)))
		return rc;
	if (!m->place) { /* the first lines are enough (and cheap) */
		while (len > 4096 || (len > 0 && len < 4096 &&
				      ((unsigned char)text[len] & 0xC0) == 0x80))
			len = len > 4096 ? 4096 : len - 1;
		rc = place_in(text, len, level, 2, &m->place, NULL);
	}
	return rc;
}

/* A title for a page that has none, from what the text says: place,
 * body, number, kind and the day (柏溪县政府第19次常务会议 4月18日); left
 * NULL when the text names no meeting. Marked HY_GUESSED_TITLE. */
static int compose_title(struct hy_meeting *m)
{
	if (!m->body && !m->kind && !m->month_day && !m->chair)
		return 0;
	const char *place = m->place ? m->place : "";
	const char *body = m->body ? m->body : "";
	/* 清水县 + 县政府 → 清水县政府 */
	size_t pl = strlen(place), cl = 0;
	if (pl && *body) {
		uint32_t a, b;
		size_t n = hy_utf8_decode(body, strlen(body), &b);
		const char *p = place + pl;
		do
			p--;
		while (p > place && ((unsigned char)*p & 0xC0) == 0x80);
		hy_utf8_decode(p, (size_t)(place + pl - p), &a);
		if (a == b || (hy_fold_cp(a) == hy_fold_cp(b)))
			cl = n;
	}
	char num[24] = "", day[24] = "";
	if (m->number > 0)
		snprintf(num, sizeof num, "第%d次", m->number);
	int mm, dd;
	if (m->month_day && sscanf(m->month_day, "%d-%d", &mm, &dd) == 2)
		snprintf(day, sizeof day, " %d月%d日", mm, dd);
	size_t n = pl + strlen(body) + strlen(num) + (m->kind ? strlen(m->kind) : 8) +
		   strlen(day) + 1;
	m->title = malloc(n);
	if (!m->title)
		return HY_ERR_NOMEM;
	snprintf(m->title, n, "%s%s%s%s%s", place, body + cl, num,
		 m->kind ? m->kind : "会议", day);
	m->guessed |= HY_GUESSED_TITLE;
	return 0;
}

int hy_meeting_parse(const char *text, size_t len, struct hy_meeting *m)
{
	memset(m, 0, sizeof *m);
	if (!text)
		return HY_ERR_INVALID;
	struct doc d;
	int rc = doc_init(&d, text, len);
	if (rc)
		return rc;
	size_t nl;
	struct span *lines = split_spans(&d, 0, &nl);
	struct buf body = {0};
	struct meta mt = {0};
	enum line_kind *kind = NULL;
	if (!lines) {
		rc = HY_ERR_NOMEM;
		goto out;
	}
	kind = malloc((nl + 1) * sizeof *kind);
	if (!kind) {
		rc = HY_ERR_NOMEM;
		goto out;
	}
	size_t nbody = 0, title = NPOS;
	/* a text in Chinese at all (a short line without any is chrome there) */
	int chinese = count_han(&d, 0, d.n < 4096 ? d.n : 4096) >= 8;
	int novel = 0;
	for (size_t i = 0; i < nl; i++) {
		kind[i] = classify_line(&d, lines[i].a, lines[i].b, chinese);
		nbody += kind[i] == L_BODY;
	}
	/* a whole article on one line */
	if (nbody <= 2) {
		for (size_t i = 0; i < nl; i++) {
			if (kind[i] != L_BODY || lines[i].b - lines[i].a < 100)
				continue;
			struct buf re = {0};
			for (size_t j = 0; j < nl && !rc; j++) {
				if (j == i)
					rc = split_article_line(&d, lines[j], &re);
				else if (lines[j].b > lines[j].a)
					rc = buf_add(&re, d.s + d.off[lines[j].a],
						     d.off[lines[j].b] - d.off[lines[j].a]) ||
					     buf_add(&re, "\n", 1) ? HY_ERR_NOMEM : 0;
			}
			if (!rc && re.s) {
				/* parse the re-lined text instead (it has more lines) */
				struct doc d2;
				size_t nl2;
				struct span *l2;
				if (doc_init(&d2, re.s, re.n) == 0) {
					l2 = split_spans(&d2, 0, &nl2);
					free(l2);
					doc_free(&d2);
					if (l2 && nl2 > nl) {
						free(lines);
						free(kind);
						doc_free(&d);
						rc = hy_meeting_parse(re.s, re.n, m);
						free(re.s);
						return rc;
					}
				}
			}
			free(re.s);
			if (rc)
				goto out;
			break;
		}
	}
	/* a chapter of a novel about a meeting (第663章 …) among the first lines */
	for (size_t i = 0, seen = 0; i < nl && seen < 8; i++) {
		if (kind[i] == L_BLANK)
			continue;
		seen++;
		long ch;
		size_t a0 = skip_spaces(&d, lines[i].a, lines[i].b);
		size_t k = match(&d, a0, lines[i].b, "第") ? parse_num(&d, a0 + 1, lines[i].b, &ch) : 0;
		if (k && match(&d, a0 + 1 + k, lines[i].b, "章"))
			novel = 1;
	}
	/* title: the first body line that reads like one. A line without
	 * Chinese (a user name) or a short column label (旗级要闻) before a
	 * line that names a meeting is page chrome, not the title. */
	for (size_t i = 0, seen = 0; i < nl && seen < 3; i++) {
		if (kind[i] != L_BODY)
			continue;
		seen++;
		struct span l = lines[i];
		size_t e = clause_end(&d, l.a, l.b, 1);
		uint32_t last = d.cp[l.b - 1];
		int titleish = l.b - l.a <= 80 && (e == l.b || e + 1 == l.b) &&
			       last != 0x3001 && last != ',' && last != ':' &&
			       find_date(&d, l.a, l.b, &(struct ymd){0}, 0) != l.a &&
			       !starts_item(&d, l.a, l.b) && !ends_paragraph(&d, l.a, l.b);
		if (!titleish)
			break;
		size_t next = i + 1;
		while (next < nl && kind[next] != L_BODY)
			next++;
		int names_meeting = find(&d, l.a, l.b, "会") != NPOS;
		if ((chinese && count_han(&d, l.a, l.b) < 2) ||
		    (!names_meeting && count_han(&d, l.a, l.b) <= 8 && next < nl &&
		     lines[next].b - lines[next].a <= 80 &&
		     find(&d, lines[next].a, lines[next].b, "会") != NPOS &&
		     clause_end(&d, lines[next].a, lines[next].b, 1) + 1 >= lines[next].b)) {
			kind[i] = L_CHROME;
			continue;
		}
		/* 【时政新闻】… : the column's name is no part of the title */
		size_t a0 = l.a;
		if (d.cp[a0] == 0x3010 || d.cp[a0] == '[') {
			for (size_t k = a0 + 1; k < l.b && k <= a0 + 12; k++)
				if ((d.cp[k] == 0x3011 || d.cp[k] == ']') && k + 3 < l.b) {
					a0 = skip_spaces(&d, k + 1, l.b);
					break;
				}
		}
		title = i;
		m->title = doc_str(&d, a0, l.b);
		if (!m->title) {
			rc = HY_ERR_NOMEM;
			goto out;
		}
		break;
	}
	/* subtitles: short lines after the title that end like a title
	 * (县委十六届六次常委会会议召开) before the opening paragraph */
	for (size_t i = title + 1; title != NPOS && i < nl; i++) {
		if (kind[i] == L_BLANK || kind[i] == L_META || kind[i] == L_CHROME)
			continue;
		if (ends_heading(&d, lines[i].a, lines[i].b) &&
		    clause_end(&d, lines[i].a, lines[i].b, 1) == lines[i].b)
			kind[i] = L_CHROME;
		else
			break;
	}
	/* publish time: the best-ranked date line */
	int best = 0;
	for (size_t i = 0; i < nl; i++) {
		if (kind[i] != L_META &&
		    !(kind[i] == L_BODY && i == title + 1 && lines[i].b - lines[i].a < 60 &&
		      !is_content_line(&d, lines[i].a, lines[i].b) &&
		      clause_end(&d, lines[i].a, lines[i].b, 0) == lines[i].b))
			continue;
		struct ymd t;
		int r = publish_rank(&d, lines[i], title != NPOS && i < title, &t);
		if (r > best) {
			best = r;
			mt.pub = t;
			mt.has_pub = 1;
		}
		if (kind[i] == L_BODY && r)
			kind[i] = L_META;
	}
	if (mt.has_pub) {
		m->published = fmt_date(&mt.pub, 1);
		if (!m->published) {
			rc = HY_ERR_NOMEM;
			goto out;
		}
	}
	/* join body lines into paragraphs (blank-line separated) */
	int open = 0; /* a paragraph is open and wants its continuation */
	int prev_heading = 0; /* the last line was "一、关于…" alone */
	size_t prev = 0;      /* the last body line */
	for (size_t i = 0; i < nl; i++) {
		if (kind[i] != L_BODY || i == title)
			continue;
		struct span l = lines[i];
		/* "一、关于春季森林防火工作" on its own line: what follows is
		 * its text, even when that starts with 会议听取了 */
		int under_heading = open && prev_heading;
		if (open && !under_heading &&
		    (starts_item(&d, l.a, l.b) || starts_new(&d, l.a, l.b) ||
		     ends_heading(&d, lines[prev].a, lines[prev].b)))
			open = 0;
		if (under_heading && item_marker(&d, l.a, l.b))
			open = 0; /* the next numbered heading */
		if (open && is_remark(&d, l.a, l.b) && body.n && body.s[body.n - 1] == ':')
			open = 1;
		if (body.n && !open)
			rc = buf_add(&body, "\n\n", 2);
		else if (body.n && open && item_marker(&d, lines[prev].a, lines[prev].b))
			rc = buf_add(&body, "\n", 1);
		if (!rc)
			rc = buf_add(&body, d.s + d.off[l.a], d.off[l.b] - d.off[l.a]);
		if (rc)
			goto out;
		open = !ends_paragraph(&d, l.a, l.b);
		/* a bare "会议强调：" line wants the next line */
		if (!open && d.cp[l.b - 1] == ':')
			open = 1;
		prev_heading = open && item_marker(&d, l.a, l.b) &&
			       l.b - l.a <= 40 &&
			       agenda_verb_at(&d, l.a, l.b, NULL) == NPOS;
		prev = i;
	}
	/* a readout names its meeting somewhere (会议, 会上, 例会, 办公会) */
	static const char *const meeting_words[] = {"会议", "会上", "会前", "例会",
						    "办公会", "常务会", "常委会"};
	int meeting_word = find_any(&d, 0, d.n, meeting_words, COUNT(meeting_words),
				    NULL) != NPOS;
	/* pass 1's view is done with: free it before pass 2 makes its own
	 * (8 bytes a character each; a huge file would hold both) */
	free(kind);
	kind = NULL;
	free(lines);
	lines = NULL;
	doc_free(&d);
	if (body.n) {
		struct doc bd;
		rc = doc_init(&bd, body.s, body.n);
		if (!rc) {
			rc = parse_body(&bd, &mt, m);
			doc_free(&bd);
		}
	}
	if (!rc && m->title && (!m->kind || !m->body || !m->chair || !m->date))
		rc = from_title(m, &mt);
	if (!rc && !m->title && !m->summary && m->n_sections == 0)
		rc = HY_ERR_INVALID;
	if (!rc)
		m->not_readout = novel || (!meeting_word && !m->kind && !m->chair &&
					   !m->date && !m->month_day);
	if (!rc)
		rc = find_place(m, text, len);
	if (!rc && !m->title)
		rc = compose_title(m);
out:
	free(kind);
	free(lines);
	free(body.s);
	doc_free(&d);
	if (rc)
		hy_meeting_free(m);
	return rc;
}

/* Is paragraph [a,b) about attendance only? */
static int is_attendance(const struct doc *d, size_t a, size_t b)
{
	static const char *const keys[] = {"出席", "列席", "参加会议", "参会"};
	if (agenda_verb_at(d, a, b, NULL) != NPOS)
		return 0;
	size_t i = skip_spaces(d, a, b);
	if (match_any(d, i, b, keys, COUNT(keys), NULL))
		return 1;
	return b - a < 200 && has_any(d, a, b, keys, COUNT(keys)) &&
	       !has_any(d, a, b, remark_verbs, COUNT(remark_verbs));
}

static int parse_body(const struct doc *d, const struct meta *mt, struct hy_meeting *m)
{
	struct sections ss = {0};
	struct people pp = {0};
	int last_point = 0; /* the last section is a remark with no item before */
	int rc = 0;
	/* paragraphs: separated by blank lines */
	size_t np = 0;
	struct span *p = split_spans(d, 1, &np);
	if (!p)
		return HY_ERR_NOMEM;
	size_t first = 0;
	/* the opening paragraph: the first one, unless it is an agenda item */
	if (np > 0 && agenda_verb_at(d, p[0].a, p[0].b, NULL) == NPOS) {
		size_t a = p[0].a, b = p[0].b;
		first = 1;
		/* in a one-paragraph article, agenda items after the attendance
		 * sentences start the sections */
		size_t cut = b;
		size_t last_att = NPOS;
		static const char *const att_keys[] = {"出席", "列席"};
		for (size_t i = a; i < b;) {
			size_t e = clause_end(d, i, b, 1);
			if (has_any(d, i, e, att_keys, 2))
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
		    (rc = find_chair(d, a, clause_end(d, a, cut, 1), m)))
			goto out;
		if (!m->chair && (rc = find_chair(d, a, cut, m)))
			goto out;
		size_t mlen, mn = find_meeting_word(d, a, cut, &mlen);
		if (mn != NPOS && (rc = meeting_name(d, a, clause_end(d, mn, cut, 0), m)))
			goto out;
		/* 党组(扩大)会议和第9次常务会议, 党组会议暨三十一次主席会议: two
		 * meetings at once; the numbered one is the series it belongs to */
		static const char *const joins[] = {"和", "暨", "及"};
		size_t jn;
		if (mn != NPOS && !m->number && mn + mlen < cut &&
		    match_any(d, mn + mlen, cut, joins, COUNT(joins), &jn)) {
			size_t from2 = mn + mlen + 1;
			size_t end2 = clause_end(d, from2, cut, 0);
			struct hy_meeting two = {0};
			if ((rc = meeting_name(d, from2, end2, &two))) {
				hy_meeting_free(&two);
				goto out;
			}
			if (two.number && two.kind) {
				free(m->kind);
				m->kind = two.kind;
				two.kind = NULL;
				m->number = two.number;
				if (two.body) {
					free(m->body);
					m->body = two.body;
					two.body = NULL;
				}
			}
			hy_meeting_free(&two);
		}
		for (size_t i = a; i < cut && !rc;) {
			size_t e = clause_end(d, i, cut, 1);
			rc = people_in_sentence(d, i, e, &pp);
			i = e + 1;
		}
		if (rc)
			goto out;
		if (cut < b && (rc = add_items(d, cut, b, &ss)))
			goto out;
	}
	for (size_t k = first; k < np; k++) {
		size_t a = p[k].a, b = p[k].b;
		if (is_attendance(d, a, b)) {
			for (size_t i = a; i < b && !rc;) {
				size_t e = clause_end(d, i, b, 1);
				rc = people_in_sentence(d, i, e, &pp);
				i = e + 1;
			}
			if (rc)
				goto out;
			continue;
		}
		/* "会议由副县长王某主持。" */
		if (b - a <= 60 && has_any(d, a, b, chair_verbs, 4) &&
		    (match(d, skip_spaces(d, a, b), b, "会议由") ||
		     match(d, skip_spaces(d, a, b), b, "由") ||
		     ends_with(d, a, b, "主持。", NULL) || ends_with(d, a, b, "主持", NULL))) {
			if (!m->chair && (rc = find_chair(d, a, b, m)))
				goto out;
			continue;
		}
		/* "会议由镇党委组织委员葛冰主持，共四项议程。一是…", "区委书记、
		 * 区长郭波主持会议，并做了总结发言。": the chair in the first
		 * clause of a paragraph */
		if (!m->chair) {
			size_t e = clause_end(d, a, b, 0);
			if ((match(d, skip_spaces(d, a, b), b, "会议由") && ends_with(d, a, e, "主持", NULL)) ||
			    (e - a <= 30 && (ends_with(d, a, e, "主持会议", NULL) ||
					     ends_with(d, a, e, "主持会议并讲话", NULL)))) {
				if ((rc = find_chair(d, a, e, m)))
					goto out;
				if (e - a <= 30 && b - a <= 60)
					continue;
			}
		}
		/* a repost notice: 《…》由某网提供，转载请注明出处 */
		static const char *const repost[] = {"转载请注明", "请注明出处", "转载请注明来源"};
		if (b - a <= 200 && has_any(d, a, b, repost, COUNT(repost)) &&
		    agenda_verb_at(d, a, b, NULL) == NPOS)
			continue;
		/* page chrome that reached the body: a line or a run of short
		 * lines with no sentence in it (网站首页 走进… , 展开详细, a
		 * trailing column name) is no agenda item */
		if (b - a <= 80 && !item_marker(d, a, b) &&
		    agenda_verb_at(d, a, b, NULL) == NPOS) {
			int sentence = 0;
			for (size_t i = a; i < b && !sentence; i++)
				sentence = is_sent_end(d, i) || d->cp[i] == ',';
			if (!sentence || count_han(d, a, b) < 4) /* ?!?/p> */
				continue;
		}
		/* "会议强调，…" continues the previous item; a run of them with
		 * no item before is one point each */
		int remark = is_remark(d, a, b);
		if (ss.n > 0 && remark && !last_point) {
			if ((rc = append_text(&ss.v[ss.n - 1], d, a, b)))
				goto out;
			continue;
		}
		if ((rc = add_items(d, a, b, &ss)))
			goto out;
		last_point = remark;
	}
out:
	free(p);
	m->attendees = pp.att.v; /* the meeting owns the lists now */
	m->n_attendees = pp.att.n;
	m->observers = pp.obs.v;
	m->n_observers = pp.obs.n;
	m->units = pp.units.v;
	m->n_units = pp.units.n;
	m->sections = ss.v;
	m->n_sections = ss.n;
	return rc;
}

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void hy_meeting_free(struct hy_meeting *m)
{
	if (!m)
		return;
	free(m->title);
	free(m->published);
	free(m->date);
	free(m->month_day);
	free(m->place);
	free(m->body);
	free(m->kind);
	free(m->chair);
	free(m->chair_role);
	free_list(m->attendees, m->n_attendees);
	free_list(m->observers, m->n_observers);
	free_list(m->units, m->n_units);
	free(m->summary);
	for (size_t i = 0; i < m->n_sections; i++) {
		free(m->sections[i].heading);
		free(m->sections[i].text);
	}
	free(m->sections);
	memset(m, 0, sizeof *m);
}
