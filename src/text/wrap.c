/* wrap.c: line breaking by display width with Chinese rules (wrap.h).
 *
 * Three passes over the paragraph, each linear:
 * 1. split the text into clusters (a code point and the zero-width code
 *    points after it: the units that are never separated), classify each,
 *    and build a UTF-16 copy for ICU;
 * 2. mark, for the boundary before each cluster, which kinds of break it
 *    allows: ICU's UAX #14 opportunities corrected by the Chinese rules
 *    (tier 0), and the fallbacks for a line with no such break (tiers 1-3);
 * 3. fill lines greedily, breaking at the last boundary of the best tier
 *    seen on the line when the next character does not fit. */
#include "huiyi/wrap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utypes.h>

#include "huiyi/err.h"
#include "huiyi/utf8.h"
#include "huiyi/width.h"

/* Character classes (struct cluster.cls). */
enum {
	C_SPACE = 1 << 0,   /* U+0020: hangs at a break */
	C_TAB = 1 << 1,     /* hangs at a break, advances to a tab stop */
	C_NL = 1 << 2,      /* forced break */
	C_NOSTART = 1 << 3, /* may not start a line: ，。”… */
	C_NOEND = 1 << 4,   /* may not end a line: （“《 */
	C_ALNUM = 1 << 5,   /* part of a Latin word or a number */
	C_DIGIT = 1 << 6,
	C_HAN = 1 << 7,
};

/* Breaks the boundary before a cluster allows (struct cluster.f). */
enum {
	F_ICU = 1 << 0,   /* ICU reported an opportunity here */
	B_ALLOW = 1 << 1, /* tier 0: UAX #14 and the Chinese rules */
	B_CLEAN = 1 << 2, /* tier 1: the Chinese rules, no word split */
	B_RULES = 1 << 3, /* tier 2: the Chinese rules */
	B_WHOLE = 1 << 4, /* tier 3: —— and …… whole, not before a space */
};
#define TIERS 4

struct cluster {
	size_t off;   /* byte offset in the text */
	uint32_t u16; /* offset in the UTF-16 copy */
	uint32_t cp;  /* first code point */
	uint32_t w;   /* columns (a TAB's depend on the column: 0 here) */
	uint8_t cls;
	uint8_t f;
};

struct clusters {
	struct cluster *c;
	size_t n, cap; /* c[n] is a sentinel: off = len */
	UChar *u;      /* UTF-16 copy, or NULL if ICU is not used */
	size_t nu;
};

static int is_pair_char(uint32_t cp)
{
	/* —— ―― …… ‥‥ ⸺⸺ */
	return cp == 0x2014 || cp == 0x2015 || cp == 0x2026 || cp == 0x2025 || cp == 0x2E3A ||
	       cp == 0x2E3B;
}

static uint8_t class_ascii(uint32_t cp)
{
	switch (cp) {
	case ' ':
		return C_SPACE;
	case '\t':
		return C_TAB;
	case '\n':
		return C_NL;
	case ',':
	case '.':
	case ';':
	case ':':
	case '!':
	case '?':
	case ')':
	case ']':
	case '}':
		return C_NOSTART;
	case '(':
	case '[':
	case '{':
		return C_NOEND;
	default:
		break;
	}
	if (cp >= '0' && cp <= '9')
		return C_ALNUM | C_DIGIT;
	if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
		return C_ALNUM;
	return 0;
}

static uint8_t class_of(uint32_t cp)
{
	if (cp < 0x80)
		return class_ascii(cp);
	if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0x20000 && cp <= 0x3FFFF) || (cp >= 0xF900 && cp <= 0xFAFF) || cp == 0x3007)
		return C_HAN;
	switch (cp) {
	/* ，。、；：！？）」』》〉】〕〗〙〛］｝…‥”’．｡｣､〞〟｠ */
	case 0xFF0C:
	case 0x3002:
	case 0x3001:
	case 0xFF1B:
	case 0xFF1A:
	case 0xFF01:
	case 0xFF1F:
	case 0xFF09:
	case 0x300D:
	case 0x300F:
	case 0x300B:
	case 0x3009:
	case 0x3011:
	case 0x3015:
	case 0x3017:
	case 0x3019:
	case 0x301B:
	case 0xFF3D:
	case 0xFF5D:
	case 0x2026:
	case 0x2025:
	case 0x201D:
	case 0x2019:
	case 0xFF0E:
	case 0xFF61:
	case 0xFF63:
	case 0xFF64:
	case 0x301E:
	case 0x301F:
	case 0xFF60:
		return C_NOSTART;
	/* （「『《〈【〔〖〘〚［｛“‘｢〝｟ */
	case 0xFF08:
	case 0x300C:
	case 0x300E:
	case 0x300A:
	case 0x3008:
	case 0x3010:
	case 0x3014:
	case 0x3016:
	case 0x3018:
	case 0x301A:
	case 0xFF3B:
	case 0xFF5B:
	case 0x201C:
	case 0x2018:
	case 0xFF62:
	case 0x301D:
	case 0xFF5F:
		return C_NOEND;
	default:
		break;
	}
	if (cp >= 0xFF10 && cp <= 0xFF19) /* full-width digits */
		return C_ALNUM | C_DIGIT;
	if ((cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A) ||
	    (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x370 && cp <= 0x52F))
		return C_ALNUM; /* full-width Latin, Latin, Greek, Cyrillic */
	return 0;
}

