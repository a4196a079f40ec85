/* place_page.c: a place named only in the page's furniture, which the
 * cleaner removes before the parser reads the text: the breadcrumb
 * (当前位置：首页 > 某县人民政府 > 政府信息公开), the footer (主办单位：某县融媒体中心,
 * 版权所有©某市人民政府网) and the credit line (文章来源：某区). The site a
 * readout was published on is its place's own (README: a place named only
 * in a credit line is the body's), so such a name at the body's level is
 * taken when nothing in the text gave one. */
#include "parse_int.h"

#include "huiyi/clean.h"
#include "huiyi/err.h"

#include <stdlib.h>
#include <string.h>

/* Labels that open a credit line (kept by the cleaner: the parser reads
 * the publish time beside them) or a footer line (removed). */
static const char *const credits[] = {"来源",     "信息来源", "文章来源", "稿件来源", "稿源",
				      "主办单位", "主办",     "承办单位", "版权所有"};

/* A line of the page is furniture when the cleaner removes it, or when
 * it opens with a credit label. */
static int furniture(const char *s, size_t n)
{
	if (hy_clean_is_chrome(s, n))
		return 1;
	struct doc d;
	if (doc_init(&d, s, n))
		return -1;
	/* (发布日期：… 文章来源：某区 浏览次数：: the credit may follow the date) */
	int credit = 0;
	for (size_t i = 0; i < d.n && !credit; i++) {
		size_t l = match_any(&d, i, d.n, credits, COUNT(credits), NULL);
		credit = l && (i == 0 || (i + l < d.n && d.cp[i + l] == ':'));
	}
	doc_free(&d);
	return credit;
}

/* The place alone at a, at the level: a name of two to four Han
 * characters and the level, then a space, a > or the line's end. Its end,
 * or 0. */
static size_t alone_at_level(const struct doc *d, size_t a, const char *level)
{
	size_t ll = strlen(level) / 3; /* the levels are Han: 3 bytes each */
	size_t e = a;
	while (e < d->n && is_han(d->cp[e]))
		e++;
	if (e - a < ll + 2 || e - a > ll + 4 ||
	    !(e == d->n || is_space(d->cp[e]) || d->cp[e] == '>'))
		return 0;
	return match(d, e - ll, d->n, level) && place_start(d, e - ll) == a ? e : 0;
}

/* 文章来源：某区 (浏览次数…): a credit that is the place alone, at the level. */
static int credit_place(const char *s, size_t n, const char *level, char **place)
{
	struct doc d;
	if (doc_init(&d, s, n))
		return HY_ERR_NOMEM;
	for (size_t i = 0; i < d.n; i++) {
		size_t l = match_any(&d, i, d.n, credits, COUNT(credits), NULL);
		if (!l)
			continue;
		size_t a = i + l;
		while (a < d.n && (d.cp[a] == ':' || d.cp[a] == ' ' || d.cp[a] == 0xA0))
			a++;
		if (a == i + l || a == d.n) /* 来源 without its colon */
			continue;
		size_t e = alone_at_level(&d, a, level);
		if (e && !(*place = doc_str(&d, a, e))) {
			doc_free(&d);
			return HY_ERR_NOMEM;
		}
		break;
	}
	doc_free(&d);
	return 0;
}

/* 当前位置: >> 县区人大 >> 某县: a breadcrumb's step that is the place
 * alone, at the level. */
static int crumb_place(const char *s, size_t n, const char *level, char **place)
{
	struct doc d;
	if (doc_init(&d, s, n))
		return HY_ERR_NOMEM;
	for (size_t i = 0; i < d.n && !*place; i++) {
		if (d.cp[i] != '>')
			continue;
		size_t a = i + 1;
		while (a < d.n && (d.cp[a] == '>' || is_space(d.cp[a])))
			a++;
		size_t e = alone_at_level(&d, a, level);
		if (e && !(*place = doc_str(&d, a, e))) {
			doc_free(&d);
			return HY_ERR_NOMEM;
		}
	}
	doc_free(&d);
	return 0;
}

