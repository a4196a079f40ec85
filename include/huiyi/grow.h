/* grow.h: the growable array, one helper for every list huiyi builds
 * (rows, hits, spans, positions). Both forms double the allocation, so
 * appending n elements costs O(n); both return 0 or HY_ERR_NOMEM and
 * leave the array as it was on failure. */
#ifndef HUIYI_GROW_H
#define HUIYI_GROW_H

#include <stddef.h>

/* Room for need elements of size bytes in *pv (a T **), whose
 * allocation holds *cap: first (8 when 0) at the start, then doubled. */
int hy_grow(void *pv, size_t *cap, size_t need, size_t size, size_t first);

/* The same for an array that keeps no capacity: room for element n
 * (the (n+1)th) when the allocation is 8, 16, 32 … elements, i.e. it
 * grows when n is 0 or a power of two of at least 8. */
int hy_grow_implied(void *pv, size_t n, size_t size);

#endif
