/* grow.c: the growable array (grow.h). */
#include "huiyi/grow.h"

#include "huiyi/err.h"

#include <stdint.h>
#include <stdlib.h>

static int resize(void *pv, size_t count, size_t size)
{
	void **p = pv;
	void *nv;

	if (size && count > SIZE_MAX / size)
		return HY_ERR_NOMEM;
	nv = realloc(*p, count * size);
	if (!nv)
		return HY_ERR_NOMEM;
	*p = nv;
	return 0;
}

int hy_grow(void *pv, size_t *cap, size_t need, size_t size, size_t first)
{
	size_t c = *cap ? *cap : first ? first : 8;

	if (need <= *cap)
		return 0;
	while (c < need) {
		if (c > SIZE_MAX / 2)
			return HY_ERR_NOMEM;
		c *= 2;
	}
	if (resize(pv, c, size))
		return HY_ERR_NOMEM;
	*cap = c;
	return 0;
}

int hy_grow_implied(void *pv, size_t n, size_t size)
{
	if (n != 0 && (n < 8 || (n & (n - 1)) != 0))
		return 0; /* inside the allocation */
	if (n > SIZE_MAX / 2)
		return HY_ERR_NOMEM;
	return resize(pv, n ? n * 2 : 8, size);
}
