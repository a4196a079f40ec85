/* clean.c: decoded text → clean text (clean.h). */
#include "huiyi/fold.h"
#include "huiyi/clean.h"

#include "huiyi/err.h"
#include "huiyi/buf.h"
#include "huiyi/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

enum {
	PY_MAX_BYTES = 40,       /* longest "(...)" content examined */
	PY_MAX_LETTERS = 8,      /* "zhuangr" is 7 */
	CHROME_MAX_CPS = 300,    /* longer lines are content, not chrome */
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

/* ---- 4: pinyin annotations ---- */

enum {
	I_ZERO = 1,
	I_BPMF = 2,
	I_DTNL = 4,
	I_GKH = 8,
	I_JQX = 16,
	I_ZHCHSH = 32,
	I_Y = 64,
	I_W = 128
};

/* Each final as written (v = ü, E = ê) and the classes of initial it may
 * follow. Class-level, so a few unattested pairs (dü) pass: harmless for
 * recognising annotations, which also need a tone mark. */
static const struct {
	char f[5];
	unsigned char after;
} finals[] = {
	{"a", I_ZERO | I_BPMF | I_DTNL | I_GKH | I_ZHCHSH | I_Y | I_W},
	{"o", I_ZERO | I_BPMF | I_Y | I_W},
	{"e", I_ZERO | I_BPMF | I_DTNL | I_GKH | I_ZHCHSH | I_Y},
	{"E", I_ZERO},
	{"ai", I_ZERO | I_BPMF | I_DTNL | I_GKH | I_ZHCHSH | I_W},
	{"ei", I_ZERO | I_BPMF | I_DTNL | I_GKH | I_ZHCHSH | I_W},
	{"ao", I_ZERO | I_BPMF | I_DTNL | I_GKH | I_ZHCHSH | I_Y},
	{"ou", I_ZERO | I_BPMF | I_DTNL | I_GKH | I_ZHCHSH | I_Y},
	{"an", I_ZERO | I_BPMF | I_DTNL | I_GKH | I_ZHCHSH | I_Y | I_W},
	{"en", I_ZERO | I_BPMF | I_DTNL | I_GKH | I_ZHCHSH | I_W},
	{"ang", I_ZERO | I_BPMF | I_DTNL | I_GKH | I_ZHCHSH | I_Y | I_W},
	{"eng", I_ZERO | I_BPMF | I_DTNL | I_GKH | I_ZHCHSH | I_W},
	{"ong", I_DTNL | I_GKH | I_ZHCHSH | I_Y},
	{"er", I_ZERO},
	{"i", I_BPMF | I_DTNL | I_JQX | I_ZHCHSH | I_Y},
	{"ia", I_DTNL | I_JQX},
	{"ie", I_BPMF | I_DTNL | I_JQX},
	{"iao", I_BPMF | I_DTNL | I_JQX},
	{"iu", I_BPMF | I_DTNL | I_JQX},
	{"ian", I_BPMF | I_DTNL | I_JQX},
	{"in", I_BPMF | I_DTNL | I_JQX | I_Y},
	{"iang", I_DTNL | I_JQX},
	{"ing", I_BPMF | I_DTNL | I_JQX | I_Y},
	{"iong", I_JQX},
	{"u", I_BPMF | I_DTNL | I_GKH | I_JQX | I_ZHCHSH | I_Y | I_W},
	{"ua", I_GKH | I_ZHCHSH},
	{"uo", I_DTNL | I_GKH | I_ZHCHSH},
	{"uai", I_GKH | I_ZHCHSH},
	{"ui", I_DTNL | I_GKH | I_ZHCHSH},
	{"uan", I_DTNL | I_GKH | I_JQX | I_ZHCHSH | I_Y},
	{"un", I_DTNL | I_GKH | I_JQX | I_ZHCHSH | I_Y},
	{"uang", I_GKH | I_ZHCHSH},
	{"ue", I_DTNL | I_JQX | I_Y}, /* jue, yue; nue/lue for nüe/lüe */
	{"v", I_DTNL | I_JQX},
	{"ve", I_DTNL | I_JQX},
	{"van", I_JQX},
	{"vn", I_JQX},
};

static unsigned initial_class(const char *s, size_t n, size_t *ilen)
{
	*ilen = 1;
	if (n >= 2 && s[1] == 'h' && (s[0] == 'z' || s[0] == 'c' || s[0] == 's')) {
		*ilen = 2;
		return I_ZHCHSH;
	}
	switch (s[0]) {
	case 'b':
	case 'p':
	case 'm':
	case 'f':
		return I_BPMF;
	case 'd':
	case 't':
	case 'n':
	case 'l':
		return I_DTNL;
	case 'g':
	case 'k':
	case 'h':
		return I_GKH;
	case 'j':
	case 'q':
	case 'x':
		return I_JQX;
	case 'r':
	case 'z':
	case 'c':
	case 's':
		return I_ZHCHSH;
	case 'y':
		return I_Y;
	case 'w':
		return I_W;
	default:
		*ilen = 0;
		return I_ZERO;
	}
}

static int syllable_ok(const char *s, size_t n)
{
	size_t il;
	unsigned cls;

	if (n == 0)
		return 0;
	cls = initial_class(s, n, &il);
	if (il >= n)
		return 0;
	for (size_t i = 0; i < sizeof finals / sizeof finals[0]; i++) {
		if (strlen(finals[i].f) == n - il && memcmp(finals[i].f, s + il, n - il) == 0)
			return (finals[i].after & cls) != 0;
	}
	return 0;
}

struct py {
	char l[PY_MAX_LETTERS]; /* a-z, v = ü, E = ê */
	unsigned char tone[PY_MAX_LETTERS];
	size_t n;
	int umlaut; /* a real ü was seen */
};

static int is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'v' || c == 'E';
}

