/* pack.h: a readout's raw bytes stored as what differs from its clean
 * text (schema v14, DESIGN.md §2 "Storage").
 *
 * The raw bytes are kept so that nothing a scraper saved is ever lost
 * (split, a better cleaner later), but they are nearly the clean text
 * again: a text file differs from it only where the cleaner mended
 * something, a saved page by its markup. So the database keeps them as
 * a zstd frame compressed with the clean text as its prefix (a raw
 * content dictionary): a text file's raw bytes then take a few dozen
 * bytes, a page's its markup compressed. The frame carries the raw
 * length and a checksum, so a packed value read back against any other
 * text is an error, never wrong bytes.
 *
 * Packing and unpacking need the clean text the raw bytes were packed
 * against: the meeting row's own, or the source row's (sources.c). Any
 * change to a clean text packs its raw bytes again (repair.c). */
#ifndef HY_STORE_PACK_H
#define HY_STORE_PACK_H

#include <sqlite3.h>
#include <stddef.h>

/* The largest raw readout unpacked (a bigger frame is refused as
 * damaged): the importer's own limit is far below. */
#define HY_PACK_MAX ((size_t)1 << 30)

/* raw[0..len) packed against clean[0..clen) into a malloc'd *out of
 * *outlen bytes (len 0: an empty value, *out NULL). 0, HY_ERR_NOMEM, or
 * HY_ERR_INVALID when zstd refuses. */
int hy_pack_raw(const void *raw, size_t len, const char *clean, size_t clen, void **out,
		size_t *outlen);

/* The raw bytes back from a packed value and the clean text it was packed
 * against, into a malloc'd *out (NUL-terminated past *outlen). 0,
 * HY_ERR_NOMEM, or HY_ERR_CORRUPT (not a frame, too big, or packed
 * against another text). */
int hy_unpack_raw(const void *packed, size_t n, const char *clean, size_t clen, void **out,
		  size_t *outlen);

/* The SQL functions hy_raw_pack(raw, clean) and hy_raw(packed, clean)
 * (the migration to v14, reindex, and the sqlite3 shell through the
 * extension). SQLITE_OK or sqlite's code. */
int hy_pack_register(sqlite3 *db);

#endif
