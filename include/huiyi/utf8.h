/* utf8.h: small UTF-8 primitives used by every text module.
 *
 * "Valid" follows Unicode §3.9 Table 3-7: no overlong forms, no surrogates
 * (U+D800–U+DFFF), nothing above U+10FFFF, no truncated sequences. */
#ifndef HUIYI_UTF8_H
#define HUIYI_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define HY_UTF8_REPLACEMENT 0xFFFDu

/* Decode one code point from s[0..len). Returns the number of bytes used
 * (1..4) and stores the code point in *cp; on an invalid or truncated
 * sequence stores U+FFFD and returns 1 (the caller resumes at the next
 * byte). len must be > 0. Overlongs, surrogates and > U+10FFFF are invalid. */
size_t hy_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Like hy_utf8_decode, but an invalid sequence is skipped as a whole
 * "maximal subpart" (Unicode §3.9, the W3C/WHATWG practice): a truncated
 * character such as E4 B8 followed by 'a' is one error of 2 bytes, not two.
 * Returns the bytes used (1..4, never 0; len must be > 0), stores the code
 * point or U+FFFD in *cp, and sets *bad (if not NULL) to 1 for an invalid
 * sequence, else 0. A genuine U+FFFD in the input is valid (*bad = 0). */
size_t hy_utf8_next(const char *s, size_t len, uint32_t *cp, int *bad);

/* Encode cp into out[0..4). Returns bytes (1..4). cp should be a valid
 * scalar value; a surrogate or a value > U+10FFFF is encoded as U+FFFD. */
size_t hy_utf8_encode(uint32_t cp, char out[4]);

/* 1 if s[0..len) is entirely valid UTF-8, else 0. len 0 is valid. */
int hy_utf8_valid(const char *s, size_t len);

#endif
