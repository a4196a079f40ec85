/* clean.c: decoded text → clean text (clean.h): the pipeline, a line at
 * a time: controls and escape sequences out, NFC, pinyin glosses out
 * (gloss.c), advertising strings out (ads.c), spaces trimmed, chrome
 * lines dropped (chrome.c). */
#include "huiyi/clean.h"
#include "clean_int.h"

#include "huiyi/err.h"
#include "huiyi/buf.h"
#include "huiyi/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

enum {
	NFC_MAX_BYTES = 1 << 26, /* longer lines are left as they are */
};

/* ---- growable buffer ---- */

/* ---- 1, 2: line ends, controls, escape sequences ---- */

/* CSI body from s[i]: parameter and intermediate bytes, then one final
 * byte. Stops (without consuming) at anything else. */
static size_t skip_csi(const unsigned char *s, size_t i, size_t n)
{
	while (i < n && s[i] >= 0x20 && s[i] <= 0x3F)
		i++;
	if (i < n && s[i] >= 0x40 && s[i] <= 0x7E)
		i++;
	return i;
}

/* OSC/DCS/SOS/PM/APC body from s[i], through BEL or ST (ESC \ or U+009C).
 * An unterminated string ends before the line end or before another ESC. */
static size_t skip_string(const unsigned char *s, size_t i, size_t n)
{
	while (i < n) {
		unsigned b = s[i];
		if (b == 0x07)
			return i + 1;
		if (b == 0x1B)
			return i + 1 < n && s[i + 1] == '\\' ? i + 2 : i;
		if (b == 0xC2 && i + 1 < n && s[i + 1] == 0x9C)
			return i + 2;
		if (b == '\n' || b == '\r')
			return i;
		i++;
	}
	return i;
}

/* The rest of an escape sequence whose ESC was just before s[i]. */
static size_t skip_escape(const unsigned char *s, size_t i, size_t n)
{
	unsigned b;

	if (i >= n)
		return i;
	b = s[i];
	if (b == '[')
		return skip_csi(s, i + 1, n);
	if (b == ']' || b == 'P' || b == 'X' || b == '^' || b == '_')
		return skip_string(s, i + 1, n);
	if (b >= 0x20 && b <= 0x2F) { /* nF: ESC ( B and the like */
		while (i < n && s[i] >= 0x20 && s[i] <= 0x2F)
			i++;
		if (i < n && s[i] >= 0x30 && s[i] <= 0x7E)
			i++;
		return i;
	}
	if (b >= 0x30 && b <= 0x7E) /* ESC 7, ESC c, ESC M ... */
		return i + 1;
	return i; /* a lone ESC */
}

enum cp_action { KEEP, DROP, NEWLINE, CSI, STRING };

static enum cp_action classify(uint32_t cp)
{
	if (cp < 0x80)
		return KEEP; /* handled by the caller */
	if (cp <= 0x9F) {
		if (cp == 0x9B)
			return CSI;
		if (cp == 0x90 || cp == 0x98 || cp == 0x9D || cp == 0x9E || cp == 0x9F)
			return STRING;
		return DROP;
	}
	if (cp < 0x61C)
		return KEEP;
	if (cp == 0x61C || cp == 0x200B || cp == 0x200E || cp == 0x200F ||
	    (cp >= 0x202A && cp <= 0x202E) || cp == 0x2060 || (cp >= 0x2066 && cp <= 0x2069) ||
	    cp == 0xFEFF)
		return DROP;
	if (cp == 0x2028 || cp == 0x2029)
		return NEWLINE;
	return KEEP;
}

static void strip_controls(const char *text, size_t len, struct hy_buf *b, size_t *removed)
{
	static const char fffd[3] = {'\xEF', '\xBF', '\xBD'};
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, run = 0;

	while (i < len) {
		unsigned c = s[i];
		uint32_t cp;
		size_t k;
		int bad;

		if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t') {
			i++;
			continue;
		}
		if (c < 0x80) {
			hy_buf_put(b, text + run, i - run);
			if (c == '\r') {
				hy_buf_put(b, "\n", 1);
				i++;
				if (i < len && s[i] == '\n')
					i++;
			} else if (c == 0x0B || c == 0x0C) {
				hy_buf_put(b, "\n", 1);
				i++;
			} else if (c == 0x1B) {
				i = skip_escape(s, i + 1, len);
				(*removed)++;
			} else {
				i++; /* other C0 (NUL too) and DEL */
				(*removed)++;
			}
			run = i;
			continue;
		}
		k = hy_utf8_next(text + i, len - i, &cp, &bad);
		if (bad) {
			hy_buf_put(b, text + run, i - run);
			hy_buf_put(b, fffd, sizeof fffd);
			i += k;
			run = i;
			continue;
		}
		switch (classify(cp)) {
		case KEEP:
			i += k;
			continue;
		case NEWLINE:
			hy_buf_put(b, text + run, i - run);
			hy_buf_put(b, "\n", 1);
			i += k;
			break;
		case DROP:
			hy_buf_put(b, text + run, i - run);
			i += k;
			(*removed)++;
			break;
		case CSI:
			hy_buf_put(b, text + run, i - run);
			i = skip_csi(s, i + k, len);
			(*removed)++;
			break;
		case STRING:
			hy_buf_put(b, text + run, i - run);
			i = skip_string(s, i + k, len);
			(*removed)++;
			break;
		}
		run = i;
	}
	hy_buf_put(b, text + run, len - run);
}

