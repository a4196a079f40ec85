/* err.h: error codes shared by every module (DESIGN.md "Errors and
 * memory").
 *
 * The convention:
 * - A function that can fail returns 0 on success or one of the negative
 *   codes below, never a bare -1: each failure says which it is, and out
 *   of memory (HY_ERR_NOMEM) is never mistaken for any other. (-1 is no
 *   code on purpose.) A function that returns an index, a count or a
 *   width returns -1 for "none"; that is a value, not a failure, and its
 *   comment says so.
 * - Where useful it also fills a caller-owned message buffer (char *err,
 *   size_t errlen) with one plain-language line, written where the
 *   failure is known: "out of memory" when an allocation returned NULL
 *   (never a library's message about its last call, which may read "not
 *   an error"). The CLI prints that line on stderr and exits non-zero.
 * - A function that fills no message leaves the caller to say it, with
 *   hy_err_str(code) at least.
 * - Memory: every failed allocation is handled and returned as
 *   HY_ERR_NOMEM, up to that one line (tests/oom proves it, failing each
 *   allocation of each command in turn). */
#ifndef HUIYI_ERR_H
#define HUIYI_ERR_H

#include <stddef.h>

enum hy_err {
	HY_OK = 0,
	/* -1: no code (a bare -1 from a missed path is not taken for one) */
	HY_ERR_IO = -2,       /* read/write failure (file, disk full) */
	HY_ERR_INVALID = -3,  /* input cannot be used (bad encoding name, empty) */
	HY_ERR_DB = -4,       /* sqlite failure */
	HY_ERR_DUP = -5,      /* already stored (not a failure for import) */
	HY_ERR_NOTFOUND = -6, /* no such meeting / file */
	HY_ERR_TOOBIG = -7,   /* input over a documented limit */
	HY_ERR_BUSY = -8,     /* database locked longer than busy_timeout */
	HY_ERR_READONLY = -9, /* database cannot be written */
	HY_ERR_VERSION = -10, /* database from a newer huiyi */
	HY_ERR_CORRUPT = -11, /* not a huiyi/sqlite database, or damaged */
	HY_ERR_NOMEM = -12,   /* out of memory */
};

/* Short English name of a code ("out of memory", ...). Never NULL. */
const char *hy_err_str(int code);

/* snprintf into err (if err != NULL && errlen > 0), then return code. */
int hy_err_set(char *err, size_t errlen, int code, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

#endif
