/* buf.c: the growable byte buffer of the text modules (buf.h). */
#include "huiyi/buf.h"

#include "huiyi/err.h"
#include "huiyi/utf8.h"

#include <stdlib.h>
#include <string.h>

int hy_buf_reserve(struct hy_buf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (b->oom)
		return HY_ERR_NOMEM;
	if (extra > SIZE_MAX - 1 - b->len) {
		b->oom = 1;
		return HY_ERR_NOMEM;
	}
	need = b->len + extra + 1;
	if (need <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	p = realloc(b->p, cap);
	if (!p) {
		b->oom = 1;
		return HY_ERR_NOMEM;
	}
	b->p = p;
	b->cap = cap;
	return 0;
}

void hy_buf_put(struct hy_buf *b, const char *s, size_t n)
{
	if (n == 0 || hy_buf_reserve(b, n) < 0)
		return;
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

void hy_buf_cp(struct hy_buf *b, uint32_t cp)
{
	char e[4];
	hy_buf_put(b, e, hy_utf8_encode(cp, e));
}