/* ---- 3: NFC ---- */

struct nfc {
	const UNormalizer2 *norm;
	UChar *u, *v;
	int32_t ucap, vcap;
	struct hy_buf out;
};

static int grow_uchars(UChar **p, int32_t *cap, int32_t need)
{
	UChar *q;

	if (need <= *cap)
		return 0;
	q = realloc(*p, (size_t)need * sizeof **p);
	if (!q)
		return HY_ERR_NOMEM;
	*p = q;
	*cap = need;
	return 0;
}

/* NFC of s[0..n) in *res and *rlen (s itself when already NFC). Code points
 * below U+0300 (lead bytes < 0xCC) are all NFC_QC=Yes starters, so most
 * ASCII lines skip ICU. Returns 0 or HY_ERR_NOMEM. */
static int nfc_line(struct nfc *nf, const char *s, size_t n, const char **res, size_t *rlen)
{
	UErrorCode e = U_ZERO_ERROR;
	int32_t ulen = 0, vlen, olen = 0, span;
	size_t i;

	*res = s;
	*rlen = n;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0xCC)
			break;
	if (i == n || n > NFC_MAX_BYTES)
		return 0;
	if (grow_uchars(&nf->u, &nf->ucap, (int32_t)n + 1) < 0)
		return HY_ERR_NOMEM;
	u_strFromUTF8WithSub(nf->u, nf->ucap, &ulen, s, (int32_t)n, 0xFFFD, NULL, &e);
	if (U_FAILURE(e))
		return 0; /* cannot happen with this capacity: leave as is */
	span = unorm2_spanQuickCheckYes(nf->norm, nf->u, ulen, &e);
	if (U_FAILURE(e) || span == ulen)
		return 0;
	vlen = unorm2_normalize(nf->norm, nf->u, ulen, nf->v, nf->vcap, &e);
	if (e == U_BUFFER_OVERFLOW_ERROR) {
		if (grow_uchars(&nf->v, &nf->vcap, vlen + 1) < 0)
			return HY_ERR_NOMEM;
		e = U_ZERO_ERROR;
		vlen = unorm2_normalize(nf->norm, nf->u, ulen, nf->v, nf->vcap, &e);
	}
	if (U_FAILURE(e))
		return e == U_MEMORY_ALLOCATION_ERROR ? HY_ERR_NOMEM : 0;
	nf->out.len = 0;
	if (hy_buf_reserve(&nf->out, (size_t)vlen * 3) < 0)
		return HY_ERR_NOMEM;
	u_strToUTF8WithSub(nf->out.p, (int32_t)((size_t)vlen * 3), &olen, nf->v, vlen, 0xFFFD, NULL,
			   &e);
	if (U_FAILURE(e))
		return 0;
	*res = nf->out.p;
	*rlen = (size_t)olen;
	return 0;
}

/* ---- 5: trimming ---- */

size_t hy_clean_space_at(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;

	if (p[0] == ' ' || p[0] == '\t')
		return 1;
	if (n >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
		return 2;
	if (n >= 3 && p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
		return 3; /* U+3000 */
	if (n >= 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] <= 0x8A || p[2] == 0xAF))
		return 3; /* U+2000–U+200A, U+202F */
	if (n >= 3 && p[0] == 0xE2 && p[1] == 0x81 && p[2] == 0x9F)
		return 3; /* U+205F */
	return 0;
}

static void trim(const char **s, size_t *n)
{
	size_t k;

	while (*n > 0 && (k = hy_clean_space_at(*s, *n)) > 0) {
		*s += k;
		*n -= k;
	}
	while (*n > 0) {
		size_t start = *n - 1;
		while (start > 0 && ((unsigned char)(*s)[start] & 0xC0) == 0x80)
			start--;
		k = hy_clean_space_at(*s + start, *n - start);
		if (k != *n - start)
			break;
		*n = start;
	}
}

/* ---- the pipeline ---- */