/* One fully decomposed code point into p. Returns 0, or -1 if it cannot
 * be part of a pinyin syllable. */
static int py_add(struct py *p, uint32_t c)
{
	int tone = 0;

	if (c < 0x80) {
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c < 'a' || c > 'z' || p->n >= PY_MAX_LETTERS)
			return -1;
		p->l[p->n] = (char)c;
		p->tone[p->n++] = 0;
		return 0;
	}
	if (c == 0x251 || c == 0x261) /* ɑ ɡ, from the GB2312 pinyin row */
		return py_add(p, c == 0x251 ? 'a' : 'g');
	switch (c) {
	case 0x304:
		tone = 1;
		break;
	case 0x301:
		tone = 2;
		break;
	case 0x30C:
	case 0x306:
		tone = 3;
		break;
	case 0x300:
		tone = 4;
		break;
	case 0x308: /* diaeresis: u → ü */
		if (p->n == 0 || p->l[p->n - 1] != 'u' || p->tone[p->n - 1])
			return -1;
		p->l[p->n - 1] = 'v';
		p->umlaut = 1;
		return 0;
	case 0x302: /* circumflex: e → ê */
		if (p->n == 0 || p->l[p->n - 1] != 'e' || p->tone[p->n - 1])
			return -1;
		p->l[p->n - 1] = 'E';
		return 0;
	default:
		return -1;
	}
	if (p->n == 0 || !is_vowel(p->l[p->n - 1]) || p->tone[p->n - 1])
		return -1;
	p->tone[p->n - 1] = (unsigned char)tone;
	return 0;
}

int hy_clean_is_pinyin(const char *s, size_t len)
{
	UErrorCode e = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&e);
	struct py p = {0};
	size_t i = 0, toned = 0;

	if (!s || len == 0 || len > PY_MAX_BYTES || U_FAILURE(e))
		return 0;
	while (i < len) {
		uint32_t c;
		UChar d[8];
		int32_t dn;
		int bad;

		i += hy_utf8_next(s + i, len - i, &c, &bad);
		if (bad)
			return 0;
		if (c < 0x80 || (c >= 0x300 && c <= 0x36F) || c == 0x251 || c == 0x261) {
			if (py_add(&p, c) < 0)
				return 0;
			continue;
		}
		e = U_ZERO_ERROR;
		dn = unorm2_getDecomposition(nfd, (UChar32)c, d, 8, &e);
		if (U_FAILURE(e) || dn <= 0)
			return 0;
		for (int32_t k = 0; k < dn; k++) {
			if (U16_IS_SURROGATE(d[k]) || py_add(&p, d[k]) < 0)
				return 0;
		}
	}
	for (size_t k = 0; k < p.n; k++)
		toned += p.tone[k] != 0;
	if (toned > 1 || (toned == 0 && !p.umlaut))
		return 0;
	if (syllable_ok(p.l, p.n))
		return 1;
	/* erhua: huār, wánr */
	return p.n >= 3 && p.l[p.n - 1] == 'r' && p.l[p.n - 2] != 'r' && !p.tone[p.n - 1] &&
	       syllable_ok(p.l, p.n - 1);
}

