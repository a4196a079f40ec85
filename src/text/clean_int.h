/* clean_int.h: what the parts of the cleaner (clean.c, gloss.c,
 * chrome.c) share and nothing else uses. */
#ifndef HUIYI_CLEAN_INT_H
#define HUIYI_CLEAN_INT_H

#include "huiyi/buf.h"

#include <stddef.h>

/* Length of the space code point at s[0..n) (ASCII space or tab, NBSP,
 * U+3000, U+2000–U+200A, U+202F, U+205F), or 0. */
size_t hy_clean_space_at(const char *s, size_t n);

/* Pinyin glosses out of s[0..n) (gloss.c). Result in *res and *rlen: s
 * itself when none were removed, else o's storage; *count counts them. */
void hy_clean_strip_glosses(const char *s, size_t n, struct hy_buf *o, const char **res,
			    size_t *rlen, size_t *count);

/* ASCII , ; : ? ! ( ) among Chinese characters made full-width
 * (punct.c): the line in *res and *rlen, s itself when nothing changed,
 * else o's storage; *count counts the marks. 0 or HY_ERR_NOMEM. */
int hy_clean_widen(const char *s, size_t n, struct hy_buf *o, const char **res, size_t *rlen,
		   size_t *count);

#endif
