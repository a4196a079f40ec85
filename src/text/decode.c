/* decode.c: bytes → UTF-8 with encoding detection (decode.h). */
#include "huiyi/decode.h"

#include "huiyi/err.h"
#include "huiyi/buf.h"
#include "huiyi/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

enum {
	SAMPLE = 1 << 20, /* bytes examined to choose GB18030 vs Big5 */
	CHUNK = 1 << 20,  /* ICU takes int32 lengths: feed it in chunks */
	UBUF = 8192,      /* UTF-16 scratch buffer, in UChars */
	NUL_SAMPLE = 1 << 16,
	INVALID_WEIGHT = 3,
	UTF8_DOMINANCE = 4,
};

/* ---- UTF-8 ---- */

struct u8stats {
	size_t multi; /* valid multi-byte sequences */
	size_t bad;   /* invalid maximal subparts */
};

static void utf8_stats(const char *s, size_t n, struct u8stats *st)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	uint32_t cp;
	int bad;

	st->multi = st->bad = 0;
	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		i += hy_utf8_next(s + i, n - i, &cp, &bad);
		if (bad)
			st->bad++;
		else
			st->multi++;
	}
}

static void decode_utf8(const char *s, size_t n, struct hy_buf *o, size_t *replaced)
{
	static const char fffd[3] = {'\xEF', '\xBF', '\xBD'};
	size_t i = 0, run = 0;
	uint32_t cp;
	int bad;

	if (hy_buf_reserve(o, n) < 0)
		return;
	while (i < n) {
		size_t k;
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		k = hy_utf8_next(s + i, n - i, &cp, &bad);
		if (bad) {
			hy_buf_put(o, s + run, i - run);
			hy_buf_put(o, fffd, sizeof fffd);
			(*replaced)++;
			run = i + k;
		}
		i += k;
	}
	hy_buf_put(o, s + run, n - run);
}

/* ---- ICU conversion ---- */

struct conv {
	size_t invalid;     /* sequences ICU could not convert */
	size_t pua;         /* results in a private-use area */
	uint32_t hi;        /* pending high surrogate, 0 if none */
	struct hy_buf *out; /* NULL: only count */
};

static void count_cb(const void *ctx, UConverterToUnicodeArgs *args, const char *units, int32_t len,
		     UConverterCallbackReason reason, UErrorCode *err)
{
	static const UChar sub = 0xFFFD;
	struct conv *cv = (struct conv *)(uintptr_t)ctx;

	(void)units;
	(void)len;
	if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL && reason != UCNV_IRREGULAR)
		return;
	cv->invalid++;
	*err = U_ZERO_ERROR;
	ucnv_cbToUWriteUChars(args, &sub, 1, 0, err);
}

static void conv_cp(struct conv *cv, uint32_t cp)
{
	if ((cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000)
		cv->pua++;
	if (cv->out)
		hy_buf_cp(cv->out, cp);
}

static void conv_units(struct conv *cv, const UChar *u, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint32_t c = u[i];
		if (cv->hi) {
			if (c >= 0xDC00 && c <= 0xDFFF) {
				uint32_t hi = cv->hi - 0xD800;
				conv_cp(cv, 0x10000 + (hi << 10) + (c - 0xDC00));
				cv->hi = 0;
				continue;
			}
			cv->invalid++;
			conv_cp(cv, HY_UTF8_REPLACEMENT);
			cv->hi = 0;
		}
		if (c >= 0xD800 && c <= 0xDBFF) {
			cv->hi = c;
		} else if (c >= 0xDC00 && c <= 0xDFFF) {
			cv->invalid++;
			conv_cp(cv, HY_UTF8_REPLACEMENT);
		} else if (c < 0x80 && cv->out) {
			/* ASCII is most of many files: skip the encoder. */
			size_t j = i;
			while (j < n && u[j] < 0x80)
				j++;
			if (hy_buf_reserve(cv->out, j - i) == 0) {
				for (size_t k = i; k < j; k++)
					cv->out->p[cv->out->len++] = (char)u[k];
			}
			i = j - 1;
		} else {
			conv_cp(cv, c);
		}
	}
}

/* Convert s[0..n) with cnv, counting into cv (and writing to cv->out).
 * flush = 0 leaves a partial last character unconverted (a sample).
 * Returns 0, or HY_ERR_NOMEM. */
