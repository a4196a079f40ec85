/* html.c: a saved web page → the readout's text (html.h; DESIGN.md §2).
 *
 * libxml2 parses (HTML parser, recovering, no network, no messages);
 * this file walks the tree twice: once to weigh every block (Han
 * characters outside and inside links), once to write the title, the
 * publish lines and the article as lines of text. */
#include "huiyi/html.h"

#include "huiyi/buf.h"
#include "huiyi/err.h"
#include "huiyi/fold.h"
#include "huiyi/utf8.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Deeper elements than this are left out (libxml2's HTML parser has no
 * depth limit; the walks recurse). */
#define MAX_DEPTH 256

/* An allocation of libxml2's that failed on this thread since the parse
 * began: libxml2 recovers from some by leaving a node out, which would
 * store a page's text with a hole in it (tests/oom found it), so the
 * whole parse fails instead. The thread's own flag: workers parse pages
 * at once. */
static _Thread_local int xml_oom;
/* The parse under way on this thread: halted at the first failure, as
 * libxml2 halts on the failures it reports (without this, libxml2 2.9.14
 * was found looping for ever after one it does not; make oom found two
 * more such loops, in htmlParseDocument, until the input was made to end
 * too). */
static _Thread_local htmlParserCtxtPtr xml_ctxt;

static void xml_failed(void)
{
	xml_oom = 1;
	if (xml_ctxt) {
		xml_ctxt->instate = XML_PARSER_EOF;
		xml_ctxt->disableSAX = 1;
		/* and the rest of the input read as its end: loops that wait
		 * for it (not for the state) stop there; nothing is freed under
		 * the parser's feet (xmlStopParser would free the input) */
		if (xml_ctxt->input && xml_ctxt->input->end)
			xml_ctxt->input->cur = xml_ctxt->input->end;
	}
}

static void *xml_malloc(size_t n)
{
	void *p = malloc(n);
	if (!p)
		xml_failed();
	return p;
}

static void *xml_realloc(void *old, size_t n)
{
	void *p = realloc(old, n);
	if (!p && n)
		xml_failed();
	return p;
}

static char *xml_strdup(const char *s)
{
	char *p = strdup(s);
	if (!p)
		xml_failed();
	return p;
}

/* libxml2's messages: none (a failure is returned, not printed). */
static void xml_quiet(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

void hy_html_init(void)
{
	static int done;
	if (done)
		return;
	done = 1;
	xmlMemSetup(free, xml_malloc, xml_realloc, xml_strdup);
	xmlInitParser();
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* ---- the tree ------------------------------------------------------- */

/* What the walks know of an element (node->_private points at it). */
struct el {
	xmlNode *n;
	size_t prose; /* Han outside links in sentences (text with 。，；！？) */
	size_t han;   /* Han outside links */
	size_t link;  /* Han characters inside links */
	size_t start; /* prose Han before it in the document */
	size_t order; /* pre-order index */
	unsigned block : 1, pref : 1, heading : 1;
};

struct tree {
	struct el *v;
	size_t n, cap;
	size_t prose;    /* running count */
	size_t page_han; /* Han characters in the whole page */
	int oom;
};

static int name_is(const xmlNode *n, const char *name)
{
	return n->name && strcasecmp((const char *)n->name, name) == 0;
}

static int name_in(const xmlNode *n, const char *const *names)
{
	for (; *names; names++)
		if (name_is(n, *names))
			return 1;
	return 0;
}

/* The value of attribute name of n, or NULL (libxml2's own storage:
 * nothing allocated). */
static const char *attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (a->name && strcasecmp((const char *)a->name, name) == 0)
			return a->children && a->children->type == XML_TEXT_NODE
				       ? (const char *)a->children->content
				       : "";
	return NULL;
}

/* One of words, as a whole class token or as the id (case-insensitive);
 * with sub, also inside a token. */
static int class_has(const xmlNode *n, const char *const *words, int sub)
{
	const char *vals[2] = {attr(n, "class"), attr(n, "id")};
	for (int k = 0; k < 2; k++) {
		const char *p = vals[k];
		while (p && *p) {
			while (*p && is_blank(*p))
				p++;
			size_t len = 0;
			while (p[len] && !is_blank(p[len]))
				len++;
			for (const char *const *w = words; len && *w; w++) {
				size_t wl = strlen(*w);
				if (wl == len && strncasecmp(p, *w, len) == 0)
					return 1;
				if (sub && wl < len) {
					for (size_t i = 0; i + wl <= len; i++)
						if (strncasecmp(p + i, *w, wl) == 0)
							return 1;
				}
			}
			p += len;
		}
	}
	return 0;
}

static const char *const drop_tags[] = {
	"script", "style",    "noscript", "template", "iframe", "svg",   "nav",  "aside", "select",
	"button", "textarea", "object",   "embed",    "canvas", "input", "head", NULL,
};
static const char *const drop_words[] = {
	"share", "fenxiang", "nav", "menu", "footer", "crumb", "copyright", NULL,
};
static const char *const block_tags[] = {
	"div",    "td",         "th",   "article", "section", "main", "body",
	"center", "blockquote", "form", "dd",      "li",      NULL,
};
static const char *const pref_words[] = {
	"trs_editor",
	"trs_ueditor",
	"custom_unionstyle",
	"zoom",
	"ucap-content",
	"article",
	"content",
	"article-content",
	"article_content",
	"articlecontent",
	"art_con",
	"artcon",
	"con_text",
	"news_content",
	"newscontent",
	"detail-content",
	"pages_content",
	"main-text",
	NULL,
};
static const char *const title_words[] = {"title", NULL};

/* Does s hold a sentence's punctuation (。，；！？)? Titles, labels,
 * navigation and metadata seldom do; an article's text always. */
static int sentence(const char *s)
{
	return strstr(s, "。") || strstr(s, "，") || strstr(s, "；") || strstr(s, "！") ||
	       strstr(s, "？");
}

static size_t han_in(const char *s)
{
	size_t n = 0, len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += hy_utf8_decode(s + i, len - i, &cp);
		n += hy_fold_is_han(cp) != 0;
	}
	return n;
}

