/* gloss.c: pinyin glosses out of a line (clean.c's step 4): mirror sites
 * print a reading after characters, 會(huì)議, 務(wù); a "(...)" or "（…）"
 * glued to a Han character whose content is one toned pinyin syllable is
 * dropped (hy_clean_is_pinyin says which are). */
#include "huiyi/clean.h"
#include "clean_int.h"

#include "huiyi/buf.h"
#include "huiyi/fold.h"
#include "huiyi/utf8.h"

#include <stdint.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

enum {
	PY_MAX_BYTES = 40,  /* longest "(...)" content examined */
	PY_MAX_LETTERS = 8, /* "zhuangr" is 7 */
};

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

/* Does the line space Han characters apart anywhere (张三 李四 王五, a
 * list of names)? Then a space after a gloss separates words too. */
static int spaces_han_apart(const char *s, size_t n)
{
	uint32_t before = 0;
	for (size_t i = 0; i < n;) {
		uint32_t c;
		i += hy_utf8_decode(s + i, n - i, &c);
		if (c != ' ') {
			before = c;
			continue;
		}
		size_t j = i;
		while (j < n && s[j] == ' ')
			j++;
		uint32_t after = 0;
		if (j < n)
			hy_utf8_decode(s + j, n - j, &after);
		if (hy_fold_is_han(before) && hy_fold_is_han(after))
			return 1;
		i = j;
		before = ' ';
	}
	return 0;
}

/* The spaces at s[i..) before a Han character: their length, or 0. */
static size_t spaces_before_han(const char *s, size_t n, size_t i)
{
	size_t j = i;
	while (j < n && s[j] == ' ')
		j++;
	uint32_t c = 0;
	if (j == i || j >= n)
		return 0;
	hy_utf8_decode(s + j, n - j, &c);
	return hy_fold_is_han(c) ? j - i : 0;
}

void hy_clean_strip_glosses(const char *s, size_t n, struct hy_buf *o, const char **res,
			    size_t *rlen, size_t *count)
{
	size_t i = 0, run = 0;
	uint32_t prev = 0;

	*res = s;
	*rlen = n;
	if (!memchr(s, '(', n) && !memchr(s, '\x88', n))
		return;
	o->len = 0;
	/* 擴(kuò) 大: a site that puts a space after each gloss splits the
	 * word; the space goes with the gloss unless the line spaces words
	 * apart elsewhere */
	int joined = -1;
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
				size_t gap = hy_fold_is_han(prev) ? spaces_before_han(s, n, i) : 0;
				if (gap && joined < 0)
					joined = !spaces_han_apart(s, n);
				i += gap && joined ? gap : 0;
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
