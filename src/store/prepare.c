/* prepare.c: a file's bytes → readouts (prepare.h): decoded (the charset
 * a page declares, else detected), refused when binary or structured
 * data, a saved page's article taken out (html.h), a JSON Lines file
 * read a line at a time, then cleaned and parsed. */
#include "prepare.h"
#include "pack.h"
#include "huiyi/i18n.h"

#include "huiyi/simhash.h"

#include "huiyi/buf.h"
#include "huiyi/clean.h"
#include "huiyi/err.h"
#include "huiyi/json_mem.h"
#include "huiyi/grow.h"
#include "huiyi/html.h"
#include "huiyi/utf8.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Structured data rather than prose: JSON Lines or a JSON array (a
 * scraper's manifest beside its readouts), where nearly every line is
 * an object or array. A readout parsed from it would be one huge
 * "meeting" of field names and quotes. Only the first 1,000 lines are
 * looked at. */
static const char *data_reason(const char *t, size_t len)
{
	size_t lines = 0, json = 0;
	for (size_t i = 0; i < len && lines < 1000;) {
		const char *nl = memchr(t + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - t) : len, a = i, b = e;
		while (a < b && (t[a] == ' ' || t[a] == '\t' || t[a] == '\r'))
			a++;
		while (b > a &&
		       (t[b - 1] == ' ' || t[b - 1] == '\t' || t[b - 1] == '\r' || t[b - 1] == ','))
			b--;
		if (b > a) {
			lines++;
			json += (t[a] == '{' && t[b - 1] == '}') ||
				(t[a] == '[' && t[b - 1] == ']');
		}
		i = e + 1;
	}
	if (lines >= 3 && json * 10 >= lines * 9) /* ≥ 90 % */
		return "JSON data, not a readout";
	return NULL;
}

/* Share of code points that say "this is not text": C0 controls other
 * than TAB, LF, VT, FF, CR and ESC (kept: text with colour codes is still
 * text; clean removes them), DEL, and U+FFFD. */
static const char *binary_reason(const char *t, size_t len)
{
	size_t cps = 0, ctl = 0, bad = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += hy_utf8_decode(t + i, len - i, &cp);
		cps++;
		if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\v' && cp != '\f' &&
		     cp != '\r' && cp != 0x1b) ||
		    cp == 0x7f)
			ctl++;
		else if (cp == HY_UTF8_REPLACEMENT)
			bad++;
	}
	if (cps == 0)
		return NULL;
	if (ctl * 20 > cps) /* > 5 % */
		return "binary data (over 5% control characters after decoding), "
		       "not text; if it is UTF-16 text, --encoding utf-16le (or "
		       "utf-16be) reads it";
	if (bad * 2 > cps) /* > 50 % */
		return "binary data or unknown encoding (mostly U+FFFD "
		       "after decoding; try --encoding)";
	return NULL;
}

void hy_prepared_free(struct prepared *p)
{
	for (size_t i = 0; i < p->n_lines; i++) {
		hy_prepared_free(&p->lines[i].p);
		free(p->lines[i].source);
	}
	free(p->lines);
	hy_meeting_free(&p->m);
	free(p->clean);
	free(p->packed);
	free(p->source);
	hy_decoded_free(&p->d);
	memset(p, 0, sizeof *p);
}

/* Clean and parse a readout's text into p (p->d holds it). 0, or
 * HY_ERR_INVALID with the reason in err (a rejected input), or another
 * negative hy_err code. at: the hints, with the page's address when it
 * gives one. */
static int readout(const char *text, size_t len, const struct prepare_in *in,
		   const struct hy_date_hints *at, struct prepared *p, char *err, size_t errlen)
{
	struct hy_clean_stats cs = {0};
	int rc = hy_clean(text, len, &p->clean, &p->clean_len, &cs);
	if (rc)
		return hy_err_set(err, errlen, rc, "%s", hy_err_str(rc));
	p->repairs = (long)(cs.pinyin_removed + cs.controls_removed + p->d.replaced);
	p->simhash = hy_simhash_script(p->clean, p->clean_len, &p->script);
	rc = hy_meeting_parse(p->clean, p->clean_len, &p->m);
	if (rc == HY_ERR_INVALID)
		return hy_err_set(err, errlen, rc, _("empty after cleaning"));
	if (rc)
		return hy_err_set(err, errlen, rc, "%s", hy_err_str(rc));
	if (p->m.not_readout && !in->force)
		return hy_err_set(err, errlen, HY_ERR_INVALID,
				  _("not a meeting readout (%s; --force imports it)"),
				  hy_not_readout_why(p->m.not_readout));
	rc = hy_meeting_place_from_page(&p->m, text, len);
	if (!rc)
		rc = hy_meeting_complete_date(&p->m, at);
	if (rc)
		return hy_err_set(err, errlen, rc, "%s", hy_err_str(rc));
	return 0;
}

