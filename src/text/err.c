/* err.c: error code names and the message-buffer helper (err.h). */
#include "huiyi/err.h"
#include "huiyi/i18n.h"

#include <stdarg.h>
#include <stdio.h>

const char *hy_err_str(int code)
{
	switch (code) {
	case HY_OK:
		return _("success");
	case HY_ERR_NOMEM:
		return _("out of memory");
	case HY_ERR_IO:
		return _("input/output error");
	case HY_ERR_INVALID:
		return _("invalid input");
	case HY_ERR_DB:
		return _("database error");
	case HY_ERR_DUP:
		return _("already stored");
	case HY_ERR_NOTFOUND:
		return _("not found");
	case HY_ERR_TOOBIG:
		return _("too big");
	case HY_ERR_BUSY:
		return _("database is busy");
	case HY_ERR_READONLY:
		return _("database is read-only");
	case HY_ERR_VERSION:
		return _("database is from a newer huiyi");
	case HY_ERR_CORRUPT:
		return _("not a huiyi database, or damaged");
	default:
		return _("unknown error");
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