/* Han characters in n's text, dropped parts aside (for forms). */
static size_t han_all(const xmlNode *n, int depth)
{
	size_t k = 0;
	if (depth > MAX_DEPTH)
		return 0;
	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
			k += c->content ? han_in((const char *)c->content) : 0;
		else if (c->type == XML_ELEMENT_NODE && !name_in(c, drop_tags))
			k += han_all(c, depth + 1);
	return k;
}

static int dropped(const xmlNode *n, int in_article, size_t page_han)
{
	if (name_in(n, drop_tags))
		return 1;
	if ((name_is(n, "header") || name_is(n, "footer")) && !in_article)
		return 1;
	if (name_is(n, "form") && han_all(n, 0) * 2 < page_han)
		return 1;
	if (class_has(n, pref_words, 0))
		return 0;
	return class_has(n, drop_words, 1);
}

/* Weigh n's subtree; returns n's record index + 1, or 0 when dropped. */
static size_t measure(struct tree *t, xmlNode *n, int in_link, int in_article, int depth)
{
	if (depth > MAX_DEPTH || dropped(n, in_article, t->page_han)) {
		n->_private = NULL;
		return 0;
	}
	if (t->n == t->cap) {
		size_t ncap = t->cap ? t->cap * 2 : 256;
		struct el *nv = realloc(t->v, ncap * sizeof *nv);
		if (!nv) {
			t->oom = 1;
			return 0;
		}
		t->v = nv;
		t->cap = ncap;
	}
	size_t me = t->n++;
	struct el *e = &t->v[me];
	memset(e, 0, sizeof *e);
	e->n = n;
	e->start = t->prose;
	e->order = me;
	e->block = name_in(n, block_tags);
	e->pref = class_has(n, pref_words, 0) || name_is(n, "article") ||
		  class_has(n, (const char *const[]){"trs_editor", NULL}, 1);
	e->heading = name_is(n, "h1") || name_is(n, "h2") || name_is(n, "h3") ||
		     class_has(n, title_words, 1);
	n->_private = (void *)(uintptr_t)(me + 1);
	int link = in_link || name_is(n, "a");
	int art = in_article || name_is(n, "article");
	size_t prose = 0, lk = 0, han = 0;
	for (xmlNode *c = n->children; c && !t->oom; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			const char *txt = c->content ? (const char *)c->content : "";
			size_t h = han_in(txt);
			if (link) {
				lk += h;
			} else {
				han += h;
				if (sentence(txt)) {
					prose += h;
					t->prose += h;
				}
			}
		} else if (c->type == XML_ELEMENT_NODE) {
			size_t k = measure(t, c, link, art, depth + 1);
			if (k) {
				prose += t->v[k - 1].prose;
				lk += t->v[k - 1].link;
				han += t->v[k - 1].han;
			}
		}
	}
	e = &t->v[me]; /* t->v may have moved */
	e->prose = prose;
	e->link = lk;
	e->han = han;
	return me + 1;
}

