/* decode.h: bytes in any supported encoding → UTF-8 (DESIGN.md §2 decode). */
#ifndef HUIYI_DECODE_H
#define HUIYI_DECODE_H

#include <stddef.h>

struct hy_decoded {
	char *text;           /* UTF-8, NUL-terminated, owned (free()) */
	size_t len;           /* bytes in text, without the NUL */
	const char *encoding; /* "UTF-8", "GB18030", "Big5", or what was forced */
	size_t replaced;      /* invalid sequences turned into U+FFFD */
};

/* Decode bytes[0..n). encoding NULL = detect: BOM (UTF-8/UTF-16), valid
 * UTF-8, else GB18030, else Big5 (the one with fewer invalid sequences and
 * more common Han). Otherwise the named encoding (any name iconv/ICU knows).
 * Invalid sequences become U+FFFD and are counted; never fails on content.
 * Returns 0, HY_ERR_NOMEM, or HY_ERR_INVALID for an unknown encoding name
 * (message in err). */
int hy_decode(const char *bytes, size_t n, const char *encoding,
	      struct hy_decoded *out, char *err, size_t errlen);

void hy_decoded_free(struct hy_decoded *d);

#endif
