/* html_sniff.c: a saved page told by its bytes (html.h): whether a file is
 * an HTML document at all, the charset it declares (the HTML standard's
 * prescan of its first 8 KiB), and its bytes decoded by it. No tree: the
 * tree and the article are html.c's. */
#include "huiyi/html.h"

#include "huiyi/decode.h"
#include "huiyi/err.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int ieq_prefix(const char *s, size_t n, const char *lit)
{
	size_t k = strlen(lit);
	return n >= k && strncasecmp(s, lit, k) == 0;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* s[0..n) holds lit, case-insensitively. */
static int icontains(const char *s, size_t n, const char *lit)
{
	size_t k = strlen(lit);
	for (size_t i = 0; i + k <= n; i++)
		if (strncasecmp(s + i, lit, k) == 0)
			return 1;
	return 0;
}

int hy_html_sniff(const char *t, size_t len, const char *name)
{
	static const char *const opens[] = {"<!doctype html", "<html", "<head",
					    "<body",          "<meta", "<title"};
	size_t i = 0, head = len < 1024 ? len : 1024;

	if (len >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (;;) {
		while (i < len && is_blank(t[i]))
			i++;
		if (ieq_prefix(t + i, len - i, "<?xml") || ieq_prefix(t + i, len - i, "<!--")) {
			const char *end = ieq_prefix(t + i, len - i, "<!--") ? "-->" : "?>";
			size_t j = i + 4, k = strlen(end);
			while (j + k <= len && memcmp(t + j, end, k) != 0)
				j++;
			if (j + k > len)
				break;
			i = j + k;
			continue;
		}
		break;
	}
	for (size_t k = 0; k < sizeof opens / sizeof opens[0]; k++)
		if (ieq_prefix(t + i, len - i, opens[k]))
			return 1;
	if (i < len && t[i] == '<' && (icontains(t, head, "<html") || icontains(t, head, "<body")))
		return 1;
	/* <p class="…"> …</p> <p>…</p>: a scraper's fragment of a page, its
	 * paragraphs' tags kept; two closing tags of blocks in its first
	 * 4 KiB, and it opens with a block's tag */
	static const char *const blocks[] = {"<p>", "<p ", "<div",   "<section", "<article", "<h1",
					     "<h2", "<h3", "<table", "<ul",      "<br"};
	int opens_block = 0;
	for (size_t k = 0; k < sizeof blocks / sizeof blocks[0]; k++)
		opens_block |= ieq_prefix(t + i, len - i, blocks[k]);
	/* (or a headline and a line or two of text first, then a line that
	 * opens with <p class="…">: the page's title kept above its fragment;
	 * three closing tags then) */
	int need = 2;
	for (size_t j = i, lines = 0; !opens_block && j < len && j < 2048 && lines < 6; j++) {
		if (t[j] != '\n')
			continue;
		lines++;
		size_t q = j + 1;
		while (q < len && (t[q] == ' ' || t[q] == '\t'))
			q++;
		for (size_t k = 0; k < 2; k++) /* <p> or <p … */
			opens_block |= ieq_prefix(t + q, len - q, blocks[k]);
		need = 3;
	}
	if (opens_block) {
		size_t n4 = len < 4096 ? len : 4096, closes = 0;
		/* (</h3> too: a fragment whose every paragraph is a heading's
		 * tag, <h3> 9月1日下午，… </h3> <h3> 会上，… </h3>) */
		for (size_t j = i; j + 4 <= n4; j++)
			closes += strncasecmp(t + j, "</p>", 4) == 0 ||
				  (j + 6 <= n4 && strncasecmp(t + j, "</div>", 6) == 0) ||
				  (j + 5 <= n4 && strncasecmp(t + j, "</h", 3) == 0 &&
				   t[j + 3] >= '1' && t[j + 3] <= '6' && t[j + 4] == '>');
		if (closes >= (size_t)need)
			return 1;
	}
	if (name && i + 1 < len && t[i] == '<' &&
	    ((t[i + 1] | 0x20) >= 'a' && (t[i + 1] | 0x20) <= 'z')) {
		const char *dot = strrchr(name, '.');
		if (dot && (strcasecmp(dot, ".htm") == 0 || strcasecmp(dot, ".html") == 0 ||
			    strcasecmp(dot, ".shtml") == 0 || strcasecmp(dot, ".xhtml") == 0))
			return 1;
	}
	return 0;
}

/* One attribute of a tag at s[*i..n) (the HTML standard's prescan):
 * name into nm, value into val (both cut to their buffers, lower-cased
 * name). 0 at the tag's end. */
static int next_attr(const char *s, size_t n, size_t *i, char *nm, size_t nmlen, char *val,
		     size_t vlen)
{
	size_t p = *i, a = 0, b = 0;
	while (p < n && (is_blank(s[p]) || s[p] == '/'))
		p++;
	if (p >= n || s[p] == '>')
		return 0;
	while (p < n && !is_blank(s[p]) && s[p] != '=' && s[p] != '>' && s[p] != '/') {
		if (a + 1 < nmlen)
			nm[a++] = (char)((s[p] >= 'A' && s[p] <= 'Z') ? s[p] | 0x20 : s[p]);
		p++;
	}
	nm[a] = '\0';
	while (p < n && is_blank(s[p]))
		p++;
	if (p < n && s[p] == '=') {
		p++;
		while (p < n && is_blank(s[p]))
			p++;
		if (p < n && (s[p] == '"' || s[p] == '\'')) {
			char q = s[p++];
			while (p < n && s[p] != q) {
				if (b + 1 < vlen)
					val[b++] = s[p];
				p++;
			}
			p += p < n;
		} else {
			while (p < n && !is_blank(s[p]) && s[p] != '>') {
				if (b + 1 < vlen)
					val[b++] = s[p];
				p++;
			}
		}
	}
	val[b] = '\0';
	*i = p;
	return 1;
}

/* The charset name in a Content-Type value ("text/html; charset=gbk"). */
static void charset_of_content(const char *v, char *out, size_t outlen)
{
	const char *c = NULL;
	for (const char *p = v; *p; p++)
		if (strncasecmp(p, "charset", 7) == 0) {
			c = p + 7;
			break;
		}
	out[0] = '\0';
	if (!c)
		return;
	while (*c == ' ')
		c++;
	if (*c != '=')
		return;
	c++;
	while (*c == ' ' || *c == '"' || *c == '\'')
		c++;
	size_t k = 0;
	while (c[k] && c[k] != ';' && c[k] != ' ' && c[k] != '"' && c[k] != '\'' && k + 1 < outlen)
		k++;
	memcpy(out, c, k);
	out[k] = '\0';
}

const char *hy_html_charset(const char *raw, size_t n, char *buf, size_t buflen)
{
	static const struct {
		const char *name, *as;
	} known[] = {
		{"gb2312", "GB18030"},  {"gbk", "GB18030"},        {"x-gbk", "GB18030"},
		{"gb18030", "GB18030"}, {"cp936", "GB18030"},      {"windows-936", "GB18030"},
		{"euc-cn", "GB18030"},  {"gb_2312-80", "GB18030"}, {"big5", "Big5"},
		{"x-x-big5", "Big5"},   {"cp950", "Big5"},         {"big5-hkscs", "Big5-HKSCS"},
		{"utf-8", "UTF-8"},     {"utf8", "UTF-8"},
	};
	char nm[32], val[256], cs[64] = "";
	size_t lim = n < 8192 ? n : 8192;

	if (!buf || buflen == 0)
		return NULL;
	for (size_t i = 0; i < lim && !cs[0]; i++) {
		if (raw[i] != '<')
			continue;
		if (ieq_prefix(raw + i, lim - i, "<!--")) {
			size_t j = i + 4;
			while (j + 3 <= lim && memcmp(raw + j, "-->", 3) != 0)
				j++;
			i = j + 2;
			continue;
		}
		if (!ieq_prefix(raw + i, lim - i, "<meta") || i + 5 >= lim ||
		    !(is_blank(raw[i + 5]) || raw[i + 5] == '/'))
			continue;
		size_t p = i + 5;
		int equiv = 0;
		char content[64] = "";
		while (next_attr(raw, lim, &p, nm, sizeof nm, val, sizeof val)) {
			if (strcmp(nm, "charset") == 0 && !cs[0])
				snprintf(cs, sizeof cs, "%.63s", val);
			else if (strcmp(nm, "http-equiv") == 0)
				equiv = strcasecmp(val, "content-type") == 0;
			else if (strcmp(nm, "content") == 0)
				charset_of_content(val, content, sizeof content);
		}
		if (!cs[0] && equiv && content[0])
			snprintf(cs, sizeof cs, "%s", content);
		i = p;
	}
	/* a name is printable ASCII without blanks ("gb 2312" names none) */
	size_t a = 0, b = strlen(cs);
	while (a < b && is_blank(cs[a]))
		a++;
	while (b > a && is_blank(cs[b - 1]))
		b--;
	memmove(cs, cs + a, b - a);
	cs[b - a] = '\0';
	for (const char *p = cs; *p; p++)
		if (*p <= ' ' || *p > '~')
			return NULL;
	if (!cs[0])
		return NULL;
	for (size_t k = 0; k < sizeof known / sizeof known[0]; k++)
		if (strcasecmp(cs, known[k].name) == 0) {
			snprintf(buf, buflen, "%s", known[k].as);
			return buf;
		}
	/* Western single-byte names and UTF-16 (a page read as ASCII
	 * cannot be UTF-16) say nothing true about a Chinese page. */
	if (strncasecmp(cs, "iso-8859", 8) == 0 || strncasecmp(cs, "windows-125", 11) == 0 ||
	    strncasecmp(cs, "us-ascii", 8) == 0 || strncasecmp(cs, "ascii", 5) == 0 ||
	    strncasecmp(cs, "latin", 5) == 0 || strncasecmp(cs, "utf-16", 6) == 0)
		return NULL;
	snprintf(buf, buflen, "%s", cs);
	return buf;
}

int hy_html_decode(const char *raw, size_t n, const char *encoding, struct hy_decoded *out,
		   char *err, size_t errlen)
{
	char buf[64];
	const char *cs = NULL;
	int rc;

	if (!encoding &&
	    !(n >= 2 && ((unsigned char)raw[0] == 0xFF || (unsigned char)raw[0] == 0xFE ||
			 (unsigned char)raw[0] == 0xEF)))
		cs = hy_html_charset(raw, n, buf, sizeof buf);
	if (encoding || !cs)
		return hy_decode(raw, n, encoding, out, err, errlen);
	rc = hy_decode(raw, n, cs, out, NULL, 0);
	if (rc == HY_ERR_NOMEM)
		return hy_err_set(err, errlen, rc, "out of memory");
	if (rc == 0 && out->replaced == 0)
		return 0;
	/* an unknown name, or bytes the declared charset does not read: ask
	 * detection, and keep whichever reads more */
	struct hy_decoded d;
	int rc2 = hy_decode(raw, n, NULL, &d, err, errlen);
	if (rc2)
		return rc2 == HY_ERR_NOMEM || rc ? (hy_decoded_free(out), rc2) : 0;
	if (rc == 0 && out->replaced <= d.replaced) {
		hy_decoded_free(&d);
		return 0;
	}
	hy_decoded_free(out);
	*out = d;
	return 0;
}