static struct el *el_of(const struct tree *t, const xmlNode *n)
{
	uintptr_t k = (uintptr_t)n->_private;
	return k && k <= t->n && t->v[k - 1].n == n ? &t->v[k - 1] : NULL;
}

static long worth(const struct el *e)
{
	return (long)e->prose - (long)e->link;
}

/* The rule of html.h: the smallest block worth 90% of the best, or the
 * best CMS container worth half of it. */
static struct el *pick_article(struct tree *t)
{
	long best = 0;
	struct el *a = NULL, *pref = NULL;
	for (size_t i = 0; i < t->n; i++)
		if (t->v[i].block && worth(&t->v[i]) > best)
			best = worth(&t->v[i]);
	if (best <= 0)
		return NULL;
	for (size_t i = 0; i < t->n; i++) {
		struct el *e = &t->v[i];
		if (e->block && worth(e) * 10 >= best * 9 && (!a || e->prose <= a->prose))
			a = e;
		if (e->pref && worth(e) * 2 >= best && (!pref || worth(e) >= worth(pref)))
			pref = e;
	}
	return pref ? pref : a;
}

/* Is a an ancestor of (or) n? */
static int within(const xmlNode *n, const xmlNode *a)
{
	for (; n; n = n->parent)
		if (n == a)
			return 1;
	return 0;
}

/* ---- writing text --------------------------------------------------- */

static const char *const line_tags[] = {
	"address", "article",  "aside",      "blockquote", "center", "dd", "div", "dl",
	"dt",      "fieldset", "figcaption", "figure",     "h1",     "h2", "h3",  "h4",
	"h5",      "h6",       "hr",         "li",         "main",   "ol", "p",   "pre",
	"section", "table",    "tbody",      "thead",      "tfoot",  "tr", "ul",  "caption",
	"header",  "footer",   "form",       "body",       "title",  NULL,
};

struct out {
	struct hy_buf b;
	int space; /* a blank is pending */
	int nl;    /* a blank with a line break in it */
};

static void newline(struct out *o)
{
	while (o->b.len && o->b.p[o->b.len - 1] == ' ')
		o->b.len--;
	if (o->b.len && o->b.p[o->b.len - 1] != '\n')
		hy_buf_put(&o->b, "\n", 1);
	o->space = o->nl = 0;
}

/* A code point of East Asian text: blanks with a line break between two
 * of them are no space (the page's source was wrapped). */
static int wide(uint32_t cp)
{
	return cp >= 0x2E80;
}

static uint32_t last_cp(const struct hy_buf *b)
{
	size_t i = b->len;
	while (i > 0 && ((unsigned char)b->p[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0 || !b->len)
		return 0;
	uint32_t cp;
	hy_utf8_decode(b->p + i - 1, b->len - (i - 1), &cp);
	return cp;
}

static void put_text(struct out *o, const char *s)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		if (is_blank(s[i])) {
			o->space = 1;
			o->nl |= s[i] == '\n' || s[i] == '\r';
			i++;
			continue;
		}
		uint32_t cp;
		size_t k = hy_utf8_decode(s + i, len - i, &cp);
		if (o->space && o->b.len && o->b.p[o->b.len - 1] != '\n' &&
		    !(o->nl && wide(cp) && wide(last_cp(&o->b))))
			hy_buf_put(&o->b, " ", 1);
		o->space = o->nl = 0;
		hy_buf_put(&o->b, s + i, k);
		i += k;
	}
}

/* What write_tree is asked to do. */
struct span {
	struct out *o;
	const xmlNode *skip;  /* not written (the title inside the article) */
	const xmlNode *after; /* start writing after this element, if set */
	const xmlNode *stop;  /* stop when this element is met */
	int on, done;
};

