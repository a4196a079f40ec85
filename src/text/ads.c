/* ads.c: advertising strings that spam mirrors put into copied readouts.
 *
 * Mirror sites copy government pages and replace the place's name with
 * an advertisement: "6月20日，某某手机官网入口·(中国)官方网站召开第七次
 * 常务会议". Left in, such a string becomes the meeting's body, a
 * section's heading, even a person. The cleaner cuts it out of the clean
 * text (the raw bytes keep it), so the rest of the readout reads as the
 * original did.
 *
 * An advertisement here is a run of Han characters, ASCII letters and
 * digits, '_', '·' and parentheses around one of the anchor words below,
 * that holds a marker (入口, 手机, 网页版, 登录, APP, 体育, (中国), ·, or
 * letters glued to digits as in bet365). 县政府官网 and 市政府官方网站 are a
 * website's name, not an advertisement, and stay. */
#include "huiyi/fold.h"
#include "huiyi/clean.h"

#include "huiyi/utf8.h"

#include <stdint.h>
#include <string.h>

struct word {
	const char *s;
	size_t n;
};
#define W(x)                                                                                       \
	{                                                                                          \
		x, sizeof(x) - 1                                                                   \
	}

static const struct word anchors[] = {
	W("官方网站"), W("官方網站"), W("官网"),     W("官網"),     W("网页版"), W("網頁版"),
	W("登录入口"), W("登錄入口"), W("体育在线"), W("體育在線"), /* bet36体育在线 */
};
/* What makes a run around an anchor an advertisement. */
static const struct word markers[] = {
	W("网页版"),   W("網頁版"), W("登录"),     W("登錄"), W("入口"), W("手机"),
	W("手機"),     W("APP"),    W("app"),      W("App"),  W("平台"), W("下载"),
	W("下載"),     W("体育"),   W("體育"),     W("娱乐"), W("娛樂"), W("(中国)"),
	W("（中国）"), W("(中國)"), W("（中國）"), W("·"),
};
/* Words that may follow an anchor inside the advertisement. */
static const struct word tails[] = {
	W("入口"),     W("首页"),   W("首頁"),     W("平台"), W("下载"), W("下載"),
	W("登录"),     W("登錄"),   W("APP"),      W("app"),  W("App"),  W("(中国)"),
	W("（中国）"), W("(中國)"), W("（中國）"), W("·"),
};
#undef W

static int has(const char *s, size_t n, const struct word *w, size_t nw)
{
	for (size_t i = 0; i < nw; i++)
		for (size_t k = 0; k + w[i].n <= n; k++)
			if (memcmp(s + k, w[i].s, w[i].n) == 0)
				return 1;
	return 0;
}

/* Length of the anchor or tail word at s (of n bytes), or 0. */
static size_t word_at(const char *s, size_t n, const struct word *w, size_t nw)
{
	size_t best = 0;
	for (size_t i = 0; i < nw; i++)
		if (w[i].n <= n && w[i].n > best && memcmp(s, w[i].s, w[i].n) == 0)
			best = w[i].n;
	return best;
}

static int is_alnum(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       c == '_';
}

/* Letters and digits glued together (bet365): a betting site's name. */
static int mixed_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++)
		if (((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')) &&
		    s[i + 1] >= '0' && s[i + 1] <= '9')
			return 1;
	return 0;
}

/* Start of the code point before byte i of s. */
static size_t back(const char *s, size_t i)
{
	do
		i--;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
	return i;
}

/* The advertisement around the anchor at [a, a + alen) of s: its bytes
 * [*from, *to). Left: up to 6 Han characters and 20 in all (Han, ASCII, ·), stopping before
 * 召开 or 了 (the readout's own verb). Right: tail words, anchors and
 * ASCII, never Han nor digits right after a Han anchor (…官方网站2022年). */
static void extent(const char *s, size_t n, size_t a, size_t alen, size_t *from, size_t *to)
{
	/* (bet36体育在线: the brand before a sport's anchor is ASCII alone; Han
	 * before it is the readout's own, 进一步推进bet36体育在线) */
	int brand = alen == strlen("体育在线") &&
		    (memcmp(s + a, "体育在线", alen) == 0 || memcmp(s + a, "體育在線", alen) == 0);
	size_t l = a;
	for (int han = 0, all = 0; han < 6 && all < 20 && l > 0; all++) {
		size_t p = back(s, l);
		uint32_t c;
		hy_utf8_decode(s + p, l - p, &c);
		if (!(hy_fold_is_han(c) || is_alnum(c) || c == 0xB7) || c == 0x4E86 /* 了 */ ||
		    (brand && !is_alnum(c)))
			break;
		if (c == 0x5F00 /* 开 */ && p > 0) {
			uint32_t c2;
			size_t q = back(s, p);
			hy_utf8_decode(s + q, p - q, &c2);
			if (c2 == 0x53EC /* 召 */)
				break;
		}
		han += hy_fold_is_han(c);
		l = p;
	}
	size_t r = a + alen;
	for (;;) {
		size_t k = word_at(s + r, n - r, tails, sizeof tails / sizeof tails[0]);
		if (!k)
			k = word_at(s + r, n - r, anchors, sizeof anchors / sizeof anchors[0]);
		if (!k && r < n && is_alnum((unsigned char)s[r]) &&
		    !(s[r] >= '0' && s[r] <= '9' && r > 0 && ((unsigned char)s[r - 1] & 0x80)))
			k = 1;
		if (!k)
			break;
		r += k;
	}
	*from = l;
	*to = r;
}

size_t hy_clean_strip_ads(const char *s, size_t n, char *out)
{
	/* nearly every line holds no anchor: every anchor has 官, 网, 網, 登,
	 * 线 or 線, so a line with none of them is copied as it is */
	static const char *const keys[] = {"官", "网", "網", "登", "线", "線"};
	int any = 0;
	for (size_t i = 0; i + 2 < n && !any; i++) {
		if ((unsigned char)s[i] != 0xE5 && (unsigned char)s[i] != 0xE7)
			continue;
		for (size_t k = 0; k < sizeof keys / sizeof keys[0] && !any; k++)
			any = memcmp(s + i, keys[k], 3) == 0;
	}
	if (!any) {
		memcpy(out, s, n);
		return n;
	}
	size_t o = 0, kept = 0; /* out[o - (i - kept) ..] mirrors s[kept .. i) */
	for (size_t i = 0; i < n;) {
		size_t k = word_at(s + i, n - i, anchors, sizeof anchors / sizeof anchors[0]);
		if (k) {
			size_t from, to;
			extent(s, n, i, k, &from, &to);
			if (from < kept)
				from = kept;
			/* (a sport's anchor needs the brand's letters and digits:
			 * 体育 is its own marker) */
			int sport = k == strlen("体育在线") && (memcmp(s + i, "体育在线", k) == 0 ||
								memcmp(s + i, "體育在線", k) == 0);
			if ((!sport && has(s + from, to - from, markers,
					   sizeof markers / sizeof markers[0])) ||
			    mixed_ascii(s + from, to - from)) {
				o -= i - from; /* the left part was copied: take it back */
				i = kept = to;
				continue;
			}
		}
		out[o++] = s[i++];
	}
	return o;
}
