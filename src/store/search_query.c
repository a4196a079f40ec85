/* search_query.c: translating what users type into a safe FTS5
 * expression (search.h, hy_search_translate): lexing into terms, OR,
 * exclusions, pinyin alternatives. The terms stay available to the
 * rest of a search (search_int.h struct lex): the snippets mark them,
 * and a query of one phrase is ranked with a deferred idf. */
#include "search_int.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"
#include "huiyi/fold.h"
#include "huiyi/fts.h"
#include "huiyi/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The query language (search.h).
 *
 * Lexing: spaces (any Unicode space, controls and invalid bytes too)
 * separate terms; a quote (" ＂ “ ”) starts a phrase that runs to the
 * next quote or to the end; a minus (- － −) that starts a term and is
 * followed by more excludes that term; a bare `OR` is an operator when a
 * term that is not excluded stands on either side, else it is the word
 * "or". A term the tokenizer finds nothing in (punctuation, symbols) is
 * dropped. At most HY_SEARCH_MAX_TERMS terms are used, each cut to
 * HY_SEARCH_MAX_TERM_CHARS characters: the terms to find first, then
 * the excluded ones, each in the order typed.
 *
 * Output: every term is an FTS5 string ("…", '"' doubled), so nothing the
 * user types is FTS5 syntax; a term of ASCII letters (with ' or spaces
 * between syllables) that splits into pinyin becomes ("term" OR
 * "\x01s1 \x01s2"); groups joined by OR are parenthesised; groups are
 * ANDed; excluded terms follow as NOT (…). */

static int is_space(uint32_t cp)
{
	return cp <= 0x20 || (cp >= 0x7f && cp <= 0xa0) || cp == 0x1680 ||
	       (cp >= 0x2000 && cp <= 0x200b) || cp == 0x2028 || cp == 0x2029 || cp == 0x202f ||
	       cp == 0x205f || cp == 0x3000 || cp == 0xfeff;
}

static int is_quote(uint32_t cp)
{
	return cp == '"' || cp == 0xff02 || cp == 0x201c || cp == 0x201d;
}

static int is_minus(uint32_t cp)
{
	return cp == '-' || cp == 0xff0d || cp == 0x2212;
}

/* One code point of q[i..n): a space when it is invalid. */
static size_t next_cp(const char *q, size_t n, size_t i, uint32_t *cp)
{
	int bad = 0;
	size_t k = hy_utf8_next(q + i, n - i, cp, &bad);
	if (bad)
		*cp = ' ';
	return k;
}

static void lex_push(struct lex *L, size_t off, int kind, int neg)
{
	struct item *it;
	if (L->txt.n == off) /* nothing collected (an empty phrase) */
		return;
	if (L->n == L->cap) {
		size_t cap = L->cap ? L->cap * 2 : 16;
		struct item *v = realloc(L->v, cap * sizeof *v);
		if (!v) {
			L->oom = 1;
			return;
		}
		L->v = v;
		L->cap = cap;
	}
	it = &L->v[L->n++];
	it->off = off;
	it->len = L->txt.n - off;
	it->neg = neg;
	it->kind = kind;
	it->used = 0;
	if (kind == IT_WORD && !neg && it->len == 2 && memcmp(L->txt.p + off, "OR", 2) == 0)
		it->kind = IT_OR;
}

static int is_wordc(uint32_t cp)
{
	return hy_fold_class(hy_fold_cp(cp)) == HY_FOLD_WORD;
}

/* Terms into L. In a phrase, spaces stay (as one) only between two
 * letters or digits ("covid 19", "ran qi"); elsewhere they are dropped:
 * Chinese is written without them, so "燃气 安全" means 燃气安全. */
static void lex(struct lex *L, const char *q, size_t n)
{
	size_t i = 0;
	while (i < n && !L->oom && !L->txt.oom) {
		uint32_t cp, prev = 0;
		size_t k = next_cp(q, n, i, &cp), off, chars = 0;
		int neg = 0, phrase, gap = 0;

		if (is_space(cp)) {
			i += k;
			continue;
		}
		if (is_minus(cp)) {
			uint32_t c2;
			i += k;
			if (i >= n)
				break;
			k = next_cp(q, n, i, &c2);
			if (is_space(c2))
				continue; /* a lone minus */
			neg = 1;
			cp = c2;
		}
		phrase = is_quote(cp);
		if (phrase)
			i += k;
		off = L->txt.n;
		for (; i < n; i += k) {
			k = next_cp(q, n, i, &cp);
			if (is_quote(cp)) {
				if (phrase)
					i += k; /* the closing quote */
				break;          /* a word ends before a quote */
			}
			if (is_space(cp)) {
				if (!phrase)
					break;
				gap = 1;
				continue;
			}
			if (chars >= HY_SEARCH_MAX_TERM_CHARS)
				continue;
			if (gap && is_wordc(prev) && is_wordc(cp)) {
				sb_add(&L->txt, " ", 1);
				chars++;
			}
			gap = 0;
			sb_add(&L->txt, q + i, k);
			chars++;
			prev = cp;
		}
		lex_push(L, off, phrase ? IT_PHRASE : IT_WORD, neg);
	}
}

static int any_token(void *ctx, int tflags, const char *token, int ntoken, int start, int end)
{
	(void)ctx;
	(void)tflags;
	(void)token;
	(void)ntoken;
	(void)start;
	(void)end;
	return 1; /* stop at the first */
}

/* 1 if the tokenizer finds a token in s[0..n) at query time. */
static int has_token(const char *s, size_t n)
{
	return hy_fts_tokenize(FTS5_TOKENIZE_QUERY, s, n, any_token, NULL) != 0;
}

/* The pinyin phrase of s[0..n) into out ("\x01s1 \x01s2 …"): 1 when s is
 * ASCII letters (full-width ones too), with ' or spaces between groups,
 * and every group splits into syllables; 0 when not; < 0 on OOM. */
int hy_search_pinyin_of(const char *s, size_t n, struct sb *out)
{
	char grp[HY_FTS_MAX_WORD + 1];
	size_t g = 0, groups = 0, i = 0;
	int rc = 1;

	out->n = 0;
	while (rc == 1) {
		uint32_t cp = 0;
		int end = i >= n;
		if (!end) {
			i += next_cp(s, n, i, &cp);
			cp = hy_fold_cp(cp);
		}
		if (!end && cp >= 'a' && cp <= 'z') {
			if (g == HY_FTS_MAX_WORD)
				return 0;
			grp[g++] = (char)cp;
			continue;
		}
		if (!end && cp != '\'' && cp != ' ')
			return 0;
		if (g > 0) {
			char **syl = NULL;
			size_t ns = 0;
			int r = hy_fts_pinyin_split(grp, g, &syl, &ns);
			if (r < 0)
				return r;
			if (r == 0)
				return 0;
			for (size_t j = 0; j < ns; j++) {
				if (out->n)
					sb_add(out, " ", 1);
				sb_str(out, HY_FTS_PINYIN_PREFIX);
				sb_str(out, syl[j]);
			}
			free(syl);
			groups++;
			g = 0;
		}
		if (end)
			break;
	}
	if (out->oom)
		return HY_ERR_NOMEM;
	return groups > 0;
}

/* s[0..n) as an FTS5 string. */
static void quote(struct sb *b, const char *s, size_t n)
{
	size_t run = 0;
	sb_add(b, "\"", 1);
	for (size_t i = 0; i < n; i++)
		if (s[i] == '"') {
			sb_add(b, s + run, i + 1 - run);
			sb_add(b, "\"", 1);
			run = i + 1;
		}
	sb_add(b, s + run, n - run);
	sb_add(b, "\"", 1);
}

static int emit_term(struct sb *b, struct sb *tmp, const char *s, size_t n)
{
	int py = hy_search_pinyin_of(s, n, tmp);
	if (py < 0)
		return py;
	if (py) {
		sb_add(b, "(", 1);
		quote(b, s, n);
		sb_add(b, " OR ", 4);
		quote(b, tmp->p, tmp->n);
		sb_add(b, ")", 1);
	} else {
		quote(b, s, n);
	}
	return 0;
}

static int is_pos(const struct item *it)
{
	return it->kind != IT_OR && !it->neg;
}

/* hy_search_translate; with keep, the terms used (L->v[0..L->n), at most
 * HY_SEARCH_MAX_TERMS, in the order typed, without the OR operators) are
 * left in *keep for the caller (lex_free). */
int hy_search_translate_lex(const char *query, char **out, struct lex *keep, char *err,
			    size_t errlen)
{
	struct lex L = {0};
	struct sb pos = {0}, neg = {0}, tmp = {0}, res = {0};
	size_t n = 0, terms = 0, groups = 0, negs = 0;
	int rc = 0, lexed;

	*out = NULL;
	if (!query)
		query = "";
	lex(&L, query, strlen(query));
	if (L.oom || L.txt.oom) {
		rc = HY_ERR_NOMEM;
		goto done;
	}
	lexed = L.n > 0;
	/* Drop what the index cannot hold (punctuation, symbols). */
	for (size_t i = 0; i < L.n; i++)
		if (has_token(L.txt.p + L.v[i].off, L.v[i].len))
			L.v[n++] = L.v[i];
	L.n = n;
	/* OR between two terms that are not excluded is an operator. */
	for (size_t i = 0; i < L.n; i++)
		if (L.v[i].kind == IT_OR &&
		    !(i > 0 && is_pos(&L.v[i - 1]) && i + 1 < L.n && is_pos(&L.v[i + 1])))
			L.v[i].kind = IT_WORD;
	/* The words to find first, then those to leave out, while the cap
	 * lasts: many -words never push out the word looked for. */
	for (size_t i = 0; i < L.n && terms < HY_SEARCH_MAX_TERMS; i++) {
		const struct item *it = &L.v[i];
		if (it->kind == IT_OR || it->neg)
			continue;
		/* A group: term (OR term)*. */
		size_t j = i, inside = 0;
		while (j + 2 < L.n && L.v[j + 1].kind == IT_OR)
			j += 2;
		if (groups++)
			sb_add(&pos, " AND ", 5);
		if (j > i)
			sb_add(&pos, "(", 1);
		for (size_t k = i; k <= j && terms < HY_SEARCH_MAX_TERMS; k += 2) {
			if (inside++)
				sb_add(&pos, " OR ", 4);
			rc = emit_term(&pos, &tmp, L.txt.p + L.v[k].off, L.v[k].len);
			terms++;
			L.v[k].used = 1;
			if (rc)
				goto done;
		}
		if (j > i)
			sb_add(&pos, ")", 1);
		i = j;
	}
	for (size_t i = 0; i < L.n && terms < HY_SEARCH_MAX_TERMS; i++) {
		struct item *it = &L.v[i];
		if (it->kind == IT_OR || !it->neg)
			continue;
		if (negs++)
			sb_add(&neg, " OR ", 4);
		rc = emit_term(&neg, &tmp, L.txt.p + it->off, it->len);
		terms++;
		it->used = 1;
		if (rc)
			goto done;
	}
	if (groups == 0) {
		if (!lexed)
			rc = hy_err_set(err, errlen, HY_ERR_INVALID,
					_("nothing to search for: the query is "
					  "empty"));
		else if (negs)
			rc = hy_err_set(err, errlen, HY_ERR_INVALID,
					_("nothing to search for: every word is "
					  "excluded (-word); add one to look "
					  "for"));
		else
			rc = hy_err_set(err, errlen, HY_ERR_INVALID,
					_("nothing to search for: type Chinese "
					  "characters, letters or digits "
					  "(punctuation is not searched)"));
		goto done;
	}
	if (negs) {
		sb_add(&res, "(", 1);
		sb_add(&res, pos.p, pos.n);
		sb_add(&res, ") NOT (", 7);
		sb_add(&res, neg.p, neg.n);
		sb_add(&res, ")", 1);
	} else {
		sb_add(&res, pos.p, pos.n);
	}
	if (pos.oom || neg.oom || tmp.oom || res.oom) {
		rc = HY_ERR_NOMEM;
		goto done;
	}
	*out = res.p;
	res.p = NULL;
	if (keep) {
		n = 0; /* the terms used, in the order typed */
		for (size_t i = 0; i < L.n; i++)
			if (L.v[i].used)
				L.v[n++] = L.v[i];
		L.n = n;
		*keep = L;
		memset(&L, 0, sizeof L);
	}
done:
	if (rc == HY_ERR_NOMEM)
		hy_err_set(err, errlen, rc, _("out of memory"));
	free(L.txt.p);
	free(L.v);
	free(pos.p);
	free(neg.p);
	free(tmp.p);
	free(res.p);
	return rc;
}

int hy_search_translate(const char *query, char **out, char *err, size_t errlen)
{
	return hy_search_translate_lex(query, out, NULL, err, errlen);
}

/* One phrase: one term, not excluded, no pinyin alternative. */
int hy_search_one_phrase(const struct lex *L)
{
	struct sb py = {0};
	int one = L->n == 1 && L->v[0].kind != IT_OR && !L->v[0].neg &&
		  hy_search_pinyin_of(L->txt.p + L->v[0].off, L->v[0].len, &py) == 0;
	free(py.p);
	return one;
}
