/* err.c: error code names and the message-buffer helper (err.h). */
#include "huiyi/err.h"

#include <stdarg.h>
#include <stdio.h>

const char *hy_err_str(int code)
{
	switch (code) {
	case HY_OK:
		return "success";
	case HY_ERR_NOMEM:
		return "out of memory";
	case HY_ERR_IO:
		return "input/output error";
	case HY_ERR_INVALID:
		return "invalid input";
	case HY_ERR_DB:
		return "database error";
	case HY_ERR_DUP:
		return "already stored";
	case HY_ERR_NOTFOUND:
		return "not found";
	case HY_ERR_TOOBIG:
		return "too big";
	case HY_ERR_BUSY:
		return "database is busy";
	case HY_ERR_READONLY:
		return "database is read-only";
	case HY_ERR_VERSION:
		return "database is from a newer huiyi";
	case HY_ERR_CORRUPT:
		return "not a huiyi database, or damaged";
	default:
		return "unknown error";
	}
}

int hy_err_set(char *err, size_t errlen, int code, const char *fmt, ...)
{
	if (err && errlen > 0) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return code;
}
