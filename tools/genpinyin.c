/* genpinyin.c: build-time generator of the toneless pinyin table.
 *
 * Runs ICU's "Han-Latin" transliterator on every Han code point one at a
 * time and keeps the reading when it is one toneless syllable: decomposed
 * (NFD), tone marks dropped, u + U+0308 (ü) spelled v as pinyin keyboards
 * do, lower case, ASCII letters only, one vowel group at most (which drops
 * the few two-syllable readings such as 瓩 qianwa). ICU gives each
 * character one reading; its rules also carry a handful of readings used
 * in a context ("{重} 庆 > chóng"), which are read from the rule text
 * (utrans_toRules) and added as second readings. The table is generated,
 * never typed by hand (DESIGN.md §5). Usage: genpinyin > pinyin_table.h
 *
 * Common characters: a query's pinyin syllable stands for every character
 * read so (fts.h), and FTS5's cost grows with the number of such synonyms
 * (qi has 437 readers, 69 of them common), so it stands for the common
 * ones only: those of GB2312 and the simplified forms (ICU Hant-Hans, one
 * to one, as genfold) of Big5's level 1 (0xA440–0xC67E), both through
 * ICU's converters: 6,962 characters with ICU 72, 镕 included.
 *
 * Output:
 *   hy_pinyin_syl[]            the syllables, sorted, as C strings
 *   hy_pinyin_page[1024]       page of code point cp >> 8 (cp < 0x40000),
 *                              0: no reading in that page
 *   hy_pinyin_cp[][256]        1 + syllable index of the default reading,
 *                              0: none; | HY_PINYIN_COMMON for a common
 *                              character
 *   hy_pinyin_more[][2]        (cp, syllable index) of further readings,
 *                              sorted by code point */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/utf16.h>

#include "one_char.h"

#define MAX_CP 0x40000
#define MAX_SYL 1024
#define SYL_LEN 8

static const UChar32 ranges[][2] = {
	{0x3007, 0x3007},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xF900, 0xFAFF},
	{0x20000, 0x2A6DF}, {0x2A700, 0x2EBEF}, {0x2F800, 0x2FA1F}, {0x30000, 0x3134F},
};

struct syls {
	char s[MAX_SYL][SYL_LEN];
	size_t n;
};

/* The toneless syllable of a transliteration, or 0 if it is not one. */
static int toneless(const UNormalizer2 *nfd, const UChar *in, int32_t inlen, char out[SYL_LEN])
{
	UChar d[64];
	UErrorCode st = U_ZERO_ERROR;
	int32_t n = unorm2_normalize(nfd, in, inlen, d, 64, &st);
	size_t k = 0;
	int groups = 0, in_vowel = 0;

	if (U_FAILURE(st))
		return 0;
	for (int32_t i = 0; i < n; i++) {
		UChar c = d[i];
		char a;
		if (c >= 0x300 && c <= 0x36F) {
			if (c == 0x308 && k > 0 && out[k - 1] == 'u')
				out[k - 1] = 'v';
			continue;
		}
		if (c >= 'A' && c <= 'Z')
			c = (UChar)(c + 32);
		if (c < 'a' || c > 'z')
			return 0;
		a = (char)c;
		if (strchr("aeiouv", a)) {
			if (!in_vowel)
				groups++;
			in_vowel = 1;
		} else {
			in_vowel = 0;
		}
		if (k + 1 >= SYL_LEN)
			return 0;
		out[k++] = a;
	}
	out[k] = '\0';
	return k > 0 && groups <= 1;
}