static int convert(UConverter *cnv, const char *s, size_t n, int flush, struct conv *cv)
{
	UChar ubuf[UBUF];
	const char *end = s + n;
	UErrorCode st = U_ZERO_ERROR;

	ucnv_reset(cnv);
	ucnv_setToUCallBack(cnv, count_cb, cv, NULL, NULL, &st);
	if (U_FAILURE(st))
		return HY_ERR_NOMEM;
	do {
		const char *lim = (size_t)(end - s) > CHUNK ? s + CHUNK : end;
		UBool last = (UBool)(flush && lim == end);
		for (;;) {
			UChar *t = ubuf;
			st = U_ZERO_ERROR;
			ucnv_toUnicode(cnv, &t, ubuf + UBUF, &s, lim, NULL, last, &st);
			conv_units(cv, ubuf, (size_t)(t - ubuf));
			if (st != U_BUFFER_OVERFLOW_ERROR)
				break;
		}
		if (U_FAILURE(st))
			return HY_ERR_NOMEM; /* ICU only fails here on memory */
		if (cv->out && cv->out->oom)
			return HY_ERR_NOMEM;
	} while (s < end);
	if (flush && cv->hi) {
		cv->invalid++;
		conv_cp(cv, HY_UTF8_REPLACEMENT);
		cv->hi = 0;
	}
	return 0;
}

/* Convert all of s[0..n) with the ICU converter called name into o. */
static int decode_icu(const char *name, const char *s, size_t n, struct hy_buf *o, size_t *replaced)
{
	UErrorCode st = U_ZERO_ERROR;
	UConverter *cnv = ucnv_open(name, &st);
	struct conv cv = {0};
	int rc;

	if (!cnv || U_FAILURE(st))
		return HY_ERR_NOMEM;
	cv.out = o;
	/* Most output is 3 UTF-8 bytes per 2 input bytes. */
	if (hy_buf_reserve(o, n / 2 * 3 + 16) < 0) {
		ucnv_close(cnv);
		return HY_ERR_NOMEM;
	}
	rc = convert(cnv, s, n, 1, &cv);
	ucnv_close(cnv);
	*replaced += cv.invalid;
	return rc;
}

/* ---- GB18030 vs Big5 ---- */

/* Pairs that are common in GB text: GB2312 level-1 hanzi (B0A1–D7F9),
 * the punctuation rows A1 and A3 (、。“” and full-width ASCII), and the
 * pinyin letters A8A1–A8C0 (ā á ǎ à ...). Walks GB18030 sequences. */
static size_t gb_common(const unsigned char *p, size_t n)
{
	size_t i = 0, c = 0;

	while (i < n) {
		unsigned b = p[i], t;
		if (b < 0x81 || b == 0xFF || i + 1 >= n) {
			i++;
			continue;
		}
		t = p[i + 1];
		if (t >= 0x30 && t <= 0x39) {
			i += 4; /* four-byte sequence */
		} else if (t >= 0x40 && t != 0x7F && t != 0xFF) {
			if (t >= 0xA1 && ((b >= 0xB0 && b <= 0xD7 && !(b == 0xD7 && t > 0xF9)) ||
					  b == 0xA1 || b == 0xA3 || (b == 0xA8 && t <= 0xC0)))
				c++;
			i += 2;
		} else {
			i++;
		}
	}
	return c;
}

/* Pairs that are common in Big5 text: 常用字 (A440–C67E) and the
 * punctuation rows A140–A1FE (，。、「」“”). Walks Big5 pairs. */
static size_t big5_common(const unsigned char *p, size_t n)
{
	size_t i = 0, c = 0;

	while (i < n) {
		unsigned b = p[i], t, code;
		if (b < 0x81 || b == 0xFF || i + 1 >= n) {
			i++;
			continue;
		}
		t = p[i + 1];
		if ((t >= 0x40 && t <= 0x7E) || (t >= 0xA1 && t <= 0xFE)) {
			code = b << 8 | t;
			if ((code >= 0xA440 && code <= 0xC67E) || b == 0xA1)
				c++;
			i += 2;
		} else {
			i++;
		}
	}
	return c;
}

/* Score of decoding the sample with the named converter (higher is
 * better); *bad gets the invalid sequences plus private-use results (what
 * a reader would see as damage). */
