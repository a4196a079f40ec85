/* punct.c: ASCII punctuation between Chinese characters made Chinese
 * (clean.c's step 8, issue 15): pages that went through tools which
 * normalise text carry `,` `;` `:` `?` `!` `(` `)` among 汉字, which look
 * cramped and escape the line breaker's rules (no ，at a line's start).
 * Numbers, times, Latin words and addresses keep theirs: 10:30,
 * GDP(2024), 3,000, http://. */
#include "huiyi/clean.h"
#include "clean_int.h"

#include "huiyi/buf.h"
#include "huiyi/err.h"
#include "huiyi/fold.h"
#include "huiyi/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Chinese on the left of a mark: Han, or the closing marks and the
 * punctuation of Chinese text (”’）》」』】、。，；：？！) */
static int cjk_left(uint32_t c)
{
	return hy_fold_is_han(c) || c == 0x201D || c == 0x2019 || c == 0xFF09 || c == 0x300B ||
	       c == 0x300D || c == 0x300F || c == 0x3011 || c == 0x3001 || c == 0x3002 ||
	       c == 0xFF0C || c == 0xFF1B || c == 0xFF1A || c == 0xFF1F || c == 0xFF01;
}

/* Chinese on the right: Han, or the opening marks (“‘（《「『【) */
static int cjk_right(uint32_t c)
{
	return hy_fold_is_han(c) || c == 0x201C || c == 0x2018 || c == 0xFF08 || c == 0x300A ||
	       c == 0x300C || c == 0x300E || c == 0x3010;
}

static int digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

static int ascii_space(uint32_t c)
{
	return c == ' ' || c == '\t';
}

/* The full-width form of an ASCII mark, or 0. */
static uint32_t wide(uint32_t c)
{
	switch (c) {
	case ',':
		return 0xFF0C;
	case ';':
		return 0xFF1B;
	case ':':
		return 0xFF1A;
	case '?':
		return 0xFF1F;
	case '!':
		return 0xFF01;
	case '(':
		return 0xFF08;
	case ')':
		return 0xFF09;
	default:
		return 0;
	}
}

/* The code points of a line, decoded once. */
struct cps {
	uint32_t *c;
	size_t *at; /* byte offset of each */
	size_t n;
};

static int decode(const char *s, size_t n, struct cps *v)
{
	v->c = malloc((n + 1) * sizeof *v->c);
	v->at = malloc((n + 1) * sizeof *v->at);
	v->n = 0;
	if (!v->c || !v->at)
		return HY_ERR_NOMEM;
	for (size_t i = 0; i < n;) {
		v->at[v->n] = i;
		i += hy_utf8_decode(s + i, n - i, &v->c[v->n]);
		v->n++;
	}
	v->at[v->n] = n;
	return 0;
}

/* The mark at k: made wide? Spaces around it are looked past. */
static int widen_mark(const struct cps *v, size_t k)
{
	uint32_t c = v->c[k], l = 0, r = 0;
	size_t i = k, j = k + 1;
	while (i > 0 && ascii_space(v->c[i - 1]))
		i--;
	while (j < v->n && ascii_space(v->c[j]))
		j++;
	l = i > 0 ? v->c[i - 1] : 0;
	r = j < v->n ? v->c[j] : 0;
	if (c == '(' || c == ')')
		return 0; /* in pairs, below */
	/* after Chinese: 会议,研究 会议指出: 为何? (at a line's end too) */
	if (cjk_left(l))
		return 1;
	/* after a number, before Chinese: 增长5%,高于 完成3项;其中 — but
	 * never 3,000 or 10:30, where a digit follows */
	if ((digit(l) || l == '%') && cjk_right(r))
		return 1;
	return 0;
}

/* The ( at k and its ) on the line: made wide when what they hold has
 * Chinese and they stand among Chinese (会议(扩大), (试行)》), not after a
 * Latin letter or a digit: GDP(2024), A(1). Returns the index of the ),
 * or 0 for none. */
static size_t widen_pair(const struct cps *v, size_t k)
{
	size_t e = k + 1, han = 0;
	for (; e < v->n && v->c[e] != ')' && v->c[e] != '(' && v->c[e] != '\n'; e++)
		han += hy_fold_is_han(v->c[e]) != 0;
	if (e >= v->n || v->c[e] != ')' || !han)
		return 0;
	uint32_t l = k > 0 ? v->c[k - 1] : 0;
	if ((l >= 'A' && l <= 'Z') || (l >= 'a' && l <= 'z') || digit(l))
		return 0;
	return e;
}

int hy_clean_punct(const char *s, size_t n, char **out, size_t *out_len, size_t *count)
{
	struct hy_buf o = {0};
	const char *r;
	size_t rn;
	int rc = hy_clean_widen(s, n, &o, &r, &rn, count);
	*out = NULL;
	if (rc == 0 && r == s) { /* nothing to change: a copy */
		hy_buf_put(&o, s, n);
		r = o.p;
		rn = o.len;
		rc = o.oom ? HY_ERR_NOMEM : 0;
	}
	if (rc == 0 && !o.p && !(o.p = malloc(1))) /* an empty text: nothing put */
		rc = HY_ERR_NOMEM;
	if (rc) {
		free(o.p);
		return rc;
	}
	o.p[rn] = '\0';
	*out = o.p;
	if (out_len)
		*out_len = rn;
	return 0;
}

int hy_clean_widen(const char *s, size_t n, struct hy_buf *o, const char **res, size_t *rlen,
		   size_t *count)
{
	struct cps v = {0};
	unsigned char *mark = NULL;
	size_t made = 0;
	int rc = 0;

	*res = s;
	*rlen = n;
	/* most lines have no ASCII mark at all */
	if (!memchr(s, ',', n) && !memchr(s, ';', n) && !memchr(s, ':', n) && !memchr(s, '?', n) &&
	    !memchr(s, '!', n) && !memchr(s, '(', n))
		return 0;
	if (decode(s, n, &v) || !(mark = calloc(v.n + 1, 1))) {
		rc = HY_ERR_NOMEM;
		goto done;
	}
	for (size_t k = 0; k < v.n; k++) {
		if (!wide(v.c[k]) || mark[k])
			continue;
		if (v.c[k] == '(') {
			size_t e = widen_pair(&v, k);
			if (e)
				mark[k] = mark[e] = 1, made += 2;
		} else if (v.c[k] != ')' && widen_mark(&v, k)) {
			mark[k] = 1;
			made++;
		}
	}
	if (!made)
		goto done;
	o->len = 0;
	for (size_t k = 0; k < v.n; k++) {
		if (mark[k]) {
			/* the spaces a half-width mark had around it go: the wide
			 * one has its own */
			while (o->len > 0 && o->p[o->len - 1] == ' ')
				o->len--;
			hy_buf_cp(o, wide(v.c[k]));
			while (k + 1 < v.n && ascii_space(v.c[k + 1]) && v.c[k] != ')' &&
			       v.c[k] != '(')
				k++;
			continue;
		}
		hy_buf_put(o, s + v.at[k], v.at[k + 1] - v.at[k]);
	}
	if (o->oom) {
		rc = HY_ERR_NOMEM;
		goto done;
	}
	*res = o->p;
	*rlen = o->len;
	if (count)
		*count += made;
done:
	free(v.c);
	free(v.at);
	free(mark);
	return rc;
}