static void write_tree(struct span *s, const struct tree *t, const xmlNode *n, int depth)
{
	if (s->done || depth > MAX_DEPTH)
		return;
	if (n == s->stop) {
		s->done = 1;
		return;
	}
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (s->on && n->content)
			put_text(s->o, (const char *)n->content);
		return;
	}
	if (n->type != XML_ELEMENT_NODE && n->type != XML_DOCUMENT_NODE &&
	    n->type != XML_HTML_DOCUMENT_NODE)
		return;
	if (n->type == XML_ELEMENT_NODE && (!el_of(t, n) || n == s->skip))
		goto after;
	int line = n->type == XML_ELEMENT_NODE && name_in(n, line_tags);
	if (s->on && line)
		newline(s->o);
	if (s->on && name_is(n, "br")) {
		newline(s->o);
		return;
	}
	if (s->on && (name_is(n, "td") || name_is(n, "th")))
		s->o->space = 1;
	for (const xmlNode *c = n->children; c && !s->done; c = c->next)
		write_tree(s, t, c, depth + 1);
	if (s->on && line)
		newline(s->o);
	if (s->on && (name_is(n, "td") || name_is(n, "th")))
		s->o->space = 1;
after:
	if (n == s->after) {
		s->on = 1;
		newline(s->o);
	}
}

/* The text of element n alone, blanks collapsed, malloc()ed (NULL on
 * out of memory). */
static char *text_of(const struct tree *t, const xmlNode *n)
{
	struct out o = {0};
	struct span s = {.o = &o, .on = 1};
	write_tree(&s, t, n, 0);
	hy_buf_put(&o.b, "", 0);
	if (o.b.oom || hy_buf_reserve(&o.b, 1)) {
		free(o.b.p);
		return NULL;
	}
	o.b.p[o.b.len] = '\0';
	/* one line: the breaks inside a heading are spaces */
	for (char *p = o.b.p; *p; p++)
		if (*p == '\n')
			*p = ' ';
	while (o.b.len && o.b.p[o.b.len - 1] == ' ')
		o.b.p[--o.b.len] = '\0';
	return o.b.p;
}

/* ---- title, site names, dates ------------------------------------- */

static int ends_with(const char *s, size_t n, const char *lit)
{
	size_t k = strlen(lit);
	return n >= k && memcmp(s + n - k, lit, k) == 0;
}

/* Does s[0..n) read like a site's name (某县人民政府, 某某网, 门户网站)? */
static int site_name(const char *s, size_t n)
{
	static const char *const ends[] = {"政府", "网",   "网站",   "門戶", "门户",
					   "網",   "網站", "portal", NULL};
	while (n && s[n - 1] == ' ')
		n--;
	for (const char *const *e = ends; *e; e++)
		if (ends_with(s, n, *e))
			return 1;
	return 0;
}

/* *out = <title> without the site's name: its parts split on " - ", "_",
 * "|", "｜", the one with the most Han that is no site name; NULL when
 * every part is one. 0 or HY_ERR_NOMEM. */
static int title_from_head(const char *s, char **out)
{
	const char *best = NULL;
	size_t best_len = 0, best_han = 0;
	const char *p = s;
	while (*p) {
		const char *e = p;
		size_t sep = 0;
		while (*e) {
			if (strncmp(e, " - ", 3) == 0) {
				sep = 3;
				break;
			}
			if (*e == '_' || *e == '|') {
				sep = 1;
				break;
			}
			if (strncmp(e, "｜", 3) == 0) {
				sep = 3;
				break;
			}
			e++;
		}
		const char *a = p, *b = e;
		while (a < b && *a == ' ')
			a++;
		while (b > a && b[-1] == ' ')
			b--;
		char part[512];
		size_t n = (size_t)(b - a) < sizeof part - 1 ? (size_t)(b - a) : sizeof part - 1;
		memcpy(part, a, n);
		part[n] = '\0';
		size_t h = han_in(part);
		if (n && !site_name(a, (size_t)(b - a)) && h > best_han) {
			best = a;
			best_len = (size_t)(b - a);
			best_han = h;
		}
		p = *e ? e + sep : e;
	}
	*out = NULL;
	if (!best)
		return 0;
	*out = strndup(best, best_len);
	return *out ? 0 : HY_ERR_NOMEM;
}