/* "A B" (malloc), or NULL. */
static char *join2(const char *a, const char *b)
{
	size_t x = strlen(a), y = strlen(b);
	char *s = malloc(x + y + 2);
	if (s) {
		memcpy(s, a, x);
		s[x] = ' ';
		memcpy(s + x + 1, b, y + 1);
	}
	return s;
}

/* A page: its article's text, read as a readout; the address it gives
 * dates it and goes with the source. */
static int prepare_page(const char *page, size_t len, const struct prepare_in *in,
			struct prepared *p, char *err, size_t errlen)
{
	struct hy_html h;
	int rc = hy_html_extract(page, len, &h);
	if (rc == HY_ERR_INVALID)
		return hy_err_set(err, errlen, rc, _("an HTML page libxml2 cannot read"));
	if (rc)
		return hy_err_set(err, errlen, rc, "%s", hy_err_str(rc));
	struct hy_date_hints at = in->at;
	if (h.url) {
		at.source = h.url;
		p->source = join2(in->source ? in->source : "-", h.url);
		if (!p->source) {
			hy_html_free(&h);
			return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
		}
	}
	rc = readout(h.text, h.len, in, &at, p, err, errlen);
	hy_html_free(&h);
	return rc;
}

static int prepare_lines(const struct prepare_in *in, struct prepared *p, char *err, size_t errlen);

/* 1 when text opens (after blank lines) with '{' and one of its first
 * ten lines is a JSON object: a JSON Lines file (its first line may be
 * the broken one); HY_ERR_NOMEM when it could not tell. */
static int is_json_lines(const char *t, size_t len)
{
	size_t i = 0;
	while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r' || t[i] == '\n'))
		i++;
	if (i >= len || t[i] != '{')
		return 0;
	for (int k = 0; k < 10 && i < len; k++) {
		const char *nl = memchr(t + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - t) : len;
		json_error_t je;
		unsigned long f0 = hy_json_failed();
		json_t *o = json_loadb(t + i, e - i, 0, &je);
		int obj = json_is_object(o);
		json_decref(o);
		if (hy_json_failed() != f0)
			return HY_ERR_NOMEM;
		if (obj)
			return 1;
		i = e + 1;
	}
	return 0;
}

/* raw packed against p's clean text ahead of storing (p->packed); when
 * zstd refuses or memory runs short, the storing thread packs it
 * itself and reports what goes wrong. */
static void pack_ahead(const void *raw, size_t len, struct prepared *p)
{
	if (!p->clean || !raw || !len)
		return;
	if (hy_pack_raw(raw, len, p->clean, p->clean_len, &p->packed, &p->packed_len)) {
		p->packed = NULL;
		p->packed_len = 0;
	}
}

static int prepare_text(const void *raw, size_t len, const struct prepare_in *in,
			struct prepared *p, char *err, size_t errlen);

int hy_prepare(const void *raw, size_t len, const struct prepare_in *in, struct prepared *p,
	       char *err, size_t errlen)
{
	int rc = prepare_text(raw, len, in, p, err, errlen);
	if (rc == 0 && !p->is_lines)
		pack_ahead(raw, len, p);
	return rc;
}

static int prepare_text(const void *raw, size_t len, const struct prepare_in *in,
			struct prepared *p, char *err, size_t errlen)
{
	const char *encoding = in->encoding;
	char derr[256] = "";
	const char *why;
	int rc;

