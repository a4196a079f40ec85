/* utf8.h: small UTF-8 primitives used by every text module. */
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

/* Encode cp (must be a valid scalar value) into out[0..4). Returns bytes. */
size_t hy_utf8_encode(uint32_t cp, char out[4]);

/* 1 if s[0..len) is entirely valid UTF-8, else 0. */
int hy_utf8_valid(const char *s, size_t len);

#endif