static int syl_index(struct syls *sy, const char *s)
{
	for (size_t i = 0; i < sy->n; i++)
		if (strcmp(sy->s[i], s) == 0)
			return (int)i;
	if (sy->n == MAX_SYL) {
		fprintf(stderr, "genpinyin: more than %d syllables\n", MAX_SYL);
		exit(1);
	}
	memcpy(sy->s[sy->n], s, SYL_LEN);
	return (int)sy->n++;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* Transliterate one code point; 1 with its syllable in out, else 0. */
static int reading(UTransliterator *t, const UNormalizer2 *nfd, UChar32 c, char out[SYL_LEN])
{
	UChar buf[64];
	int32_t len = 0, limit;
	UErrorCode st = U_ZERO_ERROR;

	U16_APPEND_UNSAFE(buf, len, c);
	limit = len;
	utrans_transUChars(t, buf, &len, 64, 0, &limit, &st);
	if (U_FAILURE(st) || len > 63)
		return 0;
	return toneless(nfd, buf, len, out);
}

/* Parse "\uXXXX" / "\UXXXXXXXX" / a literal at *p; returns the code point
 * and advances *p, or -1. */
static UChar32 rule_char(const UChar **p)
{
	const UChar *s = *p;
	UChar32 c = 0;
	int digits;

	if (s[0] == '\\' && (s[1] == 'u' || s[1] == 'U')) {
		digits = s[1] == 'u' ? 4 : 8;
		s += 2;
		for (int i = 0; i < digits; i++, s++) {
			int v = s[0] >= '0' && s[0] <= '9'   ? s[0] - '0'
				: s[0] >= 'A' && s[0] <= 'F' ? s[0] - 'A' + 10
				: s[0] >= 'a' && s[0] <= 'f' ? s[0] - 'a' + 10
							     : -1;
			if (v < 0)
				return -1;
			c = c * 16 + v;
		}
		*p = s;
		return c;
	}
	if (U16_IS_LEAD(s[0]) && U16_IS_TRAIL(s[1])) {
		c = U16_GET_SUPPLEMENTARY(s[0], s[1]);
		*p = s + 2;
		return c;
	}
	*p = s + 1;
	return s[0];
}

/* 1 if c encodes as one two-byte character of converter cv; *code gets
 * the bytes. */
static int encodes(UConverter *cv, UChar32 c, unsigned *code)
{
	UChar in[2];
	char out[8];
	int32_t len = 0, n;
	UErrorCode st = U_ZERO_ERROR;

	U16_APPEND_UNSAFE(in, len, c);
	ucnv_resetFromUnicode(cv);
	n = ucnv_fromUChars(cv, out, sizeof out, in, len, &st);
	if (U_FAILURE(st) || n != 2)
		return 0;
	*code = (unsigned)(unsigned char)out[0] << 8 | (unsigned char)out[1];
	return 1;
}

/* Mark the common characters (see the top) in common[0x10000]. */
static int mark_common(uint8_t *common)
{
	static const UChar hans_id[] = {'H', 'a', 'n', 't', '-', 'H', 'a', 'n', 's', 0};
	UErrorCode st = U_ZERO_ERROR;
	UConverter *gb = ucnv_open("GB2312", &st);
	UConverter *big5 = U_SUCCESS(st) ? ucnv_open("Big5", &st) : NULL;
	UTransliterator *hans =
		U_SUCCESS(st) ? utrans_openU(hans_id, -1, UTRANS_FORWARD, NULL, 0, NULL, &st)
			      : NULL;

	if (U_FAILURE(st)) {
		fprintf(stderr, "genpinyin: ICU GB2312/Big5/Hant-Hans: %s\n", u_errorName(st));
		return -1;
	}
	ucnv_setFromUCallBack(gb, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &st);
	ucnv_setFromUCallBack(big5, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &st);
	for (UChar32 c = 0x3000; c < 0x10000; c++) {
		unsigned code;
		if (!u_isdefined(c) || !u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC))
			continue;
		if (encodes(gb, c, &code))
			common[c] = 1;
		if (encodes(big5, c, &code) && code >= 0xA440 && code <= 0xC67E) {
			UChar32 s = one_char(hans, c);
			if (s < 0x10000)
				common[s] = 1;
		}
	}
	ucnv_close(gb);
	ucnv_close(big5);
	utrans_close(hans);
	return 0;
}

struct more {
	uint32_t cp;
	int syl;
};

static int cmp_more(const void *a, const void *b)
{
	const struct more *x = a, *y = b;
	if (x->cp != y->cp)
		return x->cp < y->cp ? -1 : 1;
	return x->syl - y->syl;
}