static int push_cluster(struct clusters *cs, size_t off, uint32_t cp, int w)
{
	struct cluster *c;

	if (cs->n + 1 >= cs->cap) { /* room for the sentinel too */
		size_t cap = cs->cap ? cs->cap * 2 : 64;
		struct cluster *nc;

		if (cap > SIZE_MAX / sizeof *nc)
			return HY_ERR_NOMEM;
		nc = realloc(cs->c, cap * sizeof *nc);
		if (!nc)
			return HY_ERR_NOMEM;
		cs->c = nc;
		cs->cap = cap;
	}
	c = &cs->c[cs->n++];
	c->off = off;
	c->u16 = (uint32_t)cs->nu;
	c->cp = cp;
	c->cls = class_of(cp);
	c->w = c->cls & C_TAB ? 0 : (uint32_t)w;
	c->f = 0;
	return 0;
}

/* Pass 1: clusters and the UTF-16 copy (one unit per byte at most, so a
 * len-sized buffer always suffices). */
static int split(struct clusters *cs, const char *text, size_t len)
{
	uint32_t prev = '\n';

	if (len > 0 && len <= INT32_MAX) {
		cs->u = malloc(len * sizeof *cs->u);
		if (!cs->u)
			return HY_ERR_NOMEM;
	}
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = 1;
		int w;

		if ((unsigned char)text[i] < 0x80)
			cp = (unsigned char)text[i];
		else
			k = hy_utf8_decode(text + i, len - i, &cp);
		w = cp >= 0x20 && cp < 0x7F ? 1 : hy_width_cp(cp);
		if (prev != '\t' && prev != '\n' && cp != '\t' && cp != '\n' &&
		    (w == 0 || (prev == 0x200D && cp > 0x20 && !(cp >= 0x7F && cp < 0xA0)))) {
			/* joins the cluster before (as in width.c); a space
			 * carrying a mark is a visible character */
			struct cluster *c = &cs->c[cs->n - 1];

			c->cls &= (uint8_t)~C_SPACE;
			if (c->w < UINT32_MAX - 2)
				c->w += (uint32_t)w;
		} else if (push_cluster(cs, i, cp, w) < 0) {
			return HY_ERR_NOMEM;
		}
		if (cs->u) {
			if (cp > 0xFFFF) {
				cs->u[cs->nu++] = (UChar)(0xD7C0 + (cp >> 10));
				cs->u[cs->nu++] = (UChar)(0xDC00 | (cp & 0x3FF));
			} else {
				cs->u[cs->nu++] = (UChar)cp;
			}
		}
		prev = cp;
		i += k;
	}
	if (len == 0) { /* no clusters, only the sentinel */
		if (push_cluster(cs, 0, 0, 0) < 0)
			return HY_ERR_NOMEM;
		cs->n = 0;
	}
	cs->c[cs->n].off = len;
	cs->c[cs->n].u16 = (uint32_t)cs->nu;
	return 0;
}

/* ICU's line break opportunities, as F_ICU on the clusters they fall
 * before (those inside a cluster are dropped). Returns 0, or -1 if ICU
 * could not be used. */
static int icu_breaks(struct clusters *cs)
{
	UErrorCode err = U_ZERO_ERROR;
	UBreakIterator *bi;
	size_t k = 0;

	if (!cs->u || cs->nu == 0)
		return -1;
	bi = ubrk_open(UBRK_LINE, "zh", cs->u, (int32_t)cs->nu, &err);
	if (U_FAILURE(err) || !bi)
		return -1;
	for (int32_t p = ubrk_first(bi); p != UBRK_DONE; p = ubrk_next(bi)) {
		while (k < cs->n && cs->c[k].u16 < (uint32_t)p)
			k++;
		if (k < cs->n && cs->c[k].u16 == (uint32_t)p)
			cs->c[k].f |= F_ICU;
	}
	ubrk_close(bi);
	return 0;
}

