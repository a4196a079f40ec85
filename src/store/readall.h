/* readall.h: reading a whole file into memory, bounded (src/store/readall.c,
 * for the import). */
#ifndef HUIYI_STORE_READALL_H
#define HUIYI_STORE_READALL_H

#include <signal.h>
#include <stddef.h>

/* HY_ERR_TOOBIG with "file too large (16,777,217 bytes, over the limit
 * of 16,777,216 bytes)" in err; exact 0: a stream stopped at the limit. */
int hy_too_big(size_t max, unsigned long long size, int exact, char *err, size_t errlen);

/* Read all of fd into *buf (capacity *cap, grown; at most max bytes) and
 * set *len. 0, or a reason in err: HY_ERR_TOOBIG, HY_ERR_IO, HY_ERR_NOMEM.
 * stop (may be NULL): a read interrupted by a signal while *stop is set
 * gives up (HY_ERR_IO) instead of retrying. */
int hy_read_all(int fd, size_t max, char **buf, size_t *cap, size_t *len,
		const volatile sig_atomic_t *stop, char *err, size_t errlen);

#endif