	memset(p, 0, sizeof *p);
	/* a page may say its charset (html.h) */
	rc = !encoding && hy_html_sniff(raw, len, in->source)
		     ? hy_html_decode(raw, len, NULL, &p->d, derr, sizeof derr)
		     : hy_decode(raw, len, encoding, &p->d, derr, sizeof derr);
	if (rc)
		return hy_err_set(err, errlen, rc, "%s", derr[0] ? derr : hy_err_str(rc));
	why = binary_reason(p->d.text, p->d.len);
	if (why)
		return hy_err_set(err, errlen, HY_ERR_INVALID, "%s", why);
	rc = is_json_lines(p->d.text, p->d.len);
	if (rc < 0)
		return hy_err_set(err, errlen, rc, _("out of memory"));
	if (rc)
		return prepare_lines(in, p, err, errlen);
	why = data_reason(p->d.text, p->d.len);
	if (why)
		return hy_err_set(err, errlen, HY_ERR_INVALID, "%s", why);
	if (hy_html_sniff(p->d.text, p->d.len, in->source))
		return prepare_page(p->d.text, p->d.len, in, p, err, errlen);
	return readout(p->d.text, p->d.len, in, &in->at, p, err, errlen);
}

/* ---- JSON Lines ------------------------------------------------------ */

/* The first of the keys (the --field name first, then the defaults)
 * that o holds as a non-empty string; NULL when none. */
static const char *field(json_t *o, const char *given, const char *a, const char *b)
{
	const char *keys[3] = {given, a, b};
	for (int i = 0; i < 3; i++) {
		if (!keys[i])
			continue;
		json_t *v = json_object_get(o, keys[i]);
		if (json_is_string(v) && json_string_length(v) > 0)
			return json_string_value(v);
	}
	return NULL;
}

/* Does the line hold a readout's text at all (a manifest does not)? */
static int has_text(json_t *o, const struct hy_import_fields *f)
{
	return field(o, f ? f->text : NULL, "content", "text") ||
	       field(o, f ? f->html : NULL, "html", NULL);
}

/* The readout's text of one line's object: title line, publish line,
 * then the content (or the html field's article). *url gets the
 * address (the line's, else the page's), malloc()ed. */
static int line_text(json_t *o, const struct hy_import_fields *f, struct hy_buf *b, char **url,
		     char *err, size_t errlen)
{
	const char *text = field(o, f ? f->text : NULL, "content", "text");
	const char *html = text ? NULL : field(o, f ? f->html : NULL, "html", NULL);
	const char *title = field(o, f ? f->title : NULL, "title", NULL);
	const char *date = field(o, f ? f->date : NULL, "date", "published");
	const char *u = field(o, f ? f->url : NULL, "url", NULL);
	struct hy_html h = {0};
	char *pub = NULL;
	int rc;

	*url = NULL;
	if (!text && !html)
		return hy_err_set(err, errlen, HY_ERR_INVALID,
				  _("no %s%scontent, text or html field: not a readout"),
				  f && f->text ? f->text : "", f && f->text ? ", " : "");
	if (date && hy_html_date(date, &pub))
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	if (html) {
		rc = hy_html_extract(html, strlen(html), &h);
		if (rc) {
			free(pub);
			return hy_err_set(err, errlen, rc, "%s",
					  rc == HY_ERR_INVALID ? "an html field libxml2 cannot read"
							       : hy_err_str(rc));
		}
		text = h.text;
		if (h.title)
			title = NULL; /* the page's own is its first line */
		if (h.published && date) {
			free(pub); /* the page's time is in its text */
			pub = NULL;
			date = NULL;
		}
		if (!u)
			u = h.url;
	}
	size_t tl = title ? strlen(title) : 0;
	/* a content that opens with its title does not get it twice */
	if (title && strncmp(text, title, tl) == 0 && (text[tl] == '\n' || text[tl] == '\0'))
		title = NULL;
	const char *rest = text;
	if (html && h.title) { /* the page's title line first */
		const char *nl = strchr(text, '\n');
		size_t k = nl ? (size_t)(nl - text) + 1 : strlen(text);
		hy_buf_put(b, text, k);
		if (!nl)
			hy_buf_put(b, "\n", 1);
		rest = text + k;
	}
	if (title) {
		hy_buf_put(b, title, strlen(title));
		hy_buf_put(b, "\n", 1);
	}
	if (date) {
		hy_buf_put(b, "发布时间：", strlen("发布时间："));
		hy_buf_put(b, pub ? pub : date, strlen(pub ? pub : date));
		hy_buf_put(b, "\n", 1);
	}
	hy_buf_put(b, rest, strlen(rest));
	free(pub);
	rc = 0;
	if (u && !(*url = strdup(u)))
		rc = HY_ERR_NOMEM;
	hy_html_free(&h);
	if (b->oom || rc)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	return 0;
}