/* May an annotation glued after prev be removed? prev 0 = line start. */
static int annotatable(uint32_t prev)
{
	if (prev == 0)
		return 0;
	if (prev < 0x80)
		return !(prev == ' ' || prev == '\t' || (prev >= '0' && prev <= '9') ||
			 (prev >= 'a' && prev <= 'z') || (prev >= 'A' && prev <= 'Z'));
	if (hy_fold_is_han(prev))
		return 1;
	return !(u_isUWhiteSpace((UChar32)prev) || u_isalnum((UChar32)prev));
}

static size_t open_paren(const char *s, size_t n)
{
	if (s[0] == '(')
		return 1;
	if (n >= 3 && memcmp(s, "\xEF\xBC\x88", 3) == 0)
		return 3;
	return 0;
}

static size_t close_paren(const char *s, size_t n)
{
	if (s[0] == ')')
		return 1;
	if (n >= 3 && memcmp(s, "\xEF\xBC\x89", 3) == 0)
		return 3;
	return 0;
}

/* Annotations out of s[0..n). Result in *res and *rlen (s itself when none
 * were removed; else o's storage). */
static void strip_pinyin(const char *s, size_t n, struct hy_buf *o, const char **res, size_t *rlen,
			 size_t *count)
{
	size_t i = 0, run = 0;
	uint32_t prev = 0;

	*res = s;
	*rlen = n;
	if (!memchr(s, '(', n) && !memchr(s, '\x88', n))
		return;
	o->len = 0;
	while (i < n) {
		size_t op = open_paren(s + i, n - i), k;
		uint32_t c;

		if (op && annotatable(prev)) {
			size_t cl = 0, j = i + op;
			for (k = j; k < n && k - j <= PY_MAX_BYTES; k++) {
				cl = close_paren(s + k, n - k);
				if (cl || s[k] == '(')
					break;
			}
			/* 會(huì )議: a space the site left inside */
			size_t pa = j, pb = k;
			while (pa < pb && s[pa] == ' ')
				pa++;
			while (pb > pa && s[pb - 1] == ' ')
				pb--;
			if (cl && hy_clean_is_pinyin(s + pa, pb - pa)) {
				hy_buf_put(o, s + run, i - run);
				i = k + cl;
				run = i;
				(*count)++;
				continue; /* prev stays: 學(xué)(xué) */
			}
		}
		i += hy_utf8_decode(s + i, n - i, &c);
		prev = c;
	}
	if (run == 0)
		return;
	hy_buf_put(o, s + run, n - run);
	*res = o->p ? o->p : "";
	*rlen = o->len;
}

/* ---- 5: trimming ---- */

/* Length of the space code point at s[0..n), or 0. */
static size_t space_at(const char *s, size_t n)
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

	while (*n > 0 && (k = space_at(*s, *n)) > 0) {
		*s += k;
		*n -= k;
	}
	while (*n > 0) {
		size_t start = *n - 1;
		while (start > 0 && ((unsigned char)(*s)[start] & 0xC0) == 0x80)
			start--;
		k = space_at(*s + start, *n - start);
		if (k != *n - start)
			break;
		*n = start;
	}
}

/* ---- 6: chrome lines ---- */

enum chrome_kind {
	WORD,    /* a line made only of such words is chrome */
	PREFIX,  /* a line starting with it (letters and digits only) */
	LABEL,   /* a line starting with it and a colon */
	REGNUM,  /* anywhere, followed by a registration number */
	CRUMB,   /* a line starting with it and holding a > arrow */
	KEEP_IF, /* a date or byline label: the line is never chrome */
};

#define P(str, k)                                                                                  \
	{                                                                                          \
		str, sizeof(str) - 1, k                                                            \
	}