/* Is place a bare name, no level at its end (盐都, as a remark gives it:
 * 书写…盐都新篇章)? -1 when out of memory. */
static int bare_name(const char *place)
{
	struct doc p;
	if (doc_init(&p, place, strlen(place)))
		return -1;
	int bare = !longest_end(&p, 0, p.n, place_levels, COUNT(place_levels));
	doc_free(&p);
	return bare;
}

/* The page's furniture lines, trimmed, each ending in '\n', into a
 * malloc'd *out of *n bytes: read once for both readings below. 0 or
 * HY_ERR_NOMEM. */
static int furniture_lines(const char *page, size_t len, char **out, size_t *n)
{
	char *lines = malloc(len + 1);
	if (!lines)
		return HY_ERR_NOMEM;
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(page + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - page) : len, a = i, z = e;
		i = e + 1;
		while (a < z && (page[a] == ' ' || page[a] == '\t' || page[a] == '\r'))
			a++;
		while (z > a && (page[z - 1] == ' ' || page[z - 1] == '\t' || page[z - 1] == '\r'))
			z--;
		if (z - a < 4 || z - a > 600)
			continue;
		int f = furniture(page + a, z - a);
		if (f < 0) {
			free(lines);
			return HY_ERR_NOMEM;
		}
		if (f > 0) {
			memcpy(lines + o, page + a, z - a);
			o += z - a;
			lines[o++] = '\n';
		}
	}
	*out = lines;
	*n = o;
	return 0;
}

/* A name at the body's level in the furniture lines; *many when two
 * differ. */
static int place_from_furniture(struct hy_meeting *m, const char *lines, size_t len, int *many)
{
	/* (m->place, when set, is a bare name from a remark: it gives way to
	 * the same name with its level in the furniture, 盐都 → > 盐都区政府
	 * 常务会议 >) */
	struct doc b;
	if (doc_init(&b, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	size_t which = 0;
	size_t ll = match_any(&b, 0, b.n, place_levels, COUNT(place_levels), &which);
	doc_free(&b);
	if (!ll)
		return 0;
	const char *level = place_levels[which];
	char *found = NULL;
	int rc = 0;
	for (size_t i = 0; i < len && !rc && !*many;) {
		const char *nl = memchr(lines + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - lines) : len, a = i;
		i = e + 1;
		if (e - a < 6)
			continue;
		char *p = NULL;
		rc = place_in(lines + a, e - a, level, 2, 0, &p, NULL);
		if (!rc && !p)
			rc = credit_place(lines + a, e - a, level, &p);
		if (!rc && !p)
			rc = crumb_place(lines + a, e - a, level, &p);
		if (rc || !p)
			continue;
		if (m->place && (strlen(p) <= strlen(m->place) ||
				 strncmp(p, m->place, strlen(m->place)) != 0)) {
			free(p); /* another name than the remark's */
			continue;
		}
		if (!found)
			found = p;
		else if (strcmp(found, p) != 0)
			*many = 1;
		if (p != found)
			free(p);
	}
	if (!rc && found && !*many) {
		free(m->place);
		m->place = found;
		found = NULL;
	}
	free(found);
	return rc;
}

int hy_meeting_place_from_page(struct hy_meeting *m, const char *page, size_t len)
{
	int bare = m->place ? bare_name(m->place) : 0;
	if (bare < 0)
		return HY_ERR_NOMEM;
	if (m->place && !bare) /* a place with its level: nothing to add */
		return 0;
	char *lines = NULL;
	size_t n = 0;
	int many = 0;
	int rc = furniture_lines(page, len, &lines, &n);
	if (!rc && m->body)
		rc = place_from_furniture(m, lines, n, &many);
	/* a bare name in the columns and credits (首页 > 某某要闻, > 某某动态,
	 * 来源：今日某某), the county's site naming its own place, when nothing
	 * else gave one: bare_place (organ.c) read over those lines alone */
	if (!rc && !m->place && !many && n)
		rc = bare_place(m, lines, n);
	free(lines);
	return rc;
}