static int legacy_score(const char *name, const char *s, size_t n, int flush, size_t common,
			long long *score, size_t *bad)
{
	UErrorCode st = U_ZERO_ERROR;
	UConverter *cnv = ucnv_open(name, &st);
	struct conv cv = {0};
	int rc;

	if (!cnv || U_FAILURE(st))
		return HY_ERR_NOMEM;
	rc = convert(cnv, s, n, flush, &cv);
	ucnv_close(cnv);
	*score = (long long)common - INVALID_WEIGHT * (long long)cv.invalid - (long long)cv.pua;
	*bad = cv.invalid + cv.pua;
	return rc;
}

/* ---- detection ---- */

/* "UTF-16LE"/"UTF-16BE" when the first bytes look like mostly-ASCII
 * UTF-16 without a BOM, else NULL: NULs at one parity in a fifth of the
 * pairs or more, almost none at the other. (Text in UTF-8, GB18030 or
 * Big5 has no NUL byte at all.) */
static const char *guess_utf16(const unsigned char *p, size_t n)
{
	size_t m = (n < NUL_SAMPLE ? n : NUL_SAMPLE) & ~(size_t)1;
	size_t z_even = 0, z_odd = 0, pairs = m / 2;

	if (pairs < 2)
		return NULL;
	for (size_t i = 0; i < m; i += 2) {
		z_even += p[i] == 0;
		z_odd += p[i + 1] == 0;
	}
	if (z_odd * 5 >= pairs && z_even * 20 <= z_odd)
		return "UTF-16LE";
	if (z_even * 5 >= pairs && z_odd * 20 <= z_even)
		return "UTF-16BE";
	return NULL;
}

/* What the code units of a UTF-16 sample are. */
struct u16_scan {
	size_t units;
	size_t plausible; /* what text in Chinese is made of (below) */
	size_t cjk;       /* of those: Han, CJK, general and full-width
			   * punctuation */
	size_t common;    /* of those: common characters (GB2312 level 1,
			   * Big5 常用字) and punctuation, by gb_common or
			   * big5_common, whichever counts more */
	size_t unpaired;  /* surrogates without their other half */
};

static int u16_is_cjk(unsigned u)
{
	return (u >= 0x2000 && u <= 0x206f) || (u >= 0x3000 && u <= 0x303f) ||
	       (u >= 0x3400 && u <= 0x4dbf) || (u >= 0x4e00 && u <= 0x9fff) ||
	       (u >= 0xff00 && u <= 0xffef);
}

/* The common characters among u[0..n): u converted to the legacy
 * encoding called name (what it cannot hold as '?') and counted there. */
static int u16_common(const char *name, const UChar *u, size_t n,
		      size_t (*count)(const unsigned char *, size_t), size_t *common)
{
	UErrorCode st = U_ZERO_ERROR;
	UConverter *cnv = ucnv_open(name, &st);
	size_t cap = 4 * n + 16;
	char *out = malloc(cap);
	int32_t len;

	*common = 0;
	if (!cnv || U_FAILURE(st) || !out) {
		if (cnv)
			ucnv_close(cnv);
		free(out);
		return HY_ERR_NOMEM;
	}
	ucnv_setSubstChars(cnv, "?", 1, &st);
	len = ucnv_fromUChars(cnv, out, (int32_t)cap, u, (int32_t)n, &st);
	if (U_SUCCESS(st) || st == U_STRING_NOT_TERMINATED_WARNING)
		*common = count((const unsigned char *)out, (size_t)len);
	ucnv_close(cnv);
	free(out);
	return 0;
}

/* Scan p[0..m) (m even) as UTF-16, big-endian when be; common is counted
 * only when the rest could make it Chinese. Returns 0 or HY_ERR_NOMEM. */
static int u16_scan(const unsigned char *p, size_t m, int be, struct u16_scan *sc)
{
	size_t units = m / 2, n = 0, gb, b5;
	UChar *u = malloc((units + 1) * sizeof *u);
	int rc;

	memset(sc, 0, sizeof *sc);
	if (!u)
		return HY_ERR_NOMEM;
	for (size_t i = 0; i + 1 < m; i += 2) {
		unsigned c = be ? (unsigned)p[i] << 8 | p[i + 1] : (unsigned)p[i + 1] << 8 | p[i];
		u[n++] = (UChar)c;
	}
	sc->units = n;
	for (size_t i = 0; i < n; i++) {
		unsigned c = u[i];
		if (c >= 0xd800 && c <= 0xdbff) {
			if (i + 1 < n && u[i + 1] >= 0xdc00 && u[i + 1] <= 0xdfff)
				i++;        /* a pair: a rare character, not counted */
			else if (i + 1 < n) /* the sample may cut a pair */
				sc->unpaired++;
			continue;
		}
		if (c >= 0xdc00 && c <= 0xdfff) {
			sc->unpaired++;
			continue;
		}
		if (u16_is_cjk(c)) {
			sc->cjk++;
			sc->plausible++;
		} else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7f)) {
			sc->plausible++;
		}
	}
	rc = 0;
	if (sc->unpaired == 0 && sc->plausible * 10 >= n * 9 &&
	    sc->cjk * 4 >= n) { /* worth converting (u16_chinese) */
		rc = u16_common("GB18030", u, n, gb_common, &gb);
		if (rc == 0)
			rc = u16_common("Big5", u, n, big5_common, &b5);
		if (rc == 0)
			sc->common = gb > b5 ? gb : b5;
	}
	free(u);
	return rc;
}