int hy_html_has_date(const char *s, size_t n)
{
	for (size_t i = 0; i + 5 < n; i++) {
		if (i && s[i - 1] >= '0' && s[i - 1] <= '9')
			continue;
		size_t k = 0;
		while (i + k < n && s[i + k] >= '0' && s[i + k] <= '9')
			k++;
		if (k != 4)
			continue;
		int y = atoi(s + i);
		size_t j = i + 4;
		if (y < 1949 || y > 2100)
			continue;
		if (j < n && (s[j] == '-' || s[j] == '/' || s[j] == '.'))
			j++;
		else if (j + 3 <= n && memcmp(s + j, "年", 3) == 0)
			j += 3;
		else
			continue;
		if (j < n && s[j] >= '0' && s[j] <= '9')
			return 1;
	}
	return 0;
}

/* *out = "YYYY-MM-DD HH:MM" (or without the time) of a metadata value
 * such as "2024-05-13 10:22:31", "2024/5/13", "2024-05-13T10:22:31+08:00",
 * "2024年5月13日"; NULL when it holds none. 0 or HY_ERR_NOMEM. */
int hy_html_date(const char *v, char **out)
{
	int f[5] = {0}, k = 0;
	const char *p = v;
	while (*p && !(*p >= '0' && *p <= '9'))
		p++;
	while (*p && k < 5) {
		int x = 0, d = 0;
		while (*p >= '0' && *p <= '9' && d < 4) {
			x = x * 10 + (*p++ - '0');
			d++;
		}
		if (d == 0)
			break;
		f[k++] = x;
		int skip = 0;
		while (*p && !(*p >= '0' && *p <= '9') && skip < 4) {
			p++;
			skip++;
		}
	}
	*out = NULL;
	if (k < 3 || f[0] < 1949 || f[0] > 2100 || f[1] < 1 || f[1] > 12 || f[2] < 1 || f[2] > 31)
		return 0;
	char buf[64];
	if (k >= 5 && f[3] < 24 && f[4] < 60)
		snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", f[0], f[1], f[2], f[3], f[4]);
	else
		snprintf(buf, sizeof buf, "%04d-%02d-%02d", f[0], f[1], f[2]);
	*out = strdup(buf);
	return *out ? 0 : HY_ERR_NOMEM;
}

/* The page's metadata from <head> and <link>: publish time, address,
 * <title>. Each found fills the NULL member of h; title into *title. */
static int read_meta(const xmlNode *n, struct hy_html *h, char **title, int depth)
{
	static const char *const pub[] = {
		"pubdate",
		"publishdate",
		"publish_date",
		"publishtime",
		"firstpublishedtime",
		"article:published_time",
		"og:published_time",
		"dc.date",
		"dcterms.created",
		"datepublished",
		NULL,
	};
	for (; n && depth <= MAX_DEPTH; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (name_is(n, "meta")) {
			const char *key = attr(n, "name");
			const char *v = attr(n, "content");
			if (!key)
				key = attr(n, "property");
			if (!key)
				key = attr(n, "itemprop");
			if (key && v) {
				for (const char *const *k = pub; *k && !h->published; k++)
					if (strcasecmp(key, *k) == 0 &&
					    hy_html_date(v, &h->published))
						return HY_ERR_NOMEM;
				if (!h->url && strcasecmp(key, "og:url") == 0 &&
				    (strncasecmp(v, "http://", 7) == 0 ||
				     strncasecmp(v, "https://", 8) == 0))
					if (!(h->url = strdup(v)))
						return HY_ERR_NOMEM;
			}
		} else if (name_is(n, "link")) {
			const char *rel = attr(n, "rel"), *href = attr(n, "href");
			if (rel && href && strcasecmp(rel, "canonical") == 0 &&
			    (strncasecmp(href, "http://", 7) == 0 ||
			     strncasecmp(href, "https://", 8) == 0)) {
				free(h->url); /* canonical over og:url */
				if (!(h->url = strdup(href)))
					return HY_ERR_NOMEM;
			}
		} else if (name_is(n, "title") && !*title) {
			struct out o = {0};
			for (const xmlNode *c = n->children; c; c = c->next)
				if (c->type == XML_TEXT_NODE && c->content)
					put_text(&o, (const char *)c->content);
			hy_buf_put(&o.b, "", 0);
			if (o.b.oom || hy_buf_reserve(&o.b, 1)) {
				free(o.b.p);
				return HY_ERR_NOMEM;
			}
			o.b.p[o.b.len] = '\0';
			*title = o.b.p;
		} else if (!name_is(n, "script") && !name_is(n, "style")) {
			int rc = read_meta(n->children, h, title, depth + 1);
			if (rc)
				return rc;
		}
	}
	return 0;
}