static const struct chrome_pat {
	const char *s;
	size_t n;
	enum chrome_kind kind;
} chrome[] = {
	/* font size / print / close boxes */
	P("字体", WORD),
	P("字體", WORD),
	P("字号", WORD),
	P("字號", WORD),
	P("大", WORD),
	P("中", WORD),
	P("小", WORD),
	P("默认", WORD),
	P("默認", WORD),
	P("超大", WORD),
	P("打印", WORD),
	P("列印", WORD),
	P("打印本页", WORD),
	P("打印本頁", WORD),
	P("打印此页", WORD),
	P("打印此頁", WORD),
	P("打印文章", WORD),
	P("我要打印", WORD),
	P("关闭", WORD),
	P("關閉", WORD),
	P("关闭窗口", WORD),
	P("關閉窗口", WORD),
	P("关闭本页", WORD),
	P("關閉本頁", WORD),
	P("收藏", WORD),
	P("加入收藏", WORD),
	P("收藏本页", WORD),
	P("收藏本頁", WORD),
	P("纠错", WORD),
	P("糾錯", WORD),
	P("我要纠错", WORD),
	P("我要糾錯", WORD),
	P("视力保护色", WORD),
	P("視力保護色", WORD),
	/* sharing */
	P("分享", WORD),
	P("分享到", WORD),
	P("微信", WORD),
	P("微博", WORD),
	P("新浪微博", WORD),
	P("腾讯微博", WORD),
	P("騰訊微博", WORD),
	P("QQ空间", WORD),
	P("QQ空間", WORD),
	P("QQ好友", WORD),
	P("朋友圈", WORD),
	P("扫一扫", WORD),
	P("掃一掃", WORD),
	P("手机扫一扫", WORD),
	P("手機掃一掃", WORD),
	P("在手机打开当前页", WORD),
	P("在手機打開當前頁", WORD),
	/* navigation */
	P("返回", WORD),
	P("返回顶部", WORD),
	P("返回頂部", WORD),
	P("返回首页", WORD),
	P("返回首頁", WORD),
	P("返回列表", WORD),
	P("顶部", WORD),
	P("頂部", WORD),
	P("设为首页", WORD),
	P("設為首頁", WORD),
	P("关于我们", WORD),
	P("關於我們", WORD),
	P("网站地图", WORD),
	P("網站地圖", WORD),
	P("联系我们", WORD),
	P("聯繫我們", WORD),
	P("聯系我們", WORD),
	P("网站声明", WORD),
	P("網站聲明", WORD),
	P("使用帮助", WORD),
	P("使用幫助", WORD),
	P("无障碍", WORD),
	P("無障礙", WORD),
	P("长者模式", WORD),
	P("長者模式", WORD),
	P("长者版", WORD),
	P("長者版", WORD),
	P("长辈版", WORD),
	P("長輩版", WORD),
	P("无障碍阅读", WORD),
	P("無障礙閱讀", WORD),
	P("加入收藏", WORD),
	P("用户登录", WORD),
	P("用戶登錄", WORD),
	P("立即注册", WORD),
	P("立即註冊", WORD),
	P("还没有账号", WORD),
	P("還沒有賬號", WORD),
	P("关灯", WORD),
	P("關燈", WORD),
	P("护眼", WORD),
	P("護眼", WORD),
	P("简体", WORD),
	P("簡體", WORD),
	P("繁体", WORD),
	P("繁體", WORD),
	P("简体版", WORD),
	P("簡體版", WORD),
	P("繁体版", WORD),
	P("繁體版", WORD),

	P("上一篇", PREFIX),
	P("下一篇", PREFIX),
	P("上一条", PREFIX),
	P("上一條", PREFIX),
	P("下一条", PREFIX),
	P("下一條", PREFIX),
	P("当前位置", PREFIX),
	P("當前位置", PREFIX),
	P("您的位置", PREFIX),
	P("您现在的位置", PREFIX),
	P("您現在的位置", PREFIX),
	P("您当前的位置", PREFIX),
	P("您當前的位置", PREFIX),
	P("您当前位置", PREFIX),
	P("您當前位置", PREFIX),
	P("您所在的位置", PREFIX),
	P("您所在位置", PREFIX),
	P("版权所有", PREFIX),
	P("版權所有", PREFIX),
	P("Copyright", PREFIX),
	P("COPYRIGHT", PREFIX),
	P("网站标识码", PREFIX),
	P("網站標識碼", PREFIX),
	P("分享到", PREFIX),
	P("发表评论", PREFIX),
	P("發表評論", PREFIX),
	P("网友评论", PREFIX),
	P("網友評論", PREFIX),
	P("验证码", PREFIX),
	P("驗證碼", PREFIX),
	P("扫一扫在手机打开", PREFIX),
	P("掃一掃在手機打開", PREFIX),
	P("关于我们", PREFIX),
	P("關於我們", PREFIX),
	P("网站地图", PREFIX),
	P("網站地圖", PREFIX),
	P("联系我们", PREFIX),
	P("聯繫我們", PREFIX),
	P("聯系我們", PREFIX),
	P("设为首页", PREFIX),
	P("設為首頁", PREFIX),
	P("友情链接", PREFIX),
	P("友情鏈接", PREFIX),
	P("相关链接", PREFIX),
	P("相關鏈接", PREFIX),
	P("新闻推荐", PREFIX),
	P("新聞推薦", PREFIX),
	/* readers' widgets under an article */
	P("文章不错", PREFIX),
	P("文章不錯", PREFIX),
	P("转载是一种动力", PREFIX),
	P("轉載是一種動力", PREFIX),
	P("分享是一种美", PREFIX),
	P("分享是一種美", PREFIX),
	P("打印本页", PREFIX),
	P("打印本頁", PREFIX),
	P("关闭窗口", PREFIX),
	P("關閉窗口", PREFIX),

	P("主办单位", LABEL),
	P("主辦單位", LABEL),
	P("承办单位", LABEL),
	P("承辦單位", LABEL),
	P("协办单位", LABEL),
	P("協辦單位", LABEL),
	P("主管单位", LABEL),
	P("主管單位", LABEL),
	P("主办", LABEL),
	P("主辦", LABEL),
	P("承办", LABEL),
	P("承辦", LABEL),
	P("技术支持", LABEL),
	P("技術支持", LABEL),
	P("网站维护", LABEL),
	P("網站維護", LABEL),
	P("维护单位", LABEL),
	P("維護單位", LABEL),
	P("运维单位", LABEL),
	P("運維單位", LABEL),

	P("ICP备", REGNUM),
	P("ICP備", REGNUM),
	P("ICP证", REGNUM),
	P("ICP證", REGNUM),
	P("公网安备", REGNUM),
	P("公網安備", REGNUM),
	P("网站标识码", REGNUM),
	P("網站標識碼", REGNUM),

	P("首页", CRUMB),
	P("首頁", CRUMB),
	P("网站首页", CRUMB),
	P("網站首頁", CRUMB),
	P("主页", CRUMB),
	P("主頁", CRUMB),

	P("时间", KEEP_IF),
	P("時間", KEEP_IF),
	P("日期", KEEP_IF),
	P("来源", KEEP_IF),
	P("來源", KEEP_IF),
	P("编辑", KEEP_IF),
	P("編輯", KEEP_IF),
	P("作者", KEEP_IF),
	P("发布于", KEEP_IF),
	P("發布於", KEEP_IF),
	P("发表于", KEEP_IF),
	P("發表於", KEEP_IF),
	P("撰稿", KEEP_IF),
	P("摄影", KEEP_IF),
	P("攝影", KEEP_IF),
	P("索引号", KEEP_IF),
	P("索引號", KEEP_IF),
};
#undef P

