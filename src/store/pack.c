/* pack.c: raw bytes kept as a zstd frame against their clean text
 * (pack.h), and the SQL functions that do the same.
 *
 * Compiled twice, as fts.c is: into libhuiyi, and with HY_FTS_EXTENSION
 * into the sqlite3 shell's extension (ext/huiyi_fts.c), so that a user of
 * the shell can read the raw bytes: SELECT hy_raw(rawz, hy_clean(cleanz))
 * FROM meetings (the clean text through cleanz.h since schema v18). */
#ifdef HY_FTS_EXTENSION
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3
#else
#include <sqlite3.h>
#endif

#include "pack.h"

#include "huiyi/err.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zstd.h>
#include <zstd_errors.h>

/* The prefix is read as raw content unless it starts with zstd's
 * dictionary magic (37 A4 30 EC), which valid UTF-8 never does: a clean
 * text is always valid UTF-8. */

/* Level 3, zstd's default: a 4 KB readout against its clean text takes a
 * few microseconds; higher levels buy little on text this short. */
#define PACK_LEVEL 3

int hy_pack_raw(const void *raw, size_t len, const char *clean, size_t clen, void **out,
		size_t *outlen)
{
	*out = NULL;
	*outlen = 0;
	if (len == 0)
		return 0;
	/* zstd finds nothing in a prefix that is the input's own memory (a
	 * caller whose raw bytes are its clean text): packed from a copy */
	uintptr_t r0 = (uintptr_t)raw, c0 = (uintptr_t)clean;
	void *copy = NULL;
	if (clen && r0 < c0 + clen && c0 < r0 + len) {
		if (!(copy = malloc(len)))
			return HY_ERR_NOMEM;
		raw = memcpy(copy, raw, len);
	}
	ZSTD_CCtx *z = ZSTD_createCCtx();
	size_t cap = ZSTD_compressBound(len);
	void *buf = z ? malloc(cap) : NULL;
	if (!buf) {
		ZSTD_freeCCtx(z);
		free(copy);
		return HY_ERR_NOMEM;
	}
	size_t r = ZSTD_CCtx_setParameter(z, ZSTD_c_compressionLevel, PACK_LEVEL);
	if (!ZSTD_isError(r))
		r = ZSTD_CCtx_setParameter(z, ZSTD_c_checksumFlag, 1);
	if (!ZSTD_isError(r))
		r = ZSTD_CCtx_refPrefix(z, clean, clen);
	if (!ZSTD_isError(r))
		r = ZSTD_compress2(z, buf, cap, raw, len);
	ZSTD_freeCCtx(z);
	free(copy);
	if (ZSTD_isError(r)) {
		free(buf);
		return ZSTD_getErrorCode(r) == ZSTD_error_memory_allocation ? HY_ERR_NOMEM
									    : HY_ERR_INVALID;
	}
	*out = buf;
	*outlen = r;
	return 0;
}

int hy_unpack_raw(const void *packed, size_t n, const char *clean, size_t clen, void **out,
		  size_t *outlen)
{
	*out = NULL;
	*outlen = 0;
	if (n == 0) {
		*out = calloc(1, 1);
		return *out ? 0 : HY_ERR_NOMEM;
	}
	unsigned long long size = ZSTD_getFrameContentSize(packed, n);
	if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN ||
	    size > HY_PACK_MAX)
		return HY_ERR_CORRUPT;
	ZSTD_DCtx *z = ZSTD_createDCtx();
	char *buf = z ? malloc((size_t)size + 1) : NULL;
	if (!buf) {
		ZSTD_freeDCtx(z);
		return HY_ERR_NOMEM;
	}
	size_t r = ZSTD_DCtx_refPrefix(z, clean, clen);
	if (!ZSTD_isError(r))
		r = ZSTD_decompressDCtx(z, buf, (size_t)size, packed, n);
	ZSTD_freeDCtx(z);
	if (ZSTD_isError(r) || r != size) {
		free(buf);
		return ZSTD_isError(r) && ZSTD_getErrorCode(r) == ZSTD_error_memory_allocation
			       ? HY_ERR_NOMEM
			       : HY_ERR_CORRUPT;
	}
	buf[r] = '\0';
	*out = buf;
	*outlen = r;
	return 0;
}

/* hy_raw_pack(raw, clean) and hy_raw(packed, clean): NULL in, NULL out;
 * a value that is not packed against clean is an SQL error. */
static void pack_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int unpack = sqlite3_user_data(ctx) != NULL;
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	const void *v = sqlite3_value_blob(argv[0]);
	size_t n = (size_t)sqlite3_value_bytes(argv[0]);
	const char *clean = (const char *)sqlite3_value_text(argv[1]);
	size_t clen = (size_t)sqlite3_value_bytes(argv[1]);
	void *out;
	size_t len;
	int rc;
	if ((!v && n) || (!clean && sqlite3_value_type(argv[1]) != SQLITE_NULL)) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	rc = unpack ? hy_unpack_raw(v, n, clean ? clean : "", clen, &out, &len)
		    : hy_pack_raw(v, n, clean ? clean : "", clen, &out, &len);
	if (rc == HY_ERR_NOMEM)
		sqlite3_result_error_nomem(ctx);
	else if (rc)
		sqlite3_result_error(ctx,
				     unpack ? "hy_raw: not raw bytes packed against this clean text"
					    : "hy_raw_pack: zstd could not pack the raw bytes",
				     -1);
	else
		sqlite3_result_blob64(ctx, out ? out : "", len, out ? free : SQLITE_TRANSIENT);
}

int hy_pack_register(sqlite3 *db)
{
	static char unpack_tag;
	int f = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc = sqlite3_create_function(db, "hy_raw_pack", 2, f, NULL, pack_fn, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "hy_raw", 2, f, &unpack_tag, pack_fn, NULL, NULL);
	return rc;
}
