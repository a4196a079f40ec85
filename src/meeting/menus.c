/* menus.c: a line that is one of the site's menus, not the story's: an
 * e-paper's menu of its titles, the keywords for search engines, a menu
 * of places or of columns, the site's name and the columns over a story,
 * a portal's links to the organs' sites.
 * linekind.c asks before anything else. */
#include "parse_int.h"

/* 《某某日报》 《某某日报藏文版》 《某某商报》: an e-paper's menu of its
 * titles, three or more in marks, nothing but spaces between. */
static int papers_menu(const struct doc *d, size_t a, size_t b)
{
	size_t n = 0;
	for (size_t i = skip_spaces(d, a, b); i < b; i = skip_spaces(d, i, b)) {
		if (d->cp[i] != 0x300A /* 《 */)
			return 0;
		size_t e = i + 1;
		while (e < b && e - i <= 20 && d->cp[e] != 0x300B)
			e++;
		if (e >= b || d->cp[e] != 0x300B)
			return 0;
		n++;
		i = e + 1;
	}
	return n >= 3;
}

/* 某某在线_客家祖地_某某新闻_某某新闻中心: a site's keywords for search
 * engines, four or more short words joined by underscores, nothing of a
 * sentence; or its menu joined by bars (人民代表大会|常委会与主任会议|…). */
static int keywords_line(const struct doc *d, size_t a, size_t b)
{
	size_t n = 1, run = 0;
	for (size_t i = a; i < b; i++) {
		uint32_t c = d->cp[i];
		if (c == '_' || c == '|') {
			if (run == 0)
				return 0;
			n++;
			run = 0;
		} else if (is_han(c) || is_digit(c) ||
			   (c < 0x80 && (c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
			if (++run > 12)
				return 0;
		} else if (!is_space(c)) {
			return 0;
		}
	}
	return n >= 4 && run > 0;
}

/* 乡镇(街道)分站: 苏湾镇 柘皋镇 … 亚父街道: a site's menu of places, six
 * or more parted by spaces, each a short name with its level; or of its
 * columns, its home page (首页) among them. */
static int places_menu(const struct doc *d, size_t a, size_t b)
{
	static const char *const levels[] = {"镇", "乡", "街道", "县", "区", "市", "旗"};
	size_t n = 0, bad = 0, words = 0, home = 0;
	for (size_t i = a; i < b;) {
		while (i < b && is_space(d->cp[i]))
			i++;
		size_t e = i;
		while (e < b && !is_space(d->cp[e]))
			e++;
		if (e == b && n == 0 && words == 0)
			return 0;
		if (e > i) {
			int han = e - i >= 2 && e - i <= 6 && count_han(d, i, e) == e - i;
			int place = han && longest_end(d, i, e, levels, COUNT(levels));
			n += place;
			bad += !place;
			words += han;
			home |= han && ends_with(d, i, e, "首页", NULL);
		}
		i = e;
	}
	/* (网站首页 头条关注 四川要闻 …: a menu of the site's columns, its
	 * home among them) */
	return (n >= 6 && bad <= 1) || (home && words >= 6 && words + 1 >= n + bad);
}

/* 某某新闻网 新闻中心 某某城事: the site's name and the columns over the
 * story, short words parted by spaces, the first a site's. */
static int site_columns(const struct doc *d, size_t a, size_t b)
{
	static const char *const sites[] = {"网", "新闻网", "在线", "发布", "融媒"};
	size_t words = 0;
	for (size_t i = skip_spaces(d, a, b); i < b; i = skip_spaces(d, i, b)) {
		size_t e = i;
		while (e < b && !is_space(d->cp[e]))
			e++;
		if (e - i < 2 || e - i > 6 || count_han(d, i, e) != e - i ||
		    (words == 0 && !longest_end(d, i, e, sites, COUNT(sites))))
			return 0;
		words++;
		i = e;
	}
	return words >= 3 && words <= 6;
}

/* 重庆市人民政府网 区人大 区政协 网站专栏, 四川省人民政府 | 某市人民政府
 * 政务微博: a portal's links to the organs' sites, three words or more
 * parted by spaces or bars, each a site's, an organ's or a column's. */
static int organs_menu(const struct doc *d, size_t a, size_t b)
{
	static const char *const ends[] = {"人民政府", "政府网", "人大", "政协", "专栏",
					   "微博",     "微信",   "网",   "党委", "政府"};
	size_t words = 0;
	for (size_t i = skip_spaces(d, a, b); i < b;) {
		if (d->cp[i] == '|') {
			i = skip_spaces(d, i + 1, b);
			continue;
		}
		size_t e = i;
		while (e < b && !is_space(d->cp[e]) && d->cp[e] != '|')
			e++;
		if (e - i < 2 || e - i > 12 || count_han(d, i, e) != e - i ||
		    !longest_end(d, i, e, ends, COUNT(ends)) || find(d, i, e, "会") != NPOS)
			return 0;
		words++;
		i = skip_spaces(d, e, b);
	}
	return words >= 3;
}

int menu_line(const struct doc *d, size_t a, size_t b)
{
	return papers_menu(d, a, b) || keywords_line(d, a, b) || places_menu(d, a, b) ||
	       site_columns(d, a, b) || organs_menu(d, a, b);
}