/* Separators of breadcrumbs and menus: > ＞ » › → / | ｜ */
static const char *const arrows[] = {
	">", "\xEF\xBC\x9E", "\xC2\xBB", "\xE2\x80\xBA", "\xE2\x86\x92", "/", "|", "\xEF\xBD\x9C"};

static const char *find(const char *s, size_t n, const char *w, size_t wn)
{
	if (wn == 0 || wn > n)
		return NULL;
	for (const char *p = s; (size_t)(s + n - p) >= wn; p++) {
		p = memchr(p, w[0], (size_t)(s + n - p) - wn + 1);
		if (!p)
			return NULL;
		if (memcmp(p, w, wn) == 0)
			return p;
	}
	return NULL;
}

static size_t count_cps(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* Skip spaces at s[i..n); returns the new index. */
static size_t skip_spaces(const char *s, size_t i, size_t n)
{
	size_t k;

	while (i < n && (k = space_at(s + i, n - i)) > 0)
		i += k;
	return i;
}

static size_t colon_at(const char *s, size_t n)
{
	if (n >= 1 && s[0] == ':')
		return 1;
	if (n >= 3 && memcmp(s, "\xEF\xBC\x9A", 3) == 0)
		return 3;
	return 0;
}

/* A date or byline label (发布时间：, 来源：, 索引号 ...) anywhere. */
static int has_keep_label(const char *s, size_t n)
{
	for (size_t t = 0; t < sizeof chrome / sizeof chrome[0]; t++) {
		const char *w = chrome[t].s, *p = s;
		size_t wn = chrome[t].n;
		if (chrome[t].kind != KEEP_IF)
			continue;
		while ((p = find(p, (size_t)(s + n - p), w, wn)) != NULL) {
			size_t i = skip_spaces(s, (size_t)(p - s) + wn, n);
			if (strncmp(w, "索引", 6) == 0 || colon_at(s + i, n - i))
				return 1;
			p += wn;
		}
	}
	return 0;
}

/* s[0..n) is the line's letters and digits only: is it a run of WORDs,
 * at least one of them two or more characters long? */
static int all_words(const char *s, size_t n)
{
	/* bit 1: reached; bit 2: reached using a word of 2+ characters */
	unsigned char reach[CHROME_MAX_CPS * 4 + 1];

	if (n == 0 || n >= sizeof reach)
		return 0;
	memset(reach, 0, n + 1);
	reach[0] = 1;
	for (size_t i = 0; i < n; i++) {
		if (!reach[i])
			continue;
		for (size_t t = 0; t < sizeof chrome / sizeof chrome[0]; t++) {
			const char *w = chrome[t].s;
			size_t wn = chrome[t].n;
			if (chrome[t].kind != WORD || w[0] != s[i] || wn > n - i ||
			    memcmp(s + i, w, wn) != 0)
				continue;
			reach[i + wn] |= (unsigned char)(1 | (reach[i] & 2) |
							 (count_cps(w, wn) >= 2 ? 2 : 0));
		}
	}
	return reach[n] == 3;
}

/* Markdown images `![alt](url)`, linked images and empty links `[](url)`
 * separated by spaces, and nothing else. */
static int only_images(const char *s, size_t n)
{
	size_t i = 0;
	int any = 0;

	for (;;) {
		const char *p;
		int linked = 0;
		i = skip_spaces(s, i, n);
		if (i >= n)
			return any;
		if (n - i >= 3 && memcmp(s + i, "[![", 3) == 0) {
			linked = 1;
			i++;
		}
		if (n - i >= 2 && memcmp(s + i, "![", 2) == 0) {
			p = find(s + i, n - i, "](", 2);
		} else if (n - i >= 3 && memcmp(s + i, "[](", 3) == 0) {
			p = s + i + 1;
		} else {
			return 0;
		}
		if (!p)
			return 0;
		p = memchr(p, ')', (size_t)(s + n - p));
		if (!p)
			return 0;
		i = (size_t)(p - s) + 1;
		if (linked) {
			if (n - i < 2 || memcmp(s + i, "](", 2) != 0)
				return 0;
			p = memchr(s + i, ')', n - i);
			if (!p)
				return 0;
			i = (size_t)(p - s) + 1;
		}
		any = 1;
	}
}

static int ascii_prefix_ci(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; w[i]; i++) {
		char a = i < n ? s[i] : '\0', b = w[i];
		if (a >= 'A' && a <= 'Z')
			a = (char)(a + 32);
		if (a != b)
			return 0;
	}
	return 1;
}