int main(void)
{
	static const UChar id[] = {'H', 'a', 'n', '-', 'L', 'a', 't', 'i', 'n', 0};
	static uint16_t first[MAX_CP]; /* 1 + index into sy (unsorted) */
	static struct syls sy;
	static struct more more[4096];
	size_t nmore = 0, count = 0;
	UErrorCode st = U_ZERO_ERROR;
	UTransliterator *t = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &st);
	const UNormalizer2 *nfd;

	if (U_FAILURE(st)) {
		fprintf(stderr, "genpinyin: ICU Han-Latin: %s\n", u_errorName(st));
		return 1;
	}
	nfd = unorm2_getNFDInstance(&st);
	if (U_FAILURE(st)) {
		fprintf(stderr, "genpinyin: ICU NFD: %s\n", u_errorName(st));
		return 1;
	}
	for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++) {
		for (UChar32 c = ranges[r][0]; c <= ranges[r][1]; c++) {
			char syl[SYL_LEN];
			if (!u_isdefined(c) || !reading(t, nfd, c, syl))
				continue;
			first[c] = (uint16_t)(1 + syl_index(&sy, syl));
			count++;
		}
	}

	/* Readings in context: rule lines "{X}…> reading;" of Han-Latin. */
	{
		int32_t cap = 1 << 20, n;
		UChar *rules = malloc((size_t)cap * sizeof *rules);
		if (!rules)
			return 1;
		st = U_ZERO_ERROR;
		n = utrans_toRules(t, 0, rules, cap, &st);
		if (U_FAILURE(st) || n >= cap) {
			fprintf(stderr, "genpinyin: rules: %s\n", u_errorName(st));
			return 1;
		}
		rules[n] = 0;
		for (const UChar *p = rules; *p; p++) {
			const UChar *q;
			UChar32 c;
			UChar out[64];
			int32_t k = 0;
			char syl[SYL_LEN];

			if (p[0] != '{' || (p != rules && p[-1] != '\n'))
				continue;
			q = p + 1;
			c = rule_char(&q);
			if (c < 0 || c >= MAX_CP || *q != '}' || !first[c])
				continue;
			while (*q && *q != '\n' && *q != '>')
				q++;
			if (*q != '>')
				continue;
			q++;
			while (*q == ' ')
				q++;
			while (*q && *q != ';' && *q != '\n' && k < 63) {
				UChar32 o = rule_char(&q);
				if (o < 0 || o > 0xFFFF)
					break;
				out[k++] = (UChar)o;
			}
			if (*q != ';' || !toneless(nfd, out, k, syl))
				continue;
			int idx = syl_index(&sy, syl);
			if (idx + 1 == first[c])
				continue;
			if (nmore == sizeof more / sizeof more[0])
				return 1;
			more[nmore].cp = (uint32_t)c;
			more[nmore++].syl = idx;
		}
		free(rules);
	}

	static uint8_t common[0x10000];
	size_t ncommon = 0;
	if (mark_common(common) != 0)
		return 1;

	/* Sort the syllables and renumber. */
	static char sorted[MAX_SYL][SYL_LEN];
	int renum[MAX_SYL];
	memcpy(sorted, sy.s, sizeof sorted);
	qsort(sorted, sy.n, SYL_LEN, cmp_str);
	for (size_t i = 0; i < sy.n; i++)
		for (size_t j = 0; j < sy.n; j++)
			if (strcmp(sy.s[i], sorted[j]) == 0)
				renum[i] = (int)j;
	for (size_t i = 0; i < nmore; i++)
		more[i].syl = renum[more[i].syl];
	qsort(more, nmore, sizeof more[0], cmp_more);

	printf("/* generated by tools/genpinyin.c from ICU %s Han-Latin; "
	       "do not edit */\n",
	       U_ICU_VERSION);
	printf("#define HY_PINYIN_NSYL %zu\n", sy.n);
	printf("#define HY_PINYIN_COMMON 0x8000\n");
	printf("static const char hy_pinyin_syl[%zu][%d] = {", sy.n, SYL_LEN);
	for (size_t i = 0; i < sy.n; i++)
		printf("%s\"%s\"", i == 0 ? "\n\t" : i % 10 ? ", " : ",\n\t", sorted[i]);
	printf("\n};\n");

	int page_of[MAX_CP >> 8] = {0}, npages = 0;
	for (int hi = 0; hi < MAX_CP >> 8; hi++)
		for (int lo = 0; lo < 256; lo++)
			if (first[hi << 8 | lo]) {
				page_of[hi] = ++npages;
				break;
			}
	printf("static const uint16_t hy_pinyin_page[%d] = {", MAX_CP >> 8);
	for (int hi = 0; hi < MAX_CP >> 8; hi++)
		printf("%s%d", hi == 0 ? "\n\t" : hi % 16 ? ", " : ",\n\t", page_of[hi]);
	printf("};\n");
	printf("static const uint16_t hy_pinyin_cp[%d][256] = {\n", npages + 1);
	printf("\t{0},\n");
	for (int hi = 0; hi < MAX_CP >> 8; hi++) {
		if (!page_of[hi])
			continue;
		printf("\t{");
		for (int lo = 0; lo < 256; lo++) {
			int cp = hi << 8 | lo, v = first[cp];
			int flag = v && cp < 0x10000 && common[cp] ? 0x8000 : 0;
			ncommon += flag != 0;
			printf("%s%d", lo ? (lo % 16 ? ", " : ",\n\t ") : "",
			       v ? (renum[v - 1] + 1) | flag : 0);
		}
		printf("},\n");
	}
	printf("};\n");
	printf("static const uint32_t hy_pinyin_more[%zu][2] = {\n", nmore ? nmore : 1);
	for (size_t i = 0; i < nmore; i++)
		printf("\t{0x%04lX, %d}, /* %s */\n", (unsigned long)more[i].cp, more[i].syl,
		       sorted[more[i].syl]);
	if (!nmore)
		printf("\t{0, 0},\n");
	printf("};\n#define HY_PINYIN_NMORE %zu\n", nmore);
	fprintf(stderr,
		"genpinyin: %zu code points (%zu common), %zu syllables, %zu "
		"more readings, %d pages\n",
		count, ncommon, sy.n, nmore, npages);
	utrans_close(t);
	return 0;
}
