/* dates.c: numbers and dates in the text, and the meeting's date.
 *
 * Reads Arabic, full-width and Chinese numerals (二〇二四, 十八), dates
 * written every way readouts write them (2024年5月11日, 2024-05-11, 5月11日,
 * ROC years), and places the meeting in time: the date in its own sentence,
 * a day alone or a relative day (昨日, 近日) against the publish time, a
 * typing slip (33日) read as a reader would. A month and day without any
 * year are kept (month_day); year.c adds a year from outside the text. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cn_digit(uint32_t c)
{
	/* called for nearly every character the scans pass: a switch, no
	 * strings decoded */
	switch (c) {
	case 0x3007: /* 〇 */
	case 0x96F6: /* 零 */
		return 0;
	case 0x4E00: /* 一 */
		return 1;
	case 0x4E8C: /* 二 */
	case 0x4E24: /* 两 */
		return 2;
	case 0x4E09: /* 三 */
		return 3;
	case 0x56DB: /* 四 */
		return 4;
	case 0x4E94: /* 五 */
		return 5;
	case 0x516D: /* 六 */
		return 6;
	case 0x4E03: /* 七 */
		return 7;
	case 0x516B: /* 八 */
		return 8;
	case 0x4E5D: /* 九 */
		return 9;
	default:
		return -1;
	}
}

int cn_unit(uint32_t c)
{
	if (c == 0x5341) /* 十 */
		return 10;
	if (c == 0x767E) /* 百 */
		return 100;
	if (c == 0x5343) /* 千 */
		return 1000;
	return 0;
}

/* 二O一一年, 二○二一年: a letter O or a circle typed for 〇 between
 * Chinese digits. */
static int zero_like(uint32_t c)
{
	return c == 'O' || c == 'o' || c == 0xFF2F || c == 0xFF4F || c == 0x25CB || c == 0x039F;
}

/* Is d->cp[j] a Chinese digit, or a zero typed as a letter or a circle
 * after one (and before another, or 年)? */
static int cn_digit_at(const struct doc *d, size_t i, size_t j, size_t end)
{
	if (cn_digit(d->cp[j]) >= 0)
		return 1;
	return zero_like(d->cp[j]) && j > i && cn_digit_at(d, i, j - 1, end) && j + 1 < end &&
	       (cn_digit(d->cp[j + 1]) >= 0 || zero_like(d->cp[j + 1]) ||
		d->cp[j + 1] == 0x5E74 /* 年: 二O一O年 */);
}

/* A number at i: ASCII digits, or Chinese numerals (四十二, 一一五, 二〇二四).
 * Returns code points used (0 if none); spaces inside are not allowed. */