/* Bare URLs separated by spaces, and nothing else. */
static int only_urls(const char *s, size_t n)
{
	size_t i = 0;
	int any = 0;

	for (;;) {
		size_t k;
		i = skip_spaces(s, i, n);
		if (i >= n)
			return any;
		if (s[i] == '<')
			i++;
		if (!ascii_prefix_ci(s + i, n - i, "http://") &&
		    !ascii_prefix_ci(s + i, n - i, "https://") &&
		    !ascii_prefix_ci(s + i, n - i, "www."))
			return 0;
		while (i < n && (k = space_at(s + i, n - i)) == 0)
			i++;
		any = 1;
	}
}

/* The line's letters and digits (Han included), in sk; returns length. */
static size_t skeleton(const char *s, size_t n, char *sk)
{
	size_t i = 0, m = 0;

	while (i < n) {
		uint32_t c;
		size_t k = hy_utf8_decode(s + i, n - i, &c);
		if (c < 0x80 ? ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9')
			     : u_isalnum((UChar32)c)) {
			memcpy(sk + m, s + i, k);
			m += k;
		}
		i += k;
	}
	return m;
}

int hy_clean_is_chrome(const char *s, size_t n)
{
	char sk[CHROME_MAX_CPS * 4 + 4];
	size_t skn, lead;

	if (!s || n == 0)
		return 0;
	if (only_images(s, n) || only_urls(s, n))
		return 1;
	size_t cps = count_cps(s, n);
	if (cps > CHROME_MAX_CPS)
		return 0;
	/* a longer line with two full stops is prose: most lines of a
	 * readout end here, before the table below is walked */
	if (cps > 60) {
		int stops = 0; /* 。 is E3 80 82 */
		for (size_t i = 0; i + 2 < n && stops < 2; i++)
			stops += (unsigned char)s[i] == 0xE3 && (unsigned char)s[i + 1] == 0x80 &&
				 (unsigned char)s[i + 2] == 0x82;
		if (stops >= 2)
			return 0;
	}
	skn = skeleton(s, n, sk);
	for (lead = 0; lead < n && (unsigned char)s[lead] < 0x80; lead++)
		;
	if (lead == n) /* ASCII only: of the patterns, only Copyright */
		return ascii_prefix_ci(sk, skn, "copyright");
	if (all_words(sk, skn))
		return 1;
	if (has_keep_label(s, n))
		return 0;
	/* where the text starts, after brackets and the like: 【上一篇】 */
	lead = 0;
	while (lead < n) {
		uint32_t c;
		size_t k = hy_utf8_decode(s + lead, n - lead, &c);
		if (u_isalnum((UChar32)c))
			break;
		lead += k;
	}
	for (size_t t = 0; t < sizeof chrome / sizeof chrome[0]; t++) {
		const char *w = chrome[t].s, *p;
		size_t wn = chrome[t].n, i;
		switch (chrome[t].kind) {
		case PREFIX:
			if (skn >= wn && sk[0] == w[0] && memcmp(sk, w, wn) == 0)
				return 1;
			break;
		case LABEL:
			if (n - lead >= wn && s[lead] == w[0] && memcmp(s + lead, w, wn) == 0) {
				i = skip_spaces(s, lead + wn, n);
				if (colon_at(s + i, n - i))
					return 1;
			}
			break;
		case REGNUM:
			for (p = s; (p = find(p, (size_t)(s + n - p), w, wn)); p += wn) {
				i = (size_t)(p - s) + wn;
				while (i < n) {
					size_t k = s[i] == ':' || s[i] == '-'
							   ? 1
							   : space_at(s + i, n - i);
					if (!k)
						k = colon_at(s + i, n - i);
					if (!k)
						break;
					i += k;
				}
				if (i < n && ((s[i] >= '0' && s[i] <= '9') ||
					      ((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z')))
					return 1;
			}
			break;
		case CRUMB:
			if (n - lead >= wn && s[lead] == w[0] && memcmp(s + lead, w, wn) == 0) {
				for (size_t a = 0; a < sizeof arrows / sizeof arrows[0]; a++)
					if (find(s + lead + wn, n - lead - wn, arrows[a],
						 strlen(arrows[a])))
						return 1;
			}
			break;
		case WORD:
		case KEEP_IF:
			break;
		}
	}
	return 0;
}

/* ---- the pipeline ---- */

struct cleaner {
	struct nfc nf;
	struct hy_buf py;
	struct hy_buf ads;
	struct hy_buf out;
	struct hy_clean_stats st;
};

static int clean_line(struct cleaner *c, const char *s, size_t n)
{
	const char *t;
	size_t tn;

	trim(&s, &n);
	if (n == 0)
		return 0;
	if (nfc_line(&c->nf, s, n, &t, &tn) < 0)
		return HY_ERR_NOMEM;
	strip_pinyin(t, tn, &c->py, &s, &n, &c->st.pinyin_removed);
	if (c->py.oom)
		return HY_ERR_NOMEM;
	if (hy_buf_reserve(&c->ads, n) < 0)
		return HY_ERR_NOMEM;
	n = hy_clean_strip_ads(s, n, c->ads.p);
	s = c->ads.p;
	trim(&s, &n);
	if (n == 0)
		return 0;
	if (hy_clean_is_chrome(s, n)) {
		c->st.chrome_lines++;
		return 0;
	}
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
