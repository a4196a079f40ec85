/* year.c: the year a readout's text does not give.
 *
 * Most readouts say only 3月8日. The parser keeps that as month_day and
 * dates the meeting itself when the text holds a year (the sentence, the
 * title, the publish line). What is left comes from outside the text, in
 * this order (DESIGN.md §2 dates): a date in the file's path or the
 * page's address, the year given to `huiyi import --year`, and the file's
 * modification time, which is only a guess. A meeting is held before the
 * date that places it, so a December meeting placed by a January date
 * belongs to the year before.
 *
 * Pure functions: the caller reads the file's time and passes it in. */
#include "huiyi/meeting.h"

#include "huiyi/err.h"
#include "huiyi/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A date that places a readout; m and d are 0 when not known. */
struct placing {
	int y, m, d;
};

static int year_ok(long y)
{
	return y >= 1949 && y <= 2100;
}

static int month_ok(long m)
{
	return m >= 1 && m <= 12;
}

static int day_ok(long d)
{
	return d >= 1 && d <= 31;
}

/* Value of the n ASCII digits at s. */
static long digits_value(const char *s, size_t n)
{
	long v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_sep(char c)
{
	return c == '/' || c == '-' || c == '_' || c == '.';
}

/* The date written in a path or address, most precise first: a run of
 * eight digits (t20240513_…, 20240513), a year and month with or without
 * a day joined by / - _ . (/2024/05/13/, 2024-05, 2024_05_13), a run of
 * six (202405), a year alone between separators (/2024/). Of two equally
 * precise dates the one nearer the end (the file's own name) wins.
 * Returns the precision found: 3 day, 2 month, 1 year, 0 none. */
static int path_date(const char *s, struct placing *out)
{
	int best = 0;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		if (!is_digit(s[i])) {
			i++;
			continue;
		}
		size_t a = i;
		while (i < n && is_digit(s[i]))
			i++;
		size_t len = i - a;
		struct placing p = {0};
		int prec = 0;
		if (len == 8) {
			p.y = (int)digits_value(s + a, 4);
			p.m = (int)digits_value(s + a + 4, 2);
			p.d = (int)digits_value(s + a + 6, 2);
			if (year_ok(p.y) && month_ok(p.m) && day_ok(p.d))
				prec = 3;
		} else if (len == 6) {
			p.y = (int)digits_value(s + a, 4);
			p.m = (int)digits_value(s + a + 4, 2);
			if (year_ok(p.y) && month_ok(p.m))
				prec = 2;
		} else if (len == 4 && year_ok(digits_value(s + a, 4)) &&
			   (a == 0 || !is_digit(s[a - 1]))) {
			p.y = (int)digits_value(s + a, 4);
			prec = (a == 0 || is_sep(s[a - 1])) && (i == n || is_sep(s[i])) ? 1 : 0;
			/* 2024/05, 2024-05-13 */
			size_t j = i;
			if (j + 1 < n && is_sep(s[j]) && is_digit(s[j + 1])) {
				size_t b = ++j;
				while (j < n && is_digit(s[j]))
					j++;
				if (j - b <= 2 && month_ok(digits_value(s + b, j - b))) {
					p.m = (int)digits_value(s + b, j - b);
					prec = 2;
					i = j;
					if (j + 1 < n && s[j] == s[b - 1] && is_digit(s[j + 1])) {
						size_t c = ++j;
						while (j < n && is_digit(s[j]))
							j++;
						if (j - c <= 2 &&
						    day_ok(digits_value(s + c, j - c))) {
							p.d = (int)digits_value(s + c, j - c);
							prec = 3;
							i = j;
						}
					}
				}
			}
		}
		if (prec && prec >= best) {
			best = prec;
			*out = p;
		}
	}
	return best;
}

/* The year of a meeting held on month mm, day md, placed by p: the
 * placing year, or the one before when the meeting would otherwise come
 * after it (a December meeting placed in January). A week's slack on the
 * day, a month's on the month: pages are dated loosely. */
static int year_before(int mm, int md, const struct placing *p)
{
	if (!p->m)
		return p->y;
	if (mm > p->m + 1 || (p->m == 1 && mm == 12))
		return p->y - 1;
	if (mm == p->m + 1 && p->d && md > 7 && p->d < 25)
		return p->y - 1;
	if (mm == p->m && p->d && md > p->d + 7)
		return p->y - 1;
	return p->y;
}