/* Is the scan Chinese text? Nine units in ten what Chinese text is made
 * of (ASCII, Han, punctuation), a quarter or more Han or punctuation, six
 * in ten of those common characters (real text: over nine in ten), and no
 * unpaired surrogate. Bytes that are not UTF-16 fail here: binary data
 * has about four units in ten in those ranges, and English read in pairs
 * of bytes is nine in ten "Han" ("he" is U+6568) but rare ones, a fifth
 * of them common. */
static int u16_chinese(const struct u16_scan *sc)
{
	return sc->units >= 2 && sc->unpaired == 0 && sc->plausible * 10 >= sc->units * 9 &&
	       sc->cjk * 4 >= sc->units && sc->common * 10 >= sc->cjk * 6;
}

/* "UTF-16LE"/"UTF-16BE" for Chinese UTF-16 without a BOM, which has few
 * NULs or none (only its ASCII: digits, newlines; and 一 U+4E00, 开 U+5F00
 * put one at the other parity), else NULL: the bytes must be of even
 * length and u16_chinese in one byte order. Called on bytes that are not
 * valid UTF-8. */
static int guess_utf16_chinese(const unsigned char *p, size_t n, const char **enc)
{
	size_t m = (n < NUL_SAMPLE ? n : NUL_SAMPLE) & ~(size_t)1;
	struct u16_scan le, be;
	int rc;

	*enc = NULL;
	if (n % 2)
		return 0;
	rc = u16_scan(p, m, 0, &le);
	if (rc == 0)
		rc = u16_scan(p, m, 1, &be);
	if (rc)
		return rc;
	if (u16_chinese(&le) && (!u16_chinese(&be) || le.common >= be.common))
		*enc = "UTF-16LE";
	else if (u16_chinese(&be))
		*enc = "UTF-16BE";
	return 0;
}

/* Choose an encoding for s[0..n) (no BOM). Returns a static name. */
static int detect(const char *s, size_t n, const char **enc)
{
	const unsigned char *p = (const unsigned char *)s;
	const char *u16 = guess_utf16(p, n);
	struct u8stats all, smp;
	size_t m = n < SAMPLE ? n : SAMPLE, gi, bi;
	long long gs, bs;
	int rc;

	if (u16) {
		*enc = u16;
		return 0;
	}
	utf8_stats(s, n, &all);
	if (all.bad == 0) {
		*enc = "UTF-8";
		return 0;
	}
	rc = guess_utf16_chinese(p, n, &u16);
	if (rc < 0)
		return rc;
	if (u16) {
		*enc = u16;
		return 0;
	}
	if (all.multi >= UTF8_DOMINANCE * all.bad) {
		*enc = "UTF-8";
		return 0;
	}
	rc = legacy_score("GB18030", s, m, m == n, gb_common(p, m), &gs, &gi);
	if (rc == 0)
		rc = legacy_score("Big5", s, m, m == n, big5_common(p, m), &bs, &bi);
	if (rc < 0)
		return rc;
	utf8_stats(s, m, &smp);
	if (smp.bad <= gi && smp.bad <= bi)
		*enc = "UTF-8"; /* neither legacy reading is any cleaner */
	else
		*enc = bs > gs ? "Big5" : "GB18030";
	return 0;
}

/* Static display name for a forced encoding name ICU accepts: its MIME
 * name ("GB18030", "Big5"), else its IANA name ("GBK"), else ICU's. */
static const char *forced_name(const char *name, UConverter *cnv)
{
	static const char *const standards[] = {"MIME", "IANA"};
	UErrorCode st;
	const char *std;

	for (size_t i = 0; i < sizeof standards / sizeof standards[0]; i++) {
		st = U_ZERO_ERROR;
		std = ucnv_getStandardName(name, standards[i], &st);
		if (std && U_SUCCESS(st))
			return std;
	}
	st = U_ZERO_ERROR;
	std = ucnv_getName(cnv, &st);
	return std && U_SUCCESS(st) ? std : "unknown";
}

