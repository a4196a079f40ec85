/* buf.h: a growable byte buffer for the text modules. Appending never
 * fails loudly: on out of memory the buffer sets `oom` and ignores further
 * appends, so a whole pass can run and be checked once at the end. The
 * room for a terminating NUL is always reserved (p[len] may be written). */
#ifndef HUIYI_BUF_H
#define HUIYI_BUF_H

#include <stddef.h>
#include <stdint.h>

struct hy_buf {
	char *p;
	size_t len, cap;
	int oom;
};

/* Make room for extra more bytes (and a NUL). 0, or HY_ERR_NOMEM with oom set. */
int hy_buf_reserve(struct hy_buf *b, size_t extra);

/* Append s[0..n). */
void hy_buf_put(struct hy_buf *b, const char *s, size_t n);

/* Append one code point as UTF-8. */
void hy_buf_cp(struct hy_buf *b, uint32_t cp);

#endif