size_t parse_num(const struct doc *d, size_t i, size_t end, long *val)
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
	while (j < end && (cn_digit_at(d, i, j, end) || cn_unit(d->cp[j])) && j - i < 12) {
		has_unit |= cn_unit(d->cp[j]) != 0;
		j++;
	}
	if (j == i)
		return 0;
	if (!has_unit) {
		for (size_t k = i; k < j; k++)
			v = v * 10 + (zero_like(d->cp[k]) ? 0 : cn_digit(d->cp[k]));
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
	return t->m >= 1 && t->m <= 12 && t->d >= 1 && t->d <= days_in_month(t->y, t->m) &&
	       (t->y == 0 || (t->y >= 1900 && t->y <= 2200));
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
size_t parse_time(const struct doc *d, size_t i, size_t end, struct ymd *t)
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
/* After the separator at j: "b<sep>c" in ASCII digits, b of one or two, the
 * same separator again. Returns the length from j (0: none), c's digits
 * in *nc. */
static size_t two_more(const struct doc *d, size_t j, size_t end, long *b, long *c, size_t *nc)
{
	uint32_t sep = d->cp[j];
	/* (2023- 12- 22: a site's template spaces after each hyphen) */
	size_t i = j + 1 + (j + 1 < end && d->cp[j + 1] == ' '), k;
	if (!(k = parse_num(d, i, end, b)) || k > 2 || !is_digit(d->cp[i]))
		return 0;
	i += k;
	if (i >= end || d->cp[i] != sep)
		return 0;
	i++;
	i += i < end && d->cp[i] == ' ' && i - j > 3 && d->cp[j + 1] == ' ';
	if (!(k = parse_num(d, i, end, c)) || !is_digit(d->cp[i]))
		return 0;
	*nc = k;
	return i + k - j;
}

/* 10月15、16日: a meeting over days listed, its first day's number at j
 * followed by 、 and the next days': the length up to the last 日, or 0. */
static size_t listed_days(const struct doc *d, size_t j, size_t end)
{
	size_t q = j;
	long n;
	size_t k;
	while (match(d, q, end, "、") && (k = parse_num(d, q + 1, end, &n)) && k <= 2 && n <= 31)
		q += 1 + k;
	return q > j && (match(d, q, end, "日") || match(d, q, end, "号")) ? q - j : 0;
}

size_t parse_date(const struct doc *d, size_t i, size_t end, struct ymd *t)
{
	long a, b, c;
	size_t j = i, k;
	memset(t, 0, sizeof *t);
	t->hh = t->mm = -1;
	if (match(d, j, end, "元月")) { /* 元月8日: January */
		a = 1;
		k = 1;
	} else if (!(k = parse_num(d, j, end, &a))) {
		return 0;
	}
	int ascii = is_digit(d->cp[j]);
	j += k;
	size_t na = k;
	if (j >= end)
		return 0;
	uint32_t sep = d->cp[j];
	size_t nc;
	if (ascii && na == 4 && (sep == '-' || sep == '/' || sep == '.')) {
		if (!(k = two_more(d, j, end, &b, &c, &nc)) || nc > 2)
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
	/* 07.01.2015 on a site written abroad: day.month.year (month/day/year
	 * with a slash); the one above 12 is the day either way */
	if (ascii && na <= 2 && (sep == '.' || sep == '/')) {
		if (!(k = two_more(d, j, end, &b, &c, &nc)) || nc != 4)
			return 0;
		j += k;
		int day_first = a > 12 || (b <= 12 && sep == '.');
		t->y = (int)c;
		t->m = (int)(day_first ? b : a);
		t->d = (int)(day_first ? a : b);
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
		j += listed_days(d, j, end);
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
		j += listed_days(d, j, end);
		/* 3月8，县长…: 日 left out before a comma */
		static const char *const parts[] = {"上午", "下午", "晚上", "早上", "中午", "晚"};
		if (j < end && d->cp[j] == ',' && k <= 2 && is_digit(d->cp[j - 1]))
			j--;
		/* 3月4下午3:00, 7月31晚: 日 left out before the time of day */
		else if (k <= 2 && is_digit(d->cp[j - 1]) &&
			 match_any(d, j, end, parts, COUNT(parts), NULL))
			j--;
		else if (!match(d, j, end, "日") && !match(d, j, end, "号"))
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
size_t find_date(const struct doc *d, size_t a, size_t end, struct ymd *t, int need_year)
{
	for (size_t i = a; i < end; i++) {
		if (i > a && (is_digit(d->cp[i - 1]) || cn_digit(d->cp[i - 1]) >= 0 ||
			      cn_unit(d->cp[i - 1])))
			continue;
		if (!is_digit(d->cp[i]) && cn_digit(d->cp[i]) < 0 && !cn_unit(d->cp[i]) &&
		    !match(d, i, end, "元月"))
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

char *fmt_date(const struct ymd *t, int with_time)
{
	char buf[32];
	if (with_time && t->hh >= 0)
		snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", t->y, t->m, t->d, t->hh,
			 t->mm);
	else
		snprintf(buf, sizeof buf, "%04d-%02d-%02d", t->y, t->m, t->d);
	return strdup(buf);
}

/* A year written as "2023年" or an ROC "一一五年度" in [a,b), or 0. With
 * two a year apart (总结2023年工作，部署2024年任务), as stated_year reads a
 * body: early in the year the later one is the meeting's, from October on
 * the earlier. */
static int sentence_year(const struct doc *d, size_t a, size_t b, int month)
{
	int first = 0, top = 0, low = 0;
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
			if (y && !first) {
				first = low = top = y;
			} else if (y) {
				top = y > top ? y : top;
				low = y < low ? y : low;
			}
		}
	}
	if (top == low + 1) /* a year reviewed and the next planned */
		return month >= 10 ? low : top;
	return first;
}

/* The year in a numbered meeting's name in [a,b): 2022年第3次, 2020年度第18次,
 * or one that opens the name (召开2017年…工作会议); 总结2024年工作 is not
 * one. Or 0. */
static int numbered_year(const struct doc *d, size_t a, size_t b)
{
	for (size_t i = a; i + 5 < b; i++) {
		if (!is_digit(d->cp[i]) || (i > a && is_digit(d->cp[i - 1])))
			continue;
		long y;
		size_t k = parse_num(d, i, b, &y), j = i + k;
		/* 市政府(2018)第19次常务会议, 〔2018〕第3次: the year in brackets */
		if (k == 4 && i > a && is_open_bracket(d->cp[i - 1]) && j < b &&
		    is_close_bracket(d->cp[j]) && match(d, j + 1, b, "第")) {
			long n;
			size_t kn = parse_num(d, j + 2, b, &n);
			if (kn && match(d, j + 2 + kn, b, "次"))
				return year_value(y, 4, 0);
		}
		/* 区政府2020第四次常务会议: the year glued to 第, 年 left out */
		if (k == 4 && match(d, j, b, "第")) {
			long n;
			size_t kn = parse_num(d, j + 1, b, &n);
			if (kn && match(d, j + 1 + kn, b, "次") && year_value(y, 4, 0))
				return year_value(y, 4, 0);
		}
		if (k != 4 || !match(d, j, b, "年"))
			continue;
		j += match(d, j, b, "年度") ? 2 : 1;
		j += match(d, j, b, "第");
		long n;
		size_t kn = parse_num(d, j, b, &n);
		if (kn && match(d, j + kn, b, "次"))
			return year_value(y, 4, 0);
		/* 召开2017年全镇农业农村工作会议: the name opens with its year
		 * (but 召开2026年《政府工作报告》征求意见座谈会 names the year of a
		 * document, often the next) */
		static const char *const convene[] = {"召开", "举行"};
		if (i >= a + 2 && match_any(d, i - 2, b, convene, COUNT(convene), NULL) == 2 &&
		    !match(d, j, b, "《") && find(d, j, clause_end(d, j, b, 0), "会") != NPOS)
			return year_value(y, 4, 0);
	}
	return 0;
}

/* Set m's date (when t has a year) or its month and day alone. */
/* The day dv of the month of t (a publish or dateline day), or of the month
 * before when dv lies more than slack days after t's day: t set to it. A
 * year of 0 (unknown) stays 0. */
static void day_near(struct ymd *t, long dv, int slack)
{
	if (dv > t->d + slack && --t->m == 0) {
		t->m = 12;
		if (t->y)
			t->y--;
	}
	t->d = (int)dv;
}

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
/* The year of a month and day *t that the text gives without one: the
 * publish date's, or the one before when the day would fall more than a
 * week after it (a December meeting published in January). */
static void year_of_publish(struct ymd *t, const struct meta *mt)
{
	t->y = mt->pub.y;
	long md = days_from_civil(t->y, t->m, t->d > days_in_month(t->y, t->m) ? 28 : t->d);
	if (md > days_from_civil(mt->pub.y, mt->pub.m, mt->pub.d) + 7)
		t->y--;
}

/* 416, 1030: a month and a day whose 月 and 日 were lost, md of kd
 * digits. 1 with *t's month and day (its year 0) when the digits split
 * only one way (416: 4-16; 123 is 1-23 or 12-3, and stays unread). */
static int lost_month_day(long md, size_t kd, struct ymd *t)
{
	int ways = 0;
	for (int dd = 1; dd <= 2 && (size_t)dd < kd; dd++) { /* the day's digits */
		long p = dd == 1 ? 10 : 100;
		struct ymd c = {2000, (int)(md / p), (int)(md % p), -1, -1};
		if ((dd == 1 || c.d >= 10) && ymd_valid(&c)) {
			ways++;
			*t = c;
		}
	}
	t->y = 0;
	return ways == 1;
}

/* 123，…召开 published on 2011-12-08: of the readings of md (1-23, 12-3),
 * the nearest before the publish date pub, its year pub's (or the year
 * before, a December meeting published in January). 1 when one is. */
static int lost_month_day_near(long md, size_t kd, const struct ymd *pub, struct ymd *t)
{
	long best = -1;
	for (int dd = 1; dd <= 2 && (size_t)dd < kd; dd++) {
		long p = dd == 1 ? 10 : 100;
		struct ymd c = {pub->y, (int)(md / p), (int)(md % p), -1, -1};
		if (!((dd == 1 || c.d >= 10) && ymd_valid(&c)))
			continue;
		long gap = days_from_civil(pub->y, pub->m, pub->d) - days_from_civil(c.y, c.m, c.d);
		if (gap < -7) {
			c.y--;
			gap = days_from_civil(pub->y, pub->m, pub->d) -
			      days_from_civil(c.y, c.m, c.d);
		}
		if (gap >= -7 && gap <= 60 && (best < 0 || gap < best)) {
			best = gap;
			*t = c;
		}
	}
	return best >= 0;
}

int meeting_date(const struct doc *d, size_t a, size_t b, const struct meta *mt,
		 struct hy_meeting *m)
{
	struct ymd t;
	size_t first_sent = clause_end(d, a, b, 1);
	/* 凝心聚力共奋进，勇立潮头谱新篇。今天上午，…开幕: a slogan opens the
	 * story; the day is the next sentence's */
	{
		static const char *const meets[] = {"召开", "举行", "开幕", "闭幕", "主持", "会"};
		int digits = 0;
		for (size_t i = a; i < first_sent && !digits; i++)
			digits = is_digit(d->cp[i]) || cn_digit(d->cp[i]) >= 0;
		if (first_sent < b && first_sent - a <= 24 && !digits &&
		    !has_any(d, a, first_sent, meets, COUNT(meets))) {
			a = skip_spaces(d, first_sent + 1, b);
			first_sent = clause_end(d, a, b, 1);
		}
	}
	size_t at = find_date(d, a, first_sent, &t, 0);
	if (at == NPOS)
		at = find_date(d, a, b, &t, 0);
	/* 永州2月23日讯 …2月22日,…: a dateline is the report's day; the
	 * meeting's is the next one the sentence gives */
	if (at != NPOS) {
		struct ymd t2;
		size_t k = parse_date(d, at, b, &t2);
		static const char *const datelines[] = {"讯", "电"};
		size_t at2 = NPOS;
		/* (5月16日福清站讯: the paper's station between) */
		size_t dl = 0;
		for (size_t j = 0; k && j <= 4 && at + k + j < b && !dl; j++) {
			if (match_any(d, at + k + j, b, datelines, COUNT(datelines), NULL))
				dl = j + 1;
			else if (!is_han(d->cp[at + k + j]))
				break;
		}
		if (dl) {
			size_t s1 = clause_end(d, at + k + dl, b, 1);
			at2 = find_date(d, at + k + dl, s1, &t2, 0);
			/* 5月16日福清站讯…于昨日在某街道召开: the day before
			 * the dateline's */
			static const char *const before[] = {"昨日", "昨天", "前天"};
			size_t yb = find_any(d, at + k + dl, s1, before, COUNT(before), NULL);
			int y0 = t.y ? t.y : mt->has_pub ? mt->pub.y : 0;
			if (at2 == NPOS && yb != NPOS && t.m >= 1 && t.m <= 12 && t.d >= 1) {
				/* (no year known: counted in a leap year, kept unknown) */
				long z = days_from_civil(y0 ? y0 : 2000, t.m, t.d) -
					 (match(d, yb, s1, "前天") ? 2 : 1);
				civil_from_days(z, &t);
				if (!y0)
					t.y = 0;
			}
			/* 某网12月28日讯(记者 某某)27日下午，…: the day alone after
			 * the byline, in the dateline's month (or the one before) */
			if (at2 == NPOS) {
				size_t q = skip_spaces(d, at + k + dl, b);
				if (q < b && is_open_bracket(d->cp[q])) {
					while (q < b && q < at + k + dl + 40 &&
					       !is_close_bracket(d->cp[q]))
						q++;
					q = skip_spaces(d, q + 1, b);
				}
				long dv;
				size_t kd = q < b ? parse_num(d, q, b, &dv) : 0;
				if (kd && kd <= 2 && is_digit(d->cp[q]) &&
				    match(d, q + kd, b, "日") && dv >= 1 && dv <= 31 && t.m >= 1)
					day_near(&t, dv, 0);
			}
			/* 据某日?qǐng)?bào)报道, 2月28日: a stray ? (a gloss garbled)
			 * ends a short attribution's "sentence" */
			while (at2 == NPOS && s1 < b && s1 - (at + k) <= 30) {
				size_t s2 = clause_end(d, s1 + 1, b, 1);
				at2 = find_date(d, s1 + 1, s2, &t2, 0);
				s1 = s2;
			}
		}
		if (at2 != NPOS) {
			at = at2;
			t = t2;
		}
	}
	/* 大会将于1月19日开幕。1月18日上午，某代表团召开…: a day to come,
	 * then the meeting's in the next sentence */
	if (at != NPOS && at > a) {
		static const char *const future[] = {"将于", "定于", "拟于"};
		int to_come = match(d, at - 1, b, "将") ||
			      (at >= a + 2 && match_any(d, at - 2, b, future, COUNT(future), NULL));
		size_t s1 = to_come ? clause_end(d, at, b, 1) : b;
		struct ymd t3;
		size_t at3 =
			s1 < b ? find_date(d, s1 + 1, clause_end(d, s1 + 1, b, 1), &t3, 0) : NPOS;
		if (at3 != NPOS) {
			at = at3;
			t = t3;
		}
	}
	/* 5月16日下午，总书记莅临某地…。5月18日晚，某某主持召开…; 为贯彻
	 * 落实4月17日某部召开的会议精神，…于4月18日召开…: a day of the
	 * background or of another meeting first, then the day of the
	 * sentence that convenes this one */
	if (at != NPOS) {
		struct ymd t4;
		size_t k4 = parse_date(d, at, b, &t4);
		size_t se = clause_end(d, at, b, 1), ce = clause_end(d, at, b, 0);
		size_t ss = at;
		while (ss > a && !is_sent_end(d, ss - 1))
			ss--;
		static const char *const convene[] = {"召开", "主持会议", "举行", "开幕"};
		static const char *const others[] = {"召开的", "举行的", "主持的"};
		int other = find_any(d, at, ce, others, COUNT(others), NULL) != NPOS;
		int bare = !has_any(d, ss, se, convene, COUNT(convene));
		size_t from = other ? at + k4 : se + 1;
		size_t lim = other ? se : b;
		struct ymd t5;
		size_t at5 = (other || bare) && k4 && from < lim ? find_date(d, from, lim, &t5, 0)
								 : NPOS;
		if (at5 != NPOS) {
			size_t s5 = at5, e5 = clause_end(d, at5, b, 1);
			while (s5 > a && !is_sent_end(d, s5 - 1))
				s5--;
			static const char *const plans[] = {"将于", "定于", "拟于", "决定于",
							    "计划于"};
			int convenes = has_any(d, s5, e5, convene, COUNT(convene)) &&
				       find_any(d, at5, clause_end(d, at5, b, 0), others,
						COUNT(others), NULL) == NPOS &&
				       !(at5 >= 3 && has_any(d, at5 - 3, at5, plans, COUNT(plans)));
			if (convenes) {
				at = at5;
				t = t5;
			}
		}
	}
	if (at == NPOS) {
		/* 2022年33日: a year, then a slip (33日 for 3月3日) */
		int slip_year = 0;
		{
			long yv;
			size_t i0 = skip_spaces(d, a, b), ky = parse_num(d, i0, b, &yv);
			long sv;
			size_t ks = ky == 4 ? parse_num(d, i0 + 5, b, &sv) : 0;
			if (ky == 4 && is_digit(d->cp[i0]) && match(d, i0 + 4, b, "年") &&
			    year_value(yv, 4, 0) && ks >= 2 && sv > 31 &&
			    (match(d, i0 + 5 + ks, b, "日") || match(d, i0 + 5 + ks, b, "号"))) {
				slip_year = year_value(yv, 4, 0);
				a = i0 + 5;
			}
			/* 202448日, 2018117上午: 年, 月 and 日 all lost; the
			 * year is the first four digits */
			static const char *const tails[] = {"日", "号", "上午", "下午", "晚上"};
			/* (2018117 is 1-17 or 11-7: only a publish date tells;
			 * 2020929 is 9-29 alone, 20201127 11-27) */
			int one_reading = ky == 8;
			if (ky == 7) {
				long rest = yv % 1000;
				struct ymd m1 = {2000, (int)(rest / 100), (int)(rest % 100), 0, 0};
				struct ymd m2 = {2000, (int)(rest / 10), (int)(rest % 10), 0, 0};
				one_reading = (rest % 100 >= 10 && ymd_valid(&m1)) +
						      (rest % 10 >= 1 && ymd_valid(&m2)) ==
					      1;
			}
			if (ky >= 6 && ky <= 8 && is_digit(d->cp[i0]) &&
			    (ky == 6 || mt->has_pub || one_reading) &&
			    match_any(d, i0 + ky, b, tails, COUNT(tails), NULL)) {
				long y4 = yv;
				for (size_t q = 4; q < ky; q++)
					y4 /= 10;
				if (year_value(y4, 4, 0) && y4 >= 1990) {
					slip_year = (int)y4;
					a = i0 + 4;
				}
			}
		}
		/* 416，市长某某主持召开…: 月 and 日 lost at the start, the
		 * sentence convening the meeting after (lost_month_day); its
		 * year the meeting's name's (2012年第7次), else the publish
		 * date's */
		{
			long md;
			struct ymd one;
			size_t i0 = skip_spaces(d, a, b), kd = parse_num(d, i0, b, &md);
			size_t se = clause_end(d, i0, b, 1);
			if ((kd == 3 || kd == 4) && is_digit(d->cp[i0]) && i0 + kd < b &&
			    d->cp[i0 + kd] == ',' && se - i0 <= 160 &&
			    find(d, i0, se, "召开") != NPOS && !lost_month_day(md, kd, &one) &&
			    mt->has_pub && lost_month_day_near(md, kd, &mt->pub, &one))
				return set_date(m, &one, HY_DATE_BASIS_PUBLISH);
			if ((kd == 3 || kd == 4) && is_digit(d->cp[i0]) && i0 + kd < b &&
			    d->cp[i0 + kd] == ',' && se - i0 <= 160 &&
			    find(d, i0, se, "召开") != NPOS && lost_month_day(md, kd, &one)) {
				one.y = numbered_year(d, i0, se);
				if (one.y && ymd_valid(&one))
					return set_date(m, &one, HY_DATE_BASIS_TEXT);
				one.y = 0;
				if (mt->has_pub)
					year_of_publish(&one, mt);
				if (one.y == 0 || ymd_valid(&one))
					return set_date(m, &one,
							mt->has_pub ? HY_DATE_BASIS_PUBLISH
								    : HY_DATE_BASIS_TEXT);
			}
		}
		/* day only at the start: "25日，" / "18號"; or inside the first
		 * sentence with a time of day: 县长王乾发21日上午主持… */
		long v;
		size_t i = skip_spaces(d, a, b), k = parse_num(d, i, b, &v);
		static const char *const times[] = {"日上午", "日下午", "日晚", "日早"};
		for (size_t j = i + 1; !(k && match(d, i + k, b, "日")) && j < first_sent; j++) {
			if (!is_digit(d->cp[j]) || is_digit(d->cp[j - 1]))
				continue;
			size_t kj = parse_num(d, j, first_sent, &v);
			/* …记者 某某)1123日，: 月 lost after a dateline (the slip
			 * below places it) */
			/* 本报讯（记者某某）4日，…: the day right after the dateline
			 * (本报讯 记者 某某  22日，…主持召开: after its spaces) */
			/* 某乡公所为…，18日于亲民堂召开…: a clause that opens with
			 * the day and convenes */
			static const char *const convenes[] = {"召开", "举行", "主持"};
			static const char *const glued[] = {"日召开", "日举行", "日开幕", "日闭幕",
							    "日闭会"};
			size_t ce = j + kj + 14 < first_sent ? j + kj + 14 : first_sent;
			/* (按照…要求，18日，区党委副书记…某某主持召开…: a
			 * clause of the day alone, the sentence convening) */
			int day_clause = kj && j > a && d->cp[j - 1] == ',' &&
					 match(d, j + kj, first_sent, "日,") &&
					 has_any(d, j + kj, first_sent, convenes, COUNT(convenes));
			if ((kj && kj <= 2 && j > a &&
			     (is_close_bracket(d->cp[j - 1]) || day_clause ||
			      ((d->cp[j - 1] == ',' || is_space(d->cp[j - 1])) &&
			       has_any(d, j + kj, ce, convenes, COUNT(convenes)))) &&
			     match(d, j + kj, first_sent, "日") && v >= 1 && v <= 31) ||
			    (kj && kj <= 2 &&
			     match_any(d, j + kj, first_sent, times, COUNT(times), NULL)) ||
			    /* 台东县政府4日召开…: the day glued between the organ
			     * and its verb (某县议会临时会19日闭会: a session's
			     * opening or closing is its sitting) */
			    (kj && kj <= 2 && v >= 1 && v <= 31 &&
			     match_any(d, j + kj, first_sent, glued, COUNT(glued), NULL)) ||
			    (kj >= 3 && kj <= 4 && v > 31 && j > a && !is_digit(d->cp[j - 1]) &&
			     d->cp[j - 1] != '-' && d->cp[j - 1] != '/' &&
			     (match(d, j + kj, first_sent, "日") ||
			      match(d, j + kj, first_sent, "号")))) {
				i = j;
				k = kj;
				break;
			}
		}
		if (k)
			parse_num(d, i, b, &v);
		/* 33日 for 3月3日, 1030日 for 10月30日: a slip a reader resolves
		 * by the publish date */
		/* 221上午 for 2月21日上午: 月 and 日 both lost */
		/* (928   上午: spaces may stand where 月 and 日 were) */
		static const char *const parts[] = {"上午", "下午", "晚上"};
		if (k >= 2 && k <= 4 && v > 31 && (mt->has_pub || slip_year) &&
		    is_digit(d->cp[i]) &&
		    (match(d, i + k, b, "日") || match(d, i + k, b, "号") ||
		     (k >= 3 &&
		      match_any(d, skip_spaces(d, i + k, b), b, parts, COUNT(parts), NULL)))) {
			struct ymd best = {0};
			long best_gap = 0;
			/* placed by the publish date, else by the year's end */
			struct ymd ref =
				mt->has_pub ? mt->pub : (struct ymd){slip_year, 12, 31, 0, 0};
			for (size_t ml = 1; ml <= 2 && ml < k; ml++) {
				long div = ml == k - 1 ? 10 : 100;
				struct ymd c = {ref.y, (int)(v / div), (int)(v % div), 0, 0};
				if (k - ml > 2 || !ymd_valid(&c))
					continue;
				long gap = days_from_civil(ref.y, ref.m, ref.d) -
					   days_from_civil(c.y, c.m, c.d);
				if (gap < -7 && !slip_year) { /* December, published in January */
					c.y--;
					gap = days_from_civil(ref.y, ref.m, ref.d) -
					      days_from_civil(c.y, c.m, c.d);
				}
				/* (the nearest before it: 2023129日 published on
				 * 2023-02-13 is 1-29, not 12-9) */
				if (gap < -7)
					gap = 100000 - gap;
				if (!best.m || gap < best_gap) {
					best = c;
					best_gap = gap;
				}
			}
			if (best.m && slip_year) {
				best.y = slip_year;
				return set_date(m, &best, HY_DATE_BASIS_TEXT);
			}
			if (best.m)
				return set_date(m, &best, HY_DATE_BASIS_PUBLISH);
		}
		/* 1030日 with no year and no publish date: the month and day
		 * alone, when only one reading of the digits is a date (823日
		 * is 8月23日; 111日 could be 1月11日 or 11月1日: none) */
		/* (84上午，…: 8月4日上午, both lost before the time of day) */
		int part_after = match_any(d, i + k, b, parts, COUNT(parts), NULL) > 0;
		if (((k >= 3 && k <= 4 && (match(d, i + k, b, "日") || match(d, i + k, b, "号"))) ||
		     (k >= 2 && k <= 4 && part_after)) &&
		    v > 31 && !mt->has_pub && !slip_year && is_digit(d->cp[i])) {
			struct ymd only = {0};
			int readings = 0;
			for (size_t ml = 1; ml <= 2 && ml < k; ml++) {
				long div = ml == k - 1 ? 10 : 100;
				struct ymd c = {2000, (int)(v / div), (int)(v % div), 0, 0};
				if (k - ml <= 2 && v % div >= (div == 100 ? 10 : 1) &&
				    ymd_valid(&c)) {
					only = c;
					readings++;
				}
			}
			if (readings == 1) {
				only.y = 0;
				return set_date(m, &only, HY_DATE_BASIS_TEXT);
			}
		}
		/* 3-24，县长…: a site that turned 月 and 日 into a hyphen, the
		 * month and day at the opening's start, the year published */
		if (k && k <= 2 && v >= 1 && v <= 12 && mt->has_pub && i + k < b &&
		    d->cp[i + k] == '-') {
			long dv;
			size_t kd = parse_num(d, i + k + 1, b, &dv);
			size_t after = i + k + 1 + kd;
			if (kd && kd <= 2 && dv >= 1 && dv <= 31 &&
			    (after == b || d->cp[after] == ',' || is_space(d->cp[after]) ||
			     match_any(d, after, b, parts, COUNT(parts), NULL))) {
				t = mt->pub;
				t.m = (int)v;
				t.d = (int)dv;
				year_of_publish(&t, mt);
				if (ymd_valid(&t))
					return set_date(m, &t, HY_DATE_BASIS_PUBLISH);
			}
		}
		if (k && (match(d, i + k, b, "日") || match(d, i + k, b, "号")) && v >= 1 &&
		    v <= 31 && mt->has_pub) {
			t = mt->pub;
			day_near(&t, v, 2);
			if (!ymd_valid(&t))
				return 0;
			return set_date(m, &t, HY_DATE_BASIS_PUBLISH);
		}
		/* 今(23)日, 昨(22)日: Taiwan's papers give the day in brackets
		 * inside the relative one */
		for (size_t i2 = a; mt->has_pub && i2 + 4 < first_sent; i2++) {
			static const char *const bracketed[] = {"今(", "昨(", "前("};
			size_t w = match_any(d, i2, first_sent, bracketed, COUNT(bracketed), NULL);
			long dv;
			size_t kd = w ? parse_num(d, i2 + w, first_sent, &dv) : 0;
			/* (昨（十二）日: in Chinese numerals too) */
			if (!kd || kd > 3 ||
			    !(is_digit(d->cp[i2 + w]) || cn_digit(d->cp[i2 + w]) >= 0 ||
			      cn_unit(d->cp[i2 + w])) ||
			    dv < 1 || dv > 31 || !match(d, i2 + w + kd, first_sent, ")日"))
				continue;
			t = mt->pub;
			day_near(&t, dv, 2);
			if (ymd_valid(&t))
				return set_date(m, &t, HY_DATE_BASIS_PUBLISH);
			break;
		}
		/* relative days */
		static const char *const rel[] = {"今天", "今日", "昨天", "昨日", "前天",
						  "近日", "日前", "近期", "于昨"};
		size_t which;
		for (size_t i2 = a; i2 < first_sent; i2++) {
			if (!match_any(d, i2, first_sent, rel, COUNT(rel), &which))
				continue;
			if ((which >= 5 && which < COUNT(rel) - 1) || !mt->has_pub)
				return 0;
			long back = which < 2 ? 0 : which < 4 ? 1 : 2;
			/* (于昨举行, 昨主持: Taiwan's papers say 昨 alone) */
			if (which == COUNT(rel) - 1)
				back = 1;
			long z = days_from_civil(mt->pub.y, mt->pub.m, mt->pub.d) - back;
			civil_from_days(z, &t);
			return set_date(m, &t, HY_DATE_BASIS_PUBLISH);
		}
		return 0;
	}
	enum hy_date_basis basis = HY_DATE_BASIS_TEXT;
	/* the sentence of the date (a purpose sentence may come first) */
	size_t sa = at, se = clause_end(d, at, b, 1);
	while (sa > a && !is_sent_end(d, sa - 1))
		sa--;
	if (!t.y) { /* 2022年第3次 in the meeting's name beats any other year */
		t.y = numbered_year(d, sa, se);
		if (t.y && !ymd_valid(&t))
			t.y = 0;
	}
	if (!t.y && !mt->has_pub) {
		/* no publish date: a year named in the same sentence
		 * (一一五年度第1次縣務會議, 2023年第5次) still places it */
		t.y = sentence_year(d, sa, se, t.m);
		if (!t.y) /* 中国某刊 2013年 第9期: the page's issue */
			t.y = mt->year;
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
		year_of_publish(&t, mt);
		if (!ymd_valid(&t))
			return 0;
	}
	return set_date(m, &t, basis);
}

/* 某委员会日前召开全体会议。/ 会议于九月十四日上午在…举行: when the
 * opening gives no day, the next paragraph's sentence of when and where
 * [a, b) does. 0 or HY_ERR_NOMEM. */
int date_in_next(const struct doc *d, size_t a, size_t b, const struct meta *mt,
		 struct hy_meeting *m)
{
	static const char *const when[] = {"会议于", "会议在", "大会于", "会议定于"};
	if (m->date || m->month_day)
		return 0;
	a = skip_spaces(d, a, b);
	if (!match_any(d, a, b, when, COUNT(when), NULL))
		return 0;
	size_t e = clause_end(d, a, b, 1);
	if (find_date(d, a, e, &(struct ymd){0}, 0) == NPOS)
		return 0;
	return meeting_date(d, a, e, mt, m);
}

/* 某市召开2017年教育工作会议 as the title, 年2月21日 in the opening (the
 * page lost its digits): the year in the title's name of the meeting
 * dates a month and day that has none. 0 or HY_ERR_NOMEM. */
int date_from_title_year(struct hy_meeting *m)
{
	if (m->date || !m->month_day || !m->title)
		return 0;
	struct doc d;
	int rc = doc_init(&d, m->title, strlen(m->title));
	if (rc)
		return rc;
	struct ymd t = {numbered_year(&d, 0, d.n), 0, 0, -1, -1};
	doc_free(&d);
	if (!t.y || sscanf(m->month_day, "%d-%d", &t.m, &t.d) != 2 || !ymd_valid(&t))
		return 0;
	m->date = fmt_date(&t, 0);
	m->date_basis = HY_DATE_BASIS_TEXT;
	return m->date ? 0 : HY_ERR_NOMEM;
}

/* The date in the title t, when the opening gave none or the same month
 * and day (a headline about another meeting's days, 将于6月24日至27日举行,
 * does not move the day the opening gives). 0 or HY_ERR_NOMEM. */
int title_date(const struct doc *t, const struct meta *mt, struct hy_meeting *m)
{
	struct hy_meeting o = {0};
	int rc = meeting_date(t, 0, t->n, mt, &o);
	if (!rc && o.month_day && (!m->month_day || strcmp(m->month_day, o.month_day) == 0)) {
		free(m->month_day);
		free(m->date);
		m->month_day = o.month_day;
		m->date = o.date;
		m->date_basis = o.date_basis;
		o.month_day = o.date = NULL;
	}
	free(o.month_day);
	free(o.date);
	return rc;
}

/* The year the body speaks of as its own when nothing else dates the
 * page: 2007年，党的十七大将要召开 in a leader's remarks. Years of targets
 * and spans (到2010年, 2006-2010年, 2035年远景目标, 2030年前) are not the
 * meeting's. Early in the year a readout looks back on the last one and
 * ahead on its own, so the latest year is the meeting's; from October on
 * it looks ahead to the next, so with the year before it also named, that
 * one is. 0 when the body names none. */
int stated_year(const struct doc *d, size_t a, size_t b, int month)
{
	static const char *const before[] = {"到", "至", "止", "-", "~", "—"};
	static const char *const after[] = {"年前", "年远景", "年目标", "年底前", "年代"};
	int top = 0;
	unsigned char seen[300] = {0}; /* 1900 + i */
	for (size_t i = a; i + 4 < b; i++) {
		if (!is_digit(d->cp[i]) || (i > a && is_digit(d->cp[i - 1])))
			continue;
		long v;
		size_t k = parse_num(d, i, b, &v);
		int y = k == 4 ? year_value(v, 4, 0) : 0;
		if (!y || y < 1949 || y >= 2200 || !match(d, i + 4, b, "年") ||
		    match_any(d, i + 4, b, after, COUNT(after), NULL) ||
		    (i > a && match_any(d, i - 1, i, before, COUNT(before), NULL)))
			continue;
		seen[y - 1900] = 1;
		if (y > top)
			top = y;
	}
	if (top && month >= 10 && seen[top - 1 - 1900])
		return top - 1;
	return top;
}

/* m's month and day in year y (2月29日 only in a leap year). 0 or
 * HY_ERR_NOMEM. */
int date_of_year(struct hy_meeting *m, int y)
{
	struct ymd t = {y, 0, 0, -1, -1};
	if (m->date || !m->month_day || sscanf(m->month_day, "%d-%d", &t.m, &t.d) != 2 ||
	    !ymd_valid(&t))
		return 0;
	m->date = fmt_date(&t, 0);
	m->date_basis = HY_DATE_BASIS_TEXT;
	return m->date ? 0 : HY_ERR_NOMEM;
}

size_t after_leading_day(const struct doc *d, size_t a, size_t e)
{
	static const char *const parts[] = {"上午", "下午", "晚上", "早上", "晚", "早"};
	struct ymd day;
	size_t k = parse_date(d, a, e, &day);
	return k ? a + k + match_any(d, a + k, e, parts, COUNT(parts), NULL) : a;
}
