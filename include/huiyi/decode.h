/* decode.h: bytes in any supported encoding → UTF-8 (DESIGN.md §2 decode).
 *
 * Detection (encoding == NULL), in this order:
 *  1. A byte-order mark: EF BB BF → UTF-8, FF FE 00 00 / 00 00 FE FF →
 *     UTF-32LE/BE, FF FE / FE FF → UTF-16LE/BE. The BOM is not copied.
 *  2. No BOM but many NUL bytes at only odd (even) offsets → UTF-16LE (BE).
 *  3. Valid UTF-8 → copied as is.
 *  4. UTF-8 with a few damaged bytes → UTF-8 with U+FFFD: when valid
 *     multi-byte sequences outnumber invalid ones at least 4 to 1 (GBK and
 *     Big5 text only rarely form valid UTF-8 multi-byte sequences, so this
 *     keeps a truncated last character or a stray \xff from turning a whole
 *     UTF-8 file into GB18030 mojibake), or when neither GB18030 nor Big5
 *     decodes the bytes with fewer errors than UTF-8 does.
 *  5. Otherwise GB18030 (a superset of GBK and GB2312) or Big5, whichever
 *     scores higher on the first MiB: score = common characters − 3 ×
 *     invalid sequences − private-use results. "Common" uses each
 *     standard's own frequency tier: GB2312 level 1 (B0A1–D7F9, the 3755
 *     most used hanzi), its punctuation rows A1 and A3 and its pinyin
 *     letters A8A1–A8C0; Big5 常用字 (A440–C67E) and its punctuation row
 *     A1. Big5 bytes are almost always *valid* GB18030 (every Big5 pair is
 *     a GBK pair), so the invalid count alone cannot tell the two apart;
 *     the frequency tiers and the private-use areas (where Big5 text lands
 *     in GB18030) can. A tie goes to GB18030. Inputs of a few characters
 *     stay ambiguous.
 * Conversion uses ICU (ucnv); "Big5" is ICU's windows-950, which maps the
 * single bytes 0x80 and 0xFF to characters rather than to errors. */
#ifndef HUIYI_DECODE_H
#define HUIYI_DECODE_H

#include <stddef.h>

struct hy_decoded {
	char *text;           /* UTF-8, NUL-terminated, owned (free()) */
	size_t len;           /* bytes in text, without the NUL */
	const char *encoding; /* "UTF-8", "GB18030", "Big5", "UTF-16LE", ...
			       * or the standard name of a forced encoding
			       * (static storage: never free it) */
	size_t replaced;      /* invalid sequences turned into U+FFFD */
};

/* Decode bytes[0..n) (bytes may be NULL when n == 0). encoding NULL =
 * detect (see above). Otherwise the named encoding: any name or alias ICU
 * knows, case and punctuation insensitive ("utf-8", "gbk", "GB18030",
 * "big5", "big5-hkscs", "utf-16le" ...); a leading UTF-8 BOM is dropped
 * when the forced encoding is UTF-8. Each invalid sequence becomes one
 * U+FFFD and is counted in out->replaced (for UTF-8: one per maximal
 * subpart, see hy_utf8_next). NUL bytes are kept (clean removes them).
 * Never fails on content; time and extra memory are linear in n.
 * Returns 0, HY_ERR_NOMEM, or HY_ERR_INVALID for an empty or unknown
 * encoding name (message in err). On error *out is zeroed. */
int hy_decode(const char *bytes, size_t n, const char *encoding, struct hy_decoded *out, char *err,
	      size_t errlen);

/* Free d->text and zero *d. d may be NULL; safe to call twice. */
void hy_decoded_free(struct hy_decoded *d);

#endif