/* Pass 2: the tiers of each boundary. Without ICU, tier 0 is tier 1. */
static void mark(struct cluster *c, size_t n, int icu)
{
	size_t last = SIZE_MAX; /* last cluster not a space, in this line */
	size_t run = 0;         /* position of c[k] in a run of — or … */

	for (size_t k = 0; k < n; k++) {
		struct cluster *cur = &c[k];
		const struct cluster *p = k > 0 ? &c[k - 1] : NULL;
		int ws, pair, rules, clean, allow;
		uint8_t f = 0;

		if (!p || ((p->cls | cur->cls) & C_NL)) { /* not a break */
			cur->f = 0;
			run = 0;
			last = cur->cls & C_NL ? SIZE_MAX : k;
			continue;
		}
		ws = cur->cls & (C_SPACE | C_TAB);
		pair = p->cp == cur->cp && is_pair_char(cur->cp);
		run = pair ? run + 1 : 0;
		rules = !ws && !pair && !(cur->cls & C_NOSTART) &&
			!(last != SIZE_MAX && (c[last].cls & C_NOEND));
		clean = rules && !(p->cls & cur->cls & C_ALNUM);
		allow = icu ? cur->f & F_ICU : clean;
		/* “ after a wide character and ” before one may break (ICU 72
		 * applies UAX #14's LB19 here: no break either side) */
		if ((cur->cp == 0x201C || cur->cp == 0x2018) && p->w >= 2)
			allow = 1;
		if ((p->cp == 0x201D || p->cp == 0x2019) && cur->w >= 2)
			allow = 1;
		/* a number keeps its unit: 2024年, 23个 */
		if ((p->cls & C_DIGIT) && (cur->cls & C_HAN))
			allow = 0;
		if (!ws && run % 2 == 0) /* not inside one —— or …… */
			f |= B_WHOLE;
		if (rules)
			f |= B_RULES;
		if (clean)
			f |= B_CLEAN;
		if (rules && allow)
			f |= B_ALLOW;
		cur->f = f;
		if (!ws)
			last = k;
	}
}

static int push_line(struct hy_wrap *w, size_t start, size_t end, size_t next, size_t width)
{
	struct hy_wrap_line *l;

	if (w->n == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 16;

		if (cap > SIZE_MAX / sizeof *l)
			return HY_ERR_NOMEM;
		l = realloc(w->lines, cap * sizeof *l);
		if (!l)
			return HY_ERR_NOMEM;
		w->lines = l;
		w->cap = cap;
	}
	l = &w->lines[w->n++];
	l->start = start;
	l->end = end;
	l->next = next;
	l->width = width;
	return 0;
}

/* A possible end of line: break before cluster at; the line's text ends
 * before cluster end (trailing spaces left out) and is cols wide. */
struct cut {
	size_t at, end, cols;
};

/* Pass 3: greedy fill. */
static int fill(struct hy_wrap *w, const struct cluster *c, size_t n, size_t width)
{
	static const uint8_t tier[TIERS] = {B_ALLOW, B_CLEAN, B_RULES, B_WHOLE};
	size_t k = 0; /* first cluster of the line */

	for (;;) {
		struct cut best[TIERS];
		size_t i = k, col = 0, end = k, cols = 0;
		int rc;

		for (int t = 0; t < TIERS; t++)
			best[t].at = SIZE_MAX;
		for (; i < n && !(c[i].cls & C_NL); i++) {
			const struct cluster *x = &c[i];

			if (i > k && x->f) {
				struct cut cd = {i, end, cols};

				for (int t = 0; t < TIERS; t++)
					if (x->f & tier[t])
						best[t] = cd;
			}
			if (x->cls & C_TAB) {
				col = (col / HY_WIDTH_TAB + 1) * HY_WIDTH_TAB;
				continue;
			}
			if (x->cls & C_SPACE) {
				col++;
				continue;
			}
			if (col + x->w > width && i > k)
				break;
			col += x->w;
			cols = col;
			end = i + 1;
		}
		if (i < n && !(c[i].cls & C_NL)) { /* c[i] does not fit */
			struct cut cd = {i, end, cols};

			for (int t = 0; t < TIERS; t++) {
				if (best[t].at != SIZE_MAX) {
					cd = best[t];
					break;
				}
			}
			rc = push_line(w, c[k].off, c[cd.end].off, c[cd.at].off, cd.cols);
			if (rc < 0)
				return rc;
			k = cd.at;
			continue;
		}
		/* end of the paragraph, or a '\n' */
		rc = push_line(w, c[k].off, c[end].off, c[i < n ? i + 1 : n].off, cols);
		if (rc < 0)
			return rc;
		if (i + 1 >= n)
			return 0;
		k = i + 1;
	}
}

int hy_wrap_text(struct hy_wrap *w, const char *text, size_t len, size_t width)
{
	struct clusters cs = {0};
	int rc;

	w->n = 0;
	if (!text)
		len = 0;
	if (width == 0)
		width = 1;
	rc = split(&cs, text, len);
	if (rc == 0) {
		int icu = icu_breaks(&cs) == 0;

		mark(cs.c, cs.n, icu);
		rc = fill(w, cs.c, cs.n, width);
	}
	free(cs.c);
	free(cs.u);
	if (rc < 0)
		w->n = 0;
	return rc;
}

void hy_wrap_free(struct hy_wrap *w)
{
	if (!w)
		return;
	free(w->lines);
	w->lines = NULL;
	w->n = w->cap = 0;
}