static int is_utf8_name(const char *name)
{
	return strcasecmp(name, "utf-8") == 0 || strcasecmp(name, "utf8") == 0;
}

/* Open a forced encoding to check the name; *display gets its name. */
static int check_name(const char *name, const char **display, char *err, size_t errlen)
{
	UErrorCode st = U_ZERO_ERROR;
	UConverter *cnv;
	size_t len = strlen(name);

	if (len == 0)
		return hy_err_set(err, errlen, HY_ERR_INVALID,
				  "empty encoding name (try utf-8, gb18030, "
				  "gbk or big5)");
	if (len > 64)
		return hy_err_set(err, errlen, HY_ERR_INVALID,
				  "encoding name too long (try utf-8, "
				  "gb18030, gbk or big5)");
	cnv = ucnv_open(name, &st);
	if (!cnv || U_FAILURE(st)) {
		if (cnv)
			ucnv_close(cnv);
		if (st == U_MEMORY_ALLOCATION_ERROR)
			return hy_err_set(err, errlen, HY_ERR_NOMEM,
					  "out of memory opening encoding "
					  "'%s'",
					  name);
		return hy_err_set(err, errlen, HY_ERR_INVALID,
				  "unknown encoding '%s' (try utf-8, gb18030, "
				  "gbk or big5)",
				  name);
	}
	*display = forced_name(name, cnv);
	ucnv_close(cnv);
	return 0;
}

static int has_prefix(const char *s, size_t n, const char *bom, size_t k)
{
	return n >= k && memcmp(s, bom, k) == 0;
}

int hy_decode(const char *bytes, size_t n, const char *encoding, struct hy_decoded *out, char *err,
	      size_t errlen)
{
	struct hy_buf o = {0};
	const char *enc = NULL, *icu = NULL;
	size_t replaced = 0, skip = 0;
	int rc = 0;

	memset(out, 0, sizeof *out);
	if (!bytes || n == 0) {
		bytes = "";
		n = 0;
	}
	if (encoding) {
		if (is_utf8_name(encoding)) {
			enc = "UTF-8";
		} else {
			rc = check_name(encoding, &enc, err, errlen);
			if (rc < 0)
				return rc;
			icu = encoding;
		}
		if (!icu && has_prefix(bytes, n, "\xEF\xBB\xBF", 3))
			skip = 3;
	} else if (has_prefix(bytes, n, "\xEF\xBB\xBF", 3)) {
		enc = "UTF-8";
		skip = 3;
	} else if (has_prefix(bytes, n, "\xFF\xFE\0\0", 4)) {
		enc = icu = "UTF-32LE";
		skip = 4;
	} else if (has_prefix(bytes, n, "\0\0\xFE\xFF", 4)) {
		enc = icu = "UTF-32BE";
		skip = 4;
	} else if (has_prefix(bytes, n, "\xFF\xFE", 2)) {
		enc = icu = "UTF-16LE";
		skip = 2;
	} else if (has_prefix(bytes, n, "\xFE\xFF", 2)) {
		enc = icu = "UTF-16BE";
		skip = 2;
	} else {
		rc = detect(bytes, n, &enc);
		if (rc < 0)
			return hy_err_set(err, errlen, rc,
					  "out of memory detecting the "
					  "encoding");
		if (strcmp(enc, "UTF-8") != 0)
			icu = enc;
	}

	if (icu) {
		rc = decode_icu(icu, bytes + skip, n - skip, &o, &replaced);
	} else {
		decode_utf8(bytes + skip, n - skip, &o, &replaced);
	}
	if (rc == 0 && hy_buf_reserve(&o, 0) < 0)
		rc = HY_ERR_NOMEM;
	if (rc < 0 || o.oom) {
		free(o.p);
		return hy_err_set(err, errlen, HY_ERR_NOMEM,
				  "out of memory decoding %zu bytes as %s", n, enc);
	}
	o.p[o.len] = '\0';
	out->text = o.p;
	out->len = o.len;
	out->encoding = enc;
	out->replaced = replaced;
	return 0;
}

void hy_decoded_free(struct hy_decoded *d)
{
	if (!d)
		return;
	free(d->text);
	memset(d, 0, sizeof *d);
}