/* Does s[0..n) hold the UTF-8 word w? */
static int holds(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(s + i, w, k) == 0)
			return 1;
	return 0;
}

/* Keep the lines of s[0..len) that carry a date or a 来源 label (the
 * page's publish line between the title and the article; with labelled,
 * only a date after a label: 发布 时间 日期); 1 when one carries a date. */
static int keep_dated(struct hy_buf *dst, const char *s, size_t len, int labelled)
{
	int dated = 0;
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - s) : len;
		int d = hy_html_has_date(s + i, e - i);
		int src = holds(s + i, e - i, "来源") || holds(s + i, e - i, "來源");
		if (d && labelled)
			d = holds(s + i, e - i, "发布") || holds(s + i, e - i, "發佈") ||
			    holds(s + i, e - i, "發布") || holds(s + i, e - i, "时间") ||
			    holds(s + i, e - i, "時間") || holds(s + i, e - i, "日期");
		if ((d || src) && e - i < 400) {
			hy_buf_put(dst, s + i, e - i);
			hy_buf_put(dst, "\n", 1);
			dated |= d;
		}
		i = e + 1;
	}
	return dated;
}

/* ---- the whole ------------------------------------------------------ */

static int html_extract(const char *utf8, size_t len, struct hy_html *out);

/* A scraper's fragment with its headline kept above it as plain lines
 * (某某召开党委会议 / 光明 / <p class="…">…</p>…): those lines before the
 * first tag each become a paragraph of their own (HTML would run them
 * together as one text). A malloc()ed copy in *copy, or NULL when the text
 * opens with a tag. 0 or HY_ERR_NOMEM. */
static int lines_before_tags(const char *s, size_t len, char **copy, size_t *clen)
{
	size_t i = 0, first = 0;
	*copy = NULL;
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	if (i >= len || s[i] == '<')
		return 0;
	/* the first line that opens with a tag */
	for (size_t j = i; j < len; j++)
		if (j == 0 || s[j - 1] == '\n') {
			size_t q = j;
			while (q < len && (s[q] == ' ' || s[q] == '\t'))
				q++;
			if (q < len && s[q] == '<') {
				first = j;
				break;
			}
		}
	if (!first)
		return 0;
	/* a line of c bytes and its newline give at most 5c + 8 */
	size_t cap = (first - i) * 9 + 16 + (len - first) + 1, n = 0;
	char *o = malloc(cap);
	if (!o)
		return HY_ERR_NOMEM;
	for (size_t j = i; j < first;) {
		size_t e = j;
		while (e < first && s[e] != '\n')
			e++;
		size_t b = e;
		while (b > j && (s[b - 1] == '\r' || s[b - 1] == ' '))
			b--;
		if (b > j) {
			memcpy(o + n, "<p>", 3);
			n += 3;
			for (size_t k = j; k < b; k++) { /* (the text escaped) */
				const char *r = s[k] == '<' ? "&lt;" : s[k] == '&' ? "&amp;" : NULL;
				if (r) {
					memcpy(o + n, r, strlen(r));
					n += strlen(r);
				} else {
					o[n++] = s[k];
				}
			}
			memcpy(o + n, "</p>\n", 5);
			n += 5;
		}
		j = e + 1;
	}
	memcpy(o + n, s + first, len - first);
	n += len - first;
	o[n] = '\0';
	*copy = o;
	*clen = n;
	return 0;
}

int hy_html_extract(const char *utf8, size_t len, struct hy_html *out)
{
	char *wrapped = NULL;
	size_t wlen = 0;
	if (lines_before_tags(utf8, len, &wrapped, &wlen))
		return HY_ERR_NOMEM;
	if (wrapped) {
		int wrc = html_extract(wrapped, wlen, out);
		free(wrapped);
		return wrc;
	}
	return html_extract(utf8, len, out);
}