/* One line into l->p: a rejected line gets its reason in l->err. */
static int prepare_line(const struct prepare_in *in, json_t *o, struct line *l)
{
	struct hy_buf b = {0};
	char *url = NULL, num[32];
	int rc;

	snprintf(num, sizeof num, "#%zu", l->no);
	rc = line_text(o, in->fields, &b, &url, l->err, sizeof l->err);
	if (rc == 0) {
		const char *src = in->source ? in->source : "-";
		size_t n = strlen(src) + strlen(num) + (url ? strlen(url) + 1 : 0) + 1;
		l->source = malloc(n);
		if (!l->source)
			rc = hy_err_set(l->err, sizeof l->err, HY_ERR_NOMEM, _("out of memory"));
		else
			snprintf(l->source, n, "%s%s%s%s", src, num, url ? " " : "",
				 url ? url : "");
	}
	if (rc == 0) {
		struct hy_date_hints at = in->at;
		if (url)
			at.source = url;
		l->p.d.text = b.p;
		l->p.d.len = b.len;
		l->p.d.encoding = "UTF-8";
		b.p = NULL;
		rc = readout(l->p.d.text, l->p.d.len, in, &at, &l->p, l->err, sizeof l->err);
	}
	if (rc == 0)
		pack_ahead(l->raw, l->len, &l->p);
	free(b.p);
	free(url);
	return rc;
}

/* A JSON Lines file: every line an object with a readout (html.h for an
 * html field); a line that is not is rejected with its number, the
 * others go on. A file where no line holds a readout's text is a
 * manifest, rejected whole. */
static int prepare_lines(const struct prepare_in *in, struct prepared *p, char *err, size_t errlen)
{
	const char *t = p->d.text;
	size_t len = p->d.len, n = 0, cap = 0, no = 0, texts = 0;
	int rc = 0;

	p->is_lines = 1;
	for (size_t i = 0; i < len && rc == 0;) {
		const char *nl = memchr(t + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - t) : len, a = i, z = e;
		no++;
		i = e + 1;
		while (a < z && (t[a] == ' ' || t[a] == '\t' || t[a] == '\r'))
			a++;
		while (z > a && (t[z - 1] == ' ' || t[z - 1] == '\t' || t[z - 1] == '\r'))
			z--;
		if (a == z)
			continue; /* a blank line */
		if (hy_grow(&p->lines, &cap, n + 1, sizeof *p->lines, 16))
			return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
		struct line *l = &p->lines[n++];
		memset(l, 0, sizeof *l);
		p->n_lines = n;
		l->no = no;
		l->raw = t + a;
		l->len = z - a;
		hy_store_sha256(l->raw, l->len, l->sha);
		json_error_t je;
		unsigned long f0 = hy_json_failed();
		json_t *o = json_loadb(l->raw, l->len, 0, &je);
		if (hy_json_failed() != f0) { /* maybe a byte or a member lost */
			json_decref(o);
			rc = hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
			continue;
		}
		if (!json_is_object(o)) {
			if (!o && strstr(je.text, "out of memory"))
				rc = hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
			else if (!o)
				l->rc = hy_err_set(l->err, sizeof l->err, HY_ERR_INVALID,
						   _("not a JSON object (%s, column %d)"), je.text,
						   je.column);
			else
				l->rc = hy_err_set(l->err, sizeof l->err, HY_ERR_INVALID,
						   _("not a JSON object: not a readout"));
			json_decref(o);
			continue;
		}
		if (has_text(o, in->fields))
			texts++;
		if (!in->replace && in->probe && has_text(o, in->fields) &&
		    hy_store_probe_has(in->probe, l->sha) == 1)
			l->rc = HY_ERR_DUP;
		else
			l->rc = prepare_line(in, o, l);
		json_decref(o);
		if (l->rc != 0 && l->rc != HY_ERR_DUP && l->rc != HY_ERR_INVALID)
			rc = hy_err_set(err, errlen, l->rc, _("line %zu: %s"), l->no, l->err);
	}
	if (rc == 0 && texts == 0)
		rc = hy_err_set(err, errlen, HY_ERR_INVALID,
				_("JSON data, not a readout (JSON Lines, and no line has a "
				  "content, text or html field)"));
	return rc;
}
