/* readall.c: reading a whole file into memory, bounded: the import's
 * reader (readall.h). */
#include "readall.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* "16,777,217 bytes": exact, so one byte over the limit shows as such. */
static void size_str(char *out, size_t len, unsigned long long n)
{
	char digits[24], grouped[32];
	int k = snprintf(digits, sizeof digits, "%llu", n), o = 0;
	for (int i = 0; i < k; i++) {
		if (i && (k - i) % 3 == 0)
			grouped[o++] = ',';
		grouped[o++] = digits[i];
	}
	grouped[o] = '\0';
	snprintf(out, len, "%s byte%s", grouped, n == 1 ? "" : "s");
}

int hy_too_big(size_t max, unsigned long long size, int exact, char *err, size_t errlen)
{
	char a[64], b[64];
	size_str(a, sizeof a, size);
	size_str(b, sizeof b, max);
	if (!exact) /* a stream: stopped reading at the limit */
		return hy_err_set(err, errlen, HY_ERR_TOOBIG,
				  _("file too large (over the limit of %s)"), b);
	return hy_err_set(err, errlen, HY_ERR_TOOBIG,
			  _("file too large (%s, over the limit of %s)"), a, b);
}

int hy_read_all(int fd, size_t max, char **buf, size_t *cap, size_t *len,
		const volatile sig_atomic_t *stop, char *err, size_t errlen)
{
	struct stat sb;
	size_t n = 0;

	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode)) {
		size_t want;
		if ((unsigned long long)sb.st_size > max)
			return hy_too_big(max, (unsigned long long)sb.st_size, 1, err, errlen);
		want = (size_t)sb.st_size + 1; /* + 1: EOF without a regrow */
		if (want > *cap) {
			char *nb = realloc(*buf, want);
			if (!nb)
				return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
			*buf = nb;
			*cap = want;
		}
	}
	for (;;) {
		ssize_t got;
		if (n == *cap) {
			size_t ncap = *cap ? *cap * 2 : 1 << 16;
			char *nb;
			if (ncap > max + 1)
				ncap = max + 1;
			if (ncap <= n)
				return hy_too_big(max, n, 0, err, errlen);
			nb = realloc(*buf, ncap);
			if (!nb)
				return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
			*buf = nb;
			*cap = ncap;
		}
		got = read(fd, *buf + n, *cap - n);
		if (got < 0) {
			if (errno == EINTR && !(stop && *stop))
				continue;
			return hy_err_set(err, errlen, HY_ERR_IO, _("cannot read: %s"),
					  strerror(errno));
		}
		if (got == 0)
			break;
		n += (size_t)got;
		if (n > max)
			return hy_too_big(max, n, 0, err, errlen);
	}
	*len = n;
	return 0;
}