static int html_extract(const char *utf8, size_t len, struct hy_html *out)
{
	struct tree t = {0};
	struct out body = {0}, between = {0};
	struct hy_buf res = {0};
	char *head_title = NULL, *title = NULL;
	xmlDoc *doc;
	int rc = 0;

	memset(out, 0, sizeof *out);
	if (len > INT32_MAX)
		return HY_ERR_INVALID;
	xml_oom = 0;
	htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
	if (!ctxt)
		return HY_ERR_NOMEM;
	if (ctxt->sax)
		ctxt->sax->serror = xml_quiet;
	xmlSetStructuredErrorFunc(NULL, xml_quiet);
	xml_ctxt = ctxt;
	doc = htmlCtxtReadMemory(ctxt, utf8, (int)len, NULL, "UTF-8",
				 HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
					 HTML_PARSE_NONET | HTML_PARSE_COMPACT);
	xml_ctxt = NULL;
	htmlFreeParserCtxt(ctxt);
	if (xml_oom) {
		xmlFreeDoc(doc);
		return HY_ERR_NOMEM;
	}
	if (!doc)
		return HY_ERR_INVALID;
	xmlNode *root = xmlDocGetRootElement(doc);
	if (!root) {
		xmlFreeDoc(doc);
		return HY_ERR_INVALID;
	}
	rc = read_meta(root, out, &head_title, 0);
	if (rc)
		goto done;
	t.page_han = han_all(root, 0);
	measure(&t, root, 0, 0, 0);
	if (t.oom) {
		rc = HY_ERR_NOMEM;
		goto done;
	}
	struct el *art = pick_article(&t);
	const xmlNode *an = art ? art->n : root;

	/* the heading: at the start of the article, else the last before it */
	const xmlNode *heading = NULL, *named = NULL, *inside = NULL;
	for (size_t i = 0; i < t.n; i++) {
		struct el *e = &t.v[i];
		if (!e->heading || e->han == 0 || e->han > 100 || e->link * 2 > e->han)
			continue;
		if (art && within(e->n, an) && e->n != an) {
			if (e->start == art->start && !inside)
				inside = e->n;
		} else if (art && e->order < art->order && !within(an, e->n)) {
			char *s = text_of(&t, e->n);
			if (!s) {
				rc = HY_ERR_NOMEM;
				goto done;
			}
			if (*s && !site_name(s, strlen(s))) {
				heading = e->n;
				if (head_title && strstr(head_title, s))
					named = e->n; /* the one <title> names */
			}
			free(s);
		}
	}
	if (named)
		heading = named;
	if (inside)
		heading = inside;
	if (heading) {
		title = text_of(&t, heading);
		if (!title) {
			rc = HY_ERR_NOMEM;
			goto done;
		}
	} else if (head_title) {
		rc = title_from_head(head_title, &title);
		if (rc)
			goto done;
	}
	/* the lines between the heading and the article */
	if (art && heading != inside) {
		struct span s = {.o = &between, .after = heading, .stop = an, .on = !heading};
		write_tree(&s, &t, (const xmlNode *)doc, 0);
	}
	struct span s = {.o = &body, .skip = inside, .on = 1};
	write_tree(&s, &t, an, 0);
	newline(&body);
	newline(&between);
	if (body.b.oom || between.b.oom) {
		rc = HY_ERR_NOMEM;
		goto done;
	}
	if (title && *title) {
		hy_buf_put(&res, title, strlen(title));
		hy_buf_put(&res, "\n", 1);
	}
	int dated = between.b.len ? keep_dated(&res, between.b.p, between.b.len, !heading) : 0;
	if (!dated && out->published) {
		hy_buf_put(&res, "发布时间：", strlen("发布时间："));
		hy_buf_put(&res, out->published, strlen(out->published));
		hy_buf_put(&res, "\n", 1);
	}
	if (body.b.len)
		hy_buf_put(&res, body.b.p, body.b.len);
	if (res.oom || hy_buf_reserve(&res, 1)) {
		rc = HY_ERR_NOMEM;
		goto done;
	}
	while (res.len && res.p[res.len - 1] == '\n')
		res.len--;
	res.p[res.len] = '\0';
	out->text = res.p;
	out->len = res.len;
	res.p = NULL;
	out->title = title;
	title = NULL;
done:
	free(res.p);
	free(body.b.p);
	free(between.b.p);
	free(head_title);
	free(title);
	free(t.v);
	xmlFreeDoc(doc);
	if (rc)
		hy_html_free(out);
	return rc;
}

void hy_html_free(struct hy_html *h)
{
	if (!h)
		return;
	free(h->text);
	free(h->title);
	free(h->published);
	free(h->url);
	memset(h, 0, sizeof *h);
}
