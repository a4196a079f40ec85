/* cleanz.h: a meeting's clean text stored as a zstd frame (schema v18,
 * DESIGN.md §2 "The clean text compressed").
 *
 * meetings.cleanz holds the clean text as one zstd frame (level 3, with
 * its content size and a checksum), compressed with a dictionary trained
 * from the database's own texts when it has one: readouts are short (a
 * few KB) and say the same things in the same words, which a frame alone
 * cannot see but a dictionary holds once for all of them. The
 * dictionaries are rows of clean_dicts (id: the zstd dictionary id,
 * which zstd derives from the dictionary's content, and which every frame
 * names in its header), so a frame says which one reads it and a
 * dictionary once stored is never changed. The first is trained when a
 * database reaches HY_CLEANZ_DICT_MIN meetings (the migration, or the
 * commit of an import's batch), and every text stored without one is
 * compressed again with it; a database smaller than that keeps frames
 * without a dictionary. An empty text is an empty value.
 *
 * Everything that reads a clean text reads it through hy_clean(cleanz,
 * id) in SQL (the view sections_text, the triggers, show, search,
 * export, split, reindex), which hy_cleanz_unpack implements; the
 * sqlite3 shell gets it with `.load build/huiyi_fts`. A frame that is
 * damaged or whose dictionary is missing is an error naming the meeting,
 * never wrong text (the checksum).
 *
 * Compiled twice, as pack.c is: into libhuiyi, and with HY_FTS_EXTENSION
 * into the sqlite3 shell's extension. */
#ifndef HY_STORE_CLEANZ_H
#define HY_STORE_CLEANZ_H

#ifdef HY_FTS_EXTENSION
#include <sqlite3ext.h>
#else
#include <sqlite3.h>
#endif
#include <stddef.h>
#include <stdint.h>

/* A database trains its first dictionary once it holds this many
 * meetings (hy_cleanz_set_dict_min sets another, for the tests). */
#define HY_CLEANZ_DICT_MIN 1000
/* The dictionary's size, the most texts it is trained from (spread
 * evenly over the meetings' ids) and their bytes at most. */
#define HY_CLEANZ_DICT_SIZE ((size_t)64 << 10)
#define HY_CLEANZ_SAMPLES 4000
#define HY_CLEANZ_SAMPLE_BYTES ((size_t)24 << 20)
/* The longest clean text unpacked (a bigger frame is refused as damaged). */
#define HY_CLEANZ_MAX ((size_t)1 << 30)

/* A connection's dictionaries, loaded from clean_dicts as frames name
 * them, and the last text it unpacked. One thread at a time, as the
 * connection. */
struct hy_cleanz;

/* Registers hy_clean(cleanz[, id]), hy_clean_pack(text[, dict]),
 * hy_clean_dict(cleanz) and hy_clean_train() on db; *out (when out is
 * not NULL) is a reference to the connection's struct hy_cleanz for
 * hy_cleanz_pack and hy_cleanz_unpack, released with hy_cleanz_unref.
 * SQLITE_OK or sqlite's code. */
int hy_cleanz_register(sqlite3 *db, struct hy_cleanz **out);
void hy_cleanz_unref(struct hy_cleanz *z);

/* text[0..len) packed into a malloc'd *out of *outlen bytes, with the
 * dictionary of id dict (0: none) from db's clean_dicts. len 0: an empty
 * value (*out NULL). 0, HY_ERR_NOMEM, HY_ERR_CORRUPT (no such dictionary,
 * or a damaged one) or HY_ERR_INVALID (zstd refused). */
int hy_cleanz_pack(struct hy_cleanz *z, sqlite3 *db, uint32_t dict, const char *text, size_t len,
		   void **out, size_t *outlen);

/* The clean text of a packed value: *text (NUL-terminated past *len)
 * belongs to z and stays valid until z's next call. 0, HY_ERR_NOMEM or
 * HY_ERR_CORRUPT (not a frame, too big, its dictionary missing, or its
 * checksum wrong). */
int hy_cleanz_unpack(struct hy_cleanz *z, sqlite3 *db, const void *frame, size_t n,
		     const char **text, size_t *len);

/* The dictionary a packed value needs (0: none, or not a frame). */
uint32_t hy_cleanz_dict_of(const void *frame, size_t n);

/* The newest dictionary of db (0: none, or no clean_dicts table). 0 or
 * sqlite's code. */
int hy_cleanz_current(sqlite3 *db, uint32_t *dict);

/* A dictionary trained from db's clean texts and stored, and every
 * meeting's text packed with it, when db holds at least `min` meetings
 * and no dictionary yet: *dict its id, else 0 (too few meetings, texts
 * zstd could not train on, or one already there: its id). 0,
 * HY_ERR_NOMEM, HY_ERR_CORRUPT (a text could not be read) or a negative
 * sqlite code. */
int hy_cleanz_train(struct hy_cleanz *z, sqlite3 *db, long min, uint32_t *dict);

/* HY_CLEANZ_DICT_MIN, or what hy_cleanz_set_dict_min set (n < 1: back
 * to HY_CLEANZ_DICT_MIN; for the whole process, before any thread). */
long hy_cleanz_dict_min(void);
void hy_cleanz_set_dict_min(long n);

#endif
