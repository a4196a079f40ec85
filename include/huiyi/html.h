/* html.h: a saved web page → the readout's text (DESIGN.md §2 html).
 *
 * A page is parsed with libxml2's HTML parser (never with patterns over
 * the markup). What comes out has the shape of a .txt readout, so that it
 * goes through clean and parse like one: the title on the first line,
 * the page's publish line(s), then the article, one paragraph a line.
 *
 * - Dropped whole: script, style, noscript, template, iframe, svg, nav,
 *   aside, select, button, header and footer (not an article's own),
 *   forms that hold under half the page's Han characters (an ASP.NET
 *   page wraps the whole page in one), elements whose class or id names a share widget,
 *   navigation, a menu, a breadcrumb, a footer or a copyright notice;
 *   comments. Block elements and <br> end a paragraph; cells of a row
 *   are joined by a space.
 * - The article: every block (div, td, article, section, main, body …)
 *   is worth the Han characters of its sentences (text that holds 。，；
 *   ！ or ？: not titles, labels, menus, metadata) outside links, minus
 *   the Han characters inside links;
 *   the article is the smallest block worth 90% of the best. A CMS
 *   container (class or id TRS_Editor, Custom_UnionStyle, zoom, article,
 *   content …, or <article>) worth half the best or more is preferred.
 * - The title: a heading (h1–h3, or a class or id with "title") at the
 *   start of the article, else the last one before it that is no site
 *   name, else <title> without the site name (split on " - ", "_", "|";
 *   the longest part that does not end like a site: 政府, 网, 网站 …).
 * - The publish time: the lines between the heading and the article that
 *   carry a date or a 来源 label, else the page's metadata (PubDate,
 *   publishdate, article:published_time …) as "发布时间：YYYY-MM-DD HH:MM".
 * - The address: <link rel="canonical"> or og:url, when absolute. */
#ifndef HUIYI_HTML_H
#define HUIYI_HTML_H

#include <stddef.h>

#include "huiyi/decode.h"

struct hy_html {
	char *text; /* the readout's text, UTF-8, NUL-terminated */
	size_t len;
	char *title;     /* or NULL */
	char *published; /* "YYYY-MM-DD[ HH:MM]" from the metadata, or NULL */
	char *url;       /* the page's own address, or NULL */
};

/* Call once before threads parse pages (libxml2's set-up). */
void hy_html_init(void);

/* 1 if text[0..len) is an HTML document: after a BOM, blanks, an XML
 * declaration or comments it opens with <!DOCTYPE html, <html, <head,
 * <body, <meta or <title, or it opens with a tag and <html or <body
 * comes in its first 1,024 bytes; or it opens with a block's tag (<p, <div, <br …) and
 * closes two blocks (</p>, </div>) in its first 4 KiB (a scraper's fragment); or name (may be
 * NULL) ends in .htm, .html, .shtml or .xhtml and the text opens with a tag. Works on raw bytes of ASCII-compatible
 * encodings and on decoded text alike. */
int hy_html_sniff(const char *text, size_t len, const char *name);

/* The charset a page declares in its first 8 KiB (<meta charset=…>, or
 * http-equiv Content-Type's charset=), as a name hy_decode knows, into
 * buf; NULL when none, or when it names a single-byte Western charset
 * (a Chinese page declared so is mislabelled: detection reads it). */
const char *hy_html_charset(const char *raw, size_t n, char *buf, size_t buflen);

/* Decode a page: encoding when given; else its declared charset, unless
 * detection (decode.h) reads the bytes with fewer U+FFFD; else detection.
 * As hy_decode. */
int hy_html_decode(const char *raw, size_t n, const char *encoding, struct hy_decoded *out,
		   char *err, size_t errlen);

/* The readout's text of the page utf8[0..len) (see above) into *out.
 * Returns 0, HY_ERR_NOMEM, or HY_ERR_INVALID when libxml2 cannot read it
 * at all. On error *out is zeroed. */
int hy_html_extract(const char *utf8, size_t len, struct hy_html *out);

/* *out = "YYYY-MM-DD HH:MM" (or "YYYY-MM-DD") of a date as pages and
 * scrapers write it ("2024-05-13 10:22:31", "2024/5/13",
 * "2024-05-13T10:22:31+08:00", "2024年5月13日"), malloc()ed; NULL when
 * v holds none. Returns 0 or HY_ERR_NOMEM. */
int hy_html_date(const char *v, char **out);

/* 1 when s[0..n) writes a date with its year (2024-05-13, 2024/5/13,
 * 2024.05.13, 2024年5月13日: a four-digit year from 1949, then a month);
 * the cleaner's too (chrome.c: a breadcrumb that carries the publish
 * time). */
int hy_html_has_date(const char *s, size_t n);

/* Free what *h holds and zero it; safe twice. */
void hy_html_free(struct hy_html *h);

#endif