struct cleaner {
	struct nfc nf;
	struct hy_buf py;
	struct hy_buf ads;
	struct hy_buf wide;
	struct hy_buf out;
	struct hy_clean_stats st;
};

/* ????會議傳達了…: a paragraph's indent of ideographic spaces that a
 * lossy conversion turned into question marks (two or more at the line's
 * start, before a space or a character outside ASCII) is an indent. */
static void lost_indent(const char **s, size_t *n)
{
	size_t q = 0;
	while (q < *n && (*s)[q] == '?')
		q++;
	/* (one before a space likewise: ? 某某主持会议, a caption's) */
	if (q >= 1 && q < *n && ((*s)[q] == ' ' || (q >= 2 && ((unsigned char)(*s)[q] & 0x80)))) {
		*s += q;
		*n -= q;
		trim(s, n);
	}
}

/* https://mp.weixin.qq.com/s/…某某街道正式成立!: the address a scraper
 * glued before the headline it saved goes (a bare address alone on its
 * line is chrome: chrome.c). */
static void glued_url(const char **s, size_t *n)
{
	static const char *const schemes[] = {"http://", "https://"};
	for (size_t k = 0; k < sizeof schemes / sizeof schemes[0]; k++) {
		size_t sl = strlen(schemes[k]), q = sl;
		if (*n <= sl || strncasecmp(*s, schemes[k], sl) != 0)
			continue;
		while (q < *n && (unsigned char)(*s)[q] > ' ' && (unsigned char)(*s)[q] < 0x80)
			q++;
		/* (the text right after it, no space between: a letter outside
		 * ASCII) */
		if (q > sl + 3 && q < *n && (unsigned char)(*s)[q] >= 0xC0) {
			*s += q;
			*n -= q;
		}
		return;
	}
}

static int clean_line(struct cleaner *c, const char *s, size_t n)
{
	const char *t;
	size_t tn;

	trim(&s, &n);
	lost_indent(&s, &n);
	glued_url(&s, &n);
	if (n == 0)
		return 0;
	if (nfc_line(&c->nf, s, n, &t, &tn) < 0)
		return HY_ERR_NOMEM;
	hy_clean_strip_glosses(t, tn, &c->py, &s, &n, &c->st.pinyin_removed);
	if (c->py.oom)
		return HY_ERR_NOMEM;
	if (hy_buf_reserve(&c->ads, n) < 0)
		return HY_ERR_NOMEM;
	n = hy_clean_strip_ads(s, n, c->ads.p);
	n = hy_clean_strip_jammer(c->ads.p, n);
	s = c->ads.p;
	trim(&s, &n);
	if (n == 0)
		return 0;
	if (hy_clean_is_chrome(s, n)) {
		c->st.chrome_lines++;
		return 0;
	}
	if (hy_clean_widen(s, n, &c->wide, &s, &n, &c->st.punct_widened) < 0)
		return HY_ERR_NOMEM;
	if (c->out.len > 0)
		hy_buf_put(&c->out, "\n", 1);
	hy_buf_put(&c->out, s, n);
	return c->out.oom ? HY_ERR_NOMEM : 0;
}

int hy_clean(const char *text, size_t len, char **out, size_t *out_len,
	     struct hy_clean_stats *stats)
{
	struct cleaner c;
	struct hy_buf a = {0};
	UErrorCode e = U_ZERO_ERROR;
	int rc = 0;

	memset(&c, 0, sizeof c);
	*out = NULL;
	if (out_len)
		*out_len = 0;
	if (!text)
		len = 0;
	c.nf.norm = unorm2_getNFCInstance(&e);
	if (U_FAILURE(e))
		return HY_ERR_NOMEM;
	if (len > 0)
		strip_controls(text, len, &a, &c.st.controls_removed);
	if (a.oom || hy_buf_reserve(&c.out, a.len / 8 * 7) < 0)
		rc = HY_ERR_NOMEM;
	for (size_t i = 0; rc == 0 && i < a.len;) {
		const char *nl = memchr(a.p + i, '\n', a.len - i);
		size_t end = nl ? (size_t)(nl - a.p) : a.len;
		rc = clean_line(&c, a.p + i, end - i);
		i = end + 1;
	}
	if (rc == 0 && hy_buf_reserve(&c.out, 0) < 0)
		rc = HY_ERR_NOMEM;
	free(a.p);
	free(c.nf.u);
	free(c.nf.v);
	free(c.nf.out.p);
	free(c.py.p);
	free(c.ads.p);
	free(c.wide.p);
	if (rc < 0) {
		free(c.out.p);
		return rc;
	}
	c.out.p[c.out.len] = '\0';
	*out = c.out.p;
	if (out_len)
		*out_len = c.out.len;
	if (stats)
		*stats = c.st;
	return 0;
}