static int days_in_month(int y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

int hy_meeting_complete_date(struct hy_meeting *m, const struct hy_date_hints *h)
{
	int mm, md;
	char tail;
	if (m->date) {
		if (!m->month_day) {
			m->month_day = strndup(m->date + 5, 5);
			if (!m->month_day)
				return HY_ERR_NOMEM;
		}
		return 0;
	}
	if (!m->month_day || !h || sscanf(m->month_day, "%2d-%2d%c", &mm, &md, &tail) != 2 ||
	    !month_ok(mm) || !day_ok(md))
		return 0;
	struct placing p = {0};
	enum hy_date_basis basis = HY_DATE_BASIS_NONE;
	if (h->source && path_date(h->source, &p)) {
		basis = HY_DATE_BASIS_PATH;
	} else if (h->year && year_ok(h->year)) {
		p.y = h->year;
		basis = HY_DATE_BASIS_GIVEN;
	} else if (h->mtime > 0) {
		time_t t = (time_t)h->mtime;
		struct tm tm;
		if (gmtime_r(&t, &tm) && year_ok(tm.tm_year + 1900)) {
			p.y = tm.tm_year + 1900;
			p.m = tm.tm_mon + 1;
			p.d = tm.tm_mday;
			basis = HY_DATE_BASIS_FILE_TIME;
		}
	}
	if (basis == HY_DATE_BASIS_NONE)
		return 0;
	int y = basis == HY_DATE_BASIS_GIVEN ? p.y : year_before(mm, md, &p);
	if (md > days_in_month(y, mm))
		return 0; /* 02-29 in a year without one: leave it partial */
	char buf[16];
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mm, md);
	m->date = strdup(buf);
	if (!m->date)
		return HY_ERR_NOMEM;
	m->date_basis = basis;
	if (basis == HY_DATE_BASIS_FILE_TIME)
		m->guessed |= HY_GUESSED_YEAR;
	return 0;
}

const char *hy_meeting_date_precision(const struct hy_meeting *m)
{
	if (m->date && !(m->guessed & HY_GUESSED_YEAR))
		return "day";
	if (m->month_day || m->date)
		return "month-day";
	return "none";
}

static const char *const basis_names[] = {
	[HY_DATE_BASIS_TEXT] = "text",           [HY_DATE_BASIS_PUBLISH] = "publish",
	[HY_DATE_BASIS_PATH] = "path",           [HY_DATE_BASIS_GIVEN] = "given",
	[HY_DATE_BASIS_FILE_TIME] = "file-time",
};

const char *hy_date_basis_name(enum hy_date_basis b)
{
	if ((unsigned)b >= sizeof basis_names / sizeof basis_names[0])
		return NULL;
	return basis_names[b];
}

enum hy_date_basis hy_date_basis_from_name(const char *name)
{
	for (size_t i = 1; name && i < sizeof basis_names / sizeof basis_names[0]; i++)
		if (strcmp(basis_names[i], name) == 0)
			return (enum hy_date_basis)i;
	return HY_DATE_BASIS_NONE;
}

static const char *const guessed_names[] = {"year", "title"};

void hy_meeting_guessed_names(unsigned g, char *buf, size_t len)
{
	size_t at = 0;
	if (len)
		buf[0] = '\0';
	for (size_t i = 0; i < sizeof guessed_names / sizeof guessed_names[0]; i++) {
		if (!(g & (1u << i)))
			continue;
		int n = snprintf(buf + at, at < len ? len - at : 0, "%s%s", at ? "," : "",
				 guessed_names[i]);
		if (n < 0 || (size_t)n >= (at < len ? len - at : 0))
			return;
		at += (size_t)n;
	}
}

unsigned hy_meeting_guessed_from(const char *names)
{
	unsigned g = 0;
	for (const char *p = names; p && *p;) {
		size_t n = strcspn(p, ",");
		for (size_t i = 0; i < sizeof guessed_names / sizeof guessed_names[0]; i++)
			if (strlen(guessed_names[i]) == n && strncmp(p, guessed_names[i], n) == 0)
				g |= 1u << i;
		p += n + (p[n] == ',');
	}
	return g;
}

void hy_meeting_date_label(const char *date, const char *month_day, int year_guessed, char *buf,
			   size_t len)
{
	int mm, md;
	if (!len)
		return;
	buf[0] = '\0';
	if (date)
		snprintf(buf, len, "%s%s", date, year_guessed ? "?" : "");
	else if (month_day && sscanf(month_day, "%2d-%2d", &mm, &md) == 2)
		snprintf(buf, len, "%d月%d日", mm, md);
}

void hy_meeting_date_text(const struct hy_meeting *m, char *buf, size_t len)
{
	/* (a note in the user's language: i18n.h) */
	static const char *const from[] = {
		[HY_DATE_BASIS_PATH] = N_(" (year from the source's path)"),
		[HY_DATE_BASIS_GIVEN] = N_(" (year from --year)"),
		[HY_DATE_BASIS_FILE_TIME] = N_(" (year guessed from the file's time)"),
	};
	if (!len)
		return;
	buf[0] = '\0';
	if (m->date) {
		const char *note =
			(size_t)m->date_basis < sizeof from / sizeof from[0] && from[m->date_basis]
				? _(from[m->date_basis])
				: "";
		snprintf(buf, len, "%s%s", m->date, note);
	} else if (m->month_day) {
		snprintf(buf, len, _("%s (year unknown)"), m->month_day);
	}
}
