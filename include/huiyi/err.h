/* err.h: error codes shared by every module.
 *
 * Functions return 0 on success or a negative hy_err code, and where useful
 * fill a caller-owned message buffer (char *err, size_t errlen) with one
 * plain-language line. The CLI prints that line on stderr. */
#ifndef HUIYI_ERR_H
#define HUIYI_ERR_H

#include <stddef.h>

enum hy_err {
	HY_OK = 0,
	HY_ERR_NOMEM = -1,    /* out of memory */
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
