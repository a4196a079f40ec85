/* title_page.c: the page's own lines above a story, which no title is: a
 * crumb whose last step is the title, a site's cry and its badges, a photo's
 * caption naming who chaired, the site's organ named above the page and
 * again under the title. find_title() (title.c) passes them by. */
#include "parse_int.h"

#include <string.h>

/* • 某某唯一具有新闻发布资质网站 / • 某市第一批文明网站: line i opens a
 * list of bulleted lines (it and the next line start with a bullet and a
 * space), a site's badges or menu, no title when it names no meeting. */
static int bullet_list(const struct doc *d, const struct span *lines, const enum line_kind *kind,
		       size_t nl, size_t i)
{
	size_t n = 0;
	/* (• 某县政协召开…常委会议 / • 发布时间:…: a page scraped as a list,
	 * its title a bullet's too) */
	if (find(d, lines[i].a, lines[i].b, "会") != NPOS)
		return 0;
	for (size_t j = i; j < nl && n < 2; j++) {
		if (kind[j] == L_BLANK)
			continue;
		size_t a = skip_spaces(d, lines[j].a, lines[j].b);
		if (a + 1 >= lines[j].b ||
		    (d->cp[a] != 0x2022 && d->cp[a] != 0x00B7 && d->cp[a] != 0x25CF) ||
		    !is_space(d->cp[a + 1]))
			return 0;
		n++;
	}
	return n == 2;
}

/* ? 某某主持会议 above the opening 9月9日，市长某某主持召开…: a photo's
 * caption naming who chaired (the name again in the next line's
 * chairing), no title. */
static int chair_caption(const struct doc *d, const struct span *lines, const enum line_kind *kind,
			 size_t nl, size_t i)
{
	static const char *const tails[] = {"主持会议并讲话", "主持会议", "主持并讲话", "讲话",
					    "主持"};
	size_t a = lines[i].a, b = lines[i].b;
	while (a < b && (is_space(d->cp[a]) || d->cp[a] == '?'))
		a++;
	while (b > a && is_space(d->cp[b - 1]))
		b--;
	size_t tl = longest_end(d, a, b, tails, COUNT(tails));
	/* the name, its characters perhaps set apart by spaces (廖 宏 主持) */
	uint32_t name[4];
	size_t n = 0;
	for (size_t k = a; tl && k < b - tl; k++) {
		if (is_space(d->cp[k]))
			continue;
		if (n == 4 || !is_han(d->cp[k]))
			return 0;
		name[n++] = d->cp[k];
	}
	if (!tl || n < 2)
		return 0;
	for (size_t j = i + 1; j < nl && j <= i + 3; j++) {
		if (kind[j] == L_BLANK)
			continue;
		for (size_t k = lines[j].a; k + n <= lines[j].b; k++)
			if (!memcmp(d->cp + k, name, n * sizeof *d->cp))
				return find(d, k + n, lines[j].b, "主持") != NPOS;
		return 0;
	}
	return 0;
}

/* 某县人大常委会 / 当前位置: / 工作动态 / (the title) / 某县人大常委会 /
 * 时间:…: the site's own organ, its name above the page and again under
 * the title, no title itself. */
static int site_organ(const struct doc *d, const struct span *lines, size_t nl, size_t i)
{
	static const char *const organs[] = {"人大常委会", "人民政府", "政府",  "政协",
					     "委员会",     "党委",     "党工委"};
	size_t a = skip_spaces(d, lines[i].a, lines[i].b), b = lines[i].b;
	while (b > a && is_space(d->cp[b - 1]))
		b--;
	if (b - a < 4 || b - a > 12 || count_han(d, a, b) != b - a ||
	    !longest_end(d, a, b, organs, COUNT(organs)) || find(d, a, b, "召开") != NPOS ||
	    find(d, a, b, "第") != NPOS)
		return 0;
	for (size_t j = i + 1; j < nl && j <= i + 8; j++) {
		size_t la = skip_spaces(d, lines[j].a, lines[j].b), lb = lines[j].b;
		while (lb > la && is_space(d->cp[lb - 1]))
			lb--;
		if (lb - la == b - a && !memcmp(d->cp + la, d->cp + a, (b - a) * sizeof *d->cp))
			return 1;
	}
	return 0;
}

/* Line i is a crumb (A > B) whose last step is the text of one of the
 * next body lines: the title, set again below its crumbs. */
static int crumb_to_title(const struct doc *d, const struct span *lines, const enum line_kind *kind,
			  size_t nl, size_t i)
{
	size_t a = lines[i].a, b = lines[i].b, gt = NPOS;
	for (size_t k = a; k < b; k++)
		if (d->cp[k] == '>')
			gt = k;
	if (gt == NPOS || gt == a)
		return 0;
	size_t ta = skip_spaces(d, gt + 1, b), tb = b;
	while (tb > ta && is_space(d->cp[tb - 1]))
		tb--;
	if (tb - ta < 6)
		return 0;
	for (size_t j = i + 1, seen = 0; j < nl && seen < 3; j++) {
		if (kind[j] != L_BODY)
			continue;
		seen++;
		size_t la = skip_spaces(d, lines[j].a, lines[j].b), lb = lines[j].b;
		while (lb > la && is_space(d->cp[lb - 1]))
			lb--;
		if (lb - la == tb - ta &&
		    !memcmp(d->cp + la, d->cp + ta, (tb - ta) * sizeof *d->cp))
			return 1;
	}
	return 0;
}

/* 内容丰富有趣,生活中的好帮手!: a site's cry, a short line that ends with
 * an exclamation mark and names no meeting. */
static int site_cry(const struct doc *d, size_t a, size_t b)
{
	while (b > a && is_space(d->cp[b - 1]))
		b--;
	/* (扫一扫 手机服务更方便: a prompt to scan the page's code) */
	if (b > a && b - a <= 20 && match(d, a, b, "扫一扫"))
		return 1;
	return b > a && b - a <= 40 && (d->cp[b - 1] == '!' || d->cp[b - 1] == 0xFF01) &&
	       find(d, a, b, "会") == NPOS;
}

/* Is line i, among the first body lines, one of the page's own (above)? */
int page_line(const struct doc *d, const struct span *lines, const enum line_kind *kind, size_t nl,
	      size_t i)
{
	return crumb_to_title(d, lines, kind, nl, i) || site_cry(d, lines[i].a, lines[i].b) ||
	       bullet_list(d, lines, kind, nl, i) || chair_caption(d, lines, kind, nl, i) ||
	       site_organ(d, lines, nl, i);
}
